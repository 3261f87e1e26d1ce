"""Improvement actions (改善計画) and their progress notes: values, states and the stale rule.

An action belongs to a FACILITY, not to one review: it is agreed at a visit (its origin review
and finding are remembered) and followed up until a later visit checks it. Its status moves
through 未着手 → 進行中 → 完了 (or 見送り) along the transitions below.

Timestamps are ISO 8601 texts normalised to UTC with milliseconds (`normalise_timestamp`), so
they compare correctly both as datetimes and as stored strings. The stale rule — an update
carrying an older `updated_at` than the stored one never overwrites it — is `is_stale`.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from kanwa_review.core import text_policy
from kanwa_review.core.i18n import translate

NOT_STARTED, IN_PROGRESS, DONE, DROPPED = "not_started", "in_progress", "done", "dropped"
ACTION_STATUSES: tuple[str, ...] = (NOT_STARTED, IN_PROGRESS, DONE, DROPPED)
STATUS_LABELS = {NOT_STARTED: "未着手", IN_PROGRESS: "進行中", DONE: "完了", DROPPED: "見送り"}
OPEN_STATUSES = frozenset({NOT_STARTED, IN_PROGRESS})


def status_word(code: str) -> str:
    """A status in the reader's language (STATUS_LABELS are the Japanese words files may use);
    an unknown code as it is."""
    words = {NOT_STARTED: translate("pdca", "未着手"), IN_PROGRESS: translate("pdca", "進行中"),
             DONE: translate("pdca", "完了"), DROPPED: translate("pdca", "見送り")}
    return words.get(code, code)

# Allowed status changes. Staying in the same status is always allowed (a progress note without
# a change). A done action can be reopened when the next visit finds it is not really in place;
# a dropped one can be taken up again. Nothing goes back to "not started" once work has begun,
# because that would hide the history the follow-up visit checks.
TRANSITIONS: dict[str, frozenset[str]] = {
    NOT_STARTED: frozenset({IN_PROGRESS, DONE, DROPPED}),
    IN_PROGRESS: frozenset({DONE, DROPPED}),
    DONE: frozenset({IN_PROGRESS}),
    DROPPED: frozenset({NOT_STARTED, IN_PROGRESS}),
}

MAX_TITLE = 1000
MAX_NAME = 200
MAX_MEASURE = 2000
MAX_NOTE = 20_000
MAX_ITEM_CODES = 50
# An update may come from a PC whose clock is a little ahead; more than this is refused, since a
# far-future timestamp would make every later real update look stale.
CLOCK_SKEW = timedelta(days=1)
_ITEM_CODE_RE = re.compile(r"^[A-Z]+-[0-9]+$")


class ActionStateError(ValueError):
    """A status change the action's current status does not allow."""


class StaleUpdateError(ActionStateError):
    """The action was changed by someone else since the caller read it (optimistic lock)."""


@dataclass(frozen=True)
class ProgressNote:
    """One dated progress report (進捗) on an action; `status` is the status it reported."""

    at: str
    status: str
    note: str = ""
    author: str = ""
    id: int | None = None

    def key(self) -> tuple[str, str, str]:
        """What makes two notes the same report (used to merge imported notes once)."""
        return (self.at, self.status, self.note)


