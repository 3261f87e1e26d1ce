"""`report --all`: every facility's latest finalised review in one PDF.

Each report starts on a new page, has its own top-level outline entry (施設コード 施設名) with its
sections beneath, and its own page numbering: the footer "n / N" counts the pages of that
facility's report, which is what a hub needs when it hands each hospital its pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import PageBreak

from kanwa_review.core.jobs import Cancelled, Progress
from kanwa_review.reports.feedback import context_for, load_with_previous, story
from kanwa_review.reports.fonts import report_font
from kanwa_review.reports.pages import new_document

@dataclass(frozen=True)
class BatchResult:
    path: Path
    reports: int


def write_all(services, out: str | Path, *, progress: Progress | None = None) -> BatchResult:
    report_font()
    reviews = services.latest_per_facility()
    if not reviews:
        raise LookupError("確定済みの評価がありません (no finalised review in the database; "
                          "finalise a review first)")
    flow: list = []
    total = len(reviews)
    for n, r in enumerate(reviews):
        if progress is not None and not progress(n, total + 1, f"{r.facility_name} を準備しています…"):
            raise Cancelled()
        data, previous = load_with_previous(services, r.uuid, r.revision)
        if flow:
            flow.append(PageBreak())
        flow += story(services, data, previous=previous, ctx=context_for(data, n, nested=True))
    if progress is not None and not progress(total, total + 1, "PDFを組版しています…"):
        raise Cancelled()
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    doc = new_document(tmp, title="緩和ケアピアレビュー評価報告書（全施設）", author="kanwa-review",
                       subject=f"各施設の最新の確定評価 {total} 件")
    try:
        doc.build(flow)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    if progress is not None:
        progress(total + 1, total + 1, "")
    return BatchResult(out, total)
