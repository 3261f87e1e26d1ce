"""The app speaks one language: app.install_translations sets core.i18n's language and loads our
catalog (kanwa_review_<lang>.qm) and Qt's own (qtbase_<lang>.qm, so standard buttons are
「キャンセル」 in Japanese); 表示 ▸ 言語 saves the choice for the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from kanwa_review.app import install_translations, qt_translations_dir
from kanwa_review.core import i18n
from kanwa_review.core.imports import IMPORTED, PACKAGE, REJECTED, ImportResult
from kanwa_review.ui.settings import AppSettings
from tests.test_i18n_strings import JAPANESE
from tests.ui_window_support import make_window, when_modal


@pytest.fixture
def english(qapp, monkeypatch):
    """The whole process in English, as after choosing English and starting again; Japanese
    again afterwards (the session's QApplication is shared by every test)."""
    install_translations(qapp, "en")
    yield
    install_translations(qapp, "ja")
    monkeypatch.setattr(i18n, "_language", "ja")


def _buttons(*which) -> list[str]:
    box = QDialogButtonBox()
    for w in which:
        box.addButton(w)
    return [b.text() for b in box.buttons()]


def test_qt_ships_its_japanese_catalog():
    assert (qt_translations_dir() / "qtbase_ja.qm").is_file()


def test_standard_buttons_speak_japanese(qapp):
    assert install_translations(qapp, "ja") == "ja" == i18n.language()
    assert set(_buttons(QDialogButtonBox.Cancel, QDialogButtonBox.Close, QDialogButtonBox.Yes,
                        QDialogButtonBox.No)) == {"キャンセル", "閉じる", "はい(&Y)", "いいえ(&N)"}
    box = QMessageBox(QMessageBox.Question, "t", "q", QMessageBox.Ok | QMessageBox.Cancel)
    assert {b.text() for b in box.buttons()} == {"OK", "キャンセル"}


def test_english_everywhere_when_english_is_chosen(qapp, english):
    assert i18n.language() == "en"
    assert "Cancel" in _buttons(QDialogButtonBox.Cancel)
    assert QLocale().language() == QLocale.English
    # core's messages follow the same language
    from kanwa_review.core.imports import status_word
    assert status_word(IMPORTED) == "imported"


def test_the_main_window_in_english(qtbot, services, tmp_path, english):
    window = make_window(qtbot, services, tmp_path)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Review", "H&ub", "T&ools", "&View", "&Help"]
    assert window.windowTitle() == "Palliative care peer review — kanwa-review"
    assert window.statusBar().currentMessage() == f"Database: {services.db_path}"
    assert window.find_action.text() == "&Search…" and window.quit_action.text() == "E&xit"
    assert window.dashboard_action.text() == "&Dashboard…"
    home = window.home
    assert home.search.placeholderText() == ("Filter by facility name, facility code, fiscal "
                                             "year or visit date")
    assert [home.status_filter.itemText(i) for i in range(3)] == ["Any state", "Drafts only",
                                                                   "Final only"]
    assert home.summary.text() == "Facilities: 0 · reviews: 0 — start with “Register facility…”"
    assert home.new_review_action.text() == "&Start review…"


def test_the_main_window_in_japanese(qtbot, services, tmp_path):
    window = make_window(qtbot, services, tmp_path)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["ファイル(&F)", "編集(&E)", "レビュー(&R)", "集計(&T)", "ツール(&O)", "表示(&V)",
                     "ヘルプ(&H)"]
    assert window.statusBar().currentMessage() == f"データベース: {services.db_path}"


def test_shortcut_list_in_english(qtbot, services, tmp_path, english):
    window = make_window(qtbot, services, tmp_path)
    window.show_shortcuts()
    dialog = window.keyboard_help
    qtbot.waitUntil(dialog.isVisible)
    rows = dialog.rows()
    assert dialog.windowTitle() == "Keyboard"
    assert ("Checklist", "P", "Take the rating (value) of the previous visit (follow-up)") in rows
    assert ("Home", "Enter", "Open the selected review (or double-click)") in rows
    assert not any(JAPANESE.search(text) for row in rows for text in row)
    dialog.close()


def test_the_import_results_in_english(qtbot, english):
    from kanwa_review.ui.files.results_view import ImportResultsDialog

    results = [ImportResult(file="/in/a.kanwa", status=IMPORTED, kind=PACKAGE, review="u1",
                            revision=2, facility="H001", signature="trusted",
                            signer={"name": "yamada", "fingerprint": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"}),
               ImportResult(file="/in/b.kanwa", status=REJECTED, kind=PACKAGE,
                            errors=["/in/b.kanwa: bad"])]
    dialog = ImportResultsDialog(results)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Import results"
    assert dialog.summary.text().startswith("Files processed: 2 — imported: 1, unchanged: 0, "
                                            "superseded: 0, rejected: 1\nNothing was saved")
    headers = [dialog.table.horizontalHeaderItem(i).text() for i in range(6)]
    assert headers == ["File", "Result", "Facility", "Revision", "Signature", "Message"]
    assert dialog.table.item(0, 3).text() == "revision 2"
    assert dialog.table.item(0, 4).text() == "trusted signature (yamada)"
    assert dialog.table.item(1, 4).text() == ""        # not read as far as a signature
    assert [b.text() for b in dialog.findChild(QDialogButtonBox).buttons()] == ["Close"]


# --- the setting -----------------------------------------------------------------------------

def test_the_choice_is_kept_in_the_settings(tmp_path):
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    assert settings.language() is None                      # the system's, by default
    settings.set_language("en")
    assert AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)).language() == "en"
    settings.set_language(None)
    assert settings.language() is None


def test_the_language_menu_saves_the_choice_and_says_so_in_that_language(qtbot, services,
                                                                         tmp_path, monkeypatch):
    monkeypatch.setenv("KANWA_LANG", "ja")
    window = make_window(qtbot, services, tmp_path)
    menu = window.view_menu.actions()[0].menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["システムの設定に合わせる（日本語）", "日本語", "English"]
    assert menu.choices[None].isChecked()
    shown = []
    when_modal(lambda box: (shown.append((box.windowTitle(), box.text())), box.accept()))
    menu.choices["en"].trigger()
    assert window.settings.language() == "en" and menu.choices["en"].isChecked()
    assert shown == [("Display language",
                      "kanwa-review will be shown in English from the next start.")]
    # choosing what the app already speaks saves it quietly
    seen = when_modal(lambda box: box.accept(), tries=5)
    menu.choices["ja"].trigger()
    qtbot.wait(100)
    assert window.settings.language() == "ja" and seen == []


def test_a_saved_choice_is_checked_at_start(qtbot, services, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    settings.setValue("language", "en")
    settings.sync()
    window = make_window(qtbot, services, tmp_path)
    assert window.view_menu.actions()[0].menu().choices["en"].isChecked()


def test_install_translations_follows_the_choice_then_kanwa_lang(qapp, monkeypatch):
    monkeypatch.setenv("KANWA_LANG", "en")
    try:
        assert install_translations(qapp, None) == "en"
        assert install_translations(qapp, "ja") == "ja"
        assert install_translations(qapp, "fr") == "en"          # not ours: KANWA_LANG
    finally:
        install_translations(qapp, "ja")
        monkeypatch.setattr(i18n, "_language", "ja")


def test_the_app_starts_in_the_language_chosen_last_time(qapp, tmp_path, monkeypatch):
    """run_app: the saved choice applies at start; --lang overrides it for one start."""
    from PySide6.QtWidgets import QApplication

    from kanwa_review.app import run_app
    from kanwa_review.ui.settings import open_settings

    seen = []

    def exec_(_app):
        window = next(w for w in QApplication.topLevelWidgets()
                      if w.objectName() == "mainWindow" and w.isVisible())
        seen.append((i18n.language(), window.windowTitle(), _buttons(QDialogButtonBox.Cancel)))
        window.close()
        window.deleteLater()
        return 0
    monkeypatch.setattr(QApplication, "exec", exec_)
    from kanwa_review.ui.main_window import MainWindow

    asked = []     # the first run asks for the person (a modal): answered "cancel" here
    monkeypatch.setattr(MainWindow, "edit_profile", lambda window, first_run=False: asked.append(
        (first_run, window.isVisible())))
    settings = open_settings()
    settings.setValue("language", "en")
    settings.sync()
    try:
        assert run_app(db=str(tmp_path / "mine.sqlite")) == 0
        assert run_app(db=str(tmp_path / "mine.sqlite"), lang="ja") == 0
    finally:
        install_translations(qapp, "ja")
        monkeypatch.setattr(i18n, "_language", "ja")
    assert asked == [(True, True)] * 2     # no person set: asked at each start, over the window
    assert seen == [("en", "Palliative care peer review — kanwa-review", ["Cancel"]),
                    ("ja", "緩和ケア ピアレビュー — kanwa-review", ["キャンセル"])]
