"""The form loader's problems, exactly: every kind of mistake in a form file is reported with the
file, the line an author should look at, the item (or rule id) and the whole message, all
problems at once and in line order, and a value of the wrong shape anywhere is reported, never
crashed on. Limits are tested at their exact values."""

from __future__ import annotations

import json

import pytest
import yaml

from kanwa_review.core import form as F
from kanwa_review.core.form import (
    MAX_FORM_BYTES, MAX_ITEMS, MAX_YAML_EVENTS, FormError, FormProblem, item_sort_key, load_form,
    parse_form,
)
from tests.core_support import MINI, anchored

CONDITION = ("条件の書き方が正しくありません。使える形: {item: コード, equals / not_equals / in / "
             "not_in / at_least / at_most / answered: 値}、{facility_category: [区分, …]}、"
             "{all: [条件, …]}、{any: [条件, …]}")
UNKNOWN_KEY = "不明なキーです（つづりを確認してください。書き方は README の評価票の形式を参照）"
ITEM_TYPES = ("使える値ではありません（使える値: rating, yes_no, integer, number, percentage, "
              "date, choice, multi_choice, text）")


def problems(text: str, *, strict: bool = False, source: str = "form.yaml") -> list[str]:
    """Every problem parsing `text` reports, as an author reads it (file:line [item]: message)."""
    with pytest.raises(FormError) as info:
        parse_form(text, source, strict=strict)
    assert str(info.value) == "\n".join(str(p) for p in info.value.problems)
    return [str(p) for p in info.value.problems]


def edit(old: str, new: str, text: str = MINI, count: int = 1) -> str:
    assert old in text, old
    return text.replace(old, new, count)


def at(text: str, needle: str, nth: int = 1) -> str:
    """ "form.yaml:<line>" of the nth line containing `needle`."""
    lines = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return f"form.yaml:{lines[nth - 1]}"


def extra_item(lines: str) -> str:
    """mini.yaml with one more item at the end of section B."""
    return MINI + "      - code: B-7\n" + "".join(f"        {ln}\n" for ln in lines.split("\n"))


# --- problems are reported --------------------------------------------------------------------

def test_a_problem_reads_file_line_item_and_message():
    assert str(FormProblem("f.yaml", 3, "A-1", "m")) == "f.yaml:3 [A-1]: m"
    assert str(FormProblem("f.yaml", None, "A-1", "m")) == "f.yaml [A-1]: m"
    assert str(FormProblem("f.yaml", 3, None, "m")) == "f.yaml:3: m"
    assert str(FormProblem("f.yaml", None, None, "m")) == "f.yaml: m"
    error = FormError([FormProblem("a", 1, None, "x"), FormProblem("b", None, "C-1", "y")])
    assert str(error) == "a:1: x\nb [C-1]: y" and len(error.problems) == 2


def test_the_source_defaults_to_a_placeholder():
    with pytest.raises(FormError) as info:
        parse_form("- 1\n")
    assert info.value.problems[0].file == "<form>"


def test_problems_come_in_line_order_whatever_found_them():
    # the cross check (line of A-9) runs before the model check (line of A-1's type)
    text = edit("code: B-2", "code: A-9", edit("        type: rating", "        type: ratting"))
    assert problems(text) == [
        f"{at(text, 'type: ratting')} [A-1]: sections.0.items.0.type: {ITEM_TYPES}",
        f"{at(text, 'code: A-9')} [A-9]: 項目コードは章のコード B- で始めてください",
    ]


# --- YAML itself -----------------------------------------------------------------------------

def test_text_that_is_not_yaml_is_reported_where_the_parser_stopped():
    text = edit("title: {ja: テスト用評価票, en: Test form}", "title: {ja: テスト用評価票, en: x")
    assert problems(text) == [
        f"{at(text, 'scales:')}: YAML として読めません（7 文字目）。字下げや記号を確認してください"]
    # an error without a position (a control character) is reported without a line
    [control] = problems("a: \x07\n")
    assert control == "form.yaml: YAML として読めません。字下げや記号を確認してください"
    # a tab where reading stopped is named
    assert problems("a:\n\tb: 1\n") == [
        "form.yaml:2: 字下げにタブ文字は使えません。空白で字下げしてください"]


@pytest.mark.parametrize("text", ["", "# nothing but a comment\n", "- 1\n", "just text\n", "5\n"])
def test_a_form_must_be_a_mapping(text):
    assert problems(text) == ["form.yaml:1: 評価票は「キー: 値」の形（YAML のマッピング）で"
                              "書いてください"]


ALIASES = ("評価票ファイルではアンカーと別名（&name・*name）は使えません。内容を省略せずに"
           "書いてください")


def test_anchors_and_aliases_are_refused_where_they_are():
    assert problems("a: 1\nb: &x 2\n") == [f"form.yaml:2: {ALIASES}"]
    assert problems("a: 1\nb:\n  - *x\n") == [f"form.yaml:3: {ALIASES}"]


# The node and item limits are tested at a small value (the checks read the module's constant
# when they run), so the exact boundary costs nothing; the shipped limits (200,000 nodes, 2,000
# items) are far above a real checklist (about 10,000 nodes and 90 items).
SMALL_LIMIT = 40


def test_the_yaml_node_limit_is_exact(monkeypatch):
    monkeypatch.setattr(F, "MAX_YAML_EVENTS", SMALL_LIMIT)
    # one scalar per line: stream, document and sequence events make six more
    F._refuse_aliases("- x\n" * (SMALL_LIMIT - 6), "s")                 # exactly the limit
    with pytest.raises(FormError) as info:
        F._refuse_aliases("- x\n" * (SMALL_LIMIT - 5), "s")
    assert [str(p) for p in info.value.problems] == [
        f"s:{SMALL_LIMIT - 4}: 評価票が大きすぎます（YAML の要素が多すぎます）"]
    # the node that crossed the limit is named: here the last scalar
    assert problems("- x\n" * (SMALL_LIMIT - 2)) == [
        f"form.yaml:{SMALL_LIMIT - 2}: 評価票が大きすぎます（YAML の要素が多すぎます）"]
    assert MAX_YAML_EVENTS == 200_000


