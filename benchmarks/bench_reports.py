"""PDF report figures (issue 5): one 90-item report (target ≤ 0.5 s) and `report --all` for
100 facilities (target ≤ 30 s), with the ratio against a bare ReportLab document holding the
same item table (plain Paragraphs, no kinsoku, chart or page furniture) built in the same run."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from kanwa_review.core.form import default_form_path, load_form
from kanwa_review.demo import generate
from kanwa_review.services import Services
from kanwa_review.store import open_database


def _bare(data, out: Path) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from kanwa_review.reports.fonts import report_font

    style = ParagraphStyle("b", fontName=report_font().fontName, fontSize=9, wordWrap="CJK")
    rows = [["コード", "評価項目", "自己評価", "評価", "根拠・コメント"]]
    for item in data.form.items():
        a = data.answers.get(item.code)
        rows.append([item.code, Paragraph(escape(item.text.ja), style),
                     (a.self_rating or "") if a else "", (a.rating or "") if a else "",
                     Paragraph(escape((a.evidence + " " + a.comment) if a else ""), style)])
    SimpleDocTemplate(str(out), pagesize=A4).build([Table(rows, repeatRows=1,
                                                          colWidths=[40, 170, 40, 40, 200])])


def run(quick: bool):
    form = load_form(default_form_path())
    n_fac = 10 if quick else 100
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = open_database(tmp / "bench.sqlite")
        generate(db, form, facilities=n_fac, years=2, seed=5, today=date(2026, 11, 1))
        services = Services(db)
        latest = services.latest_per_facility()
        uuid = latest[0].uuid
        services.write_report(uuid, tmp / "warm.pdf")  # font load and parse once
        reps = 3 if quick else 10
        t0 = time.perf_counter()
        for _ in range(reps):
            services.write_report(uuid, tmp / "one.pdf")
        one = (time.perf_counter() - t0) / reps
        data = services.load(uuid)
        t0 = time.perf_counter()
        for _ in range(reps):
            _bare(data, tmp / "bare.pdf")
        bare = (time.perf_counter() - t0) / reps
        yield {"name": f"report: one review ({form.item_count} items)", "value": round(one, 3),
               "unit": "s", "target": 0.5}
        yield {"name": "report: bare ReportLab table, same items", "value": round(bare, 3),
               "unit": "s"}
        yield {"name": "report: ratio full report / bare table", "value": round(one / bare, 2),
               "unit": "×"}
        t0 = time.perf_counter()
        result = services.write_all_reports(tmp / "all.pdf")
        yield {"name": f"report --all ({result.reports} facilities)",
               "value": round(time.perf_counter() - t0, 2), "unit": "s",
               "target": 30.0 if not quick else None}
        db.close()
