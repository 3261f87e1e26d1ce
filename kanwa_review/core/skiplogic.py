"""Skip logic: which items apply, given the answers so far (relevant_if in the form)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kanwa_review.core.form import All, Answered, Any_, Condition, Equals, Form, In, NotEquals
from kanwa_review.core.review import Answer


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


def _eval(cond: Condition, values: Mapping[str, Any]) -> bool:
    if isinstance(cond, All):
        return all(_eval(c, values) for c in cond.all)
    if isinstance(cond, Any_):
        return any(_eval(c, values) for c in cond.any)
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
    raise TypeError(f"unknown condition {cond!r}")


def relevant_items(form: Form, answers: Mapping[str, Answer]) -> set[str]:
    """Codes of the items that apply. Conditions only look back, so one pass in form order
    resolves chains: an item skipped by an earlier condition counts as unanswered."""
    values: dict[str, Any] = {}
    relevant: set[str] = set()
    for item in form.items():
        if item.relevant_if is None or _eval(item.relevant_if, values):
            relevant.add(item.code)
            values[item.code] = answer_key_value(form, answers.get(item.code))
    return relevant


def items_cleared_by(form: Form, answers: Mapping[str, Answer]) -> list[str]:
    """Answered items that no longer apply (the UI hides them and the service clears them)."""
    relevant = relevant_items(form, answers)
    return [code for code, a in answers.items() if code not in relevant and not a.is_empty()]
