"""The prefectural Excel return (Excel集計表): one workbook of every facility's latest
finalised review, for the hub office to sort, filter and paste into council papers as it is.

Sheets (Japanese names): 説明, 施設別集計, 項目別評価, 項目一覧, 項目別評価（縦）, 指標（QI）,
改善計画, 所見. Data sheets have one plain header row (frozen with the code columns, with an
autofilter), no merged cells, item and section codes as stable column headers, real Excel
dates, rates stored as fractions (0.667) shown with the 0.0% format so sums and pivots work,
changes since the last visit stored in points (4.8) shown 「+4.8pt」 / 「−4.8pt」, Japanese
values (回答形式, 種類, 状況), no column that is empty in every row, and print settings on every
sheet (A4 landscape, fit to width, header row repeated, page numbers in the footer). User text
is always written as text (see excel_safety).

Which reviews: for each facility and fiscal year (年度), the latest finalised revision of the
latest review visited that year; `fiscal_year` limits it to one year. 施設別集計 lists every
registered facility of the year: 確定 with its scores, or 下書きのみ / 未実施, and one median
row per prefecture and year below the table.

改善計画 lists the improvement actions agreed in the year(s) of the return, for reading. The
visited hospital reports progress on its own workbook (`write_actions_workbook`: README and an
Actions sheet with four yellow input columns 新しい状況・進捗メモ・進捗日・記入者), which
exchange/progress.py reads back (`kanwa-review progress-export` / `progress-import`).

Format code only: `Services.export_return` (services/returns.py) gathers the `ReturnData`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kanwa_review import __version__
from kanwa_review.core.dashboard import median
from kanwa_review.core.dates import fiscal_year_label
from kanwa_review.core.form import Form, Item
from kanwa_review.core.i18n import translate
from kanwa_review.core.jobs import Cancelled, Progress
from kanwa_review.core.qi import QIValue
from kanwa_review.core.review import (
    FACILITY_CATEGORIES,
    FINDING_LABELS,
    TEAM_ROLES,
    Answer,
    Facility,
    Finding,
    Review,
    is_not_collected,
)
from kanwa_review.core.scoring import ScoreSummary
from kanwa_review.core.traces import trace_label
from kanwa_review.core.trends import EXCEL_DELTA_FORMAT, ScoreChange
from kanwa_review.exchange.excel_rows import Fmt, StyleIds, rows_xml, splice_rows
from kanwa_review.exchange.excel_safety import column_width, text_cell, text_value

DATE_FORMAT = "yyyy-mm-dd"
RATE_FORMAT = "0.0%"
DELTA_FORMAT = EXCEL_DELTA_FORMAT   # points: +4.8pt / −3.3pt (core.trends.format_delta)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
MEDIAN_FILL = PatternFill("solid", fgColor="F2F2F2")
C_FILL = PatternFill("solid", fgColor="FCE4D6")   # rating C: light orange
D_FILL = PatternFill("solid", fgColor="F8CBAD")   # rating D: stronger
OVERDUE_FILL = PatternFill("solid", fgColor="FFC7CE")
OVERDUE_FONT = Font(color="9C0006")
YES, NO = "はい", "いいえ"
NOT_COLLECTED = "未集計"
ACTION_STATUSES_DONE = ("完了", "見送り")   # closed: never overdue
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")   # columns the visited hospital fills in

# sheet names (Japanese: the council's papers are in Japanese)
README, SUMMARY, ITEMS, ITEM_LIST, ITEMS_LONG, QI, ACTIONS, FINDINGS = (
    "説明", "施設別集計", "項目別評価", "項目一覧", "項目別評価（縦）", "指標（QI）", "改善計画", "所見")
SHEETS = (README, SUMMARY, ITEMS, ITEM_LIST, ITEMS_LONG, QI, ACTIONS, FINDINGS)
DATA_SHEETS = SHEETS[1:]
PROGRESS_SHEET = "Actions"   # the one-facility progress workbook (exchange/progress.py reads it)

STATE_FINAL, STATE_DRAFT, STATE_NONE = "確定", "下書きのみ", "未実施"
# 回答形式 and QI 種類 as words
ANSWER_TYPES = {"rating": "評価", "yes_no": "はい・いいえ", "integer": "整数", "number": "数値",
                "percentage": "割合", "date": "日付", "choice": "選択", "multi_choice": "複数選択",
                "text": "記述"}


# --- what the return is made of (gathered by services/returns.py) --------------------------

@dataclass
class FacilityReturn:
    """One row of 施設別集計 (a finalised review) and everything the other sheets need."""

    review: Review
    facility: Facility
    form: Form
    answers: dict[str, Answer]
    findings: list[Finding]
    scores: ScoreSummary
    changes: list[ScoreChange]
    previous_visit: date | None
    qis: list[QIValue]


@dataclass(frozen=True)
class MissingReturn:
    """A registered facility without a finalised review in a fiscal year of the return."""

    facility: Facility
    fiscal_year: int
    state: str                    # 下書きのみ | 未実施
    visit_date: date | None = None


@dataclass
class ActionRow:
    """One improvement action (改善計画) as a row of the 改善計画 / Actions sheet."""

    facility_code: str
    facility_name: str
    fiscal_year: int | None
    item_codes: str
    point: str            # 改善が望まれる点
    action: str           # 取組内容
    owner: str            # 担当者
    due: date | None
    status: str           # 状況 (Japanese label)
    measure: str = ""     # 評価指標
    owner_role: str = ""  # 担当部署・職種
    last_progress: date | None = None
    last_note: str = ""
    uuid: str = ""        # 改善計画ID: the key the progress return is matched on


@dataclass
class ReturnData:
    generated_at: datetime
    fiscal_year: int | None
    rows: list[FacilityReturn]
    actions: list[ActionRow] = field(default_factory=list)
    missing: list[MissingReturn] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # facilities left out, values as 「—」

    @property
    def forms(self) -> list[Form]:
        seen: dict[str, Form] = {}
        for r in self.rows:
            seen.setdefault(r.form.sha256, r.form)
        return list(seen.values())


# --- cell helpers -------------------------------------------------------------------------

def _styled(ws, value, *, number_format: str | None = None, **style):
    cell = WriteOnlyCell(ws, value=value)
    if number_format:
        cell.number_format = number_format
    for key, v in style.items():
        setattr(cell, key, v)
    return cell


def _rate(fraction: float | None, style: str = "rate") -> Fmt | None:
    return None if fraction is None else Fmt(fraction, style)


def _t(text: str | None) -> str | None:
    """User text for a data row (rows_xml cleans it and guards formula-like text)."""
    return None if text is None or text == "" else str(text)


def _pct_to_fraction(pct: float | None, digits: int = 4) -> float | None:
    return None if pct is None else round(pct / 100.0, digits)


def answer_cell(ws, form: Form, item: Item, answer: Answer | None):
    """The value of a non-rating answer as an Excel value (number, date, rate, text)."""
    if answer is None or answer.value is None:
        return None
    v = answer.value
    if item.type == "yes_no":
        return YES if v else NO
    if item.type in ("integer", "number"):
        return v
    if item.type == "percentage":
        if is_not_collected(v):
            return NOT_COLLECTED
        num, den = v.get("numerator"), v.get("denominator")
        if num is None or not den:
            return None
        return _rate(round(num / den, 4))
    if item.type == "date":
        return date.fromisoformat(v)
    if item.type == "choice":
        return _t(item.choice_label(v))
    if item.type == "multi_choice":
        return _t("、".join(item.choice_label(c) for c in v))
    return _t(str(v))


def _plain(value) -> Any:
    """The value behind a cell, for width measuring."""
    if isinstance(value, Fmt):
        return value.value
    return value.value if isinstance(value, Cell) else value


def print_setup(ws, *, title_rows: str | None = "1:1") -> None:
    """Every sheet prints: A4 landscape, one page wide (as many pages down as it takes), the
    header row repeated on each page, the sheet name at the top and 「n / N」 at the bottom."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = "&A"
    ws.oddFooter.center.text = "&P / &N"


