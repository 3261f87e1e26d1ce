"""The person using this installation (利用者の設定): name, profession, hospital — whom the audit
trail names instead of the computer's login name (services.set_profile)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from kanwa_review.core.person import MAX_HOSPITAL, MAX_NAME
from kanwa_review.core.review import PROFESSIONS
from kanwa_review.ui.dialogs.common import add_row, error_label, ok_cancel_buttons, show_error
from kanwa_review.ui.geometry import fit_dialog


class ProfileDialog(QDialog):
    """Saves the profile through services on OK; a wrong entry is said in the dialog and
    nothing is lost. `first_run`: the note says why it is asked."""

    def __init__(self, services, parent=None, *, first_run: bool = False):
        super().__init__(parent)
        self.services = services
        self.profile = None
        self.setWindowTitle(self.tr("利用者の設定"))
        self.setAccessibleName(self.tr("利用者の設定"))
        layout = QVBoxLayout(self)
        self.note = note = QLabel(services.profile_missing_text() if first_run else self.tr(
            "これからの入力・修正は、変更履歴にこの名前で記録されます。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        current = services.profile()
        self.name = add_row(form, self.tr("氏名(&N)"), QLineEdit())
        self.name.setMaxLength(MAX_NAME)
        self.profession = add_row(form, self.tr("職種(&P)"), QComboBox())
        for key, label in PROFESSIONS.items():
            self.profession.addItem(label, key)
        self.hospital = add_row(form, self.tr("所属施設(&H)"), QLineEdit())
        self.hospital.setMaxLength(MAX_HOSPITAL)
        if current is not None:
            self.name.setText(current.name)
            self.hospital.setText(current.hospital)
        self.profession.setCurrentIndex(max(0, self.profession.findData(
            current.profession if current is not None else "nurse")))
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = ok_cancel_buttons(self, self.tr("保存(&S)"), self.tr("保存"))
        self.ok_button = buttons.ok_button
        layout.addWidget(buttons)
        fit_dialog(self, QSize(480, self.sizeHint().height()))

    def accept(self) -> None:
        try:
            self.profile = self.services.set_profile(self.name.text(),
                                                     self.profession.currentData(),
                                                     self.hospital.text())
        except ValueError as exc:
            show_error(self.error, str(exc))
            self.name.setFocus()
            return
        except OSError as exc:  # the app-data folder cannot be written: say so, keep input
            show_error(self.error, self.tr("保存できませんでした: {error}").format(error=exc))
            return
        super().accept()


__all__ = ["ProfileDialog"]
