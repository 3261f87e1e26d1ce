"""Regression tests from a command-line walk through the whole PDCA cycle as the hub office
clerk and the audit team: every bad input gives exit 1 with a message naming the file and the
fix (Japanese first), no traceback, and nothing written."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kanwa_review.cli import main
from kanwa_review.commands.common import guard
from kanwa_review.exchange import excel_template as T
from kanwa_review.exchange.excel_return import ACTION_HEADERS
from kanwa_review.exchange.excel_safety import WorkbookRefused, check_workbook_file
from kanwa_review.store import repository as repo

STATUS_COL = len(ACTION_HEADERS) + 1          # 新しい状況（記入）, then note, date, author


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _clean_refusal(code: int, err: str, *names: str) -> None:
    assert code == 1, err
    assert "Traceback" not in err, err
    assert err.startswith("エラー: ") or "却下" in err, err
    for name in names:
        assert name in err, err


def _japanese_first(message: str) -> bool:
    """The part before " / " holds Japanese (hiragana, katakana or kanji)."""
    head = message.split(" / ")[0]
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in head)


# --- output paths ------------------------------------------------------------------------

@pytest.fixture
def hub(db_path, final_review, database):
    """A database with one finalised review of F001 (mini form) and one improvement action."""
    database.conn.execute("PRAGMA wal_checkpoint")
    return db_path


def test_report_into_a_missing_folder_is_refused_cleanly(hub, final_review, tmp_path, capsys):
    for which in (["--review", final_review.uuid], ["--all"]):
        code, _, err = _run(capsys, "report", "--db", hub, *which, "-o",
                            tmp_path / "nowhere" / "報告書.pdf")
        _clean_refusal(code, err, "nowhere", "保存先のフォルダがありません")
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("command", ["excel", "report", "excel-template", "progress-export"])
def test_output_that_is_a_folder_is_refused(command, hub, tmp_path, capsys):
    suffix = {"excel": ".xlsx", "report": ".pdf", "excel-template": ".xlsx",
              "progress-export": ".json"}[command]
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    argv = {"excel": ["excel", "--db", hub],
            "report": ["report", "--db", hub, "--all"],
            "excel-template": ["excel-template", "--form", Path(T.__file__).parents[2] / "tests"
                               / "data" / "forms" / "mini.yaml"],
            "progress-export": ["progress-export", "--db", hub, "--facility", "F001"]}[command]
    code, _, err = _run(capsys, *argv, "-o", folder)
    _clean_refusal(code, err, str(folder), "フォルダです")
    assert list(folder.iterdir()) == [] and list(tmp_path.glob("*.part")) == []


def test_unwritable_output_folder_is_refused_before_any_work(hub, tmp_path, capsys,
                                                             monkeypatch):
    from kanwa_review.commands import common

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(common.tempfile, "TemporaryFile", refuse)
    code, _, err = _run(capsys, "excel", "--db", hub, "-o", tmp_path / "集計表.xlsx")
    _clean_refusal(code, err, str(tmp_path), "書き込めません", "Permission denied")
    assert not (tmp_path / "集計表.xlsx").exists()


def test_disk_error_while_writing_is_a_message_naming_the_output(hub, final_review, tmp_path,
                                                                 capsys, monkeypatch):
    from kanwa_review.reports import feedback

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device", str(tmp_path / ".kanwa-tmp123"))
    monkeypatch.setattr(feedback, "write_report", disk_full)
    out = tmp_path / "報告書.pdf"
    code, _, err = _run(capsys, "report", "--db", hub, "--review", final_review.uuid, "-o", out)
    _clean_refusal(code, err, str(out), "No space left on device", "読み書きできません")
    assert ".kanwa-tmp123" not in err


def test_failed_report_leaves_no_half_written_pdf(services, final_review, tmp_path,
                                                  monkeypatch):
    from kanwa_review.reports import feedback

    real_new_document = feedback.new_document

    def breaking(out, **kw):
        doc = real_new_document(out, **kw)

        def build(_flow):
            Path(doc.filename).write_bytes(b"%PDF-1.4 half")
            raise OSError(28, "No space left on device")
        doc.build = build
        return doc
    monkeypatch.setattr(feedback, "new_document", breaking)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "報告書.pdf"
    with pytest.raises(OSError):
        services.write_report(final_review.uuid, out)
    assert list(out.parent.iterdir()) == []


def test_progress_json_export_that_fails_leaves_no_part_file(services, final_review, tmp_path):
    services.add_action("F001", "年度計画を文書化する")
    folder = tmp_path / "out" / "x.json"
    folder.mkdir(parents=True)
    with pytest.raises(OSError):
        services.export_progress("F001", folder)
    assert [p.name for p in folder.parent.iterdir()] == ["x.json"]


def test_broken_pipe_is_left_to_the_cli(capsys):
    @guard
    def printing(_args):
        raise BrokenPipeError(32, "Broken pipe")
    with pytest.raises(BrokenPipeError):
        printing(None)


# --- imports into a new database ----------------------------------------------------------

def test_rejected_imports_do_not_leave_a_new_empty_database(tmp_path, capsys):
    text = tmp_path / "本当はテキスト.xlsx"
    text.write_text("just text", encoding="utf-8")
    for argv in (["excel-import", "--db", tmp_path / "hub1.sqlite", text],
                 ["import", "--db", tmp_path / "hub2.sqlite", text]):
        code, _, err = _run(capsys, *argv)
        assert code == 1 and "Traceback" not in err and text.name in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [text.name]


def test_import_of_an_empty_folder_names_the_folder(tmp_path, capsys):
    empty = tmp_path / "受信箱"
    empty.mkdir()
    code, _, err = _run(capsys, "import", "--db", tmp_path / "hub.sqlite", empty)
    assert code == 1 and str(empty) in err and "ありません" in err
    assert not (tmp_path / "hub.sqlite").exists()


# --- Excel workbooks ------------------------------------------------------------------------

def test_workbook_refusals_are_japanese_first(tmp_path):
    text = tmp_path / "fake.xlsx"
    text.write_text("just text", encoding="utf-8")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    for path in (text, folder, tmp_path / "missing.xlsx"):
        with pytest.raises(WorkbookRefused) as info:
            check_workbook_file(path)
        message = str(info.value)
        assert message.startswith(str(path)) and _japanese_first(message.split(": ", 1)[1])


@pytest.fixture
def blank_mini(mini_form, services, tmp_path):
    with services.database.transaction():
        repo.ensure_form(services.database, mini_form)
    services.database.conn.execute("PRAGMA wal_checkpoint")
    return T.write_template(mini_form, tmp_path / "blank.xlsx")


def _filled(blank: Path, out: Path, cells: dict[str, object], text_cells=()) -> Path:
    """A draft workbook (no leader) of facility X001 with A-1 rated; `cells` overrides."""
    wb = load_workbook(blank)
    ws, head = wb[T.SHEET], wb[T.HEADER_SHEET]
    head[T.LAYOUT_2.cells["facility_code"]] = "X001"
    head[T.LAYOUT_2.cells["facility_name"]] = "架空県 検証病院"
    head[T.LAYOUT_2.cells["visit_date"]] = "2025-11-20"
    row = T.HEADER_ROW + 1
    ws[f"{T.COLUMNS['rating']}{row}"] = "B"
    for address, value in cells.items():
        ws[address] = value
    for address in text_cells:  # as Excel stores text typed after a ' (quote prefix)
        ws[address].data_type = "s"
        ws[address].quotePrefix = True
    wb.save(out)
    return out


def test_formula_without_saved_result_is_named_not_silently_dropped(blank_mini, db_path,
                                                                    tmp_path, capsys):
    comment = f"{T.COLUMNS['comment']}{T.HEADER_ROW + 1}"
    book = _filled(blank_mini, tmp_path / "formula.xlsx", {comment: "=1+1 コメント"})
    code, out, _ = _run(capsys, "excel-import", "--db", db_path, book, "--json")
    rec = json.loads(out)
    assert code == 1 and rec["status"] == "rejected"
    assert any(f"{T.SHEET}!{comment}" in e and "数式" in e for e in rec["errors"]), rec
    # the same text typed as text (Excel's quote prefix) is kept exactly
    book = _filled(blank_mini, tmp_path / "text.xlsx", {comment: "=1+1 コメント"}, [comment])
    code, out, _ = _run(capsys, "excel-import", "--db", db_path, book, "--json")
    rec = json.loads(out)
    assert code == 0 and rec["status"] == "imported", rec
    con = sqlite3.connect(db_path)
    stored = con.execute("SELECT comment FROM answers WHERE item_code = 'A-1'").fetchall()
    con.close()
    assert stored == [("=1+1 コメント",)]


def test_value_out_of_range_is_reported_in_japanese_with_the_range(blank_mini, db_path,
                                                                   tmp_path, capsys):
    b2 = T.HEADER_ROW + 1 + 5                          # mini form: B-2 integer, min 0
    cell = f"{T.COLUMNS['value']}{b2}"
    book = _filled(blank_mini, tmp_path / "range.xlsx", {cell: -3})
    code, out, _ = _run(capsys, "excel-import", "--db", db_path, book, "--json")
    rec = json.loads(out)
    assert code == 1
    [error] = [e for e in rec["errors"] if cell in e]
    assert error.endswith("B-2：-3 は範囲外です（0 以上） — 範囲内の値を入力してください（0 以上）")
    code, out, _ = _run(capsys, "--lang", "en", "excel-import", "--db", db_path, book, "--json")
    [error] = [e for e in json.loads(out)["errors"] if cell in e]
    assert error.endswith("B-2: -3 is out of range (at least 0) — enter a value within the range "
                          "(at least 0)")


def test_excel_import_messages_speak_one_language(blank_mini, db_path, tmp_path, capsys):
    book = _filled(blank_mini, tmp_path / "ok.xlsx", {})
    code, out, _ = _run(capsys, "excel-import", "--db", db_path, book)
    assert code == 0 and "取込 (imported)" in out and "第1版（下書き）" in out
    assert "draft" not in out
    bad = _filled(blank_mini, tmp_path / "bad.xlsx", {f"{T.COLUMNS['rating']}"
                                                      f"{T.HEADER_ROW + 1}": "B+"})
    code, _, err = _run(capsys, "excel-import", "--db", db_path, bad)
    assert code == 1 and "却下 (rejected)" in err and "何も取り込んでいません" in err
    assert "Fix the cells" not in err
    # the same in English (the language stays English for the rest of this process)
    again = _filled(blank_mini, tmp_path / "again.xlsx", {})
    code, out, err = _run(capsys, "--lang", "en", "excel-import", "--db", db_path, again)
    assert code == 0, err
    assert "revision 1 (draft)" in out and "下書き" not in out


# --- progress returns ---------------------------------------------------------------------

@pytest.fixture
def plan(services, final_review):
    a = services.add_action("F001", "年度計画を文書化する", due_date=date(2026, 3, 31),
                            origin_review_uuid=final_review.uuid,
                            created_at="2025-11-21T00:00:00+00:00")
    services.add_progress(a.uuid, "in_progress", "草案", at="2026-01-10T00:00:00+00:00")
    b = services.add_action("F001", "研修の案内を送る", created_at="2026-01-20T00:00:00+00:00")
    c = services.add_action("F001", "マニュアルを改訂する", created_at="2026-01-20T00:00:00+00:00")
    services.database.conn.execute("PRAGMA wal_checkpoint")
    return services.action(a.uuid), services.action(b.uuid), services.action(c.uuid)


def _fill_progress(path: Path, rows: dict[str, tuple]) -> Path:
    wb = load_workbook(path)
    ws = wb["Actions"]
    uuid_col = ACTION_HEADERS.index("改善計画ID") + 1
    for r in range(2, ws.max_row + 1):
        for k, v in enumerate(rows.get(ws.cell(r, uuid_col).value, ())):
            ws.cell(r, STATUS_COL + k).value = v
    wb.save(path)
    return path


def _progress_rows(db_path: Path) -> int:
    con = sqlite3.connect(db_path)
    try:
        return con.execute("SELECT count(*) FROM action_progress").fetchone()[0]
    finally:
        con.close()


def test_progress_import_reports_every_problem_in_one_round(plan, services, db_path, tmp_path,
                                                           capsys):
    a, b, c = plan
    book, _ = services.export_progress("F001", tmp_path / "F001.xlsx")
    _fill_progress(book, {a.uuid: ("未着手", "戻す", date(2026, 2, 1), "架空 次郎"),  # not allowed
                          b.uuid: ("完成", "状況が違う", date(2099, 1, 1), None),       # 2 problems
                          c.uuid: (None, "=1+1 改訂中", date(2026, 2, 1), None)})      # formula
    before = _progress_rows(db_path)
    code, out, _ = _run(capsys, "progress-import", "--db", db_path, book, "--json")
    rec = json.loads(out)
    assert code == 1 and rec["status"] == "rejected"
    row = {u: _row(book, u) for u in (a.uuid, b.uuid, c.uuid)}
    letters = {"status": "P", "note": "Q", "date": "R"}
    wanted = [f"Actions!{letters['status']}{row[b.uuid]}", f"Actions!{letters['date']}{row[b.uuid]}",
              f"Actions!{letters['note']}{row[c.uuid]}", f"Actions!{letters['status']}{row[a.uuid]}"]
    for place in wanted:
        assert any(place in e for e in rec["errors"]), (place, rec["errors"])
    assert any("数式" in e for e in rec["errors"]) and any("未来" in e for e in rec["errors"])
    assert _progress_rows(db_path) == before


def _row(book: Path, uuid: str) -> int:
    ws = load_workbook(book, read_only=True)["Actions"]
    for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
        if uuid in values:
            return n
    raise AssertionError(uuid)


def test_stale_report_is_listed_once_in_both_languages(plan, db_path, services, tmp_path,
                                                       capsys):
    a, _b, _c = plan
    book, _ = services.export_progress("F001", tmp_path / "F001.xlsx")
    _fill_progress(book, {a.uuid: (None, "古い報告", date(2026, 1, 5), None)})
    code, out, _ = _run(capsys, "progress-import", "--db", db_path, book)
    assert code == 0
    [line] = [ln for ln in out.splitlines() if "取り込みません" in ln and "Actions!" in ln]
    assert line.count("より新しい記録") == 1 and "その後に更新されています" in line
    assert "stale" not in line
    # in English (the language stays English for the rest of this process)
    code, out, _ = _run(capsys, "--lang", "en", "progress-import", "--db", db_path, book)
    assert code == 0
    [line] = [ln for ln in out.splitlines() if "stale" in ln and "Actions!" in ln]
    assert line.count("stale, skipped") == 1 and "updated later" in line
    assert "より新しい記録" not in line


# --- demo data ----------------------------------------------------------------------------

def test_demo_refuses_a_database_holding_real_facilities(hub, capsys):
    before = sqlite3.connect(hub).execute("SELECT count(*) FROM facilities").fetchone()[0]
    code, _, err = _run(capsys, "demo", "--db", hub, "--facilities", "1", "--years", "1")
    _clean_refusal(code, err, str(hub), "F001", "新しいファイル")
    assert sqlite3.connect(hub).execute("SELECT count(*) FROM facilities").fetchone()[0] == before


def test_progress_json_schema_errors_say_what_to_write(plan, services, db_path, tmp_path,
                                                       capsys):
    out, _ = services.export_progress("F001", tmp_path / "F001.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["actions"][0]["progress"].append({"at": "昨日", "status": "done"})
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, result, _ = _run(capsys, "progress-import", "--db", db_path, out, "--json")
    [error] = json.loads(result)["errors"]
    assert code == 1 and "progress[1].at" in error and "2026-02-01" in error
    assert "^[0-9]" not in error            # no regular expression shown to a clerk


def test_progress_import_into_a_locked_database_still_prints_its_json_line(
        plan, services, db_path, tmp_path, capsys, monkeypatch):
    import kanwa_review.store.database as store_database

    monkeypatch.setattr(store_database, "BUSY_TIMEOUT_MS", 50)
    a, _b, _c = plan
    book, _ = services.export_progress("F001", tmp_path / "F001.xlsx")
    _fill_progress(book, {a.uuid: ("完了", "承認された", date(2026, 2, 1), None)})
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = _run(capsys, "progress-import", "--db", db_path, book, "--json")
    finally:
        other.execute("ROLLBACK")
        other.close()
    rec = json.loads(out)
    assert code == 1 and rec["status"] == "rejected" and "使用中です" in rec["errors"][0]
    assert "Traceback" not in err
    assert services.action(a.uuid).status == "in_progress"


def test_report_of_an_unknown_review_is_bilingual_and_writes_nothing(hub, tmp_path, capsys):
    out = tmp_path / "報告書.pdf"
    code, _, err = _run(capsys, "report", "--db", hub, "--review", "nope", "-o", out)
    _clean_refusal(code, err, "nope", "ありません", "kanwa-review list")
    assert not out.exists()


def test_excel_return_given_to_excel_import_says_so_in_japanese(hub, tmp_path, capsys):
    ret = tmp_path / "集計表.xlsx"
    assert _run(capsys, "excel", "--db", hub, "-o", ret)[0] == 0
    code, out, _ = _run(capsys, "excel-import", "--db", hub, ret, "--json")
    [error] = json.loads(out)["errors"]
    assert code == 1 and "評価票ブックではありません" in error and "excel-template" in error


# --- a database of an older schema (after an app update) ----------------------------------

@pytest.fixture
def old_schema_db(tmp_path):
    from kanwa_review.store import open_database

    path = tmp_path / "old" / "hub.sqlite"
    path.parent.mkdir()
    open_database(path, migrate_to=3).close()
    return path


def test_backup_of_an_older_schema_copies_it_unchanged(old_schema_db, tmp_path, capsys):
    out = tmp_path / "before-update.sqlite"
    code, _, err = _run(capsys, "backup", "--db", old_schema_db, "-o", out)
    assert code == 0, err
    for path in (out, old_schema_db):
        con = sqlite3.connect(path)
        assert con.execute("PRAGMA user_version").fetchone()[0] == 3
        con.close()


def test_read_commands_upgrade_an_older_schema_after_a_backup(old_schema_db, tmp_path, capsys):
    from kanwa_review import paths
    from kanwa_review.store import migrations

    code, out, err = _run(capsys, "list", "--db", old_schema_db, "--json")
    assert code == 0 and json.loads(out) == [], err
    assert "形式 3 → " in err and "バックアップ" in err
    con = sqlite3.connect(old_schema_db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    con.close()
    [saved] = paths.backups_dir().glob("hub-*.sqlite")
    con = sqlite3.connect(saved)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 3
    con.close()
    code, _, err = _run(capsys, "list", "--db", old_schema_db)
    assert code == 0 and err == ""              # upgraded once, quiet afterwards


@pytest.mark.parametrize("argv", [["demo", "--db", "{tmp}/x.sqlite", "--facilities", "0"],
                                  ["demo", "--db", "{tmp}/x.sqlite", "--years", "99"],
                                  ["excel", "--db", "{tmp}/x.sqlite", "-o", "{tmp}/x.xlsx",
                                   "--fiscal-year", "1999"]])
def test_numbers_out_of_range_are_usage_errors(argv, tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main([a.format(tmp=tmp_path) for a in argv])
    err = capsys.readouterr().err
    assert info.value.code == 2 and "の範囲で指定してください" in err
    assert "must be between" not in err         # one language at a time (tests run in Japanese)
    assert list(tmp_path.iterdir()) == []


def test_progress_import_of_a_folder_says_it_is_a_folder(hub, tmp_path, capsys):
    folder = tmp_path / "返送"
    folder.mkdir()
    code, out, _ = _run(capsys, "progress-import", "--db", hub, folder, "--json")
    [error] = json.loads(out)["errors"]
    assert code == 1 and error.startswith(str(folder)) and "フォルダです" in error


def test_quoted_tilde_in_the_output_means_the_home_folder(hub, tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    code, out, err = _run(capsys, "excel", "--db", hub, "-o", "~/集計表.xlsx")
    assert code == 0, err
    assert (home / "集計表.xlsx").is_file() and str(home / "集計表.xlsx") in out


def test_a_folder_over_the_file_limit_is_refused_not_cut(tmp_path, capsys, monkeypatch):
    import kanwa_review.exchange.importer as importer

    monkeypatch.setattr(importer, "MAX_FOLDER_FILES", 2)
    inbox = tmp_path / "受信箱"
    inbox.mkdir()
    for n in range(3):
        (inbox / f"r{n}.kanwa").write_bytes(b"x")
    code, _, err = _run(capsys, "import", "--db", tmp_path / "hub.sqlite", inbox)
    assert code == 1 and str(inbox) in err and "分けて" in err
    assert not (tmp_path / "hub.sqlite").exists()