class _Table:
    """A data sheet being built: header row, rows, then widths/freeze/filter/print at close.

    With `prune`, a column empty in every data row is left out (a section without ratings, a
    figure nobody reported), so the sheet pastes without blank columns; `keep` names columns
    kept even when empty. `extras(ws, columns, last_row)` adds what depends on where the
    columns ended up (conditional formats, validations); `columns` maps header -> letter.
    Rows in `footer` (e.g. medians) follow one empty row, outside the filter."""

    def __init__(self, wb: Workbook, title: str, headers: list[str],
                 widths: dict[str, float] | None = None,
                 header_fills: dict[str, Any] | None = None, *, prune: bool = True,
                 keep: tuple[str, ...] = (), freeze: str | None = None):
        self.ws = wb.create_sheet(title)
        self.headers = headers
        self.rows: list[list] = []
        self.footer: list[list] = []
        self.fixed_widths = widths or {}          # header -> width
        self.header_fills = header_fills or {}    # header -> fill (input columns)
        self.prune = prune
        self.keep = set(keep)
        self.freeze = freeze
        self.extras: list[Callable] = []

    def add(self, row: list) -> None:
        self.rows.append(row)

    def _kept(self) -> list[int]:
        if not self.prune or not self.rows:
            return list(range(len(self.headers)))
        return [i for i, h in enumerate(self.headers)
                if h in self.keep or any(i < len(r) and r[i] not in (None, "") for r in self.rows)]

    def write(self) -> None:
        ws = self.ws
        kept = self._kept()
        self.headers = [self.headers[i] for i in kept]
        self.rows = [[r[i] if i < len(r) else None for i in kept] for r in self.rows]
        self.footer = [[r[i] if i < len(r) else None for i in kept] for r in self.footer]
        ncols = len(self.headers)
        for i, header in enumerate(self.headers, start=1):
            width = self.fixed_widths.get(header)
            if width is None:
                sample = [header] + [_plain(r[i - 1]) for r in self.rows[:2000] if i - 1 < len(r)]
                width = column_width(_widths_text(sample))
            ws.column_dimensions[get_column_letter(i)].width = width
        print_setup(ws)
        code_columns = 2 if ncols > 2 and self.headers[:2] == ["施設コード", "施設名"] else 0
        ws.freeze_panes = self.freeze or f"{get_column_letter(code_columns + 1)}2"
        last = get_column_letter(ncols)
        ws.auto_filter.ref = f"A1:{last}{max(1, len(self.rows)) + 1}"
        ws.append([text_cell(ws, h, font=HEADER_FONT, fill=self.header_fills.get(h, HEADER_FILL),
                             alignment=Alignment(wrap_text=False, vertical="center"))
                   for h in self.headers])
        columns = {h: get_column_letter(i) for i, h in enumerate(self.headers, start=1)}
        for extra in self.extras:
            extra(ws, columns, max(2, len(self.rows) + 1))
        if self.footer:
            first = len(self.rows) + 3
            ws.conditional_formatting.add(
                f"A{first}:{last}{first + len(self.footer) - 1}",
                FormulaRule(formula=["TRUE"], fill=MEDIAN_FILL, font=HEADER_FONT))

    def data_xml(self, styles: StyleIds) -> tuple[str, int, int]:
        """The data rows (and footer rows after one empty row) as sheetData XML, spliced in
        after openpyxl saves."""
        xml = rows_xml(self.rows, 2, styles)
        last = len(self.rows) + 1
        if self.footer:
            xml += rows_xml(self.footer, last + 2, styles)
            last += 1 + len(self.footer)
        return xml, last, len(self.headers)


