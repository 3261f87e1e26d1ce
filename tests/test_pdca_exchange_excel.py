"""The Actions sheet of the Excel return and of the one-facility progress workbook: every stored
action with real dates, Japanese status, overdue flag and formatting, user text kept as text,
and yellow input columns for the visited hospital's progress."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from kanwa_review.exchange.excel_return import (
    ACTION_HEADERS,
    PROGRESS_HEADERS,
    write_actions_workbook,
)


@pytest.fixture
def with_actions(services, final_review):
    services.create_facility("F002", "架空市民病院", "架空県", "regional")
    a = services.add_action("F001", "=HYPERLINK(\"http://x\",\"計画\")", owner_role="+緩和ケア室",
                            owner_name="@架空 次郎", due_date=date(2025, 12, 31),
                            success_measure="-10% 以上", origin_review_uuid=final_review.uuid,
                            item_codes=["A-2"], created_at="2025-11-21T00:00:00+00:00")
    services.add_progress(a.uuid, "in_progress", "=1+1 草案作成", at="2026-01-05T03:00:00+00:00")
    b = services.add_action("F001", "委員会規程を改訂する", due_date=date(2025, 12, 1),
                            status="done", created_at="2025-11-21T00:00:00+00:00")
    other = services.add_action("F002", "他施設の計画", created_at="2025-11-21T00:00:00+00:00")
    return final_review, services.action(a.uuid), services.action(b.uuid), other


def _table(ws):
    rows = list(ws.iter_rows(values_only=True))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]


def test_actions_sheet_of_the_return(services, with_actions, tmp_path):
    _review, a, b, _other = with_actions
    out = tmp_path / "return.xlsx"
    services.export_return(out)
    wb = load_workbook(out)
    ws = wb["改善計画"]
    header, rows = _table(ws)
    # for reading: the stored columns, none of the hospital's input columns
    # (改善が望まれる点 is empty for every action here: no finding was linked, so it is left out)
    assert list(header) == [h for h in ACTION_HEADERS if h != "改善が望まれる点"]
    assert not set(PROGRESS_HEADERS) & set(header)
    assert {r["改善計画ID"] for r in rows} == {a.uuid, b.uuid}   # F002 has no review in the return
    row = next(r for r in rows if r["改善計画ID"] == a.uuid)
    assert row["施設コード"] == "F001" and row["施設名"] == "架空県立がんセンター"
    assert row["年度"] == 2025 and row["項目コード"] == "A-2"
    assert row["取組内容"] == "=HYPERLINK(\"http://x\",\"計画\")"       # text, not a formula
    assert row["担当部署・職種"] == "+緩和ケア室" and row["担当者"] == "@架空 次郎"
    assert row["評価指標"] == "-10% 以上"
    assert isinstance(row["期限"], datetime) and row["期限"].date() == date(2025, 12, 31)
    assert row["状況"] == "進行中" and row["期限超過"] == "はい"
    assert isinstance(row["最終進捗日"], datetime) and row["最終進捗日"].date() == date(2026, 1, 5)
    assert row["最終進捗"] == "=1+1 草案作成"
    done = next(r for r in rows if r["改善計画ID"] == b.uuid)
    assert done["状況"] == "完了" and done["期限超過"] is None
    # every user-text cell is stored as text, never as a formula
    n = 2 + [r["改善計画ID"] for r in rows].index(a.uuid)
    for name in ("取組内容", "担当者", "評価指標", "担当部署・職種", "最終進捗"):
        assert ws.cell(n, list(header).index(name) + 1).data_type == "s", name
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert any("TODAY()" in r.formula[0] and "見送り" in r.formula[0] for r in rules)
    assert not ws.data_validations.dataValidation          # nothing to fill in here
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref.startswith("A1:N")


def test_action_rows_carry_the_point_to_improve(services, draft, tmp_path):
    from tests.conftest import complete_mini
    complete_mini(services, draft.uuid)
    fid, _ = services.add_finding(draft.uuid, "improve", "計画が文書化されていない", ["A-2"])
    services.finalise(draft.uuid, "山田 花子")
    services.add_action("F001", "計画を作る", finding_id=fid)
    rows = services.action_rows(["F001"])
    assert [(r.point, r.item_codes, r.status) for r in rows] == \
        [("計画が文書化されていない", "A-2", "未着手")]


def test_progress_workbook_holds_one_facility_only(services, with_actions, tmp_path):
    _review, _a, _b, other = with_actions
    out = write_actions_workbook(services.action_rows(["F002"]),
                                 tmp_path / "p.xlsx", facility="F002 架空市民病院")
    wb = load_workbook(out)
    assert wb.sheetnames == ["README", "Actions"]
    _header, rows = _table(wb["Actions"])
    assert [r["改善計画ID"] for r in rows] == [other.uuid]
    readme = "\n".join(str(c) for r in wb["README"].iter_rows(values_only=True) for c in r if c)
    assert "F002 架空市民病院" in readme and "黄色" in readme
