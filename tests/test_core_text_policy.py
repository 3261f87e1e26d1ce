"""core/text_policy.py: which characters text may hold, cleaning the app's own input, and text
from files shown on a terminal (issue 12)."""

from __future__ import annotations

import os

import pytest

from kanwa_review.core import text_policy as T

CONTROL = "制御文字"
SURROGATE = "対になっていないサロゲート（文字として壊れています）"
BIDI = "文字の向きを変える制御文字"
NONCHAR = "Unicode の非文字"
FORMAT = "目に見えない書式文字（ゼロ幅スペースなど）"
SEPARATOR = "改行文字"


@pytest.mark.parametrize("ch, free, line", [
    ("\x00", CONTROL, CONTROL), ("\x1b", CONTROL, CONTROL), ("\x1f", CONTROL, CONTROL),
    (" ", None, None), ("~", None, None), ("\x7f", CONTROL, CONTROL),
    ("\x80", CONTROL, CONTROL), ("\x9b", CONTROL, CONTROL), ("\x9f", CONTROL, CONTROL),
    ("\xa0", None, None), ("\n", None, CONTROL), ("\r", None, CONTROL), ("\t", None, CONTROL),
    ("\x0b", CONTROL, CONTROL), ("\x0c", CONTROL, CONTROL),
    ("\ud7ff", None, None), ("\ud800", SURROGATE, SURROGATE), ("\udc82", SURROGATE, SURROGATE),
    ("\udfff", SURROGATE, SURROGATE), ("\ue000", None, None),
    ("\u202e", BIDI, BIDI), ("\u202a", BIDI, BIDI), ("\u2066", BIDI, BIDI),
    ("\u2069", BIDI, BIDI), ("\u200e", BIDI, BIDI), ("\u200f", BIDI, BIDI), ("\u061c", BIDI, BIDI),
    ("\u200b", None, FORMAT), ("\u200d", None, FORMAT), ("\ufeff", None, FORMAT),
    ("\u00ad", None, FORMAT), ("\u2028", None, SEPARATOR), ("\u2029", None, SEPARATOR),
    ("\ufdcf", None, None), ("\ufdd0", NONCHAR, NONCHAR), ("\ufdef", NONCHAR, NONCHAR),
    ("\ufdf0", None, None), ("\ufffd", None, None), ("\ufffe", NONCHAR, NONCHAR),
    ("\uffff", NONCHAR, NONCHAR), ("\U0001fffe", NONCHAR, NONCHAR),
    ("\U0010ffff", NONCHAR, NONCHAR), ("\U0001f338", None, None), ("架", None, None),
])
def test_each_character_class(ch, free, line):
    assert T.refused_character(ch, T.FREE) == free
    assert T.refused_character(ch, T.LINE) == line
    assert T.refused_character(ch) == free          # free text unless told


def test_problem_names_the_rule_the_character_and_its_position():
    assert T.problem("abc") is None and T.problem("架空病院\n二行目\t", T.FREE) is None
    assert T.problem("a\x01") == "制御文字 U+0001（2 文字目）は使えません"
    assert T.problem("架空\u202e病院", T.LINE) == \
        "文字の向きを変える制御文字 U+202E（3 文字目）は使えません"
    assert T.problem("\tx", T.LINE) == "制御文字 U+0009（1 文字目）は使えません"
    assert T.problem("\tx") is None
    assert T.problem("a\u200bb", T.LINE) == \
        "目に見えない書式文字（ゼロ幅スペースなど） U+200B（2 文字目）は使えません"
    assert T.problem("a\u200bb", T.FREE) is None
    assert T.problem("x\U0010ffff", T.LINE) == "Unicode の非文字 U+10FFFF（2 文字目）は使えません"


def test_problem_checks_the_length_first():
    assert T.problem("abc", max_length=3) is None
    assert T.problem("abcd", max_length=3) == "4 文字あります。3 文字以内にしてください"
    assert T.problem("a" * 1001, max_length=1000) == \
        "1,001 文字あります。1,000 文字以内にしてください"
    assert T.problem("\x00" * 5, max_length=4) == "5 文字あります。4 文字以内にしてください"


def test_clean_drops_what_a_reader_refuses_and_normalises():
    assert T.clean("a\x00b\u202ec") == "abc"
    assert T.clean("一行目\n二行目\t") == "一行目\n二行目\t"
    assert T.clean("一行目\n二行目\t", T.LINE) == "一行目二行目"
    assert T.clean("山田\u200b花子", T.LINE) == "山田花子"
    assert T.clean("山田\u200b花子") == "山田\u200b花子"
    assert T.clean("か\u3099") == "が"                         # NFC
    assert T.clean("plain") == "plain"


