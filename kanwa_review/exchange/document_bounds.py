"""The bounds of core/bounds.py and the text policy of core/text_policy.py applied to a whole
JSON document read from a file, after its JSON Schema: every string, every number, every date
and time, wherever it is (the schema states most of it; this walk is the complete rule, and
the one that also sees lone surrogates, every invisible format character and calendar dates).

Strings that pass are put in Unicode normal form C in place, so what is stored is NFC."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kanwa_review.core import bounds, text_policy
from kanwa_review.core.i18n import translate

# Any number anywhere (an audit entry's old and new values too): far beyond every real value,
# and still exact as a float and in Excel.
MAX_ANY_NUMBER = 10 ** bounds.MAX_INT_DIGITS


@dataclass(frozen=True)
class Rules:
    """Which keys hold what, for one format."""

    free: frozenset[str] = frozenset()         # free text (line breaks allowed)
    timestamps: frozenset[str] = frozenset()   # ISO date and time with offset
    dates: frozenset[str] = frozenset()        # YYYY-MM-DD
    opaque: frozenset[str] = frozenset()       # anything below: only text and number rules


PACKAGE_RULES = Rules(
    free=frozenset({"evidence", "comment", "text", "value", "note", "success_measure",
                    "title"}),
    timestamps=frozenset({"created_at", "updated_at", "finalised_at", "at"}),
    dates=frozenset({"visit_date", "due_date"}),
    opaque=frozenset({"old", "new"}),
)


def _key_problem(key: str) -> str | None:
    return text_policy.problem(key, text_policy.LINE, 200)


def problems(doc: Any, rules: Rules, *, limit: int = 50) -> list[tuple[tuple, str]]:
    """(JSON path, the rule broken) for every value of `doc` outside the bounds, at most
    `limit`; normalises every accepted string to NFC in place."""
    out: list[tuple[tuple, str]] = []
    for path, problem in _walk(doc, (), rules, free=False, opaque=False):
        out.append((path, problem))
        if len(out) >= limit:
            break
    return out


def _walk(node: Any, path: tuple, rules: Rules, *, free: bool, opaque: bool
          ) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, dict):
        for key in list(node):
            if not isinstance(key, str):
                continue   # JSON keys are text; a parsed document has no other
            problem = _key_problem(key)
            if problem is not None:
                yield path + (key,), translate("bounds", "項目名: {problem}").format(
                    problem=problem)
                continue
            value = node[key]
            here = path + (key,)
            if isinstance(value, str):
                problem, fixed = _string(value, key, rules, free=free or key in rules.free,
                                         opaque=opaque)
                if problem is not None:
                    yield here, problem
                elif fixed is not value:
                    node[key] = fixed
            else:
                yield from _walk(value, here, rules, free=free or key in rules.free,
                                 opaque=opaque or key in rules.opaque)
    elif isinstance(node, list):
        for n, value in enumerate(node):
            if isinstance(value, str):
                problem, fixed = _string(value, None, rules, free=free, opaque=opaque)
                if problem is not None:
                    yield path + (n,), problem
                elif fixed is not value:
                    node[n] = fixed
            else:
                yield from _walk(value, path + (n,), rules, free=free, opaque=opaque)
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        problem = bounds.number_problem(node, -MAX_ANY_NUMBER, MAX_ANY_NUMBER)
        if problem is not None:
            yield path, problem


def _string(value: str, key: str | None, rules: Rules, *, free: bool, opaque: bool
            ) -> tuple[str | None, str]:
    """(problem, the value in NFC)."""
    kind = text_policy.FREE if free or opaque else text_policy.LINE
    problem = text_policy.problem(value, kind)
    if problem is not None:
        return problem, value
    if not opaque and key is not None:
        if key in rules.timestamps:
            problem = bounds.timestamp_problem(value)
        elif key in rules.dates:
            problem = bounds.date_problem(value)
        if problem is not None:
            return problem, value
    return None, text_policy.normal(value)


__all__ = ["Rules", "PACKAGE_RULES", "MAX_ANY_NUMBER", "problems"]
