"""`kanwa-review backup --db DB -o OUT.sqlite`: a consistent copy through the backup API."""

from __future__ import annotations

from kanwa_review.commands.common import database, guard
from kanwa_review.store.backup import backup_to


@guard
def run(args) -> int:
    with database(args.db, any_schema=True) as db:
        dest = backup_to(db, args.output)
    print(f"バックアップを作成しました / backup written: {dest}")
    return 0
