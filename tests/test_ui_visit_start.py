"""The first start and the demo trap (issue 15, item 1): the first-run page's choices by
keyboard, the launcher opening one's own file or the demo, File ▸ 新規 / 開く / 最近使ったファイル /
デモを見る switching files, the demo never remembered as one's database, and the demo refusing a
real facility on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from kanwa_review import paths
from kanwa_review.app import choose_database
from kanwa_review.services import Services
from kanwa_review.ui.launcher import Launcher
from kanwa_review.ui.settings import AppSettings
from kanwa_review.ui.welcome import WelcomeDialog
from tests.ui_window_support import when_modal


@pytest.fixture
def settings(tmp_path):
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))


@pytest.fixture
def launcher(qtbot, settings):
    launcher = Launcher(settings)
    yield launcher
    asked = QApplication.activeModalWidget()     # 利用者の設定, asked over one's own file
    if asked is not None:
        asked.reject()
    if launcher.window is not None:
        launcher.window.close()
    launcher.close()


def _demo_ready(tmp_path, demo_db):
    import shutil

    paths.demo_db_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_db, paths.demo_db_path())   # the generator's ~1 s, made once a session


def test_the_first_run_page_offers_own_file_or_demo_by_keyboard(qtbot, monkeypatch, tmp_path):
    dialog = WelcomeDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    texts = [b.text() for b in (dialog.new_button, dialog.open_button, dialog.demo_button,
                                dialog.quit_button)]
    assert texts == ["自分のファイルで始める(&N)…", "既存のファイルを開く(&O)…", "デモを見る(&D)",
                     "終了(&Q)"]
    qtbot.waitUntil(dialog.new_button.hasFocus)
    qtbot.keyClick(dialog, Qt.Key_D, Qt.AltModifier)               # Alt+D: the demo
    qtbot.waitUntil(lambda: dialog.choice is not None)   # a mnemonic clicks after its flash
    assert dialog.choice == (paths.demo_db_path(), "demo") and dialog.result() == 1

    mine = tmp_path / "わたしの記録.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(mine), ""))
    again = WelcomeDialog([])
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.keyClick(again.new_button, Qt.Key_Return)                # Enter on the first choice
    assert again.choice == (mine, "create")

    quit_ = WelcomeDialog([str(mine)])
    qtbot.addWidget(quit_)
    quit_.show()
    qtbot.keyClick(quit_, Qt.Key_Escape)
    assert quit_.choice is None and quit_.result() == 0


def test_a_new_own_file_is_never_made_over_an_existing_one(qtbot, monkeypatch, tmp_path):
    held = tmp_path / "held.sqlite"
    held.write_bytes(b"keep me")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(held), ""))
    told = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information",
                        lambda *a, **k: told.append(a[2]))
    dialog = WelcomeDialog([])
    qtbot.addWidget(dialog)
    dialog.start_new()
    assert dialog.choice is None and held.read_bytes() == b"keep me"
    assert told and "既にあります。上書きはしません" in told[0]


def test_first_start_chooses_the_demo_and_the_next_start_asks_again(
        qtbot, launcher, settings, tmp_path, demo_db):
    _demo_ready(tmp_path, demo_db)
    assert choose_database(None, False, settings.last_db()) is None
    when_modal(lambda dialog: dialog.open_demo())                # on the first-run page
    assert launcher.start()
    window = launcher.window
    assert window.is_demo and "デモデータ" in window.windowTitle()
    assert window.demo_banner.isVisible()
    # the demo is not "my database": the next start asks again
    assert settings.last_db() is None and settings.recent_dbs() == []
    assert choose_database(None, False, settings.last_db()) is None


def test_file_new_leaves_the_demo_for_an_own_file_and_it_becomes_the_default(
        qtbot, launcher, settings, tmp_path, demo_db, monkeypatch):
    _demo_ready(tmp_path, demo_db)
    assert launcher.open(paths.demo_db_path(), "demo")
    demo_window, demo_services = launcher.window, launcher.services
    mine = tmp_path / "records" / "kanwa-review.sqlite"
    mine.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(mine), ""))
    demo_window.new_database_action.trigger()                     # ファイル ▸ 新規
    qtbot.waitUntil(lambda: launcher.window is not demo_window)
    window = launcher.window
    assert not window.is_demo and Path(window.db_path) == mine and mine.is_file()
    assert "デモ" not in window.windowTitle() and not hasattr(window, "demo_banner")
    qtbot.waitUntil(lambda: not demo_services._owns_database)     # the demo's file is closed
    assert settings.last_db() == str(mine.resolve())
    assert settings.recent_dbs() == [str(mine.resolve())]
    assert choose_database(None, False, settings.last_db()) == (mine.resolve(), "open")
    # a real facility here is fine; the recent files menu lists the file
    window.services.create_facility("H001", "実在の病院", "東京都")
    window.recent_menu.aboutToShow.emit()
    assert [a.toolTip() for a in window.recent_menu.actions()] == [str(mine.resolve())]
    # File ▸ デモを見る and back through 最近使ったファイル
    window.open_demo_action.trigger()
    qtbot.waitUntil(lambda: launcher.window.is_demo)
    launcher.window.recent_menu.aboutToShow.emit()
    launcher.window.recent_menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: not launcher.window.is_demo)
    assert Path(launcher.window.db_path) == mine.resolve()
    assert [f.code for f in launcher.window.services.facilities()] == ["H001"]


def test_file_open_of_a_missing_file_says_so_and_keeps_the_window(
        qtbot, launcher, settings, tmp_path, monkeypatch):
    mine = tmp_path / "mine.sqlite"
    assert launcher.open(mine, "create")
    window = launcher.window
    gone = tmp_path / "gone.sqlite"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(gone), ""))
    said = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical",
                        lambda *a, **k: said.append(a[2]))
    window.open_database_action.trigger()
    assert launcher.window is window and said and str(gone) in said[0]


def test_the_demo_refuses_a_real_facility_in_the_dialog(qtbot, launcher, tmp_path, demo_db):
    _demo_ready(tmp_path, demo_db)
    assert launcher.open(paths.demo_db_path(), "demo")
    window = launcher.window
    before = len(window.services.facilities())
    seen = []

    def fill(dialog):
        seen.append(dialog)
        dialog.code.setText("H001")
        dialog.name.setText("実在の病院")
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
        seen.append(dialog.error.text())
        dialog.reject()

    when_modal(fill)
    window.home.new_facility_action.trigger()
    assert "はデモ用で、架空の病院だけを入れます" in seen[1]
    assert len(window.services.facilities()) == before


def test_menus_follow_the_table_of_commands(qtbot, services, tmp_path):
    """Every menu entry has a mnemonic, the menus list exactly the table's entries in its
    order, and the keys bound are the table's."""
    from kanwa_review.core.shortcuts import MENUS, menu_title, shortcuts
    from tests.ui_window_support import make_window

    window = make_window(qtbot, services, tmp_path)
    menus = {"file": window.file_menu, "edit": window.edit_menu, "review": window.review_menu,
             "hub": window.hub_menu, "tools": window.tools_menu, "view": window.view_menu,
             "help": window.help_menu}
    assert [a.text() for a in window.menuBar().actions()] == [menu_title(m) for m in MENUS]
    for menu_id in MENUS:
        menu = menus[menu_id]
        assert menu.title() == menu_title(menu_id)
        shown = [a.text() for a in menu.actions() if not a.isSeparator()]
        wanted = [s.text for s in shortcuts() if s.menu == menu_id]
        # the undo / redo entries append what they would undo to their text
        assert [t.split(" ")[0] if menu_id == "edit" else t for t in shown] == wanted, menu_id
        assert all("(&" in t for t in shown), menu_id
    keys = {a.objectName(): [k.toString() for k in a.shortcuts()]
            for m in menus.values() for a in m.actions() if a.objectName()}
    assert "Ctrl+Shift+K" in keys["finalise"] and "Ctrl+E" in keys["export_package"]
    assert "F1" in keys["keyboard_help"]


