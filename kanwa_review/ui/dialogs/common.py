"""Small helpers the dialogs share: labelled form rows and an inline error line."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


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
    label.setAccessibleName("エラー")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
