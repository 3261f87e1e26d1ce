"""Make the guide's HTML pages (what ヘルプ ▸ 使い方ガイド opens in the browser) from its Markdown
(docs/guide/*.md, docs/guide/en/*.md), with Qt's own Markdown reader: no extra dependency.

    .venv/bin/python scripts/build_guide.py            # write every .html beside its .md
    .venv/bin/python scripts/build_guide.py --check    # exit 1 when a page is not current
"""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"

STYLE = """body { font-family: "Yu Gothic UI", "Meiryo", "Hiragino Sans", "Noto Sans CJK JP",
  "IPAexGothic", sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.7;
  color: #222; }
img { max-width: 100%; border: 1px solid #ccc; }
table { border-collapse: collapse; } td, th { border: 1px solid #bbb; padding: .2em .5em; }
nav { font-size: .9em; margin-bottom: 1.5em; } code { background: #f3f3f3; padding: 0 .2em; }"""


def body_html(markdown: str) -> str:
    """Qt's HTML of the Markdown, without its inline styles, links to .md turned to .html."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setMarkdown(markdown)
    text = doc.toHtml()
    text = text[text.index("<body"):text.rindex("</body>")]
    text = text[text.index(">") + 1:]
    # Qt writes emphasis and code as styled spans: back to plain elements
    text = re.sub(r'<span style="[^"]*font-weight:700;[^"]*">(.*?)</span>', r"<b>\1</b>", text,
                  flags=re.S)
    text = re.sub(r'<span style="[^"]*font-style:italic;[^"]*">(.*?)</span>', r"<i>\1</i>",
                  text, flags=re.S)
    text = re.sub(r'<span style="[^"]*font-family:.monospace.;[^"]*">(.*?)</span>',
                  r"<code>\1</code>", text, flags=re.S)
    text = re.sub(r'\s(style|class)="[^"]*"', "", text)
    text = re.sub(r"<span>(.*?)</span>", r"\1", text, flags=re.S)
    text = re.sub(r'href="([\w-]+)\.md"', r'href="\1.html"', text)
    return text.strip() + "\n"


def page(md: Path) -> str:
    source = md.read_text(encoding="utf-8")
    title = next((line[2:].strip() for line in source.splitlines() if line.startswith("# ")),
                 "kanwa-review")
    english = md.parent.name == "en"
    lang = "en" if english else "ja"
    nav = ('<nav><a href="index.html">Contents</a> · <a href="../index.html">日本語</a></nav>'
           if english else
           '<nav><a href="index.html">目次</a> · <a href="en/index.html">English</a></nav>')
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title)} — kanwa-review</title>\n<style>\n{STYLE}\n</style>\n"
            f"</head>\n<body>\n{nav}\n{body_html(source)}</body>\n</html>\n")


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    check = "--check" in argv
    stale = []
    for md in sorted([*GUIDE.glob("*.md"), *(GUIDE / "en").glob("*.md")]):
        target = md.with_suffix(".html")
        text = page(md)
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != text:
            stale.append(target)
            if not check:
                target.write_text(text, encoding="utf-8")
    for target in stale:
        print(f"{'stale' if check else 'wrote'}: {target.relative_to(ROOT)}")
    if check and stale:
        print("run: .venv/bin/python scripts/build_guide.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
