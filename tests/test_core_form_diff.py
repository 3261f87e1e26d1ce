"""core.form_diff: what changed between two versions of a form, in the section's words and as
JSON — through the revision map, or by code without one."""

from __future__ import annotations

import json

from kanwa_review.core.form import Form
from kanwa_review.core.form_diff import (
    ASPECTS, MEANING, FormDiff, ItemChange, aspect_label, aspect_labels, carry_label,
    diff_forms, item_aspects, kind_label,
)
from tests.core_support import ABCD, item
from tests.test_core_revisions import FULL, V1, entry, form, mapping, v2


def changes(d: FormDiff) -> list[tuple]:
    return [(c.kind, c.old, c.new, c.aspects, c.carry, c.mapped) for c in d.items]


def test_labels_for_every_kind_aspect_and_carry():
    assert [kind_label(k) for k in ("added", "dropped", "renamed", "split", "merged",
                                    "revised", "retitled", "changed")] == [
        "追加", "削除", "改名", "分割", "統合", "改訂", "題名の変更", "変更"]
    assert aspect_labels(list(ASPECTS)) == [
        "文言", "評価の視点", "回答形式", "評価尺度", "評価の定義", "選択肢", "必須", "表示条件",
        "数値の設定", "事前提出資料", "根拠", "重み・自己評価"]
    assert aspect_label("other") == "重み・自己評価"
    assert [carry_label(c) for c in ("copy", "copy_each", "lowest", "empty")] == [
        "そのまま写す", "それぞれに写す", "低い方の評価を写す", "写さない"]
    assert set(MEANING) <= set(ASPECTS)


def _pair(old: dict, new: dict, scales=None) -> list[str]:
    a = form("1", ("A", [old]))
    data = form("2", ("A", [new])).model_dump(mode="json", by_alias=True, exclude_none=True)
    if scales:
        data["scales"] = scales
    b = Form.model_validate(data)
    return item_aspects(a, a.item("A-1"), b, b.item("A-1"))


def test_item_aspects_name_each_change():
    base = item("A-1")
    assert _pair(base, base) == []
    assert _pair(base, item("A-1", ja="別の文")) == ["wording"]
    assert _pair(base, {**base, "guidance": {"ja": "見方"}}) == ["guidance"]
    assert _pair(base, item("A-1", "yes_no")) == ["type", "scale"]
    assert _pair(base, {**base, "anchors": {"A": {"ja": "a"}}}) == ["anchors"]
    assert _pair(base, {**base, "required": True}) == ["required"]
    assert _pair(item("A-1", "integer"), item("A-1", "integer", min=0)) == ["figures"]
    assert _pair(base, {**base, "documents": [{"ja": "資料"}]}) == ["documents"]
    assert _pair(base, {**base, "traces_to": ["other"]}) == ["traces"]
    assert _pair(base, {**base, "weight": 2}) == ["settings"]
    choice = item("A-1", "choice", choices=[{"code": "a", "label": {"ja": "a", "en": "a"}},
                                            {"code": "b", "label": {"ja": "b", "en": "b"}}])
    other = {**choice, "choices": [*choice["choices"],
                                   {"code": "c", "label": {"ja": "c", "en": "c"}}]}
    assert _pair(choice, other) == ["choices"]


def test_a_scale_change_counts_for_items_only_when_grades_or_points_change():
    relabelled = {**ABCD, "options": [{**o, "label": {"ja": o["label"]["ja"] + "!",
                                                      "en": "x"}} for o in ABCD["options"]]}
    assert _pair(item("A-1"), item("A-1"), [relabelled]) == []
    repointed = {**ABCD, "options": [{**o, "points": 5} if o["code"] == "A" else o
                                     for o in ABCD["options"]]}
    assert _pair(item("A-1"), item("A-1"), [repointed]) == ["scale"]


