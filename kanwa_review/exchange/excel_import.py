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
from kanwa_review.core.form_text import text
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
        raise WorkbookInvalid([Problem(T.META_SHEET, "", translate(
            "excel_import", "kanwa-review の評価票ブックではありません（評価票の情報を持つ隠しシート"
                            "がありません）"), translate(
            "excel_import", "`kanwa-review excel-template` またはメニューの ファイル ▸ 空の評価票"
                            "(Excel)を作成 で作った空の評価票に記入してください"))])
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
        raise WorkbookInvalid([Problem(T.META_SHEET, "B1", translate(
            "excel_import", "この版のアプリでは読めない評価票の形式です（{format}。読める形式: "
                            "{known}）").format(format=repr(fmt), known=", ".join(T.LAYOUTS)),
            translate("excel_import", "kanwa-review を更新するか、この版で作った空の評価票を"
                                      "使ってください"))])
    return layout


def _resolve_form(meta: dict[str, str], forms: list[Form], layout: T.Layout) -> Form:
    form_id, version, form_hash = (meta.get("form_id", ""), meta.get("form_version", ""),
                                   meta.get("form_hash", ""))
    for f in forms:
        if f.sha256 == form_hash:
            return f
    same_id = sorted({f"{f.version} ({f.sha256[:12]})" for f in forms if f.id == form_id})
    if same_id:
        message = translate("excel_import", "このブックは評価票 {form} 第{version}版（{hash}…）用で、"
                                            "このデータベースはその版を知りません（知っている版: "
                                            "{known}）").format(
            form=form_id, version=version, hash=form_hash[:12], known=", ".join(same_id))
    else:
        message = translate("excel_import", "このブックの評価票 {form} {version} はこのデータベースに"
                                            "ありません").format(form=repr(form_id), version=version)
    raise WorkbookInvalid([Problem(layout.header_sheet, "C2", message, translate(
        "excel_import", "回答を今の評価票の空のブック（`kanwa-review excel-template`）に写して、"
                        "そちらを取り込んでください"))])


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
                raise WorkbookInvalid([Problem(name, "", translate(
                    "excel_import", "シート「{sheet}」がありません（名前が変えられた可能性）"
                ).format(sheet=name), translate(
                    "excel_import", "シートの名前を「{sheet}」に戻してください").format(sheet=name))])
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
    fix = translate("excel_import", "数式ではなく文字や値そのものを入力してください。= で始まる"
                                    "文字は前に ' を付けます（'=…）")
    for address in unreadable[:_MAX_FORMULA_PROBLEMS]:
        bad(address, translate("excel_import", "数式が入っていて、その結果を読み取れません"
                                               "（数式は取り込みません）"), fix)
    rest = unreadable[_MAX_FORMULA_PROBLEMS:]
    if rest:  # one line for the rest, so the real problems below are not buried
        shown = ", ".join(rest[:12]) + (" …" if len(rest) > 12 else "")
        bad(rest[0], translate("excel_import", "ほかに {count} 個のセル（{cells}）にも同じ数式の"
                                               "問題があります").format(count=len(rest), cells=shown),
            fix)


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
        bad_header(cells["facility_code"], translate("excel_import", "施設コードが空欄です"),
                   translate("excel_import", "拠点の事務局から受けた施設コード（英数字・-・_）を"
                                             "入力してください"))
    elif not FACILITY_CODE_RE.match(code):
        bad_header(cells["facility_code"], translate(
            "excel_import", "施設コード {code} は使えない文字を含みます").format(code=repr(code)),
            translate("excel_import", "英数字・-・_ だけで 32 文字までにしてください"))
    name = _text(header.get(cells["facility_name"]))
    if len(name) > 200:
        bad_header(cells["facility_name"], translate("excel_import", "施設名が長すぎます"),
                   translate("excel_import", "{limit} 文字以内に縮めてください").format(limit=200))
    known = facilities.get(code) if code and FACILITY_CODE_RE.match(code) else None
    if known is None and not name and code:
        bad_header(cells["facility_name"], translate(
            "excel_import", "施設 {code} は未登録なので施設名が必要です").format(code=code),
            translate("excel_import", "施設を登録できるよう、施設名を入力してください"))
    elif known is not None and name and name != known.name:
        warnings.append(f"{H}!{cells['facility_name']}: " + translate(
            "excel_import", "施設名 {name} は登録済みの名称 {registered} と異なります。登録済みの"
                            "名称を使います").format(name=repr(name), registered=repr(known.name)))
    prefecture = _text(header.get(cells["prefecture"]))[:50]
    cat_text = _text(header.get(cells["category"]))
    by_label = {v: k for k, v in FACILITY_CATEGORIES.items()}
    category = "regional"
    if cat_text:
        category = by_label.get(cat_text) or (cat_text if cat_text in FACILITY_CATEGORIES else "")
        if not category:
            bad_header(cells["category"], translate(
                "excel_import", "施設区分 {value} は選択肢にありません").format(value=repr(cat_text)),
                _choose_from(FACILITY_CATEGORIES.values()))
    raw_date = header.get(cells["visit_date"])
    visit = _as_date(raw_date)
    if raw_date in (None, ""):
        bad_header(cells["visit_date"], translate("excel_import", "訪問日が空欄です"),
                   _date_fix())
    elif visit is None:
        bad_header(cells["visit_date"], translate(
            "excel_import", "訪問日 {value} は日付ではありません").format(value=repr(_text(raw_date))),
            _date_fix())
    elif not date(2000, 1, 1) <= visit <= date.today():
        bad_header(cells["visit_date"], translate(
            "excel_import", "訪問日 {date} は範囲外です").format(date=visit),
            translate("excel_import", "2000-01-01 から今日までの日付を入力してください"))

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
            bad_header(f"{cols['name']}{row}", translate("excel_import", "氏名が空欄です"),
                       translate("excel_import", "氏名を入力するか、その行をすべて消してください"))
            continue
        role = roles.get(values["role"]) or (values["role"] if values["role"] in TEAM_ROLES
                                             else None)
        if values["role"] and role is None:
            bad_header(f"{cols['role']}{row}", translate(
                "excel_import", "役割 {value} は選択肢にありません").format(value=repr(values["role"])),
                _choose_from(TEAM_ROLES.values()))
            continue
        prof = professions.get(values["profession"]) or (
            values["profession"] if values["profession"] in PROFESSIONS else None)
        if values["profession"] and prof is None:
            bad_header(f"{cols['profession']}{row}", translate(
                "excel_import", "職種 {value} は選択肢にありません").format(
                value=repr(values["profession"])), _choose_from(PROFESSIONS.values()))
            continue
        team.append(TeamMember(values["name"][:100], role or T.DEFAULT_ROLE, prof or "other",
                               values["affiliation"][:200]))
    leaders = [m for m in team if m.role == "leader"]
    if len(leaders) > 1:
        bad_header(f"{cols['role']}{layout.team_first_row}", translate(
            "excel_import", "リーダーが{count}名います").format(count=len(leaders)),
            translate("excel_import", "リーダーは1名だけにしてください（下書きとして取り込むなら"
                                      "リーダーなし）"))

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
            bad(f"{C['code']}{row}", translate(
                "excel_import", "項目 {item} があるはずの行に {found} があります（行の削除・挿入・"
                                "並べ替え）").format(
                item=item.code, found=found or translate("excel_import", "（空）")), _rows_fix())
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
            bad(f"{C['code']}{row}", translate(
                "excel_import", "評価票にない行 {row} があります").format(row=repr(extra)),
                translate("excel_import", "追加した行を消すか、新しい空の評価票を使ってください"))

    final = bool(leaders)
    if not problems:
        relevant = relevant_items(form, answers, category)
        for code_ in list(answers):
            if code_ not in relevant:
                warnings.append(f"{S}!A{rows[code_]}: " + translate(
                    "excel_import", "{item} は前の回答により対象外のため取り込みません").format(
                    item=code_))
                del answers[code_]
        legacy = legacy_overall_item(form)
        has_overall = bool(details["overall_comment"].strip()) or bool(
            legacy and isinstance(getattr(answers.get(legacy), "value", None), str)
            and answers[legacy].value.strip())
        if leaders and not has_overall:
            if "overall_comment" in cells:
                bad_header(cells["overall_comment"], translate(
                    "excel_import", "総評が空欄です。リーダーを記入した評価票は確定済みとして"
                                    "取り込むため、総評が必要です"),
                    translate("excel_import", "総評を書くか、下書きとして取り込むならリーダーを"
                                              "空欄にしてください"))
            else:
                final = False
                warnings.append(f"{S}: " + translate(
                    "excel_import", "旧様式の評価票には総評の欄がないため、下書きとして取り込み"
                                    "ます。アプリで総評を記入して確定してください"))
        if final:
            for gap in gaps(form, answers, category):
                row = rows[gap.item_code]
                item = form.item(gap.item_code)
                if gap.kind == "comment_required":
                    bad(f"{C['comment']}{row}", translate(
                        "excel_import", "{item}：評価 {rating} にはコメントが必要です").format(
                        item=gap.item_code, rating=answers[gap.item_code].rating),
                        translate("excel_import", "評価の理由をコメント欄に書いてください"))
                else:
                    col = C["rating"] if item.type == "rating" else (
                        C["numerator"] if item.type == "percentage" else C["value"])
                    bad(f"{col}{row}", translate(
                        "excel_import", "{item} は必須項目ですが未回答です").format(
                        item=gap.item_code),
                        translate("excel_import", "回答するか、下書きとして取り込むならリーダーを"
                                                  "空欄にしてください"))
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
                bad(cell, translate("excel_import", "{label} {value} は日付ではありません").format(
                    label=label, value=repr(_text(raw))),
                    translate("excel_import", "2026-01-20 のように日付を入力するか、空欄にして"
                                              "ください"))
            elif visit is not None and day < visit:
                bad(cell, translate("excel_import", "{label} {date} が訪問日 {visit} より前です"
                                    ).format(label=label, date=day, visit=visit),
                    translate("excel_import", "訪問日以降の日付を入力してください"))
            else:
                out[key] = day
            continue
        text = _text(raw)
        if len(text) > MAX_TEXT:
            bad(cell, translate("excel_import", "{label}：{length}文字は長すぎます").format(
                label=label, length=f"{len(text):,}"),
                translate("excel_import", "{limit} 文字以内に縮めてください").format(
                    limit=f"{MAX_TEXT:,}"))
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
            bad(f"{C['code']}{r}", translate(
                "excel_import", "{item} の選択肢「{choice}」の行がありません（行の削除・挿入・"
                                "並べ替え）").format(item=item.code, choice=choice.label.ja),
                _rows_fix())
            return False
        for key in ("self", "rating", "numerator", "denominator", "period", "evidence",
                    "comment"):
            if _text(sheet.get(f"{C[key]}{r}")):
                bad(f"{C[key]}{r}", translate(
                    "excel_import", "{item} の選択肢の行の {column} 欄は入力対象外です").format(
                    item=item.code, column=T.COLUMN_TITLES[key]), _grey_fix())
        raw = sheet.get(f"{C['value']}{r}")
        if _text(raw) == "":
            continue
        yes = _parse_value(_YES_NO_ITEM, raw)
        if yes is None:
            bad(f"{C['value']}{r}", translate(
                "excel_import", "{item}「{choice}」：{value} は はい／いいえ として読めません").format(
                item=item.code, choice=choice.label.ja, value=repr(_text(raw))), _yes_no_fix())
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
            bad(f"{C[key]}{row}", translate(
                "excel_import", "{item} の {column} 欄は入力対象外です").format(
                item=item.code, column=T.COLUMN_TITLES[key]), _grey_fix())
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
                bad(f"{C[key]}{row}", translate(
                    "excel_import", "{item}：評価 {value} は使えません").format(
                    item=item.code, value=repr(_text(raw[key]))),
                    translate("excel_import", "{codes} のどれかを入力してください").format(
                        codes=", ".join(codes)))
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
                bad(f"{C[key]}{row}", translate(
                    "excel_import", "{item}：{column} {value} は0以上の整数ではありません").format(
                    item=item.code, column=T.COLUMN_TITLES[key], value=repr(_text(v))),
                    translate("excel_import", "45 のような整数を入力してください"))
                ok = False
            else:
                nums[key] = n
        if ("numerator" in nums and "denominator" in nums
                and nums["numerator"] > nums["denominator"]):
            bad(f"{C['numerator']}{row}", translate(
                "excel_import", "{item}：分子 {numerator} が分母 {denominator} を超えています"
            ).format(item=item.code, numerator=nums["numerator"],
                     denominator=nums["denominator"]),
                translate("excel_import", "両方の数を確かめてください。分子は分母のうちの数です"))
            ok = False
        marked = _text(raw["value"])
        if "value" in inputs and marked:
            if marked != T.NOT_COLLECTED:
                bad(f"{C['value']}{row}", translate(
                    "excel_import", "{item}：{value} は選べません").format(
                    item=item.code, value=repr(marked)),
                    translate("excel_import", "{mark} を選ぶか、空欄にして数を入力してください"
                              ).format(mark=T.NOT_COLLECTED))
                ok = False
            elif nums:
                bad(f"{C['value']}{row}", translate(
                    "excel_import", "{item}：「{mark}」と分子・分母が両方入っています").format(
                    item=item.code, mark=T.NOT_COLLECTED),
                    translate("excel_import", "{mark} か数のどちらかを消してください").format(
                        mark=T.NOT_COLLECTED))
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
                bad(f"{C['value']}{row}", translate(
                    "excel_import", "{item}：{value} は{kind}として読めません").format(
                    item=item.code, value=repr(_text(v)), kind=_kind_word(item.type)),
                    _value_fix(item))
                ok = False
            elif item.type in ("integer", "number") and not _in_range(item, value):
                bad(f"{C['value']}{row}", translate(
                    "excel_import", "{item}：{value} は範囲外です（{range}）").format(
                    item=item.code, value=f"{value:g}", range=_range_text(item)),
                    translate("excel_import", "範囲内の値を入力してください（{range}）").format(
                        range=_range_text(item)))
                ok = False
            else:
                fields["value"] = value
    for key in ("period", "evidence", "comment"):
        t = _text(raw[key])
        if len(t) > MAX_CELL_TEXT:
            bad(f"{C[key]}{row}", translate("excel_import", "{item}：{length}文字は長すぎます"
                                            ).format(item=item.code, length=f"{len(t):,}"),
                translate("excel_import", "{limit} 文字以内に縮めてください").format(
                    limit=f"{MAX_CELL_TEXT:,}"))
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


