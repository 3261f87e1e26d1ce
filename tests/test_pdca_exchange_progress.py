"""Progress returns (進捗の報告) back into the hub: the Actions sheet filled in by the visited
hospital, or a JSON progress file. Applied reports update status and notes with an audit
entry; older reports are skipped as stale; an invalid file changes nothing; re-import is a
no-op."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kanwa_review.exchange.excel_return import ACTION_HEADERS, PROGRESS_HEADERS
from tests.db_support import db_snapshot as _snapshot

STATUS_COL = len(ACTION_HEADERS) + 1          # 新しい状況（記入）, then note, date, author


@pytest.fixture
def plan(services, final_review):
    """Two actions of F001 last updated in January 2026, one of F002."""
    services.create_facility("F002", "架空市民病院", "架空県", "regional")
    a = services.add_action("F001", "年度計画を文書化する", due_date=date(2026, 3, 31),
                            origin_review_uuid=final_review.uuid,
                            created_at="2025-11-21T00:00:00+00:00")
    services.add_progress(a.uuid, "in_progress", "草案", at="2026-01-10T00:00:00+00:00")
    b = services.add_action("F001", "研修の案内を送る", created_at="2026-01-20T00:00:00+00:00")
    c = services.add_action("F002", "他施設の計画", created_at="2025-11-21T00:00:00+00:00")
    return services.action(a.uuid), services.action(b.uuid), c


def _frozen(services):
    services.database.conn.execute("PRAGMA wal_checkpoint")
    return _snapshot(services.database.path)


def _fill(path: Path, rows: dict[str, tuple]) -> Path:
    """Fill the input columns of the Actions sheet: {action uuid: (status, note, date, who)}."""
    wb = load_workbook(path)
    ws = wb["Actions"]
    uuid_col = ACTION_HEADERS.index("改善計画ID") + 1
    for r in range(2, ws.max_row + 1):
        values = rows.get(ws.cell(r, uuid_col).value)
        if values:
            for k, v in enumerate(values):
                ws.cell(r, STATUS_COL + k).value = v
    wb.save(path)
    return path


def _row_of(path: Path, uuid: str) -> int:
    ws = load_workbook(path, read_only=True)["Actions"]
    for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if uuid in row:
            return n
    raise AssertionError(uuid)


def test_excel_progress_is_applied_audited_and_reimport_is_a_no_op(services, plan, tmp_path):
    a, b, _c = plan
    out, count = services.export_progress("F001", tmp_path / "F001.xlsx")
    assert count == 2
    _fill(out, {a.uuid: ("完了", "計画書が承認された", date(2026, 2, 1), "架空 次郎"),
                b.uuid: (None, "案内文を作成中", datetime(2026, 2, 3, 10, 30), None)})
    result = services.import_progress(out)
    assert result.status == "imported" and result.errors == [] and len(result.applied) == 2
    done = services.action(a.uuid)
    assert done.status == "done"
    note = done.progress[-1]
    assert (note.status, note.note, note.author) == ("done", "計画書が承認された", "架空 次郎")
    assert note.at.startswith("2026-02-01T14:59:59")            # end of that day in Japan
    kept = services.action(b.uuid)
    assert kept.status == "not_started" and kept.progress[-1].note == "案内文を作成中"
    assert kept.progress[-1].at.startswith("2026-02-03T01:30")   # 10:30 Japan time
    assert any(e["action"] == "progress" for e in services.action_audit_trail(a.uuid))
    assert services.database.query(
        "SELECT count(*) AS n FROM audit WHERE entity = 'progress_import'")[0]["n"] == 1

    before = _frozen(services)
    again = services.import_progress(out)
    assert again.status == "unchanged" and len(again.unchanged) == 2 and again.stale == []
    assert _frozen(services) == before


def test_excel_report_older_than_the_stored_state_is_stale_skipped(services, plan, tmp_path):
    a, b, _c = plan
    out, _n = services.export_progress("F001", tmp_path / "F001.xlsx")
    _fill(out, {a.uuid: ("完了", "古い報告", date(2026, 1, 5), None),      # before 2026-01-10
                b.uuid: ("進行中", "着手した", date(2026, 2, 1), None)})
    result = services.import_progress(out)
    assert result.status == "imported" and len(result.applied) == 1
    assert len(result.stale) == 1 and "より新しい記録があるため取り込みません" in result.stale[0]
    assert f"Actions!P{_row_of(out, a.uuid)}" in result.stale[0]
    assert services.action(a.uuid).status == "in_progress"
    assert services.action(b.uuid).status == "in_progress"
    assert result.to_json()["stale"] == result.stale


@pytest.mark.parametrize("bad, column, words", [
    (("済み", "x", date(2026, 2, 1), None), "P", ["未着手・進行中・完了・見送り", "状況「済み」"]),
    (("完了", "x", "来週", None), "R", ["日付ではありません", "2026-02-01"]),
    (("完了", "x", None, None), "R", ["進捗日を記入", "例: 2026-02-01"]),
    (("完了", "x", date(2099, 1, 1), None), "R", ["未来", "確かめて"]),
    ((None, None, date(2026, 2, 1), None), "P", ["新しい状況か進捗メモ", "行を空に"]),
])
def test_invalid_excel_row_rejects_the_whole_file(services, plan, tmp_path, bad, column, words):
    a, b, _c = plan
    out, _n = services.export_progress("F001", tmp_path / "F001.xlsx")
    _fill(out, {a.uuid: ("完了", "正しい行", date(2026, 2, 1), None), b.uuid: bad})
    before = _frozen(services)
    result = services.import_progress(out)
    assert result.status == "rejected" and result.applied == []
    text = "\n".join(result.errors)
    assert f"{out} › Actions!{column}{_row_of(out, b.uuid)}" in text, text
    for w in words:
        assert w in text, text
    assert _frozen(services) == before                 # the valid row was not applied either


def test_refused_status_change_rolls_the_file_back(services, plan, tmp_path):
    a, b, _c = plan
    services.add_progress(a.uuid, "done", "", at="2026-01-15T00:00:00+00:00")
    out, _n = services.export_progress("F001", tmp_path / "F001.xlsx")
    _fill(out, {b.uuid: ("進行中", "着手", date(2026, 2, 1), None),
                a.uuid: ("未着手", "やり直し", date(2026, 2, 2), None)})   # done → not started
    before = _frozen(services)
    result = services.import_progress(out)
    assert result.status == "rejected" and "完了" in result.errors[0] and "未着手" in result.errors[0]
    assert _frozen(services) == before


def test_workbook_problems_name_the_place(services, plan, tmp_path):
    _a, _b, c = plan
    out, _n = services.export_progress("F001", tmp_path / "F001.xlsx")
    wb = load_workbook(out)
    ws = wb["Actions"]
    ws.cell(2, ACTION_HEADERS.index("改善計画ID") + 1).value = c.uuid     # row copied from F002
    ws.cell(2, STATUS_COL).value = "完了"
    ws.cell(2, STATUS_COL + 2).value = date(2026, 2, 1)
    wb.save(out)
    result = services.import_progress(out)
    assert result.status == "rejected" and "Actions!A2" in result.errors[0]
    assert "F002" in result.errors[0]

    ws.cell(1, STATUS_COL).value = "状況"                                   # renamed header
    wb.save(out)
    result = services.import_progress(out)
    assert result.status == "rejected" and "1行目" in result.errors[0]
    assert PROGRESS_HEADERS[0] in result.errors[0]

    text = tmp_path / "notes.txt"
    text.write_text("not a workbook")
    assert "xlsx" in services.import_progress(text).errors[0]
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a zip")
    assert services.import_progress(fake).status == "rejected"


def test_the_prefectural_return_is_no_progress_return(services, plan, tmp_path):
    """The return's 改善計画 sheet is for reading (no input columns): given to progress-import
    it is refused with the way to the hospital's own progress workbook, and nothing changes."""
    a, _b, _c = plan
    out = tmp_path / "return.xlsx"
    services.export_return(out)
    before = services.action(a.uuid)
    result = services.import_progress(out)
    assert result.status == "rejected"
    [error] = result.errors
    assert "都道府県向け集計表の改善計画シート" in error and "progress-export" in error
    assert services.action(a.uuid) == before


