"""The blank checklist workbook (Excel評価票) for review teams that do not use the app.

Layout 2 (`kanwa-excel-template/2`, written now), made to work on a 1366×768 laptop:
- sheet 「基本情報」: facility, visit date, team with roles, the visit overview (日程・面談者・
  確認資料・見学部署), the improvement plan's deadline, the next follow-up and 総評;
- sheet 「評価票」: one header row, then one row per item in form order; only the header row and
  the code column are frozen. 評価の視点 holds the guidance and the definition of every grade
  (A: … / B: …). A multiple-choice item is followed by one row per option with a はい/いいえ
  drop-down; a rate that may be 「未集計」 offers it in 値・回答.
Only the yellow input cells are unlocked; the sheets and the workbook structure are protected
(no password: protection stops accidents, the import checks the rest). A very hidden sheet
"_kanwa" holds the form id, version, SHA-256, the layout and the drop-down lists.

Layout 1 (`kanwa-excel-template/1`, written before 2026.2: header block above the items on one
sheet, items from row 24, multiple choices typed as 「外来、病棟」) is still read by
excel_import, so workbooks already handed out keep working. The `Layout` values below are the
contract with excel_import.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
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

TEMPLATE_FORMAT = "kanwa-excel-template/2"
LEGACY_FORMAT = "kanwa-excel-template/1"
SHEET = "評価票"             # the items
HEADER_SHEET = "基本情報"     # facility, team, visit overview, 総評
META_SHEET = "_kanwa"


@dataclass(frozen=True)
class Layout:
    """Where a workbook of one template format keeps what the import reads."""

    format: str
    header_sheet: str
    cells: dict[str, str]            # facility_code, facility_name, prefecture, category,
                                     # visit_date, and (layout 2) the review details
    team_first_row: int
    team_rows: int
    first_item_row: int              # on SHEET; the header row is the row before it
    option_rows: bool                # multi_choice: a はい/いいえ row per option (layout 2)


TEAM_COLS = {"role": "B", "name": "C", "affiliation": "D", "profession": "E"}
LAYOUT_1 = Layout(LEGACY_FORMAT, SHEET,
                  {"facility_code": "C5", "facility_name": "C6", "prefecture": "C7",
                   "category": "C8", "visit_date": "C9"},
                  team_first_row=12, team_rows=8, first_item_row=24, option_rows=False)
LAYOUT_2 = Layout(TEMPLATE_FORMAT, HEADER_SHEET,
                  {"facility_code": "C6", "facility_name": "C7", "prefecture": "C8",
                   "category": "C9", "visit_date": "C10",
                   "schedule": "C23", "interviewees": "C24", "documents": "C25",
                   "departments": "C26", "plan_due": "C27", "follow_up": "C28",
                   "overall_comment": "C30"},
                  team_first_row=13, team_rows=8, first_item_row=2, option_rows=True)
LAYOUTS = {layout.format: layout for layout in (LAYOUT_1, LAYOUT_2)}
DETAIL_LABELS = {"schedule": "日程", "interviewees": "面談者", "documents": "確認資料",
                 "departments": "見学部署", "plan_due": "改善計画の提出期限",
                 "follow_up": "次回フォローアップ", "overall_comment": "総評"}
DETAIL_DATES = ("plan_due", "follow_up")
HEADER_ROW = LAYOUT_2.first_item_row - 1   # the item table's header row (layout 2)
NOT_COLLECTED = "未集計"

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


def input_columns(item: Item, layout: Layout = LAYOUT_2) -> set[str]:
    """The item-table fields a team fills in for this item (its own row)."""
    cols = {"evidence", "comment"}
    if item.type == "rating":
        cols.add("rating")
        if item.has_self_assessment:
            cols.add("self")
    elif item.type == "percentage":
        cols |= {"numerator", "denominator", "period"}
        if item.allow_not_collected and layout.option_rows:
            cols.add("value")          # 「未集計」 is chosen here
    elif item.type in ("integer", "number"):
        cols |= {"value", "period"}
    elif item.type == "multi_choice" and layout.option_rows:
        pass                           # the options' rows carry はい/いいえ
    else:
        cols.add("value")
    return cols


TYPE_LABELS = {
    "rating": "評価", "yes_no": "はい／いいえ", "integer": "整数", "number": "数値",
    "percentage": "割合（分子／分母）", "date": "日付（YYYY-MM-DD）", "choice": "選択",
    "multi_choice": "複数選択（下の行で選択肢ごとに はい／いいえ）", "text": "自由記述",
}


def type_hint(form: Form, item: Item) -> str:
    parts = [TYPE_LABELS[item.type]]
    if item.type == "rating":
        parts[0] += "：" + "・".join(form.scale(item.scale).codes)
    if item.type == "percentage":
        parts.append(f"分子＝{item.numerator.ja}")
        parts.append(f"分母＝{item.denominator.ja}")
        if item.allow_not_collected:
            parts.append(f"集計していない場合は 値・回答 で「{NOT_COLLECTED}」を選択")
    if item.unit is not None:
        parts.append(f"単位：{item.unit.ja}")
    if item.choices and item.type == "choice":
        parts.append("選択肢：" + "、".join(c.label.ja for c in item.choices))
    if item.exclusive_choices:
        parts.append("「" + "」「".join(item.choice_label(c) for c in item.exclusive_choices)
                     + "」はほかと同時に選べません")
    if item.period is not None:
        parts.append({"fiscal_year": "期間：年度", "calendar_year": "期間：暦年",
                      "custom": "期間：記入"}[item.period])
    if item.required:
        parts.append("必須")
    return "\n".join(parts)


def viewpoint(form: Form, item: Item) -> str | None:
    """評価の視点: the guidance, then what each grade means for this item (its anchors)."""
    parts = [item.guidance.ja] if item.guidance else []
    grades = form.grade_definitions(item.code)
    if grades:
        parts.append("【評価の基準】\n" + "\n".join(f"{code}: {text}" for code, text in grades))
    return "\n\n".join(parts) or None


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


def _label(ws, address: str, text: str) -> None:
    ws[address] = text
    ws[address].font = Font(bold=True)
    ws[address].alignment = Alignment(vertical="top", wrap_text=True)


def _header_sheet(ws, form: Form, lists: "_Lists") -> None:
    """基本情報: facility, visit date, team, visit overview, plan dates, 総評."""
    cells = LAYOUT_2.cells
    for col, width in {"A": 18, "B": 14, "C": 64, "D": 30, "E": 22}.items():
        ws.column_dimensions[col].width = width
    ws["A1"] = "緩和ケア ピアレビュー評価票（Excel版）　基本情報"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "評価票"
    set_text(ws["C2"], f"{form.title.ja}（{form.id} 版 {form.version}）")
    ws["A3"] = ("黄色のセルに入力してください。評価はシート「評価票」に記入します。"
                "行の追加・削除・並べ替えはしないでください。")
    ws["A4"] = ("役割「リーダー」の氏名を記入した評価票は、取込時に確定済み（リーダーが確認）として登録されます"
                "（総評が必要です）。リーダーが空欄なら下書きとして登録されます。")
    for key, label in (("facility_code", "施設コード"), ("facility_name", "施設名"),
                       ("prefecture", "都道府県"), ("category", "施設区分"),
                       ("visit_date", "訪問日")):
        cell = cells[key]
        _label(ws, f"A{cell[1:]}", label)
        _input(ws[cell])
    ws[cells["visit_date"]].number_format = "yyyy-mm-dd"
    ws[f"D{cells['visit_date'][1:]}"] = "例：2025-11-20"
    _validation(ws, lists, list(FACILITY_CATEGORIES.values()),
                "施設区分を選んでください").add(cells["category"])
    date_dv = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                             formula2="DATE(2100,12,31)", allow_blank=True,
                             showErrorMessage=True, errorTitle="日付ではありません",
                             error="日付を YYYY-MM-DD の形で入力してください")
    ws.add_data_validation(date_dv)
    for key in ("visit_date", *DETAIL_DATES):
        date_dv.add(cells[key])

    first, count = LAYOUT_2.team_first_row, LAYOUT_2.team_rows
    _label(ws, f"A{first - 1}", "評価チーム")
    for key, title in (("role", "役割"), ("name", "氏名"), ("affiliation", "所属"),
                       ("profession", "職種")):
        c = ws[f"{TEAM_COLS[key]}{first - 1}"]
        c.value = title
        c.font = Font(bold=True)
        c.fill = HEADER_FILL
    role_dv = _validation(ws, lists, list(TEAM_ROLES.values()), "役割：リーダーは1名")
    prof_dv = _validation(ws, lists, list(PROFESSIONS.values()), "職種を選んでください")
    last_team = first + count - 1
    for row in range(first, last_team + 1):
        ws[f"A{row}"] = row - first + 1
        for col in TEAM_COLS.values():
            _input(ws[f"{col}{row}"])
    role_dv.add(f"{TEAM_COLS['role']}{first}:{TEAM_COLS['role']}{last_team}")
    prof_dv.add(f"{TEAM_COLS['profession']}{first}:{TEAM_COLS['profession']}{last_team}")

    heading = int(cells["schedule"][1:]) - 1
    _label(ws, f"A{heading}", "訪問の概要・改善計画・総評")
    heights = {"schedule": 90, "interviewees": 60, "documents": 75, "departments": 30,
               "overall_comment": 180}
    hints = {"schedule": "例：13:00 開会／13:15 資料確認／14:45 病棟見学…（1行に1つ）",
             "interviewees": "職種・役職（1行に1人）", "documents": "確認した資料（1行に1つ）",
             "departments": "見学した部署", "plan_due": "例：2026-01-20",
             "follow_up": "進捗を確認する日（例：2026-05-20）",
             "overall_comment": "訪問全体を通じた所見（5〜10行）。報告書の最初に載ります。"
                                "確定（リーダーを記入）には必須です。"}
    for key, label in DETAIL_LABELS.items():
        cell = cells[key]
        row = int(cell[1:])
        _label(ws, f"A{row}", label + ("（必須）" if key == "overall_comment" else ""))
        _input(ws[cell])
        set_text(ws[f"D{row}"], hints[key])
        ws[f"D{row}"].alignment = WRAP
        ws[f"D{row}"].font = Font(size=9, color="666666")
        if key in DETAIL_DATES:
            ws[cell].number_format = "yyyy-mm-dd"
        if key in heights:
            ws.row_dimensions[row].height = heights[key]
    _protect(ws)
    ws.print_area = f"A1:E{cells['overall_comment'][1:]}"
    _print_setup(ws, title_rows=None, fit_height=True)


def _protect(ws) -> None:
    ws.protection.sheet = True
    # allow resizing and filtering, forbid inserting/deleting rows and columns
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False


def _print_setup(ws, *, title_rows: str | None, fit_height: bool = False) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if fit_height else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = "&A"
    ws.oddFooter.center.text = "&P / &N"


def build_template(form: Form) -> Workbook:
    wb = Workbook()
    header = wb.active
    header.title = HEADER_SHEET
    ws = wb.create_sheet(SHEET)
    meta = wb.create_sheet(META_SHEET)
    lists = _Lists(meta)
    _header_sheet(header, form, lists)
    for col, width in WIDTHS.items():
        ws.column_dimensions[col].width = width

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

    def locked_row(row: int, inputs: set[str]) -> None:
        for key, col in COLUMNS.items():
            c = ws[f"{col}{row}"]
            c.border = BOX
            c.alignment = WRAP
            c.font = TABLE_FONT
            if key in inputs:
                _input(c)
            elif key not in ("code", "section", "text", "guidance", "type"):
                c.fill = LOCKED_FILL

    row = HEADER_ROW
    for section in form.sections:
        for item in section.items:
            row += 1
            ws[f"A{row}"] = item.code
            set_text(ws[f"B{row}"], f"{section.code} {section.title.ja}")
            set_text(ws[f"C{row}"], item.text.ja)
            view = viewpoint(form, item)
            set_text(ws[f"D{row}"], view)
            hint = type_hint(form, item)
            set_text(ws[f"E{row}"], hint)
            ws.row_dimensions[row].height = row_height({
                "B": f"{section.code} {section.title.ja}", "C": item.text.ja, "D": view,
                "E": hint})
            locked_row(row, input_columns(item))
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
                if item.allow_not_collected:
                    listed([NOT_COLLECTED], value, f"集計していない場合は「{NOT_COLLECTED}」")
            if item.type == "multi_choice":
                for choice in item.choices:   # one はい/いいえ row per option
                    row += 1
                    ws[f"A{row}"] = item.code
                    set_text(ws[f"C{row}"], option_text(choice.label.ja))
                    set_text(ws[f"E{row}"], "はい／いいえ")
                    locked_row(row, {"value"})
                    listed([YES, NO], f"{COLUMNS['value']}{row}", "この選択肢に当てはまるか")

    # only the header row and the code column stay in view: a laptop screen keeps its rows
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    _protect(ws)
    ws.print_area = f"A1:M{row}"
    _print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")

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


OPTION_MARK = "　└ "


def option_text(label: str) -> str:
    """評価項目 text of an option's row: the choice, indented under its item."""
    return f"{OPTION_MARK}{label}"


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
