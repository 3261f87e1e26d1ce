"""Keys and trust in the app (issue 13) with real widgets: a key pair made from ツール ▸ 鍵を作成…
(passphrase twice, through the runner), the export keys chosen, an export signed and sealed by
default (a wrong passphrase said beside the field), the hub's trust list (fingerprint shown in
groups before trusting, revoke asked first, the require-signature setting, the hub's key for
sealed imports) and the import results showing each file's signature and signer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from kanwa_review.services import Services
from kanwa_review.ui.files import key_files, packages, signing
from kanwa_review.ui.files.key_files import ExportKeysDialog, KeyMadeDialog, NewKeyDialog
from kanwa_review.ui.files.results_view import SIGNATURE
from kanwa_review.ui.files.signing import PassphraseDialog
from kanwa_review.ui.hub import trust
from kanwa_review.ui.hub.trust import TrustConfirmDialog, TrustListDialog
from tests.ui_window_support import ExtensionHost, click_button, when_modal

PASS = "correct horse battery"


def type_text(widget, text: str) -> None:
    """Japanese as key events carrying text (qtbot.keyClicks with Japanese aborts the run)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown,
                                                 Qt.NoModifier, ch))


@pytest.fixture(autouse=True)
def _no_remembered_hub_key():
    """The hub's key is remembered in QSettings, which Qt locates once per process."""
    signing.set_import_key_path(None)
    yield
    signing.set_import_key_path(None)


@pytest.fixture
def host(qtbot):
    def make(services, uuid=None):
        w = ExtensionHost(services, uuid)
        qtbot.addWidget(w)
        for module in (key_files, packages, trust):
            module.install(w)
        return w
    return make


@pytest.fixture
def messages(monkeypatch):
    seen = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *a, _k=kind, **k: seen.append((_k, text)))
    return seen


@pytest.fixture
def keys(tmp_path):
    """A team leader's and a hub's key files."""
    folder = tmp_path / "keys"
    folder.mkdir()
    return (Services.create_key_files("yamada-hanako", folder, PASS),
            Services.create_key_files("hub", folder, PASS))


def test_the_menus(host, services):
    w = host(services)
    assert [a.text() for a in w.tools_menu.actions()] == ["鍵を作成(&K)…", "署名と暗号化の鍵(&S)…"]
    assert "信頼リストと署名(&S)…" in [a.text() for a in w.hub_menu.actions()]


def test_a_key_pair_is_made_with_the_passphrase_asked_twice(qtbot, services, tmp_path, messages):
    dialog = NewKeyDialog(services, db_path=services.database.path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(tmp_path))
    qtbot.keyClicks(dialog.name, "yamada-hanako")
    qtbot.keyClicks(dialog.passphrase, PASS)
    qtbot.keyClicks(dialog.again, PASS[:-1] + "X")
    assert "一致しません" in dialog.error.text() and not dialog.ok_button.isEnabled()
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, PASS)
    assert not dialog.error.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.use_for_exports.isChecked()          # no signing key yet: this one
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.Accepted, timeout=10_000)
    files = dialog.files
    assert files.private_path == tmp_path / "yamada-hanako.key" and files.public_path.is_file()
    assert services.export_key_paths()[0] == files.private_path.resolve()
    shown = KeyMadeDialog(files)
    qtbot.addWidget(shown)
    assert shown.fingerprint.accessibleName() == files.fingerprint.replace("-", " ")
    assert "電話" in shown.findChildren(type(shown.fingerprint))[1].text()


def test_a_refused_key_keeps_the_dialog_open(qtbot, services, tmp_path, messages):
    (tmp_path / "taken.key").write_text("x")
    dialog = NewKeyDialog(services, db_path=services.database.path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(tmp_path))
    for edit, text in ((dialog.name, "taken"), (dialog.passphrase, PASS), (dialog.again, PASS)):
        qtbot.keyClicks(edit, text)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages[0][0] == "warning" and "すでにあります" in messages[0][1]
    # the runner reports the error, then that it finished: then OK is offered again
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=10_000)
    assert dialog.isVisible()                                     # correct it and try again
    assert not (tmp_path / "taken.pub").exists()


