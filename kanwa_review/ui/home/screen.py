"""Home screen (ホーム): facilities and their reviews, search, and the actions that start work."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.form import Form
from kanwa_review.services import Changed, OpChanges
from kanwa_review.ui.actions import command
from kanwa_review.ui.dialogs import NewFacilityDialog, NewReviewDialog, confirm
from kanwa_review.ui.errors import warn
from kanwa_review.ui.home.models import UUID_ROLE, HomeFilter, HomeModel

class HomeScreen(QWidget):
    open_requested = Signal(str)     # review UUID
    data_changed = Signal(object)    # OpChanges after a create or delete here (home re-read it)

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self._forms: list[Form] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        caption = QLabel(self.tr("検索(&S):"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("施設名・施設コード・年度・訪問日で絞り込み"))
        self.search.setAccessibleName(self.tr("レビューの検索"))
        self.search.setClearButtonEnabled(True)
        caption.setBuddy(self.search)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("状態で絞り込み"))
        for label, value in ((self.tr("すべての状態"), None), (self.tr("下書きのみ"), "draft"),
                             (self.tr("確定のみ"), "final")):
            self.status_filter.addItem(label, value)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("件数"))
        top.addWidget(caption)
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        top.addSpacing(12)
        top.addWidget(self.summary)
        layout.addLayout(top)

        self.model = HomeModel(self)
        self.proxy = HomeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setAccessibleName(self.tr("施設とレビューの一覧"))
        self.tree.setAccessibleDescription(self.tr("Enterまたはダブルクリックでレビューを開きます"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.setUniformRowHeights(True)   # fast layout for long lists
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.AscendingOrder)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        # widths from the font, not ResizeToContents (which measures every row on each reload)
        em = self.fontMetrics().horizontalAdvance("あ")
        for col, chars in enumerate((0, 6, 6, 4, 4.5, 10), start=0):
            if col:
                header.setSectionResizeMode(col, QHeaderView.Interactive)
                header.resizeSection(col, int(em * chars) + 16)
        layout.addWidget(self.tree, 1)

        self._make_actions()
        buttons = QHBoxLayout()
        for action in (self.new_facility_action, self.new_review_action, self.open_action,
                       self.follow_up_action, self.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonTextOnly)
            button.setAccessibleName(action.iconText())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.tree.activated.connect(self._activated)
        self.tree.selectionModel().currentRowChanged.connect(self._update_actions)
        self.reload()

    # --- actions ------------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.new_facility_action = command(self, "new_facility", self.create_facility,
                                           tip=self.tr("評価を受ける施設を登録します"))
        self.new_review_action = command(self, "new_review", self.start_review,
                                         tip=self.tr("選んだ施設の新しいレビューを始めます"))
        self.open_action = command(self, "open_review", self.open_current,
                                   tip=self.tr("選んだレビューを開きます（Enter）"))
        self.follow_up_action = command(
            self, "follow_up", self.start_follow_up,
            tip=self.tr("確定済みのレビューに続けて、同じ施設・評価票・チームで次のレビューを始めます"))
        self.delete_action = command(self, "delete_draft", self.delete_current,
                                     tip=self.tr("選んだ下書きを削除します（確定済みは削除できません）"))
        # Delete acts on the list only, never while typing in the search box
        self.delete_action.setShortcutContext(Qt.WidgetShortcut)
        self.tree.addAction(self.delete_action)

    def _update_actions(self, *_args) -> None:
        r = self.current_summary()
        self.open_action.setEnabled(r is not None)
        self.follow_up_action.setEnabled(r is not None and r.can_follow_up)
        self.delete_action.setEnabled(r is not None and r.deletable)
        if r is not None and r.status == "final":
            self.delete_action.setToolTip(self.tr("確定済みのレビューは削除できません"))
        elif r is not None and r.revision > 1:
            self.delete_action.setToolTip(self.tr("修正版の下書きは削除できません（確定してください）"))
        else:
            self.delete_action.setToolTip(self.tr("選んだ下書きを削除します"))

    # --- data ---------------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.current_uuid()
        self.model.set_data(self.services.facilities(), self.services.list_reviews())
        self.tree.expandAll()
        if keep:
            self.select_review(keep)
        self._show_summary()
        self._update_actions()

    def _show_summary(self) -> None:
        shown = self.proxy.rowCount()
        total = len(self.model.nodes)
        reviews = self.model.review_count()
        if not total:
            text = self.tr("施設 0 件・レビュー 0 件　—「施設を登録…」から始めてください")
        elif shown != total:
            text = self.tr("{shown} / {total} 施設を表示・レビュー {reviews} 件").format(
                shown=shown, total=total, reviews=reviews)
        else:
            text = self.tr("施設 {total} 件・レビュー {reviews} 件").format(total=total,
                                                                       reviews=reviews)
        self.summary.setText(text)

    def _filter_changed(self, *_args) -> None:
        self.proxy.set_text(self.search.text())
        self.proxy.set_status(self.status_filter.currentData())
        self.tree.expandAll()
        self._show_summary()
        self._update_actions()

    def current_summary(self):
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return self.model.review_at(self.proxy.mapToSource(index.siblingAtColumn(0)))

    def current_uuid(self) -> str | None:
        r = self.current_summary()
        return r.uuid if r else None

    def current_facility_code(self) -> str | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        f = self.model.facility_at(self.proxy.mapToSource(index.siblingAtColumn(0)))
        return f.code if f else None

    def select_review(self, uuid: str) -> bool:
        index = self.proxy.mapFromSource(self.model.index_of_review(uuid))
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.tree.scrollTo(index)
        return True

    def visible_review_uuids(self) -> list[str]:
        out = []
        for i in range(self.proxy.rowCount()):
            parent = self.proxy.index(i, 0)
            for j in range(self.proxy.rowCount(parent)):
                out.append(self.proxy.index(j, 0, parent).data(UUID_ROLE))
        return out

    def available_forms(self) -> list[Form]:
        """The checklists a new review can use: the shipped ones (read once, when first needed,
        so start-up does not parse YAML)."""
        if self._forms is None:
            from kanwa_review.core.form import shipped_forms
            self._forms = shipped_forms()
        return self._forms

    def set_forms(self, forms: list[Form]) -> None:
        self._forms = list(forms)

    # --- slots --------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        uuid = self.proxy.mapToSource(index.siblingAtColumn(0)).data(UUID_ROLE)
        if uuid:
            self.open_requested.emit(uuid)

    def open_current(self) -> None:
        uuid = self.current_uuid()
        if uuid:
            self.open_requested.emit(uuid)

    def create_facility(self) -> None:
        dialog = NewFacilityDialog(self.services, self)
        accepted = dialog.exec() and dialog.facility is not None
        dialog.deleteLater()
        if accepted:
            self.reload()
            self.data_changed.emit(OpChanges(facilities=True, facility_codes=frozenset(
                {dialog.facility.code})))

    def _run_review_dialog(self, dialog: NewReviewDialog) -> None:
        accepted = dialog.exec() and dialog.review is not None
        dialog.deleteLater()
        if accepted:
            self.reload()
            self.select_review(dialog.review.uuid)
            self.data_changed.emit(OpChanges.of_edit(
                Changed(dialog.review.uuid, dialog.review.revision, review=True),
                dialog.review.facility_code))
            self.open_requested.emit(dialog.review.uuid)

    def start_review(self) -> None:
        if not self.services.facilities():
            QMessageBox.information(self, self.tr("レビューの開始"),
                                    self.tr("先に「施設を登録…」で施設を登録してください。"))
            return
        self._run_review_dialog(NewReviewDialog(
            self.services, self, forms=self.available_forms(),
            facility_code=self.current_facility_code()))

    def start_follow_up(self) -> None:
        """The next visit of the same facility with the same form and team, linked to the
        facility's last finalised review (services.start_follow_up)."""
        code = self.current_facility_code()
        previous = self.services.last_final_review(code) if code else None
        if previous is None:
            QMessageBox.information(self, self.tr("フォローアップ"),
                                    self.tr("この施設には確定済みのレビューがありません。"
                                            "「レビューを開始…」から新しいレビューを始めてください。"))
            return
        forms = list(self.available_forms())
        if all(f.sha256 != previous.form_hash for f in forms):
            forms.insert(0, self.services.form_of(previous))  # an older form version
        dialog = NewReviewDialog(
            self.services, self, forms=forms, facility_code=previous.facility_code,
            team=previous.team, form_hash=previous.form_hash,
            title=self.tr("フォローアップのレビューを開始"),
            follow_up=True)
        # the visit must come after the previous one: never propose a date the service refuses
        dialog.set_visit_date(max(date.today(), previous.visit_date + timedelta(days=1)))
        self._run_review_dialog(dialog)

    def delete_current(self) -> None:
        r = self.current_summary()
        if r is None or not self.delete_action.isEnabled():
            return
        title = self.tr("下書きの削除")
        if not confirm(self, title,
                       self.tr("{facility}（{date} 訪問）の下書きを削除しますか？").format(
                           facility=r.facility_name, date=r.visit_date.isoformat()),
                       self.tr("削除する"),
                       detail=self.tr("回答と所見は元に戻せません。変更履歴は残ります。")):
            return
        try:
            changed = self.services.delete_draft(r.uuid)
        except Exception as exc:  # ReviewStateError, StoreError
            warn(self, title, exc)
            return
        self.reload()
        self.data_changed.emit(OpChanges.of_edit(changed, r.facility_code))