# --- JSON progress files ------------------------------------------------------------------

def _export_json(services, tmp_path):
    out, _n = services.export_progress("F001", tmp_path / "F001.json")
    return out, json.loads(out.read_text(encoding="utf-8"))


def _write(path, doc):
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_progress_round_trip(services, plan, tmp_path):
    a, b, _c = plan
    out, doc = _export_json(services, tmp_path)
    assert doc["format"] == "kanwa-progress" and doc["facility"]["code"] == "F001"
    assert [x["uuid"] for x in doc["actions"]] == [a.uuid, b.uuid]
    assert services.import_progress(out).status == "unchanged"   # as exported: nothing new
    entry = doc["actions"][0]
    entry["progress"].append({"at": "2026-02-01T10:00:00+09:00", "status": "完了",
                              "note": "承認済み", "author": "架空 次郎"})
    entry["progress"].append({"at": "2026-01-02T10:00:00+09:00", "status": "in_progress",
                              "note": "古いメモ"})
    result = services.import_progress(_write(out, doc))
    assert result.status == "imported" and len(result.applied) == 1
    assert result.stale and "actions[0].progress[2]" in result.stale[0]
    held = services.action(a.uuid)
    assert held.status == "done" and held.progress[-1].note == "承認済み"
    assert held.progress[-1].at == "2026-02-01T01:00:00.000+00:00"
    before = _frozen(services)
    assert services.import_progress(out).status == "unchanged"
    assert _frozen(services) == before


