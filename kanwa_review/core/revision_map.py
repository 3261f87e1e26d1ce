"""The revision map of a form (対応表, `replaces:`): which earlier version a form revises and
how each item relates to it — the model, and the checks that need only the new form.

A form file may say, at the top level:

    replaces:
      form: palliative-care-peer-review       # the form it revises (id and version)
      version: "2026.1"
      items:
        - {kind: split, from: [C-10], to: [C-18, C-19], carry: copy_each}
        - {kind: merged, from: [B-7, C-12], to: [B-7], carry: lowest}
        - {kind: renamed, from: [X-1], to: [X-2]}
        - {kind: dropped, from: [H-4]}
        - {kind: new, to: [C-20]}
      not_comparable: [C]                     # optional: sections whose scores are not compared

Items that keep their code and are not named are the same item (by code). Kinds and how many
codes each takes: renamed 1→1 (another code), revised 1→1 (same code, the question changed),
split 1→2+, merged 2+→1, dropped 1+→0, new 0→1+. `carry` is how answers move to the new
version: copy (renamed, revised), copy_each (split: the one answer to each new item), lowest
(merged rating items: the lowest rating), empty (leave the new item unanswered); left out,
the kind's usual rule applies (see `default_carry`).

This module has no dependency on core.form (which imports it); the checks that need the
previous version of the form are in core.revisions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from kanwa_review.core.i18n import translate

KINDS = ("renamed", "revised", "split", "merged", "dropped", "new")
CARRIES = ("copy", "copy_each", "lowest", "empty")
Kind = Literal["renamed", "revised", "split", "merged", "dropped", "new"]
Carry = Literal["copy", "copy_each", "lowest", "empty"]

# how many codes each kind takes on each side: (min from, max from, min to, max to)
_ARITY: dict[str, tuple[int, int | None, int, int | None]] = {
    "renamed": (1, 1, 1, 1), "revised": (1, 1, 1, 1), "split": (1, 1, 2, None),
    "merged": (2, None, 1, 1), "dropped": (1, None, 0, 0), "new": (0, 0, 1, None),
}
# the carry rules each kind accepts (the first is its default; lowest only for ratings)
_CARRIES_OF: dict[str, tuple[str, ...]] = {
    "renamed": ("copy", "empty"), "revised": ("copy", "empty"),
    "split": ("copy_each", "empty"), "merged": ("lowest", "empty"),
    "dropped": ("empty",), "new": ("empty",),
}
ITEM_CODE = r"^[A-Z]+-[0-9]+$"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Note(_Frozen):
    """Why an item changed, in the section's words (Japanese; English optional)."""

    ja: str = Field(min_length=1)
    en: str | None = None


