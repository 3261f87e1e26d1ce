"""Change since the previous visit, per section and overall, and how a change is written
(shared by UI, PDF and Excel: the comparison code lives here only)."""

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


# A change of an achievement rate is a difference of percentages: points (ポイント), written
# 「+4.8pt」 / 「−3.3pt」. Never ▲/▼: in Japanese official documents ▲ marks a *negative* figure,
# so an arrow would read the wrong way round. The minus is the typographic U+2212.
MINUS = "\u2212"
POINT_UNIT = "pt"


def format_delta(delta: float | None, *, unit: str = POINT_UNIT) -> str:
    """+4.8pt / −3.3pt / ±0.0pt (one decimal, typographic minus); "—" without a previous
    score. `unit=""` leaves the unit out (a column headed 「（ポイント）」)."""
    if delta is None:
        return "—"
    text = f"{abs(delta):.1f}"
    if text == "0.0":
        return f"±0.0{unit}"
    return f"{'+' if delta > 0 else MINUS}{text}{unit}"


# The number format of a change in Excel: the value is the change in points (4.8, not 0.048),
# shown with the same signs as format_delta.
EXCEL_DELTA_FORMAT = f'"+"0.0"{POINT_UNIT}";"{MINUS}"0.0"{POINT_UNIT}";"±"0.0"{POINT_UNIT}"'