def test_diff_through_the_map():
    d = diff_forms(V1, v2(*FULL))
    assert d.mapped
    # the test items' text names their code, so a renamed one is reworded too
    assert changes(d) == [
        ("renamed", ("A-2",), ("A-5",), ("wording",), "copy", True),
        ("split", ("A-3",), ("A-6", "A-7"), (), "copy_each", True),
        ("renamed", ("B-2",), ("B-3",), ("wording",), "copy", True),
        ("dropped", ("A-4",), (), (), None, True),
    ]
    assert d.counts()["renamed"] == 2 and d.counts()["dropped"] == 1
    assert d.counts()["added"] == 0 and d.counts()["wording"] == 2
    assert not d.unchanged


def test_renamed_items_show_what_else_changed_and_texts():
    later = form("2", ("A", [item("A-1"), item("A-5", text={"ja": "項目A-2", "en": "Item A-2"},
                                                  guidance={"ja": "g"}),
                             item("A-6"), item("A-7")]),
                 ("B", [item("B-1"), item("B-3", "integer", text={"ja": "項目B-2", "en": "Item B-2"})]),
                 replaces=v2(*FULL).replaces.model_dump(by_alias=True, exclude_none=True))
    d = diff_forms(V1, later)
    assert (d.items[0].aspects, d.items[0].text) == (("guidance",), "項目A-2")
    assert d.items[2].aspects == ()
    assert d.counts()["wording"] == 0 and d.counts()["guidance"] == 1


def test_diff_by_code_without_a_map():
    later = form("2", ("A", [item("A-1", ja="変えた"), item("A-2"), item("A-9")]),
                 ("C", [item("C-1")]))
    d = diff_forms(V1, later)
    assert not d.mapped
    assert changes(d) == [
        ("changed", ("A-1",), ("A-1",), ("wording",), None, False),
        ("added", (), ("A-9",), (), None, False),
        ("added", (), ("C-1",), (), None, False),
        ("dropped", ("A-3",), (), (), None, False),
        ("dropped", ("A-4",), (), (), None, False),
        ("dropped", ("B-1",), (), (), None, False),
        ("dropped", ("B-2",), (), (), None, False),
    ]
    assert d.sections == (("added", "C", "節C"), ("dropped", "B", "節B"))
    assert d.items[3].text == "項目A-3"


def test_retitled_sections_scales_and_rules():
    data = V1.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["version"] = "2"
    data["sections"][0]["title"] = {"ja": "新しい題", "en": "New"}
    data["scales"][0] = {**data["scales"][0], "comment_required": ["D"]}
    data["scales"].append({**ABCD, "id": "extra"})
    data["rules"] = [{"id": "r1", "when": {"item": "A-1", "equals": "D"},
                      "then": {"item": "A-2", "in": ["D"]}, "message": {"ja": "m"}}]
    later = Form.model_validate(data)
    d = diff_forms(V1, later)
    assert d.sections == (("retitled", "A", "新しい題"),)
    assert d.scales == (("added", "extra", ""), ("changed", "abcd", "コメント必須の評価 C, D → D"))
    assert d.rules == (("added", "r1"),)
    assert d.items == ()
    back = diff_forms(later, V1)
    assert back.rules == (("dropped", "r1"),) and back.scales[0] == ("dropped", "extra", "")
    data["rules"][0]["message"] = {"ja": "違う"}
    assert diff_forms(later, Form.model_validate(data)).rules == (("changed", "r1"),)


def test_scale_changes_name_grades_and_labels():
    data = V1.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["version"] = "2"
    data["scales"][0]["options"][0] = {"code": "A", "label": {"ja": "満点", "en": "Top"},
                                       "points": 4}
    d = diff_forms(V1, Form.model_validate(data))
    assert d.scales == (("changed", "abcd", "評価の記号・点数・表示"),)
    empty = {**ABCD, "comment_required": []}
    data = V1.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["scales"] = [empty]
    assert diff_forms(V1, Form.model_validate(data)).scales == (
        ("changed", "abcd", "コメント必須の評価 C, D → —"),)


