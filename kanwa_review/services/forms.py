"""Form use cases (評価票): check, the editing workbook both ways, diff of two versions,
installing a form sent by the hub, the hub's current form per fiscal year with the warning for
a review on another version, and moving open drafts to a new version (migrate).

Where installed forms live: in the database, as the form's row of `forms` (its canonical JSON
by hash, like every form a review uses) flagged `installed_at`. `offered_forms` (the forms a new
review may use) is the shipped forms and the installed ones. Signing: see `form_signature`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kanwa_review.core.carry import Carried, Check, carry_answers
from kanwa_review.core.dates import fiscal_year as fiscal_year_of
from kanwa_review.core.form import Form, FormError, load_form, shipped_forms
from kanwa_review.core.form_diff import FormDiff, diff_forms
from kanwa_review.core.i18n import translate
from kanwa_review.core.review import Answer
from kanwa_review.core.revisions import (
    map_problems_against, reaches, related, revision_path,
)
from kanwa_review.services.base import ServiceBase
from kanwa_review.store import forms_repository as frepo
from kanwa_review.store import repository as repo

MAX_SIBLINGS = 50   # form files looked at beside a checked file, to find the version it revises
MIGRATED, UNCHANGED, SKIPPED, REFUSED = "migrated", "unchanged", "skipped", "refused"


@dataclass(frozen=True)
class FormCheck:
    """The result of checking one form file (`forms check`)."""

    path: str
    form: Form | None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()       # what was not checked, and why

    @property
    def ok(self) -> bool:
        return self.form is not None and not self.problems


@dataclass(frozen=True)
class InstalledForm:
    form: Form
    newly: bool                       # False: it was installed already
    signature: str = "unsigned"       # see FormOps.form_signature
    signer: str | None = None


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


def _write_atomically(out: Path, data: bytes) -> Path:
    """Write under a temporary name in the same folder, then rename: never half a file."""
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".kanwa-", suffix=out.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def _first_difference(a: object, b: object, path: str = "") -> str:
    if type(a) is not type(b) or not isinstance(a, (dict, list)):
        return path if a != b else ""
    if isinstance(a, dict):
        for key in list(a) + [k for k in b if k not in a]:
            found = _first_difference(a.get(key), b.get(key), f"{path}.{key}" if path else key)
            if found:
                return found
        return ""
    if len(a) != len(b):
        return path
    for n, (x, y) in enumerate(zip(a, b)):
        found = _first_difference(x, y, f"{path}[{n}]")
        if found:
            return found
    return ""


def _load_quietly(paths: Iterable[Path]) -> list[Form]:
    out = []
    for p in paths:
        try:
            out.append(load_form(p))
        except FormError:
            continue
    return out


class FormOps(ServiceBase):
    """Mixin of `Services`; uses ReviewOps (review, form_of)."""

    # --- files, no database -------------------------------------------------------------
    @staticmethod
    def check_form_files(paths: Sequence[str | Path]) -> list[FormCheck]:
        """`forms check`: each file strictly, and a revision map against the version it
        revises when that version is among the files, beside the file, or shipped."""
        loaded: list[tuple[str, Form | None, list[str]]] = []
        for p in paths:
            try:
                loaded.append((str(p), load_form(p, strict=True), []))
            except FormError as exc:
                loaded.append((str(p), None, [str(x) for x in exc.problems]))
        # an earlier version is a reference, not a form to ship: read it as reviews read it
        given = _load_quietly(Path(p) for p, form, _e in loaded if form is None)
        given += [f for _p, f, _e in loaded if f is not None]
        out = []
        for p, form, problems in loaded:
            notes: list[str] = []
            if form is not None and form.replaces is not None:
                m = form.replaces
                pool = given + _sibling_forms(Path(p)) + _shipped_quietly()
                old = next((f for f in pool if (f.id, f.version) == (m.form, m.version)), None)
                if old is None:
                    notes.append(translate(
                        "forms", "{p}: 改訂前の版 {form} {version} が見つからないため、対応表の旧項目は"
                                 "確かめていません（その版のファイルも一緒に指定してください）"
                    ).format(p=p, form=m.form, version=m.version))
                else:
                    problems = problems + [f"{p} [{code or '-'}]: {message}"
                                           for code, message in map_problems_against(old, form)]
            out.append(FormCheck(p, form if not problems else None, tuple(problems),
                                 tuple(notes)))
        return out

    @staticmethod
    def write_form_workbook(form: Form, out: str | Path) -> Path:
        """The editing workbook of `form` (評価票を編集用Excelに書き出す). It is read back before
        it is kept: a form the workbook cannot hold exactly is refused (ValueError), never
        written half-right."""
        from kanwa_review.exchange.form_workbook import (
            FormWorkbookInvalid, form_workbook_bytes, read_form_workbook,
        )

        out = Path(out)
        data = form_workbook_bytes(form)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".kanwa-", suffix=".xlsx")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            try:
                back = read_form_workbook(tmp, strict=False)
            except FormWorkbookInvalid as exc:
                raise ValueError(translate(
                    "forms", "{form}: 編集用Excelに正しく書き出せませんでした（{why}）").format(
                    form=form.label(), why=exc.problems[0])) from None
            if back.sha256 != form.sha256:
                import json

                where = _first_difference(json.loads(form.canonical_json()),
                                          json.loads(back.canonical_json()))
                raise ValueError(translate(
                    "forms", "{form}: この評価票の {where} は編集用Excelでは正確に表せません。"
                             "YAML のまま編集してください").format(form=form.label(), where=where))
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return out

    @staticmethod
    def read_form_workbook(path: str | Path, *, strict: bool = True) -> Form:
        """The form an editing workbook holds (Excelから評価票を作成), checked as `forms check`
        checks a file, its revision map against the version it revises when that version is
        shipped. FormWorkbookInvalid lists every problem as sheet!cell; WorkbookRefused when
        the file is not opened at all."""
        from kanwa_review.exchange.form_workbook import FormWorkbookInvalid, read_form_workbook

        form = read_form_workbook(path, strict=strict)
        if form.replaces is not None:
            m = form.replaces
            old = next((f for f in _shipped_quietly() if (f.id, f.version) == (m.form, m.version)),
                       None)
            if old is not None:
                problems = map_problems_against(old, form)
                if problems:
                    raise FormWorkbookInvalid([
                        f"{Path(path).name} 対応表 [{code or '-'}]: {message}"
                        for code, message in problems])
        return form

    @staticmethod
    def save_form_yaml(form: Form, out: str | Path, *, source: str = "") -> Path:
        """Write `form` as a YAML form file (what from-xlsx produces), checked by reading it
        back: the file holds exactly this form."""
        from kanwa_review.core.form import parse_form
        from kanwa_review.exchange.form_workbook import form_yaml

        header = translate("forms", "{title} {version} — kanwa-review が {source} から作成"
                                    "（編集は元のExcelで行い、forms from-xlsx で作り直してください）"
                           ).format(title=form.title.ja, version=form.version,
                                    source=source or "Excel")
        text = form_yaml(form, header=header)
        if parse_form(text, str(out)).sha256 != form.sha256:   # never: a guard for the writer
            raise ValueError(f"{out}: the YAML written does not hold the form exactly")
        return _write_atomically(Path(out), text.encode("utf-8"))

    @staticmethod
    def diff_form_files(old: str | Path, new: str | Path) -> FormDiff:
        """`forms diff OLD NEW`: the changes, through NEW's map when it names OLD's version."""
        return diff_forms(load_form(old), load_form(new))

    # --- forms held in the database -----------------------------------------------------
    def _form_pool(self, *extra: Form) -> list[Form]:
        """Every form this installation knows: held, shipped, and any given."""
        pool = [repo.form_by_hash(self.database, h) for h in repo.form_hashes(self.database)]
        return [*extra, *pool, *_shipped_quietly()]

    def known_form_versions(self) -> list[Form]:
        """Every form held here and the shipped ones: the versions a chain of revisions may
        pass through when visits on different versions are compared."""
        return self._form_pool()

    def form_signature(self, path: Path, form: Form) -> tuple[str, str | None]:
        """(status, signer) of a form file: always ("unsigned", None) for now.

        The hook for signed forms: once the key store of the `trust` work exists (trusted
        Ed25519 public keys in the database), a hub signs the form's SHA-256 (form.sha256, the
        hash of its canonical JSON — layout and comments do not matter) into `FILE.sig` beside
        the form file; this method then reads FILE.sig, verifies it against the trusted keys
        and returns "trusted" / "unknown" / "invalid" / "revoked" with the signer's name, and
        `install_form(require_signature=True)` refuses anything but "trusted"."""
        return "unsigned", None

    def install_form(self, path: str | Path, *, require_signature: bool = False
                     ) -> InstalledForm:
        """Install a form file the hub sent (forms install): checked strictly (FormError),
        stored with its content hash and offered for new reviews. Installing it again changes
        nothing."""
        path = Path(path)
        form = load_form(path, strict=True)
        status, signer = self.form_signature(path, form)
        if require_signature and status != "trusted":
            raise ValueError(translate(
                "forms", "{file}: 署名が確認できないため入れません（署名: {status}）").format(
                file=path, status=status))
        with self._tx():
            newly = frepo.mark_installed(self.database, form, at=repo.now_iso(), by=self.actor,
                                         source=path.name)
            if newly:
                self._audit(None, "form", form.sha256, "install", None,
                            {"form": form.id, "version": form.version, "file": path.name,
                             "signature": status})
        return InstalledForm(form, newly, status, signer)

    def installed_forms(self) -> list[Form]:
        return [repo.form_by_hash(self.database, h)
                for h in frepo.installed_hashes(self.database)]

    def offered_forms(self) -> list[Form]:
        """The forms a new review may use: installed ones (latest first), then the shipped
        ones not installed under the same id and version."""
        out = self.installed_forms()
        held = {(f.id, f.version) for f in out}
        return out + [f for f in _shipped_quietly() if (f.id, f.version) not in held]

    def held_forms(self) -> list[dict]:
        """Every form in the database with its use: hash, form_id, version, title, added_at,
        installed_at, installed_from, reviews, current_years (fiscal years it is current)."""
        current: dict[str, list[int]] = {}
        for fy, h in frepo.current_settings(self.database).items():
            current.setdefault(h, []).append(fy)
        return [{**row, "current_years": current.get(row["hash"], [])}
                for row in frepo.form_rows(self.database)]

    def find_held_form(self, version: str, form_id: str | None = None) -> Form:
        """A held form by version (and id, when several forms have that version)."""
        ids = {r["form_id"] for r in frepo.form_rows(self.database) if r["version"] == version
               and (form_id is None or r["form_id"] == form_id)}
        if not ids:
            pool = [f for f in _shipped_quietly() if f.version == version
                    and (form_id is None or f.id == form_id)]
            if len(pool) == 1:
                return pool[0]
            raise LookupError(translate(
                "forms", "版 {version} の評価票はこのデータベースにありません。forms install で"
                         "入れてください").format(version=version))
        if len(ids) > 1:
            raise LookupError(translate(
                "forms", "版 {version} の評価票が複数あります（{ids}）。--form で評価票IDを"
                         "指定してください").format(version=version, ids=", ".join(sorted(ids))))
        hashes = frepo.hashes_of_version(self.database, ids.pop(), version)
        return repo.form_by_hash(self.database, hashes[0])

    def set_current_form(self, fiscal_year: int, form: Form | None) -> None:
        """The hub's setting: `form` is the checklist of fiscal year `fiscal_year` (None:
        no setting). A review of that year on another version gets `form_warning`."""
        with self._tx():
            old = frepo.current_settings(self.database).get(fiscal_year)
            if form is None:
                frepo.clear_current(self.database, fiscal_year)
                new = None
            else:
                repo.ensure_form(self.database, form)
                frepo.set_current(self.database, fiscal_year, form.sha256, at=repo.now_iso(),
                                  by=self.actor)
                new = {"hash": form.sha256, "form": form.id, "version": form.version}
            if (new or {}).get("hash") != old:
                self._audit(None, "setting", f"current_form:{fiscal_year}", "set",
                            {"hash": old} if old else None, new)

    def current_forms(self) -> dict[int, Form]:
        """Fiscal year -> the hub's current form for it."""
        return {fy: repo.form_by_hash(self.database, h)
                for fy, h in frepo.current_settings(self.database).items()}

    def form_warning_for(self, form: Form, visit_date: date) -> str | None:
        """Why a review of `form` visited on `visit_date` is on an outdated form, or None:
        the hub set another version for that fiscal year, or (without a setting) a later
        version of the form is offered here."""
        fy = fiscal_year_of(visit_date)
        current = self.current_forms().get(fy)
        pool = self._form_pool(form)
        if current is not None:
            if (current.id, current.version) == (form.id, form.version) or not related(
                    form, current, pool):
                return None
            return translate(
                "forms", "{fy}年度の評価票は {current} と定められています（この評価は {mine}）。"
                         "下書きは「評価票の移行」（kanwa-review migrate）で移せます").format(
                fy=fy, current=current.version, mine=form.version)
        later = [f for f in self.offered_forms() if _is_later(f, form, pool)]
        if not later:
            return None
        return translate(
            "forms", "この評価票（{mine}）には新しい版 {later} があります。下書きは「評価票の移行」"
                     "（kanwa-review migrate）で移せます").format(
            mine=form.version, later="、".join(sorted({f.version for f in later})))

    def form_warning(self, uuid: str) -> str | None:
        """`form_warning_for` of a review's form and visit date (for the review screen);
        None for a finalised review, which stays on its form for ever."""
        r = self.review(uuid)
        if r.is_final:
            return None
        return self.form_warning_for(self.form_of(r), r.visit_date)

    # --- migrating drafts ---------------------------------------------------------------
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
        from kanwa_review.core.revisions import map_item_codes

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


