"""Moving open drafts to a new version of their form (評価票の移行, `kanwa-review migrate`) by
its revision map, one transaction per review, with the "what changed" list (core.carry)."""

from __future__ import annotations

from dataclasses import dataclass

from kanwa_review.core.carry import Carried, Check, carry_answers
from kanwa_review.core.form import Form
from kanwa_review.core.i18n import translate
from kanwa_review.core.review import Answer, legacy_overall_item, overall_comment
from kanwa_review.core.revisions import map_item_codes, related, revision_path
from kanwa_review.services.base import ServiceBase
from kanwa_review.store import forms_repository as frepo
from kanwa_review.store import repository as repo

MIGRATED, UNCHANGED, SKIPPED, REFUSED = "migrated", "unchanged", "skipped", "refused"


@dataclass(frozen=True)
class MigrationResult:
    """One review's move to another version of its form, and what needs a second look."""

    uuid: str
    revision: int
    facility_code: str
    facility_name: str
    from_version: str
    to_version: str
    status: str                       # migrated | unchanged | skipped | refused
    message: str = ""
    moved: int = 0                    # answers carried
    checks: tuple[Check, ...] = ()    # the "what changed" list
    findings: tuple[int, ...] = ()    # findings whose item codes were rewritten

    def to_json(self) -> dict:
        return {"review": self.uuid, "revision": self.revision,
                "facility_code": self.facility_code, "from_version": self.from_version,
                "to_version": self.to_version, "status": self.status, "message": self.message,
                "moved": self.moved, "checks": [check_json(c) for c in self.checks]}


def check_json(c: Check) -> dict:
    return {"item": c.code, "sources": list(c.sources), "reason": c.reason,
            "message": c.message, "aspects": list(c.aspects),
            "old": [repo.answer_dict(a) for a in c.old]}


class FormMigrationOps(ServiceBase):
    """Mixin of `Services`; uses ReviewOps and FormDistributionOps (`_form_pool`)."""

    def migrate_drafts(self, to: Form, review: str | None = None) -> list[MigrationResult]:
        """Move drafts to the form `to` following its revision map (by item code where there
        is none): `review`, or every draft on another version of the same form. One
        transaction per review; finalised revisions are never moved, nor amendment drafts
        (a correction of a finalised visit stays on that visit's form)."""
        pool = self._form_pool(to)
        if review is not None:
            return [self._migrate_one(review, to, pool)]
        out = []
        for uuid, _revision, form_hash, _id in frepo.drafts(self.database):
            if form_hash == to.sha256:
                continue
            if not related(repo.form_by_hash(self.database, form_hash), to, pool):
                continue
            out.append(self._migrate_one(uuid, to, pool))
        return out

    def _migrate_one(self, uuid: str, to: Form, pool: list[Form]) -> MigrationResult:
        r = self.review(uuid)
        old = self.form_of(r)

        def result(status: str, message: str, **kw) -> MigrationResult:
            return MigrationResult(r.uuid, r.revision, r.facility_code, r.facility_name,
                                   old.version, to.version, status, message, **kw)

        if r.is_final:
            return result(REFUSED, translate(
                "forms", "確定済みの評価は移行しません。確定した版はその評価票のまま残ります"))
        if r.revision > 1:
            return result(SKIPPED, translate(
                "forms", "修正版の下書きは、確定済みの前の版と同じ評価票のままにします"))
        if r.form_hash == to.sha256:
            return result(UNCHANGED, translate("forms", "すでにこの評価票です"))
        if not related(old, to, pool):
            return result(REFUSED, translate(
                "forms", "評価票 {old} と {new} は別の評価票で、対応表もないため移行できません"
            ).format(old=old.id, new=to.id))
        steps = revision_path(old, to, pool)
        with self._tx():
            r = self._draft(uuid)
            answers = repo.answers(self.database, r.id)
            carried = carry_answers(steps, answers)
            ts = repo.now_iso()
            repo.ensure_form(self.database, to)
            frepo.set_review_form(self.database, r.id, to.sha256)
            self._rewrite_answers(r, answers, carried, ts)
            # 総評 was checklist item J-7 before 2026.2 and is a field of the review since:
            # a draft moving across that change keeps its text there (the answer itself is
            # dropped by the map, and stays in the audit trail)
            if legacy_overall_item(old) and not legacy_overall_item(to) \
                    and not r.overall_comment.strip():
                text = overall_comment(r, old, answers)
                if text:
                    self.update_review(uuid, overall_comment=text)
            findings = self._rewrite_findings(r, steps, ts)
            self._audit(r, "review", None, "migrate",
                        {"form": f"{old.id} {old.version}", "hash": old.sha256},
                        {"form": f"{to.id} {to.version}", "hash": to.sha256,
                         "mapped": any(s.mapped for s in steps),
                         "checks": [check_json(c) for c in carried.checks]}, at=ts)
            repo.touch_review(self.database, r.id, ts)
        self._dependents.pop(old.sha256, None)
        return result(MIGRATED, translate(
            "forms", "{n} 件の回答を移しました。確認が必要な項目: {k} 件").format(
            n=len(carried.moved), k=len(carried.checks)),
            moved=len(carried.moved), checks=carried.checks, findings=findings)

    def _rewrite_answers(self, r, answers: dict[str, Answer], carried: Carried,
                         ts: str) -> None:
        """Old answers out, carried ones in: one audit entry per moved answer, and one per
        old answer that was not carried (so the audit trail keeps it)."""
        for code in answers:
            repo.write_answer(self.database, r.id, Answer(code), self.actor, ts)
        used: set[str] = set()
        for m in carried.moved:
            repo.write_answer(self.database, r.id, m.answer, self.actor, ts)
            used.update(m.sources)
            self._audit(r, "answer", m.code, "migrate",
                        {"from": list(m.sources), "rule": m.rule,
                         "answers": {s: repo.answer_dict(answers[s]) for s in m.sources
                                     if s in answers}},
                        repo.answer_dict(m.answer), at=ts)
        reasons = {s: c.reason for c in carried.checks for s in c.sources}
        for code, a in answers.items():
            if code not in used and not a.is_empty():
                self._audit(r, "answer", code, "migrate_drop", repo.answer_dict(a),
                            {"reason": reasons.get(code, "dropped")}, at=ts)

    def _rewrite_findings(self, r, steps, ts: str) -> tuple[int, ...]:
        changed = []
        for f in repo.findings(self.database, r.id):
            codes = map_item_codes(steps, f.item_codes)
            if codes != tuple(f.item_codes):
                frepo.set_finding_items(self.database, f.id, codes, ts)
                self._audit(r, "finding", str(f.id), "migrate",
                            {"item_codes": list(f.item_codes)}, {"item_codes": list(codes)},
                            at=ts)
                changed.append(f.id)
        return tuple(changed)

    def migration_checks(self, uuid: str) -> list[dict]:
        """The "what changed" list of the review's latest move to another form (as
        `check_json` gives it), for the page that shows it again later; [] if never moved."""
        rows = [a for a in repo.audit_rows(self.database, uuid)
                if a["entity"] == "review" and a["action"] == "migrate"]
        return list((rows[-1]["new"] or {}).get("checks", [])) if rows else []


__all__ = ["FormMigrationOps", "MigrationResult", "check_json", "MIGRATED", "UNCHANGED",
           "SKIPPED", "REFUSED"]