def test_duplicate_keys_are_named_at_their_second_occurrence():
    text = edit("        weight: 2", "        weight: 3\n        weight: 2")
    assert problems(text) == [f"{at(text, 'weight: 2')} [A-2]: キー 'weight' がここに2回あります。"
                              "1つにしてください"]
    text = MINI + "id: again\n"
    assert problems(text) == [f"{at(text, 'id: again')}: キー 'id' がここに2回あります。"
                              "1つにしてください"]


# --- the models' checks -----------------------------------------------------------------------

def test_model_problems_name_the_key_in_japanese_and_english():
    text = edit("weight: 2", "weight: x")
    assert problems(text) == [
        f"{at(text, 'weight: x')} [A-2]: sections.0.items.1.weight: 数値で書いてください"]
    text = edit("        text: {ja: 計画がある, en: A plan exists}\n", "")
    assert problems(text) == [f"{at(text, 'code: A-2')} [A-2]: sections.0.items.1.text: "
                              "必要なキーがありません"]


def test_our_own_value_errors_read_without_pydantics_prefix():
    text = edit("          - {code: assigned, label: {ja: 専任, en: Assigned}}\n", "")
    assert problems(text) == [
        f"{at(text, 'code: B-3')} [B-3]: sections.1.items.2: 選択肢は2つ以上必要です",
        f"{at(text, 'relevant_if: {item: B-3')} [B-4]: relevant_if の値 ['dedicated', "
        "'assigned'] は B-3 の回答としてありえないため、この項目は表示されません"
        "（B-3 の回答: ['dedicated']）"]


def test_problems_in_a_section_name_the_section():
    text = edit("    title: {ja: 指標, en: Indicators}", "    title: {ja: 指標, en: Indicators}\n"
                "    colour: red")
    assert problems(text) == [f"{at(text, 'colour')} [B]: sections.1.colour: {UNKNOWN_KEY}"]
    text = edit("    title: {ja: 指標, en: Indicators}", "    title: {en: Indicators}")
    assert problems(text) == [f"{at(text, 'title: {en')} [B]: sections.1.title.ja: "
                              "必要なキーがありません"]


def test_an_empty_list_is_reported_and_later_problems_too():
    text = edit("version: \"1\"", "version: [1]",
                edit("    items:\n      - code: B-1",
                     "    items: []\n    itemz:\n      - code: B-1"))
    assert problems(text) == [
        f"{at(text, 'version:')}: version は文字列で書いてください（[1] と読まれました）。引用符がないと"
        "数値として読まれ、2026.10 は 2026.1 になります。引用符で囲んでください"
        "（例: version: \"2026.10\"）",
        f"{at(text, 'items: []')} [B]: sections.1.items: 要素が足りません（1 個以上）",
        f"{at(text, 'itemz')} [B]: sections.1.itemz: {UNKNOWN_KEY}"]


def test_a_list_whose_members_failed_is_not_also_too_short_and_alike_problems_count_once():
    reference = ("        reference: {value: 5, label: {ja: 目安}, "
                 "facility_category: [hospice, clinic]}\n")
    text = edit("        min: 0\n", "        min: 0\n" + reference) + (
        "      - code: B-7\n        type: textt\n        text: {ja: x, en: x}\n"
        "        traces_to: [test]\n")
    literal = ("使える値ではありません（使える値: prefectural, regional, regional_hospital, "
               "specialised, other）")
    assert problems(text) == [
        f"{at(text, 'hospice')} [B-2]: sections.1.items.1.reference.facility_category.0: {literal}",
        f"{at(text, 'textt')} [B-7]: sections.1.items.6.type: {ITEM_TYPES}"]


def test_a_problem_in_a_scale_names_no_item():
    text = edit("points: 3}", "points: -3}")
    # the bounds say it (once), not also the model's own "greater than or equal to 0"
    assert problems(text) == [f"{at(text, 'points: -3')}: points: 0 以上 100 以下にしてください"]


# --- conditions -------------------------------------------------------------------------------

def test_a_bad_condition_is_reported_once_where_it_starts():
    text = edit("        relevant_if: {item: A-3, equals: true}\n",
                "        relevant_if:\n          item: A-3\n          equalz: true\n")
    assert problems(text) == [   # at the key, not on the line below where its value starts
        f"{at(text, 'relevant_if:')} [A-4]: sections.0.items.3.relevant_if: {CONDITION}"]
    text = edit("relevant_if: {item: A-3, equals: true}",
                "relevant_if: {all: [{item: A-3, equals: true}, {itm: A-1}]}")
    assert problems(text) == [
        f"{at(text, 'relevant_if')} [A-4]: sections.0.items.3.relevant_if: {CONDITION}"]


def test_a_bad_condition_written_as_a_block_is_reported_at_its_key():
    text = edit("        relevant_if: {item: A-3, equals: true}\n",
                "        relevant_if:\n          item: A-3\n          equals: [true]\n")
    assert problems(text) == [
        f"{at(text, 'relevant_if:')} [A-4]: relevant_if の値 [[True]] は A-3 の回答としてありえない"
        "ため、この項目は表示されません（A-3 の回答: [False, True]）",
        f"{at(text, 'relevant_if:')} [A-4]: sections.0.items.3.relevant_if: {CONDITION}"]


def test_two_bad_conditions_in_one_section_are_two_problems():
    text = edit("relevant_if: {item: A-3, equals: true}", "relevant_if: {item: A-3, equalz: true}",
                edit("        required: true\n        traces_to: [test]\n      - code: A-4",
                     "        required: true\n        relevant_if: {item: A-1, inn: [A]}\n"
                     "        traces_to: [test]\n      - code: A-4"))
    assert problems(text) == [
        f"{at(text, 'inn: [A]')} [A-3]: sections.0.items.2.relevant_if: {CONDITION}",
        f"{at(text, 'equalz')} [A-4]: sections.0.items.3.relevant_if: {CONDITION}"]


def test_the_condition_message_is_translated(echo_catalog):
    text = edit("relevant_if: {item: A-3, equals: true}", "relevant_if: {item: A-3, equalz: true}")
    [p] = problems(text)
    assert p.endswith("[A-4]: [form] sections.0.items.3.relevant_if: " + CONDITION)


