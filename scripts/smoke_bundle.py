#!/usr/bin/env python3
"""Smoke-test a built one-folder bundle (dist/kanwa-review/) by running it as a user would.

    python scripts/smoke_bundle.py dist/kanwa-review [--gui-seconds 5]

The same script runs in `.ci/run` (Linux) and in the release workflow (Windows, macOS, Linux),
so a data file, schema, translation or hidden import missing from the bundle fails there. It
needs only the Python standard library (any Python 3.9+), never imports the app, and works in a
folder with a Japanese name and spaces. Checks, in order:

  inventory         every package-data file of kanwa_review, the forms, the font, LICENSE and
                    THIRD-PARTY-NOTICES.txt are in the bundle
  version           --version matches kanwa_review/__init__.py
  forms check       on the form shipped inside the bundle
  demo              demo --db (a demo database of invented hospitals)
  list --json       valid JSON with a finalised review
  export / verify   a .kanwa package of that review, then verify it
  import            into a second database (--json: imported)
  report            a PDF with the IPAexGothic font embedded
  excel             the prefectural Excel return
  excel-template    the blank checklist workbook of the shipped form
  excel-import      the blank workbook is refused cleanly (a message, exit 1, no traceback)
  progress          progress-export (.json and .xlsx) and progress-import of the .json
  backup            a consistent copy of the database
  language          --lang ja / --lang en: the same refusal in Japanese, then in English; Qt's
                    own Japanese catalog (qtbase_ja.qm: キャンセル, 閉じる) is in the bundle
  gui               the app on the demo, offscreen, in portable mode (portable.txt beside the
                    executable): still running after a few seconds, no traceback, its demo
                    database and settings.ini in data/ beside the executable; then closed
Ends with the line `smoke: N passed, M failed`; exit code 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
TIMEOUT = 300
# what a broken bundle prints: a Python traceback, a missing module or file, the app's own
# "error: …" / "エラー: …" lines, or Qt failing to load its platform plugin
PROBLEM = re.compile(r"Traceback \(most recent call last\)|ModuleNotFoundError|ImportError|"
                     r"FileNotFoundError|^error: |^エラー: |Could not load the Qt platform plugin",
                     re.MULTILINE)


class Failed(Exception):
    pass


class Smoke:
    def __init__(self, bundle: Path, work: Path, gui_seconds: float):
        self.bundle = bundle
        self.work = work
        self.gui_seconds = gui_seconds
        suffix = ".exe" if WINDOWS else ""
        self.app = bundle / f"kanwa-review{suffix}"
        # Windows: the app is a windowed program without a console; its console twin runs the
        # subcommands (and shows tracebacks on stderr)
        cli = bundle / f"kanwa-review-cli{suffix}"
        self.cli = cli if cli.is_file() else self.app
        self.internal = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
        self.home = work / "home"
        self.env = dict(os.environ, KANWA_REVIEW_HOME=str(self.home),
                        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        self.passed: list[str] = []
        self.failed: list[str] = []
        self.state: dict = {}
        self.started = time.monotonic()

    # --- running ----------------------------------------------------------------------------
    def run(self, *args: str, expect: int = 0) -> subprocess.CompletedProcess:
        out = subprocess.run([str(self.cli), *args], capture_output=True, env=self.env,
                             cwd=self.work, timeout=TIMEOUT)
        stderr = out.stderr.decode("utf-8", "replace")
        if "Traceback (most recent call last)" in stderr:
            raise Failed(f"{' '.join(args[:2])}: traceback\n{stderr[-3000:]}")
        if out.returncode != expect:
            raise Failed(f"{' '.join(args)}: exit {out.returncode}, wanted {expect}\n"
                         f"{stderr[-3000:]}{out.stdout.decode('utf-8', 'replace')[-1000:]}")
        return out

    def check(self, name: str, func) -> None:
        started = time.monotonic()
        try:
            func()
        except Failed as exc:
            self.failed.append(name)
            print(f"FAIL {name}: {exc}", flush=True)
        except (OSError, ValueError, KeyError, subprocess.TimeoutExpired) as exc:
            self.failed.append(name)
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
        else:
            self.passed.append(name)
            print(f"ok   {name} ({time.monotonic() - started:.1f} s)", flush=True)

    def need(self, key: str):
        if key not in self.state:
            raise Failed(f"skipped: an earlier check did not produce {key}")
        return self.state[key]

    # --- the checks ---------------------------------------------------------------------------
    def inventory(self) -> None:
        missing = []
        for name in ("THIRD-PARTY-NOTICES.txt", "LICENSE"):
            if not (self.internal / name).is_file():
                missing.append(name)
        package = ROOT / "kanwa_review"
        if package.is_dir():  # a source checkout is beside the script: compare with it
            for f in package.rglob("*"):
                if f.is_file() and f.suffix not in (".py", ".pyc") \
                        and "__pycache__" not in f.parts:
                    rel = f.relative_to(ROOT)
                    if not (self.internal / rel).is_file():
                        missing.append(str(rel))
            # the top-level data folders, mapped into the package (setup.py) as the wheel does
            for folder in ("forms", "resources"):
                for f in (ROOT / folder).rglob("*") if (ROOT / folder).is_dir() else []:
                    if "__pycache__" in f.parts or not f.is_file():
                        continue
                    rel = Path("kanwa_review") / f.relative_to(ROOT)
                    if not (self.internal / rel).is_file():
                        missing.append(str(rel))
        forms = sorted(self.internal.rglob("forms/*.yaml"))
        fonts = sorted(self.internal.rglob("ipaexg.ttf"))
        if forms:
            self.state["form"] = forms[0]  # the later checks need it whatever else is missing
        else:
            missing.append("forms/*.yaml")
        if not fonts:
            missing.append("ipaexg.ttf")
        if missing:
            raise Failed("not in the bundle: " + ", ".join(missing))
        notices = (self.internal / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
        for component in ("PySide6", "IPAexGothic", "reportlab", "openpyxl", "Python"):
            if f"Component: {component}" not in notices:
                raise Failed(f"THIRD-PARTY-NOTICES.txt does not list {component}")

    def version(self) -> None:
        out = self.run("--version").stdout.decode("utf-8").strip()
        init = ROOT / "kanwa_review" / "__init__.py"
        if init.is_file():
            wanted = re.search(r'__version__\s*=\s*"([^"]+)"', init.read_text(encoding="utf-8"))
            if wanted and out != f"kanwa-review {wanted.group(1)}":
                raise Failed(f"--version says {out!r}, the source says {wanted.group(1)}")
        elif not out.startswith("kanwa-review "):
            raise Failed(f"--version says {out!r}")

    def forms_check(self) -> None:
        out = self.run("forms", "check", str(self.need("form")))
        if b"ok" not in out.stdout:
            raise Failed(f"forms check printed {out.stdout!r}")

    def demo(self) -> None:
        db = self.work / "チーム データ.sqlite"
        self.run("demo", "--db", str(db), "--facilities", "3", "--years", "2")
        if not db.is_file():
            raise Failed(f"{db} was not created")
        self.state["db"] = db

    def list_json(self) -> None:
        out = self.run("list", "--db", str(self.need("db")), "--json")
        rows = json.loads(out.stdout)
        final = [r for r in rows if r["status"] == "final"]
        if not final:
            raise Failed(f"no finalised review in {len(rows)} rows")
        self.state["review"] = final[0]

    def export(self) -> None:
        review = self.need("review")
        package = self.work / f"{review['facility_code']} 提出.kanwa"
        self.run("export", "--db", str(self.need("db")), "--review", review["uuid"],
                 "-o", str(package))
        if not zipfile.is_zipfile(package):
            raise Failed(f"{package} is not a ZIP")
        self.state["package"] = package

    def verify(self) -> None:
        self.run("verify", str(self.need("package")))

    def import_(self) -> None:
        hub = self.work / "事務局 hub.sqlite"
        out = self.run("import", "--db", str(hub), str(self.need("package")), "--json")
        result = json.loads(out.stdout.splitlines()[0])
        if result["status"] != "imported":
            raise Failed(f"import said {result}")

    def report(self) -> None:
        pdf = self.work / "評価報告書.pdf"
        self.run("report", "--db", str(self.need("db")), "--review",
                 self.need("review")["uuid"], "-o", str(pdf))
        data = pdf.read_bytes()
        if not data.startswith(b"%PDF"):
            raise Failed("the report is not a PDF")
        # ReportLab writes font objects uncompressed: an embedded TrueType subset is a
        # /FontFile2 stream whose descriptor names the font
        if b"/FontFile2" not in data or b"IPAexGothic" not in data:
            raise Failed("the report does not embed the IPAexGothic font")

    def excel(self) -> None:
        xlsx = self.work / "集計表.xlsx"
        self.run("excel", "--db", str(self.need("db")), "-o", str(xlsx))
        _workbook(xlsx)

    def excel_template(self) -> None:
        xlsx = self.work / "評価票 blank.xlsx"
        self.run("excel-template", "--form", str(self.need("form")), "-o", str(xlsx))
        _workbook(xlsx)
        self.state["template"] = xlsx

    def excel_import(self) -> None:
        out = self.run("excel-import", "--db", str(self.work / "xl.sqlite"),
                       str(self.need("template")), "--json", expect=1)
        result = json.loads(out.stdout.splitlines()[0])
        if result["status"] != "rejected" or not result["errors"]:
            raise Failed(f"a blank workbook was not refused with reasons: {result}")

    def progress(self) -> None:
        code = self.need("review")["facility_code"]
        js, xlsx = self.work / f"進捗 {code}.json", self.work / f"進捗 {code}.xlsx"
        self.run("progress-export", "--db", str(self.need("db")), "--facility", code,
                 "-o", str(js))
        self.run("progress-export", "--db", str(self.need("db")), "--facility", code,
                 "-o", str(xlsx))
        _workbook(xlsx)
        if json.loads(js.read_text(encoding="utf-8")).get("format") != "kanwa-progress":
            raise Failed(f"{js} is not a progress file")
        out = self.run("progress-import", "--db", str(self.need("db")), str(js), "--json")
        if json.loads(out.stdout.splitlines()[0])["status"] not in ("imported", "unchanged"):
            raise Failed(f"progress-import said {out.stdout!r}")

    def backup(self) -> None:
        copy = self.work / "backup.sqlite"
        self.run("backup", "--db", str(self.need("db")), "-o", str(copy))
        if not copy.read_bytes().startswith(b"SQLite format 3"):
            raise Failed("the backup is not an SQLite file")

    def language(self) -> None:
        if not any(self.internal.rglob("qtbase_ja.qm")):
            raise Failed("Qt's Japanese catalog qtbase_ja.qm is not in the bundle: standard "
                         "buttons would read Cancel / Close")
        out = self.work / "無い フォルダ" / "x.pdf"
        for lang, head, word in (("ja", "エラー: ", "保存先のフォルダがありません"),
                                 ("en", "error: ", "the folder does not exist")):
            err = self.run("report", "--db", str(self.need("db")), "--all", "-o", str(out),
                           "--lang", lang, expect=1).stderr.decode("utf-8", "replace")
            if not err.startswith(head) or word not in err:
                raise Failed(f"--lang {lang}: {err!r}")

    def gui(self) -> None:
        """The app opens on the demo in portable mode, keeps running, writes only beside
        itself; the marker and data/ are removed again afterwards."""
        marker, data = self.bundle / "portable.txt", self.bundle / "data"
        if data.exists():
            raise Failed(f"{data} exists already; remove it first")
        made_marker = not marker.exists()
        if made_marker:
            marker.write_text("smoke test\n", encoding="utf-8")
        env = {k: v for k, v in self.env.items() if k != "KANWA_REVIEW_HOME"}
        self.profile = self.work / "profile"      # the user's home: must stay empty
        self.profile.mkdir(exist_ok=True)
        env.update(HOME=str(self.profile), USERPROFILE=str(self.profile),
                   APPDATA=str(self.profile / "AppData" / "Roaming"),
                   LOCALAPPDATA=str(self.profile / "AppData" / "Local"),
                   XDG_CONFIG_HOME=str(self.profile / ".config"),
                   XDG_DATA_HOME=str(self.profile / ".local" / "share"))
        try:
            self._gui_run(self.cli, env, data)
            if self.cli != self.app:  # Windows: the windowed program starts too
                shutil.rmtree(data)
                self._gui_run(self.app, env, data, console=False)
        finally:
            if made_marker:
                marker.unlink(missing_ok=True)
            shutil.rmtree(data, ignore_errors=True)

    def _gui_run(self, exe: Path, env: dict, data: Path, console: bool = True) -> None:
        log = self.work / f"gui-{exe.stem}.log"
        with open(log, "wb") as sink:
            child = subprocess.Popen([str(exe), "--demo"], stdout=sink, stderr=sink, env=env,
                                     cwd=self.work)
            try:
                deadline = time.monotonic() + self.gui_seconds
                while time.monotonic() < deadline and child.poll() is None:
                    time.sleep(0.2)
                alive = child.poll() is None
            finally:
                if child.poll() is None:
                    child.terminate()
                try:
                    child.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()
        output = log.read_text(encoding="utf-8", errors="replace")
        if console and PROBLEM.search(output):
            raise Failed(f"{exe.name} --demo printed an error:\n{output[-3000:]}")
        if not alive:
            raise Failed(f"{exe.name} --demo ended after less than {self.gui_seconds} s "
                         f"(exit {child.returncode}):\n{output[-3000:]}")
        demo = data / "demo.sqlite"
        if not demo.is_file():
            raise Failed(f"portable mode: {demo} was not created:\n{output[-2000:]}")
        # the demo is never remembered as the file to open next, so a short run may write no
        # settings at all; what it writes must be in data/, never in the user's profile
        written = [p for p in self.profile.rglob("*") if p.is_file()]
        if written:
            raise Failed(f"portable mode wrote outside the bundle: {written[:5]}")
        rows = json.loads(self.run("list", "--db", str(demo), "--json").stdout)
        if not rows:
            raise Failed(f"the demo database the app made ({demo}) holds no review")

    def all(self) -> int:
        for name, func in [("inventory", self.inventory), ("version", self.version),
                           ("forms check", self.forms_check), ("demo", self.demo),
                           ("list --json", self.list_json), ("export", self.export),
                           ("verify", self.verify), ("import", self.import_),
                           ("report", self.report), ("excel", self.excel),
                           ("excel-template", self.excel_template),
                           ("excel-import", self.excel_import), ("progress", self.progress),
                           ("backup", self.backup), ("language", self.language),
                           ("gui", self.gui)]:
            self.check(name, func)
        print(f"smoke took {time.monotonic() - self.started:.0f} s", flush=True)
        print(f"smoke: {len(self.passed)} passed, {len(self.failed)} failed", flush=True)
        return 1 if self.failed else 0


def _workbook(path: Path) -> None:
    if not zipfile.is_zipfile(path) or "xl/workbook.xml" not in zipfile.ZipFile(path).namelist():
        raise Failed(f"{path} is not an .xlsx workbook")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder, e.g. dist/kanwa-review")
    parser.add_argument("--gui-seconds", type=float, default=5.0,
                        help="how long the app must keep running (default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    bundle = args.bundle.resolve()
    if not bundle.is_dir():
        print(f"error: {bundle}: not a folder; build the bundle first "
              "(./scripts/build-bundle)", file=sys.stderr)
        return 2
    top = Path(tempfile.mkdtemp(prefix="kanwa-smoke-"))
    work = top / "山田 花子" / "レビュー データ"  # a Japanese user name with a space
    work.mkdir(parents=True)
    print(f"smoke-testing {bundle} in {work}", flush=True)
    try:
        return Smoke(bundle, work, args.gui_seconds).all()
    finally:
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