def test_the_export_keys_are_chosen_and_the_hub_key_shown(qtbot, services, keys, tmp_path):
    leader, hub = keys
    dialog = ExportKeysDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.signing.setText(str(leader.private_path))
    dialog.hub.setText(str(leader.private_path))        # a .key where the .pub belongs
    assert dialog.error.isVisible()
    dialog.hub.setText(str(hub.public_path))
    assert not dialog.error.isVisible()
    assert dialog.hub_info.text().startswith("hub　指紋 " + hub.fingerprint)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.Accepted
    assert services.export_key_paths() == (leader.private_path.resolve(),
                                           hub.public_path.resolve())


def _passphrase(*answers):
    """Answer the passphrase dialog with each of `answers` in turn (a wrong one stays open)."""
    seen = []

    def answer(dialog):
        assert isinstance(dialog, PassphraseDialog)
        for text in answers:
            dialog.passphrase.setText(text)
            dialog.ok_button.click()
            seen.append(dialog.error.text() if dialog.isVisible() else "")
    when_modal(answer)
    return seen


def test_the_export_is_signed_and_sealed_and_the_hub_takes_it_as_trusted(
        qtbot, host, services, final_review, keys, tmp_path, messages, monkeypatch, db_path):
    leader, hub = keys
    services.set_export_key_paths(leader.private_path, hub.public_path)
    w = host(services, final_review.uuid)
    out = tmp_path / "out.kanwa"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(out), ""))
    said = _passphrase("wrong passphrase", PASS)
    w.exchange_export_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert "パスフレーズが違う" in said[0] and said[1] == ""
    assert "署名: yamada-hanako" in messages[0][1] and "暗号化: hub" in messages[0][1]
    data = out.read_bytes()
    assert "架空県立がんセンター".encode() not in data and b"review.json" not in data

    # the hub: trusts the leader, remembers its own key, imports (the passphrase asked once)
    with Services.open(tmp_path / "hub.sqlite", create=True, actor="拠点") as hub_services:
        hub_services.trust_key(Services.read_public_key(leader.public_path))
        hub_window = host(hub_services)
        signing.set_import_key_path(hub.private_path)
        _passphrase(PASS)
        packages.import_paths(hub_window, [out, out])
        qtbot.waitUntil(lambda: getattr(hub_window, "import_results", None) is not None,
                        timeout=20_000)
        table = hub_window.import_results.table
        assert [table.item(r, 1).text() for r in range(2)] == ["取込", "変更なし"]
        assert table.item(0, SIGNATURE).text() == "信頼済みの署名（yamada-hanako）"
        assert leader.fingerprint in hub_window.import_results.details.toPlainText()


def test_an_export_without_keys_says_it_is_neither_signed_nor_sealed(
        qtbot, host, services, final_review, tmp_path, messages, monkeypatch):
    w = host(services, final_review.uuid)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "o"), ""))
    w.exchange_export_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert "署名・暗号化はしていません" in messages[0][1]
    assert services.verify_package(tmp_path / "o.kanwa").signature.status == "unsigned"


def test_a_sealed_import_without_a_remembered_key_asks_for_one_and_remembers_it(
        qtbot, host, services, final_review, keys, tmp_path, monkeypatch):
    leader, hub = keys
    sealed = tmp_path / "sealed.kanwa"
    services.export_package(final_review.uuid, sealed,
                            encrypt_to=Services.read_public_key(hub.public_path))
    plain = tmp_path / "plain.kanwa"
    services.export_package(final_review.uuid, plain)
    assert Services.sealed_package_files([sealed, plain, tmp_path / "gone"]) == [sealed]
    with Services.open(tmp_path / "hub.sqlite", create=True, actor="拠点") as hub_services:
        w = host(hub_services)
        asked = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *a: (asked.append(a[1]), (str(hub.private_path), ""))[1])
        _passphrase(PASS)
        packages.import_paths(w, [sealed])
        qtbot.waitUntil(lambda: getattr(w, "import_results", None) is not None, timeout=20_000)
        assert asked and "暗号化された提出ファイル 1 件" in asked[0]
        assert signing.import_key_path() == hub.private_path.resolve()
        assert w.import_results.table.item(0, 1).text() == "取込"
        # no sealed file in the run: nothing is asked
        w.import_results = None
        packages.import_paths(w, [plain])
        qtbot.waitUntil(lambda: w.import_results is not None, timeout=20_000)
        assert len(asked) == 1