@pytest.mark.parametrize("condition, message", [
    ("{item: A-4, answered: true}", "項目の表示条件に自分自身は使えません"),
    ("{item: B-2, answered: true}", "relevant_if の 'B-2' はこの項目より前にありません"),
    ("{any: [{item: A-3, equals: true}, {all: [{item: B-2, at_least: 1}]}]}",
     "relevant_if の 'B-2' はこの項目より前にありません"),
    ("{item: A-3, equals: 1}", "relevant_if の値 [1] は A-3 の回答としてありえないため、この項目は"
                               "表示されません（A-3 の回答: [False, True]）"),
    ("{item: A-1, in: [A, E]}", "relevant_if の値 ['A', 'E'] は A-1 の回答としてありえないため、"
                                "この項目は表示されません（A-1 の回答: ['A', 'B', 'C', 'D', 'NA']）"),
    ("{item: A-3, at_least: 1}", "at_least は整数・数値・割合の項目にだけ使えます（A-3 は yes_no の"
                                 "項目です）。equals・in 等を使ってください"),
    ("{item: A-1, at_most: 2}", "at_most は整数・数値・割合の項目にだけ使えます（A-1 は rating の"
                                "項目です）。equals・in 等を使ってください"),
])
def test_what_a_display_condition_cannot_do(condition, message):
    text = edit("relevant_if: {item: A-3, equals: true}", f"relevant_if: {condition}")
    assert problems(text) == [f"{at(text, 'relevant_if')} [A-4]: {message}"]


@pytest.mark.parametrize("condition, message", [
    ("{item: B-6, not_in: [icu]}", "relevant_if の値 ['icu'] は B-6 の回答としてありえないため、"
                                   "この項目は表示されません（B-6 の回答: ['outpatient', 'ward']）"),
    ("{item: B-1, equals: 5}", "B-1 は割合の項目です。割合（%）は at_least・at_most で比べて"
                               "ください"),
])
def test_what_a_display_condition_on_a_later_section_cannot_do(condition, message):
    text = extra_item(f"type: text\ntext: {{ja: x, en: x}}\nrelevant_if: {condition}\n"
                      "traces_to: [test]")
    assert problems(text) == [f"{at(text, 'relevant_if: ' + condition)} [B-7]: {message}"]


def test_conditions_that_can_work_pass():
    text = extra_item("type: text\ntext: {ja: x, en: x}\ntraces_to: [test]\nrelevant_if: {all: ["
                      "{item: B-1, at_least: 50}, {item: B-2, at_most: 3}, {item: B-6, in: [ward]},"
                      " {item: A-1, not_in: [D]}, {item: B-3, not_equals: dedicated}, "
                      "{item: B-5, answered: false}, {facility_category: [regional]}]}")
    assert parse_form(text).item("B-7").relevant_if is not None


# --- rules ------------------------------------------------------------------------------------

RULE = ("  - id: {id}\n    when: {when}\n    then: {then}\n"
        "    message: {{ja: 確認してください, en: Check}}\n")


def with_rules(*rules: str) -> str:
    return anchored() + "rules:\n" + "".join(rules)


def rule(id_: str, when: str, then: str) -> str:
    return RULE.format(id=id_, when=when, then=then)


def test_rules_name_missing_items_inside_all_and_any():
    text = with_rules(rule("r1", "{all: [{item: Z-1, equals: true}]}",
                           "{any: [{item: A-1, in: [A]}, {item: Z-2, answered: true}]}"))
    assert problems(text) == [
        f"{at(text, 'Z-1')} [r1]: when の項目 Z-1 はこの評価票にありません。項目コードを確かめてください",
        f"{at(text, 'Z-2')} [r1]: then の項目 Z-2 はこの評価票にありません。項目コードを確かめてください"]


def test_a_rule_written_as_a_block_is_reported_at_the_leaf():
    text = with_rules("  - id: r\n    when:\n      all:\n        - item: A-3\n"
                      "          equals: true\n        - answered: true\n          item: Z-1\n"
                      "    then:\n      item: A-1\n      in: [X, Y]\n"
                      "    message: {ja: 確認してください}\n")
    assert problems(text) == [
        f"{at(text, 'item: Z-1')} [r]: when の項目 Z-1 はこの評価票にありません。"
        "項目コードを確かめてください",
        f"{at(text, 'in: [X, Y]')} [r]: then の in の値 X, Y は A-1 の回答としてありえません"
        "（A-1 の回答: A, B, C, D, NA）。選択肢・評価の記号を確かめてください"]


@pytest.mark.parametrize("condition, message", [
    ("{item: A-3, at_least: 1}", "at_least は整数・数値・割合の項目にだけ使えます（A-3 は yes_no の"
                                 "項目です）。equals・in 等を使ってください"),
    ("{item: B-1, not_in: [1]}", "B-1 は割合の項目です。割合（%）は at_least・at_most で比べて"
                                 "ください"),
])
def test_rule_tests_must_fit_the_item(condition, message):
    text = with_rules(rule("r", "{item: A-1, in: [A]}", condition))
    assert problems(text) == [f"{at(text, 'then:')} [r]: {message}"]


def test_every_leaf_of_a_rule_is_checked():
    text = with_rules(rule("r", "{all: [{item: Z-1, equals: true}, {item: B-3, equals: icu}]}",
                           "{item: A-1, in: [A]}"))
    assert problems(text) == [
        f"{at(text, 'Z-1')} [r]: when の項目 Z-1 はこの評価票にありません。項目コードを確かめてください",
        f"{at(text, 'Z-1')} [r]: when の equals の値 icu は B-3 の回答としてありえません"
        "（B-3 の回答: assigned, dedicated）。選択肢・評価の記号を確かめてください"]


def test_a_list_where_a_value_belongs_is_no_answer():
    text = with_rules(rule("r", "{item: A-1, equals: [A]}", "{item: A-2, in: [A]}"))
    assert problems(text) == [
        f"{at(text, 'when:')} [r]: when の equals の値 ['A'] は A-1 の回答としてありえません"
        "（A-1 の回答: A, B, C, D, NA）。選択肢・評価の記号を確かめてください",
        f"{at(text, 'when:')} [r]: rules.0.when: {CONDITION}"]


