"""Importing the facility master (施設マスタ) from a CSV or .xlsx list at the hub.

Columns (a header row names them, in any order, English or Japanese):
  code 施設コード (required) · name 施設名 (required) · prefecture 都道府県 · category 区分
Every row is checked and every bad row is reported with its row number; no database here.
`Services.import_facility_master` (services/facilities.py) applies a list without errors in
one transaction.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kanwa_review.core import bounds, text_policy
from kanwa_review.core.i18n import translate
from kanwa_review.core.review import FACILITY_CATEGORIES, FACILITY_CODE_RE

MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_NAME = 200
MAX_PREFECTURE = 50

COLUMNS = {
    "code": ("code", "施設コード", "コード", "facility_code"),
    "name": ("name", "施設名", "名称", "医療機関名", "病院名", "facility_name"),
    "prefecture": ("prefecture", "都道府県", "都道府県名"),
    "category": ("category", "区分", "類型", "種別", "指定区分"),
}
_CATEGORY_ALIASES = {
    "都道府県拠点": "prefectural", "都道府県拠点病院": "prefectural",
    "地域拠点": "regional", "地域拠点病院": "regional",
    "地域がん診療病院": "regional_hospital", "特定領域": "specialised",
    "特定領域拠点": "specialised",
}


class FacilityListRejected(ValueError):
    def __init__(self, problems: list[str], warnings: list[str] | None = None):
        self.problems = problems
        self.warnings = warnings or []
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class FacilityRow:
    row: int
    code: str
    name: str
    prefecture: str | None      # None: column absent or cell blank (keep what is held)
    category: str | None


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def _fold(text: str) -> str:
    """Full-width letters and digits folded (Ｈ００１ → H001) for codes, headers, categories;
    names keep what the clerk typed (full-width brackets are normal in Japanese names)."""
    return unicodedata.normalize("NFKC", text).strip()


def _category(text: str) -> str | None:
    text = _fold(text)
    if not text:
        return None
    if text.lower() in FACILITY_CATEGORIES:
        return text.lower()
    for key, label in FACILITY_CATEGORIES.items():
        if text == unicodedata.normalize("NFKC", label):
            return key
    return _CATEGORY_ALIASES.get(text)


# --- reading -------------------------------------------------------------------------------

def _decode_csv(raw: bytes, name: str, warnings: list[str]) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        raise FacilityListRejected([
            translate("facility_master", "{name}: 文字コードが UTF-8 でも Shift_JIS（cp932）でもありません。"
                                         "CSV を UTF-8（BOM付き可）で保存し直してください").format(
                                             name=name)]) from None
    # Only accept the cp932 reading when it yields Japanese text: random bytes rarely do.
    if not any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text):
        raise FacilityListRejected([
            translate("facility_master", "{name}: 文字コードが判別できません。CSV を UTF-8 で保存し直して"
                                         "ください").format(name=name)])
    warnings.append(translate("facility_master", "{name}: Shift_JIS（cp932）として読み込みました").format(
        name=name))
    return text


def _csv_rows(path: Path, warnings: list[str]) -> list[list]:
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise FacilityListRejected([translate(
            "facility_master", "{name}: ファイルが大きすぎます（{size:,} バイト、上限 {limit:,}）").format(
                name=path, size=size, limit=MAX_CSV_BYTES)])
    text = _decode_csv(path.read_bytes(), str(path), warnings)
    try:
        rows = []
        for row in csv.reader(io.StringIO(text, newline="")):
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    except csv.Error as exc:
        raise FacilityListRejected([translate(
            "facility_master", "{name}: CSV として読めません（{reason}）").format(name=path, reason=exc)]) from None


def _xlsx_rows(path: Path) -> list[list]:
    from kanwa_review.exchange.excel_safety import WorkbookRefused, open_workbook_safely

    try:
        wb = open_workbook_safely(path)
    except WorkbookRefused as exc:
        raise FacilityListRejected([str(exc)]) from None
    try:
        ws = wb.worksheets[0]
        rows = []
        for row in ws.iter_rows(values_only=True, max_col=30):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        wb.close()


def read_facility_list(path: str | Path) -> tuple[list[FacilityRow], list[str]]:
    """Rows of a facility list, or FacilityListRejected naming every bad row."""
    path = Path(path)
    name = str(path)
    warnings: list[str] = []
    not_a_file = bounds.regular_file_problem(path)   # from stat: a FIFO would block
    if not_a_file is not None:
        raise FacilityListRejected([f"{name}: {not_a_file}"])
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path, warnings)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        raise FacilityListRejected([translate(
            "facility_master", "{name}: CSV（.csv）か Excel（.xlsx）のファイルを選んでください").format(name=name)])
    cells = [[_cell(v) for v in row] for row in rows]
    header_at = next((n for n, row in enumerate(cells) if any(row)), None)
    if header_at is None:
        raise FacilityListRejected([translate("facility_master", "{name}: 空のファイルです").format(name=name)])
    header = cells[header_at]
    where: dict[str, int] = {}
    for col, text in enumerate(header):
        for key, names in COLUMNS.items():
            if _fold(text).lower() in names and key not in where:
                where[key] = col
    missing = [k for k in ("code", "name") if k not in where]
    if missing:
        raise FacilityListRejected([
            translate("facility_master", "{name} {row}行目: 見出しに {columns} の列がありません。1行目に 施設コード,"
                                         " 施設名, 都道府県, 区分 の見出しを付けてください").format(
                name=name, row=header_at + 1, columns="・".join(COLUMNS[k][1] for k in missing))])
    if len(cells) - header_at - 1 > MAX_ROWS:
        raise FacilityListRejected([translate(
            "facility_master", "{name}: 行が多すぎます（上限 {limit:,} 行）").format(name=name, limit=MAX_ROWS)])
    problems: list[str] = []
    out: list[FacilityRow] = []
    first_row_of: dict[str, int] = {}

    def get(row: list[str], key: str) -> str | None:
        col = where.get(key)
        return row[col] if col is not None and col < len(row) else None

    for n, row in enumerate(cells[header_at + 1:], start=header_at + 2):
        if not any(row):
            continue
        code, fname = _fold(get(row, "code") or ""), get(row, "name") or ""
        pref, cat_text = get(row, "prefecture"), get(row, "category")
        bad = []
        if not FACILITY_CODE_RE.match(code):
            bad.append(translate("facility_master", "施設コード「{code}」は英数字・-・_ の32文字以内にして"
                                                    "ください").format(code=code[:40]))
        elif code in first_row_of:
            bad.append(translate("facility_master", "施設コード {code} が {row}行目と重複しています").format(
                code=code, row=first_row_of[code]))
        if not fname or len(fname) > MAX_NAME:
            bad.append(translate("facility_master", "施設名を1〜{limit}文字で入力してください").format(
                limit=MAX_NAME))
        if pref is not None and len(pref) > MAX_PREFECTURE:
            bad.append(translate("facility_master", "都道府県が長すぎます（{limit}文字まで）").format(
                limit=MAX_PREFECTURE))
        for label, text in ((translate("facility_master", "施設名"), fname),
                            (translate("facility_master", "都道府県"), pref or "")):
            rule = text_policy.problem(text, text_policy.LINE)
            if rule is not None:
                bad.append(f"{label}: {rule}")
        category = _category(cat_text or "")
        if cat_text and category is None:
            bad.append(translate("facility_master", "区分「{category}」は使えません。{allowed} のいずれかに"
                                                    "してください（{keys}）").format(
                category=cat_text[:40], allowed="、".join(FACILITY_CATEGORIES.values()),
                keys=", ".join(FACILITY_CATEGORIES)))
        if bad:
            problems.extend(translate("facility_master", "{name} {row}行目: {problem}").format(
                name=name, row=n, problem=b) for b in bad)
            continue
        first_row_of[code] = n
        out.append(FacilityRow(n, code, text_policy.normal(fname),
                               text_policy.normal(pref) if pref else None, category))
    if problems:
        raise FacilityListRejected(problems, warnings)
    if not out:
        raise FacilityListRejected([translate(
            "facility_master", "{name}: 見出しの下に施設の行がありません").format(name=name)], warnings)
    return out, warnings
