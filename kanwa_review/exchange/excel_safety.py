"""Safe Excel cells and safe workbook opening: user text never becomes a formula, hostile
files are refused before openpyxl parses them.

Writing: every string that came from a user goes through `text_value`/`text_cell`. openpyxl
turns a string starting with "=" into a formula, and Excel, LibreOffice and CSV exports treat
"+", "-", "@" (and a leading tab or CR before them) as the start of a formula when a person
edits the cell. We therefore (1) force the cell type to string ('s') and (2) set Excel's
quotePrefix style flag, the xlsx form of OWASP's "prefix with a single quote" advice: the
value is shown and stored exactly as typed, and stays text when someone edits it later.

Reading: `open_workbook_safely` checks size, ZIP structure, member counts and uncompressed
sizes (zip bombs) and refuses any DOCTYPE/ENTITY declaration in the XML parts before openpyxl
(which itself parses through defusedxml) sees the file.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

MAX_WORKBOOK_BYTES = 10 * 1024 * 1024     # a filled 90-item template is ~40 kB
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 200
MAX_RATIO = 200                           # uncompressed / compressed, per member
EXCEL_CELL_LIMIT = 32_767                 # characters Excel keeps in one cell

# Characters that start a formula in Excel/LibreOffice/Sheets when a cell is edited or a
# sheet is saved as CSV (OWASP "CSV injection"), after optional leading tab/CR/LF.
_FORMULA_START = re.compile(r"^[\t\r\n ]*[=+\-@\uff1d\uff0b\uff0d\uff20]")


def is_formula_like(text: str) -> bool:
    return bool(_FORMULA_START.match(text))


def clean_text(text: str) -> str:
    """Strip characters the xlsx XML cannot hold and cut to Excel's cell limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[:EXCEL_CELL_LIMIT - 1] + "…"
    return text


def protect_cell(cell) -> None:
    """Make a cell that already holds a string a literal string, whatever it starts with."""
    cell.data_type = "s"
    cell.quotePrefix = True


def text_cell(ws, text: str, **style):
    """A write-only cell holding user text as text (for `ws.append`)."""
    cell = WriteOnlyCell(ws, value=clean_text(text))
    if is_formula_like(text):
        protect_cell(cell)
    for key, value in style.items():
        setattr(cell, key, value)
    return cell


def text_value(ws, text: str | None):
    """User text for an appended row: a plain str when harmless (fast), a protected cell
    otherwise; None stays an empty cell."""
    if text is None or text == "":
        return None
    text = clean_text(str(text))
    if is_formula_like(text):
        return text_cell(ws, text)
    return text


def set_text(cell, text: str | None) -> None:
    """Put user text into a normal-mode cell as text."""
    if text is None or text == "":
        cell.value = None
        return
    text = clean_text(str(text))
    cell.value = text
    if is_formula_like(text) or cell.data_type != "s":
        protect_cell(cell)


def display_width(text: str) -> int:
    """Width in Excel character units: East Asian wide/full-width characters count 2."""
    width = 0
    for ch in text:
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def column_width(values, *, minimum: int = 6, maximum: int = 60) -> float:
    """A column width that fits the longest line of its values (header included)."""
    longest = 0
    for v in values:
        if v is None:
            continue
        for line in str(v).splitlines() or [""]:
            longest = max(longest, display_width(line))
    return float(max(minimum, min(maximum, longest + 2)))


# --- reading ------------------------------------------------------------------------------

class WorkbookRefused(ValueError):
    """A file that is not opened at all (too big, not an xlsx, hostile XML)."""


@dataclass(frozen=True)
class SafetyReport:
    size: int
    members: int
    uncompressed: int