def _widths_text(values: list) -> list:
    out = []
    for v in values:
        if isinstance(v, float):
            out.append(f"{v:.1%}")
        elif isinstance(v, (date, datetime)):
            out.append("2025-12-31")
        else:
            out.append(v)
    return out


# --- sheets -------------------------------------------------------------------------------

def _section_columns(data: ReturnData) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for form in data.forms:
        for s in form.sections:
            seen.setdefault(s.code, s.title.ja)
    return list(seen.items())


def _item_columns(data: ReturnData) -> list[tuple[str, Item]]:
    seen: dict[str, Item] = {}
    for form in data.forms:
        for item in form.items():
            seen.setdefault(item.code, item)
    return list(seen.items())


def _leader(review: Review) -> str:
    leader = review.leader
    return review.finalised_by or (leader.name if leader else "")


def _team_text(review: Review) -> str:
    return "、".join(f"{m.name}（{TEAM_ROLES.get(m.role, m.role)}）" for m in review.team)


def _facility_cells(ws, r: FacilityReturn) -> list:
    return [_t(r.facility.code), _t(r.facility.name), r.review.fiscal_year, r.review.visit_date]


SUMMARY_FIXED = ["施設コード", "施設名", "年度", "状況", "訪問日", "年度（和暦）", "施設区分",
                 "都道府県", "チームリーダー", "評価チーム", "評価票", "版", "レビューID"]


