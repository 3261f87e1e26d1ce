"""The undo steps of the review's own fields on the findings tab — 総評, the visit overview
(日程・面談者・確認資料・見学部署) and the plan dates — and the commit rule of their texts.

Every step goes through the services (set_overall_comment, set_visit_overview, set_plan_dates)
as a ServiceCommand on the review's shared undo stack (ui/undo.py): a refusal is shown once and
drops the step; the commits of one spell of typing in one field merge into one step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from kanwa_review.core.review import VISIT_OVERVIEW_LABELS, Review
from kanwa_review.ui.undo import ServiceCommand, alive

OVERALL_COMMENT = "overall_comment"
TEXT_FIELDS = (OVERALL_COMMENT, *VISIT_OVERVIEW_LABELS)
DATE_FIELDS = ("plan_due", "follow_up")
# what the finalise page's gap for 総評 asks the review page to show (never an item code)
OVERALL_COMMENT_TARGET = "#overall_comment"
COMMIT_DELAY_MS = 600


def field_label(field: str) -> str:
    """The field's name as the tab shows it (and an undo step is called)."""
    return {OVERALL_COMMENT: QCoreApplication.translate("ReviewFields", "総評"),
            "schedule": QCoreApplication.translate("ReviewFields", "日程"),
            "interviewees": QCoreApplication.translate("ReviewFields", "面談者"),
            "documents": QCoreApplication.translate("ReviewFields", "確認資料"),
            "departments": QCoreApplication.translate("ReviewFields", "見学部署"),
            "plan_due": QCoreApplication.translate("ReviewFields", "改善計画の提出期限"),
            "follow_up": QCoreApplication.translate("ReviewFields", "次回フォローアップ")}[field]


def stored_value(review: Review, field: str) -> Any:
    """What the review holds for `field` (text, or a date or None)."""
    if field == OVERALL_COMMENT:
        return review.overall_comment
    if field in VISIT_OVERVIEW_LABELS:
        return getattr(review.overview, field)
    return getattr(review, field)


@dataclass(frozen=True)
class ReviewFieldWriter:
    """What the commands need, handed in: the services, the review, how the tab shows a
    written field (`applied(changed, field)`) and a refusal (`refused(message)`)."""

    services: Any
    uuid: str
    applied: Callable[[Any, str], None]
    refused: Callable[[str], None]

    def write(self, field: str, value: Any):
        if field == OVERALL_COMMENT:
            return self.services.set_overall_comment(self.uuid, value)
        if field in VISIT_OVERVIEW_LABELS:
            return self.services.set_visit_overview(self.uuid, **{field: value})
        return self.services.set_plan_dates(self.uuid, **{field: value})


class SetReviewField(ServiceCommand):
    """One field from `old` to `new`. Texts of one typing spell (`session`) merge."""

    def __init__(self, writer: ReviewFieldWriter, field: str, old: Any, new: Any,
                 session: int | None = None):
        text = QCoreApplication.translate("ReviewFields", "{field}を編集").format(
            field=field_label(field))
        super().__init__(text, writer.refused,
                         spell=("review field", field, session) if session is not None else None)
        self.writer, self.field, self.old, self.new = writer, field, old, new

    def forward(self):
        return self.writer.write(self.field, self.new)

    def backward(self):
        return self.writer.write(self.field, self.old)

    def show(self, result, undoing: bool) -> None:
        if alive(self.writer.applied):
            self.writer.applied(result, self.field)

    def absorb(self, later) -> bool:
        if not isinstance(later, SetReviewField) or later.field != self.field:
            return False
        self.new = later.new
        if self.new == self.old:
            self.setObsolete(True)   # typed and taken back: no step at all
        return True


class TextCommitter(QObject):
    """The commit rule of one text field: `typed()` starts a short pause, after which (or on
    `flush()`: leaving the field, hiding the tab, before a reload) `commit(field, text)` is
    emitted when the text differs from what `saved()` says is stored."""

    commit = Signal(str, str)

    def __init__(self, field: str, text: Callable[[], str], saved: Callable[[], str],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.field, self.text, self.saved = field, text, saved
        self.dirty = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(COMMIT_DELAY_MS)
        self.timer.timeout.connect(self.flush)

    def typed(self) -> None:
        self.dirty = True
        self.timer.start()

    def flush(self) -> None:
        self.timer.stop()
        if not self.dirty:
            return
        self.dirty = False
        text = self.text()
        if text != self.saved():
            self.commit.emit(self.field, text)


__all__ = ["DATE_FIELDS", "OVERALL_COMMENT", "OVERALL_COMMENT_TARGET", "TEXT_FIELDS",
           "ReviewFieldWriter", "SetReviewField", "TextCommitter", "field_label",
           "stored_value"]
