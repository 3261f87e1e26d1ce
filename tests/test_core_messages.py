"""Every message of the bounds (core/bounds.py, core/form_bounds.py, core/text_policy.py, the
answer bounds of core/review.py) goes through the translation catalogue under its own context:
in an English run each is looked up as ("context", Japanese source). Here a catalogue marks
every translatable text of those modules, and each message must come back marked — a text
under the wrong context would stay Japanese for an English-speaking user."""

from __future__ import annotations

import ast
import os
from datetime import timedelta
from pathlib import Path

import pytest

from kanwa_review.core import bounds as B
from kanwa_review.core import form_bounds as FB
from kanwa_review.core import i18n
from kanwa_review.core import text_policy as T
from kanwa_review.core.form import load_form
from kanwa_review.core.pdca import action_from_dict, clean_fields
from kanwa_review.core.review import AnswerError, TeamMember, normalise_value
from tests.conftest import DATA

CORE = Path(B.__file__).parent
# each module's messages live under one context (what pyside6-lupdate extracts them under)
MODULES = {"bounds.py": "bounds", "form_bounds.py": "form", "text_policy.py": "text_policy",
           "review.py": "review"}


def translatable(path: Path, context: str) -> set[tuple[str, str]]:
    """(context, source) of every translate(context, "source") call of the module."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "translate":
            args = node.args
            if len(args) >= 2 and all(isinstance(a, ast.Constant) for a in args[:2]) \
                    and args[0].value == context:
                out.add((context, args[1].value))
    return out


@pytest.fixture
def marked(monkeypatch):
    catalog = {(*key, ""): f"⟦{key[1]}⟧" for name, context in MODULES.items()
               for key in translatable(CORE / name, context)}
    assert len(catalog) > 30
    monkeypatch.setattr(i18n, "_language", "en")
    monkeypatch.setitem(i18n._catalogs, "en", catalog)
    return catalog


def is_marked(text: str | None) -> bool:
    return text is not None and "⟦" in text and "⟧" in text


def test_the_bounds_messages_are_translated_under_their_context(marked, tmp_path):
    problems = [
        B.number_problem("x", 0, 1), B.number_problem(float("nan"), 0, 1),
        B.number_problem(1.5, 0, 2, integer=True), B.number_problem(5, 0, 1),
        B.timestamp_problem(None), B.timestamp_problem("x" * 30),
        B.timestamp_problem("2025-11-20T09:30:00"), B.timestamp_problem("2025-11-20T09:30:00+15:00"),
        B.timestamp_problem("0001-01-01T00:00:00+09:00"),
        B.timestamp_problem("2000-01-01T00:00:00+09:00"),
        B.date_problem(None), B.date_problem("2025-02-30"), B.date_problem("1999-01-01"),
        B.regular_file_problem(tmp_path / "missing"), B.regular_file_problem(tmp_path),
        B.regular_file_problem(str(tmp_path / "a\x00")),
        B.regular_file_problem(tmp_path / ("x" * 5000)),
    ]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        problems.append(B.regular_file_problem(tmp_path / "fifo"))
    for problem in problems:
        assert is_marked(problem), problem
    for call, arg in ((B.json_float, "1e400"), (B.json_int, "1" * 16)):
        with pytest.raises(B.OutOfBounds) as err:
            call(arg)
        assert is_marked(str(err.value))


def test_the_text_policy_messages_are_translated_under_their_context(marked):
    for ch, kind in (("\x00", T.FREE), ("\ud800", T.FREE), ("\u202e", T.FREE),
                     ("\ufffe", T.FREE), ("\u200b", T.LINE), ("\u2028", T.LINE)):
        assert is_marked(T.refused_character(ch, kind)), ch
        assert is_marked(T.problem(f"a{ch}", kind))
    assert is_marked(T.problem("abc", max_length=2))


def test_the_form_bound_messages_are_translated_under_their_context(marked):
    [(_p, version)] = FB.problems({"version": 2026.1})
    assert is_marked(version)
    [(_p, weight)] = FB.problems({"weight": 1e308})
    assert weight.startswith("⟦weight: ") or is_marked(weight)


def test_the_answer_bound_messages_are_translated_under_their_context(marked):
    mini = load_form(DATA / "forms" / "mini.yaml")
    for code, value in (("B-2", 10 ** 13), ("B-1", {"numerator": 1, "denominator": 10 ** 8}),
                        ("B-5", "1800-01-01"), ("B-6", ["outpatient", "ward"]),
                        ("B-1", {"not_collected": True}),
                        ("B-1+", {"not_collected": True, "numerator": 1})):
        item = mini.item(code.rstrip("+"))
        if code == "B-6":
            item = item.model_copy(update={"choices": tuple(
                c.model_copy(update={"exclusive": True}) for c in item.choices)})
        if code == "B-1+":
            item = item.model_copy(update={"allow_not_collected": True})
        with pytest.raises(AnswerError) as err:
            normalise_value(item, value)
        assert is_marked(str(err.value)), str(err.value)


# --- exact values the bounds are kept at ----------------------------------------------------

def test_bounds_are_shown_as_whole_numbers_where_they_are_whole():
    assert B.number_problem(150, 0.0, 100.0) == "0 以上 100 以下にしてください"
    assert B.number_problem(1, 1.5, 2.5) == "1.5 以上 2.5 以下にしてください"


def test_check_number_takes_fractions_unless_told():
    B.check_number(2.5, 0, 5)
    with pytest.raises(B.OutOfBounds):
        B.check_number(2.5, 0, 5, integer=True)


def test_times_come_back_in_utc_whatever_the_local_zone(monkeypatch):
    import time

    if not hasattr(time, "tzset"):
        pytest.skip("no tzset on this platform")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        t = B.parse_timestamp("2025-11-20T09:30:00+09:00")
        assert t.utcoffset() == timedelta(0) and (t.hour, t.minute) == (0, 30)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_nul_in_a_file_name_is_named_as_such(tmp_path):
    assert B.regular_file_problem(str(tmp_path / "a\x00b")) == \
        "ファイル名に使えない文字（NUL）があります"


def test_form_bounds_keys_lists_and_other_keys():
    assert FB.problems({"a\u200bb": 1, "c\x1bd": 2}) == [
        (("a\u200bb",), "目に見えない書式文字（ゼロ幅スペースなど） U+200B（2 文字目）は使えません"),
        (("c\x1bd",), "制御文字 U+001B（2 文字目）は使えません")]
    assert FB.problems({"weight": [1e308]}) == [
        (("weight", 0), "weight: 0 以上 100 以下にしてください")]
    assert FB.problems({1: float("nan")}) == [
        ((1,), "値: 有限の数値ではありません（NaN・無限大は使えません）")]


def test_figures_exactly_at_the_bounds_are_answers():
    mini = load_form(DATA / "forms" / "mini.yaml")
    free = mini.item("B-2").model_copy(update={"min": None})      # no limits of its own
    assert normalise_value(free, -10 ** 12) == -10 ** 12
    with pytest.raises(AnswerError, match="値が大きすぎます"):
        normalise_value(free, -10 ** 12 - 1)


def test_names_in_the_app_and_in_action_files_are_one_line_without_invisible_characters():
    m = TeamMember("山田 花子", "leader", "physician", "架空\n病院\u200b")
    assert m.affiliation == "架空病院"
    assert clean_fields({"owner_role": "緩和\u200bケア", "owner_name": "架空\u200b次郎"}) == \
        {"owner_role": "緩和ケア", "owner_name": "架空次郎"}
    a = action_from_dict({"uuid": "5f0c7d1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f", "title": "x",
                          "created_at": "2025-11-20T00:00:00+00:00",
                          "progress": [{"at": "2025-11-21T00:00:00+00:00", "status": "done",
                                        "note": "一行目\n二行目\u200b", "author": "架空\u200b次郎"}]})
    assert a.progress[0].author == "架空次郎"
    assert a.progress[0].note == "一行目\n二行目\u200b"      # free text keeps a zero-width space


def test_text_policy_edges():
    assert T.clean("a\x00b", T.LINE) == "ab"                # ASCII, not printable
    assert T.for_terminal("\udd00") == "\\udd00"            # a surrogate, not a byte escape
    assert T.for_terminal("a\nb\tc") == "a\nb\tc"
    assert T.for_terminal("X\x01") == "X\\x01"
    # Shift_JIS reading to a private-use character is a wrong guess: bytes shown instead
    raw = b"\xf0\x40"                                       # U+E000 in Microsoft's cp932
    assert raw.decode("cp932") == "\ue000"
    assert T.display_name(raw.decode("utf-8", "surrogateescape")) == "\\xf0@"


def test_a_file_that_cannot_be_looked_at_names_the_error(monkeypatch, tmp_path):
    def stat(_path):
        raise PermissionError()        # no strerror: the error's kind is named instead

    monkeypatch.setattr(B.os, "stat", stat)
    assert B.regular_file_problem(tmp_path / "x") == "ファイルを確認できません（PermissionError）"


def test_condition_holds_and_cleared_items_take_the_facility_category():
    from kanwa_review.core import skiplogic
    from kanwa_review.core.form import FacilityCategory, In
    from kanwa_review.core.review import Answer
    from tests.core_support import item, make_form

    on = FacilityCategory(facility_category=("prefectural",))
    assert skiplogic.condition_holds(on, {}, "prefectural")
    assert not skiplogic.condition_holds(on, {}, "regional")
    assert not skiplogic.condition_holds(on, {})
    test = In.model_validate({"item": "A-1", "in": ["x"]})
    assert skiplogic.condition_holds(test, {"A-1": "x"})
    assert not skiplogic.condition_holds(test, {"A-1": "y"})
    form = make_form(("A", [item("A-1", "text"),
                            item("A-2", "text", relevant_if={"facility_category":
                                                             ["prefectural"]})]))
    given = {"A-2": Answer("A-2", value="x")}
    assert skiplogic.items_cleared_by(form, given, "prefectural") == []
    assert skiplogic.items_cleared_by(form, given, "regional") == ["A-2"]
    assert skiplogic.items_cleared_by(form, given) == ["A-2"]
