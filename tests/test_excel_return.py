"""The prefectural Excel return: every sheet read back with openpyxl (issue 6)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from kanwa_review.cli import main
from kanwa_review.core.review import TeamMember
from kanwa_review.exchange.excel_return import DATA_SHEETS, SHEETS
from kanwa_review.exchange.excel_safety import display_width, is_formula_like
from tests.conftest import complete_mini

INJECTIONS = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+2", "-3+4", "@SUM(A1)",
              "\t=1+1", "\r=1+1", "=1+1"]


def _final(services, form, code, visit, *, comment="計画が文書化されていない", rating_a1="A"):
    r = services.start_review(code, form, visit,
                              [TeamMember("山田 花子", "leader", "physician"),
                               TeamMember("鈴木 一郎", "member", "nurse")])
    complete_mini(services, r.uuid)
    services.set_answer(r.uuid, "A-1", rating=rating_a1,
                        comment="開催が不定期" if rating_a1 in ("C", "D") else "")
    services.set_answer(r.uuid, "A-2", comment=comment)
    services.add_finding(r.uuid, "improve", "=cmd|' /C calc'!A0", ["A-2"])
    services.finalise(r.uuid, "山田 花子")
    return services.review(r.uuid)


@pytest.fixture
def hub(services, mini_form):
    """Two facilities: F001 visited in FY2024 and FY2025, F002 in FY2025 with hostile text,
    plus a draft that must not appear."""
    services.create_facility("F001", "架空県立がんセンター", "架空県", "prefectural")
    services.create_facility("F002", "=架空市民病院", "架空県", "regional")
    old = _final(services, mini_form, "F001", date(2024, 10, 1), rating_a1="C")
    new = _final(services, mini_form, "F001", date(2025, 11, 20))
    hostile = _final(services, mini_form, "F002", date(2025, 9, 1), comment=INJECTIONS[0])
    draft = services.start_review("F002", mini_form, date(2025, 12, 1))
    services.set_answer(draft.uuid, "A-1", rating="D")
    return {"old": old, "new": new, "hostile": hostile, "draft": draft}


def _rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_every_sheet_reads_back(services, hub, tmp_path):
    out = tmp_path / "return.xlsx"
    stats = services.export_return(out)
    assert stats.reviews == 3 and stats.facilities == 2
    wb = load_workbook(out)
    assert wb.sheetnames == list(SHEETS)
    for name in DATA_SHEETS:
        ws = wb[name]
        assert not ws.merged_cells.ranges, name
        assert ws.freeze_panes in ("A2", "C2"), name
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), name
        assert ws["A1"].font.bold

    summary = _rows(wb["Summary"])
    head = summary[0]
    assert head[:4] == ["施設コード", "施設名", "年度", "訪問日"]
    assert "A 組織体制" in head and "総合" in head and "前回比 総合" in head
    assert len(summary) == 4  # three final reviews; the draft is left out
    by = {(r[0], r[2]): dict(zip(head, r)) for r in summary[1:]}
    f1 = by[("F001", 2025)]
    assert isinstance(f1["訪問日"], datetime) and f1["訪問日"].date() == date(2025, 11, 20)
    assert f1["年度（和暦）"] == "令和7年度"
    assert f1["施設区分"] == "都道府県がん診療連携拠点病院"
    assert f1["チームリーダー"] == "山田 花子"
    # mini form: A-1 (w1) A=3, A-2 (w2) C=1 → (3+2)/(3+6) = 55.6 %, stored as a fraction
    assert f1["A 組織体制"] == pytest.approx(0.556)
    assert wb["Summary"].cell(row=2, column=head.index("総合") + 1).number_format == "0.0%"
    # change since FY2024 (A-1 was C there: (1+2)/9 = 33.3 %): 55.6 − 33.3 = +22.3 points
    assert f1["前回比 A"] == pytest.approx(0.223)
    assert isinstance(f1["前回訪問日"], datetime)
    assert by[("F001", 2024)]["前回比 A"] is None

    items = _rows(wb["Items"])
    assert items[0][:5] == ["施設コード", "施設名", "年度", "訪問日", "A-1"]
    assert items[0][4:] == ["A-1", "A-2", "A-3", "A-4", "B-1", "B-2", "B-3", "B-4", "B-5", "B-6"]
    row = dict(zip(items[0], next(r for r in items if r[0] == "F001" and r[2] == 2025)))
    assert row["A-1"] == "A" and row["A-2"] == "C" and row["A-3"] == "いいえ"
    assert row["B-1"] == pytest.approx(0.75)  # 45 / 60 as a number
    cf = wb["Items"].conditional_formatting
    formulas = {tuple(rule.formula) for rng in cf for rule in rng.rules}
    assert ('"C"',) in formulas and ('"D"',) in formulas

    long = _rows(wb["ItemsLong"])
    assert long[0] == ["施設コード", "施設名", "年度", "訪問日", "区分", "項目コード", "評価項目",
                       "回答形式", "自己評価", "評価", "値", "分子", "分母", "期間", "根拠", "コメント"]
    b1 = next(r for r in long if r[0] == "F001" and r[2] == 2025 and r[5] == "B-1")
    assert (b1[11], b1[12], b1[13]) == (45, 60, "2025年度") and b1[10] == pytest.approx(0.75)

    qi = _rows(wb["QI"])
    rec = dict(zip(qi[0], next(r for r in qi if r[0] == "F001" and r[4] == "B-1" and r[2] == 2025)))
    assert (rec["分子"], rec["分母"]) == (45, 60)
    assert isinstance(rec["率"], float) and rec["率"] == pytest.approx(0.75)
    assert rec["期間"] == "2025年度"

    actions = _rows(wb["Actions"])
    assert actions[0][:3] == ["施設コード", "施設名", "年度"] and "期限超過" in actions[0]
    assert "改善計画" in actions[1][0]

    findings = _rows(wb["Findings"])
    assert findings[0][4:7] == ["種別", "順", "所見"]
    assert len(findings) == 4

    readme = _rows(wb["README"])
    text = "\n".join(str(c) for r in readme for c in r if c is not None)
    assert "mini-test 版 1" in text and "Summary" in text and "ItemsLong" in text
    assert hub["new"].form_hash in text  # the form hash in full


def test_user_text_never_becomes_a_formula(services, hub, mini_form, tmp_path):
    out = tmp_path / "return.xlsx"
    # every injection variant in comments, evidence, text answers and periods
    extra = services.start_review("F002", mini_form, date(2025, 12, 24))
    for i, text in enumerate(INJECTIONS):
        services.set_answer(extra.uuid, "A-1", rating="C", comment=text, evidence=text)
        services.set_answer(extra.uuid, "A-3", value=True)
        services.set_answer(extra.uuid, "A-4", value=text)
        services.set_answer(extra.uuid, "B-1", value={"numerator": 1, "denominator": 2},
                            period=text)
    services.set_answer(extra.uuid, "A-2", rating="A")
    services.set_overall_comment(extra.uuid, INJECTIONS[0])
    services.finalise(extra.uuid, "=山田")
    services.export_return(out)
    wb = load_workbook(out)  # normal mode: formulas would come back as data_type "f"
    found = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and is_formula_like(cell.value):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    assert cell.quotePrefix, (ws.title, cell.coordinate)
                    found += 1
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    long = _rows(wb["ItemsLong"])
    a1 = next(r for r in long if r[0] == "F002" and r[5] == "A-1" and r[3].day == 24)
    assert a1[15] == INJECTIONS[-1] and a1[14] == INJECTIONS[-1]  # stored exactly as typed
    assert any(r[1] == "=架空市民病院" for r in _rows(wb["Summary"]))
    assert found >= 8
    # the data_only reading a hub script would use gives the same text back (the later
    # FY2025 visit of F002 replaced the earlier one in the return)
    wb2 = load_workbook(out, read_only=True, data_only=True)
    assert any(len(r) > 15 and r[15] == INJECTIONS[-1]
               for r in wb2["ItemsLong"].iter_rows(values_only=True))


def test_fiscal_year_filter_and_cli(hub, db_path, tmp_path, capsys):
    out = tmp_path / "fy2024.xlsx"
    assert main(["excel", "--db", str(db_path), "-o", str(out), "--fiscal-year", "2024"]) == 0
    assert "1 finalised reviews" in capsys.readouterr().out
    wb = load_workbook(out, read_only=True)
    rows = list(wb["Summary"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2]) for r in rows] == [("F001", 2024)]
    readme = [r for r in wb["README"].iter_rows(values_only=True) if r and r[0]]
    assert any(len(r) > 1 and "2024" in str(r[1]) and "令和6年度" in str(r[1]) for r in readme)
    assert main(["excel", "--db", str(db_path), "-o", str(tmp_path / "x.csv")]) == 1
    assert ".xlsx" in capsys.readouterr().err


def test_empty_database_gives_headers_and_a_note(services, tmp_path):
    out = tmp_path / "empty.xlsx"
    services.export_return(out)
    wb = load_workbook(out, read_only=True)
    rows = list(wb["Summary"].iter_rows(values_only=True))
    assert rows[0][0] == "施設コード" and "確定済みレビューがありません" in rows[1][0]


def test_column_widths_count_wide_characters(services, hub, tmp_path):
    assert display_width("架空abc") == 7
    out = tmp_path / "w.xlsx"
    services.export_return(out)
    ws = load_workbook(out)["Summary"]
    # 施設名 holds "架空県立がんセンター" (10 wide chars = 20 units) → at least 20 wide
    assert ws.column_dimensions["B"].width >= 20
    assert ws.column_dimensions["A"].width < ws.column_dimensions["B"].width


def test_real_form_demo_return(demo_db, real_form, tmp_path):
    """One full run on the shipped form's demo database."""
    from kanwa_review.services import Services
    from kanwa_review.store import open_database

    db = open_database(demo_db, readonly=True)
    try:
        services = Services(db)
        finals = {(r.facility_code, r.fiscal_year) for r in services.list_reviews()
                  if r.status == "final"}
        out = tmp_path / "demo.xlsx"
        services.export_return(out)
    finally:
        db.close()
    wb = load_workbook(out, read_only=True)
    summary = list(wb["Summary"].iter_rows(values_only=True))
    assert {(r[0], r[2]) for r in summary[1:]} == finals
    items_head = next(wb["Items"].iter_rows(max_row=1, values_only=True))
    assert len(items_head) == 4 + real_form.item_count and items_head[4] == "A-1"
    qi = list(wb["QI"].iter_rows(values_only=True))
    rates = [r[10] for r in qi[1:] if r[7] == "percentage" and r[10] is not None]
    assert rates and all(isinstance(x, float) and 0 <= x <= 1 for x in rates)


def test_actions_sheet_takes_rows_when_pdca_lands(tmp_path):
    """The Actions sheet is ready for improvement actions: dates, overdue flag, formatting."""
    from kanwa_review.exchange.excel_return import ActionRow, ReturnData, write_return

    data = ReturnData(datetime(2026, 1, 5, 9, 0), 2025, rows=[], actions=[
        ActionRow("F001", "架空県立がんセンター", 2025, "B-1", "陽性者対応の把握", "=手順書改訂",
                  "緩和ケアセンター長", date(2025, 12, 31), "実施中"),
        ActionRow("F001", "架空県立がんセンター", 2025, "A-2", "計画の文書化", "年度計画を作成",
                  "事務局", date(2025, 6, 30), "完了"),
    ])
    out = write_return(data, tmp_path / "a.xlsx", today=date(2026, 1, 5))
    ws = load_workbook(out)["Actions"]
    rows = _rows(ws)
    assert len(rows) == 3 and rows[1][5] == "=手順書改訂" and ws["F2"].data_type == "s"
    assert isinstance(rows[1][7], datetime) and rows[1][9] == "はい" and rows[2][9] is None
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert any("TODAY()" in r.formula[0] for r in rules)
