"""集計 ▸ 信頼リストと署名…: the hub's trust list (services.trusted_keys / trust_key /
revoke_key) — a public key is added only after its fingerprint, shown group by group, was read
aloud by its owner; a revocation is asked first — the require-signature setting, and the hub's
own private key remembered for opening encrypted imports (its path; the passphrase is asked
once per import run)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kanwa_review.services import Services
from kanwa_review.ui.actions import command
from kanwa_review.ui.display import local_time
from kanwa_review.ui.dialogs.common import error_label, ok_cancel_buttons, show_error
from kanwa_review.ui.dialogs.confirm import confirm
from kanwa_review.ui.errors import USER_ERRORS, message_of, warn
from kanwa_review.ui.files import signing
from kanwa_review.ui.fingerprint import fingerprint_label

NAME, FINGERPRINT, ADDED, STATE, FACILITIES = range(5)
# the require-signature choices: the hub's setting (None: the default rule)
SETTINGS = (None, True, False)


class TrustConfirmDialog(QDialog):
    """The key of a .pub file with its fingerprint to compare aloud; 信頼する adds it (with the
    facilities whose reviews it may amend, if any). `entry` is then the trust list's entry."""

    def __init__(self, services, key, parent=None):
        super().__init__(parent)
        self.services, self.key = services, key
        self.entry = None
        title = self.tr("公開鍵を信頼する")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("名前: {name}").format(name=key.name)))
        ask = QLabel(self.tr("鍵の持ち主に電話などで指紋を読み上げてもらい、1〜6の組がすべて一致することを"
                             "確かめてください。一致しないときは信頼しないでください"
                             "（途中ですり替えられた鍵かもしれません）。"))
        ask.setWordWrap(True)
        layout.addWidget(ask)
        self.fingerprint = fingerprint_label(key.fingerprint)
        layout.addWidget(self.fingerprint)
        caption = QLabel(self.tr("修正版を認める施設コード(&F)（任意・カンマ区切り）:"))
        self.facilities = QLineEdit()
        self.facilities.setAccessibleName(self.tr("修正版を認める施設コード"))
        self.facilities.setToolTip(self.tr("前の版に署名していなくても、この施設のレビューの修正版を"
                                           "この鍵で受け付けます（新しいリーダーなど）"))
        caption.setBuddy(self.facilities)
        layout.addWidget(caption)
        layout.addWidget(self.facilities)
        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, self.tr("指紋が一致したので信頼する"), self.tr("信頼する"))
        box.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        box.button(QDialogButtonBox.Cancel).setDefault(True)   # Enter never trusts by accident
        self.ok_button = box.ok_button
        self.ok_button.setAutoDefault(False)
        layout.addWidget(box)

    def accept(self) -> None:
        # codes apart by commas, spaces or Japanese commas: anything a code does not hold
        codes = [c for c in re.split(r"[^0-9A-Za-z_.-]+", self.facilities.text()) if c]
        try:
            self.entry = self.services.trust_key(self.key, facilities=codes)
        except USER_ERRORS as exc:     # a revoked key, an unknown facility code
            show_error(self.error, message_of(exc))
            return
        super().accept()


