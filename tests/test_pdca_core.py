"""Core PDCA rules without a database: action states, the stale rule, overdue, history, QIs."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from kanwa_review.core.history import VisitScores, build_history
from kanwa_review.core.pdca import (
    ACTION_STATUSES, DONE, DROPPED, IN_PROGRESS, NOT_STARTED, ActionStateError,
    ImprovementAction, ProgressNote, action_from_dict, can_transition, check_item_codes,
    check_not_future, check_transition, clean_fields, is_stale, new_action_uuid,
    STATUS_LABELS, normalise_timestamp, parse_status,
)
from kanwa_review.core.qi import qi_values
from kanwa_review.core.review import Answer
from kanwa_review.core.scoring import score_review
from kanwa_review.core.trends import score_changes


def _action(**kw) -> ImprovementAction:
    base = {"uuid": new_action_uuid(), "facility_code": "F001", "title": "手順書を改訂する"}
    return ImprovementAction(**{**base, **kw})


# --- states ---------------------------------------------------------------------------------

@pytest.mark.parametrize("old,new", [
    (NOT_STARTED, IN_PROGRESS), (NOT_STARTED, DONE), (NOT_STARTED, DROPPED),
    (IN_PROGRESS, DONE), (IN_PROGRESS, DROPPED), (DONE, IN_PROGRESS),
    (DROPPED, IN_PROGRESS), (DROPPED, NOT_STARTED), (IN_PROGRESS, IN_PROGRESS)])
def test_allowed_transitions(old, new):
    assert can_transition(old, new)
    check_transition(old, new)  # does not raise


@pytest.mark.parametrize("old,new", [
    (IN_PROGRESS, NOT_STARTED), (DONE, NOT_STARTED), (DONE, DROPPED), (DROPPED, DONE)])
def test_refused_transitions_name_both_states(old, new):
    assert not can_transition(old, new)
    with pytest.raises(ActionStateError) as err:
        check_transition(old, new)
    assert f"「{STATUS_LABELS[old]}」から「{STATUS_LABELS[new]}」" in str(err.value)


def test_status_from_code_or_japanese_label():
    assert parse_status("進行中") == IN_PROGRESS
    assert parse_status(" 見送り ") == DROPPED
    assert parse_status("done") == DONE
    with pytest.raises(ValueError, match="未着手"):
        parse_status("保留")
    assert set(ACTION_STATUSES) == {NOT_STARTED, IN_PROGRESS, DONE, DROPPED}


# --- stale rule and timestamps ----------------------------------------------------------------

def test_stale_means_not_newer_than_stored_across_time_zones():
    stored = "2026-05-01T10:00:00+09:00"               # 01:00 UTC
    assert is_stale(stored, "2026-05-01T00:59:59Z")   # older
    assert is_stale(stored, "2026-05-01T01:00:00+00:00")  # the same moment is not newer
    assert not is_stale(stored, "2026-05-01T01:00:00.001+00:00")
    assert not is_stale(None, "2020-01-01")           # nothing stored yet


def test_timestamps_normalise_to_utc_and_future_is_refused():
    assert normalise_timestamp("2026-05-01T09:00:00+09:00") == "2026-05-01T00:00:00.000+00:00"
    assert normalise_timestamp(date(2026, 5, 1)) == "2026-05-01T00:00:00.000+00:00"
    with pytest.raises(ValueError, match="2026-05-01T09:30:00"):
        normalise_timestamp("5月1日")
    future = datetime.now(timezone.utc) + timedelta(days=3)
    with pytest.raises(ValueError, match="未来"):
        check_not_future(future.isoformat())


# --- overdue ------------------------------------------------------------------------------------

def test_overdue_only_when_open_and_past_due():
    today = date(2026, 4, 1)
    due_yesterday = _action(due_date=date(2026, 3, 31), status=IN_PROGRESS)
    assert due_yesterday.is_overdue(today) and due_yesterday.days_overdue(today) == 1
    assert not _action(due_date=date(2026, 4, 1)).is_overdue(today)   # due today: not yet
    assert not _action(due_date=date(2025, 1, 1), status=DONE).is_overdue(today)
    assert not _action(due_date=date(2025, 1, 1), status=DROPPED).is_overdue(today)
    assert not _action(due_date=None).is_overdue(today)
    assert _action(due_date=date(2025, 1, 1)).days_overdue(date(2025, 1, 11)) == 10


# --- validation and the dict form -------------------------------------------------------------

def test_fields_are_validated_with_messages():
    with pytest.raises(ValueError, match="実施内容"):
        clean_fields({"title": "  "})
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        clean_fields({"due_date": "来年3月"})
    assert check_item_codes("B-3, C-1、B-3") == ("B-3", "C-1")
    with pytest.raises(ValueError, match="B-3"):
        check_item_codes(["b3"])
    assert clean_fields({"due_date": "2026-03-31", "status": "完了"}) == {
        "due_date": date(2026, 3, 31), "status": DONE}


def test_action_dict_round_trip_and_hostile_dicts():
    a = _action(due_date=date(2026, 3, 31), item_codes=("B-3",), status=IN_PROGRESS,
                owner_role="看護部", created_at="2025-11-20T08:00:00.000+00:00",
                updated_at="2025-12-01T08:00:00.000+00:00",
                progress=(ProgressNote("2025-12-01T08:00:00.000+00:00", IN_PROGRESS, "開始",
                                       "佐藤"),))
    back = action_from_dict(a.to_dict())
    assert back == a
    with pytest.raises(ValueError, match="UUID"):
        action_from_dict({**a.to_dict(), "uuid": "../../etc"})
    with pytest.raises(ValueError, match="実施内容がありません"):
        action_from_dict({k: v for k, v in a.to_dict().items() if k != "title"})
    with pytest.raises(ValueError, match="のいずれかで入力してください"):
        action_from_dict({**a.to_dict(), "status": "finished"})


# --- history over fiscal years ------------------------------------------------------------------

def _answers(ratings: dict[str, str]) -> dict[str, Answer]:
    return {c: Answer(c, rating=r) for c, r in ratings.items()}


def test_history_over_three_fiscal_years_uses_trends_deltas(mini_form):
    s23 = score_review(mini_form, _answers({"A-1": "C", "A-2": "D"}))
    s24 = score_review(mini_form, _answers({"A-1": "B", "A-2": "C"}))
    s24_early = score_review(mini_form, _answers({"A-1": "D", "A-2": "D"}))
    s25 = score_review(mini_form, _answers({"A-1": "A", "A-2": "B"}))
    h = build_history("F001", [
        VisitScores(2025, s25, date(2025, 10, 1)),
        VisitScores(2023, s23, date(2023, 10, 1)),
        VisitScores(2024, s24_early, date(2024, 5, 1)),
        VisitScores(2024, s24, date(2024, 10, 1)),  # the later visit of FY2024 counts
    ])
    assert h.fiscal_years == [2023, 2024, 2025]
    # A: A-1 (w1) + A-2 (w2), max 9 points. C,D = 1/9; B,C = 4/9; A,B = 7/9.
    assert h.series("A") == [(2023, 11.1), (2024, 44.4), (2025, 77.8)]
    assert h.series("B") == [(2023, None), (2024, None), (2025, None)]  # nothing rated
    assert h.points[0].delta("A") is None                       # no year before the first
    assert h.points[1].delta("A") == 33.3
    assert h.points[2].delta("overall") == 33.4
    assert h.latest_changes() == score_changes(s25, s24)        # the shared calculation
    table = {row["code"]: row for row in h.table()}
    assert list(table) == ["A", "B", "overall"]
    assert table["A"]["by_year"] == {2023: 11.1, 2024: 44.4, 2025: 77.8}
    assert table["A"]["latest_delta"] == 33.4
    assert build_history("F001", []).latest_changes() == []


# --- QI validation ------------------------------------------------------------------------------

def test_qi_numerator_above_denominator_is_flagged(mini_form):
    # An imported value can bypass answer normalisation; the QI must still say it is wrong.
    answers = {"B-1": Answer("B-1", value={"numerator": 70, "denominator": 60}, period="2025年度")}
    qi = next(q for q in qi_values(mini_form, answers) if q.item_code == "B-1")
    assert qi.value is None
    assert any("分子が分母より大きくなっています" in p for p in qi.problems)


def test_qi_missing_period_is_flagged_and_good_values_are_clean(mini_form):
    missing = {"B-1": Answer("B-1", value={"numerator": 45, "denominator": 60})}
    qi = next(q for q in qi_values(mini_form, missing) if q.item_code == "B-1")
    assert qi.value == 75.0
    assert any("期間が未記入です" in p for p in qi.problems)
    good = {"B-1": Answer("B-1", value={"numerator": 45, "denominator": 60},
                          period="2025年4月〜9月")}
    qi = next(q for q in qi_values(mini_form, good) if q.item_code == "B-1")
    assert qi.problems == () and qi.period == "2025年4月〜9月"
