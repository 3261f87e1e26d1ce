"""PDCA operations: improvement actions (改善計画) with progress, follow-up reviews
(フォローアップ), and a facility's history over fiscal years.

Actions belong to the facility, so they stay editable after the review that agreed them is
final. Every change is one transaction with an audit entry (entity "action", key = action
uuid, attached to the origin review when this database holds it), stamped with the time it was
recorded here; the time a change was made elsewhere is part of the data. The stale rule
protects data that arrives late: an update older than the stored state is ignored (imports,
`updated_at=`) or refused (an editor's `expected_updated_at=`), never written over newer data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from kanwa_review.core.form import Form
from kanwa_review.core.history import FacilityHistory, VisitScores, build_history
from kanwa_review.core.revisions import correspondence
from kanwa_review.core.pdca import (
    NOT_STARTED, ImprovementAction, ProgressNote, StaleUpdateError, check_not_future,
    check_transition, clean_fields, clean_note, is_stale, new_action_uuid, normalise_timestamp,
    now_timestamp, parse_timestamp,
)
from kanwa_review.core.review import Answer, AnswerError, Review, TeamMember
from kanwa_review.services.base import _UNSET, Changed, ServiceBase
from kanwa_review.store import pdca_repository as arepo
from kanwa_review.store import repository as repo
from kanwa_review.core.i18n import translate

NO_ITEM = ""  # key of `open_actions_by_item` for actions tied to no checklist item


@dataclass(frozen=True)
class ActionChanged:
    """What one action call did, for screens and importers to report and refresh from."""

    action: ImprovementAction          # the state after the call (the removed one for delete)
    fields: tuple[str, ...] = ()       # fields written; "progress" when a note was added
    created: bool = False
    deleted: bool = False
    stale: bool = False                # ignored: older than the stored state, nothing written

    @property
    def changed(self) -> bool:
        return bool(self.fields) or self.created or self.deleted


def _after(stored: str | None, ts: str) -> str:
    """`ts`, or just after `stored` when a clock behind the stored time would make a fresh
    local edit look older than the data it replaces."""
    if stored and parse_timestamp(ts) <= parse_timestamp(stored):
        return normalise_timestamp(parse_timestamp(stored) + timedelta(milliseconds=1))
    return ts


def _audit_value(key: str, value):
    if key == "due_date":
        return value.isoformat() if value else None
    if key == "item_codes":
        return list(value)
    return value


class PdcaOps(ServiceBase):
    """Mixin of `Services`; uses ReviewOps (start_review, previous_final, load) and AnswerOps."""

    # --- plumbing -----------------------------------------------------------------------
    def _action(self, action_uuid: str) -> ImprovementAction:
        a = arepo.action(self.database, action_uuid)
        if a is None:
            raise LookupError(translate("pdca", "改善計画 {action} は {database} にありません").format(
                action=action_uuid, database=self.database.path))
        return a

    def _origin(self, a: ImprovementAction) -> Review | None:
        if not a.origin_review_uuid:
            return None
        return (repo.review(self.database, a.origin_review_uuid, a.origin_revision)
                or repo.review(self.database, a.origin_review_uuid))

    def _facility_id(self, facility_code: str) -> int:
        f = repo.facility_by_code(self.database, facility_code)
        if f is None:
            raise LookupError(translate("pdca", "施設コード {code} は登録されていません").format(
                code=facility_code))
        return f.id

    def _check_codes_in_form(self, review: Review, codes: tuple[str, ...]) -> None:
        form = self.form_of(review)
        unknown = [c for c in codes if not form.has_item(c)]
        if unknown:
            raise ValueError(translate("pdca", "項目コード {codes} は評価票 {form} {version} にありません").format(
                codes=unknown, form=form.id, version=form.version))

    # --- actions: create, edit, progress, delete ----------------------------------------
    def add_action(self, facility_code: str, title: str, *, owner_role: str = "",
                   owner_name: str = "", due_date: date | str | None = None,
                   success_measure: str = "", status: str = NOT_STARTED,
                   origin_review_uuid: str | None = None, finding_id: int | None = None,
                   item_codes=(), created_at: str | None = None) -> ImprovementAction:
        """Agree a new improvement action for a facility.

        With `finding_id` the action answers that finding (a 改善が望まれる点 or 提言): its review
        becomes the origin and its item codes are used when `item_codes` is empty. Item codes
        are checked against the origin review's form. `created_at` (default now) is for the
        demo and for plans agreed on paper earlier."""
        fields = clean_fields({
            "title": title, "owner_role": owner_role, "owner_name": owner_name,
            "due_date": due_date, "success_measure": success_measure, "status": status,
            "item_codes": item_codes})
        ts = normalise_timestamp(created_at) if created_at else now_timestamp()
        check_not_future(ts)
        with self._tx():
            facility_id = self._facility_id(facility_code)
            origin: Review | None = None
            if finding_id is not None:
                found = repo.finding(self.database, finding_id)
                if found is None:
                    raise LookupError(translate("pdca", "所見 {finding} が見つかりません").format(
                        finding=finding_id))
                review_id, finding = found
                if finding.kind == "strength":
                    raise ValueError(translate("pdca", "良い点には改善計画を付けられません"))
                row = self.database.query("SELECT uuid, revision FROM reviews WHERE id = ?",
                                          (review_id,))[0]
                if origin_review_uuid is not None and origin_review_uuid != row["uuid"]:
                    raise ValueError(translate("pdca", "所見 {finding} は評価 {review} のものではありません").format(
                        finding=finding_id, review=origin_review_uuid))
                origin = repo.review(self.database, row["uuid"], row["revision"])
                if not fields["item_codes"]:
                    fields["item_codes"] = finding.item_codes
            elif origin_review_uuid is not None:
                origin = self.review(origin_review_uuid)
            if origin is not None:
                if origin.facility_code != facility_code:
                    raise ValueError(translate(
                        "pdca", "評価 {review} は施設 {held} のもので、{code} のものではありません").format(
                            review=origin.uuid, held=origin.facility_code, code=facility_code))
                self._check_codes_in_form(origin, fields["item_codes"])
            a = ImprovementAction(
                uuid=new_action_uuid(), facility_code=facility_code,
                origin_review_uuid=origin.uuid if origin else None,
                origin_revision=origin.revision if origin else None, finding_id=finding_id,
                created_at=ts, updated_at=ts, **fields)
            action_id = arepo.insert_action(self.database, a, facility_id)
            self._audit(origin, "action", a.uuid, "create", None, arepo.action_dict(a))
        return replace(a, id=action_id)

    def update_action(self, action_uuid: str, *, title=_UNSET, owner_role=_UNSET,
                      owner_name=_UNSET, due_date=_UNSET, success_measure=_UNSET,
                      status=_UNSET, item_codes=_UNSET, note: str = "",
                      expected_updated_at: str | None = None,
                      updated_at: str | None = None) -> ActionChanged:
        """Change some fields of an action; the rest keep their stored values.

        `expected_updated_at`: the `updated_at` the editor read; if the action has changed
        since, StaleUpdateError is raised and nothing is written (reload and edit again).
        `updated_at`: when this change was made elsewhere (a progress file, an Excel return);
        if it is not newer than the stored state the update is ignored (`stale=True`).
        A status change must be an allowed transition and adds a progress note (with `note`)."""
        given = {k: v for k, v in (("title", title), ("owner_role", owner_role),
                                   ("owner_name", owner_name), ("due_date", due_date),
                                   ("success_measure", success_measure), ("status", status),
                                   ("item_codes", item_codes)) if v is not _UNSET}
        fields = clean_fields(given)
        note = clean_note(note)
        incoming = normalise_timestamp(updated_at) if updated_at else None
        if incoming:
            check_not_future(incoming)
        with self._tx():
            a = self._action(action_uuid)
            if expected_updated_at and (parse_timestamp(a.updated_at)
                                        > parse_timestamp(expected_updated_at)):
                raise StaleUpdateError(translate(
                    "pdca", "この改善計画（{action}）は {at} に他の操作で更新されています（読み込んだのは "
                            "{expected} の内容）。再読み込みしてから編集してください").format(
                                action=action_uuid, at=a.updated_at, expected=expected_updated_at))
            changed = {k: v for k, v in fields.items() if getattr(a, k) != v}
            if not changed and not note:
                return ActionChanged(a)
            if incoming and is_stale(a.updated_at, incoming):
                return ActionChanged(a, stale=True)
            if "status" in changed:
                check_transition(a.status, changed["status"])
            origin = self._origin(a)
            if "item_codes" in changed and origin is not None:
                self._check_codes_in_form(origin, changed["item_codes"])
            ts = incoming or _after(a.updated_at, now_timestamp())
            new = replace(a, updated_at=ts, **changed)
            arepo.update_action(self.database, new)
            written = tuple(changed)
            if "status" in changed or note:
                arepo.insert_progress(self.database, a.id,
                                      ProgressNote(ts, new.status, note, self.actor))
                written += ("progress",)
            self._audit(origin, "action", a.uuid, "update",
                        {k: _audit_value(k, getattr(a, k)) for k in changed},
                        {**{k: _audit_value(k, v) for k, v in changed.items()},
                         **({"note": note} if note else {})})
        return ActionChanged(self._action(action_uuid), written)

    def add_progress(self, action_uuid: str, status: str, note: str = "",
                     at: str | date | None = None, author: str | None = None) -> ActionChanged:
        """Record a dated progress report (進捗) and move the action to `status`.

        A report older than the action's stored state is ignored (`stale=True`), unless it is
        one already held, which is simply unchanged — so re-importing a progress file is safe."""
        fields = clean_fields({"status": status})
        note = clean_note(note)
        when = normalise_timestamp(at) if at is not None else None
        if when:
            check_not_future(when)
        with self._tx():
            a = self._action(action_uuid)
            new_status = fields["status"]
            if when and is_stale(a.updated_at, when):
                held = any(p.key() == (when, new_status, note) for p in a.progress)
                # a second, different report of the same moment (two notes dated the same
                # day) is news, not a stale copy: only strictly older reports are skipped
                same_moment = parse_timestamp(when) == parse_timestamp(a.updated_at)
                if held or not same_moment:
                    return ActionChanged(a, stale=not held)
            check_transition(a.status, new_status)
            ts = when or _after(a.updated_at, now_timestamp())
            n = ProgressNote(ts, new_status, note, (author or self.actor).strip()[:200])
            arepo.insert_progress(self.database, a.id, n)
            arepo.update_action(self.database, replace(a, status=new_status, updated_at=ts))
            self._audit(self._origin(a), "action", a.uuid, "progress", {"status": a.status},
                        {"status": new_status, "note": note, "at": ts, "author": n.author})
        written = ("progress", "status") if new_status != a.status else ("progress",)
        return ActionChanged(self._action(action_uuid), written)

    def delete_action(self, action_uuid: str) -> ActionChanged:
        """Remove an action entered by mistake (its audit entries stay). To stop pursuing a
        real action, set its status to 見送り (dropped) instead."""
        with self._tx():
            a = self._action(action_uuid)
            arepo.delete_action(self.database, a.id)
            self._audit(self._origin(a), "action", a.uuid, "delete", arepo.action_dict(a), None)
        return ActionChanged(a, deleted=True)

    def upsert_action(self, incoming: ImprovementAction) -> ActionChanged:
        """Merge an action read from a submission package, progress file or Excel return
        (build it with `core.pdca.action_from_dict`). A new uuid is inserted as it is; a held
        one is updated only when `incoming.updated_at` is newer (else `stale=True`), and its
        progress notes not yet held are added. The sender's status is trusted (its own history
        may have passed through states this database never saw), so no transition check."""
        check_not_future(incoming.updated_at)
        with self._tx():
            facility_id = self._facility_id(incoming.facility_code)
            held = arepo.action(self.database, incoming.uuid)
            if held is None:
                a = replace(incoming, finding_id=None, id=None)
                action_id = arepo.insert_action(self.database, a, facility_id)
                for n in incoming.progress:
                    arepo.insert_progress(self.database, action_id, n)
                self._audit(self._origin(a), "action", a.uuid, "import_create", None,
                            arepo.action_dict(a))
                return ActionChanged(self._action(a.uuid), created=True)
            if held.facility_code != incoming.facility_code:
                raise ValueError(translate(
                    "pdca", "改善計画 {action} は施設 {held} のもので、{code} のものではありません").format(
                        action=incoming.uuid, held=held.facility_code, code=incoming.facility_code))
            if is_stale(held.updated_at, incoming.updated_at):
                return ActionChanged(held, stale=incoming.updated_at != held.updated_at)
            keys = {p.key() for p in held.progress}
            new_notes = [n for n in incoming.progress if n.key() not in keys]
            changed = {k: getattr(incoming, k) for k in
                       ("title", "owner_role", "owner_name", "due_date", "success_measure",
                        "status", "item_codes") if getattr(incoming, k) != getattr(held, k)}
            if not changed and not new_notes:
                return ActionChanged(held)
            arepo.update_action(self.database,
                                replace(held, updated_at=incoming.updated_at, **changed))
            for n in new_notes:
                arepo.insert_progress(self.database, held.id, n)
            self._audit(self._origin(held), "action", held.uuid, "import_update",
                        {k: _audit_value(k, getattr(held, k)) for k in changed},
                        {**{k: _audit_value(k, v) for k, v in changed.items()},
                         "progress_added": len(new_notes)})
        return ActionChanged(self._action(incoming.uuid),
                             tuple(changed) + (("progress",) if new_notes else ()))

    # --- actions: reading ---------------------------------------------------------------
    def action(self, action_uuid: str) -> ImprovementAction:
        return self._action(action_uuid)

    def actions(self, *, facility_code: str | None = None, open_only: bool = False,
                origin_review_uuid: str | None = None) -> list[ImprovementAction]:
        """Every action held (optionally filtered), ordered by facility, open first, due date."""
        return arepo.actions(self.database, facility_code=facility_code, open_only=open_only,
                             origin_review_uuid=origin_review_uuid)

    def actions_of_facility(self, code: str, open_only: bool = False) -> list[ImprovementAction]:
        self._facility_id(code)
        return arepo.actions(self.database, facility_code=code, open_only=open_only)

    def actions_of_review(self, review_uuid: str) -> list[ImprovementAction]:
        """The improvement plan agreed at one review (any of its revisions): the report's table."""
        return arepo.actions(self.database, origin_review_uuid=review_uuid)

    def overdue_actions(self, today: date) -> list[ImprovementAction]:
        """Open actions of every facility whose due date is before `today`, most overdue first."""
        found = arepo.actions(self.database, due_before=today)
        return sorted(found, key=lambda a: (a.due_date, a.facility_code, a.created_at))

    def action_audit_trail(self, action_uuid: str) -> list[dict]:
        return arepo.action_audit_rows(self.database, action_uuid)

    # --- follow-up reviews --------------------------------------------------------------
    def _last_final(self, facility_code: str) -> Review | None:
        rows = self.database.query(
            "SELECT r.uuid, r.revision FROM reviews r JOIN facilities f ON f.id = r.facility_id "
            "WHERE f.code = ? AND r.status = 'final' AND r.superseded = 0 "
            "ORDER BY r.visit_date DESC, r.revision DESC LIMIT 1", (facility_code,))
        return repo.review(self.database, rows[0]["uuid"], rows[0]["revision"]) if rows else None

    def start_follow_up(self, facility_code: str, form: Form, visit_date: date,
                        team: list[TeamMember] | tuple[TeamMember, ...] = ()) -> Review:
        """Start the next review of a facility after its last finalised one (フォローアップ).

        The new draft is EMPTY: the previous ratings are shown from `previous_answers` and
        copied only when the reviewer accepts them (`accept_previous`); open actions are shown
        per item from `open_actions_by_item`."""
        with self._tx():
            self._facility_id(facility_code)
            previous = self._last_final(facility_code)
            if previous is None:
                raise LookupError(translate(
                    "pdca", "施設 {code} には確定済みの評価がないため、フォローアップできません。"
                            "通常の新規評価を開始してください").format(code=facility_code))
            if visit_date <= previous.visit_date:
                raise ValueError(translate(
                    "pdca", "フォローアップの訪問日は前回（{previous}）より後の日付にしてください").format(
                        previous=previous.visit_date.isoformat()))
            r = self.start_review(facility_code, form, visit_date, team)
            self._audit(r, "review", None, "follow_up", None,
                        {"previous_review": previous.uuid,
                         "previous_revision": previous.revision})
        return r

    def previous_answers(self, uuid: str) -> dict[str, Answer]:
        """The answers of the facility's previous finalised review (`previous_final`), keyed by
        item code and limited to items of this review's form; {} when there is none. When the
        previous review used another version of the form, an answer is shown under the item
        it continues one-to-one (same code, renamed, revised), never under a split or merged
        one."""
        r = self.review(uuid)
        previous = self.previous_final(uuid)
        if previous is None:
            return {}
        form = self.form_of(r)
        held = repo.answers(self.database, previous.id)
        before = self.form_of(previous)
        if before.sha256 == form.sha256:
            return {code: a for code, a in held.items() if form.has_item(code)}
        # another version of the form: only items that map one-to-one (core.revisions)
        corr = correspondence(before, form, self.known_form_versions())
        return {code: replace(held[old], item_code=code) for code, old in corr.items.items()
                if old in held}

    def accept_previous(self, uuid: str, item_codes=None) -> Changed:
        """Copy previous ratings (rating items) or figures and periods (other items) into this
        draft — never evidence or comments, which describe the previous visit. With explicit
        `item_codes` those items are overwritten; with None every empty item is filled where
        the previous answer still fits the form. One transaction; each answer audited."""
        previous = self.previous_answers(uuid)
        written: list[str] = []
        with self._tx():
            form = self.form_of(self.review(uuid))
            current = repo.answers(self.database, self.review(uuid).id)
            explicit = item_codes is not None
            codes = list(dict.fromkeys(item_codes)) if explicit else [
                i.code for i in form.items() if i.code in previous]
            for code in codes:
                old = previous.get(code)
                if old is None:
                    if explicit:
                        raise LookupError(translate(
                            "pdca", "{code}: 前回の評価にこの項目の回答がありません").format(code=code))
                    continue
                mine = current.get(code)
                if not explicit and mine is not None and (mine.rating is not None
                                                          or mine.value is not None):
                    continue
                try:
                    if form.item(code).type == "rating":
                        if old.rating is None:
                            continue
                        self.set_answer(uuid, code, rating=old.rating)
                    else:
                        if old.value is None:
                            continue
                        self.set_answer(uuid, code, value=old.value, period=old.period)
                except AnswerError:
                    if explicit:
                        raise
                    continue  # the form changed this item; the reviewer answers it afresh
                written.append(code)
            r = self.review(uuid)
        return Changed(uuid, r.revision, items=tuple(written))

    def open_actions_by_item(self, uuid: str) -> dict[str, list[ImprovementAction]]:
        """Open actions of the review's facility, listed under each item code they concern
        (an action on two items appears under both); actions on no item are under NO_ITEM."""
        r = self.review(uuid)
        out: dict[str, list[ImprovementAction]] = {}
        for a in arepo.actions(self.database, facility_code=r.facility_code, open_only=True):
            for code in a.item_codes or (NO_ITEM,):
                out.setdefault(code, []).append(a)
        return out

    # --- history ------------------------------------------------------------------------
    def facility_history(self, code: str, *, include_drafts: bool = False) -> FacilityHistory:
        """Section achievements per fiscal year (latest visit of each year), with the change
        since the year before; finalised reviews only unless `include_drafts`."""
        self._facility_id(code)
        visits = []
        for r in repo.reviews_of_facility(self.database, code):
            if not (r.is_final or include_drafts):
                continue
            data = self.load(r.uuid, r.revision)
            visits.append(VisitScores(r.fiscal_year, data.scores(), r.visit_date, r.uuid,
                                      r.revision, data.form))
        return build_history(code, visits, self.known_form_versions())
