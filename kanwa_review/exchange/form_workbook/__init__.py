"""A form (評価票) as a workbook a clerk of the palliative care section edits in Excel, and back.

Sheets (the layout is documented in docs/forms.md):
  使い方       how to edit (not read back)
  設定         the form's id, version, title, description; the version it revises (改訂前)
  セクション    one row per section: code, title, description
  項目         one row per item, in form order: code, type, required, text, guidance, the
               definition of each grade (定義 A–D), scale, skip condition (表示条件, as text:
               exchange/condition_text.py), unit, period, bounds, numerator/denominator, QI,
               reference value, documents, guideline clause; English columns at the right
  選択肢        one row per choice of a choice / multi-choice item
  尺度         one row per option of a rating scale: code, label, points, comment required
  整合ルール    one row per consistency rule: condition, expected answer, message
  対応表        the revision map: kind, earlier items, later items, how answers carry over

`form_workbook_bytes(form)` writes it; `read_form_workbook(path)` reads one back through the
safe opener (size, ZIP and XML checks; cached values only) and validates it with the same
checks as `forms check` (core.form.parse_form, strict), plus the workbook's own (unknown
type, duplicate code, a condition naming a missing item, a grade left undefined, a bound or
weight that is not a number, a formula cell, …). Every problem names sheet!cell, the column
and the fix; nothing is returned unless the whole workbook is valid. For every valid form the
round trip form → workbook → form gives the same canonical form (same SHA-256).
"""

from __future__ import annotations

from kanwa_review.exchange.excel_safety import WorkbookRefused
from kanwa_review.exchange.form_workbook.layout import (
    CHOICES, ITEMS, MAP, README, RULES, SCALES, SECTIONS, SETTINGS, SHEETS, TYPE_LABELS,
    FormWorkbookInvalid, item_columns,
)
from kanwa_review.exchange.form_workbook.read import read_form_workbook
from kanwa_review.exchange.form_workbook.write import form_workbook_bytes
from kanwa_review.exchange.form_workbook.yaml_text import form_yaml

__all__ = ["form_workbook_bytes", "read_form_workbook", "form_yaml", "FormWorkbookInvalid",
           "WorkbookRefused", "SHEETS", "README", "SETTINGS", "SECTIONS", "ITEMS", "CHOICES",
           "SCALES", "RULES", "MAP", "TYPE_LABELS", "item_columns"]
