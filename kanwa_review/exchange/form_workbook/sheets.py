"""The sheets of a form workbook read into the mapping of a form file."""

from __future__ import annotations

import re
from typing import Any

from kanwa_review.core.i18n import translate
from kanwa_review.exchange.condition_text import ConditionSyntaxError, ItemInfo, parse_condition
from kanwa_review.exchange.form_workbook.cells import Cell, Reader, put, record, texts
from kanwa_review.exchange.form_workbook.layout import (
    CARRY_LABELS, CHOICE_COLUMNS, CHOICES, ITEMS, KIND_LABELS, MAP, MAP_COLUMNS, MAX_COLUMNS,
    PERIOD_LABELS, REFERENCE_KIND_LABELS, RULE_COLUMNS, RULES, SCALE_COLUMNS, SCALES,
    SECTION_COLUMNS, SECTIONS, SETTING_ROWS, SETTINGS, TYPE_LABELS, get, item_columns,
)

def _read_settings(reader: Reader, wb) -> dict:
    data: dict = {}
    if SETTINGS not in wb.sheetnames:
        reader.structural = True
        reader.problem(f"{SETTINGS}!A1", translate(
            "form_workbook", "シート「{sheet}」がありません。kanwa-review が書き出したブックを"
                             "使ってください").format(sheet=SETTINGS))
        return data
    labels = dict(SETTING_ROWS)
    seen: set[str] = set()
    for r, values in enumerate(wb[SETTINGS].iter_rows(max_col=2, max_row=60, values_only=True),
                               start=1):
        if r == 1:
            continue
        label_cell = Cell(SETTINGS, r, 1, "項目")
        label = reader.text(label_cell, values[0] if values else None)
        if label is None:
            continue
        key = labels.get(label)
        cell = Cell(SETTINGS, r, 2, label)
        if key is None:
            reader.problem(label_cell, translate(
                "form_workbook", "設定の項目「{label}」は使えません。使える項目: {labels}").format(
                label=label, labels="、".join(labels)))
            continue
        if key in seen:
            reader.problem(label_cell, translate(
                "form_workbook", "設定の項目「{label}」が2回あります").format(label=label))
            continue
        seen.add(key)
        value = values[1] if len(values) > 1 else None
        if (r, 2) in reader.formulas.get(SETTINGS, set()):
            reader.problem(cell, translate("form_workbook", "数式は使えません。値（文字・"
                                                            "数値）を入力してください"))
            continue
        if key == "replaces.not_comparable":
            codes = [p for p in re.split(r"[、,，\s]+", reader.text(cell, value) or "") if p]
            if codes:
                put(data, key, codes)
        else:
            text = reader.text(cell, value)
            if text is not None:
                put(data, key, text)
        reader.cells[tuple(key.split("."))] = cell
    return data


def _read_scales(reader: Reader, wb) -> list[dict]:
    scales: dict[str, dict] = {}
    for r, row in reader.rows(wb, SCALES, SCALE_COLUMNS, needed=("尺度ID", "記号", "表示")):
        cell, value = row["scale"]
        scale_id = reader.text(cell, value)
        if scale_id is None:
            reader.problem(cell, translate("form_workbook", "尺度IDを入力してください（例: abcd）"))
            continue
        scale = scales.setdefault(scale_id, {"id": scale_id, "options": []})
        n = list(scales).index(scale_id)
        path = ("scales", n, "options", len(scale["options"]))
        reader.cells.setdefault(("scales", n), cell)
        reader.cells.setdefault(("scales", n, "id"), cell)
        option: dict = {}
        texts(reader, row, ("code", "label.ja", "label.en"), path, option)
        cell, value = row["points"]
        option["points"] = reader.number(cell, value)
        record(reader, path + ("points",), cell)
        cell, value = row["comment_required"]
        if reader.flag(cell, value) and option.get("code"):
            scale.setdefault("comment_required", []).append(option["code"])
            reader.cells[("scales", n, "comment_required")] = cell
        scale["options"].append(option)
    return list(scales.values())


def _read_sections(reader: Reader, wb) -> list[dict]:
    out = []
    for r, row in reader.rows(wb, SECTIONS, SECTION_COLUMNS, needed=("コード", "題名")):
        section: dict = {}
        path = ("sections", len(out))
        texts(reader, row, ("code", "title.ja", "title.en", "description.ja", "description.en"),
               path, section)
        reader.cells[path] = row["code"][0]
        section["items"] = []
        out.append(section)
    return out


