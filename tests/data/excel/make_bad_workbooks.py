"""Regenerate the crafted bad checklist workbooks beside this script (run from the repo root):

    .venv/bin/python tests/data/excel/make_bad_workbooks.py

Each file is the mini test form's blank workbook, filled in validly, with one fault. The
expected sheet and cell of each fault are in BAD_CASES (the tests read them from here).
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

# a complete, valid answer set for the mini form (rows 24.. follow the form order)
VALID = {
    "C5": "F001", "C6": "架空県立がんセンター", "C7": "架空県", "C8": "都道府県がん診療連携拠点病院",
    "C9": datetime(2025, 11, 20),
    "B12": "リーダー", "C12": "山田 花子", "D12": "架空県 東雲病院", "E12": "医師（身体症状）",
    "B13": "評価者", "C13": "鈴木 一郎", "D13": "架空県 東雲病院", "E13": "看護師",
    "F24": "A", "G24": "A", "L24": "委員会規程",
    "G25": "C", "M25": "計画が文書化されていない",
    "H26": "はい",
    "H27": "生活のしやすさに関する質問票",
    "I28": 45, "J28": 60, "K28": "2025年4月〜9月",                  # B-1
    "H29": 120, "K29": "2025年度",                                # B-2
    "H30": "専従",                                               # B-3
    "G31": "B",                                                 # B-4
    "H32": datetime(2024, 10, 1),                                # B-5
    "H33": "外来、病棟",                                           # B-6
}

# name -> (cells to change, expected problem cell); None value clears the cell
BAD_CASES = {
    "bad_rating.xlsx": ({"G24": "B+"}, "G24"),
    "missing_facility_code.xlsx": ({"C5": None}, "C5"),
    "date_not_a_date.xlsx": ({"C9": "来週の火曜日"}, "C9"),
    "numerator_over_denominator.xlsx": ({"I28": 70}, "I28"),
    "value_not_a_number.xlsx": ({"H29": "百二十"}, "H29"),
    "unknown_choice.xlsx": ({"H30": "兼任"}, "H30"),
    "comment_missing_for_c.xlsx": ({"M25": None}, "M25"),
}


def fill(path: Path, cells: dict) -> None:
    wb = load_workbook(path)
    ws = wb[SHEET]
    for address, value in cells.items():
        ws[address] = value
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
    wb[SHEET].delete_rows(29)
    wb.save(p)
    made[p.name] = p
    # rows swapped: exchanged
    p = out / "rows_reordered.xlsx"
    shutil.copy(base, p)
    fill(p, {"A24": "A-2", "A25": "A-1"})
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
