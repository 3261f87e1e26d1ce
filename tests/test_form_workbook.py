"""The form as an editing workbook (exchange/form_workbook.py) and conditions as text
(exchange/condition_text.py): the round trip keeps the canonical form byte for byte, edits
come back, and a bad cell is refused with sheet!cell and the fix."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kanwa_review.core.form import default_form_path, load_form, parse_form
from kanwa_review.exchange.condition_text import (
    ConditionSyntaxError, ItemInfo, format_condition, parse_condition,
)
from kanwa_review.exchange.excel_safety import WorkbookRefused
from kanwa_review.exchange.form_workbook import (
    CHOICES, ITEMS, MAP, RULES, SCALES, SECTIONS, SETTINGS, FormWorkbookInvalid,
    form_workbook_bytes, form_yaml, read_form_workbook,
)

DATA = Path(__file__).parent / "data" / "forms"
FORMS = [default_form_path(), *sorted(DATA.glob("*.yaml"))]


@pytest.fixture(scope="module")
def shipped_xlsx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("wb") / "form.xlsx"
    path.write_bytes(form_workbook_bytes(load_form(default_form_path())))
    return path


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_the_round_trip_keeps_the_canonical_form_byte_for_byte(path, tmp_path):
    form = load_form(path)
    out = tmp_path / "form.xlsx"
    out.write_bytes(form_workbook_bytes(form))
    back = read_form_workbook(out, strict=False)
    assert back.canonical_json() == form.canonical_json()
    assert back.sha256 == form.sha256
    # and the YAML written from it is the same form again
    assert parse_form(form_yaml(back, header="test")).sha256 == form.sha256


def test_the_shipped_form_reads_back_under_the_authoring_rules(shipped_xlsx, real_form):
    assert read_form_workbook(shipped_xlsx).sha256 == real_form.sha256


def test_the_sheets_and_headers_are_japanese(shipped_xlsx, real_form):
    wb = load_workbook(shipped_xlsx)
    assert wb.sheetnames == ["使い方", SETTINGS, SECTIONS, ITEMS, CHOICES, SCALES, RULES, MAP]
    headers = [c.value for c in wb[ITEMS][1]]
    assert headers[:9] == ["コード", "種類", "必須", "項目", "評価の視点", "定義 A", "定義 B",
                           "定義 C", "定義 D"]
    assert {"尺度", "表示条件", "単位", "最小値", "最大値", "QI", "根拠", "事前提出資料",
            "項目（英語）"} <= set(headers)
    rows = list(wb[ITEMS].iter_rows(min_row=2, values_only=True))
    assert len(rows) == real_form.item_count
    c3 = next(r for r in rows if r[0] == "C-4")
    assert c3[headers.index("表示条件")] == "C-3 ≠ 配置なし"
    assert c3[headers.index("種類")] == "選択"
    a1 = rows[0]
    assert (a1[0], a1[1], a1[2]) == ("A-1", "評価", "はい")
    assert a1[headers.index("定義 B")].startswith("規程・責任者・定期開催はそろっている")
    rules = list(wb[RULES].iter_rows(min_row=1, max_row=2, values_only=True))
    assert rules[0][:3] == ("ID", "条件", "期待される回答")
    assert rules[1][1:3] == ("C-3 = 専従", "C-2 が D のいずれでもない")
    mapping = list(wb[MAP].iter_rows(min_row=2, values_only=True))
    assert ("分割", "C-10", "C-18、C-19", "それぞれに写す") in [r[:4] for r in mapping]
    settings = dict(wb[SETTINGS].iter_rows(min_row=2, values_only=True))
    assert settings["版"] == "2026.2" and settings["改訂前の版"] == "2026.1"


def test_drop_down_lists_where_a_clerk_picks(shipped_xlsx):
    wb = load_workbook(shipped_xlsx)
    lists = {str(dv.sqref).split(":")[0][:-1]: dv.formula1
             for dv in wb[ITEMS].data_validations.dataValidation}
    assert '"評価,はい・いいえ,整数,数値,割合,日付,選択,複数選択,自由記述"' in lists.values()
    assert lists["B"].startswith('"評価') and lists["C"] == '"はい,いいえ"'
    assert '"abcd"' in lists.values()
    assert any("そのまま写す" in dv.formula1
               for dv in wb[MAP].data_validations.dataValidation)


# --- editing in Excel ----------------------------------------------------------------------

def edit(src: Path, dst: Path, changes: dict[tuple[str, str], object]) -> Path:
    """Change cells (sheet, A1 address) -> value, as a clerk would in Excel."""
    wb = load_workbook(src)
    for (sheet, address), value in changes.items():
        wb[sheet][address] = value
    wb.save(dst)
    return dst


def column(path: Path, sheet: str, header: str) -> str:
    from openpyxl.utils import get_column_letter

    wb = load_workbook(path, read_only=True)
    headers = [c.value for c in next(wb[sheet].iter_rows(max_row=1))]
    wb.close()
    return get_column_letter(headers.index(header) + 1)


def row_of(path: Path, code: str) -> int:
    wb = load_workbook(path, read_only=True)
    n = next(i for i, r in enumerate(wb[ITEMS].iter_rows(values_only=True), start=1)
             if r[0] == code)
    wb.close()
    return n


def test_edits_come_back_as_a_new_form(shipped_xlsx, tmp_path, real_form):
    r = row_of(shipped_xlsx, "E-6")
    out = edit(shipped_xlsx, tmp_path / "e.xlsx", {
        (ITEMS, f"D{r}"): "医療用麻薬の管理が適正である。",
        (ITEMS, f"C{r}"): "はい",
        (SETTINGS, "B4"): "2026.3",
    })
    form = read_form_workbook(out)
    assert form.version == "2026.3"
    assert form.item("E-6").text.ja == "医療用麻薬の管理が適正である。"
    assert form.item("E-6").required is True
    assert form.sha256 != real_form.sha256


def test_a_new_row_is_a_new_item(tmp_path):
    form = load_form(DATA / "mini.yaml")
    src = tmp_path / "mini.xlsx"
    src.write_bytes(form_workbook_bytes(form))
    wb = load_workbook(src)
    ws = wb[ITEMS]
    headers = [c.value for c in ws[1]]
    row = [None] * len(headers)
    for header, value in (("コード", "B-7"), ("種類", "はい・いいえ"), ("必須", "いいえ"),
                          ("項目", "新しい問い"), ("項目（英語）", "A new question"),
                          ("表示条件", "B-3 が 専従 のいずれか かつ B-2 ≥ 1"), ("根拠", "test")):
        row[headers.index(header)] = value
    ws.append(row)
    wb.save(src)
    back = read_form_workbook(src, strict=False)
    new = back.item("B-7")
    assert (new.type, new.text.ja, back.section_of("B-7").code) == ("yes_no", "新しい問い", "B")
    assert new.relevant_if.model_dump(mode="json", by_alias=True, exclude_none=True) == {
        "all": [{"item": "B-3", "in": ["dedicated"]}, {"item": "B-2", "at_least": 1}]}


# --- bad cells ---------------------------------------------------------------------------

def problems_of(path: Path, *, strict: bool = True) -> list[str]:
    with pytest.raises(FormWorkbookInvalid) as info:
        read_form_workbook(path, strict=strict)
    return info.value.problems


def test_every_bad_cell_is_named_with_sheet_cell_and_fix(shipped_xlsx, tmp_path):
    """Unknown type, duplicate code, a skip condition naming a missing item, a grade left
    undefined (B), bounds that are not numbers: all refused at once, each at its cell."""
    col = {h: column(shipped_xlsx, ITEMS, h) for h in ("種類", "表示条件", "定義 B", "最小値")}
    r_a2, r_a3 = row_of(shipped_xlsx, "A-2"), row_of(shipped_xlsx, "A-3")
    r_c16 = row_of(shipped_xlsx, "C-16")
    out = edit(shipped_xlsx, tmp_path / "bad.xlsx", {
        (ITEMS, f"{col['種類']}{r_a2}"): "評定",
        (ITEMS, f"A{r_a3}"): "A-1",
        (ITEMS, f"{col['表示条件']}{r_c16}"): "Z-9 = はい",
        (ITEMS, f"{col['定義 B']}2"): None,
        (ITEMS, f"{col['最小値']}{r_c16}"): "ゼロ",
    })
    found = problems_of(out)
    text = "\n".join(found)
    assert all(p.startswith("bad.xlsx 項目!") for p in found), text
    assert f"項目!{col['種類']}{r_a2}［種類］: 種類「評定」は使えません。一覧から選んでください" in text
    assert f"項目!A{r_a3}［コード］: 項目コード A-1 は 項目!A2［コード］ でも使われています" in text
    assert (f"項目!{col['表示条件']}{r_c16}［表示条件］: 条件の項目 Z-9 はこの評価票にありません"
            in text)
    assert f"項目!{col['定義 B']}2［定義 B］: A-1: 評価 B の定義が空欄です" in text
    assert f"項目!{col['最小値']}{r_c16}［最小値］: 「ゼロ」は数値ではありません" in text
    assert len(found) == 5, text


def test_a_form_rule_broken_in_the_workbook_points_at_its_cell(shipped_xlsx, tmp_path):
    col = column(shipped_xlsx, ITEMS, "表示条件")
    r = row_of(shipped_xlsx, "A-7")
    out = edit(shipped_xlsx, tmp_path / "later.xlsx", {(ITEMS, f"{col}{r}"): "A-8 回答あり"})
    found = problems_of(out)
    assert len(found) == 1 and found[0].startswith(f"later.xlsx 項目!{col}{r}［表示条件］: A-7")
    assert "A-8" in found[0]


def test_a_rule_without_a_message_and_a_bad_condition(shipped_xlsx, tmp_path):
    out = edit(shipped_xlsx, tmp_path / "rules.xlsx", {
        (RULES, "D2"): None, (RULES, "B3"): "C-3 =", (RULES, "C4"): None})
    text = "\n".join(problems_of(out))
    assert "整合ルール!B3［条件］: 条件「C-3 =」が読めません" in text
    assert "整合ルール!C4［期待される回答］: 条件を入力してください" in text
    assert "整合ルール!D2［メッセージ］: c3-dedicated-c2: 必要なキーがありません" in text


def test_choices_only_for_choice_items(shipped_xlsx, tmp_path):
    out = edit(shipped_xlsx, tmp_path / "c.xlsx", {(CHOICES, "A2"): "A-1",
                                                   (CHOICES, "A3"): "Z-1"})
    text = "\n".join(problems_of(out))
    assert "選択肢!A2［項目コード］: 項目 A-1 の種類は「評価」です" in text
    assert "選択肢!A3［項目コード］: 項目 Z-1 は「項目」シートにありません" in text


def test_unknown_headers_missing_sheets_and_stray_values(shipped_xlsx, tmp_path):
    wb = load_workbook(shipped_xlsx)
    wb[ITEMS]["B1"] = "種別"
    del wb[SCALES]
    out = tmp_path / "h.xlsx"
    wb.save(out)
    text = "\n".join(problems_of(out))
    assert "項目!B1［種別］: 見出し「種別」は使えません" in text
    assert "項目!1: 見出し「種類」の列がありません" in text
    assert "尺度!A1: シート「尺度」がありません" in text
    assert len(text.splitlines()) == 3, text   # nothing that only follows from those
    stray = edit(shipped_xlsx, tmp_path / "z.xlsx", {(SECTIONS, "Z5"): "メモ",
                                                    (SECTIONS, "F1"): "備考"})
    text = "\n".join(problems_of(stray))
    assert "セクション!Z5［Z］: 見出しのない列に値があります" in text
    assert "セクション!F1［備考］: 見出し「備考」は使えません" in text


def test_a_formula_is_refused_not_read_as_empty(shipped_xlsx, tmp_path):
    col = column(shipped_xlsx, ITEMS, "重み")
    out = edit(shipped_xlsx, tmp_path / "f.xlsx", {(ITEMS, f"{col}2"): "=1+1"})
    assert f"項目!{col}2［重み］: 数式は使えません" in "\n".join(problems_of(out))


def test_settings_and_map_cells(shipped_xlsx, tmp_path):
    out = edit(shipped_xlsx, tmp_path / "s.xlsx", {
        (SETTINGS, "A20"): "作成者", (MAP, "A2"): "移動", (MAP, "B3"): "C10",
        (MAP, "D4"): "全部"})
    text = "\n".join(problems_of(out))
    assert "設定!A20［項目］: 設定の項目「作成者」は使えません" in text
    assert "対応表!A2［種別］: 種別「移動」は使えません" in text
    assert "対応表!B3［旧項目］: 項目コード「C10」の書き方が正しくありません" in text
    assert "対応表!D4［回答の引き継ぎ］: 回答の引き継ぎ「全部」は使えません" in text


def test_a_map_problem_points_at_the_map(shipped_xlsx, tmp_path):
    out = edit(shipped_xlsx, tmp_path / "m.xlsx", {(MAP, "C4"): "C-18、C-99"})
    found = problems_of(out)
    assert any(p.startswith("m.xlsx 対応表!C4［新項目］") and "C-99" in p for p in found), found


def test_hostile_files_are_refused_before_reading(tmp_path):
    not_zip = tmp_path / "x.xlsx"
    not_zip.write_bytes(b"not a workbook")
    with pytest.raises(WorkbookRefused, match="xlsx"):
        read_form_workbook(not_zip)
    bomb = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(bomb, "w") as z:
        z.writestr("[Content_Types].xml", "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(WorkbookRefused, match="DOCTYPE|XML"):
        read_form_workbook(bomb)


def test_too_many_rows_are_refused(tmp_path):
    form = load_form(DATA / "mini.yaml")
    src = tmp_path / "big.xlsx"
    src.write_bytes(form_workbook_bytes(form))
    wb = load_workbook(src)
    wb[SECTIONS].cell(row=2300, column=1, value="Z")
    wb.save(src)
    assert any("行が多すぎます" in p for p in problems_of(src, strict=False))


def test_a_cell_too_long_is_refused(shipped_xlsx, tmp_path):
    out = edit(shipped_xlsx, tmp_path / "long.xlsx", {(ITEMS, "D2"): "あ" * 20_001})
    assert any(p.startswith("long.xlsx 項目!D2［項目］: 20,001 文字あります")
               for p in problems_of(out))


def test_an_old_form_needs_lenient_reading(tmp_path):
    src = tmp_path / "old.xlsx"
    src.write_bytes(form_workbook_bytes(load_form(DATA / "palliative-care-peer-review-2026.1.yaml")))
    found = problems_of(src)
    assert any("評価 A の定義が空欄です" in p for p in found)
    assert read_form_workbook(src, strict=False).version == "2026.1"


# --- conditions as text ------------------------------------------------------------------

def lookup_of(form):
    def lookup(code):
        if not form.has_item(code):
            return None
        it = form.item(code)
        return ItemInfo(it.type, tuple((c.code, c.label.ja) for c in it.choices or ()),
                        form.scale(it.scale).codes if it.scale else ())
    return lookup


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_every_condition_of_every_form_reads_back(path):
    form = load_form(path)
    lookup = lookup_of(form)
    conditions = [i.relevant_if for i in form.items() if i.relevant_if] + [
        c for r in form.rules or () for c in (r.when, r.then)]
    for cond in conditions:
        raw = cond.model_dump(mode="json", by_alias=True, exclude_none=True)
        text = format_condition(raw, lookup)
        assert parse_condition(text, lookup) == (raw, []), text


@pytest.mark.parametrize("text, expected", [
    ("C-3 = 兼任", {"item": "C-3", "equals": "concurrent"}),
    ("C-3 = 「兼任（業務の5割未満）」", {"item": "C-3", "equals": "concurrent"}),
    ("C-3 = concurrent", {"item": "C-3", "equals": "concurrent"}),
    ("C-3 != 配置なし", {"item": "C-3", "not_equals": "absent"}),
    ("C-3 <> 配置なし", {"item": "C-3", "not_equals": "absent"}),
    ("C-2 が C、D のいずれか", {"item": "C-2", "in": ["C", "D"]}),
    ("C-2がC,Dのいずれか", {"item": "C-2", "in": ["C", "D"]}),
    ("E-4 が A のいずれでもない", {"item": "E-4", "not_in": ["A"]}),
    ("I-2 >= 10", {"item": "I-2", "at_least": 10}),
    ("I-2 ≦ 0.5", {"item": "I-2", "at_most": 0.5}),
    ("B-5 回答あり", {"item": "B-5", "answered": True}),
    ("B-5未回答", {"item": "B-5", "answered": False}),
    ("A-6 = はい", {"item": "A-6", "equals": True}),
    ("A-6 = false", {"item": "A-6", "equals": False}),
    ("施設区分 が 地域がん診療病院、regional のいずれか",
     {"facility_category": ["regional_hospital", "regional"]}),
    ("施設区分が地域がん診療連携拠点病院のいずれか", {"facility_category": ["regional"]}),
    ("A-6 = はい かつ B-5 回答あり または D-1 = いいえ",
     {"any": [{"all": [{"item": "A-6", "equals": True}, {"item": "B-5", "answered": True}]},
              {"item": "D-1", "equals": False}]}),
    ("A-6 = はい かつ （B-5 回答あり または D-1 = いいえ）",
     {"all": [{"item": "A-6", "equals": True},
              {"any": [{"item": "B-5", "answered": True}, {"item": "D-1", "equals": False}]}]}),
    ("(A-6 = はい かつ B-5 回答あり) かつ D-1 = いいえ",
     {"all": [{"all": [{"item": "A-6", "equals": True}, {"item": "B-5", "answered": True}]},
              {"item": "D-1", "equals": False}]}),
    ("すべて（A-6 = はい）", {"all": [{"item": "A-6", "equals": True}]}),
    ("いずれか(A-6 = はい)", {"any": [{"item": "A-6", "equals": True}]}),
    ("J-6 = 「がん かつ 緩和」", {"item": "J-6", "equals": "がん かつ 緩和"}),
    ("J-6 = 「50」", {"item": "J-6", "equals": "50"}),
    ("J-6 = 50", {"item": "J-6", "equals": 50}),
])
def test_condition_texts_a_clerk_types(real_form, text, expected):
    assert parse_condition(text, lookup_of(real_form)) == (expected, [])


@pytest.mark.parametrize("text, why", [
    ("", "空"), ("C-3", "のあとに"), ("C-3 = ", "値が必要"), ("C-3 が C、D", "のいずれか"),
    ("I-2 ≥ 多い", "数値"), ("= はい", "項目コード"), ("A-6 = はい かつ", "項目コード"),
    ("(A-6 = はい", "）"), ("A-6 = はい B-5 回答あり", "から先が読めません"),
    ("J-6 = 「閉じない", "閉じていません"), ("施設区分 が 病院 のいずれか", "施設区分「病院」"),
    ("すべて A-6 = はい", "（"), ("A-6 ! はい", "使えません"), ("x" * 2001, "長すぎます"),
    ("(" * 30 + "A-6 = はい" + ")" * 30, "深すぎます"),
])
def test_condition_texts_that_cannot_be_read_say_why(real_form, text, why):
    with pytest.raises(ConditionSyntaxError, match=why):
        parse_condition(text, lookup_of(real_form))


def test_unknown_items_are_named_not_refused(real_form):
    assert parse_condition("Z-1 = 1 かつ Z-1 回答あり かつ Y-2 = x", lookup_of(real_form)) == (
        {"all": [{"item": "Z-1", "equals": 1}, {"item": "Z-1", "answered": True},
                 {"item": "Y-2", "equals": "x"}]}, ["Z-1", "Y-2"])


def test_values_are_written_so_they_read_back(real_form):
    lookup = lookup_of(real_form)

    def both(cond):
        text = format_condition(cond, lookup)
        assert parse_condition(text, lookup) == (cond, []), text
        return text

    assert both({"item": "C-3", "equals": "concurrent"}) == "C-3 = 兼任"
    assert both({"item": "J-6", "equals": "かつ"}) == "J-6 = 「かつ」"
    assert both({"item": "J-6", "equals": "50"}) == "J-6 = 「50」"
    assert both({"item": "J-6", "equals": True}) == "J-6 = true"
    assert both({"item": "A-6", "equals": False}) == "A-6 = いいえ"
    assert both({"item": "C-16", "at_least": 50.0}) == "C-16 ≥ 50.0"
    assert both({"item": "C-2", "in": ["NA"]}) == "C-2 が NA のいずれか"
    assert both({"all": [{"any": [{"item": "A-6", "equals": True}]}]}) == (
        "すべて（いずれか（A-6 = はい））")
    assert format_condition({"item": "Z-9", "equals": "x y"}, lookup) == "Z-9 = 「x y」"
    with pytest.raises(ConditionSyntaxError):
        format_condition({"item": "J-6", "equals": "a」b"}, lookup)


def test_a_workbook_with_a_form_that_cannot_be_held_is_refused(tmp_path, real_form):
    """The services keep a workbook only if it reads back as the same form."""
    from kanwa_review.services import Services

    data = json.loads(real_form.canonical_json())
    data["sections"][0]["items"][0]["traces_to"] = ["two\nlines"]
    odd = parse_form(json.dumps(data, ensure_ascii=False))
    with pytest.raises(ValueError, match="traces_to"):
        Services.write_form_workbook(odd, tmp_path / "odd.xlsx")
    assert not (tmp_path / "odd.xlsx").exists()
    assert list(tmp_path.iterdir()) == []
