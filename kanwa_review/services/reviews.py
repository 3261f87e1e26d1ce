"""Review operations: start, edit header, load, list, history, finalise, amend, delete."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kanwa_review.core import text_policy
from kanwa_review.core.completeness import completeness, gaps, review_gaps
from kanwa_review.core.dates import JST, fiscal_year
from kanwa_review.core.form import Form
from kanwa_review.core.i18n import translate
from kanwa_review.core.pdca import parse_timestamp
from kanwa_review.core.review import (
    VISIT_OVERVIEW_LABELS, Review, ReviewStateError, TeamMember, VisitOverview,
    clean_review_text, new_review_uuid,
)
from kanwa_review.core.rules import RuleWarning
from kanwa_review.services.base import (
    _UNSET, Changed, IncompleteReviewError, ReviewData, ReviewSummary, ServiceBase,
)
from kanwa_review.store import pdca_repository as arepo
from kanwa_review.store import repository as repo


MAX_REASON = 500


class ReviewOps(ServiceBase):
    # --- reviews ------------------------------------------------------------------------
    def start_review(self, facility_code: str, form: Form, visit_date: date,
                     team: list[TeamMember] | tuple[TeamMember, ...] = ()) -> Review:
        team = tuple(team)
        if sum(1 for m in team if m.role == "leader") > 1:
            raise ValueError(translate("Review", "評価チームのリーダーは1人だけにしてください"))
        with self._tx():
            f = repo.facility_by_code(self.database, facility_code)
            if f is None:
                raise LookupError(translate("Review", "施設コード {code} は登録されていません").format(
                    code=facility_code))
            form_hash = repo.ensure_form(self.database, form)
            # the facility's category is kept with the review, so a later re-designation
            # does not change which items applied at this visit
            r = Review(uuid=new_review_uuid(), revision=1, facility_code=f.code,
                       facility_name=f.name, form_id=form.id, form_version=form.version,
                       form_hash=form_hash, status="draft", visit_date=visit_date,
                       fiscal_year=fiscal_year(visit_date), team=team,
                       facility_category=f.category)
            review_id = repo.insert_review(self.database, r, f.id)
            self._audit(r, "review", None, "create", None, {
                "facility": f.code, "form": f"{form.id} {form.version}",
                "visit_date": visit_date.isoformat(),
                "team": [m.__dict__ for m in team]})
        return replace(r, id=review_id)

    def reviews_of_visit(self, facility_code: str, visit_date: date) -> list[Review]:
        """The reviews held of this facility on this visit date, newest revision of each: a
        second review of one visit is asked about before it is started."""
        latest: dict[str, Review] = {}
        for r in repo.reviews_of_facility(self.database, facility_code):
            held = latest.get(r.uuid)
            if r.visit_date == visit_date and (held is None or r.revision > held.revision):
                latest[r.uuid] = r
        return list(latest.values())

    def update_review(self, uuid: str, *, visit_date: date | None = None,
                      team: tuple[TeamMember, ...] | None = None,
                      overall_comment: str | None = None,
                      overview: VisitOverview | None = None,
                      plan_due: date | None | object = _UNSET,
                      follow_up: date | None | object = _UNSET) -> Changed:
        """Change a draft's header and details; only what is given (and differs) is written,
        audited as one 'update' entry. `plan_due` / `follow_up` take None to clear a date."""
        with self._tx():
            r = self._draft(uuid)
            old, new = {}, {}
            if visit_date is not None and visit_date != r.visit_date:
                old["visit_date"] = r.visit_date.isoformat()
                new["visit_date"] = visit_date.isoformat()
                repo.set_visit_date(self.database, r.id, visit_date, fiscal_year(visit_date))
            if team is not None and tuple(team) != r.team:
                old["team"] = [m.__dict__ for m in r.team]
                new["team"] = [m.__dict__ for m in team]
                repo.replace_team(self.database, r.id, tuple(team))
            details = self._detail_changes(r, overall_comment, overview, plan_due, follow_up)
            if details:
                repo.set_review_details(self.database, r.id, details)
                for key, value in details.items():
                    before = repo.detail_values(r)[key]
                    old[key] = before if before else None
                    new[key] = value.isoformat() if isinstance(value, date) else (value or None)
            if new:
                repo.touch_review(self.database, r.id)
                self._audit(r, "review", None, "update", old, new)
        return Changed(uuid, r.revision, review=bool(new))

    @staticmethod
    def _detail_changes(r: Review, overall_comment, overview, plan_due, follow_up) -> dict:
        """DETAIL_COLUMNS key -> new value, for the details that change."""
        out: dict = {}
        if overall_comment is not None:
            text = clean_review_text(overall_comment, "総評")
            if text != r.overall_comment:
                out["overall_comment"] = text
        if overview is not None:
            for key, label in VISIT_OVERVIEW_LABELS.items():
                text = clean_review_text(getattr(overview, key), label)
                if text != getattr(r.overview, key):
                    out[key] = text
        for key, value in (("plan_due", plan_due), ("follow_up", follow_up)):
            if value is _UNSET:
                continue
            if value is not None and not isinstance(value, date):
                raise ValueError(f"{key}: a date or None")
            if value is not None and value < r.visit_date:
                raise ValueError(translate(
                    "reviews", "{date} は訪問日 {visit} より前です。訪問日以降の日付にしてください"
                ).format(date=value.isoformat(), visit=r.visit_date.isoformat()))
            if value != getattr(r, key):
                out[key] = value
        return out

    def set_overall_comment(self, uuid: str, text: str) -> Changed:
        """総評 of a draft (the findings tab): the team's overall remarks, printed first in
        the report and required to finalise."""
        return self.update_review(uuid, overall_comment=text)

    def set_visit_overview(self, uuid: str, **fields: str) -> Changed:
        """訪問の概要 of a draft: any of schedule (日程), interviewees (面談者), documents
        (確認資料), departments (見学部署); fields not given keep their text."""
        unknown = set(fields) - set(VISIT_OVERVIEW_LABELS)
        if unknown:
            raise ValueError(f"unknown visit overview fields {sorted(unknown)}; use "
                             f"{list(VISIT_OVERVIEW_LABELS)}")
        current = self.review(uuid).overview
        return self.update_review(uuid, overview=replace(current, **fields))

    def set_plan_dates(self, uuid: str, *, plan_due: date | None | object = _UNSET,
                       follow_up: date | None | object = _UNSET) -> Changed:
        """改善計画の提出期限 and 次回フォローアップ of a draft (None clears one)."""
        return self.update_review(uuid, plan_due=plan_due, follow_up=follow_up)

    def review_warnings(self, uuid: str, revision: int | None = None, *,
                        lang: str | None = None) -> list[RuleWarning]:
        """Consistency warnings of a review (the form's rules, exclusive choices, figures
        whose period ends after the visit), with the review's facility category and visit
        date: what the checklist shows live and the finalise page lists. Never a block."""
        return self.load(uuid, revision).warnings(lang=lang)

    def finalise_check(self, uuid: str) -> tuple[list, list[RuleWarning]]:
        """What the finalise page shows: (gaps that block finalising, warnings that do not)."""
        data = self.load(uuid)
        return data.gaps(), data.warnings()

    def review(self, uuid: str, revision: int | None = None) -> Review:
        r = repo.review(self.database, uuid, revision)
        if r is None:
            raise LookupError(f"評価 {uuid}" + (f" 第{revision}版" if revision else "")
                              + " が見つかりません / "
                              + f"no review {uuid}" + (f" revision {revision}" if revision else "")
                              + f" in {self.database.path}")
        return r

    def form_of(self, review: Review) -> Form:
        return repo.form_by_hash(self.database, review.form_hash)

    def load(self, uuid: str, revision: int | None = None) -> ReviewData:
        r = self.review(uuid, revision)
        return ReviewData(r, self.form_of(r), repo.answers(self.database, r.id),
                          repo.findings(self.database, r.id))

    def list_reviews(self, *, include_history: bool = False) -> list[ReviewSummary]:
        rows = repo.review_rows(self.database, current_only=not include_history)
        out = []
        answers_by_review = repo.all_answers(self.database)
        for r in rows:
            form = repo.form_by_hash(self.database, r["form_hash"])
            out.append(ReviewSummary(
                uuid=r["uuid"], revision=r["revision"], facility_code=r["facility_code"],
                facility_name=r["facility_name"], visit_date=date.fromisoformat(r["visit_date"]),
                fiscal_year=r["fiscal_year"], status=r["status"], form_id=r["form_id"],
                form_version=r["form_version"],
                completeness=completeness(form, answers_by_review.get(r["id"], {}),
                                          r["facility_category"]),
                updated_at=r["updated_at"] or "", finalised_at=r["finalised_at"]))
        return out

    def history(self, uuid: str) -> list[Review]:
        rows = self.database.query("SELECT revision FROM reviews WHERE uuid = ? ORDER BY revision",
                                   (uuid,))
        return [self.review(uuid, row["revision"]) for row in rows]

    # --- lifecycle ----------------------------------------------------------------------
    def finalise(self, uuid: str, signed_by: str, *, at: str | None = None) -> Changed:
        """Lock the current revision after checking completeness (総評 and the items); the
        leader signs it off. `at` (ISO timestamp, default now) is for the demo, which dates
        sign-offs within weeks of its invented visits; it may not be before the visit."""
        signed_by = text_policy.clean(signed_by, text_policy.LINE).strip()
        if not signed_by:
            raise ValueError(translate("Review", "確定にはリーダーの氏名が必要です"))
        with self._tx():
            r = self._draft(uuid)
            form = self.form_of(r)
            answers = repo.answers(self.database, r.id)
            missing = (review_gaps(r, form, answers)
                       + gaps(form, answers, r.facility_category))
            if missing:
                raise IncompleteReviewError(missing)
            ts = repo.now_iso()
            if at is not None:
                when = parse_timestamp(at)
                if when.astimezone(JST).date() < r.visit_date or when > parse_timestamp(ts):
                    raise ValueError(f"{at}: a sign-off lies between the visit "
                                     f"({r.visit_date}) and now")
                ts = at
            repo.finalise_review(self.database, r.id, finalised_at=ts, finalised_by=signed_by,
                                 updated_at=ts)
            self._audit(r, "review", None, "finalise", {"status": "draft"},
                        {"status": "final", "finalised_by": signed_by}, at=ts)
        return Changed(uuid, r.revision, review=True)

    def amend(self, uuid: str, reason: str) -> Review:
        """Start revision n+1 of a final review, carrying its answers, findings and team.

        `reason` (why a finalised review is changed) is required: it is written to the audit
        trail, travels with the package in the hash-chained trail, and is printed as the
        revision note of the feedback report."""
        reason = " ".join(str(reason or "").split())
        if not reason:
            raise ValueError(translate("Review", "修正版を作るには修正の理由が必要です。確定後に何を、なぜ"
                                       "直すのかを入力してください（変更履歴と報告書に記録されます）"))
        if len(reason) > MAX_REASON:
            raise ValueError(translate("Review", "修正の理由は{n}文字以内で入力してください").format(
                n=MAX_REASON))
        with self._tx():
            r = self.review(uuid)
            if not r.is_final:
                raise ReviewStateError(translate(
                    "Review", "第{revision}版はまだ下書きです。修正版を作らずに、そのまま編集してください"
                ).format(revision=r.revision))
            fid = repo.facility_by_code(self.database, r.facility_code).id
            new = replace(r, revision=r.revision + 1, status="draft", finalised_at=None,
                          finalised_by=None, id=None)
            new_id = repo.insert_review(self.database, new, fid)
            ts = repo.now_iso()
            for a in repo.answers(self.database, r.id).values():
                repo.write_answer(self.database, new_id, a, self.actor, ts)
            for f in repo.findings(self.database, r.id):
                copy_id = repo.insert_finding(self.database, new_id, f, ts)
                # improvement actions agreed on a finding follow it into the revision that is
                # now being edited (actions are facility data, so no audit row of the review)
                arepo.move_finding_links(self.database, f.id, copy_id)
            repo.mark_superseded(self.database, r.id)
            self._audit(new, "review", None, "amend", {"revision": r.revision},
                        {"revision": new.revision, "reason": reason}, at=ts)
        return self.review(uuid)

    def amendment_reason(self, uuid: str, revision: int) -> str | None:
        """Why revision `revision` (> 1) was made, from the audit trail (also for revisions
        imported from a team's package); None for a first revision or an older amendment
        made before reasons were asked."""
        for entry in reversed(repo.audit_rows(self.database, uuid)):
            new = entry.get("new")
            if entry["action"] == "amend" and entry["entity"] == "review" \
                    and entry["revision"] == revision and isinstance(new, dict):
                reason = new.get("reason")
                return reason if isinstance(reason, str) and reason else None
        return None

    def delete_draft(self, uuid: str) -> Changed:
        """Delete a draft that was never finalised (its audit entries stay)."""
        with self._tx():
            r = self._draft(uuid)
            if r.revision > 1:
                raise ReviewStateError(translate(
                    "Review", "前の版がある修正版の下書きは削除できません。確定してください"))
            repo.delete_review(self.database, r.id)
            self._audit(r, "review", None, "delete", {"facility": r.facility_code}, None)
        return Changed(uuid, r.revision, review=True)

    def audit_trail(self, uuid: str) -> list[dict]:
        return repo.audit_rows(self.database, uuid)

    def previous_final(self, uuid: str) -> Review | None:
        """The facility's latest finalised review visited before this one (for comparisons)."""
        r = self.review(uuid)
        rows = self.database.query(
            "SELECT r.uuid, r.revision FROM reviews r JOIN facilities f ON f.id = r.facility_id "
            "WHERE f.code = ? AND r.status = 'final' AND r.superseded = 0 AND r.uuid != ? "
            "AND r.visit_date < ? ORDER BY r.visit_date DESC LIMIT 1",
            (r.facility_code, r.uuid, r.visit_date.isoformat()))
        return self.review(rows[0]["uuid"], rows[0]["revision"]) if rows else None

    def latest_per_facility(self, *, final_only: bool = True) -> list[Review]:
        """Each facility's most recent review (by visit date): what batch reports print."""
        status = "AND r.status = 'final'" if final_only else ""
        rows = self.database.query(
            "SELECT r.uuid, r.revision, f.code FROM reviews r "
            "JOIN facilities f ON f.id = r.facility_id "
            f"WHERE r.superseded = 0 {status} ORDER BY f.code, r.visit_date DESC, r.revision DESC")
        seen, out = set(), []
        for row in rows:
            if row["code"] not in seen:
                seen.add(row["code"])
                out.append(self.review(row["uuid"], row["revision"]))
        return out


    def coherence_problems(self, *, include_drafts: bool = False) -> dict[str, list]:
        """uuid -> what keeps each current review from telling one story (core.coherence):
        C/D without a comment or a finding, contradicting answers, figures from periods after
        the visit, no 総評. Finalised reviews only unless `include_drafts`; reviews without
        problems are left out, so an empty dict means every review passes."""
        from kanwa_review.core.coherence import coherence_problems

        out = {}
        for row in self.list_reviews():
            if row.status != "final" and not include_drafts:
                continue
            problems = coherence_problems(self.load(row.uuid, row.revision))
            if problems:
                out[row.uuid] = problems
        return out
