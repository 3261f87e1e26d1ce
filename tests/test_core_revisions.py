"""core.revision_map and core.revisions: the revision map of a form (its model and the checks on
the form it sits in and on the version it names), links and paths between versions, and the
one cross-version comparison (sections by code unless not comparable, items one-to-one)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from kanwa_review.core.form import Form, FormError, parse_form
from kanwa_review.core.revision_map import (
    MapEntry, RevisionMap, arity_text, default_carry, map_problems, raw_items,
)
from kanwa_review.core.revisions import (
    Correspondence, Link, correspondence, map_item_codes, map_problems_against, not_compared,
    other_form, related, revision, revision_path, correspondence_either_way, visit_changes,
)
from kanwa_review.core.scoring import Score, ScoreSummary
from kanwa_review.core.trends import ScoreChange, score_changes
from tests.core_support import ABCD, item


def form(version: str, *sections: tuple[str, list[dict]], replaces: dict | None = None,
         form_id: str = "rev-test") -> Form:
    data: dict[str, Any] = {
        "format": "kanwa-form/1", "id": form_id, "version": version,
        "title": {"ja": "改訂テスト", "en": "Revision test"}, "scales": [ABCD],
        "sections": [{"code": code, "title": {"ja": f"節{code}", "en": f"Section {code}"},
                      "items": items} for code, items in sections]}
    if replaces is not None:
        data["replaces"] = replaces
    return Form.model_validate(data)


def entry(kind: str, old=(), new=(), **kw) -> dict:
    out: dict[str, Any] = {"kind": kind}
    if old:
        out["from"] = list(old)
    if new:
        out["to"] = list(new)
    return {**out, **kw}


def mapping(*entries: dict, version: str = "1", form_id: str = "rev-test", **kw) -> dict:
    return {"form": form_id, "version": version, "items": list(entries), **kw}


V1 = form("1", ("A", [item("A-1"), item("A-2"), item("A-3"), item("A-4", "yes_no")]),
          ("B", [item("B-1"), item("B-2", "integer")]))


def v2(*entries: dict, **kw) -> Form:
    """Version 2: A-1 same, A-2 → A-5 renamed, A-3 split → A-6/A-7, A-4 dropped, B-1 + B-2 …"""
    return form("2", ("A", [item("A-1"), item("A-5"), item("A-6"), item("A-7")]),
                ("B", [item("B-1"), item("B-3", "integer")]),
                replaces=mapping(*entries, **kw))


FULL = (entry("renamed", ["A-2"], ["A-5"]), entry("split", ["A-3"], ["A-6", "A-7"]),
        entry("dropped", ["A-4"]), entry("renamed", ["B-2"], ["B-3"]))


# --- the model -----------------------------------------------------------------------------

def test_a_map_entry_reads_from_as_a_keyword_and_has_a_default_carry_per_kind():
    e = MapEntry.model_validate({"kind": "split", "from": ["C-10"], "to": ["C-18", "C-19"]})
    assert e.from_ == ("C-10",) and e.to == ("C-18", "C-19") and e.carry is None
    assert e.effective_carry == "copy_each"
    assert MapEntry.model_validate({"kind": "merged", "from": ["A-1", "A-2"], "to": ["A-3"],
                                    "carry": "empty"}).effective_carry == "empty"
    assert [default_carry(k) for k in ("renamed", "revised", "split", "merged", "dropped",
                                       "new")] == ["copy", "copy", "copy_each", "lowest",
                                                   "empty", "empty"]
    with pytest.raises(ValidationError, match="C10"):
        MapEntry.model_validate({"kind": "new", "to": ["C10"]})
    with pytest.raises(ValidationError):
        MapEntry.model_validate({"kind": "moved", "to": ["C-1"]})


def test_the_map_keeps_its_version_as_text_and_finds_entries():
    m = RevisionMap.model_validate(mapping(*FULL, version=2026.1))
    assert m.version == "2026.1"
    assert RevisionMap.model_validate(mapping(version=3)).version == "3"
    assert RevisionMap.model_validate(mapping(version="x")).version == "x"
    assert [e.kind for e in m.entries_from("A-3")] == ["split"]
    assert m.entries_from("Z-1") == []
    assert m.entry_to("A-7").kind == "split" and m.entry_to("A-1") is None
    with pytest.raises(ValidationError):
        RevisionMap.model_validate(mapping(version=True))


def test_arity_texts_name_each_kind():
    for kind in ("renamed", "revised", "split", "merged", "dropped", "new"):
        assert arity_text(kind).startswith(kind)


def test_a_form_without_a_map_has_the_same_hash_as_before(mini_form):
    assert mini_form.replaces is None
    assert "replaces" not in mini_form.canonical_json()


# --- checks on the raw map, in the form it sits in -----------------------------------------

def raw(*entries: dict, **kw) -> dict:
    data = v2().model_dump(mode="json", by_alias=True, exclude_none=True)
    data["replaces"] = mapping(*entries, **kw)
    return data


def problems(*entries: dict, **kw) -> list[tuple]:
    return [(path, code) for path, code, _m in map_problems(raw(*entries, **kw))]


def messages(*entries: dict, **kw) -> str:
    return " ".join(m for _p, _c, m in map_problems(raw(*entries, **kw)))


def test_a_good_map_has_no_problems_and_no_map_none():
    assert map_problems(raw(*FULL)) == []
    assert map_problems({"sections": []}) == []
    assert map_problems({"replaces": "nonsense"}) == []


def test_the_number_of_codes_must_fit_the_kind():
    assert problems(entry("split", ["A-3"], ["A-6"])) == [(("items", 0, "kind"), "A-3")]
    assert problems(entry("merged", ["A-3"], ["A-6"])) == [(("items", 0, "kind"), "A-3")]
    assert problems(entry("renamed", ["A-2", "A-3"], ["A-5"])) == [(("items", 0, "kind"), "A-2")]
    assert problems(entry("dropped", ["A-4"], ["A-1"])) == [(("items", 0, "kind"), "A-4")]
    assert problems(entry("new", ["A-4"], ["A-7"])) == [(("items", 0, "kind"), "A-4")]
    assert problems(entry("new")) == [(("items", 0, "kind"), None)]
    assert problems(entry("merged", ["A-2", "A-3", "A-4"], ["A-5"])) == []
    assert problems(entry("split", ["A-3"], ["A-5", "A-6", "A-7"])) == []
    assert problems(entry("dropped", ["A-4", "Z-1"])) == []
    assert problems(entry("new", [], ["A-5", "A-6"])) == []
    assert "from 2個以上" in messages(entry("merged", ["A-3"], ["A-6"]))


def test_codes_named_twice_and_targets_given_twice():
    assert (("items", 0, "to"), "A-6") in problems(entry("split", ["A-3"], ["A-6", "A-6"]))
    assert (("items", 0, "from"), "A-2") in problems(entry("merged", ["A-2", "A-2"], ["A-5"]))
    twice = problems(entry("renamed", ["A-2"], ["A-5"]), entry("renamed", ["A-3"], ["A-5"]))
    assert twice == [(("items", 1, "to", 0), "A-5")]
    assert "1 行目" in messages(entry("renamed", ["A-2"], ["A-5"]),
                               entry("renamed", ["A-3"], ["A-5"]))


def test_later_codes_must_be_in_the_form_and_retired_codes_must_not():
    assert problems(entry("new", [], ["A-9"])) == [(("items", 0, "to", 0), "A-9")]
    assert problems(entry("split", ["A-3"], ["A-6", "A-9"])) == [(("items", 0, "to", 1), "A-9")]
    assert problems(entry("renamed", ["A-1"], ["A-5"])) == [(("items", 0, "from", 0), "A-1")]
    assert problems(entry("dropped", ["A-4", "B-1"])) == [(("items", 0, "from", 1), "B-1")]
    # a split or merge may keep one of its codes
    assert problems(entry("merged", ["A-1", "A-2"], ["A-1"])) == []


def test_renamed_changes_the_code_and_revised_keeps_it():
    assert problems(entry("renamed", ["A-1"], ["A-1"])) == [(("items", 0, "to"), "A-1"),
                                                          (("items", 0, "from", 0), "A-1")]
    assert problems(entry("revised", ["A-1"], ["A-5"])) == [(("items", 0, "to"), "A-5")]
    assert problems(entry("revised", ["A-1"], ["A-1"])) == []
    assert "kind: revised" in messages(entry("renamed", ["A-6"], ["A-6"]))


def test_the_carry_rule_must_fit_the_kind_and_lowest_needs_a_rating():
    assert problems(entry("split", ["A-3"], ["A-6", "A-7"], carry="copy")) == [
        (("items", 0, "carry"), "A-3")]
    assert problems(entry("new", [], ["A-6"], carry="copy")) == [(("items", 0, "carry"), "A-6")]
    assert problems(entry("split", ["A-3"], ["A-6", "A-7"], carry="empty")) == []
    assert problems(entry("merged", ["A-3", "A-4"], ["B-3"])) == [(("items", 0, "to", 0), "B-3")]
    assert problems(entry("merged", ["A-3", "A-4"], ["B-3"], carry="lowest")) == [
        (("items", 0, "to", 0), "B-3")]
    assert problems(entry("merged", ["A-3", "A-4"], ["B-3"], carry="empty")) == []
    assert problems(entry("merged", ["A-2", "A-3"], ["A-5"])) == []
    # an unknown carry word is the model's to report
    assert problems(entry("split", ["A-3"], ["A-6", "A-7"], carry="move")) == []
    assert "copy_each" in messages(entry("split", ["A-3"], ["A-6", "A-7"], carry="copy"))


def test_not_comparable_names_sections_of_the_form_and_a_map_cannot_name_itself():
    assert problems(not_comparable=["A", "Z"]) == [(("not_comparable", 1), "Z")]
    assert problems(version="2") == [(("version",), None)]
    assert problems(version="2", form_id="other") == []


def test_raw_checks_skip_what_the_model_reports():
    assert problems(entry("moved", ["A-3"], ["A-6"])) == []
    assert map_problems({"replaces": {"items": ["x", 3]}, "sections": []}) == []
    assert raw_items({"sections": [{"items": [{"code": "A-1"}, {"code": 3}, "x"]}, "y"]}) == {
        "A-1": {"code": "A-1"}}


def test_the_form_loader_reports_map_problems_with_their_line():
    base = v2().model_dump(mode="json", by_alias=True, exclude_none=True)
    import yaml

    base["replaces"] = mapping(entry("new", [], ["A-9"]))
    text = yaml.safe_dump(base, allow_unicode=True, sort_keys=False)
    with pytest.raises(FormError) as info:
        parse_form(text, "x.yaml")
    found = [p for p in info.value.problems if p.item == "A-9"]
    assert found and "A-9" in text.splitlines()[found[0].line - 1]
    # the loader's problem carries the map check's own message
    expected = {message for _path, code, message in map_problems(base) if code == "A-9"}
    assert expected and {p.message for p in found} == expected


# --- links between two versions ------------------------------------------------------------

def kinds(r) -> list[tuple]:
    return [(k.kind, k.old, k.new, k.carry, k.mapped) for k in r.links]


def test_links_follow_the_map_then_codes():
    r = revision(V1, v2(*FULL))
    assert r.mapped and r.old is V1
    assert kinds(r) == [
        ("same", ("A-1",), ("A-1",), "copy", False),
        ("renamed", ("A-2",), ("A-5",), "copy", True),
        ("split", ("A-3",), ("A-6", "A-7"), "copy_each", True),
        ("same", ("B-1",), ("B-1",), "copy", False),
        ("renamed", ("B-2",), ("B-3",), "copy", True),
        ("dropped", ("A-4",), (), "empty", True),
    ]
    assert r.link_to("A-7").kind == "split" and r.link_to("Z-1") is None
    assert [k.kind for k in r.links_from("A-3")] == ["split"]


def test_without_a_map_items_are_linked_by_code():
    r = revision(V1, v2())
    assert not r.mapped or r.links  # a map with no entries names V1: mapped, linked by code
    plain = form("2", ("A", [item("A-1"), item("A-5")]))
    r = revision(V1, plain)
    assert not r.mapped
    assert kinds(r) == [
        ("same", ("A-1",), ("A-1",), "copy", False), ("new", (), ("A-5",), "empty", False),
        ("dropped", ("A-2",), (), "empty", False), ("dropped", ("A-3",), (), "empty", False),
        ("dropped", ("A-4",), (), "empty", False), ("dropped", ("B-1",), (), "empty", False),
        ("dropped", ("B-2",), (), "empty", False)]


def test_a_map_naming_another_version_is_not_used():
    later = v2(*FULL, version="0")
    assert not revision(V1, later).mapped
    assert revision(V1, later).not_comparable == frozenset()


def test_lowest_onto_a_non_rating_item_carries_nothing_and_notes_are_kept():
    later = v2(entry("merged", ["A-4", "B-2"], ["B-3"], note={"ja": "まとめた"}))
    link = revision(V1, later).link_to("B-3")
    assert (link.kind, link.carry, link.note) == ("merged", "empty", "まとめた")
    assert revision(V1, v2(*FULL)).link_to("A-5").note is None


def test_one_to_one_is_same_renamed_or_revised_with_copy():
    assert Link("same", ("A",), ("A",), "copy").one_to_one
    assert Link("renamed", ("A",), ("B",), "copy").one_to_one
    assert Link("revised", ("A",), ("A",), "copy").one_to_one
    assert not Link("revised", ("A",), ("A",), "empty").one_to_one
    assert not Link("split", ("A",), ("B", "C"), "copy_each").one_to_one
    assert not Link("merged", ("A", "B"), ("C",), "copy").one_to_one


def test_not_comparable_sections_come_from_the_map():
    assert revision(V1, v2(*FULL, not_comparable=["B"])).not_comparable == {"B"}


# --- paths through several versions --------------------------------------------------------

V3 = form("3", ("A", [item("A-1"), item("A-8"), item("A-6"), item("A-7")]),
          ("B", [item("B-1"), item("B-3", "integer")]),
          replaces=mapping(entry("renamed", ["A-5"], ["A-8"]), version="2"))


def test_a_path_follows_the_maps_back_through_known_versions():
    steps = revision_path(V1, V3, [v2(*FULL)])
    assert [(s.old.version, s.new.version) for s in steps] == [("1", "2"), ("2", "3")]
    assert all(s.mapped for s in steps)
    # without the version in between: one step by code
    alone = revision_path(V1, V3)
    assert len(alone) == 1 and not alone[0].mapped
    # the same version (another hash) is linked by code
    again = form("1", ("A", [item("A-1")]))
    assert [s.mapped for s in revision_path(V1, again, [v2(*FULL)])] == [False]
    assert revision_path(V1, v2(*FULL))[0].mapped


def test_a_loop_of_maps_ends():
    a = form("2", ("A", [item("A-1")]), replaces=mapping(version="3"))
    b = form("3", ("A", [item("A-1")]), replaces=mapping(version="2"))
    steps = revision_path(V1, b, [a, b])
    assert [(s.old.version, s.new.version, s.mapped) for s in steps] == [
        ("1", "2", False), ("2", "3", True)]


def test_the_version_with_a_map_is_preferred_in_the_chain():
    bare = form("2", ("A", [item("A-1"), item("A-5")]))
    steps = revision_path(V1, V3, [bare, v2(*FULL)])
    assert [s.mapped for s in steps] == [True, True]
    steps = revision_path(V1, V3, [v2(*FULL), bare])
    assert [s.mapped for s in steps] == [True, True]
    steps = revision_path(V1, V3, [bare])
    assert [s.mapped for s in steps] == [False, True]


def test_related_forms_share_an_id_or_a_chain_of_maps():
    assert related(V1, v2())
    variant = form("1", ("A", [item("A-1")]), form_id="variant",
                   replaces=mapping(version="1", form_id="rev-test"))
    assert related(V1, variant)
    assert not related(V1, form("1", ("A", [item("A-1")]), form_id="other"))


# --- the map against the version it revises -----------------------------------------------

def against(*entries: dict, **kw) -> list[tuple]:
    return map_problems_against(V1, v2(*entries, **kw))


def test_a_complete_map_fits_the_earlier_version():
    assert against(*FULL) == []
    assert map_problems_against(V1, form("2", ("A", [item("A-1")]))) == []
    assert map_problems_against(V1, v2(*FULL, version="0")) == []


def test_every_change_of_code_must_be_in_the_map():
    found = against(entry("renamed", ["A-2"], ["A-5"]), entry("split", ["A-3"], ["A-6", "A-7"]))
    assert [c for c, _m in found] == ["A-4", "B-2", "B-3"]
    assert "dropped" in found[0][1] and "kind: new" in found[2][1]


def test_earlier_codes_must_exist_and_new_items_must_be_new():
    found = against(*FULL, entry("dropped", ["Z-9"]))
    assert [c for c, _m in found] == ["Z-9"]
    found = against(*FULL[:3], entry("renamed", ["B-2"], ["B-3"]), entry("new", [], ["A-1"]))
    assert [c for c, _m in found] == ["A-1"] and "revised" in found[0][1]


def test_copied_answers_must_fit_the_later_item():
    found = against(entry("renamed", ["A-2"], ["A-5"]), entry("split", ["A-3"], ["A-6", "A-7"]),
                    entry("dropped", ["A-4"]), entry("renamed", ["B-1"], ["B-3"]),
                    entry("dropped", ["B-2"]), entry("new", [], ["B-1"]))
    codes = [c for c, _m in found]
    assert "B-3" in codes and any("carry: empty" in m for _c, m in found)
    found = against(*FULL[:3], entry("merged", ["A-4", "B-2"], ["B-3"], carry="lowest"))
    assert [c for c, _m in found] == ["A-4", "B-2"]
    assert against(*FULL[:3], entry("merged", ["A-4", "B-2"], ["B-3"], carry="empty")) == []
    assert against(*FULL[:3], entry("renamed", ["B-2"], ["B-3"], carry="empty")) == []


def test_a_rating_copied_onto_another_scale_must_keep_its_grades():
    three = {"id": "abc", "options": [{"code": c, "label": {"ja": c, "en": c}, "points": p}
                                      for c, p in (("A", 2), ("B", 1), ("C", 0))]}
    data = v2(*FULL).model_dump(mode="json", by_alias=True, exclude_none=True)
    data["scales"].append(three)
    data["sections"][0]["items"][1]["scale"] = "abc"
    found = map_problems_against(V1, Form.model_validate(data))
    assert [c for c, _m in found] == ["A-5"]


# --- comparing like with like --------------------------------------------------------------

def summary(overall: float | None, **sections: float | None) -> ScoreSummary:
    return ScoreSummary(Score("overall", "総合", overall, 0, 0, 0, 0, 0),
                        tuple(Score(c, f"節{c}", v, 0, 0, 0, 0, 0) for c, v in sections.items()))


def test_the_same_form_compares_everything():
    c = correspondence(V1, V1)
    assert c == Correspondence({"A": "A", "B": "B"},
                               {i.code: i.code for i in V1.items()}, True, None)


def test_sections_by_code_and_items_one_to_one():
    c = correspondence(V1, v2(*FULL))
    assert c.sections == {"A": "A", "B": "B"} and c.overall and c.note is None
    assert c.items == {"A-1": "A-1", "A-5": "A-2", "B-1": "B-1", "B-3": "B-2"}


def test_a_section_not_comparable_or_missing_says_so():
    c = correspondence(V1, v2(*FULL, not_comparable=["B"]))
    assert c.sections == {"A": "A"} and not c.overall and c.note == not_compared()
    new_section = form("2", ("A", [item("A-1")]), ("C", [item("C-1")]),
                       replaces=mapping(entry("dropped", ["A-2", "A-3", "A-4", "B-1", "B-2"]),
                                        entry("new", [], ["C-1"])))
    c = correspondence(V1, new_section)
    assert c.sections == {"A": "A"} and not c.overall and c.note == not_compared()


def test_sections_without_ratings_do_not_stop_the_overall_comparison():
    figures = form("2", ("A", [item("A-1")]), ("C", [item("C-1", "integer")]))
    before = form("1", ("A", [item("A-1")]))
    c = correspondence(before, figures)
    assert c.overall and c.sections == {"A": "A"} and c.note == not_compared()
    c = correspondence(figures, before)
    assert c.overall and c.note is None


def test_another_form_compares_nothing():
    other = form("1", ("A", [item("A-1")]), form_id="other")
    assert correspondence(V1, other) == Correspondence({}, {}, False, other_form())


def test_items_follow_a_chain_of_one_to_one_links():
    c = correspondence(V1, V3, [v2(*FULL)])
    assert c.items == {"A-1": "A-1", "A-8": "A-2", "B-1": "B-1", "B-3": "B-2"}
    revised_empty = v2(entry("revised", ["A-1"], ["A-1"], carry="empty"), *FULL)
    assert "A-1" not in correspondence(V1, revised_empty).items


def shared(a, b, forms=()):
    c = correspondence_either_way(a, b, forms)
    return set(c.sections), c.overall, c.note


def test_correspondence_reads_either_way():
    later = v2(*FULL, not_comparable=["B"])
    assert shared(V1, later) == ({"A"}, False, not_compared())
    assert shared(later, V1) == ({"A"}, False, not_compared())
    assert shared(V1, V1) == ({"A", "B"}, True, None)


def test_correspondence_reads_either_way_beside_an_earlier_version():
    # a year with visits on versions 1 and 2, and version 0 (which 1 revises) known too: the
    # maps lead from 2 back to 1, not from 1 "back" to 2 through 0 and a step by code
    v0 = form("0", *[(s.code, [i.model_dump(mode="json", by_alias=True, exclude_none=True)
                                for i in s.items]) for s in V1.sections])
    v1 = form("1", *[(s.code, [i.model_dump(mode="json", by_alias=True, exclude_none=True)
                                for i in s.items]) for s in V1.sections],
              replaces=mapping(version="0"))
    later = v2(*FULL, not_comparable=["B"])
    pool = [v0, v1, later]
    assert revision_path(later, v1, pool)[0].mapped is False      # no map from 2 to 1
    assert shared(v1, later, pool) == ({"A"}, False, not_compared())
    assert shared(later, v1, pool) == ({"A"}, False, not_compared())


def test_visit_changes_on_one_form_are_score_changes():
    now, before = summary(70.0, A=60.0, B=80.0), summary(50.0, A=40.0, B=60.0)
    assert visit_changes(now, before) == score_changes(now, before)
    assert visit_changes(now, before, V1, V1) == score_changes(now, before)
    assert visit_changes(now, None, V1, v2()) == score_changes(now, None)
    assert visit_changes(now, before, V1, None) == score_changes(now, before)


def test_visit_changes_across_a_revision():
    now, before = summary(70.0, A=60.0, B=80.0), summary(50.0, A=40.0, B=60.0)
    changes = visit_changes(now, before, v2(*FULL), V1)
    assert [(c.code, c.delta, c.note) for c in changes] == [
        ("A", 20.0, None), ("B", 20.0, None), ("overall", 20.0, None)]
    changes = visit_changes(now, before, v2(*FULL, not_comparable=["B"]), V1)
    assert changes == [ScoreChange("A", "節A", 60.0, 40.0),
                       ScoreChange("B", "節B", 80.0, None, not_compared()),
                       ScoreChange("overall", "総合", 70.0, None, not_compared())]
    assert changes[1].delta is None


def test_visit_changes_against_another_form_say_why():
    other = form("1", ("A", [item("A-1")]), form_id="other")
    changes = visit_changes(summary(70.0, A=60.0), summary(50.0, A=40.0), other, V1)
    assert [(c.code, c.previous, c.note) for c in changes] == [
        ("A", None, other_form()), ("overall", None, other_form())]


def test_item_codes_of_findings_follow_the_map():
    steps = revision_path(V1, v2(*FULL))
    assert map_item_codes(steps, ["A-3", "A-2", "A-4", "A-1", "A-3"]) == ("A-6", "A-7", "A-5",
                                                                          "A-1")
    merged = v2(entry("merged", ["A-1", "A-2"], ["A-1"]), *FULL[1:])
    # A-1 continues as itself; A-2's part went into A-1 too
    assert map_item_codes(revision_path(V1, merged), ["A-1"]) == ("A-1",)
    assert map_item_codes(revision_path(V1, merged), ["A-2"]) == ("A-1",)
    assert map_item_codes(revision_path(V1, V3, [v2(*FULL)]), ["A-2", "A-3"]) == (
        "A-8", "A-6", "A-7")
    assert map_item_codes([], ["A-1", "A-1"]) == ("A-1",)


def test_a_chain_bridged_by_code_to_another_form_joins_nothing():
    other = form("1", ("A", [item("A-1"), item("A-2"), item("A-3"), item("A-4", "yes_no")]),
                 ("B", [item("B-1"), item("B-2", "integer")]), form_id="other")
    steps = revision_path(other, V3, [v2(*FULL)])
    assert [(s.old.id, s.new.version, s.mapped) for s in steps] == [
        ("other", "2", False), ("rev-test", "3", True)]
    assert not related(other, V3, [v2(*FULL)])
    assert correspondence(other, V3, [v2(*FULL)]) == Correspondence({}, {}, False, other_form())
    assert related(V1, V3, [v2(*FULL)]) and related(V1, V3)


# --- every message, in its context (tests/data/golden/revisions.txt) ----------------------

def test_every_message_of_the_map_checks(monkeypatch):
    from kanwa_review.core.revision_map import KINDS
    from tests.core_support import check_golden, tag_translations

    tag_translations(monkeypatch)
    lines = []
    on_the_form = {
        "split short": [entry("split", ["A-3"], ["A-6"])],
        "renamed wide": [entry("renamed", ["A-2", "A-3"], ["A-5"])],
        "twice": [entry("split", ["A-3"], ["A-6", "A-6"]),
                  entry("merged", ["A-2", "A-2", "A-3", "A-3"], ["A-5"])],
        "given twice": [entry("renamed", ["A-2"], ["A-5"]), entry("renamed", ["A-3"], ["A-5"])],
        "renamed same": [entry("renamed", ["A-1"], ["A-1"])],
        "revised other": [entry("revised", ["A-1"], ["A-5"])],
        "missing target": [entry("new", [], ["A-9"])],
        "retired kept": [entry("dropped", ["A-4", "B-1"])],
        "carry kind": [entry("split", ["A-3"], ["A-6", "A-7"], carry="copy")],
        "lowest figure": [entry("merged", ["A-3", "A-4"], ["B-3"])],
        "not a mapping": ["x", entry("new", [], ["Z-1"])],
    }
    for name, entries in on_the_form.items():
        for path, code, message in map_problems(raw(*entries)):
            lines.append(f"{name} | {path} | {code} | {message}")
    for path, code, message in map_problems(raw(version="2", not_comparable=["A", "Z"])):
        lines.append(f"itself | {path} | {code} | {message}")
    lines += [f"arity {kind} | {arity_text(kind)}" for kind in KINDS]
    with pytest.raises(ValidationError) as info:
        MapEntry.model_validate({"kind": "new", "to": ["C10", "D-1", "x"]})
    lines.append(f"bad code | {info.value.errors()[0]['msg']}")
    against_old = {
        "complete": FULL,
        "missing": (entry("renamed", ["A-2"], ["A-5"]), entry("split", ["A-3"], ["A-6", "A-7"])),
        "unknown source": (*FULL, entry("dropped", ["Z-9"])),
        "not new": (*FULL[:3], entry("renamed", ["B-2"], ["B-3"]), entry("new", [], ["A-1"])),
        "type": (*FULL[:3], entry("renamed", ["B-1"], ["B-3"]), entry("dropped", ["B-2"]),
                 entry("new", [], ["B-1"])),
        "lowest": (*FULL[:3], entry("merged", ["A-4", "B-2"], ["B-3"], carry="lowest")),
        "lowest ratings": (entry("merged", ["A-2", "B-1"], ["A-5"]),
                           entry("split", ["A-3"], ["A-6", "A-7"]), entry("dropped", ["A-4"]),
                           entry("split", ["B-2"], ["B-3", "B-1"])),
    }
    for name, entries in against_old.items():
        for code, message in map_problems_against(V1, v2(*entries)):
            lines.append(f"{name} | {code} | {message}")
    three = {"id": "abc", "options": [{"code": c, "label": {"ja": c, "en": c}, "points": p}
                                      for c, p in (("A", 2), ("B", 1), ("C", 0))]}
    data = v2(*FULL).model_dump(mode="json", by_alias=True, exclude_none=True)
    data["scales"].append(three)
    data["sections"][0]["items"][1]["scale"] = "abc"
    for code, message in map_problems_against(V1, Form.model_validate(data)):
        lines.append(f"grades | {code} | {message}")
    lines += [f"not compared | {not_compared()}", f"other form | {other_form()}"]
    check_golden("revisions.txt", lines)


def test_an_entry_naming_items_not_in_the_form_gives_no_link():
    # a model-valid map whose target is not in the form (forms check refuses it)
    later = v2(*FULL, entry("new", [], ["Z-1"]))
    assert all("Z-1" not in k.new for k in revision(V1, later).links)


def test_a_long_chain_stops_after_max_steps():
    from kanwa_review.core import revisions as rv

    n = rv.MAX_STEPS + 3
    chain = [form(str(v), ("A", [item("A-1")]), replaces=mapping(version=str(v - 1)))
             for v in range(2, n + 1)]
    steps = revision_path(V1, chain[-1], chain)
    assert len(steps) == rv.MAX_STEPS + 1
    assert [s.mapped for s in steps] == [False] + [True] * rv.MAX_STEPS


def test_a_loop_behind_the_newest_version_ends():
    a = form("2", ("A", [item("A-1")]), replaces=mapping(version="3"))
    b = form("3", ("A", [item("A-1")]), replaces=mapping(version="2"))
    c = form("4", ("A", [item("A-1")]), replaces=mapping(version="3"))
    steps = revision_path(V1, c, [a, b])
    assert [(s.old.version, s.new.version) for s in steps] == [("1", "2"), ("2", "3"),
                                                               ("3", "4")]


def test_chains_through_known_versions_for_every_comparison():
    variant = form("1", ("A", [item("A-1"), item("A-8")]), ("B", [item("B-1")]),
                   form_id="variant", replaces=mapping(version="2"))
    middle = v2(*FULL, not_comparable=["B"])
    assert related(V1, variant, [middle]) and not related(V1, variant)
    assert shared(V1, variant, [middle]) == ({"A"}, False, not_compared())
    assert shared(variant, V1, [middle]) == ({"A"}, False, not_compared())
    assert shared(V1, variant) == (set(), False, other_form())
    now, before = summary(70.0, A=60.0, B=80.0), summary(50.0, A=40.0, B=60.0)
    changes = visit_changes(now, before, variant, V1, [middle])
    assert [(c.code, c.delta, c.note) for c in changes] == [
        ("A", 20.0, None), ("B", None, not_compared()), ("overall", None, not_compared())]
    assert visit_changes(now, before, variant, V1)[0].note == other_form()


def test_not_comparable_sections_add_up_along_a_chain():
    later = form("3", ("A", [item("A-1"), item("A-5"), item("A-6"), item("A-7")]),
                 ("B", [item("B-1"), item("B-3", "integer")]),
                 replaces=mapping(version="2", not_comparable=["A"]))
    c = correspondence(V1, later, [v2(*FULL, not_comparable=["B"])])
    assert c.sections == {} and not c.overall


def test_the_overall_change_keeps_its_title():
    now, before = summary(70.0, A=60.0, B=80.0), summary(50.0, A=40.0, B=60.0)
    assert visit_changes(now, before, v2(*FULL), V1)[-1] == ScoreChange("overall", "総合",
                                                                        70.0, 50.0)


def test_findings_on_an_item_that_also_went_into_a_merge_stay_on_it():
    later = form("2", ("A", [item("A-1"), item("A-5")]),
                 replaces=mapping(entry("merged", ["A-1", "A-2"], ["A-5"]),
                                  entry("dropped", ["A-3", "A-4", "B-1", "B-2"])))
    steps = revision_path(V1, later)
    assert map_item_codes(steps, ["A-1"]) == ("A-1",)
    assert map_item_codes(steps, ["A-2"]) == ("A-5",)
