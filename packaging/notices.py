"""Write THIRD-PARTY-NOTICES.txt from the metadata of the installed packages the app runs on.

    python packaging/notices.py                    # rewrites the committed copy at the top
    python packaging/notices.py -o build/THIRD-PARTY-NOTICES.txt

The PyInstaller spec runs this at every build, so the bundle carries the notices of exactly the
versions it was built from; the committed copy is for readers of the source tree. Components:
the runtime dependencies of kanwa-review (the closure of its requirements, test extras left out),
the Python runtime, the PyInstaller bootloader (when building) and the IPAexGothic font. For
each: name, version, licence (the SPDX expression, else the licence field or classifiers) and
every licence file the distribution ships; Qt for Python ships none, so the LGPLv3 and GPLv3
texts are added from packaging/licenses/.
"""

from __future__ import annotations

import argparse
import platform
import re
import struct
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from kanwa_review import __version__  # noqa: E402
from kanwa_review.notices import NOTICES_FILE, RULE, SEPARATOR  # noqa: E402

APP = "kanwa-review"
FONT = ROOT / "resources" / "fonts" / "ipaexg.ttf"
FONT_LICENCE = ROOT / "resources" / "fonts" / "IPA_Font_License_Agreement_v1.0.txt"
LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT|AUTHORS)", re.IGNORECASE)
# Distributions that ship no licence file of their own, and the texts their licence names.
EXTRA_TEXTS = {
    "pyside6-essentials": ["LGPL-3.0.txt", "GPL-3.0.txt"],
    "shiboken6": ["LGPL-3.0.txt", "GPL-3.0.txt"],
}
QT_NOTE = """\
Qt for Python (PySide6, shiboken6) and the Qt libraries it carries are used under the GNU
Lesser General Public License v3 (LGPL-3.0-only). They are shipped as separate shared libraries
in the application's folder, unmodified, so they can be replaced by a user's own build of the
same Qt version. Sources: https://download.qt.io/official_releases/QtForPython/ and
https://download.qt.io/official_releases/qt/ . Qt contains third-party components under their
own licences, listed in Qt's documentation ("Licenses Used in Qt").
The LGPLv3 is a set of additional permissions on top of the GPLv3; both texts follow."""


def runtime_distributions(root: str = APP) -> list[metadata.Distribution]:
    """`root` and everything it needs at run time (requirement markers evaluated here, no
    extras), each once, sorted by name; `root` itself left out."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [(root, frozenset())]
    while todo:
        name, extras = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = canonicalize_name(dist.metadata["Name"])
        if key in seen and not extras:
            continue
        seen[key] = dist
        for text in dist.requires or []:
            req = Requirement(text)
            envs = [{"extra": e} for e in extras] or [{"extra": ""}]
            if req.marker is None or any(req.marker.evaluate(env) for env in envs):
                todo.append((req.name, frozenset(req.extras)))
    seen.pop(canonicalize_name(root), None)
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def bundled_distributions(entries) -> set[str]:
    """The distributions a PyInstaller build holds, from its module names ("pydantic.fields")
    and file destinations ("PySide6/Qt/lib/libQt6Core.so.6"): canonical names."""
    owners = metadata.packages_distributions()
    out = set()
    for entry in entries:
        top = re.split(r"[./\\]", entry, maxsplit=1)[0]
        for name in owners.get(top, []):
            out.add(canonicalize_name(name))
    return out


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 120 and field.upper() != "UNKNOWN":
        return field
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    if field:
        return field.splitlines()[0][:120]
    return "(not stated; see the project's home page)"


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of every licence file the distribution ships in its metadata."""
    out = []
    for f in dist.files or []:
        parts = f.parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        if not (LICENCE_NAME.search(f.name) or "licenses" in parts[1:-1] or "licences" in parts):
            continue
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if text and text.strip():
            out.append(("/".join(parts[1:]), text))
    if not out:
        field = dist.metadata.get("License") or ""
        if "\n" in field.strip() or len(field) > 120:  # the whole text in the licence field
            out.append(("License field", field))
    for name in EXTRA_TEXTS.get(canonicalize_name(dist.metadata["Name"]), []):
        out.append((name, (HERE / "licenses" / name).read_text(encoding="utf-8")))
    return out


def home_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return meta["Home-page"]
    for url in meta.get_all("Project-URL") or []:
        label, _, link = url.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "source code"):
            return link.strip()
    return ""


