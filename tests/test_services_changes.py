"""OpChanges (services/changes.py): what an operation changed, made from what the services
returned, and the questions screens ask it before re-reading."""

from __future__ import annotations

from datetime import date

from kanwa_review.core.imports import (
    FACILITIES,
    IMPORTED,
    PACKAGE,
    PROGRESS,
    REJECTED,
    SUPERSEDED,
    UNCHANGED,
    WORKBOOK,
    ImportResult,
)
from kanwa_review.services import Changed, OpChanges


def test_a_rejected_or_unchanged_file_changed_nothing():
    results = [ImportResult("a.kanwa", REJECTED, PACKAGE, review="u1", facility="F001"),
               ImportResult("b.kanwa", UNCHANGED, PACKAGE, review="u2", facility="F001"),
               ImportResult("c.xlsx", UNCHANGED, WORKBOOK, review="u3"),
               ImportResult("d.json", UNCHANGED, PROGRESS),
               ImportResult("e.csv", REJECTED, FACILITIES, errors=["x"])]
    changes = OpChanges.of_imports(results)
    assert changes == OpChanges() and not changes.any


def test_packages_change_their_reviews_and_facilities():
    changes = OpChanges.of_imports([
        ImportResult("a.kanwa", IMPORTED, PACKAGE, review="u1", revision=1, facility="F001"),
        ImportResult("b.kanwa", SUPERSEDED, PACKAGE, review="u2", revision=2, facility="F002")])
    assert (changes.reviews, changes.answers, changes.findings) == (True, True, True)
    assert not changes.actions and not changes.facilities
    assert changes.review_uuids == {"u1", "u2"} and changes.facility_codes == {"F001", "F002"}
    assert changes.home and changes.review("u1") and not changes.review("u9", "F009")
    assert changes.overview() and changes.overview("F002") and not changes.overview("F003")


def test_an_unchanged_package_may_still_bring_newer_actions():
    changes = OpChanges.of_imports([ImportResult("a.kanwa", UNCHANGED, PACKAGE, review="u1",
                                                 facility="F001", actions={"updated": 1})])
    assert changes.actions and not changes.reviews and not changes.home
    assert changes.review_uuids == frozenset() and changes.facility_codes == {"F001"}
    assert changes.review("u9", "F001") and not changes.review("u1", "F002")
    stale = OpChanges.of_imports([ImportResult("a.kanwa", UNCHANGED, PACKAGE, facility="F001",
                                               actions={"stale": 2, "unchanged": 1})])
    assert not stale.any


def test_workbooks_and_progress_files_do_not_know_the_facility():
    book = OpChanges.of_imports([ImportResult("a.xlsx", IMPORTED, WORKBOOK, review="u1",
                                              final=True)])
    assert book.reviews and book.review_uuids == {"u1"} and book.facility_codes is None
    assert book.overview("F123")                     # unknown facility: every history re-reads
    progress = OpChanges.of_imports([ImportResult("p.json", IMPORTED, PROGRESS,
                                                  applied=["Actions!K2"])])
    assert progress.actions and progress.facility_codes is None and not progress.home
    assert progress.review("any", "F001")
    nothing = OpChanges.of_imports([ImportResult("p.json", IMPORTED, PROGRESS,
                                                 unchanged=["Actions!K2"])])
    assert not nothing.any


def test_a_facility_list_changes_the_codes_it_wrote():
    changes = OpChanges.of_imports([ImportResult("m.csv", IMPORTED, FACILITIES,
                                                 created=["H1"], updated=["H2"],
                                                 unchanged=["H3"])])
    assert changes.facilities and changes.facility_codes == {"H1", "H2"} and changes.home
    assert changes.overview("H2") and not changes.overview("H3")
    assert not changes.review("u", "H3") and changes.review("u", "H1")


def test_union_keeps_unknown_as_unknown():
    a = OpChanges(answers=True, review_uuids=frozenset({"u1"}), facility_codes=frozenset({"F1"}))
    b = OpChanges(actions=True, facility_codes=None)
    both = a | b
    assert both.answers and both.actions and both.review_uuids == {"u1"}
    assert both.facility_codes is None
    assert (a | OpChanges()).facility_codes == {"F1"}
    everything = OpChanges.everything()
    assert everything.review("u", "F") and everything.overview("F") and everything.home


def test_edits_on_the_ui_thread(services, draft):
    changed = services.set_answer(draft.uuid, "A-1", rating="B")
    edit = OpChanges.of_edit(changed, "F001")
    assert edit.answers and not edit.reviews and edit.review_uuids == {draft.uuid}
    assert edit.review(draft.uuid) and not edit.overview("F001")    # a draft's answers only
    finalised = OpChanges.of_edit(Changed(draft.uuid, 1, review=True), "F001")
    assert finalised.overview("F001") and not finalised.overview("F002")
    assert OpChanges.of_edit(Changed(draft.uuid, 1, review=True)).facility_codes is None
    created = services.add_action("F001", "計画を作る", due_date=date(2026, 1, 1))
    assert OpChanges.of_edit(created).facility_codes == {"F001"}
    updated = services.update_action(created.uuid, title="計画を作り直す")
    assert OpChanges.of_edit(updated).actions and OpChanges.of_edit(updated).overview("F001")
    same = services.update_action(created.uuid, title="計画を作り直す")
    assert not OpChanges.of_edit(same).any                          # nothing was written


def test_a_migration_changes_the_reviews_it_moved():
    from kanwa_review.services.form_migration import MigrationResult

    def result(uuid, code, status):
        return MigrationResult(uuid, 1, code, "架空病院", "2026.2", "2026.3", status)
    changes = OpChanges.of_migrations([result("u1", "F001", "migrated"),
                                       result("u2", "F002", "refused"),
                                       result("u3", "F003", "migrated")])
    assert (changes.reviews, changes.answers, changes.findings, changes.actions) == (
        True, True, True, False)
    assert changes.review_uuids == {"u1", "u3"} and changes.facility_codes == {"F001", "F003"}
    assert changes.review("u1", "F001") and not changes.review("u2", "F002")
    assert not OpChanges.of_migrations([result("u2", "F002", "unchanged")]).any
    assert not OpChanges.of_migrations([]).any


def test_the_file_names_of_a_form(services, mini_form):
    assert services.form_workbook_file_name(mini_form) == "評価票編集用_mini-test_1.xlsx"
    assert services.form_file_name(mini_form) == "mini-test_1.yaml"
