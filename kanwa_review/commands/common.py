"""Helpers shared by the subcommands: checking output paths before any work is done, and
turning the errors a user can cause into a message and exit code 1. The database is opened
through `Services.open`, never here."""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

from kanwa_review.core.i18n import translate
from kanwa_review.services import StoreError, database_problem


def fail(message: str) -> int:
    print(translate("cli", "エラー: {message}").format(message=message), file=sys.stderr)
    return 1


def refuse_every_file(files, message: str, kind: str) -> list:
    """One "rejected" result per input file, all for the same reason (the database could not
    be opened): `--json` still prints a line per file."""
    from kanwa_review.core.imports import REJECTED, ImportResult
    from kanwa_review.core.text_policy import display_name

    return [ImportResult(display_name(str(f)), REJECTED, kind, errors=[message]) for f in files]


def note(text: str) -> None:
    """A remark on stderr that is not an error (e.g. the database was upgraded)."""
    print(translate("cli", "お知らせ: {text}").format(text=text), file=sys.stderr)


def check_output(path: str | os.PathLike, *, suffixes: tuple[str, ...], example: str) -> Path:
    """Refuse, before any work is done, an output path that cannot be written: wrong
    extension, a folder, a folder that does not exist or cannot be written to."""
    out = Path(path).expanduser()
    if out.suffix.lower() not in suffixes:
        raise ValueError(translate(
            "cli", "{file}: 出力ファイル名は {suffixes} で終わる名前にしてください（例: {example}）"
        ).format(file=out, suffixes=" / ".join(suffixes), example=example))
    if out.is_dir():
        raise ValueError(translate(
            "cli", "{file}: フォルダです。保存するファイルの名前を指定してください（例: {example}）"
        ).format(file=out, example=out / example))
    parent = out.parent
    if not parent.is_dir():
        raise ValueError(translate(
            "cli", "{folder}: 保存先のフォルダがありません。作成するか別の場所を選んでください"
        ).format(folder=parent))
    # A real probe rather than os.access: it also catches read-only mounts, network folders
    # that refuse new files, and an administrator account for which os.access always says yes.
    try:
        with tempfile.TemporaryFile(dir=parent, prefix=".kanwa-probe-"):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ValueError(translate(
            "cli", "{folder}: このフォルダには書き込めません（{reason}）。別の場所を選んでください"
        ).format(folder=parent, reason=reason)) from None
    return out


def _os_error_message(exc: OSError, args) -> str:
    """An OSError in plain words, naming the file the user gave rather than a temporary one."""
    name = exc.filename
    output = getattr(args, "output", None)
    # a temporary file beside the output, or in a temporary folder there: name the output
    if output and (name is None or Path(output).expanduser().parent in Path(str(name)).parents):
        name = output
    reason = exc.strerror or type(exc).__name__
    return translate("cli", "{file}: ファイルを読み書きできませんでした（{reason}）。場所・名前・"
                            "空き容量・権限を確認してください。書きかけのファイルは残していません"
                     ).format(file=name or translate("cli", "（ファイル）"), reason=reason)


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
        except sqlite3.Error as exc:  # met while reading: a damaged page, a vanished file
            return fail(str(database_problem(exc, getattr(args, "db", None) or "(database)")))
        except BrokenPipeError:  # output piped into `head`: cli.main ends quietly
            raise
        except OSError as exc:  # disk full, permission denied, a folder where a file should be
            return fail(_os_error_message(exc, args))
    return wrapper
