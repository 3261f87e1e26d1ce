"""ツール ▸ 評価票 ▸ 年度ごとの評価票…: the hub's setting of which form is current for a fiscal
year (services.current_forms / set_current_form). A review started on another version for that
year gets a warning (services.form_warning_for, shown when a review is started)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kanwa_review.core.dates import fiscal_year, fiscal_year_label
from kanwa_review.ui.actions import command
from kanwa_review.ui.dialogs.common import add_row, error_label, show_error
from kanwa_review.ui.errors import USER_ERRORS, message_of
from kanwa_review.ui.files.forms import form_label, forms_menu


class CurrentFormsDialog(QDialog):
    """The years set (年度 → 評価票) and a row to set or clear one year."""

    def __init__(self, services, parent=None, *, today: date | None = None):
        super().__init__(parent)
        self.services = services
        title = self.tr("年度ごとの評価票")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("拠点として、年度ごとに使う評価票の版を定めます。別の版でレビューを始めると"
                               "警告が出ます（始めることはできます）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("年度ごとの評価票"))
        self.table.setHorizontalHeaderLabels([self.tr("年度"), self.tr("評価票")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.year = add_row(form, self.tr("年度(&Y)"), QSpinBox())
        self.year.setRange(2000, 2100)
        self.year.setValue(fiscal_year(today or date.today()))
        self.forms = services.offered_forms()
        self.form_choice = add_row(form, self.tr("評価票(&E)"), QComboBox())
        for f in self.forms:
            self.form_choice.addItem(form_label(f))
        layout.addLayout(form)
        row = QHBoxLayout()
        self.set_button = QPushButton(self.tr("この年度の評価票にする"))
        self.clear_button = QPushButton(self.tr("この年度の設定を解除"))
        self.set_button.clicked.connect(self.set_current)
        self.clear_button.clicked.connect(self.clear_current)
        row.addWidget(self.set_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.set_button.setEnabled(bool(self.forms))
        self.reload()
        self.resize(640, 420)

    def reload(self) -> None:
        self.current = sorted(self.services.current_forms().items())
        self.table.setRowCount(len(self.current))
        for n, (fy, form) in enumerate(self.current):
            self.table.setItem(n, 0, QTableWidgetItem(fiscal_year_label(fy)))
            self.table.setItem(n, 1, QTableWidgetItem(form_label(form)))

    def _row_chosen(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1:
            return
        fy, form = self.current[rows.pop()]
        self.year.setValue(fy)
        for n, f in enumerate(self.forms):
            if f.sha256 == form.sha256:
                self.form_choice.setCurrentIndex(n)

    def _write(self, form) -> None:
        try:
            self.services.set_current_form(self.year.value(), form)
        except USER_ERRORS as exc:      # a read-only or locked database
            show_error(self.error, message_of(exc))
            return
        show_error(self.error, "")
        self.reload()

    def set_current(self) -> None:
        if self.forms:
            self._write(self.forms[self.form_choice.currentIndex()])

    def clear_current(self) -> None:
        self._write(None)


def install(window) -> None:
    def show() -> None:
        dialog = CurrentFormsDialog(window.services, window)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    window.current_forms_action = command(
        window, "current_forms", show, tip=QCoreApplication.translate(
            "CurrentFormsDialog", "拠点として年度ごとに使う評価票の版を定めます"))
    forms_menu(window).addAction(window.current_forms_action)


__all__ = ["CurrentFormsDialog", "install"]
