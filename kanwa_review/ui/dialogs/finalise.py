"""Finalise (確定): list what is still missing, take the leader's sign-off, lock the revision."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
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
from kanwa_review.services import IncompleteReviewError, ReviewData
from kanwa_review.ui.dialogs.common import (
    add_row,
    error_label,
    ok_cancel_buttons,
    show_error,
)
from kanwa_review.ui.geometry import fit_dialog

GAP_KIND_LABELS = {"unanswered": "未回答", "comment_required": "コメントが必要",
                   "overall_comment": "総評が未記入"}


class FinaliseDialog(QDialog):
    """exec() returns Accepted when the review was finalised, JUMP when the user asked to go to
    a missing item (then `jump_to` holds its code), Rejected otherwise."""

    JUMP = 2

    def __init__(self, services, data: ReviewData, parent=None):
        super().__init__(parent)
        self.services = services
        self.data = data
        self.jump_to: str | None = None
        r = data.review
        self.setWindowTitle("レビューの確定")
        self.setAccessibleName("レビューの確定")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{r.facility_name}（{r.visit_date.isoformat()} 訪問）の第{r.revision}版を確定します。\n"
            "確定した版は変更できません。後で直すときは「修正版を作成」で次の版を作ります。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.gap_title = QLabel()
        self.gap_title.setWordWrap(True)
        layout.addWidget(self.gap_title)
        self.gap_list = QListWidget()
        self.gap_list.setAccessibleName("未記入の項目")
        self.gap_list.setAccessibleDescription("ダブルクリックまたはEnterでその項目へ移動します")
        self.gap_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.gap_list.itemActivated.connect(self._jump)
        layout.addWidget(self.gap_list, 1)
        form = QFormLayout()
        self.leader = add_row(form, "リーダーの氏名(&L)", QLineEdit(),
                              hint="確定の署名としてレビューに記録されます")
        self.leader.setMaxLength(100)
        self.leader.setText(r.leader.name if r.leader else "")
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, "確定する")
        self.ok_button = box.ok_button
        layout.addWidget(box)
        self.leader.textChanged.connect(self._update_ok)
        self.show_gaps(data.gaps())
        fit_dialog(self, QSize(680, 460))

    def show_gaps(self, gaps: list[Gap]) -> None:
        self.gaps = gaps
        self.gap_list.clear()
        form = self.data.form
        for g in gaps:
            text = form.item(g.item_code).text.ja if form.has_item(g.item_code) else ""
            short = text if len(text) <= 32 else text[:31] + "…"
            if g.kind == "comment_required":
                rating = self.data.answers.get(g.item_code)
                what = f"評価 {rating.rating} にはコメントが必要" if rating and rating.rating \
                    else GAP_KIND_LABELS[g.kind]
            else:
                what = GAP_KIND_LABELS.get(g.kind, g.kind)
            item = QListWidgetItem(f"{g.item_code}　{short}　— {what}")
            item.setData(Qt.UserRole, g.item_code)
            item.setToolTip(f"{g.item_code} {text}\n{what}（ダブルクリックでこの項目へ移動）")
            self.gap_list.addItem(item)
        if gaps:
            self.gap_title.setText(f"確定の前に、次の {len(gaps)} 件を記入してください"
                                   "（ダブルクリックで項目へ移動）:")
            self.gap_list.setCurrentRow(0)
        else:
            self.gap_title.setText("必須項目はすべて記入されています。")
        self.gap_list.setVisible(bool(gaps))
        self._update_ok()

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
