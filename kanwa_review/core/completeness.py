"""Completeness: what still has to be answered before a review can be finalised."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kanwa_review.core.form import Form, Item
from kanwa_review.core.i18n import language, translate
from kanwa_review.core.review import Answer, Review, is_not_collected, overall_comment
from kanwa_review.core.skiplogic import relevant_items


@dataclass(frozen=True)
class Gap:
    item_code: str      # "" for what belongs to the review, not to an item (総評)
    section_code: str
    kind: str  # "unanswered" | "comment_required" | "overall_comment"
    message: str


def is_answered(item: Item, answer: Answer | None) -> bool:
    if answer is None:
        return False
    if item.type == "rating":
        return answer.rating is not None
    if item.type == "percentage":
        v = answer.value or {}
        if is_not_collected(v):  # 「未集計」 marked on purpose is an answer
            return True
        return v.get("numerator") is not None and v.get("denominator") is not None
    return answer.value is not None


def gaps(form: Form, answers: Mapping[str, Answer],
         facility_category: str | None = None) -> list[Gap]:
    """Required relevant items without an answer, and ratings the scale wants explained
    (comment_required: C/D, and N/A in forms that ask for its reason) without a comment.

    Consistency warnings (core.rules.review_warnings) are not gaps: they never block."""
    relevant = relevant_items(form, answers, facility_category)
    lang = language()
    out: list[Gap] = []
    for section in form.sections:
        for item in section.items:
            if item.code not in relevant:
                continue
            answer = answers.get(item.code)
            if item.required and not is_answered(item, answer):
                out.append(Gap(item.code, section.code, "unanswered", translate(
                    "completeness", "{code} {text}：未回答").format(
                        code=item.code, text=item.text.get(lang)[:40])))
            if item.type == "rating" and answer is not None and answer.rating is not None:
                scale = form.scale(item.scale)
                if answer.rating in scale.comment_required and not answer.comment.strip():
                    option = scale.option(answer.rating)
                    if option is None or option.points is not None:
                        message = translate(
                            "completeness", "{code}：評価 {rating} にはコメントが必要です"
                        ).format(code=item.code, rating=answer.rating)
                    else:
                        message = translate(
                            "completeness", "{code}：評価 {rating}（{label}）には該当しない"
                                            "理由のコメントが必要です"
                        ).format(code=item.code, rating=answer.rating,
                                 label=option.label.get(lang))
                    out.append(Gap(item.code, section.code, "comment_required", message))
    return out


def counted(form: Form) -> frozenset[str]:
    """The items 回答率 and a section's ✓ count: the required ones, which finalising asks for
    (gaps), so 100 % means "nothing left to answer" everywhere it shows — home, checklist,
    dashboard, report. A form that marks no item required asks for every item."""
    required = frozenset(i.code for i in form.items() if i.required)
    return required or frozenset(i.code for i in form.items())


def completeness(form: Form, answers: Mapping[str, Answer],
                 facility_category: str | None = None) -> float:
    """回答率: share (%) of the counted items (`counted`) that apply and are answered; the
    home screen, the review page, the dashboard and the report show it."""
    relevant = relevant_items(form, answers, facility_category) & counted(form)
    items = [i for i in form.items() if i.code in relevant]
    if not items:
        return 100.0
    done = sum(1 for i in items if is_answered(i, answers.get(i.code)))
    return round(100.0 * done / len(items), 1)


def section_progress(section, answers: Mapping[str, Answer], relevant: set[str],
                     count: frozenset[str]) -> tuple[int, int]:
    """(answered, asked) counted items (`counted`) of one section among those that apply now:
    the checklist's navigator line "12 / 15" and its ✓ when the two are equal."""
    asked = [i for i in section.items if i.code in relevant and i.code in count]
    return sum(1 for i in asked if is_answered(i, answers.get(i.code))), len(asked)


OVERALL_COMMENT_GAP = "overall_comment"


def review_gaps(review: Review, form: Form, answers: Mapping[str, Answer]) -> list[Gap]:
    """What finalising needs of the review itself, beyond its items: 総評 (the team's overall
    remarks, printed first in the report). A review of a form before 2026.2 may hold it in the
    checklist item that carried it then (core.review.overall_comment)."""
    if overall_comment(review, form, answers).strip():
        return []
    return [Gap("", "", OVERALL_COMMENT_GAP, translate(
        "completeness", "総評（訪問全体を通じた所見）が未記入です。報告書の最初に載る総評を記入して"
                        "から確定してください"))]
