"""The long proofs (tests/test_proof_fuzz.py and tests/test_proof_crash_loop.py at CI size):

* bad input gets a clear error and loses nothing — seeded fuzzing of every reader of outside
  files (.kanwa packages, checklist workbooks, JSON progress files, form YAML): each mutated
  file is accepted or refused with the documented refusal naming the file, within a time
  budget; a refused file leaves the database byte-for-byte the same in content, an accepted
  one leaves it passing PRAGMA integrity_check and foreign_key_check;
* a crash loses nothing — a child process setting answers is killed with SIGKILL at random
  moments 50 times; after each kill the file is intact and every commit it reported is held;
* no file can break the hub (issue 12) — packages whose numbers, dates and times are pushed to
  extremes and whose strings get hostile characters (tests/test_hostile_property.py): each is
  imported and printable (`excel`, `report --all`, no NaN) or rejected with a reason, never a
  traceback; then `excel` and `report --all` on one hub holding every accepted file; and a
  1,000,000-row sheet is refused in well under a second.

A broken rule stops the run with an AssertionError naming the seed and the case."""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash_support import crash_loop, editable_review
from tests.fuzz_support import campaign
from tests.test_hostile_property import campaign as hostile_campaign

SEED = 20261125
FULL = {"package": 5000, "workbook": 1000, "progress": 5000, "form": 5000}
QUICK = {"package": 100, "workbook": 30, "progress": 100, "form": 100}
HOSTILE = {"full": 1000, "quick": 60}


def _million_rows(folder: Path) -> dict:
    """The time `excel-import` takes to refuse a checklist sheet of 1,000,000 rows (20 s before
    issue 12)."""
    from kanwa_review.core.form import load_form
    from kanwa_review.services import Services
    from tests import hostile_files as F

    blank = Services.write_template(load_form(F.MINI_YAML), folder / "blank.xlsx")
    path = F.million_row_workbook(blank, folder / "rows.xlsx")
    with Services.open(folder / "rows.sqlite", create=True) as services:
        start = time.perf_counter()
        result = services.import_workbook(path)
        seconds = time.perf_counter() - start
    assert result.status == "rejected" and "行が多すぎます" in result.errors[0], result
    return {"name": "1,000,000-row sheet refused", "value": round(seconds, 3), "unit": "s",
            "target": "< 1 s", "file_bytes": path.stat().st_size}


def run(quick: bool):
    sizes = QUICK if quick else FULL
    with tempfile.TemporaryDirectory() as tmp:
        warnings.simplefilter("ignore", UserWarning)   # openpyxl on out-of-range date cells
        for name, cases in sizes.items():
            f = campaign(name, Path(tmp) / name, cases, SEED)
            refused = f.get("rejected", 0)
            yield {"name": f"fuzz {name}: cases without a crash, hang or lost data",
                   "value": cases, "unit": "cases", "refused": refused,
                   "accepted": cases - refused, "seconds": round(f["seconds"], 1),
                   "outcomes": {k: v for k, v in f.items()
                                if k not in ("target", "cases", "seconds")},
                   "seed": SEED}
        examples = HOSTILE["quick" if quick else "full"]
        start = time.perf_counter()
        f = hostile_campaign(Path(tmp) / "hostile", examples, seed=SEED)
        yield {"name": "hostile packages: imported and printable, or rejected with a reason",
               "value": f["imported"] + f["rejected"], "unit": "packages",
               "target": examples, **f, "seconds": round(time.perf_counter() - start, 1),
               "seed": SEED}
        yield _million_rows(Path(tmp))
        kills = 5 if quick else 50
        path = Path(tmp) / "loop.sqlite"
        uuid = editable_review(path)
        start = time.perf_counter()
        f = crash_loop(path, uuid, kills=kills, seed=SEED)
        yield {"name": "crash loop: SIGKILLs survived (file intact, every reported commit held)",
               "value": f["kills"], "unit": "kills", "target": kills,
               "answers_verified": f["verified"],
               "seconds": round(time.perf_counter() - start, 1), "seed": SEED}
