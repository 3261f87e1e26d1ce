"""Quality indicators (QI) from a review's number and percentage items (domain.md §5)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kanwa_review.core.form import Form
from kanwa_review.core.i18n import translate
from kanwa_review.core.review import Answer, is_not_collected, percentage
from kanwa_review.core.skiplogic import relevant_items


@dataclass(frozen=True)
class QIValue:
    item_code: str
    qi: str | None            # the form's QI id, None for an un-tagged figure
    title: str
    kind: str                 # "percentage" | "integer" | "number"
    numerator: int | None
    denominator: int | None
    value: float | None       # rate in % for percentages, else the figure itself
    unit: str
    period: str | None
    target: float | None
    target_label: str | None
    problems: tuple[str, ...] = ()
    not_collected: bool = False  # answered 「未集計」: no figure on purpose
    reference: float | None = None        # 参考値 (e.g. a national value): shown, never judged
    reference_label: str | None = None

    @property
    def meets_target(self) -> bool | None:
        """Whether the figure reaches its target (never judged against a reference value)."""
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target


def qi_values(form: Form, answers: Mapping[str, Answer], *, tagged_only: bool = False,
              facility_category: str | None = None) -> list[QIValue]:
    """Every relevant number/percentage item of a review, in form order, with its problems
    (numerator above denominator, missing period) listed rather than raised. A reference
    value limited to some facility categories is left out for the others."""
    out = []
    relevant = relevant_items(form, answers, facility_category)
    for item in form.items():
        if item.type not in ("percentage", "integer", "number") or item.code not in relevant:
            continue
        if tagged_only and not item.qi:
            continue
        a = answers.get(item.code)
        value = a.value if a else None
        num = den = None
        problems = []
        if item.type == "percentage":
            if isinstance(value, dict):
                num, den = value.get("numerator"), value.get("denominator")
            rate = percentage(value)
            if num is not None and den is not None and num > den:
                problems.append(translate("qi", "分子が分母より大きくなっています"))
                rate = None
            if den == 0:
                problems.append(translate("qi", "分母が0です"))
            figure, unit = (round(rate, 1) if rate is not None else None), "%"
        else:
            # a yes/no (bool) read from outside is no figure, although Python counts it an int
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            figure = value if number else None
            unit = item.unit.ja if item.unit else ""
        period = a.period if a else None
        if figure is not None and not period and item.period == "custom":
            problems.append(translate("qi", "期間が未記入です"))
        reference = item.reference if item.reference and item.reference.applies_to(
            facility_category) else None
        target = reference if reference is not None and reference.is_target else None
        shown = reference if reference is not None and not reference.is_target else None
        out.append(QIValue(
            item_code=item.code, qi=item.qi, title=item.text.ja, kind=item.type, numerator=num,
            denominator=den, value=figure, unit=unit, period=period,
            target=target.value if target else None,
            target_label=target.label.ja if target else None,
            problems=tuple(problems), not_collected=is_not_collected(value),
            reference=shown.value if shown else None,
            reference_label=shown.label.ja if shown else None))
    return out