def _summary(wb: Workbook, data: ReturnData) -> _Table:
    sections = _section_columns(data)
    section_heads = [f"{code} {title}" for code, title in sections]
    headers = (SUMMARY_FIXED + section_heads + ["総合"] + ["前回訪問日"]
               + [f"前回比 {code}" for code, _ in sections] + ["前回比 総合"])
    t = _Table(wb, SUMMARY, headers, {"評価チーム": 40.0, "レビューID": 38.0},
               keep=("施設コード", "施設名", "年度", "状況"))
    ws = t.ws
    entries: list[tuple] = [(r.review.fiscal_year, r.facility.code, r) for r in data.rows]
    entries += [(m.fiscal_year, m.facility.code, m) for m in data.missing]
    for _fy, _code, r in sorted(entries, key=lambda e: (e[0], e[1])):
        if isinstance(r, MissingReturn):
            f = r.facility
            t.add([_t(f.code), _t(f.name), r.fiscal_year, r.state, r.visit_date,
                   fiscal_year_label(r.fiscal_year),
                   FACILITY_CATEGORIES.get(f.category, f.category), _t(f.prefecture)])
            continue
        by_code = {c.code: c for c in r.changes}
        row = [_t(r.facility.code), _t(r.facility.name), r.review.fiscal_year, STATE_FINAL,
               r.review.visit_date, fiscal_year_label(r.review.fiscal_year),
               FACILITY_CATEGORIES.get(r.facility.category, r.facility.category),
               _t(r.facility.prefecture), _t(_leader(r.review)), _t(_team_text(r.review)),
               _t(f"{r.form.id} {r.form.version}"), r.review.revision, r.review.uuid]
        for code, _ in sections:
            c = by_code.get(code)
            row.append(_rate(_pct_to_fraction(c.current if c else None, 3)))
        row.append(_rate(_pct_to_fraction(by_code["overall"].current, 3)))
        row.append(r.previous_visit)
        for code in [code for code, _ in sections] + ["overall"]:
            c = by_code.get(code)   # a form revision says so instead of a change
            row.append(_t(c.note) if c is not None and c.note else
                       _rate(c.delta if c else None, "delta"))
        t.add(row)
    if not t.rows:
        t.add([_t(translate("excel_return", "（対象となる施設・確定済みレビューがありません）"))])
    t.footer = _median_rows(data, sections, len(headers))
    return t


def _median_rows(data: ReturnData, sections, width: int) -> list[list]:
    """中央値 per fiscal year and prefecture over the finalised reviews (a facility without one
    is not a zero), in the section and overall columns."""
    groups: dict[tuple[int, str], list[FacilityReturn]] = {}
    for r in data.rows:
        groups.setdefault((r.review.fiscal_year, r.facility.prefecture), []).append(r)
    out = []
    first_score = len(SUMMARY_FIXED)
    for (fy, prefecture), rows in sorted(groups.items()):
        row: list = [None] * width
        row[1] = f"中央値（{prefecture or '都道府県未設定'}・{len(rows)}施設）"
        row[2], row[3] = fy, "中央値"
        for k, (code, _title) in enumerate(sections + [("overall", "総合")]):
            values = []
            for r in rows:
                change = next((c for c in r.changes if c.code == code), None)
                values.append(change.current if change else None)
            row[first_score + k] = _rate(_pct_to_fraction(median(values), 3))
        out.append(row)
    return out


ITEMS_FIXED = ["施設コード", "施設名", "年度", "訪問日"]


def _items_wide(wb: Workbook, data: ReturnData) -> _Table:
    columns = _item_columns(data)
    headers = ITEMS_FIXED + [code for code, _ in columns]
    widths = {code: 7.0 for code, _ in columns}
    for code, item in columns:
        if item.type in ("text", "multi_choice", "choice"):
            widths[code] = 20.0
        elif item.type == "date":
            widths[code] = 12.0
    # the matrix keeps every item code, even one nobody answered: its columns are the form's
    t = _Table(wb, ITEMS, headers, widths, prune=False, freeze="C2")
    ws = t.ws
    for r in data.rows:
        row = _facility_cells(ws, r)
        for code, _ in columns:
            if not r.form.has_item(code):
                row.append(None)
                continue
            item = r.form.item(code)
            a = r.answers.get(code)
            if item.type == "rating":
                row.append(a.rating if a else None)
            else:
                row.append(answer_cell(ws, r.form, item, a))
        t.add(row)
    if columns:
        t.extras.append(lambda ws, cols, last: _cd_rules(
            ws, f"{cols[columns[0][0]]}2:{cols[columns[-1][0]]}{last}"))
    return t


