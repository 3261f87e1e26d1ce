"""One review revision with its form, answers and findings: what screens and reports read."""

from __future__ import annotations

from dataclasses import dataclass, field

from kanwa_review.core.completeness import Gap, completeness, gaps
from kanwa_review.core.form import Form
from kanwa_review.core.review import Answer, Finding, Review
from kanwa_review.core.scoring import ScoreSummary, score_review
from kanwa_review.core.skiplogic import relevant_items


@dataclass
class ReviewData:
    """Everything a screen or a report needs about one review revision."""

    review: Review
    form: Form
    answers: dict[str, Answer]
    findings: list[Finding] = field(default_factory=list)

    def relevant(self) -> set[str]:
        return relevant_items(self.form, self.answers)

    def scores(self, *, self_assessment: bool = False) -> ScoreSummary:
        return score_review(self.form, self.answers, self_assessment=self_assessment)

    def gaps(self) -> list[Gap]:
        return gaps(self.form, self.answers)

    def completeness(self) -> float:
        return completeness(self.form, self.answers)


__all__ = ["ReviewData"]