def font_version(path: Path = FONT) -> str:
    """The version string (name ID 5) of a TrueType font, e.g. 'Version 004.01'."""
    data = path.read_bytes()
    tables = struct.unpack(">H", data[4:6])[0]
    for i in range(tables):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        if tag != b"name":
            continue
        count, strings = struct.unpack(">HH", data[offset + 2: offset + 6])
        for j in range(count):
            rec = data[offset + 6 + 12 * j: offset + 18 + 12 * j]
            platform_id, _, _, name_id, length, start = struct.unpack(">HHHHHH", rec)
            if name_id == 5:
                raw = data[offset + strings + start: offset + strings + start + length]
                return raw.decode("utf-16-be" if platform_id in (0, 3) else "latin-1").strip()
    return ""


def python_licence() -> str:
    base = Path(sys.base_prefix)
    for candidate in (base / "LICENSE.txt",
                      base / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
                      / "LICENSE.txt",
                      Path(sys.prefix) / "LICENSE.txt"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return ("The Python Software Foundation License Version 2: "
            "https://docs.python.org/3/license.html")


def _block(component: str, version: str, licence: str, home: str,
           texts: list[tuple[str, str]], note: str = "") -> list[str]:
    lines = [SEPARATOR, f"Component: {component}", f"Version: {version}", f"License: {licence}"]
    if home:
        lines.append(f"Home: {home}")
    lines.append(RULE)
    if note:
        lines += [note, ""]
    if not texts:
        lines += ["(The package ships no licence file; its licence is named above.)", ""]
    for name, text in texts:
        lines.append(f"--- {name} ---")
        for line in text.replace("\r\n", "\n").replace("\r", "\n").splitlines():
            # a licence line that looks like our separators would split the block
            lines.append(line + "=" if line.rstrip() in (SEPARATOR, RULE) else line.rstrip())
        lines.append("")
    return lines


def components(building: bool = False, bundled: set[str] | None = None) -> list[tuple]:
    """(component, version, licence, home, texts, note) for every block of the file: the
    runtime requirements of the app or, for a build, the distributions the bundle holds."""
    out = []
    if bundled is None:
        dists = runtime_distributions()
    else:
        dists = [metadata.distribution(n) for n in sorted(bundled - {canonicalize_name(APP)})]
    for dist in dists:
        name = dist.metadata["Name"]
        note = QT_NOTE if canonicalize_name(name) in EXTRA_TEXTS else ""
        out.append((name, dist.version, licence_of(dist), home_of(dist), licence_texts(dist),
                    note))
    out.append(("Python", platform.python_version(), "PSF-2.0", "https://www.python.org/",
                [("LICENSE.txt", python_licence())],
                "The Python interpreter and standard library, with the libraries the Python "
                "build includes (its licence file lists them)."))
    if building:
        try:
            pyi = metadata.distribution("pyinstaller")
        except metadata.PackageNotFoundError:
            pyi = None
        if pyi is not None:
            out.append(("PyInstaller bootloader", pyi.version,
                        "GPL-2.0-or-later WITH Bootloader-exception", home_of(pyi),
                        licence_texts(pyi),
                        "The small program that starts the bundled application. Its licence's "
                        "bootloader exception allows distributing it with any program."))
    out.append(("IPAexGothic font (IPAexゴシック)", font_version().removeprefix("Version "),
                "IPA", "https://moji.or.jp/ipafont/",
                [(FONT_LICENCE.name, FONT_LICENCE.read_text(encoding="utf-8"))],
                "resources/fonts/ipaexg.ttf, shipped unmodified."))
    return out


def render(building: bool = False, bundled: set[str] | None = None) -> str:
    blocks = components(building, bundled)
    head = [
        f"{APP} {__version__} — third-party notices / 第三者ソフトウェアのライセンス表示",
        "",
        f"{APP} itself is distributed under the MIT License (LICENSE). The application, as",
        "built and distributed, contains the components below, each under its own licence.",
        "本アプリ自体は MIT ライセンスで配布しています。配布物には以下の部品が含まれ、",
        "それぞれのライセンスに従います。",
        "",
        f"Generated from the installed packages' metadata on {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}.",
        "",
        "Components:",
    ]
    width = max(len(b[0]) for b in blocks)
    head += [f"  {b[0]:<{width}}  {b[1]:<12}  {b[2]}" for b in blocks]
    body: list[str] = []
    for block in blocks:
        body += [""] + _block(*block[:5], note=block[5])
    return "\n".join(head + body).rstrip() + "\n"


def write(path: Path, building: bool = False, bundled: set[str] | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(building, bundled), encoding="utf-8", newline="\n")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / NOTICES_FILE)
    parser.add_argument("--building", action="store_true",
                        help="also list the PyInstaller bootloader (set by the spec)")
    args = parser.parse_args(argv)
    print(write(args.output, args.building))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