def _range_text(item: Item) -> str:
    low = translate("excel_import", "{min} 以上").format(min=f"{item.min:g}") \
        if item.min is not None else ""
    high = translate("excel_import", "{max} 以下").format(max=f"{item.max:g}") \
        if item.max is not None else ""
    return translate("excel_import", "・", "list separator").join(p for p in (low, high) if p)


def _kind_word(kind: str) -> str:
    """What a value cell of an item of this kind should read as, in the reader's language."""
    words = {"yes_no": translate("excel_import", "はい／いいえ"),
             "integer": translate("excel_import", "整数"),
             "number": translate("excel_import", "数値"),
             "date": translate("excel_import", "日付"),
             "choice": translate("excel_import", "選択肢"),
             "multi_choice": translate("excel_import", "選択肢"),
             "text": translate("excel_import", "文字")}
    return words.get(kind, kind)


def _choose_from(labels) -> str:
    return translate("excel_import", "一覧から選んでください: {choices}").format(
        choices=translate("excel_import", "、", "list separator").join(labels))


def _date_fix() -> str:
    return translate("excel_import", "2025-11-20 のように日付を入力してください")


def _rows_fix() -> str:
    return translate("excel_import", "行の追加・削除・移動はしないでください。回答を新しい空の"
                                     "評価票に写してください")


def _grey_fix() -> str:
    return translate("excel_import", "このセルを空にしてください（灰色のセルには入力しません）")


def _yes_no_fix() -> str:
    return translate("excel_import", "はい か いいえ を選んでください")


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
    unit = text(item.unit) if item.unit else ""
    if t == "yes_no":
        return _yes_no_fix()
    if t == "integer":
        return (translate("excel_import", "整数を入力してください（単位: {unit}）").format(unit=unit)
                if unit else translate("excel_import", "整数を入力してください"))
    if t == "number":
        return (translate("excel_import", "数を入力してください（単位: {unit}）").format(unit=unit)
                if unit else translate("excel_import", "数を入力してください"))
    if t == "date":
        return _date_fix()
    if t in ("choice", "multi_choice"):
        return _choose_from(T.choice_labels(item))
    return translate("excel_import", "値を確かめてください")
