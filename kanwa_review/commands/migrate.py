"""`kanwa-review migrate --db DB --to FORM.yaml [--review UUID] [--json]`: move open drafts to a
new version of their form by its revision map, and list what needs a second look."""

from __future__ import annotations

import sys

from kanwa_review.commands.common import guard
from kanwa_review.commands.console import print_json
from kanwa_review.core.form import load_form
from kanwa_review.core.i18n import translate
from kanwa_review.services import Services
from kanwa_review.services.form_migration import REFUSED


@guard
def run(args) -> int:
    form = load_form(args.to, strict=True)
    with Services.open(args.db) as services:
        results = services.migrate_drafts(form, args.review)
    if args.json:
        for r in results:
            print_json(r.to_json())
    else:
        if not results:
            print(translate("cli_migrate", "{form} {version} に移す下書きはありません").format(
                form=form.id, version=form.version))
        for r in results:
            stream = sys.stderr if r.status == REFUSED else sys.stdout
            print(f"{r.uuid} {r.facility_code} {r.facility_name}: {r.from_version} → "
                  f"{r.to_version} [{r.status}] {r.message}", file=stream)
            for c in r.checks:
                where = c.code or translate("cli_migrate", "、").join(c.sources)
                print(f"    {where}: {c.message}", file=stream)
    return 1 if any(r.status == REFUSED for r in results) else 0
