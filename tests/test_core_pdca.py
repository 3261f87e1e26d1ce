"""core.pdca at its exact limits: text lengths, item codes, the clock-skew allowance, timestamps
normalised to UTC whatever the machine's time zone, messages, and the dict form field by field.
(States, the stale rule and overdue basics are in test_pdca_core.py.)"""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta, timezone

import pytest

from kanwa_review.core.pdca import (
    CLOCK_SKEW, DONE, DROPPED, IN_PROGRESS, MAX_ITEM_CODES, MAX_MEASURE, MAX_NAME, MAX_NOTE,
    MAX_TITLE, NOT_STARTED, ActionStateError, ImprovementAction, ProgressNote, action_from_dict,
    can_transition, check_item_codes, check_not_future, check_transition, clean_fields, clean_note,
    normalise_timestamp, now_timestamp, parse_due_date, parse_status, parse_timestamp,
)

UUID = "0b5c7f3e-8a51-4f7e-9d51-2a8f0e6c1d11"
TOKYO = timezone(timedelta(hours=9))


def message(fn, *args, **kw) -> str:
    with pytest.raises(ValueError) as err:
        fn(*args, **kw)
    return str(err.value)


@pytest.fixture(params=["JST-9", "HST10", "UTC0"])
def local_zone(request):
    """Run a test with the machine's clock in Tokyo (UTC+9), Hawaii (UTC−10) and UTC. POSIX
    zone strings need no tz database; time.tzset() makes naive-time conversions follow."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    try:
        offset = {"JST-9": 9, "HST10": -10, "UTC0": 0}[request.param]
        assert datetime(2026, 1, 1).astimezone().utcoffset() == timedelta(hours=offset)
        yield request.param
    finally:
        if old is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old
        time.tzset()


# --- timestamps, whatever the machine's time zone ----------------------------------------------

def test_naive_times_are_utc_not_the_machines_local_time(local_zone):
    assert normalise_timestamp("2026-05-01T09:00:00") == "2026-05-01T09:00:00.000+00:00"
    assert normalise_timestamp(datetime(2026, 5, 1, 9, 0)) == "2026-05-01T09:00:00.000+00:00"
    assert normalise_timestamp(date(2026, 5, 1)) == "2026-05-01T00:00:00.000+00:00"
    assert parse_timestamp("2026-05-01 09:00") == datetime(2026, 5, 1, 9, tzinfo=timezone.utc)


def test_aware_times_are_converted_to_utc_not_to_local_time(local_zone):
    assert normalise_timestamp("2026-05-01T09:00:00+09:00") == "2026-05-01T00:00:00.000+00:00"
    assert normalise_timestamp(datetime(2026, 5, 1, 9, tzinfo=TOKYO)) == \
        "2026-05-01T00:00:00.000+00:00"
    parsed = parse_timestamp(" 2026-04-30T20:00:00-05:00 ")
    assert parsed == datetime(2026, 5, 1, 1, tzinfo=timezone.utc)
    assert parsed.utcoffset() == timedelta(0)


def test_now_is_utc_with_milliseconds(local_zone):
    before = datetime.now(timezone.utc)
    stamp = now_timestamp()
    after = datetime.now(timezone.utc)
    assert stamp.endswith("+00:00") and len(stamp) == len("2026-05-01T00:00:00.000+00:00")
    assert before - timedelta(milliseconds=1) <= datetime.fromisoformat(stamp) <= after


def test_a_bad_timestamp_is_named_in_the_message():
    assert message(parse_timestamp, "5月1日") == (
        "日時 '5月1日' は 2026-05-01T09:30:00+09:00 の形式で入力してください")


# --- the clock-skew allowance -------------------------------------------------------------------

NOW = datetime(2026, 5, 1, 0, 0, tzinfo=timezone.utc)


def test_clock_skew_allows_exactly_one_day_ahead(local_zone):
    assert CLOCK_SKEW == timedelta(days=1)
    check_not_future("2026-05-02T00:00:00+00:00", NOW)                # exactly one day: allowed
    check_not_future("2026-05-02T09:00:00+09:00", NOW)                # the same moment in Tokyo
    check_not_future("2026-04-01T00:00:00Z", NOW)                     # the past: allowed
    check_not_future("2026-05-01T00:00:00Z", NOW)                     # now: allowed
    check_not_future("2026-05-02T00:00:00", NOW)                      # naive = UTC, not local
    late = "2026-05-02T00:00:00.001+00:00"
    assert message(check_not_future, late, NOW) == (
        f"日時 {late} が未来です。パソコンの時計を確認してください")


def test_clock_skew_without_a_given_now_uses_the_real_clock():
    soon = datetime.now(timezone.utc) + timedelta(hours=23)
    check_not_future(soon.isoformat())
    with pytest.raises(ValueError, match="未来"):
        check_not_future((soon + timedelta(hours=2)).isoformat())


# --- statuses and transitions -------------------------------------------------------------------

def test_status_messages_list_what_is_allowed():
    assert message(parse_status, "保留") == (
        "状況 '保留' は 未着手・進行中・完了・見送り のいずれかで入力してください"
        "（コードなら not_started, in_progress, done, dropped）")
    assert message(check_transition, DONE, NOT_STARTED) == (
        "状況を「完了」から「未着手」に変更することはできません。変更できるのは 進行中 です")
    with pytest.raises(ActionStateError) as err:
        check_transition(IN_PROGRESS, NOT_STARTED)
    assert "変更できるのは 完了・見送り です" in str(err.value)


def test_an_unknown_status_can_change_to_nothing_but_itself():
    assert not can_transition("archived", DONE)
    assert can_transition("archived", "archived")


# --- overdue ------------------------------------------------------------------------------------

def test_days_overdue_is_zero_unless_overdue():
    today = date(2026, 4, 10)
    action = ImprovementAction(UUID, "F001", "t", due_date=date(2026, 4, 20))
    assert action.days_overdue(today) == 0                              # due in ten days
    assert ImprovementAction(UUID, "F001", "t").days_overdue(today) == 0   # no due date
    done = ImprovementAction(UUID, "F001", "t", due_date=date(2026, 4, 1), status=DONE)
    assert done.days_overdue(today) == 0
    assert ImprovementAction(UUID, "F001", "t", due_date=date(2026, 4, 9)).days_overdue(today) == 1
    assert action.status_label == "未着手" and action.is_open
    assert ImprovementAction(UUID, "F", "t", status="odd").status_label == "odd"


# --- text limits and item codes, at their exact values --------------------------------------------

@pytest.mark.parametrize("field, limit, label", [
    ("title", MAX_TITLE, "実施内容 (title)"),
    ("owner_role", MAX_NAME, "担当 (owner)"),
    ("owner_name", MAX_NAME, "担当 (owner)"),
    ("success_measure", MAX_MEASURE, "評価指標 (success measure)"),
])
def test_text_fields_at_their_limit(field, limit, label):
    assert (MAX_TITLE, MAX_NAME, MAX_MEASURE, MAX_NOTE) == (1000, 200, 2000, 20_000)
    at_limit = "あ" * limit
    assert clean_fields({field: f"  {at_limit}\n"}) == {field: at_limit}   # spaces do not count
    over = at_limit + "い"
    assert message(clean_fields, {field: over}) == (
        f"{label}は{limit:,}文字以内で入力してください（{limit + 1:,}文字あります）")
    assert message(clean_fields, {field: 12}) == f"{label}は文字で入力してください"


def test_optional_texts_may_be_empty_or_missing_but_a_title_may_not():
    assert clean_fields({"owner_role": None, "owner_name": "", "success_measure": " 件数 "}) == {
        "owner_role": "", "owner_name": "", "success_measure": "件数"}
    assert message(clean_fields, {"title": None}) == (
        "実施内容 (title)を入力してください")
    assert clean_fields({}) == {}


def test_a_progress_note_at_its_limit():
    assert clean_note("メ" * MAX_NOTE) == "メ" * MAX_NOTE
    assert clean_note(None) == ""
    assert message(clean_note, "メ" * (MAX_NOTE + 1)) == (
        "進捗メモ (note)は20,000文字以内で入力してください（20,001文字あります）")


@pytest.mark.parametrize("code", ["B-3", "AB-12", "C-0", "Z-999"])
def test_item_codes_that_fit_the_pattern(code):
    assert check_item_codes([code]) == (code,)


@pytest.mark.parametrize("code", ["b-3", "B3", "B-", "-3", "B-3a", "B--3", "Ｂ-３", "B-٣", "B_3"])
def test_item_codes_that_do_not(code):
    assert message(check_item_codes, [code]) == (
        f"項目コード {[code]} は B-3 の形式で入力してください")


def test_item_codes_are_split_deduplicated_and_counted():
    assert check_item_codes(" B-3 ,C-1、B-3\nD-2\t") == ("B-3", "C-1", "D-2")
    assert check_item_codes("") == () and check_item_codes(None) == ()
    fifty = [f"B-{i}" for i in range(MAX_ITEM_CODES)]
    assert MAX_ITEM_CODES == 50 and len(check_item_codes(fifty + ["B-0"])) == 50
    assert message(check_item_codes, fifty + ["C-1"]) == (
        "1つの改善計画に関連付けられる項目は50個までです")


def test_due_dates():
    assert parse_due_date(None) is None and parse_due_date("") is None
    assert parse_due_date(" 2026-03-31 ") == date(2026, 3, 31)
    assert parse_due_date(datetime(2026, 3, 31, 23, 59)) == date(2026, 3, 31)
    assert parse_due_date(date(2026, 3, 31)) == date(2026, 3, 31)
    assert message(parse_due_date, "来年3月") == (
        "目標期日 '来年3月' は YYYY-MM-DD で入力してください")


def test_unknown_fields_are_named():
    assert message(clean_fields, {"colour": "red"}) == (
        "改善計画に 'colour' という欄はありません")


# --- the dict form --------------------------------------------------------------------------------

FULL = ImprovementAction(
    uuid=UUID, facility_code="F001", title="手順書を改訂する", owner_role="看護部",
    owner_name="架空 花子", due_date=date(2026, 3, 31), success_measure="改訂版の配布",
    status=IN_PROGRESS, item_codes=("B-3", "C-1"), origin_review_uuid="r-1", origin_revision=2,
    finding_id=7, created_at="2025-11-20T08:00:00.000+00:00",
    updated_at="2025-12-01T08:00:00.000+00:00",
    progress=(ProgressNote("2025-12-01T08:00:00.000+00:00", IN_PROGRESS, "開始", "佐藤"),), id=3)


def test_to_dict_writes_every_field_under_its_name():
    assert FULL.to_dict() == {
        "uuid": UUID, "facility_code": "F001", "title": "手順書を改訂する",
        "owner_role": "看護部", "owner_name": "架空 花子", "due_date": "2026-03-31",
        "success_measure": "改訂版の配布", "status": IN_PROGRESS, "item_codes": ["B-3", "C-1"],
        "origin_review_uuid": "r-1", "origin_revision": 2, "finding_id": 7,
        "created_at": "2025-11-20T08:00:00.000+00:00",
        "updated_at": "2025-12-01T08:00:00.000+00:00",
        "progress": [{"at": "2025-12-01T08:00:00.000+00:00", "status": IN_PROGRESS,
                      "note": "開始", "author": "佐藤"}],
    }
    assert ImprovementAction(UUID, "F001", "t").to_dict()["due_date"] is None


def test_from_dict_reads_every_field_back_but_the_local_ids():
    back = action_from_dict(FULL.to_dict())
    assert back == ImprovementAction(**{**FULL.__dict__, "finding_id": None, "id": None})


def test_from_dict_fills_what_is_missing():
    d = {"uuid": UUID, "title": "t", "updated_at": "2026-01-05T10:00:00+09:00",
         "origin_review_uuid": "", "progress": [
             {"at": "2026-01-04T00:00:00Z", "status": "完了"},
             {"at": "2026-01-02T00:00:00Z", "status": "進行中", "note": None, "author": None}]}
    a = action_from_dict(d)
    assert a == ImprovementAction(
        uuid=UUID, facility_code="", title="t", origin_review_uuid=None, origin_revision=None,
        created_at="2026-01-05T01:00:00.000+00:00", updated_at="2026-01-05T01:00:00.000+00:00",
        progress=(ProgressNote("2026-01-02T00:00:00.000+00:00", IN_PROGRESS),
                  ProgressNote("2026-01-04T00:00:00.000+00:00", DONE)))
    created_only = action_from_dict({"uuid": UUID, "title": "t",
                                     "created_at": "2026-01-05T00:00:00Z"})
    assert created_only.updated_at == created_only.created_at == "2026-01-05T00:00:00.000+00:00"
    assert message(action_from_dict, {"uuid": UUID, "title": "t"}) == (
        "日時 '' は 2026-05-01T09:30:00+09:00 の形式で入力してください")


@pytest.mark.parametrize("bad, text", [
    (["not", "a", "dict"], "改善計画の形式が正しくありません"),
    ({"status": DROPPED}, "改善計画 : 実施内容がありません"),
    ({"uuid": UUID, "title": "t", "updated_at": "2026-01-01", "progress": ["x"]},
     f"改善計画 {UUID}: 進捗の形式が正しくありません"),
    ({"uuid": UUID, "title": "t", "updated_at": "2026-01-01", "progress": [{"status": "完了"}]},
     "日時 '' は 2026-05-01T09:30:00+09:00 の形式で入力してください"),
    ({"uuid": UUID, "title": "t", "updated_at": "2026-01-01",
      "progress": [{"at": "2026-01-01"}]},
     "状況 '' は 未着手・進行中・完了・見送り のいずれかで入力してください"
     "（コードなら not_started, in_progress, done, dropped）"),
    ({"uuid": UUID, "title": "t", "updated_at": "2026-01-01",
      "progress": [{"at": "2026-01-01", "status": "完了", "author": "著" * (MAX_NAME + 1)}]},
     "記入者 (author)は200文字以内で入力してください（201文字あります）"),
    ({"uuid": UUID, "title": "t", "updated_at": "2026-01-01", "origin_revision": True},
     f"改善計画 {UUID}: origin_revision（版番号）は整数にしてください"),
    ({"uuid": UUID, "title": "t", "updated_at": "2026-01-01", "origin_revision": "2"},
     f"改善計画 {UUID}: origin_revision（版番号）は整数にしてください"),
])
def test_from_dict_refuses_with_a_message(bad, text):
    assert message(action_from_dict, bad) == text


def test_from_dict_takes_a_whole_revision_number_and_the_author_at_its_limit():
    a = action_from_dict({"uuid": UUID, "title": "t", "updated_at": "2026-01-01",
                          "origin_revision": 0, "progress": [
                              {"at": "2026-01-01", "status": "完了", "author": "著" * MAX_NAME}]})
    assert a.origin_revision == 0 and a.progress[0].author == "著" * MAX_NAME


# --- every message through the catalog, under the pdca context --------------------------------

def test_every_message_is_translated_under_the_pdca_context(monkeypatch):
    from kanwa_review.core import pdca as P
    from tests.core_support import tag_translations

    tag_translations(monkeypatch)
    dated = {"uuid": UUID, "title": "t", "created_at": "2026-01-01"}
    assert [
        message(parse_status, "保留"),
        message(check_transition, IN_PROGRESS, NOT_STARTED),
        message(check_transition, DONE, "archived"),
        message(parse_timestamp, "x"),
        message(parse_timestamp, "0001-01-01T00:00:00+09:00"),
        message(check_not_future, "2999-01-01T00:00:00+00:00"),
        message(clean_fields, {"title": 1}),
        message(clean_fields, {"title": ""}),
        message(clean_fields, {"owner_name": "x" * 201}),
        message(clean_fields, {"success_measure": 1}),
        message(clean_note, 1),
        message(parse_due_date, "x"),
        message(check_item_codes, ["b"]),
        message(check_item_codes, [f"B-{i}" for i in range(51)]),
        message(clean_fields, {"colour": 1}),
        message(action_from_dict, []),
        message(action_from_dict, {"uuid": UUID}),
        message(action_from_dict, {"uuid": "u", "title": "t"}),
        message(action_from_dict, {**dated, "progress": ["x"]}),
        message(action_from_dict, {**dated, "progress": [
            {"at": "2026-01-01", "status": "done", "author": 1}]}),
        message(action_from_dict, {**dated, "origin_revision": "1"}),
    ] == [
        "⟦pdca⟧状況 '保留' は 未着手・進行中・完了・見送り のいずれかで入力してください"
        "（コードなら not_started, in_progress, done, dropped）",
        "⟦pdca⟧状況を「⟦pdca⟧進行中」から「⟦pdca⟧未着手」に変更することはできません。変更できるのは "
        "⟦pdca⟧完了⟦pdca|list separator⟧・⟦pdca⟧見送り です",
        "⟦pdca⟧状況を「⟦pdca⟧完了」から「archived」に変更することはできません。変更できるのは "
        "⟦pdca⟧進行中 です",
        "⟦pdca⟧日時 'x' は 2026-05-01T09:30:00+09:00 の形式で入力してください",
        "⟦pdca⟧日時 '0001-01-01T00:00:00+09:00' は範囲外です",
        "⟦pdca⟧日時 2999-01-01T00:00:00+00:00 が未来です。パソコンの時計を確認してください",
        "⟦pdca⟧⟦pdca⟧実施内容 (title)は文字で入力してください",
        "⟦pdca⟧⟦pdca⟧実施内容 (title)を入力してください",
        "⟦pdca⟧⟦pdca⟧担当 (owner)は200文字以内で入力してください（201文字あります）",
        "⟦pdca⟧⟦pdca⟧評価指標 (success measure)は文字で入力してください",
        "⟦pdca⟧⟦pdca⟧進捗メモ (note)は文字で入力してください",
        "⟦pdca⟧目標期日 'x' は YYYY-MM-DD で入力してください",
        "⟦pdca⟧項目コード ['b'] は B-3 の形式で入力してください",
        "⟦pdca⟧1つの改善計画に関連付けられる項目は50個までです",
        "⟦pdca⟧改善計画に 'colour' という欄はありません",
        "⟦pdca⟧改善計画の形式が正しくありません",
        f"⟦pdca⟧改善計画 {UUID}: 実施内容がありません",
        "⟦pdca⟧改善計画の ID 'u' が正しい UUID ではありません",
        f"⟦pdca⟧改善計画 {UUID}: 進捗の形式が正しくありません",
        "⟦pdca⟧⟦pdca⟧記入者 (author)は文字で入力してください",
        f"⟦pdca⟧改善計画 {UUID}: origin_revision（版番号）は整数にしてください",
    ]
    assert [P.status_word(s) for s in P.ACTION_STATUSES] == [
        "⟦pdca⟧未着手", "⟦pdca⟧進行中", "⟦pdca⟧完了", "⟦pdca⟧見送り"]


def test_a_refused_status_change_reads_in_english(monkeypatch):
    from kanwa_review.core import i18n

    monkeypatch.setattr(i18n, "_language", "en")
    assert message(check_transition, IN_PROGRESS, NOT_STARTED) == (
        'the status cannot change from "in progress" to "not started"; it can change to done, '
        "dropped")
