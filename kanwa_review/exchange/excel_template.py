"""The blank checklist workbook (Excel評価票) for review teams that do not use the app.

One sheet "評価票": a header block (facility, visit date, team with roles) and one row per
item in form order. Only the yellow input cells are unlocked; the sheet and the workbook
structure are protected (no password: protection stops accidents, the import checks the rest).
Ratings, yes/no, choices, roles and facility categories get drop-down lists. A very hidden
sheet "_kanwa" holds the form id, version and SHA-256 and the lists. The cell positions below
are the contract with excel_import.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from kanwa_review import __version__
from kanwa_review.core.form import Form, Item
from kanwa_review.core.review import FACILITY_CATEGORIES, PROFESSIONS, TEAM_ROLES
from kanwa_review.exchange.excel_safety import display_width, set_text

TEMPLATE_FORMAT = "kanwa-excel-template/1"
SHEET = "評価票"
META_SHEET = "_kanwa"

# header block: label in column A, input in column C
FACILITY_CODE_CELL = "C5"
FACILITY_NAME_CELL = "C6"
PREFECTURE_CELL = "C7"
CATEGORY_CELL = "C8"
VISIT_DATE_CELL = "C9"
TEAM_FIRST_ROW, TEAM_ROWS = 12, 8          # rows 12–19: 役割 (B), 氏名 (C), 所属 (D), 職種 (E)
TEAM_COLS = {"role": "B", "name": "C", "affiliation": "D", "profession": "E"}
HEADER_ROW = 23                            # item table header; items from row 24

# item table columns
COLUMNS = {
    "code": "A", "section": "B", "text": "C", "guidance": "D", "type": "E",
    "self": "F", "rating": "G", "value": "H", "numerator": "I", "denominator": "J",
    "period": "K", "evidence": "L", "comment": "M",
}
COLUMN_TITLES = {
    "code": "項目コード", "section": "区分", "text": "評価項目", "guidance": "評価の視点",
    "type": "回答形式・記入方法", "self": "自己評価", "rating": "評価者の評価", "value": "値・回答",
    "numerator": "分子", "denominator": "分母", "period": "対象期間", "evidence": "根拠資料・確認方法",
    "comment": "コメント",
}
WIDTHS = {"A": 9, "B": 14, "C": 40, "D": 44, "E": 22, "F": 8, "G": 8, "H": 16, "I": 8, "J": 8,
          "K": 14, "L": 26, "M": 34}
LINE_HEIGHT = 13.5  # points per wrapped line at the 10 pt table font


def row_height(texts: dict[str, str | None]) -> float:
    """Rows do not grow by themselves in every program: size each item row to its longest
    wrapped text (column letter → text)."""
    lines = 1
    for col, text in texts.items():
        if not text:
            continue
        per_line = max(1, int((WIDTHS[col] - 1) * 1.35))  # 10 pt text in 11 pt column units
        n = sum(max(1, -(-display_width(part) // per_line)) for part in text.split("\n"))
        lines = max(lines, n)
    return min(409.0, lines * LINE_HEIGHT + 4)

YES, NO = "はい", "いいえ"
DEFAULT_ROLE = "member"

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
LOCKED_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
UNLOCKED = Protection(locked=False)
TABLE_FONT = Font(size=10)


def input_columns(item: Item) -> set[str]:
    """The item-table fields a team fills in for this item."""
    cols = {"evidence", "comment"}
    if item.type == "rating":
        cols.add("rating")
        if item.has_self_assessment:
            cols.add("self")
    elif item.type == "percentage":
        cols |= {"numerator", "denominator", "period"}
    elif item.type in ("integer", "number"):
        cols |= {"value", "period"}
    else:
        cols.add("value")
    return cols


TYPE_LABELS = {
    "rating": "評価", "yes_no": "はい／いいえ", "integer": "整数", "number": "数値",
    "percentage": "割合（分子／分母）", "date": "日付（YYYY-MM-DD）", "choice": "選択",
    "multi_choice": "複数選択（「、」区切り）", "text": "自由記述",
}


def type_hint(form: Form, item: Item) -> str:
    parts = [TYPE_LABELS[item.type]]
    if item.type == "rating":
        parts[0] += "：" + "・".join(form.scale(item.scale).codes)
    if item.type == "percentage":
        parts.append(f"分子＝{item.numerator.ja}")
        parts.append(f"分母＝{item.denominator.ja}")
    if item.unit is not None:
        parts.append(f"単位：{item.unit.ja}")
    if item.choices:
        parts.append("選択肢：" + "、".join(c.label.ja for c in item.choices))
    if item.period is not None:
        parts.append({"fiscal_year": "期間：年度", "calendar_year": "期間：暦年",
                      "custom": "期間：記入"}[item.period])
    if item.required:
        parts.append("必須")
    return "\n".join(parts)


def choice_labels(item: Item) -> list[str]:
    return [c.label.ja for c in item.choices or ()]


class _Lists:
    """Drop-down lists kept on the hidden sheet (a range works for any label, commas too)."""

    def __init__(self, meta):
        self.meta = meta
        self.column = 4
        self.known: dict[tuple[str, ...], str] = {}

    def ref(self, values: list[str]) -> str:
        key = tuple(values)
        if key not in self.known:
            from openpyxl.utils import get_column_letter
            col = get_column_letter(self.column)
            self.column += 1
            for i, v in enumerate(values, start=1):
                set_text(self.meta[f"{col}{i}"], v)
            self.known[key] = f"'{META_SHEET}'!${col}$1:${col}${len(values)}"
        return self.known[key]


def _validation(ws, lists: _Lists, values: list[str], prompt: str) -> DataValidation:
    dv = DataValidation(type="list", formula1=lists.ref(values), allow_blank=True,
                        showErrorMessage=True, showInputMessage=True, errorTitle="入力できない値です",
                        error=f"一覧から選んでください：{'、'.join(values)}"[:255],
                        promptTitle="選択", prompt=prompt[:255])
    ws.add_data_validation(dv)
    return dv


def _input(cell) -> None:
    cell.fill = INPUT_FILL
    cell.protection = UNLOCKED
    cell.border = BOX
    cell.alignment = WRAP


def build_template(form: Form) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    meta = wb.create_sheet(META_SHEET)
    lists = _Lists(meta)
    for col, width in WIDTHS.items():
        ws.column_dimensions[col].width = width

    ws["A1"] = "緩和ケア ピアレビュー評価票（Excel版）"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "評価票"
    set_text(ws["C2"], f"{form.title.ja}（{form.id} 版 {form.version}）")
    ws["A3"] = "黄色のセルに入力してください（灰色のセルは入力不要）。行の追加・削除・並べ替えはしないでください。"
    ws["A4"] = ("役割「リーダー」の氏名を記入した評価票は、取込時に確定済み（リーダーが確認）として登録されます。"
                "リーダーが空欄なら下書きとして登録されます。")

    for cell, label in ((FACILITY_CODE_CELL, "施設コード"), (FACILITY_NAME_CELL, "施設名"),
                        (PREFECTURE_CELL, "都道府県"), (CATEGORY_CELL, "施設区分"),
                        (VISIT_DATE_CELL, "訪問日")):
        row = cell[1:]
        ws[f"A{row}"] = label
        ws[f"A{row}"].font = Font(bold=True)
        _input(ws[cell])
    ws[VISIT_DATE_CELL].number_format = "yyyy-mm-dd"
    ws["D9"] = "例：2025-11-20"
    categories = list(FACILITY_CATEGORIES.values())
    _validation(ws, lists, categories, "施設区分を選んでください").add(CATEGORY_CELL)
    date_dv = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                             formula2="DATE(2100,12,31)", allow_blank=True,
                             showErrorMessage=True, errorTitle="日付ではありません",
                             error="日付を YYYY-MM-DD の形で入力してください")
    ws.add_data_validation(date_dv)
    date_dv.add(VISIT_DATE_CELL)

    team_header = TEAM_FIRST_ROW - 1
    ws[f"A{team_header}"] = "評価チーム"
    for key, title in (("role", "役割"), ("name", "氏名"), ("affiliation", "所属"),
                       ("profession", "職種")):
        c = ws[f"{TEAM_COLS[key]}{team_header}"]
        c.value = title
        c.font = Font(bold=True)
        c.fill = HEADER_FILL
    role_dv = _validation(ws, lists, list(TEAM_ROLES.values()), "役割：リーダーは1名")
    prof_dv = _validation(ws, lists, list(PROFESSIONS.values()), "職種を選んでください")
    last_team = TEAM_FIRST_ROW + TEAM_ROWS - 1
    for row in range(TEAM_FIRST_ROW, last_team + 1):
        ws[f"A{row}"] = row - TEAM_FIRST_ROW + 1
        for col in TEAM_COLS.values():
            _input(ws[f"{col}{row}"])
    role_dv.add(f"{TEAM_COLS['role']}{TEAM_FIRST_ROW}:{TEAM_COLS['role']}{last_team}")
    prof_dv.add(f"{TEAM_COLS['profession']}{TEAM_FIRST_ROW}:{TEAM_COLS['profession']}{last_team}")

    for key, col in COLUMNS.items():
        c = ws[f"{col}{HEADER_ROW}"]
        c.value = COLUMN_TITLES[key]
        c.font = Font(bold=True)
        c.fill = HEADER_FILL
        c.border = BOX
        c.alignment = Alignment(wrap_text=True, vertical="center")

    ws.row_dimensions[HEADER_ROW].height = 30  # two-line titles (評価者の評価 …)
    dv_cache: dict[tuple[str, ...], DataValidation] = {}

    def listed(values: list[str], cell: str, prompt: str) -> None:
        key = tuple(values)
        if key not in dv_cache:
            dv_cache[key] = _validation(ws, lists, values, prompt)
        dv_cache[key].add(cell)

    whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                           allow_blank=True, showErrorMessage=True, errorTitle="整数ではありません",
                           error="0以上の整数を入力してください")
    decimal = DataValidation(type="decimal", allow_blank=True, operator="between",
                             formula1="-1E+15", formula2="1E+15", showErrorMessage=True,
                             errorTitle="数値ではありません", error="数値を入力してください")
    item_date = DataValidation(type="date", operator="between", formula1="DATE(1900,1,1)",
                               formula2="DATE(2100,12,31)", allow_blank=True,
                               showErrorMessage=True, errorTitle="日付ではありません",
                               error="日付を YYYY-MM-DD の形で入力してください")
    for dv in (whole, decimal, item_date):
        ws.add_data_validation(dv)

    row = HEADER_ROW
    for section in form.sections:
        for item in section.items:
            row += 1
            ws[f"A{row}"] = item.code
            set_text(ws[f"B{row}"], f"{section.code} {section.title.ja}")
            set_text(ws[f"C{row}"], item.text.ja)
            set_text(ws[f"D{row}"], item.guidance.ja if item.guidance else None)
            hint = type_hint(form, item)
            set_text(ws[f"E{row}"], hint)
            ws.row_dimensions[row].height = row_height({
                "B": f"{section.code} {section.title.ja}", "C": item.text.ja,
                "D": item.guidance.ja if item.guidance else None, "E": hint})
            inputs = input_columns(item)
            for key, col in COLUMNS.items():
                c = ws[f"{col}{row}"]
                c.border = BOX
                c.alignment = WRAP
                c.font = TABLE_FONT
                if key in inputs:
                    _input(c)
                elif key not in ("code", "section", "text", "guidance", "type"):
                    c.fill = LOCKED_FILL
            value = f"{COLUMNS['value']}{row}"
            if item.type == "rating":
                codes = list(form.scale(item.scale).codes)
                listed(codes, f"{COLUMNS['rating']}{row}", "評価を選んでください")
                if item.has_self_assessment:
                    listed(codes, f"{COLUMNS['self']}{row}", "自己評価を選んでください")
            elif item.type == "yes_no":
                listed([YES, NO], value, "はい／いいえ")
            elif item.type == "choice":
                listed(choice_labels(item), value, "選択肢から選んでください")
            elif item.type == "integer":
                whole.add(value)
            elif item.type == "number":
                decimal.add(value)
            elif item.type == "date":
                item_date.add(value)
                ws[value].number_format = "yyyy-mm-dd"
            if item.type == "percentage":
                whole.add(f"{COLUMNS['numerator']}{row}")
                whole.add(f"{COLUMNS['denominator']}{row}")

    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.protection.sheet = True
    # allow resizing and filtering, forbid inserting/deleting rows and columns
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:M{row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "&P / &N"

    generated = datetime.now(UTC).isoformat(timespec="seconds")
    for r, (key, value) in enumerate((
            ("format", TEMPLATE_FORMAT), ("form_id", form.id), ("form_version", form.version),
            ("form_hash", form.sha256), ("generated_at", generated),
            ("app_version", __version__), ("item_count", form.item_count),
            ("header_row", HEADER_ROW)), start=1):
        meta[f"A{r}"] = key
        if isinstance(value, str):
            set_text(meta[f"B{r}"], value)
        else:
            meta[f"B{r}"] = value
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    return wb


def write_template(form: Form, path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"{path}: the checklist workbook is an .xlsx file; give a name ending "
                         "in .xlsx")
    if not path.parent.is_dir():
        raise ValueError(f"{path.parent}: the folder does not exist")
    wb = build_template(form)
    fd, tmp = tempfile.mkstemp(prefix=".kanwa-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