def check_workbook_file(path: str | Path) -> SafetyReport:
    """Everything that can be checked without parsing the workbook; raise WorkbookRefused."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise WorkbookRefused(f"{name}: ファイルが見つかりません。名前と場所を確認してください / file not "
                              "found; check the name and folder")
    if not path.is_file():
        raise WorkbookRefused(f"{name}: ファイルではありません（フォルダなど）。.xlsx ファイルを選んでください / "
                              "not a regular file (a folder?); choose an .xlsx file")
    size = path.stat().st_size
    if size > MAX_WORKBOOK_BYTES:
        raise WorkbookRefused(f"{name}: ファイルが大きすぎます（{size:,} バイト、上限 "
                              f"{MAX_WORKBOOK_BYTES:,}）。kanwa-review が書き出したブックに記入して"
                              f"ください / the file is {size:,} bytes; the limit is "
                              f"{MAX_WORKBOOK_BYTES:,}. A workbook made by kanwa-review (blank "
                              "checklist or progress sheet) is far smaller — fill in one of "
                              "those.")
    if not zipfile.is_zipfile(path):
        raise WorkbookRefused(f"{name}: Excel ブック（.xlsx）ではありません。Excel で「Excel ブック "
                              "(*.xlsx)」として保存し直して取り込んでください / not an .xlsx workbook "
                              "(not a ZIP file). Save it in Excel as 'Excel ブック (*.xlsx)' and "
                              "import again.")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise WorkbookRefused(f"{name}: Excel ブック（.xlsx）ではありません（.xls・.ods 等は"
                                      "読めません）。.xlsx で保存し直してください / a ZIP file but "
                                      "not an .xlsx workbook (no xl/workbook.xml). .xls and .ods "
                                      "files are not read; save as .xlsx.")
            if len(infos) > MAX_MEMBERS:
                raise WorkbookRefused(f"{name}: ブックの中身が多すぎます（{len(infos)} 個、上限 "
                                      f"{MAX_MEMBERS}）。kanwa-review が書き出したブックを使ってください "
                                      f"/ {len(infos)} parts inside the workbook; the limit is "
                                      f"{MAX_MEMBERS}. Use a workbook made by kanwa-review.")
            total = 0
            for info in infos:
                total += info.file_size
                if info.flag_bits & 0x1:
                    raise WorkbookRefused(f"{name}: パスワードで保護（暗号化）されています。パスワード"
                                          "なしで保存し直してください / the workbook is encrypted or "
                                          "password-protected; save it without a password to open")
                if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                        and info.file_size > 1024 * 1024:
                    raise WorkbookRefused(f"{name}: 圧縮率が異常なため開きません（{info.filename}、"
                                          f"{info.file_size // info.compress_size}倍、zip 爆弾の"
                                          f"可能性） / part {info.filename} expands "
                                          f"{info.file_size // info.compress_size}×; refused as a "
                                          "possible zip bomb")
            if total > MAX_UNCOMPRESSED_BYTES:
                raise WorkbookRefused(f"{name}: 展開後のサイズが上限を超えます（{total:,} バイト、上限 "
                                      f"{MAX_UNCOMPRESSED_BYTES:,}）/ {total:,} bytes "
                                      f"uncompressed; the limit is {MAX_UNCOMPRESSED_BYTES:,}")
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    _refuse_dtd(zf, info, name)
    except zipfile.BadZipFile as exc:
        raise WorkbookRefused(f"{name}: ブックが壊れています。Excel で開いて保存し直してください / "
                              f"the workbook is damaged ({exc}); save it again in Excel") from None
    return SafetyReport(size, len(infos), total)


_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _refuse_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Office never writes a DTD; one in an xlsx part is an entity-expansion (XML bomb) or
    external-entity attempt. openpyxl's defusedxml parser would refuse it too — this check
    names the part and fails before any parsing."""
    try:
        with zf.open(info) as fh:
            head = fh.read(64 * 1024)
    except (OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        # a part whose header points outside the file, cut-off or garbled compressed data,
        # an unknown compression method: the zip is damaged, not merely unusual
        raise WorkbookRefused(f"{name}: ブックが壊れています（{info.filename} を読めません）。Excel で"
                              "開いて .xlsx として保存し直してください / the workbook is damaged "
                              f"(part {info.filename} cannot be read: {type(exc).__name__}); open "
                              "it in Excel and save it again as .xlsx") from None
    if _DTD.search(head):
        raise WorkbookRefused(f"{name}: 表計算ソフトが書かない XML 宣言（{info.filename}）があるため"
                              f"開きません（XML 爆弾の可能性） / part {info.filename} declares XML "
                              "entities (DOCTYPE/ENTITY), which spreadsheet programs never write; "
                              "refused as a possible XML bomb")


def open_workbook_safely(path: str | Path):
    """Check then open read-only with cached values (never formulas)."""
    from openpyxl import load_workbook
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # the dependency is declared; refuse rather than parse unsafely
        raise WorkbookRefused("defusedxml is not installed; cannot read workbooks safely")
    check_workbook_file(path)
    try:
        return load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except WorkbookRefused:
        raise
    except Exception as exc:  # noqa: BLE001 — defusedxml's EntitiesForbidden, a broken part …
        kind = type(exc).__name__
        raise WorkbookRefused(f"{path}: ブックを読めませんでした。Excel で .xlsx として保存し直して"
                              f"ください / the workbook could not be read ({kind}: {exc}); save "
                              "it again in Excel as .xlsx") from None


def formula_cells_by_sheet(path: str | Path, sheets, *, max_col: int | None = None,
                           max_row: int | None = None) -> dict[str, set[tuple[int, int]]]:
    """`formula_cells` for several sheets in one pass over the file (sheet -> cells)."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception:  # noqa: BLE001 — the values were read already; this pass only adds checks
        return {}
    try:
        out: dict[str, set[tuple[int, int]]] = {}
        for sheet in sheets:
            if sheet not in wb.sheetnames:
                continue
            out[sheet] = {(cell.row, cell.column)
                          for row in wb[sheet].iter_rows(max_col=max_col, max_row=max_row)
                          for cell in row if getattr(cell, "data_type", None) == "f"}
        return out
    finally:
        wb.close()


def formula_cells(path: str | Path, sheet: str, *, max_col: int | None = None,
                  max_row: int | None = None) -> set[tuple[int, int]]:
    """(row, column) of every cell of `sheet` holding a formula (1-based).

    The readers take cached values only, and a formula written by a program other than Excel
    (or typed text such as "=1+1 …" that Excel never calculated) has no cached value: read
    with values alone it would silently become an empty cell. The readers use this second,
    formula-aware pass to name such cells instead of dropping what was typed. Call it only
    after `open_workbook_safely` accepted the file."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception:  # noqa: BLE001 — the values were read already; this pass only adds checks
        return set()
    try:
        if sheet not in wb.sheetnames:
            return set()
        found = set()
        for row in wb[sheet].iter_rows(max_col=max_col, max_row=max_row):
            for cell in row:
                if getattr(cell, "data_type", None) == "f":
                    found.add((cell.row, cell.column))
        return found
    finally:
        wb.close()
