"""Issue 12: no file can break the hub. One test per case the attacker reproduced, each with a
file made by tests/hostile_files.py, through the command line: the exit code, the message
(the file and the place named), no traceback, and — where the file is refused — the database
unchanged (its whole iterdump text, statistics included, and the file's bytes)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from kanwa_review.exchange.excel_return import ITEMS_LONG

from kanwa_review.cli import main
from tests import hostile_files as F

ROOT = Path(__file__).resolve().parents[1]
VALID = F.package()


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err, out + err
    # text from files never reaches the terminal raw (an ESC could clear the screen)
    for ch in ("\x1b", "\u202e", "\x00", "\x9b"):
        assert ch not in out + err, repr(out + err)
    return code, out, err


def run(*args, env=None, timeout=60) -> subprocess.CompletedProcess:
    """The command in its own process (what a user sees, including anything printed when
    the interpreter exits)."""
    return subprocess.run([sys.executable, "-m", "kanwa_review", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=timeout,
                          env=dict(os.environ, **(env or {})))


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def unchanged(path: Path) -> tuple[str, bytes]:
    return F.dump(path), path.read_bytes()


@pytest.fixture
def hub(tmp_path, capsys) -> Path:
    """A hub database holding the valid review (then closed, as after a real import)."""
    (tmp_path / "valid.kanwa").write_bytes(VALID)
    db = tmp_path / "hub.sqlite"
    code, _out, _err = cli(capsys, "import", "--db", db, tmp_path / "valid.kanwa")
    assert code == 0
    return db


# --- 1–3: packages refused at the edge ------------------------------------------------------

REFUSED = F.refused_packages()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_package_outside_the_bounds_is_refused_and_changes_nothing(name, hub, tmp_path,
                                                                      capsys):
    data, place, words = REFUSED[name]
    path = tmp_path / name
    path.write_bytes(data)
    before = unchanged(hub)
    code, out, err = cli(capsys, "import", "--db", hub, path, "--json")
    assert code == 1
    [line] = lines(out)
    assert line["status"] == "rejected" and line["file"] == str(path)
    text = "\n".join(line["errors"])
    assert str(path) in text and place in text and words in text, text
    assert unchanged(hub) == before

    code, out, err = cli(capsys, "verify", path)      # said OK to a lone surrogate before
    assert code == 1 and place in err and words in err, err


def test_the_mirrored_name_is_refused_in_both_members(tmp_path):
    """The manifest and review.json both carry the facility name: each is checked."""
    from kanwa_review.exchange.package_reader import PackageRejected, read_package_bytes

    with pytest.raises(PackageRejected) as err:
        read_package_bytes(F.with_change(lambda d: d["facility"].update(name="架空\x1b病院"),
                                         manifest_change=lambda m: m["facility"].update(
                                             name="架空病院")), "x.kanwa")
    assert "review.json › facility › name" in "\n".join(err.value.problems)


# --- 2: one bad file never aborts a batch ---------------------------------------------------

@pytest.mark.incidents
def test_an_unexpected_error_in_one_file_is_that_files_line_and_the_batch_goes_on(
        tmp_path, capsys, monkeypatch):
    from kanwa_review.exchange import package_reader
    from kanwa_review.services import incidents

    first = tmp_path / "a.kanwa"
    first.write_bytes(VALID)
    broken = tmp_path / "b.kanwa"
    broken.write_bytes(F.package(F.document(uuid=F.new_uuid(2), facility="H002")))
    last = tmp_path / "c.kanwa"
    last.write_bytes(F.package(F.document(uuid=F.new_uuid(3), facility="H003")))
    real = package_reader.read_package_bytes

    def read(data, name="<package>", **kw):
        if name.endswith("b.kanwa"):
            raise RuntimeError("a bug the bounds did not foresee")
        return real(data, name, **kw)

    monkeypatch.setattr(package_reader, "read_package_bytes", read)
    db = tmp_path / "hub.sqlite"
    code, out, err = cli(capsys, "import", "--db", db, first, broken, last, "--json")
    assert code == 1
    got = lines(out)
    assert [g["status"] for g in got] == ["imported", "rejected", "imported"]
    reason = got[1]["errors"][0]
    assert str(broken) in reason and "RuntimeError" in reason
    assert str(incidents.log_file()) in reason
    log = incidents.log_file().read_text(encoding="utf-8")
    assert "Traceback" in log and "a bug the bounds did not foresee" in log


@pytest.mark.incidents
@pytest.mark.parametrize("kind", ["workbook", "progress", "facilities"])
def test_an_unexpected_error_in_other_imports_is_isolated_too(kind, services, tmp_path,
                                                              monkeypatch):
    from kanwa_review.exchange import excel_import, facility_master, progress

    def boom(*_a, **_k):
        raise KeyError("surprise")

    target = {"workbook": (excel_import, "parse_workbook"),
              "progress": (progress, "read_reports"),
              "facilities": (facility_master, "read_facility_list")}[kind]
    monkeypatch.setattr(*target, boom)
    path = tmp_path / {"workbook": "x.xlsx", "progress": "x.json", "facilities": "x.csv"}[kind]
    if kind == "workbook":   # a real workbook: the checks before parsing let it through
        from kanwa_review.core.form import load_form

        services.write_template(load_form(F.MINI_YAML), path)
    else:
        path.write_bytes(b"x")
    before = unchanged(services.database.path)
    call = {"workbook": services.import_workbook, "progress": services.import_progress,
            "facilities": services.import_facility_master}[kind]
    result = call(path)
    assert result.status == "rejected" and "KeyError" in result.errors[0]
    assert str(path) in result.errors[0]
    assert unchanged(services.database.path) == before


def test_a_progress_file_with_a_time_that_overflows_is_refused(tmp_path, capsys):
    db, doc = _hub_with_action(tmp_path)
    before = unchanged(db)
    for n, at in enumerate(["0001-01-01T00:00:00+09:00", "9999-12-31T23:59:59-09:00"]):
        path = tmp_path / f"progress{n}.json"
        path.write_bytes(F.progress_json_with_time(doc, at))
        code, out, err = cli(capsys, "progress-import", "--db", db, path, "--json")
        assert code == 1
        [line] = lines(out)
        assert line["status"] == "rejected"
        assert any(str(path) in e and "actions[0].progress[0].at" in e and "2100 年" in e
                   for e in line["errors"]), line["errors"]
    assert unchanged(db) == before


def _hub_with_action(folder: Path) -> tuple[Path, dict]:
    """A hub with the valid review and one improvement action, closed; its progress file."""
    from datetime import date

    from kanwa_review.services import Services

    db = folder / "actions.sqlite"
    with Services.open(db, create=True) as services:
        services.import_package(_write(folder / "v.kanwa", VALID))
        services.add_action("H001", "年度計画を文書化する", due_date=date(2026, 3, 31),
                            origin_review_uuid=F.UUID, created_at="2025-11-21T00:00:00+00:00")
        out, _n = services.export_progress("H001", folder / "H001.json")
    return db, json.loads(out.read_text(encoding="utf-8"))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- 3: file names and text shown on a terminal ---------------------------------------------

def test_a_package_whose_name_is_shift_jis_bytes_imports_under_the_name_the_user_sees(
        tmp_path, capsys):
    if sys.platform == "win32" or os.fsencode("あ") != "あ".encode():
        pytest.skip("file names are bytes only on a UTF-8 POSIX file system")
    path = F.cp932_name(tmp_path, VALID)
    assert "\udc92" in str(path)                     # Python sees undecodable bytes
    db = tmp_path / "hub.sqlite"
    code, out, err = cli(capsys, "import", "--db", db, path, "--json")
    assert code == 0
    [line] = lines(out)
    assert line["status"] == "imported"
    assert line["file"] == str(tmp_path / "提出ファイル.kanwa")
    con = sqlite3.connect(db)
    assert con.execute("SELECT file_name FROM package_imports").fetchone()[0] == "提出ファイル.kanwa"
    con.close()
    code, out, err = cli(capsys, "verify", path)
    assert code == 0 and "提出ファイル.kanwa" in out


def test_names_held_with_control_characters_are_printed_escaped(hub, capsys):
    """A name stored before the text policy (here written straight into the file) is printed
    with its escape sequence visible, never acting on the terminal; --json keeps the data."""
    con = sqlite3.connect(hub)
    con.execute("UPDATE facilities SET name = ? WHERE code = 'H001'",
                ("\x1b[2J\x1b[31m架空\u202e病院\x9b",))
    con.commit()
    con.close()
    code, out, err = cli(capsys, "list", "--db", hub)
    assert code == 0 and "\\x1b[2J\\x1b[31m架空\\u202e病院\\u009b" in out
    code, out, err = cli(capsys, "list", "--db", hub, "--json")
    assert json.loads(out)[0]["facility_name"] == "\x1b[2J\x1b[31m架空\u202e病院\x9b"


# --- 4: the app's rules at the import -------------------------------------------------------

def test_an_answer_hidden_by_skip_logic_is_dropped_with_a_warning_and_never_exported(
        tmp_path, capsys):
    from openpyxl import load_workbook

    path = _write(tmp_path / "hidden.kanwa", F.hidden_answer_package())
    db = tmp_path / "hub.sqlite"
    code, out, err = cli(capsys, "import", "--db", db, path, "--json")
    assert code == 0
    [line] = lines(out)
    assert line["status"] == "imported"
    assert any("A-4" in w and "対象外" in w for w in line["warnings"])
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM answers WHERE item_code = 'A-4'").fetchone()[0] == 0
    con.close()
    code, out, err = cli(capsys, "excel", "--db", db, "-o", tmp_path / "return.xlsx")
    assert code == 0
    wb = load_workbook(tmp_path / "return.xlsx", read_only=True)
    cells = [c for row in wb[ITEMS_LONG].iter_rows(values_only=True) for c in row]
    assert "A-4" not in cells and "隠れた回答（表示されない項目）" not in cells
    wb.close()


def test_a_carried_form_known_here_with_other_content_is_refused(hub, tmp_path, capsys):
    path = _write(tmp_path / "altered.kanwa", F.altered_form_package())
    before = unchanged(hub)
    code, out, err = cli(capsys, "import", "--db", hub, path, "--json")
    assert code == 1
    [line] = lines(out)
    assert line["status"] == "rejected"
    assert str(path) in line["errors"][0] and "評価票 mini-test 第1版" in line["errors"][0]
    assert unchanged(hub) == before


def test_a_carried_form_shipped_with_the_app_under_its_name_is_refused(tmp_path, capsys,
                                                                      monkeypatch):
    from kanwa_review.services import imports

    mini = F.H.mini_form()
    monkeypatch.setattr(imports, "shipped_form_hashes",
                        lambda: {(mini.id, mini.version): mini.sha256})
    path = _write(tmp_path / "altered.kanwa", F.altered_form_package())
    code, out, err = cli(capsys, "import", "--db", tmp_path / "new.sqlite", path, "--json")
    assert code == 1 and "評価票 mini-test 第1版" in lines(out)[0]["errors"][0]
    assert not (tmp_path / "new.sqlite").exists()      # nothing written, not even the file


# --- 5: forms -------------------------------------------------------------------------------

FORMS = F.refused_forms()


@pytest.mark.parametrize("name", sorted(FORMS))
def test_a_form_outside_the_bounds_fails_the_check_with_its_line(name, tmp_path, capsys):
    text, line, words = FORMS[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, out, err = cli(capsys, "forms", "check", path)
    assert code == 1
    assert any(f"{path}:{line}" in problem and words in problem
               for problem in err.splitlines()), err


# --- 6: storage -----------------------------------------------------------------------------

def test_a_damaged_database_gets_advice_not_a_traceback(hub, tmp_path, capsys):
    con = sqlite3.connect(hub)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'reviews'").fetchone()[0]
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(hub, "r+b") as fh:               # one page: the table every command reads
        fh.seek(page * (root - 1))
        fh.write(b"\xde\xad\xbe\xef" * (page // 4))
    for args in (["list", "--db", hub], ["excel", "--db", hub, "-o", tmp_path / "x.xlsx"]):
        code, out, err = cli(capsys, *args)
        assert code == 1
        assert str(hub) in err and "壊れています" in err
        assert "kanwa-review backup" in err and ".recover" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_a_fifo_is_refused_without_hanging(hub, tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    for name, args in (("db.sqlite", ["list", "--db"]), ("p.json", ["progress-import", "--db",
                                                                       hub]),
                       ("f.yaml", ["forms", "check"])):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        start = time.monotonic()
        done = run(*args, fifo, timeout=30)
        assert time.monotonic() - start < 20
        assert done.returncode == 1, done.stderr
        assert "通常のファイルではありません" in done.stderr and "Traceback" not in done.stderr


def test_a_rejected_import_leaves_the_file_as_it_was_statistics_included(hub, tmp_path,
                                                                          capsys):
    """`PRAGMA optimize` (which may write sqlite_stat1) runs only after a write: a session
    that changed nothing leaves the file byte for byte as it was."""
    con = sqlite3.connect(hub)
    con.execute("ANALYZE")          # statistics present: a stray write would change them
    con.commit()
    con.close()
    before = unchanged(hub)
    assert "sqlite_stat1" in before[0]
    path = _write(tmp_path / "bad.kanwa", REFUSED["lone_surrogate.kanwa"][0])
    for _ in range(2):
        assert cli(capsys, "import", "--db", hub, path)[0] == 1
        assert cli(capsys, "list", "--db", hub)[0] == 0
    assert unchanged(hub) == before
    # and a real write is seen (the comparison can fail)
    other = _write(tmp_path / "other.kanwa", F.package(F.document(uuid=F.new_uuid(9),
                                                                   facility="H009")))
    assert cli(capsys, "import", "--db", hub, other)[0] == 0
    assert unchanged(hub)[0] != before[0]


@contextmanager
def tiny_disk(folder: Path, size: str = "64k"):
    """A real small file system (tmpfs), for a full or read-only disk; skips unless this is
    Linux and root may mount."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a small file system")
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_database_on_read_only_media_is_listed_and_refused_for_writing(hub, tmp_path):
    with tiny_disk(tmp_path / "ro", "4m") as ro:
        shutil.copy(hub, ro / "hub.sqlite")
        assert subprocess.run(["mount", "-o", "remount,ro", str(ro)]).returncode == 0
        listed = run("list", "--db", ro / "hub.sqlite", "--json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout)[0]["facility_code"] == "H001"
        written = run("import", "--db", ro / "hub.sqlite", tmp_path / "valid.kanwa")
        assert written.returncode == 1 and "読み取り専用" in written.stderr
        assert "Traceback" not in listed.stderr + written.stderr


def test_a_full_disk_while_writing_the_excel_return_leaves_nothing_and_no_traceback(
        hub, tmp_path):
    with tiny_disk(tmp_path / "full", "16k") as full:
        done = run("excel", "--db", hub, "-o", full / "return.xlsx",
                   env={"TMPDIR": str(full)})     # openpyxl's own temporary files there too
        assert done.returncode == 1
        assert str(full / "return.xlsx") in done.stderr
        assert "No space left" in done.stderr or "空き容量" in done.stderr
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
        assert list(full.iterdir()) == []


def test_a_full_disk_injected_at_the_write_layer_leaves_nothing(hub, tmp_path, capsys,
                                                              monkeypatch):
    """The same without root: ENOSPC raised by the write of the workbook's parts."""
    import errno

    from kanwa_review.exchange import excel_rows

    real = excel_rows.splice_rows

    def splice(src, dest, sheet_rows):
        real(src, dest, {})
        raise OSError(errno.ENOSPC, "No space left on device", str(dest))

    monkeypatch.setattr(excel_rows, "splice_rows", splice)
    import kanwa_review.exchange.excel_return as R
    monkeypatch.setattr(R, "splice_rows", splice)
    out = tmp_path / "out"
    out.mkdir()
    code, _o, err = cli(capsys, "excel", "--db", hub, "-o", out / "return.xlsx")
    assert code == 1 and "No space left on device" in err and str(out / "return.xlsx") in err
    assert list(out.iterdir()) == []


# --- outputs: one facility's odd value ------------------------------------------------------

def test_values_held_from_before_the_bounds_never_poison_the_outputs(hub, tmp_path, capsys):
    F.plant_old_values(hub)
    code, out, err = cli(capsys, "excel", "--db", hub, "-o", tmp_path / "return.xlsx")
    assert code == 0
    assert "H001" in err and "「—」" in err                      # the facility is named
    with zipfile.ZipFile(tmp_path / "return.xlsx") as zf:
        xml = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets"))
    assert "<v>nan</v>" not in xml and "<v>inf" not in xml.lower()
    assert "—" in xml
    code, out, err = cli(capsys, "report", "--db", hub, "--all", "-o", tmp_path / "all.pdf")
    assert code == 0 and (tmp_path / "all.pdf").stat().st_size > 0


@pytest.mark.incidents
def test_one_facility_that_cannot_be_printed_is_left_out_with_a_warning(tmp_path, capsys,
                                                                       monkeypatch):
    from kanwa_review.reports import feedback

    db = tmp_path / "hub.sqlite"
    files = [_write(tmp_path / "a.kanwa", VALID),
             _write(tmp_path / "b.kanwa", F.package(F.document(uuid=F.new_uuid(4),
                                                                facility="H004")))]
    assert cli(capsys, "import", "--db", db, *files)[0] == 0
    real = feedback.story

    def story(report, **kw):
        if report.data.review.facility_code == "H004":
            raise OverflowError("an odd value")
        return real(report, **kw)

    monkeypatch.setattr(feedback, "story", story)
    import kanwa_review.reports.batch as batch
    monkeypatch.setattr(batch, "story", story)
    code, out, err = cli(capsys, "report", "--db", db, "--all", "-o", tmp_path / "all.pdf")
    assert code == 0 and "1 施設" in out
    assert "H004" in err and "OverflowError" in err


# --- 7: workbooks within the limits ---------------------------------------------------------

@pytest.fixture(scope="module")
def blank(tmp_path_factory) -> Path:
    from kanwa_review.core.form import load_form
    from kanwa_review.services import Services

    path = tmp_path_factory.mktemp("wb") / "blank.xlsx"
    return Services.write_template(load_form(F.MINI_YAML), path)


def test_a_workbook_with_100_mb_of_shared_strings_is_refused_before_parsing(blank, tmp_path,
                                                                           capsys):
    path = F.shared_strings_bomb(blank, tmp_path / "strings.xlsx", megabytes=20)
    assert path.stat().st_size < 4 * 1024 * 1024
    start = time.monotonic()
    code, out, err = cli(capsys, "excel-import", "--db", tmp_path / "x.sqlite", path, "--json")
    assert time.monotonic() - start < 2
    assert code == 1
    assert "xl/sharedStrings.xml" in lines(out)[0]["errors"][0] and str(path) in out


@pytest.mark.parametrize("sheet, rows, words", [
    ("_kanwa", 1_000_000, "xl/worksheets/sheet3.xml）の行が多すぎます（100,000 行を超えています）"),
    ("評価票", 30_000, "シート「評価票」の行が多すぎます（20,000 行まで）"),   # the sheet read
])
def test_a_million_row_sheet_is_refused_in_well_under_a_second(sheet, rows, words, blank,
                                                               tmp_path, capsys):
    path = F.million_row_workbook(blank, tmp_path / "rows.xlsx", rows, sheet=sheet)
    start = time.monotonic()
    code, out, err = cli(capsys, "excel-import", "--db", tmp_path / "x.sqlite", path, "--json")
    elapsed = time.monotonic() - start
    assert code == 1 and elapsed < 1.0, elapsed
    error = lines(out)[0]["errors"][0]
    assert str(path) in error and words in error, error


def test_a_25000_row_progress_sheet_is_refused_at_once(tmp_path, capsys):
    db, doc, sheet = _progress_workbook(tmp_path)
    path = F.progress_rows_workbook(sheet, tmp_path / "rows.xlsx", doc["actions"][0]["uuid"])
    before = unchanged(db)
    start = time.monotonic()
    code, out, err = cli(capsys, "progress-import", "--db", db, path)
    assert time.monotonic() - start < 1.0
    assert code == 1
    errors = [x for x in err.splitlines() if x.startswith("  エラー: ")]
    assert len(errors) == 1 and str(path) in errors[0] and "「Actions」" in errors[0]
    assert "20,001 行まで" in errors[0]
    assert unchanged(db) == before


def test_a_sheet_with_a_problem_on_every_row_lists_100_and_a_count(tmp_path, capsys):
    db, doc, sheet = _progress_workbook(tmp_path)
    path = F.progress_rows_workbook(sheet, tmp_path / "rows.xlsx", doc["actions"][0]["uuid"],
                                    rows=3_000)
    before = unchanged(db)
    code, out, err = cli(capsys, "progress-import", "--db", db, path)
    assert code == 1
    errors = [x for x in err.splitlines() if x.startswith("  エラー: ")]
    assert len(errors) == 101, len(errors)
    assert "ほかに 2,900 件" in errors[-1] and "最初の 100 件" in errors[-1]
    assert str(path) in errors[0] and "Actions!P" in errors[0] and "たぶん完了" in errors[0]
    assert unchanged(db) == before


def _progress_workbook(folder: Path) -> tuple[Path, dict, Path]:
    from kanwa_review.services import Services

    db, doc = _hub_with_action(folder)
    with Services.open(db) as services:
        sheet, _n = services.export_progress("H001", folder / "progress.xlsx")
    return db, doc, sheet
