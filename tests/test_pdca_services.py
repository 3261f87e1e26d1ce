"""PDCA services over a real database: actions, progress, stale protection, audit, follow-up
reviews and facility history."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest

from kanwa_review.core.pdca import (
    DONE, DROPPED, IN_PROGRESS, NOT_STARTED, ActionStateError, StaleUpdateError,
    action_from_dict, parse_timestamp,
)
from kanwa_review.core.review import TeamMember
from kanwa_review.services.pdca import NO_ITEM
from tests.conftest import complete_mini

TEAM = [TeamMember("山田 花子", "leader", "physician")]


def _improve(services, uuid, codes=("A-2",)) -> int:
    fid, _ = services.add_finding(uuid, "improve", "計画を文書化されたい", list(codes))
    return fid


@pytest.fixture
def reviewed(services, draft):
    """F001 with a finalised review that has a point to improve on A-2; returns (uuid, fid)."""
    complete_mini(services, draft.uuid)
    fid = _improve(services, draft.uuid)
    services.finalise(draft.uuid, "山田 花子")
    return draft.uuid, fid


def _final_review(services, form, visit, ratings):
    r = services.start_review("F001", form, visit, TEAM)
    complete_mini(services, r.uuid)
    for code, rating in ratings.items():
        services.set_answer(r.uuid, code, rating=rating, comment="確認した")
    services.finalise(r.uuid, "山田 花子")
    return r


# --- creating and editing ----------------------------------------------------------------

def test_action_from_a_finding_takes_its_review_and_items(services, reviewed):
    uuid, fid = reviewed
    a = services.add_action("F001", "年度計画を文書化する", owner_role="緩和ケア委員会",
                            owner_name="佐藤 恵", due_date="2026-03-31",
                            success_measure="計画書の委員会承認", finding_id=fid)
    assert a.origin_review_uuid == uuid and a.origin_revision == 1
    assert a.item_codes == ("A-2",) and a.status == NOT_STARTED and a.status_label == "未着手"
    assert services.action(a.uuid) == a
    assert [x.uuid for x in services.actions_of_review(uuid)] == [a.uuid]
    assert [x.uuid for x in services.actions_of_facility("F001")] == [a.uuid]


def test_action_input_is_checked(services, reviewed):
    uuid, _ = reviewed
    with pytest.raises(LookupError, match="F999"):
        services.add_action("F999", "x")
    with pytest.raises(ValueError, match="項目コード .* は評価票 .* にありません"):
        services.add_action("F001", "x", origin_review_uuid=uuid, item_codes=["Z-9"])
    strength, _ = services.add_finding(services.amend(uuid, "所見の追加").uuid, "strength", "良い取組")
    with pytest.raises(ValueError, match="良い点には改善計画を付けられません"):
        services.add_action("F001", "x", finding_id=strength)
    with pytest.raises(ValueError, match="実施内容"):
        services.add_action("F001", "   ")
    assert services.actions() == []   # nothing half-written


def test_actions_stay_editable_while_the_origin_review_is_final(services, reviewed, database):
    uuid, fid = reviewed
    assert services.review(uuid).is_final
    a = services.add_action("F001", "計画を作る", finding_id=fid, due_date="2026-03-31")
    services.update_action(a.uuid, owner_name="新しい担当者", due_date="2026-06-30")
    services.add_progress(a.uuid, IN_PROGRESS, "着手した")
    got = services.action(a.uuid)
    assert got.owner_name == "新しい担当者" and got.due_date == date(2026, 6, 30)
    assert got.status == IN_PROGRESS
    # the database-level guards still protect the review itself
    with pytest.raises(sqlite3.IntegrityError):
        database.conn.execute("UPDATE findings SET text = 'x' WHERE id = ?", (fid,))


def test_state_changes_allowed_and_refused(services, facility):
    a = services.add_action("F001", "依頼手順を周知する")
    services.add_progress(a.uuid, IN_PROGRESS, "説明会を計画")
    with pytest.raises(ActionStateError):
        services.add_progress(a.uuid, NOT_STARTED, "戻す")
    changed = services.update_action(a.uuid, status="完了", note="全病棟で説明会を実施")
    assert changed.action.status == DONE and "progress" in changed.fields
    with pytest.raises(ActionStateError, match="見送り"):
        services.update_action(a.uuid, status=DROPPED)
    services.update_action(a.uuid, status=IN_PROGRESS, note="次回訪問で再開と判断")  # reopen
    notes = services.action(a.uuid).progress
    assert [n.status for n in notes] == [IN_PROGRESS, DONE, IN_PROGRESS]
    assert notes[1].note == "全病棟で説明会を実施" and notes[1].author == "テスト 太郎"


def test_every_change_is_audited_on_the_action_and_its_review(services, reviewed):
    uuid, fid = reviewed
    a = services.add_action("F001", "計画を作る", finding_id=fid)
    services.update_action(a.uuid, owner_role="看護部")
    services.add_progress(a.uuid, IN_PROGRESS, "開始")
    services.update_action(a.uuid, owner_role="看護部")   # no change: no audit entry
    trail = services.action_audit_trail(a.uuid)
    assert [t["action"] for t in trail] == ["create", "update", "progress"]
    assert all(t["entity"] == "action" and t["actor"] == "テスト 太郎" for t in trail)
    assert trail[1]["old"] == {"owner_role": ""} and trail[1]["new"] == {"owner_role": "看護部"}
    assert trail[2]["new"]["status"] == IN_PROGRESS and trail[2]["old"] == {"status": NOT_STARTED}
    in_review = [t for t in services.audit_trail(uuid) if t["entity"] == "action"]
    assert len(in_review) == 3                           # visible in the review's trail too
    services.delete_action(a.uuid)
    assert services.action_audit_trail(a.uuid)[-1]["action"] == "delete"
    with pytest.raises(LookupError):
        services.action(a.uuid)


# --- stale protection ----------------------------------------------------------------------

def test_older_update_never_overwrites_newer(services, facility):
    a = services.add_action("F001", "計画", created_at="2026-01-10T09:00:00+09:00")
    services.update_action(a.uuid, owner_name="新", updated_at="2026-03-01T09:00:00+09:00")
    late = services.update_action(a.uuid, owner_name="古", status=DONE,
                                  updated_at="2026-02-01T09:00:00+09:00")
    assert late.stale and not late.changed
    got = services.action(a.uuid)
    assert got.owner_name == "新" and got.status == NOT_STARTED
    assert got.updated_at == "2026-03-01T00:00:00.000+00:00"
    # an older progress report is ignored too
    old_note = services.add_progress(a.uuid, DONE, "完了", at="2026-02-15")
    assert old_note.stale and services.action(a.uuid).progress == ()
    newer = services.add_progress(a.uuid, IN_PROGRESS, "開始", at="2026-03-05")
    assert newer.changed and services.action(a.uuid).status == IN_PROGRESS
    again = services.add_progress(a.uuid, IN_PROGRESS, "開始", at="2026-03-05")  # re-import
    assert not again.stale and not again.changed
    assert len(services.action(a.uuid).progress) == 1
    # a different report of the same day is applied, not taken for a stale copy
    second = services.add_progress(a.uuid, DONE, "委員会で承認", at="2026-03-05")
    assert second.changed and not second.stale
    assert [p.note for p in services.action(a.uuid).progress] == ["開始", "委員会で承認"]
    assert services.action(a.uuid).status == DONE


def test_editor_with_an_old_copy_is_refused(services, facility):
    a = services.add_action("F001", "計画")
    services.update_action(a.uuid, owner_name="Aさん", expected_updated_at=a.updated_at)
    with pytest.raises(StaleUpdateError, match="再読み込み"):
        services.update_action(a.uuid, owner_name="Bさん", expected_updated_at=a.updated_at)
    assert services.action(a.uuid).owner_name == "Aさん"


def test_local_edit_after_a_future_dated_import_still_wins(services, facility):
    # Another PC's clock was a few hours ahead; a local edit must still be newer afterwards.
    ahead = (datetime.now(timezone.utc) + timedelta(hours=5)).isoformat()
    a = services.add_action("F001", "計画")
    services.update_action(a.uuid, owner_name="遠隔", updated_at=ahead)
    services.update_action(a.uuid, owner_name="手元")
    got = services.action(a.uuid)
    assert got.owner_name == "手元"
    assert parse_timestamp(got.updated_at) > parse_timestamp(ahead)


def test_upsert_merges_newer_and_ignores_older(services, facility):
    a = services.add_action("F001", "計画", created_at="2026-01-10T09:00:00+09:00")
    d = a.to_dict()
    newer = action_from_dict({**d, "status": "done", "updated_at": "2026-04-01T00:00:00Z",
                              "progress": [{"at": "2026-04-01T00:00:00Z", "status": "done",
                                            "note": "完了報告", "author": "病院"}]})
    ch = services.upsert_action(newer)
    assert ch.fields == ("status", "progress") and services.action(a.uuid).status == DONE
    assert services.upsert_action(newer).changed is False             # same file again
    older = action_from_dict({**d, "status": "in_progress", "updated_at": "2026-02-01T00:00:00Z"})
    assert services.upsert_action(older).stale
    assert services.action(a.uuid).status == DONE
    fresh = action_from_dict({**d, "uuid": "7a0b5d0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"})
    assert services.upsert_action(fresh).created
    assert services.action_audit_trail(fresh.uuid)[0]["action"] == "import_create"


# --- overdue ---------------------------------------------------------------------------------

def test_overdue_actions_across_facilities(services, facility):
    services.create_facility("F002", "架空市民病院")
    late = services.add_action("F002", "遅れ", due_date="2026-01-31")
    later = services.add_action("F001", "もっと遅れ", due_date="2025-12-31")
    services.add_action("F001", "期日前", due_date="2026-06-30")
    done = services.add_action("F001", "完了済み", due_date="2025-10-01")
    services.add_progress(done.uuid, DONE, "完了")
    services.add_action("F001", "期日なし")
    found = services.overdue_actions(date(2026, 4, 1))
    assert [a.uuid for a in found] == [later.uuid, late.uuid]
    assert services.overdue_actions(date(2026, 1, 31)) == [services.action(later.uuid)]
    assert len(services.actions_of_facility("F001", open_only=True)) == 3


# --- follow-up reviews -----------------------------------------------------------------------

def test_follow_up_shows_previous_answers_but_starts_empty(services, reviewed, mini_form):
    uuid, fid = reviewed
    a = services.add_action("F001", "計画を作る", finding_id=fid)
    general = services.add_action("F001", "委員会で進捗を確認する")
    closed = services.add_action("F001", "済み", item_codes=["A-1"])
    services.add_progress(closed.uuid, DONE, "完了")
    follow = services.start_follow_up("F001", mini_form, date(2026, 10, 5), TEAM)
    assert follow.status == "draft" and follow.uuid != uuid
    assert services.answers(follow.uuid) == {}                     # nothing copied
    prev = services.previous_answers(follow.uuid)
    assert prev["A-2"].rating == "C" and prev["A-1"].rating == "A"
    assert prev["B-1"].value == {"numerator": 45, "denominator": 60}
    by_item = services.open_actions_by_item(follow.uuid)
    assert [x.uuid for x in by_item["A-2"]] == [a.uuid]
    assert [x.uuid for x in by_item[NO_ITEM]] == [general.uuid]
    assert "A-1" not in by_item                                    # the done action is not open
    assert any(t["action"] == "follow_up" and t["new"]["previous_review"] == uuid
               for t in services.audit_trail(follow.uuid))


def test_accepting_previous_ratings_copies_only_ratings_and_figures(services, reviewed,
                                                                     mini_form):
    follow = services.start_follow_up("F001", mini_form, date(2026, 10, 5), TEAM)
    services.set_answer(follow.uuid, "A-1", rating="B")           # the reviewer's own rating
    changed = services.accept_previous(follow.uuid)
    answers = services.answers(follow.uuid)
    assert answers["A-1"].rating == "B"                           # kept: accept fills only gaps
    assert answers["A-2"].rating == "C" and answers["A-2"].comment == ""  # no old comment
    assert answers["B-1"].period == "2025年度"
    assert set(changed.items) >= {"A-2", "A-3", "B-1"}
    services.accept_previous(follow.uuid, ["A-1"])                # explicit: overwrite
    assert services.answers(follow.uuid)["A-1"].rating == "A"


def test_follow_up_needs_an_earlier_final_review(services, facility, draft, mini_form):
    with pytest.raises(LookupError, match="確定済み"):
        services.start_follow_up("F001", mini_form, date(2026, 10, 5))
    complete_mini(services, draft.uuid)
    services.finalise(draft.uuid, "山田 花子")
    with pytest.raises(ValueError, match="前回"):
        services.start_follow_up("F001", mini_form, date(2025, 11, 20))


# --- history -----------------------------------------------------------------------------------

def test_facility_history_over_three_fiscal_years(services, facility, mini_form):
    _final_review(services, mini_form, date(2023, 10, 2), {"A-1": "D", "A-2": "D"})
    _final_review(services, mini_form, date(2024, 10, 2), {"A-1": "C", "A-2": "C"})
    _final_review(services, mini_form, date(2025, 10, 2), {"A-1": "A", "A-2": "B"})
    services.start_review("F001", mini_form, date(2026, 10, 2), TEAM)   # a draft: left out
    h = services.facility_history("F001")
    assert h.fiscal_years == [2023, 2024, 2025]
    assert h.series("A") == [(2023, 0.0), (2024, 33.3), (2025, 77.8)]
    assert [c.delta for c in h.latest_changes() if c.code == "A"] == [44.5]
    assert h.points[1].delta("overall") == 33.3
    assert services.facility_history("F001", include_drafts=True).fiscal_years[-1] == 2026
    with pytest.raises(LookupError):
        services.facility_history("F999")


def test_actions_follow_their_finding_into_an_amendment(services, draft):
    complete_mini(services, draft.uuid)
    fid, _ = services.add_finding(draft.uuid, "improve", "手順書が古い", ["A-1"])
    action = services.add_action("F001", "手順書を改訂する", finding_id=fid)
    services.finalise(draft.uuid, "山田 花子")
    amended = services.amend(draft.uuid, "所見の見直し")
    copy = next(f for f in services.findings(draft.uuid) if f.text == "手順書が古い")
    assert copy.id != fid
    moved = services.action(action.uuid)
    assert moved.finding_id == copy.id                  # shown under the finding being edited
    assert moved.origin_review_uuid == draft.uuid and amended.revision == 2
    assert [a.uuid for a in services.actions_of_review(draft.uuid)] == [action.uuid]
