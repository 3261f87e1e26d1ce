"""The JSON Schema of the package (exchange/submission.schema.json) is itself valid, agrees with
the domain's constants, and is the one docs/submission-format.md points to."""

from __future__ import annotations

from pathlib import Path

from jsonschema import Draft202012Validator

from kanwa_review.core.review import (
    FACILITY_CATEGORIES, FACILITY_CODE_RE, FINDING_KINDS, PROFESSIONS, TEAM_ROLES,
)
from kanwa_review.exchange import package_format as P

DOCS = Path(__file__).resolve().parents[1] / "docs" / "submission-format.md"


def test_schema_is_a_valid_2020_12_schema():
    Draft202012Validator.check_schema(P.schema())
    for which in ("manifest", "review", "actions"):
        Draft202012Validator.check_schema(P.sub_schema(which))


def test_schema_enums_match_the_domain():
    d = P.schema()["$defs"]
    member = d["team_member"]["properties"]
    assert member["role"]["enum"] == list(TEAM_ROLES)
    assert member["profession"]["enum"] == list(PROFESSIONS)
    assert d["finding"]["properties"]["kind"]["enum"] == list(FINDING_KINDS)
    category = d["review"]["properties"]["facility"]["properties"]["category"]["enum"]
    assert category == list(FACILITY_CATEGORIES)
    assert d["facility_code"]["pattern"] == FACILITY_CODE_RE.pattern
    assert d["manifest"]["properties"]["format_version"]["enum"] == list(P.READABLE_VERSIONS)
    assert P.FORMAT_VERSION == max(P.READABLE_VERSIONS)
    assert d["manifest"]["properties"]["format"]["const"] == P.FORMAT_NAME


def test_member_names_policy():
    assert P.unsafe_name_reason("review.json") is None
    assert P.unsafe_name_reason("attachments/photo-1.jpg") is None
    for bad in ("../x", "a/../b", "/abs", "C:x", "c:/x", "a\\b", "attachments/", "x\x00",
                "attachments/sub/x", "other.json", "attachments/.hidden", ""):
        assert P.unsafe_name_reason(bad), bad


def test_documentation_describes_the_format_and_points_to_the_schema():
    text = DOCS.read_text(encoding="utf-8")
    assert "submission.schema.json" in text
    for word in ("manifest.json", "review.json", "form.json", "format_version",
                 f"{P.MAX_MEMBERS}", "attachments/"):
        assert word in text, word


def _members_of_corpus():
    """(which, document) for every manifest/review JSON in the hostile corpus that parses."""
    import io
    import json
    import zipfile
    corpus = Path(__file__).resolve().parent / "data" / "hostile"
    for path in sorted(corpus.glob("*.kanwa")):
        try:
            zf = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
            for member, which in (("manifest.json", "manifest"), ("review.json", "review")):
                info = zf.getinfo(member)
                if info.file_size < 1_000_000:
                    yield which, json.loads(zf.read(member))
        except (zipfile.BadZipFile, KeyError, ValueError, RuntimeError, OSError):
            continue


def test_compiled_and_pure_python_validators_agree():
    """The reader accepts a document when the compiled validator (jsonschema-rs) says valid and
    asks the pure-Python one otherwise, so the two must never disagree on acceptance: checked
    on the corpus and on a deterministic set of mutations of a valid review."""
    import copy
    import random

    from kanwa_review.exchange.package_reader import _fast_valid, _validator, jsonschema_rs
    if jsonschema_rs is None:
        return  # only the pure-Python validator is in use: nothing can disagree
    docs = list(_members_of_corpus())
    assert {w for w, _ in docs} == {"manifest", "review"}
    base = next(d for w, d in docs if w == "review" and not list(_validator(w).iter_errors(d)))
    rng = random.Random(7)
    odd_values = [None, "", "Z", "A", 1.5, -1, 10**9, [], {}, True, "2025-13-40", "x" * 300,
                  "B+", "\x00", "../x", "00000000-0000-0000-0000-00000000000g"]

    def mutate(doc):
        node, path = doc, []
        while isinstance(node, (dict, list)) and node and rng.random() < 0.8:
            key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
            path.append((node, key))
            node = node[key]
        if not path:
            return doc
        parent, key = path[-1]
        choice = rng.random()
        if choice < 0.2 and isinstance(parent, dict):
            del parent[key]
        elif choice < 0.3 and isinstance(parent, dict):
            parent["unexpected_" + str(rng.randrange(99))] = 1
        else:
            parent[key] = rng.choice(odd_values)
        return doc

    for _ in range(300):
        docs.append(("review", mutate(copy.deepcopy(base))))
    disagreements = [(w, d) for w, d in docs
                     if _fast_valid(d, w) != (not list(_validator(w).iter_errors(d)))]
    assert disagreements == []
    assert sum(not _fast_valid(d, w) for w, d in docs) > 150  # the mutations did break things
