"""`kanwa-review progress-export` and `progress-import`: the visited hospital's progress on its
improvement actions (改善計画の進捗), as a JSON progress file or the Actions sheet of a workbook."""

from __future__ import annotations

import sys

from kanwa_review.commands.common import check_output, guard, note
from kanwa_review.commands.console import print_json
from kanwa_review.core.i18n import translate
from kanwa_review.core.imports import REJECTED, status_with_key
from kanwa_review.services import Services


@guard
def export(args) -> int:
    out = check_output(args.output, suffixes=(".xlsx", ".json"),
                       example=translate("cli", "改善計画進捗_{facility}.xlsx").format(
                           facility=args.facility))
    with Services.open(args.db, readonly=True, notify=note) as services:
        path, count = services.export_progress(args.facility, out)
    print(f"進捗ファイルを書き出しました / progress file written: {path} ({count} actions of "
          f"{args.facility})")
    return 0


@guard
def import_(args) -> int:
    results = []
    with Services.open(args.db) as services:
        for f in args.files:
            results.append(services.import_progress(f))
    for r in results:
        if args.json:
            print_json(r.to_json())
            continue
        print(f"{r.file}: {status_with_key(r.status)} — 反映 / applied "
              f"{len(r.applied)}, 変更なし / unchanged {len(r.unchanged)}, 古いため対象外 / stale "
              f"{len(r.stale)}")
        for s in r.stale:  # each entry already says "stale, skipped" and why
            print(f"  △ {s}")
        for w in r.warnings:
            print(f"  warning: {w}", file=sys.stderr)
        for e in r.errors:
            print(f"  error: {e}", file=sys.stderr)
        if r.status == REJECTED:
            print("  このファイルからは何も登録されていません。上の箇所を直して再度取り込んでください / "
                  "nothing from this file was written; fix the places above and import again.",
                  file=sys.stderr)
    return 1 if any(r.status == REJECTED for r in results) else 0
