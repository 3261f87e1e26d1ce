"""Completeness: what still has to be answered before a review can be finalised."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kanwa_review.core.form import Form, Item
from kanwa_review.core.review import Answer
from kanwa_review.core.skiplogic import relevant_items


@dataclass(frozen=True)
class Gap:
    item_code: str
    section_code: str
    kind: str  # "unanswered" | "comment_required"
    message: str


def is_answered(item: Item, answer: Answer | None) -> bool:
    if answer is None:
        return False
    if item.type == "rating":
        return answer.rating is not None
    if item.type == "percentage":
        v = answer.value or {}
        return v.get("numerator") is not None and v.get("denominator") is not None
    return answer.value is not None


def gaps(form: Form, answers: Mapping[str, Answer]) -> list[Gap]:
    """Required relevant items without an answer, and C/D-type ratings without a comment."""
    relevant = relevant_items(form, answers)
    out: list[Gap] = []
    for section in form.sections:
        for item in section.items:
            if item.code not in relevant:
                continue
            answer = answers.get(item.code)
            if item.required and not is_answered(item, answer):
                out.append(Gap(item.code, section.code, "unanswered",
                               f"{item.code} {item.text.ja[:40]}：未回答"))
            if item.type == "rating" and answer is not None and answer.rating is not None:
                scale = form.scale(item.scale)
                if answer.rating in scale.comment_required and not answer.comment.strip():
                    out.append(Gap(item.code, section.code, "comment_required",
                                   f"{item.code}：評価 {answer.rating} にはコメントが必要です"))
    return out


def completeness(form: Form, answers: Mapping[str, Answer]) -> float:
    """Share (%) of relevant items answered; the home screen shows it per review."""
    relevant = relevant_items(form, answers)
    items = [i for i in form.items() if i.code in relevant]
    if not items:
        return 100.0
    done = sum(1 for i in items if is_answered(i, answers.get(i.code)))
    return round(100.0 * done / len(items), 1)
