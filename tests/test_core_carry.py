"""core.carry: a draft's answers moved to a new version of its form by the revision map, and the
list of items whose answer needs a second look."""

from __future__ import annotations

import pytest

from kanwa_review.core.form import Form
from kanwa_review.core.carry import Carried, Check, Moved, carry_answers, carry_step
from kanwa_review.core.review import MAX_TEXT, Answer
from kanwa_review.core.revisions import revision, revision_path
from tests.core_support import answers, item
from tests.test_core_revisions import FULL, V1, V3, entry, form, mapping, v2


def reasons(result: Carried) -> list[tuple]:
    return [(c.code, c.sources, c.reason) for c in result.checks]


OLD = answers(
    Answer("A-1", "A", "B", evidence="規程", comment="良い"),
    Answer("A-2", rating="C", comment="一部"),
    Answer("A-3", "B", "D", evidence="記録なし", comment="未整備"),
    Answer("A-4", value=True),
    Answer("B-1", rating="NA", comment="対象外"),
    Answer("B-2", value=12, period="2025年度"),
)


def test_each_link_moves_answers_by_its_rule():
    result = carry_answers(revision_path(V1, v2(*FULL)), OLD)
    a = result.answers
    assert a["A-1"] == OLD["A-1"]
    assert a["A-5"] == Answer("A-5", rating="C", comment="一部")
    assert a["A-6"] == Answer("A-6", "B", "D", evidence="記録なし", comment="未整備")
    assert a["A-7"] == Answer("A-7", "B", "D", evidence="記録なし", comment="未整備")
    assert a["B-3"] == Answer("B-3", value=12, period="2025年度")
    assert set(a) == {"A-1", "A-5", "A-6", "A-7", "B-1", "B-3"}
    assert [(m.code, m.sources, m.rule) for m in result.moved] == [
        ("A-1", ("A-1",), "copy"), ("A-5", ("A-2",), "copy"), ("A-6", ("A-3",), "copy_each"),
        ("A-7", ("A-3",), "copy_each"), ("B-1", ("B-1",), "copy"), ("B-3", ("B-2",), "copy")]
    assert reasons(result) == [("A-5", ("A-2",), "renamed"), ("A-6", ("A-3",), "split"),
                               ("A-7", ("A-3",), "split"), ("B-3", ("B-2",), "renamed"),
                               (None, ("A-4",), "dropped")]
    dropped = result.checks[-1]
    assert dropped.old == (OLD["A-4"],) and "変更履歴" in dropped.message
    assert "A-6、A-7" in result.checks[1].message


def test_empty_answers_and_unanswered_items_are_not_moved_or_listed():
    result = carry_answers(revision_path(V1, v2(*FULL)), {"A-2": Answer("A-2"),
                                                          "A-4": Answer("A-4")})
    assert result == Carried({}, (), ())


def test_merged_ratings_take_the_lowest_graded_one():
    later = v2(entry("merged", ["A-1", "A-2", "B-1"], ["A-5"]), *FULL[1:3],
               entry("renamed", ["B-2"], ["B-3"]), entry("new", [], ["B-1"]))
    result = carry_step(revision(V1, later), OLD)
    merged = result.answers["A-5"]
    # B, A-2: C, B-1: NA (no points) -> C; self-assessments: A only -> A
    assert (merged.rating, merged.self_rating) == ("C", "A")
    assert merged.evidence == "【A-1】規程"
    assert merged.comment == "【A-1】良い\n【A-2】一部\n【B-1】対象外"
    assert ("A-5", ("A-1", "A-2", "B-1"), "merged") in reasons(result)
    only_na = carry_step(revision(V1, later), answers(Answer("B-1", rating="NA")))
    assert only_na.answers["A-5"].rating == "NA"
    first_of_equals = carry_step(revision(V1, later), answers(
        Answer("A-1", rating="C", comment="x"), Answer("A-2", rating="C", comment="y")))
    assert first_of_equals.answers["A-5"] == Answer("A-5", rating="C",
                                                    comment="【A-1】x\n【A-2】y")
    none_rated = carry_step(revision(V1, later), answers(Answer("A-1", evidence="e")))
    assert none_rated.answers["A-5"] == Answer("A-5", evidence="【A-1】e")


