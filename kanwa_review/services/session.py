"""Opening a database for the UI and the CLI: create, read-only (upgrading an older schema
after a backup first), any schema (for a backup), closing, and what screens poll.

Nothing above services opens a database or imports store: the app, the CLI commands and the
UI's background workers all start with `Services.open(path, ...)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Self

from kanwa_review.services.base import ServiceBase
from kanwa_review.store import migrations
from kanwa_review.store.backup import rotate_backup
from kanwa_review.store.database import open_database
from kanwa_review.core.i18n import translate

Notify = Callable[[str], None]


def _open_readonly_upgrading(path: Path, notify: Notify | None):
    """A read-only open that first upgrades a file of an older schema, after a backup.

    After an app update the hub's file has an older schema. Without this, `list`, `report`,
    `excel` and `export` would refuse it until some write command happened to run."""
    probe = open_database(path, create=False, readonly=True, migrate_to=0)
    version = probe.schema_version()
    if version >= migrations.LATEST:
        return probe
    from kanwa_review import paths

    try:
        saved = rotate_backup(probe, paths.backups_dir())
    finally:
        probe.close()
    open_database(path, create=False).close()   # migrates, each step in its own transaction
    if notify is not None:
        notify(translate(
            "session", "{path}: データベースを新しい形式に更新しました（形式 {version} → {latest}）。"
                       "更新前のバックアップ: {backup}").format(
                           path=path, version=version, latest=migrations.LATEST, backup=saved))
    return open_database(path, create=False, readonly=True)


class SessionOps(ServiceBase):
    _owns_database = False
    _created_file = False        # this open created the file, to remove when nothing is imported
    _discard_new_file = False    # ... and nothing was: remove it at close

    @classmethod
    def open(cls, path: str | Path, *, create: bool = False, readonly: bool = False,
             any_schema: bool = False, actor: str | None = None,
             notify: Notify | None = None, remove_if_nothing_imported: bool = False) -> Self:
        """Services over the database file at `path`, to be closed (or used in `with`).

        `create`: make a new file when there is none. `readonly`: write nothing (for list,
        reports, exports, the UI's reading workers); a file of an older schema is backed up
        and upgraded first, as opening it in the app would, and `notify` is told. `any_schema`:
        read-only whatever the (known) schema version, for `backup`: a hub backs its file up
        before the first run of a new app version. `remove_if_nothing_imported` (with
        `create`): a file this open created is removed again at close when every input an
        import method was given was rejected ("nothing written"). StoreError says what went
        wrong."""
        path = Path(path).expanduser()
        existed = path.exists()
        if any_schema:
            database = open_database(path, create=False, readonly=True, migrate_to=0)
        elif readonly:
            database = _open_readonly_upgrading(path, notify)
        else:
            database = open_database(path, create=create)
        services = cls(database, actor)
        services._owns_database = True
        services._created_file = (remove_if_nothing_imported and create and not existed
                                  and not readonly)
        return services

    @staticmethod
    def default_database() -> Path:
        """The database the app opens without --db (the app-data folder; portable: beside
        the executable); its folder is made when missing, as the app makes it."""
        from kanwa_review import paths

        path = paths.default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def close(self) -> None:
        """Close a database this object opened; remove a file it created and left unused."""
        if not self._owns_database:
            return
        self._owns_database = False
        self.database.close()
        if self._discard_new_file:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(self.database.path) + suffix).unlink(missing_ok=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _keep_new_file(self, used: bool) -> None:
        """An import into a file this open created: when every input was rejected, the empty
        file is removed again at close ("nothing written")."""
        if self._created_file:
            self._discard_new_file = not used

    # --- what screens need --------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.database.path

    @property
    def readonly(self) -> bool:
        return self.database.readonly

    def data_version(self) -> int:
        """Changes when another connection (a worker, another window or process) commits:
        screens compare it to know when to refresh."""
        return self.database.data_version()


__all__ = ["SessionOps", "Notify"]