@dataclass(frozen=True)
class ImprovementAction:
    """One improvement action (改善計画の項目): what will be done, by whom, by when, and how
    success is measured (評価指標), with its status and progress history."""

    uuid: str
    facility_code: str
    title: str                                  # what will be done (実施内容)
    owner_role: str = ""                        # 担当部署・職種, at the visited hospital
    owner_name: str = ""                        # 担当者
    due_date: date | None = None                # 目標期日
    success_measure: str = ""                   # 評価指標・達成の目安
    status: str = NOT_STARTED
    item_codes: tuple[str, ...] = ()            # checklist items the action concerns
    origin_review_uuid: str | None = None       # the review that agreed it, if any
    origin_revision: int | None = None
    finding_id: int | None = None               # the 改善が望まれる点 it answers (local id)
    created_at: str = ""
    updated_at: str = ""
    progress: tuple[ProgressNote, ...] = ()     # oldest first
    id: int | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date) -> bool:
        """Open and past its due date (the due date itself is not yet overdue)."""
        return self.is_open and self.due_date is not None and self.due_date < today

    def days_overdue(self, today: date) -> int:
        return (today - self.due_date).days if self.is_overdue(today) else 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (audit trail, exchange); `action_from_dict` reads it back."""
        return {
            "uuid": self.uuid, "facility_code": self.facility_code, "title": self.title,
            "owner_role": self.owner_role, "owner_name": self.owner_name,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "success_measure": self.success_measure, "status": self.status,
            "item_codes": list(self.item_codes), "origin_review_uuid": self.origin_review_uuid,
            "origin_revision": self.origin_revision, "finding_id": self.finding_id,
            "created_at": self.created_at, "updated_at": self.updated_at,
            "progress": [{"at": p.at, "status": p.status, "note": p.note, "author": p.author}
                         for p in self.progress],
        }


def new_action_uuid() -> str:
    return str(uuidlib.uuid4())


# --- status -------------------------------------------------------------------------------

def parse_status(value: str) -> str:
    """A status code from its code or its Japanese label (進行中 → in_progress)."""
    text = str(value).strip()
    if text in ACTION_STATUSES:
        return text
    for code, label in STATUS_LABELS.items():
        if text == label:
            return code
    raise ValueError(translate("pdca", "状況 {value} は {labels} のいずれかで入力してください"
                                       "（コードなら {codes}）").format(
        value=repr(value), labels="・".join(STATUS_LABELS.values()),
        codes=", ".join(ACTION_STATUSES)))


def can_transition(old: str, new: str) -> bool:
    return old == new or new in TRANSITIONS.get(old, frozenset())


def check_transition(old: str, new: str) -> None:
    if not can_transition(old, new):
        allowed = translate("pdca", "・", "list separator").join(
            status_word(s) for s in ACTION_STATUSES if s in TRANSITIONS[old])
        raise ActionStateError(translate(
            "pdca", "状況を「{old}」から「{new}」に変更することはできません。"
                    "変更できるのは {allowed} です").format(
            old=status_word(old), new=status_word(new), allowed=allowed))


# --- timestamps and the stale rule ----------------------------------------------------------

def parse_timestamp(value: str | date | datetime) -> datetime:
    """An aware UTC datetime from ISO text, a date (midnight UTC) or a datetime; a naive time
    is taken as UTC. Raises ValueError naming the bad text."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(translate("pdca", "日時 {value} は 2026-05-01T09:30:00+09:00 の形式で"
                                               "入力してください").format(value=repr(value))
                             ) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    try:
        return dt.astimezone(timezone.utc)
    except OverflowError:   # year 1 at +09:00 or year 9999 at -09:00: no such UTC time
        raise ValueError(translate("pdca", "日時 {value} は範囲外です").format(value=repr(value))
                         ) from None


def normalise_timestamp(value: str | date | datetime) -> str:
    return parse_timestamp(value).isoformat(timespec="milliseconds")


def now_timestamp() -> str:
    return normalise_timestamp(datetime.now(timezone.utc))


def check_not_future(value: str, now: datetime | None = None) -> None:
    now = now or datetime.now(timezone.utc)
    if parse_timestamp(value) > now + CLOCK_SKEW:
        raise ValueError(translate("pdca", "日時 {value} が未来です。パソコンの時計を確認して"
                                           "ください").format(value=value))


def is_stale(stored_updated_at: str | None, incoming_updated_at: str) -> bool:
    """True when an incoming update is not newer than what is stored: it must not overwrite."""
    if not stored_updated_at:
        return False
    return parse_timestamp(incoming_updated_at) <= parse_timestamp(stored_updated_at)


# --- validation ---------------------------------------------------------------------------

def _text(value: Any, what: str, limit: int, *, required: bool = False,
          kind: str = text_policy.FREE) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValueError(translate("pdca", "{what}は文字で入力してください").format(what=what))
    value = text_policy.clean(value, kind).strip()   # nothing a reader would refuse
    if required and not value:
        raise ValueError(translate("pdca", "{what}を入力してください").format(what=what))
    if len(value) > limit:
        raise ValueError(translate("pdca", "{what}は{limit}文字以内で入力してください（{length}文字"
                                           "あります）").format(
            what=what, limit=f"{limit:,}", length=f"{len(value):,}"))
    return value


