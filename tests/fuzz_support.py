"""Seeded fuzzing of the readers of outside files (tests/test_proof_fuzz.py with CI sizes,
benchmarks/bench_proofs.py with large ones).

Each target starts from one valid file and makes mutated copies: raw byte flips, truncations
and insertions, and mutations that keep the file well-formed (a JSON value replaced or
deleted, a cell of a random type, a YAML value or line changed). Every case must be accepted
or refused with the reader's documented refusal — never another exception, never a hang — and
a refused file must leave the database exactly as it was; after an accepted one the database
must still pass SQLite's integrity and foreign-key checks. A failure names the campaign seed
and the case seed; `replay(name, folder, case_seed)` repeats that one case."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import random
import signal
import sqlite3
import time
import traceback
import zipfile
from contextlib import contextmanager
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path
from typing import Any

import yaml

from tests.db_support import db_snapshot

DATA = Path(__file__).parent / "data"
MINI = DATA / "forms" / "mini.yaml"
CASE_BUDGET_S = 10.0           # one case; a reader taking longer is treated as a hang


class Hang(BaseException):
    """Raised in the reader by the alarm; BaseException so no `except Exception` hides it."""


@contextmanager
def time_limit(seconds: float):
    if not hasattr(signal, "setitimer"):  # Windows: no interval timer; CI on Linux has one
        yield
        return

    def alarm(_sig, _frame):
        raise Hang()
    # pytest-timeout may own the same timer: put its handler and its remaining time back
    old = signal.signal(signal.SIGALRM, alarm)
    start = time.monotonic()
    outer, _interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        if outer:
            signal.setitimer(signal.ITIMER_REAL,
                             max(outer - (time.monotonic() - start), 0.001))


# --- random values and mutations ----------------------------------------------------------

_STRINGS = ["", " ", "A", "NA", "B+", "final", "draft", "F001", "H001", "架空", "はい", "いいえ",
            "完了", "2025-11-20", "2025-02-30", "2026-02-01T09:30:00+09:00", "9999-12-31",
            "0b7c2a52-5d7e-4f0e-9a55-3f1d2c4b6a10", "../../etc/passwd", "C:\\x", "=1+1",
            "-1", "1e999", "NaN", "\u202e", "\ud7ff", "x" * 5000, "架空" * 300, "\t\n",
            "null", "true", "{}", "[]"]


def random_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(9 if depth < 2 else 7)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, 1, -1, 2, 60, 86, 2**31, 2**63, -2**63, 10**30,
                           rng.randint(-10**6, 10**6)])
    if kind == 3:
        return rng.choice([0.5, -0.0, 1e308, -1e-308, 3.14, float(rng.randint(0, 100)),
                           float("nan"), float("inf")])
    if kind in (4, 5, 6):
        s = rng.choice(_STRINGS)
        if rng.random() < 0.3:
            s = "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0x3040, 0x30ff),
                                        rng.randint(0, 31)])) for _ in range(rng.randint(1, 20)))
        return s
    if kind == 7:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(_STRINGS[:12]): random_value(rng, depth + 1)
            for _ in range(rng.randint(0, 3))}


def mutate_bytes(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """One to a few raw mutations: flips, truncation, insertion, deletion, duplication."""
    b = bytearray(data)
    labels = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        op = rng.randrange(5)
        if not b:
            op = 2
        if op == 0:
            for _ in range(rng.randint(1, 8)):
                b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
            labels.append("flip")
        elif op == 1:
            b = b[:rng.randrange(len(b))]
            labels.append("truncate")
        elif op == 2:
            at = rng.randrange(len(b) + 1)
            junk = rng.choice([bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))),
                               b"\x00" * rng.randint(1, 4096), b"PK\x03\x04", b"PK\x05\x06",
                               "架空".encode(), b"\xff\xfe", b"{", b"]", b"\"", b": &a *a"])
            b[at:at] = junk
            labels.append("insert")
        elif op == 3:
            at = rng.randrange(len(b))
            del b[at:at + rng.randint(1, 256)]
            labels.append("delete")
        else:
            at = rng.randrange(len(b))
            chunk = b[at:at + rng.randint(1, 512)]
            to = rng.randrange(len(b) + 1)
            b[to:to] = chunk
            labels.append("duplicate")
    return "bytes:" + "+".join(labels), bytes(b)


def _paths(doc: Any, here: tuple = ()) -> list[tuple]:
    out = [here]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, here + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, here + (i,))
    return out


def mutate_tree(rng: random.Random, doc: Any) -> tuple[str, Any]:
    """Replace, delete or duplicate one to three random places of a JSON/YAML tree."""
    doc = copy.deepcopy(doc)
    labels = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            return "tree:root", random_value(rng)
        path = rng.choice(paths)
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        op = rng.randrange(4)
        where = "/".join(map(str, path))
        if op <= 1:
            parent[key] = random_value(rng)
            labels.append(f"replace {where}")
        elif op == 2:
            del parent[key]
            labels.append(f"delete {where}")
        elif isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
            labels.append(f"duplicate {where}")
        else:
            parent[rng.choice(_STRINGS[:12])] = copy.deepcopy(parent[key])
            labels.append(f"copy {where}")
    return "tree:" + "; ".join(labels), doc


# --- the targets --------------------------------------------------------------------------

def _integrity(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def _mini_review(folder: Path):
    """A database with a finalised review of the mini form (like the final_review fixture)."""
    from kanwa_review.core.form import load_form
    from kanwa_review.core.review import TeamMember
    from kanwa_review.services import Services
    from kanwa_review.store import open_database
    from tests.conftest import complete_mini

    db = open_database(folder / "source.sqlite")
    services = Services(db, actor="テスト 太郎")
    form = load_form(MINI)
    services.create_facility("F001", "架空県立がんセンター", "架空県", "prefectural")
    review = services.start_review("F001", form, date(2025, 11, 20),
                                   [TeamMember("山田 花子", "leader", "physician"),
                                    TeamMember("鈴木 一郎", "member", "nurse")])
    complete_mini(services, review.uuid)
    services.add_finding(review.uuid, "strength", "委員会が定期的に開催されている", ["A-1"])
    services.finalise(review.uuid, "山田 花子")
    return db, services, form, review.uuid


class Target:
    name = ""
    suffix = ""
    db_path: Path | None = None

    def mutate(self, rng: random.Random) -> tuple[str, bytes]:
        raise NotImplementedError

    def apply(self, path: Path) -> tuple[str, list[str]]:
        """(status, errors): status "rejected" or an accepting one."""
        raise NotImplementedError

    def close(self) -> None:
        pass


class PackageTarget(Target):
    """.kanwa packages imported into a hub database through the importer."""

    name, suffix = "package", ".kanwa"

    def __init__(self, folder: Path):
        from kanwa_review.store import open_database

        db, services, _form, uuid = _mini_review(folder)
        services.add_action("F001", "年度計画を文書化する", origin_review_uuid=uuid)
        _review, self.valid = services.package_bytes(uuid)
        db.close()
        with zipfile.ZipFile(io.BytesIO(self.valid)) as zf:
            self.members = {i.filename: zf.read(i) for i in zf.infolist()}
        self.db_path = folder / "hub.sqlite"
        self.hub = open_database(self.db_path)

    def _zip(self, members: dict[str, bytes], fix_hashes: bool) -> bytes:
        members = dict(members)
        if fix_hashes:
            try:
                manifest = json.loads(members["manifest.json"])
                for m in manifest["members"]:
                    data = members.get(m["name"], b"")
                    m["sha256"], m["size"] = hashlib.sha256(data).hexdigest(), len(data)
                members["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
            except (ValueError, KeyError, TypeError, AttributeError):
                pass            # the manifest itself was mutated out of shape: keep it
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members.items():
                zf.writestr(name, data)
        return buf.getvalue()

    def _empty_hub(self) -> None:
        from kanwa_review.store import open_database

        self.hub.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
        self.hub = open_database(self.db_path)

    def mutate(self, rng):
        # now and then an empty hub, so that a mutated review that passes every check is
        # imported as new (written), not only compared with the revision held
        if rng.random() < 0.25:
            self._empty_hub()
        if rng.random() < 0.35:
            return mutate_bytes(rng, self.valid)
        name = rng.choice(["review.json", "review.json", "actions.json", "manifest.json",
                           "form.json"])
        label, doc = mutate_tree(rng, json.loads(self.members[name]))
        members = dict(self.members)
        members[name] = json.dumps(doc, ensure_ascii=False).encode("utf-8")
        fix = rng.random() < 0.8
        return f"{name} {label} ({'hashes fixed' if fix else 'stale hashes'})", \
            self._zip(members, fix)

    def apply(self, path):
        from kanwa_review.services import Services

        result = Services(self.hub, actor="拠点 事務").import_package(path)
        assert result.status in ("imported", "unchanged", "superseded", "rejected"), result
        return result.status, list(result.errors)

    def close(self):
        self.hub.close()


class WorkbookTarget(Target):
    """Filled checklist workbooks (評価票) imported through excel_import."""

    name, suffix = "workbook", ".xlsx"

    def __init__(self, folder: Path):
        from openpyxl import load_workbook

        from kanwa_review.core.form import load_form
        from kanwa_review.exchange.excel_template import (
            COLUMNS,
            HEADER_SHEET,
            LAYOUT_2,
            SHEET,
            input_columns,
            write_template,
        )
        from kanwa_review.services import Services
        from kanwa_review.store import open_database
        from kanwa_review.store import repository as repo
        from tests.data.excel.make_bad_workbooks import VALID, fill

        form = load_form(MINI)
        filled = write_template(form, folder / "filled.xlsx")
        fill(filled, VALID)
        self.valid = filled.read_bytes()
        self.wb = load_workbook(filled)
        self.db_path = folder / "team.sqlite"
        self.db = open_database(self.db_path)
        self.services = Services(self.db, actor="テスト 太郎")
        with self.db.transaction():
            repo.ensure_form(self.db, form)
        # cells as (sheet, address): the header sheet, then the items and option rows
        header = [(HEADER_SHEET, cell) for cell in LAYOUT_2.cells.values()] + \
            [(HEADER_SHEET, f"{c}{r}") for r in range(13, 17) for c in "BCDE"]
        rows, row = [], LAYOUT_2.first_item_row
        for item in form.items():
            rows.append((row, item, False))
            for n in range(len(item.choices) if item.type == "multi_choice" else 0):
                rows.append((row + 1 + n, item, True))
            row += 1 + (len(item.choices) if item.type == "multi_choice" else 0)
        self.cells = header + [(SHEET, f"{c}{r}") for r, _i, _o in rows for c in "FGHIJKLM"]
        # the cells a person may fill in: most mutations go there, so that some get accepted
        self.input_cells = header + [
            (SHEET, f"{c}{r}") for r, item, option in rows
            for c in (["H"] if option else sorted(COLUMNS[f] for f in input_columns(item)))]

    def _cell_value(self, rng: random.Random):
        kind = rng.randrange(8)
        if kind == 0:
            return None
        if kind == 1:
            return rng.choice([0, 1, -1, 45, 60, 120, 10**15, rng.randint(-1000, 1000)])
        if kind == 2:
            return rng.choice([0.5, -0.0, 1e300, 99.999, 3.0])
        if kind == 3:
            return rng.choice([True, False])
        if kind == 4:
            return rng.choice([datetime(2025, 11, 20), datetime(1900, 1, 1), date(2099, 12, 31),
                               dtime(10, 30), datetime(2024, 10, 1, 23, 59, 59)])
        if kind == 5:
            return rng.choice(["=1/0", "=A1", "=HYPERLINK(\"http://x\")", "=SUM(I2:J8)"])
        value = rng.choice(_STRINGS)
        # openpyxl refuses control characters in cells (Excel cannot hold them either)
        return "".join(ch for ch in value if ord(ch) >= 32 or ch in "\t\n\r")

    def mutate(self, rng):
        if rng.random() < 0.3:
            return mutate_bytes(rng, self.valid)
        changed = {}
        pool = self.input_cells if rng.random() < 0.7 else self.cells
        for address in rng.sample(pool, rng.randint(1, 3)):
            changed[address] = self._cell_value(rng)
        # a date written to a cell also changes its number format: put both back, or every
        # later case would inherit a date-formatted number and be refused for it
        old = {(s, a): (self.wb[s][a].value, self.wb[s][a].number_format) for s, a in changed}
        try:
            for (s, a), v in changed.items():
                self.wb[s][a].value = v
            buf = io.BytesIO()
            self.wb.save(buf)
        finally:
            for (s, a), (v, fmt) in old.items():
                self.wb[s][a].value = v
                self.wb[s][a].number_format = fmt
        label = "cells " + ", ".join(f"{s}!{a}={v!r:.30}" for (s, a), v in changed.items())
        return label, buf.getvalue()

    def apply(self, path):
        result = self.services.import_workbook(path)
        assert result.status in ("imported", "unchanged", "superseded", "rejected"), result
        return result.status, list(result.errors)

    def close(self):
        self.db.close()


class ProgressTarget(Target):
    """JSON progress files (進捗の報告) imported through exchange.progress."""

    name, suffix = "progress", ".json"

    def __init__(self, folder: Path):
        db, services, _form, uuid = _mini_review(folder)
        services.create_facility("F002", "架空市民病院", "架空県", "regional")
        a = services.add_action("F001", "年度計画を文書化する", due_date=date(2026, 3, 31),
                                origin_review_uuid=uuid, created_at="2025-11-21T00:00:00+00:00")
        services.add_progress(a.uuid, "in_progress", "草案", at="2026-01-10T00:00:00+00:00")
        services.add_action("F001", "研修の案内を送る", created_at="2026-01-20T00:00:00+00:00")
        services.add_action("F002", "他施設の計画", created_at="2025-11-21T00:00:00+00:00")
        out, _n = services.export_progress("F001", folder / "F001.json")
        self.doc = json.loads(out.read_text(encoding="utf-8"))
        # a filled-in report, so that valid-looking mutations reach the apply step too
        self.doc["actions"][0]["progress"].append(
            {"at": "2026-02-01", "status": "done", "note": "計画書が承認された",
             "author": "架空 次郎"})
        self.valid = json.dumps(self.doc, ensure_ascii=False).encode("utf-8")
        self.db, self.services, self.db_path = db, services, folder / "source.sqlite"

    def mutate(self, rng):
        if rng.random() < 0.3:
            return mutate_bytes(rng, self.valid)
        label, doc = mutate_tree(rng, self.doc)
        return label, json.dumps(doc, ensure_ascii=False).encode("utf-8")

    def apply(self, path):
        result = self.services.import_progress(path)
        assert result.status in ("imported", "unchanged", "rejected"), result
        return result.status, list(result.errors)

    def close(self):
        self.db.close()


class FormTarget(Target):
    """Form YAML files (評価票の定義) read by core.form.load_form. No database."""

    name, suffix = "form", ".yaml"

    def __init__(self, folder: Path):
        self.valid = MINI.read_bytes()
        self.doc = yaml.safe_load(self.valid)

    def mutate(self, rng):
        r = rng.random()
        if r < 0.35:
            return mutate_bytes(rng, self.valid)
        if r < 0.55:
            lines = self.valid.decode("utf-8").splitlines(keepends=True)
            at = rng.randrange(len(lines))
            op = rng.randrange(4)
            if op == 0:
                del lines[at]
            elif op == 1:
                lines.insert(at, lines[rng.randrange(len(lines))])
            elif op == 2:
                lines[at] = "  " + lines[at]
            else:
                lines[at] = lines[at].lstrip()
            return f"line {at + 1} op {op}", "".join(lines).encode("utf-8")
        label, doc = mutate_tree(rng, self.doc)
        return label, yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")

    def apply(self, path):
        from kanwa_review.core.form import Form, FormError, load_form

        try:
            form = load_form(path)
        except FormError as exc:
            return "rejected", [str(exc)]
        assert isinstance(form, Form)
        return "accepted", []


TARGETS = {t.name: t for t in (PackageTarget, WorkbookTarget, ProgressTarget, FormTarget)}


# --- running ------------------------------------------------------------------------------

@contextmanager
def _isolated_errors():
    """The tracebacks an import isolated as rejected files (services/incidents.py) while the
    block ran."""
    from kanwa_review.services import incidents

    seen: list[str] = []
    real = incidents.log

    def spy(what, subject, exc):
        seen.append("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        return real(what, subject, exc)

    incidents.log = spy
    try:
        yield seen
    finally:
        incidents.log = real


def _one(target: Target, path: Path, case_seed: int, where: str) -> str:
    label, data = target.mutate(random.Random(case_seed))
    path.write_bytes(data)
    before = db_snapshot(target.db_path) if target.db_path else None
    start = time.monotonic()
    try:
        with time_limit(CASE_BUDGET_S), _isolated_errors() as isolated:
            status, errors = target.apply(path)
    except Hang:
        raise AssertionError(f"{where} [{label}]: the reader did not finish within "
                             f"{CASE_BUDGET_S:.0f} s") from None
    except Exception:  # noqa: BLE001 — any other exception is exactly what this proof hunts
        raise AssertionError(f"{where} [{label}]: the reader raised instead of refusing:\n"
                             f"{traceback.format_exc()}") from None
    if isolated:   # an import turned an exception into a "rejected" line: still a bug
        raise AssertionError(f"{where} [{label}]: the reader raised (isolated as a rejected "
                             f"file) instead of refusing:\n{isolated[0]}")
    elapsed = time.monotonic() - start
    assert elapsed < CASE_BUDGET_S, f"{where} [{label}]: took {elapsed:.1f} s"
    if status == "rejected":
        assert errors and all(isinstance(e, str) and e.strip() for e in errors), \
            f"{where} [{label}]: refused without an error message"
        assert any(path.name in e for e in errors), \
            f"{where} [{label}]: the error does not name the file: {errors[:2]}"
        if before is not None:
            assert db_snapshot(target.db_path) == before, \
                f"{where} [{label}]: a refused file changed the database: {errors[:3]}"
    elif target.db_path is not None:
        _integrity(target.db_path)
    return status


def campaign(name: str, folder: Path, cases: int, seed: int) -> dict:
    """Run `cases` mutated files of one target; returns counts per outcome."""
    folder.mkdir(parents=True, exist_ok=True)
    target = TARGETS[name](folder)
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    start = time.perf_counter()
    try:
        for i in range(cases):
            case_seed = rng.getrandbits(32)
            where = f"{name} case {i} (seed {seed}, case seed {case_seed})"
            status = _one(target, folder / f"case{target.suffix}", case_seed, where)
            counts[status] = counts.get(status, 0) + 1
    finally:
        target.close()
    return {"target": name, "cases": cases, "seconds": time.perf_counter() - start, **counts}


def replay(name: str, folder: Path, case_seed: int) -> str:
    """Repeat one case on a fresh target (for a regression test or a bug hunt)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = TARGETS[name](folder)
    try:
        return _one(target, folder / f"case{target.suffix}", case_seed, f"{name} replay "
                    f"{case_seed}")
    finally:
        target.close()
