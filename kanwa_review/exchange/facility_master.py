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
            f"{name}: 文字コードが判別できません。UTF-8（BOM付き可）で保存し直してください / the "
            "text encoding is neither UTF-8 nor Shift_JIS (cp932); save the CSV as UTF-8"]) from None
    # Only accept the cp932 reading when it yields Japanese text: random bytes rarely do.
    if not any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text):
        raise FacilityListRejected([
            f"{name}: 文字コードが判別できません。UTF-8 で保存し直してください / the text "
            "encoding could not be recognised; save the CSV as UTF-8"])
    warnings.append(f"{name}: Shift_JIS（cp932）として読み込みました / read as Shift_JIS (cp932)")
    return text


def _csv_rows(path: Path, warnings: list[str]) -> list[list]:
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise FacilityListRejected([f"{path}: ファイルが大きすぎます（{size:,} バイト、上限 "
                                    f"{MAX_CSV_BYTES:,}） / the file is {size:,} bytes; the "
                                    f"limit is {MAX_CSV_BYTES:,}"])
    text = _decode_csv(path.read_bytes(), str(path), warnings)
    try:
        rows = []
        for row in csv.reader(io.StringIO(text, newline="")):
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    except csv.Error as exc:
        raise FacilityListRejected([f"{path}: CSV として読めません（{exc}） / not a valid CSV "
                                    f"file ({exc})"]) from None


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
        raise FacilityListRejected([f"{name}: CSV（.csv）か Excel（.xlsx）のファイルを選んでください / "
                                    "choose a .csv or .xlsx file"])
    cells = [[_cell(v) for v in row] for row in rows]
    header_at = next((n for n, row in enumerate(cells) if any(row)), None)
    if header_at is None:
        raise FacilityListRejected([f"{name}: 空のファイルです / the file is empty"])
    header = cells[header_at]
    where: dict[str, int] = {}
    for col, text in enumerate(header):
        for key, names in COLUMNS.items():
            if _fold(text).lower() in names and key not in where:
                where[key] = col
    missing = [k for k in ("code", "name") if k not in where]
    if missing:
        raise FacilityListRejected([
            f"{name} {header_at + 1}行目: 見出しに {'・'.join(COLUMNS[k][1] for k in missing)} の列が"
            f"ありません。1行目に 施設コード, 施設名, 都道府県, 区分 の見出しを付けてください / row "
            f"{header_at + 1}: the header has no {', '.join(missing)} column; put the headers "
            "code, name, prefecture, category in the first row"])
    if len(cells) - header_at - 1 > MAX_ROWS:
        raise FacilityListRejected([f"{name}: 行が多すぎます（上限 {MAX_ROWS:,} 行） / more than "
                                    f"{MAX_ROWS:,} rows"])
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
            bad.append(f"施設コード「{code[:40]}」は英数字・-・_ の32文字以内にしてください / facility "
                       "code: letters, digits, - and _, up to 32 characters")
        elif code in first_row_of:
            bad.append(f"施設コード {code} が {first_row_of[code]}行目と重複しています / code {code} "
                       f"repeats row {first_row_of[code]}")
        if not fname or len(fname) > MAX_NAME:
            bad.append(f"施設名を1〜{MAX_NAME}文字で入力してください / name: 1–{MAX_NAME} characters")
        if pref is not None and len(pref) > MAX_PREFECTURE:
            bad.append(f"都道府県が長すぎます / prefecture: at most {MAX_PREFECTURE} characters")
        for label, text in ((translate("facility_master", "施設名"), fname),
                            (translate("facility_master", "都道府県"), pref or "")):
            rule = text_policy.problem(text, text_policy.LINE)
            if rule is not None:
                bad.append(f"{label}: {rule}")
        category = _category(cat_text or "")
        if cat_text and category is None:
            bad.append(f"区分「{cat_text[:40]}」は使えません。{'、'.join(FACILITY_CATEGORIES.values())} "
                       f"のいずれか / category must be one of {list(FACILITY_CATEGORIES)}")
        if bad:
            problems.extend(f"{name} {n}行目 / row {n}: {b}" for b in bad)
            continue
        first_row_of[code] = n
        out.append(FacilityRow(n, code, text_policy.normal(fname),
                               text_policy.normal(pref) if pref else None, category))
    if problems:
        raise FacilityListRejected(problems, warnings)
    if not out:
        raise FacilityListRejected([f"{name}: 施設の行がありません / no facility rows below "
                                    "the header"], warnings)
    return out, warnings
