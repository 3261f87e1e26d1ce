"""Writing a form as its editing workbook."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kanwa_review.core.form import Form
from kanwa_review.core.i18n import translate
from kanwa_review.exchange.condition_text import CATEGORY_SHORT, ItemInfo, format_condition
from kanwa_review.exchange.excel_safety import display_width, set_text
from kanwa_review.exchange.form_workbook.layout import (
    CARRY_LABELS, CHOICE_COLUMNS, CHOICES, ENGLISH_FILL, HEADER_FILL, HEADER_FONT, ITEMS, KIND_LABELS, MAP,
    MAP_COLUMNS, NO, PERIOD_LABELS, README, REFERENCE_KIND_LABELS, RULE_COLUMNS, RULES, SCALE_COLUMNS, SCALES,
    SECTION_COLUMNS, SECTIONS, SETTING_ROWS, SETTINGS, TYPE_LABELS, WRAP, YES, Column, get,
    grades_of, item_columns,
)

def _item_info(form: Form) -> Callable[[str], ItemInfo | None]:
    def lookup(code: str) -> ItemInfo | None:
        if not form.has_item(code):
            return None
        item = form.item(code)
        return ItemInfo(item.type, tuple((c.code, c.label.ja) for c in item.choices or ()),
                        form.scale(item.scale).codes if item.scale else ())
    return lookup


def _cell_value(col: Column, row: dict, lookup) -> Any:
    value = get(row, col.key) if col.kind not in ("doc_ja", "doc_en") else None
    match col.kind:
        case "doc_ja" | "doc_en":
            docs = row.get("documents") or []
            lang = "ja" if col.kind == "doc_ja" else "en"
            texts = [d.get(lang) for d in docs]
            return "\n".join(t or "" for t in texts) if any(texts) else None
        case "lines" | "codes":
            sep = "\n" if col.kind == "lines" else "、"
            return sep.join(value) if value else None
        case "required":
            return YES if value else NO
        case "bool":
            return None if value is None else (YES if value else NO)
        case "type":
            return TYPE_LABELS.get(value, value)
        case "period":
            return PERIOD_LABELS.get(value, value) if value else None
        case "reference_kind":
            return REFERENCE_KIND_LABELS.get(value, value) if value else None
        case "kind":
            return KIND_LABELS.get(value, value)
        case "carry":
            return CARRY_LABELS.get(value, value) if value else None
        case "categories":
            return "、".join(CATEGORY_SHORT.get(c, c) for c in value) if value else None
        case "condition":
            return format_condition(value, lookup) if value else None
    return value


LINE_HEIGHT = 15.0      # points per wrapped line at the default 11 pt font
MAX_ROW_LINES = 8


def _lines(text: str, width: float) -> int:
    per_line = max(1, int(width) - 2)     # column units ≈ half-width characters, a margin
    return sum(max(1, -(-display_width(part) // per_line)) for part in text.split("\n"))


def _table(wb: Workbook, title: str, columns: list[Column], rows: list[dict], lookup,
           lists: dict[str, list[str]], extra_rows: int = 200) -> None:
    ws = wb.create_sheet(title)
    for n, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=n, value=col.header)
        cell.font = HEADER_FONT
        cell.fill = ENGLISH_FILL if col.english else HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        ws.column_dimensions[get_column_letter(n)].width = col.width
    for r, row in enumerate(rows, start=2):
        lines = 1
        for n, col in enumerate(columns, start=1):
            value = _cell_value(col, row, lookup)
            cell = ws.cell(row=r, column=n)
            if isinstance(value, str):
                set_text(cell, value)
                lines = max(lines, _lines(value, col.width))
            elif value is not None:
                cell.value = value
            cell.alignment = WRAP
        # rows do not grow by themselves in every program: fit the longest text (up to a
        # few lines; the cell holds all of it)
        ws.row_dimensions[r].height = min(lines, MAX_ROW_LINES) * LINE_HEIGHT + 3
    ws.freeze_panes = "B2" if title == ITEMS else "A2"
    last = len(rows) + 1 + extra_rows
    for n, col in enumerate(columns, start=1):
        choices = lists.get(col.kind) or lists.get(col.key)
        if choices:
            letter = get_column_letter(n)
            dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                                allow_blank=True, showErrorMessage=True,
                                errorTitle=translate("form_workbook", "使えない値です"),
                                error=translate("form_workbook", "一覧から選んでください"))
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9


def _readme(wb: Workbook, form: Form) -> None:
    ws = wb.active
    ws.title = README
    lines = [
        translate("form_workbook", "評価票の編集用ブック（kanwa-review）"),
        f"{form.title.ja}　{form.id} {form.version}",
        "",
        translate("form_workbook", "このブックは評価票そのものです。シートの内容を編集して保存し、"
                                   "`kanwa-review forms from-xlsx このブック.xlsx -o 評価票.yaml` で"
                                   "評価票のファイルに戻します。誤りがあれば「シート名!セル」と直し方が"
                                   "示されます。"),
        translate("form_workbook", "シート名・見出しの行（1行目）は変えないでください。行の追加・削除・"
                                   "並べ替えはできます（項目の順は「項目」シートの行の順です）。"
                                   "灰色の見出しの列は英語の表示です。"),
        "",
        translate("form_workbook", "設定: 評価票ID・版・題名。改訂版では「改訂前の評価票ID」「改訂前の版」"
                                   "と「対応表」シートで、前の版との対応を書きます。"),
        translate("form_workbook", "項目: 1行が1項目。コードは章の記号・ハイフン・番号（例: C-18）。"
                                   "種類・必須・尺度などは一覧から選びます。評価の項目は「定義 A」〜"
                                   "「定義 D」に、その評価となる状態を必ず書きます。"),
        translate("form_workbook", "選択肢: 「選択」「複数選択」の項目の選択肢（1行が1つ）。"
                                   "尺度: 評価の記号と点数（該当なしは点数を空欄）。"),
        "",
        translate("form_workbook", "表示条件・整合ルールの書き方:"),
        "  C-3 = 兼任　　　　C-3 ≠ 配置なし　　　　I-2 ≥ 10　　　　I-2 ≤ 0",
        "  C-2 が C、D のいずれか　　　　E-4 が A、B のいずれでもない",
        "  B-5 回答あり　　　　B-5 未回答　　　　施設区分 が 地域がん診療病院 のいずれか",
        "  B-4 = はい かつ B-5 回答あり　　　　（A-6 = はい または A-7 回答あり） かつ …",
        translate("form_workbook", "  値は、はい・いいえ、数値、選択肢の表示（または記号）、評価の記号"
                                   "（A〜D、NA）。空白・記号を含む値は「」で囲みます。"),
        translate("form_workbook", "  施設区分: {names}").format(
            names="、".join(CATEGORY_SHORT.values())),
        "",
        translate("form_workbook", "対応表（改訂版のみ）: 種別は 改名（別のコードへ）・改訂（同じコードで"
                                   "問いが変わった）・分割・統合・削除・新規。回答の引き継ぎは "
                                   "そのまま写す・それぞれに写す（分割）・低い方の評価（統合）・写さない。"
                                   "空欄なら種別ごとの既定です。"),
    ]
    for n, text in enumerate(lines, start=1):
        set_text(ws.cell(row=n, column=1), text)
    ws.column_dimensions["A"].width = 120
    ws["A1"].font = Font(bold=True, size=13)
    for n in range(4, len(lines) + 1):
        ws.cell(row=n, column=1).alignment = Alignment(wrap_text=True, vertical="top")


def form_workbook_bytes(form: Form) -> bytes:
    """The editing workbook of `form` (see the module docstring)."""
    data = form.model_dump(mode="json", by_alias=True, exclude_none=True)
    lookup = _item_info(form)
    wb = Workbook()
    _readme(wb, form)
    ws = wb.create_sheet(SETTINGS)
    for col, (header, width) in enumerate((("項目", 22), ("値", 90)), start=1):
        cell = ws.cell(row=1, column=col, value=header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, (label, key) in enumerate(SETTING_ROWS, start=2):
        ws.cell(row=r, column=1, value=label).font = HEADER_FONT
        value = get(data, key)
        if key == "replaces.not_comparable":
            value = "、".join(value) if value else None
        if value is not None:
            set_text(ws.cell(row=r, column=2), str(value))
        ws.cell(row=r, column=2).alignment = WRAP
    ws.freeze_panes = "A2"
    sections = data["sections"]
    _table(wb, SECTIONS, SECTION_COLUMNS, sections, lookup, {})
    scale_ids = [s["id"] for s in data["scales"]]
    lists = {"type": list(TYPE_LABELS.values()), "required": [YES, NO], "bool": [YES, NO],
             "period": list(PERIOD_LABELS.values()), "scale": scale_ids,
             "reference_kind": list(REFERENCE_KIND_LABELS.values()),
             "kind": list(KIND_LABELS.values()), "carry": list(CARRY_LABELS.values())}
    items = [i for s in sections for i in s["items"]]
    _table(wb, ITEMS, item_columns(grades_of(form)), items, lookup, lists)
    choices = [{"item": i["code"], **c} for i in items for c in i.get("choices", ())]
    _table(wb, CHOICES, CHOICE_COLUMNS, choices, lookup, lists)
    options = [{"scale": s["id"], **o, "comment_required": o["code"] in s.get(
        "comment_required", ())} for s in data["scales"] for o in s["options"]]
    for o in options:   # blank for "no": the column lists only the codes that need a comment
        o["comment_required"] = True if o["comment_required"] else None
    _table(wb, SCALES, SCALE_COLUMNS, options, lookup, lists)
    _table(wb, RULES, RULE_COLUMNS, list(data.get("rules") or ()), lookup, lists)
    _table(wb, MAP, MAP_COLUMNS, list((data.get("replaces") or {}).get("items", ())), lookup,
           lists)
    wb.active = wb.sheetnames.index(ITEMS)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
