"""Conditions (表示条件・整合ルール) as text a clerk reads and types in a workbook cell, and back.

    C-3 = 兼任                       equals            (≠ for not_equals)
    C-2 が C、D のいずれか            in               (… のいずれでもない: not_in)
    I-2 ≥ 10                         at_least         (≤ for at_most)
    B-5 回答あり                      answered: true   (未回答: answered: false)
    施設区分 が 地域がん診療病院 のいずれか   facility_category
    B-4 = はい かつ B-5 回答あり      all   (または: any; かつ binds first; （ ） groups)
    すべて（B-4 = はい）              all of one condition (いずれか（…）: any of one)

Values are read by the type of the item they test: はい / いいえ for yes/no items, numbers for
figures, a choice's label or code for choice items (written as the label when that reads back
the same), a grade code for ratings. A value with spaces, punctuation or one of the words
above is written in 「」. Also accepted when typed: != <> for ≠, >= ≧ for ≥, <= ≦ for ≤, ＝,
( ) for （ ）, "," for 、, true/false for はい/いいえ, and category codes (regional, …).

`format_condition` and `parse_condition` are exact inverses for every condition of a valid
form (the form workbook's round trip relies on it); parse errors say what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kanwa_review.core.i18n import translate
from kanwa_review.core.review import FACILITY_CATEGORIES

AND, OR = "かつ", "または"
IN, NOT_IN = "のいずれか", "のいずれでもない"
ANSWERED, UNANSWERED = "回答あり", "未回答"
FACILITY = "施設区分"
ALL_OF, ANY_OF = "すべて", "いずれか"
GA = "が"
YES, NO = "はい", "いいえ"
# short names of the designation categories (the long ones of core.review are accepted too)
CATEGORY_SHORT = {"prefectural": "都道府県拠点", "regional": "地域拠点",
                  "regional_hospital": "地域がん診療病院", "specialised": "特定領域",
                  "other": "その他"}
_KEYWORDS = (NOT_IN, IN, ALL_OF, ANY_OF, AND, OR, ANSWERED, UNANSWERED, FACILITY, GA)
_OPS = {"=": "=", "＝": "=", "≠": "≠", "!=": "≠", "<>": "≠", "≥": "≥", ">=": "≥", "≧": "≥",
        "≤": "≤", "<=": "≤", "≦": "≤"}
_PUNCT = {"(": "(", "（": "(", ")": ")", "）": ")", "、": "、", ",": "、", "，": "、"}
_CODE = re.compile(r"^[A-Z]+-[0-9]+$")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")
_SPECIAL = set("()（）「」、,，=＝≠!<>≥≧≤≦") | {" ", "\u3000", "\t", "\n"}
MAX_CONDITION_CHARS = 2000   # a real condition is a line or two
MAX_DEPTH = 20


class ConditionSyntaxError(ValueError):
    """A condition text that cannot be read; the message says what was expected."""


@dataclass(frozen=True)
class ItemInfo:
    """What the reader needs to know of the item a test names."""

    type: str
    choices: tuple[tuple[str, str], ...] = ()   # (code, Japanese label)
    grades: tuple[str, ...] = ()                # rating: the scale's codes


Lookup = Callable[[str], "ItemInfo | None"]


# --- writing ------------------------------------------------------------------------------

def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _reads_back(candidate: str, value: Any, info: ItemInfo | None) -> bool:
    """Whether `candidate` is one value token that reads back as exactly `value`."""
    try:
        tokens = _tokens(candidate)
    except ConditionSyntaxError:
        return False
    if len(tokens) != 2 or tokens[0].kind not in ("word", "quoted"):
        return False
    return _same(_read_value(tokens[0].text, info, quoted=tokens[0].kind == "quoted"), value)


def _value_text(value: Any, info: ItemInfo | None) -> str:
    """The shortest text that reads back as `value` for this item: a choice's label, はい /
    いいえ, the number, the text itself — or the text in 「」."""
    if isinstance(value, bool):
        words = [YES if value else NO] if info is not None and info.type == "yes_no" else []
        candidates = words + ["true" if value else "false"]
    elif isinstance(value, (int, float)):
        candidates = [repr(value)]
    else:
        text = str(value)
        labels = [lab for code, lab in (info.choices if info is not None else ()) if code == text]
        candidates = [_short_label(lab) for lab in labels] + labels + [text]
    for c in candidates:
        for form in (c, f"「{c}」"):
            if _reads_back(form, value, info):
                return form
    raise ConditionSyntaxError(translate(
        "condition_text", "値 {value!r} は条件の文で表せません").format(value=value))


def format_condition(cond: Mapping[str, Any], lookup: Lookup) -> str:
    """The text of a raw condition mapping (the YAML form of a condition)."""
    return _format(cond, lookup, top=True)


def _format(cond: Mapping[str, Any], lookup: Lookup, top: bool = False) -> str:
    for key, word, one in (("all", AND, ALL_OF), ("any", OR, ANY_OF)):
        if key in cond:
            parts = list(cond[key])
            if len(parts) == 1:
                return f"{one}（{_format(parts[0], lookup, top=True)}）"
            text = f" {word} ".join(_format(p, lookup) for p in parts)
            return text if top else f"（{text}）"
    if "facility_category" in cond:
        names = "、".join(CATEGORY_SHORT.get(c, c) for c in cond["facility_category"])
        return f"{FACILITY} {GA} {names} {IN}"
    code = cond["item"]
    info = lookup(code)
    if "equals" in cond:
        return f"{code} = {_value_text(cond['equals'], info)}"
    if "not_equals" in cond:
        return f"{code} ≠ {_value_text(cond['not_equals'], info)}"
    if "in" in cond:
        return f"{code} {GA} {'、'.join(_value_text(v, info) for v in cond['in'])} {IN}"
    if "not_in" in cond:
        return f"{code} {GA} {'、'.join(_value_text(v, info) for v in cond['not_in'])} {NOT_IN}"
    if "at_least" in cond:
        return f"{code} ≥ {cond['at_least']!r}"
    if "at_most" in cond:
        return f"{code} ≤ {cond['at_most']!r}"
    return f"{code} {ANSWERED if cond['answered'] else UNANSWERED}"


# --- reading ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Token:
    kind: str        # word | quoted | op | punct | keyword | end
    text: str


def _split_word(word: str, prev: _Token | None) -> list[_Token]:
    """A run typed without spaces: 「C-3が」, 「兼任のいずれか」, 「B-5回答あり」, 「が兼任」 after
    a code (elsewhere が starts a word such as 「がん」)."""
    m = re.match(r"^([A-Z]+-[0-9]+|施設区分)(が|回答あり|未回答)(.*)$", word)
    if m:
        subject = _Token("keyword" if m.group(1) == FACILITY else "word", m.group(1))
        keyword = _Token("keyword", m.group(2))
        return [subject, keyword] + (_split_word(m.group(3), keyword) if m.group(3) else [])
    for suffix in (NOT_IN, IN):
        if word.endswith(suffix) and word != suffix and not word.startswith(suffix):
            return [*_split_word(word[:-len(suffix)], prev), _Token("keyword", suffix)]
    after_subject = prev is not None and (
        (prev.kind == "word" and bool(_CODE.match(prev.text)))
        or (prev.kind == "keyword" and prev.text == FACILITY))
    if word.startswith(GA) and len(word) > 1 and word not in _KEYWORDS and after_subject:
        return [_Token("keyword", GA), *_split_word(word[1:], None)]
    if word in _KEYWORDS:
        return [_Token("keyword", word)]
    return [_Token("word", word)]


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in " \u3000\t\r\n":
            i += 1
            continue
        if ch == "「":
            end = text.find("」", i + 1)
            if end < 0:
                raise ConditionSyntaxError(translate(
                    "condition_text", "「 が閉じていません。値を「」で囲んでください"))
            out.append(_Token("quoted", text[i + 1:end]))
            i = end + 1
            continue
        two = text[i:i + 2]
        if two in _OPS:
            out.append(_Token("op", _OPS[two]))
            i += 2
            continue
        if ch in _OPS:
            out.append(_Token("op", _OPS[ch]))
            i += 1
            continue
        if ch in _PUNCT:
            out.append(_Token("punct", _PUNCT[ch]))
            i += 1
            continue
        j = i
        while j < len(text) and text[j] not in _SPECIAL and text[j] != "」":
            j += 1
        if j == i:   # a lone 」 or ! (no operator)
            raise ConditionSyntaxError(translate(
                "condition_text", "「{ch}」はここでは使えません").format(ch=ch))
        out += _split_word(text[i:j], out[-1] if out else None)
        i = j
    out.append(_Token("end", ""))
    return out


def _short_label(label: str) -> str:
    """A choice's label without its explanation in brackets: 「兼任（業務の5割未満）」→「兼任」."""
    return re.split(r"[（(]", label, maxsplit=1)[0].strip() or label


