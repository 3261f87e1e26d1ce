"""The CLI on a legacy console code page (Windows cp932, or plain ASCII): every command completes,
human text is written with replacement characters, JSON stays valid and loses nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kanwa_review.core.resources import default_form_path
from kanwa_review.core.review import TeamMember
from kanwa_review.services import Services
from kanwa_review.store import open_database

ROOT = Path(__file__).resolve().parents[1]
# 𠮷 (outside the BMP) and the emoji are in neither cp932 nor ASCII; the rest is in cp932
NAME = "𠮷田記念病院 緩和ケア🌸センター"
ENCODINGS = ["cp932", "ascii"]


def run(encoding: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING=encoding)
    env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "kanwa_review", *args], capture_output=True,
                          env=env, cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> tuple[Path, str, Path]:
    """A database with a finalised review of a facility whose name no legacy code page has,
    and the review's package."""
    from kanwa_review.core.form import load_form

    folder = tmp_path_factory.mktemp("enc")
    db_path = folder / "hub.sqlite"
    db = open_database(db_path)
    services = Services(db, actor="テスト 太郎")
    services.create_facility("F001", NAME, "架空県", "prefectural")
    form = load_form(ROOT / "tests" / "data" / "forms" / "mini.yaml")
    review = services.start_review("F001", form, date(2025, 11, 20),
                                   [TeamMember("山田 花子", "leader", "physician")])
    services.set_answer(review.uuid, "A-1", rating="A", comment="良好🙂")
    services.set_answer(review.uuid, "A-2", rating="C", comment="計画が文書化されていない")
    services.set_answer(review.uuid, "A-3", value=False)
    services.set_answer(review.uuid, "B-1", value={"numerator": 45, "denominator": 60},
                        period="2025年度")
    services.set_overall_comment(review.uuid, "総評🙂 体制は概ね整っている。")
    services.finalise(review.uuid, "山田 花子")
    db.close()
    package = folder / "F001.kanwa"
    out = run("utf-8", "export", "--db", str(db_path), "--review", review.uuid, "-o", str(package))
    assert out.returncode == 0, out.stderr
    return db_path, review.uuid, package


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_list_prints_with_replacement_instead_of_failing(hub, encoding):
    db_path, uuid, _ = hub
    out = run(encoding, "list", "--db", str(db_path))
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode(encoding)   # it really is in the console's encoding
    assert uuid in text and "F001" in text and "?" in text
    if encoding == "cp932":
        assert "田記念病院" in text      # what cp932 can show is shown


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_json_stays_valid_and_lossless(hub, encoding):
    db_path, uuid, package = hub
    out = run(encoding, "list", "--db", str(db_path), "--json")
    assert out.returncode == 0, out.stderr
    assert out.stdout.isascii()  # \u escapes: the same JSON whatever the reader assumes
    rows = json.loads(out.stdout.decode(encoding))
    assert rows[0]["uuid"] == uuid and rows[0]["facility_name"] == NAME
    utf8 = run("utf-8", "list", "--db", str(db_path), "--json")
    assert json.loads(utf8.stdout.decode("utf-8")) == rows
    assert NAME in utf8.stdout.decode("utf-8")  # on a UTF-8 stdout Japanese stays readable


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_import_json_and_text(hub, tmp_path, encoding):
    _, _, package = hub
    target = tmp_path / "second.sqlite"
    out = run(encoding, "import", "--db", str(target), str(package), "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.decode(encoding).strip())
    assert result["status"] == "imported"
    again = run(encoding, "import", "--db", str(target), str(package))
    assert again.returncode == 0, again.stderr
    assert "unchanged" in again.stdout.decode(encoding)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_kind_of_command_completes(hub, tmp_path, encoding):
    db_path, uuid, package = hub
    commands = [
        ["--help"],
        ["forms", "check", str(default_form_path())],
        ["verify", str(package)],
        ["report", "--db", str(db_path), "--review", uuid, "-o", str(tmp_path / "報告書.pdf")],
        ["excel", "--db", str(db_path), "-o", str(tmp_path / "集計表.xlsx")],
        ["progress-export", "--db", str(db_path), "--facility", "F001",
         "-o", str(tmp_path / "進捗.json")],
        ["progress-import", "--db", str(db_path), str(tmp_path / "進捗.json"), "--json"],
        ["demo", "--db", str(tmp_path / "demo.sqlite"), "--facilities", "1", "--years", "1"],
    ]
    for args in commands:
        out = run(encoding, *args)
        assert out.returncode == 0, (args, out.stderr.decode(encoding, "replace"))
        assert b"Traceback" not in out.stderr
        out.stdout.decode(encoding)  # nothing but the console's encoding was written
    progress = run(encoding, "progress-import", "--db", str(db_path), str(tmp_path / "進捗.json"),
                   "--json")
    assert json.loads(progress.stdout.decode(encoding))["status"] in ("imported", "unchanged")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_errors_naming_japanese_files_are_readable_not_fatal(tmp_path, encoding):
    missing = tmp_path / "存在しない😀.kanwa"
    out = run(encoding, "verify", str(missing))
    assert out.returncode == 1
    assert b"Traceback" not in out.stderr and out.stderr.strip()
