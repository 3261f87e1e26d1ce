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

import io
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kanwa_review.core.form import (
    FORM_FORMAT, MAX_FORM_BYTES, MAX_ITEMS, Form, FormError, parse_form,
)
from kanwa_review.core.i18n import translate
from kanwa_review.core.review import FACILITY_CATEGORIES
from kanwa_review.exchange.condition_text import (
    CATEGORY_SHORT, ConditionSyntaxError, ItemInfo, format_condition, parse_condition,
)
from kanwa_review.exchange.excel_safety import (
    WorkbookRefused, display_width, formula_cells_by_sheet, open_workbook_safely, set_text,
)

README, SETTINGS, SECTIONS, ITEMS, CHOICES, SCALES, RULES, MAP = (
    "使い方", "設定", "セクション", "項目", "選択肢", "尺度", "整合ルール", "対応表")
SHEETS = (SETTINGS, SECTIONS, ITEMS, CHOICES, SCALES, RULES, MAP)
MAX_ROWS = MAX_ITEMS + 100      # rows read from one sheet (a form has at most MAX_ITEMS items)
MAX_COLUMNS = 120
MAX_PROBLEMS = 200
MAX_CELL_CHARS = 20_000         # one text of a form (the answers' limit too)

TYPE_LABELS = {"rating": "評価", "yes_no": "はい・いいえ", "integer": "整数", "number": "数値",
               "percentage": "割合", "date": "日付", "choice": "選択", "multi_choice": "複数選択",
               "text": "自由記述"}
PERIOD_LABELS = {"fiscal_year": "年度", "calendar_year": "暦年", "custom": "任意の期間"}
KIND_LABELS = {"renamed": "改名", "revised": "改訂", "split": "分割", "merged": "統合",
               "dropped": "削除", "new": "新規"}
CARRY_LABELS = {"copy": "そのまま写す", "copy_each": "それぞれに写す", "lowest": "低い方の評価",
                "empty": "写さない"}
YES, NO = "はい", "いいえ"

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
ENGLISH_FILL = PatternFill("solid", fgColor="EDEDED")
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