_TRUE, _FALSE = ("true", "True", "TRUE"), ("false", "False", "FALSE")


def _read_value(text: str, info: ItemInfo | None, *, quoted: bool) -> Any:
    """A value as the tested item takes it (see the module docstring): a choice's code (from
    its code or label); unquoted, also true/false, はい/いいえ for a yes/no item, a number."""
    if info is not None and info.type in ("choice", "multi_choice"):
        codes = [code for code, _label in info.choices]
        if text in codes:
            return text
        by_label = [code for code, label in info.choices if label == text]
        if len(by_label) == 1:
            return by_label[0]
        by_short = [code for code, label in info.choices if _short_label(label) == text]
        if not by_label and len(by_short) == 1:
            return by_short[0]
    if quoted:
        return text
    if text in _TRUE or (text == YES and info is not None and info.type == "yes_no"):
        return True
    if text in _FALSE or (text == NO and info is not None and info.type == "yes_no"):
        return False
    if _NUMBER.match(text):
        return _number(text)
    return text


def _number(text: str) -> int | float:
    return int(text) if re.match(r"^-?[0-9]+$", text) else float(text)


def _category(text: str) -> str:
    for code, short in CATEGORY_SHORT.items():
        if text in (code, short, FACILITY_CATEGORIES.get(code)):
            return code
    raise ConditionSyntaxError(translate(
        "condition_text", "施設区分「{text}」は使えません。使える区分: {names}").format(
        text=text, names="、".join(CATEGORY_SHORT.values())))


