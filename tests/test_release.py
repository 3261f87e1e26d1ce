"""The release machinery: the workflow is valid and smoke-tests with the CI's script, the
installer is per-user, the version comes from one place, the icons, licence and notices."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from kanwa_review import __version__, paths
from kanwa_review.core import resources
from kanwa_review.notices import RULE, SEPARATOR, notices_path, parse, read_notices

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
ISS = ROOT / "packaging" / "kanwa-review.iss"
SMOKE = "scripts/smoke_bundle.py dist/kanwa-review"


def _steps() -> list[dict]:
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return doc["jobs"]["build"]["steps"]


# --- the workflow -----------------------------------------------------------------------------
def test_workflow_is_valid_against_the_github_workflow_schema():
    if importlib.util.find_spec("check_jsonschema") is None:
        pytest.skip("check-jsonschema is not installed (it is in the [test] extras: "
                    "pip install -e '.[test]')")
    out = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                          "vendor.github-workflows", str(WORKFLOW)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


def test_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint") or shutil.which("actionlint",
                                                            path=str(Path(sys.executable).parent))
    if actionlint is None:
        pytest.skip("actionlint is not installed (optional: the schema check above always "
                    "runs; see packaging/README.md)")
    out = subprocess.run([actionlint, str(WORKFLOW)], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path):
    """The check above is not a formality: a misspelt key fails it."""
    if importlib.util.find_spec("check_jsonschema") is None:
        pytest.skip("check-jsonschema is not installed")
    broken = tmp_path / "release.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1),
                      encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                          "vendor.github-workflows", str(broken)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1


def test_workflow_builds_tests_and_smokes_on_three_platforms():
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    oses = {entry["os"] for entry in doc["jobs"]["build"]["strategy"]["matrix"]["include"]}
    assert oses == {"windows-latest", "macos-latest", "ubuntu-latest"}
    runs = [step.get("run", "") for step in _steps()]
    order = [next(i for i, r in enumerate(runs) if needle in r)
             for needle in ("pytest", "packaging/kanwa-review.spec", SMOKE, "iscc",
                            "hdiutil", "tar ")]
    assert order[:3] == sorted(order[:3]), "tests, then build, then smoke"
    assert all(i > order[2] for i in order[3:]), "packages only from a smoke-tested bundle"
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in _steps())
    publish = doc["jobs"]["publish"]
    assert "refs/tags/v" in publish["if"] and "gh release create" in publish["steps"][-1]["run"]


def test_ci_runs_the_same_smoke_script_as_the_workflow():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert SMOKE in ci and "./scripts/build-bundle" in ci
    assert ci.index("run-tests") < ci.index("build-bundle") < ci.index(SMOKE)


def test_signing_is_skipped_without_secrets_and_no_certificate_is_committed():
    for step in _steps():
        if "signtool" in step.get("run", "") or "codesign" in step.get("run", ""):
            assert "HAS_" in step["if"], step["name"]
    committed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if committed.returncode == 0:
        assert not [f for f in committed.stdout.splitlines()
                    if f.lower().endswith((".pfx", ".p12", ".cer", ".pem", ".key"))]


# --- one version ------------------------------------------------------------------------------
def test_version_has_one_source():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"]["attr"] == \
        "kanwa_review.__version__"
    assert "version" in pyproject["project"]["dynamic"]
    version_literal = re.compile(r"\b\d+\.\d+\.\d+\b")
    iss = ISS.read_text(encoding="utf-8")
    assert "AppVersion={#MyAppVersion}" in iss
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert "kanwa_review.__version__" in workflow
    assert "/DMyAppVersion=${{ steps.version.outputs.version }}" in workflow
    for text in (iss, workflow, (ROOT / "packaging" / "kanwa-review.spec").read_text("utf-8")):
        assert __version__ not in version_literal.findall(text)


# --- the Windows installer ----------------------------------------------------------------
def _iss_setup() -> dict[str, str]:
    section, out = None, {}
    for line in ISS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Setup]" and "=" in line and not line.startswith(";"):
            key, _, value = line.partition("=")
            out[key] = value
    return out


def test_installer_is_per_user_without_admin_rights():
    setup = _iss_setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\{#MyAppName}"
    iss = ISS.read_text(encoding="utf-8")
    icons = iss[iss.index("[Icons]"):]
    assert r'Name: "{autoprograms}\{#MyAppName}"' in icons  # the user's Start menu
    assert "{commonprograms}" not in iss and "{pf}" not in iss and "HKLM" not in iss
    for key in ("SetupIconFile", "LicenseFile"):
        assert (ISS.parent / setup[key].replace("\\", "/")).is_file(), key
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"])


# --- portable ZIP marker -------------------------------------------------------------------
def test_portable_zip_carries_the_marker_the_app_looks_for():
    assert (ROOT / "packaging" / paths.PORTABLE_MARKER).is_file()
    assert f"packaging\\{paths.PORTABLE_MARKER}" in WORKFLOW.read_text(encoding="utf-8")


# --- icons -----------------------------------------------------------------------------------
def test_icon_set_has_every_size_and_format():
    from PIL import Image

    icons = ROOT / "packaging" / "icons"
    for n in (16, 24, 32, 48, 64, 128, 256, 512, 1024):
        with Image.open(icons / f"kanwa-review-{n}.png") as image:
            assert image.size == (n, n) and image.mode == "RGBA"
    with Image.open(icons / "kanwa-review.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(icons / "kanwa-review.icns") as icns:
        assert icns.size[0] >= 512
    with Image.open(resources.app_icon_path()) as window:
        assert window.size == (256, 256)


def test_icon_generator_writes_the_whole_set(tmp_path):
    sys.path.insert(0, str(ROOT / "packaging" / "icons"))
    try:
        import make_icons
    finally:
        sys.path.pop(0)
    written = make_icons.write_all(tmp_path / "icons", tmp_path / "window.png")
    committed = sorted(p.name for p in (ROOT / "packaging" / "icons").iterdir()
                       if p.suffix in (".png", ".ico", ".icns"))
    assert sorted(p.name for p in written if p.parent == tmp_path / "icons") == committed


def test_window_icon_is_package_data_and_set_by_the_app(qapp):
    from PySide6.QtGui import QIcon

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "icons/*.png" in pyproject["tool"]["setuptools"]["package-data"]["kanwa_review"]
    icon = QIcon(str(resources.app_icon_path()))
    assert not icon.isNull() and icon.pixmap(32, 32).width() == 32
    assert "setWindowIcon(QIcon(str(resources.app_icon_path())))" in \
        (ROOT / "kanwa_review" / "app.py").read_text(encoding="utf-8")


# --- licence and notices ------------------------------------------------------------------
def test_project_licence_is_mit_and_the_font_licence_ships():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    files = pyproject["project"]["license-files"]
    assert "LICENSE" in files and any("IPA_Font_License" in f for f in files)
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_every_component_in_the_notices_file_is_returned():
    path = notices_path()
    assert path == ROOT / "THIRD-PARTY-NOTICES.txt"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    blocks = [lines[i + 1].removeprefix("Component: ") for i, line in enumerate(lines)
              if line == SEPARATOR and lines[i + 1].startswith("Component: ")]
    listed = read_notices()
    assert [n.component for n in listed] == blocks
    assert len(listed) >= 20
    assert all(n.version and n.licence for n in listed)
    by_name = {n.component: n for n in listed}
    assert "LGPL-3.0-only" in by_name["PySide6_Essentials"].licence
    assert by_name["IPAexGothic font (IPAexゴシック)"].licence == "IPA"
    for name in ("reportlab", "openpyxl", "Python", "shiboken6"):
        assert name in by_name


def test_notices_carry_the_licence_texts_the_licences_require():
    text = (ROOT / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text
    font_licence = (ROOT / "resources" / "fonts" / "IPA_Font_License_Agreement_v1.0.txt")
    assert font_licence.read_text(encoding="utf-8").splitlines()[0] in text
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in text


def test_committed_notices_list_every_direct_dependency():
    """A new dependency added without regenerating the notices fails here (versions are not
    compared: they move with every install)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = {canonicalize_name(n.component) for n in read_notices()}
    for requirement in pyproject["project"]["dependencies"]:
        assert canonicalize_name(Requirement(requirement).name) in listed, requirement


def test_notices_generator_round_trips_through_the_reader(tmp_path):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import notices
    finally:
        sys.path.pop(0)
    out = notices.write(tmp_path / "notices.txt")
    listed = read_notices(out)
    assert [n.component for n in listed] == [c[0] for c in notices.components()]
    assert not read_notices(tmp_path / "missing.txt")


def test_a_licence_line_that_looks_like_a_separator_does_not_split_a_block():
    text = "\n".join([SEPARATOR, "Component: a", "Version: 1", "License: MIT", RULE,
                      "text", "Component: fake", SEPARATOR + "=", "more"])
    assert [n.component for n in parse(text)] == ["a"]


# --- the smoke script itself ------------------------------------------------------------
def test_smoke_script_refuses_a_missing_bundle(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "smoke_bundle.py"),
                          str(tmp_path / "nothing")], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2 and "build the bundle first" in out.stderr
