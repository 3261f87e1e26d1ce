"""The keys an export signs and encrypts with, and the hub's key an import opens sealed files
with: asking the passphrase (a wrong one is said beside the field, to try again), and the hub's
private key remembered for imports (its path only, never the passphrase).

The key is unlocked in the passphrase dialog itself, on the UI thread: the dialog must stay open
to say 「パスフレーズが違います」 beside the field, which the operations runner's one error path
(a warning after the dialog is gone) cannot; a key file is at most 64 KiB and its scrypt work is
set at about 0.1 s. The export or import that uses the key runs through the runner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from kanwa_review.services import Services
from kanwa_review.ui.dialogs.common import (
    error_label, ok_cancel_buttons, show_error, size_to_width,
)
from kanwa_review.ui.errors import USER_ERRORS, message_of, warn
from kanwa_review.ui.settings import open_settings

IMPORT_KEY = "keys/import_private_key"    # the hub's .key file for sealed imports (a path)


class PassphraseDialog(QDialog):
    """Asks the passphrase of the private key file `path` and unlocks it; `key` is then the
    unlocked key. `why` says what the key is for."""

    def __init__(self, path: Path, why: str, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.key = None
        title = self.tr("鍵のパスフレーズ")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        intro = QLabel(why + "\n" + self.tr("鍵ファイル: {file}").format(file=self.path))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        caption = QLabel(self.tr("パスフレーズ(&P)"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.Password)
        self.passphrase.setAccessibleName(self.tr("パスフレーズ"))
        caption.setBuddy(self.passphrase)
        layout.addWidget(caption)
        layout.addWidget(self.passphrase)
        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, self.tr("鍵を開く"))
        box.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        self.ok_button = box.ok_button
        layout.addWidget(box)
        self.passphrase.textChanged.connect(lambda _t: show_error(self.error, ""))
        size_to_width(self, 520)

    def accept(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.key = Services.load_private_key(self.path, self.passphrase.text())
        except USER_ERRORS as exc:        # wrong passphrase, not a key file, file gone
            show_error(self.error, message_of(exc))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        super().accept()


def unlock(parent, path: Path, why: str):
    """The unlocked private key of `path`, or None when the person cancelled."""
    dialog = PassphraseDialog(path, why, parent)
    try:
        return dialog.key if dialog.exec() == QDialog.Accepted else None
    finally:
        dialog.deleteLater()


def export_keys(window) -> tuple | None:
    """(signing key or None, hub's public key or None) for an export, as this installation is
    set up (services.export_key_paths): the signing key unlocked with its passphrase. None when
    the person cancelled or a key file cannot be read (said in a warning)."""
    title = QCoreApplication.translate("Signing", "提出ファイルの署名と暗号化")
    signing_path, hub_path = window.services.export_key_paths()
    try:
        recipient = Services.read_public_key(hub_path) if hub_path else None
    except USER_ERRORS as exc:
        warn(window, title, exc)
        return None
    signing = None
    if signing_path:
        why = QCoreApplication.translate("Signing", "提出ファイルに署名するため、あなたの秘密鍵を開きます。")
        if recipient is not None:
            why += "\n" + QCoreApplication.translate(
                "Signing", "ファイルは {name}（指紋 {fingerprint}）だけが開けるよう暗号化されます。").format(
                name=recipient.name, fingerprint=recipient.fingerprint)
        signing = unlock(window, signing_path, why)
        if signing is None:
            return None
    return signing, recipient


def import_key_path() -> Path | None:
    """The hub's private key file remembered for sealed imports."""
    value = open_settings().value(IMPORT_KEY, "", str)
    return Path(value) if value else None


def set_import_key_path(path: str | Path | None) -> None:
    settings = open_settings()
    if path:
        settings.setValue(IMPORT_KEY, str(Path(path).expanduser().resolve()))
    else:
        settings.remove(IMPORT_KEY)


def choose_key_file(parent, title: str, start: Path | None = None) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent, title, str(start or Path.home()),
        QCoreApplication.translate("Signing", "秘密鍵 (*.key);;すべてのファイル (*)"))
    return Path(chosen) if chosen else None


def import_key(window, sealed: int):
    """The hub's unlocked private key for one import run holding `sealed` encrypted files:
    the remembered key file (else one chosen now, and remembered), its passphrase asked once.
    None when the person cancelled."""
    path = import_key_path()
    if path is None or not path.is_file():
        path = choose_key_file(window, QCoreApplication.translate(
            "Signing", "暗号化された提出ファイル {n} 件を開く、拠点の秘密鍵（.key）を選択").format(n=sealed))
        if path is None:
            return None
        set_import_key_path(path)
    return unlock(window, path, QCoreApplication.translate(
        "Signing", "暗号化された提出ファイルが {n} 件あります。開くために拠点の秘密鍵を使います。").format(
        n=sealed))


__all__ = ["IMPORT_KEY", "PassphraseDialog", "choose_key_file", "export_keys", "import_key",
           "import_key_path", "set_import_key_path", "unlock"]
