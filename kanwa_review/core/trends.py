"""Change since the previous visit, per section and overall (shared by UI, PDF and Excel)."""

from __future__ import annotations

from dataclasses import dataclass

from kanwa_review.core.scoring import ScoreSummary


@dataclass(frozen=True)
class ScoreChange:
    code: str
    title: str
    current: float | None
    previous: float | None
    # why there is no previous score to compare with, where a form revision is the reason
    # (core.revisions.visit_changes); None for an ordinary change
    note: str | None = None

    @property
    def delta(self) -> float | None:
        if self.current is None or self.previous is None:
            return None
        return round(self.current - self.previous, 1)


def score_changes(current: ScoreSummary, previous: ScoreSummary | None) -> list[ScoreChange]:
    """Sections of the current review (matched by section code) then "overall"."""
    prev = {s.code: s.achievement for s in previous.sections} if previous is not None else {}
    out = [ScoreChange(s.code, s.title, s.achievement, prev.get(s.code))
           for s in current.sections]
    out.append(ScoreChange("overall", "総合", current.overall.achievement,
                           previous.overall.achievement if previous is not None else None))
    return out
