"""`kanwa-review report`: the PDF feedback report of one review, or of every facility."""

from __future__ import annotations

import sys

from kanwa_review.commands.common import check_output, guard, note
from kanwa_review.services import Services


@guard
def run(args) -> int:
    out = check_output(args.output, suffixes=(".pdf",), example="報告書.pdf")
    with Services.open(args.db, readonly=True, notify=note) as services:
        if args.all:
            result = services.write_all_reports(out)
            print(f"全施設の報告書を書き出しました / reports written: {result.path} "
                  f"({result.reports} 施設 / facilities)")
            for w in result.warnings:
                print(f"warning: {w}", file=sys.stderr)
        else:
            path = services.write_report(args.review, out)
            print(f"報告書を書き出しました / report written: {path}")
    return 0