def test_normal_is_nfc_and_keeps_normal_text_as_it_is():
    decomposed = "か\u3099き"
    assert T.normal(decomposed) == "がき"
    text = "すでに正規形"
    assert T.normal(text) is text


def test_for_terminal_makes_every_active_character_visible():
    assert T.for_terminal("plain text") == "plain text"
    assert T.for_terminal("\x1b[2J赤") == "\\x1b[2J赤"
    assert T.for_terminal("a\u202eb") == "a\\u202eb"
    assert T.for_terminal("行\n\t次") == "行\n\t次"
    assert T.for_terminal("\r\x7f\x9b\x80") == "\\x0d\\x7f\\u009b\\u0080"
    assert T.for_terminal("\u200b") == "\\u200b"
    assert T.for_terminal("\ud800") == "\\ud800"
    assert T.for_terminal("🌸 架空") == "🌸 架空"


def test_file_names_read_as_bytes_are_decoded_as_the_user_sees_them():
    def name(raw: bytes) -> str:
        return raw.decode("utf-8", "surrogateescape")     # what Python gives on POSIX

    assert T.display_name(name("提出ファイル.kanwa".encode("cp932"))) == "提出ファイル.kanwa"
    assert T.display_name(name("アイ.kanwa".encode("cp932"))) == "アイ.kanwa"   # ASCII trails
    assert T.display_name(name("/tmp/日本/提出A.kanwa".encode("cp932"))) == \
        "/tmp/日本/提出A.kanwa"
    assert T.display_name(name(b"ok-\xff\xfe.kanwa")) == "ok-\\xff\\xfe.kanwa"   # neither
    assert T.display_name(name(b"\x80")) == "\\x80"
    assert T.display_name("架空.kanwa") == "架空.kanwa"
    assert T.display_name("a\nb\tc\x1b") == "a\\nb\\tc\\x1b"
    assert T.display_name(os.fspath("plain.kanwa")) == "plain.kanwa"
    # a UTF-8 name with one invalid byte: Shift_JIS would read it as 譫ｶ and a private-use
    # character (a wrong guess), so it stays UTF-8 with the byte shown
    assert T.display_name(name("架".encode() + b"\xff")) == "架\\xff"


def test_a_run_of_escapes_takes_one_ascii_trail_byte_each():
    # 0x83 0x41 is ア in Shift_JIS: the "A" belongs to the character, the "B" after it not
    assert T.for_terminal("\udc83AB") == "アB"
    assert T.for_terminal("x\udc83A\udc83Cy") == "xアイy"
    assert T.for_terminal("\udc83") == "\\x83"
    assert T.for_terminal("\udc83 ") == "\\x83 "         # a space (0x20) is no trail byte
    assert T.for_terminal("\udc83\x7f") == "\\x83\\x7f"    # nor DEL (0x7f)
    assert T.for_terminal("\udc83@") == "ァ"              # 0x40 is the first trail byte
    assert T.for_terminal("\udc83~") == "ミ"              # 0x7e the last


PLAIN_RANGES = [(0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x5FF), (0x3000, 0x9FFF), (0xAC00, 0xD7A3),
                (0xFF01, 0xFFEF)]


def test_the_fast_path_holds_only_characters_no_rule_refuses():
    for low, high in PLAIN_RANGES:
        text = "".join(map(chr, range(low, high + 1)))
        assert T.problem(text, T.LINE) is None and T.problem(text) is None
        assert T.clean(text, T.LINE) == T.normal(text)
        for ch in (chr(low - 1), chr(high + 1)):     # just outside: looked at one by one
            assert T.plain(ch, T.LINE) is False
        assert all(T.refused_character(chr(c), T.LINE) is None for c in range(low, high + 1))
    assert T.plain("一\n二\t三\r", T.FREE) and not T.plain("一\n二", T.LINE)
    assert T.problem("架空\xad", T.LINE) == \
        "目に見えない書式文字（ゼロ幅スペースなど） U+00AD（3 文字目）は使えません"


def test_the_refusal_is_worded_under_the_modules_context(echo_catalog):
    """Each part of the message is looked up under "text_policy", where its English lives."""
    from kanwa_review.core import text_policy as TP

    assert TP.problem("ab\x01", TP.LINE) == (
        "[text_policy] [text_policy] 制御文字 U+0001（3 文字目）は使えません")
    assert TP.problem("x" * 5, TP.LINE, 3) == (
        "[text_policy] 5 文字あります。3 文字以内にしてください")
