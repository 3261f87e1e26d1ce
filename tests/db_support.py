"""Helpers for tests that prove "nothing was written": the whole content of a database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def db_snapshot(path: Path) -> dict[str, list[str]]:
    """Every row of every table (content, not only counts), order-independent."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}"))) for t in tables}
    finally:
        con.close()