def parse_due_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(translate("pdca", "目標期日 {value} は YYYY-MM-DD で入力してください"
                                   ).format(value=repr(value))) from None


def check_item_codes(codes: Any) -> tuple[str, ...]:
    if isinstance(codes, str):
        codes = [c for c in re.split(r"[,\s、]+", codes) if c]
    codes = tuple(dict.fromkeys(str(c).strip() for c in codes or ()))
    bad = [c for c in codes if not _ITEM_CODE_RE.match(c)]
    if bad:
        raise ValueError(translate("pdca", "項目コード {codes} は B-3 の形式で入力してください"
                                   ).format(codes=bad))
    if len(codes) > MAX_ITEM_CODES:
        raise ValueError(translate("pdca", "1つの改善計画に関連付けられる項目は{limit}個までです"
                                   ).format(limit=MAX_ITEM_CODES))
    return codes


def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise the editable fields present in `fields` (any subset)."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "title":
            out[key] = _text(value, translate("pdca", "実施内容 (title)"), MAX_TITLE,
                             required=True)
        elif key in ("owner_role", "owner_name"):
            out[key] = _text(value, translate("pdca", "担当 (owner)"), MAX_NAME,
                             kind=text_policy.LINE)
        elif key == "success_measure":
            out[key] = _text(value, translate("pdca", "評価指標 (success measure)"), MAX_MEASURE)
        elif key == "due_date":
            out[key] = parse_due_date(value)
        elif key == "status":
            out[key] = parse_status(value)
        elif key == "item_codes":
            out[key] = check_item_codes(value)
        else:
            raise ValueError(translate("pdca", "改善計画に {key} という欄はありません"
                                       ).format(key=repr(key)))
    return out


EDITABLE_FIELDS = ("title", "owner_role", "owner_name", "due_date", "success_measure", "status",
                   "item_codes")


def clean_note(note: Any) -> str:
    return _text(note, translate("pdca", "進捗メモ (note)"), MAX_NOTE)


def action_from_dict(d: dict[str, Any]) -> ImprovementAction:
    """Read the `to_dict` form back, validating every field (for exchange imports)."""
    if not isinstance(d, dict):
        raise ValueError(translate("pdca", "改善計画の形式が正しくありません"))
    fields = clean_fields({k: d.get(k) for k in EDITABLE_FIELDS if k in d})
    uuid = str(d.get("uuid") or "")
    if "title" not in fields:
        raise ValueError(translate("pdca", "改善計画 {uuid}: 実施内容がありません").format(uuid=uuid))
    try:
        uuidlib.UUID(uuid)
    except ValueError:
        raise ValueError(translate("pdca", "改善計画の ID {uuid} が正しい UUID ではありません"
                                   ).format(uuid=repr(uuid))) from None
    progress = []
    for p in d.get("progress") or ():
        if not isinstance(p, dict):
            raise ValueError(translate("pdca", "改善計画 {uuid}: 進捗の形式が正しくありません"
                                       ).format(uuid=uuid))
        progress.append(ProgressNote(at=normalise_timestamp(p.get("at") or ""),
                                     status=parse_status(p.get("status") or ""),
                                     note=clean_note(p.get("note")),
                                     author=_text(p.get("author"),
                                                  translate("pdca", "記入者 (author)"), MAX_NAME,
                                                  kind=text_policy.LINE)))
    revision = d.get("origin_revision")
    if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int)):
        raise ValueError(translate("pdca", "改善計画 {uuid}: origin_revision（版番号）は整数に"
                                           "してください").format(uuid=uuid))
    return ImprovementAction(
        uuid=uuid, facility_code=str(d.get("facility_code") or ""),
        origin_review_uuid=d.get("origin_review_uuid") or None, origin_revision=revision,
        finding_id=None,  # a finding id is local to the database that wrote it
        created_at=normalise_timestamp(d.get("created_at") or d.get("updated_at") or ""),
        updated_at=normalise_timestamp(d.get("updated_at") or d.get("created_at") or ""),
        progress=tuple(sorted(progress, key=lambda p: p.at)), **fields)
