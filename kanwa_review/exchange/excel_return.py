"""The prefectural Excel return (Excel集計表): one workbook of every facility's latest
finalised review, for the hub office to sort, filter and paste into council papers.

Sheets: README, Summary, Items, ItemsLong, QI, Actions, Findings. Data sheets have one plain
header row (frozen, with an autofilter), no merged cells, item and section codes as stable column
headers, real Excel dates, and rates stored as fractions (0.667) shown with the 0.0% format, so
sums and pivots work. User text is always written as text (see excel_safety).

Which reviews: for each facility and fiscal year (年度), the latest finalised revision of the
latest review visited that year; drafts are left out. `fiscal_year` limits it to one year.

The Actions sheet lists every improvement action (改善計画) of the facilities in the return,
with its ID and four yellow input columns for the visited hospital's progress (新しい状況・
進捗メモ・進捗日・記入者); `write_actions_workbook` makes the same sheet for one facility, and
exchange/progress.py reads either back (`kanwa-review progress-import`).

Format code only: `Services.export_return` (services/returns.py) gathers the `ReturnData`.
"""

from __future__ import annotations

import os
import tempfile
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
from kanwa_review.core.dates import fiscal_year_label
from kanwa_review.core.form import Form, Item
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
)
from kanwa_review.core.scoring import ScoreSummary
from kanwa_review.core.trends import ScoreChange
from kanwa_review.exchange.excel_rows import Fmt, StyleIds, rows_xml, splice_rows
from kanwa_review.exchange.excel_safety import column_width, text_cell, text_value

DATE_FORMAT = "yyyy-mm-dd"
RATE_FORMAT = "0.0%"
DELTA_FORMAT = "+0.0%;-0.0%;0.0%"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
C_FILL = PatternFill("solid", fgColor="FCE4D6")   # rating C: light orange
D_FILL = PatternFill("solid", fgColor="F8CBAD")   # rating D: stronger
OVERDUE_FILL = PatternFill("solid", fgColor="FFC7CE")
OVERDUE_FONT = Font(color="9C0006")
YES, NO = "はい", "いいえ"
ACTION_STATUSES_DONE = ("完了", "見送り")   # closed: never overdue
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")   # columns the visited hospital fills in


# --- what the return is made of (gathered by services/returns.py) --------------------------

@dataclass
class FacilityReturn:
    """One row of the Summary sheet and everything the other sheets need about it."""

    review: Review
    facility: Facility
    form: Form
    answers: dict[str, Answer]
    findings: list[Finding]
    scores: ScoreSummary
    changes: list[ScoreChange]
    previous_visit: date | None
    qis: list[QIValue]


@dataclass
class ActionRow:
    """One improvement action (改善計画) as a row of the Actions sheet."""

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


def _date(ws, d: date | None) -> date | None:
    return d  # rows_xml writes dates as Excel date serials with the date format


def _rate(ws, fraction: float | None, style: str = "rate") -> Fmt | None:
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
        num, den = v.get("numerator"), v.get("denominator")
        if num is None or not den:
            return None
        return _rate(ws, round(num / den, 4))
    if item.type == "date":
        return _date(ws, date.fromisoformat(v))
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


class _Table:
    """A data sheet being built: header row, rows, then widths/freeze/filter at close."""

    def __init__(self, wb: Workbook, title: str, headers: list[str],
                 widths: dict[int, float] | None = None, header_fills: dict[int, Any] | None = None):
        self.ws = wb.create_sheet(title)
        self.headers = headers
        self.rows: list[list] = []
        self.fixed_widths = widths or {}
        self.header_fills = header_fills or {}   # 1-based column → fill (input columns)

    def add(self, row: list) -> None:
        self.rows.append(row)

    def write(self) -> None:
        ws = self.ws
        ncols = len(self.headers)
        for i, header in enumerate(self.headers, start=1):
            width = self.fixed_widths.get(i)
            if width is None:
                sample = [header] + [_plain(r[i - 1]) for r in self.rows[:2000] if i - 1 < len(r)]
                width = column_width(_widths_text(sample))
            ws.column_dimensions[get_column_letter(i)].width = width
        _landscape(ws)
        ws.freeze_panes = "C2" if ncols > 2 and self.headers[0] == "施設コード" else "A2"
        last = get_column_letter(ncols)
        ws.auto_filter.ref = f"A1:{last}{max(1, len(self.rows)) + 1}"
        ws.append([text_cell(ws, h, font=HEADER_FONT, fill=self.header_fills.get(i, HEADER_FILL),
                             alignment=Alignment(wrap_text=False, vertical="center"))
                   for i, h in enumerate(self.headers, start=1)])

    def data_xml(self, styles: StyleIds) -> tuple[str, int, int]:
        """The data rows as sheetData XML (spliced in after openpyxl saves)."""
        return rows_xml(self.rows, 2, styles), len(self.rows) + 1, len(self.headers)