def _cd_rules(ws, area: str) -> None:
    ws.conditional_formatting.add(area, CellIsRule(operator="equal", formula=['"C"'],
                                                   fill=C_FILL))
    ws.conditional_formatting.add(area, CellIsRule(operator="equal", formula=['"D"'],
                                                   fill=D_FILL))


ITEM_LIST_HEADERS = ["項目コード", "領域", "領域名", "評価項目", "回答形式", "必須", "根拠",
                     "評価票"]


def _item_list(wb: Workbook, data: ReturnData) -> _Table:
    """項目一覧: what each item code of 項目別評価 asks (the matrix keeps short code headers)."""
    t = _Table(wb, ITEM_LIST, ITEM_LIST_HEADERS, {"評価項目": 70.0, "根拠": 40.0},
               freeze="B2")
    several = len(data.forms) > 1
    for form in data.forms:
        for section in form.sections:
            for item in section.items:
                t.add([item.code, section.code, _t(section.title.ja), _t(item.text.ja),
                       ANSWER_TYPES.get(item.type, item.type), YES if item.required else NO,
                       _t("\n".join(trace_label(x) for x in item.traces_to)),
                       _t(f"{form.id} {form.version}") if several else None])
    return t


LONG_HEADERS = ["施設コード", "施設名", "年度", "訪問日", "領域", "項目コード", "評価項目",
                "回答形式", "自己評価", "評価", "値", "分子", "分母", "期間", "根拠", "コメント"]


def _items_long(wb: Workbook, data: ReturnData, progress: Progress | None) -> _Table:
    t = _Table(wb, ITEMS_LONG, LONG_HEADERS,
               {"評価項目": 50.0, "値": 14.0, "根拠": 40.0, "コメント": 50.0})
    ws = t.ws
    total = len(data.rows)
    for n, r in enumerate(data.rows):
        if progress is not None and n % 20 == 0 and not progress(total + n, total * 2,
                                                                 "Excelを書き出しています…"):
            raise Cancelled()
        head = _facility_cells(ws, r)
        for section in r.form.sections:
            for item in section.items:
                a = r.answers.get(item.code)
                if a is None or a.is_empty():
                    continue
                num = den = None
                if item.type == "percentage" and isinstance(a.value, dict):
                    num, den = a.value.get("numerator"), a.value.get("denominator")
                t.add(head + [
                    section.code, item.code, _t(item.text.ja), ANSWER_TYPES.get(item.type),
                    a.self_rating, a.rating,
                    None if item.type == "rating" else answer_cell(ws, r.form, item, a),
                    num, den, _t(a.period), _t(a.evidence), _t(a.comment)])

    def rules(ws, cols, last):
        for h in ("自己評価", "評価"):
            if h in cols:
                _cd_rules(ws, f"{cols[h]}2:{cols[h]}{last}")
    t.extras.append(rules)
    return t


QI_HEADERS = ["施設コード", "施設名", "年度", "訪問日", "項目コード", "指標ID", "指標名", "種類",
              "分子", "分母", "率", "値", "単位", "期間", "目標（率）", "目標（値）", "目標の説明",
              "目標達成", "参考値（率）", "参考値（値）", "参考値の説明", "注意"]


def _qi(wb: Workbook, data: ReturnData) -> _Table:
    t = _Table(wb, QI, QI_HEADERS, {"指標名": 40.0, "目標の説明": 30.0, "参考値の説明": 30.0,
                                    "注意": 30.0})
    ws = t.ws
    for r in data.rows:
        for q in r.qis:
            is_rate = q.kind == "percentage"
            meets = q.meets_target
            rate = (NOT_COLLECTED if q.not_collected
                    else _rate(_pct_to_fraction(q.value)) if is_rate else None)
            t.add(_facility_cells(ws, r) + [
                q.item_code, q.qi, _t(q.title), ANSWER_TYPES.get(q.kind, q.kind), q.numerator,
                q.denominator, rate,
                None if is_rate else (NOT_COLLECTED if q.not_collected else q.value),
                _t(q.unit), _t(q.period),
                _rate(_pct_to_fraction(q.target)) if is_rate else None,
                None if is_rate else q.target, _t(q.target_label),
                None if meets is None else (YES if meets else NO),
                _rate(_pct_to_fraction(q.reference)) if is_rate else None,
                None if is_rate else q.reference, _t(q.reference_label),
                _t("；".join(q.problems))])
    return t


