"""`kanwa-review demo --db DB [--facilities N] [--years Y]`: invented demo data."""

from __future__ import annotations

import time

from kanwa_review.commands.common import guard
from kanwa_review.core.form import default_form_path, load_form
from kanwa_review.core.i18n import translate
from kanwa_review.services import Services


@guard
def run(args) -> int:
    form = load_form(default_form_path())
    started = time.perf_counter()
    with Services.open(args.db, create=True, actor="demo") as services:
        stats = services.add_demo_data(form, facilities=args.facilities, years=args.years,
                                       seed=args.seed)
    print(translate("cli_demo", "{db}: 施設 {facilities}、評価 {reviews}（確定 {final}、下書き {drafts}）、"
                                "回答 {answers}、所見 {findings}（{seconds} 秒）").format(
        db=args.db, facilities=stats.facilities, reviews=stats.reviews, final=stats.final,
        drafts=stats.drafts, answers=stats.answers, findings=stats.findings,
        seconds=f"{time.perf_counter() - started:.1f}"))
    return 0
