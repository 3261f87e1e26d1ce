"""`kanwa-review progress-export` and `progress-import`: the visited hospital's progress on its
improvement actions (改善計画の進捗), as a JSON progress file or the Actions sheet of a workbook."""

from __future__ import annotations

import sys

from kanwa_review.commands.common import check_output, guard, note, refuse_every_file
from kanwa_review.commands.console import print_json
from kanwa_review.core.i18n import translate
from kanwa_review.core.imports import PROGRESS, REJECTED, status_with_key
from kanwa_review.services import Services, StoreError


@guard
def export(args) -> int:
    out = check_output(args.output, suffixes=(".xlsx", ".json"),
                       example=translate("cli", "改善計画進捗_{facility}.xlsx").format(
                           facility=args.facility))
    with Services.open(args.db, readonly=True, notify=note) as services:
        path, count = services.export_progress(args.facility, out)
    print(translate("cli_progress", "進捗ファイルを書き出しました: {file}（{facility} の改善計画 {count} 件）").format(
        file=path, facility=args.facility, count=count))
    return 0


@guard
def import_(args) -> int:
    results = []
    try:
        with Services.open(args.db) as services:
            for f in args.files:
                results.append(services.import_progress(f))
    except StoreError as exc:   # the database, not a file: every file gets its line
        if not args.json:
            raise
        results = refuse_every_file(args.files, str(exc), PROGRESS)
    for r in results:
        if args.json:
            print_json(r.to_json())
            continue
        print(translate("cli_progress", "{file}: {status} — 反映 {applied}、変更なし {unchanged}、"
                                        "古いため対象外 {stale}").format(
            file=r.file, status=status_with_key(r.status), applied=len(r.applied),
            unchanged=len(r.unchanged), stale=len(r.stale)))
        for s in r.stale:  # each entry already says "stale, skipped" and why
            print(f"  △ {s}")
        for w in r.warnings:
            print("  " + translate("cli", "警告: {warning}").format(warning=w), file=sys.stderr)
        for e in r.errors:
            print("  " + translate("cli", "エラー: {message}").format(message=e), file=sys.stderr)
        if r.status == REJECTED:
            print("  " + translate("cli_progress", "このファイルからは何も登録されていません。上の箇所を直して"
                                                   "再度取り込んでください"), file=sys.stderr)
    return 1 if any(r.status == REJECTED for r in results) else 0