@pytest.mark.parametrize("change, words", [
    (lambda d: d["actions"][0]["progress"].append({"at": "2026-02-01", "status": "finished"}),
     ["actions[0].progress[1].status", "'finished' は使えません"]),
    (lambda d: d["actions"][0].update(uuid="0" * 8 + "-0000-4000-8000-" + "0" * 12),
     ["actions[0].uuid", "このデータベースにありません"]),
    (lambda d: d.update(format_version=2), ["アプリを更新", "新しい形式（第2版）"]),
    (lambda d: d["actions"][0]["progress"].append({"at": "2099-01-01", "status": "done"}),
     ["actions[0].progress[1].at", "未来"]),
    (lambda d: d.update(extra=1), ["(top)", "この形式にない項目 extra"]),
])
def test_invalid_json_progress_changes_nothing(services, plan, tmp_path, change, words):
    out, doc = _export_json(services, tmp_path)
    doc["actions"][1]["progress"].append({"at": "2026-02-01", "status": "in_progress",
                                          "note": "正しい報告"})
    change(doc)
    before = _frozen(services)
    result = services.import_progress(_write(out, doc))
    text = "\n".join(result.errors)
    assert result.status == "rejected" and str(out) in text
    for w in words:
        assert w in text, text
    assert _frozen(services) == before


def test_json_of_another_facility_is_refused(services, plan, tmp_path):
    _a, _b, c = plan
    out, doc = _export_json(services, tmp_path)
    doc["actions"][0]["uuid"] = c.uuid
    doc["actions"][0]["progress"].append({"at": "2026-02-01", "status": "done"})
    result = services.import_progress(_write(out, doc))
    assert result.status == "rejected" and "F002" in result.errors[0]


def test_cli_progress_export_and_import(services, plan, db_path, tmp_path, capsys):
    from kanwa_review.cli import main
    _a, _b, _c = plan
    services.database.close()
    out = tmp_path / "p.json"
    assert main(["progress-export", "--db", str(db_path), "--facility", "F001", "-o",
                 str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["actions"][0]["progress"].append({"at": "2026-02-01", "status": "done", "note": "済"})
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["progress-import", "--db", str(db_path), str(out), "--json"]) == 0
    line = json.loads(capsys.readouterr().out.strip())
    assert (line["status"], line["applied"], line["stale"]) == ("imported", 1, [])
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["progress-import", "--db", str(db_path), str(bad)]) == 1
    assert "JSON" in capsys.readouterr().err
    assert main(["progress-export", "--db", str(db_path), "--facility", "NOPE", "-o",
                 str(tmp_path / "x.json")]) == 1
    assert main(["progress-export", "--db", str(db_path), "--facility", "F001", "-o",
                 str(tmp_path / "x.txt")]) == 1


def test_hostile_workbook_is_refused_before_parsing(services, plan, tmp_path):
    """An entity declaration (XML bomb) in the Actions sheet is refused by the safe opener."""
    import zipfile
    out, _n = services.export_progress("F001", tmp_path / "F001.xlsx")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(bomb, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b"<worksheet", b'<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet',
                                    1)
            zout.writestr(info, data)
    before = _frozen(services)
    result = services.import_progress(bomb)
    assert result.status == "rejected" and "XML 爆弾" in result.errors[0]
    assert str(bomb) in result.errors[0]
    assert _frozen(services) == before


def test_json_dates_follow_the_same_rule_as_the_sheet(services, plan, tmp_path):
    _a, b, _c = plan
    out, doc = _export_json(services, tmp_path)
    doc["actions"][1]["progress"] += [{"at": "2026-02-01", "status": "in_progress", "note": "日付のみ"},
                                      {"at": "2026-02-02T09:00:00", "status": "done", "note": "時刻のみ"}]
    result = services.import_progress(_write(out, doc))
    assert result.status == "imported" and len(result.applied) == 2
    notes = {p.note: p.at for p in services.action(b.uuid).progress}
    assert notes["日付のみ"] == "2026-02-01T14:59:59.999+00:00"     # end of the day in Japan
    assert notes["時刻のみ"] == "2026-02-02T00:00:00.000+00:00"     # 09:00 Japan time
