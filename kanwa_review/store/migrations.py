"""Schema migrations, numbered by PRAGMA user_version. Append only; never edit a released step."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from kanwa_review.store import schema

Migration = Callable[[sqlite_utils.Database], None]


def _m1_initial(db: sqlite_utils.Database) -> None:
    schema.create_initial(db)


def _m2_resume_point(db: sqlite_utils.Database) -> None:
    # Remember the item a reviewer was on, so a crashed session reopens at the same place;
    # and index the audit trail by review, which every review screen reads.
    db["reviews"].add_column("last_item", str)
    db["audit"].create_index(["review_uuid", "id"], index_name="idx_audit_review",
                             if_not_exists=True)


MIGRATIONS: list[Migration] = [_m1_initial, _m2_resume_point]
LATEST = len(MIGRATIONS)
