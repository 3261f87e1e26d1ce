"""Opening a kanwa-review database safely: checks, pragmas, migrations and transactions.

Every problem a user can cause (missing folder, read-only or locked file, a file from a newer
app, a file that is not ours) becomes a StoreError that names the file and says what to do.
Nothing is written to a file until it has been recognised as ours (or is new and empty).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from kanwa_review.core.i18n import translate
from kanwa_review.store import migrations, schema

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """A database problem explained for the user (file, what happened, what to do)."""


class _Connection(sqlite3.Connection):
    """A connection whose `with conn:` blocks join an enclosing app transaction.

    sqlite-utils wraps each write in `with db.conn:`, which would COMMIT half-way through one
    user action. While `Database.transaction()` is open, those blocks do nothing and the outer
    transaction alone commits or rolls back. It stays for as long as sqlite-utils writes that
    way: the migrations (create, add_column, create_index) and the repositories' insert,
    insert_all and update all run inside one transaction per user action or per file."""

    tx_depth = 0

    def __enter__(self):
        if self.tx_depth:
            return self
        return super().__enter__()

    def __exit__(self, exc_type, exc, tb):
        if self.tx_depth:
            return False
        return super().__exit__(exc_type, exc, tb)


def _translate(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(translate(
            "store", "{path}: 他のプログラム（別の kanwa-review の画面や同期ソフトなど）がデータベースを"
                     "使用中です。閉じてからやり直してください").format(path=path))
    if "readonly" in text or "read-only" in text:
        return StoreError(translate(
            "store", "{path}: データベースが読み取り専用です。ファイルの権限を確かめるか、書き込める"
                     "フォルダにコピーしてそのコピーを開いてください").format(path=path))
    if "disk I/O" in text or "full" in text:
        return StoreError(translate(
            "store", "{path}: ディスクに書き込めませんでした（{text}）。空き容量を作るか別のドライブを"
                     "使ってください。この操作は保存されていません").format(path=path, text=text))
    if "not a database" in text:
        return StoreError(translate(
            "store", "{path}: kanwa-review のデータベースではないか、ファイルが壊れています（{text}）。"
                     "バックアップから戻してください").format(path=path, text=text))
    if "malformed" in text or type(exc) is sqlite3.DatabaseError:
        return StoreError(translate(
            "store", "{path}: データベースファイルが壊れています（{text}）。このファイルには書き込まず、"
                     "まず控えを取ってください: kanwa-review backup --db {path} -o 控え.sqlite 。"
                     "そのうえで自動バックアップ（アプリのヘルプ ▸ データの保存場所）から戻すか、"
                     "sqlite3 のコマンドで復旧を試してください: sqlite3 {path} \".recover\" | "
                     "sqlite3 復旧.sqlite").format(path=path, text=text))
    if "unable to open" in text:
        return StoreError(translate(
            "store", "{path}: データベースを開けません（{text}）。ファイルとフォルダの権限を確かめる"
                     "か、書き込める場所にコピーして開いてください").format(path=path, text=text))
    return StoreError(translate("store", "{path}: データベースのエラー: {text}").format(
        path=path, text=text))


def explain(exc: sqlite3.Error, path: str | Path) -> StoreError:
    """A StoreError that says what a raw SQLite error means for the user, and what to do (a
    damaged file: keep a copy, restore a backup or `.recover`)."""
    return _translate(exc, Path(path))


class Database:
    """One open kanwa-review file. `db` is the sqlite-utils handle over the same connection."""

    def __init__(self, conn: _Connection, path: Path, readonly: bool):
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.wrote = False       # a transaction committed (see close)
        self.db = sqlite_utils.Database(conn)

    # --- transactions -----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One user action = one transaction. Nested calls join the outer one."""
        if self.readonly:
            raise StoreError(translate(
                "store", "{path}: 読み取り専用で開いているため、書き込みが必要なこの操作はできません"
            ).format(path=self.path))
        conn = self.conn
        if conn.tx_depth:
            conn.tx_depth += 1
            try:
                yield self.db
            finally:
                conn.tx_depth -= 1
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from None
        conn.tx_depth = 1
        try:
            yield self.db
        except BaseException as exc:
            conn.tx_depth = 0
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise _translate(exc, self.path) from None
            raise
        conn.tx_depth = 0
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _translate(exc, self.path) from None
        self.wrote = True

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise _translate(exc, self.path) from None

    def data_version(self) -> int:
        """Changes when another connection commits (SQLite's PRAGMA data_version)."""
        try:
            return self.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from None

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        try:
            # only after a write: optimize may write statistics (sqlite_stat1), and a session
            # that changed nothing (a rejected import, a listing) must leave the file as it was
            if not self.readonly and self.wrote:
                self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _on_readonly_medium(path: Path) -> bool:
    """The file's folder is on a read-only file system (a CD, a write-protected USB stick, a
    read-only mount): SQLite cannot make the -shm file a WAL database needs even to be read."""
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):   # no statvfs (Windows): try the folder
        return not os.access(path.parent, os.W_OK)


