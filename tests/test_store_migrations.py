"""Schema migrations: an old-version file is upgraded in place and keeps its data."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

from kanwa_review.core.review import TeamMember
from kanwa_review.services import Services
from kanwa_review.store import open_database
from kanwa_review.store.database import migrate
from kanwa_review.store.migrations import LATEST, MIGRATIONS


def test_every_migration_is_numbered_in_order(tmp_path):
    """Step n sits at position n of MIGRATIONS (its name says `_m<n>_`), and applying the steps one
    at a time leaves user_version at n with a schema that step n changed: a step moved, inserted
    in the middle or removed fails here."""
    numbers = []
    for step in MIGRATIONS:
        found = re.fullmatch(r"_m(\d+)_\w+", step.__name__)
        assert found, f"{step.__name__}: name a migration step _m<number>_<what it does>"
        numbers.append(int(found.group(1)))
    assert numbers == list(range(1, len(MIGRATIONS) + 1)), numbers
    assert LATEST == len(MIGRATIONS) >= 4

    db = open_database(tmp_path / "steps.sqlite", migrate_to=0)
    assert db.schema_version() == 0

    def schema_sql():
        return sorted(r[0] for r in db.conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))

    before = schema_sql()
    for number in range(1, LATEST + 1):
        migrate(db, number)
        assert db.schema_version() == number
        after = schema_sql()
        assert after != before, f"step {number} ({MIGRATIONS[number - 1].__name__}) changed nothing"
        before = after
    db.close()


def test_version_1_file_is_migrated_with_its_data(tmp_path, mini_form):
    path = tmp_path / "old.sqlite"
    old = open_database(path, migrate_to=1)  # what the first release wrote
    assert old.schema_version() == 1
    s = Services(old)
    old.conn.execute("SELECT 1")  # noqa: the v1 schema has no reviews.last_item yet
    cols = {r[1] for r in old.conn.execute("PRAGMA table_info(reviews)")}
    assert "last_item" not in cols
    s.create_facility("F001", "架空県立がんセンター")
    with old.transaction():
        from kanwa_review.core.review import new_review_uuid
        from kanwa_review.store import repository as repo

        form_hash = repo.ensure_form(old, mini_form)
        uuid = new_review_uuid()
        # the rows as the first release wrote them (today's insert_review writes columns that
        # later migrations added)
        rid = old.conn.execute(
            "INSERT INTO reviews (uuid, revision, facility_id, form_hash, status, visit_date, "
            "fiscal_year, created_at, updated_at, superseded) VALUES (?,1,?,?,'draft',?,?,?,?,0)",
            (uuid, s.facilities()[0].id, form_hash, date(2024, 10, 1).isoformat(), 2024,
             "2024-10-01T00:00:00+00:00", "2024-10-01T00:00:00+00:00")).lastrowid
        repo.replace_team(old, rid, (TeamMember("山田", "leader"),))
        old.conn.execute("INSERT INTO answers (review_id, item_code, rating) VALUES (?,?,?)",
                         (rid, "A-1", "B"))
    old.close()

    new = open_database(path)
    try:
        assert new.schema_version() == LATEST
        s2 = Services(new)
        assert s2.answers(uuid)["A-1"].rating == "B"
        s2.set_answer(uuid, "A-2", rating="A")
        assert s2.last_item(uuid) == "A-2"  # the column migration 2 added works
        # migration 5: the review takes its facility's category, and its details start empty
        r = s2.review(uuid)
        assert r.facility_category == "regional" and r.overall_comment == ""
        assert r.overview.is_empty() and r.plan_due is None and r.follow_up is None
        assert new.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        new.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == LATEST
    con.close()