ACTION_HEADERS = ["施設コード", "施設名", "年度", "項目コード", "改善が望まれる点", "取組内容",
                  "担当者", "期限", "状況", "期限超過", "評価指標", "担当部署・職種", "最終進捗日",
                  "最終進捗", "改善計画ID"]
# The progress return (進捗の報告): the visited hospital fills these in on its own workbook
# and the hub re-imports it with `kanwa-review progress-import` (exchange/progress.py reads
# them by header).
PROGRESS_HEADERS = ["新しい状況（記入）", "進捗メモ（記入）", "進捗日（記入）", "記入者（記入）"]
STATUS_CHOICES = ("未着手", "進行中", "完了", "見送り")


def _actions(wb: Workbook, data: ReturnData, today: date, *, inputs: bool,
             title: str) -> _Table:
    """改善計画 (the return: for reading, empty columns left out) or Actions (the progress
    workbook: every column, with the hospital's four yellow input columns)."""
    headers = ACTION_HEADERS + (PROGRESS_HEADERS if inputs else [])
    widths = {"改善が望まれる点": 40.0, "取組内容": 40.0, "期限": 12.0, "期限超過": 10.0,
              "評価指標": 30.0, "最終進捗日": 12.0, "最終進捗": 40.0, "改善計画ID": 38.0,
              PROGRESS_HEADERS[0]: 18.0, PROGRESS_HEADERS[1]: 40.0, PROGRESS_HEADERS[2]: 14.0,
              PROGRESS_HEADERS[3]: 16.0}
    t = _Table(wb, title, headers, widths,
               header_fills={h: INPUT_FILL for h in PROGRESS_HEADERS} if inputs else None,
               prune=not inputs, keep=("施設コード", "施設名", "年度", "取組内容", "状況"))
    for a in data.actions:
        overdue = a.due is not None and a.due < today and a.status not in ACTION_STATUSES_DONE
        t.add([_t(a.facility_code), _t(a.facility_name), a.fiscal_year,
               _t(a.item_codes), _t(a.point), _t(a.action),
               _t(a.owner), a.due, _t(a.status),
               YES if overdue else None, _t(a.measure), _t(a.owner_role),
               a.last_progress, _t(a.last_note), _t(a.uuid)])
    if not data.actions:
        t.add([_t(translate("excel_return", "（対象となる改善計画はありません）"))])

    def overdue_rule(ws, cols, last):
        # overdue: flagged at export time, and re-evaluated by Excel for a due date that passes
        if "期限" not in cols or "状況" not in cols:
            return
        due, status = cols["期限"], cols["状況"]
        tests = [f'${cols["期限超過"]}2="{YES}"'] if "期限超過" in cols else []
        tests.append(f'AND(ISNUMBER(${due}2),${due}2<TODAY(),${status}2<>"完了",'
                     f'${status}2<>"見送り")')
        formula = f"OR({','.join(tests)})"
        end = cols[ACTION_HEADERS[-1]] if ACTION_HEADERS[-1] in cols else list(cols.values())[-1]
        ws.conditional_formatting.add(f"A2:{end}{last}", FormulaRule(
            formula=[formula], fill=OVERDUE_FILL, font=OVERDUE_FONT))

    t.extras.append(overdue_rule)
    if inputs and data.actions:
        def validations(ws, cols, last):
            col, date_col = cols[PROGRESS_HEADERS[0]], cols[PROGRESS_HEADERS[2]]
            status = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"',
                                    allow_blank=True, showErrorMessage=True, errorTitle="状況",
                                    error="未着手・進行中・完了・見送り から選んでください")
            status.add(f"{col}2:{col}{last}")
            when = DataValidation(type="date", operator="greaterThan", formula1="36526",
                                  allow_blank=True, showErrorMessage=True, errorTitle="進捗日",
                                  error="日付（例: 2026-02-01）を入力してください")
            when.add(f"{date_col}2:{date_col}{last}")
            ws.data_validations.append(status)
            ws.data_validations.append(when)
        t.extras.append(validations)
    return t


