"""Help for people: the bundled guide (docs/guide, in the reader's language) and the printed
one-page keyboard quick reference (reports/quick_reference.py). No database needed."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from kanwa_review.services.output_files import writing

GUIDE_START = "index.html"


class HelpOps:
    """Mixin of `Services` (static: the app's Help menu needs no open database)."""

    @staticmethod
    def guide_page(language: str | None = None, page: str = GUIDE_START) -> Path:
        """The bundled guide's page in `language` (default: the process's), the Japanese one
        where that language has none. FileNotFoundError names what is missing."""
        from kanwa_review.core import i18n
        from kanwa_review.core.resources import guide_path

        lang = language or i18n.language()
        candidates = [] if lang == i18n.SOURCE_LANGUAGE else [guide_path(lang, page)]
        candidates.append(guide_path(None, page))
        for path in candidates:
            if path.is_file():
                return path
        raise FileNotFoundError(2, "guide page missing (reinstall kanwa-review)",
                                str(candidates[-1]))

    @staticmethod
    def quick_reference_available() -> bool:
        """The keyboard table (core/shortcuts.py) the quick reference is made from is here."""
        return importlib.util.find_spec("kanwa_review.core.shortcuts") is not None

    @staticmethod
    def write_quick_reference(out: str | os.PathLike) -> Path:
        """The one-page A4 keyboard quick reference (キー操作の早見表) as a PDF at `out`, in the
        language of the process."""
        from kanwa_review import __version__
        from kanwa_review.reports.quick_reference import write_quick_reference

        with writing(out) as path:
            return write_quick_reference(path, version=__version__)


__all__ = ["HelpOps", "GUIDE_START"]
