"""`kanwa-review backup --db DB -o OUT.sqlite`: a consistent copy through the backup API."""

from __future__ import annotations

from kanwa_review.commands.common import guard
from kanwa_review.core.i18n import translate
from kanwa_review.services import Services


@guard
def run(args) -> int:
    with Services.open(args.db, any_schema=True) as services:
        dest = services.backup(args.output)
    print(translate("cli_backup", "バックアップを作成しました: {file}").format(file=dest))
    return 0
