"""Form definitions (評価票): immutable models, the YAML loader and its validation.

A form file is hostile input: it is size-limited, parsed with PyYAML's safe loader, validated by
pydantic models that forbid unknown keys, then checked for cross-item rules. Every problem found
is reported at once, each with the file, the line and the item code.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Union

import yaml
from pydantic import (
    BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator,
)

# the shipped forms are found by the one resource finder; re-exported for the form's callers
from kanwa_review.core.resources import default_form_path, forms_dir  # noqa: F401

FORM_FORMAT = "kanwa-form/1"
MAX_FORM_BYTES = 2 * 1024 * 1024  # a real checklist is ~100 kB; refuse anything absurd
MAX_ITEMS = 2000

ITEM_TYPES = (
    "rating", "yes_no", "integer", "number", "percentage", "date", "choice", "multi_choice", "text",
)
NUMERIC_TYPES = ("integer", "number")
PERIOD_KINDS = ("fiscal_year", "calendar_year", "custom")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Text(_Frozen):
    """A bilingual string; Japanese is the primary language of the app."""

    ja: str = Field(min_length=1)
    en: str | None = None

    def get(self, lang: str = "ja") -> str:
        return (self.en or self.ja) if lang == "en" else self.ja

    def __str__(self) -> str:
        return self.ja


class BilingualText(Text):
    """Titles and item text must carry English too (the second language of the app)."""

    en: str = Field(min_length=1)


class ScaleOption(_Frozen):
    code: str = Field(pattern=r"^[A-Z]{1,3}$")
    label: BilingualText
    points: float | None = Field(default=None, ge=0)


class Scale(_Frozen):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    options: tuple[ScaleOption, ...] = Field(min_length=2)
    comment_required: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> "Scale":
        codes = [o.code for o in self.options]
        if len(set(codes)) != len(codes):
            raise ValueError(f"評価尺度 {self.id!r} の選択肢の記号が重複しています / "
                             f"duplicate option codes in scale {self.id!r}: {codes}")
        unknown = [c for c in self.comment_required if c not in codes]
        if unknown:
            raise ValueError(f"comment_required に尺度にない記号 {unknown} があります / "
                             f"comment_required names codes not in the scale: {unknown}")
        if not any(o.points is not None for o in self.options):
            raise ValueError("少なくとも1つの選択肢に points（点数）を付けてください / "
                             "at least one option must carry points")
        return self

    def option(self, code: str) -> ScaleOption | None:
        return next((o for o in self.options if o.code == code), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(o.code for o in self.options)

    @property
    def max_points(self) -> float:
        return max(o.points for o in self.options if o.points is not None)


class Choice(_Frozen):
    code: str = Field(pattern=r"^[a-z0-9_]+$")
    label: BilingualText


class Reference(_Frozen):
    """A comparison value shown next to a figure (guideline target, national survey value)."""

    value: float
    label: Text


# --- skip logic ---------------------------------------------------------------------------

Scalar = Union[bool, int, float, str]


class Equals(_Frozen):
    item: str
    equals: Scalar


class NotEquals(_Frozen):
    item: str
    not_equals: Scalar


class In(_Frozen):
    item: str
    in_: tuple[Scalar, ...] = Field(alias="in", min_length=1)


class Answered(_Frozen):
    item: str
    answered: bool


class All(_Frozen):
    all: tuple["Condition", ...] = Field(min_length=1)


class Any_(_Frozen):
    any: tuple["Condition", ...] = Field(min_length=1)


Condition = Union[Equals, NotEquals, In, Answered, All, Any_]
All.model_rebuild()
Any_.model_rebuild()


def condition_items(cond: Condition) -> Iterator[str]:
    """Every item code a condition refers to."""
    if isinstance(cond, All):
        for c in cond.all:
            yield from condition_items(c)
    elif isinstance(cond, Any_):
        for c in cond.any:
            yield from condition_items(c)
    else:
        yield cond.item


# --- items and sections -------------------------------------------------------------------

class Item(_Frozen):
    code: str = Field(pattern=r"^[A-Z]+-[0-9]+$")
    type: Literal[
        "rating", "yes_no", "integer", "number", "percentage", "date", "choice", "multi_choice",
        "text",
    ]
    text: BilingualText
    guidance: Text | None = None
    required: bool = False
    traces_to: tuple[str, ...] = Field(min_length=1)
    relevant_if: Condition | None = None
    # rating
    scale: str | None = None
    self_assessment: bool | None = None
    weight: float | None = Field(default=None, gt=0)
    # numbers and rates
    unit: Text | None = None
    period: Literal["fiscal_year", "calendar_year", "custom"] | None = None
    min: float | None = None
    max: float | None = None
    numerator: Text | None = None
    denominator: Text | None = None
    qi: str | None = Field(default=None, pattern=r"^[a-z0-9_]+$")
    reference: Reference | None = None
    # choices
    choices: tuple[Choice, ...] | None = None

    @field_validator("traces_to")
    @classmethod
    def _no_blank_trace(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if any(not s.strip() for s in v):
            raise ValueError("traces_to に空の行があります / traces_to entries must not be blank")
        return v

    @model_validator(mode="after")
    def _keys_fit_type(self) -> "Item":
        t = self.type
        only = {
            "scale": ("rating",), "self_assessment": ("rating",), "weight": ("rating",),
            "unit": NUMERIC_TYPES, "min": NUMERIC_TYPES, "max": NUMERIC_TYPES,
            "period": NUMERIC_TYPES + ("percentage",),
            "numerator": ("percentage",), "denominator": ("percentage",),
            "choices": ("choice", "multi_choice"),
        }
        wrong = [k for k, types in only.items() if getattr(self, k) is not None and t not in types]
        if wrong:
            raise ValueError(f"キー {wrong} は種類 {t!r} の項目には使えません / "
                             f"keys {wrong} do not apply to a {t!r} item")
        needed = {"rating": ("scale",), "percentage": ("numerator", "denominator"),
                  "choice": ("choices",), "multi_choice": ("choices",)}.get(t, ())
        missing = [k for k in needed if getattr(self, k) is None]
        if missing:
            raise ValueError(f"種類 {t!r} の項目には {missing} が必要です / "
                             f"a {t!r} item needs {missing}")
        if self.choices is not None:
            codes = [c.code for c in self.choices]
            if len(set(codes)) != len(codes):
                raise ValueError(f"選択肢の記号が重複しています / duplicate choice codes: {codes}")
            if len(codes) < 2:
                raise ValueError("選択肢は2つ以上必要です / "
                                 "a choice item needs at least two choices")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min（最小値）が max（最大値）より大きくなっています / "
                             "min is greater than max")
        return self

    @property
    def has_self_assessment(self) -> bool:
        return self.type == "rating" and self.self_assessment is not False

    @property
    def effective_weight(self) -> float:
        return self.weight if self.weight is not None else 1.0

    def choice_label(self, code: str, lang: str = "ja") -> str:
        for c in self.choices or ():
            if c.code == code:
                return c.label.get(lang)
        return code


class Section(_Frozen):
    code: str = Field(pattern=r"^[A-Z]+$")
    title: BilingualText
    description: Text | None = None
    items: tuple[Item, ...] = Field(min_length=1)


class Form(_Frozen):
    """A checklist definition. Identified by `id` + `version`; `sha256` pins its exact content."""

    format: Literal["kanwa-form/1"]
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    title: BilingualText
    description: Text | None = None
    scales: tuple[Scale, ...] = Field(min_length=1)
    sections: tuple[Section, ...] = Field(min_length=1)

    # caches (private attributes are not part of the content, the hash or equality)
    _item_index: dict[str, Item] | None = PrivateAttr(default=None)
    _section_index: dict[str, Section] | None = PrivateAttr(default=None)
    _sha256: str | None = PrivateAttr(default=None)

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, v: Any) -> Any:
        # `version: 2026.1` unquoted is a float in YAML; keep the text the author meant
        return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v

    def __eq__(self, other: object) -> bool:
        # Two forms are the same form when their content is: compare the canonical hash
        # (pydantic's default would also compare the private caches).
        return isinstance(other, Form) and self.sha256 == other.sha256

    def __hash__(self) -> int:
        return hash(self.sha256)

    def items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items

    def item(self, code: str) -> Item:
        return self._index()[code]

    def has_item(self, code: str) -> bool:
        return code in self._index()

    def scale(self, scale_id: str) -> Scale:
        return next(s for s in self.scales if s.id == scale_id)

    def section_of(self, code: str) -> Section:
        return self._sections_by_item()[code]

    def _index(self) -> dict[str, Item]:
        if self._item_index is None:
            self._item_index = {i.code: i for i in self.items()}
        return self._item_index

    def _sections_by_item(self) -> dict[str, Section]:
        if self._section_index is None:
            self._section_index = {i.code: s for s in self.sections for i in s.items}
        return self._section_index

    @property
    def item_count(self) -> int:
        return len(self._index())

    def canonical_json(self) -> str:
        """Key-sorted compact JSON of the validated content: the basis of the form hash."""
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @property
    def sha256(self) -> str:
        if self._sha256 is None:
            self._sha256 = hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()
        return self._sha256

    def label(self) -> str:
        return f"{self.title.ja} ({self.id} {self.version})"


# --- errors -------------------------------------------------------------------------------

@dataclass(frozen=True)
class FormProblem:
    file: str
    line: int | None
    item: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        code = f" [{self.item}]" if self.item else ""
        return f"{where}{code}: {self.message}"


class FormError(Exception):
    """A form file that cannot be used; `problems` lists every error found."""

    def __init__(self, problems: list[FormProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# --- loading ------------------------------------------------------------------------------

def _line_map(node: yaml.Node, path: tuple = (), out: dict | None = None,
              duplicates: list | None = None) -> dict[tuple, int]:
    """Map every key path in a composed YAML tree to its 1-based line; collect duplicate keys
    (YAML would silently keep the last one) into `duplicates` as (path, line)."""
    out = {} if out is None else out
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            k = key.value
            if k in seen and duplicates is not None:
                duplicates.append((path + (k,), key.start_mark.line + 1))
            seen.add(k)
            out[path + (k,)] = key.start_mark.line + 1
            _line_map(value, path + (k,), out, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _line_map(value, path + (i,), out, duplicates)
    return out


def _nearest_line(lines: dict[tuple, int], loc: tuple) -> int | None:
    loc = tuple(loc)
    while loc not in lines and loc:
        loc = loc[:-1]
    return lines.get(loc)


def _item_code_at(data: Any, loc: tuple) -> str | None:
    """The code of the item (or section) that a validation location falls in."""
    if not isinstance(data, dict) or len(loc) < 2 or loc[0] != "sections":
        return None
    try:
        section = data["sections"][loc[1]]
        if len(loc) >= 4 and loc[2] == "items":
            return str(section["items"][loc[3]].get("code"))
        return str(section.get("code"))
    except (IndexError, KeyError, TypeError, AttributeError):
        return None


def _clean_loc(loc: tuple) -> tuple:
    # pydantic adds union-member names ("Equals", "function-after[...]") to locations
    return tuple(p for p in loc if isinstance(p, int) or not (p[:1].isupper() or "[" in p))


# Japanese for pydantic's own (English) messages, by error type; our own checks raise
# ValueError texts that are already "日本語 / English".
_PYDANTIC_JA = {
    "missing": "必要なキーがありません",
    "string_type": "文字列で書いてください",
    "string_pattern_mismatch": "書き方（形式）が正しくありません",
    "string_too_short": "空にはできません",
    "string_too_long": "長すぎます",
    "int_type": "整数で書いてください", "int_parsing": "整数で書いてください",
    "int_from_float": "整数で書いてください",
    "float_type": "数値で書いてください", "float_parsing": "数値で書いてください",
    "bool_type": "true か false で書いてください",
    "bool_parsing": "true か false で書いてください",
    "literal_error": "使える値ではありません",
    "enum": "使える値ではありません",
    "greater_than_equal": "値が小さすぎます", "greater_than": "値が小さすぎます",
    "less_than_equal": "値が大きすぎます", "less_than": "値が大きすぎます",
    "too_short": "要素が足りません", "too_long": "要素が多すぎます",
    "dict_type": "「キー: 値」の形で書いてください",
    "model_type": "「キー: 値」の形で書いてください",
    "model_attributes_type": "「キー: 値」の形で書いてください",
    "list_type": "リスト（- で始まる行）で書いてください",
    "tuple_type": "リスト（- で始まる行）で書いてください",
    "union_tag_invalid": "使える値ではありません",
}


def _describe(err: dict) -> str:
    loc = ".".join(str(p) for p in _clean_loc(err["loc"]))
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        msg = ("不明なキーです（つづりを確認してください。書き方は README の評価票の形式を参照） / "
               "unknown key (check the spelling; see the form format in README)")
    elif err["type"] in _PYDANTIC_JA:
        msg = f"{_PYDANTIC_JA[err['type']]} / {msg}"
    return f"{loc}: {msg}" if loc else msg


# libyaml (bundled in PyYAML wheels) parses ~10x faster than the pure-Python loader
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_YAML_EVENTS = 200_000  # a 90-item form is ~10,000 parser events


def _refuse_aliases(text: str, source: str) -> None:
    """Forms need no anchors or aliases; refusing them stops "billion laughs" expansion
    (a few lines of aliases that validation would walk as billions of nodes)."""
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            line = event.start_mark.line + 1
            raise FormError([FormProblem(source, line, None,
                                         "評価票ファイルではアンカーと別名（&name・*name）は"
                                         "使えません。内容を省略せずに書いてください / "
                                         "anchors and aliases (&name / *name) are not allowed "
                                         "in form files; write the content out in full")])
        count += 1
        if count > MAX_YAML_EVENTS:
            raise FormError([FormProblem(source, event.start_mark.line + 1, None,
                                         "評価票が大きすぎます（YAML の要素が多すぎます） / "
                                         "the form is too large (too many YAML nodes)")])


def parse_form(text: str, source: str = "<form>") -> Form:
    """Validate form YAML text; raise FormError listing every problem."""
    try:
        _refuse_aliases(text, source)
        loader = _Loader(text)
        try:  # compose once; build the data from the same nodes that carry the line marks
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise FormError([FormProblem(source, line, None,
                                     "YAML として読めません。字下げや記号を確認してください / "
                                     f"not valid YAML: {exc}")]) from None
    if not isinstance(data, dict):
        raise FormError([FormProblem(source, 1, None,
                                     "評価票は「キー: 値」の形（YAML のマッピング）で"
                                     "書いてください / "
                                     "a form must be a YAML mapping")])
    duplicates: list = []
    lines = _line_map(node, duplicates=duplicates) if node is not None else {}
    problems = [FormProblem(source, line, _item_code_at(data, path),
                            f"キー {path[-1]!r} がここに2回あります。1つにしてください / "
                            f"key {path[-1]!r} appears twice here; keep one")
                for path, line in duplicates]
    problems += _cross_checks(data, lines, source)
    try:
        form = Form.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        locs = [_clean_loc(e["loc"]) for e in errors]
        seen = set()
        for err, loc in zip(errors, locs):
            # a list whose members failed is also reported "too short": keep the real cause
            if err["type"] == "too_short" and any(o != loc and o[:len(loc)] == loc for o in locs):
                continue
            # a bad condition fails every union member: report it once
            key = (loc[:6], err["type"] if "relevant_if" not in loc else "cond")
            if key in seen:
                continue
            seen.add(key)
            problems.append(FormProblem(source, _nearest_line(lines, loc),
                                        _item_code_at(data, loc), _describe(err)))
        form = None
    if problems:
        problems.sort(key=lambda p: (p.line or 0))
        raise FormError(problems)
    return form


def _listed(value: Any) -> list:
    """A raw YAML list, or [] when the file has something else there (a number, a text …):
    the model check reports that with its line; the cross checks must not crash on it."""
    return value if isinstance(value, list) else []


def _raw_condition_values(cond: Any) -> Iterator[tuple[str, list]]:
    """(item code, values compared with) for every leaf of a raw condition."""
    if isinstance(cond, dict):
        if isinstance(cond.get("item"), str):
            values = []
            for key in ("equals", "not_equals"):
                if key in cond:
                    values.append(cond[key])
            if isinstance(cond.get("in"), list):
                values.extend(cond["in"])
            yield cond["item"], values
        for key in ("all", "any"):
            for sub in _listed(cond.get(key)):
                yield from _raw_condition_values(sub)


def _fits(value: Any, allowed: set) -> bool:
    # True == 1 in Python: a yes/no item takes real booleans, other items never booleans
    if {True, False} == allowed:
        return isinstance(value, bool)
    # a list or mapping (a YAML typo such as `equals: [A]`) is never an answer value
    return not isinstance(value, (bool, list, dict)) and value in allowed


def _condition_domain(item: dict, data: dict) -> set | None:
    """The values a condition on `item` can meaningfully compare with (None: anything)."""
    t = item.get("type")
    if t == "yes_no":
        return {True, False}
    if t in ("choice", "multi_choice"):
        return {c.get("code") for c in _listed(item.get("choices"))
                if isinstance(c, dict) and isinstance(c.get("code"), str)}
    if t == "rating":
        for scale in _listed(data.get("scales")):
            if isinstance(scale, dict) and scale.get("id") == item.get("scale"):
                return {o.get("code") for o in _listed(scale.get("options"))
                        if isinstance(o, dict) and isinstance(o.get("code"), str)}
    return None


def _cross_checks(data: dict, lines: dict, source: str) -> list[FormProblem]:
    """Rules that span items (unique codes, known scales, backward-only skip logic).

    Run on the raw mapping, defensively, so they are reported even when the models failed."""
    problems: list[FormProblem] = []

    def as_list(v: Any) -> list:
        return v if isinstance(v, list) else []

    # only text ids take part (the model check reports any other type with its line)
    scale_ids = [s.get("id") for s in as_list(data.get("scales"))
                 if isinstance(s, dict) and isinstance(s.get("id"), str)]
    for dup in sorted({s for s in scale_ids if scale_ids.count(s) > 1}, key=str):
        problems.append(FormProblem(source, _nearest_line(lines, ("scales",)), None,
                                    f"評価尺度 {dup!r} が2回定義されています / "
                                    f"scale id {dup!r} is defined twice"))
    seen_items: dict[str, dict] = {}
    seen_qis: dict[str, str] = {}
    section_codes: set[str] = set()
    total = 0
    for si, section in enumerate(as_list(data.get("sections"))):
        if not isinstance(section, dict):
            continue
        scode = section.get("code")
        if not isinstance(scode, str):
            scode = None    # reported by the model check; a list here is not comparable
        if scode is not None and scode in section_codes:
            problems.append(FormProblem(source, _nearest_line(lines, ("sections", si, "code")),
                                        str(scode), "章のコードが2回使われています / "
                                        "section code is used twice"))
        section_codes.add(scode)
        for ii, item in enumerate(as_list(section.get("items"))):
            if not isinstance(item, dict):
                continue
            total += 1
            code = item.get("code")
            at = ("sections", si, "items", ii)

            def report(key: str, message: str) -> None:
                problems.append(FormProblem(source, _nearest_line(lines, at + (key,)),
                                            str(code), message))

            if not isinstance(code, str):
                continue
            if code in seen_items:
                report("code", "項目コードが2回使われています。評価票の中で重複しないように"
                               "してください / item code is used twice; codes must be unique "
                               "in a form")
            if isinstance(scode, str) and code.split("-")[0] != scode:
                report("code", f"項目コードは章のコード {scode}- で始めてください / "
                               f"item code must start with its section code {scode}-")
            scale = item.get("scale")
            if scale is not None and scale not in scale_ids:
                report("scale", f"評価尺度 {scale!r} は定義されていません"
                                f"（定義済み: {scale_ids}） / "
                                f"unknown scale {scale!r}; defined: {scale_ids}")
            for ref, expected in _raw_condition_values(item.get("relevant_if")):
                if ref == code:
                    report("relevant_if", "項目の表示条件に自分自身は使えません / "
                                          "an item cannot depend on itself")
                elif ref not in seen_items:
                    report("relevant_if",
                           f"relevant_if の {ref!r} はこの項目より前にありません / "
                           f"relevant_if refers to {ref!r}, which is not an earlier item")
                else:
                    allowed = _condition_domain(seen_items[ref], data)
                    if allowed is not None and any(not _fits(v, allowed) for v in expected):
                        report("relevant_if",
                               f"relevant_if の値 {expected!r} は {ref} の回答として"
                               "ありえないため、この項目は表示されません / "
                               f"relevant_if compares {ref} with {expected!r}, but {ref} can "
                               f"only be {sorted(allowed, key=str)!r}; the item would never "
                               "show")
            if ("qi" in item or "reference" in item) and item.get("type") not in (
                    "integer", "number", "percentage"):
                report("qi", "qi と reference は整数・数値・割合の項目にだけ付けられます / "
                             "qi and reference apply only to integer, number and percentage "
                             "items")
            qi = item.get("qi")
            if isinstance(qi, str):
                if qi in seen_qis:
                    report("qi", f"QI の ID {qi!r} は {seen_qis[qi]} で使われています / "
                                 f"QI id {qi!r} is already used by {seen_qis[qi]}")
                seen_qis.setdefault(qi, code)
            seen_items[code] = item
    if total > MAX_ITEMS:
        problems.append(FormProblem(source, None, None,
                                    f"項目が {total} 個あります。{MAX_ITEMS} 個以内に"
                                    "してください / "
                                    f"{total} items; a form may have at most {MAX_ITEMS}"))
    return problems


def load_form(path: str | Path) -> Form:
    """Read and validate a form file; FormError names the file for every problem."""
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FORM_BYTES:
            raise FormError([FormProblem(
                source, None, None,
                f"ファイルが大きすぎます（{size:,} バイト。上限 {MAX_FORM_BYTES:,} バイト） / "
                f"file is {size:,} bytes; the limit is {MAX_FORM_BYTES:,}")])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FormError([FormProblem(source, None, None,
                                     "ファイルがありません。パスを確かめてください / "
                                     "file not found")]) from None
    except IsADirectoryError:
        raise FormError([FormProblem(source, None, None,
                                     "フォルダです。評価票のファイルを指定してください / "
                                     "is a folder, not a form file")]) from None
    except OSError as exc:
        raise FormError([FormProblem(source, None, None,
                                     "ファイルを読み込めません / "
                                     f"cannot read: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormError([FormProblem(source, None, None,
                                     f"UTF-8 の文字になっていません（{exc.start} バイト目）。"
                                     "UTF-8 で保存し直してください / "
                                     f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")]
                        ) from None
    return parse_form(text, source)


def form_from_canonical(canonical_json: str) -> Form:
    """Rebuild a form from the canonical JSON stored with a review or carried in a package."""
    return Form.model_validate_json(canonical_json)


def shipped_forms() -> list[Form]:
    """Every form definition shipped with the app (forms/*.yaml, found as package data)."""
    return [load_form(p) for p in sorted(forms_dir().glob("*.yaml"))]


_CODE_RE = re.compile(r"^([A-Z]+)-([0-9]+)$")


def item_sort_key(code: str) -> tuple[str, int]:
    m = _CODE_RE.match(code)
    return (m.group(1), int(m.group(2))) if m else (code, 0)
