"""Facility master (施設マスタ) import from CSV (UTF-8, UTF-8 with BOM, cp932) and .xlsx:
all-or-nothing, bad rows reported with their row numbers."""

from __future__ import annotations

from openpyxl import Workbook

from kanwa_review.services import Services

ROWS = "施設コード,施設名,都道府県,区分\nH001,架空県立中央病院,架空県,都道府県がん診療連携拠点病院\n" \
       "H002,架空市民病院,架空県,regional\n"


def _facilities(services):
    return {f.code: (f.name, f.prefecture, f.category) for f in services.facilities()}


def test_csv_utf8_bom_creates_facilities(services, tmp_path):
    path = tmp_path / "master.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ROWS.encode("utf-8"))
    result = Services(services.database, actor="拠点").import_facility_master(path)
    assert result.ok and result.created == ["H001", "H002"] and not result.warnings
    assert _facilities(services) == {"H001": ("架空県立中央病院", "架空県", "prefectural"),
                                     "H002": ("架空市民病院", "架空県", "regional")}
    audit = services.database.query("SELECT key, action FROM audit WHERE entity = 'facility'")
    assert [(r["key"], r["action"]) for r in audit] == [("H001", "create"), ("H002", "create")]


def test_cp932_csv_is_read_with_a_warning_and_updates_existing(services, facility, tmp_path):
    path = tmp_path / "master.csv"
    path.write_bytes("code,name,category\nF001,架空県立がんセンター（新）,地域拠点\n".encode("cp932"))
    result = services.import_facility_master(path)
    assert result.ok and result.updated == ["F001"] and result.created == []
    assert any("cp932" in w for w in result.warnings)
    # prefecture column absent: the held value is kept
    assert _facilities(services)["F001"] == ("架空県立がんセンター（新）", "架空県", "regional")
    again = services.import_facility_master(path)
    assert again.unchanged == ["F001"] and again.updated == []


def test_bad_rows_are_reported_with_row_numbers_and_nothing_is_written(services, tmp_path):
    path = tmp_path / "master.csv"
    path.write_text("code,name,prefecture,category\nH001,良い病院,架空県,regional\n"
                    "H 2,空白入り,架空県,regional\n\nH001,重複,架空県,other\n"
                    "H004,,架空県,other\nH005,区分違い,架空県,大学病院\n", encoding="utf-8")
    result = services.import_facility_master(path)
    assert not result.ok and services.facilities() == []
    text = "\n".join(result.errors)
    assert "3行目" in text and "「H 2」" in text                 # bad code
    assert "5行目" in text and "2行目と重複" in text             # duplicate of row 2
    assert "6行目" in text and "施設名" in text                   # empty name
    assert "7行目" in text and "大学病院" in text                 # unknown category
    assert "2行目 /" not in text


def test_missing_header_and_wrong_file_type_are_explained(services, tmp_path):
    path = tmp_path / "master.csv"
    path.write_text("H001,架空病院\n", encoding="utf-8")
    result = services.import_facility_master(path)
    assert "見出し" in result.errors[0] and "header" in result.errors[0]
    other = tmp_path / "master.txt"
    other.write_text("x")
    assert ".xlsx" in services.import_facility_master(other).errors[0]
    garbage = tmp_path / "bin.csv"
    garbage.write_bytes(bytes([0x80, 0xff, 0xfe, 0x81]) * 10)
    assert "UTF-8" in services.import_facility_master(garbage).errors[0]


def test_xlsx_list(services, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["施設コード", "施設名", "都道府県", "区分"])
    ws.append([3001, "架空県 北病院", "架空県", "地域がん診療病院"])
    ws.append(["3002", "架空県 南病院", None, None])
    path = tmp_path / "master.xlsx"
    wb.save(path)
    result = services.import_facility_master(path)
    assert result.ok and result.created == ["3001", "3002"]
    assert _facilities(services) == {"3001": ("架空県 北病院", "架空県", "regional_hospital"),
                                     "3002": ("架空県 南病院", "", "other")}
    assert "新規 2 件" in result.summary()
