"""Format rules of a package import that need no database: which files a folder holds, and
what makes two copies of one review revision the same revision.

The import itself (checks against what is held, one transaction per file) is
`Services.import_package` in services/imports.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kanwa_review.core.form import Form
from kanwa_review.core.review import Answer, Finding, Review
from kanwa_review.exchange.package_writer import details_dict, header_details, member_dict
from kanwa_review.core.i18n import translate

if TYPE_CHECKING:
    from kanwa_review.exchange.package_reader import Package

MAX_FOLDER_FILES = 10_000


def comparable(doc: dict) -> dict:
    """What makes two copies of one revision the same revision (not when they were copied)."""
    r = doc["review"]
    return {
        "facility": doc["facility"]["code"],
        "review": {k: r[k] for k in ("uuid", "revision", "status", "form", "visit_date",
                                     "fiscal_year", "finalised_at", "finalised_by")},
        "details": header_details(r),
        "team": doc["team"],
        "answers": {a["item_code"]: (a["self_rating"], a["rating"], a["value"],
                                     a["period"] or None, a["evidence"], a["comment"])
                    for a in doc["answers"]},
        "findings": sorted((f["kind"], f["position"], f["text"], tuple(f["item_codes"]))
                           for f in doc["findings"]),
    }


def revision_comparable(review: Review, form: Form, answers: Iterable[Answer],
                        findings: Iterable[Finding]) -> dict:
    """`comparable` of a revision held as core objects, without building its document (a hub
    compares every package it has not seen under that file name with what it holds)."""
    return {
        "facility": review.facility_code,
        "review": {"uuid": review.uuid, "revision": review.revision, "status": review.status,
                   "form": {"id": form.id, "version": form.version, "sha256": form.sha256},
                   "visit_date": review.visit_date.isoformat(),
                   "fiscal_year": review.fiscal_year, "finalised_at": review.finalised_at,
                   "finalised_by": review.finalised_by},
        "details": header_details(details_dict(review)),
        "team": [member_dict(m) for m in review.team],
        "answers": {a.item_code: (a.self_rating, a.rating, a.value, a.period or None,
                                  a.evidence, a.comment) for a in answers},
        "findings": sorted((f.kind, f.position, f.text, tuple(f.item_codes)) for f in findings),
    }


def package_comparable(pkg: Package) -> dict:
    """`comparable` of a verified package."""
    doc = dict(pkg.document)
    doc["answers"] = [{"item_code": a.item_code, "self_rating": a.self_rating, "rating": a.rating,
                       "value": a.value, "period": a.period, "evidence": a.evidence,
                       "comment": a.comment} for a, _m in pkg.answers]
    doc["findings"] = [{"kind": f.kind, "position": f.position, "text": f.text,
                        "item_codes": list(f.item_codes)} for f, _c, _u in pkg.findings]
    return comparable(doc)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given (one result each, so `import --json` prints a line per argument); a
    folder contributes its *.kanwa files, sub-folders included, sorted, skipping any file
    already named."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            seen.add(p.resolve())
            continue
        found = sorted(q for q in p.rglob("*") if q.suffix.lower() == ".kanwa" and q.is_file())
        for q in found[:MAX_FOLDER_FILES]:
            if q.resolve() not in seen:
                seen.add(q.resolve())
                out.append(q)
    return out


def oversized_folder(paths: Iterable[str | Path]) -> str | None:
    """A folder holding more packages than one run takes would otherwise be cut silently at
    the limit, and the rest could never be reached by importing that folder again."""
    for p in map(Path, paths):
        if p.is_dir():
            n = sum(1 for q in p.rglob("*") if q.suffix.lower() == ".kanwa")
            if n > MAX_FOLDER_FILES:
                return translate(
                    "importer", "{folder}: .kanwa ファイルが {count:,} 個あります。一度に取り込めるのは "
                                "{limit:,} 個までです。いくつかのフォルダに分けて、それぞれ取り込んでください"
                ).format(folder=p, count=n, limit=MAX_FOLDER_FILES)
    return None
