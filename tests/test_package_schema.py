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