class TrustListDialog(QDialog):
    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        title = self.tr("信頼リストと署名")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("信頼リストにある鍵で署名された提出ファイルだけが、信頼済みとして取り込まれます。"
                               "鍵は、持ち主に指紋を読み上げてもらってから追加してください。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("公開鍵を追加…"))
        self.revoke_button = QPushButton(self.tr("失効させる…"))
        self.add_button.clicked.connect(self.add_key)
        self.revoke_button.clicked.connect(self.revoke_current)
        row.addWidget(self.add_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self._signature_box())
        layout.addWidget(self._import_key_box())
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()
        self.resize(860, 560)

    # --- building -----------------------------------------------------------------------
    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setAccessibleName(self.tr("信頼リスト"))
        table.setHorizontalHeaderLabels([self.tr("名前"), self.tr("指紋"), self.tr("追加"),
                                         self.tr("状態"), self.tr("修正版を認める施設")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.SingleSelection)
        header = table.horizontalHeader()
        for col in (NAME, FINGERPRINT, ADDED, STATE):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(FACILITIES, QHeaderView.Stretch)
        return table

    def _signature_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("署名の要求"))
        inner = QVBoxLayout(box)
        self.requirement = QComboBox()
        self.requirement.setAccessibleName(self.tr("署名の要求"))
        for text in (self.tr("既定: 信頼リストに鍵があれば、信頼済みの署名を必須にする"),
                     self.tr("信頼済みの鍵で署名されたファイルだけを取り込む"),
                     self.tr("署名のないファイルも取り込む（署名の状態は結果に表示）")):
            self.requirement.addItem(text)
        self.requirement.activated.connect(self._requirement_chosen)
        self.requirement_now = QLabel()
        self.requirement_now.setWordWrap(True)
        inner.addWidget(self.requirement)
        inner.addWidget(self.requirement_now)
        self.error = error_label()
        inner.addWidget(self.error)
        return box

    def _import_key_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("暗号化された提出ファイルを開く拠点の秘密鍵"))
        row = QHBoxLayout(box)
        self.import_key = QLineEdit()
        self.import_key.setReadOnly(True)
        self.import_key.setAccessibleName(self.tr("拠点の秘密鍵"))
        self.import_key.setPlaceholderText(self.tr("（未設定: 暗号化ファイルを取り込むときに尋ねます）"))
        choose, clear = QPushButton(self.tr("選ぶ…")), QPushButton(self.tr("外す"))
        choose.clicked.connect(self._choose_import_key)
        clear.clicked.connect(lambda: self._set_import_key(None))
        row.addWidget(self.import_key, 1)
        row.addWidget(choose)
        row.addWidget(clear)
        return box

    # --- showing ------------------------------------------------------------------------
    def reload(self) -> None:
        self.keys = self.services.trusted_keys()
        self.table.setRowCount(len(self.keys))
        for r, k in enumerate(self.keys):
            state = (self.tr("失効 {at}").format(at=local_time(k.revoked_at)) if k.revoked
                     else self.tr("有効"))
            for col, text in ((NAME, k.name), (FINGERPRINT, k.fingerprint),
                              (ADDED, local_time(k.added_at)), (STATE, state),
                              (FACILITIES, ", ".join(k.facilities))):
                self.table.setItem(r, col, QTableWidgetItem(text))
        setting = self.services.signature_setting()
        self.requirement.setCurrentIndex(SETTINGS.index(setting))
        self.requirement_now.setText(
            self.tr("現在: 信頼済みの鍵で署名されたファイルだけを取り込みます。")
            if self.services.require_signature() else
            self.tr("現在: 署名のないファイルも取り込みます。"))
        path = signing.import_key_path()
        self.import_key.setText(str(path) if path else "")
        self._update_buttons()

    def current_key(self):
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.keys[rows.pop()] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        key = self.current_key()
        self.revoke_button.setEnabled(key is not None and not key.revoked)

    # --- changing -----------------------------------------------------------------------
    def add_key(self, path: str | Path | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("信頼する公開鍵を選択"), str(Path.home()),
                self.tr("公開鍵 (*.pub);;すべてのファイル (*)"))
            if not path:
                return
        try:
            key = Services.read_public_key(path)
        except USER_ERRORS as exc:
            warn(self, self.tr("公開鍵を信頼する"), exc)
            return
        dialog = TrustConfirmDialog(self.services, key, self)
        try:
            if dialog.exec() == QDialog.Accepted:
                self.reload()
        finally:
            dialog.deleteLater()

    def revoke_current(self) -> None:
        key = self.current_key()
        if key is None or key.revoked:
            return
        title = self.tr("鍵の失効")
        if not confirm(self, title, self.tr("{name}（指紋 {fingerprint}）の鍵を失効させますか？").format(
                name=key.name, fingerprint=key.fingerprint), self.tr("失効させる"),
                detail=self.tr("この鍵で署名したファイルは今後取り込みません。取込済みの版はそのまま残り、"
                               "失効した鍵の署名として表示されます。失効は取り消せません"
                               "（持ち主に新しい鍵を作ってもらいます）。")):
            return
        try:
            self.services.revoke_key(key.fingerprint)
        except USER_ERRORS as exc:
            warn(self, title, exc)
        self.reload()

    def _requirement_chosen(self, index: int) -> None:
        try:
            self.services.set_require_signature(SETTINGS[index])
        except USER_ERRORS as exc:      # a read-only or locked database
            show_error(self.error, message_of(exc))
        else:
            show_error(self.error, "")
        self.reload()

    def _choose_import_key(self) -> None:
        path = signing.choose_key_file(self, self.tr("拠点の秘密鍵（.key）を選択"),
                                       signing.import_key_path())
        if path is not None:
            self._set_import_key(path)

    def _set_import_key(self, path: Path | None) -> None:
        signing.set_import_key_path(path)
        self.reload()


def install(window) -> None:
    """集計 ▸ 信頼リストと署名…"""
    def show() -> None:
        dialog = TrustListDialog(window.services, window)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    window.trust_list_action = command(window, "trust_list", show, tip=QCoreApplication.translate(
        "TrustListDialog", "署名を信頼する公開鍵、署名の要求、暗号化ファイルを開く拠点の鍵を設定します"))
    window.hub_menu.addAction(window.trust_list_action)


__all__ = ["TrustConfirmDialog", "TrustListDialog", "install"]