def test_a_rule_without_an_id_is_named_by_its_place():
    text = with_rules("  - when: {item: Z-1, equals: true}\n    then: {item: A-1, in: [A]}\n"
                      "    message: {ja: x}\n")
    assert problems(text) == [
        f"{at(text, 'when:')} [rules[0]]: when の項目 Z-1 はこの評価票にありません。"
        "項目コードを確かめてください",
        f"{at(text, 'when:')} [rules[0]]: rules.0.id: 必要なキーがありません"]


def test_rule_ids_are_unique():
    text = with_rules(rule("same", "{item: A-3, equals: true}", "{item: A-1, in: [A]}"),
                      "  - message: {ja: x}\n    id: same\n    when: {item: A-3, equals: false}\n"
                      "    then: {item: A-1, in: [D]}\n")
    assert problems(text) == [f"{at(text, 'id: same', 2)} [same]: 規則の id same が2回使われています。"
                              "重複しない id にしてください"]


def test_a_rule_of_the_wrong_shape_does_not_hide_the_next_one():
    text = anchored() + "rules:\n  - 5\n" + rule("r", "{item: Z-1, equals: true}",
                                                 "{item: A-1, in: [A]}")
    assert problems(text) == [
        f"{at(text, '  - 5')}: rules.0: 「キー: 値」の形で書いてください",
        f"{at(text, 'Z-1')} [r]: when の項目 Z-1 はこの評価票にありません。項目コードを確かめてください"]


def test_a_bad_then_is_one_problem():
    text = with_rules(rule("r", "{item: A-3, equals: true}", "{item: A-1, inn: [A]}"))
    assert problems(text) == [f"{at(text, 'then:')} [r]: rules.0.then: {CONDITION}"]


def test_rules_that_can_work_pass():
    text = with_rules(rule("r", "{item: B-3, answered: true}",
                           "{all: [{item: A-1, answered: true}, {item: B-2, at_least: 1}, "
                           "{item: B-1, at_most: 50.5}, {item: B-6, in: [ward]}, "
                           "{item: A-3, not_equals: false}]}"))
    assert [r.id for r in parse_form(text).rules] == ["r"]


def test_rule_messages_are_translated(echo_catalog):
    text = with_rules(rule("r", "{item: Z-1, equals: true}", "{item: A-1, inn: [A]}"),
                      rule("r", "{item: A-3, at_least: 1}", "{item: A-1, equals: E}"),
                      rule("s", "{item: A-1, in: [A]}", "{item: B-1, not_in: [1]}"))
    assert [p.split(": ", 1)[1][:7] for p in problems(text)] == ["[form] "] * 6


# --- items across the form --------------------------------------------------------------------

def test_codes_are_unique_and_start_with_their_section():
    text = edit("      - code: B-2\n        type: integer\n",
                "      - type: integer\n        code: B-1\n")
    assert problems(text) == [
        f"{at(text, 'code: B-1', 2)} [B-1]: 項目コードが2回使われています。評価票の中で"
        "重複しないようにしてください"]
    text = edit("      - code: B-2\n        type: integer\n",
                "      - type: integer\n        code: A-9\n")
    assert problems(text) == [f"{at(text, '  code: A-9')} [A-9]: 項目コードは章のコード B- で"
                              "始めてください"]


def test_section_codes_are_unique():
    text = edit("  - code: B\n    title", "  - title: {ja: 再, en: Again}\n    code: A\n    title")
    assert problems(text)[0] == (f"{at(text, '    code: A')} [A]: 章のコードが2回使われています")


def test_scales_are_defined_once_and_items_name_a_defined_one():
    scale = ("  - id: abcd\n    options: [{code: A, label: {ja: a, en: a}, points: 1}, "
             "{code: B, label: {ja: b, en: b}}]\n")
    text = edit("sections:\n", scale + "sections:\n")
    assert problems(text) == [f"{at(text, 'scales:')}: 評価尺度 'abcd' が2回定義されています"]
    text = edit("        scale: abcd\n        required: true\n        weight: 2",
                "        scale: abcde\n        required: true\n        weight: 2")
    assert problems(text) == [f"{at(text, 'abcde')} [A-2]: 評価尺度 'abcde' は定義されていません"
                              "（定義済み: ['abcd']）"]


def test_qi_ids_and_references_only_on_figures():
    text = edit("        type: text\n        text: {ja: ツール名, en: Tool name}\n",
                "        type: text\n        text: {ja: ツール名, en: Tool name}\n"
                "        qi: tool\n")
    assert problems(text) == [f"{at(text, 'qi: tool')} [A-4]: qi と reference は整数・数値・割合の"
                              "項目にだけ付けられます"]
    text = edit("        type: yes_no\n", "        type: yes_no\n"
                "        reference: {value: 1, label: {ja: 目安}}\n")
    assert problems(text) == [f"{at(text, 'code: A-3')} [A-3]: qi と reference は整数・数値・割合の"
                              "項目にだけ付けられます"]
    text = edit("        period: custom\n        required: true",
                "        period: custom\n        qi: rate\n        required: true",
                edit("        min: 0\n", "        min: 0\n        qi: rate\n"))
    assert problems(text) == [f"{at(text, 'qi: rate', 2)} [B-2]: QI の ID 'rate' は B-1 で"
                              "使われています"]