def test_merged_text_is_kept_within_the_limit():
    later = v2(entry("merged", ["A-1", "A-2"], ["A-5"]), *FULL[1:])
    long = "あ" * MAX_TEXT
    result = carry_step(revision(V1, later), answers(Answer("A-1", rating="B", comment=long),
                                                    Answer("A-2", rating="C", comment=long)))
    assert len(result.answers["A-5"].comment) == MAX_TEXT


def test_carry_empty_lists_the_item_for_a_fresh_answer():
    later = v2(entry("split", ["A-3"], ["A-6", "A-7"], carry="empty"), *FULL[:1], *FULL[2:])
    result = carry_step(revision(V1, later), OLD)
    assert "A-6" not in result.answers and "A-7" not in result.answers
    assert [r for r in reasons(result) if r[2] == "not_carried"] == [
        ("A-6", ("A-3",), "not_carried"), ("A-7", ("A-3",), "not_carried")]
    assert "改めて回答" in result.checks[1].message


def test_what_does_not_fit_is_left_out_but_the_words_are_kept():
    # B-2 (integer) renamed onto a rating item: the figure cannot go, the period can't either
    later = form("2", ("A", [item("A-1"), item("A-5"), item("A-6"), item("A-7")]),
                 ("B", [item("B-1"), item("B-3")]),
                 replaces=mapping(*FULL))
    result = carry_step(revision(V1, later), OLD | answers(
        Answer("B-2", value=3, comment="件数は年報")))
    assert result.answers["B-3"] == Answer("B-3", comment="件数は年報")
    assert ("B-3", ("B-2",), "does_not_fit") in reasons(result)
    bare = carry_step(revision(V1, later), answers(Answer("B-2", value=3)))
    assert "B-3" not in bare.answers and reasons(bare) == [("B-3", ("B-2",), "does_not_fit")]
    assert bare.moved == ()


def test_a_rating_the_new_scale_lacks_does_not_fit():
    three = {"id": "abc", "options": [{"code": c, "label": {"ja": c, "en": c}, "points": p}
                                      for c, p in (("A", 2), ("B", 1), ("C", 0))]}
    data = V1.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["version"] = "2"
    data["scales"].append(three)
    data["sections"][0]["items"][0]["scale"] = "abc"
    from kanwa_review.core.form import Form

    later = Form.model_validate(data)
    result = carry_step(revision(V1, later), answers(Answer("A-1", rating="D", comment="c")))
    assert result.answers["A-1"] == Answer("A-1", comment="c")
    assert reasons(result) == [("A-1", ("A-1",), "does_not_fit")]


def test_same_code_items_whose_meaning_changed_are_listed():
    reworded = form("2", ("A", [item("A-1", ja="新しい文言"), item("A-2"), item("A-3"),
                                item("A-4", "yes_no", guidance={"ja": "見方"})]),
                    ("B", [item("B-1"), item("B-2", "integer")]))
    result = carry_step(revision(V1, reworded), OLD)
    assert reasons(result) == [("A-1", ("A-1",), "changed")]
    check = result.checks[0]
    assert check.aspects == ("wording",) and "文言" in check.message
    assert result.answers == OLD


def test_revised_items_are_listed_even_when_unchanged():
    later = v2(entry("revised", ["A-1"], ["A-1"]), *FULL)
    result = carry_step(revision(V1, later), OLD)
    assert ("A-1", ("A-1",), "revised") in reasons(result)
    assert result.answers["A-1"] == OLD["A-1"]


def test_answers_the_new_skip_logic_hides_are_cleared():
    later = form("2", ("A", [item("A-1"), item("A-2"), item("A-3"),
                             item("A-4", "yes_no", relevant_if={"item": "A-1", "equals": "D"})]),
                 ("B", [item("B-1"), item("B-2", "integer")]))
    result = carry_step(revision(V1, later), OLD)
    assert "A-4" not in result.answers
    assert all(m.code != "A-4" for m in result.moved)
    assert reasons(result) == [("A-4", ("A-4",), "skipped")]
    assert result.checks[0].old == (OLD["A-4"],)


