"""Helpers shared by the subcommands: opening the database, checking output paths and
reporting errors."""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from kanwa_review.store import StoreError, open_database


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


@contextmanager
def database(path: str, *, create: bool = False, readonly: bool = False,
             any_schema: bool = False):
    """Open `path` for a subcommand; StoreError propagates for `guard` to turn into exit 1.

    `any_schema` opens read-only whatever the (known) schema version, for `backup`: a hub
    backs its file up before the first run of a new app version. A read-only command on a
    file of an older schema upgrades it first, as opening it in the app would."""
    if any_schema:
        db = open_database(path, create=False, readonly=True, migrate_to=0)
    elif readonly:
        db = _open_readonly_upgrading(path)
    else:
        db = open_database(path, create=create, readonly=readonly)
    try:
        yield db
    finally:
        db.close()


def _open_readonly_upgrading(path: str):
    from kanwa_review.store import migrations

    probe = open_database(path, create=False, readonly=True, migrate_to=0)
    version = probe.schema_version()
    if version >= migrations.LATEST:
        return probe
    # After an app update the hub's file has an older schema. Without this, `list`, `report`,
    # `excel` and `export` would refuse it until some write command happened to run.
    from kanwa_review import paths
    from kanwa_review.store.backup import rotate_backup

    try:
        saved = rotate_backup(probe, paths.backups_dir())
    finally:
        probe.close()
    open_database(path, create=False).close()   # migrates, each step in its own transaction
    print(f"note: {path}: データベースを新しい形式に更新しました（schema {version} → "
          f"{migrations.LATEST}）。更新前のバックアップ: {saved} / the database was upgraded to the "
          f"current schema; a copy of the file before the upgrade: {saved}", file=sys.stderr)
    return open_database(path, create=False, readonly=True)


class NewDatabase:
    """Remembers whether an import created its database file, so a run in which every input
    was rejected can remove the empty file again ("nothing written")."""

    def __init__(self, path: str):
        self.path = Path(path)
        self.existed = self.path.exists()

    def discard_if_unused(self, used: bool) -> None:
        if self.existed or used:
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)


def check_output(path: str | os.PathLike, *, suffixes: tuple[str, ...], example: str) -> Path:
    """Refuse, before any work is done, an output path that cannot be written: wrong
    extension, a folder, a folder that does not exist or cannot be written to."""
    out = Path(path).expanduser()
    if out.suffix.lower() not in suffixes:
        wanted = " / ".join(suffixes)
        raise ValueError(f"{out}: 出力ファイル名は {wanted} で終わる名前にしてください（例: {example}） / "
                         f"the output file name must end in {wanted} (e.g. {example})")
    if out.is_dir():
        raise ValueError(f"{out}: フォルダです。保存するファイルの名前を指定してください（例: "
                         f"{out / example}） / this is a folder; give a file name such as "
                         f"{out / example}")
    parent = out.parent
    if not parent.is_dir():
        raise ValueError(f"{parent}: 保存先のフォルダがありません。作成するか別の場所を選んでください / "
                         "the folder does not exist; create it or choose another place")
    # A real probe rather than os.access: it also catches read-only mounts, network folders
    # that refuse new files, and an administrator account for which os.access always says yes.
    try:
        with tempfile.TemporaryFile(dir=parent, prefix=".kanwa-probe-"):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ValueError(f"{parent}: このフォルダには書き込めません（{reason}）。別の場所を選んでください / "
                         f"this folder is not writable ({reason}); choose another place") from None
    return out


def _os_error_message(exc: OSError, args) -> str:
    """An OSError in plain words, naming the file the user gave rather than a temporary one."""
    name = exc.filename
    output = getattr(args, "output", None)
    if output and (name is None or Path(str(name)).parent == Path(output).expanduser().parent):
        name = output
    reason = exc.strerror or type(exc).__name__
    return (f"{name or '(file)'}: ファイルを読み書きできませんでした（{reason}）。場所・名前・空き容量・"
            "権限を確認してください。書きかけのファイルは残していません / could not read or write the "
            f"file ({reason}); check the place, the name, free space and permissions. Nothing "
            "half-written was left behind.")


def guard(func):
    """Turn the errors a user can cause into a message and exit code 1."""
    import functools

    from kanwa_review.core.form import FormError
    from kanwa_review.core.review import AnswerError, ReviewStateError

    @functools.wraps(func)
    def wrapper(args) -> int:
        try:
            return func(args)
        except (StoreError, FormError, ReviewStateError, AnswerError, LookupError,
                ValueError) as exc:
            text = exc.args[0] if isinstance(exc, LookupError) and exc.args else str(exc)
            return fail(text)
        except BrokenPipeError:  # output piped into `head`: cli.main ends quietly
            raise
        except OSError as exc:  # disk full, permission denied, a folder where a file should be
            return fail(_os_error_message(exc, args))
    return wrapper
