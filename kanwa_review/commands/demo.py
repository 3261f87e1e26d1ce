"""`kanwa-review demo --db DB [--facilities N] [--years Y]`: invented demo data."""

from __future__ import annotations

import time

from kanwa_review.commands.common import guard
from kanwa_review.core.form import default_form_path, load_form
from kanwa_review.demo import generate


def _refuse_real_data(services, path: str) -> None:
    """Invented hospitals must never mix with real ones (they would appear in the
    prefectural return and the reports): add demo data only to an empty or demo database."""
    real = [f.code for f in services.facilities() if not f.code.startswith("DEMO")]
    if real:
        shown = ", ".join(real[:5]) + (" …" if len(real) > 5 else "")
        raise ValueError(f"{path}: このデータベースには実際の施設（{shown}）が登録されています。デモデータは"
                         "混ぜずに、新しいファイルに作ってください（例: --db demo.sqlite） / this "
                         f"database holds real facilities ({shown}); demo data is only added to a "
                         "new or demo database. Use another --db file, e.g. demo.sqlite.")


@guard
def run(args) -> int:
    if not 1 <= args.facilities <= 2000:
        raise ValueError("--facilities must be between 1 and 2000")
    if not 1 <= args.years <= 20:
        raise ValueError("--years must be between 1 and 20")
    form = load_form(default_form_path())
    started = time.perf_counter()
    from kanwa_review.services import Services

    with Services.open(args.db, create=True) as services:
        _refuse_real_data(services, args.db)
        stats = generate(services.database, form, facilities=args.facilities, years=args.years, seed=args.seed)
    print(f"{args.db}: {stats.facilities} facilities, {stats.reviews} reviews "
          f"({stats.final} final, {stats.drafts} draft(s)), {stats.answers} answers, "
          f"{stats.findings} findings in {time.perf_counter() - started:.1f} s")
    return 0