def test_several_steps_name_the_first_version_and_follow_checks_forward():
    result = carry_answers(revision_path(V1, V3, [v2(*FULL)]), OLD)
    assert result.answers["A-8"] == Answer("A-8", rating="C", comment="一部")
    moved = {m.code: m.sources for m in result.moved}
    assert moved["A-8"] == ("A-2",) and moved["A-6"] == ("A-3",)
    # the rename A-2 -> A-5 of the first step is listed under A-8, where the answer is now
    assert ("A-8", ("A-2",), "renamed") in reasons(result)
    assert ("A-8", ("A-5",), "renamed") in reasons(result)
    assert (None, ("A-4",), "dropped") in reasons(result)


def test_no_steps_keep_everything():
    assert carry_answers([], OLD) == Carried(dict(OLD), (), ())


def test_values_of_the_results():
    m = Moved("A-1", ("A-1",), Answer("A-1"), "copy")
    c = Check("A-1", ("A-1",), "split", "x")
    assert (m.rule, c.old, c.aspects) == ("copy", (), ())


def _lines(name: str, result: Carried) -> list[str]:
    out = [f"{name} | moved {m.code} {m.sources} {m.rule} | {m.answer}" for m in result.moved]
    out += [f"{name} | check {c.code} {c.sources} {c.reason} {c.aspects} | {c.old} | "
            f"{c.message}" for c in result.checks]
    return out


def test_every_carry_and_its_message(monkeypatch):
    """tests/data/golden/carry.txt: what each rule carries and lists, in the words shown."""
    from tests.core_support import check_golden, tag_translations

    tag_translations(monkeypatch)
    merged = v2(entry("merged", ["A-1", "A-2", "B-1"], ["A-5"]), *FULL[1:3],
                entry("renamed", ["B-2"], ["B-3"]), entry("new", [], ["B-1"]))
    empty = v2(entry("split", ["A-3"], ["A-6", "A-7"], carry="empty"), *FULL[:1], *FULL[2:])
    figure_onto_rating = form("2", ("A", [item("A-1"), item("A-5"), item("A-6"), item("A-7")]),
                              ("B", [item("B-1"), item("B-3")]), replaces=mapping(*FULL))
    reworded = form("2", ("A", [item("A-1", ja="新しい文言", guidance={"ja": "見方"},
                                     anchors={"A": {"ja": "定義"}}), item("A-2"),
                                item("A-3"), item("A-4", "yes_no", guidance={"ja": "見方"})]),
                    ("B", [item("B-1"), item("B-2", "integer")]))
    revised = v2(entry("revised", ["A-1"], ["A-1"]), *FULL)
    hidden = form("2", ("A", [item("A-1"), item("A-2"), item("A-3"),
                              item("A-4", "yes_no", relevant_if={"item": "A-1", "equals": "D"})]),
                  ("B", [item("B-1"), item("B-2", "integer")]))
    extra = OLD | answers(Answer("B-2", value=3, evidence="年報", comment="件数は年報"))
    xy = {"id": "xy", "options": [{"code": c, "label": {"ja": c, "en": c}, "points": p}
                                  for c, p in (("X", 1), ("Y", 0))]}
    data = v2(entry("merged", ["A-1", "A-2"], ["A-5"]), *FULL[1:]).model_dump(
        mode="json", by_alias=True, exclude_none=True)
    data["scales"].append(xy)
    data["sections"][0]["items"][1]["scale"] = "xy"
    other_scale = Form.model_validate(data)
    lines = []
    for name, later, given in (("full", v2(*FULL), OLD), ("merged", merged, OLD),
                               ("empty", empty, OLD), ("does not fit", figure_onto_rating, extra),
                               ("reworded", reworded, OLD), ("revised", revised, OLD),
                               ("hidden", hidden, OLD), ("other scale", other_scale, OLD)):
        lines += _lines(name, carry_step(revision(V1, later), given))
    check_golden("carry.txt", lines)


def test_every_reason_has_a_message():
    from kanwa_review.core.carry import _message

    link = revision(V1, v2(*FULL)).links[2]
    with pytest.raises(ValueError, match="'bogus'"):
        _message("bogus", link, "A-6")