def _read_choices(reader: Reader, wb, item_rows: dict[str, dict]) -> None:
    for r, row in reader.rows(wb, CHOICES, CHOICE_COLUMNS, required=False,
                              needed=("項目コード", "記号", "表示")):
        cell, value = row["item"]
        code = reader.text(cell, value)
        item = item_rows.get(code or "")
        if item is None:
            reader.problem(cell, translate(
                "form_workbook", "項目 {code} は「項目」シートにありません。項目コードを確かめて"
                                 "ください").format(code=code or "（空欄）"))
            continue
        data, path = item
        if data.get("type") not in ("choice", "multi_choice"):
            reader.problem(cell, translate(
                "form_workbook", "項目 {code} の種類は「{type}」です。選択肢を付けられるのは"
                                 "「選択」「複数選択」の項目だけです").format(
                code=code, type=TYPE_LABELS.get(data.get("type"), data.get("type"))))
            continue
        choices = data.setdefault("choices", [])
        cpath = path + ("choices", len(choices))
        choice: dict = {}
        texts(reader, row, ("code", "label.ja", "label.en"), cpath, choice)
        reader.cells[cpath] = row["code"][0]
        cell, value = row["exclusive"]
        flag = reader.flag(cell, value)
        if flag is not None:
            choice["exclusive"] = flag
        record(reader, cpath + ("exclusive",), cell)
        choices.append(choice)


def _read_items(reader: Reader, wb, sections: list[dict], scales: list[dict]
                ) -> dict[str, tuple[dict, tuple]]:
    """Items into their sections (by the code's letters, in row order); returns code -> (item
    mapping, path) for the choices and conditions read after."""
    grades: list[str] = []
    if ITEMS in wb.sheetnames:   # the definition columns are those the sheet has
        first = next(wb[ITEMS].iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True), ())
        for v in first:
            m = re.fullmatch(r"定義 ([A-Z]{1,3})(（英語）)?", str(v or "").strip())
            if m and m.group(1) not in grades:
                grades.append(m.group(1))
    columns = item_columns(grades)
    by_section = {s.get("code"): (n, s) for n, s in enumerate(sections)}
    found: dict[str, tuple[dict, tuple]] = {}
    code_cells: dict[str, Cell] = {}
    scale_grades = {s["id"]: [o.get("code") for o in s["options"] if o.get("points") is not None]
                    for s in scales}
    for r, row in reader.rows(wb, ITEMS, columns, needed=("コード", "種類", "項目", "項目（英語）")):
        cell, value = row["code"]
        code = reader.text(cell, value)
        if code is None or not re.fullmatch(r"[A-Z]+-[0-9]+", code):
            reader.problem(cell, translate(
                "form_workbook", "項目コード「{code}」の書き方が正しくありません。章の記号・"
                                 "ハイフン・番号で書いてください（例: C-18）").format(
                code=code or "（空欄）"))
            continue
        if code in code_cells:
            reader.problem(cell, translate(
                "form_workbook", "項目コード {code} は {other} でも使われています。評価票の中で"
                                 "重ならないコードにしてください").format(
                code=code, other=code_cells[code]))
            continue
        code_cells[code] = cell
        prefix = code.split("-")[0]
        if prefix not in by_section:
            reader.problem(cell, translate(
                "form_workbook", "項目 {code} の章 {section} が「セクション」シートにありません。"
                                 "章を加えるか、コードを直してください").format(
                code=code, section=prefix))
            continue
        n, section = by_section[prefix]
        path = ("sections", n, "items", len(section["items"]))
        item: dict = {"code": code}
        reader.cells[path] = cell
        reader.cells[path + ("code",)] = cell
        cell, value = row["type"]
        item_type = reader.choice(cell, value, TYPE_LABELS, translate("form_workbook", "種類"))
        if item_type is None and value is None:
            reader.problem(cell, translate("form_workbook", "種類を一覧から選んでください"))
        if item_type is not None:
            item["type"] = item_type
        record(reader, path + ("type",), cell)
        keys = ["text.ja", "text.en", "guidance.ja", "guidance.en", "scale", "unit.ja",
                "unit.en", "numerator.ja", "numerator.en", "denominator.ja", "denominator.en",
                "qi", "reference.label.ja", "reference.label.en"]
        keys += [f"anchors.{g}.{lang}" for g in grades for lang in ("ja", "en")]
        texts(reader, row, keys, path, item)
        cell, value = row["required"]
        item["required"] = bool(reader.flag(cell, value))
        record(reader, path + ("required",), cell)
        for key in ("self_assessment", "allow_not_collected"):
            cell, value = row[key]
            flag = reader.flag(cell, value)
            if flag is not None:
                item[key] = flag
            record(reader, path + (key,), cell)
        for key in ("weight", "min", "max", "reference.value"):
            cell, value = row[key]
            number = reader.number(cell, value)
            if number is not None:
                put(item, key, number)
            record(reader, path + tuple(key.split(".")), cell)
        cell, value = row["period"]
        period = reader.choice(cell, value, PERIOD_LABELS, translate("form_workbook", "対象期間"))
        if period is not None:
            item["period"] = period
        record(reader, path + ("period",), cell)
        cell, value = row["reference.kind"]
        kind = reader.choice(cell, value, REFERENCE_KIND_LABELS,
                             translate("form_workbook", "参照値の種類"))
        if kind is not None:
            put(item, "reference.kind", kind)
        record(reader, path + ("reference", "kind"), cell)
        cell, value = row["reference.facility_category"]
        categories = reader.categories(cell, value)
        if categories:
            put(item, "reference.facility_category", categories)
        record(reader, path + ("reference", "facility_category"), cell)
        _read_documents(reader, row, item, path)
        cell, value = row["traces_to"]
        text = reader.text(cell, value)
        item["traces_to"] = [t.strip() for t in (text or "").splitlines() if t.strip()]
        record(reader, path + ("traces_to",), cell)
        if reader.strict and item.get("type") == "rating" and item.get("scale") in scale_grades:
            for g in scale_grades[item["scale"]]:
                if g not in grades:
                    continue
                if not get(item, f"anchors.{g}.ja"):
                    reader.problem(row[f"anchors.{g}.ja"][0], translate(
                        "form_workbook", "{code}: 評価 {grade} の定義が空欄です。評価 {grade} と"
                                         "なる状態を書いてください").format(code=code, grade=g))
        section["items"].append(item)
        found[code] = (item, path)
        # the condition cell is read once every item is known (it may name later items)
        item["__condition__"] = row["relevant_if"]
    return found


