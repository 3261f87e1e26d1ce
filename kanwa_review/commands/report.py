"""`kanwa-review report`: the PDF feedback report of one review, or of every facility."""

from __future__ import annotations

from kanwa_review.commands.common import database, guard


@guard
def run(args) -> int:
    from kanwa_review.services import Services

    if not str(args.output).lower().endswith(".pdf"):
        raise ValueError(f"{args.output}: the output file must end in .pdf")
    with database(args.db, readonly=True) as db:
        services = Services(db)
        if args.all:
            from kanwa_review.reports.batch import write_all
            result = write_all(services, args.output)
            print(f"reports written: {result.path} ({result.reports} facilities)")
        else:
            from kanwa_review.reports.feedback import write_report
            path = write_report(services, args.review, args.output)
            print(f"report written: {path}")
    return 0
