"""The command-line contract of design §6: outputs, JSON keys and exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kanwa_review import __version__
from kanwa_review.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess:
    """The real entry point in a fresh interpreter (what other tools call)."""
    return subprocess.run([sys.executable, "-m", "kanwa_review", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_version():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"kanwa-review {__version__}"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["list"])  # --db missing
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_forms_check_passes_shipped_forms_and_reports_broken_ones(tmp_path, capsys):
    # mini.yaml is a loading fixture without grade anchors, so the strict check refuses it
    # (tests/test_form_content_services.py covers that); the shipped form must pass
    assert main(["forms", "check", str(ROOT / "forms" / "palliative-care-peer-review.yaml")]) == 0
    assert "ok" in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text((ROOT / "tests/data/forms/mini.yaml").read_text(encoding="utf-8")
                   .replace("type: yes_no", "type: maybe"), encoding="utf-8")
    assert main(["forms", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:" in err and "[A-3]" in err and "type" in err


def test_demo_then_list_json(tmp_path):
    db = tmp_path / "demo.sqlite"
    out = run("demo", "--db", str(db), "--facilities", "4", "--years", "2")
    assert out.returncode == 0, out.stderr
    assert "施設 4、" in out.stdout
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    listed = run("list", "--db", str(db), "--json")
    assert listed.returncode == 0
    rows = json.loads(listed.stdout)
    assert len(rows) == 8
    assert set(rows[0]) == {"uuid", "facility_code", "facility_name", "visit_date",
                            "fiscal_year", "status", "revision"}
    assert {r["status"] for r in rows} <= {"draft", "final"}
    assert all(isinstance(r["fiscal_year"], int) and isinstance(r["revision"], int)
               for r in rows)
    assert any(r["status"] == "final" for r in rows)
    assert all(r["facility_name"].startswith("架空県") for r in rows)


def test_demo_data_is_realistic(demo_db):
    con = sqlite3.connect(demo_db)
    ratings = dict(con.execute("SELECT rating, count(*) FROM answers WHERE rating IS NOT NULL "
                               "GROUP BY rating").fetchall())
    assert set(ratings) >= {"A", "B", "C", "D"}
    missing_comments = con.execute(
        "SELECT count(*) FROM answers a JOIN reviews r ON r.id = a.review_id "
        "WHERE r.status = 'final' AND a.rating IN ('C','D') AND coalesce(a.comment,'') = ''"
    ).fetchone()[0]
    assert missing_comments == 0  # the C/D-needs-a-comment convention holds in final reviews
    years = {r[0] for r in con.execute("SELECT fiscal_year FROM reviews")}
    assert len(years) == 2
    con.close()


def test_list_of_a_missing_database_fails_cleanly(tmp_path):
    out = run("list", "--db", str(tmp_path / "nope.sqlite"))
    assert out.returncode == 1
    assert "nope.sqlite" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "nope.sqlite").exists()


def test_demo_into_a_missing_folder_fails_cleanly(tmp_path):
    out = run("demo", "--db", str(tmp_path / "missing" / "x.sqlite"), "--facilities", "1")
    assert out.returncode == 1 and "フォルダがありません" in out.stderr
    assert not (tmp_path / "missing").exists()


def test_newer_database_is_refused_with_advice(tmp_path, capsys):
    db = tmp_path / "new.sqlite"
    assert main(["demo", "--db", str(db), "--facilities", "1", "--years", "1"]) == 0
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 99")
    con.close()
    capsys.readouterr()
    assert main(["list", "--db", str(db)]) == 1
    assert "新しい版の kanwa-review で作られた" in capsys.readouterr().err


def test_backup(tmp_path, demo_db, capsys):
    out = tmp_path / "backup.sqlite"
    assert main(["backup", "--db", str(demo_db), "-o", str(out)]) == 0
    con = sqlite3.connect(out)
    assert con.execute("SELECT count(*) FROM reviews").fetchone()[0] > 0
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert main(["backup", "--db", str(demo_db), "-o", str(out)]) == 1  # never overwrites
    assert "既にあります" in capsys.readouterr().err


def test_headless_commands_do_not_load_qt(tmp_path):
    code = ("import sys; from kanwa_review.cli import main; "
            f"main(['demo', '--db', {str(tmp_path / 'q.sqlite')!r}, '--facilities', '1', "
            "'--years', '1']); "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.stdout.strip().endswith("False"), out.stderr
