"""Help: the bundled guide (ヘルプ ▸ 使い方ガイド, in the reader's language, shipped by the
wheel and the PyInstaller spec), the one-page keyboard quick reference (ヘルプ ▸ キー操作の早見表
(PDF)) made from the shortcut table, and the About dialog's components (THIRD-PARTY-NOTICES)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QFileDialog, QMenu

from kanwa_review.core import i18n
from kanwa_review.notices import read_notices
from kanwa_review.services import Services
from kanwa_review.ui import help_menu
from tests.ui_window_support import ExtensionHost

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"
PAGES = ["index", "installing", "first-start", "visit-day", "finalise-and-send", "hub-import",
         "dashboard", "reports", "excel", "keys-and-trust", "backups"]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- the guide -----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", [None, "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_guide_page_exists_in_both_languages_and_its_images_too(page, lang):
    folder = GUIDE / lang if lang else GUIDE
    md, html = folder / f"{page}.md", folder / f"{page}.html"
    assert md.is_file() and html.is_file()
    text = md.read_text(encoding="utf-8")
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (folder / image).is_file(), f"{md.name}: {image}"
    for link in re.findall(r"\]\(([\w-]+)\.md\)", text):
        assert link in PAGES, f"{md.name}: {link}.md"
    # the HTML the Help menu opens is made from this Markdown (scripts/build_guide.py)
    assert "<h1" in html.read_text(encoding="utf-8")


def test_the_guide_pages_are_current():
    run = subprocess.run([sys.executable, str(ROOT / "scripts" /
                          "build_guide.py"), "--check"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_guide_page_is_found_in_the_install_in_each_language():
    ja = Services.guide_page("ja")
    en = Services.guide_page("en")
    assert ja.is_file() and en.is_file()
    assert ja.parent.name == "guide" and en.parent.name == "en"
    assert ja.read_bytes() == (GUIDE / "index.html").read_bytes()
    assert Services.guide_page("en", "reports.html").parent == en.parent


def test_a_page_missing_in_a_language_falls_back_to_japanese(monkeypatch):
    from kanwa_review.core import resources

    real = resources.guide_path
    monkeypatch.setattr(resources, "guide_path", lambda lang, page: real(lang, page) if lang is
                        None else Path("/nonexistent") / page)
    assert Services.guide_page("en") == Services.guide_page("ja")
    with pytest.raises(FileNotFoundError):
        Services.guide_page("ja", "no-such-page.html")


def test_the_wheel_and_the_bundle_carry_the_guide():
    spec = (ROOT / "packaging" / "kanwa-review.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "docs" / "guide"), "kanwa_review/guide")' in spec
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert '"kanwa_review.guide": "docs/guide"' in setup
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["kanwa_review.guide"]
    for pattern in ("*.html", "images/*.png", "en/*.html"):
        assert pattern in patterns
    assert (GUIDE / "__init__.py").is_file()   # the editable install maps it as a package


@pytest.fixture
def window(qtbot, services):
    w = ExtensionHost(services)
    w.help_menu = w.menuBar().addMenu("ヘルプ")
    w.help_menu.addAction("kanwa-review について")
    qtbot.addWidget(w)
    help_menu.install(w)
    return w


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def test_help_entries_come_first(window):
    texts = [a.text() for a in window.help_menu.actions()]
    assert texts[:2] == ["使い方ガイド(&G)", "キー操作の早見表 (PDF)(&Q)…"]
    assert texts[-1] == "kanwa-review について" and window.help_menu.actions()[-2].isSeparator()
    assert isinstance(window.help_menu, QMenu)


@pytest.mark.parametrize("lang, folder", [("ja", "guide"), ("en", "en")])
def test_the_guide_action_opens_the_bundled_page_in_the_language(window, opened, monkeypatch,
                                                                 lang, folder):
    monkeypatch.setattr(i18n, "_language", lang)
    window.guide_action.trigger()
    assert len(opened) == 1 and opened[0].isLocalFile()
    page = Path(opened[0].toLocalFile())
    assert page.is_file() and page.name == "index.html" and page.parent.name == folder


def test_the_main_window_has_the_help_entries(qtbot, services, tmp_path):
    from tests.ui_window_support import make_window

    w = make_window(qtbot, services, tmp_path)
    texts = [a.text() for a in w.help_menu.actions()]
    assert "使い方ガイド(&G)" in texts
    assert w.guide_action in w.help_menu.actions()


# --- the About dialog: every bundled component of the notices file -------------------------
def test_the_about_dialog_lists_every_component_of_the_notices_file(qtbot, services, tmp_path):
    from tests.ui_window_support import make_window

    notices = read_notices()
    assert len(notices) > 20                                  # the file of the checkout
    names = {n.component for n in notices}
    assert {"reportlab", "openpyxl", "PySide6_Essentials", "Python"} <= names
    assert any(n.startswith("IPAexGothic") for n in names)
    w = make_window(qtbot, services, tmp_path)
    w.show_about()
    dialog = w.about_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.component_names() == [n.component for n in notices]
    licences = [dialog.components.item(r, 2).text() for r in range(dialog.components.rowCount())]
    assert licences == [n.licence for n in notices]
    qt = next(r for r, n in enumerate(notices) if n.component == "PySide6_Essentials")
    assert "LGPL" in dialog.components.item(qt, 2).text()
    from kanwa_review import __version__
    assert f"kanwa-review {__version__}" in dialog.version_label.text()
    assert str(services.db_path) in dialog.database_label.text()
    assert "2026.2" in dialog.forms_label.text()
    dialog.close()


# --- the keyboard quick reference ----------------------------------------------------------
@pytest.fixture
def shortcuts():
    return pytest.importorskip("kanwa_review.core.shortcuts",
                               reason="core/shortcuts.py (branch visit) is not merged yet")


def test_the_quick_reference_is_one_a4_page_of_every_key(shortcuts, tmp_path):
    out = Services.write_quick_reference(tmp_path / "早見表 A4.pdf")
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)   # A4 in points
    text = squeeze(reader.pages[0].extract_text())
    assert squeeze("kanwa-review キー操作の早見表") in text
    for title, entries in shortcuts.listed():
        assert squeeze(title) in text
        for s in entries:
            assert squeeze(s.does) in text, s.id
            assert squeeze(shortcuts.keys_text(s)) in text, s.id
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / "p")], check=True)
    img = QImage(str(tmp_path / "p-1.png"))
    dark = sum(1 for y in range(0, img.height(), 2) for x in range(0, img.width(), 2)
               if img.pixelColor(x, y).lightness() < 160)
    assert dark > 500


def test_the_quick_reference_speaks_english(shortcuts, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    out = Services.write_quick_reference(tmp_path / "keys.pdf")
    text = squeeze(PdfReader(str(out)).pages[0].extract_text())
    assert squeeze(shortcuts.listed()[0][0]) in text


def test_the_quick_reference_action_saves_and_opens_the_pdf(shortcuts, window, opened, qtbot,
                                                            monkeypatch, tmp_path):
    typed = tmp_path / "山田 花子" / "早見表"
    typed.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(typed), ""))
    window.quick_reference_action.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    out = typed.with_name("早見表.pdf")
    assert Path(opened[0].toLocalFile()) == out
    assert PdfReader(str(out)).pages
    assert any(str(out) in s for s in window.statuses)
