"""The services the report and the later UI need (issue 14): 総評 required to finalise, the visit
overview and the plan dates (audited, immutable once final, carried in packages and amendments),
the facility category kept per review, the hub's report settings, consistency warnings with the
visit date and category, and the coherence check of a demo database."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kanwa_review.core.review import ReviewStateError, TeamMember, VisitOverview
from kanwa_review.services import IncompleteReviewError, Services
from tests.conftest import complete_mini


def test_総評_is_required_to_finalise_with_a_clear_gap(services, draft):
    complete_mini(services, draft.uuid)
    services.set_overall_comment(draft.uuid, "")
    with pytest.raises(IncompleteReviewError) as info:
        services.finalise(draft.uuid, "山田 花子")
    [gap] = info.value.gaps
    assert (gap.kind, gap.item_code) == ("overall_comment", "") and "総評" in gap.message
    gaps, warnings = services.finalise_check(draft.uuid)
    assert [g.kind for g in gaps] == ["overall_comment"]
    # the mini review's B-1 period (2025年度) runs past the visit: a warning, never a block
    assert [(w.kind, w.item_code) for w in warnings] == [("period_after_visit", "B-1")]
    services.set_overall_comment(draft.uuid, "体制が整っている。")
    services.finalise(draft.uuid, "山田 花子")
    assert services.review(draft.uuid).overall_comment == "体制が整っている。"


def test_details_are_audited_and_read_back(services, draft):
    services.set_visit_overview(draft.uuid, schedule="13:00 開会", interviewees="センター長")
    services.set_visit_overview(draft.uuid, documents="規程")       # the others are kept
    services.set_plan_dates(draft.uuid, plan_due=date(2025, 12, 20), follow_up=date(2026, 5, 1))
    r = services.review(draft.uuid)
    assert r.overview == VisitOverview("13:00 開会", "センター長", "規程", "")
    assert (r.plan_due, r.follow_up) == (date(2025, 12, 20), date(2026, 5, 1))
    services.set_plan_dates(draft.uuid, follow_up=None)             # cleared, plan_due kept
    r = services.review(draft.uuid)
    assert r.follow_up is None and r.plan_due == date(2025, 12, 20)
    updates = [e for e in services.audit_trail(draft.uuid) if e["action"] == "update"]
    assert updates[0]["new"] == {"schedule": "13:00 開会", "interviewees": "センター長"}
    assert updates[-1]["old"] == {"follow_up": "2026-05-01"} and updates[-1]["new"] == {
        "follow_up": None}
    before = len(services.audit_trail(draft.uuid))
    services.set_visit_overview(draft.uuid, documents="規程")       # no change, no entry
    assert len(services.audit_trail(draft.uuid)) == before


def test_details_are_checked(services, draft):
    with pytest.raises(ValueError, match="訪問日 2025-11-20 より前"):
        services.set_plan_dates(draft.uuid, plan_due=date(2025, 11, 1))
    with pytest.raises(ValueError, match="unknown visit overview fields"):
        services.set_visit_overview(draft.uuid, weather="晴れ")
    with pytest.raises(ValueError, match="20,000文字以内"):
        services.set_overall_comment(draft.uuid, "長" * 20_001)


def test_details_of_a_final_revision_are_immutable_and_follow_an_amendment(services,
                                                                          final_review):
    uuid = final_review.uuid
    with pytest.raises(ReviewStateError):
        services.set_overall_comment(uuid, "後から書き換え")
    con = sqlite3.connect(services.database.path)
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        con.execute("UPDATE reviews SET overall_comment = 'x' WHERE uuid = ?", (uuid,))
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        con.execute("UPDATE reviews SET facility_category = 'other' WHERE uuid = ?", (uuid,))
    con.close()
    services.amend(uuid, "根拠資料を追加で確認した")
    assert services.review(uuid).overall_comment == services.review(uuid, 1).overall_comment


def test_the_facility_category_is_kept_with_the_review(services, real_form):
    services.create_facility("F050", "架空南病院", "架空県", "regional_hospital")
    r = services.start_review("F050", real_form, date(2026, 6, 1))
    assert r.facility_category == "regional_hospital"
    assert "C-20" in services.load(r.uuid).relevant()
    # a re-designation later does not change which items applied at this visit
    from kanwa_review.store import repository as repo

    with services.database.transaction():   # as a facility master import does
        repo.update_facility(services.database, repo.facility_by_code(
            services.database, "F050").id, name="架空南病院", prefecture="架空県",
            category="regional")
    assert services.review(r.uuid).facility_category == "regional_hospital"
    assert "C-20" in services.load(r.uuid).relevant() and "C-7" not in services.load(r.uuid).relevant()
    later = services.start_review("F050", real_form, date(2027, 6, 1))
    assert services.review(later.uuid).facility_category == "regional"


def test_review_warnings_use_the_visit_date_and_category(services, real_form):
    services.create_facility("F060", "架空北病院", "架空県", "regional")
    r = services.start_review("F060", real_form, date(2026, 6, 1))
    services.set_answer(r.uuid, "C-3", value="absent")
    services.set_answer(r.uuid, "C-2", rating="A")
    services.set_answer(r.uuid, "B-9", value={"numerator": 1, "denominator": 2},
                        period="2026年4月〜2026年9月")
    kinds = {(w.kind, w.item_code) for w in services.review_warnings(r.uuid)}
    assert ("rule", "C-2") in kinds and ("period_after_visit", "B-9") in kinds
    assert {(w.kind, w.item_code) for w in services.finalise_check(r.uuid)[1]} == kinds


def test_report_settings_stored_and_audited(services):
    assert services.report_settings().issuer == ""
    services.set_report_settings(issuer=" 〇〇県がん診療連携協議会 緩和ケア部会 ",
                                 distribution="病院長\n部会長")
    s = services.report_settings()
    assert s.issuer == "〇〇県がん診療連携協議会 緩和ケア部会" and s.recipients == ["病院長", "部会長"]
    services.set_report_settings(distribution="")                   # back to the default
    assert services.report_settings().distribution == ""
    entries = services.database.query("SELECT * FROM audit WHERE entity = 'settings'")
    assert len(entries) == 2
    with pytest.raises(ValueError, match="設定 colour はありません"):
        services.set_report_settings(colour="red")


def test_details_travel_in_a_package_and_old_packages_still_import(services, final_review,
                                                                   tmp_path):
    import json
    import zipfile

    from kanwa_review.store import open_database

    uuid = final_review.uuid
    services.amend(uuid, "根拠資料を追加で確認した")
    services.update_review(uuid, overview=VisitOverview("13:00 開会", "センター長", "規程", "病棟"),
                           plan_due=date(2025, 12, 20), follow_up=date(2026, 5, 20))
    services.finalise(uuid, "山田 花子")
    pkg = services.export_package(uuid, tmp_path / "r2.kanwa").path
    hub_db = open_database(tmp_path / "hub.sqlite")
    try:
        hub = Services(hub_db)
        assert hub.import_package(pkg).status == "imported"
        r = hub.review(uuid)
        mine = services.review(uuid)
        assert (r.overall_comment, r.overview, r.plan_due, r.follow_up, r.facility_category) == (
            mine.overall_comment, mine.overview, mine.plan_due, mine.follow_up,
            mine.facility_category)
        assert hub.import_package(pkg).status == "unchanged"      # the same revision again
    finally:
        hub_db.close()
    # a file of an older version has none of these properties: it still imports
    with zipfile.ZipFile(pkg) as zf:
        doc = json.loads(zf.read("review.json"))
    for key in ("overall_comment", "visit_overview", "plan_due", "follow_up",
                "facility_category"):
        assert key in doc["review"]
    from kanwa_review.exchange.package_reader import read_package_bytes
    from kanwa_review.exchange.package_writer import build_package

    for key in ("overall_comment", "visit_overview", "plan_due", "follow_up",
                "facility_category"):
        del doc["review"][key]
    form_json = services.form_of(services.review(uuid)).canonical_json()
    old = build_package(doc, form_json)
    package = read_package_bytes(old, "old.kanwa")
    assert package.details["overall_comment"] == "" and package.details["plan_due"] is None
    assert package.facility_category == doc["facility"]["category"]


def test_a_demo_database_passes_the_coherence_check(demo_db):
    from kanwa_review.store import open_database

    db = open_database(demo_db, readonly=True)
    try:
        s = Services(db)
        assert s.coherence_problems() == {}
        # every C/D has a comment and a finding, no rule warning, periods end by the visit
        finals = [r for r in s.list_reviews() if r.status == "final"]
        assert finals
        for row in finals:
            data = s.load(row.uuid)
            assert data.warnings() == []
            assert data.overall_comment and not data.review.overview.is_empty()
            r = data.review
            assert r.plan_due and r.follow_up and r.plan_due > r.visit_date
            signed = date.fromisoformat(r.finalised_at[:10])
            assert 0 <= (signed - r.visit_date).days <= 35      # within weeks of the visit
    finally:
        db.close()


def test_the_coherence_check_finds_what_breaks_a_story(services, final_review, mini_form):
    services.amend(final_review.uuid, "根拠資料を追加で確認した")
    services.set_answer(final_review.uuid, "A-1", rating="D", comment="")
    problems = services.coherence_problems(include_drafts=True)[final_review.uuid]
    assert {(p.kind, p.item_code) for p in problems} >= {("comment", "A-1"), ("finding", "A-1")}
    assert services.coherence_problems() == {}     # finals only: revision 1 holds no draft
    r = services.start_review("F001", mini_form, date(2026, 6, 1),
                              [TeamMember("山田 花子", "leader")])
    assert any(p.kind == "overall_comment"
               for p in services.coherence_problems(include_drafts=True)[r.uuid])