def test_what_does_not_fit_keeps_evidence_and_comment():
    later = form("2", ("A", [item("A-1")]), ("B", [item("B-3")]),
                 replaces=mapping(entry("renamed", ["B-2"], ["B-3"]),
                                  entry("dropped", ["A-2", "A-3", "A-4", "B-1"])))
    result = carry_step(revision(V1, later), answers(
        Answer("B-2", value=3, evidence="年報", comment="件数")))
    assert result.answers["B-3"] == Answer("B-3", evidence="年報", comment="件数")
    # nothing at all fits (a comment longer than any answer may hold)
    long = Answer("B-2", value=3, comment="あ" * (MAX_TEXT + 1))
    result = carry_step(revision(V1, later), answers(long))
    assert "B-3" not in result.answers and result.moved == ()
    assert [(c.code, c.reason) for c in result.checks] == [("B-3", "does_not_fit")]


def test_lowest_skips_unrated_sources_and_keeps_the_first_of_equal_points():
    later = v2(entry("merged", ["A-1", "A-2"], ["A-5"]), *FULL[1:])
    result = carry_step(revision(V1, later), answers(Answer("A-1", comment="未評価"),
                                                    Answer("A-2", rating="B")))
    assert result.answers["A-5"].rating == "B"
    twin = {"id": "twin", "options": [
        {"code": "Y", "label": {"ja": "y", "en": "y"}, "points": 1},
        {"code": "X", "label": {"ja": "x", "en": "x"}, "points": 1},
        {"code": "Z", "label": {"ja": "z", "en": "z"}, "points": 2}]}
    data = V1.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["scales"].append(twin)
    for i in data["sections"][0]["items"][:2]:
        i["scale"] = "twin"
    old = Form.model_validate(data)
    data = v2(entry("merged", ["A-1", "A-2"], ["A-5"]), *FULL[1:]).model_dump(
        mode="json", by_alias=True, exclude_none=True)
    data["scales"].append(twin)
    data["sections"][0]["items"][1]["scale"] = "twin"
    new = Form.model_validate(data)
    result = carry_step(revision(old, new), answers(Answer("A-1", rating="Y"),
                                                   Answer("A-2", rating="X")))
    assert result.answers["A-5"].rating == "Y"


def test_every_dropped_answer_is_listed():
    later = form("2", ("A", [item("A-1")]),
                 replaces=mapping(entry("dropped", ["A-2"]), entry("dropped", ["A-3"]),
                                  entry("dropped", ["A-4", "B-1", "B-2"])))
    result = carry_step(revision(V1, later), OLD)
    assert [(c.sources, c.reason) for c in result.checks] == [
        (("A-2",), "dropped"), (("A-3",), "dropped"), (("A-4", "B-1", "B-2"), "dropped")]
    assert result.checks[2].old == (OLD["A-4"], OLD["B-1"], OLD["B-2"])


def test_a_merge_names_its_unanswered_sources_too():
    later = v2(entry("merged", ["A-1", "A-2"], ["A-5"]), *FULL[1:])
    result = carry_answers(revision_path(V1, later), answers(Answer("A-1", rating="B")))
    assert [(m.code, m.sources) for m in result.moved] == [("A-1", ("A-1",)),
                                                           ("A-5", ("A-1", "A-2"))]


def test_checks_follow_the_item_through_every_later_step():
    v3 = form("3", ("A", [item("A-1"), item("A-5"), item("A-9"), item("A-7")]),
              ("B", [item("B-1"), item("B-3", "integer")]),
              replaces=mapping(entry("renamed", ["A-6"], ["A-9"]), version="2"))
    v4 = form("4", ("A", [item("A-1"), item("A-5"), item("A-10"), item("A-11"), item("A-7")]),
              ("B", [item("B-1"), item("B-3", "integer")]),
              replaces=mapping(entry("split", ["A-9"], ["A-10", "A-11"]), version="3"))
    v5 = form("5", ("A", [item("A-1"), item("A-5"), item("A-10"), item("A-11"), item("A-7")]),
              ("B", [item("B-1"), item("B-3", "integer")]), replaces=mapping(version="4"))
    steps = revision_path(V1, v5, [v2(*FULL), v3, v4])
    assert len(steps) == 4
    result = carry_answers(steps, OLD)
    listed = [(c.code, c.sources, c.reason) for c in result.checks]
    # the split of A-3 (step 1) is listed under A-9 (renamed in step 2), then stays there:
    # A-9 does not continue one-to-one after its own split in step 3
    assert ("A-9", ("A-3",), "split") in listed
    assert ("A-7", ("A-3",), "split") in listed
    assert ("A-10", ("A-9",), "split") in listed
    assert result.answers["A-10"].rating == "D"
