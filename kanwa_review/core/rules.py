"""Consistency warnings (整合性の確認): the form's rules, exclusive choices, figure periods.

A warning points at answers that contradict each other (「C-3 が兼任なのに C-2 が A」) or at a
figure whose period ends after the visit. Warnings never block finalising — a reviewer may have
a reason — but the app lists them live and on the finalise page, and `forms check` validates the
rules themselves. Everything here is pure: form + answers (+ facility category, visit date) in,
a list of warnings out.

Rule semantics (`rules:` in the form file, core.form.Rule): a rule warns when its `when`
condition holds and its `then` condition does not. Both use the skip-logic conditions. A rule
waits until every item that `then` tests by value is answered (an unanswered item is not a
contradiction yet), and items that do not apply (skip logic) count as unanswered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kanwa_review.core.form import (
    FIGURE_TYPES, Answered, Condition, FacilityCategory, Form, Rule, Text, condition_items,
    condition_leaves,
)
from kanwa_review.core.i18n import translate
from kanwa_review.core.periods import period_end
from kanwa_review.core.review import Answer
from kanwa_review.core.skiplogic import answer_key_value, condition_holds, relevant_items


@dataclass(frozen=True)
class RuleWarning:
    """One consistency warning; shaped like completeness.Gap so the same list can show both."""

    kind: str                    # "rule" | "exclusive_choice" | "period_after_visit"
    item_codes: tuple[str, ...]  # the items involved, the one to look at first
    section_code: str
    message: str                 # in the app's language (the form's text for a rule)
    rule_id: str | None = None   # the form's rule id for kind "rule"

    @property
    def item_code(self) -> str:
        return self.item_codes[0]


def _values(form: Form, answers: Mapping[str, Answer], relevant: set[str]) -> dict[str, Any]:
    return {code: answer_key_value(form, answers.get(code)) for code in relevant}


def _tested_by_value(cond: Condition) -> set[str]:
    """Items a condition tests by their value (not merely whether they are answered)."""
    return {leaf.item for leaf in condition_leaves(cond)
            if not isinstance(leaf, (Answered, FacilityCategory))}


def _involved(form: Form, rule: Rule) -> tuple[str, ...]:
    """The rule's items, those of `then` first (the answer the warning questions)."""
    out: list[str] = []
    for code in (*condition_items(rule.then), *condition_items(rule.when)):
        if code not in out and form.has_item(code):
            out.append(code)
    return tuple(out)


def _message(text: Text, lang: str | None) -> str:
    return text.get(lang) if lang else text.ja


def check_rules(form: Form, answers: Mapping[str, Answer], *,
                facility_category: str | None = None, lang: str | None = None
                ) -> list[RuleWarning]:
    """Warnings from the form's `rules` and from exclusive choices combined with others, in
    form order of rules. `lang` picks the language of the form's messages (default Japanese)."""
    relevant = relevant_items(form, answers, facility_category)
    values = _values(form, answers, relevant)
    out: list[RuleWarning] = []
    for rule in form.rules or ():
        codes = _involved(form, rule)
        if not codes:
            continue
        if not condition_holds(rule.when, values, facility_category):
            continue
        if any(values.get(code) is None for code in _tested_by_value(rule.then)):
            continue
        if condition_holds(rule.then, values, facility_category):
            continue
        out.append(RuleWarning("rule", codes, form.section_of(codes[0]).code,
                               _message(rule.message, lang), rule.id))
    out += exclusive_choice_warnings(form, answers, relevant)
    return out


def exclusive_choice_warnings(form: Form, answers: Mapping[str, Answer],
                              relevant: set[str] | None = None) -> list[RuleWarning]:
    """An exclusive choice (「実施していない」) ticked together with another one. New answers
    are refused when saved (core.review.normalise_value); this catches any that got in
    another way, so the finalise page never shows a contradiction without saying so."""
    out = []
    for item in form.items():
        if item.type != "multi_choice" or not item.exclusive_choices:
            continue
        if relevant is not None and item.code not in relevant:
            continue
        a = answers.get(item.code)
        chosen = a.value if a is not None and isinstance(a.value, list) else []
        alone = [c for c in item.exclusive_choices if c in chosen]
        if alone and len(chosen) > 1:
            out.append(RuleWarning(
                "exclusive_choice", (item.code,), form.section_of(item.code).code,
                translate("rules", "{code}: 「{label}」とほかの選択肢が同時に選ばれています").format(
                    code=item.code, label=item.choice_label(alone[0]))))
    return out


def period_warnings(form: Form, answers: Mapping[str, Answer], visit_date: date, *,
                    facility_category: str | None = None) -> list[RuleWarning]:
    """Figures (number, rate) whose period, as typed, ends after the visit date: a figure
    reported at a visit cannot cover days after it. Periods that cannot be read for sure
    (core.periods) are not flagged."""
    relevant = relevant_items(form, answers, facility_category)
    out = []
    for item in form.items():
        if item.type not in FIGURE_TYPES or item.code not in relevant:
            continue
        a = answers.get(item.code)
        if a is None or not a.period:
            continue
        end = period_end(a.period)
        if end is not None and end > visit_date:
            out.append(RuleWarning(
                "period_after_visit", (item.code,), form.section_of(item.code).code,
                translate("rules", "{code}: 対象期間「{period}」は訪問日 {visit} より後の"
                                   "{end} まで続いています。訪問日までに締まった期間の値を"
                                   "記入してください").format(
                    code=item.code, period=a.period, visit=visit_date.isoformat(),
                    end=end.isoformat())))
    return out


def warning_sources(form: Form) -> frozenset[str]:
    """Items whose answer can change `review_warnings` for a review whose applicable items stay
    the same: those of the rules, multi-choices with an exclusive choice, figures (their
    period). A screen re-checks the warnings after an edit of one of these, or when the
    applicable items change, and skips the check otherwise (most ratings are in no rule)."""
    codes = {code for rule in form.rules or () for code in _involved(form, rule)}
    codes.update(item.code for item in form.items()
                 if item.type in FIGURE_TYPES
                 or (item.type == "multi_choice" and item.exclusive_choices))
    return frozenset(codes)


def review_warnings(form: Form, answers: Mapping[str, Answer], *,
                    visit_date: date | None = None, facility_category: str | None = None,
                    lang: str | None = None) -> list[RuleWarning]:
    """Every consistency warning of a review: rules and exclusive choices, then (when the
    visit date is given) periods ending after the visit. What the finalise page lists."""
    out = check_rules(form, answers, facility_category=facility_category, lang=lang)
    if visit_date is not None:
        out += period_warnings(form, answers, visit_date, facility_category=facility_category)
    return out
