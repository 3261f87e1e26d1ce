"""The bounds of core/bounds.py and the text policy of core/text_policy.py applied to a whole
JSON document read from a file, after its JSON Schema: every string, every number, every date
and time, wherever it is (the schema states most of it; this walk is the complete rule, and
the one that also sees lone surrogates, every invisible format character and calendar dates).

Strings that pass are put in Unicode normal form C in place, so what is stored is NFC."""

from __future__ import annotations

import unicodedata
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
                    "title", "overall_comment", "visit_overview"}),
    timestamps=frozenset({"created_at", "updated_at", "finalised_at", "at"}),
    dates=frozenset({"visit_date", "due_date", "plan_due", "follow_up"}),
    opaque=frozenset({"old", "new"}),
)


_known_keys: set[str] = set()      # keys already found within the policy (JSON keys repeat)


def _key_problem(key: str) -> str | None:
    if key in _known_keys:
        return None
    problem = text_policy.problem(key, text_policy.LINE, 200)
    if problem is None and len(_known_keys) < 10_000:
        _known_keys.add(key)
    return problem


def plain_json(text: str) -> bool:
    """Whether the JSON text holds only characters no text rule refuses, no escape (a \\u001b
    would decode to one) and is in NFC: then every string parsed from it is within the text
    policy as it is, and the walk checks only numbers, dates and times."""
    return "\\" not in text and text_policy.plain(text, text_policy.FREE) \
        and unicodedata.is_normalized("NFC", text)


def problems(doc: Any, rules: Rules, *, limit: int = 50, text_checked: bool = False
             ) -> list[tuple[tuple, str]]:
    """(JSON path, the rule broken) for every value of `doc` outside the bounds, at most
    `limit`; normalises every accepted string to NFC in place. `text_checked`: the document
    came from `plain_json` text, so its strings need no character check."""
    out: list[tuple[tuple, str]] = []
    walk = _walk_plain if text_checked else _walk
    for path, problem in walk(doc, (), rules, free=False, opaque=False):
        out.append((path, problem))
        if len(out) >= limit:
            break
    return out


def _walk(node: Any, path: tuple, rules: Rules, *, free: bool, opaque: bool
          ) -> Iterator[tuple[tuple, str]]:
    """Depth first; a container's strings are checked in its own loop (one call per
    container, not per value: a review holds tens of thousands of values)."""
    if isinstance(node, dict):
        items = [(k, node[k]) for k in node]
        keyed = True
    elif isinstance(node, list):
        items = list(enumerate(node))
        keyed = False
    else:
        if isinstance(node, (int, float)) and not isinstance(node, bool):
            problem = bounds.number_problem(node, -MAX_ANY_NUMBER, MAX_ANY_NUMBER)
            if problem is not None:
                yield path, problem
        return
    for key, value in items:
        here = path + (key,)
        if keyed:
            if not isinstance(key, str):
                continue   # JSON keys are text; a parsed document has no other
            problem = _key_problem(key)
            if problem is not None:
                yield here, translate("bounds", "項目名: {problem}").format(problem=problem)
                continue
        name = key if keyed else None
        if isinstance(value, str):
            problem, fixed = _string(value, name, rules,
                                     free=free or (keyed and key in rules.free), opaque=opaque)
            if problem is not None:
                yield here, problem
            elif fixed is not value:
                node[key] = fixed
        elif value is not None and not isinstance(value, bool):
            yield from _walk(value, here, rules, free=free or (keyed and key in rules.free),
                             opaque=opaque or (keyed and key in rules.opaque))


def _walk_plain(node: Any, path: tuple, rules: Rules, *, free: bool, opaque: bool
                ) -> Iterator[tuple[tuple, str]]:
    """_walk for a document whose text is known to be within the policy: numbers, dates and
    times only."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str):
                if opaque:
                    continue
                if key in rules.timestamps:
                    problem = bounds.timestamp_problem(value)
                elif key in rules.dates:
                    problem = bounds.date_problem(value)
                else:
                    continue
                if problem is not None:
                    yield path + (key,), problem
            elif value is not None and not isinstance(value, bool):
                yield from _walk_plain(value, path + (key,), rules, free=free,
                                       opaque=opaque or key in rules.opaque)
    elif isinstance(node, list):
        for n, value in enumerate(node):
            if not isinstance(value, (str, bool)) and value is not None:
                yield from _walk_plain(value, path + (n,), rules, free=free, opaque=opaque)
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
    fixed = text_policy.normal(value)
    return None, (value if fixed == value else fixed)


__all__ = ["Rules", "PACKAGE_RULES", "MAX_ANY_NUMBER", "problems"]
