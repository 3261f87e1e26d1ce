"""Improvement actions (改善計画) of a facility: a list with add / edit / progress / delete, the
dialogs behind those buttons, and a stand-alone window for one facility's whole plan.

Actions belong to the facility, not to a review, so these widgets stay editable on a finalised
review. They never write SQL: every change goes through the PDCA services, which audit it and
refuse stale edits; the widgets only show what came back.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.pdca import (
    ACTION_STATUSES,
    NOT_STARTED,
    ImprovementAction,
    can_transition,
)
from kanwa_review.ui.dialogs.common import (
    add_row,
    error_label,
    ok_cancel_buttons,
    show_error,
)
from kanwa_review.ui.dialogs.confirm import confirm
from kanwa_review.ui.display import local_time
from kanwa_review.ui.labels import action_status_label
from kanwa_review.ui.errors import USER_ERRORS, message_of
from kanwa_review.ui.geometry import fit_dialog
from kanwa_review.ui.widgets.date_field import DateField



def _status_combo(current: str | None, accessible: str) -> QComboBox:
    """Every status, with those the current one cannot change to greyed out (not hidden, so
    the person sees why 未着手 is missing after work began)."""
    box = QComboBox()
    box.setAccessibleName(accessible)
    model = QStandardItemModel(box)
    for code in ACTION_STATUSES:
        item = QStandardItem(action_status_label(code))
        item.setData(code, Qt.UserRole)
        if current is not None and not can_transition(current, code):
            item.setEnabled(False)
        model.appendRow(item)
    box.setModel(model)
    box.setCurrentIndex(ACTION_STATUSES.index(current or NOT_STARTED))
    return box


def _multiline(accessible: str, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(accessible)
    edit.setTabChangesFocus(True)  # Tab moves on in a form; Enter still makes a new line
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setFixedHeight(height)
    return edit


def _row(form: QFormLayout, label: str, widget: QWidget, *, hint: str = "") -> QWidget:
    """`add_row`, with the accessible name read out without the "(&X)" mnemonic."""
    add_row(form, label, widget, hint=hint)
    widget.setAccessibleName(re.sub(r"\(&.\)$", "", label).replace("&", ""))
    return widget


def progress_line(note) -> str:
    text = QCoreApplication.translate("ActionsEditor", "{time}　{status}").format(
        time=local_time(note.at), status=action_status_label(note.status))
    if note.author:
        text = QCoreApplication.translate("ActionsEditor", "{line}（{author}）").format(
            line=text, author=note.author)
    if note.note:
        text = QCoreApplication.translate("ActionsEditor", "{line}　{note}").format(
            line=text, note=note.note)
    return text


class ActionDialog(QDialog):
    """Create or edit one action: 実施内容, 担当, 目標期日, 評価指標, 状況 and a progress note.

    On 保存 the dialog calls the services itself; `result_change` holds what came back (an
    ActionChanged, or the new ImprovementAction). A refused save keeps the dialog open with the
    reason shown, so nothing typed is lost."""

    def __init__(self, services, facility_code: str, action: ImprovementAction | None = None, *,
                 review_uuid: str | None = None, finding_id: int | None = None,
                 item_codes=(), parent=None):
        super().__init__(parent)
        self.services = services
        self.facility_code = facility_code
        self.action = action
        self.review_uuid, self.finding_id, self.item_codes = review_uuid, finding_id, item_codes
        self.result_change = None
        self.setWindowTitle(self.tr("改善計画を編集") if action else self.tr("改善計画を追加"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)

        form = QFormLayout()
        self.title_edit = _row(form, self.tr("実施内容(&W)"), _multiline(self.tr("実施内容"), 3),
                               hint=self.tr("何をするか（必須）"))
        self.owner_role_edit = _row(form, self.tr("担当部署・職種(&R)"), QLineEdit(),
                                    hint=self.tr("例: 緩和ケアチーム、看護部"))
        self.owner_name_edit = _row(form, self.tr("担当者(&N)"), QLineEdit())
        self.due_edit = _row(form, self.tr("目標期日(&D)"), DateField(),
                             hint=self.tr("空欄なら期日なし"))
        self.measure_edit = _row(form, self.tr("評価指標(&M)"), _multiline(self.tr("評価指標"), 2),
                                 hint=self.tr("達成したと判断する目安（例: 実施率80%以上）"))
        self.status_box = _row(form, self.tr("状況(&S)"),
                               _status_combo(action.status if action else None, self.tr("状況")))
        self.note_edit = _row(form, self.tr("進捗メモ(&P)"), _multiline(self.tr("進捗メモ"), 2),
                              hint=self.tr("状況の変更やメモは日時付きの進捗として記録されます"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if action is not None:
            caption = QLabel(self.tr("進捗の記録"))
            self.history = QListWidget()
            self.history.setAccessibleName(self.tr("進捗の記録"))
            self.history.setWordWrap(True)
            self.history.setMaximumHeight(110)
            for note in reversed(action.progress):  # newest first
                self.history.addItem(progress_line(note))
            if not action.progress:
                self.history.addItem(self.tr("（まだ記録はありません）"))
            caption.setBuddy(self.history)
            layout.addWidget(caption)
            layout.addWidget(self.history)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = ok_cancel_buttons(self, self.tr("保存"), self.tr("改善計画を保存"), on_ok=self.save,
                                    save=True)
        layout.addWidget(buttons)
        self._fill(action)

    def _fill(self, a: ImprovementAction | None) -> None:
        self.due_edit.set_value(a.due_date if a else None)
        if a is None:
            return
        self.title_edit.setPlainText(a.title)
        self.owner_role_edit.setText(a.owner_role)
        self.owner_name_edit.setText(a.owner_name)
        self.measure_edit.setPlainText(a.success_measure)

    def values(self) -> dict:
        """The fields as typed; ValueError (with the reason) for a due date that is none."""
        return {
            "title": self.title_edit.toPlainText(),
            "owner_role": self.owner_role_edit.text(),
            "owner_name": self.owner_name_edit.text(),
            "due_date": self.due_edit.value(),
            "success_measure": self.measure_edit.toPlainText(),
            "status": self.status_box.currentData(Qt.UserRole),
        }

    def save(self) -> None:
        note = self.note_edit.toPlainText()
        try:
            fields = self.values()
            if self.action is None:
                status = fields.pop("status")
                created = self.services.add_action(
                    self.facility_code, origin_review_uuid=self.review_uuid,
                    finding_id=self.finding_id, item_codes=self.item_codes, **fields)
                # a first note (or a status other than 未着手) is the action's first progress
                # report, dated now like every later one
                if note.strip() or status != NOT_STARTED:
                    self.result_change = self.services.add_progress(created.uuid, status, note)
                else:
                    self.result_change = created
            else:
                self.result_change = self.services.update_action(
                    self.action.uuid, note=note, expected_updated_at=self.action.updated_at,
                    **fields)
        except USER_ERRORS as exc:  # shown inline; the dialog stays open
            show_error(self.error, message_of(exc))
            return
        self.accept()


class ProgressDialog(QDialog):
    """Record one dated progress report (進捗) on an action: its status now and a note."""

    def __init__(self, services, action: ImprovementAction, parent=None):
        super().__init__(parent)
        self.services, self.action = services, action
        self.result_change = None
        self.setWindowTitle(self.tr("進捗を記録"))
        self.setAccessibleName(self.tr("進捗を記録"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        about = QLabel(self.tr("改善計画: {title}").format(title=action.title))
        about.setWordWrap(True)
        about.setAccessibleName(self.tr("対象の改善計画"))
        layout.addWidget(about)
        form = QFormLayout()
        self.status_box = _row(form, self.tr("状況(&S)"),
                               _status_combo(action.status, self.tr("状況")))
        self.date_edit = _row(form, self.tr("日付(&D)"), DateField(allow_empty=False),
                              hint=self.tr("進捗があった日（今日より後の日付は記録できません）"))
        self.date_edit.set_value(date.today())
        self.note_edit = _row(form, self.tr("メモ(&M)"), _multiline(self.tr("進捗メモ"), 4),
                              hint=self.tr("いつ何をしたか、次に何をするか"))
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = ok_cancel_buttons(self, self.tr("記録"), self.tr("進捗を記録"), on_ok=self.save)
        layout.addWidget(buttons)
        self.note_edit.setFocus()

    def save(self) -> None:
        status = self.status_box.currentData(Qt.UserRole)
        note = self.note_edit.toPlainText()
        if status == self.action.status and not note.strip():
            show_error(self.error, self.tr("状況を変えるか、メモを入力してください。"))
            return
        try:
            when = self.date_edit.value()
            # today's report is stamped with the time now; an earlier day's with that day
            at = None if when == date.today() else when
            self.result_change = self.services.add_progress(self.action.uuid, status, note,
                                                            at=at)
        except USER_ERRORS as exc:  # shown inline; the dialog stays open
            show_error(self.error, message_of(exc))
            return
        self.accept()


# marked for the catalog (context ActionsEditor), translated where the list is built
COLUMNS = (QT_TRANSLATE_NOOP("ActionsEditor", "実施内容"), QT_TRANSLATE_NOOP("ActionsEditor", "担当"),
           QT_TRANSLATE_NOOP("ActionsEditor", "目標期日"), QT_TRANSLATE_NOOP("ActionsEditor", "状況"),
           QT_TRANSLATE_NOOP("ActionsEditor", "最新の進捗"))


class ActionsEditor(QWidget):
    """The improvement actions of a facility — all of them, or only those answering one finding
    (`finding_id`) — with buttons to add, edit, record progress and delete.

    `changed` carries the services' ActionChanged (or the new ImprovementAction) of each edit."""

    changed = Signal(object)

    def __init__(self, services, facility_code: str, *, review_uuid: str | None = None,
                 finding_id: int | None = None, item_codes=(), today: date | None = None,
                 parent=None):
        super().__init__(parent)
        self.services = services
        self.facility_code = facility_code
        self.review_uuid, self.finding_id, self.item_codes = review_uuid, finding_id, item_codes
        self.today = today
        self.dialog: QDialog | None = None  # the dialog open now (tests drive it)
        self._actions: list[ImprovementAction] = []

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("改善計画の一覧"))
        self.tree.setHeaderLabels([QCoreApplication.translate("ActionsEditor", c) for c in COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setMinimumHeight(90)
        header = self.tree.header()
        header.setStretchLastSection(False)  # the title column takes the spare width
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for col in (2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        for col, width in ((1, 120), (4, 150)):  # long owners and notes elide; tooltips show all
            header.setSectionResizeMode(col, QHeaderView.Interactive)
            header.resizeSection(col, width)
        self.tree.itemActivated.connect(lambda *_: self.edit_current())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.add_button = self._button(self.tr("追加…"), self.tr("改善計画を追加"), self.add_action)
        self.edit_button = self._button(self.tr("編集…"), self.tr("改善計画を編集"),
                                        self.edit_current)
        self.progress_button = self._button(self.tr("進捗を記録…"), self.tr("進捗を記録"),
                                            self.record_progress)
        self.delete_button = self._button(self.tr("削除…"), self.tr("改善計画を削除"),
                                          self.delete_current)
        self.delete_button.setToolTip(self.tr("誤って登録したものを消します。取りやめる場合は"
                                              "状況を「見送り」にしてください"))
        self.empty_label = QLabel()
        self.empty_label.setAccessibleName(self.tr("改善計画の件数"))
        row = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.progress_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.reload()

    def _button(self, text: str, accessible: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.setAccessibleName(accessible)
        b.clicked.connect(slot)
        return b

    # --- scope and data -----------------------------------------------------------------
    def set_scope(self, facility_code: str, *, review_uuid: str | None = None,
                  finding_id: int | None = None, item_codes=()) -> None:
        self.facility_code = facility_code
        self.review_uuid, self.finding_id, self.item_codes = review_uuid, finding_id, item_codes
        self.reload()

    def actions(self) -> list[ImprovementAction]:
        return list(self._actions)

    def reload(self) -> None:
        keep = self.current_action()
        found = self.services.actions_of_facility(self.facility_code)
        if self.finding_id is not None:
            found = [a for a in found if a.finding_id == self.finding_id]
        self._actions = found
        today = self.today or date.today()
        self.tree.clear()
        for a in found:
            latest = a.progress[-1] if a.progress else None
            due = a.due_date.isoformat() if a.due_date else "—"
            if a.is_overdue(today):
                due = self.tr("{date}（期限超過）").format(date=due)
            owner = self.tr("・", "list separator").join(
                x for x in (a.owner_role, a.owner_name) if x) or "—"
            latest_short = "—"
            if latest:
                day, status = local_time(latest.at)[:10], action_status_label(latest.status)
                latest_short = (self.tr("{date} {status}・メモあり") if latest.note
                                else self.tr("{date} {status}")).format(date=day, status=status)
            row = QTreeWidgetItem([a.title.replace("\n", " "), owner, due,
                                   action_status_label(a.status), latest_short])
            if latest:
                row.setToolTip(4, "\n".join(progress_line(n) for n in reversed(a.progress)))
            row.setData(0, Qt.UserRole, a.uuid)
            row.setToolTip(1, owner)
            row.setToolTip(0, "\n".join([a.title, self.tr("評価指標: {measure}").format(
                measure=a.success_measure)]) if a.success_measure else a.title)
            if a.is_overdue(today):  # bold, not red: stays readable with any palette
                font = QFont(row.font(2))
                font.setBold(True)
                row.setFont(2, font)
            self.tree.addTopLevelItem(row)
            if keep is not None and a.uuid == keep.uuid:
                self.tree.setCurrentItem(row)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        open_count = sum(a.is_open for a in found)
        self.empty_label.setText(self.tr("{count}件（未完了 {open}件）").format(
            count=len(found), open=open_count) if found else self.tr("改善計画はまだありません"))
        self._update_buttons()

    def current_action(self) -> ImprovementAction | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        uuid = item.data(0, Qt.UserRole)
        return next((a for a in self._actions if a.uuid == uuid), None)

    def select_action(self, uuid: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.UserRole) == uuid:
                self.tree.setCurrentItem(item)
                return

    def _update_buttons(self) -> None:
        has = self.current_action() is not None
        for b in (self.edit_button, self.progress_button, self.delete_button):
            b.setEnabled(has)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.Delete) and self.current_action() is not None:
            self.delete_current()
            return
        super().keyPressEvent(event)

    # --- edits --------------------------------------------------------------------------
    def _run(self, dialog: QDialog) -> None:
        self.dialog = dialog
        try:
            ok = dialog.exec() == QDialog.Accepted
        finally:
            self.dialog = None
        if ok and dialog.result_change is not None:
            self._done(dialog.result_change)
        else:  # a refused (stale) save means the list itself is behind
            self.reload()

    def _done(self, change) -> None:
        self.reload()
        action = getattr(change, "action", change)
        if isinstance(action, ImprovementAction):
            self.select_action(action.uuid)
        self.changed.emit(change)

    def add_action(self) -> None:
        self._run(ActionDialog(self.services, self.facility_code, review_uuid=self.review_uuid,
                               finding_id=self.finding_id, item_codes=self.item_codes,
                               parent=self))

    def _fresh_current(self) -> ImprovementAction | None:
        """The selected action as stored now (an import or another window may have changed
        it), so the dialog's stale check compares against what the person sees."""
        a = self.current_action()
        if a is None:
            return None
        try:
            return self.services.action(a.uuid)
        except LookupError:
            self.reload()
            return None

    def edit_current(self) -> None:
        a = self._fresh_current()
        if a is not None:
            self._run(ActionDialog(self.services, self.facility_code, a, parent=self))

    def record_progress(self) -> None:
        a = self._fresh_current()
        if a is not None:
            self._run(ProgressDialog(self.services, a, parent=self))

    def delete_current(self) -> None:
        a = self.current_action()
        if a is None:
            return
        if not confirm(self, self.tr("改善計画の削除"),
                       self.tr("改善計画「{title}」を削除しますか？").format(title=a.title[:60]),
                       self.tr("削除"),
                       detail=self.tr("誤って登録したものだけを削除してください。取りやめる"
                                      "場合は状況を「見送り」にすると経過が残ります。")):
            return
        self._done(self.services.delete_action(a.uuid))


class ActionsDialog(QDialog):
    """One facility's whole improvement plan in its own window (the PDCA dashboard opens it)."""

    def __init__(self, services, facility_code: str, *, today: date | None = None, parent=None):
        super().__init__(parent)
        name = next((f.name for f in services.facilities() if f.code == facility_code), "")
        self.setWindowTitle(self.tr("改善計画 — {code} {name}").format(
            code=facility_code, name=name).strip())
        self.setAccessibleName(self.tr("施設の改善計画"))
        fit_dialog(self, QSize(820, 420))
        self.editor = ActionsEditor(services, facility_code, today=today, parent=self)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("閉じる"))
        buttons.button(QDialogButtonBox.Close).setAccessibleName(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
