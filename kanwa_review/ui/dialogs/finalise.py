"""Finalise (確定): list what is still missing (gaps, which block) and what does not add up
(consistency and period warnings, which do not), take the leader's sign-off, lock the revision."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from kanwa_review.core.completeness import Gap
from kanwa_review.core.form_text import text as form_text
from kanwa_review.core.rules import RuleWarning
from kanwa_review.services import IncompleteReviewError, ReviewData
from kanwa_review.ui.dialogs.common import (
    add_row,
    error_label,
    ok_cancel_buttons,
    show_error,
)
from kanwa_review.ui.findings.review_fields import OVERALL_COMMENT_TARGET
from kanwa_review.ui.geometry import fit_dialog

# marked for the catalog (context FinaliseDialog), translated where a gap is shown
GAP_KIND_LABELS = {"unanswered": QT_TRANSLATE_NOOP("FinaliseDialog", "未回答"),
                   "comment_required": QT_TRANSLATE_NOOP("FinaliseDialog", "コメントが必要"),
                   "overall_comment": QT_TRANSLATE_NOOP("FinaliseDialog", "総評が未記入")}
_SHORT = 32     # characters of an item's text shown in a line


def _short(text: str) -> str:
    return text if len(text) <= _SHORT else text[:_SHORT - 1] + "…"


def _list(name: str, description: str) -> QListWidget:
    lst = QListWidget()
    lst.setAccessibleName(name)
    lst.setAccessibleDescription(description)
    lst.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    lst.setWordWrap(True)
    return lst


class FinaliseDialog(QDialog):
    """exec() returns Accepted when the review was finalised, JUMP when the user asked to go to
    a missing item or a warning's item (then `jump_to` holds its code, or
    OVERALL_COMMENT_TARGET for 総評), Rejected otherwise."""

    JUMP = 2

    def __init__(self, services, data: ReviewData, parent=None):
        super().__init__(parent)
        self.services = services
        self.data = data
        self.jump_to: str | None = None
        self.gaps: list[Gap] = []
        self.warnings: list[RuleWarning] = []
        r = data.review
        self.setWindowTitle(self.tr("レビューの確定"))
        self.setAccessibleName(self.tr("レビューの確定"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("{facility}（{date} 訪問）の第{revision}版を確定します。").format(
            facility=r.facility_name, date=r.visit_date.isoformat(), revision=r.revision)
            + "\n" + self.tr("確定した版は変更できません。後で直すときは「修正版を作成」で次の版を作ります。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        jump = self.tr("ダブルクリックまたはEnterでその項目へ移動します")
        self.gap_title = QLabel()
        self.gap_title.setWordWrap(True)
        layout.addWidget(self.gap_title)
        self.gap_list = _list(self.tr("未記入の項目"), jump)
        self.gap_list.itemActivated.connect(self._jump)
        layout.addWidget(self.gap_list, 2)
        self.warning_title = QLabel()
        self.warning_title.setWordWrap(True)
        layout.addWidget(self.warning_title)
        self.warning_list = _list(self.tr("確認が望まれる点"), jump)
        self.warning_list.itemActivated.connect(self._jump)
        layout.addWidget(self.warning_list, 1)
        form = QFormLayout()
        self.leader = add_row(form, self.tr("リーダーの氏名(&L)"), QLineEdit(),
                              hint=self.tr("確定の署名としてレビューに記録されます"))
        self.leader.setMaxLength(100)
        self.leader.setText(r.leader.name if r.leader else "")
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, self.tr("確定する"))
        self.ok_button = box.ok_button
        layout.addWidget(box)
        self.leader.textChanged.connect(self._update_ok)
        gaps, warnings = services.finalise_check(r.uuid)
        self.show_gaps(gaps)
        self.show_warnings(warnings)
        fit_dialog(self, QSize(700, 520))

    # --- the lists ----------------------------------------------------------------------
    def _item_text(self, code: str) -> str:
        form = self.data.form
        return form_text(form.item(code).text) if code and form.has_item(code) else ""

    def _gap_what(self, g: Gap) -> str:
        if g.kind == "comment_required":
            answer = self.data.answers.get(g.item_code)
            if answer and answer.rating:
                return self.tr("評価 {rating} にはコメントが必要").format(rating=answer.rating)
        label = GAP_KIND_LABELS.get(g.kind)
        return QCoreApplication.translate("FinaliseDialog", label) if label else g.kind

    def show_gaps(self, gaps: list[Gap]) -> None:
        self.gaps = list(gaps)
        self.gap_list.clear()
        for g in self.gaps:
            what = self._gap_what(g)
            if g.item_code:
                text = self._item_text(g.item_code)
                line = self.tr("{code}　{text}　— {what}").format(
                    code=g.item_code, text=_short(text), what=what)
                tip = self.tr("{code} {text}\n{what}（ダブルクリックでこの項目へ移動）").format(
                    code=g.item_code, text=text, what=what)
                target = g.item_code
            else:   # 総評: a field of the review, on the findings tab
                line = self.tr("総評　— {what}").format(what=what)
                tip = g.message + "\n" + self.tr("ダブルクリックで所見タブの総評へ移動")
                target = OVERALL_COMMENT_TARGET
            item = QListWidgetItem(line)
            item.setData(Qt.UserRole, target)
            item.setToolTip(tip)
            self.gap_list.addItem(item)
        if self.gaps:
            self.gap_title.setText(self.tr("確定の前に、次の {n} 件を記入してください"
                                           "（ダブルクリックで項目へ移動）:").format(n=len(self.gaps)))
            self.gap_list.setCurrentRow(0)
        else:
            self.gap_title.setText(self.tr("必須項目はすべて記入されています。"))
        self.gap_list.setVisible(bool(self.gaps))
        self._update_ok()

    def show_warnings(self, warnings: list[RuleWarning]) -> None:
        """Consistency and period warnings: listed below the gaps, never a block."""
        self.warnings = list(warnings)
        self.warning_list.clear()
        for w in self.warnings:
            item = QListWidgetItem(self.tr("△ {codes}　{message}").format(
                codes=" / ".join(w.item_codes), message=w.message))
            item.setData(Qt.UserRole, w.item_code)
            item.setToolTip(self.tr("{text}\n（確定はできます。ダブルクリックでこの項目へ移動）").format(
                text=w.message))
            self.warning_list.addItem(item)
        if self.warnings:
            self.warning_title.setText(self.tr(
                "次の {n} 件は確定を妨げませんが、回答が食い違っているか、訪問日より後の期間の数値です。"
                "確認してください:").format(n=len(self.warnings)))
        self.warning_title.setVisible(bool(self.warnings))
        self.warning_list.setVisible(bool(self.warnings))

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self.gaps and bool(self.leader.text().strip()))

    def _jump(self, item: QListWidgetItem) -> None:
        self.jump_to = item.data(Qt.UserRole)
        self.done(self.JUMP)

    def accept(self) -> None:
        try:
            self.services.finalise(self.data.review.uuid, self.leader.text())
        except IncompleteReviewError as exc:  # someone else edited meanwhile
            self.data = self.services.load(self.data.review.uuid)
            self.show_gaps(exc.gaps)
            return
        except Exception as exc:  # ReviewStateError, ValueError, StoreError
            show_error(self.error, str(exc))
            return
        super().accept()
