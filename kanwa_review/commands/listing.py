"""`kanwa-review list --db DB [--json]`: the reviews held, current revisions only."""

from __future__ import annotations


from kanwa_review.commands.common import guard, note
from kanwa_review.commands.console import print_json
from kanwa_review.core.i18n import translate
from kanwa_review.services import Services


@guard
def run(args) -> int:
    with Services.open(args.db, readonly=True, notify=note) as services:
        rows = services.list_reviews()
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        print(translate("cli_listing", "（評価はありません）"))
    for r in rows:
        print(translate("cli_listing", "{uuid}  {code} {name}  {visit}  {fiscal_year}年度  "
                                       "{status} 第{revision}版  {completeness}%").format(
            uuid=r.uuid, code=f"{r.facility_code:<8}", name=r.facility_name, visit=r.visit_date,
            fiscal_year=r.fiscal_year, status=f"{r.status:<5}", revision=r.revision,
            completeness=f"{r.completeness:5.1f}"))
    return 0
