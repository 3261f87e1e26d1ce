"""`kanwa-review demo --db DB [--facilities N] [--years Y]`: invented demo data."""

from __future__ import annotations

import time

from kanwa_review.commands.common import guard
from kanwa_review.core.form import default_form_path, load_form
from kanwa_review.services import Services


@guard
def run(args) -> int:
    form = load_form(default_form_path())
    started = time.perf_counter()
    with Services.open(args.db, create=True, actor="demo") as services:
        stats = services.add_demo_data(form, facilities=args.facilities, years=args.years,
                                       seed=args.seed)
    print(f"{args.db}: {stats.facilities} facilities, {stats.reviews} reviews "
          f"({stats.final} final, {stats.drafts} draft(s)), {stats.answers} answers, "
          f"{stats.findings} findings in {time.perf_counter() - started:.1f} s")
    return 0