class FormWorkbookInvalid(ValueError):
    """A form workbook that cannot be used; `problems` lists every problem (sheet!cell: …)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


# --- columns -------------------------------------------------------------------------------
# (header, key path inside the item / row mapping, kind, width). Kinds: text, lines, number,
# bool (はい / いいえ; blank: not said), required (blank: いいえ), type, period, condition,
# categories, codes, kind, carry, doc_ja / doc_en (documents, one per line).

@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: str = "text"
    width: float = 14
    english: bool = False


def item_columns(grades: Iterable[str]) -> list[Column]:
    grades = list(grades)
    ja = [Column("コード", "code", width=8), Column("種類", "type", "type", 11),
          Column("必須", "required", "required", 6), Column("項目", "text.ja", width=48),
          Column("評価の視点", "guidance.ja", width=44)]
    ja += [Column(f"定義 {g}", f"anchors.{g}.ja", width=30) for g in grades]
    ja += [Column("尺度", "scale", width=8), Column("自己評価", "self_assessment", "bool", 8),
           Column("重み", "weight", "number", 6),
           Column("表示条件", "relevant_if", "condition", 30),
           Column("単位", "unit.ja", width=8), Column("対象期間", "period", "period", 11),
           Column("最小値", "min", "number", 8), Column("最大値", "max", "number", 8),
           Column("分子", "numerator.ja", width=24), Column("分母", "denominator.ja", width=24),
           Column("未集計可", "allow_not_collected", "bool", 8),
           Column("QI", "qi", width=16), Column("参照値", "reference.value", "number", 8),
           Column("参照値の説明", "reference.label.ja", width=24),
           Column("参照値の施設区分", "reference.facility_category", "categories", 20),
           Column("事前提出資料", "documents", "doc_ja", 36),
           Column("根拠", "traces_to", "lines", 30)]
    en = [Column("項目（英語）", "text.en", width=40, english=True),
          Column("評価の視点（英語）", "guidance.en", width=36, english=True)]
    en += [Column(f"定義 {g}（英語）", f"anchors.{g}.en", width=28, english=True) for g in grades]
    en += [Column("単位（英語）", "unit.en", width=8, english=True),
           Column("分子（英語）", "numerator.en", width=22, english=True),
           Column("分母（英語）", "denominator.en", width=22, english=True),
           Column("参照値の説明（英語）", "reference.label.en", width=22, english=True),
           Column("事前提出資料（英語）", "documents", "doc_en", 30, english=True)]
    return ja + en


SECTION_COLUMNS = [Column("コード", "code", width=8), Column("題名", "title.ja", width=30),
                   Column("説明", "description.ja", width=60),
                   Column("題名（英語）", "title.en", width=30, english=True),
                   Column("説明（英語）", "description.en", width=50, english=True)]
CHOICE_COLUMNS = [Column("項目コード", "item", width=10), Column("記号", "code", width=16),
                  Column("表示", "label.ja", width=30),
                  Column("ほかと併用不可", "exclusive", "bool", 14),
                  Column("表示（英語）", "label.en", width=30, english=True)]
SCALE_COLUMNS = [Column("尺度ID", "scale", width=10), Column("記号", "code", width=6),
                 Column("表示", "label.ja", width=24), Column("点数", "points", "number", 6),
                 Column("コメント必須", "comment_required", "bool", 12),
                 Column("表示（英語）", "label.en", width=24, english=True)]
RULE_COLUMNS = [Column("ID", "id", width=22), Column("条件", "when", "condition", 36),
                Column("期待される回答", "then", "condition", 36),
                Column("メッセージ", "message.ja", width=50),
                Column("メッセージ（英語）", "message.en", width=44, english=True)]
MAP_COLUMNS = [Column("種別", "kind", "kind", 8), Column("旧項目", "from", "codes", 14),
               Column("新項目", "to", "codes", 14), Column("回答の引き継ぎ", "carry", "carry", 14),
               Column("説明", "note.ja", width=60),
               Column("説明（英語）", "note.en", width=50, english=True)]
# 設定: (label, key); read as two columns 項目 / 値
SETTING_ROWS = [("形式", "format"), ("評価票ID", "id"), ("版", "version"), ("題名", "title.ja"),
                ("題名（英語）", "title.en"), ("説明", "description.ja"),
                ("説明（英語）", "description.en"), ("改訂前の評価票ID", "replaces.form"),
                ("改訂前の版", "replaces.version"), ("改訂の説明", "replaces.note.ja"),
                ("改訂の説明（英語）", "replaces.note.en"),
                ("比較しない章", "replaces.not_comparable")]


def _get(data: Any, key: str) -> Any:
    for part in key.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _grades(form: Form) -> list[str]:
    """Grade codes with a definition column: the graded codes of the scales rating items use,
    and any code an item defines, in scale order."""
    used = {i.scale for i in form.items() if i.type == "rating"}
    defined = {code for i in form.items() for code in (i.anchors or {})}
    out: list[str] = []
    for scale in form.scales:
        for o in scale.options:
            wanted = (scale.id in used and o.points is not None) or o.code in defined
            if wanted and o.code not in out:
                out.append(o.code)
    return out


# --- writing -------------------------------------------------------------------------------

def _item_info(form: Form) -> Callable[[str], ItemInfo | None]:
    def lookup(code: str) -> ItemInfo | None:
        if not form.has_item(code):
            return None
        item = form.item(code)
        return ItemInfo(item.type, tuple((c.code, c.label.ja) for c in item.choices or ()),
                        form.scale(item.scale).codes if item.scale else ())
    return lookup


def _cell_value(col: Column, row: dict, lookup) -> Any:
    value = _get(row, col.key) if col.kind not in ("doc_ja", "doc_en") else None
    match col.kind:
        case "doc_ja" | "doc_en":
            docs = row.get("documents") or []
            lang = "ja" if col.kind == "doc_ja" else "en"
            texts = [d.get(lang) for d in docs]
            return "\n".join(t or "" for t in texts) if any(texts) else None
        case "lines" | "codes":
            sep = "\n" if col.kind == "lines" else "、"
            return sep.join(value) if value else None
        case "required":
            return YES if value else NO
        case "bool":
            return None if value is None else (YES if value else NO)
        case "type":
            return TYPE_LABELS.get(value, value)
        case "period":
            return PERIOD_LABELS.get(value, value) if value else None
        case "kind":
            return KIND_LABELS.get(value, value)
        case "carry":
            return CARRY_LABELS.get(value, value) if value else None
        case "categories":
            return "、".join(CATEGORY_SHORT.get(c, c) for c in value) if value else None
        case "condition":
            return format_condition(value, lookup) if value else None
    return value


LINE_HEIGHT = 15.0      # points per wrapped line at the default 11 pt font
MAX_ROW_LINES = 8


def _lines(text: str, width: float) -> int:
    per_line = max(1, int(width) - 2)     # column units ≈ half-width characters, a margin
    return sum(max(1, -(-display_width(part) // per_line)) for part in text.split("\n"))


def _table(wb: Workbook, title: str, columns: list[Column], rows: list[dict], lookup,
           lists: dict[str, list[str]], extra_rows: int = 200) -> None:
    ws = wb.create_sheet(title)
    for n, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=n, value=col.header)
        cell.font = HEADER_FONT
        cell.fill = ENGLISH_FILL if col.english else HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        ws.column_dimensions[get_column_letter(n)].width = col.width
    for r, row in enumerate(rows, start=2):
        lines = 1
        for n, col in enumerate(columns, start=1):
            value = _cell_value(col, row, lookup)
            cell = ws.cell(row=r, column=n)
            if isinstance(value, str):
                set_text(cell, value)
                lines = max(lines, _lines(value, col.width))
            elif value is not None:
                cell.value = value
            cell.alignment = WRAP
        # rows do not grow by themselves in every program: fit the longest text (up to a
        # few lines; the cell holds all of it)
        ws.row_dimensions[r].height = min(lines, MAX_ROW_LINES) * LINE_HEIGHT + 3
    ws.freeze_panes = "B2" if title == ITEMS else "A2"
    last = len(rows) + 1 + extra_rows
    for n, col in enumerate(columns, start=1):
        choices = lists.get(col.kind) or lists.get(col.key)
        if choices:
            letter = get_column_letter(n)
            dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                allow_blank=True, showErrorMessage=True,
                                errorTitle=translate("form_workbook", "使えない値です"),
                                error=translate("form_workbook", "一覧から選んでください"))
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9


def _readme(wb: Workbook, form: Form) -> None:
    ws = wb.active
    ws.title = README
    lines = [
        translate("form_workbook", "評価票の編集用ブック（kanwa-review）"),
        f"{form.title.ja}　{form.id} {form.version}",
        "",
        translate("form_workbook", "このブックは評価票そのものです。シートの内容を編集して保存し、"
                                   "`kanwa-review forms from-xlsx このブック.xlsx -o 評価票.yaml` で"
                                   "評価票のファイルに戻します。誤りがあれば「シート名!セル」と直し方が"
                                   "示されます。"),
        translate("form_workbook", "シート名・見出しの行（1行目）は変えないでください。行の追加・削除・"
                                   "並べ替えはできます（項目の順は「項目」シートの行の順です）。"
                                   "灰色の見出しの列は英語の表示です。"),
        "",
        translate("form_workbook", "設定: 評価票ID・版・題名。改訂版では「改訂前の評価票ID」「改訂前の版」"
                                   "と「対応表」シートで、前の版との対応を書きます。"),
        translate("form_workbook", "項目: 1行が1項目。コードは章の記号・ハイフン・番号（例: C-18）。"
                                   "種類・必須・尺度などは一覧から選びます。評価の項目は「定義 A」〜"
                                   "「定義 D」に、その評価となる状態を必ず書きます。"),
        translate("form_workbook", "選択肢: 「選択」「複数選択」の項目の選択肢（1行が1つ）。"
                                   "尺度: 評価の記号と点数（該当なしは点数を空欄）。"),
        "",
        translate("form_workbook", "表示条件・整合ルールの書き方:"),
        "  C-3 = 兼任　　　　C-3 ≠ 配置なし　　　　I-2 ≥ 10　　　　I-2 ≤ 0",
        "  C-2 が C、D のいずれか　　　　E-4 が A、B のいずれでもない",
        "  B-5 回答あり　　　　B-5 未回答　　　　施設区分 が 地域がん診療病院 のいずれか",
        "  B-4 = はい かつ B-5 回答あり　　　　（A-6 = はい または A-7 回答あり） かつ …",
        translate("form_workbook", "  値は、はい・いいえ、数値、選択肢の表示（または記号）、評価の記号"
                                   "（A〜D、NA）。空白・記号を含む値は「」で囲みます。"),
        translate("form_workbook", "  施設区分: {names}").format(
            names="、".join(CATEGORY_SHORT.values())),
        "",
        translate("form_workbook", "対応表（改訂版のみ）: 種別は 改名（別のコードへ）・改訂（同じコードで"
                                   "問いが変わった）・分割・統合・削除・新規。回答の引き継ぎは "
                                   "そのまま写す・それぞれに写す（分割）・低い方の評価（統合）・写さない。"
                                   "空欄なら種別ごとの既定です。"),
    ]
    for n, text in enumerate(lines, start=1):
        set_text(ws.cell(row=n, column=1), text)
    ws.column_dimensions["A"].width = 120
    ws["A1"].font = Font(bold=True, size=13)
    for n in range(4, len(lines) + 1):
        ws.cell(row=n, column=1).alignment = Alignment(wrap_text=True, vertical="top")


def form_workbook_bytes(form: Form) -> bytes:
    """The editing workbook of `form` (see the module docstring)."""
    data = form.model_dump(mode="json", by_alias=True, exclude_none=True)
    lookup = _item_info(form)
    wb = Workbook()
    _readme(wb, form)
    ws = wb.create_sheet(SETTINGS)
    for col, (header, width) in enumerate((("項目", 22), ("値", 90)), start=1):
        cell = ws.cell(row=1, column=col, value=header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, (label, key) in enumerate(SETTING_ROWS, start=2):
        ws.cell(row=r, column=1, value=label).font = HEADER_FONT
        value = _get(data, key)
        if key == "replaces.not_comparable":
            value = "、".join(value) if value else None
        if value is not None:
            set_text(ws.cell(row=r, column=2), str(value))
        ws.cell(row=r, column=2).alignment = WRAP
    ws.freeze_panes = "A2"
    sections = data["sections"]
    _table(wb, SECTIONS, SECTION_COLUMNS, sections, lookup, {})
    scale_ids = [s["id"] for s in data["scales"]]
    lists = {"type": list(TYPE_LABELS.values()), "required": [YES, NO], "bool": [YES, NO],
             "period": list(PERIOD_LABELS.values()), "scale": scale_ids,
             "kind": list(KIND_LABELS.values()), "carry": list(CARRY_LABELS.values())}
    items = [i for s in sections for i in s["items"]]
    _table(wb, ITEMS, item_columns(_grades(form)), items, lookup, lists)
    choices = [{"item": i["code"], **c} for i in items for c in i.get("choices", ())]
    _table(wb, CHOICES, CHOICE_COLUMNS, choices, lookup, lists)
    options = [{"scale": s["id"], **o, "comment_required": o["code"] in s.get(
        "comment_required", ())} for s in data["scales"] for o in s["options"]]
    for o in options:   # blank for "no": the column lists only the codes that need a comment
        o["comment_required"] = True if o["comment_required"] else None
    _table(wb, SCALES, SCALE_COLUMNS, options, lookup, lists)
    _table(wb, RULES, RULE_COLUMNS, list(data.get("rules") or ()), lookup, lists)
    _table(wb, MAP, MAP_COLUMNS, list((data.get("replaces") or {}).get("items", ())), lookup,
           lists)
    wb.active = wb.sheetnames.index(ITEMS)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- reading -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Cell:
    sheet: str
    row: int
    column: int
    header: str

    def __str__(self) -> str:
        return f"{self.sheet}!{get_column_letter(self.column)}{self.row}［{self.header}］"


class _Reader:
    """Collects the form mapping from the sheets, the cell each value came from, and every
    problem found on the way."""

    def __init__(self, path: Path, strict: bool = True):
        self.path = path
        self.strict = strict    # also the authoring rules (every grade defined)
        self.problems: list[tuple[tuple, str]] = []   # (sort key, text)
        self.structural = False      # a sheet or a needed column is missing: stop early
        self.rows_with_problems: set[tuple[str, int]] = set()
        self.cells: dict[tuple, _Cell] = {}            # path in the form mapping -> cell
        self.formulas = formula_cells_by_sheet(path, SHEETS, max_col=MAX_COLUMNS,
                                               max_row=MAX_ROWS)

    def problem(self, cell: _Cell | str, message: str) -> None:
        if isinstance(cell, _Cell):
            key = (_sheet_order(cell.sheet), cell.row, cell.column)
            self.rows_with_problems.add((cell.sheet, cell.row))
        else:
            key = (_sheet_order(str(cell).split("!")[0]), 0, 0)
        self.problems.append((key, f"{cell}: {message}"))

    # cell values ---------------------------------------------------------------------
    def text(self, cell: _Cell, value: Any) -> str | None:
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

    def number(self, cell: _Cell, value: Any) -> float | int | None:
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

    def choice(self, cell: _Cell, value: Any, labels: dict[str, str], what: str) -> str | None:
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

    def flag(self, cell: _Cell, value: Any) -> bool | None:
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

    def codes(self, cell: _Cell, value: Any) -> list[str]:
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

    def categories(self, cell: _Cell, value: Any) -> list[str] | None:
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
             needed: tuple[str, ...] = ()) -> list[tuple[int, dict[str, tuple[_Cell, Any]]]]:
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
            row: dict[str, tuple[_Cell, Any]] = {}
            for n, value in enumerate(values, start=1):
                col = header[n - 1] if n - 1 < len(header) else None
                cell = _Cell(sheet, r, n, col.header if col else get_column_letter(n))
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
                    row[key] = (_Cell(sheet, r, 1, col.header), None)
            out.append((r, row))
        return out

    def _header(self, sheet: str, values, by_header: dict[str, Column],
                needed: tuple[str, ...]) -> list[Column | None]:
        header: list[Column | None] = []
        seen: set[str] = set()
        for n, value in enumerate(values, start=1):
            name = self.text(_Cell(sheet, 1, n, ""), value)
            if name is None:
                header.append(None)
                continue
            col = by_header.get(name)
            if col is None:
                self.problem(_Cell(sheet, 1, n, name), translate(
                    "form_workbook", "見出し「{name}」は使えません。kanwa-review が書き出した見出しに"
                                     "戻すか、列ごと消してください").format(name=name))
            elif name in seen:
                self.problem(_Cell(sheet, 1, n, name), translate(
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


def _sheet_order(sheet: str) -> int:
    return SHEETS.index(sheet) if sheet in SHEETS else len(SHEETS)


def _put(target: dict, key: str, value: Any) -> None:
    """Set a dotted key; Texts and other mappings are created on the way."""
    parts = key.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


def _record(reader: _Reader, path: tuple, cell: _Cell) -> None:
    reader.cells[path] = cell


def _texts(reader: _Reader, row: dict, keys: Iterable[str], path: tuple, out: dict) -> None:
    """Plain text columns into `out` (a Text is created when either language is given)."""
    for key in keys:
        cell, value = row[key]
        text = reader.text(cell, value)
        if text is not None:
            _put(out, key, text)
        parts = tuple(key.split("."))
        for n in range(1, len(parts)):   # a Text (or anchors) missing a part: its first cell
            reader.cells.setdefault(path + parts[:n], cell)
        _record(reader, path + parts, cell)


def _read_settings(reader: _Reader, wb) -> dict:
    data: dict = {}
    if SETTINGS not in wb.sheetnames:
        reader.structural = True
        reader.problem(f"{SETTINGS}!A1", translate(
            "form_workbook", "シート「{sheet}」がありません。kanwa-review が書き出したブックを"
                             "使ってください").format(sheet=SETTINGS))
        return data
    labels = dict(SETTING_ROWS)
    seen: set[str] = set()
    for r, values in enumerate(wb[SETTINGS].iter_rows(max_col=2, max_row=60, values_only=True),
                               start=1):
        if r == 1:
            continue
        label_cell = _Cell(SETTINGS, r, 1, "項目")
        label = reader.text(label_cell, values[0] if values else None)
        if label is None:
            continue
        key = labels.get(label)
        cell = _Cell(SETTINGS, r, 2, label)
        if key is None:
            reader.problem(label_cell, translate(
                "form_workbook", "設定の項目「{label}」は使えません。使える項目: {labels}").format(
                label=label, labels="、".join(labels)))
            continue
        if key in seen:
            reader.problem(label_cell, translate(
                "form_workbook", "設定の項目「{label}」が2回あります").format(label=label))
            continue
        seen.add(key)
        value = values[1] if len(values) > 1 else None
        if (r, 2) in reader.formulas.get(SETTINGS, set()):
            reader.problem(cell, translate("form_workbook", "数式は使えません。値（文字・"
                                                            "数値）を入力してください"))
            continue
        if key == "replaces.not_comparable":
            codes = [p for p in re.split(r"[、,，\s]+", reader.text(cell, value) or "") if p]
            if codes:
                _put(data, key, codes)
        else:
            text = reader.text(cell, value)
            if text is not None:
                _put(data, key, text)
        reader.cells[tuple(key.split("."))] = cell
    return data


def _read_scales(reader: _Reader, wb) -> list[dict]:
    scales: dict[str, dict] = {}
    for r, row in reader.rows(wb, SCALES, SCALE_COLUMNS, needed=("尺度ID", "記号", "表示")):
        cell, value = row["scale"]
        scale_id = reader.text(cell, value)
        if scale_id is None:
            reader.problem(cell, translate("form_workbook", "尺度IDを入力してください（例: abcd）"))
            continue
        scale = scales.setdefault(scale_id, {"id": scale_id, "options": []})
        n = list(scales).index(scale_id)
        path = ("scales", n, "options", len(scale["options"]))
        reader.cells.setdefault(("scales", n), cell)
        reader.cells.setdefault(("scales", n, "id"), cell)
        option: dict = {}
        _texts(reader, row, ("code", "label.ja", "label.en"), path, option)
        cell, value = row["points"]
        option["points"] = reader.number(cell, value)
        _record(reader, path + ("points",), cell)
        cell, value = row["comment_required"]
        if reader.flag(cell, value) and option.get("code"):
            scale.setdefault("comment_required", []).append(option["code"])
            reader.cells[("scales", n, "comment_required")] = cell
        scale["options"].append(option)
    return list(scales.values())


def _read_sections(reader: _Reader, wb) -> list[dict]:
    out = []
    for r, row in reader.rows(wb, SECTIONS, SECTION_COLUMNS, needed=("コード", "題名")):
        section: dict = {}
        path = ("sections", len(out))
        _texts(reader, row, ("code", "title.ja", "title.en", "description.ja", "description.en"),
               path, section)
        reader.cells[path] = row["code"][0]
        section["items"] = []
        out.append(section)
    return out


def _read_choices(reader: _Reader, wb, item_rows: dict[str, dict]) -> None:
    for r, row in reader.rows(wb, CHOICES, CHOICE_COLUMNS, required=False,
                              needed=("項目コード", "記号", "表示")):
        cell, value = row["item"]
        code = reader.text(cell, value)
        item = item_rows.get(code or "")
        if item is None:
            reader.problem(cell, translate(
                "form_workbook", "項目 {code} は「項目」シートにありません。項目コードを確かめて"
                                 "ください").format(code=code or "（空欄）"))
            continue
        data, path = item
        if data.get("type") not in ("choice", "multi_choice"):
            reader.problem(cell, translate(
                "form_workbook", "項目 {code} の種類は「{type}」です。選択肢を付けられるのは"
                                 "「選択」「複数選択」の項目だけです").format(
                code=code, type=TYPE_LABELS.get(data.get("type"), data.get("type"))))
            continue
        choices = data.setdefault("choices", [])
        cpath = path + ("choices", len(choices))
        choice: dict = {}
        _texts(reader, row, ("code", "label.ja", "label.en"), cpath, choice)
        reader.cells[cpath] = row["code"][0]
        cell, value = row["exclusive"]
        flag = reader.flag(cell, value)
        if flag is not None:
            choice["exclusive"] = flag
        _record(reader, cpath + ("exclusive",), cell)
        choices.append(choice)


def _read_items(reader: _Reader, wb, sections: list[dict], scales: list[dict]
                ) -> dict[str, tuple[dict, tuple]]:
    """Items into their sections (by the code's letters, in row order); returns code -> (item
    mapping, path) for the choices and conditions read after."""
    grades: list[str] = []
    if ITEMS in wb.sheetnames:   # the definition columns are those the sheet has
        first = next(wb[ITEMS].iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True), ())
        for v in first:
            m = re.fullmatch(r"定義 ([A-Z]{1,3})(（英語）)?", str(v or "").strip())
            if m and m.group(1) not in grades:
                grades.append(m.group(1))
    columns = item_columns(grades)
    by_section = {s.get("code"): (n, s) for n, s in enumerate(sections)}
    found: dict[str, tuple[dict, tuple]] = {}
    code_cells: dict[str, _Cell] = {}
    scale_grades = {s["id"]: [o.get("code") for o in s["options"] if o.get("points") is not None]
                    for s in scales}
    for r, row in reader.rows(wb, ITEMS, columns, needed=("コード", "種類", "項目", "項目（英語）")):
        cell, value = row["code"]
        code = reader.text(cell, value)
        if code is None or not re.fullmatch(r"[A-Z]+-[0-9]+", code):
            reader.problem(cell, translate(
                "form_workbook", "項目コード「{code}」の書き方が正しくありません。章の記号・"
                                 "ハイフン・番号で書いてください（例: C-18）").format(
                code=code or "（空欄）"))
            continue
        if code in code_cells:
            reader.problem(cell, translate(
                "form_workbook", "項目コード {code} は {other} でも使われています。評価票の中で"
                                 "重ならないコードにしてください").format(
                code=code, other=code_cells[code]))
            continue
        code_cells[code] = cell
        prefix = code.split("-")[0]
        if prefix not in by_section:
            reader.problem(cell, translate(
                "form_workbook", "項目 {code} の章 {section} が「セクション」シートにありません。"
                                 "章を加えるか、コードを直してください").format(
                code=code, section=prefix))
            continue
        n, section = by_section[prefix]
        path = ("sections", n, "items", len(section["items"]))
        item: dict = {"code": code}
        reader.cells[path] = cell
        reader.cells[path + ("code",)] = cell
        cell, value = row["type"]
        item_type = reader.choice(cell, value, TYPE_LABELS, translate("form_workbook", "種類"))
        if item_type is None and value is None:
            reader.problem(cell, translate("form_workbook", "種類を一覧から選んでください"))
        if item_type is not None:
            item["type"] = item_type
        _record(reader, path + ("type",), cell)
        texts = ["text.ja", "text.en", "guidance.ja", "guidance.en", "scale", "unit.ja",
                 "unit.en", "numerator.ja", "numerator.en", "denominator.ja", "denominator.en",
                 "qi", "reference.label.ja", "reference.label.en"]
        texts += [f"anchors.{g}.{lang}" for g in grades for lang in ("ja", "en")]
        _texts(reader, row, texts, path, item)
        cell, value = row["required"]
        item["required"] = bool(reader.flag(cell, value))
        _record(reader, path + ("required",), cell)
        for key in ("self_assessment", "allow_not_collected"):
            cell, value = row[key]
            flag = reader.flag(cell, value)
            if flag is not None:
                item[key] = flag
            _record(reader, path + (key,), cell)
        for key in ("weight", "min", "max", "reference.value"):
            cell, value = row[key]
            number = reader.number(cell, value)
            if number is not None:
                _put(item, key, number)
            _record(reader, path + tuple(key.split(".")), cell)
        cell, value = row["period"]
        period = reader.choice(cell, value, PERIOD_LABELS, translate("form_workbook", "対象期間"))
        if period is not None:
            item["period"] = period
        _record(reader, path + ("period",), cell)
        cell, value = row["reference.facility_category"]
        categories = reader.categories(cell, value)
        if categories:
            _put(item, "reference.facility_category", categories)
        _record(reader, path + ("reference", "facility_category"), cell)
        _read_documents(reader, row, item, path)
        cell, value = row["traces_to"]
        text = reader.text(cell, value)
        item["traces_to"] = [t.strip() for t in (text or "").splitlines() if t.strip()]
        _record(reader, path + ("traces_to",), cell)
        if reader.strict and item.get("type") == "rating" and item.get("scale") in scale_grades:
            for g in scale_grades[item["scale"]]:
                if g not in grades:
                    continue
                if not _get(item, f"anchors.{g}.ja"):
                    reader.problem(row[f"anchors.{g}.ja"][0], translate(
                        "form_workbook", "{code}: 評価 {grade} の定義が空欄です。評価 {grade} と"
                                         "なる状態を書いてください").format(code=code, grade=g))
        section["items"].append(item)
        found[code] = (item, path)
        # the condition cell is read once every item is known (it may name later items)
        item["__condition__"] = row["relevant_if"]
    return found


def _read_documents(reader: _Reader, row: dict, item: dict, path: tuple) -> None:
    cell_ja, value_ja = row["doc_ja"]
    cell_en, value_en = row["doc_en"]
    ja = [t for t in (reader.text(cell_ja, value_ja) or "").splitlines()]
    en = [t for t in (reader.text(cell_en, value_en) or "").splitlines()]
    _record(reader, path + ("documents",), cell_ja)
    if not any(t.strip() for t in ja):
        if any(t.strip() for t in en):
            reader.problem(cell_ja, translate(
                "form_workbook", "英語の事前提出資料だけがあります。日本語を1行に1つずつ書いて"
                                 "ください"))
        return
    if en and len(en) != len(ja):
        reader.problem(cell_en, translate(
            "form_workbook", "英語の事前提出資料の行数（{en}）が日本語（{ja}）と合いません。"
                             "1行に1つずつ、同じ順に書いてください").format(en=len(en), ja=len(ja)))
        return
    docs = []
    for n, text in enumerate(ja):
        doc = {"ja": text.strip()}
        if en and en[n].strip():
            doc["en"] = en[n].strip()
        docs.append(doc)
        reader.cells[path + ("documents", n)] = cell_ja
    item["documents"] = docs


def _lookup_raw(found: dict[str, tuple[dict, tuple]], scales: list[dict]):
    by_id = {s["id"]: [o.get("code") for o in s["options"]] for s in scales}

    def lookup(code: str) -> ItemInfo | None:
        if code not in found:
            return None
        item = found[code][0]
        choices = tuple((c.get("code"), _get(c, "label.ja") or "") for c in item.get("choices", ()))
        return ItemInfo(item.get("type", ""), choices, tuple(by_id.get(item.get("scale"), ())))
    return lookup


def _read_condition(reader: _Reader, cell: _Cell, value: Any, lookup) -> dict | None:
    text = reader.text(cell, value)
    if text is None:
        return None
    try:
        cond, missing = parse_condition(text, lookup)
    except ConditionSyntaxError as exc:
        reader.problem(cell, translate("form_workbook", "条件「{text}」が読めません: {why}。"
                                                        "書き方は「使い方」シートを見てください"
                                                        ).format(text=text, why=exc))
        return None
    for code in missing:
        reader.problem(cell, translate("form_workbook", "条件の項目 {code} はこの評価票にありません。"
                                                        "項目コードを確かめてください").format(
            code=code))
    return None if missing else cond


def _read_rules(reader: _Reader, wb, lookup) -> list[dict]:
    out = []
    for r, row in reader.rows(wb, RULES, RULE_COLUMNS, required=False,
                              needed=("ID", "条件", "期待される回答", "メッセージ")):
        path = ("rules", len(out))
        rule: dict = {}
        _texts(reader, row, ("id",), path, rule)
        reader.cells[path] = row["id"][0]
        for key in ("when", "then"):
            cell, value = row[key]
            cond = _read_condition(reader, cell, value, lookup)
            if cond is not None:
                rule[key] = cond
            elif reader.text(cell, value) is None:
                reader.problem(cell, translate("form_workbook", "条件を入力してください"))
            _record(reader, path + (key,), cell)
        _texts(reader, row, ("message.ja", "message.en"), path, rule)
        out.append(rule)
    return out


def _read_map(reader: _Reader, wb) -> list[dict]:
    out = []
    for r, row in reader.rows(wb, MAP, MAP_COLUMNS, required=False,
                              needed=("種別", "旧項目", "新項目")):
        path = ("replaces", "items", len(out))
        entry: dict = {}
        cell, value = row["kind"]
        kind = reader.choice(cell, value, KIND_LABELS, translate("form_workbook", "種別"))
        if kind is None and value is None:
            reader.problem(cell, translate("form_workbook", "種別を一覧から選んでください"))
        if kind is not None:
            entry["kind"] = kind
        reader.cells[path] = cell
        reader.cells[path + ("kind",)] = cell
        for key in ("from", "to"):
            cell, value = row[key]
            codes = reader.codes(cell, value)
            if codes:
                entry[key] = codes
            _record(reader, path + (key,), cell)
            for i in range(len(codes)):
                reader.cells[path + (key, i)] = cell
        cell, value = row["carry"]
        carry = reader.choice(cell, value, CARRY_LABELS, translate("form_workbook",
                                                                   "回答の引き継ぎ"))
        if carry is not None:
            entry["carry"] = carry
        _record(reader, path + ("carry",), cell)
        _texts(reader, row, ("note.ja", "note.en"), path, entry)
        out.append(entry)
    return out


def _workbook_mapping(reader: _Reader, wb) -> dict:
    data = _read_settings(reader, wb)
    scales = _read_scales(reader, wb)
    sections = _read_sections(reader, wb)
    found = _read_items(reader, wb, sections, scales)
    if reader.structural:   # the rest would only repeat what a missing sheet or column causes
        return {}
    _read_choices(reader, wb, found)
    lookup = _lookup_raw(found, scales)
    for code, (item, path) in found.items():
        cell, value = item.pop("__condition__")
        cond = _read_condition(reader, cell, value, lookup)
        if cond is not None:
            item["relevant_if"] = cond
        reader.cells[path + ("relevant_if",)] = cell
    rules = _read_rules(reader, wb, lookup)
    entries = _read_map(reader, wb)
    out: dict = {"format": data.pop("format", None), "id": data.pop("id", None),
                 "version": data.pop("version", None)}
    out.update(data)
    out["scales"] = scales
    out["sections"] = sections
    if rules:
        out["rules"] = rules
    if entries or "replaces" in out:
        out.setdefault("replaces", {})["items"] = entries
        for key in ("form", "version"):
            if key not in out["replaces"]:
                reader.problem(f"{SETTINGS}!B1", translate(
                    "form_workbook", "対応表があるときは「改訂前の評価票ID」と「改訂前の版」を"
                                     "書いてください"))
                break
    return {k: v for k, v in out.items() if v is not None}


# the form checks, with their YAML lines turned back into cells

class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:   # form files refuse YAML aliases
        return True


def _paths_by_line(text: str) -> dict[int, list[tuple]]:
    """Line number (1-based) -> every key path that starts on it (as a key or as the first
    line of its value: core.form reports either)."""
    out: dict[int, list[tuple]] = {}

    def walk(node, path):
        out.setdefault(node.start_mark.line + 1, []).append(path)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                out.setdefault(key.start_mark.line + 1, []).append(path + (key.value,))
                walk(value, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for n, value in enumerate(node.value):
                walk(value, path + (n,))
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is not None:
        walk(node, ())
    return out


def _cell_of(reader: _Reader, path: tuple) -> _Cell | str:
    path = tuple(path)
    while path:
        if path in reader.cells:
            return reader.cells[path]
        path = path[:-1]
    return f"{SETTINGS}!B1"


_LOC = re.compile(r"^((?:format|id|version|title|description|scales|sections|rules|replaces)"
                  r"(?:\.[A-Za-z0-9_-]+)*): ")


def _problem_cell(reader: _Reader, lines: dict[int, list[tuple]], line: int | None,
                  message: str) -> _Cell | str:
    """The cell of a form problem: from the location its message starts with when it has
    one (sections.0.items.3.type: …), else from its line — the shortest path on that line
    that came from a cell (a key and its value's first line share a line)."""
    m = _LOC.match(message)
    if m:
        path = tuple(int(p) if p.isdigit() else p for p in m.group(1).split("."))
        return _cell_of(reader, path)
    candidates = sorted(lines.get(line or 0, ()), key=len)
    exact = [p for p in candidates if p in reader.cells]
    return _cell_of(reader, exact[0] if exact else (candidates[-1] if candidates else ()))


def _form_problems(reader: _Reader, text: str, strict: bool) -> Form | None:
    """The form checks; a problem in a row the workbook checks already faulted is left out
    (it is the same mistake seen from the form's side)."""
    faulted = set(reader.rows_with_problems)
    try:
        return parse_form(text, "workbook", strict=strict)
    except FormError as exc:
        lines = _paths_by_line(text)
        for p in exc.problems:
            cell = _problem_cell(reader, lines, p.line, p.message)
            if isinstance(cell, _Cell) and (cell.sheet, cell.row) in faulted:
                continue
            message = _LOC.sub("", p.message, count=1)
            if p.item and p.item not in message:
                message = f"{p.item}: {message}"
            reader.problem(cell, message)
        return None


def read_form_workbook(path: str | Path, *, strict: bool = True) -> Form:
    """The form an editing workbook holds; FormWorkbookInvalid lists every problem with its
    sheet!cell, WorkbookRefused when the file is not opened at all (see excel_safety)."""
    path = Path(path)
    wb = open_workbook_safely(path)
    reader = _Reader(path, strict)
    try:
        data = _workbook_mapping(reader, wb)
    finally:
        wb.close()
    form = None
    if not reader.structural:
        text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                         width=1_000_000)
        if len(text.encode("utf-8")) > MAX_FORM_BYTES:
            raise FormWorkbookInvalid([translate(
                "form_workbook", "{file}: 評価票が大きすぎます（{size:,} バイト。上限 {limit:,}）。"
                                 "項目や文を減らしてください").format(
                file=path.name, size=len(text.encode("utf-8")), limit=MAX_FORM_BYTES)])
        # usable first; the authoring rules only once the form can be used at all (and the
        # workbook's own check of the grades passed), so one problem is not reported twice
        clean = not reader.problems
        form = _form_problems(reader, text, strict=False)
        if form is not None and strict and clean:
            form = _form_problems(reader, text, strict=True)
    if reader.problems:
        ordered = [t for _key, t in sorted(reader.problems, key=lambda p: p[0])]
        if len(ordered) > MAX_PROBLEMS:
            rest = len(ordered) - MAX_PROBLEMS
            ordered = ordered[:MAX_PROBLEMS] + [translate(
                "form_workbook", "ほかに {n} 件の問題があります。上の問題を直してから、もう一度"
                                 "読み込んでください").format(n=rest)]
        raise FormWorkbookInvalid([f"{path.name} {t}" for t in ordered])
    assert form is not None
    return form


