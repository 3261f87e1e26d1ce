"""Helpers for the core tests: answers by code, small forms built in code, hypothesis settings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from kanwa_review.core.form import Form
from kanwa_review.core.review import Answer

# Properties run with no deadline (the mutation run slows every call down) and, under mutmut,
# derandomized, so a mutant is killed or not the same way on every run.
PROPERTY = settings(max_examples=60, deadline=None, database=None,
                    derandomize="MUTANT_UNDER_TEST" in os.environ,
                    suppress_health_check=[HealthCheck.too_slow])

ABCD = {
    "id": "abcd",
    "options": [
        {"code": "A", "label": {"ja": "十分", "en": "Fully"}, "points": 3},
        {"code": "B", "label": {"ja": "概ね", "en": "Mostly"}, "points": 2},
        {"code": "C", "label": {"ja": "一部", "en": "Partly"}, "points": 1},
        {"code": "D", "label": {"ja": "不十分", "en": "Not"}, "points": 0},
        {"code": "NA", "label": {"ja": "該当なし", "en": "N/A"}, "points": None},
    ],
    "comment_required": ["C", "D"],
}


def answers(*items: Answer) -> dict[str, Answer]:
    return {a.item_code: a for a in items}


def item(code: str, type_: str = "rating", **kw: Any) -> dict[str, Any]:
    """One item of a form built in code (the keys of the YAML form format)."""
    base: dict[str, Any] = {"code": code, "type": type_,
                            "text": {"ja": kw.pop("ja", f"項目{code}"), "en": f"Item {code}"},
                            "traces_to": ["test"]}
    if type_ == "rating":
        base["scale"] = "abcd"
    return {**base, **kw}


def make_form(*sections: tuple[str, list[dict[str, Any]]], form_id: str = "core-test",
              rules: list[dict[str, Any]] | None = None,
              scales: list[dict[str, Any]] | None = None) -> Form:
    """A form from (section code, items) pairs; section titles are "節A", "節B" … Built by the
    models alone, as a form stored with a review is: the loader's cross checks do not run."""
    return Form.model_validate({
        "format": "kanwa-form/1", "id": form_id, "version": "1",
        "title": {"ja": "テスト", "en": "Test"}, "scales": scales or [ABCD],
        "sections": [{"code": code, "title": {"ja": f"節{code}", "en": f"Section {code}"},
                      "items": items} for code, items in sections],
        **({"rules": rules} if rules is not None else {}),
    })


def rule(id_: str, when: dict[str, Any], then: dict[str, Any], ja: str = "確認してください",
         en: str = "Check") -> dict[str, Any]:
    """One consistency rule of a form built in code."""
    return {"id": id_, "when": when, "then": then, "message": {"ja": ja, "en": en}}


# --- form files: the mini test form, the form shipped before 2026.2, anchors ---------------

FORMS = Path(__file__).parent / "data" / "forms"
MINI = (FORMS / "mini.yaml").read_text(encoding="utf-8")
OLD = FORMS / "palliative-care-peer-review-2026.1.yaml"
# The identities of forms already stored in databases and packages: a change to the format
# must never change them (canonical JSON leaves out keys a form does not use).
OLD_SHA256 = "d1bfe6c45e8cb68d6f9987068729cc241596f8a8e067557513a31640e9258a5b"
MINI_SHA256 = "5d5ffd1b36cd6c7eeb08d9cbb7ff58f8d09eeddb124411a740cae55232ebf4d4"

ANCHORS = """        anchors:
          A: {ja: 十分, en: Full}
          B: {ja: 概ね, en: Mostly}
          C: {ja: 一部, en: Partly}
          D: {ja: なし, en: None}
"""


def anchored(text: str = MINI) -> str:
    """mini.yaml with A–D anchors on each of its rating items (A-1, A-2, B-4)."""
    for code in ("A-1", "A-2", "B-4"):
        head = f"      - code: {code}\n        type: rating\n"
        text = text.replace(head, head + ANCHORS)
    return text


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the first line of `text` containing `needle`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# --- every message, in its translation context ------------------------------------------------

class _TaggingCatalog:
    """A catalog that "translates" every text to itself marked with its context: ⟦ctx⟧text."""

    def get(self, key, default=None):
        context, text = key[0], key[1]
        return f"⟦{context}⟧{text}"

    # an entry with a disambiguation ("・", "list separator") shows it too: ⟦ctx|comment⟧text
    def __contains__(self, key):
        return bool(key[2])

    def __getitem__(self, key):
        return f"⟦{key[0]}|{key[2]}⟧{key[1]}"


def tag_translations(monkeypatch) -> None:
    """Every translate() call returns ⟦context⟧source: a test then sees the context and the
    exact text of each message (a message in the wrong context would not be translated)."""
    from kanwa_review.core import i18n

    monkeypatch.setattr(i18n, "_language", "en")
    monkeypatch.setattr(i18n, "catalog", lambda code: _TaggingCatalog())


GOLDEN = Path(__file__).parent / "data" / "golden"


def check_golden(name: str, lines: list[str]) -> None:
    """Compare `lines` with tests/data/golden/NAME (KANWA_UPDATE_GOLDEN=1 rewrites it). The
    file lists every message of a module for the scenarios of its test, so a change to any
    wording, argument or translation context shows as a diff to review."""
    path = GOLDEN / name
    text = "\n".join(lines) + "\n"
    if os.environ.get("KANWA_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        import difflib

        diff = "\n".join(difflib.unified_diff(expected.splitlines(), text.splitlines(),
                                              "expected", "got", lineterm="", n=1))
        raise AssertionError(f"{path.name} differs (KANWA_UPDATE_GOLDEN=1 to accept):\n{diff}")
