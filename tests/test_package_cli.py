"""`kanwa-review export`, `import [--json]` and `verify` (design §6 contract)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from kanwa_review.cli import main

HOSTILE = Path(__file__).parent / "data" / "hostile"


def test_export_import_json_lines_and_exit_codes(final_review, database, db_path, tmp_path,
                                                 capsys):
    out = tmp_path / "F001_20251120_r1.kanwa"
    database.close()
    assert main(["export", "--db", str(db_path), "--review", final_review.uuid,
                 "-o", str(out)]) == 0
    assert "提出ファイルを書き出しました" in capsys.readouterr().out and out.is_file()
    hub = tmp_path / "hub.sqlite"
    bad = HOSTILE / "hash_mismatch.kanwa"
    assert main(["import", "--db", str(hub), str(out), str(bad), str(out), "--json"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(d["file"], d["status"]) for d in lines] == [
        (str(out), "imported"), (str(bad), "rejected"), (str(out), "unchanged")]
    assert set(lines[0]) >= {"file", "status", "review", "revision", "errors"}
    assert lines[0]["review"] == final_review.uuid and lines[0]["revision"] == 1
    assert lines[1]["errors"] and "SHA-256" in lines[1]["errors"][0]
    assert main(["import", "--db", str(hub), str(out)]) == 0        # all unchanged → 0
    assert "unchanged" in capsys.readouterr().out


def test_import_of_a_folder(tmp_path, capsys):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(HOSTILE / "valid.kanwa", folder / "a.kanwa")
    shutil.copy(HOSTILE / "revision2.kanwa", folder / "b.kanwa")
    assert main(["import", "--db", str(tmp_path / "hub.sqlite"), str(folder), "--json"]) == 0
    assert [json.loads(x)["status"] for x in capsys.readouterr().out.splitlines()] == \
        ["imported", "superseded"]


def test_export_of_a_draft_exits_1(draft, database, db_path, tmp_path, capsys):
    database.close()
    assert main(["export", "--db", str(db_path), "--review", draft.uuid,
                 "-o", str(tmp_path / "d.kanwa")]) == 1
    assert "下書き" in capsys.readouterr().err


def test_verify_prints_contents_or_every_problem(capsys):
    assert main(["verify", str(HOSTILE / "valid.kanwa")]) == 0
    out = capsys.readouterr().out
    assert "問題ありません" in out and "H001" in out and "0b7c2a52" in out and "mini-test" in out
    assert main(["verify", str(HOSTILE / "schema_wrong_types.kanwa")]) == 1
    err = capsys.readouterr().err
    assert "問題 2 件" in err and "evidence" in err and "fiscal_year" in err


def test_verify_touches_no_database(monkeypatch, capsys):
    import kanwa_review.store.database as store_db

    def refuse(*a, **k):
        raise AssertionError("verify opened a database")
    monkeypatch.setattr(store_db, "open_database", refuse)
    monkeypatch.setattr(store_db, "_connect", refuse)
    assert main(["verify", str(HOSTILE / "valid.kanwa")]) == 0


def test_verify_runs_headless_without_qt():
    code = ("import sys; from kanwa_review.cli import main; "
            f"rc = main(['verify', {str(HOSTILE / 'valid.kanwa')!r}]); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'; "
            "sys.exit(rc)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
