"""The app's style sheet: a focus ring that shows on every control, in light and dark mode.

The styles' own focus cue on a button is a faint line in a colour close to the button's; on a
rating button or a check box the keyboard's position was invisible. Every colour here is a
palette role, so the same rules read on a light and on a dark palette. Buttons get the whole
box (background, border, padding) from the sheet, so a focused one keeps its shape and only
its border changes; other controls keep their look and get a border in the highlight colour
when they have the keyboard.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

FOCUS_RING = "palette(highlight)"

STYLE_SHEET = f"""
QPushButton {{
    background: palette(button); color: palette(button-text);
    border: 1px solid palette(mid); border-radius: 4px; padding: 4px 12px;
}}
QPushButton:hover {{ border-color: palette(dark); }}
QPushButton:pressed {{ background: palette(midlight); }}
QPushButton:disabled {{ color: palette(mid); }}
QPushButton:checked {{ background: palette(highlight); color: palette(highlighted-text); }}
QPushButton:focus {{ border: 2px solid {FOCUS_RING}; padding: 3px 11px; }}
QToolButton:focus {{ border: 2px solid {FOCUS_RING}; border-radius: 3px; }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 3px; padding: 1px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: {FOCUS_RING}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus,
QAbstractSpinBox:focus, QAbstractItemView:focus {{ border: 2px solid {FOCUS_RING}; }}
QTabBar::tab:focus {{ border: 2px solid {FOCUS_RING}; }}
"""


def apply_style(app: QApplication) -> None:
    """The sheet over the platform's style (the app keeps its native look otherwise)."""
    app.setStyleSheet(STYLE_SHEET)


__all__ = ["apply_style", "STYLE_SHEET", "FOCUS_RING"]
