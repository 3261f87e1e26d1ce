"""UI of submission packages: export from the review menu, import from the file menu and by
dropping files or a folder on the window, the one results view, the facility master import."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from kanwa_review.core.imports import ImportResult
from kanwa_review.ui.files import facility_master, packages
from kanwa_review.ui.files.results_view import MESSAGE, SIGNATURE, ImportResultsDialog
from tests.ui_window_support import ExtensionHost as FakeWindow

HOSTILE = Path(__file__).parent / "data" / "hostile"




@pytest.fixture
def make(qtbot, services):
    def make(uuid=None):
        w = FakeWindow(services, uuid)
        qtbot.addWidget(w)
        packages.install(w)
        facility_master.install(w)
        return w
    return make


@pytest.fixture
def messages(monkeypatch):
    seen = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *a, _k=kind, **k: seen.append((_k, text)))
    return seen


def test_menu_entries(make):
    w = make()
    assert [a.text() for a in w.review_menu.actions()] == ["提出ファイルを書き出す(&E)…"]
    assert [a.text() for a in w.file_menu.actions()] == ["取り込む(&I)…"]
    assert [a.text() for a in w.hub_menu.actions()] == ["施設マスタ取込(&M)…"]
    assert w.acceptDrops()


def test_export_proposes_the_file_name_and_writes_it(make, final_review, messages, monkeypatch,
                                                     tmp_path, qtbot):
    w = make(final_review.uuid)
    proposed = []

    def save(parent, caption, start, filters):
        proposed.append(Path(start).name)
        return str(tmp_path / "out"), filters
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    w.exchange_export_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert proposed == ["F001_20251120_r1.kanwa"]
    assert (tmp_path / "out.kanwa").is_file()
    assert messages[0][0] == "information" and "out.kanwa" in messages[0][1]


def test_export_of_a_draft_is_refused_before_any_dialog(make, draft, messages, monkeypatch):
    w = make(draft.uuid)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: pytest.fail("no file dialog for a draft"))
    w.exchange_export_action.trigger()
    assert messages and messages[0][0] == "warning" and "下書き" in messages[0][1]


def test_export_without_a_selection_explains(make, messages):
    make(None).exchange_export_action.trigger()
    assert "選んでください" in messages[0][1]


def _drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    with warnings.catch_warnings():  # Qt 6 marks the QPoint constructor deprecated; no other
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton,
                                Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_folder_imports_and_shows_the_results_table(make, qtbot, tmp_path):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(HOSTILE / "valid.kanwa", folder / "a.kanwa")
    shutil.copy(HOSTILE / "revision2.kanwa", folder / "sub" / "b.kanwa")
    shutil.copy(HOSTILE / "hash_mismatch.kanwa", folder / "c.kanwa")
    (folder / "readme.txt").write_text("x")
    w = make()
    assert _drop(w, [folder]) == (True, True)
    qtbot.waitUntil(lambda: getattr(w, "import_results", None) is not None, timeout=10_000)
    table = w.import_results.table
    got = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert got == [("a.kanwa", "取込"), ("c.kanwa", "却下"), ("b.kanwa", "更新")]
    assert "SHA-256" in table.item(1, MESSAGE).text()
    # the signature of each package (these older files carry none)
    assert not table.isColumnHidden(SIGNATURE)
    assert [table.item(r, SIGNATURE).text() for r in range(3)] == ["署名なし"] * 3
    assert "c.kanwa" in w.import_results.details.toPlainText()   # rejected row selected
    assert w.refreshed == 1
    superseded = "0b7c2a52-5d7e-4f0e-9a55-3f1d2c4b6a10"
    assert w.changes[0].reviews and superseded in w.changes[0].review_uuids
    assert w.services.review("0b7c2a52-5d7e-4f0e-9a55-3f1d2c4b6a10").revision == 2


def test_dropping_other_files_is_not_accepted(make, tmp_path):
    other = tmp_path / "report.pdf"
    other.write_bytes(b"%PDF")
    assert _drop(make(), [other]) == (False, False)


def test_import_from_the_menu_and_results_dialog_picture(make, qtbot, monkeypatch, tmp_path):
    w = make()
    files = [str(HOSTILE / n) for n in ("valid.kanwa", "valid.kanwa", "newer_version.kanwa")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: (files, ""))
    w.exchange_import_action.trigger()
    qtbot.waitUntil(lambda: getattr(w, "import_results", None) is not None, timeout=10_000)
    dialog = w.import_results
    labels = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert labels == ["取込", "変更なし", "却下"]
    assert "アプリを更新してください" in dialog.table.item(2, MESSAGE).text()
    assert "取込 1 件" in dialog.summary.text() and "却下 1 件" in dialog.summary.text()
    dialog.show()
    dialog.grab().save(str(tmp_path / "results.png"))
    assert (tmp_path / "results.png").stat().st_size > 1000


def test_results_dialog_mentions_files_left_after_cancel(qtbot):
    results = [ImportResult("a.kanwa", "imported", review="u", revision=1, facility="H001")]
    dialog = ImportResultsDialog(results, total=3)
    qtbot.addWidget(dialog)
    assert "残り 2 ファイルは未処理" in dialog.summary.text()


def test_facility_master_from_the_hub_menu(make, qtbot, monkeypatch, tmp_path):
    good = tmp_path / "master.csv"
    good.write_text("施設コード,施設名,都道府県,区分\nH010,架空県 東病院,架空県,地域拠点\n",
                    encoding="utf-8-sig")
    w = make()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(good), ""))
    w.facility_master_action.trigger()
    qtbot.waitUntil(lambda: getattr(w, "import_results", None) is not None, timeout=10_000)
    assert "新規 1 件" in w.import_results.table.item(0, 1).text()
    assert [f.code for f in w.services.facilities()] == ["H010"] and w.refreshed == 1
    assert w.changes[0].facilities and w.changes[0].facility_codes == {"H010"}
