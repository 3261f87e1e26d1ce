"""Form definitions (評価票): immutable models, the YAML loader and its validation.

A form file is hostile input: it is size-limited, parsed with PyYAML's safe loader, validated by
pydantic models that forbid unknown keys, then checked for cross-item rules. Every problem found
is reported at once, each with the file, the line and the item code (or rule id).

Two levels of checking. Every load checks that a form can be used (types, references, rules
that can be evaluated). Authoring rules — what a well-written checklist must also carry, such
as a defined meaning (anchor) for every grade — apply only with `strict=True`: `forms check`
and the forms installed in `forms/` use it. Forms rebuilt from the canonical JSON stored with a
review or carried in a package (`form_from_canonical`) are never held to authoring rules that
came later, so an older form always opens exactly as it was filled in.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, Union, get_args

import yaml
from pydantic import (
    BaseModel, ConfigDict, Field, PrivateAttr, StrictFloat, StrictInt, ValidationError,
    field_validator, model_validator,
)

from kanwa_review.core import bounds, form_bounds
from kanwa_review.core.form_text import form_title
from kanwa_review.core.i18n import translate
# the shipped forms are found by the one resource finder; re-exported for the form's callers
from kanwa_review.core.resources import default_form_path, forms_dir  # noqa: F401
# the revision map (replaces:) of a form has its own module: core.revision_map
from kanwa_review.core.revision_map import RevisionMap, map_problems

FORM_FORMAT = "kanwa-form/1"
MAX_FORM_BYTES = 2 * 1024 * 1024  # a real checklist is ~100 kB; refuse anything absurd
MAX_ITEMS = 2000

ITEM_TYPES = (
    "rating", "yes_no", "integer", "number", "percentage", "date", "choice", "multi_choice", "text",
)
NUMERIC_TYPES = ("integer", "number")
FIGURE_TYPES = NUMERIC_TYPES + ("percentage",)
PERIOD_KINDS = ("fiscal_year", "calendar_year", "custom")
# Designation categories of a facility (core.review.FACILITY_CATEGORIES has their labels);
# skip logic, rules and reference values may depend on them.
FacilityCategoryCode = Literal["prefectural", "regional", "regional_hospital", "specialised",
                               "other"]
FACILITY_CATEGORY_CODES: tuple[str, ...] = get_args(FacilityCategoryCode)
# Without a known facility, facility-dependent conditions are evaluated as for a regional hub
# (地域がん診療連携拠点病院), the default category of a facility: a caller that does not know the
# facility sees the hub checklist, as before facility conditions existed.
ASSUMED_FACILITY_CATEGORY = "regional"


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
            raise ValueError(translate("form", "評価尺度 {scale} の選択肢の記号が重複しています: "
                                               "{codes}").format(scale=repr(self.id), codes=codes))
        unknown = [c for c in self.comment_required if c not in codes]
        if unknown:
            raise ValueError(translate("form", "comment_required に尺度にない記号 {codes} があります"
                                       ).format(codes=unknown))
        if not any(o.points is not None for o in self.options):
            raise ValueError(translate("form", "少なくとも1つの選択肢に points（点数）を付けてください"))
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
    # multi_choice only: this choice cannot be combined with any other (e.g. 「実施していない」)
    exclusive: bool | None = None


class Reference(_Frozen):
    """A comparison value shown next to a figure: a target the figure is judged against
    (目標・目安, e.g. the guideline's 90 %; the default), or a reference value printed beside it
    and never judged (参考値, e.g. a national survey value: `kind: reference`)."""

    value: float
    label: Text
    kind: Literal["target", "reference"] | None = None
    # the facility categories the value applies to (e.g. a hub threshold); None: every facility
    facility_category: tuple[FacilityCategoryCode, ...] | None = Field(default=None, min_length=1)

    @property
    def is_target(self) -> bool:
        return self.kind != "reference"

    def applies_to(self, category: str | None) -> bool:
        """Whether the value applies to a facility of `category` (None: not known, read as
        ASSUMED_FACILITY_CATEGORY)."""
        if self.facility_category is None:
            return True
        return (category or ASSUMED_FACILITY_CATEGORY) in self.facility_category



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


class NotIn(_Frozen):
    item: str
    not_in: tuple[Scalar, ...] = Field(min_length=1)


class AtLeast(_Frozen):
    """A figure (integer, number, or the rate in % of a percentage) is at least `at_least`."""

    item: str
    at_least: StrictFloat | StrictInt


class AtMost(_Frozen):
    item: str
    at_most: StrictFloat | StrictInt


class Answered(_Frozen):
    item: str
    answered: bool


class FacilityCategory(_Frozen):
    """The visited facility's designation category is one of these."""

    facility_category: tuple[FacilityCategoryCode, ...] = Field(min_length=1)


class All(_Frozen):
    all: tuple["Condition", ...] = Field(min_length=1)


class Any_(_Frozen):
    any: tuple["Condition", ...] = Field(min_length=1)


Condition = Union[Equals, NotEquals, In, NotIn, AtLeast, AtMost, Answered, FacilityCategory,
                  All, Any_]
All.model_rebuild()
Any_.model_rebuild()


def condition_leaves(cond: Condition) -> Iterator[Condition]:
    """Every leaf test (not all/any) of a condition."""
    if isinstance(cond, All):
        for c in cond.all:
            yield from condition_leaves(c)
    elif isinstance(cond, Any_):
        for c in cond.any:
            yield from condition_leaves(c)
    else:
        yield cond


def condition_items(cond: Condition) -> Iterator[str]:
    """Every item code a condition refers to (facility tests refer to none)."""
    for leaf in condition_leaves(cond):
        if not isinstance(leaf, FacilityCategory):
            yield leaf.item


class Rule(_Frozen):
    """A consistency rule between answers: when `when` holds, `then` should hold too; otherwise
    the app shows `message` as a warning (never a block). See core.rules."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    when: Condition
    then: Condition
    message: Text


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
    # rating: what each grade means for this item (scale code -> text), beside the guidance
    anchors: dict[str, Text] | None = None
    # percentage: the figure may be recorded as 「未集計」 (not collected) instead of a number
    allow_not_collected: bool | None = None
    # documents the visited hospital sends before the visit (事前提出資料)
    documents: tuple[Text, ...] | None = Field(default=None, min_length=1)

    def __hash__(self) -> int:
        # frozen pydantic models hash their fields, and `anchors` is a dict; equal items have
        # equal codes, so the code is a valid hash
        return hash(self.code)

    @field_validator("traces_to")
    @classmethod
    def _no_blank_trace(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if any(not s.strip() for s in v):
            raise ValueError(translate("form", "traces_to に空の行があります"))
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
            "anchors": ("rating",), "allow_not_collected": ("percentage",),
        }
        wrong = [k for k, types in only.items() if getattr(self, k) is not None and t not in types]
        if wrong:
            raise ValueError(translate("form", "キー {keys} は種類 {type} の項目には使えません"
                                       ).format(keys=wrong, type=repr(t)))
        needed = {"rating": ("scale",), "percentage": ("numerator", "denominator"),
                  "choice": ("choices",), "multi_choice": ("choices",)}.get(t, ())
        missing = [k for k in needed if getattr(self, k) is None]
        if missing:
            raise ValueError(translate("form", "種類 {type} の項目には {keys} が必要です"
                                       ).format(type=repr(t), keys=missing))
        if self.choices is not None:
            codes = [c.code for c in self.choices]
            if len(set(codes)) != len(codes):
                raise ValueError(translate("form", "選択肢の記号が重複しています: {codes}"
                                           ).format(codes=codes))
            if len(codes) < 2:
                raise ValueError(translate("form", "選択肢は2つ以上必要です"))
            if t != "multi_choice" and any(c.exclusive is not None for c in self.choices):
                raise ValueError(translate(
                    "form", "exclusive（ほかの選択肢と併用できない）は複数選択（multi_choice）の"
                            "項目の選択肢にだけ付けられます"))
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(translate("form", "min（最小値）が max（最大値）より大きくなっています"))
        return self

    @property
    def has_self_assessment(self) -> bool:
        return self.type == "rating" and self.self_assessment is not False

    def anchor(self, code: str) -> Text | None:
        """What grade `code` means for this item, or None where the form does not say."""
        return (self.anchors or {}).get(code)

    @property
    def exclusive_choices(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.choices or () if c.exclusive)

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
    rules: tuple[Rule, ...] | None = Field(default=None, min_length=1)
    # the earlier version this one revises and how its items moved (core.revision_map)
    replaces: RevisionMap | None = None

    # caches (private attributes are not part of the content, the hash or equality)
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
        return self._item_index[code]

    def has_item(self, code: str) -> bool:
        return code in self._item_index

    def scale(self, scale_id: str) -> Scale:
        return next(s for s in self.scales if s.id == scale_id)

    def section_of(self, code: str) -> Section:
        return self._section_index[code]

    def grade_definitions(self, code: str, lang: str = "ja") -> list[tuple[str, str]]:
        """(scale code, what it means for this item) in the order of the item's scale — the
        anchors a screen, a blank workbook or a report prints beside the guidance. Empty for
        an item without anchors (forms made before 2026.2)."""
        item = self.item(code)
        if item.type != "rating" or not item.anchors:
            return []
        return [(o.code, item.anchors[o.code].get(lang)) for o in self.scale(item.scale).options
                if o.code in item.anchors]

    # cached_property keeps the index in the instance's __dict__: an ordinary attribute read,
    # where a pydantic private attribute costs a __getattr__ call (~3 µs; skip logic and the
    # rules look items up hundreds of times per keystroke)
    @cached_property
    def _item_index(self) -> dict[str, Item]:
        return {i.code: i for i in self.items()}

    @cached_property
    def _section_index(self) -> dict[str, Section]:
        return {i.code: s for s in self.sections for i in s.items}

    @property
    def item_count(self) -> int:
        return len(self._item_index)

    def canonical_json(self) -> str:
        """Key-sorted compact JSON of the validated content: the basis of the form hash.

        Keys left out of a form are absent here too (exclude_none), so a key added to the
        format later never changes the hash of a form that does not use it."""
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @property
    def sha256(self) -> str:
        if self._sha256 is None:
            self._sha256 = hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()
        return self._sha256

    def label(self) -> str:
        """The form as a reader names it, in the process's language (core.form_text)."""
        return form_title(self)


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
            _line_map(value, path + (k,), out, duplicates)
            # the key's own line, not its value's: a block value starts on the next line
            out[path + (k,)] = key.start_mark.line + 1
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
    """The code of the item (or section, or the id of the rule) a validation location falls in."""
    if not isinstance(data, dict) or len(loc) < 2 or loc[0] not in ("sections", "rules"):
        return None
    if loc[0] == "rules":
        try:
            rule = data["rules"][loc[1]]
            return str(rule.get("id")) if rule.get("id") is not None else f"rules[{loc[1]}]"
        except (IndexError, KeyError, TypeError, AttributeError):
            return None
    try:
        section = data["sections"][loc[1]]
        if len(loc) >= 4 and loc[2] == "items":
            return str(section["items"][loc[3]].get("code"))
        return str(section.get("code"))
    except (IndexError, KeyError, TypeError, AttributeError):
        return None


# pydantic adds the name of each union member tried ("Equals", "function-after[...]") to an
# error's location; only those are dropped, not keys of the file such as a grade "A" in anchors
_UNION_MEMBERS = frozenset(member.__name__ for member in get_args(Condition))


def _clean_loc(loc: tuple) -> tuple:
    return tuple(p for p in loc if isinstance(p, int) or not (p in _UNION_MEMBERS or "[" in p))


def validation_message(err: dict) -> str:
    """Our words for one of pydantic's own (English) errors, by its type, with the limit or
    the values it names; our own checks raise ValueError texts that are translated already."""
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        return err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "extra_forbidden":
        return translate("form", "不明なキーです（つづりを確認してください。書き方は README の"
                                 "評価票の形式を参照）")
    mapping = translate("form", "「キー: 値」の形で書いてください")
    listing = translate("form", "リスト（- で始まる行）で書いてください")
    whole = translate("form", "整数で書いてください")
    figure = translate("form", "数値で書いてください")
    flag = translate("form", "true か false で書いてください")
    fixed = {
        "missing": translate("form", "必要なキーがありません"),
        "string_type": translate("form", "文字列で書いてください"),
        "string_too_short": translate("form", "空にはできません"),
        "int_type": whole, "int_parsing": whole, "int_from_float": whole,
        "float_type": figure, "float_parsing": figure, "bool_type": flag, "bool_parsing": flag,
        "dict_type": mapping, "model_type": mapping, "model_attributes_type": mapping,
        "list_type": listing, "tuple_type": listing,
    }
    if kind in fixed:
        return fixed[kind]
    if kind in ("literal_error", "enum"):
        values = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected"))))
        return translate("form", "使える値ではありません（使える値: {values}）").format(values=values)
    if kind == "string_pattern_mismatch":
        return translate("form", "書き方（形式）が正しくありません（形式: {pattern}）").format(
            pattern=ctx.get("pattern"))
    bounded = {
        "string_too_long": translate("form", "長すぎます（{limit} 文字まで）"),
        "too_short": translate("form", "要素が足りません（{limit} 個以上）"),
        "too_long": translate("form", "要素が多すぎます（{limit} 個まで）"),
        "greater_than_equal": translate("form", "値が小さすぎます（{limit} 以上）"),
        "greater_than": translate("form", "値が小さすぎます（{limit} より大きく）"),
        "less_than_equal": translate("form", "値が大きすぎます（{limit} 以下）"),
        "less_than": translate("form", "値が大きすぎます（{limit} 未満）"),
    }
    limit = {"string_too_long": "max_length", "too_short": "min_length",
             "too_long": "max_length", "greater_than_equal": "ge", "greater_than": "gt",
             "less_than_equal": "le", "less_than": "lt"}.get(kind)
    if limit in ctx:
        return bounded[kind].format(limit=ctx[limit])
    return translate("form", "使える値ではありません（書き方は README の評価票の形式を参照）")


def _describe(err: dict) -> str:
    loc = ".".join(str(p) for p in _clean_loc(err["loc"]))
    msg = validation_message(err)
    return f"{loc}: {msg}" if loc else msg


def _condition_message(loc: tuple) -> str:
    """One message for a condition that fits no form of condition (every union member fails,
    and pydantic's per-member errors would only confuse)."""
    where = ".".join(str(p) for p in loc)
    return translate("form", "{where}: 条件の書き方が正しくありません。使える形: "
                             "{{item: コード, equals / not_equals / in / not_in / at_least / "
                             "at_most / answered: 値}}、{{facility_category: [区分, …]}}、"
                             "{{all: [条件, …]}}、{{any: [条件, …]}}").format(where=where)


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
            raise FormError([FormProblem(source, line, None, translate(
                "form", "評価票ファイルではアンカーと別名（&name・*name）は使えません。"
                        "内容を省略せずに書いてください"))])
        count += 1
        if count > MAX_YAML_EVENTS:
            raise FormError([FormProblem(source, event.start_mark.line + 1, None, translate(
                "form", "評価票が大きすぎます（YAML の要素が多すぎます）"))])


def _yaml_message(exc: yaml.YAMLError, text: str) -> str:
    """What PyYAML could not read, in our words (its own text is English): a tab where reading
    stopped, the most common slip, by name; otherwise the column where reading stopped."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return translate("form", "YAML として読めません。字下げや記号を確認してください")
    lines = text.splitlines()[mark.line:mark.line + 1]     # none when it stopped past the end
    if any("\t" in row[:mark.column + 1] for row in lines):
        return translate("form", "字下げにタブ文字は使えません。空白で字下げしてください")
    return translate("form", "YAML として読めません（{column} 文字目）。字下げや記号を確認して"
                             "ください").format(column=mark.column + 1)


def parse_form(text: str, source: str = "<form>", *, strict: bool = False) -> Form:
    """Validate form YAML text; raise FormError listing every problem.

    strict: also apply the authoring rules (see the module docstring)."""
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
        raise FormError([FormProblem(source, line, None, _yaml_message(exc, text))]) from None
    if not isinstance(data, dict):
        raise FormError([FormProblem(source, 1, None, translate(
            "form", "評価票は「キー: 値」の形（YAML のマッピング）で書いてください"))])
    duplicates: list = []
    lines = _line_map(node, duplicates=duplicates) if node is not None else {}
    problems = [FormProblem(source, line, _item_code_at(data, path),
                            translate("form", "キー {key} がここに2回あります。1つにしてください"
                                      ).format(key=repr(path[-1])))
                for path, line in duplicates]
    problems += _cross_checks(data, lines, source)
    problems += [FormProblem(source, _nearest_line(lines, ("replaces",) + path), code, message)
                 for path, code, message in map_problems(data)]
    if strict:
        problems += _authoring_problems(data, lines, source)
    try:
        form = Form.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        locs = [_clean_loc(e["loc"]) for e in errors]
        seen = set()
        # a value the bounds refused already (core/form_bounds.py) is reported once, by them
        bounded = {tuple(path) for path, _message in form_bounds.problems(data)}
        for err, loc in zip(errors, locs):
            if tuple(loc) in bounded:
                continue
            # a list whose members failed is also reported "too short": keep the real cause
            if err["type"] == "too_short" and any(o != loc and o[:len(loc)] == loc for o in locs):
                continue
            # a bad condition fails every union member: report it once
            at = next((i for i, k in enumerate(loc) if k in ("relevant_if", "when", "then")),
                      None)
            if at is not None and (loc[0] == "rules" or loc[at] == "relevant_if"):
                key = (loc[:at + 1], "cond")
                message = _condition_message(loc[:at + 1])
            else:
                key, message = (loc[:6], err["type"]), _describe(err)
            if key in seen:
                continue
            seen.add(key)
            problems.append(FormProblem(source, _nearest_line(lines, loc[:at + 1] if at is not
                                                              None else loc),
                                        _item_code_at(data, loc), message))
        form = None
    if problems:
        problems.sort(key=lambda p: (p.line or 0))
        raise FormError(problems)
    return form


def _listed(value: Any) -> list:
    """A raw YAML list, or [] when the file has something else there (a number, a text …):
    the model check reports that with its line; the cross checks must not crash on it."""
    return value if isinstance(value, list) else []


_VALUE_OPS = ("equals", "not_equals", "in", "not_in")
_FIGURE_OPS = ("at_least", "at_most")


def _raw_leaves(cond: Any, path: tuple = ()) -> Iterator[tuple[tuple, str, str, list]]:
    """(path inside the condition, item code, operator, compared values) for every item test
    of a raw condition; facility tests name no item and are checked by the model."""
    if not isinstance(cond, dict):
        return
    if isinstance(cond.get("item"), str):
        for op in _VALUE_OPS + _FIGURE_OPS + ("answered",):
            if op in cond:
                v = cond[op]
                values = list(v) if op in ("in", "not_in") and isinstance(v, list) else [v]
                yield path, cond["item"], op, values
    for key in ("all", "any"):
        for i, sub in enumerate(_listed(cond.get(key))):
            yield from _raw_leaves(sub, path + (key, i))


def _raw_condition_values(cond: Any) -> Iterator[tuple[str, list]]:
    """(item code, values compared with) for every value test of a raw condition."""
    for _path, item, op, values in _raw_leaves(cond):
        yield item, values if op in _VALUE_OPS else []


def _operator_problem(ref: str, target: dict, op: str) -> str | None:
    """Why a test `op` cannot work on the raw item `target` (None: it can): figure tests need
    a figure item, and a percentage is compared by figure tests only."""
    t = target.get("type")
    if op in _FIGURE_OPS:
        if t not in FIGURE_TYPES:
            return translate("form", "{op} は整数・数値・割合の項目にだけ使えます（{ref} は {type} の"
                                     "項目です）。equals・in 等を使ってください").format(
                op=op, ref=ref, type=t)
        return None
    if op in _VALUE_OPS and t == "percentage":
        return translate("form", "{ref} は割合の項目です。割合（%）は at_least・at_most で比べて"
                                 "ください").format(ref=ref)
    return None


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
                                    translate("form", "評価尺度 {scale} が2回定義されています"
                                              ).format(scale=repr(dup))))
    scales = {s.get("id"): s for s in as_list(data.get("scales"))
              if isinstance(s, dict) and isinstance(s.get("id"), str)}
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
                                        str(scode),
                                        translate("form", "章のコードが2回使われています")))
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
                report("code", translate("form", "項目コードが2回使われています。評価票の中で"
                                                 "重複しないようにしてください"))
            if isinstance(scode, str) and code.split("-")[0] != scode:
                report("code", translate("form", "項目コードは章のコード {section}- で始めて"
                                                 "ください").format(section=scode))
            scale = item.get("scale")
            if scale is not None and scale not in scale_ids:
                report("scale", translate("form", "評価尺度 {scale} は定義されていません"
                                                  "（定義済み: {defined}）").format(
                    scale=repr(scale), defined=scale_ids))
            for _path, ref, op, _values in _raw_leaves(item.get("relevant_if")):
                problem = _operator_problem(ref, seen_items[ref], op) if ref in seen_items else None
                if problem:
                    report("relevant_if", problem)
            for ref, expected in _raw_condition_values(item.get("relevant_if")):
                if ref == code:
                    report("relevant_if", translate("form", "項目の表示条件に自分自身は使えません"))
                elif ref not in seen_items:
                    report("relevant_if",
                           translate("form", "relevant_if の {ref} はこの項目より前にありません"
                                     ).format(ref=repr(ref)))
                else:
                    allowed = _condition_domain(seen_items[ref], data)
                    if allowed is not None and any(not _fits(v, allowed) for v in expected):
                        report("relevant_if", translate(
                            "form", "relevant_if の値 {expected} は {ref} の回答としてありえない"
                                    "ため、この項目は表示されません（{ref} の回答: {allowed}）"
                        ).format(expected=repr(expected), ref=ref,
                                 allowed=repr(sorted(allowed, key=str))))
            if ("qi" in item or "reference" in item) and item.get("type") not in (
                    "integer", "number", "percentage"):
                report("qi", translate("form", "qi と reference は整数・数値・割合の項目にだけ"
                                               "付けられます"))
            qi = item.get("qi")
            if isinstance(qi, str):
                if qi in seen_qis:
                    report("qi", translate("form", "QI の ID {qi} は {item} で使われています"
                                           ).format(qi=repr(qi), item=seen_qis[qi]))
                seen_qis.setdefault(qi, code)
            problems += _anchor_problems(item, scales, lambda key: _nearest_line(lines, at + key),
                                         source)
            seen_items[code] = item
    problems += _rule_problems(data, seen_items, lines, source)
    # finite numbers in range, a text version, text within the policy (core/form_bounds.py)
    problems += [FormProblem(source, _nearest_line(lines, path), _item_code_at(data, path),
                             message) for path, message in form_bounds.problems(data)]
    if total > MAX_ITEMS:
        problems.append(FormProblem(source, None, None, translate(
            "form", "項目が {count} 個あります。{limit} 個以内にしてください").format(
            count=total, limit=MAX_ITEMS)))
    return problems


def _scale_codes(scale: dict | None, *, scored_only: bool = False) -> list[str]:
    """The option codes of a raw scale (scored_only: those with points, i.e. the grades)."""
    if not isinstance(scale, dict):
        return []
    return [o.get("code") for o in _listed(scale.get("options"))
            if isinstance(o, dict) and isinstance(o.get("code"), str)
            and (not scored_only or o.get("points") is not None)]


def _anchor_problems(item: dict, scales: dict, line_of, source: str) -> list[FormProblem]:
    """Anchors may only name codes of the item's scale (checked on every load)."""
    anchors = item.get("anchors")
    scale_id = item.get("scale")
    scale = scales.get(scale_id) if isinstance(scale_id, str) else None
    if not isinstance(anchors, dict) or scale is None:
        return []
    codes = _scale_codes(scale)
    return [FormProblem(source, line_of(("anchors", key)), str(item.get("code")),
                        translate("form", "anchors の {key} は評価尺度 {scale} にない記号です。"
                                          "使える記号: {codes}").format(
                            key=key, scale=scale.get("id"), codes=", ".join(codes)))
            for key in anchors if key not in codes]


def _rule_problems(data: dict, items: dict[str, dict], lines: dict,
                   source: str) -> list[FormProblem]:
    """Consistency rules must name existing items with tests that fit their type and values
    they can hold; rule ids are unique. Checked on every load (old forms have no rules)."""
    problems: list[FormProblem] = []
    seen: set[str] = set()
    for ri, rule in enumerate(_listed(data.get("rules"))):
        if not isinstance(rule, dict):
            continue
        rid = rule.get("id") if isinstance(rule.get("id"), str) else f"rules[{ri}]"
        at = ("rules", ri)

        def report(key: tuple, message: str) -> None:
            problems.append(FormProblem(source, _nearest_line(lines, at + key), rid, message))

        if rid in seen:
            report(("id",), translate("form", "規則の id {id} が2回使われています。"
                                              "重複しない id にしてください").format(id=rid))
        seen.add(rid)
        for part in ("when", "then"):
            for path, ref, op, values in _raw_leaves(rule.get(part)):
                where = (part,) + path
                if ref not in items:
                    report(where + ("item",),
                           translate("form", "{part} の項目 {ref} はこの評価票にありません。"
                                             "項目コードを確かめてください").format(
                               part=part, ref=ref))
                    continue
                problem = _operator_problem(ref, items[ref], op)
                if problem is None and op in _VALUE_OPS:
                    allowed = _condition_domain(items[ref], data)
                    wrong = [v for v in values if allowed is not None and not _fits(v, allowed)]
                    if wrong:
                        problem = translate(
                            "form", "{part} の {op} の値 {wrong} は {ref} の回答としてありえません"
                                    "（{ref} の回答: {allowed}）。選択肢・評価の記号を確かめて"
                                    "ください").format(
                            part=part, op=op, wrong=", ".join(map(str, wrong)), ref=ref,
                            allowed=", ".join(sorted(map(str, allowed))))
                if problem:
                    report(where + (op,), problem)
    return problems


def _authoring_problems(data: dict, lines: dict, source: str) -> list[FormProblem]:
    """What `forms check` (strict) also asks of a form: every grade of every rating item is
    defined by an anchor (B included), and no two grades of an item share one description."""
    problems: list[FormProblem] = []
    scales = {s.get("id"): s for s in _listed(data.get("scales"))
              if isinstance(s, dict) and isinstance(s.get("id"), str)}
    for si, section in enumerate(_listed(data.get("sections"))):
        if not isinstance(section, dict):
            continue
        for ii, item in enumerate(_listed(section.get("items"))):
            if not isinstance(item, dict) or item.get("type") != "rating":
                continue
            at = ("sections", si, "items", ii)
            code = str(item.get("code"))
            anchors = item.get("anchors") if isinstance(item.get("anchors"), dict) else {}
            scale_id = item.get("scale")
            grades = _scale_codes(scales.get(scale_id) if isinstance(scale_id, str) else None,
                                  scored_only=True)
            missing = [g for g in grades if g not in anchors]
            if missing:
                problems.append(FormProblem(
                    source, _nearest_line(lines, at + ("code",)), code,
                    translate("form", "評価 {missing} の定義（anchors）がありません。評価ごとに"
                                      "その評価となる状態を書いてください（例: anchors: "
                                      "{{{first}: {{ja: …, en: …}}}}）").format(
                        missing=", ".join(missing), first=missing[0])))
            texts: dict[str, str] = {}
            for grade, text in anchors.items():
                ja = text.get("ja") if isinstance(text, dict) else None
                if not isinstance(ja, str):
                    continue
                if ja.strip() in texts:
                    problems.append(FormProblem(
                        source, _nearest_line(lines, at + ("anchors", grade)), code,
                        translate("form", "評価 {a} と {b} の定義が同じ文です。評価ごとに違いが"
                                          "分かるように書き分けてください").format(
                            a=texts[ja.strip()], b=grade)))
                texts.setdefault(ja.strip(), grade)
    return problems


def load_form(path: str | Path, *, strict: bool = False) -> Form:
    """Read and validate a form file; FormError names the file for every problem.

    strict: also apply the authoring rules (`forms check`, forms installed in forms/)."""
    path = Path(path)
    source = str(path)
    # a FIFO would block: refused from stat (a missing file or a folder is worded below)
    odd = bounds.regular_file_problem(path) if path.exists() and not path.is_dir() else None
    if odd is not None:
        raise FormError([FormProblem(source, None, None, odd)])
    try:
        size = path.stat().st_size
        if size > MAX_FORM_BYTES:
            raise FormError([FormProblem(source, None, None, translate(
                "form", "ファイルが大きすぎます（{size} バイト。上限 {limit} バイト）").format(
                size=f"{size:,}", limit=f"{MAX_FORM_BYTES:,}"))])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FormError([FormProblem(source, None, None, translate(
            "form", "ファイルがありません。パスを確かめてください"))]) from None
    except IsADirectoryError:
        raise FormError([FormProblem(source, None, None, translate(
            "form", "フォルダです。評価票のファイルを指定してください"))]) from None
    except OSError as exc:
        raise FormError([FormProblem(source, None, None, translate(
            "form", "ファイルを読み込めません（{reason}）").format(
            reason=type(exc).__name__))]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormError([FormProblem(source, None, None, translate(
            "form", "UTF-8 の文字になっていません（{byte} バイト目）。UTF-8 で保存し直して"
                    "ください").format(byte=exc.start))]) from None
    return parse_form(text, source, strict=strict)


def form_from_canonical(canonical_json: str) -> Form:
    """Rebuild a form from the canonical JSON stored with a review or carried in a package.

    Lenient on purpose: the form was accepted when the review was made, and authoring rules
    added since (anchors, …) must never make a stored review unreadable."""
    return Form.model_validate_json(canonical_json)


def shipped_forms() -> list[Form]:
    """The forms offered for new reviews (forms/*.yaml, found as package data), held to the
    authoring rules (strict)."""
    return [load_form(p, strict=True) for p in sorted(forms_dir().glob("*.yaml"))]


_CODE_RE = re.compile(r"^([A-Z]+)-([0-9]+)$")


def item_sort_key(code: str) -> tuple[str, int]:
    m = _CODE_RE.match(code)
    return (m.group(1), int(m.group(2))) if m else (code, 0)