def test_the_item_limit_is_exact(monkeypatch):
    monkeypatch.setattr(F, "MAX_ITEMS", 5)
    head = MINI.split("sections:")[0]

    def form_of(n: int) -> str:
        items = "".join(f"      - {{code: A-{i}, type: yes_no, text: {{ja: x, en: x}}, "
                        "traces_to: [t]}\n" for i in range(1, n + 1))
        return head + "sections:\n  - code: A\n    title: {ja: a, en: a}\n    items:\n" + items

    assert parse_form(form_of(5)).item_count == 5
    too_many = "form.yaml: 項目が 6 個あります。5 個以内にしてください"
    assert problems(form_of(6)) == [too_many]
    # the items of all sections count together
    two = form_of(3) + "  - code: B\n    title: {ja: b, en: b}\n    items:\n" + "".join(
        f"      - {{code: B-{i}, type: yes_no, text: {{ja: x, en: x}}, traces_to: [t]}}\n"
        for i in range(1, 4))
    assert problems(two) == [too_many]
    # a form written as one line of JSON: the problem without a line comes first
    data = yaml.safe_load(form_of(6))
    data["sections"][0]["items"][1]["code"] = "A-1"
    assert problems(json.dumps(data, ensure_ascii=False)) == [
        too_many, "form.yaml:1 [A-1]: 項目コードが2回使われています。評価票の中で重複しないように"
                  "してください"]
    assert MAX_ITEMS == 2000


# --- values of the wrong shape: reported, never crashed on ------------------------------------

@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("old, new, expected", [
    ("scales:\n", "scales: 5\nscalez:\n",
     ("scales: リスト（- で始まる行）で書いてください")),
    ("sections:\n", "sections: 5\nsectionz:\n",
     ("sections: リスト（- で始まる行）で書いてください")),
    ("scales:\n", "scales:\n  - 5\n",
     ("scales.0: 「キー: 値」の形で書いてください")),
    ("sections:\n", "sections:\n  - 5\n",
     ("sections.0: 「キー: 値」の形で書いてください")),
    ("    items:\n      - code: A-1", "    items:\n      - 5\n      - code: A-1",
     ("sections.0.items.0: 「キー: 値」の形で書いてください")),
    ("          - {code: dedicated,", "          - dedicated\n          - {code: dedicated,",
     ("sections.1.items.2.choices.0: 「キー: 値」の形で書いてください")),
    ("    options:\n", "    options:\n      - 5\n",
     ("scales.0.options.0: 「キー: 値」の形で書いてください")),
])
def test_a_value_of_the_wrong_shape_is_reported_and_the_rest_still_checked(old, new, expected,
                                                                           strict):
    text = edit("code: B-2", "code: A-9", anchored(edit(old, new)))
    found = [p.split(": ", 1)[1] for p in problems(text, strict=strict)]
    assert expected in found
    # the item checks still run past the bad value (with no list of sections, nothing to check)
    assert ("項目コードは章のコード B- で始めてください" in found) is ("sections: 5" not in new)


def test_section_codes_of_the_wrong_shape_are_not_compared():
    text = edit("  - code: B\n", "  - code: [B]\n", edit("  - code: A\n", "  - code: [A]\n"))
    assert problems(text) == [
        f"{at(text, 'code: [A]')} [['A']]: sections.0.code: 文字列で書いてください",
        f"{at(text, 'code: [B]')} [['B']]: sections.1.code: 文字列で書いてください"]


def test_an_item_code_of_the_wrong_shape_skips_only_that_item():
    text = edit("code: A-4", "code: A-1", edit("      - code: A-2\n", "      - code: [A-2]\n"))
    assert problems(text) == [
        f"{at(text, 'code: [A-2]')} [['A-2']]: sections.0.items.1.code: 文字列で書いてください",
        f"{at(text, 'code: A-1', 2)} [A-1]: 項目コードが2回使われています。評価票の中で"
        "重複しないようにしてください"]


def test_an_item_of_the_wrong_shape_skips_only_that_item():
    text = edit("code: A-4", "code: A-1", edit("    items:\n      - code: A-1",
                                               "    items:\n      - 5\n      - code: A-1"))
    assert problems(text) == [
        f"{at(text, '      - 5')}: sections.0.items.0: 「キー: 値」の形で書いてください",
        f"{at(text, 'code: A-1', 2)} [A-1]: 項目コードが2回使われています。評価票の中で"
        "重複しないようにしてください"]


def test_a_section_of_the_wrong_shape_does_not_stop_the_authoring_check():
    text = edit("sections:\n", "sections:\n  - 5\n")
    assert problems(text, strict=True) == [
        f"{at(text, '  - 5')}: sections.0: 「キー: 値」の形で書いてください"] + [
        f"{at(text, f'code: {code}')} [{code}]: 評価 A, B, C, D {MISSING}"
        "{A: {ja: …, en: …}}）" for code in ("A-1", "A-2", "B-4")]


def test_conditions_on_a_rating_item_look_the_scale_up_past_values_of_the_wrong_shape():
    text = edit("    options:\n", "    options:\n      - 5\n",
                edit("scales:\n", "scales:\n  - 5\n"))
    text = edit("relevant_if: {item: A-3, equals: true}", "relevant_if: {item: A-1, in: [E]}", text)
    found = problems(text)
    assert found[-1] == (f"{at(text, 'relevant_if')} [A-4]: relevant_if の値 ['E'] は A-1 の回答と"
                         "してありえないため、この項目は表示されません"
                         "（A-1 の回答: ['A', 'B', 'C', 'D', 'NA']）")
    assert len(found) == 3


# --- anchors (grade definitions) --------------------------------------------------------------

MISSING = "の定義（anchors）がありません。評価ごとにその評価となる状態を書いてください（例: anchors: "


def test_the_authoring_check_names_every_rating_item_without_anchors():
    assert problems(MINI, strict=True) == [
        f"{at(MINI, f'code: {code}')} [{code}]: 評価 A, B, C, D {MISSING}"
        "{A: {ja: …, en: …}}）" for code in ("A-1", "A-2", "B-4")]


def test_the_authoring_check_names_the_missing_grades_at_the_item_code():
    text = anchored().replace("          B: {ja: 概ね, en: Mostly}\n", "", 2)
    text = edit("      - code: A-2\n        type: rating\n", "      - type: rating\n"
                "        code: A-2\n", text)
    assert problems(text, strict=True) == [
        f"{at(text, 'code: A-1')} [A-1]: 評価 B {MISSING}{{B: {{ja: …, en: …}}}}）",
        f"{at(text, '  code: A-2')} [A-2]: 評価 B {MISSING}{{B: {{ja: …, en: …}}}}）"]
    both = "          A: {ja: 十分, en: Full}\n          B: {ja: 概ね, en: Mostly}\n"
    text = anchored().replace(both, "", 1)
    assert problems(text, strict=True) == [
        f"{at(text, 'code: A-1')} [A-1]: 評価 A, B {MISSING}{{A: {{ja: …, en: …}}}}）"]


