"""The audit trail names the person (issue 15, item 11): opening one's own file without a named
person asks for it (not the demo), ファイル ▸ 利用者の設定 changes it, the status bar shows who
is recorded, and what is changed afterwards is recorded under that name."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from kanwa_review import paths
from kanwa_review.core.review import TeamMember
from kanwa_review.ui.dialogs.profile import ProfileDialog
from kanwa_review.ui.launcher import Launcher
from kanwa_review.ui.settings import AppSettings
from tests.ui_window_support import ModalWatchdog, make_window

pytestmark = pytest.mark.timeout(60, method="thread")


@pytest.fixture(autouse=True)
def _no_modal_left(qapp):
    watchdog = ModalWatchdog()
    yield
    watchdog.stop()
    assert not watchdog.stray, f"a question was left open: {watchdog.stray}"


@pytest.fixture
def launcher(qtbot, tmp_path):
    launcher = Launcher(AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)))
    yield launcher
    if launcher.window is not None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ProfileDialog):
            dialog.reject()
        launcher.window.close()
    launcher.close()


def test_opening_an_own_file_without_a_person_asks_who_it_is(qtbot, launcher, tmp_path,
                                                             mini_form):
    assert launcher.open(tmp_path / "mine.sqlite", "create")
    window = launcher.window
    dialog = window.profile_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert QApplication.activeModalWidget() is dialog
    assert "変更履歴に記録する利用者" in dialog.note.text()
    dialog.name.setText("山田　花子 ")
    dialog.profession.setCurrentIndex(dialog.profession.findData("nurse"))
    dialog.hospital.setText("架空県立がんセンター")
    qtbot.keyClick(dialog.name, Qt.Key_Return)                # Enter saves
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.services.actor == "山田 花子（架空県立がんセンター）"
    assert window.actor_label.text() == "利用者: 山田 花子（架空県立がんセンター）"
    assert "「山田 花子（架空県立がんセンター）」と記録されます" in window.statusBar().currentMessage()
    window.services.create_facility("F001", "架空県立がんセンター")
    review = window.services.start_review("F001", mini_form, date(2026, 11, 20),
                                          [TeamMember("山田 花子", "leader")])
    actors = {row["actor"] for row in window.services.audit_trail(review.uuid)}
    assert actors == {"山田 花子（架空県立がんセンター）"}


def test_the_demo_does_not_ask(qtbot, launcher, demo_db):
    import shutil

    paths.demo_db_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_db, paths.demo_db_path())
    assert launcher.open(paths.demo_db_path(), "demo")
    assert getattr(launcher.window, "profile_dialog", None) is None


def test_a_named_person_is_not_asked_again_and_can_be_changed_from_the_menu(
        qtbot, services, tmp_path):
    services.set_profile("鈴木 一郎", "physician")
    window = make_window(qtbot, services, tmp_path)
    assert window.actor_label.text() == "利用者: 鈴木 一郎"
    assert window.profile_action in window.file_menu.actions()
    assert window.profile_action.text() == "利用者の設定(&P)…"
    window.profile_action.trigger()
    dialog = window.profile_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.name.text() == "鈴木 一郎"
    assert dialog.profession.currentData() == "physician"
    dialog.name.setText("")                                  # a wrong entry stays to be fixed
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error.text() == "氏名は1〜100文字で入力してください"
    dialog.name.setText("鈴木 一郎")
    dialog.hospital.setText("架空市民病院")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert services.profile().hospital == "架空市民病院"
    assert window.actor_label.text() == "利用者: 鈴木 一郎（架空市民病院）"


def test_the_dialog_has_a_mnemonic_on_every_field(qtbot, services):
    dialog = ProfileDialog(services)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    buddies = {label.text(): label.buddy() for label in dialog.findChildren(QLabel)
               if label.buddy() is not None}
    assert buddies == {"氏名(&N)": dialog.name, "職種(&P)": dialog.profession,
                       "所属施設(&H)": dialog.hospital}
    assert dialog.ok_button.text() == "保存(&S)"