def write_actions_workbook(actions: list[ActionRow], path: str | Path, *, facility: str,
                           today: date | None = None) -> Path:
    """A small progress workbook for one visited hospital (進捗報告用): README and an Actions
    sheet holding only that facility's actions (so no other hospital's data leaves the hub),
    with four yellow input columns. The hospital fills them in and sends it back."""
    path = Path(path)
    data = ReturnData(datetime.now(UTC).astimezone(), None, [], actions)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("README")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100
    print_setup(ws, title_rows=None)
    ws.append([text_cell(ws, "改善計画 進捗報告シート", font=Font(bold=True, size=13))])
    ws.append([])
    for label, value in ((translate("excel_return", "施設"), facility),
                         (translate("excel_return", "作成日時"),
                          data.generated_at.strftime("%Y-%m-%d %H:%M")),
                         (translate("excel_return", "作成"), f"kanwa-review {__version__}")):
        ws.append([text_cell(ws, label, font=HEADER_FONT), text_value(ws, value)])
    ws.append([])
    for line in ("Actions シートの黄色い列（新しい状況・進捗メモ・進捗日・記入者）に記入して返送してください。",
                 "新しい状況は 未着手・進行中・完了・見送り から選びます。状況が変わらない場合は空欄で構いません。",
                 "進捗日は必須です（その日の状況として記録します）。記入しない行は取り込まれません。",
                 "ほかの列（改善計画ID など）は変更しないでください。行の並べ替え・削除は構いません。"):
        ws.append([None, line])
    table = _actions(wb, data, today or date.today(), inputs=True, title=PROGRESS_SHEET)
    styles = _styles(wb)
    table.write()
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".kanwa-") as tmpdir:
        raw, final = Path(tmpdir) / "raw.xlsx", Path(tmpdir) / "final.xlsx"
        wb.save(raw)
        splice_rows(raw, final, {table.ws.title: table.data_xml(styles)})
        os.replace(final, path)
    return path


FINDING_HEADERS = ["施設コード", "施設名", "年度", "訪問日", "種別", "順", "所見", "関連項目"]


def _findings(wb: Workbook, data: ReturnData) -> _Table:
    t = _Table(wb, FINDINGS, FINDING_HEADERS, {"所見": 70.0})
    ws = t.ws
    order = {k: i for i, k in enumerate(FINDING_LABELS)}
    for r in data.rows:
        for f in sorted(r.findings, key=lambda f: (order.get(f.kind, 9), f.position)):
            t.add(_facility_cells(ws, r) + [FINDING_LABELS.get(f.kind, f.kind), f.position + 1,
                                            _t(f.text), _t("、".join(f.item_codes))])
    return t


SHEET_NOTES = (
    (SUMMARY, ("登録されている全施設を年度ごとに1行：状況（確定・下書きのみ・未実施）、施設情報、訪問日、"
               "チーム、領域別達成率・総合達成率、前回訪問からの変化。"
               "達成率は 0〜1 の小数で保存し 0.0% 表示（66.7% = 0.667）。"
               "前回比はポイント差を数値で保存し +4.8pt／−3.3pt と表示（4.8 = 4.8ポイント上昇）。"
               "表の下に、年度・都道府県ごとの中央値（確定した施設のみ）。")),
    (ITEMS, ("施設×評価項目の一覧。列見出しは項目コード（版が変わっても同じ）で、内容は「項目一覧」シート。"
             "評価項目は評価者の評価（A/B/C/D/NA）、その他の項目は回答値（率は小数・%表示、日付はExcelの日付、"
             "集計していない指標は「未集計」）。C・Dは色付け。")),
    (ITEM_LIST, "項目コードごとの領域・評価項目・回答形式・必須・根拠（指針の条項など）。"),
    (ITEMS_LONG, "1行＝1施設×1項目の縦持ち形式（ピボットテーブル向け）：自己評価・評価・値・分子・分母・期間・根拠・コメント。"),
    (QI, ("品質指標（QI）：施設×指標ごとに分子・分母・率（小数、%表示）または値、期間、目標と達成、"
          "参考値（全国値など、判定には使わない）。")),
    (ACTIONS, ("改善計画の取組（この集計表の年度に合意したもの）：担当者・期限・状況・期限超過（期限切れは赤）・"
               "最終進捗。被評価施設からの進捗の報告には、施設ごとの進捗報告シート（kanwa-review "
               "progress-export）を使います。")),
    (FINDINGS, "所見：良い点・改善が望まれる点・提言（関連項目コード付き）。順は優先度の順。"),
)


