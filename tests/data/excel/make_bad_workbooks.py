"""Regenerate the crafted bad checklist workbooks beside this script (run from the repo root):

    .venv/bin/python tests/data/excel/make_bad_workbooks.py

Each file is the mini test form's blank workbook (layout 2: 基本情報 + 評価票), filled in
validly, with one fault. The expected sheet and cell of each fault are in BAD_CASES (the tests
read them from here). Cells are written "シート!A1"; a bare address is on the 評価票 sheet.
layout1/valid_mini_layout1.xlsx is a workbook of the old layout (made by the template before
2026.2), kept to prove such workbooks still import.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from openpyxl import load_workbook

from kanwa_review.core.form import load_form
from kanwa_review.exchange.excel_template import write_template

MINI = HERE.parent / "forms" / "mini.yaml"
SHEET = "評価票"
HEADER = "基本情報"

# a complete, valid answer set for the mini form (items from row 2 in form order; the options
# of B-6, a multiple choice, follow it on rows 12–13)
VALID = {
    f"{HEADER}!C6": "F001", f"{HEADER}!C7": "架空県立がんセンター", f"{HEADER}!C8": "架空県",
    f"{HEADER}!C9": "都道府県がん診療連携拠点病院", f"{HEADER}!C10": datetime(2025, 11, 20),
    f"{HEADER}!B13": "リーダー", f"{HEADER}!C13": "山田 花子", f"{HEADER}!D13": "架空県 東雲病院",
    f"{HEADER}!E13": "医師（身体症状）",
    f"{HEADER}!B14": "評価者", f"{HEADER}!C14": "鈴木 一郎", f"{HEADER}!D14": "架空県 東雲病院",
    f"{HEADER}!E14": "看護師",
    f"{HEADER}!C23": "13:00 開会\n13:15 資料確認", f"{HEADER}!C24": "緩和ケアセンター長",
    f"{HEADER}!C25": "委員会規程", f"{HEADER}!C26": "緩和ケア病棟",
    f"{HEADER}!C27": datetime(2025, 12, 20), f"{HEADER}!C28": datetime(2026, 5, 20),
    f"{HEADER}!C30": "委員会を中心に体制が整っている。計画の文書化が課題である。",
    "F2": "A", "G2": "A", "L2": "委員会規程",
    "G3": "C", "M3": "計画が文書化されていない",
    "H4": "はい",
    "H5": "生活のしやすさに関する質問票",
    "I6": 45, "J6": 60, "K6": "2025年4月〜9月",                     # B-1
    "H7": 120, "K7": "2025年度",                                 # B-2
    "H8": "専従",                                               # B-3
    "G9": "B",                                                  # B-4
    "H10": datetime(2024, 10, 1),                               # B-5
    "H12": "はい", "H13": "はい",                                  # B-6: 外来, 病棟
}

# name -> (cells to change, expected problem cell); None value clears the cell
BAD_CASES = {
    "bad_rating.xlsx": ({"G2": "B+"}, "G2"),
    "missing_facility_code.xlsx": ({f"{HEADER}!C6": None}, f"{HEADER}!C6"),
    "date_not_a_date.xlsx": ({f"{HEADER}!C10": "来週の火曜日"}, f"{HEADER}!C10"),
    "numerator_over_denominator.xlsx": ({"I6": 70}, "I6"),
    "value_not_a_number.xlsx": ({"H7": "百二十"}, "H7"),
    "unknown_choice.xlsx": ({"H8": "兼任"}, "H8"),
    "comment_missing_for_c.xlsx": ({"M3": None}, "M3"),
    "overall_comment_missing.xlsx": ({f"{HEADER}!C30": None}, f"{HEADER}!C30"),
    "option_not_yes_no.xlsx": ({"H13": "たぶん"}, "H13"),
}


def qualified(address: str) -> str:
    """"シート!A1" for a cell given with or without its sheet."""
    return address if "!" in address else f"{SHEET}!{address}"


def fill(path: Path, cells: dict) -> None:
    wb = load_workbook(path)
    for address, value in cells.items():
        sheet, cell = qualified(address).split("!")
        wb[sheet][cell] = value
    wb.save(path)


def rewrite_member(path: Path, member: str, transform) -> None:
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == member:
                data = transform(data)
            dst.writestr(info, data)
    tmp.replace(path)


BOMB_DTD = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
            + b"".join(b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                       for i in range(1, 10))
            + b"]>\n")


def make_bomb(path: Path) -> None:
    """An entity-expansion ("billion laughs") bomb in the checklist sheet's facility name
    (openpyxl writes strings inline, so the sheet XML is where text lives)."""
    def transform(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        assert b"<t>" in body
        body = body.replace(b"<t>", b"<t>&lol9;", 1)
        return BOMB_DTD + body
    rewrite_member(path, "xl/worksheets/sheet1.xml", transform)


def make_all(out: Path = HERE) -> dict[str, Path]:
    form = load_form(MINI)
    made = {}
    base = out / "valid_mini.xlsx"
    write_template(form, base)
    fill(base, VALID)
    made["valid_mini.xlsx"] = base
    for name, (cells, _) in BAD_CASES.items():
        p = out / name
        shutil.copy(base, p)
        fill(p, cells)
        made[name] = p
    # a row deleted: shift rows up by deleting B-2's row (openpyxl ignores the protection)
    p = out / "row_deleted.xlsx"
    shutil.copy(base, p)
    wb = load_workbook(p)
    wb[SHEET].delete_rows(7)
    wb.save(p)
    made[p.name] = p
    # rows swapped: exchanged
    p = out / "rows_reordered.xlsx"
    shutil.copy(base, p)
    fill(p, {"A2": "A-2", "A3": "A-1"})
    made[p.name] = p
    # a workbook of another form version (hash and version no longer match a known form)
    p = out / "wrong_form_version.xlsx"
    shutil.copy(base, p)
    wb = load_workbook(p)
    wb["_kanwa"]["B3"] = "0.9"
    wb["_kanwa"]["B4"] = "0" * 64
    wb.save(p)
    made[p.name] = p
    p = out / "xml_bomb.xlsx"
    shutil.copy(base, p)
    make_bomb(p)
    made[p.name] = p
    p = out / "not_a_workbook.xlsx"
    p.write_bytes(b"PK\x03\x04 this is not really a zip file " * 10)
    made[p.name] = p
    return made


if __name__ == "__main__":
    for path in make_all().values():
        print(f"{path.relative_to(HERE.parents[2])}  {path.stat().st_size:,} bytes")
