"""The blank checklist workbook and importing a filled one (issue 6): structure, the round trip
template → filled → imported → exported, every crafted bad workbook, hostile files."""

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


def test_template_structure(mini_form, tmp_path):
    out = T.write_template(mini_form, tmp_path / "blank.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == [T.SHEET, T.META_SHEET]
    meta = wb[T.META_SHEET]
    assert meta.sheet_state == "veryHidden"
    assert {meta[f"A{r}"].value: meta[f"B{r}"].value for r in range(1, 5)} == {
        "format": T.TEMPLATE_FORMAT, "form_id": "mini-test", "form_version": "1",
        "form_hash": mini_form.sha256}
    assert wb.security.lockStructure
    ws = wb[T.SHEET]
    assert ws.protection.sheet
    header = [ws[f"{c}{T.HEADER_ROW}"].value for c in T.COLUMNS.values()]
    assert header[:3] == ["項目コード", "区分", "評価項目"] and header[-1] == "コメント"
    codes = [ws[f"A{T.HEADER_ROW + 1 + i}"].value for i in range(mini_form.item_count)]
    assert codes == [i.code for i in mini_form.items()]
    a1 = T.HEADER_ROW + 1
    # input cells unlocked, fixed text locked
    assert not ws[f"G{a1}"].protection.locked and not ws[f"F{a1}"].protection.locked
    assert ws[f"C{a1}"].protection.locked and ws[f"H{a1}"].protection.locked
    assert not ws[T.FACILITY_CODE_CELL].protection.locked
    # drop-down lists: the rating scale for G24, はい/いいえ for A-3's value
    lists = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list":
            col = dv.formula1.split("!")[1].split(":")[0].replace("$", "")
            values = [meta[f"{col[0]}{r}"].value for r in range(1, 10)]
            for rng in dv.sqref.ranges:
                lists[str(rng)] = [v for v in values if v]
    assert any(f"G{a1}" in k for k in lists) and ["A", "B", "C", "D", "NA"] in lists.values()
    assert ["はい", "いいえ"] in lists.values()
    assert ws.freeze_panes == f"C{T.HEADER_ROW + 1}"
    assert ws.page_setup.orientation == "landscape"
    assert not ws.merged_cells.ranges


def test_round_trip_template_filled_imported_exported(knows_mini, mini_form, tmp_path):
    services = knows_mini
    blank = T.write_template(mini_form, tmp_path / "blank.xlsx")
    wb = load_workbook(blank)  # the team fills it in (here with openpyxl)
    for address, value in bad.VALID.items():
        wb[T.SHEET][address] = value
    # a comment typed as text ('=SUM(1,2) in Excel) that looks like a formula stays text
    set_text(wb[T.SHEET]["M24"], "=SUM(1,2)")
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
    assert any("新規登録" in w for w in result.warnings)

    out = tmp_path / "return.xlsx"
    services.export_return(out)
    back = load_workbook(out)
    items = list(back["Items"].iter_rows(values_only=True))
    row = dict(zip(items[0], items[1]))
    assert (row["施設コード"], row["A-1"], row["A-2"], row["B-3"]) == ("F001", "A", "C", "専従")
    assert row["B-1"] == pytest.approx(0.75)
    long = list(back["ItemsLong"].iter_rows())
    a1 = next(r for r in long if r[5].value == "A-1")
    assert a1[15].value == "=SUM(1,2)" and a1[15].data_type == "s"

    # the same workbook again: unchanged, nothing written
    before = _counts(services.database)
    again = services.import_workbook(blank)
    assert (again.status, again.review, again.revision) == ("unchanged", r.uuid, 1)
    assert _counts(services.database) == before

    # a corrected workbook for the same visit: the next revision supersedes the first
    wb = load_workbook(blank)
    wb[T.SHEET]["G31"] = "A"
    wb.save(blank)
    newer = services.import_workbook(blank)
    assert (newer.status, newer.review, newer.revision, newer.final) == (
        "superseded", r.uuid, 2, True)
    assert services.load(r.uuid).answers["B-4"].rating == "A"
    assert services.load(r.uuid, 1).answers["B-4"].rating == "B"  # history kept


def test_no_leader_imports_a_draft(knows_mini, crafted, tmp_path):
    p = tmp_path / "draft.xlsx"
    shutil.copy(crafted["valid_mini.xlsx"], p)
    wb = load_workbook(p)
    ws = wb[T.SHEET]
    ws["B12"] = "評価者"
    ws["M25"] = None  # an incomplete draft is fine: C without comment, B-1 missing
    ws["I28"] = ws["J28"] = None
    wb.save(p)
    result = knows_mini.import_workbook(p)
    assert result.status == "imported" and not result.final, result.errors
    assert knows_mini.review(result.review).status == "draft"


@pytest.mark.parametrize("name", sorted(bad.BAD_CASES))
def test_bad_workbook_names_sheet_and_cell(knows_mini, crafted, name):
    before = _counts(knows_mini.database)
    result = knows_mini.import_workbook(crafted[name])
    assert result.status == "rejected"
    cell = bad.BAD_CASES[name][1]
    assert any(f"{T.SHEET}!{cell}:" in e for e in result.errors), result.errors
    assert all(" — " in e for e in result.errors)  # every problem carries its fix
    assert _counts(knows_mini.database) == before


@pytest.mark.parametrize("name, cell, words", [
    ("row_deleted.xlsx", "A29", "B-2"),
    ("rows_reordered.xlsx", "A24", "A-1"),
    ("wrong_form_version.xlsx", "C2", "version 0.9"),
])
def test_structure_faults(knows_mini, crafted, name, cell, words):
    before = _counts(knows_mini.database)
    result = knows_mini.import_workbook(crafted[name])
    assert result.status == "rejected"
    assert any(f"{T.SHEET}!{cell}:" in e and words in e for e in result.errors), result.errors
    assert _counts(knows_mini.database) == before


def test_every_problem_is_reported_at_once(knows_mini, crafted, tmp_path):
    p = tmp_path / "many.xlsx"
    shutil.copy(crafted["valid_mini.xlsx"], p)
    wb = load_workbook(p)
    ws = wb[T.SHEET]
    ws["C9"], ws["G24"], ws["I28"], ws["H29"], ws["E13"] = "someday", "B+", 99, "x", "宇宙飛行士"
    wb.save(p)
    result = knows_mini.import_workbook(p)
    cells = {e.split("!")[1].split(":")[0] for e in result.errors}
    assert {"C9", "G24", "I28", "H29", "E13"} <= cells


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
    assert result.status == "rejected" and "limit" in result.errors[0]
    for content, words in ((b"not a zip", "not a ZIP"), (b"", "not a ZIP")):
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
    assert "not made by kanwa-review" in knows_mini.import_workbook(plain).errors[0]


def test_cli_template_and_import(db_path, crafted, tmp_path, capsys):
    out = tmp_path / "blank.xlsx"
    assert main(["excel-template", "--form", str(DATA / "forms" / "mini.yaml"),
                 "-o", str(out)]) == 0
    assert out.exists() and "10 items" in capsys.readouterr().out
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
    assert "評価票!G24" in err and "rejected" in err


def test_real_form_template_round_trip(real_form, tmp_path, services):
    """The shipped form: a complete workbook imports as a final review."""
    blank = T.write_template(real_form, tmp_path / "blank.xlsx")
    wb = load_workbook(blank)
    ws = wb[T.SHEET]
    ws[T.FACILITY_CODE_CELL], ws[T.FACILITY_NAME_CELL] = "K100", "架空県 桜川中央病院"
    ws[T.VISIT_DATE_CELL] = datetime(2025, 10, 2)
    ws["B12"], ws["C12"], ws["E12"] = "リーダー", "佐藤 由美", "看護師"
    for i, item in enumerate(real_form.items()):
        row = T.HEADER_ROW + 1 + i
        if item.type == "rating":
            ws[f"G{row}"] = "B"
        elif item.type == "yes_no":
            ws[f"H{row}"] = "はい"
        elif item.type == "percentage":
            ws[f"I{row}"], ws[f"J{row}"], ws[f"K{row}"] = 40, 50, "2025年4月〜9月"
        elif item.type in ("integer", "number"):
            ws[f"H{row}"], ws[f"K{row}"] = max(1, int(item.min or 0)), "2025年度"
        elif item.type == "choice" or item.type == "multi_choice":
            ws[f"H{row}"] = item.choices[0].label.ja
        elif item.type == "date":
            ws[f"H{row}"] = datetime(2024, 4, 1)
        else:
            ws[f"H{row}"] = "院内様式"
    wb.save(blank)
    result = services.import_workbook(blank)
    assert result.status == "imported", result.errors[:5]
    assert result.final
    data = services.load(result.review)
    assert data.scores().overall.achievement == pytest.approx(66.7)