def test_cancelling_the_hub_key_imports_nothing(qtbot, host, services, final_review, keys,
                                               tmp_path):
    leader, hub = keys
    sealed = tmp_path / "sealed.kanwa"
    services.export_package(final_review.uuid, sealed,
                            encrypt_to=Services.read_public_key(hub.public_path))
    signing.set_import_key_path(hub.private_path)
    with Services.open(tmp_path / "hub.sqlite", create=True, actor="拠点") as hub_services:
        w = host(hub_services)
        when_modal(lambda dialog: dialog.reject())
        packages.import_paths(w, [sealed])
        qtbot.waitUntil(lambda: bool(w.statuses), timeout=10_000)
        assert w.statuses[-1] == "取込を取り消しました"
        assert hub_services.list_reviews() == [] and w.refreshed == 0


def test_the_trust_list_adds_after_the_fingerprint_and_revokes_after_asking(
        qtbot, services, keys, facility):
    leader, _hub = keys
    dialog = TrustListDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0 and not dialog.revoke_button.isEnabled()
    assert dialog.requirement.currentIndex() == 0
    assert "署名のないファイルも取り込みます" in dialog.requirement_now.text()

    def compare(confirm_dialog):
        assert isinstance(confirm_dialog, TrustConfirmDialog)
        groups = leader.fingerprint.split("-")
        label = confirm_dialog.fingerprint.text()
        assert all(f"<b>{g}</b>" in label for g in groups) and len(groups) == 6
        assert confirm_dialog.findChild(type(confirm_dialog.fingerprint)).text() == \
            "名前: yamada-hanako"
        type_text(confirm_dialog.facilities, "F001、F404")   # as typed in Japanese
        confirm_dialog.ok_button.click()
        assert "F404" in confirm_dialog.error.text()        # no such facility: said, kept open
        confirm_dialog.facilities.clear()
        qtbot.keyClicks(confirm_dialog.facilities, "F001")
        confirm_dialog.ok_button.click()
    seen = when_modal(compare)
    dialog.add_key(leader.public_path)
    assert seen
    [entry] = services.trusted_keys()
    assert (entry.name, entry.fingerprint, entry.facilities) == (
        "yamada-hanako", leader.fingerprint, ("F001",))
    assert dialog.table.item(0, 1).text() == leader.fingerprint
    assert dialog.table.item(0, 3).text() == "有効"
    assert "だけを取り込みます" in dialog.requirement_now.text()   # a listed key: required

    dialog.table.selectRow(0)
    assert dialog.revoke_button.isEnabled()
    when_modal(lambda box: click_button(box, "キャンセル"))
    dialog.revoke_current()
    assert not services.trusted_keys()[0].revoked
    seen = when_modal(lambda box: (seen_text.append(box.text()), click_button(box, "失効させる")))
    seen_text = []
    dialog.revoke_current()
    assert services.trusted_keys()[0].revoked and "失効させますか" in seen_text[0]
    assert dialog.table.item(0, 3).text().startswith("失効 ")


def test_the_require_signature_setting_and_the_hub_key(qtbot, services, keys, monkeypatch):
    _leader, hub = keys
    dialog = TrustListDialog(services)
    qtbot.addWidget(dialog)
    dialog.requirement.setCurrentIndex(2)
    dialog.requirement.activated.emit(2)
    assert services.signature_setting() is False
    dialog.requirement.activated.emit(1)
    assert services.signature_setting() is True and services.require_signature()
    dialog.requirement.activated.emit(0)
    assert services.signature_setting() is None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(hub.private_path), ""))
    dialog._choose_import_key()
    assert dialog.import_key.text() == str(hub.private_path.resolve())
    assert signing.import_key_path() == hub.private_path.resolve()
    qtbot.mouseClick([b for b in dialog.findChildren(type(dialog.add_button))
                      if b.text() == "外す"][0], Qt.LeftButton)
    assert signing.import_key_path() is None and dialog.import_key.text() == ""


def test_a_file_that_is_not_a_public_key_is_refused_before_any_question(
        qtbot, services, tmp_path, messages):
    bad = tmp_path / "x.pub"
    bad.write_text("not a key", encoding="utf-8")
    dialog = TrustListDialog(services)
    qtbot.addWidget(dialog)
    dialog.add_key(bad)
    assert messages and messages[0][0] == "warning" and str(bad) in messages[0][1]
    assert services.trusted_keys() == []


def test_unlock_returns_none_when_cancelled(qtbot, keys):
    when_modal(lambda dialog: dialog.reject())
    assert signing.unlock(None, Path(keys[0].private_path), "why") is None
