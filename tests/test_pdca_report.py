"""The PDF report prints the stored improvement plan (改善計画) — agreed at the review and carried
over from earlier visits, with owner, due date, status, overdue mark and latest progress — and a
facility-history chart (経年変化) when the facility has finalised reviews in two fiscal years."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from kanwa_review.core.review import TeamMember
from tests.conftest import complete_mini


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture
def planned(services, final_review):
    """Two actions agreed at the review (one overdue with progress) and one carried over."""
    carried = services.add_action("F001", "研修会の受講率を集計する", owner_role="教育研修室",
                                  due_date=date(2025, 9, 30), item_codes=["B-1"],
                                  created_at="2025-04-01T00:00:00+00:00")
    a1 = services.add_action("F001", "緩和ケア年度計画を文書化する", owner_role="緩和ケアセンター",
                             owner_name="架空 次郎", due_date=date(2026, 1, 31),
                             success_measure="委員会承認の計画書",
                             origin_review_uuid=final_review.uuid, item_codes=["A-2"],
                             created_at="2025-11-21T00:00:00+00:00")
    services.add_progress(a1.uuid, "in_progress", "草案を委員会に提出した",
                          at="2026-01-10T00:00:00+00:00")
    a2 = services.add_action("F001", "<b>&amp; 家族ケアの案内</b>", owner_name="架空 三郎",
                             origin_review_uuid=final_review.uuid,
                             created_at="2025-11-21T00:00:00+00:00")
    services.add_progress(a2.uuid, "done", "", at="2026-01-12T00:00:00+00:00")
    services.add_action("F001", "来年度に合意した計画", created_at="2026-05-01T00:00:00+00:00")
    return final_review, carried, a1, a2


def test_plan_actions_split_agreed_and_carried(services, planned):
    review, carried, a1, a2 = planned
    plan = services.plan_actions(review.uuid)
    assert {a.uuid for a in plan.agreed} == {a1.uuid, a2.uuid}
    # open, agreed before the visit; the later action and done ones are not carried
    assert [a.uuid for a in plan.carried] == [carried.uuid]


def test_report_prints_the_improvement_plan_rows(services, planned, tmp_path):
    review, _carried, _a1, _a2 = planned
    out = services.write_report(review.uuid, tmp_path / "plan.pdf", today=date(2026, 2, 15))
    text = _text(out)
    assert "5. 改善計画" in text and "本評価で合意した改善計画（2件）" in text
    for word in ("緩和ケア年度計画を文書化する", "緩和ケアセンター", "架空 次郎", "2026-01-31",
                 "進行中", "期限超過", "15日", "2026-01-10", "草案を委員会に提出した",
                 "評価指標: 委員会承認の計画書", "関連項目: A-2",
                 "<b>&amp; 家族ケアの案内</b>", "完了",
                 "前回までの改善計画（継続中）", "研修会の受講率を集計する", "教育研修室",
                 "2025-09-30"):
        assert word in text, word
    assert "来年度に合意した計画" not in text


def test_report_without_actions_prints_how_to_make_the_plan(services, final_review, tmp_path):
    text = _text(services.write_report(final_review.uuid, tmp_path / "none.pdf"))
    assert "改善計画は、本報告書の「改善が望まれる点」" in text
    assert "経年変化" not in text                        # one finalised review only


def _second_year(services, mini_form):
    r = services.start_review("F001", mini_form, date(2026, 10, 5),
                              [TeamMember("山田 花子", "leader", "physician")])
    complete_mini(services, r.uuid)
    services.set_answer(r.uuid, "A-2", rating="A")
    services.finalise(r.uuid, "山田 花子")
    return r


def test_history_chart_appears_with_two_fiscal_years(services, final_review, mini_form,
                                                     tmp_path):
    second = _second_year(services, mini_form)
    text = _text(services.write_report(second.uuid, tmp_path / "h.pdf"))
    assert "経年変化（年度別の達成率）" in text
    # era years on the axis and in the table (令和7年度 = FY2025), the change in points
    assert "令和7年度" in text and "令和8年度" in text and "前年度比" in text
    assert "pt" in text and "▲" not in text and "▼" not in text
    # an old report reprinted later does not show years after its own
    old = _text(services.write_report(final_review.uuid, tmp_path / "old.pdf"))
    assert "経年変化" not in old
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "2", "-l", "3", str(tmp_path / "h.pdf"),
                    str(png)], check=True)
    assert list(tmp_path.glob("page-*.png"))


def test_cli_and_batch_reports_print_the_stored_plan(services, planned, db_path, tmp_path):
    from kanwa_review.cli import main

    review, *_ = planned
    services.database.close()
    one, every = tmp_path / "one.pdf", tmp_path / "all.pdf"
    assert main(["report", "--db", str(db_path), "--review", review.uuid, "-o", str(one)]) == 0
    assert main(["report", "--db", str(db_path), "--all", "-o", str(every)]) == 0
    for path in (one, every):
        text = _text(path)
        assert "緩和ケア年度計画を文書化する" in text and "研修会の受講率を集計する" in text
