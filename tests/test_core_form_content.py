"""The checklist content and the form-format additions of 2026.2: grade anchors (strict
authoring check), consistency rules, exclusive choices, 「未集計」, facility-category conditions,
figure periods against the visit date, and old forms that must still open as they were.

Core only (no database, services or CLI): these run against every mutant of core/; the same
features seen through services, the CLI and packages are in test_form_content_services.py."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
import yaml

from kanwa_review.core.completeness import completeness, gaps, is_answered
from kanwa_review.core.form import (
    FACILITY_CATEGORY_CODES, FormError, default_form_path, form_from_canonical, load_form,
    parse_form, shipped_forms,
)
from kanwa_review.core.periods import period_end
from kanwa_review.core.qi import qi_values
from kanwa_review.core.review import (
    FACILITY_CATEGORIES, Answer, AnswerError, normalise_answer, percentage,
)
from kanwa_review.core.rules import check_rules, period_warnings, review_warnings
from kanwa_review.core.skiplogic import relevant_items
from tests.core_support import (
    ANCHORS, FORMS, MINI, MINI_SHA256, OLD, OLD_SHA256, anchored, answers, line_of,
)

def problems_of(text: str, *, strict: bool = False) -> list:
    with pytest.raises(FormError) as info:
        parse_form(text, "form.yaml", strict=strict)
    return info.value.problems


def with_rules(rules: str, text: str | None = None) -> str:
    return (text or anchored()) + "rules:\n" + rules




# --- identities and compatibility ----------------------------------------------------------

def test_old_forms_keep_their_identity_and_open_leniently():
    old = load_form(OLD)                       # not strict: as a stored form is read
    assert (old.version, old.sha256) == ("2026.1", OLD_SHA256)
    assert load_form(FORMS / "mini.yaml").sha256 == MINI_SHA256
    again = form_from_canonical(old.canonical_json())
    assert again == old and again.sha256 == OLD_SHA256
    assert again.item("B-7").anchors is None and again.rules is None
    assert again.item("A-1").anchor("B") is None


def test_old_forms_fail_only_the_authoring_check():
    with pytest.raises(FormError) as info:
        load_form(OLD, strict=True)
    problems = info.value.problems
    assert problems and all("anchors" in p.message for p in problems)
    assert {p.item for p in problems} >= {"A-1", "C-2", "E-6"}
    assert all(p.file == str(OLD) and p.line for p in problems)


def test_the_new_form_has_a_stable_identity():
    form = load_form(default_form_path(), strict=True)
    assert form_from_canonical(form.canonical_json()).sha256 == form.sha256
    reformatted = "# comment\n" + default_form_path().read_text(encoding="utf-8")
    assert parse_form(reformatted).sha256 == form.sha256
    canonical = json.loads(form.canonical_json())
    assert "anchors" in canonical["sections"][0]["items"][0] and "rules" in canonical


def test_forms_installed_in_forms_folder_are_held_to_the_authoring_rules(tmp_path, monkeypatch):
    from kanwa_review.core import form as F

    assert [f.version for f in shipped_forms()] == ["2026.2"]
    shutil.copy(OLD, tmp_path / "old.yaml")
    monkeypatch.setattr(F, "forms_dir", lambda: tmp_path)
    with pytest.raises(FormError, match="anchors"):
        shipped_forms()


# --- anchors: forms check ------------------------------------------------------------------

def test_two_grades_cannot_share_one_description():
    text = anchored().replace("C: {ja: 一部, en: Partly}", "C: {ja: 概ね, en: Roughly}", 1)
    problems = problems_of(text, strict=True)
    assert [(p.item, p.line) for p in problems] == [("A-1", line_of(text, "C: {ja: 概ね"))]
    assert "B と C の定義が同じ" in problems[0].message


def test_anchors_name_codes_of_the_scale_and_only_rating_items():
    text = anchored().replace("          D: {ja: なし, en: None}\n",
                              "          D: {ja: なし, en: None}\n          E: {ja: 謎}\n", 1)
    problems = problems_of(text)                            # checked on every load
    assert problems[0].item == "A-1" and "E は評価尺度 abcd にない記号" in problems[0].message
    assert problems[0].line == line_of(text, "E: {ja: 謎}")
    text = MINI.replace("        type: yes_no\n", "        type: yes_no\n" + ANCHORS, 1)
    assert any(p.item == "A-3" and "anchors" in p.message for p in problems_of(text))


def test_the_shipped_form_defines_every_grade_of_every_rating_item():
    form = load_form(default_form_path(), strict=True)
    for item in form.items():
        if item.type != "rating":
            assert item.anchors is None
            continue
        texts = [item.anchor(g).ja for g in "ABCD"]
        assert all(texts) and len(set(texts)) == 4, item.code
        assert all(item.anchor(g).en for g in "ABCD"), item.code
        # the grade definitions moved out of the guidance (評価の視点)
        assert "であればA" not in item.guidance.ja and "ればD" not in item.guidance.ja, item.code


def test_grade_definitions_follow_the_scale_order(real_form):
    rebuilt = form_from_canonical(real_form.canonical_json())        # keys sorted in JSON
    defs = rebuilt.grade_definitions("C-2")
    assert [g for g, _ in defs] == ["A", "B", "C", "D"]
    assert defs[0][1].startswith("専従") and rebuilt.grade_definitions("C-2", "en")[1][1]
    assert rebuilt.grade_definitions("C-3") == []                    # a choice item
    assert load_form(OLD).grade_definitions("C-2") == []             # made before anchors


# --- rules: validation ---------------------------------------------------------------------

RULE = """  - id: {id}
    when: {when}
    then: {then}
    message: {{ja: 確認してください, en: Check}}
