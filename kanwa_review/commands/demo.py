"""`kanwa-review demo --db DB [--facilities N] [--years Y]`: invented demo data."""

from __future__ import annotations

import time

from kanwa_review.commands.common import database, guard
from kanwa_review.core.form import default_form_path, load_form
from kanwa_review.demo import generate


@guard
def run(args) -> int:
    if not 1 <= args.facilities <= 2000:
        raise ValueError("--facilities must be between 1 and 2000")
    if not 1 <= args.years <= 20:
        raise ValueError("--years must be between 1 and 20")
    form = load_form(default_form_path())
    started = time.perf_counter()
    with database(args.db, create=True) as db:
        stats = generate(db, form, facilities=args.facilities, years=args.years, seed=args.seed)
    print(f"{args.db}: {stats.facilities} facilities, {stats.reviews} reviews "
          f"({stats.final} final, {stats.drafts} drafts), {stats.answers} answers, "
          f"{stats.findings} findings in {time.perf_counter() - started:.1f} s")
    return 0