def _readme(wb: Workbook, data: ReturnData) -> None:
    ws = wb.create_sheet(README, 0)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 110
    print_setup(ws, title_rows=None)
    bold = Font(bold=True, size=13)
    ws.append([text_cell(ws, "緩和ケア ピアレビュー 集計表（都道府県拠点病院向け）", font=bold)])
    ws.append([])
    fy = (f"{data.fiscal_year}（{fiscal_year_label(data.fiscal_year)}）"
          if data.fiscal_year is not None else "全年度（施設×年度ごとに1行）")
    generated = data.generated_at.replace(microsecond=0, tzinfo=None)
    facilities = {r.facility.code for r in data.rows} | {m.facility.code for m in data.missing}
    for label, value in (
            (translate("excel_return", "年度"), fy),
            (translate("excel_return", "作成日時"), _styled(ws, generated, number_format="yyyy-mm-dd hh:mm",
                                                alignment=Alignment(horizontal="left"))),
            (translate("excel_return", "作成"), f"kanwa-review {__version__}"),
            (translate("excel_return", "施設数"), _styled(ws, len(facilities),
                                             alignment=Alignment(horizontal="left"))),
            (translate("excel_return", "確定レビュー数"), _styled(ws, len(data.rows),
                                              alignment=Alignment(horizontal="left"))),
            (translate("excel_return", "対象"), "各施設・各年度の最新の訪問について、確定済みの最新版（下書きは「下書きのみ」と表示）")):
        ws.append([text_cell(ws, label, font=HEADER_FONT),
                   value if not isinstance(value, str) else text_value(ws, value)])
    ws.append([])
    ws.append([text_cell(ws, translate("excel_return", "評価票"), font=HEADER_FONT)])
    for form in data.forms or []:
        ws.append([None, text_value(ws, f"{form.title.ja}（{form.id} 版 {form.version}）")])
        ws.append([None, text_value(ws, f"SHA-256 {form.sha256}")])
    if not data.forms:
        ws.append([None, "（なし）"])
    ws.append([])
    ws.append([text_cell(ws, translate("excel_return", "シート"), font=HEADER_FONT)])
    for name, note in SHEET_NOTES:
        # one sentence per row: rows do not grow for wrapped text in every program
        for n, sentence in enumerate(s for s in note.split("。") if s.strip()):
            ws.append([name if n == 0 else None, text_value(ws, sentence + "。")])
    ws.append([])
    ws.append([text_cell(ws, translate("excel_return", "注意"), font=HEADER_FONT)])
    for note in ("データのシートは結合セルを使わず、1行目が見出し（固定・フィルタ付き）です。",
                 "すべての行が空欄になる列は省いています（評価項目のない領域など）。",
                 "コメント等の入力文字列は常に文字列として保存しており、数式として実行されることはありません。",
                 "年度は4月〜翌年3月（例：2025年度＝2025年4月〜2026年3月）。",
                 "印刷: 各シートはA4横・幅1ページに収め、見出し行を各ページに繰り返し、頁番号を入れています。"):
        ws.append([None, note])


def _styles(wb: Workbook) -> StyleIds:
    return StyleIds(wb.worksheets[0], {"date": DATE_FORMAT, "datetime": "yyyy-mm-dd hh:mm",
                                       "rate": RATE_FORMAT, "delta": DELTA_FORMAT})


def write_return(data: ReturnData, path: str | Path, *, progress: Progress | None = None,
                 today: date | None = None) -> Path:
    """Write the workbook (write-only mode: fast for hundreds of facilities); the file appears
    only when complete (written beside it, then renamed)."""
    path = Path(path)
    wb = Workbook(write_only=True)
    _readme(wb, data)
    tables = [_summary(wb, data), _items_wide(wb, data), _item_list(wb, data),
              _items_long(wb, data, progress), _qi(wb, data),
              _actions(wb, data, today or date.today(), inputs=False, title=ACTIONS),
              _findings(wb, data)]
    styles = _styles(wb)
    for t in tables:
        t.write()
    sheet_rows = {t.ws.title: t.data_xml(styles) for t in tables}
    if progress is not None and not progress(99, 100, "ファイルを保存しています…"):
        raise Cancelled()
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".kanwa-") as tmpdir:
        raw, final = Path(tmpdir) / "raw.xlsx", Path(tmpdir) / "final.xlsx"
        wb.save(raw)
        splice_rows(raw, final, sheet_rows)
        os.replace(final, path)
    return path


@dataclass(frozen=True)
class ReturnStats:
    path: Path
    facilities: int
    reviews: int
    fiscal_year: int | None
    warnings: tuple[str, ...] = ()
