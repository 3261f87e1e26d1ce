#!/usr/bin/env python3
"""Keep the translation catalogs in step with the code (docs/translations.md says how to use them).

    scripts/translations                   update every kanwa_review_<lang>.ts from the sources
                                           (pyside6-lupdate), then compile each into its .qm
                                           (pyside6-lrelease)
    scripts/translations --check           change nothing; exit 1 and say what is stale when a .ts
                                           lacks a string of the code (or holds one the code no
                                           longer has), or a .qm does not match its .ts
    scripts/translations --drop-obsolete   also remove the entries the code no longer uses

lupdate reads every Python module of kanwa_review/: the widgets' `self.tr("…")`,
`QCoreApplication.translate("Context", "…")` and the Qt-free `translate("context", "…")` of
core.i18n. Existing translations are kept; a string that left the code is kept as "obsolete"
(its translation may serve again) until --drop-obsolete. The .ts files carry no source locations
(`-locations none`) and their messages are sorted, so a .ts changes only when a string does, and
two branches that add strings produce the same file whatever order they are merged in.

The .qm files are committed beside the .ts (the editable install, the wheel and the bundle then
all find them as package data, and no build step needs Qt's tools); tests/test_translations.py
fails when either is stale, so `scripts/translations` is run before committing a changed string.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kanwa_review"
TRANSLATIONS = PACKAGE / "translations"
SOURCE_LANGUAGE = "ja"


def target_languages() -> list[str]:
    """Every language of the app but the source one (core.i18n.LANGUAGES): one catalog each."""
    sys.path.insert(0, str(ROOT))
    from kanwa_review.core.i18n import LANGUAGES, SOURCE_LANGUAGE as source
    assert source == SOURCE_LANGUAGE
    return [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def ts_path(code: str) -> Path:
    return TRANSLATIONS / f"kanwa_review_{code}.ts"


def qm_path(code: str) -> Path:
    return TRANSLATIONS / f"kanwa_review_{code}.qm"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: where this Python installs its commands (the project's
    venv; its Scripts folder on Windows), else on PATH."""
    here = os.pathsep.join([sysconfig.get_path("scripts"), str(Path(sys.executable).parent)])
    found = shutil.which(name, path=here) or shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: it comes with PySide6; run this with the project's "
                 f"Python (.venv/bin/python scripts/translations.py) or install PySide6")
    return found


def _run(args: list[str]) -> None:
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")


def lupdate(ts: Path, code: str, *, drop_obsolete: bool = False) -> None:
    """Merge the strings of the code into `ts` (created when missing)."""
    args = [tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-locations", "none",
            "-sort-messages", "-source-language", SOURCE_LANGUAGE, "-target-language", code]
    if drop_obsolete:
        args.append("-no-obsolete")
    _run(args + [os.path.relpath(PACKAGE, ROOT), "-ts", str(ts)])


def lrelease(ts: Path, qm: Path) -> None:
    """Compile `ts`; unfinished entries (new, or guessed by lupdate from a similar string) are
    left out, so the Japanese source shows until a translator has finished them — as in
    core.i18n, which reads the .ts the same way."""
    _run([tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)])


# --- reading a catalog ----------------------------------------------------------------------

@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str           # the disambiguation: the third argument of tr()/translate()
    translation: str
    state: str             # "" finished, "unfinished", "obsolete" or "vanished"

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment

    @property
    def active(self) -> bool:
        return self.state not in ("obsolete", "vanished")

    @property
    def finished(self) -> bool:
        return self.state == "" and bool(self.translation)


def read_ts(path: Path) -> list[Message]:
    from defusedxml import ElementTree

    root = ElementTree.fromstring(path.read_bytes())
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            out.append(Message(
                context=name, source=msg.findtext("source") or "",
                comment=msg.findtext("comment") or "",
                translation="" if tr is None else "".join(tr.itertext()),
                state="" if tr is None else tr.get("type", "")))
    return out


# --- what is stale --------------------------------------------------------------------------

def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def stale_ts(code: str, path: Path | None = None) -> list[str]:
    """The difference between the strings of the code and the active entries of the .ts
    (`path`: another copy of it, for the tests)."""
    path = path or ts_path(code)
    if not path.is_file():
        return [f"{_shown(path)} is missing: run scripts/translations"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / path.name
        shutil.copyfile(path, fresh)
        lupdate(fresh, code)
        wanted = {m.key for m in read_ts(fresh) if m.active}
    held = {m.key for m in read_ts(path) if m.active}
    name = _shown(path)
    return ([f"{name}: not yet extracted: [{c}] {s!r}" for c, s, _ in sorted(wanted - held)]
            + [f"{name}: no longer in the code: [{c}] {s!r}" for c, s, _ in sorted(held - wanted)])


def stale_qm(code: str, ts: Path | None = None, qm: Path | None = None) -> list[str]:
    """Every entry of the .ts read back through QTranslator from the .qm: a finished one gives
    its translation, any other none. (Compared by content, not bytes, so a newer lrelease that
    lays the file out differently does not count as stale.)"""
    from PySide6.QtCore import QTranslator

    ts, qm = ts or ts_path(code), qm or qm_path(code)
    if not qm.is_file():
        return [f"{_shown(qm)} is missing: run scripts/translations"]
    translator = QTranslator()
    if not translator.load(str(qm)):
        return [f"{_shown(qm)} cannot be read: run scripts/translations"]
    out = []
    for m in read_ts(ts):
        got = translator.translate(m.context, m.source, m.comment or None)
        want = m.translation if m.finished else ""
        if got != want:
            out.append(f"{_shown(qm)}: [{m.context}] {m.source!r} gives {got!r}, "
                       f"the .ts says {want!r}")
    return out


def problems() -> list[str]:
    out = []
    for code in target_languages():
        out += stale_ts(code) + stale_qm(code)
    return out


def update(*, drop_obsolete: bool = False) -> None:
    for code in target_languages():
        lupdate(ts_path(code), code, drop_obsolete=drop_obsolete)
        lrelease(ts_path(code), qm_path(code))
        messages = [m for m in read_ts(ts_path(code)) if m.active]
        done = sum(1 for m in messages if m.finished)
        print(f"{ts_path(code).relative_to(ROOT)}: {done} of {len(messages)} strings translated"
              + (f" ({len(messages) - done} to do)" if done < len(messages) else ""))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="scripts/translations",
                                description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true", help="change nothing; exit 1 when stale")
    p.add_argument("--drop-obsolete", action="store_true",
                   help="remove the entries the code no longer uses")
    args = p.parse_args(argv)
    if args.check:
        found = problems()
        print("\n".join(found) or "translations: up to date")
        if found:
            print("run scripts/translations (docs/translations.md)", file=sys.stderr)
        return 1 if found else 0
    update(drop_obsolete=args.drop_obsolete)
    return 0


if __name__ == "__main__":
    sys.exit(main())