def test_menu_items_are_greyed_not_removed_with_the_reviews_state(
        qtbot, services, final_review, mini_form, tmp_path):
    from datetime import date

    from tests.ui_window_support import make_window

    draft = services.start_review("F001", mini_form, date(2026, 11, 20))
    window = make_window(qtbot, services, tmp_path)
    count = {m: len(m.actions()) for m in (window.file_menu, window.review_menu)}

    def states():
        return (window.finalise_action.isEnabled(), window.amend_action.isEnabled(),
                window.exchange_export_action.isEnabled(), window.home_action.isEnabled())

    window.home.select_review(final_review.uuid)
    assert states() == (False, False, True, False)
    window.open_review(final_review.uuid)
    assert states() == (False, True, True, True)
    window.show_home()
    window.home.select_review(draft.uuid)
    assert states() == (False, False, False, False)
    window.open_review(draft.uuid)
    assert states() == (True, False, False, True)
    assert {m: len(m.actions()) for m in count} == count


def test_after_finalising_the_banner_offers_the_submission_file(
        qtbot, services, final_review, tmp_path, monkeypatch):
    from tests.ui_window_support import make_window

    window = make_window(qtbot, services, tmp_path)
    screen = window.open_review(final_review.uuid)
    assert screen.banner_box.isVisible()
    assert screen.export_button.text() == "提出ファイルを書き出す…（Ctrl+E）"
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: asked.append(a[1]) or ("", ""))
    qtbot.mouseClick(screen.export_button, Qt.LeftButton)
    assert asked == ["提出ファイルの保存先"]
    assert QApplication.activeModalWidget() is None
