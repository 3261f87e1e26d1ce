"""The submission package format (.kanwa), version 3: names, limits and the JSON Schema.

Version history: 1 = manifest.json, review.json, form.json (+ attachments/); 2 adds the member
actions.json, the facility's improvement actions (改善計画) with their progress notes; 3 adds
the hash chain of the audit trail (its head in the manifest), the optional signature.json (an
Ed25519 signature over manifest.json) and the optional sealed envelope that encrypts the whole
file for the hub (exchange/envelope.py, docs/security.md). Readers accept every version in
READABLE_VERSIONS; a newer one asks for an app update.

Everything a reader checks is fixed here so the writer, the reader, the documentation
(docs/submission-format.md) and the tests agree on one set of numbers.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from kanwa_review.core.resources import schema_path
from kanwa_review.core.i18n import translate

FORMAT_NAME = "kanwa-submission"
FORMAT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
SUFFIX = ".kanwa"

MANIFEST = "manifest.json"
REVIEW = "review.json"
FORM = "form.json"
ACTIONS = "actions.json"                      # format version 2 and later
SIGNATURE = "signature.json"                  # format version 3, signed packages only
ATTACHMENTS = "attachments/"
REQUIRED_MEMBERS = (MANIFEST, REVIEW, FORM)   # also the order in which they are written

# Limits. A finalised review of the real checklist is ~30 kB zipped; every limit leaves ample
# room for a real review while keeping a hostile file from exhausting memory or time.
MAX_PACKAGE_BYTES = 64 * 1024 * 1024          # the .kanwa file itself
MAX_MEMBERS = 64                              # 3 required + reserved attachments
MAX_MANIFEST_BYTES = 256 * 1024
MAX_REVIEW_BYTES = 32 * 1024 * 1024
MAX_FORM_BYTES = 2 * 1024 * 1024              # same as core.form.MAX_FORM_BYTES
MAX_ACTIONS_BYTES = 16 * 1024 * 1024          # a facility's plan is a few kB per action
MAX_ACTIONS = 2000                            # actions in actions.json (also in the schema)
MAX_SIGNATURE_BYTES = 4 * 1024
MAX_ATTACHMENT_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 128 * 1024 * 1024           # sum of every member, uncompressed
MAX_RATIO = 200                               # uncompressed / compressed, for members > 1 MiB
RATIO_FLOOR = 1024 * 1024
READ_CHUNK = 64 * 1024
MAX_NAME_LENGTH = 200

# Members are read into memory only, never extracted, but names must still be plain:
# no absolute paths, drive letters, backslashes, "..", control characters.
_SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def member_limit(name: str) -> int:
    return {MANIFEST: MAX_MANIFEST_BYTES, REVIEW: MAX_REVIEW_BYTES, FORM: MAX_FORM_BYTES,
            ACTIONS: MAX_ACTIONS_BYTES, SIGNATURE: MAX_SIGNATURE_BYTES}.get(
        name, MAX_ATTACHMENT_BYTES)


def required_members(version: int) -> tuple[str, ...]:
    """The members a package of `version` must hold (besides attachments)."""
    return REQUIRED_MEMBERS + ((ACTIONS,) if version >= 2 else ())


def unsafe_name_reason(name: str) -> str | None:
    """Why a member name is refused (in the reader's language), or None when it is acceptable."""
    if not name or len(name) > MAX_NAME_LENGTH:
        return translate("package_format", "名前が空か長すぎます")
    if any(ord(c) < 32 or c == "\x7f" for c in name):
        return translate("package_format", "制御文字を含みます")
    if "\\" in name:
        return translate("package_format", "バックスラッシュ（\\）を含みます")
    if name.startswith("/"):
        return translate("package_format", "絶対パスです")
    if re.match(r"^[A-Za-z]:", name):
        return translate("package_format", "ドライブ名（C: など）で始まります")
    parts = name.split("/")
    if any(p in ("..", ".") for p in parts):
        return translate("package_format", "「..」や「.」を含むパスです")
    if name in REQUIRED_MEMBERS or name in (ACTIONS, SIGNATURE):
        return None
    if name.startswith(ATTACHMENTS) and len(parts) == 2 and _SAFE_SEGMENT.match(parts[1]):
        return None
    return translate("package_format", "この形式にない名前です（manifest.json, review.json, form.json, "
                                       "actions.json, signature.json, attachments/名前 のみ）")


SCHEMA_PATH = schema_path("submission.schema.json")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def sub_schema(name: str) -> dict[str, Any]:
    """The schema of one member ("manifest", "review" or "actions"), with the shared
    definitions."""
    full = schema()
    return {"$schema": full["$schema"], "$ref": f"#/$defs/{name}", "$defs": full["$defs"]}
