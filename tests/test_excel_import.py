"""The blank checklist workbook and importing a filled one (issues 6 and 14): structure (a
header sheet, one frozen header row and code column, grade definitions, a はい/いいえ row per
option, 未集計), the round trip template → filled → imported → exported, every crafted bad
workbook, hostile files, and a workbook of the old layout still importing."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from kanwa_review.cli import main
from kanwa_review.exchange import excel_template as T
from kanwa_review.exchange.excel_import import parse_workbook
from kanwa_review.exchange.excel_safety import (
    MAX_WORKBOOK_BYTES,
    WorkbookRefused,
    set_text,
)
from kanwa_review.store import repository as repo
from tests.conftest import DATA
from tests.data.excel import make_bad_workbooks as bad

TABLES = ("facilities", "reviews", "answers", "team_members", "findings", "audit", "forms")


@pytest.fixture(scope="session")
def crafted(tmp_path_factory):
    """The crafted workbooks, regenerated for the mini form of this checkout."""
    return bad.make_all(tmp_path_factory.mktemp("crafted"))


@pytest.fixture
def knows_mini(services, mini_form):
    with services.database.transaction():
        repo.ensure_form(services.database, mini_form)
    return services


def _counts(database) -> dict[str, int]:
    return {t: database.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in TABLES}


def _lists(wb, ws) -> dict[str, list[str]]:
    """Drop-down lists of a sheet: cell range -> the values offered."""
    meta = wb[T.META_SHEET]
    out = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list":
            col = dv.formula1.split("!")[1].split(":")[0].replace("$", "")
            values = [meta[f"{col[0]}{r}"].value for r in range(1, 12)]
            for rng in dv.sqref.ranges:
                out[str(rng)] = [v for v in values if v]
    return out


def test_template_structure(mini_form, tmp_path):
    out = T.write_template(mini_form, tmp_path / "blank.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == [T.HEADER_SHEET, T.SHEET, T.META_SHEET]
    meta = wb[T.META_SHEET]
    assert meta.sheet_state == "veryHidden"
    assert {meta[f"A{r}"].value: meta[f"B{r}"].value for r in range(1, 5)} == {
        "format": T.TEMPLATE_FORMAT, "form_id": "mini-test", "form_version": "1",
        "form_hash": mini_form.sha256}
    assert T.TEMPLATE_FORMAT == "kanwa-excel-template/2"
    assert wb.security.lockStructure
    head = wb[T.HEADER_SHEET]
    assert head.protection.sheet and not head.freeze_panes
    cells = T.LAYOUT_2.cells
    for key in ("facility_code", "visit_date", "overall_comment", "schedule", "plan_due"):
        assert not head[cells[key]].protection.locked, key
    assert head["A30"].value.startswith("総評")
    ws = wb[T.SHEET]
    assert ws.protection.sheet
    header = [ws[f"{c}1"].value for c in T.COLUMNS.values()]
    assert header[:3] == ["項目コード", "区分", "評価項目"] and header[-1] == "コメント"
    # a laptop keeps its rows: only the header row and the code column are frozen
    assert ws.freeze_panes == "B2"
    codes = [ws[f"A{r}"].value for r in range(2, 14)]
    assert codes == [i.code for i in mini_form.items()] + ["B-6", "B-6"]
    assert [ws[f"C{r}"].value for r in (12, 13)] == ["　└ 外来", "　└ 病棟"]
    # input cells unlocked, fixed text locked
    assert not ws["G2"].protection.locked and not ws["F2"].protection.locked
    assert ws["C2"].protection.locked and ws["H2"].protection.locked
    assert ws["H11"].protection.locked and not ws["H12"].protection.locked   # B-6 by option
    lists = _lists(wb, ws)
    assert any("G2" in k for k in lists) and ["A", "B", "C", "D", "NA"] in lists.values()
    assert ["はい", "いいえ"] in lists.values()
    assert any("H12" in k and v == ["はい", "いいえ"] for k, v in lists.items())
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert ws.oddFooter.center.text == "&P / &N"
    assert not ws.merged_cells.ranges


def test_template_prints_grade_definitions_and_offers_未集計(real_form, tmp_path):
    wb = load_workbook(T.write_template(real_form, tmp_path / "real.xlsx"))
    ws = wb[T.SHEET]
    rows = {ws[f"A{r}"].value: r for r in range(ws.max_row, 1, -1)}   # an item's first row
    a1 = ws[f"D{rows['A-1']}"].value
    assert a1.startswith(real_form.item("A-1").guidance.ja) and "【評価の基準】" in a1
    for code, text in real_form.grade_definitions("A-1"):
        assert f"{code}: {text}" in a1                       # every grade, B included
    b9 = rows["B-9"]
    assert "未集計" in ws[f"E{b9}"].value and not ws[f"H{b9}"].protection.locked
    assert any(f"H{b9}" in k and v == ["未集計"] for k, v in _lists(wb, ws).items())
    b2 = rows["B-2"]
    options = [ws[f"C{r}"].value for r in range(b2 + 1, b2 + 1 + len(real_form.item("B-2").choices))]
    assert options == [T.option_text(c.label.ja) for c in real_form.item("B-2").choices]


def test_round_trip_template_filled_imported_exported(knows_mini, mini_form, tmp_path):
    services = knows_mini
    blank = T.write_template(mini_form, tmp_path / "blank.xlsx")
    bad.fill(blank, bad.VALID)  # the team fills it in (here with openpyxl)
    wb = load_workbook(blank)
    # a comment typed as text ('=SUM(1,2) in Excel) that looks like a formula stays text
    set_text(wb[T.SHEET]["M2"], "=SUM(1,2)")
    wb.save(blank)
    result = services.import_workbook(blank)
    assert result.status == "imported", result.errors
    assert result.final and result.revision == 1
    data = services.load(result.review)
    r = data.review
    assert (r.facility_code, r.visit_date, r.status, r.finalised_by) == (
        "F001", date(2025, 11, 20), "final", "山田 花子")
    assert [(m.name, m.role, m.profession) for m in r.team] == [
        ("山田 花子", "leader", "physician"), ("鈴木 一郎", "member", "nurse")]
    # 総評, the visit overview and the plan dates from the header sheet
    assert r.overall_comment == "委員会を中心に体制が整っている。計画の文書化が課題である。"
    assert r.overview.schedule == "13:00 開会\n13:15 資料確認"
    assert (r.overview.interviewees, r.overview.documents, r.overview.departments) == (
        "緩和ケアセンター長", "委員会規程", "緩和ケア病棟")
    assert (r.plan_due, r.follow_up) == (date(2025, 12, 20), date(2026, 5, 20))
    a = data.answers
    assert (a["A-1"].rating, a["A-1"].self_rating, a["A-1"].evidence) == ("A", "A", "委員会規程")
    assert a["A-1"].comment == "=SUM(1,2)"
    assert a["A-3"].value is True and a["A-4"].value == "生活のしやすさに関する質問票"
    assert a["B-1"].value == {"numerator": 45, "denominator": 60}
    assert a["B-2"].value == 120 and a["B-2"].period == "2025年度"
    assert a["B-3"].value == "dedicated" and a["B-4"].rating == "B"
    assert a["B-5"].value == "2024-10-01" and a["B-6"].value == ["outpatient", "ward"]
    # audited like typed answers
    assert any(e["entity"] == "answer" and e["key"] == "B-1" for e in services.audit_trail(r.uuid))
    f = services.facilities()[0]
    assert (f.code, f.name, f.prefecture, f.category) == ("F001", "架空県立がんセンター", "架空県",
                                                          "prefectural")
    assert any("新しく登録しました" in w and "F001" in w for w in result.warnings)

    out = tmp_path / "return.xlsx"
    services.export_return(out)
    back = load_workbook(out)
    items = list(back["項目別評価"].iter_rows(values_only=True))
    row = dict(zip(items[0], items[1]))
    assert (row["施設コード"], row["A-1"], row["A-2"], row["B-3"]) == ("F001", "A", "C", "専従")
    assert row["B-1"] == pytest.approx(0.75)
    long = list(back["項目別評価（縦）"].iter_rows())
    head = [c.value for c in long[0]]
    a1 = next(r for r in long if r[head.index("項目コード")].value == "A-1")
    assert a1[head.index("コメント")].value == "=SUM(1,2)"
    assert a1[head.index("コメント")].data_type == "s"

    # the same workbook again: unchanged, nothing written
    before = _counts(services.database)
    again = services.import_workbook(blank)
    assert (again.status, again.review, again.revision) == ("unchanged", r.uuid, 1)
    assert _counts(services.database) == before

    # a corrected workbook for the same visit: the next revision supersedes the first
    bad.fill(blank, {"G9": "A", "H12": "いいえ"})
    newer = services.import_workbook(blank)
    assert (newer.status, newer.review, newer.revision, newer.final) == (
        "superseded", r.uuid, 2, True)
    assert services.load(r.uuid).answers["B-4"].rating == "A"
    assert services.load(r.uuid).answers["B-6"].value == ["ward"]
    assert services.load(r.uuid, 1).answers["B-4"].rating == "B"  # history kept


def test_a_workbook_of_the_old_layout_still_imports(knows_mini, tmp_path):
    """Layout 1 (before 2026.2: header block above the items, multiple choices typed as
    「外来、病棟」): read as before; with no place for 総評, a leader's workbook arrives as a
    draft to finish in the app, and says so."""
    old = shutil.copy(DATA / "excel" / "layout1" / "valid_mini_layout1.xlsx",
                      tmp_path / "old.xlsx")
    result = knows_mini.import_workbook(old)
    assert result.status == "imported" and not result.final, result.errors
    assert any("旧様式" in w and "下書き" in w for w in result.warnings)
    data = knows_mini.load(result.review)
    assert data.review.status == "draft" and data.review.leader.name == "山田 花子"
    assert data.answers["B-6"].value == ["outpatient", "ward"]
    assert data.answers["A-1"].rating == "A" and data.answers["B-1"].value == {
        "numerator": 45, "denominator": 60}
    knows_mini.set_overall_comment(result.review, "アプリで記入した総評")
    knows_mini.finalise(result.review, "山田 花子")          # finished in the app
    assert knows_mini.review(result.review).is_final


def test_old_layout_problems_name_the_old_cells(knows_mini, tmp_path):
    old = shutil.copy(DATA / "excel" / "layout1" / "valid_mini_layout1.xlsx",
                      tmp_path / "old.xlsx")
    wb = load_workbook(old)
    wb[T.SHEET]["G24"] = "B+"
    wb[T.SHEET]["C9"] = "来週"
    wb.save(old)
    result = knows_mini.import_workbook(old)
    assert result.status == "rejected"
    assert any("評価票!G24:" in e for e in result.errors)
    assert any("評価票!C9:" in e for e in result.errors)


def test_no_leader_imports_a_draft(knows_mini, crafted, tmp_path):
    p = tmp_path / "draft.xlsx"
    shutil.copy(crafted["valid_mini.xlsx"], p)
    # an incomplete draft is fine: C without comment, B-1 missing, no 総評
    bad.fill(p, {"基本情報!B13": "評価者", "M3": None, "I6": None, "J6": None,
                 "基本情報!C30": None})
    result = knows_mini.import_workbook(p)
    assert result.status == "imported" and not result.final, result.errors
    assert knows_mini.review(result.review).status == "draft"


@pytest.mark.parametrize("name", sorted(bad.BAD_CASES))
def test_bad_workbook_names_sheet_and_cell(knows_mini, crafted, name):
    before = _counts(knows_mini.database)
    result = knows_mini.import_workbook(crafted[name])
    assert result.status == "rejected"
    cell = bad.qualified(bad.BAD_CASES[name][1])
    assert any(f"{cell}:" in e for e in result.errors), result.errors
    assert all(" — " in e for e in result.errors)  # every problem carries its fix
    assert _counts(knows_mini.database) == before


@pytest.mark.parametrize("name, cell, words", [
    ("row_deleted.xlsx", "評価票!A7", "B-2"),
    ("rows_reordered.xlsx", "評価票!A2", "A-1"),
    ("wrong_form_version.xlsx", "基本情報!C2", "第0.9版"),
])
def test_structure_faults(knows_mini, crafted, name, cell, words):
    before = _counts(knows_mini.database)
    result = knows_mini.import_workbook(crafted[name])
    assert result.status == "rejected"
    assert any(f"{cell}:" in e and words in e for e in result.errors), result.errors
    assert _counts(knows_mini.database) == before


def test_every_problem_is_reported_at_once(knows_mini, crafted, tmp_path):
    p = tmp_path / "many.xlsx"
    shutil.copy(crafted["valid_mini.xlsx"], p)
    bad.fill(p, {"基本情報!C10": "someday", "G2": "B+", "I6": 99, "H7": "x",
                 "基本情報!E14": "宇宙飛行士", "基本情報!C27": "来月"})
    result = knows_mini.import_workbook(p)
    # each error reads "FILE: シート!セル: what — fix"
    assert {"基本情報!C10", "評価票!G2", "評価票!I6", "評価票!H7", "基本情報!E14",
            "基本情報!C27"} <= {e.split(": ")[1] for e in result.errors}, result.errors


def test_every_problem_and_its_fix_in_english(knows_mini, crafted, tmp_path, monkeypatch):
    """In English each problem and its fix are English: the Japanese left is the workbook's own
    (its sheet names, the values typed, the choices its lists offer)."""
    import re

    from kanwa_review.core import i18n
    from kanwa_review.core.review import PROFESSIONS

    p = tmp_path / "many.xlsx"
    shutil.copy(crafted["valid_mini.xlsx"], p)
    bad.fill(p, {"基本情報!C10": "someday", "G2": "B+", "I6": 99, "H7": "x",
                 "基本情報!E14": "宇宙飛行士", "基本情報!C27": "来月"})
    monkeypatch.setattr(i18n, "_language", "en")
    errors = knows_mini.import_workbook(p).errors
    assert len(errors) >= 6
    workbook_words = ["基本情報", "評価票", "宇宙飛行士", "来月", "はい", "いいえ",
                      *PROFESSIONS.values(), *T.DETAIL_LABELS.values()]
    for error in errors:
        shown = error
        for word in sorted(workbook_words, key=len, reverse=True):
            shown = shown.replace(word, "")
        assert not re.search(r"[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff60]", shown), error
        assert " — " in error and re.search(r" — [a-z]", error), error


def test_xml_bomb_is_refused(knows_mini, crafted):
    bomb = crafted["xml_bomb.xlsx"]
    # openpyxl itself refuses it because defusedxml is installed …
    with pytest.raises(ValueError, match="Unable to read workbook") as info:
        load_workbook(bomb, read_only=True)
    chain, exc = [], info.value
    while exc is not None:
        chain.append(type(exc).__name__)
        exc = exc.__cause__ or exc.__context__
    assert "EntitiesForbidden" in chain
    # … and the importer refuses it before parsing, naming the part
    before = _counts(knows_mini.database)
    result = knows_mini.import_workbook(bomb)
    assert result.status == "rejected"
    assert "xl/worksheets/sheet1.xml" in result.errors[0] and "XML" in result.errors[0]
    assert _counts(knows_mini.database) == before


def test_committed_hostile_files_are_refused():
    for name in ("xml_bomb.xlsx", "not_a_workbook.xlsx"):
        with pytest.raises(WorkbookRefused):
            parse_workbook(DATA / "excel" / name, forms=[])


def test_size_cap_and_not_a_workbook(knows_mini, tmp_path):
    big = tmp_path / "big.xlsx"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
        zf.writestr("xl/workbook.xml", "<x/>")
        zf.writestr("filler.bin", b"\0" * (MAX_WORKBOOK_BYTES + 1))
    result = knows_mini.import_workbook(big)
    assert result.status == "rejected" and "上限" in result.errors[0]
    for content, words in ((b"not a zip", "ZIP 形式ではない"), (b"", "ZIP 形式ではない")):
        p = tmp_path / "x.xlsx"
        p.write_bytes(content)
        assert words in knows_mini.import_workbook(p).errors[0]
    ods = tmp_path / "other.xlsx"
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert "xl/workbook.xml" in knows_mini.import_workbook(ods).errors[0]
    plain = tmp_path / "plain.xlsx"  # a real workbook, but not one of ours
    from openpyxl import Workbook
    Workbook().save(plain)
    assert "kanwa-review の評価票ブックではありません" in knows_mini.import_workbook(plain).errors[0]


def test_cli_template_and_import(db_path, crafted, tmp_path, capsys):
    out = tmp_path / "blank.xlsx"
    assert main(["excel-template", "--form", str(DATA / "forms" / "mini.yaml"),
                 "-o", str(out)]) == 0
    assert out.exists() and "項目 10" in capsys.readouterr().out
    # a fresh database does not know the mini test form: refused with the fix
    assert main(["excel-import", "--db", str(db_path), str(crafted["valid_mini.xlsx"]),
                 "--json"]) == 1
    rec = json.loads(capsys.readouterr().out)
    assert rec["status"] == "rejected" and "excel-template" in rec["errors"][0]
    from kanwa_review.core.form import load_form
    from kanwa_review.store import open_database
    db = open_database(db_path)
    with db.transaction():
        repo.ensure_form(db, load_form(DATA / "forms" / "mini.yaml"))
    db.close()
    assert main(["excel-import", "--db", str(db_path), str(crafted["valid_mini.xlsx"]),
                 "--json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert set(rec) >= {"file", "status", "review", "revision", "errors"}
    assert (rec["status"], rec["revision"], rec["errors"]) == ("imported", 1, [])
    assert main(["excel-import", "--db", str(db_path), str(crafted["bad_rating.xlsx"])]) == 1
    err = capsys.readouterr().err
    assert "評価票!G2" in err and "rejected" in err


def test_real_form_template_round_trip(real_form, tmp_path, services):
    """The shipped form: a complete workbook imports as a final review."""
    blank = T.write_template(real_form, tmp_path / "blank.xlsx")
    wb = load_workbook(blank)
    head, ws = wb[T.HEADER_SHEET], wb[T.SHEET]
    cells = T.LAYOUT_2.cells
    head[cells["facility_code"]], head[cells["facility_name"]] = "K100", "架空県 桜川中央病院"
    head[cells["visit_date"]] = datetime(2025, 10, 2)
    head["B13"], head["C13"], head["E13"] = "リーダー", "佐藤 由美", "看護師"
    head[cells["overall_comment"]] = "体制は概ね整っている。"
    row = T.LAYOUT_2.first_item_row
    for item in real_form.items():
        if item.type == "rating":
            ws[f"G{row}"] = "B"
        elif item.type == "yes_no":
            ws[f"H{row}"] = "はい"
        elif item.type == "percentage":
            ws[f"I{row}"], ws[f"J{row}"], ws[f"K{row}"] = 40, 50, "2025年4月〜9月"
            if item.allow_not_collected:
                ws[f"I{row}"] = ws[f"J{row}"] = None
                ws[f"H{row}"] = "未集計"
        elif item.type in ("integer", "number"):
            ws[f"H{row}"], ws[f"K{row}"] = max(1, int(item.min or 0)), "2025年度"
        elif item.type == "choice":
            ws[f"H{row}"] = item.choices[0].label.ja
        elif item.type == "multi_choice":
            ws[f"H{row + 1}"] = "はい"                        # the first option
        elif item.type == "date":
            ws[f"H{row}"] = datetime(2024, 4, 1)
        else:
            ws[f"H{row}"] = "院内様式"
        row += 1 + (len(item.choices) if item.type == "multi_choice" else 0)
    wb.save(blank)
    result = services.import_workbook(blank)
    assert result.status == "imported", result.errors[:5]
    assert result.final
    data = services.load(result.review)
    assert data.scores().overall.achievement == pytest.approx(66.7)
    assert data.answers["B-9"].value == {"not_collected": True}    # 未集計 from the workbook
    assert data.answers["B-2"].value == [real_form.item("B-2").choices[0].code]
