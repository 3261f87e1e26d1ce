"""Start a review (レビューの開始): facility, checklist form, visit date and the team with roles,
all of it by keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.dates import fiscal_year
from kanwa_review.core.form import Form
from kanwa_review.core.form_text import form_title
from kanwa_review.core.review import (
    PROFESSIONS,
    TEAM_ROLES,
    Facility,
    Review,
    TeamMember,
)
from kanwa_review.ui.dialogs.form_warning import attach_form_warning, offered_forms
from kanwa_review.ui.dialogs.common import (
    add_row,
    error_label,
    ok_cancel_buttons,
    show_error,
)
from kanwa_review.ui.dialogs.confirm import confirm
from kanwa_review.ui.labels import (
    date_label, fiscal_year_text, profession_label, review_status_label, role_label,
)
from kanwa_review.ui.geometry import fit_dialog
from kanwa_review.ui.widgets.date_field import DateField


class TeamTable(QTableWidget):
    """One row per team member: name, role (リーダー…), profession, affiliation.

    The cells are editors of their own, so the keyboard goes through them like through a form:
    Tab moves cell by cell and, after the last member, on to the buttons below (never round
    inside the table); the row being typed in is the selected one, which 「選択したメンバーを
    削除」 removes."""

    def __init__(self, parent=None):
        self.COLUMNS = (self.tr("氏名"), self.tr("役割"), self.tr("職種"), self.tr("所属"))
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels(self.COLUMNS)
        self.setAccessibleName(self.tr("評価チーム"))
        self.setAccessibleDescription(self.tr("氏名・役割・職種・所属。リーダーは1名です。"
                                              "Tabで次の欄へ進みます。"))
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setTabKeyNavigation(False)   # Tab belongs to the cells' own editors
        self.setFocusPolicy(Qt.NoFocus)   # the table itself is never a stop on the way
        self.before: QWidget | None = None   # the Tab chain: before → cells → after
        self.after: QWidget | None = None
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)

    def add_member(self, member: TeamMember | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        name, affiliation = QLineEdit(), QLineEdit()
        role, profession = QComboBox(), QComboBox()
        for key in TEAM_ROLES:
            role.addItem(role_label(key), key)
        for key in PROFESSIONS:
            profession.addItem(profession_label(key), key)
        member = member or TeamMember("-", "leader" if row == 0 else "member",
                                      "physician" if row == 0 else "nurse")
        name.setText("" if member.name == "-" else member.name)
        affiliation.setText(member.affiliation)
        role.setCurrentIndex(role.findData(member.role))
        profession.setCurrentIndex(profession.findData(member.profession))
        for col, widget in enumerate((name, role, profession, affiliation)):
            widget.setAccessibleName(self.tr("{n}人目の{what}").format(n=row + 1,
                                                                      what=self.COLUMNS[col]))
            widget.setFrame(False)  # the table draws the grid
            widget.installEventFilter(self)
            self.setCellWidget(row, col, widget)
        name.setMaxLength(100)
        affiliation.setMaxLength(200)
        self.chain_tabs()
        return row

    def first_cell(self) -> QWidget | None:
        return self.cellWidget(0, 0) if self.rowCount() else None

    def remove_current(self) -> None:
        row = self.currentRow()
        if row < 0:
            row = self.rowCount() - 1
        if row >= 0:
            self.removeRow(row)
            self.chain_tabs()
            if self.rowCount():
                self.selectRow(min(row, self.rowCount() - 1))

    def chain_tabs(self) -> None:
        """before → every cell, row by row → after (cells made later would otherwise join the
        end of the window's chain, and Tab from the last cell would wrap inside the dialog)."""
        previous = self.before
        for row in range(self.rowCount()):
            for col in range(self.columnCount()):
                w = self.cellWidget(row, col)
                if previous is not None:
                    QWidget.setTabOrder(previous, w)
                previous = w
        if previous is not None and self.after is not None:
            QWidget.setTabOrder(previous, self.after)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.FocusIn:
            for row in range(self.rowCount()):
                if any(self.cellWidget(row, c) is obj for c in range(self.columnCount())):
                    if self.currentRow() != row:
                        self.selectRow(row)
                    self.scrollTo(self.model().index(row, 0))
                    break
        return super().eventFilter(obj, event)

    def rows(self) -> list[tuple]:
        """What is typed, row by row (to tell whether anything was)."""
        return [(self.cellWidget(r, 0).text(), self.cellWidget(r, 1).currentData(),
                 self.cellWidget(r, 2).currentData(), self.cellWidget(r, 3).text())
                for r in range(self.rowCount())]

    def members(self) -> list[TeamMember]:
        out = []
        for row in range(self.rowCount()):
            name = self.cellWidget(row, 0).text().strip()
            if not name:
                continue  # an empty line is simply not a member
            out.append(TeamMember(name, self.cellWidget(row, 1).currentData(),
                                  self.cellWidget(row, 2).currentData(),
                                  self.cellWidget(row, 3).text().strip()))
        return out


def _visit_note(d: date) -> str:
    return QCoreApplication.translate("NewReviewDialog", "{date}・{fiscal_year}").format(
        date=date_label(d), fiscal_year=fiscal_year_text(fiscal_year(d)))


class NewReviewDialog(QDialog):
    """Calls services.start_review on OK; `review` is then the new draft.

    `forms` are the checklists one may choose (those offered here by default; forms installed
    here come first either way); a follow-up passes the previous review's facility, form and
    team as the starting values. A second review of the same facility and visit date, or one
    without a team, is asked about first; Esc with something typed asks before it is thrown
    away."""

    def __init__(self, services, parent=None, *, forms: list[Form] | None = None,
                 facility_code: str | None = None, team: tuple[TeamMember, ...] = (),
                 form_hash: str | None = None, title: str = "",
                 follow_up: bool = False):
        super().__init__(parent)
        self.services = services
        self.follow_up = follow_up
        self.review: Review | None = None
        title = title or self.tr("レビューの開始")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        forms = self.forms = offered_forms(services, forms)   # installed ones first

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.facility = add_row(form, self.tr("施設(&F)"), QComboBox())
        facilities: list[Facility] = services.facilities()
        for f in facilities:
            self.facility.addItem(f"{f.code}  {f.name}", f.code)
        if facility_code:
            self.facility.setCurrentIndex(max(0, self.facility.findData(facility_code)))
        self.form_choice = add_row(form, self.tr("評価票(&E)"), QComboBox())
        for i, f in enumerate(forms):
            self.form_choice.addItem(self.tr("{form}（{count}項目）").format(
                form=form_title(f), count=f.item_count), i)
            if form_hash and f.sha256 == form_hash:
                self.form_choice.setCurrentIndex(i)
        self.visit_date = add_row(form, self.tr("訪問日(&D)"),
                                  DateField(allow_empty=False, describe=_visit_note),
                                  hint=self.tr("年度（4月〜翌3月）は訪問日から決まります"))
        self.visit_date.today_button.setText(self.tr("今日(&Y)"))
        self.visit_date.set_value(date.today())
        self.form_warning = attach_form_warning(self, form)   # an outdated form: a warning
        layout.addLayout(form)

        group = QGroupBox(self.tr("評価チーム(&T)"))
        group_layout = QVBoxLayout(group)
        self.team = TeamTable()
        group_layout.addWidget(self.team)
        buttons_row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("メンバーを追加(&A)"))
        self.add_button.setAccessibleName(self.tr("メンバーを追加"))
        self.remove_button = QPushButton(self.tr("選択したメンバーを削除(&R)"))
        self.remove_button.setAccessibleName(self.tr("選択したメンバーを削除"))
        for b in (self.add_button, self.remove_button):
            b.setAutoDefault(False)  # Enter in a cell starts the review, not a new row
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_member)
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch(1)
        group_layout.addLayout(buttons_row)
        layout.addWidget(group, 1)
        self.team.before = self.visit_date.calendar_button
        self.team.after = self.add_button
        for member in team or (None, None):
            self.team.add_member(member)

        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, self.tr("開始(&S)"), self.tr("レビューを開始"))
        box.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル(&C)"))
        self.ok_button = box.ok_button
        layout.addWidget(box)
        if not facilities or not forms:
            self.ok_button.setEnabled(False)
            show_error(self.error, self.tr("先に施設を登録してください。") if not facilities
                       else self.tr("評価票が見つかりません。"))
        fit_dialog(self, QSize(680, 520))
        self._start_state = self._state()

    # --- the team -----------------------------------------------------------------------
    def add_member(self) -> None:
        row = self.team.add_member()
        self.team.selectRow(row)
        self.team.cellWidget(row, 0).setFocus(Qt.OtherFocusReason)

    def remove_member(self) -> None:
        self.team.remove_current()
        first = self.team.cellWidget(max(self.team.currentRow(), 0), 0)
        (first or self.add_button).setFocus(Qt.OtherFocusReason)

    # --- state --------------------------------------------------------------------------
    def _state(self) -> tuple:
        return (self.facility.currentIndex(), self.form_choice.currentIndex(),
                self.visit_date.edit.text(), self.team.rows())

    def has_unsaved_input(self) -> bool:
        return self._state() != self._start_state

    def set_visit_date(self, d: date) -> None:
        self.visit_date.set_value(d)        # (set_value tells no one: the warning follows here)
        self.form_warning.refresh()
        self._start_state = self._state()   # a proposed date is not the person's input

    def reject(self) -> None:
        """Esc or キャンセル: with something typed, ask before throwing it away."""
        if self.review is None and self.has_unsaved_input() and not confirm(
                self, self.windowTitle(), self.tr("入力した内容を破棄して閉じますか？"),
                self.tr("破棄して閉じる"), detail=self.tr("レビューはまだ開始されていません。"
                                                  "「キャンセル」で入力に戻ります。")):
            return
        super().reject()

    # --- starting -----------------------------------------------------------------------
    def _asks_first(self, code: str, visit: date, team: list[TeamMember]) -> bool:
        """False when the person chose not to start (a second review of the visit, or one
        without a team)."""
        held = self.services.reviews_of_visit(code, visit)
        if held:
            lines = "\n".join(
                self.tr("・{status}（第{revision}版）").format(
                    status=review_status_label(r.status), revision=r.revision)
                for r in held)
            if not confirm(self, self.windowTitle(), self.tr(
                    "{name}の{date}訪問のレビューは既にあります。もう一つ開始しますか？").format(
                        name=held[0].facility_name, date=visit.isoformat()),
                    self.tr("もう一つ開始する"), destructive=False,
                    detail=lines + "\n" + self.tr("続きを入力するときは、ホームの一覧から既存の"
                                                   "レビューを開いてください。")):
                return False
        if not team and not confirm(
                self, self.windowTitle(), self.tr("評価チームが入力されていません。"
                                                  "チームなしで開始しますか？"),
                self.tr("チームなしで開始する"), destructive=False,
                detail=self.tr("確定にはリーダーの署名が要ります。チームは「キャンセル」で"
                               "戻って入力できます。")):
            return False
        return True

    def accept(self) -> None:
        try:
            team = self.team.members()
            leaders = sum(1 for m in team if m.role == "leader")
            if leaders > 1:
                raise ValueError(self.tr("リーダーは1名にしてください。"))
            visit = self.visit_date.value()
            form = self.forms[self.form_choice.currentData()]
            code = self.facility.currentData()
            if not self._asks_first(code, visit, team):
                return
            # a follow-up (PDCA) links to the facility's last finalised review and shows its
            # ratings beside the items; services check the visit comes after it
            start = getattr(self.services, "start_follow_up", None) if self.follow_up else None
            self.review = (start or self.services.start_review)(code, form, visit, team)
        except (ValueError, LookupError) as exc:
            show_error(self.error, str(exc))
            return
        except Exception as exc:  # StoreError: locked or read-only file
            show_error(self.error, self.tr("保存できませんでした: {error}").format(error=exc))
            return
        super().accept()
