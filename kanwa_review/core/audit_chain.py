"""The hash chain of a review's audit trail as it travels in a package: each entry carries the
hash of the one before it, and the last hash (the head) is in the signed manifest, so an entry
deleted, reordered or edited after export shows at the hub."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

FIELDS = ("at", "actor", "revision", "entity", "key", "action", "old", "new")
_DOMAIN = b"kanwa-audit-chain/1\n"


def genesis(review_uuid: str) -> str:
    """The `prev` of a review's first entry: the chain belongs to that review and no other."""
    return hashlib.sha256(_DOMAIN + review_uuid.encode()).hexdigest()


def entry_hash(entry: Mapping, prev: str) -> str:
    """The hash of one entry: its fields and the hash before it, as canonical JSON."""
    body = {k: entry.get(k) for k in FIELDS}
    body["prev"] = prev
    # ASCII-escaped, keys sorted, no spaces: one text per entry whatever program wrote it
    text = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def link(entries: Sequence[Mapping], review_uuid: str) -> tuple[list[dict], str]:
    """The entries with their `prev` hashes, oldest first, and the head of the chain."""
    prev = genesis(review_uuid)
    out = []
    for e in entries:
        linked = {k: e.get(k) for k in FIELDS}
        linked["prev"] = prev
        out.append(linked)
        prev = entry_hash(linked, prev)
    return out, prev


def first_break(entries: Sequence[Mapping], review_uuid: str) -> tuple[int | None, str]:
    """(index of the first entry whose `prev` is not the hash before it, or None; the head
    computed over the entries)."""
    prev = genesis(review_uuid)
    for n, e in enumerate(entries):
        if e.get("prev") != prev:
            return n, prev
        prev = entry_hash(e, prev)
    return None, prev


def head_after(entries: Sequence[Mapping], review_uuid: str, count: int) -> str | None:
    """The chain's hash after its first `count` entries (None when it has fewer): a later
    revision's trail must continue the trail of the revision the hub holds."""
    if count > len(entries):
        return None
    prev = genesis(review_uuid)
    for e in entries[:count]:
        prev = entry_hash(e, prev)
    return prev


__all__ = ["FIELDS", "genesis", "entry_hash", "link", "first_break", "head_after"]
