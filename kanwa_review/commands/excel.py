"""`kanwa-review excel`, `excel-template` and `excel-import`: the prefectural Excel return,
the blank checklist workbook and importing a filled one."""

from __future__ import annotations

import sys

from kanwa_review.commands.common import check_output, guard, note, refuse_every_file
from kanwa_review.commands.console import print_json
from kanwa_review.core.form import load_form
from kanwa_review.core.i18n import translate
from kanwa_review.core.imports import REJECTED, WORKBOOK, status_with_key
from kanwa_review.services import Services, StoreError


@guard
def export(args) -> int:
    fy = getattr(args, "fiscal_year", None)
    if fy is not None and not 2000 <= fy <= 2100:
        raise ValueError(translate("cli_excel", "--fiscal-year には 2025 のような西暦の年度（4月〜翌年3月）を指定してください"))
    out = check_output(args.output, suffixes=(".xlsx",), example=translate("cli", "集計表.xlsx"))
    with Services.open(args.db, readonly=True, notify=note) as services:
        stats = services.export_return(out, fiscal_year=fy)
    scope = (translate("cli_excel", "{fiscal_year}年度").format(fiscal_year=fy) if fy is not None
             else translate("cli_excel", "全年度"))
    print(translate("cli_excel", "集計表を書き出しました: {file}（施設 {facilities}、確定した評価 {reviews}、"
                                 "{scope}）").format(file=stats.path, facilities=stats.facilities,
                                                    reviews=stats.reviews, scope=scope))
    for w in stats.warnings:
        print(translate("cli", "警告: {warning}").format(warning=w), file=sys.stderr)
    return 0


@guard
def template(args) -> int:
    out = check_output(args.output, suffixes=(".xlsx",), example=translate("cli", "評価票.xlsx"))
    form = load_form(args.form)
    path = Services.write_template(form, out)
    print(translate("cli_excel", "空の評価票を書き出しました: {file}（{form} {version}、項目 {items}）").format(
        file=path, form=form.id, version=form.version, items=form.item_count))
    return 0


@guard
def import_(args) -> int:
    try:
        with Services.open(args.db, create=True, remove_if_nothing_imported=True) as services:
            result = services.import_workbook(args.file)
    except StoreError as exc:   # the database, not the file: the file still gets its line
        if not args.json:
            raise
        result = refuse_every_file([args.file], str(exc), WORKBOOK)[0]
    if args.json:
        print_json(result.to_json())
    else:
        for w in result.warnings:
            print(translate("cli", "警告: {warning}").format(warning=w), file=sys.stderr)
        if result.status == REJECTED:
            for e in result.errors:
                print(e, file=sys.stderr)
            print(translate("cli_excel", "{file}: {status} — 問題 {count} 件。何も取り込んでいません。"
                                         "上の問題を直してから再度取り込んでください").format(
                file=args.file, status=status_with_key(result.status), count=len(result.errors)),
                file=sys.stderr)
        else:
            state = (translate("cli_excel", "確定") if result.final
                     else translate("cli_excel", "下書き"))
            print(translate("cli_excel", "{file}: {status} — 評価 {review} 第{revision}版（{state}）").format(
                file=args.file, status=status_with_key(result.status), review=result.review,
                revision=result.revision, state=state))
    return 1 if result.status == REJECTED else 0