def test_the_same_form_is_unchanged():
    d = diff_forms(V1, V1)
    assert d.unchanged and d.items == ()
    lines = d.lines()
    assert lines[-1] == "変更はありません" and "対応表: なし" in lines[1]


def test_lines_read_as_a_list_of_changes():
    later = v2(*FULL[:3], entry("merged", ["B-1", "B-2"], ["B-3"], carry="empty",
                                note={"ja": "統合の理由"}), not_comparable=["B"])
    lines = diff_forms(V1, later).lines()
    text = "\n".join(lines)
    assert lines[0] == "評価票の変更: 改訂テスト rev-test 1 → rev-test 2"
    assert lines[1] == "対応表: あり（2 は 1 の改訂版です）"
    assert lines[2] == ("まとめ: 追加 0・削除 1・改名 1・分割 1・統合 1・改訂 0・文言の変更 1・"
                        "評価尺度の変更 0・評価の定義の変更 0")
    assert "  改名　A-2 → A-5（文言／回答: そのまま写す）　「項目A-5」" in lines
    assert "  分割　A-3 → A-6、A-7（回答: それぞれに写す）　「項目A-6」" in lines
    assert "  統合　B-1、B-2 → B-3（回答: 写さない）　「項目B-3」" in lines
    assert "      統合の理由" in lines
    assert "  削除　A-4（回答は変更履歴に残ります）　「項目A-4」" in lines
    assert "［比較しない章］ B（達成率の経年比較をしません）" in lines
    assert "［項目］" in text and "［章］" not in text


def test_lines_for_changed_and_added_items_and_long_texts():
    later = form("2", ("A", [item("A-1", ja="あ" * 60), item("A-2"), item("A-3"),
                             item("A-4", "yes_no"), item("A-9")]),
                 ("B", [item("B-1"), item("B-2", "integer")]))
    lines = diff_forms(V1, later).lines()
    assert "  変更　A-1（文言）　「" + "あ" * 39 + "…」" in lines
    assert "  追加　A-9　「項目A-9」" in lines


def test_json_has_every_change():
    d = diff_forms(V1, v2(*FULL))
    j = d.to_json()
    assert j["old"] == {"id": "rev-test", "version": "1", "sha256": V1.sha256}
    assert j["new"]["version"] == "2" and j["mapped"] is True
    assert j["summary"]["renamed"] == 2 and j["summary"]["wording"] == 2
    assert j["items"][1] == {"kind": "split", "old": ["A-3"], "new": ["A-6", "A-7"],
                             "text": "項目A-6", "aspects": [], "carry": "copy_each",
                             "mapped": True, "note": None}
    assert j["sections"] == [] and j["scales"] == [] and j["rules"] == []
    assert j["not_comparable"] == []
    assert ItemChange("added", (), ("X-1",), "t").to_json()["carry"] is None


def test_the_shipped_form_lists_the_2026_2_revision(real_form):
    from pathlib import Path

    from kanwa_review.core.form import load_form

    old = load_form(Path(__file__).parent / "data" / "forms" /
                    "palliative-care-peer-review-2026.1.yaml")
    d = diff_forms(old, real_form)
    found = {(c.kind, c.old, c.new) for c in d.items if c.kind != "changed"}
    assert ("split", ("C-10",), ("C-18", "C-19")) in found
    assert ("split", ("H-4",), ("H-7", "H-8")) in found
    assert ("merged", ("B-7", "C-12"), ("B-7",)) in found
    assert ("revised", ("C-12",), ("C-12",)) in found
    added = {c.new[0] for c in d.items if c.kind == "added"}
    assert added == {"C-20", "F-7", "G-7", "G-8", "G-9", "H-9", "H-10"}
    # 総評 became a field of the review (issue 14): J-7 is the one item dropped
    assert {c.old for c in d.items if c.kind == "dropped"} == {("J-7",)}


