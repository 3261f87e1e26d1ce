"""Windows reality: an output file held open by Excel or a PDF viewer (PermissionError, or a
sharing violation, winerror 32/33), or read-only: one clear message through every writer of the
services, the command line (exit 1) and the UI's one error path; nothing half-written."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from kanwa_review import cli
from kanwa_review.services import OutputFileError

IN_USE = "は他のアプリで開かれています。"
READ_ONLY = "は読み取り専用のため上書きできません。"
OLD = b"the file as it was before"


def writers(services, final_review, mini_form):
    """(suffix, write(out)) for every services method that writes an output file."""
    uuid = final_review.uuid
    return {
        "report": (".pdf", lambda out: services.write_report(uuid, out)),
        "all_reports": (".pdf", lambda out: services.write_all_reports(out)),
        "request_letter": (".pdf", lambda out: services.write_request_letter(uuid, out)),
        "package": (".kanwa", lambda out: services.export_package(uuid, out)),
        "excel_return": (".xlsx", lambda out: services.export_return(out)),
        "progress_xlsx": (".xlsx", lambda out: services.export_progress("F001", out)),
        "progress_json": (".json", lambda out: services.export_progress("F001", out)),
        "template": (".xlsx", lambda out: services.write_template(mini_form, out)),
        "form_workbook": (".xlsx", lambda out: services.write_form_workbook(mini_form, out)),
        "form_yaml": (".yaml", lambda out: services.save_form_yaml(mini_form, out)),
    }


KINDS = ["report", "all_reports", "request_letter", "package", "excel_return", "progress_xlsx",
         "progress_json", "template", "form_workbook", "form_yaml"]


@pytest.fixture
def folder(tmp_path) -> Path:
    f = tmp_path / "山田 花子" / "OneDrive - 架空病院" / "提出 ファイル"
    f.mkdir(parents=True)
    return f


def refuse_replace(monkeypatch, exc: OSError):
    real = os.replace

    def replace(src, dst, *a, **k):
        if Path(dst).parent.name == "提出 ファイル":
            raise exc
        return real(src, dst, *a, **k)
    monkeypatch.setattr(os, "replace", replace)


def sharing_violation() -> OSError:
    exc = OSError(errno.EACCES, "The process cannot access the file because it is being used")
    exc.winerror = 32
    return exc


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("error", ["permission", "winerror32"])
def test_a_file_held_open_is_one_clear_message_and_stays_as_it_was(
        kind, error, services, final_review, mini_form, folder, monkeypatch):
    suffix, write = writers(services, final_review, mini_form)[kind]
    out = folder / f"開いている ファイル{suffix}"
    out.write_bytes(OLD)
    refuse_replace(monkeypatch, PermissionError(errno.EACCES, "Permission denied")
                   if error == "permission" else sharing_violation())
    with pytest.raises(OutputFileError) as caught:
        write(out)
    assert str(caught.value).startswith(f"{out} {IN_USE}")
    assert "開いている ファイル" in str(caught.value).split("。")[1]   # "…で {name} を閉じて"
    assert caught.value.path == str(out)
    assert out.read_bytes() == OLD                       # untouched
    assert sorted(p.name for p in folder.iterdir()) == [out.name]   # no temporary file left


@pytest.mark.parametrize("kind", KINDS)
def test_a_read_only_file_is_refused_before_any_work(kind, services, final_review, mini_form,
                                                     folder):
    suffix, write = writers(services, final_review, mini_form)[kind]
    out = folder / f"読み取り専用{suffix}"
    out.write_bytes(OLD)
    out.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(OutputFileError) as caught:
            write(out)
        assert str(caught.value).startswith(f"{out} {READ_ONLY}")
        assert out.read_bytes() == OLD
        assert sorted(p.name for p in folder.iterdir()) == [out.name]
    finally:
        out.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.parametrize("kind", KINDS)
def test_the_writers_still_write_into_a_japanese_folder_with_spaces(
        kind, services, final_review, mini_form, folder):
    suffix, write = writers(services, final_review, mini_form)[kind]
    out = folder / f"出力 ファイル{suffix}"
    out.write_bytes(OLD)           # over an older file of the same name
    write(out)
    assert out.read_bytes() != OLD and out.stat().st_size > 0
    assert sorted(p.name for p in folder.iterdir()) == [out.name]


def test_a_backup_refused_at_the_end_leaves_nothing(services, final_review, folder, monkeypatch):
    refuse_replace(monkeypatch, sharing_violation())
    out = folder / "バックアップ 1.sqlite"
    with pytest.raises(OutputFileError, match=IN_USE):
        services.backup(out)
    assert list(folder.iterdir()) == []


def test_a_folder_that_refuses_new_files_is_named(services, final_review, folder, monkeypatch):
    from kanwa_review.services import output_files

    monkeypatch.setattr(output_files, "folder_writable", lambda f: False)
    refuse_replace(monkeypatch, PermissionError(errno.EACCES, "Permission denied"))
    with pytest.raises(OutputFileError) as caught:
        services.write_report(final_review.uuid, folder / "a.pdf")
    assert str(caught.value) == f"{folder}: このフォルダには書き込めません。別の場所を選んでください"


def test_other_errors_pass_unchanged(services, final_review, folder, monkeypatch):
    refuse_replace(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(OSError) as caught:
        services.write_report(final_review.uuid, folder / "a.pdf")
    assert not isinstance(caught.value, OutputFileError)
    assert caught.value.errno == errno.ENOSPC
    assert list(folder.iterdir()) == []


# --- the command line: exit 1 with the message ---------------------------------------------
@pytest.fixture
def cli_db(db_path, services, final_review) -> Path:
    return db_path


@pytest.mark.parametrize("argv, suffix", [
    (["report", "--review", "{uuid}"], ".pdf"),
    (["report", "--all"], ".pdf"),
    (["export", "--review", "{uuid}"], ".kanwa"),
    (["excel"], ".xlsx"),
])
def test_the_command_line_says_so_and_exits_1(argv, suffix, cli_db, final_review, folder,
                                              monkeypatch, capsys):
    out = folder / f"集計 表{suffix}"
    out.write_bytes(OLD)
    refuse_replace(monkeypatch, PermissionError(errno.EACCES, "Permission denied"))
    args = [a.replace("{uuid}", final_review.uuid) for a in argv]
    code = cli.main([*args, "--db", str(cli_db), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"エラー: {out} {IN_USE}" in err
    assert out.read_bytes() == OLD
    assert sorted(p.name for p in folder.iterdir()) == [out.name]


def test_the_command_line_refuses_a_read_only_file(cli_db, final_review, folder, capsys):
    out = folder / "報告書.pdf"
    out.write_bytes(OLD)
    out.chmod(stat.S_IRUSR)
    try:
        code = cli.main(["report", "--db", str(cli_db), "--review", final_review.uuid,
                         "-o", str(out)])
    finally:
        out.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert code == 1
    assert f"{out} {READ_ONLY}" in capsys.readouterr().err
    assert out.read_bytes() == OLD


# --- the UI: the one error path shows it ----------------------------------------------------
def test_the_ui_shows_the_message_through_its_one_error_path(qtbot, services, final_review,
                                                            folder, monkeypatch):
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from kanwa_review.ui.files import workbooks as excel_actions
    from tests.ui_window_support import ExtensionHost

    window = ExtensionHost(services)
    qtbot.addWidget(window)
    excel_actions.install(window)
    out = folder / "集計 表.xlsx"
    out.write_bytes(OLD)
    refuse_replace(monkeypatch, sharing_violation())
    monkeypatch.setattr(excel_actions.FiscalYearDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k:
                        shown.append(text))
    window.excel_export_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown[0].startswith(f"{out} {IN_USE}")
    assert "予期しない" not in shown[0]
    assert out.read_bytes() == OLD
