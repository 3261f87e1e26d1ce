"""Property (issue 12): whatever a package's JSON members hold — numbers pushed to extremes,
dates and times pushed to extremes, strings given hostile characters — `import` ends in
"imported and printable" or "rejected with a reason", never a traceback; after an import,
`excel` and `report --all` succeed and the workbook holds no NaN or infinity; and both succeed
on one hub holding every file accepted during the run.

A bounded number of examples here; benchmarks/bench_proofs.py runs a larger campaign with
`campaign()`."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
import shutil
import traceback
import zipfile
from itertools import count
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kanwa_review.cli import main
from kanwa_review.exchange.document_bounds import PACKAGE_RULES
from tests import hostile_files as F

NUMBERS = [10 ** 400, -10 ** 400, 10 ** 16, -10 ** 16, 2 ** 63, -1, 0, 1, 10 ** 7, 10 ** 7 + 1,
           10 ** 12, 10 ** 12 + 1, 10 ** 15, 1e308, -1e308, 1e-308, 0.5, 2.5, float("nan"),
           float("inf"), True, None]
TIMES = ["0001-01-01T00:00:00+09:00", "9999-12-31T23:59:59-09:00", "2000-01-01T00:00:00+14:00",
         "2100-12-31T23:59:59-14:00", "2000-01-01T00:00:00Z", "2100-12-31T23:59:59Z",
         "1999-12-31T23:59:59Z", "2024-02-29T00:00:00+09:00", "2025-02-29T00:00:00+09:00",
         "2025-11-20T24:00:00+09:00", "2025-11-20T09:30:00+15:00", "2025-11-20T09:30:00",
         "0001-01-01", "9999-12-31", "2000-01-01", "2100-12-31", "1999-12-31", "2025-02-30",
         "2025-11-20", ""]
HOSTILE = ["\x1b[2J", "\u202e", "\ud800", "\udfff", "\x00", "\u200b", "\x85", "\x9b",
           "\ufffe", "\r\n", "\u2028", "x" * 25_000, "架" * 201, "\udc82\udcf1", "\ufeff"]
# odd but allowed where the field allows them: what must import and still print
TRICKY = ["か\u3099", "🌸\u200d🌸", "𠮷野家", "=1+1", "+81-3", "@SUM(A1)", "<b>&amp;</b>",
          "\n二行目", "\t", "〓", "ｶﾀｶﾅ", "x" * 150, "架" * 90, "\u3000", " "]
# the places a person types text into (names, comments, notes …)
TYPED = {"evidence", "comment", "text", "note", "title", "success_measure", "name",
         "affiliation", "owner_role", "owner_name", "author", "period", "prefecture",
         "finalised_by", "updated_by", "actor"}


def leaves(doc, here=()):
    """(path, value) of every leaf of a JSON tree."""
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from leaves(v, here + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from leaves(v, here + (i,))
    else:
        yield here, doc


def _set(doc, path, value):
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


TIME_KEYS = PACKAGE_RULES.timestamps | PACKAGE_RULES.dates


@st.composite
def mutations(draw):
    """(member, path index, kind, value, how) — resolved against the documents by `apply`."""
    member = draw(st.sampled_from(["review", "review", "review", "actions", "manifest"]))
    kind = draw(st.sampled_from(["number", "time", "text"] + ["typed"] * 5))
    index = draw(st.integers(0, 10 ** 6))
    if kind == "number":
        value = draw(st.sampled_from(NUMBERS))
    elif kind == "time":
        value = draw(st.sampled_from(TIMES))
    else:
        value = draw(st.sampled_from(HOSTILE + TRICKY + TRICKY))
    how = draw(st.sampled_from(["replace", "prefix", "suffix", "suffix"]))
    return member, index, kind, value, how


def build(n: int, changes) -> tuple[bytes, str]:
    """The valid version-2 package of a review of facility P{n} with `changes` applied; a
    label saying what was changed."""
    doc = F.document(facility=f"P{n:04d}", uuid=F.new_uuid(1000 + n))
    acts = F.actions_document(doc)
    for a in acts["actions"]:        # one hub holds every accepted file: no shared action
        a["uuid"] = F.new_uuid(500_000 + n)
    manifest_edits = []
    labels = []
    for member, index, kind, value, how in changes:
        target = {"review": doc, "actions": acts, "manifest": None}[member]
        if target is None:
            # the manifest is made from the review when the package is built: edit it then
            manifest_edits.append((index, kind, value, how))
            labels.append(f"manifest[{index}] {kind} {how} {value!r:.40}")
            continue
        labels.append(_apply(target, index, kind, value, how, member))

    def edit(manifest):
        for index, kind, value, how in manifest_edits:
            _apply(manifest, index, kind, value, how, "manifest")

    return F.package(doc, actions=acts, format_version=2, manifest_change=edit), "; ".join(labels)


def _apply(doc, index, kind, value, how, member) -> str:
    if kind == "number":
        places = [(p, v) for p, v in leaves(doc) if isinstance(v, (int, float))
                  and not isinstance(v, bool)]
    elif kind == "time":
        places = [(p, v) for p, v in leaves(doc) if p and p[-1] in TIME_KEYS]
    elif kind == "typed":
        places = [(p, v) for p, v in leaves(doc) if isinstance(v, str)
                  and any(k in TYPED for k in p if isinstance(k, str))]
    else:
        places = [(p, v) for p, v in leaves(doc) if isinstance(v, str)]
    if not places:
        return f"{member}: no {kind}"
    path, old = places[index % len(places)]
    new = value
    if kind in ("text", "typed") and isinstance(old, str) and how != "replace":
        new = value + old if how == "prefix" else old + value
    _set(doc, path, new)
    return f"{member}/{'/'.join(map(str, path))} {kind} {how} {new!r:.40}"


@contextlib.contextmanager
def _incidents():
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


def cli(*args) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out), \
            _incidents() as isolated:
        code = main([str(a) for a in args])
    text = out.getvalue()
    assert not isolated, f"{args[0]}: an error was isolated:\n{isolated[0]}"
    assert "Traceback" not in text, text
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), \
        repr(text)
    return code, text


def printable(db: Path, folder: Path) -> None:
    """`excel` and `report --all` succeed on `db`; the workbook holds no NaN or infinity."""
    code, text = cli("excel", "--db", db, "-o", folder / "return.xlsx")
    assert code == 0, text
    with zipfile.ZipFile(folder / "return.xlsx") as zf:
        xml = "".join(zf.read(n).decode("utf-8") for n in zf.namelist()
                      if n.startswith("xl/worksheets/"))
    assert not re.search(r"<v>(nan|inf|-inf)</v>", xml, re.IGNORECASE)
    code, text = cli("report", "--db", db, "--all", "-o", folder / "all.pdf")
    assert code == 0, text
    assert (folder / "all.pdf").read_bytes().startswith(b"%PDF")


def one(folder: Path, n: int, changes) -> tuple[str, Path]:
    """Import one mutated package into a fresh hub; returns its status and the file."""
    data, label = build(n, changes)
    path = folder / f"case{n}.kanwa"
    path.write_bytes(data)
    db = folder / f"hub{n}.sqlite"
    code, text = cli("import", "--db", db, path, "--json")
    lines = [line for line in text.splitlines() if line.startswith("{")]
    assert len(lines) == 1, (label, text)
    result = json.loads(lines[0])
    assert result["status"] in ("imported", "rejected"), (label, result)
    if result["status"] == "rejected":
        assert code == 1 and result["errors"], (label, result)
        assert all(str(path) in e for e in result["errors"]), (label, result["errors"][:2])
        assert not db.exists()          # nothing written, not even the new file
    else:
        assert code == 0, (label, text)
        printable(db, folder)
    return result["status"], path


SEED = 20261201


def campaign(folder: Path, examples: int, seed: int = SEED) -> dict:
    """Run `examples` mutated packages (hypothesis, from `seed`: the same examples on every
    run), then `excel` and `report --all` on one hub holding every accepted file; returns the
    counts."""
    folder.mkdir(parents=True, exist_ok=True)
    numbers = count()
    accepted: list[Path] = []
    counts = {"imported": 0, "rejected": 0}

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(mutations(), min_size=1, max_size=2))
    def check(changes):
        n = next(numbers)
        work = folder / f"ex{n}"
        work.mkdir()
        status, path = one(work, n, changes)
        counts[status] += 1
        if status == "imported":
            kept = folder / f"accepted{n}.kanwa"
            shutil.copy(path, kept)
            accepted.append(kept)
        shutil.rmtree(work, ignore_errors=True)

    from hypothesis import seed as hypothesis_seed

    hypothesis_seed(seed)(check)()
    everything = folder / "everything.sqlite"
    if accepted:
        code, text = cli("import", "--db", everything, *accepted, "--json")
        assert code == 0, text
        got = [json.loads(line)["status"] for line in text.splitlines() if line.startswith("{")]
        assert got == ["imported"] * len(accepted), got
        printable(everything, folder)
    return {**counts, "accepted_on_one_hub": len(accepted)}


def test_any_mutated_package_is_imported_and_printable_or_rejected_with_a_reason(tmp_path):
    figures = campaign(tmp_path, examples=30)
    assert figures["imported"] + figures["rejected"] >= 30
    assert figures["rejected"] > 0 and figures["imported"] > 0, figures


def test_the_mutations_reach_every_kind_of_leaf():
    """The generator is only as good as the places it can reach."""
    doc = F.document()
    acts = F.actions_document(doc)
    for target in (doc, acts):
        for kind in ("number", "time", "text", "typed"):
            mark = {"number": 10 ** 400, "time": "0001-01-01", "text": "\x1b", "typed": "〓"}[kind]
            copy_ = copy.deepcopy(target)
            label = _apply(copy_, 0, kind, mark, "replace", "x")
            assert "no " not in label, label
            assert copy_ != target
