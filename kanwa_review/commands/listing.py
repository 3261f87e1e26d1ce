"""`kanwa-review list --db DB [--json]`: the reviews held, current revisions only."""

from __future__ import annotations


from kanwa_review.commands.common import guard, note
from kanwa_review.commands.console import print_json
from kanwa_review.services import Services


@guard
def run(args) -> int:
    with Services.open(args.db, readonly=True, notify=note) as services:
        rows = services.list_reviews()
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        print("(no reviews)")
    for r in rows:
        print(f"{r.uuid}  {r.facility_code:<8} {r.facility_name}  {r.visit_date}  "
              f"FY{r.fiscal_year}  {r.status:<5} rev {r.revision}  {r.completeness:5.1f}%")
    return 0
