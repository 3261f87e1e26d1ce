"""Achievement scores (達成率) per section and overall.

Formula (documented in README): every relevant rating item with a reviewer rating whose scale
option carries points contributes weight × points to the numerator and weight × the scale's
maximum points to the denominator. N/A (points: null), unrated and skipped items are left out.
achievement = 100 × Σ(w·points) / Σ(w·max). With A=3, B=2, C=1, D=0 an all-B section scores
66.7 %. The overall score pools all items (it is not the mean of section scores), so sections
with more items weigh more. A section with no rated item has no score (None), never 0.
The same formula over self-assessment ratings gives the self-assessment score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from kanwa_review.core import bounds
from kanwa_review.core.form import Form
from kanwa_review.core.review import Answer
from kanwa_review.core.skiplogic import relevant_items


@dataclass(frozen=True)
class Score:
    code: str
    title: str
    achievement: float | None  # percent, None when nothing was rated
    points: float
    max_points: float
    rated: int
    not_applicable: int
    unrated: int
    distribution: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ScoreSummary:
    overall: Score
    sections: tuple[Score, ...]

    def section(self, code: str) -> Score:
        return next(s for s in self.sections if s.code == code)


def score_review(form: Form, answers: Mapping[str, Answer], *, self_assessment: bool = False,
                 facility_category: str | None = None) -> ScoreSummary:
    relevant = relevant_items(form, answers, facility_category)
    totals = []
    all_points = all_max = 0.0
    all_rated = all_na = all_unrated = 0
    all_dist: Counter = Counter()
    for section in form.sections:
        points = max_points = 0.0
        rated = na = unrated = 0
        dist: Counter = Counter()
        for item in section.items:
            if item.type != "rating" or item.code not in relevant:
                continue
            answer = answers.get(item.code)
            code = None
            if answer is not None:
                code = answer.self_rating if self_assessment else answer.rating
            if code is None:
                unrated += 1
                continue
            scale = form.scale(item.scale)
            option = scale.option(code)
            dist[code] += 1
            if option is None or option.points is None:
                na += 1
                continue
            w = item.effective_weight
            points += w * option.points
            max_points += w * scale.max_points
            rated += 1
        totals.append(Score(section.code, section.title.ja, _pct(points, max_points), points,
                            max_points, rated, na, unrated, dict(dist)))
        all_points += points
        all_max += max_points
        all_rated += rated
        all_na += na
        all_unrated += unrated
        all_dist.update(dist)
    overall = Score("overall", "総合", _pct(all_points, all_max), all_points, all_max,
                    all_rated, all_na, all_unrated, dict(all_dist))
    return ScoreSummary(overall, tuple(totals))


def _pct(points: float, max_points: float) -> float | None:
    """None when nothing was rated, and when a stored form's weights or points make the
    figure infinite or NaN (a form read before core/form_bounds.py bounded them)."""
    if not max_points:
        return None
    value = bounds.finite_or_none(100.0 * points / max_points)
    return None if value is None else round(value, 1)
