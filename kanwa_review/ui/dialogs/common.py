"""Small helpers the dialogs share: labelled form rows, an inline error line, OK/Cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget


def add_row(form: QFormLayout, label: str, widget: QWidget, *, hint: str = "") -> QWidget:
    """A form row whose label is the control's buddy (Alt+key) and its accessible name."""
    text = label.replace("&", "")
    widget.setAccessibleName(text)
    if hint:
        widget.setAccessibleDescription(hint)
        widget.setToolTip(hint)
    caption = QLabel(label)
    caption.setBuddy(widget)
    form.addRow(caption, widget)
    return widget


def error_label() -> QLabel:
    """Inline error text: bold, with no hard-coded colour, so it stays readable in dark mode."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setAccessibleName(QCoreApplication.translate("DialogCommon", "エラー"))
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
    if text:
        fit_height(label.window())


def size_to_width(dialog: QWidget, width: int) -> None:
    """Give a dialog its width and the height its wrapped texts need at that width."""
    dialog.resize(width, 0)
    fit_height(dialog)


def fit_height(window: QWidget) -> None:
    """Grow a shown dialog to the height its content needs at its width. Qt does not do it
    for wrapped labels (height-for-width) whose text came or grew after the dialog was sized:
    a two-line error or a key's fingerprint would overlap the fields above it."""
    layout = window.layout()
    if layout is None or window.parentWidget() is not None and not window.isWindow():
        return
    layout.activate()
    need = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
            else layout.totalSizeHint().height())
    if need > window.height():
        window.resize(window.width(), need)


def ok_cancel_buttons(dialog: QDialog, ok_text: str, ok_name: str = "", *, on_ok=None,
                      save: bool = False) -> QDialogButtonBox:
    """OK (or Save) and キャンセル with our own texts and accessible names; OK runs `on_ok`
    (default: accept), Cancel rejects. The OK button is `box.ok_button`."""
    role = QDialogButtonBox.Save if save else QDialogButtonBox.Ok
    box = QDialogButtonBox(role | QDialogButtonBox.Cancel)
    box.ok_button = box.button(role)
    box.ok_button.setText(ok_text)
    box.ok_button.setAccessibleName(ok_name or ok_text)
    cancel = box.button(QDialogButtonBox.Cancel)
    cancel.setText(QCoreApplication.translate("DialogCommon", "キャンセル"))
    cancel.setAccessibleName(cancel.text())
    box.accepted.connect(on_ok or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
