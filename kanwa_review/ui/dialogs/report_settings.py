"""報告書の設定: what the hub's reports print as issuing body (発行者), confidentiality line
(取扱注意) and distribution list (配布先) — services.report_settings / set_report_settings.
A field left empty prints the default, which the field shows greyed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from kanwa_review.core.settings import DEFAULT_CONFIDENTIALITY, DEFAULT_DISTRIBUTION, MAX_SETTING
from kanwa_review.ui.actions import command
from kanwa_review.ui.dialogs.common import (
    add_row, error_label, ok_cancel_buttons, show_error, size_to_width,
)
from kanwa_review.ui.errors import USER_ERRORS, message_of


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class ReportSettingsDialog(QDialog):
    """On 保存, one `set_report_settings` (one transaction, audited); `saved` is then True."""

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.saved = False
        title = self.tr("報告書の設定")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        held = services.report_settings()
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("評価報告書と事前提出資料の依頼状に印刷される、拠点としての設定です。"
                               "空欄の項目は薄く表示している既定の文で印刷されます。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.issuer = add_row(form, self.tr("発行者(&I)"), QLineEdit(),
                              hint=self.tr("例: 〇〇県がん診療連携協議会 緩和ケア部会"))
        self.issuer.setPlaceholderText(self.tr("空欄: 施設の都道府県のがん診療連携協議会 緩和ケア部会"))
        self.confidentiality = add_row(form, self.tr("取扱注意(&C)"), _text_box(3))
        self.confidentiality.setPlaceholderText(DEFAULT_CONFIDENTIALITY)
        self.distribution = add_row(form, self.tr("配布先(&D)"), _text_box(4),
                                    hint=self.tr("1行に1か所"))
        self.distribution.setPlaceholderText(DEFAULT_DISTRIBUTION)
        for edit in (self.issuer, self.confidentiality, self.distribution):
            if isinstance(edit, QLineEdit):
                edit.setMaxLength(MAX_SETTING)
        layout.addLayout(form)
        self.issuer.setText(held.issuer)
        self.confidentiality.setPlainText(held.confidentiality)
        self.distribution.setPlainText(held.distribution)
        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, self.tr("保存"), self.tr("報告書の設定を保存"), save=True)
        box.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        self.ok_button = box.ok_button
        layout.addWidget(box)
        size_to_width(self, 640)

    def accept(self) -> None:
        try:
            self.services.set_report_settings(
                issuer=self.issuer.text(), confidentiality=self.confidentiality.toPlainText(),
                distribution=self.distribution.toPlainText())
        except USER_ERRORS as exc:     # too long; a read-only or locked database
            show_error(self.error, message_of(exc))
            return
        self.saved = True
        super().accept()


def install(window) -> None:
    """ツール ▸ 報告書の設定…"""
    def edit() -> None:
        dialog = ReportSettingsDialog(window.services, window)
        try:
            if dialog.exec() == QDialog.Accepted:
                window.show_status(QCoreApplication.translate(
                    "ReportSettingsDialog", "報告書の設定を保存しました。次に作る報告書から使われます。"))
        finally:
            dialog.deleteLater()

    window.report_settings_action = command(
        window, "report_settings", edit, tip=QCoreApplication.translate(
            "ReportSettingsDialog", "報告書に印刷する発行者・取扱注意・配布先を設定します"))
    window.tools_menu.addAction(window.report_settings_action)


__all__ = ["ReportSettingsDialog", "install"]