def test_the_authoring_check_adds_to_the_other_problems():
    text = edit("code: B-1", "code: A-9")
    found = problems(text, strict=True)
    assert len(found) == 4 and "[A-9]: 項目コードは章のコード B-" in found[2]


def test_two_grades_with_one_description_are_named_at_the_second():
    text = anchored().replace("C: {ja: 一部, en: Partly}", "C: {ja: ' 概ね ', en: Roughly}", 1)
    # a grade whose description is no mapping is reported by the model, and the rest compared
    text = edit("          A: {ja: 十分, en: Full}\n", "          A: 十分\n", text)
    assert problems(text, strict=True) == [
        f"{at(text, 'A: 十分')} [A-1]: sections.0.items.0.anchors.A: 「キー: 値」の形で書いてください"
        "",
        f"{at(text, ' 概ね ')} [A-1]: 評価 B と C の定義が同じ文です。評価ごとに違いが分かるように"
        "書き分けてください"]


def test_anchors_name_only_codes_of_the_items_scale():
    text = anchored().replace("          D: {ja: なし, en: None}\n",
                              "          D: {ja: なし, en: None}\n          E: {ja: 謎}\n", 1)
    assert problems(text) == [f"{at(text, 'E: {ja: 謎}')} [A-1]: anchors の E は評価尺度 abcd に"
                              "ない記号です。使える記号: A, B, C, D, NA"]
    # N/A is a code of the scale: it may carry a definition, and needs none
    text = anchored().replace("          D: {ja: なし, en: None}\n",
                              "          D: {ja: なし, en: None}\n          NA: {ja: 対象外}\n", 1)
    assert parse_form(text, strict=True).item("A-1").anchor("NA").ja == "対象外"


def test_anchor_messages_are_translated(echo_catalog):
    text = anchored().replace("C: {ja: 一部, en: Partly}", "C: {ja: 概ね, en: Roughly}", 1)
    text = text.replace("          D: {ja: なし, en: None}\n", "          E: {ja: 謎}\n", 1)
    assert [p.split(": ", 1)[1][:7] for p in problems(text, strict=True)] == ["[form] "] * 3


# --- files ------------------------------------------------------------------------------------

def test_the_file_size_limit_is_exact(tmp_path):
    at_limit = tmp_path / "at.yaml"
    at_limit.write_bytes(b"#" * MAX_FORM_BYTES)            # read, then found empty
    with pytest.raises(FormError) as info:
        load_form(at_limit)
    assert str(info.value) == (f"{at_limit}:1: 評価票は「キー: 値」の形（YAML のマッピング）で"
                               "書いてください")
    over = tmp_path / "over.yaml"
    over.write_bytes(b"#" * (MAX_FORM_BYTES + 1))
    with pytest.raises(FormError) as info:
        load_form(over)
    assert str(info.value) == (f"{over}: ファイルが大きすぎます（2,097,153 バイト。上限 "
                               "2,097,152 バイト）")


def test_files_that_cannot_be_read_are_named_with_the_reason(tmp_path):
    def refusal(path) -> str:
        with pytest.raises(FormError) as info:
            load_form(path)
        return str(info.value)

    assert refusal(tmp_path / "missing.yaml") == (
        f"{tmp_path / 'missing.yaml'}: ファイルがありません。パスを確かめてください")
    assert refusal(tmp_path) == (f"{tmp_path}: フォルダです。評価票のファイルを指定してください")
    (tmp_path / "file.yaml").write_text(MINI, encoding="utf-8")
    inside_a_file = tmp_path / "file.yaml" / "x.yaml"
    assert refusal(inside_a_file) == (f"{inside_a_file}: ファイルを読み込めません"
                                      "（NotADirectoryError）")
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("title: caf\xe9".encode("latin-1"))
    assert refusal(latin1) == (f"{latin1}: UTF-8 の文字になっていません（10 バイト目）。UTF-8 で"
                               "保存し直してください")


def test_a_byte_order_mark_is_allowed(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINI.encode("utf-8"))
    assert load_form(path).id == "mini-test"


# --- helpers of the loader on their own -------------------------------------------------------

def test_locations_drop_only_the_union_members_pydantic_adds():
    assert F._clean_loc(("sections", 0, "items", 3, "relevant_if", "All", "all", 0, "Equals",
                         "equals", "function-after[check(), str]", "bool")) == (
        "sections", 0, "items", 3, "relevant_if", "all", 0, "equals", "bool")
    assert F._clean_loc(("sections", 0, "items", 0, "anchors", "A", "ja")) == (
        "sections", 0, "items", 0, "anchors", "A", "ja")


def test_the_nearest_line_is_that_of_the_closest_enclosing_key():
    lines = {(): 1, ("sections",): 2, ("sections", 0): 3, ("sections", 0, "items"): 5}
    assert F._nearest_line(lines, ("sections", 0, "items", 4, "text")) == 5
    assert F._nearest_line(lines, ("sections", 0, "title", "ja")) == 3
    assert F._nearest_line(lines, ("scales", 0)) == 1
    assert F._nearest_line({}, ("scales", 0)) is None


def test_the_item_of_a_location():
    data = {"sections": [{"code": "A", "items": [{"code": "A-1"}]}],
            "rules": [{"id": "r1"}, {"when": {}}, 5], "scales": [{"id": "abcd"}]}
    assert F._item_code_at(data, ("sections", 0, "items", 0, "text")) == "A-1"
    assert F._item_code_at(data, ("sections", 0, "items")) == "A"
    assert F._item_code_at(data, ("sections", 0, "title", "ja")) == "A"
    assert F._item_code_at(data, ("sections", 0)) == "A"
    assert F._item_code_at(data, ("rules", 0, "then")) == "r1"
    assert F._item_code_at(data, ("rules", 1, "id")) == "rules[1]"
    for loc in (("rules", 2), ("rules", 9), ("sections", 5), ("sections", 0, "items", 7),
                ("scales", 0, "id"), ("sections",), ("format",), ()):
        assert F._item_code_at(data, loc) is None, loc
    assert F._item_code_at([], ("sections", 0)) is None