def _landscape(ws, *, fit_width: bool = False) -> None:
    """Printing: A4 landscape; the README fits one page across (data sheets are too wide to
    shrink legibly, so they print at 100 % over several pages)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True


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
    return [_t(r.facility.code), _t(r.facility.name),
            r.review.fiscal_year, _date(ws, r.review.visit_date)]


SUMMARY_FIXED = ["施設コード", "施設名", "年度", "訪問日", "年度（和暦）", "施設区分", "都道府県",
                 "チームリーダー", "評価チーム", "評価票", "版", "レビューID"]


def _summary(wb: Workbook, data: ReturnData) -> _Table:
    sections = _section_columns(data)
    headers = (SUMMARY_FIXED + [f"{code} {title}" for code, title in sections] + ["総合"]
               + ["前回訪問日"] + [f"前回比 {code}" for code, _ in sections] + ["前回比 総合"])
    t = _Table(wb, "Summary", headers, {9: 40.0, 12: 38.0})
    ws = t.ws
    for r in data.rows:
        by_code = {c.code: c for c in r.changes}
        row = _facility_cells(ws, r) + [
            fiscal_year_label(r.review.fiscal_year),
            FACILITY_CATEGORIES.get(r.facility.category, r.facility.category),
            _t(r.facility.prefecture), _t(_leader(r.review)),
            _t(_team_text(r.review)),
            _t(f"{r.form.id} {r.form.version}"), r.review.revision, r.review.uuid]
        for code, _ in sections:
            c = by_code.get(code)
            row.append(_rate(ws, _pct_to_fraction(c.current if c else None, 3)))
        row.append(_rate(ws, _pct_to_fraction(by_code["overall"].current, 3)))
        row.append(_date(ws, r.previous_visit))
        for code, _ in sections:
            c = by_code.get(code)
            row.append(_rate(ws, _pct_to_fraction(c.delta if c else None, 3), "delta"))
        row.append(_rate(ws, _pct_to_fraction(by_code["overall"].delta, 3), "delta"))
        t.add(row)
    if not data.rows:
        t.add([_t("（対象となる確定済みレビューがありません / no finalised reviews）")])
    return t


ITEMS_FIXED = ["施設コード", "施設名", "年度", "訪問日"]


def _items_wide(wb: Workbook, data: ReturnData) -> _Table:
    columns = _item_columns(data)
    headers = ITEMS_FIXED + [code for code, _ in columns]
    widths = {i: 7.0 for i in range(len(ITEMS_FIXED) + 1, len(headers) + 1)}
    for i, (code, item) in enumerate(columns, start=len(ITEMS_FIXED) + 1):
        if item.type in ("text", "multi_choice", "choice"):
            widths[i] = 20.0
        elif item.type == "date":
            widths[i] = 12.0
    t = _Table(wb, "Items", headers, widths)
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
    if len(headers) > len(ITEMS_FIXED):
        first = get_column_letter(len(ITEMS_FIXED) + 1)
        area = f"{first}2:{get_column_letter(len(headers))}{max(2, len(data.rows) + 1)}"
        _cd_rules(ws, area)
    return t


def _cd_rules(ws, area: str) -> None:
    ws.conditional_formatting.add(area, CellIsRule(operator="equal", formula=['"C"'],
                                                   fill=C_FILL))
    ws.conditional_formatting.add(area, CellIsRule(operator="equal", formula=['"D"'],
                                                   fill=D_FILL))


LONG_HEADERS = ["施設コード", "施設名", "年度", "訪問日", "区分", "項目コード", "評価項目",
                "回答形式", "自己評価", "評価", "値", "分子", "分母", "期間", "根拠", "コメント"]


def _items_long(wb: Workbook, data: ReturnData, progress: Progress | None) -> _Table:
    t = _Table(wb, "ItemsLong", LONG_HEADERS, {7: 50.0, 11: 14.0, 15: 40.0, 16: 50.0})
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
                    section.code, item.code, _t(item.text.ja), item.type,
                    a.self_rating, a.rating,
                    None if item.type == "rating" else answer_cell(ws, r.form, item, a),
                    num, den, _t(a.period), _t(a.evidence),
                    _t(a.comment)])
    _cd_rules(ws, f"I2:J{max(2, len(t.rows) + 1)}")
    return t


QI_HEADERS = ["施設コード", "施設名", "年度", "訪問日", "項目コード", "指標ID", "指標名", "種類",
              "分子", "分母", "率", "値", "単位", "期間", "目標（率）", "目標（値）", "目標の説明",
              "目標達成", "注意"]


def _qi(wb: Workbook, data: ReturnData) -> _Table:
    t = _Table(wb, "QI", QI_HEADERS, {7: 40.0, 17: 30.0, 19: 30.0})
    ws = t.ws
    for r in data.rows:
        for q in r.qis:
            is_rate = q.kind == "percentage"
            meets = q.meets_target
            t.add(_facility_cells(ws, r) + [
                q.item_code, q.qi, _t(q.title), q.kind, q.numerator, q.denominator,
                _rate(ws, _pct_to_fraction(q.value)) if is_rate else None,
                None if is_rate else q.value, _t(q.unit), _t(q.period),
                _rate(ws, _pct_to_fraction(q.target)) if is_rate else None,
                None if is_rate else q.target, _t(q.target_label),
                None if meets is None else (YES if meets else NO),
                _t("；".join(q.problems))])
    return t


ACTION_HEADERS = ["施設コード", "施設名", "年度", "項目コード", "改善が望まれる点", "取組内容",
                  "担当者", "期限", "状況", "期限超過", "評価指標", "担当部署・職種", "最終進捗日",
                  "最終進捗", "改善計画ID"]
# The progress return (進捗の報告): the visited hospital fills these in and the hub re-imports
# the sheet with `kanwa-review progress-import` (exchange/progress.py reads them by header).
PROGRESS_HEADERS = ["新しい状況（記入）", "進捗メモ（記入）", "進捗日（記入）", "記入者（記入）"]
STATUS_CHOICES = ("未着手", "進行中", "完了", "見送り")


def _actions(wb: Workbook, data: ReturnData, today: date) -> _Table:
    headers = ACTION_HEADERS + PROGRESS_HEADERS
    first_input = len(ACTION_HEADERS) + 1
    t = _Table(wb, "Actions", headers,
               {5: 40.0, 6: 40.0, 8: 12.0, 10: 10.0, 11: 30.0, 13: 12.0, 14: 40.0, 15: 38.0,
                first_input: 18.0, first_input + 1: 40.0, first_input + 2: 14.0,
                first_input + 3: 16.0},
               header_fills={first_input + i: INPUT_FILL for i in range(len(PROGRESS_HEADERS))})
    ws = t.ws
    for a in data.actions:
        overdue = a.due is not None and a.due < today and a.status not in ACTION_STATUSES_DONE
        t.add([_t(a.facility_code), _t(a.facility_name), a.fiscal_year,
               _t(a.item_codes), _t(a.point), _t(a.action),
               _t(a.owner), _date(ws, a.due), _t(a.status),
               YES if overdue else None, _t(a.measure), _t(a.owner_role),
               _date(ws, a.last_progress), _t(a.last_note), _t(a.uuid)])
    if not data.actions:
        t.add([_t("（対象となる改善計画はありません / no improvement actions）")])
    last = max(2, len(t.rows) + 1)
    end = get_column_letter(len(ACTION_HEADERS))
    # overdue: flagged at export time, and re-evaluated by Excel for a due date that passes
    ws.conditional_formatting.add(f"A2:{end}{last}", FormulaRule(
        formula=[f'OR($J2="{YES}",AND(ISNUMBER($H2),$H2<TODAY(),$I2<>"完了",$I2<>"見送り"))'],
        fill=OVERDUE_FILL, font=OVERDUE_FONT))
    if data.actions:
        col = get_column_letter(first_input)
        date_col = get_column_letter(first_input + 2)
        status = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"',
                                allow_blank=True, showErrorMessage=True,
                                errorTitle="状況", error="未着手・進行中・完了・見送り から選んでください")
        status.add(f"{col}2:{col}{last}")
        when = DataValidation(type="date", operator="greaterThan", formula1="36526",
                              allow_blank=True, showErrorMessage=True, errorTitle="進捗日",
                              error="日付（例: 2026-02-01）を入力してください")
        when.add(f"{date_col}2:{date_col}{last}")
        ws.data_validations.append(status)
        ws.data_validations.append(when)
    return t


def write_actions_workbook(actions: list[ActionRow], path: str | Path, *, facility: str,
                           today: date | None = None) -> Path:
    """A small progress workbook for one visited hospital (進捗報告用): README and the Actions
    sheet of the return, holding only that facility's actions, so no other hospital's data
    leaves the hub. The hospital fills in the yellow columns and sends it back."""
    path = Path(path)
    data = ReturnData(datetime.now(UTC).astimezone(), None, [], actions)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("README")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100
    ws.append([text_cell(ws, "改善計画 進捗報告シート", font=Font(bold=True, size=13))])
    ws.append([])
    for label, value in (("施設 / facility", facility),
                         ("作成日時 / generated at",
                          data.generated_at.strftime("%Y-%m-%d %H:%M")),
                         ("作成 / generated by", f"kanwa-review {__version__}")):
        ws.append([text_cell(ws, label, font=HEADER_FONT), text_value(ws, value)])
    ws.append([])
    for line in ("Actions シートの黄色い列（新しい状況・進捗メモ・進捗日・記入者）に記入して返送してください。",
                 "新しい状況は 未着手・進行中・完了・見送り から選びます。状況が変わらない場合は空欄で構いません。",
                 "進捗日は必須です（その日の状況として記録します）。記入しない行は取り込まれません。",
                 "ほかの列（改善計画ID など）は変更しないでください。行の並べ替え・削除は構いません。"):
        ws.append([None, line])
    table = _actions(wb, data, today or date.today())
    styles = StyleIds(wb.worksheets[0], {"date": DATE_FORMAT, "datetime": "yyyy-mm-dd hh:mm",
                                         "rate": RATE_FORMAT, "delta": DELTA_FORMAT})
    table.write()
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".kanwa-") as tmpdir:
        raw, final = Path(tmpdir) / "raw.xlsx", Path(tmpdir) / "final.xlsx"
        wb.save(raw)
        splice_rows(raw, final, {table.ws.title: table.data_xml(styles)})
        os.replace(final, path)
    return path


FINDING_HEADERS = ["施設コード", "施設名", "年度", "訪問日", "種別", "順", "所見", "関連項目"]


def _findings(wb: Workbook, data: ReturnData) -> _Table:
    t = _Table(wb, "Findings", FINDING_HEADERS, {7: 70.0})
    ws = t.ws
    order = {k: i for i, k in enumerate(FINDING_LABELS)}
    for r in data.rows:
        for f in sorted(r.findings, key=lambda f: (order.get(f.kind, 9), f.position)):
            t.add(_facility_cells(ws, r) + [FINDING_LABELS.get(f.kind, f.kind), f.position + 1,
                                            _t(f.text),
                                            _t("、".join(f.item_codes))])
    return t


SHEET_NOTES = (
    ("Summary", ("施設ごとに1行：施設情報、訪問日、年度、チーム、区分別達成率・総合達成率、前回訪問からの変化。"
                 "達成率は 0〜1 の小数で保存し 0.0% 表示（66.7% = 0.667）。"
                 "前回比はポイント差（+5.0% = 5ポイント上昇）。")),
    ("Items", ("施設×評価項目の一覧。列見出しは項目コード（版が変わっても同じ）。"
               "評価項目は評価者の評価（A/B/C/D/NA）、その他の項目は回答値（率は小数・%表示、日付はExcelの日付）。"
               "C・Dは色付け。")),
    ("ItemsLong", "1行＝1施設×1項目の縦持ち形式（ピボットテーブル向け）：自己評価・評価・値・分子・分母・期間・根拠・コメント。"),
    ("QI", "品質指標（QI）：施設×指標ごとに分子・分母・率（小数、%表示）または値、期間、目標値と達成。"),
    ("Actions", ("改善計画の取組：担当者・期限・状況・期限超過（期限切れは赤）・最終進捗。"
                 "黄色の列（新しい状況・進捗メモ・進捗日・記入者）に被評価施設が記入したシートは "
                 "kanwa-review progress-import で取り込めます。")),
    ("Findings", "所見：良い点・改善が望まれる点・提言（関連項目コード付き）。"),
)


def _readme(wb: Workbook, data: ReturnData) -> None:
    ws = wb.create_sheet("README", 0)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 110
    _landscape(ws, fit_width=True)
    bold = Font(bold=True, size=13)
    ws.append([text_cell(ws, "緩和ケア ピアレビュー 集計表（都道府県拠点病院向け）", font=bold)])
    ws.append([])
    fy = (f"{data.fiscal_year}（{fiscal_year_label(data.fiscal_year)}）"
          if data.fiscal_year is not None else "全年度（施設×年度ごとに1行）")
    generated = data.generated_at.replace(microsecond=0, tzinfo=None)
    for label, value in (
            ("年度 / fiscal year", fy),
            ("作成日時 / generated at", _styled(ws, generated, number_format="yyyy-mm-dd hh:mm",
                                                alignment=Alignment(horizontal="left"))),
            ("作成 / generated by", f"kanwa-review {__version__}"),
            ("施設数 / facilities", _styled(ws, len({r.facility.code for r in data.rows}),
                                             alignment=Alignment(horizontal="left"))),
            ("レビュー数 / reviews", _styled(ws, len(data.rows),
                                         alignment=Alignment(horizontal="left"))),
            ("対象 / scope", "各施設・各年度の最新の訪問について、確定済みの最新版のみ（下書きは含まない）")):
        ws.append([text_cell(ws, label, font=HEADER_FONT),
                   value if not isinstance(value, str) else text_value(ws, value)])
    ws.append([])
    ws.append([text_cell(ws, "評価票 / form", font=HEADER_FONT)])
    for form in data.forms or []:
        ws.append([None, text_value(ws, f"{form.title.ja}（{form.id} 版 {form.version}）")])
        ws.append([None, text_value(ws, f"SHA-256 {form.sha256}")])
    if not data.forms:
        ws.append([None, "（なし）"])
    ws.append([])
    ws.append([text_cell(ws, "シート / sheets", font=HEADER_FONT)])
    for name, note in SHEET_NOTES:
        # one sentence per row: rows do not grow for wrapped text in every program
        for n, sentence in enumerate(s for s in note.split("。") if s.strip()):
            ws.append([name if n == 0 else None, text_value(ws, sentence + "。")])
    ws.append([])
    ws.append([text_cell(ws, "注意 / notes", font=HEADER_FONT)])
    for note in ("データのシートは結合セルを使わず、1行目が見出し（固定・フィルタ付き）です。",
                 "コメント等の入力文字列は常に文字列として保存しており、数式として実行されることはありません。",
                 "年度は4月〜翌年3月（例：2025年度＝2025年4月〜2026年3月）。"):
        ws.append([None, note])


def write_return(data: ReturnData, path: str | Path, *, progress: Progress | None = None,
                 today: date | None = None) -> Path:
    """Write the workbook (write-only mode: fast for hundreds of facilities); the file appears
    only when complete (written beside it, then renamed)."""
    path = Path(path)
    wb = Workbook(write_only=True)
    _readme(wb, data)
    tables = [_summary(wb, data), _items_wide(wb, data), _items_long(wb, data, progress),
              _qi(wb, data), _actions(wb, data, today or date.today()), _findings(wb, data)]
    styles = StyleIds(wb.worksheets[0], {"date": DATE_FORMAT, "datetime": "yyyy-mm-dd hh:mm",
                                         "rate": RATE_FORMAT, "delta": DELTA_FORMAT})
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


SHEETS = ("README", "Summary", "Items", "ItemsLong", "QI", "Actions", "Findings")
DATA_SHEETS = SHEETS[1:]
