"""Skip logic: which items apply, given the answers so far and the facility (relevant_if)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kanwa_review.core.form import (
    ASSUMED_FACILITY_CATEGORY, All, Answered, Any_, AtLeast, AtMost, Condition, Equals,
    FacilityCategory, Form, In, NotEquals, NotIn,
)
from kanwa_review.core.review import Answer, percentage


def answer_key_value(form: Form, answer: Answer | None) -> Any:
    """The value a condition compares: the reviewer rating for rating items, else the value."""
    if answer is None:
        return None
    if form.item(answer.item_code).type == "rating":
        return answer.rating
    return answer.value


def _matches(actual: Any, expected: Any) -> bool:
    if isinstance(actual, list):  # multi_choice: "equals" means "contains"
        return expected in actual
    if isinstance(actual, bool) or isinstance(expected, bool):
        return actual is expected
    return actual == expected


def _figure(actual: Any) -> float | None:
    """The number a figure test compares: the value, or the rate in % of a percentage."""
    if isinstance(actual, dict):
        return percentage(actual)
    if isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return actual
    return None


def _eval(cond: Condition, values: Mapping[str, Any],
          facility_category: str | None = None) -> bool:
    if isinstance(cond, All):
        return all(_eval(c, values, facility_category) for c in cond.all)
    if isinstance(cond, Any_):
        return any(_eval(c, values, facility_category) for c in cond.any)
    if isinstance(cond, FacilityCategory):
        return (facility_category or ASSUMED_FACILITY_CATEGORY) in cond.facility_category
    actual = values.get(cond.item)
    if isinstance(cond, Answered):
        return (actual is not None) == cond.answered
    if actual is None:  # an unanswered or skipped item satisfies no value test
        return False
    if isinstance(cond, Equals):
        return _matches(actual, cond.equals)
    if isinstance(cond, NotEquals):
        return not _matches(actual, cond.not_equals)
    if isinstance(cond, In):
        return any(_matches(actual, v) for v in cond.in_)
    if isinstance(cond, NotIn):
        return not any(_matches(actual, v) for v in cond.not_in)
    if isinstance(cond, (AtLeast, AtMost)):
        figure = _figure(actual)
        if figure is None:  # 未集計, or a rate with no denominator: no figure to compare
            return False
        return figure >= cond.at_least if isinstance(cond, AtLeast) else figure <= cond.at_most
    raise TypeError(f"unknown condition {cond!r}")


def condition_holds(cond: Condition, values: Mapping[str, Any],
                    facility_category: str | None = None) -> bool:
    """Evaluate a condition over answer values (answer_key_value per item code; None for an
    unanswered or skipped item). Used by skip logic and by the form's rules (core.rules)."""
    return _eval(cond, values, facility_category)


def relevant_items(form: Form, answers: Mapping[str, Answer],
                   facility_category: str | None = None) -> set[str]:
    """Codes of the items that apply. Conditions only look back, so one pass in form order
    resolves chains: an item skipped by an earlier condition counts as unanswered.

    facility_category: the visited facility's designation category (core.review.Facility);
    None when not known, then conditions on it are read as for a regional hub."""
    values: dict[str, Any] = {}
    relevant: set[str] = set()
    for item in form.items():
        if item.relevant_if is None or _eval(item.relevant_if, values, facility_category):
            relevant.add(item.code)
            values[item.code] = answer_key_value(form, answers.get(item.code))
    return relevant


def items_cleared_by(form: Form, answers: Mapping[str, Answer],
                     facility_category: str | None = None) -> list[str]:
    """Answered items that no longer apply (the UI hides them and the service clears them)."""
    relevant = relevant_items(form, answers, facility_category)
    return [code for code, a in answers.items() if code not in relevant and not a.is_empty()]
