"""Helpers shared by the subcommands: opening the database and reporting errors."""

from __future__ import annotations

import sys
from contextlib import contextmanager

from kanwa_review.store import StoreError, open_database


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


@contextmanager
def database(path: str, *, create: bool = False, readonly: bool = False):
    """Open `path` for a subcommand; StoreError propagates for `guard` to turn into exit 1."""
    db = open_database(path, create=create, readonly=readonly)
    try:
        yield db
    finally:
        db.close()


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
    return wrapper
