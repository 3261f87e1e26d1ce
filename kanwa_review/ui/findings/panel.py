"""The findings tab (所見) of the review page: strengths (良い点), points to improve (改善が望まれる
点) and recommendations (提言), each linked to checklist items and reorderable, with the
improvement actions (改善計画) agreed on each point to improve.

Every finding edit goes through the services inside a QUndoCommand on the review's shared undo
stack, so Ctrl+Z undoes a finding like a rating. Text is committed as it is typed (after a short
pause, on leaving the editor, on hide and before any reload) and the commits of one typing spell
merge into one undo step. A new finding exists only in the panel until it has text, because the
services refuse a finding without text.

Actions belong to the facility: they are edited with `actions_editor` and stay editable when
the review is final; they are not on the review's undo stack (the services audit them).

The pieces: findings_editing (the edit operations), findings_commands (their undo
commands), findings_widgets (a group's list and the
text editor), findings_detail (the right-hand pages), findings_item_picker (the item-link
dialog), findings_text (list lines and linked-item wording). This module keeps the panel.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.review import FINDING_KINDS, Finding
from kanwa_review.ui.findings.commands import FindingRef, FindingWriter
from kanwa_review.ui.findings.detail import FacilityActionsPage, FindingDetail
from kanwa_review.ui.findings.editing import FindingEditing
from kanwa_review.ui.findings.item_picker import ItemPickerDialog
from kanwa_review.ui.findings.overview import ReviewFieldsEditor
from kanwa_review.ui.findings.text import finding_line, kind_label, kind_noun, linked_items_text
from kanwa_review.ui.findings.widgets import FindingList

COMMIT_DELAY_MS = 600      # a pause in typing this long commits the text
ACTION_KINDS = ("improve", "recommendation")  # the kinds an improvement action can answer

# the picker is part of this module's contract (tests and scripts import it from here)
__all__ = ["ACTION_KINDS", "COMMIT_DELAY_MS", "FindingRef", "FindingsPanel", "ItemPickerDialog"]


class FindingsPanel(FindingEditing, QWidget):
    """The 所見 tab. `changed` carries the services' Changed (findings) or ActionChanged
    (actions) of every edit, including those made by undo and redo."""

    changed = Signal(object)

    def __init__(self, services, uuid: str, undo_stack: QUndoStack | None = None, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("所見"))
        self.services, self.uuid = services, uuid
        self.review = services.review(uuid)
        self.form = services.form_of(self.review)
        self._owns_stack = undo_stack is None
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        # what the undo commands need, handed in (they never see the panel)
        self.writer = FindingWriter(services, uuid, self._applied, self.report_error)
        self._refs: list[FindingRef] = []
        self._by_kind: dict[str, list[Finding]] = {k: [] for k in FINDING_KINDS}
        self._action_counts: dict[int, int] = {}
        # the selected finding: (kind, ref); ref None = a new finding not yet saved
        self._current: tuple[str, FindingRef | None] | None = None
        self._pending_codes: tuple[str, ...] = ()
        self._session = 0          # text commits of one session merge into one undo step
        self._dirty = False
        self._loading = False
        self._pushing = False
        self._in_selection = False
        self._commit_timer = QTimer(self)
        self._commit_timer.setSingleShot(True)
        self._commit_timer.setInterval(COMMIT_DELAY_MS)
        self._commit_timer.timeout.connect(self.flush)
        self._build()
        self.undo_stack.indexChanged.connect(self._stack_moved)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self.reload()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.lists: dict[str, FindingList] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        # 総評 above the findings, 訪問の概要・期日 as a page on the right (as the report has them)
        self.review_fields = ReviewFieldsEditor(self.services, self.uuid, self.undo_stack, self)
        self.review_fields.changed.connect(self.changed)
        left_layout.addWidget(self.review_fields.overall_box)
        for kind in FINDING_KINDS:
            box = QGroupBox(kind_label(kind))
            box.setAccessibleName(kind_label(kind))
            lst = FindingList(kind, editable=lambda: not self.read_only)
            lst.currentItemChanged.connect(
                lambda current, _previous, lst=lst: self._item_chosen(lst, current))
            lst.itemClicked.connect(lambda item, lst=lst: self._item_chosen(lst, item))
            lst.chosen.connect(lambda item, lst=lst: self._item_chosen(lst, item))
            lst.model().rowsMoved.connect(
                lambda _p, start, _e, _d, row, kind=kind: self._dragged(kind, start, row))
            lst.dropped.connect(self._dragged)
            lst.move_requested.connect(self.move_current)
            lst.delete_requested.connect(self.delete_current)
            lst.add_requested.connect(self.add_new)
            lst.edit_requested.connect(lambda: self.editor.setFocus(Qt.OtherFocusReason))
            add = QPushButton(self.tr("{kind}を追加").format(kind=kind_noun(kind)))
            add.setAccessibleName(add.text())
            add.setToolTip(self.tr("一覧でInsertキーでも追加できます"))
            add.clicked.connect(lambda _=False, kind=kind: self.add_new(kind))
            inner = QVBoxLayout(box)
            inner.addWidget(lst, 1)
            row = QHBoxLayout()
            row.addWidget(add)
            row.addStretch(1)
            inner.addLayout(row)
            left_layout.addWidget(box, 1)
            self.lists[kind], self.groups[kind], self.add_buttons[kind] = lst, box, add

        # the selected finding (heading, text, linked items, tools, its actions) and the
        # facility's whole plan; the panel keeps short names for the detail's controls
        detail = FindingDetail(self.services, self.review.facility_code, self.uuid)
        self.detail = detail
        self.heading, self.editor, self.hint = detail.heading, detail.editor, detail.hint
        self.error, self.codes_label = detail.error, detail.codes_label
        self.link_button, self.delete_button = detail.link_button, detail.delete_button
        self.up_button, self.down_button = detail.up_button, detail.down_button
        self.actions_box, self.finding_actions = detail.actions_box, detail.finding_actions
        self.editor.textChanged.connect(self._typed)
        self.editor.focus_lost.connect(self._editor_left)
        self.editor.escaped.connect(self.focus_current_list)
        self.link_button.clicked.connect(self.choose_items)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.delete_button.clicked.connect(self.delete_current)
        self.finding_actions.changed.connect(self._actions_changed)
        facility_page = FacilityActionsPage(self.services, self.review.facility_code, self.uuid)
        self.facility_actions = facility_page.actions
        self.facility_actions.changed.connect(self._actions_changed)

        self.right_tabs = QTabWidget()
        self.right_tabs.setAccessibleName(self.tr("所見の詳細と改善計画"))
        self.right_tabs.addTab(detail, self.tr("選択中の所見"))
        self.right_tabs.addTab(facility_page, self.tr("施設全体の改善計画"))
        self.right_tabs.addTab(self.review_fields.overview_page, self.tr("訪問の概要・期日"))
        self.right_tabs.currentChanged.connect(self._right_tab_changed)

        # the three groups scroll rather than forcing a tall window (a 768-px laptop screen)
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.NoFrame)
        left_scroll.setMinimumWidth(left.minimumSizeHint().width() + 16)
        splitter = QSplitter(Qt.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left_scroll)
        splitter.addWidget(self.right_tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)
        if self._owns_stack:  # alone (no checklist to share with): give the stack its keys
            for keys, slot in ((QKeySequence.Undo, self.undo_stack.undo),
                               (QKeySequence.Redo, self.undo_stack.redo)):
                shortcut = QShortcut(keys, self)
                # set apart: PySide6 ignores the context given to the constructor
                shortcut.setContext(Qt.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    # --- state --------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """True for a finalised revision: findings are locked, actions stay editable."""
        return self.review.is_final

    def findings(self, kind: str) -> list[Finding]:
        """The saved findings of one kind, in their order (as last read)."""
        return list(self._by_kind[kind])

    def current_finding(self) -> Finding | None:
        if self._current is None or self._current[1] is None:
            return None
        return self._stored(self._current[1])

    def _stored(self, ref: FindingRef) -> Finding | None:
        if ref.id is None:
            return None
        for group in self._by_kind.values():
            for f in group:
                if f.id == ref.id:
                    return f
        return None

    def _ref_for(self, finding_id: int) -> FindingRef:
        for ref in self._refs:
            if ref.id == finding_id:
                return ref
        ref = FindingRef(finding_id)
        self._refs.append(ref)
        return ref

    def _index_of(self, ref: FindingRef) -> tuple[str, int] | None:
        for kind, group in self._by_kind.items():
            for i, f in enumerate(group):
                if f.id == ref.id:
                    return kind, i
        return None

    # --- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read from the database (undo, another window, an import); typed text is saved
        first."""
        self.flush()
        self.review = self.services.review(self.uuid)
        self._rebuild()
        self.facility_actions.reload()
        self.review_fields.reload()

    def focus_overall_comment(self) -> None:
        """Show the 総評 field with the cursor in it (the finalise page's gap jumps here)."""
        self.review_fields.focus_overall()

    def _rebuild(self, select=None) -> None:
        self._loading = True
        try:
            self._by_kind = {k: [] for k in FINDING_KINDS}
            for f in sorted(self.services.findings(self.uuid), key=lambda f: f.position):
                self._by_kind[f.kind].append(f)
            if isinstance(select, FindingRef) and self._stored(select) is not None:
                self._current = (self._index_of(select)[0], select)
            elif isinstance(select, tuple):  # the finding is gone: its neighbour, if any
                kind, index = select
                group = self._by_kind[kind]
                self._current = ((kind, self._ref_for(group[min(index, len(group) - 1)].id))
                                 if group else None)
            ids = {f.id for group in self._by_kind.values() for f in group}
            self._action_counts = {}
            for a in self.services.actions_of_facility(self.review.facility_code):
                if a.finding_id in ids:
                    self._action_counts[a.finding_id] = self._action_counts.get(
                        a.finding_id, 0) + 1
            if self._current is not None and self._current[1] is not None \
                    and self._stored(self._current[1]) is None:
                self._current = None  # deleted (or its add undone): fall back below
            for kind in FINDING_KINDS:
                self._fill_list(kind)
            if self._current is None:
                self._select_first()
            self._show_current()
            self._apply_read_only()
        finally:
            self._loading = False

    def _fill_list(self, kind: str) -> None:
        lst = self.lists[kind]
        lst.blockSignals(True)
        lst.clear()
        group = self._by_kind[kind]
        for i, f in enumerate(group):
            row = QListWidgetItem(finding_line(i + 1, f, self._action_counts.get(f.id, 0)))
            row.setData(Qt.UserRole, f.id)
            row.setToolTip(f.text)
            lst.addItem(row)
        if self._current is not None and self._current[0] == kind:
            ref = self._current[1]
            if ref is None:
                pending = QListWidgetItem(self.tr("（新しい所見 — 右の欄に本文を入力してください）"))
                pending.setData(Qt.UserRole, None)
                font = QFont(pending.font())
                font.setItalic(True)
                pending.setFont(font)
                lst.addItem(pending)
                lst.setCurrentItem(pending)
            else:
                for i in range(lst.count()):
                    if lst.item(i).data(Qt.UserRole) == ref.id:
                        lst.setCurrentItem(lst.item(i))
        else:
            lst.setCurrentItem(None)
            lst.clearSelection()
        lst.blockSignals(False)
        self.groups[kind].setTitle(self.tr("{kind}（{count}件）").format(kind=kind_label(kind),
                                                                     count=len(group)))

    def _select_first(self) -> None:
        for kind in FINDING_KINDS:
            if self._by_kind[kind]:
                self._current = (kind, self._ref_for(self._by_kind[kind][0].id))
                self._fill_list(kind)
                return

    def _show_current(self) -> None:
        """Put the selected finding into the editor (unless the editor already shows it)."""
        was_loading, self._loading = self._loading, True
        try:
            cur = self._current
            has = cur is not None
            self.editor.setEnabled(has)
            if not has:
                self.heading.setText(self.tr("所見"))
                self.editor.setPlainText("")
                self.editor.setPlaceholderText(self.tr("左の一覧で所見を選ぶか、「…を追加」で新しく"
                                                       "書き始めてください。"))
                self.codes_label.setText("")
                self.actions_box.setVisible(False)
                self._update_tools()
                return
            kind, ref = cur
            stored = self._stored(ref) if ref is not None else None
            if ref is None:
                number = len(self._by_kind[kind]) + 1
                text, codes = None, self._pending_codes
            else:
                number = self._index_of(ref)[1] + 1
                text, codes = stored.text, stored.item_codes
            self.heading.setText(
                self.tr("{kind} {number}（新規・未保存）").format(kind=kind_label(kind), number=number)
                if ref is None else
                self.tr("{kind} {number}").format(kind=kind_label(kind), number=number))
            if text is None:
                if not self._dirty:
                    self.editor.setPlainText("")
            elif self.editor.toPlainText().strip() != text:
                self.editor.setPlainText(text)
            self.editor.setPlaceholderText(self.tr("{kind}を入力してください（入力は自動で保存されます）")
                                           .format(kind=kind_noun(kind)))
            self.codes_label.setText(self._codes_text(codes))
            show_actions = kind in ACTION_KINDS and stored is not None
            self.actions_box.setVisible(kind in ACTION_KINDS)
            self.finding_actions.setEnabled(show_actions)
            if show_actions:
                self.finding_actions.set_scope(self.review.facility_code, review_uuid=self.uuid,
                                               finding_id=stored.id, item_codes=codes)
                self.actions_box.setTitle(self.tr("この{kind}への改善計画").format(kind=kind_noun(kind)))
            elif kind in ACTION_KINDS:
                self.finding_actions.set_scope(self.review.facility_code, finding_id=-1)
                self.actions_box.setTitle(self.tr("改善計画（本文を入力すると追加できます）"))
            self._update_tools()
        finally:
            self._loading = was_loading

    def _codes_text(self, codes) -> str:
        """One short line per linked item (the tooltip holds the items' whole text)."""
        text, tooltip = linked_items_text(self.form, codes)
        self.codes_label.setToolTip(tooltip)
        return text

    def _update_tools(self) -> None:
        editable = not self.read_only and self._current is not None
        saved = editable and self._current[1] is not None
        place = self._index_of(self._current[1]) if saved else None
        tools = (self.link_button, self.delete_button, self.up_button, self.down_button)
        focused = next((b for b in tools if b.hasFocus()), None)
        self.link_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        self.up_button.setEnabled(place is not None and place[1] > 0)
        self.down_button.setEnabled(place is not None
                                    and place[1] < len(self._by_kind[place[0]]) - 1)
        if focused is not None and not focused.isEnabled():
            # Qt hands focus on to the next button (上へ at the top went on to 削除…, one
            # Space away from a delete); the moved finding's list is where the keys go on
            self.focus_current_list()

    def _apply_read_only(self) -> None:
        ro = self.read_only
        self.editor.setReadOnly(ro)
        for kind in FINDING_KINDS:
            self.add_buttons[kind].setEnabled(not ro)
            self.lists[kind].setDragDropMode(QAbstractItemView.NoDragDrop if ro
                                             else QAbstractItemView.InternalMove)
        self.hint.setText(self.tr("この版は確定済みのため所見は閲覧のみです。改善計画の進捗は記録できます。")
                          if ro else self.tr("入力は自動で保存されます。Ctrl+Zで元に戻せます。"))
        self._update_tools()

    def select_finding(self, finding_id: int) -> bool:
        """Select a saved finding (e.g. one the report or a search points at)."""
        self.flush()
        for kind, group in self._by_kind.items():
            if any(f.id == finding_id for f in group):
                self._session += 1
                self._current = (kind, self._ref_for(finding_id))
                self._rebuild()
                return True
        return False

    def action_count(self, finding_id: int) -> int:
        """How many improvement actions answer this finding."""
        return self._action_counts.get(finding_id, 0)

    def focus_current_list(self) -> None:
        kind = self._current[0] if self._current else FINDING_KINDS[0]
        self.lists[kind].setFocus(Qt.OtherFocusReason)

    # --- selection ----------------------------------------------------------------------
    def _item_chosen(self, lst: FindingList, item: QListWidgetItem | None) -> None:
        if self._loading or item is None:
            return
        finding_id = item.data(Qt.UserRole)
        if finding_id is None:  # the unsaved new finding itself
            return
        target = (lst.kind, self._ref_for(finding_id))
        if self._current is not None and self._current[1] is target[1]:
            return
        # commit the text of the finding being left; its list is rebuilt after this signal
        self._in_selection = True
        try:
            self.flush()
        finally:
            self._in_selection = False
        self._session += 1
        was_pending = self._current is not None and self._current[1] is None
        self._current = target
        self._pending_codes = ()
        for other in self.lists.values():
            if other is not lst:
                other.blockSignals(True)
                other.clearSelection()
                other.setCurrentItem(None)
                other.blockSignals(False)
        if was_pending:  # drop the empty new entry from its list
            QTimer.singleShot(0, self._rebuild_if_alive)
        self._show_current()

    def _rebuild_if_alive(self) -> None:
        if shiboken6.isValid(self):
            self._rebuild()

    # --- actions ------------------------------------------------------------------------
    def _actions_changed(self, change) -> None:
        # the other list and the counts in the finding lines show the same actions
        if self.sender() is self.finding_actions:
            self.facility_actions.reload()
        else:
            self.finding_actions.reload()
        self._rebuild()
        self.changed.emit(change)

    def _right_tab_changed(self, index: int) -> None:
        if index == 1:
            self.flush()
            self.facility_actions.reload()

    # --- never lose typing ---------------------------------------------------------------
    def hideEvent(self, event) -> None:
        self.flush()
        self.review_fields.flush()
        super().hideEvent(event)

    def closeEvent(self, event) -> None:
        self.flush()
        self.review_fields.flush()
        super().closeEvent(event)
