"""The wheel is complete: built with `pip wheel .`, installed into a fresh virtual environment
outside the checkout, it checks the shipped form, fills a demo database and prints a report
with the font embedded — everything found as package data, nothing from the repository."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# what a build must not see: caches and earlier builds (a stale build/lib would leak old files)
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info",
                                    "__pycache__", ".pytest_cache", "tmp")

pytestmark = pytest.mark.slow


def _shipped_in_checkout() -> set[str]:
    """Every file the wheel must carry, named as it sits inside the installed package."""
    want = {f"kanwa_review/{p.relative_to(ROOT / 'kanwa_review').as_posix()}"
            for p in (ROOT / "kanwa_review").rglob("*")
            if p.is_file() and p.suffix in (".py", ".json", ".ts", ".qm")
            and "__pycache__" not in p.parts}
    want |= {f"kanwa_review/forms/{p.name}" for p in (ROOT / "forms").glob("*.yaml")}
    want |= {f"kanwa_review/resources/fonts/{p.name}" for p in (ROOT / "resources" / "fonts").iterdir()
             if p.suffix in (".ttf", ".txt", ".md")}
    return want


def _run(cmd: list, cwd: Path, env: dict, expect: int = 0) -> str:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == expect, f"{cmd}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _fresh_venv(where: Path) -> tuple[Path, Path]:
    """A new venv whose only kanwa_review will be the wheel's. Its dependencies are those already
    installed for the tests: their site-packages folders are listed in a .pth file (plain path
    lines, so the checkout's editable-install finder there is NOT activated)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    bindir = where / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    purelib = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
            *site.getsitepackages(),
            *(p for p in sys.path if p.endswith(("site-packages", "dist-packages")))}
    (purelib / "_kanwa_test_dependencies.pth").write_text(
        "".join(f"{p}\n" for p in sorted(ours) if Path(p).is_dir()), encoding="utf-8")
    return python, bindir


def test_wheel_holds_the_data_and_runs_from_a_fresh_venv(tmp_path):
    # 1. build the wheel from a clean copy of the checkout, as a user would: pip wheel .
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=NOT_SOURCE)
    dist = tmp_path / "dist"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    # --no-build-isolation: the test environment has the build backend (setuptools, [test]
    # extra), so the test needs no network
    _run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation",
          "-q", "-w", dist], cwd=src, env=env)
    (wheel,) = dist.glob("kanwa_review-*.whl")

    # 2. the wheel carries the forms, the font and its licence, the schemas, the translations
    listing = _run([sys.executable, "-m", "zipfile", "-l", wheel], cwd=tmp_path, env=env)
    names = set(zipfile.ZipFile(wheel).namelist())
    for must in ("kanwa_review/forms/palliative-care-peer-review.yaml",
                 "kanwa_review/resources/fonts/ipaexg.ttf",
                 "kanwa_review/resources/fonts/IPA_Font_License_Agreement_v1.0.txt",
                 "kanwa_review/exchange/submission.schema.json",
                 "kanwa_review/exchange/progress.schema.json",
                 "kanwa_review/translations/kanwa_review_en.ts"):
        assert must in names and must in listing, must
    missing = _shipped_in_checkout() - names
    assert not missing, f"the wheel lacks {sorted(missing)}"
    assert not [n for n in names if n.split("/")[0] in ("forms", "resources", "tests")], \
        "data must live inside the package, not as top-level folders of site-packages"

    # 3. a fresh venv outside the checkout; kanwa_review only from the wheel
    venv = tmp_path / "venv"
    python, bindir = _fresh_venv(venv)
    _run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
          "--no-index", wheel], cwd=tmp_path, env=env)
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    env["KANWA_REVIEW_HOME"] = str(tmp_path / "home")
    where = json.loads(_run([python, "-c", (
        "import json, kanwa_review\n"
        "from kanwa_review.core import resources as r\n"
        "print(json.dumps({'package': kanwa_review.__file__, 'form': str(r.default_form_path()),"
        " 'font': str(r.font_path()), 'licence': str(r.font_licence_path()),"
        " 'schema': str(r.schema_path('submission.schema.json'))}))")], cwd=run_dir, env=env))
    for name, path in where.items():
        path = Path(path).resolve()
        assert path.is_relative_to(venv.resolve()), f"{name} not from the new venv: {path}"
        assert not path.is_relative_to(ROOT), f"{name} found in the checkout: {path}"
        assert path.is_file(), path

    # 4. the command line, run from a folder outside the checkout
    cli = bindir / ("kanwa-review.exe" if os.name == "nt" else "kanwa-review")
    out = _run([cli, "forms", "check", where["form"]], cwd=run_dir, env=env)
    assert "palliative-care-peer-review.yaml" in out
    db = run_dir / "demo.sqlite"
    _run([cli, "demo", "--db", db, "--facilities", "2", "--years", "1"], cwd=run_dir, env=env)
    reviews = json.loads(_run([cli, "list", "--db", db, "--json"], cwd=run_dir, env=env))
    final = next(r for r in reviews if r["status"] == "final")
    pdf = run_dir / "r.pdf"
    _run([cli, "report", "--db", db, "--review", final["uuid"], "-o", pdf], cwd=run_dir, env=env)

    # the Japanese font is embedded (a subset), not merely named
    from pypdf import PdfReader

    embedded = set()
    for page in PdfReader(str(pdf)).pages:
        for font in (page["/Resources"].get_object().get("/Font") or {}).values():
            font = font.get_object()
            for desc in [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]:
                fd = desc.get("/FontDescriptor")
                if fd is not None and any(k in fd.get_object() for k in
                                          ("/FontFile", "/FontFile2", "/FontFile3")):
                    embedded.add(str(desc["/BaseFont"]))
    assert any("IPAexGothic" in name for name in embedded), embedded