class MapEntry(_Frozen):
    """How one or more items of the previous version relate to this version's."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              populate_by_name=True)

    kind: Kind
    from_: tuple[str, ...] = Field(default=(), alias="from")
    to: tuple[str, ...] = ()
    carry: Carry | None = None
    note: Note | None = None

    @field_validator("from_", "to")
    @classmethod
    def _codes(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        bad = [c for c in codes if not re.match(ITEM_CODE, c)]
        if bad:
            raise ValueError(translate("revisions", "項目コード {codes} の書き方が正しくありません"
                                                    "（例: C-10）").format(codes=", ".join(bad)))
        return codes

    @property
    def effective_carry(self) -> str:
        return self.carry or default_carry(self.kind)


class RevisionMap(_Frozen):
    """The `replaces:` block of a form: the version it revises and how items moved."""

    form: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    items: tuple[MapEntry, ...] = ()
    not_comparable: tuple[str, ...] | None = None
    note: Note | None = None

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, v: Any) -> Any:
        # `version: 2026.1` unquoted is a float in YAML; keep the text the author meant
        return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v

    def entries_from(self, code: str) -> list[MapEntry]:
        return [e for e in self.items if code in e.from_]

    def entry_to(self, code: str) -> MapEntry | None:
        return next((e for e in self.items if code in e.to), None)


def default_carry(kind: str) -> str:
    """The carry rule of a kind when the map does not name one."""
    return _CARRIES_OF[kind][0]


# --- checks on the raw YAML (new form only) -----------------------------------------------

Problem = tuple[tuple, "str | None", str]   # (path inside `replaces`, code, message)


def _listed(value: Any) -> list:
    return value if isinstance(value, list) else []


def raw_items(data: dict) -> dict[str, dict]:
    """Every raw item of a form mapping by code (first occurrence), for the checks."""
    out: dict[str, dict] = {}
    for section in _listed(data.get("sections")):
        if isinstance(section, dict):
            for item in _listed(section.get("items")):
                if isinstance(item, dict) and isinstance(item.get("code"), str):
                    out.setdefault(item["code"], item)
    return out


def _codes(value: Any) -> list[str]:
    return [c for c in _listed(value) if isinstance(c, str)]


def map_problems(data: dict) -> list[Problem]:
    """What is wrong with a raw `replaces:` block, judged against the form it sits in: the
    number of codes fits the kind, the new codes exist in this form and each is given its
    answer by one entry only, retired codes are not still in the form, the carry rule fits the
    kind and the new items' types, and sections named not comparable exist. The model check
    reports wrong keys and value types; this one never fails on them."""
    raw = data.get("replaces")
    if not isinstance(raw, dict):
        return []
    items = raw_items(data)
    sections = {s.get("code") for s in _listed(data.get("sections")) if isinstance(s, dict)}
    problems: list[Problem] = []
    if isinstance(raw.get("form"), str) and raw.get("form") == data.get("id") and str(
            raw.get("version")) == str(data.get("version")):
        problems.append((("version",), None, translate(
            "revisions", "replaces は、この評価票が改訂する前の版を指してください（自分自身の版は"
                         "指せません）")))
    targets: dict[str, int] = {}
    for n, entry in enumerate(_listed(raw.get("items"))):
        if not isinstance(entry, dict):
            continue
        problems += _entry_problems(n, entry, items, targets)
    for i, code in enumerate(_listed(raw.get("not_comparable"))):
        if isinstance(code, str) and code not in sections:
            problems.append((("not_comparable", i), code, translate(
                "revisions", "not_comparable の章 {code} はこの評価票にありません").format(
                code=code)))
    return problems


def _entry_problems(n: int, entry: dict, items: dict[str, dict],
                    targets: dict[str, int]) -> Iterator[Problem]:
    at = ("items", n)
    kind = entry.get("kind")
    if kind not in _ARITY:
        return  # the model check names the allowed kinds
    old, new = _codes(entry.get("from")), _codes(entry.get("to"))
    first = (old or new or [None])[0]
    lo_from, hi_from, lo_to, hi_to = _ARITY[kind]
    if not (lo_from <= len(old) <= (hi_from if hi_from is not None else len(old))) or not (
            lo_to <= len(new) <= (hi_to if hi_to is not None else len(new))):
        yield (at + ("kind",), first, translate(
            "revisions", "{kind} の項目数が合いません（from {nf} 個・to {nt} 個）。{rule}").format(
            kind=kind, nf=len(old), nt=len(new), rule=arity_text(kind)))
    for side, codes in (("from", old), ("to", new)):
        dups = sorted({c for c in codes if codes.count(c) > 1})
        if dups:
            yield (at + (side,), dups[0], translate(
                "revisions", "{side} に {codes} が2回あります").format(
                side=side, codes=", ".join(dups)))
    if kind == "renamed" and old and new and old[0] == new[0]:
        yield (at + ("to",), new[0], translate(
            "revisions", "renamed（改名）は別のコードへの変更です。同じコードで内容が変わった"
                         "ときは kind: revised にしてください"))
    if kind == "revised" and old and new and old[0] != new[0]:
        yield (at + ("to",), new[0], translate(
            "revisions", "revised（改訂）は同じコードの項目です。コードが変わるときは kind: "
                         "renamed にしてください"))
    for i, code in enumerate(new):
        if code not in items:
            yield (at + ("to", i), code, translate(
                "revisions", "to の項目 {code} はこの評価票にありません。項目コードを確かめて"
                             "ください").format(code=code))
        elif code in targets:
            yield (at + ("to", i), code, translate(
                "revisions", "項目 {code} は対応表の {other} 行目ですでに引き継ぎ先になって"
                             "います。1つの項目の回答の出どころは1つにしてください").format(
                code=code, other=targets[code] + 1))
        else:
            targets[code] = n
    if kind in ("renamed", "dropped"):
        for i, code in enumerate(old):
            if code in items:
                yield (at + ("from", i), code, translate(
                    "revisions", "{code} は {kind} とされていますが、この評価票にまだあります。"
                                 "廃止したコードは再利用しないでください").format(
                    code=code, kind=kind))
    carry = entry.get("carry")
    if carry is not None and carry in CARRIES and carry not in _CARRIES_OF[kind]:
        yield (at + ("carry",), first, translate(
            "revisions", "{kind} には carry: {carry} は使えません。使えるのは {allowed} です"
                         "（省略すると {default}）").format(
            kind=kind, carry=carry, allowed=", ".join(_CARRIES_OF[kind]),
            default=default_carry(kind)))
    if (carry or default_carry(kind)) == "lowest":
        for i, code in enumerate(new):
            if code in items and items[code].get("type") != "rating":
                yield (at + ("to", i), code, translate(
                    "revisions", "carry: lowest（低い方の評価）は評価項目にだけ使えます。{code} は "
                                 "{type} の項目です。carry: empty にしてください").format(
                    code=code, type=items[code].get("type")))


def arity_text(kind: str) -> str:
    """How many codes a kind takes, in words (for the error that says they do not fit)."""
    match kind:
        case "renamed":
            return translate("revisions", "renamed は from 1個・to 1個（別のコード）です")
        case "revised":
            return translate("revisions", "revised は from 1個・to 1個（同じコード）です")
        case "split":
            return translate("revisions", "split は from 1個・to 2個以上です")
        case "merged":
            return translate("revisions", "merged は from 2個以上・to 1個です")
        case "dropped":
            return translate("revisions", "dropped は from 1個以上で、to はありません")
        case _:
            return translate("revisions", "new は to 1個以上で、from はありません")
