"""`kanwa-review excel`, `excel-template` and `excel-import`: the prefectural Excel return,
the blank checklist workbook and importing a filled one."""

from __future__ import annotations

import sys

from kanwa_review.commands.common import check_output, guard, note
from kanwa_review.commands.console import print_json
from kanwa_review.core.form import load_form
from kanwa_review.core.i18n import translate
from kanwa_review.core.imports import REJECTED, status_with_key
from kanwa_review.services import Services


@guard
def export(args) -> int:
    fy = getattr(args, "fiscal_year", None)
    if fy is not None and not 2000 <= fy <= 2100:
        raise ValueError("--fiscal-year must be a year such as 2025 (年度: April–March)")
    out = check_output(args.output, suffixes=(".xlsx",), example=translate("cli", "集計表.xlsx"))
    with Services.open(args.db, readonly=True, notify=note) as services:
        stats = services.export_return(out, fiscal_year=fy)
    scope = f"FY{fy}" if fy is not None else "all fiscal years"
    print(f"集計表を書き出しました / Excel return written: {stats.path} ({stats.facilities} facilities, "
          f"{stats.reviews} finalised reviews, {scope})")
    return 0


@guard
def template(args) -> int:
    out = check_output(args.output, suffixes=(".xlsx",), example=translate("cli", "評価票.xlsx"))
    form = load_form(args.form)
    path = Services.write_template(form, out)
    print(f"空の評価票を書き出しました / blank checklist workbook written: {path} ({form.id} {form.version}, "
          f"{form.item_count} items)")
    return 0


@guard
def import_(args) -> int:
    with Services.open(args.db, create=True, remove_if_nothing_imported=True) as services:
        result = services.import_workbook(args.file)
    if args.json:
        print_json(result.to_json())
    else:
        for w in result.warnings:
            print(f"warning: {w}", file=sys.stderr)
        if result.status == REJECTED:
            for e in result.errors:
                print(e, file=sys.stderr)
            print(f"{args.file}: {status_with_key(result.status)} — "
                  f"{len(result.errors)} 件の問題 / problem(s)。何も取り込んでいません。"
                  "上の問題を直してから再度取り込んでください / nothing was imported; fix the "
                  "problems above and import again.", file=sys.stderr)
        else:
            state = "確定 / final" if result.final else "下書き / draft"
            print(f"{args.file}: {status_with_key(result.status)} — review "
                  f"{result.review} revision {result.revision} ({state})")
    return 1 if result.status == REJECTED else 0
