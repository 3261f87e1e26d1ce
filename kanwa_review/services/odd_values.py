"""Values of one facility that an output cannot show — a score or a rate that overflows (a
form with a huge weight, a figure of 400 digits held from before the bounds), a date that is
no date — found before the Excel return is written: each becomes 「—」 (or an empty cell) and a
warning that names the facility, instead of NaN in the workbook or a crash for everyone.

Files imported since core/bounds.py cannot carry such values; a database filled before may."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kanwa_review.core import bounds
from kanwa_review.core.i18n import translate
from kanwa_review.core.review import percentage
from kanwa_review.core.trends import ScoreChange

if TYPE_CHECKING:
    from kanwa_review.exchange.excel_return import FacilityReturn

# The Excel writer shows a NaN as 「—」 (exchange/excel_rows.py, NOT_SHOWN).
DASH = float("nan")
MAX_SHOWN = 10 ** 15      # Excel keeps 15 significant digits


def _label(row: FacilityReturn) -> str:
    return f"{row.facility.code} {row.facility.name}"


def shown_as_dash(row: FacilityReturn) -> list[str]:
    """Mark what `row` cannot show (in place) and say so, naming the facility."""
    odd: list[str] = []
    scores = [s for s in (*row.scores.sections, row.scores.overall)
              if s.rated and s.achievement is None]
    if scores:
        codes = {s.code for s in scores}
        row.changes = [ScoreChange(c.code, c.title, DASH, c.previous) if c.code in codes else c
                       for c in row.changes]
        odd.append(translate("odd_values", "達成率（{codes}）").format(
            codes="、".join(sorted(codes))))
    qis = []
    for q in row.qis:
        figure_lost = (q.kind == "percentage" and q.value is None and q.numerator is not None
                       and isinstance(q.denominator, int) and q.denominator > 0
                       and not q.problems)
        too_big = (q.kind != "percentage" and q.value is not None
                   and bounds.number_problem(q.value, -MAX_SHOWN, MAX_SHOWN) is not None)
        if figure_lost or too_big:
            odd.append(translate("odd_values", "指標 {code}").format(code=q.item_code))
            q = replace(q, value=DASH)
        qis.append(q)
    row.qis = qis
    for code, answer in list(row.answers.items()):
        if not row.form.has_item(code):
            continue
        kind = row.form.item(code).type
        value = answer.value
        if kind in ("integer", "number") and value is not None and bounds.number_problem(
                value, -MAX_SHOWN, MAX_SHOWN) is not None:
            row.answers[code] = replace(answer, value=DASH)
        elif kind == "percentage" and isinstance(value, dict) and value.get("denominator") \
                and value.get("numerator") is not None and percentage(value) is None:
            row.answers[code] = replace(answer, value=None)
        elif kind == "date" and value is not None and not _is_date(value):
            row.answers[code] = replace(answer, value=None)
        else:
            continue
        odd.append(translate("odd_values", "項目 {code} の値").format(code=code))
    if not odd:
        return []
    return [translate("odd_values", "{facility}: {what} を表示できないため「—」または空欄にしました"
                                    "（値が大きすぎるか壊れています。レビューの内容を確認してください）"
                      ).format(facility=_label(row), what="・".join(odd[:10]))]


def _is_date(value) -> bool:
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


__all__ = ["shown_as_dash", "DASH"]
