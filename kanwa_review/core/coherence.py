"""Whether a review tells one story (整合性の確認): every C/D rating explained and answered by a
finding, no answers that contradict each other, figures from periods that ended before the
visit, and 総評. What a palliative care section checks before it believes a report; the demo
database must pass it (services: `Services.coherence_problems`)."""

from __future__ import annotations

from dataclasses import dataclass

from kanwa_review.core.i18n import translate
from kanwa_review.core.review_data import ReviewData

# the finding kinds that answer a weak rating (a strength does not)
ANSWERING_KINDS = ("improve", "recommendation")


@dataclass(frozen=True)
class CoherenceProblem:
    kind: str        # "comment" | "finding" | a RuleWarning kind | "overall_comment"
    item_code: str   # "" for the review as a whole
    message: str


def coherence_problems(data: ReviewData) -> list[CoherenceProblem]:
    """The problems of one review revision, items in form order, then the consistency
    warnings, then 総評."""
    out: list[CoherenceProblem] = []
    relevant = data.relevant()
    linked = {code for f in data.findings if f.kind in ANSWERING_KINDS for code in f.item_codes}
    for item in data.form.items():
        a = data.answers.get(item.code)
        if item.type != "rating" or item.code not in relevant or a is None or a.rating is None:
            continue
        scale = data.form.scale(item.scale)
        if a.rating in scale.comment_required and not a.comment.strip():
            out.append(CoherenceProblem("comment", item.code, translate(
                "coherence", "{code}: 評価 {rating} の理由のコメントがありません").format(
                code=item.code, rating=a.rating)))
        if a.rating in ("C", "D") and item.code not in linked:
            out.append(CoherenceProblem("finding", item.code, translate(
                "coherence", "{code}: 評価 {rating} の項目に、改善が望まれる点・提言のどれも"
                             "関連付けられていません").format(code=item.code, rating=a.rating)))
    for w in data.warnings():
        out.append(CoherenceProblem(w.kind, w.item_code, w.message))
    if not data.overall_comment.strip():
        out.append(CoherenceProblem("overall_comment", "", translate(
            "coherence", "総評がありません")))
    return out