_shipped_cache: dict[tuple, list[Form]] = {}


def _shipped_quietly() -> list[Form]:
    """The shipped forms (read once per content of the forms folder); [] if one is broken."""
    from kanwa_review.core.resources import forms_dir

    try:
        key = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                    for p in sorted(forms_dir().glob("*.yaml")))
    except OSError:
        key = ()
    if key not in _shipped_cache:
        try:
            _shipped_cache.clear()
            _shipped_cache[key] = shipped_forms()
        except FormError:
            _shipped_cache[key] = []
    return list(_shipped_cache[key])


def _sibling_forms(path: Path) -> list[Form]:
    folder = path.parent
    try:
        files = sorted(p for p in folder.glob("*.yaml") if p.resolve() != path.resolve())
    except OSError:
        return []
    return _load_quietly(files[:MAX_SIBLINGS])


def _is_later(candidate: Form, form: Form, pool: list[Form]) -> bool:
    """Whether `candidate` revises `form` (its maps lead back to `form`'s version)."""
    if (candidate.id, candidate.version) == (form.id, form.version):
        return False
    steps = revision_path(form, candidate, pool)
    if reaches(steps) and any(s.mapped for s in steps):
        return True
    # the same checklist without a map between: versions such as 2026.2 < 2026.10
    return candidate.id == form.id and _version_key(candidate.version) > _version_key(
        form.version)


def _version_key(version: str) -> tuple:
    import re

    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-_ ]", version))


__all__ = ["FormOps", "FormCheck", "InstalledForm", "MigrationResult", "check_json"]
