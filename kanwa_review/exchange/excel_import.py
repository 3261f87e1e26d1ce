"""Reading a filled-in checklist workbook (Excel評価票の取込) into core objects: no database.

The file is hostile input: excel_safety checks it before openpyxl opens it read-only with cached
values only. Every cell is then validated and every problem is collected (sheet, cell, what is
wrong, how to fix it). The caller tells which forms and facilities it knows; writing the review
is `Services.import_workbook` (services/workbooks.py).

A workbook whose team names a leader (役割 リーダー) arrives as a finalised review signed by that
leader, so it must be complete (総評, required items, comments for C/D); without a leader it is
a draft. Both template layouts are read (excel_template.LAYOUT_1 and LAYOUT_2): a workbook of
the old layout has no place for 総評, so with a leader it arrives as a draft to finish in the
app (a warning says so) — unless its form held 総評 as an item (J-7 of 2026.1) and it is filled.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kanwa_review.core import text_policy
from kanwa_review.core.completeness import gaps
from kanwa_review.core.i18n import translate
from kanwa_review.core.form import (
    Form,
    FormError,
    Item,
    shipped_forms,
)
from kanwa_review.core.review import (
    FACILITY_CATEGORIES,
    FACILITY_CODE_RE,
    MAX_TEXT,
    NOT_COLLECTED_KEY,
    PROFESSIONS,
    TEAM_ROLES,
    Answer,
    AnswerError,
    Facility,
    TeamMember,
    VisitOverview,
    legacy_overall_item,
    normalise_answer,
)
from kanwa_review.core.skiplogic import relevant_items
from kanwa_review.exchange import excel_template as T
from kanwa_review.exchange.excel_safety import formula_cells, open_workbook_safely

MAX_ROWS_READ = 3000          # the template has ~110 rows; stop reading absurd sheets early
# a checklist sheet with more row elements than this (rows Excel writes for formatting too)
# is refused from the byte scan, before openpyxl reads any of it
MAX_SHEET_ROWS = 20_000
MAX_CELL_TEXT = 20_000


@dataclass(frozen=True)
class Problem:
    sheet: str
    cell: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return f"{where}: {self.message} — {self.fix}"


@dataclass
class ParsedWorkbook:
    form: Form
    facility_code: str
    facility_name: str
    prefecture: str
    category: str
    visit_date: date
    team: tuple[TeamMember, ...]
    answers: dict[str, Answer]
    warnings: list[str]
    overall_comment: str = ""
    overview: VisitOverview = VisitOverview()
    plan_due: date | None = None
    follow_up: date | None = None
    final: bool = False           # a leader is named and the workbook can be finalised

    @property
    def leader(self) -> str | None:
        """Who signs the review off: the leader, when the workbook arrives finalised."""
        if not self.final:
            return None
        return next((m.name for m in self.team if m.role == "leader"), None)


class WorkbookInvalid(ValueError):
    def __init__(self, problems: list[Problem], warnings: list[str] | None = None):
        self.problems = problems
        self.warnings = warnings or []
        super().__init__("\n".join(str(p) for p in problems))


# --- cell value helpers -------------------------------------------------------------------

def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, datetime):
        v = v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat()
    return text_policy.normal(str(v).strip())


def _norm(v: Any) -> str:
    """Compare-friendly text: full-width letters and digits folded (Ａ → A), case folded."""
    return unicodedata.normalize("NFKC", _text(v)).strip().upper()


_DATE_TEXT = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def _as_date(v: Any) -> date | None:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    m = _DATE_TEXT.match(unicodedata.normalize("NFKC", _text(v)))
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def _as_number(v: Any, *, whole: bool) -> int | float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        n = v
    else:
        s = unicodedata.normalize("NFKC", _text(v)).replace(",", "")
        try:
            n = float(s)
        except ValueError:
            return None
    if not math.isfinite(n):
        return None
    if whole:
        if float(n) != int(n):
            return None
        return int(n)
    return int(n) if isinstance(n, int) else float(n)


_YES = {"はい", "YES", "Y", "TRUE", "有", "あり", "〇", "○", "✓", "✔"}
_NO = {"いいえ", "NO", "N", "FALSE", "無", "なし", "×"}
_SPLIT = re.compile(r"[、,，;；/／\n]+")


# --- reading ------------------------------------------------------------------------------

class _Sheet:
    """The checklist sheet as a grid of values (read-only mode streams rows once)."""

    def __init__(self, ws):
        self.rows: list[tuple] = []
        self.formulas: set[tuple[int, int]] = set()   # (row, column) holding a formula
        for n, row in enumerate(ws.iter_rows(min_row=1, max_col=13, values_only=True)):
            if n >= MAX_ROWS_READ:
                break
            self.rows.append(tuple(row))

    def get(self, address: str) -> Any:
        col = ord(address[0]) - ord("A")
        row = int(address[1:]) - 1
        if row >= len(self.rows) or col >= len(self.rows[row]):
            return None
        return self.rows[row][col]


def _shipped_forms() -> list[Form]:
    try:
        return shipped_forms()
    except FormError:
        return []


def _meta(wb, file: str) -> dict[str, str]:
    if T.META_SHEET not in wb.sheetnames:
        raise WorkbookInvalid([Problem(T.META_SHEET, "", "kanwa-review の評価票ブックではありません"
                                       "（評価票の情報を持つ隠しシートがありません） / this workbook "
                                       "was not made by kanwa-review (its hidden form sheet is "
                                       "missing)",
                                       "fill in a blank workbook made with `kanwa-review "
                                       "excel-template` or the menu ファイル ▸ 空の評価票(Excel)を作成")])
    meta = {}
    for n, row in enumerate(wb[T.META_SHEET].iter_rows(min_row=1, max_row=20, max_col=2,
                                                        values_only=True)):
        if row and row[0]:
            meta[_text(row[0])] = _text(row[1] if len(row) > 1 else None)
    return meta


def _layout(meta: dict[str, str]) -> T.Layout:
    fmt = meta.get("format")
    layout = T.LAYOUTS.get(fmt or "")
    if layout is None:
        raise WorkbookInvalid([Problem(T.META_SHEET, "B1", f"この版のアプリでは読めない評価票の形式です"
                                       f"（{fmt!r}） / unknown workbook format {fmt!r} "
                                       f"(this app reads {', '.join(T.LAYOUTS)})",
                                       "update kanwa-review, or use a blank workbook made by "
                                       "this version")])
    return layout


def _resolve_form(meta: dict[str, str], forms: list[Form], layout: T.Layout) -> Form:
    form_id, version, form_hash = (meta.get("form_id", ""), meta.get("form_version", ""),
                                   meta.get("form_hash", ""))
    for f in forms:
        if f.sha256 == form_hash:
            return f
    same_id = sorted({f"{f.version} ({f.sha256[:12]})" for f in forms if f.id == form_id})
    if same_id:
        message = (f"このブックは評価票 {form_id} 第{version}版 用で、このデータベースはその版を知りません / "
                   f"the workbook was made for form {form_id} version {version} "
                   f"({form_hash[:12]}…), which this database does not know; known versions: "
                   f"{', '.join(same_id)}")
    else:
        message = (f"このブックの評価票 {form_id} {version} はこのデータベースにありません / the "
                   f"workbook was made for form {form_id!r} {version}, which is unknown here")
    raise WorkbookInvalid([Problem(layout.header_sheet, "C2", message,
                                   "copy the answers into a blank workbook of the current form "
                                   "(`kanwa-review excel-template`) and import that")])


def parse_workbook(path: str | Path, forms: list[Form] | None = None,
                   facilities: Mapping[str, Facility] | None = None) -> ParsedWorkbook:
    """Open, check and validate; raise WorkbookRefused or WorkbookInvalid (all problems).

    `forms`: the forms a workbook may be made for (default: the shipped ones); `facilities`:
    the facilities held, by code (a workbook for a facility not held must name it)."""
    wb = open_workbook_safely(path, {T.SHEET: MAX_SHEET_ROWS})
    try:
        meta = _meta(wb, str(path))
        layout = _layout(meta)
        form = _resolve_form(meta, forms if forms is not None else _shipped_forms(), layout)
        for name in dict.fromkeys((layout.header_sheet, T.SHEET)):
            if name not in wb.sheetnames:
                raise WorkbookInvalid([Problem(name, "", f"シート「{name}」がありません（名前が"
                                               "変えられた可能性） / the sheet is missing or was "
                                               "renamed", f"keep the sheet named {name}")])
        items = _Sheet(wb[T.SHEET])
        header = items if layout.header_sheet == T.SHEET else _Sheet(wb[layout.header_sheet])
    finally:
        wb.close()
    items.formulas = formula_cells(path, T.SHEET, max_col=13, max_row=MAX_ROWS_READ)
    if header is not items:
        header.formulas = formula_cells(path, layout.header_sheet, max_col=13, max_row=100)
    return _validate(header, items, layout, form, facilities or {})


def _text_problems(header: _Sheet, sheet: _Sheet, layout: T.Layout, form: Form, bad,
                   bad_header) -> None:
    """Every text cell a person fills in within the text policy (core/text_policy.py): no
    control characters, no bidirectional controls, no invisible characters in names."""
    C = T.COLUMNS
    line, free = text_policy.LINE, text_policy.FREE
    head = [(layout.cells[key], line) for key in ("facility_name", "prefecture")]
    head += [(layout.cells[key], free) for key in (*T.DETAIL_LABELS, "overall_comment")
             if key in layout.cells]
    for row in range(layout.team_first_row, layout.team_first_row + layout.team_rows):
        head += [(f"{T.TEAM_COLS['name']}{row}", line),
                 (f"{T.TEAM_COLS['affiliation']}{row}", line)]
    items = []
    row = layout.first_item_row
    for item in form.items():
        items += [(f"{C['period']}{row}", line), (f"{C['evidence']}{row}", free),
                  (f"{C['comment']}{row}", free), (f"{C['value']}{row}", free)]
        row += 1 + (len(item.choices) if item.type == "multi_choice" and layout.option_rows
                    else 0)
    fix = translate("excel_import", "その文字を消して保存し直してください")
    for cells, where, report in ((head, header, bad_header), (items, sheet, bad)):
        for address, kind in cells:
            value = where.get(address)
            if not isinstance(value, str):
                continue
            rule = text_policy.problem(value, kind)
            if rule is not None:
                report(address, rule, fix)


_MAX_FORMULA_PROBLEMS = 10
_EXCEL_ERRORS = {"#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!"}


def _formula_problems(sheet: _Sheet, bad) -> None:
    """A formula whose result was never saved (written by a program, or text such as
    "=1+1 …") reads as an empty cell, and one whose result is an error reads as "#NAME?":
    either would silently lose what was typed, so name the cell instead."""
    from openpyxl.utils import get_column_letter

    unreadable = []
    for row, col in sorted(sheet.formulas):
        address = f"{get_column_letter(col)}{row}"
        value = sheet.get(address)
        if value in (None, "") or (isinstance(value, str) and value in _EXCEL_ERRORS):
            unreadable.append(address)
    fix = ("type the text or value itself instead of a formula; text that starts with = "
           "needs a ' in front ('=…)")
    for address in unreadable[:_MAX_FORMULA_PROBLEMS]:
        bad(address, "数式が入っていて、その結果を読み取れません（数式は取り込みません）", fix)
    rest = unreadable[_MAX_FORMULA_PROBLEMS:]
    if rest:  # one line for the rest, so the real problems below are not buried
        shown = ", ".join(rest[:12]) + (" …" if len(rest) > 12 else "")
        bad(rest[0], f"ほかに {len(rest)} 個のセル（{shown}）にも同じ数式の問題があります", fix)


def _validate(header: _Sheet, sheet: _Sheet, layout: T.Layout, form: Form,
              facilities: Mapping[str, Facility]) -> ParsedWorkbook:
    problems: list[Problem] = []
    warnings: list[str] = []
    S, H = T.SHEET, layout.header_sheet
    cells = layout.cells

    def bad(cell: str, message: str, fix: str) -> None:
        problems.append(Problem(S, cell, message, fix))

    def bad_header(cell: str, message: str, fix: str) -> None:
        problems.append(Problem(H, cell, message, fix))

    if header is not sheet:
        _formula_problems(header, bad_header)
    _formula_problems(sheet, bad)
    _text_problems(header, sheet, layout, form, bad, bad_header)

    # --- header block ---
    code = _text(header.get(cells["facility_code"]))
    if not code:
        bad_header(cells["facility_code"], "施設コードが空欄です (facility code missing)",
                   "enter the facility code the hub office gave (letters, digits, - and _)")
    elif not FACILITY_CODE_RE.match(code):
        bad_header(cells["facility_code"], f"施設コード {code!r} は使えない文字を含みます",
                   "use letters, digits, - and _ only (up to 32)")
    name = _text(header.get(cells["facility_name"]))
    if len(name) > 200:
        bad_header(cells["facility_name"], "施設名が長すぎます", "shorten it to 200 characters")
    known = facilities.get(code) if code and FACILITY_CODE_RE.match(code) else None
    if known is None and not name and code:
        bad_header(cells["facility_name"], f"施設 {code} は未登録なので施設名が必要です",
                   "enter the facility name (施設名) so the facility can be registered")
    elif known is not None and name and name != known.name:
        warnings.append(f"{H}!{cells['facility_name']}: 施設名 {name!r} は登録済みの名称 "
                        f"{known.name!r} と異なります。登録済みの名称を使います (registered name kept)")
    prefecture = _text(header.get(cells["prefecture"]))[:50]
    cat_text = _text(header.get(cells["category"]))
    by_label = {v: k for k, v in FACILITY_CATEGORIES.items()}
    category = "regional"
    if cat_text:
        category = by_label.get(cat_text) or (cat_text if cat_text in FACILITY_CATEGORIES else "")
        if not category:
            bad_header(cells["category"], f"施設区分 {cat_text!r} は選択肢にありません",
                       "choose from the list: " + "、".join(FACILITY_CATEGORIES.values()))
    raw_date = header.get(cells["visit_date"])
    visit = _as_date(raw_date)
    if raw_date in (None, ""):
        bad_header(cells["visit_date"], "訪問日が空欄です (visit date missing)",
                   "enter it as 2025-11-20")
    elif visit is None:
        bad_header(cells["visit_date"], f"訪問日 {_text(raw_date)!r} は日付ではありません (not a date)",
                   "enter a date such as 2025-11-20")
    elif not date(2000, 1, 1) <= visit <= date.today():
        bad_header(cells["visit_date"], f"訪問日 {visit} は範囲外です", "a past date after 2000-01-01")

    # --- team ---
    roles = {v: k for k, v in TEAM_ROLES.items()}
    professions = {v: k for k, v in PROFESSIONS.items()}
    team: list[TeamMember] = []
    cols = T.TEAM_COLS
    for row in range(layout.team_first_row, layout.team_first_row + layout.team_rows):
        values = {k: _text(header.get(f"{c}{row}")) for k, c in cols.items()}
        if not any(values.values()):
            continue
        if not values["name"]:
            bad_header(f"{cols['name']}{row}", "氏名が空欄です (team member without a name)",
                       "enter the name, or clear the whole row")
            continue
        role = roles.get(values["role"]) or (values["role"] if values["role"] in TEAM_ROLES
                                             else None)
        if values["role"] and role is None:
            bad_header(f"{cols['role']}{row}", f"役割 {values['role']!r} は選択肢にありません",
                       "choose from: " + "、".join(TEAM_ROLES.values()))
            continue
        prof = professions.get(values["profession"]) or (
            values["profession"] if values["profession"] in PROFESSIONS else None)
        if values["profession"] and prof is None:
            bad_header(f"{cols['profession']}{row}",
                       f"職種 {values['profession']!r} は選択肢にありません",
                       "choose from: " + "、".join(PROFESSIONS.values()))
            continue
        team.append(TeamMember(values["name"][:100], role or T.DEFAULT_ROLE, prof or "other",
                               values["affiliation"][:200]))
    leaders = [m for m in team if m.role == "leader"]
    if len(leaders) > 1:
        bad_header(f"{cols['role']}{layout.team_first_row}", f"リーダーが{len(leaders)}名います",
                   "mark exactly one member as リーダー (or none to import a draft)")

    # --- 総評, visit overview, plan dates (layout 2) ---
    details = _read_details(header, layout, visit, bad_header)

    # --- items ---
    answers: dict[str, Answer] = {}
    rows: dict[str, int] = {}
    C = T.COLUMNS
    row = layout.first_item_row
    for item in form.items():
        found = _text(sheet.get(f"{C['code']}{row}"))
        if found != item.code:
            bad(f"{C['code']}{row}", f"項目 {item.code} があるはずの行に {found or '（空）'} があります "
                                     "(item row deleted, inserted or reordered)",
                "do not add, delete or move rows: copy the answers into a fresh blank workbook")
            break
        rows[item.code] = row
        preset = None
        if item.type == "multi_choice" and layout.option_rows:
            preset = _read_options(sheet, item, row, bad)
            if preset is False:
                break
        answer = _read_item(sheet, form, item, row, bad, layout, preset)
        if answer is not None:
            answers[item.code] = answer
        row += 1 + (len(item.choices) if item.type == "multi_choice" and layout.option_rows
                    else 0)
    else:
        extra = _text(sheet.get(f"{C['code']}{row}"))
        if extra:
            bad(f"{C['code']}{row}", f"評価票にない行 {extra!r} があります",
                "delete the added row or use a fresh blank workbook")

    final = bool(leaders)
    if not problems:
        relevant = relevant_items(form, answers, category)
        for code_ in list(answers):
            if code_ not in relevant:
                warnings.append(f"{S}!A{rows[code_]}: {code_} は前の回答により対象外のため取り込みません"
                                " (does not apply given the earlier answers; not imported)")
                del answers[code_]
        legacy = legacy_overall_item(form)
        has_overall = bool(details["overall_comment"].strip()) or bool(
            legacy and isinstance(getattr(answers.get(legacy), "value", None), str)
            and answers[legacy].value.strip())
        if leaders and not has_overall:
            if "overall_comment" in cells:
                bad_header(cells["overall_comment"], "総評が空欄です。リーダーを記入した評価票は確定済み"
                           "として取り込むため、総評が必要です",
                           "write the overall remarks (総評), or leave the leader (リーダー) blank "
                           "to import a draft")
            else:
                final = False
                warnings.append(f"{S}: 旧様式の評価票には総評の欄がないため、下書きとして取り込みます。"
                                "アプリで総評を記入して確定してください (old layout without 総評: "
                                "imported as a draft; enter 総評 in the app and finalise)")
        if final:
            for gap in gaps(form, answers, category):
                row = rows[gap.item_code]
                item = form.item(gap.item_code)
                if gap.kind == "comment_required":
                    bad(f"{C['comment']}{row}", f"{gap.item_code}：評価 "
                        f"{answers[gap.item_code].rating} にはコメントが必要です",
                        "write the reason for the rating in コメント")
                else:
                    col = C["rating"] if item.type == "rating" else (
                        C["numerator"] if item.type == "percentage" else C["value"])
                    bad(f"{col}{row}", f"{gap.item_code} は必須項目ですが未回答です",
                        "answer it, or leave the leader (リーダー) blank to import a draft")
    if problems:
        raise WorkbookInvalid(problems, warnings)
    overview = VisitOverview(**{k: details[k] for k in ("schedule", "interviewees",
                                                        "documents", "departments")})
    return ParsedWorkbook(form, code, name or (known.name if known else ""), prefecture,
                          category, visit, tuple(team), answers, warnings,
                          details["overall_comment"], overview, details["plan_due"],
                          details["follow_up"], final)


def _read_details(header: _Sheet, layout: T.Layout, visit: date | None, bad) -> dict:
    """総評, the visit overview and the plan dates of a layout-2 header sheet (empty for a
    workbook of the old layout)."""
    out: dict = {key: "" for key in T.DETAIL_LABELS}
    out.update({key: None for key in T.DETAIL_DATES})
    for key, label in T.DETAIL_LABELS.items():
        cell = layout.cells.get(key)
        if cell is None:
            continue
        raw = header.get(cell)
        if key in T.DETAIL_DATES:
            if raw in (None, ""):
                continue
            day = _as_date(raw)
            if day is None:
                bad(cell, f"{label} {_text(raw)!r} は日付ではありません (not a date)",
                    "enter a date such as 2026-01-20, or leave it blank")
            elif visit is not None and day < visit:
                bad(cell, f"{label} {day} が訪問日 {visit} より前です",
                    "enter a date on or after the visit")
            else:
                out[key] = day
            continue
        text = _text(raw)
        if len(text) > MAX_TEXT:
            bad(cell, f"{label}：{len(text):,}文字は長すぎます", f"shorten it to {MAX_TEXT:,} characters")
        else:
            out[key] = text
    return out


def _read_options(sheet: _Sheet, item: Item, row: int, bad) -> list[str] | None | bool:
    """The choices ticked はい on the option rows under a multiple-choice item (layout 2):
    a list, None when none is, False when the rows are not where they belong."""
    C = T.COLUMNS
    chosen = []
    for n, choice in enumerate(item.choices or (), start=1):
        r = row + n
        if (_text(sheet.get(f"{C['code']}{r}")) != item.code
                or _text(sheet.get(f"{C['text']}{r}")) != T.option_text(choice.label.ja).strip()):
            bad(f"{C['code']}{r}", f"{item.code} の選択肢「{choice.label.ja}」の行がありません "
                                   "(item row deleted, inserted or reordered)",
                "do not add, delete or move rows: copy the answers into a fresh blank workbook")
            return False
        for key in ("self", "rating", "numerator", "denominator", "period", "evidence",
                    "comment"):
            if _text(sheet.get(f"{C[key]}{r}")):
                bad(f"{C[key]}{r}", f"{item.code} の選択肢の行の {T.COLUMN_TITLES[key]} 欄は入力対象外です",
                    "clear this cell (grey cells take no input)")
        raw = sheet.get(f"{C['value']}{r}")
        if _text(raw) == "":
            continue
        yes = _parse_value(_YES_NO_ITEM, raw)
        if yes is None:
            bad(f"{C['value']}{r}", f"{item.code}「{choice.label.ja}」：{_text(raw)!r} は はい／いいえ "
                                    "として読めません", "choose はい or いいえ")
        elif yes:
            chosen.append(choice.code)
    return chosen or None


def _read_item(sheet: _Sheet, form: Form, item: Item, row: int, bad, layout: T.Layout,
               preset=None) -> Answer | None:
    C = T.COLUMNS
    inputs = T.input_columns(item, layout)
    raw = {k: sheet.get(f"{C[k]}{row}") for k in ("self", "rating", "value", "numerator",
                                                  "denominator", "period", "evidence",
                                                  "comment")}
    ok = True
    for key, v in raw.items():
        if key not in inputs and _text(v):
            bad(f"{C[key]}{row}", f"{item.code} の {T.COLUMN_TITLES[key]} 欄は入力対象外です",
                "clear this cell (grey cells take no input)")
            ok = False
    fields: dict[str, Any] = {}
    if item.type == "rating":
        codes = form.scale(item.scale).codes
        for key, attr in (("rating", "rating"), ("self", "self_rating")):
            t = _norm(raw[key])
            if not t:
                continue
            t = "NA" if t in ("N/A", "N.A.", "該当なし") else t
            if t not in codes:
                bad(f"{C[key]}{row}", f"{item.code}：評価 {_text(raw[key])!r} は使えません",
                    f"enter one of {', '.join(codes)}")
                ok = False
            else:
                fields[attr] = t
    elif item.type == "percentage":
        nums = {}
        for key in ("numerator", "denominator"):
            v = raw[key]
            if _text(v) == "":
                continue
            n = _as_number(v, whole=True)
            if n is None or n < 0:
                bad(f"{C[key]}{row}", f"{item.code}：{T.COLUMN_TITLES[key]} {_text(v)!r} は0以上の"
                    "整数ではありません (not a whole number)", "enter a whole number such as 45")
                ok = False
            else:
                nums[key] = n
        if ("numerator" in nums and "denominator" in nums
                and nums["numerator"] > nums["denominator"]):
            bad(f"{C['numerator']}{row}", f"{item.code}：分子 {nums['numerator']} が分母 "
                f"{nums['denominator']} を超えています (numerator > denominator)",
                "check both figures; the numerator counts part of the denominator")
            ok = False
        marked = _text(raw["value"])
        if "value" in inputs and marked:
            if marked != T.NOT_COLLECTED:
                bad(f"{C['value']}{row}", f"{item.code}：{marked!r} は選べません",
                    f"choose {T.NOT_COLLECTED}, or leave it blank and give the figures")
                ok = False
            elif nums:
                bad(f"{C['value']}{row}", f"{item.code}：「{T.NOT_COLLECTED}」と分子・分母が両方"
                    "入っています", f"clear either {T.NOT_COLLECTED} or the figures")
                ok = False
            else:
                fields["value"] = {NOT_COLLECTED_KEY: True}
        if nums:
            fields["value"] = nums
    elif preset is not None:
        fields["value"] = preset
    elif "value" in inputs:
        v = raw["value"]
        if _text(v) != "":
            value = _parse_value(item, v)
            if value is None:
                bad(f"{C['value']}{row}", f"{item.code}：{_text(v)!r} は{T.TYPE_LABELS[item.type]}"
                    "として読めません", _value_fix(item))
                ok = False
            elif item.type in ("integer", "number") and not _in_range(item, value):
                bad(f"{C['value']}{row}", f"{item.code}：{value:g} は範囲外です（{_range_text(item)}）",
                    f"{_value_fix(item)}, {_range_text(item, english=True)}")
                ok = False
            else:
                fields["value"] = value
    for key in ("period", "evidence", "comment"):
        t = _text(raw[key])
        if len(t) > MAX_CELL_TEXT:
            bad(f"{C[key]}{row}", f"{item.code}：{len(t):,}文字は長すぎます",
                f"shorten it to {MAX_CELL_TEXT:,} characters")
            ok = False
        elif t:
            fields[key] = t
    if not ok or not fields:
        return None
    try:
        return normalise_answer(form, Answer(item.code, **fields))
    except AnswerError as exc:
        col = C["value"] if "value" in fields and item.type != "percentage" else (
            C["period"] if "period" in str(exc) else C["rating"] if item.type == "rating"
            else C["numerator"])
        if item.type == "multi_choice" and layout.option_rows:
            col = C["value"]
            row += 1
        bad(f"{col}{row}", str(exc), _value_fix(item))
        return None


def _in_range(item: Item, value: float) -> bool:
    return ((item.min is None or value >= item.min)
            and (item.max is None or value <= item.max))


def _range_text(item: Item, *, english: bool = False) -> str:
    if english:
        low = f"at least {item.min:g}" if item.min is not None else ""
        high = f"at most {item.max:g}" if item.max is not None else ""
        return " and ".join(p for p in (low, high) if p)
    low = f"{item.min:g} 以上" if item.min is not None else ""
    high = f"{item.max:g} 以下" if item.max is not None else ""
    return "・".join(p for p in (low, high) if p)


def _parse_value(item: Item, v: Any) -> Any:
    t = item.type
    if t == "yes_no":
        if isinstance(v, bool):
            return v
        n = _norm(v)
        return True if n in _YES else False if n in _NO else None
    if t in ("integer", "number"):
        return _as_number(v, whole=t == "integer")
    if t == "date":
        d = _as_date(v)
        return d.isoformat() if d else None
    if t == "choice":
        return _choice(item, _text(v))
    if t == "multi_choice":
        out = []
        for part in _SPLIT.split(_text(v)):
            if part.strip():
                c = _choice(item, part.strip())
                if c is None:
                    return None
                out.append(c)
        return out or None
    if t == "text":
        return _text(v)
    return None


class _YesNo:
    """Reads an option row's はい／いいえ like a yes/no item's value."""

    type = "yes_no"


_YES_NO_ITEM = _YesNo()


def _choice(item: Item, text: str) -> str | None:
    for c in item.choices or ():
        if text in (c.label.ja, c.label.en, c.code):
            return c.code
    return None


def _value_fix(item: Item) -> str:
    t = item.type
    if t == "yes_no":
        return "choose はい or いいえ"
    if t == "integer":
        return "enter a whole number" + (f" ({item.unit.ja})" if item.unit else "")
    if t == "number":
        return "enter a number" + (f" ({item.unit.ja})" if item.unit else "")
    if t == "date":
        return "enter a date such as 2025-11-20"
    if t in ("choice", "multi_choice"):
        return "choose from: " + "、".join(T.choice_labels(item))
    return "check the value"
