"""SQLite storage via sqlite-utils: connection rules, schema, migrations, repositories."""

from kanwa_review.store.database import Database, StoreError, open_database

__all__ = ["Database", "StoreError", "open_database"]
