"""Reading the cells of a form workbook: values as the form takes them, table rows, and the
cell each value came from (every problem names sheet!cell)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from kanwa_review.core.i18n import translate
from kanwa_review.core.review import FACILITY_CATEGORIES
from kanwa_review.exchange.condition_text import CATEGORY_SHORT
from kanwa_review.exchange.excel_safety import formula_cells_by_sheet
from kanwa_review.exchange.form_workbook.layout import (
    MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, NO, SHEETS, YES, Column,
)

@dataclass(frozen=True)
class Cell:
    sheet: str
    row: int
    column: int
    header: str

    def __str__(self) -> str:
        return f"{self.sheet}!{get_column_letter(self.column)}{self.row}［{self.header}］"


class Reader:
    """Collects the form mapping from the sheets, the cell each value came from, and every
    problem found on the way."""

    def __init__(self, path: Path, strict: bool = True):
        self.path = path
        self.strict = strict    # also the authoring rules (every grade defined)
        self.problems: list[tuple[tuple, str]] = []   # (sort key, text)
        self.structural = False      # a sheet or a needed column is missing: stop early
        self.rows_with_problems: set[tuple[str, int]] = set()
        self.cells: dict[tuple, Cell] = {}            # path in the form mapping -> cell
        self.formulas = formula_cells_by_sheet(path, SHEETS, max_col=MAX_COLUMNS,
                                               max_row=MAX_ROWS)

    def problem(self, cell: Cell | str, message: str) -> None:
        if isinstance(cell, Cell):
            key = (sheet_order(cell.sheet), cell.row, cell.column)
            self.rows_with_problems.add((cell.sheet, cell.row))
        else:
            key = (sheet_order(str(cell).split("!")[0]), 0, 0)
        self.problems.append((key, f"{cell}: {message}"))

    # cell values ---------------------------------------------------------------------
    def text(self, cell: Cell, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            self.problem(cell, translate("form_workbook", "{n:,} 文字あります。1つのセルは "
                                                          "{limit:,} 文字までにしてください").format(
                n=len(value), limit=MAX_CELL_CHARS))
            return None
        if isinstance(value, bool):
            value = YES if value else NO
        elif isinstance(value, float) and value.is_integer():
            value = str(int(value)) if abs(value) < 1e15 else repr(value)
        text = str(value).strip()
        return text or None

    def number(self, cell: Cell, value: Any) -> float | int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
        try:
            return int(text) if re.fullmatch(r"-?[0-9]+", text) else float(text)
        except ValueError:
            self.problem(cell, translate("form_workbook", "「{value}」は数値ではありません。半角の"
                                                          "数値（例: 0、12.5）を入力するか、空欄に"
                                                          "してください").format(value=value))
            return None

    def choice(self, cell: Cell, value: Any, labels: dict[str, str], what: str) -> str | None:
        text = self.text(cell, value)
        if text is None:
            return None
        for code, label in labels.items():
            if text in (code, label):
                return code
        self.problem(cell, translate("form_workbook", "{what}「{value}」は使えません。一覧から"
                                                      "選んでください: {allowed}").format(
            what=what, value=text, allowed="、".join(labels.values())))
        return None

    def flag(self, cell: Cell, value: Any) -> bool | None:
        if isinstance(value, bool):
            return value
        text = self.text(cell, value)
        if text is None:
            return None
        if text in (YES, "true", "TRUE", "True", "1"):
            return True
        if text in (NO, "false", "FALSE", "False", "0"):
            return False
        self.problem(cell, translate("form_workbook", "「{value}」は使えません。「はい」か"
                                                      "「いいえ」を選ぶか、空欄にしてください"
                                                      ).format(value=text))
        return None

    def codes(self, cell: Cell, value: Any) -> list[str]:
        text = self.text(cell, value)
        if text is None:
            return []
        parts = [p.strip() for p in re.split(r"[、,，\s]+", text) if p.strip()]
        bad = [p for p in parts if not re.fullmatch(r"[A-Z]+-[0-9]+", p)]
        if bad:
            self.problem(cell, translate("form_workbook", "項目コード「{codes}」の書き方が正しく"
                                                          "ありません。C-18、C-19 のように「、」で"
                                                          "区切って書いてください").format(
                codes="、".join(bad)))
        return parts

    def categories(self, cell: Cell, value: Any) -> list[str] | None:
        text = self.text(cell, value)
        if text is None:
            return None
        out = []
        for part in [p.strip() for p in re.split(r"[、,，]", text) if p.strip()]:
            code = next((c for c, short in CATEGORY_SHORT.items()
                         if part in (c, short, FACILITY_CATEGORIES.get(c))), None)
            if code is None:
                self.problem(cell, translate("form_workbook", "施設区分「{value}」は使えません。"
                                                              "使える区分: {names}").format(
                    value=part, names="、".join(CATEGORY_SHORT.values())))
            else:
                out.append(code)
        return out

    # sheets --------------------------------------------------------------------------
    def rows(self, wb, sheet: str, columns: list[Column], *, required: bool = True,
             needed: tuple[str, ...] = ()) -> list[tuple[int, dict[str, tuple[Cell, Any]]]]:
        """(row number, {key: (cell, raw value)}) of every non-empty row of a table sheet."""
        if sheet not in wb.sheetnames:
            if required:
                self.structural = True
                self.problem(f"{sheet}!A1", translate(
                    "form_workbook", "シート「{sheet}」がありません。kanwa-review が書き出した"
                                     "ブックを使い、シート名を変えないでください").format(
                    sheet=sheet))
            return []
        ws = wb[sheet]
        by_header = {c.header: c for c in columns}
        out = []
        header: list[Column | None] = []
        formulas = self.formulas.get(sheet, set())
        named: set[int] = set()      # columns with a header (reported if unknown)
        for r, values in enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
            if r == 1:
                header = self._header(sheet, values, by_header, needed)
                named = {n for n, v in enumerate(values, start=1) if v is not None
                         and str(v).strip()}
                if self.structural:     # a needed column is missing: its rows mean nothing
                    return []
                continue
            if r > MAX_ROWS:
                self.problem(f"{sheet}!A{r}", translate(
                    "form_workbook", "行が多すぎます（{limit} 行まで）。余分な行を消してください"
                ).format(limit=MAX_ROWS))
                break
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            row: dict[str, tuple[Cell, Any]] = {}
            for n, value in enumerate(values, start=1):
                col = header[n - 1] if n - 1 < len(header) else None
                cell = Cell(sheet, r, n, col.header if col else get_column_letter(n))
                if (r, n) in formulas:
                    self.problem(cell, translate("form_workbook", "数式は使えません。値（文字・"
                                                                  "数値）を入力してください"))
                    continue
                if col is None:
                    if n not in named and value is not None and str(value).strip():
                        self.problem(cell, translate(
                            "form_workbook", "見出しのない列に値があります。見出しを付け直すか、"
                                             "値を消してください"))
                    continue
                if col.kind in ("doc_ja", "doc_en"):
                    row[col.kind] = (cell, value)
                else:
                    row[col.key] = (cell, value)
            for col in columns:        # a column left out: its cells count as empty
                key = col.kind if col.kind in ("doc_ja", "doc_en") else col.key
                if key not in row:
                    row[key] = (Cell(sheet, r, 1, col.header), None)
            out.append((r, row))
        return out

    def _header(self, sheet: str, values, by_header: dict[str, Column],
                needed: tuple[str, ...]) -> list[Column | None]:
        header: list[Column | None] = []
        seen: set[str] = set()
        for n, value in enumerate(values, start=1):
            name = self.text(Cell(sheet, 1, n, ""), value)
            if name is None:
                header.append(None)
                continue
            col = by_header.get(name)
            if col is None:
                self.problem(Cell(sheet, 1, n, name), translate(
                    "form_workbook", "見出し「{name}」は使えません。kanwa-review が書き出した見出しに"
                                     "戻すか、列ごと消してください").format(name=name))
            elif name in seen:
                self.problem(Cell(sheet, 1, n, name), translate(
                    "form_workbook", "見出し「{name}」の列が2つあります。1つにしてください").format(
                    name=name))
                col = None
            else:
                seen.add(name)
            header.append(col)
        for name in needed:
            if name not in seen:
                self.structural = True
                self.problem(f"{sheet}!1", translate(
                    "form_workbook", "見出し「{name}」の列がありません。1行目に見出しを戻して"
                                     "ください").format(name=name))
        return header


def sheet_order(sheet: str) -> int:
    return SHEETS.index(sheet) if sheet in SHEETS else len(SHEETS)


def put(target: dict, key: str, value: Any) -> None:
    """Set a dotted key; Texts and other mappings are created on the way."""
    parts = key.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


def record(reader: Reader, path: tuple, cell: Cell) -> None:
    reader.cells[path] = cell


def texts(reader: Reader, row: dict, keys: Iterable[str], path: tuple, out: dict) -> None:
    """Plain text columns into `out` (a Text is created when either language is given)."""
    for key in keys:
        cell, value = row[key]
        text = reader.text(cell, value)
        if text is not None:
            put(out, key, text)
        parts = tuple(key.split("."))
        for n in range(1, len(parts)):   # a Text (or anchors) missing a part: its first cell
            reader.cells.setdefault(path + parts[:n], cell)
        record(reader, path + parts, cell)
