"""New facility (施設の登録): code, name, prefecture, designation category."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from kanwa_review.core.review import FACILITY_CATEGORIES, Facility
from kanwa_review.ui.dialogs.common import (
    add_row,
    error_label,
    ok_cancel_buttons,
    show_error,
)
from kanwa_review.ui.labels import category_label
from kanwa_review.ui.geometry import fit_dialog


class NewFacilityDialog(QDialog):
    """Creates the facility through services on OK; errors stay in the dialog to be fixed."""

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.facility: Facility | None = None
        self.setWindowTitle(self.tr("施設の登録"))
        self.setAccessibleName(self.tr("施設の登録"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code = add_row(form, self.tr("施設コード(&C)"), QLineEdit(),
                            hint=self.tr("英数字・-・_ の32文字以内（例: F013）"))
        self.code.setPlaceholderText(self.tr("例: F013"))
        self.code.setMaxLength(32)
        self.name = add_row(form, self.tr("施設名(&N)"), QLineEdit())
        self.name.setPlaceholderText(self.tr("例: 架空県立がんセンター"))
        self.name.setMaxLength(200)
        self.prefecture = add_row(form, self.tr("都道府県(&P)"), QLineEdit())
        self.category = add_row(form, self.tr("指定区分(&K)"), QComboBox())
        for key in FACILITY_CATEGORIES:
            self.category.addItem(category_label(key), key)
        self.category.setCurrentIndex(self.category.findData("regional"))
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = ok_cancel_buttons(self, self.tr("登録"))
        layout.addWidget(buttons)
        self.ok_button = buttons.ok_button
        fit_dialog(self, QSize(460, self.sizeHint().height()))

    def accept(self) -> None:
        try:
            self.facility = self.services.create_facility(
                self.code.text(), self.name.text(), self.prefecture.text().strip(),
                self.category.currentData())
        except (ValueError, LookupError) as exc:
            show_error(self.error, str(exc))
            return
        except Exception as exc:  # StoreError (locked, read-only): tell, keep the input
            show_error(self.error, self.tr("保存できませんでした: {error}").format(error=exc))
            return
        super().accept()