def _connect_readonly(path: Path) -> _Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, factory=_Connection, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA user_version").fetchone()   # opening is lazy: make it happen
        return conn
    except sqlite3.OperationalError:
        if not _on_readonly_medium(path):
            raise
    # On read-only media nobody can change the file, so SQLite may read it as immutable —
    # unless changes still wait in a -wal file beside it, which immutable mode would not see.
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size:
        raise StoreError(translate(
            "store", "{path}: 読み取り専用の場所にあり、まだ反映されていない変更（{wal}）があるため"
                     "開けません。フォルダごと書き込める場所にコピーしてから開いてください").format(
            path=path, wal=wal.name))
    return sqlite3.connect(uri + "&immutable=1", uri=True, factory=_Connection,
                           isolation_level=None, check_same_thread=False)


def _connect(path: Path, readonly: bool) -> _Connection:
    if readonly:
        conn = _connect_readonly(path)
    else:
        conn = sqlite3.connect(str(path), factory=_Connection, isolation_level=None,
                               check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _check_path(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(translate(
            "store", "{path}: フォルダです。データベースファイルのパス（例: reviews.sqlite）を"
                     "指定してください").format(path=path))
    if not path.exists():
        if not create:
            raise StoreError(translate(
                "store", "{path}: データベースがありません。パスを確かめるか、"
                         "`kanwa-review demo --db PATH` で作ってください").format(path=path))
        if not path.parent.is_dir():
            raise StoreError(translate(
                "store", "{folder}: フォルダがありません。先に作るか、別の --db を指定してください"
            ).format(folder=path.parent))
        if not os.access(path.parent, os.W_OK):
            raise StoreError(translate(
                "store", "{folder}: フォルダに書き込めないため {name} を作成できません。別の --db を"
                         "指定してください").format(folder=path.parent, name=path.name))
    elif not path.is_file():   # stat only: opening a FIFO would block for ever
        raise StoreError(translate(
            "store", "{path}: 通常のファイルではありません（名前付きパイプや装置など）。"
                     "データベースファイルを指定してください").format(path=path))


def _recognise(conn: _Connection, path: Path) -> int:
    """Return the schema version of a file we may use, or raise StoreError (writes nothing)."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise _translate(exc, path) from None
    if app_id != schema.APPLICATION_ID and (tables or version):
        raise StoreError(translate(
            "store", "{path}: kanwa-review のデータベースではない SQLite ファイルです。"
                     "kanwa-review のデータベースか新しいファイル名を選んでください").format(path=path))
    if version > migrations.LATEST:
        raise StoreError(translate(
            "store", "{path}: 新しい版の kanwa-review で作られたデータベースです（データベースの形式 "
                     "{version}、このアプリが読めるのは {latest} まで）。開くにはアプリを更新して"
                     "ください（ファイルは変更していません）").format(
                         path=path, version=version, latest=migrations.LATEST))
    return version


def migrate(database: Database, target: int | None = None) -> None:
    """Bring the file to `target` (default: latest), each step in its own transaction."""
    target = migrations.LATEST if target is None else target
    conn = database.conn
    version = database.schema_version()
    for number in range(version + 1, target + 1):
        with database.transaction() as db:
            migrations.MIGRATIONS[number - 1](db)
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {number}")


def open_database(path: str | Path, *, create: bool = True, readonly: bool = False,
                  migrate_to: int | None = None) -> Database:
    """Open (and if needed create and migrate) a database file.

    `readonly` opens without writing anything (for list/report/export on a file that may be
    read-only); a file that would need migrating is then refused with advice."""
    path = Path(path).expanduser()
    _check_path(path, create and not readonly)
    if not readonly and path.exists() and _on_readonly_medium(path):
        raise _translate(sqlite3.OperationalError("readonly"), path)
    try:
        conn = _connect(path, readonly)
    except sqlite3.Error as exc:
        raise _translate(exc, path) from None
    try:
        version = _recognise(conn, path)
        database = Database(conn, path, readonly)
        target = migrations.LATEST if migrate_to is None else migrate_to
        if readonly:
            if version < target:
                raise StoreError(translate(
                    "store", "{path}: 形式の更新（{version} → {target}）が必要ですが読み取り専用で"
                             "開かれました。一度書き込み可能で開いてください").format(
                                 path=path, version=version, target=target))
            return database
        if path.exists() and not os.access(path, os.W_OK):
            raise _translate(sqlite3.OperationalError("readonly"), path)
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit survives a pulled plug, not only an app crash.
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(database, target)
        except sqlite3.Error as exc:
            raise _translate(exc, path) from None
        return database
    except BaseException:
        conn.close()
        raise
