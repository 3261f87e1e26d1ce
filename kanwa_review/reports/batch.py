"""`report --all [--fiscal-year Y]`: the reports of a year (or every facility's latest) in one
PDF a clerk can print duplex and hand out.

- A cover lists every registered facility with its category, its state (確定 / 下書きのみ /
  未実施), visit date, overall achievement and the pages of its report in this PDF.
- Every report starts on an odd page: a blank page (marked as such, without header or
  numbering) is inserted where needed (pages.OddPageBreak), so a duplex print separates
  cleanly by facility.
- Each report has its own top-level outline entry (施設コード 施設名) with its sections beneath,
  and its own page numbering: the footer "n / N" counts that facility's pages.

One pass: the cover's page ranges are form XObjects filled in when the PDF is saved, once every
report's pages are known (pages.PageRange), as the footer's "N" is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kanwa_review.core.dates import fiscal_year_label
from kanwa_review.core.jobs import Progress, tick
from kanwa_review.core.settings import ReportSettings
from kanwa_review.reports.feedback import (
    GREY, HEAD_BACKGROUND, FeedbackReport, _pct, _table, context_for, story, t,
)
from kanwa_review.reports.fonts import report_font
from kanwa_review.reports.pages import (
    Heading, OddPageBreak, PageRange, ReportContext, ReportStart, new_document,
)
from kanwa_review.core.i18n import translate

COVER_INDEX = 1_000_000   # the cover's ReportContext index (reports are numbered from 0)


@dataclass(frozen=True)
class RosterRow:
    """One line of the cover: a registered facility and what this PDF holds of it."""

    facility_code: str
    facility_name: str
    category: str               # label (地域がん診療連携拠点病院 …)
    state: str                  # 確定 | 下書きのみ | 未実施
    visit_date: date | None = None
    overall: float | None = None
    report: int | None = None   # index into the reports, None when it has none here


@dataclass(frozen=True)
class BatchResult:
    path: Path
    reports: int
    # facility code -> (first page, last page) of its report in the PDF (1-based)
    pages: dict[str, tuple[int, int]] = field(default_factory=dict)
    blank_pages: int = 0
    # facilities whose report could not be made (label, the error): left out, the rest printed
    skipped: tuple[tuple[str, Exception], ...] = ()
    warnings: tuple[str, ...] = ()


def _cover(roster: Sequence[RosterRow], *, fiscal_year: int | None,
           settings: ReportSettings, prefecture: str, ctx: ReportContext,
           today: date) -> list:
    scope = (f"{fiscal_year_label(fiscal_year)}（{fiscal_year}年度）" if fiscal_year is not None
             else "各施設の最新の確定評価")
    out = [ReportStart(ctx), Spacer(1, 8 * mm),
           Heading("緩和ケア ピアレビュー評価報告書", 0, size=18, key=ctx.key("cover"),
                   outline_title="表紙（施設一覧）"),
           t(f"{scope}　施設一覧", 12, space_after=2),
           t(f"発行　{settings.issuer_for(prefecture)}　　作成日 {today.isoformat()}", 9.5,
             space_after=6)]
    rows = [[t("No.", 8), t("施設コード", 8), t("施設名", 8), t("区分", 8), t("状況", 8),
             t("訪問日", 8), t("総合達成率", 8), t("頁", 8)]]
    for n, r in enumerate(roster, start=1):
        has = r.report is not None
        rows.append([t(str(n), 8), t(r.facility_code, 8), t(r.facility_name, 8.2),
                     t(r.category, 7.5), t(r.state, 8) if has else t(r.state, 8, GREY),
                     t(r.visit_date.isoformat() if r.visit_date else "—", 8),
                     t(_pct(r.overall), 8), PageRange(r.report) if has else t("—", 8)])
    widths = [9 * mm, 22 * mm, 0, 34 * mm, 17 * mm, 20 * mm, 18 * mm, 18 * mm]
    widths[2] = 174 * mm - sum(widths)
    held = sum(1 for r in roster if r.report is not None)
    out += [_table(rows, widths, extra=[("BACKGROUND", (0, 0), (-1, 0), HEAD_BACKGROUND)]),
            Spacer(1, 2 * mm),
            t(f"登録施設 {len(roster)} 施設のうち、確定した評価の報告書 {held} 件を収録しています。"
              "頁は本PDFの通し頁です。各施設の報告書は奇数頁から始まり、必要な箇所に白紙を入れて"
              "いるため、両面印刷で施設ごとに分けられます。各報告書の頁番号（n / N）はその施設の"
              "報告書の中での番号です。", 8, GREY),
            Spacer(1, 2 * mm), t(settings.confidentiality_text, 8, GREY)]
    return out


def _stories(reports) -> tuple[dict[int, list], list[tuple[str, Exception]]]:
    """Each report's flowables by index; a report that cannot be laid out (one facility's odd
    value) is left out with its error, so the others still print."""
    parts: dict[int, list] = {}
    skipped: list[tuple[str, Exception]] = []
    for n, report in enumerate(reports):
        try:
            parts[n] = story(report, ctx=context_for(report.data, n, nested=True))
        except Exception as exc:  # noqa: BLE001 — one facility's odd value: the others print
            r = report.data.review
            skipped.append((f"{r.facility_code} {r.facility_name}", exc))
    return parts, skipped


def _flow(parts: dict[int, list], roster, cover_args) -> list:
    flow = _cover(roster, **cover_args)
    for part in parts.values():
        flow.append(OddPageBreak())
        flow += part
    return flow


def write_all(reports: Sequence[FeedbackReport], out: str | Path, *,
              roster: Sequence[RosterRow] = (), fiscal_year: int | None = None,
              settings: ReportSettings | None = None, prefecture: str = "",
              today: date | None = None, progress: Progress | None = None) -> BatchResult:
    """Write `reports` (gathered by services/reports.py) into one PDF with a cover listing
    `roster` (each row's `report` indexes `reports`); Cancelled when `progress` says stop
    (nothing is written then)."""
    report_font()
    if not reports:
        raise LookupError(translate("reports", "確定済みの評価がありません。評価を確定してから作成してください"))
    settings = settings or ReportSettings()
    today = today or date.today()
    if not roster:
        roster = [RosterRow(r.data.review.facility_code, r.data.review.facility_name, "",
                            "確定", r.data.review.visit_date,
                            r.data.scores().overall.achievement, n)
                  for n, r in enumerate(reports)]
    total = len(reports)
    ctx = ReportContext(index=COVER_INDEX, facility="施設一覧", review="全施設", draft=False,
                        nested=True, outline_title="表紙（施設一覧）", footer_note="取扱注意")
    cover_args = dict(fiscal_year=fiscal_year, settings=settings, prefecture=prefecture,
                      ctx=ctx, today=today)
    parts, skipped = _stories(reports)
    if not parts:
        label, exc = skipped[0]
        raise ValueError(f"{label}: {exc}")
    if skipped:   # the cover says 「—」 for a report this PDF does not hold
        roster = [replace(r, report=None) if r.report is not None and r.report not in parts
                  else r for r in roster]
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    subject = (f"{fiscal_year}年度の確定評価 {total} 件" if fiscal_year is not None
               else f"各施設の最新の確定評価 {total} 件")
    tick(progress, total, total + 1, "PDFを組版しています…")
    doc = new_document(tmp, title="緩和ケアピアレビュー評価報告書（全施設）",
                       author="kanwa-review", subject=subject)
    try:
        doc.build(_flow(parts, roster, cover_args))
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    if progress is not None:
        progress(total + 1, total + 1, "")
    by_index = {r.report: r.facility_code for r in roster if r.report is not None}
    return BatchResult(out, len(parts), {by_index.get(n, str(n)): doc.report_spans[n]
                                         for n in parts}, doc.blank_pages, tuple(skipped))
