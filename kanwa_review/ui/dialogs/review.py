"""Start a review (レビューの開始): facility, checklist form, visit date and the team with roles."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from kanwa_review.core.dates import fiscal_year, fiscal_year_label, wareki
from kanwa_review.core.form import Form
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


class TeamTable(QTableWidget):
    """One row per team member: name, role (リーダー…), profession, affiliation."""

    COLUMNS = ("氏名", "役割", "職種", "所属")

    def __init__(self, parent=None):
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels(self.COLUMNS)
        self.setAccessibleName("評価チーム")
        self.setAccessibleDescription("氏名・役割・職種・所属。リーダーは1名です。")
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
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
        for key, label in TEAM_ROLES.items():
            role.addItem(label, key)
        for key, label in PROFESSIONS.items():
            profession.addItem(label, key)
        member = member or TeamMember("-", "leader" if row == 0 else "member",
                                      "physician" if row == 0 else "nurse")
        name.setText("" if member.name == "-" else member.name)
        affiliation.setText(member.affiliation)
        role.setCurrentIndex(role.findData(member.role))
        profession.setCurrentIndex(profession.findData(member.profession))
        for col, (widget, what) in enumerate(((name, "氏名"), (role, "役割"),
                                              (profession, "職種"), (affiliation, "所属"))):
            widget.setAccessibleName(f"{row + 1}人目の{what}")
            widget.setFrame(False)  # the table draws the grid
            self.setCellWidget(row, col, widget)
        name.setMaxLength(100)
        affiliation.setMaxLength(200)
        return row

    def remove_current(self) -> None:
        row = self.currentRow()
        if row < 0:
            row = self.rowCount() - 1
        if row >= 0:
            self.removeRow(row)

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


class NewReviewDialog(QDialog):
    """Calls services.start_review on OK; `review` is then the new draft.

    `forms` are the checklists one may choose (those offered here by default; forms installed
    here come first either way); a follow-up
    passes the previous review's facility, form and team as the starting values."""

    def __init__(self, services, parent=None, *, forms: list[Form] | None = None,
                 facility_code: str | None = None, team: tuple[TeamMember, ...] = (),
                 form_hash: str | None = None, title: str = "レビューの開始",
                 follow_up: bool = False):
        super().__init__(parent)
        self.services = services
        self.follow_up = follow_up
        self.review: Review | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        forms = self.forms = offered_forms(services, forms)   # installed ones first

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.facility = add_row(form, "施設(&F)", QComboBox())
        facilities: list[Facility] = services.facilities()
        for f in facilities:
            self.facility.addItem(f"{f.code}  {f.name}", f.code)
        if facility_code:
            self.facility.setCurrentIndex(max(0, self.facility.findData(facility_code)))
        self.form_choice = add_row(form, "評価票(&E)", QComboBox())
        for i, f in enumerate(forms):
            self.form_choice.addItem(f"{f.title.ja}（{f.id} 第{f.version}版・{f.item_count}項目）",
                                     i)
            if form_hash and f.sha256 == form_hash:
                self.form_choice.setCurrentIndex(i)
        self.visit_date = add_row(form, "訪問日(&D)", QDateEdit(),
                                  hint="年度（4月〜翌3月）は訪問日から決まります")
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        self.visit_date.setDate(QDate.currentDate())
        self.date_note = QLabel()
        self.date_note.setAccessibleName("訪問日の和暦と年度")
        form.addRow("", self.date_note)
        self.visit_date.dateChanged.connect(self._show_date_note)
        self._show_date_note()
        self.form_warning = attach_form_warning(self, form)   # an outdated form: a warning
        layout.addLayout(form)

        group = QGroupBox("評価チーム(&T)")
        group_layout = QVBoxLayout(group)
        self.team = TeamTable()
        group_layout.addWidget(self.team)
        buttons_row = QHBoxLayout()
        add = QPushButton("メンバーを追加")
        add.setAccessibleName("メンバーを追加")
        remove = QPushButton("選択したメンバーを削除")
        remove.setAccessibleName("選択したメンバーを削除")
        add.clicked.connect(lambda: self.team.add_member())
        remove.clicked.connect(self.team.remove_current)
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        group_layout.addLayout(buttons_row)
        layout.addWidget(group, 1)
        for member in team or (None, None):
            self.team.add_member(member)

        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, "開始", "レビューを開始")
        self.ok_button = box.ok_button
        layout.addWidget(box)
        if not facilities or not forms:
            self.ok_button.setEnabled(False)
            show_error(self.error, "先に施設を登録してください。" if not facilities
                       else "評価票が見つかりません。")
        self.resize(640, 480)

    def _show_date_note(self) -> None:
        d = self.visit_date.date().toPython()
        self.date_note.setText(f"{wareki(d)}・{fiscal_year_label(fiscal_year(d))}")

    def set_visit_date(self, d: date) -> None:
        self.visit_date.setDate(QDate(d.year, d.month, d.day))

    def accept(self) -> None:
        try:
            team = self.team.members()
            leaders = sum(1 for m in team if m.role == "leader")
            if leaders > 1:
                raise ValueError("リーダーは1名にしてください (a review team has one leader)")
            form = self.forms[self.form_choice.currentData()]
            # a follow-up (PDCA) links to the facility's last finalised review and shows its
            # ratings beside the items; services check the visit comes after it
            start = getattr(self.services, "start_follow_up", None) if self.follow_up else None
            self.review = (start or self.services.start_review)(
                self.facility.currentData(), form, self.visit_date.date().toPython(), team)
        except (ValueError, LookupError) as exc:
            show_error(self.error, str(exc))
            return
        except Exception as exc:  # StoreError: locked or read-only file
            show_error(self.error, f"保存できませんでした: {exc}")
            return
        super().accept()