# --- the form as YAML (what from-xlsx writes) ----------------------------------------------

class _Flow(dict):
    pass


class _FlowList(list):
    pass


class _YamlDumper(_Dumper):
    pass


_YamlDumper.add_representer(_Flow, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v.items(), flow_style=True))
_YamlDumper.add_representer(_FlowList, lambda d, v: d.represent_sequence(
    "tag:yaml.org,2002:seq", v, flow_style=True))


def _styled(value: Any, key: str | None = None) -> Any:
    """Small mappings (texts, conditions, options) and lists of plain values on one line,
    like the hand-written forms."""
    if isinstance(value, dict):
        short = all(len(v) <= 40 for v in value.values() if isinstance(v, str))
        if key in ("relevant_if", "when", "then", "reference", "option") or (
                set(value) <= {"ja", "en"} and short):
            return _Flow({k: _styled(v, k) for k, v in value.items()})
        return {k: _styled(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return _FlowList(value)
        inner = "option" if key in ("options", "choices") else None
        return [_styled(v, inner) for v in value]
    return value


def form_yaml(form: Form, *, header: str = "") -> str:
    """The form as a YAML file (comments are not kept: `header` becomes the first lines)."""
    data = form.model_dump(mode="json", by_alias=True, exclude_none=True)
    body = yaml.dump(_styled(data), Dumper=_YamlDumper, allow_unicode=True, sort_keys=False,
                     width=100, default_flow_style=False)
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    return "\n".join(lines + [body]) if lines else body


__all__ = ["form_workbook_bytes", "read_form_workbook", "form_yaml", "FormWorkbookInvalid",
           "WorkbookRefused", "FORM_FORMAT", "SHEETS", "TYPE_LABELS", "item_columns"]
