"""The prefectural Excel return: every sheet read back with openpyxl (issue 6)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from kanwa_review.cli import main
from kanwa_review.core.review import TeamMember
from kanwa_review.exchange.excel_return import (
    ACTIONS, DATA_SHEETS, FINDINGS, ITEM_LIST, ITEMS, ITEMS_LONG, QI, README, SHEETS, SUMMARY,
)
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
    assert wb.sheetnames == list(SHEETS) == [
        "説明", "施設別集計", "項目別評価", "項目一覧", "項目別評価（縦）", "指標（QI）", "改善計画",
        "所見"]
    for name in DATA_SHEETS:
        ws = wb[name]
        assert not ws.merged_cells.ranges, name
        assert ws.freeze_panes in ("B2", "C2"), name        # the header row and code columns
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), name
        assert ws["A1"].font.bold
    for ws in wb.worksheets:                                 # every sheet prints
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0, ws.title
        assert ws.oddFooter.center.text == "&P / &N", ws.title
        if ws.title != README:
            assert ws.print_title_rows == "$1:$1", ws.title

    summary = _rows(wb[SUMMARY])
    head = summary[0]
    assert head[:5] == ["施設コード", "施設名", "年度", "状況", "訪問日"]
    assert "A 組織体制" in head and "総合" in head and "前回比 総合" in head
    assert "B 指標" not in head and "前回比 B" not in head   # no rating in B: no empty column
    data = [r for r in summary[1:] if r[0]]
    by = {(r[0], r[2]): dict(zip(head, r)) for r in data}
    # every registered facility of each year: F002 had nothing in FY2024
    assert set(by) == {("F001", 2024), ("F001", 2025), ("F002", 2024), ("F002", 2025)}
    assert by[("F002", 2024)]["状況"] == "未実施" and by[("F002", 2024)]["総合"] is None
    f1 = by[("F001", 2025)]
    assert f1["状況"] == "確定"
    assert isinstance(f1["訪問日"], datetime) and f1["訪問日"].date() == date(2025, 11, 20)
    assert f1["年度（和暦）"] == "令和7年度"
    assert f1["施設区分"] == "都道府県がん診療連携拠点病院"
    assert f1["チームリーダー"] == "山田 花子"
    # mini form: A-1 (w1) A=3, A-2 (w2) C=1 → (3+2)/(3+6) = 55.6 %, stored as a fraction
    assert f1["A 組織体制"] == pytest.approx(0.556)
    assert wb[SUMMARY].cell(row=2, column=head.index("総合") + 1).number_format == "0.0%"
    # change since FY2024 (A-1 was C there: (1+2)/9 = 33.3 %): 55.6 − 33.3 = +22.3 points,
    # stored in points and shown as +22.3pt
    assert f1["前回比 A"] == pytest.approx(22.3)
    row = 2 + [r[:3] for r in data].index(["F001", "架空県立がんセンター", 2025])
    fmt = wb[SUMMARY].cell(row=row, column=head.index("前回比 A") + 1).number_format
    assert fmt == '"+"0.0"pt";"\u2212"0.0"pt";"±"0.0"pt"' and "%" not in fmt
    assert isinstance(f1["前回訪問日"], datetime)
    assert by[("F001", 2024)]["前回比 A"] is None
    # below the table, after an empty row and outside the filter: a median per year and
    # prefecture over the finalised reviews
    medians = [r for r in summary if r[3] == "中央値"]
    assert [(m[1], m[2]) for m in medians] == [("中央値（架空県・1施設）", 2024),
                                               ("中央値（架空県・2施設）", 2025)]
    assert dict(zip(head, medians[1]))["総合"] is not None
    assert summary[len(data) + 1] == [None] * len(head)
    assert wb[SUMMARY].auto_filter.ref.endswith(str(len(data) + 1))

    items = _rows(wb[ITEMS])
    assert items[0][:5] == ["施設コード", "施設名", "年度", "訪問日", "A-1"]
    assert items[0][4:] == ["A-1", "A-2", "A-3", "A-4", "B-1", "B-2", "B-3", "B-4", "B-5", "B-6"]
    row = dict(zip(items[0], next(r for r in items if r[0] == "F001" and r[2] == 2025)))
    assert row["A-1"] == "A" and row["A-2"] == "C" and row["A-3"] == "いいえ"
    assert row["B-1"] == pytest.approx(0.75)  # 45 / 60 as a number
    cf = wb[ITEMS].conditional_formatting
    formulas = {tuple(rule.formula) for rng in cf for rule in rng.rules}
    assert ('"C"',) in formulas and ('"D"',) in formulas

    listed = _rows(wb[ITEM_LIST])
    assert listed[0][:6] == ["項目コード", "領域", "領域名", "評価項目", "回答形式", "必須"]
    assert ["A-1", "A", "組織体制", "委員会がある", "評価", "はい"] == listed[1][:6]
    assert {r[4] for r in listed[1:]} <= {"評価", "はい・いいえ", "記述", "割合", "整数", "選択",
                                         "日付", "複数選択", "数値"}

    long = _rows(wb[ITEMS_LONG])
    assert long[0][:8] == ["施設コード", "施設名", "年度", "訪問日", "領域", "項目コード", "評価項目",
                           "回答形式"]
    b1 = dict(zip(long[0], next(r for r in long if r[0] == "F001" and r[2] == 2025
                                and r[5] == "B-1")))
    assert (b1["分子"], b1["分母"], b1["期間"]) == (45, 60, "2025年度")
    assert b1["値"] == pytest.approx(0.75) and b1["回答形式"] == "割合"

    qi = _rows(wb[QI])
    rec = dict(zip(qi[0], next(r for r in qi if r[0] == "F001" and r[4] == "B-1" and r[2] == 2025)))
    assert (rec["分子"], rec["分母"]) == (45, 60) and rec["種類"] == "割合"
    assert isinstance(rec["率"], float) and rec["率"] == pytest.approx(0.75)
    assert rec["期間"] == "2025年度"
    assert all(any(r[i] not in (None, "") for r in qi[1:]) for i in range(len(qi[0])))

    actions = _rows(wb[ACTIONS])
    assert actions[0][:3] == ["施設コード", "施設名", "年度"]
    assert "改善計画" in actions[1][0]
    assert not any("（記入）" in str(h) for h in actions[0])    # no input columns here

    findings = _rows(wb[FINDINGS])
    assert findings[0][4:7] == ["種別", "順", "所見"]
    assert len(findings) == 4

    readme = _rows(wb[README])
    text = "\n".join(str(c) for r in readme for c in r if c is not None)
    assert "mini-test 版 1" in text and SUMMARY in text and ITEMS_LONG in text
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
    long = _rows(wb[ITEMS_LONG])
    a1 = next(r for r in long if r[0] == "F002" and r[5] == "A-1" and r[3].day == 24)
    assert a1[15] == INJECTIONS[-1] and a1[14] == INJECTIONS[-1]  # stored exactly as typed
    assert any(r[1] == "=架空市民病院" for r in _rows(wb[SUMMARY]))
    assert found >= 8
    # the data_only reading a hub script would use gives the same text back (the later
    # FY2025 visit of F002 replaced the earlier one in the return)
    wb2 = load_workbook(out, read_only=True, data_only=True)
    assert any(len(r) > 15 and r[15] == INJECTIONS[-1]
               for r in wb2[ITEMS_LONG].iter_rows(values_only=True))


def test_fiscal_year_filter_and_cli(hub, db_path, tmp_path, capsys):
    out = tmp_path / "fy2024.xlsx"
    assert main(["excel", "--db", str(db_path), "-o", str(out), "--fiscal-year", "2024"]) == 0
    assert "確定した評価 1" in capsys.readouterr().out
    wb = load_workbook(out, read_only=True)
    rows = [r for r in wb[SUMMARY].iter_rows(min_row=2, values_only=True) if r[0]]
    # every registered facility of FY2024: F001 finalised, F002 not visited
    assert [(r[0], r[2], r[3]) for r in rows] == [("F001", 2024, "確定"), ("F002", 2024, "未実施")]
    readme = [r for r in wb[README].iter_rows(values_only=True) if r and r[0]]
    assert any(len(r) > 1 and "2024" in str(r[1]) and "令和6年度" in str(r[1]) for r in readme)
    assert main(["excel", "--db", str(db_path), "-o", str(tmp_path / "x.csv")]) == 1
    assert ".xlsx" in capsys.readouterr().err


def test_empty_database_gives_headers_and_a_note(services, tmp_path):
    out = tmp_path / "empty.xlsx"
    services.export_return(out)
    wb = load_workbook(out, read_only=True)
    rows = list(wb[SUMMARY].iter_rows(values_only=True))
    assert rows[0][0] == "施設コード" and "確定済みレビューがありません" in rows[1][0]


def test_column_widths_count_wide_characters(services, hub, tmp_path):
    assert display_width("架空abc") == 7
    out = tmp_path / "w.xlsx"
    services.export_return(out)
    ws = load_workbook(out)[SUMMARY]
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
        facilities = [f.code for f in services.facilities()]
        out = tmp_path / "demo.xlsx"
        services.export_return(out)
    finally:
        db.close()
    wb = load_workbook(out, read_only=True)
    summary = list(wb[SUMMARY].iter_rows(values_only=True))
    assert {(r[0], r[2]) for r in summary[1:] if r[3] == "確定"} == finals
    # the Summary sheet lists every registered facility in every year of the return
    years = {fy for _c, fy in finals}
    assert {(r[0], r[2]) for r in summary[1:] if r[0]} == {
        (f, y) for f in facilities for y in years}
    items_head = next(wb[ITEMS].iter_rows(max_row=1, values_only=True))
    assert len(items_head) == 4 + real_form.item_count and items_head[4] == "A-1"
    qi = list(wb[QI].iter_rows(values_only=True))
    head = qi[0]
    rates = [r[head.index("率")] for r in qi[1:] if r[head.index("種類")] == "割合"
             and isinstance(r[head.index("率")], float)]
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
    ws = load_workbook(out)[ACTIONS]
    rows = _rows(ws)
    head = rows[0]
    assert len(rows) == 3 and rows[1][5] == "=手順書改訂" and ws["F2"].data_type == "s"
    first = dict(zip(head, rows[1]))
    assert isinstance(first["期限"], datetime) and first["期限超過"] == "はい"
    assert dict(zip(head, rows[2]))["期限超過"] is None
    assert "改善計画ID" not in head and "評価指標" not in head   # empty in every row: left out
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert any("TODAY()" in r.formula[0] for r in rules)
