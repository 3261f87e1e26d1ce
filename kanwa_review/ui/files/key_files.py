"""ツール ▸ 鍵を作成… and ツール ▸ 署名と暗号化の鍵…: a person's (or a hub's) key pair made
where the person chooses (services.create_key_files, `keys new` of the command line), and the
keys this installation signs and encrypts its exports with (set_export_key_paths).

Making a key runs through the operations runner (it writes files and derives the passphrase's
key); the dialog stays open until it is done, so a refusal (a name in use, a short passphrase)
is corrected in place.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.services import Services
from kanwa_review.ui.actions import command
from kanwa_review.ui.dialogs.common import (
    add_row, error_label, ok_cancel_buttons, show_error, size_to_width,
)
from kanwa_review.ui.errors import USER_ERRORS, message_of
from kanwa_review.ui.fingerprint import fingerprint_label
from kanwa_review.ui.operations import run_query


def _password(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.Password)
    edit.setAccessibleName(name)
    return edit


def _path_row(edit: QLineEdit, *buttons: QPushButton) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    for b in buttons:
        row.addWidget(b)
    return holder


class NewKeyDialog(QDialog):
    """Name, folder and the passphrase twice; 作成 makes NAME.key and NAME.pub through the
    runner. `files` (services' KeyFiles) once made."""

    def __init__(self, services, parent=None, *, db_path=None):
        super().__init__(parent)
        self.services, self.db_path = services, db_path or services.db_path
        self.files = None
        title = self.tr("鍵を作成")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("提出ファイルに署名する鍵（リーダー）や、暗号化された提出ファイルを開く鍵（拠点）を"
                               "作ります。秘密鍵（.key）はパスフレーズで守られ、本人だけが保管します。"
                               "公開鍵（.pub）は相手に渡します。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = add_row(form, self.tr("鍵の名前(&N)"), QLineEdit(),
                            hint=self.tr("ファイル名になります。例: yamada-hanako、拠点は hub"))
        self.name.setPlaceholderText(self.tr("例: yamada-hanako"))
        self.folder = QLineEdit(str(Path.home()))
        self.folder.setAccessibleName(self.tr("保存先のフォルダ"))
        choose = QPushButton(self.tr("選ぶ…"))
        choose.setAccessibleName(self.tr("保存先のフォルダを選ぶ"))
        choose.clicked.connect(self._choose_folder)
        caption = QLabel(self.tr("保存先(&F)"))
        caption.setBuddy(self.folder)
        form.addRow(caption, _path_row(self.folder, choose))
        self.passphrase = add_row(form, self.tr("パスフレーズ(&P)"), _password(""),
                                  hint=self.tr("8文字以上。忘れると鍵は使えなくなります"))
        self.again = add_row(form, self.tr("もう一度(&A)"), _password(""),
                             hint=self.tr("確認のため同じパスフレーズをもう一度"))
        layout.addLayout(form)
        self.use_for_exports = QCheckBox(self.tr("この鍵で提出ファイルに署名する(&S)"))
        self.use_for_exports.setChecked(services.export_key_paths()[0] is None)
        layout.addWidget(self.use_for_exports)
        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, self.tr("作成"), self.tr("鍵を作成"))
        box.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        self.ok_button = box.ok_button
        layout.addWidget(box)
        for edit in (self.name, self.passphrase, self.again, self.folder):
            edit.textChanged.connect(self._changed)
        self._changed()
        size_to_width(self, 600)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("鍵の保存先"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _changed(self) -> None:
        match = self.passphrase.text() == self.again.text()
        show_error(self.error, "" if match or not self.again.text() else
                   self.tr("2回入力したパスフレーズが一致しません。"))
        self.ok_button.setEnabled(bool(self.name.text().strip() and self.folder.text().strip()
                                       and self.passphrase.text() and match))

    def accept(self) -> None:
        """Make the files on the worker; the dialog closes when they are made."""
        name, folder, passphrase = self.name.text(), self.folder.text(), self.passphrase.text()
        self.ok_button.setEnabled(False)

        def work(_services, progress):
            progress(0, 1, "")
            return Services.create_key_files(name, folder, passphrase)

        def made(files) -> None:
            self.files = files
            if self.use_for_exports.isChecked():
                try:
                    self.services.set_export_key_paths(files.private_path,
                                                       self.services.export_key_paths()[1])
                except USER_ERRORS as exc:     # the key is made; only the setting failed
                    show_error(self.error, message_of(exc))
            QDialog.accept(self)

        # on_done: OK is offered again however it ended (connecting to the operation's signal
        # after it started could miss a worker that failed at once)
        self.operation = run_query(self, self.tr("鍵を作成しています…"), self.db_path, work,
                                   on_success=made, on_done=self._changed)


class KeyMadeDialog(QDialog):
    """The files made and the fingerprint to read aloud, with what to do next."""

    def __init__(self, files, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("鍵を作りました"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("秘密鍵: {private}\n（パスフレーズとともに本人だけが保管します。送らないでください）\n\n"
                              "公開鍵: {public}\n（拠点や相手に渡します）").format(
            private=files.private_path, public=files.public_path))
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("指紋（公開鍵を渡した相手に、電話などで読み上げてください）:")))
        self.fingerprint = fingerprint_label(files.fingerprint)
        layout.addWidget(self.fingerprint)
        box = QDialogButtonBox(QDialogButtonBox.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)


