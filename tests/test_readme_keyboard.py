"""The README's keyboard and menu tables are the text of the one table of commands
(core/shortcuts.py), so the documentation cannot drift from the menus (issue 15, item 12)."""

from __future__ import annotations

from pathlib import Path

from kanwa_review.core import shortcuts as K

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_shows_the_tables_as_the_app_makes_them():
    text = README.read_text(encoding="utf-8")
    assert K.markdown_table() in text and K.menus_markdown() in text
