"""The outcome of importing one file (package, workbook, progress file, facility list): one
result type and one status vocabulary, shared by the services, the CLI and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kanwa_review.core.i18n import translate

IMPORTED = "imported"      # new data written (a review, progress notes, facilities)
UNCHANGED = "unchanged"    # everything in the file was held already: nothing written
SUPERSEDED = "superseded"  # a higher revision of a held review: it becomes the active one
REJECTED = "rejected"      # a check failed: nothing at all was written
STATUSES = (IMPORTED, UNCHANGED, SUPERSEDED, REJECTED)

# What kind of file a result is about; it decides the JSON a result prints as.
PACKAGE, WORKBOOK, PROGRESS, FACILITIES = "package", "workbook", "progress", "facilities"


MAX_LISTED = 100   # problems listed for one file; the rest are counted


def capped(lines: list[str], limit: int = MAX_LISTED) -> list[str]:
    """The first `limit` lines and one that counts the rest: a 25,000-row sheet with an error
    on every row must not print 25,000 lines (the first ones say what to fix)."""
    if len(lines) <= limit:
        return lines
    rest = len(lines) - limit
    return lines[:limit] + [translate("ImportStatus", "ほかに {n:,} 件あります（最初の {limit} 件を"
                                                      "表示しました）").format(n=rest, limit=limit)]


def status_word(status: str) -> str:
    """The one Japanese word for an import status (translated like any other text)."""
    words = {IMPORTED: translate("ImportStatus", "取込"),
             UNCHANGED: translate("ImportStatus", "変更なし"),
             SUPERSEDED: translate("ImportStatus", "更新"),
             REJECTED: translate("ImportStatus", "却下")}
    return words.get(status, status)


def status_with_key(status: str) -> str:
    """The word and, for scripts and readers of the other language, the JSON key: "取込
    (imported)"; only the key where the word is the key (English)."""
    word = status_word(status)
    return word if word == status else f"{word} ({status})"


@dataclass
class ImportResult:
    """What importing one file did. Every kind of file has `status`, `errors` and `warnings`;
    the other fields are filled by the kinds they belong to."""

    file: str
    status: str = REJECTED
    kind: str = PACKAGE
    review: str | None = None            # package, workbook: the review's uuid
    revision: int | None = None
    facility: str | None = None          # package: the facility code of the review
    final: bool = False                  # workbook: arrived as a finalised review
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # package (format version 2): improvement actions created / updated / stale / unchanged
    actions: dict[str, int] = field(default_factory=dict)
    # progress file: places (sheet cell or JSON path) applied, already held, older than held
    applied: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    # facility list: codes created and updated (unchanged codes go to `unchanged`)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    # package: the signature word (core.trust: trusted, unknown, invalid, unsigned, revoked;
    # None when the file could not be read that far) and who signed it
    signature: str | None = None
    signer: dict | None = None

    @property
    def ok(self) -> bool:
        return self.status != REJECTED

    @property
    def word(self) -> str:
        return status_word(self.status)

    def to_json(self) -> dict:
        """One line of `import --json`, `excel-import --json` or `progress-import --json`."""
        if self.kind == PROGRESS:
            return {"file": self.file, "status": self.status, "applied": len(self.applied),
                    "unchanged": len(self.unchanged), "stale": self.stale,
                    "errors": self.errors, "warnings": self.warnings}
        out = {"file": self.file, "status": self.status, "review": self.review,
               "revision": self.revision, "errors": self.errors, "warnings": self.warnings}
        if self.actions:
            out["actions"] = dict(self.actions)
        if self.kind == PACKAGE:
            out["signature"] = self.signature
            out["signer"] = dict(self.signer) if self.signer else None
        return out

    def summary(self) -> str:
        """One line for a facility list (施設マスタ) import."""
        name = Path(self.file).name
        if self.errors:
            return translate("ImportStatus", "{name}: {n} 件の問題があるため何も登録していません").format(
                name=name, n=len(self.errors))
        return translate("ImportStatus", "{name}: 新規 {created} 件・更新 {updated} 件・変更なし "
                                         "{unchanged} 件").format(
            name=name, created=len(self.created), updated=len(self.updated),
            unchanged=len(self.unchanged))

__all__ = ["ImportResult", "STATUSES", "MAX_LISTED", "capped", "IMPORTED", "UNCHANGED",
           "SUPERSEDED", "REJECTED", "PACKAGE", "WORKBOOK", "PROGRESS", "FACILITIES",
           "status_word", "status_with_key"]