def test_describe_without_a_location_gives_the_message_alone():
    assert F._describe({"loc": (), "msg": "Value error, 壊れています",
                        "type": "value_error"}) == "壊れています"
    assert F._describe({"loc": ("a", "Equals", 0), "msg": "Field required",
                        "type": "missing"}) == "a.0: 必要なキーがありません"


def test_item_codes_sort_by_section_then_number():
    codes = ["B-10", "A-2", "odd", "B-9", "A-10", "AB-1"]
    assert sorted(codes, key=item_sort_key) == ["A-2", "A-10", "AB-1", "B-9", "B-10", "odd"]
    assert item_sort_key("C-12") == ("C", 12) and item_sort_key("odd") == ("odd", 0)


# --- pydantic's and PyYAML's errors in our words, in the reader's language -------------------

WHOLE, FIGURE, FLAG = "整数で書いてください", "数値で書いてください", "true か false で書いてください"
MAPPING, LISTING = "「キー: 値」の形で書いてください", "リスト（- で始まる行）で書いてください"
ANY_OTHER = "使える値ではありません（書き方は README の評価票の形式を参照）"
PYDANTIC = [
    ({"type": "missing"}, "必要なキーがありません"),
    ({"type": "string_type"}, "文字列で書いてください"),
    ({"type": "string_too_short", "ctx": {"min_length": 1}}, "空にはできません"),
    ({"type": "int_type"}, WHOLE), ({"type": "int_parsing"}, WHOLE),
    ({"type": "int_from_float"}, WHOLE),
    ({"type": "float_type"}, FIGURE), ({"type": "float_parsing"}, FIGURE),
    ({"type": "bool_type"}, FLAG), ({"type": "bool_parsing"}, FLAG),
    ({"type": "dict_type"}, MAPPING), ({"type": "model_type"}, MAPPING),
    ({"type": "model_attributes_type"}, MAPPING),
    ({"type": "list_type"}, LISTING), ({"type": "tuple_type"}, LISTING),
    ({"type": "literal_error", "ctx": {"expected": "'rating', 'yes_no' or 'text'"}},
     "使える値ではありません（使える値: rating, yes_no, text）"),
    ({"type": "enum", "ctx": {"expected": "'a' or 'b'"}}, "使える値ではありません（使える値: a, b）"),
    ({"type": "string_pattern_mismatch", "ctx": {"pattern": "^[A-Z]{1,3}$"}},
     "書き方（形式）が正しくありません（形式: ^[A-Z]{1,3}$）"),
    ({"type": "string_too_long", "ctx": {"max_length": 200}}, "長すぎます（200 文字まで）"),
    ({"type": "too_short", "ctx": {"min_length": 2}}, "要素が足りません（2 個以上）"),
    ({"type": "too_long", "ctx": {"max_length": 9}}, "要素が多すぎます（9 個まで）"),
    ({"type": "greater_than_equal", "ctx": {"ge": 0}}, "値が小さすぎます（0 以上）"),
    ({"type": "greater_than", "ctx": {"gt": 1}}, "値が小さすぎます（1 より大きく）"),
    ({"type": "less_than_equal", "ctx": {"le": 100}}, "値が大きすぎます（100 以下）"),
    ({"type": "less_than", "ctx": {"lt": 5}}, "値が大きすぎます（5 未満）"),
    ({"type": "less_than", "ctx": {"le": 5}}, ANY_OTHER),      # a limit of another kind
    ({"type": "too_long"}, ANY_OTHER),
    ({"type": "url_parsing", "ctx": {"max_length": 3}}, ANY_OTHER),
    ({"type": "extra_forbidden"}, UNKNOWN_KEY),
]


@pytest.mark.parametrize("err, message", PYDANTIC)
def test_pydantics_errors_read_in_our_words_with_their_limits(err, message):
    assert F.validation_message({"loc": (), "msg": "English", **err}) == message


@pytest.mark.parametrize("err, message", PYDANTIC)
def test_pydantics_errors_are_translated_under_the_form_context(err, message, monkeypatch):
    from tests.core_support import tag_translations

    tag_translations(monkeypatch)
    tagged = F.validation_message({"loc": (), "msg": "English", **err})
    assert tagged.startswith("⟦form⟧") and tagged.replace("⟦form⟧", "") == message


def test_our_own_messages_pass_through_without_pydantics_prefix():
    assert F.validation_message({"type": "value_error", "msg": "Value error, 壊れています"}) == \
        "壊れています"
    assert F.validation_message({"type": "assertion_error",
                                "msg": "Assertion failed, 壊れています"}) == "壊れています"


def test_yaml_errors_name_the_column_or_the_tab():
    assert problems("a: [1, 2\n") == [       # stopped past the last line
        "form.yaml:2: YAML として読めません（1 文字目）。字下げや記号を確認してください"]
    assert problems("a: b:\tc\n") == [       # a tab after where it stopped is no cause
        "form.yaml:1: YAML として読めません（5 文字目）。字下げや記号を確認してください"]
    assert problems("a: @b\n\tc: 1\n") == [  # nor one on the next line
        "form.yaml:1: YAML として読めません（4 文字目）。字下げや記号を確認してください"]
    assert problems("- \ta\n") == [           # a tab just where it stopped is
        "form.yaml:1: 字下げにタブ文字は使えません。空白で字下げしてください"]
    # libyaml (the loader used, aliases refused first by the same one) reads a tab between a
    # key and its value: no YAML problem, only the form's own
    assert not any("YAML" in p or "タブ" in p for p in problems("a:\tb\n"))


