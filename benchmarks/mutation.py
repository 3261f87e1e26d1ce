"""Mutation testing of core/: mutmut changes the code one small step at a time (a `<` into `<=`,
a `continue` into `break`, a text into another …) and runs the core tests against every such
mutant; a mutant no test notices is a change that could ship unseen. This prints the score per
module and fails (exit 1) when any module in scope scores below 90 %.

    scripts/mutation-check [--keep] [--survivors] [--jobs N] [--reuse-record]

Scope and tests come from [tool.mutmut] in pyproject.toml (the modules in `only_mutate`, the test
files in `pytest_add_cli_args_test_selection`). score = (killed + timed out + listed equivalent)
÷ all mutants; a mutant no test even runs counts as surviving. Equivalent mutants — changes that
cannot alter behaviour — are listed one by one, each with its reason and the lines it changes, in
tests/mutation-equivalents.toml; exactly those count as killed, and an entry whose mutant no
longer exists, reads differently or is now killed fails the check, so the list cannot go stale.

A passing run writes benchmarks/mutation-record.json: the scores and one SHA-256 over everything
the result depends on (core/, the forms and catalogs the core tests read, the core tests and
their support files, the equivalents, the [tool.mutmut] settings, this script, mutmut's
version). With --reuse-record (CI) a record whose hash matches the tree is reported instead of
rerunning the same deterministic computation; any change to those inputs runs the check in full.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THRESHOLD = 90.0
EQUIVALENTS = ROOT / "tests" / "mutation-equivalents.toml"
RECORD = ROOT / "benchmarks" / "mutation-record.json"
LOG = ROOT / "mutants" / "mutmut-run.log"

# Core modules left out of the check, with the reason. Everything else in core/ should be in
# [tool.mutmut] only_mutate; the script names any module that is in neither place.
EXCLUDED: dict[str, str] = {}

KILLED = {"killed", "timeout"}


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]


def _check_setup(cfg: dict) -> list[str]:
    """Problems with the configuration itself: a core test file or core module left out."""
    problems = []
    selected = set(cfg["pytest_add_cli_args_test_selection"])
    for path in sorted((ROOT / "tests").glob("test_core_*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel not in selected:
            problems.append(f"{rel} is a core test but not in [tool.mutmut] "
                            "pytest_add_cli_args_test_selection")
    for rel in cfg["only_mutate"]:
        if not (ROOT / rel).is_file():
            problems.append(f"{rel} is in [tool.mutmut] only_mutate but does not exist")
    return problems


def _unlisted_modules(cfg: dict) -> list[str]:
    listed = set(cfg["only_mutate"]) | set(EXCLUDED)
    return [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "kanwa_review" / "core")
                                                           .glob("*.py"))
            if p.name != "__init__.py" and p.relative_to(ROOT).as_posix() not in listed]


def _inputs(cfg: dict) -> list[Path]:
    """Every file a result of the check depends on (the core tests import only core/ and
    tests/core_support.py; conftest.py is loaded by pytest)."""
    tests = ROOT / "tests"
    found = [*(ROOT / "kanwa_review" / "core").rglob("*.py"),
             *(ROOT / "kanwa_review" / "translations").glob("*.ts"),
             *(ROOT / "forms").rglob("*"), *(tests / "data").rglob("*"),
             *(ROOT / t for t in cfg["pytest_add_cli_args_test_selection"]),
             tests / "conftest.py", tests / "core_support.py", EQUIVALENTS,
             Path(__file__).resolve()]
    return sorted({p for p in found if p.is_file() and "__pycache__" not in p.parts})


def inputs_hash(cfg: dict) -> str:
    import hashlib
    from importlib.metadata import version

    digest = hashlib.sha256()
    digest.update(json.dumps(cfg, sort_keys=True).encode())
    digest.update(version("mutmut").encode())
    for path in _inputs(cfg):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _reused(cfg: dict, inputs: str) -> bool:
    """Report the recorded passing run when nothing it depends on has changed."""
    try:
        record = json.loads(RECORD.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if record.get("inputs_sha256") != inputs or record.get("passed") is not True:
        return False
    print(f"mutation check of core/: inputs unchanged since the passing run of "
          f"{record['date']} (sha256 {record['inputs_sha256'][:12]}…); not rerun "
          "(scripts/mutation-check without --reuse-record reruns it)")
    for module, score in record["scores"].items():
        print(f"{module:16} {score:6.1f}%")
    return True


def _write_record(inputs: str, scores: dict[str, float], elapsed: float) -> None:
    from datetime import date

    RECORD.write_text(json.dumps({
        "passed": True, "date": date.today().isoformat(), "seconds": round(elapsed),
        "inputs_sha256": inputs, "scores": scores}, indent=1, ensure_ascii=False)
        + "\n", encoding="utf-8")


def _run_mutmut(jobs: int) -> float:
    LOG.parent.mkdir(exist_ok=True)
    start = time.monotonic()
    with LOG.open("w", encoding="utf-8") as log:
        # mutmut's progress line is redrawn thousands of times: keep it in the log file
        rc = subprocess.call([sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs)],
                             cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    elapsed = time.monotonic() - start
    if rc != 0:
        tail = LOG.read_text(encoding="utf-8", errors="replace")[-4000:]
        sys.exit(f"mutmut run failed (exit {rc}); the end of {LOG}:\n{tail}")
    return elapsed


def _diff(name: str, module: str) -> str:
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    return get_diff_for_mutant(name, path=module)


def _changed_lines(diff: str, sign: str) -> str:
    """The lines a mutant removes ("-") or reads instead ("+"), stripped: what an equivalents
    entry records as `original` and `mutated`."""
    return "\n".join(ln[1:].strip() for ln in diff.splitlines()[2:] if ln.startswith(sign))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--keep", action="store_true",
                   help="reuse the results in mutants/ (mutmut reruns only what changed)")
    p.add_argument("--survivors", action="store_true",
                   help="show every surviving mutant, also when all modules pass")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    p.add_argument("--reuse-record", action="store_true",
                   help="report benchmarks/mutation-record.json instead of rerunning when "
                        "nothing it depends on changed")
    args = p.parse_args()
    os.chdir(ROOT)
    from mutmut.stats import status_by_exit_code

    cfg = _config()
    problems = _check_setup(cfg)
    if problems:
        print("\n".join(problems))
        return 1
    unlisted = _unlisted_modules(cfg)
    inputs = inputs_hash(cfg)   # before the run: the record names what was checked
    if args.reuse_record and not unlisted and _reused(cfg, inputs):
        return 0
    if not args.keep:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    elapsed = _run_mutmut(args.jobs)

    modules = list(cfg["only_mutate"])
    status: dict[str, dict[str, str]] = {}
    for module in modules:
        meta = json.loads((ROOT / "mutants" / f"{module}.meta").read_text(encoding="utf-8"))
        status[module] = {k: status_by_exit_code[v] for k, v in meta["exit_code_by_key"].items()}

    # the listed equivalents: each must still exist, read the same and survive
    entries = tomllib.loads(EQUIVALENTS.read_text(encoding="utf-8")).get("equivalent", [])
    equivalent: set[str] = set()
    errors = []
    for e in entries:
        name = e["mutant"]
        module = next((m for m in modules if name.startswith(m[:-3].replace("/", ".") + ".")),
                      None)
        if module is None or name not in status[module]:
            errors.append(f"{name}: no such mutant (the code changed?): check the entry again")
            continue
        diff = _diff(name, module)
        now = (_changed_lines(diff, "-"), _changed_lines(diff, "+"))
        if now != (e["original"].strip(), e["mutated"].strip()):
            errors.append(f"{name}: changes\n    {now[0]}\n  into\n    {now[1]}\n  not the lines "
                          "the entry records (the code changed): check it is still equivalent")
        elif status[module][name] in KILLED:
            errors.append(f"{name}: listed as equivalent, but a test kills it: remove the entry")
        elif status[module][name] not in ("survived", "no tests"):
            errors.append(f"{name}: {status[module][name]}: not a surviving mutant")
        else:
            equivalent.add(name)
        if not e.get("reason", "").strip():
            errors.append(f"{name}: give the reason it cannot change behaviour")

    print(f"mutation check of core/ (mutmut, core tests only): {elapsed:.0f} s, "
          f"{args.jobs} workers, threshold {THRESHOLD:.0f} %")
    print(f"{'module':16} {'mutants':>7} {'killed':>7} {'equiv.':>7} {'survived':>8} "
          f"{'no test':>7} {'score':>7}")
    failing, survivors = [], []
    scores: dict[str, float] = {}
    totals = [0, 0, 0, 0, 0]
    for module in modules:
        st = status[module]
        killed = sum(1 for s in st.values() if s in KILLED)
        equiv = sum(1 for k in st if k in equivalent)
        no_test = sum(1 for k, s in st.items() if s == "no tests" and k not in equivalent)
        skipped = sum(1 for s in st.values() if s == "skipped")
        left = [k for k, s in st.items() if s not in KILLED and s != "skipped"
                and k not in equivalent]
        survived = len(left) - no_test
        counted = len(st) - skipped
        score = 100.0 * (killed + equiv) / counted if counted else 100.0
        scores[Path(module).stem] = round(score, 1)
        mark = "" if score >= THRESHOLD else "  < threshold"
        print(f"{Path(module).stem:16} {counted:7} {killed:7} {equiv:7} {survived:8} "
              f"{no_test:7} {score:6.1f}%{mark}")
        for i, n in enumerate((counted, killed, equiv, survived, no_test)):
            totals[i] += n
        if score < THRESHOLD:
            failing.append(module)
        survivors += [(module, k, st[k]) for k in left]
    counted, killed, equiv, survived, no_test = totals
    print(f"{'core (in scope)':16} {counted:7} {killed:7} {equiv:7} {survived:8} {no_test:7} "
          f"{100.0 * (killed + equiv) / counted:6.1f}%")
    for rel, why in EXCLUDED.items():
        print(f"not checked: {rel}: {why}")
    for rel in unlisted:
        print(f"not checked: {rel} is new: add it to [tool.mutmut] only_mutate "
              "(or to EXCLUDED in benchmarks/mutation.py, with the reason)")

    if survivors and (failing or errors or args.survivors):
        print("\nsurviving mutants (kill them with a test, or list a truly equivalent one in "
              f"{EQUIVALENTS.relative_to(ROOT)}):")
        for module, name, st in survivors:
            print(f"--- {name} ({st})")
            print("\n".join(ln for ln in _diff(name, module).splitlines()[2:]
                            if ln.startswith(("+", "-"))))
    if errors:
        print(f"\n{EQUIVALENTS.relative_to(ROOT)}:")
        print("\n".join(f"  {e}" for e in errors))
    if failing:
        print(f"\nbelow {THRESHOLD:.0f} %: {', '.join(Path(m).stem for m in failing)}")
    if unlisted:
        print("\nevery module of core/ must be checked (or excluded with its reason)")
    if failing or errors or unlisted:
        return 1
    if inputs != inputs_hash(cfg):
        print("\nthe inputs changed while the check ran: no record written; run it again")
        return 1
    _write_record(inputs, scores, elapsed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
