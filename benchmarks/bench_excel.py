"""Excel figures (issue 6): writing the prefectural return for 500 facilities × ~90 items
(target ≤ 5 s to write) and importing one filled checklist workbook (target ≤ 1 s)."""

from __future__ import annotations

import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from kanwa_review.core.form import default_form_path, load_form
from kanwa_review.demo import generate
from kanwa_review.exchange import excel_template as T
from kanwa_review.exchange.excel_return import write_return
from kanwa_review.services import Services
from kanwa_review.store import open_database


def _filled_template(form, path: Path) -> Path:
    T.write_template(form, path)
    wb = load_workbook(path)
    head, ws = wb[T.HEADER_SHEET], wb[T.SHEET]
    cells = T.LAYOUT_2.cells
    head[cells["facility_code"]], head[cells["facility_name"]] = "B900", "架空県 ベンチ病院"
    head[cells["visit_date"]] = datetime(2025, 10, 2)
    head["B13"], head["C13"] = "リーダー", "架空 花子"
    head[cells["overall_comment"]] = "体制は概ね整っているが、手順の文書化が課題である。"
    row = T.LAYOUT_2.first_item_row
    for item in form.items():
        if item.type == "rating":
            ws[f"G{row}"], ws[f"L{row}"], ws[f"M{row}"] = "C", "規程・記録を確認", "一部の病棟で未実施"
            if item.has_self_assessment:
                ws[f"F{row}"] = "B"
        elif item.type == "yes_no":
            ws[f"H{row}"] = "はい"
        elif item.type == "percentage":
            ws[f"I{row}"], ws[f"J{row}"], ws[f"K{row}"] = 40, 50, "2025年4月〜9月"
        elif item.type in ("integer", "number"):
            ws[f"H{row}"], ws[f"K{row}"] = max(1, int(item.min or 0)), "2025年度"
        elif item.type == "choice":
            ws[f"H{row}"] = item.choices[0].label.ja
        elif item.type == "multi_choice":
            ws[f"H{row + 1}"] = "はい"                  # the first option's row
        elif item.type == "date":
            ws[f"H{row}"] = datetime(2024, 4, 1)
        else:
            ws[f"H{row}"] = "院内様式"
        row += 1 + (len(item.choices) if item.type == "multi_choice" else 0)
    wb.save(path)
    return path


def run(quick: bool = False):
    form = load_form(default_form_path())
    facilities = 50 if quick else 500
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = open_database(tmp / "hub.sqlite")
        # two fiscal years: every FY2024 review is final (drafts only occur in the last year)
        generate(db, form, facilities=facilities, years=2, seed=11, today=date(2026, 3, 1))
        services = Services(db, actor="bench")
        t = time.perf_counter()
        data = services.return_data(fiscal_year=2024)
        t_collect = time.perf_counter() - t
        t = time.perf_counter()
        out = write_return(data, tmp / "return.xlsx")
        t_write = time.perf_counter() - t
        yield {"name": "excel_return_write_s", "value": round(t_write, 2), "unit": "s",
               "target": 5.0, "facilities": len(data.rows), "items": form.item_count,
               "bytes": out.stat().st_size, "note": "openpyxl write-only mode + spliced row XML, all 8 sheets"}
        yield {"name": "excel_return_collect_s", "value": round(t_collect, 2), "unit": "s",
               "facilities": len(data.rows), "note": "reading reviews, scores, previous visit"}
        db.close()

        filled = _filled_template(form, tmp / "filled.xlsx")
        times = []
        for n in range(3 if quick else 5):
            db = open_database(tmp / f"import{n}.sqlite")
            svc = Services(db, actor="bench")
            t = time.perf_counter()
            result = svc.import_workbook(filled)
            times.append(time.perf_counter() - t)
            assert result.status == "imported", result.errors[:3]
            db.close()
        yield {"name": "excel_import_s", "value": round(sorted(times)[len(times) // 2], 3),
               "unit": "s", "target": 1.0, "items": form.item_count,
               "note": "check + parse + validate + write a final review, median, fresh DB"}