def test_every_form_message_is_translated_under_the_form_context(monkeypatch, tmp_path):
    """Each message of core.form (the model checks, the cross checks, the file and YAML checks)
    comes out of translate("form", …): tagged, in an English run, with ⟦form⟧."""
    from tests.core_support import tag_translations

    tag_translations(monkeypatch)
    texts = [
        "a:\n\tb: 1\n", "a: [1, 2\n", "a: \x07\n", "- 1\n", "a: &x 1\n",
        edit("        weight: 2", "        weight: 3\n        weight: 2"),
        edit("          - {code: assigned, label: {ja: 専任, en: Assigned}}\n", ""),
        edit("relevant_if: {item: A-3, equals: true}", "relevant_if: {item: A-4, answered: true}"),
        edit("relevant_if: {item: A-3, equals: true}", "relevant_if: {item: B-2, answered: true}"),
        edit("relevant_if: {item: A-3, equals: true}", "relevant_if: {item: A-3, equals: 1}"),
        edit("code: B-2", "code: A-9"),
        edit("code: A-4", "code: A-1"),
        edit("  - code: B\n    title", "  - title: {ja: 再, en: Again}\n    code: A\n    title"),
        edit("sections:\n", "  - id: abcd\n    options: [{code: A, label: {ja: a, en: a}, "
                            "points: 1}, {code: B, label: {ja: b, en: b}}]\nsections:\n"),
        edit("        scale: abcd\n        required: true\n        weight: 2",
             "        scale: abcde\n        required: true\n        weight: 2"),
        edit("        type: yes_no\n", "        type: yes_no\n        qi: x\n"),
        edit("        min: 0\n", "        min: 0\n        qi: rate\n",
             edit("        period: custom\n        required: true",
                  "        period: custom\n        qi: rate\n        required: true")),
        edit("        type: yes_no\n", "        type: yes_no\n        unit: {ja: 件}\n"),
        edit("        numerator: {ja: 実施数, en: Done}\n", ""),
        edit("        min: 0\n", "        min: 5\n        max: 1\n"),
        edit("        traces_to: [test]\n", "        traces_to: [' ']\n"),
    ]
    found = []
    for text in texts:
        with pytest.raises(FormError) as info:
            parse_form(text, "f")
        found += [p.message for p in info.value.problems]
    for path, content in (("missing.yaml", None), ("folder", "dir"), ("latin1.yaml", b"t: caf\xe9"),
                          ("big.yaml", b"#" * (MAX_FORM_BYTES + 1))):
        target = tmp_path / path
        if content == "dir":
            target.mkdir()
        elif content is not None:
            target.write_bytes(content)
        with pytest.raises(FormError) as info:
            load_form(target)
        found += [p.message for p in info.value.problems]
    (tmp_path / "file.yaml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(FormError) as info:
        load_form(tmp_path / "file.yaml" / "x.yaml")
    found += [p.message for p in info.value.problems]
    untagged = [m for m in found if "⟦form⟧" not in m]
    assert not untagged, untagged
    # each of these texts is among them, tagged with its context
    wanted = ["字下げにタブ文字は使えません", "（1 文字目）", "YAML として読めません。", "マッピング",
              "アンカーと別名", "2回あります", "選択肢は2つ以上", "自分自身", "より前にありません",
              "回答としてありえない", "章のコード B-", "項目コードが2回", "章のコードが2回", "2回定義", "定義されていません",
              "qi と reference", "で使われています", "の項目には使えません", "が必要です",
              "max（最大値）より大きく", "traces_to に空の行", "ファイルがありません", "フォルダです",
              "UTF-8 の文字", "ファイルが大きすぎます", "ファイルを読み込めません"]
    missing = [w for w in wanted if not any(w in m for m in found)]
    assert not missing, (missing, found)


def _scale_message(**scale) -> str:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as info:
        F.Scale.model_validate({"id": "s", **scale})
    [err] = info.value.errors()
    return F.validation_message(err)


def _option(code, points=None):
    return {"code": code, "label": {"ja": code, "en": code}, "points": points}


def test_a_scale_names_its_duplicate_codes_unknown_comment_codes_and_missing_points(monkeypatch):
    assert _scale_message(options=[_option("A", 1), _option("A", 2)]) == \
        "評価尺度 's' の選択肢の記号が重複しています: ['A', 'A']"
    assert _scale_message(options=[_option("A", 1), _option("B")], comment_required=["C"]) == \
        "comment_required に尺度にない記号 ['C'] があります"
    assert _scale_message(options=[_option("A"), _option("B")]) == \
        "少なくとも1つの選択肢に points（点数）を付けてください"
    from tests.core_support import tag_translations

    tag_translations(monkeypatch)
    assert _scale_message(options=[_option("A", 1), _option("A", 2)]).startswith("⟦form⟧評価尺度")
    assert _scale_message(options=[_option("A", 1), _option("B")], comment_required=["C"]) \
        .startswith("⟦form⟧comment_required")
    assert _scale_message(options=[_option("A"), _option("B")]).startswith("⟦form⟧少なくとも")


def test_duplicate_choice_codes_are_named():
    text = edit("          - {code: assigned, label: {ja: 専任, en: Assigned}}\n",
                "          - {code: dedicated, label: {ja: 専任, en: Assigned}}\n")
    assert "sections.1.items.2: 選択肢の記号が重複しています: ['dedicated', 'dedicated']" in \
        " ".join(problems(text))


def test_the_limits_messages_are_translated_under_the_form_context(monkeypatch):
    from tests.core_support import tag_translations

    tag_translations(monkeypatch)
    monkeypatch.setattr(F, "MAX_YAML_EVENTS", 10)
    with pytest.raises(FormError) as info:
        F._refuse_aliases("- x\n" * 10, "s")
    assert info.value.problems[0].message == "⟦form⟧評価票が大きすぎます（YAML の要素が多すぎます）"
    monkeypatch.setattr(F, "MAX_YAML_EVENTS", MAX_YAML_EVENTS)
    monkeypatch.setattr(F, "MAX_ITEMS", 1)
    assert any(p.startswith("form.yaml: ⟦form⟧項目が ") and p.endswith("。1 個以内にしてください")
               for p in problems(MINI))
    text = edit("          - {code: assigned, label: {ja: 専任, en: Assigned}}\n",
                "          - {code: dedicated, label: {ja: 専任, en: Assigned}}\n")
    assert any("⟦form⟧選択肢の記号が重複しています" in p for p in problems(text))
