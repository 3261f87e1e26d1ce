"""`kanwa-review report` and `request-letter`: the PDF feedback report of one review or of every
facility, and the letter asking for the documents to send before a visit."""

from __future__ import annotations

from kanwa_review.commands.common import check_output, guard, note
from kanwa_review.core.i18n import translate
from kanwa_review.services import Services


@guard
def run(args) -> int:
    out = check_output(args.output, suffixes=(".pdf",), example=translate("cli", "報告書.pdf"))
    with Services.open(args.db, readonly=True, notify=note) as services:
        if args.all:
            result = services.write_all_reports(out, fiscal_year=args.fiscal_year)
            print(f"全施設の報告書を書き出しました / reports written: {result.path} "
                  f"({result.reports} 施設 / facilities)"
                  + translate("commands", "（両面印刷用の白紙 {n} ページ）").format(
                      n=result.blank_pages))
        else:
            path = services.write_report(args.review, out)
            print(f"報告書を書き出しました / report written: {path}")
    return 0


@guard
def request_letter(args) -> int:
    """`kanwa-review request-letter`: the documents to send before the visit (PDF)."""
    out = check_output(args.output, suffixes=(".pdf",), example="事前提出資料のお願い.pdf")
    with Services.open(args.db, readonly=True, notify=note) as services:
        path = services.write_request_letter(args.review, out, due=args.due)
    print(translate("commands", "事前提出資料の依頼状を書き出しました: {path}").format(path=path))
    return 0
