"""One language at a time: the Qt-free half of the app's translation system.

Japanese is the source language. Every user-visible string of a layer that runs without Qt
(core, store, services, exchange, reports, the CLI) is written once, in Japanese, as

    translate("context", "{file}: 読み込めません。…").format(file=name)

and Qt's own `pyside6-lupdate` extracts these calls together with the widgets' `self.tr(...)`
into the same Qt Linguist files (`kanwa_review/translations/kanwa_review_<lang>.ts`). The UI
loads the compiled `.qm` through QTranslator; this module reads the `.ts` catalog itself, so a
headless command on a hub's batch machine translates the same way without importing Qt.

The language is chosen once per process: `set_language()` (the app's setting, or the CLI's
`--lang`), else `KANWA_LANG`, else the system locale; Japanese when unsure.
"""

from __future__ import annotations

import locale
import os
import threading

from kanwa_review.core.resources import translation_path

SOURCE_LANGUAGE = "ja"
LANGUAGES = ("ja", "en")

_lock = threading.Lock()
_language: str | None = None
_catalogs: dict[str, dict[tuple[str, str, str], str]] = {}


def normalise(code: str | None) -> str | None:
    """'en_US.UTF-8', 'en-GB', 'EN' -> 'en'; 'ja_JP' -> 'ja'; anything else -> None."""
    if not code:
        return None
    head = code.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return head if head in LANGUAGES else None


def system_language() -> str:
    """The user's language from the environment or the OS locale; Japanese when unsure."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            found = normalise(value)
            return found or SOURCE_LANGUAGE
    try:
        found = normalise(locale.getlocale()[0])
    except ValueError:
        found = None
    return found or SOURCE_LANGUAGE


def default_language() -> str:
    """The language when none is chosen: KANWA_LANG, else the system's."""
    return normalise(os.environ.get("KANWA_LANG")) or system_language()


def set_language(code: str | None) -> str:
    """Fix the language of this process ('ja' / 'en'; None: KANWA_LANG, else the locale)."""
    global _language
    _language = normalise(code) or default_language()
    return _language


def language() -> str:
    if _language is None:
        return set_language(None)
    return _language


def catalog_path(code: str):
    return translation_path(f"kanwa_review_{code}.ts")


def _load_catalog(code: str) -> dict[tuple[str, str, str], str]:
    """(context, source, disambiguation) -> translation, from our own bundled .ts file
    (unfinished entries are left out, so the source shows rather than an empty string)."""
    from defusedxml import ElementTree

    path = catalog_path(code)
    try:
        root = ElementTree.fromstring(path.read_bytes())
    except (OSError, FileNotFoundError):
        return {}
    out: dict[tuple[str, str, str], str] = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            # a plural (numerusform) or length variant (lengthvariant) entry: its first form
            forms = list(tr)
            text = (forms[0].text if forms else tr.text) or ""
            if text:
                out[(name, source, msg.findtext("comment") or "")] = text
    return out


def catalog(code: str) -> dict[tuple[str, str, str], str]:
    with _lock:
        if code not in _catalogs:
            _catalogs[code] = _load_catalog(code)
        return _catalogs[code]


def translation(code: str, context: str, text: str, disambiguation: str | None = None) -> str:
    """`text` in the language `code`, whatever the language of the process — for the rare text
    that must speak another language than the rest (the language menu's note that the app will
    speak English from the next start is written in English). The Japanese source when `code`
    is Japanese or no translation exists; like Qt, an entry with a disambiguation falls back
    to the one without."""
    if code == SOURCE_LANGUAGE:
        return text
    found = catalog(code)
    if disambiguation and (context, text, disambiguation) in found:
        return found[(context, text, disambiguation)]
    return found.get((context, text, ""), text)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The text in the process's language (the Japanese source when no translation exists).

    The signature mirrors QCoreApplication.translate, so `pyside6-lupdate` extracts the calls —
    only those whose context and text are string literals, passed by position (docs/
    translations.md; tests/test_i18n_strings.py checks it)."""
    return translation(language(), context, text, disambiguation)


__all__ = ["translate", "translation", "set_language", "default_language", "language",
           "system_language", "LANGUAGES", "SOURCE_LANGUAGE", "catalog", "catalog_path",
           "normalise"]
