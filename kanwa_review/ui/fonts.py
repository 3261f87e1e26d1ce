"""Register the bundled Japanese font so text is never drawn as boxes on a bare machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kanwa_review.core.resources import font_path


def install_app_font(app: QApplication) -> str | None:
    """Add IPAexGothic from resources/fonts and make it the application font.

    Returns the family name, or None if the file is missing (Qt then falls back to the
    system's fonts, which on Windows/macOS include Japanese ones)."""
    path = font_path()
    if not path.is_file():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return families[0]
