"""Start-up: database choice, the demo on first run, the bundled font, the main window."""

from __future__ import annotations

from kanwa_review import paths
from kanwa_review.app import choose_database, ensure_demo


def test_the_first_start_asks_instead_of_opening_the_demo():
    assert choose_database(None, False, None) is None


def test_explicit_db_and_remembered_db_win(tmp_path):
    mine = tmp_path / "mine.sqlite"
    assert choose_database(str(mine), True, None) == (mine, "create")   # made when missing
    mine.write_bytes(b"")
    assert choose_database(str(mine), False, None) == (mine, "open")
    assert choose_database(None, False, str(mine)) == (mine, "open")
    assert choose_database(None, True, str(mine)) == (paths.demo_db_path(), "demo")


def test_the_demo_is_never_reopened_as_my_database():
    demo = paths.demo_db_path()
    demo.parent.mkdir(parents=True, exist_ok=True)
    demo.write_bytes(b"")
    assert choose_database(None, False, str(demo)) is None           # back to the first page
    paths.default_db_path().write_bytes(b"")
    assert choose_database(None, False, str(demo)) == (paths.default_db_path(), "open")


def test_own_database_is_used_once_it_exists():
    paths.default_db_path().parent.mkdir(parents=True, exist_ok=True)
    paths.default_db_path().write_bytes(b"")
    assert choose_database(None, False, None) == (paths.default_db_path(), "open")


_RENDER_CHECK = r"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication
app = QApplication([])
japanese_before = [f for f in QFontDatabase.families() if QFontDatabase.writingSystems(f)
                   and QFontDatabase.WritingSystem.Japanese in QFontDatabase.writingSystems(f)]
from kanwa_review.ui.fonts import install_app_font
family = install_app_font(app)

def picture(ch):
    font = QFont(app.font())
    font.setPointSize(24)
    font.setStyleStrategy(QFont.NoFontMerging)  # no fallback: only the app font may draw
    img = QImage(48, 48, QImage.Format_Grayscale8)
    img.fill(255)
    p = QPainter(img)
    p.setFont(font)
    p.drawText(img.rect(), Qt.AlignCenter, ch)
    p.end()
    return bytes(img.constBits())

missing = picture("􏿽")  # a private-use code point no font has
boxes = [ch for ch in "緩和ケア評価票、。「」令和年度" if picture(ch) == missing]
print(family, len(japanese_before), "".join(boxes) or "-")
"""


def test_bundled_font_draws_japanese_on_a_machine_without_japanese_fonts(tmp_path):
    """Start Qt with an empty fontconfig (no system fonts at all) and check every sample
    character is drawn by the bundled font, not as the missing-glyph box."""
    import os
    import subprocess
    import sys

    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><fontconfig><dir>/nonexistent</dir>'
                    f'<cachedir>{tmp_path}/cache</cachedir></fontconfig>', encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", _RENDER_CHECK], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    family, japanese_before, boxes = out.stdout.split()
    assert family == "IPAexGothic"
    assert japanese_before == "0"  # the machine really had no Japanese font
    assert boxes == "-", f"drawn as boxes: {boxes}"


def test_app_font_is_the_bundled_one(qapp):
    from kanwa_review.ui.fonts import install_app_font

    assert install_app_font(qapp) == "IPAexGothic"
    assert qapp.font().family() == "IPAexGothic"


def test_main_window_lists_the_demo_reviews(qtbot, tmp_path):
    from kanwa_review.services import Services
    from kanwa_review.store import open_database
    from kanwa_review.ui.main_window import MainWindow

    path = tmp_path / "demo.sqlite"
    ensure_demo(path)
    database = open_database(path)
    try:
        services = Services(database)
        window = MainWindow(services, is_demo=True)
        qtbot.addWidget(window)
        window.show()
        assert "デモ" in window.windowTitle()
        assert window.db_path == path
        assert len(services.list_reviews()) >= 12
        for menu in (window.file_menu, window.review_menu, window.hub_menu):
            assert menu.title()
        window.refresh_all()
    finally:
        database.close()
