"""Answers, skip logic, scoring, completeness, QIs, dates: the pure core, no database."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kanwa_review.core.completeness import completeness, counted, gaps, section_progress
from kanwa_review.core.dates import fiscal_year, fiscal_year_label, wareki
from kanwa_review.core.qi import qi_values
from kanwa_review.core.review import Answer, AnswerError, normalise_answer
from kanwa_review.core.scoring import score_review
from kanwa_review.core.skiplogic import items_cleared_by, relevant_items
from tests.core_support import item, make_form
from kanwa_review.core.trends import score_changes


def answers(*items: Answer) -> dict[str, Answer]:
    return {a.item_code: a for a in items}


def test_values_are_checked_against_their_item(mini_form):
    ok = normalise_answer(mini_form, Answer("B-1", value={"numerator": 3, "denominator": 4}))
    assert ok.value == {"numerator": 3, "denominator": 4}
    bad = [
        Answer("A-1", rating="B+"),
        Answer("A-1", value=3),
        Answer("A-3", value="yes"),
        Answer("B-1", value={"numerator": 5, "denominator": 4}),
        Answer("B-1", value={"numerator": -1, "denominator": 4}),
        Answer("B-2", value=-3),
        Answer("B-2", value=2.5),
        Answer("B-2", value=float("nan")),
        Answer("B-3", value="part_time"),
        Answer("B-5", value="2025-13-01"),
        Answer("B-6", value=["outpatient", "home"]),
        Answer("Z-1", value=1),
        Answer("B-2", rating="A"),
        Answer("A-1", comment="x" * 20_001),
    ]
    for a in bad:
        with pytest.raises(AnswerError) as info:
            normalise_answer(mini_form, a)
        assert a.item_code in str(info.value)


def test_multi_choice_is_kept_in_form_order_without_duplicates(mini_form):
    a = normalise_answer(mini_form, Answer("B-6", value=["ward", "outpatient", "ward"]))
    assert a.value == ["outpatient", "ward"]


def test_skip_logic_follows_earlier_answers(mini_form):
    assert "A-4" not in relevant_items(mini_form, {})
    yes = answers(Answer("A-3", value=True), Answer("A-4", value="STAS-J"))
    assert "A-4" in relevant_items(mini_form, yes)
    no = answers(Answer("A-3", value=False), Answer("A-4", value="STAS-J"))
    assert "A-4" not in relevant_items(mini_form, no)
    assert items_cleared_by(mini_form, no) == ["A-4"]
    assert "B-4" in relevant_items(mini_form, answers(Answer("B-3", value="assigned")))


def test_scoring_formula_weights_and_excludes_na(mini_form):
    a = answers(Answer("A-1", rating="A"), Answer("A-2", rating="C"))  # weight 2
    s = score_review(mini_form, a)
    # (1*3 + 2*1) / (1*3 + 2*3) = 5/9
    assert s.section("A").achievement == pytest.approx(55.6)
    assert s.section("B").achievement is None  # nothing rated: no score, not zero
    assert s.overall.achievement == pytest.approx(55.6)
    with_na = answers(Answer("A-1", rating="NA"), Answer("A-2", rating="B"))
    s2 = score_review(mini_form, with_na)
    assert s2.section("A").achievement == pytest.approx(66.7)
    assert s2.section("A").not_applicable == 1 and s2.section("A").rated == 1
    # a skipped item never counts, even if an answer lingers
    skipped = answers(Answer("B-3", value=None), Answer("B-4", rating="D"))
    assert score_review(mini_form, skipped).section("B").rated == 0


def test_self_assessment_scores_separately(mini_form):
    a = answers(Answer("A-1", rating="D", self_rating="A"))
    assert score_review(mini_form, a).overall.achievement == 0
    assert score_review(mini_form, a, self_assessment=True).overall.achievement == 100


def test_completeness_and_gaps(mini_form):
    assert {g.item_code for g in gaps(mini_form, {})} == {"A-1", "A-2", "A-3", "B-1"}
    a = answers(Answer("A-1", rating="A"), Answer("A-2", rating="D"),
                Answer("A-3", value=True), Answer("B-1", value={"numerator": 1,
                                                                  "denominator": 2}))
    found = {(g.item_code, g.kind) for g in gaps(mini_form, a)}
    assert found == {("A-2", "comment_required"), ("A-4", "unanswered")}
    assert 0 < completeness(mini_form, a) < 100


def test_section_progress_counts_answered_items_that_apply(mini_form):
    a = answers(Answer("A-1", rating="A"), Answer("A-3", value=True), Answer("A-4", value=None))
    relevant = relevant_items(mini_form, a)
    count = counted(mini_form)
    section_a, section_b = mini_form.sections[0], mini_form.sections[1]
    assert [i.code for i in section_a.items][:4] == ["A-1", "A-2", "A-3", "A-4"]
    applicable = sum(1 for i in section_a.items if i.code in relevant)
    assert section_progress(section_a, a, relevant, count) == (2, applicable)
    # an item that does not apply is neither counted nor answered, even with an answer
    without_a1 = relevant - {"A-1"}
    assert section_progress(section_a, a, without_a1, count) == (1, applicable - 1)
    # section B: only its required items are asked (B-1); optional ones are not counted
    assert section_progress(section_b, {}, relevant, count) == (0, 1)
    b_optional = answers(Answer("B-2", value=3))
    assert section_progress(section_b, b_optional, relevant_items(mini_form, b_optional),
                            count) == (0, 1)
    assert section_progress(section_a, {}, set(), count) == (0, 0)


def test_the_counted_items_are_the_required_ones(mini_form):
    assert counted(mini_form) == {"A-1", "A-2", "A-3", "A-4", "B-1"}
    # a form that marks nothing required asks for every item
    loose = make_form(("A", [item("A-1"), item("A-2", "yes_no")]))
    assert counted(loose) == {"A-1", "A-2"}
    strict = make_form(("A", [item("A-1", required=True), item("A-2", "yes_no")]))
    assert counted(strict) == {"A-1"}
    assert completeness(strict, answers(Answer("A-2", value=True))) == 0.0
    assert completeness(strict, answers(Answer("A-1", rating="B"))) == 100.0
    assert completeness(loose, answers(Answer("A-1", rating="B"))) == 50.0


def test_qi_values_flag_problems(mini_form):
    a = answers(Answer("B-1", value={"numerator": 45, "denominator": 60}),
                Answer("B-2", value=12, period="2025年度"))
    q = {v.item_code: v for v in qi_values(mini_form, a)}
    assert q["B-1"].value == 75.0 and q["B-1"].problems == ("期間が未記入です",)
    assert q["B-2"].value == 12 and q["B-2"].unit == "件"


def test_score_changes_match_sections(mini_form):
    before = score_review(mini_form, answers(Answer("A-1", rating="C"), Answer("A-2", rating="C")))
    after = score_review(mini_form, answers(Answer("A-1", rating="A"), Answer("A-2", rating="C")))
    changes = {c.code: c for c in score_changes(after, before)}
    assert changes["A"].delta == pytest.approx(22.3)
    assert changes["B"].delta is None
    assert all(c.previous is None for c in score_changes(after, None))


@pytest.mark.parametrize("d, fy, era", [
    (date(2025, 11, 20), 2025, "令和7年11月20日"),
    (date(2026, 3, 31), 2025, "令和8年3月31日"),
    (date(2019, 5, 1), 2019, "令和元年5月1日"),
    (date(2019, 4, 30), 2019, "平成31年4月30日"),
])
def test_fiscal_year_and_era(d, fy, era):
    assert fiscal_year(d) == fy
    assert wareki(d) == era


def test_fiscal_year_labels():
    assert fiscal_year_label(2025) == "令和7年度"
    assert fiscal_year_label(2019) == "令和元年度"
    assert fiscal_year_label(2018) == "平成30年度"


def test_core_imports_no_qt():
    """The core must run where no display libraries exist: importing it loads no Qt, and no
    module under core/ mentions Qt bindings."""
    core = Path(__file__).resolve().parents[1] / "kanwa_review" / "core"
    for path in core.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide" not in text and "PyQt" not in text and "shiboken" not in text, path
    code = ("import sys, kanwa_review.core.form, kanwa_review.core.review, "
            "kanwa_review.core.scoring, kanwa_review.core.skiplogic, kanwa_review.core.qi, "
            "kanwa_review.core.completeness, kanwa_review.core.trends, kanwa_review.core.dates, "
            "kanwa_review.services, kanwa_review.cli; "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_layers_below_the_ui_import_no_qt():
    """Layering: everything but ui/ and the app launcher (core, store, services, exchange,
    reports, commands) imports without Qt, so the CLI runs on a server without display
    libraries; and core does not reach up into the layers above it."""
    root = Path(__file__).resolve().parents[1] / "kanwa_review"
    modules = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] in ("ui",) or rel.name in ("app.py", "__main__.py"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "PySide" not in text and "shiboken" not in text, rel
        if rel.parts[0] == "core":
            for upper in ("kanwa_review.store", "kanwa_review.services", "kanwa_review.exchange",
                          "kanwa_review.reports", "kanwa_review.ui"):
                assert upper not in text, f"{rel} imports {upper}"
        modules.append(".".join(("kanwa_review",) + rel.with_suffix("").parts)
                       .removesuffix(".__init__"))
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_answer_rate_and_the_sections_ticks_agree(mini_form):
    """Issue 15, item 10: one definition — 回答率 (home, review header) is 100 % exactly when
    every section of the checklist shows its ✓ (answered == applicable), both over the items
    that apply now."""
    full = answers(Answer("A-1", rating="A"), Answer("A-2", rating="B"), Answer("A-3", value=True),
                   Answer("A-4", value="x"), Answer("B-1", value={"numerator": 1, "denominator": 2}))
    for item in mini_form.items():
        if item.code not in full:
            continue
        held = {c: a for c, a in full.items() if c != item.code}
        relevant = relevant_items(mini_form, held)
        ticks = [section_progress(s, held, relevant, counted(mini_form))
                 for s in mini_form.sections]
        all_ticked = all(done == applicable for done, applicable in ticks)
        assert (completeness(mini_form, held) == 100.0) == all_ticked, item.code
        done = sum(d for d, _ in ticks)
        applicable = sum(n for _, n in ticks)
        assert completeness(mini_form, held) == round(100.0 * done / applicable, 1), item.code
