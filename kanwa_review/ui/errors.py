"""The one error path of the UI: which errors a person can cause, and how any error is shown."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kanwa_review.core.form import FormError
from kanwa_review.core.review import ReviewStateError
from kanwa_review.services import StoreError

# Errors whose message names the file or item and the fix (design.md): shown as they are.
# AnswerError, ActionStateError and every reader's refusal are ValueErrors; a disk that is
# full or a folder without permission is an OSError.
USER_ERRORS: tuple[type[BaseException], ...] = (
    ValueError, LookupError, OSError, ReviewStateError, FormError, StoreError)

log = logging.getLogger("kanwa_review.ui")


def message_of(exc: BaseException) -> str:
    """The text of an error for a person (a LookupError's str() would add quotes)."""
    if isinstance(exc, LookupError) and exc.args:
        return str(exc.args[0])
    return str(exc) or type(exc).__name__


def error_text(title: str, exc: BaseException, trace: str | None = None) -> str:
    """What the warning says. A user's error is its message; anything else is also logged
    with its traceback (the warning says so), since only a developer can fix it."""
    if isinstance(exc, USER_ERRORS):
        return message_of(exc)
    trace = trace or "".join(traceback.format_exception(exc))
    log.error("%s: unexpected error\n%s", title, trace)
    return QCoreApplication.translate(
        "Errors", "予期しないエラーが発生しました（詳しい記録をログに残しました）。\n{error}"
    ).format(error=message_of(exc))


def warn(parent: QWidget | None, title: str, exc: BaseException,
         trace: str | None = None) -> None:
    """One warning dialog with the message (see `error_text`)."""
    QMessageBox.warning(parent, title, error_text(title, exc, trace))


__all__ = ["USER_ERRORS", "message_of", "error_text", "warn"]