"""


def rule(id_: str, when: str, then: str) -> str:
    return RULE.format(id=id_, when=when, then=then)


@pytest.mark.parametrize("when, then, needle, words", [
    ("{item: Z-9, equals: true}", "{item: A-1, in: [A]}", "Z-9", "Z-9 はこの評価票にありません"),
    ("{item: A-3, equals: true}", "{item: A-1, at_least: 2}", "at_least",
     "at_least は整数・数値・割合の項目にだけ使えます"),
    ("{item: B-1, equals: 5}", "{item: A-1, in: [A]}", "B-1", "割合の項目"),
    ("{item: B-3, equals: fulltime}", "{item: A-1, in: [A]}", "fulltime",
     "fulltime は B-3 の回答としてありえません"),
    ("{item: A-3, equals: true}", "{item: A-2, not_in: [A, E]}", "not_in",
     "E は A-2 の回答としてありえません"),
    ('{item: A-3, equals: "yes"}', "{item: A-1, in: [A]}", 'equals: "yes"',
     "yes は A-3 の回答としてありえません"),
    ("{item: A-3, equalz: true}", "{item: A-1, in: [A]}", "when:", "条件の書き方が正しくありません"),
    ("{facility_category: [hospice]}", "{item: A-1, in: [A]}", "when:",
     "条件の書き方が正しくありません"),
])
def test_forms_check_rejects_bad_rules_with_line_and_rule_id(when, then, needle, words):
    text = with_rules(rule("r-bad", when, then))
    problems = problems_of(text)
    assert len(problems) == 1, problems
    p = problems[0]
    assert (p.file, p.item) == ("form.yaml", "r-bad")
    assert words in p.message
    assert needle in text.splitlines()[p.line - 1]


def test_rule_ids_are_unique_and_every_rule_needs_a_message():
    text = with_rules(rule("same", "{item: A-3, equals: true}", "{item: A-1, in: [A]}")
                      + rule("same", "{item: A-3, equals: false}", "{item: A-1, in: [D]}"))
    problems = problems_of(text)
    assert [p.item for p in problems] == ["same"] and "2回" in problems[0].message
    text = with_rules("  - id: quiet\n    when: {item: A-3, equals: true}\n"
                      "    then: {item: A-1, in: [A]}\n")
    assert any(p.item == "quiet" and "message" in p.message for p in problems_of(text))


@pytest.mark.parametrize("rules", ["rules: 5\n", "rules:\n  - 5\n", "rules:\n  - {when: 5}\n",
                                   "rules:\n  - {id: x, when: {all: 5}, then: [], message: m}\n"])
def test_rules_of_the_wrong_shape_are_refused_not_crashed_on(rules):
    problems = problems_of(anchored() + rules)
    assert problems and all(p.file == "form.yaml" and p.line for p in problems)


@pytest.mark.parametrize("strict", [False, True])
def test_a_list_for_the_scale_of_an_anchored_item_is_refused_not_crashed_on(strict):
    # found by fuzzing the shipped form: the anchor checks looked the scale up by a list
    text = anchored().replace("        scale: abcd\n        required: true\n        traces_to",
                              "        scale: [abcd]\n        required: true\n        traces_to", 1)
    assert any(p.item == "A-1" and p.line for p in problems_of(text, strict=strict))


def test_exclusive_and_not_collected_only_where_they_mean_something():
    text = MINI.replace("          - {code: assigned, label: {ja: 専任, en: Assigned}}",
                        "          - {code: assigned, label: {ja: 専任, en: Assigned}, "
                        "exclusive: true}")
    assert any(p.item == "B-3" and "exclusive" in p.message for p in problems_of(text))
    text = MINI.replace("        unit: {ja: 件, en: cases}",
                        "        unit: {ja: 件, en: cases}\n        allow_not_collected: true")
    assert any(p.item == "B-2" and "allow_not_collected" in p.message for p in problems_of(text))


def test_facility_categories_match_those_of_a_facility():
    assert set(FACILITY_CATEGORY_CODES) == set(FACILITY_CATEGORIES)


# --- rules: evaluation ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def ruled():
    """mini.yaml with one rule per operator (all tests look at A-1 = A)."""
    rules = "".join([
        rule("eq", "{item: A-3, equals: false}", "{item: A-1, not_in: [A]}"),
        rule("ne", "{item: B-3, not_equals: dedicated}", "{item: A-1, in: [C, D]}"),
        rule("in", "{item: B-6, in: [ward]}", "{item: A-1, not_in: [A, B]}"),
        rule("atleast", "{item: B-2, at_least: 10}", "{item: A-1, in: [A]}"),
        rule("atmost", "{item: B-1, at_most: 50}", "{item: A-1, not_in: [A]}"),
        rule("answered", "{item: A-1, in: [A]}", "{item: B-5, answered: true}"),
        rule("facility", "{facility_category: [regional_hospital]}",
             "{item: A-2, not_in: [A]}"),
        rule("anyall", "{any: [{item: A-3, equals: true}, {all: [{item: B-2, at_most: 0}]}]}",
             "{item: A-4, answered: true}"),
    ])
    return parse_form(with_rules(rules))


def fired(form, a, **kw) -> set[str]:
    return {w.rule_id for w in check_rules(form, a, **kw) if w.kind == "rule"}


@pytest.mark.parametrize("given, expect", [
    # equals (yes/no): fires on false with A, quiet on true or with C
    ((Answer("A-3", value=False), Answer("A-1", rating="A")), {"eq"}),
    ((Answer("A-3", value=True), Answer("A-1", rating="A")), {"anyall"}),
    ((Answer("A-3", value=False), Answer("A-1", rating="C")), set()),
    # not_equals (choice)
    ((Answer("B-3", value="assigned"), Answer("A-1", rating="A")), {"ne"}),
    ((Answer("B-3", value="dedicated"), Answer("A-1", rating="A")), set()),
    ((Answer("B-3", value="assigned"), Answer("A-1", rating="D")), set()),
    # in on a multi_choice means "contains"
    ((Answer("B-6", value=["outpatient", "ward"]), Answer("A-1", rating="B")), {"in"}),
    ((Answer("B-6", value=["outpatient"]), Answer("A-1", rating="B")), set()),
    # at_least on an integer, at_most on a rate (%)
    ((Answer("B-2", value=9), Answer("A-1", rating="B")), set()),
    ((Answer("B-2", value=10), Answer("A-1", rating="B")), {"atleast"}),
    ((Answer("B-1", value={"numerator": 1, "denominator": 2}), Answer("A-1", rating="A")),
     {"atmost"}),
    ((Answer("B-1", value={"numerator": 51, "denominator": 100}), Answer("A-1", rating="A")),
     set()),
    # answered: waits for nothing, fires while the item is empty
    ((Answer("A-1", rating="A"), Answer("B-5", value="2025-04-01")), set()),
    # all / any
    ((Answer("B-2", value=0), Answer("A-1", rating="B")), {"anyall"}),
])
def test_each_operator_fires_and_stays_quiet(ruled, given, expect):
    a = answers(*given)
    assert fired(ruled, a) - ({"answered"} if "B-5" not in a else set()) == expect


def test_answered_rule_fires_until_the_item_is_answered(ruled):
    a = answers(Answer("A-1", rating="A"))
    assert "answered" in fired(ruled, a)
    a["B-5"] = Answer("B-5", value="2025-04-01")
    assert "answered" not in fired(ruled, a)


def test_a_rule_waits_until_what_it_questions_is_answered(ruled):
    assert not fired(ruled, answers(Answer("A-3", value=False)))     # A-1 not rated yet
    assert not fired(ruled, answers(Answer("A-1", rating="A")) ) - {"answered"}


def test_skipped_items_count_as_unanswered(ruled):
    # A-4 applies only when A-3 is true; with A-3 false the anyall rule has nothing to ask
    a = answers(Answer("A-3", value=False), Answer("B-2", value=3), Answer("A-1", rating="C"))
    assert "anyall" not in fired(ruled, a)


def test_facility_category_in_a_rule(ruled):
    a = answers(Answer("A-2", rating="A"))
    assert "facility" in fired(ruled, a, facility_category="regional_hospital")
    assert "facility" not in fired(ruled, a, facility_category="prefectural")
    assert "facility" not in fired(ruled, a)        # unknown: as for a regional hub


def test_warnings_carry_items_section_and_message(ruled):
    [w] = [w for w in check_rules(ruled, answers(Answer("A-3", value=False),
                                                 Answer("A-1", rating="A"))) if w.rule_id == "eq"]
    assert (w.kind, w.item_codes, w.item_code, w.section_code) == ("rule", ("A-1", "A-3"),
                                                                  "A-1", "A")
    assert w.message == "確認してください"
    assert check_rules(ruled, answers(Answer("A-3", value=False), Answer("A-1", rating="A")),
                       lang="en")[0].message == "Check"


@pytest.mark.parametrize("given, rule_id", [
    ({"C-6": "absent", "C-5": "B"}, "c6-absent-c5"),
    ({"C-6": "assigned", "C-5": "D"}, "c6-staffed-c5"),
    ({"C-8": "assigned", "C-7": "A"}, "c8-c7"),
    ({"E-4": "A"}, "e4-e9-recorded"),
    ({"E-9": {"numerator": 30, "denominator": 100}, "E-4": "A"}, "e9-low-e4"),
    ({"B-2": ["none"], "B-3": "B"}, "b2-none-b3"),
    ({"D-1": False, "D-2": "C"}, "d1-d2"),
    ({"I-1": "A", "I-2": 4}, "i1-monthly-i2"),
])
def test_the_shipped_rules_catch_contradictions(real_form, given, rule_id):
    a = {}
    for code, v in given.items():
        item = real_form.item(code)
        a[code] = (Answer(code, rating=v) if item.type == "rating" else Answer(code, value=v))
    assert rule_id in fired(real_form, a)


def test_the_shipped_regional_hospital_nurse_rule(real_form):
    a = answers(Answer("C-8", value="concurrent"), Answer("C-20", rating="A"))
    assert not fired(real_form, a)                          # C-20 does not apply to a hub
    assert fired(real_form, a, facility_category="regional_hospital") == {"c8-concurrent-c20"}


# --- exclusive choices ---------------------------------------------------------------------

def test_an_exclusive_choice_cannot_be_combined(real_form):
    with pytest.raises(AnswerError, match="「実施していない」はほかの選択肢と同時には選べません"):
        normalise_answer(real_form, Answer("B-2", value=["outpatient", "none"]))
    assert normalise_answer(real_form, Answer("B-2", value=["none"])).value == ["none"]
    assert normalise_answer(real_form, Answer("B-2", value=["inpatient", "outpatient"])
                            ).value == ["outpatient", "inpatient"]
    # one that got in another way (a hand-edited database) is still reported
    warnings = check_rules(real_form, answers(Answer("B-2", value=["outpatient", "none"])))
    assert [(w.kind, w.item_code) for w in warnings] == [("exclusive_choice", "B-2")]


# --- N/A needs a reason --------------------------------------------------------------------

def test_na_without_a_comment_is_a_gap(real_form):
    a = answers(Answer("G-1", rating="NA"))
    [gap] = [g for g in gaps(real_form, a) if g.item_code == "G-1"]
    assert gap.kind == "comment_required" and "該当しない理由" in gap.message
    a = answers(Answer("G-1", rating="NA", comment="研修会は連携する拠点病院が開催"))
    assert not [g for g in gaps(real_form, a) if g.item_code == "G-1"]


# --- 未集計 (not collected) ----------------------------------------------------------------

def test_not_collected_is_an_answer_without_a_figure(real_form):
    item = real_form.item("B-9")
    a = normalise_answer(real_form, Answer("B-9", value={"not_collected": True},
                                           period="2026年4月〜5月"))
    assert a.value == {"not_collected": True}
    assert is_answered(item, a) and percentage(a.value) is None
    assert not [g for g in gaps(real_form, {"B-9": a}) if g.item_code == "B-9"]
    [q] = [q for q in qi_values(real_form, {"B-9": a}) if q.item_code == "B-9"]
    assert q.not_collected and q.value is None and not q.problems
    # counted in 回答率 like any answer
    before = completeness(real_form, {})
    assert completeness(real_form, {"B-9": a}) > before


def test_not_collected_only_where_the_form_allows_it_and_never_with_numbers(real_form):
    with pytest.raises(AnswerError, match="未集計"):
        normalise_answer(real_form, Answer("G-3", value={"not_collected": True}))
    with pytest.raises(AnswerError, match="未集計"):
        normalise_answer(real_form, Answer("B-10", value={"not_collected": True,
                                                           "numerator": 3}))
    with pytest.raises(AnswerError):
        normalise_answer(real_form, Answer("B-10", value={"not_collected": False}))


# --- facility categories -------------------------------------------------------------------

def test_skip_logic_on_the_facility_category(real_form):
    hub = relevant_items(real_form, {}, "regional")
    rh = relevant_items(real_form, {}, "regional_hospital")
    assert "C-7" in hub and "C-20" not in hub
    assert "C-20" in rh and "C-7" not in rh
    assert relevant_items(real_form, {}) == hub             # unknown: as for a regional hub
    for category in ("prefectural", "specialised", "other"):
        assert {"C-7"} <= relevant_items(real_form, {}, category)
    assert any(g.item_code == "C-20" for g in gaps(real_form, {}, "regional_hospital"))
    assert not any(g.item_code == "C-20" for g in gaps(real_form, {}))


def test_a_facility_condition_inside_relevant_if_is_validated():
    text = MINI.replace("relevant_if: {item: A-3, equals: true}",
                        "relevant_if: {all: [{item: A-3, equals: true}, "
                        "{facility_category: [regional_hospital]}]}")
    form = parse_form(text)
    a = answers(Answer("A-3", value=True))
    assert "A-4" in relevant_items(form, a, "regional_hospital")
    assert "A-4" not in relevant_items(form, a, "prefectural")
    bad = MINI.replace("relevant_if: {item: A-3, equals: true}",
                       "relevant_if: {facility_category: [clinic]}")
    assert [p.item for p in problems_of(bad)] == ["A-4"]


def test_the_50_referral_guide_applies_to_hubs_only(real_form):
    a = {"C-16": Answer("C-16", value=30, period="2025年")}

    def target(category):
        return next(q for q in qi_values(real_form, a, facility_category=category)
                    if q.item_code == "C-16").target

    assert target("regional") == target("prefectural") == target(None) == 50
    assert target("regional_hospital") is None and target("specialised") is None


# --- periods against the visit date --------------------------------------------------------

@pytest.mark.parametrize("text, end", [
    ("2025年度", date(2026, 3, 31)), ("令和7年度", date(2026, 3, 31)),
    ("2025年", date(2025, 12, 31)), ("2025年1月〜12月", date(2025, 12, 31)),
    ("2025年4月〜9月", date(2025, 9, 30)), ("2025年10月〜3月", date(2026, 3, 31)),
    ("令和7年4月〜令和7年9月", date(2025, 9, 30)), ("2025-04-01〜2025-09-30", date(2025, 9, 30)),
    ("2025/4〜2025/9", date(2025, 9, 30)), ("基準日 2025-10-01", date(2025, 10, 1)),
    ("2025年10月1日時点", date(2025, 10, 1)), ("２０２５年４月から９月", date(2025, 9, 30)),
    ("2025年度上半期", None), ("直近3か月", None), ("4月〜9月", None), ("", None),
    ("2025年2月30日", None),
])
def test_period_end_reads_the_usual_ways_of_writing_a_period(text, end):
    assert period_end(text) == end


def test_a_figure_period_ending_after_the_visit_is_flagged(real_form):
    a = answers(Answer("C-16", value=80, period="2025年1月〜12月"),
                Answer("G-3", value={"numerator": 9, "denominator": 10},
                       period="基準日 2025-10-01"),
                Answer("B-9", value={"numerator": 9, "denominator": 10}, period="直近1か月"),
                Answer("A-1", rating="A"))
    warnings = period_warnings(real_form, a, date(2025, 11, 20))
    assert [(w.kind, w.item_code) for w in warnings] == [("period_after_visit", "C-16")]
    assert "2025-12-31" in warnings[0].message and "2025-11-20" in warnings[0].message
    assert not period_warnings(real_form, a, date(2026, 1, 10))
    # review_warnings: rules and periods together (what the finalise page lists)
    assert [w.kind for w in review_warnings(real_form, a, visit_date=date(2025, 11, 20))] == \
        ["period_after_visit"]
    assert review_warnings(real_form, a) == []


# --- the shipped checklist's scope ---------------------------------------------------------

def test_the_shipped_checklist_covers_what_2026_2_adds(real_form):
    f = real_form
    assert f.version == "2026.2"
    assert f.scale("abcd").comment_required == ("C", "D", "NA")
    assert f.item("B-2").exclusive_choices == ("none",)
    assert f.item("B-9").allow_not_collected and f.item("B-10").allow_not_collected
    assert not f.item("E-6").required
    assert not f.has_item("C-10") and not f.has_item("H-4")           # split, codes retired
    assert {"C-18", "C-19", "H-7", "H-8"} <= {i.code for i in f.items()}
    traces = {code: " ".join(f.item(code).traces_to) for code in
              ("F-7", "G-8", "H-9", "H-10", "C-20")}
    assert "自殺" in traces["F-7"] and "専門的ケアにつなぐ" in traces["F-7"]
    assert "緩和ケア研修会" in traces["G-8"] and "臨床研修" in f.item("G-8").text.ja
    assert "ＡＹＡ" in traces["H-9"] and "高齢" in traces["H-10"]
    assert "地域がん診療病院" in traces["C-20"]
    # the overlap of B-7 and C-12 is gone: C-12 asks only about the referral route
    assert "苦痛への対応" not in f.item("C-12").text.ja and "依頼の方法" in f.item("C-12").text.ja
    assert "全ての職員に周知" in f.item("B-7").text.ja
    with_documents = [i for i in f.items() if i.documents]
    assert len(with_documents) >= 40 and all(d.ja and d.en for i in with_documents
                                             for d in i.documents)
    assert len(f.rules) >= 15
    assert {"c3-concurrent-c2", "c6-absent-c5", "c8-c7", "e4-e9-recorded"} <= \
        {r.id for r in f.rules}
    # 総評 is a field of the review (printed first in the report), no longer checklist item J-7
    assert not f.has_item("J-7")
    # the national value of J-4 is shown as a reference value, never as a target to reach
    assert f.item("J-4").reference.kind == "reference" and not f.item("J-4").reference.is_target
    assert f.item("G-3").reference.is_target


def test_the_2026_1_fixture_is_the_form_shipped_before(real_form):
    old = yaml.safe_load(OLD.read_text(encoding="utf-8"))
    assert old["version"] == "2026.1" and real_form.version != old["version"]