def test_every_line_and_label_of_a_diff(monkeypatch):
    """tests/data/golden/form_diff.txt: the text and JSON of diffs covering every part."""
    from tests.core_support import check_golden, tag_translations

    tag_translations(monkeypatch)
    data = V1.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["version"] = "2"
    data["sections"][0]["title"] = {"ja": "新しい題", "en": "New"}
    data["sections"][0]["items"][0]["text"] = {"ja": "あ" * 40, "en": "x"}
    data["sections"].append({"code": "C", "title": {"ja": "節C", "en": "C"},
                             "items": [item("C-1")]})
    data["sections"] = [s for s in data["sections"] if s["code"] != "B"]
    data["scales"][0]["options"][0]["points"] = 4
    data["scales"][0]["options"][0]["label"] = {"ja": "満点", "en": "Top"}
    data["scales"][0]["comment_required"] = []
    data["scales"].append({**ABCD, "id": "extra"})
    data["rules"] = [{"id": "r1", "when": {"item": "A-1", "equals": "D"},
                      "then": {"item": "A-2", "in": ["D"]}, "message": {"ja": "m"}}]
    changed = Form.model_validate(data)
    later = v2(entry("renamed", ["A-2"], ["A-5"], note={"ja": "改名の理由"}),
               entry("split", ["A-3"], ["A-6", "A-7"], note={"ja": "分割の理由"}),
               entry("revised", ["A-1"], ["A-1"], note={"ja": "改訂の理由"}), FULL[2],
               entry("merged", ["B-1", "B-2"], ["B-3"], carry="empty", note={"ja": "統合の理由"}),
               entry("dropped", ["Z-9"], note={"ja": "ない項目"}), not_comparable=["B", "A"])
    added = form("2", ("A", [item("A-1"), item("A-2"), item("A-3"), item("A-4", "yes_no"),
                             item("A-9")]), ("B", [item("B-1"), item("B-2", "integer")]),
                 replaces=mapping(entry("new", [], ["A-9"], note={"ja": "追加の理由"})))
    lines = []
    data = v2(entry("revised", ["A-1"], ["A-1"]), *FULL).model_dump(
        mode="json", by_alias=True, exclude_none=True)
    data["sections"][0]["items"][0]["text"] = {"ja": "改訂した問い", "en": "Revised"}
    revised = Form.model_validate(data)
    for name, d in (("by code", diff_forms(V1, changed)), ("map", diff_forms(V1, later)),
                    ("added", diff_forms(V1, added)), ("revised", diff_forms(V1, revised)),
                    ("back", diff_forms(changed, V1)), ("same", diff_forms(V1, V1))):
        lines += [f"{name} | {line}" for line in d.lines()]
        lines.append(f"{name} | json | {json.dumps(d.to_json(), ensure_ascii=False, sort_keys=True)}")
    lines += [f"kind {k} | {kind_label(k)}" for k in ("added", "dropped", "renamed", "split",
                                                      "merged", "revised", "retitled", "changed")]
    lines += [f"aspect {a} | {aspect_label(a)}" for a in ASPECTS]
    lines += [f"carry {c} | {carry_label(c)}" for c in ("copy", "copy_each", "lowest", "empty")]
    check_golden("form_diff.txt", lines)


def test_short_texts_keep_forty_characters():
    from kanwa_review.core.form_diff import _short

    assert _short("あ" * 40) == "あ" * 40
    assert _short("あ" * 41) == "あ" * 39 + "…"
    assert _short("a  b\nc") == "a b c"


def test_a_map_naming_codes_the_earlier_version_lacks_still_diffs():
    later = v2(entry("renamed", ["Z-1"], ["A-5"]), *FULL[1:])
    renamed = diff_forms(V1, later).items[0]
    assert (renamed.kind, renamed.old, renamed.aspects) == ("renamed", ("Z-1",), ())
