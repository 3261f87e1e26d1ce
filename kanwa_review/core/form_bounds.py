"""The bounds a form definition must keep (checked on every load of a form file and of a form
carried in a package, on the raw mapping): finite numbers only, a weight, the points of a grade
and every figure within their ranges, a version written as text, text within the text policy.

A form that breaks them could be loaded before and then broke every output made with it:
`.nan` bounds made every review of the form impossible to export, `weight: 1e308` made the
scores NaN, and an unquoted `version: 2026.10` was silently read as "2026.1". Forms stored with
reviews are rebuilt without these checks (core.form.form_from_canonical), so a review filled in
on an older form still opens; the outputs are guarded separately."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kanwa_review.core import bounds, text_policy
from kanwa_review.core.i18n import translate

# key -> (low, high) of the numbers it holds; every other number: finite and within ±10**15
RANGES: dict[str, tuple[float, float]] = {
    "weight": (0, bounds.MAX_WEIGHT),
    "points": (0, bounds.MAX_POINTS),
    "min": (-bounds.MAX_FIGURE, bounds.MAX_FIGURE),
    "max": (-bounds.MAX_FIGURE, bounds.MAX_FIGURE),
    "value": (-bounds.MAX_FIGURE, bounds.MAX_FIGURE),
    "at_least": (-bounds.MAX_FIGURE, bounds.MAX_FIGURE),
    "at_most": (-bounds.MAX_FIGURE, bounds.MAX_FIGURE),
}
ANY_NUMBER = 10 ** bounds.MAX_INT_DIGITS


def problems(data: Any) -> list[tuple[tuple, str]]:
    """(path in the raw form, what is wrong) for every bound the raw form mapping breaks."""
    out: list[tuple[tuple, str]] = []
    if isinstance(data, dict) and "version" in data and not isinstance(data["version"], str):
        out.append((("version",), _version_message(data["version"])))
    out += list(_walk(data, (), None))
    return out


def _version_message(value: Any) -> str:
    return translate("form", "version は文字列で書いてください（{value!r} と読まれました）。"
                             "引用符がないと数値として読まれ、2026.10 は 2026.1 になります。"
                             "引用符で囲んでください（例: version: \"2026.10\"）").format(value=value)


def _walk(node: Any, path: tuple, key: str | None) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(k, str):
                problem = text_policy.problem(k, text_policy.LINE, 200)
                if problem is not None:
                    yield path + (k,), problem
                    continue
            yield from _walk(v, path + (k,), k if isinstance(k, str) else None)
    elif isinstance(node, list):
        for n, v in enumerate(node):
            yield from _walk(v, path + (n,), key)
    elif isinstance(node, str):
        problem = text_policy.problem(node)   # free text: a form's texts may span lines
        if problem is not None:
            yield path, problem
        elif key in RANGES:
            # YAML reads 1e308 (no dot) as text, and the form model turns that text into a
            # number: bound it as the number it becomes
            try:
                number = float(node)
            except ValueError:
                return   # not a number at all: the model check says so with its line
            yield from _walk(number, path, key)
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        low, high = RANGES.get(key, (-ANY_NUMBER, ANY_NUMBER))
        problem = bounds.number_problem(node, low, high)
        if problem is not None:
            yield path, translate("form", "{key}: {problem}").format(key=key or "値",
                                                                     problem=problem)


__all__ = ["RANGES", "problems"]
