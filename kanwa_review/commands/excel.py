"""`kanwa-review excel`, `excel-template` and `excel-import`: the prefectural Excel return,
the blank checklist workbook and importing a filled one."""

from __future__ import annotations

import json
import sys

from kanwa_review.commands.common import database, guard
from kanwa_review.core.form import load_form


@guard
def export(args) -> int:
    from kanwa_review.exchange.excel_return import export_return
    from kanwa_review.services import Services

    fy = getattr(args, "fiscal_year", None)
    if fy is not None and not 2000 <= fy <= 2100:
        raise ValueError("--fiscal-year must be a year such as 2025 (年度: April–March)")
    with database(args.db, readonly=True) as db:
        stats = export_return(Services(db), args.output, fiscal_year=fy)
    scope = f"FY{fy}" if fy is not None else "all fiscal years"
    print(f"Excel return written: {stats.path} ({stats.facilities} facilities, "
          f"{stats.reviews} finalised reviews, {scope})")
    return 0


@guard
def template(args) -> int:
    from kanwa_review.exchange.excel_template import write_template

    form = load_form(args.form)
    path = write_template(form, args.output)
    print(f"blank checklist workbook written: {path} ({form.id} {form.version}, "
          f"{form.item_count} items)")
    return 0


@guard
def import_(args) -> int:
    from kanwa_review.exchange.excel_import import import_workbook
    from kanwa_review.services import Services

    with database(args.db, create=True) as db:
        result = import_workbook(Services(db), args.file)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        for w in result.warnings:
            print(f"warning: {w}", file=sys.stderr)
        if result.status == "rejected":
            for e in result.errors:
                print(e, file=sys.stderr)
            print(f"{args.file}: rejected ({len(result.errors)} problem(s)); nothing was "
                  "imported. Fix the cells named above and import again.", file=sys.stderr)
        else:
            state = "final" if result.final else "draft"
            print(f"{args.file}: {result.status} — review {result.review} revision "
                  f"{result.revision} ({state})")
    return 1 if result.status == "rejected" else 0
