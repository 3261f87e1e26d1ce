"""`kanwa-review backup --db DB -o OUT.sqlite`: a consistent copy through the backup API."""

from __future__ import annotations

from kanwa_review.commands.common import guard
from kanwa_review.services import Services


@guard
def run(args) -> int:
    with Services.open(args.db, any_schema=True) as services:
        dest = services.backup(args.output)
    print(f"バックアップを作成しました / backup written: {dest}")
    return 0
