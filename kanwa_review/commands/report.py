"""`kanwa-review report` and `request-letter`: the PDF feedback report of one review or of every
facility, and the letter asking for the documents to send before a visit."""

from __future__ import annotations

import sys

from kanwa_review.commands.common import check_output, guard, note
from kanwa_review.core.i18n import translate
from kanwa_review.services import Services


@guard
def run(args) -> int:
    out = check_output(args.output, suffixes=(".pdf",), example=translate("cli", "報告書.pdf"))
    with Services.open(args.db, readonly=True, notify=note) as services:
        if args.all:
            result = services.write_all_reports(out, fiscal_year=args.fiscal_year)
            print(translate("cli_report", "全施設の報告書を書き出しました: {file}（{count} 施設）").format(
                file=result.path, count=result.reports)
                + translate("cli_report", "（両面印刷用の白紙 {n} ページ）").format(
                      n=result.blank_pages))
            for w in result.warnings:
                print(translate("cli", "警告: {warning}").format(warning=w), file=sys.stderr)
        else:
            path = services.write_report(args.review, out)
            print(translate("cli_report", "報告書を書き出しました: {file}").format(file=path))
    return 0


@guard
def request_letter(args) -> int:
    """`kanwa-review request-letter`: the documents to send before the visit (PDF)."""
    out = check_output(args.output, suffixes=(".pdf",), example=translate("cli_report", "事前提出資料のお願い.pdf"))
    with Services.open(args.db, readonly=True, notify=note) as services:
        path = services.write_request_letter(args.review, out, due=args.due)
    print(translate("cli_report", "事前提出資料の依頼状を書き出しました: {path}").format(path=path))
    return 0
