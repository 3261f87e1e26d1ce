"""main's ファイル ▸ 利用者の設定… dialog (the named person, issue 13; its menu entry and the
launcher's first-run asking are tested in test_ui_visit_profile), ツール ▸ 報告書の設定… (the hub's report
settings, issue 14) and レビュー ▸ 事前提出資料の依頼状… (a PDF through the operations runner),
with real widgets and real key events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from kanwa_review.ui.dialogs import report_settings
from kanwa_review.ui.dialogs.profile import ProfileDialog
from kanwa_review.ui.dialogs.report_settings import ReportSettingsDialog
from kanwa_review.ui.files import request_letter
from kanwa_review.ui.files.request_letter import RequestLetterDialog
from tests.ui_window_support import ExtensionHost, when_modal


def type_text(widget, text: str) -> None:
    """Japanese as key events carrying text (qtbot.keyClicks with Japanese aborts the run)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown,
                                                 Qt.NoModifier, ch))


def host(qtbot, services, uuid=None):
    w = ExtensionHost(services, uuid)
    qtbot.addWidget(w)
    for module in (report_settings, request_letter):
        module.install(w)
    return w


def test_the_menus(qtbot, services):
    w = host(qtbot, services)
    assert [a.text() for a in w.tools_menu.actions()] == ["報告書の設定(&R)…"]
    assert [a.text() for a in w.review_menu.actions()] == ["事前提出資料の依頼状(&Q)…"]


def test_the_person_is_set_and_the_audit_trail_records_them(qtbot, services, draft):
    assert services.profile() is None
    dialog = ProfileDialog(services, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "変更履歴に記録する利用者" in dialog.note.text()
    type_text(dialog.name, "山田 花子")
    dialog.profession.setCurrentIndex(dialog.profession.findData("nurse"))
    type_text(dialog.hospital, "架空県立がんセンター")
    qtbot.keyClick(dialog.hospital, Qt.Key_Return)     # Enter saves
    assert dialog.result() == QDialog.Accepted
    p = services.profile()
    assert (p.name, p.profession, p.hospital) == ("山田 花子", "nurse", "架空県立がんセンター")
    services.set_answer(draft.uuid, "A-1", rating="B")
    assert services.audit_trail(draft.uuid)[-1]["actor"] == "山田 花子（架空県立がんセンター）"


def test_the_dialog_shows_the_person_set_and_a_refusal_inline(qtbot, services):
    services.set_profile("鈴木 一郎", "pharmacist", "架空市民病院")
    dialog = ProfileDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == "鈴木 一郎" and dialog.profession.currentData() == "pharmacist"
    assert "この名前で記録されます" in dialog.note.text()
    dialog.name.setMaxLength(1000)
    dialog.name.setText("長" * 101)
    dialog.ok_button.click()
    assert dialog.error.isVisible() and "1〜100文字" in dialog.error.text()
    assert services.profile().name == "鈴木 一郎"


def test_the_first_run_dialog_may_be_cancelled_and_saves_nothing(qtbot, services):
    dialog = ProfileDialog(services, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "佐藤 次郎")
    qtbot.keyClick(dialog.name, Qt.Key_Escape)
    assert dialog.result() == QDialog.Rejected and dialog.profile is None
    assert services.profile() is None


def test_report_settings_are_shown_saved_and_refused_when_too_long(qtbot, services):
    services.set_report_settings(distribution="架空病院 院長")
    dialog = ReportSettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.distribution.toPlainText() == "架空病院 院長"
    assert dialog.issuer.text() == "" and "緩和ケア部会" in dialog.issuer.placeholderText()
    assert dialog.confidentiality.placeholderText().startswith("取扱注意")
    type_text(dialog.issuer, "架空県がん診療連携協議会 緩和ケア部会")
    type_text(dialog.confidentiality, "部外秘")
    dialog.ok_button.click()
    assert dialog.saved
    s = services.report_settings()
    assert (s.issuer, s.confidentiality, s.distribution) == (
        "架空県がん診療連携協議会 緩和ケア部会", "部外秘", "架空病院 院長")
    again = ReportSettingsDialog(services)
    qtbot.addWidget(again)
    again.distribution.setPlainText("配" * 2_001)
    again.ok_button.click()
    assert not again.saved and "2,000文字以内" in again.error.text()
    assert services.report_settings().distribution == "架空病院 院長"


def test_the_request_letter_is_written_through_the_runner(qtbot, services, draft, tmp_path,
                                                         monkeypatch):
    w = host(qtbot, services, draft.uuid)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "letter"), ""))
    opened = []
    monkeypatch.setattr(request_letter.QDesktopServices, "openUrl", opened.append)

    def choose(dialog):
        assert isinstance(dialog, RequestLetterDialog)
        assert dialog.due.value() == date(2025, 11, 6)      # two weeks before the visit
        dialog.due.box.setDate(QDate(2025, 12, 1))           # after the visit: refused
        dialog.due.box.editingFinished.emit()
        dialog.ok_button.click()
        assert "訪問日 2025-11-20 までの日付" in dialog.error.text()
        dialog.due.box.setDate(QDate(2025, 11, 10))
        dialog.due.box.editingFinished.emit()
        dialog.open_after.setChecked(False)
        dialog.ok_button.click()
    seen = when_modal(choose)
    w.request_letter_action.trigger()
    qtbot.waitUntil(lambda: bool(w.statuses), timeout=20_000)
    assert seen and (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")
    assert "依頼状を保存しました" in w.statuses[-1] and not opened


def test_the_request_letter_without_a_review_explains(qtbot, services, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    host(qtbot, services).request_letter_action.trigger()
    assert said and "選んでください" in said[0]


def test_the_file_name_of_the_letter(services, draft):
    assert services.request_letter_file_name(draft) == \
        "事前提出資料のお願い_F001_2025-11-20.pdf"
    assert Path(services.request_letter_file_name(draft)).suffix == ".pdf"


def test_the_first_run_asks_until_a_person_is_set_but_not_a_named_actor(services,
                                                                        monkeypatch):
    """services.profile_needed(): what the launcher asks by (a hub's batch job that names its
    actor in KANWA_REVIEW_ACTOR is not asked)."""
    monkeypatch.delenv("KANWA_REVIEW_ACTOR", raising=False)
    assert services.profile_needed()
    monkeypatch.setenv("KANWA_REVIEW_ACTOR", "拠点 事務局")
    assert not services.profile_needed()
    monkeypatch.delenv("KANWA_REVIEW_ACTOR")
    person = services.set_profile("架空 一郎", "nurse", "架空病院")
    assert services.actor == person.actor                    # recorded from now on
    assert not services.profile_needed()
