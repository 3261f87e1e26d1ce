"""One review revision with its form, answers and findings: what screens and reports read."""

from __future__ import annotations

from dataclasses import dataclass, field

from kanwa_review.core.completeness import Gap, completeness, gaps, review_gaps
from kanwa_review.core.form import Form
from kanwa_review.core.review import Answer, Finding, Review, overall_comment
from kanwa_review.core.rules import RuleWarning, review_warnings
from kanwa_review.core.scoring import ScoreSummary, score_review
from kanwa_review.core.skiplogic import relevant_items


@dataclass
class ReviewData:
    """Everything a screen or a report needs about one review revision."""

    review: Review
    form: Form
    answers: dict[str, Answer]
    findings: list[Finding] = field(default_factory=list)

    @property
    def facility_category(self) -> str | None:
        """The facility's category when the review started (None: read as a regional hub)."""
        return self.review.facility_category

    def relevant(self) -> set[str]:
        return relevant_items(self.form, self.answers, self.facility_category)

    def scores(self, *, self_assessment: bool = False) -> ScoreSummary:
        return score_review(self.form, self.answers, self_assessment=self_assessment,
                            facility_category=self.facility_category)

    def gaps(self) -> list[Gap]:
        """Everything finalising still needs: 総評 first, then the items in form order."""
        return (review_gaps(self.review, self.form, self.answers)
                + gaps(self.form, self.answers, self.facility_category))

    def completeness(self) -> float:
        return completeness(self.form, self.answers, self.facility_category)

    def warnings(self, *, lang: str | None = None) -> list[RuleWarning]:
        """Consistency warnings (rules, exclusive choices, figure periods after the visit):
        listed live and on the finalise page, never a block."""
        return review_warnings(self.form, self.answers, visit_date=self.review.visit_date,
                               facility_category=self.facility_category, lang=lang)

    @property
    def overall_comment(self) -> str:
        """総評: the review's field, or the item that held it in a form before 2026.2."""
        return overall_comment(self.review, self.form, self.answers)


__all__ = ["ReviewData"]