class _Parser:
    def __init__(self, text: str, lookup: Lookup, missing: list[str]):
        self.tokens = _tokens(text)
        self.pos = 0
        self.lookup = lookup
        self.missing = missing
        self.depth = 0

    def peek(self) -> _Token:
        return self.tokens[self.pos]

    def take(self) -> _Token:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, kind: str, text: str | None, what: str) -> _Token:
        tok = self.take()
        if tok.kind != kind or (text is not None and tok.text != text):
            got = tok.text or translate("condition_text", "（文の終わり）")
            raise ConditionSyntaxError(translate(
                "condition_text", "「{got}」のところに {what} が必要です").format(
                got=got, what=what))
        return tok

    def condition(self) -> dict:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionSyntaxError(translate("condition_text", "かっこの入れ子が深すぎます"))
        parts = [self.conjunction()]
        while self.peek().kind == "keyword" and self.peek().text == OR:
            self.take()
            parts.append(self.conjunction())
        self.depth -= 1
        return parts[0] if len(parts) == 1 else {"any": parts}

    def conjunction(self) -> dict:
        parts = [self.unary()]
        while self.peek().kind == "keyword" and self.peek().text == AND:
            self.take()
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else {"all": parts}

    def unary(self) -> dict:
        tok = self.peek()
        if tok.kind == "punct" and tok.text == "(":
            self.take()
            inner = self.condition()
            self.expect("punct", ")", "「）」")
            return inner
        if tok.kind == "keyword" and tok.text in (ALL_OF, ANY_OF):
            self.take()
            self.expect("punct", "(", translate("condition_text", "「（」"))
            inner = self.condition()
            self.expect("punct", ")", "「）」")
            return {"all" if tok.text == ALL_OF else "any": [inner]}
        return self.test()

    def values(self, info: ItemInfo | None) -> list:
        out = [self.value(info)]
        while self.peek().kind == "punct" and self.peek().text == "、":
            self.take()
            out.append(self.value(info))
        return out

    def value(self, info: ItemInfo | None) -> Any:
        tok = self.take()
        if tok.kind in ("word", "quoted"):
            return _read_value(tok.text, info, quoted=tok.kind == "quoted")
        raise ConditionSyntaxError(translate(
            "condition_text", "「{got}」のところに値が必要です（ほかの語と同じ値は「」で囲みます）"
        ).format(got=tok.text or translate("condition_text", "（文の終わり）")))

    def test(self) -> dict:
        tok = self.take()
        if tok.kind == "keyword" and tok.text == FACILITY:
            self.expect("keyword", GA, "「が」")
            names = [self.take() for _ in range(1)]
            while self.peek().kind == "punct" and self.peek().text == "、":
                self.take()
                names.append(self.take())
            self.expect("keyword", IN, "「のいずれか」")
            return {"facility_category": [_category(n.text) for n in names]}
        if tok.kind != "word" or not _CODE.match(tok.text):
            raise ConditionSyntaxError(translate(
                "condition_text", "「{got}」のところに項目コード（例: C-3）か「施設区分」が必要です"
            ).format(got=tok.text or translate("condition_text", "（文の終わり）")))
        code = tok.text
        info = self.lookup(code)
        if info is None and code not in self.missing:
            self.missing.append(code)
        nxt = self.take()
        if nxt.kind == "op" and nxt.text in ("=", "≠"):
            key = "equals" if nxt.text == "=" else "not_equals"
            return {"item": code, key: self.value(info)}
        if nxt.kind == "op":
            num = self.take()
            if num.kind != "word" or not _NUMBER.match(num.text):
                raise ConditionSyntaxError(translate(
                    "condition_text", "{code} {op} のあとには数値を書いてください").format(
                    code=code, op=nxt.text))
            return {"item": code, "at_least" if nxt.text == "≥" else "at_most":
                    _number(num.text)}
        if nxt.kind == "keyword" and nxt.text in (ANSWERED, UNANSWERED):
            return {"item": code, "answered": nxt.text == ANSWERED}
        if nxt.kind == "keyword" and nxt.text == GA:
            values = self.values(info)
            end = self.take()
            if end.kind == "keyword" and end.text in (IN, NOT_IN):
                return {"item": code, "in" if end.text == IN else "not_in": values}
            raise ConditionSyntaxError(translate(
                "condition_text", "{code} が … のあとに「のいずれか」か「のいずれでもない」が"
                                  "必要です").format(code=code))
        raise ConditionSyntaxError(translate(
            "condition_text", "{code} のあとに =、≠、≥、≤、「が … のいずれか」、「回答あり」、"
                              "「未回答」のどれかが必要です").format(code=code))


def parse_condition(text: str, lookup: Lookup) -> tuple[dict, list[str]]:
    """The raw condition mapping of a text, and the item codes it names that `lookup` does
    not know (the caller reports them with the cell); ConditionSyntaxError when unreadable."""
    if len(text) > MAX_CONDITION_CHARS:
        raise ConditionSyntaxError(translate(
            "condition_text", "条件が長すぎます（{n} 文字。{limit} 文字まで）").format(
            n=len(text), limit=MAX_CONDITION_CHARS))
    missing: list[str] = []
    parser = _Parser(text, lookup, missing)
    if parser.peek().kind == "end":
        raise ConditionSyntaxError(translate("condition_text", "条件が空です"))
    cond = parser.condition()
    rest = parser.peek()
    if rest.kind != "end":
        raise ConditionSyntaxError(translate(
            "condition_text", "「{got}」から先が読めません。条件は「かつ」「または」でつなぎます"
        ).format(got=rest.text))
    return cond, missing
