"""The layer contracts of design.md §2 (pyproject.toml [tool.importlinter]) hold, and the check
really fails the build when an import breaks one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    """`lint-imports` on the package importable from `cwd`, with the contracts of its
    pyproject.toml (no cache folder left behind)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHOME"}
    env["PYTHONPATH"] = str(cwd)   # ahead of the editable install: lint the package found here
    code = ("import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True))")
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_layer_contracts_hold():
    done = _lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "BROKEN" not in done.stdout and "Contracts: 3 kept, 0 broken." in done.stdout


def test_contract_check_fails_on_a_forbidden_import(tmp_path):
    """A copy of the package with three forbidden imports added: each is reported under its
    contract and lint-imports exits non-zero (so the test and CI fail)."""
    shutil.copytree(ROOT / "kanwa_review", tmp_path / "kanwa_review",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    baseline = _lint_imports(tmp_path)
    assert "kanwa_review.core.scoring" not in baseline.stdout   # nothing to say about it yet

    scoring = tmp_path / "kanwa_review" / "core" / "scoring.py"
    scoring.write_text(scoring.read_text(encoding="utf-8")
                       + "\nfrom kanwa_review.store import repository  # noqa\n"
                         "from PySide6 import QtCore  # noqa\n", encoding="utf-8")
    (tmp_path / "kanwa_review" / "ui" / "sneaky.py").write_text(
        "from kanwa_review.reports import charts  # noqa\n", encoding="utf-8")
    done = _lint_imports(tmp_path)
    out = " ".join(done.stdout.split())   # the report wraps long lines
    assert done.returncode != 0
    assert "kanwa_review.core is not allowed to import kanwa_review.store" in out
    assert "kanwa_review.core.scoring -> kanwa_review.store" in out
    assert "No Qt outside ui/ and app.py" in out and "kanwa_review.core.scoring -> PySide6" in out
    assert "No Qt outside ui/ and app.py: core and the headless commands run without display " \
           "libraries BROKEN" in out
    assert "kanwa_review.ui.sneaky -> kanwa_review.reports.charts" in out