class ExportKeysDialog(QDialog):
    """The signing key (.key) and the hub's public key (.pub) of this installation's exports;
    the hub's key is read and its name and fingerprint shown, to check with the hub."""

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        title = self.tr("署名と暗号化の鍵")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        signing, hub = services.export_key_paths()
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("設定すると、提出ファイルは自分の鍵で署名され、拠点の鍵で暗号化されて"
                               "書き出されます（書き出すときにパスフレーズを尋ねます）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.signing = self._path_field(form, self.tr("署名に使う自分の秘密鍵(&S)"), signing,
                                        self.tr("秘密鍵 (*.key);;すべてのファイル (*)"))
        self.hub = self._path_field(form, self.tr("拠点の公開鍵(&H)"), hub,
                                    self.tr("公開鍵 (*.pub);;すべてのファイル (*)"))
        self.hub_info = QLabel()
        self.hub_info.setWordWrap(True)
        self.hub_info.setAccessibleName(self.tr("拠点の鍵の名前と指紋"))
        form.addRow("", self.hub_info)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, self.tr("保存"), self.tr("鍵の設定を保存"), save=True)
        box.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        self.ok_button = box.ok_button
        layout.addWidget(box)
        self.hub.textChanged.connect(self._show_hub)
        self._show_hub()
        size_to_width(self, 640)

    def _path_field(self, form: QFormLayout, label: str, path, filters: str) -> QLineEdit:
        edit = QLineEdit(str(path) if path else "")
        edit.setAccessibleName(re.sub(r"\(&.\)", "", label))
        edit.setPlaceholderText(self.tr("（設定しない）"))
        choose, clear = QPushButton(self.tr("選ぶ…")), QPushButton(self.tr("外す"))
        choose.clicked.connect(lambda: self._choose(edit, label, filters))
        clear.clicked.connect(edit.clear)
        caption = QLabel(label)
        caption.setBuddy(edit)
        form.addRow(caption, _path_row(edit, choose, clear))
        return edit

    def _choose(self, edit: QLineEdit, label: str, filters: str) -> None:
        start = edit.text() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, re.sub(r"\(&.\)", "", label), start,
                                                filters)
        if chosen:
            edit.setText(chosen)

    def _show_hub(self) -> None:
        show_error(self.error, "")
        path = self.hub.text().strip()
        if not path:
            self.hub_info.setText(self.tr("拠点の鍵がないときは暗号化しません。"))
            return
        try:
            key = Services.read_public_key(path)
        except USER_ERRORS as exc:
            self.hub_info.setText("")
            show_error(self.error, message_of(exc))
            return
        self.hub_info.setText(self.tr("{name}　指紋 {fingerprint}（拠点に確かめてください）").format(
            name=key.name, fingerprint=key.fingerprint))

    def accept(self) -> None:
        try:
            self.services.set_export_key_paths(self.signing.text().strip() or None,
                                               self.hub.text().strip() or None)
        except USER_ERRORS as exc:
            show_error(self.error, message_of(exc))
            return
        super().accept()


def install(window) -> None:
    """ツール ▸ 鍵を作成… / 署名と暗号化の鍵…"""
    def new_key() -> None:
        dialog = NewKeyDialog(window.services, window, db_path=window.db_path)
        try:
            if dialog.exec() == QDialog.Accepted and dialog.files is not None:
                window.key_made = KeyMadeDialog(dialog.files, window)
                window.key_made.open()
        finally:
            dialog.deleteLater()

    def export_keys() -> None:
        dialog = ExportKeysDialog(window.services, window)
        try:
            if dialog.exec() == QDialog.Accepted:
                window.show_status(QCoreApplication.translate(
                    "KeyFiles", "署名と暗号化の鍵を保存しました。"))
        finally:
            dialog.deleteLater()

    for name, command_id, tip, slot in (
            ("new_key_action", "new_key",
             QCoreApplication.translate("KeyFiles", "署名・暗号化に使う鍵（秘密鍵と公開鍵）を作ります"),
             new_key),
            ("export_keys_action", "export_keys",
             QCoreApplication.translate(
                 "KeyFiles", "提出ファイルの署名に使う鍵と、暗号化の宛先の拠点の公開鍵を設定します"),
             export_keys)):
        action = command(window, command_id, slot, tip=tip)
        window.tools_menu.addAction(action)
        setattr(window, name, action)


__all__ = ["ExportKeysDialog", "KeyMadeDialog", "NewKeyDialog", "install"]
