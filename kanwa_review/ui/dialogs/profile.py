"""利用者の設定: the named person of this installation (氏名・職種・所属施設), whom the audit trail
records (services.profile / set_profile). `ask_at_first_run()` asks when no person is set yet
(app.run_app, once the window shows); ツール ▸ 利用者の設定… opens the same dialog at any time.

The profile is set on the UI thread, not through the operations runner: it is one small file in
the app-data folder, and set_profile also tells the window's own services whom to record.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
)

from kanwa_review.core.person import MAX_HOSPITAL, MAX_NAME, Profile
from kanwa_review.core.review import PROFESSIONS
from kanwa_review.ui.dialogs.common import (
    add_row, error_label, ok_cancel_buttons, show_error, size_to_width,
)
from kanwa_review.ui.errors import USER_ERRORS, message_of


class ProfileDialog(QDialog):
    """On OK, `services.set_profile(...)`; `profile` is then the person set."""

    def __init__(self, services, parent=None, *, first_run: bool = False):
        super().__init__(parent)
        self.services = services
        self.profile: Profile | None = None
        title = self.tr("利用者の設定")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        current = services.profile()
        layout = QVBoxLayout(self)
        self.intro = intro = QLabel(services.profile_missing_text() if first_run or current is None else
                       self.tr("変更履歴には、この利用者が入力・修正したと記録されます。"
                               "変更は以後の記録に使われます（これまでの記録はそのままです）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = add_row(form, self.tr("氏名(&N)"), QLineEdit())
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("例: 山田 花子"))
        self.profession = add_row(form, self.tr("職種(&P)"), QComboBox())
        for key, label in PROFESSIONS.items():
            self.profession.addItem(label, key)
        self.hospital = add_row(form, self.tr("所属施設(&H)"), QLineEdit(),
                                hint=self.tr("変更履歴に「氏名（所属施設）」と記録されます"))
        self.hospital.setMaxLength(MAX_HOSPITAL)
        layout.addLayout(form)
        self.preview = QLabel()
        self.preview.setAccessibleName(self.tr("変更履歴での表示"))
        layout.addWidget(self.preview)
        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, self.tr("保存"), self.tr("利用者を保存"), save=True)
        box.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        self.ok_button = box.ok_button
        layout.addWidget(box)
        if current is not None:
            self.name.setText(current.name)
            self.profession.setCurrentIndex(max(0, self.profession.findData(current.profession)))
            self.hospital.setText(current.hospital)
        else:
            self.profession.setCurrentIndex(self.profession.findData("other"))
        for edit in (self.name, self.hospital):
            edit.textChanged.connect(self._changed)
        self._changed()
        size_to_width(self, 480)

    def _changed(self) -> None:
        try:    # how the audit trail will name the person (core.person says)
            shown = Profile(self.name.text(), "other", self.hospital.text()).actor
        except ValueError:
            shown = ""
        self.ok_button.setEnabled(bool(self.name.text().strip()))
        self.preview.setText(self.tr("変更履歴での表示: {actor}").format(actor=shown)
                             if shown else "")
        show_error(self.error, "")

    def accept(self) -> None:
        try:
            self.profile = self.services.set_profile(
                self.name.text(), self.profession.currentData(), self.hospital.text())
        except USER_ERRORS as exc:   # a name too long, a folder that cannot be written
            show_error(self.error, message_of(exc))
            return
        super().accept()


def ask_profile(services, parent=None, *, first_run: bool = True) -> Profile | None:
    """Ask who uses this installation (the first run calls this when services.profile() is
    None); the person set, or None when the dialog was cancelled."""
    dialog = ProfileDialog(services, parent, first_run=first_run)
    try:
        return dialog.profile if dialog.exec() == QDialog.Accepted else None
    finally:
        dialog.deleteLater()


def ask_at_first_run(window) -> Profile | None:
    """The first run (the app calls this once its window shows): ask for the person when none
    is set yet, so the audit trail names them from the first edit. Cancelling is allowed —
    the login name is recorded until a person is set in ツール ▸ 利用者の設定…"""
    if not window.services.profile_needed():
        return None
    profile = ask_profile(window.services, window)
    if profile is not None:
        window.show_status(QCoreApplication.translate(
            "ProfileDialog", "利用者を {actor} にしました。以後の変更履歴に記録されます。").format(
            actor=profile.actor))
    return profile


def install(window) -> None:
    """ツール ▸ 利用者の設定…"""
    def edit() -> None:
        profile = ask_profile(window.services, window, first_run=False)
        if profile is not None:
            window.show_status(QCoreApplication.translate(
                "ProfileDialog", "利用者を {actor} にしました。以後の変更履歴に記録されます。").format(
                actor=profile.actor))

    window.profile_action = QAction(
        QCoreApplication.translate("ProfileDialog", "利用者の設定…"), window)
    window.profile_action.setStatusTip(QCoreApplication.translate(
        "ProfileDialog", "変更履歴に記録する利用者（氏名・職種・所属施設）を設定します"))
    window.profile_action.triggered.connect(edit)
    window.tools_menu.addAction(window.profile_action)


__all__ = ["ProfileDialog", "ask_at_first_run", "ask_profile", "install"]
