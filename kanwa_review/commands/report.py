"""`kanwa-review report`: the PDF feedback report of one review, or of every facility."""

from __future__ import annotations

from kanwa_review.commands.common import check_output, guard, note


@guard
def run(args) -> int:
    from kanwa_review.services import Services

    out = check_output(args.output, suffixes=(".pdf",), example="報告書.pdf")
    with Services.open(args.db, readonly=True, notify=note) as services:
        if args.all:
            from kanwa_review.reports.batch import write_all
            result = write_all(services, out)
            print(f"全施設の報告書を書き出しました / reports written: {result.path} "
                  f"({result.reports} 施設 / facilities)")
        else:
            from kanwa_review.reports.feedback import write_report
            from kanwa_review.store import repository as repo

            if repo.review(services.database, args.review) is None:
                raise LookupError(f"レビュー {args.review} は {args.db} にありません (no such review)。"
                                  "`kanwa-review list --db …` で UUID を確認してください / check the "
                                  "UUID with `kanwa-review list`.")
            path = write_report(services, args.review, out)
            print(f"報告書を書き出しました / report written: {path}")
    return 0
