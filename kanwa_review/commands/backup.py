"""`kanwa-review backup --db DB -o OUT.sqlite`: a consistent copy through the backup API."""

from __future__ import annotations

from kanwa_review.commands.common import database, guard
from kanwa_review.store.backup import backup_to


@guard
def run(args) -> int:
    with database(args.db, readonly=True) as db:
        dest = backup_to(db, args.output)
    print(f"backup written: {dest}")
    return 0