def _read_documents(reader: Reader, row: dict, item: dict, path: tuple) -> None:
    cell_ja, value_ja = row["doc_ja"]
    cell_en, value_en = row["doc_en"]
    ja = [t for t in (reader.text(cell_ja, value_ja) or "").splitlines()]
    en = [t for t in (reader.text(cell_en, value_en) or "").splitlines()]
    record(reader, path + ("documents",), cell_ja)
    if not any(t.strip() for t in ja):
        if any(t.strip() for t in en):
            reader.problem(cell_ja, translate(
                "form_workbook", "英語の事前提出資料だけがあります。日本語を1行に1つずつ書いて"
                                 "ください"))
        return
    if en and len(en) != len(ja):
        reader.problem(cell_en, translate(
            "form_workbook", "英語の事前提出資料の行数（{en}）が日本語（{ja}）と合いません。"
                             "1行に1つずつ、同じ順に書いてください").format(en=len(en), ja=len(ja)))
        return
    docs = []
    for n, text in enumerate(ja):
        doc = {"ja": text.strip()}
        if en and en[n].strip():
            doc["en"] = en[n].strip()
        docs.append(doc)
        reader.cells[path + ("documents", n)] = cell_ja
    item["documents"] = docs


def _lookup_raw(found: dict[str, tuple[dict, tuple]], scales: list[dict]):
    by_id = {s["id"]: [o.get("code") for o in s["options"]] for s in scales}

    def lookup(code: str) -> ItemInfo | None:
        if code not in found:
            return None
        item = found[code][0]
        choices = tuple((c.get("code"), get(c, "label.ja") or "") for c in item.get("choices", ()))
        return ItemInfo(item.get("type", ""), choices, tuple(by_id.get(item.get("scale"), ())))
    return lookup


