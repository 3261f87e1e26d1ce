"""The layout of the form workbook: sheets, columns, the words a clerk picks from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill

from kanwa_review.core.form import MAX_ITEMS, Form

README, SETTINGS, SECTIONS, ITEMS, CHOICES, SCALES, RULES, MAP = (
    "使い方", "設定", "セクション", "項目", "選択肢", "尺度", "整合ルール", "対応表")
SHEETS = (SETTINGS, SECTIONS, ITEMS, CHOICES, SCALES, RULES, MAP)
MAX_ROWS = MAX_ITEMS + 100      # rows read from one sheet (a form has at most MAX_ITEMS items)
MAX_COLUMNS = 120
MAX_PROBLEMS = 200
MAX_CELL_CHARS = 20_000         # one text of a form (the answers' limit too)

TYPE_LABELS = {"rating": "評価", "yes_no": "はい・いいえ", "integer": "整数", "number": "数値",
               "percentage": "割合", "date": "日付", "choice": "選択", "multi_choice": "複数選択",
               "text": "自由記述"}
PERIOD_LABELS = {"fiscal_year": "年度", "calendar_year": "暦年", "custom": "任意の期間"}
# a reference value is a target the figure is judged against (達成 / 未達) unless it is a
# reference printed beside it (参考値, e.g. a national survey value); blank: a target
REFERENCE_KIND_LABELS = {"target": "目標", "reference": "参考値"}
KIND_LABELS = {"renamed": "改名", "revised": "改訂", "split": "分割", "merged": "統合",
               "dropped": "削除", "new": "新規"}
CARRY_LABELS = {"copy": "そのまま写す", "copy_each": "それぞれに写す", "lowest": "低い方の評価",
                "empty": "写さない"}
YES, NO = "はい", "いいえ"

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
ENGLISH_FILL = PatternFill("solid", fgColor="EDEDED")
HEADER_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


class FormWorkbookInvalid(ValueError):
    """A form workbook that cannot be used; `problems` lists every problem (sheet!cell: …)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


# --- columns -------------------------------------------------------------------------------
# (header, key path inside the item / row mapping, kind, width). Kinds: text, lines, number,
# bool (はい / いいえ; blank: not said), required (blank: いいえ), type, period, condition,
# categories, codes, kind, carry, doc_ja / doc_en (documents, one per line).

@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: str = "text"
    width: float = 14
    english: bool = False


def item_columns(grades: Iterable[str]) -> list[Column]:
    grades = list(grades)
    ja = [Column("コード", "code", width=8), Column("種類", "type", "type", 11),
          Column("必須", "required", "required", 6), Column("項目", "text.ja", width=48),
          Column("評価の視点", "guidance.ja", width=44)]
    ja += [Column(f"定義 {g}", f"anchors.{g}.ja", width=30) for g in grades]
    ja += [Column("尺度", "scale", width=8), Column("自己評価", "self_assessment", "bool", 8),
           Column("重み", "weight", "number", 6),
           Column("表示条件", "relevant_if", "condition", 30),
           Column("単位", "unit.ja", width=8), Column("対象期間", "period", "period", 11),
           Column("最小値", "min", "number", 8), Column("最大値", "max", "number", 8),
           Column("分子", "numerator.ja", width=24), Column("分母", "denominator.ja", width=24),
           Column("未集計可", "allow_not_collected", "bool", 8),
           Column("QI", "qi", width=16), Column("参照値", "reference.value", "number", 8),
           Column("参照値の説明", "reference.label.ja", width=24),
           Column("参照値の種類", "reference.kind", "reference_kind", 10),
           Column("参照値の施設区分", "reference.facility_category", "categories", 20),
           Column("事前提出資料", "documents", "doc_ja", 36),
           Column("根拠", "traces_to", "lines", 30)]
    en = [Column("項目（英語）", "text.en", width=40, english=True),
          Column("評価の視点（英語）", "guidance.en", width=36, english=True)]
    en += [Column(f"定義 {g}（英語）", f"anchors.{g}.en", width=28, english=True) for g in grades]
    en += [Column("単位（英語）", "unit.en", width=8, english=True),
           Column("分子（英語）", "numerator.en", width=22, english=True),
           Column("分母（英語）", "denominator.en", width=22, english=True),
           Column("参照値の説明（英語）", "reference.label.en", width=22, english=True),
           Column("事前提出資料（英語）", "documents", "doc_en", 30, english=True)]
    return ja + en


SECTION_COLUMNS = [Column("コード", "code", width=8), Column("題名", "title.ja", width=30),
                   Column("説明", "description.ja", width=60),
                   Column("題名（英語）", "title.en", width=30, english=True),
                   Column("説明（英語）", "description.en", width=50, english=True)]
CHOICE_COLUMNS = [Column("項目コード", "item", width=10), Column("記号", "code", width=16),
                  Column("表示", "label.ja", width=30),
                  Column("ほかと併用不可", "exclusive", "bool", 14),
                  Column("表示（英語）", "label.en", width=30, english=True)]
SCALE_COLUMNS = [Column("尺度ID", "scale", width=10), Column("記号", "code", width=6),
                 Column("表示", "label.ja", width=24), Column("点数", "points", "number", 6),
                 Column("コメント必須", "comment_required", "bool", 12),
                 Column("表示（英語）", "label.en", width=24, english=True)]
RULE_COLUMNS = [Column("ID", "id", width=22), Column("条件", "when", "condition", 36),
                Column("期待される回答", "then", "condition", 36),
                Column("メッセージ", "message.ja", width=50),
                Column("メッセージ（英語）", "message.en", width=44, english=True)]
MAP_COLUMNS = [Column("種別", "kind", "kind", 8), Column("旧項目", "from", "codes", 14),
               Column("新項目", "to", "codes", 14), Column("回答の引き継ぎ", "carry", "carry", 14),
               Column("説明", "note.ja", width=60),
               Column("説明（英語）", "note.en", width=50, english=True)]
# 設定: (label, key); read as two columns 項目 / 値
SETTING_ROWS = [("形式", "format"), ("評価票ID", "id"), ("版", "version"), ("題名", "title.ja"),
                ("題名（英語）", "title.en"), ("説明", "description.ja"),
                ("説明（英語）", "description.en"), ("改訂前の評価票ID", "replaces.form"),
                ("改訂前の版", "replaces.version"), ("改訂の説明", "replaces.note.ja"),
                ("改訂の説明（英語）", "replaces.note.en"),
                ("比較しない章", "replaces.not_comparable")]


def get(data: Any, key: str) -> Any:
    for part in key.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def grades_of(form: Form) -> list[str]:
    """Grade codes with a definition column: the graded codes of the scales rating items use,
    and any code an item defines, in scale order."""
    used = {i.scale for i in form.items() if i.type == "rating"}
    defined = {code for i in form.items() for code in (i.anchors or {})}
    out: list[str] = []
    for scale in form.scales:
        for o in scale.options:
            wanted = (scale.id in used and o.points is not None) or o.code in defined
            if wanted and o.code not in out:
                out.append(o.code)
    return out
