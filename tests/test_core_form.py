"""Form definitions: loading, validation errors with file/line/item, canonical hash."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from kanwa_review.core.form import FormError, default_form_path, load_form, parse_form

DATA = Path(__file__).parent / "data" / "forms"
MINI = (DATA / "mini.yaml").read_text(encoding="utf-8")


def problems_of(text: str) -> list:
    with pytest.raises(FormError) as info:
        parse_form(text, "broken.yaml")
    return info.value.problems


def test_mini_form_loads_into_immutable_objects(mini_form):
    assert mini_form.id == "mini-test"
    assert [s.code for s in mini_form.sections] == ["A", "B"]
    assert mini_form.item("A-2").effective_weight == 2
    assert mini_form.section_of("B-3").code == "B"
    with pytest.raises(ValidationError, match="Instance is frozen"):
        mini_form.item("A-1").required = False


def test_hash_ignores_layout_and_comments_but_not_content(mini_form):
    reformatted = "# a comment\n" + MINI.replace("version: \"1\"", "version: '1'")
    assert parse_form(reformatted).sha256 == mini_form.sha256
    changed = MINI.replace("委員会がある", "委員会が設置されている")
    assert parse_form(changed).sha256 != mini_form.sha256
    assert len(mini_form.sha256) == 64


def test_canonical_json_rebuilds_the_same_form(mini_form):
    from kanwa_review.core.form import form_from_canonical

    again = form_from_canonical(mini_form.canonical_json())
    assert again == mini_form and again.sha256 == mini_form.sha256


def test_every_error_is_reported_with_line_and_item_code():
    text = MINI.replace("      - code: A-2\n        type: rating",
                        "      - code: A-2\n        type: ratting")
    text = text.replace("relevant_if: {item: A-3, equals: true}",
                        "relevant_if: {item: B-9, equals: true}")
    text = text.replace("        unit: {ja: 件, en: cases}", "        unit: {ja: 件, en: cases}\n"
                        "        colour: red")
    problems = problems_of(text)
    by_item = {p.item: p for p in problems}
    assert set(by_item) >= {"A-2", "A-4", "B-2"}, problems
    assert "type" in by_item["A-2"].message
    assert "B-9" in by_item["A-4"].message and "より前にありません" in by_item["A-4"].message
    assert "不明なキーです" in by_item["B-2"].message
    for p in problems:
        assert p.file == "broken.yaml" and p.line and p.line > 1
    # the line points at the offending key
    lines = text.splitlines()
    assert "colour" in lines[by_item["B-2"].line - 1]


def test_type_specific_keys_and_duplicates():
    text = MINI.replace("      - code: A-3\n        type: yes_no",
                        "      - code: A-1\n        type: yes_no\n        unit: {ja: 件}")
    problems = problems_of(text)
    messages = " ".join(p.message for p in problems)
    assert "2回使われています" in messages
    assert "の項目には使えません" in messages


def test_percentage_needs_numerator_and_choice_needs_choices():
    text = MINI.replace("        numerator: {ja: 実施数, en: Done}\n", "")
    assert any("numerator" in p.message for p in problems_of(text))


def test_item_code_must_match_its_section():
    text = MINI.replace("code: B-1", "code: A-9")
    assert any("章のコード" in p.message for p in problems_of(text))


def test_not_yaml_and_not_a_mapping():
    assert "YAML" in problems_of("a: [unclosed")[0].message
    assert "マッピング" in problems_of("- 1\n- 2\n")[0].message


def test_file_problems_name_the_file(tmp_path):
    with pytest.raises(FormError, match="ファイルがありません"):
        load_form(tmp_path / "missing.yaml")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(FormError, match="UTF-8") as info:
        load_form(bad)
    assert str(bad) in str(info.value)
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"#" * (3 * 1024 * 1024))
    with pytest.raises(FormError, match="上限"):
        load_form(huge)


def test_yaml_alias_bomb_is_refused_without_blowing_up():
    # "billion laughs" in YAML: nested aliases share objects in PyYAML, but anything that walks
    # the tree (validation, line mapping) would visit 9**9 nodes. Aliases are refused outright.
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi"))
    problems = problems_of(bomb)
    assert len(problems) == 1 and "アンカーと別名" in problems[0].message and problems[0].line == 1


def test_shipped_checklist_is_valid_and_complete(real_form):
    form = load_form(default_form_path())
    assert form == real_form
    assert [s.code for s in form.sections] == list("ABCDEFGHIJ")
    assert 60 <= form.item_count <= 110
    items = list(form.items())
    assert all(i.traces_to for i in items)
    assert all(i.text.ja and i.text.en for i in items)
    rating = [i for i in items if i.type == "rating"]
    assert all(i.guidance for i in rating), "every rated item has guidance for reviewers"
    assert all(i.has_self_assessment for i in rating)
    assert {o.code for o in form.scale("abcd").options} == {"A", "B", "C", "D", "NA"}
    kinds = {i.type for i in items}
    assert {"rating", "percentage", "integer", "yes_no", "text", "date", "choice"} <= kinds
    qis = {i.qi for i in items if i.qi}
    assert {"screening_rate_outpatient", "training_completion_rate",
            "pct_new_referrals"} <= qis


def test_skip_logic_values_must_fit_the_item_they_test():
    text = MINI.replace("relevant_if: {item: A-3, equals: true}",
                        "relevant_if: {item: A-3, equals: \"yes\"}")
    text = text.replace("relevant_if: {item: B-3, in: [dedicated, assigned]}",
                        "relevant_if: {item: B-3, in: [dedicated, fulltime]}")
    problems = {p.item: p.message for p in problems_of(text)}
    assert "表示されません" in problems["A-4"] and "表示されません" in problems["B-4"]


def test_duplicate_yaml_keys_are_errors_not_silently_last_wins():
    text = MINI.replace("        required: true\n        weight: 2",
                        "        required: true\n        required: false\n        weight: 2")
    problems = problems_of(text)
    assert any(p.item == "A-2" and "2回あります" in p.message for p in problems)


def test_qi_only_on_figures_and_unique():
    text = MINI.replace("        type: text\n        text: {ja: ツール名, en: Tool name}",
                        "        type: text\n        text: {ja: ツール名, en: Tool name}\n"
                        "        qi: tool")
    text = text.replace("        min: 0\n", "        min: 0\n        qi: rate\n")
    text = text.replace("        period: custom\n        required: true",
                        "        period: custom\n        qi: rate\n        required: true")
    messages = " ".join(p.message for p in problems_of(text))
    assert "にだけ付けられます" in messages and "で使われています" in messages


def test_a_form_equals_only_a_form_of_the_same_content(mini_form):
    from kanwa_review.core.form import form_from_canonical

    assert mini_form not in (None, "mini-test", mini_form.sha256, mini_form.model_dump())
    again = form_from_canonical(mini_form.canonical_json())
    assert {mini_form: "stored"}[again] == "stored"          # one key in a dict, one in a set
    assert len({again, mini_form, *again.items(), *mini_form.items()}) == 1 + again.item_count


def test_texts_of_the_form_in_either_language(mini_form):
    from tests.core_support import anchored

    b3 = mini_form.item("B-3")
    assert (b3.choice_label("assigned"), b3.choice_label("assigned", "en")) == ("専任", "Assigned")
    assert b3.choice_label("elsewhere", "en") == "elsewhere"       # not a choice: the code
    assert mini_form.item("A-1").text.get() == "委員会がある"
    assert mini_form.item("A-1").text.get("en") == "A committee exists"
    form = parse_form(anchored())
    assert form.grade_definitions("A-1") == [("A", "十分"), ("B", "概ね"), ("C", "一部"),
                                             ("D", "なし")]
    assert form.grade_definitions("A-1", "en") == [("A", "Full"), ("B", "Mostly"),
                                                   ("C", "Partly"), ("D", "None")]