def _read_condition(reader: Reader, cell: Cell, value: Any, lookup) -> dict | None:
    text = reader.text(cell, value)
    if text is None:
        return None
    try:
        cond, missing = parse_condition(text, lookup)
    except ConditionSyntaxError as exc:
        reader.problem(cell, translate("form_workbook", "条件「{text}」が読めません: {why}。"
                                                        "書き方は「使い方」シートを見てください"
                                                        ).format(text=text, why=exc))
        return None
    for code in missing:
        reader.problem(cell, translate("form_workbook", "条件の項目 {code} はこの評価票にありません。"
                                                        "項目コードを確かめてください").format(
            code=code))
    return None if missing else cond


def _read_rules(reader: Reader, wb, lookup) -> list[dict]:
    out = []
    for r, row in reader.rows(wb, RULES, RULE_COLUMNS, required=False,
                              needed=("ID", "条件", "期待される回答", "メッセージ")):
        path = ("rules", len(out))
        rule: dict = {}
        texts(reader, row, ("id",), path, rule)
        reader.cells[path] = row["id"][0]
        for key in ("when", "then"):
            cell, value = row[key]
            cond = _read_condition(reader, cell, value, lookup)
            if cond is not None:
                rule[key] = cond
            elif reader.text(cell, value) is None:
                reader.problem(cell, translate("form_workbook", "条件を入力してください"))
            record(reader, path + (key,), cell)
        texts(reader, row, ("message.ja", "message.en"), path, rule)
        out.append(rule)
    return out


def _read_map(reader: Reader, wb) -> list[dict]:
    out = []
    for r, row in reader.rows(wb, MAP, MAP_COLUMNS, required=False,
                              needed=("種別", "旧項目", "新項目")):
        path = ("replaces", "items", len(out))
        entry: dict = {}
        cell, value = row["kind"]
        kind = reader.choice(cell, value, KIND_LABELS, translate("form_workbook", "種別"))
        if kind is None and value is None:
            reader.problem(cell, translate("form_workbook", "種別を一覧から選んでください"))
        if kind is not None:
            entry["kind"] = kind
        reader.cells[path] = cell
        reader.cells[path + ("kind",)] = cell
        for key in ("from", "to"):
            cell, value = row[key]
            codes = reader.codes(cell, value)
            if codes:
                entry[key] = codes
            record(reader, path + (key,), cell)
            for i in range(len(codes)):
                reader.cells[path + (key, i)] = cell
        cell, value = row["carry"]
        carry = reader.choice(cell, value, CARRY_LABELS, translate("form_workbook",
                                                                   "回答の引き継ぎ"))
        if carry is not None:
            entry["carry"] = carry
        record(reader, path + ("carry",), cell)
        texts(reader, row, ("note.ja", "note.en"), path, entry)
        out.append(entry)
    return out


def workbook_mapping(reader: Reader, wb) -> dict:
    data = _read_settings(reader, wb)
    scales = _read_scales(reader, wb)
    sections = _read_sections(reader, wb)
    found = _read_items(reader, wb, sections, scales)
    if reader.structural:   # the rest would only repeat what a missing sheet or column causes
        return {}
    _read_choices(reader, wb, found)
    lookup = _lookup_raw(found, scales)
    for code, (item, path) in found.items():
        cell, value = item.pop("__condition__")
        cond = _read_condition(reader, cell, value, lookup)
        if cond is not None:
            item["relevant_if"] = cond
        reader.cells[path + ("relevant_if",)] = cell
    rules = _read_rules(reader, wb, lookup)
    entries = _read_map(reader, wb)
    out: dict = {"format": data.pop("format", None), "id": data.pop("id", None),
                 "version": data.pop("version", None)}
    out.update(data)
    out["scales"] = scales
    out["sections"] = sections
    if rules:
        out["rules"] = rules
    if entries or "replaces" in out:
        out.setdefault("replaces", {})["items"] = entries
        for key in ("form", "version"):
            if key not in out["replaces"]:
                reader.problem(f"{SETTINGS}!B1", translate(
                    "form_workbook", "対応表があるときは「改訂前の評価票ID」と「改訂前の版」を"
                                     "書いてください"))
                break
    return {k: v for k, v in out.items() if v is not None}
