"""Unexpected errors while one input file is handled: the file gets a short reason and the
traceback goes to the error log — a rotating file in the app-data folder
(`paths.logs_dir()`/kanwa-review.log, 1 MiB × 3) — never to the terminal, and never takes the
other files of the batch with it."""

from __future__ import annotations

import logging
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from kanwa_review.core.i18n import translate

LOG_NAME = "kanwa-review.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3

class _QuietHandler(RotatingFileHandler):
    """A log that cannot be written (a full disk) stays silent: logging's own error report
    would print a traceback on stderr."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


_lock = threading.Lock()
_logger = logging.getLogger("kanwa_review.incidents")
_logger.propagate = False      # the root logger would print the traceback on stderr
_handler_for: Path | None = None


def log_file() -> Path:
    from kanwa_review import paths

    return paths.logs_dir() / LOG_NAME


def _ensure_handler() -> Path | None:
    """The log file, with its handler in place; None when it cannot be written (a read-only
    home folder must not turn one file's error into a crash)."""
    global _handler_for
    path = log_file()
    with _lock:
        if _handler_for == path:
            return path
        for old in list(_logger.handlers):
            _logger.removeHandler(old)
            old.close()
        _handler_for = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = _QuietHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                          encoding="utf-8", delay=True)
        except OSError:
            return None
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        _logger.addHandler(handler)
        _logger.setLevel(logging.INFO)
        _handler_for = path
        return path


def log(what: str, subject: str, exc: BaseException) -> str:
    """Write `exc` with its traceback to the error log; where it went (the log file, or a
    note that it could not be written), for the message the user sees."""
    path = _ensure_handler()
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    if path is not None:
        try:
            _logger.error("%s %s: %s", what, subject, text.rstrip())
            for handler in _logger.handlers:
                handler.flush()
        except Exception:  # noqa: BLE001 — logging must never fail the file's result
            path = None
    return str(path) if path is not None else translate("incidents", "（ログに書けませんでした）")


def record(what: str, file: str, exc: BaseException) -> str:
    """Log `exc` for an input `file` that was therefore rejected; the short reason."""
    where = log(what, file, exc)
    return translate("incidents", "{file}: 予期しないエラーのため処理できませんでした（{kind}）。"
                                  "このファイルからは何も登録していません。詳細はエラーログ {log} に"
                                  "記録しました").format(file=file, kind=type(exc).__name__,
                                                        log=where)


def record_left_out(what: str, subject: str, exc: BaseException) -> str:
    """Log `exc` for one `subject` (a facility) left out of an output; the warning."""
    where = log(what, subject, exc)
    return translate("incidents", "{subject}: 予期しないエラーのため{what}に載せられませんでした"
                                  "（{kind}）。ほかの施設は出力しました。詳細はエラーログ {log} に"
                                  "記録しました").format(subject=subject, what=what,
                                                        kind=type(exc).__name__, log=where)


__all__ = ["LOG_NAME", "log_file", "log", "record", "record_left_out"]
