"""Windows reality: a user folder with a Japanese name and spaces, inside a OneDrive of a
hospital (C:\\Users\\山田 花子\\OneDrive - 架空病院\\提出 ファイル): every main command with such
--db and output paths, on a UTF-8 and a legacy (cp932) console, and the app's file dialogs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from kanwa_review import cli

ROOT = Path(__file__).resolve().parents[1]
WARNING = "OneDrive の中にあります"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    f = tmp_path_factory.mktemp("paths") / "山田 花子" / "OneDrive - 架空病院" / "提出 ファイル"
    f.mkdir(parents=True)
    return f


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_main_commands_with_japanese_folders_and_spaces(folder, capsys, services,
                                                            final_review):
    demo = folder / "デモ データ.sqlite"
    code, _, err = run_cli(capsys, "demo", "--db", demo, "--facilities", "2", "--years", "1")
    assert code == 0, err
    assert WARNING in err                  # the database is in a synced folder: said, not refused
    db = folder / "レビュー データ.sqlite"  # a team's database with one finalised review
    services.backup(db)
    code, out, err = run_cli(capsys, "list", "--db", db, "--json")
    assert code == 0, err
    final = next(r for r in json.loads(out) if r["status"] == "final")

    package = folder / "提出 ファイル 第1版.kanwa"
    assert run_cli(capsys, "export", "--db", db, "--review", final["uuid"], "-o", package)[0] == 0
    hub = folder / "拠点 病院" / "集計 データ.sqlite"
    hub.parent.mkdir()
    code, out, err = run_cli(capsys, "import", "--db", hub, package, "--json")
    assert code == 0, err
    line = json.loads(out)
    assert line["status"] == "imported" and line["file"] == str(package)

    report = folder / "評価 報告書.pdf"
    assert run_cli(capsys, "report", "--db", hub, "--review", final["uuid"], "-o", report)[0] == 0
    assert report.read_bytes().startswith(b"%PDF")
    everything = folder / "全施設 報告書.pdf"
    assert run_cli(capsys, "report", "--db", demo, "--all", "-o", everything)[0] == 0
    workbook = folder / "県 集計表.xlsx"
    assert run_cli(capsys, "excel", "--db", hub, "-o", workbook)[0] == 0
    assert workbook.read_bytes().startswith(b"PK")
    backup = folder / "バックアップ 2026年.sqlite"
    code, _, err = run_cli(capsys, "backup", "--db", hub, "-o", backup)
    assert code == 0, err
    code, out, _ = run_cli(capsys, "list", "--db", backup, "--json")
    assert [r["uuid"] for r in json.loads(out)] == [final["uuid"]]
    # nothing stray beside the outputs
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("encoding", ["cp932", "utf-8"])
def test_a_legacy_console_prints_japanese_paths_and_the_warning(folder, encoding):
    db = folder / f"コンソール {encoding}.sqlite"
    env = dict(os.environ, PYTHONIOENCODING=encoding)
    env.pop("PYTHONUTF8", None)
    run = subprocess.run([sys.executable, "-m", "kanwa_review", "demo", "--db", str(db),
                          "--facilities", "1", "--years", "1"], capture_output=True, env=env,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 0
    err = run.stderr.decode(encoding)
    assert f"{db}" in err and WARNING in err


# --- the app's file dialogs: the path chosen is the path written, and read back -----------
def test_file_dialog_paths_round_trip(qtbot, services, final_review, folder, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from kanwa_review.ui.files import packages
    from tests.ui_window_support import ExtensionHost

    window = ExtensionHost(services, uuid=final_review.uuid)
    qtbot.addWidget(window)
    packages.install(window)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    typed = folder / "ダイアログ 提出"              # typed without the suffix
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(typed), ""))
    window.exchange_export_action.trigger()
    written = folder / "ダイアログ 提出.kanwa"
    qtbot.waitUntil(written.exists, timeout=10000)
    qtbot.waitUntil(lambda: any(str(written) in s for s in window.statuses), timeout=5000)

    starts = []

    def open_dialog(parent, title, start, filters):
        starts.append(start)
        return [str(written)], ""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_dialog)
    window.exchange_import_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "import_results", None) is not None, timeout=10000)
    assert window.import_results.table.item(0, 0).text() == written.name
    # each file dialog remembers its own folder: the next import opens where this one took
    # the file from, the Japanese path with spaces read back exactly
    window.import_results = None
    window.exchange_import_action.trigger()
    qtbot.waitUntil(lambda: window.import_results is not None, timeout=10000)
    assert starts[1] == str(folder)

    # a drop from the file manager: the URL of a Japanese path with spaces reads back exactly
    mime = type("Mime", (), {"hasUrls": lambda self: True,
                             "urls": lambda self: [QUrl.fromLocalFile(str(written))]})()
    assert packages._dropped_paths(mime) == [written]
