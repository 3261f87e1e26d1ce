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

import errno
import re
import sys
import traceback
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kanwa_review.core.i18n import translate

MAX_WORKBOOK_BYTES = 10 * 1024 * 1024     # a filled 90-item template is ~40 kB
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 200
MAX_RATIO = 200                           # uncompressed / compressed, per member
# Caps read from the ZIP directory and a byte scan, before openpyxl parses anything: openpyxl
# loads every shared string up front (100 MB of them took 36 s and 538 MB), and parses each
# sheet whole just to open the workbook when the sheet lacks a <dimension> (a 1,000,000-row
# sheet took 20 s to be refused). Excel, LibreOffice and this app always write the dimension;
# the caps on rows and cells apply to sheets without one. The largest real workbook read back
# is a prefectural return (500 facilities × 2 years: 80,000 rows and 1.2 million cells in its
# item sheet, all with dimensions).
MAX_SHARED_STRINGS_BYTES = 16 * 1024 * 1024
MAX_SHEET_ROWS = 100_000
MAX_CELLS = 1_500_000
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>/]")
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


@contextmanager
def failing_quietly() -> Iterator[None]:
    """Around writing a workbook: a write that fails (a full disk, also where openpyxl keeps
    its temporary files) leaves openpyxl's writer generators half-way; collected later they
    try to finish writing and print "Exception ignored" tracebacks, and a later write may
    fail with "I/O operation on closed file" instead of the real cause. Here the failed
    write's frames are released at once (their generators closed while a quiet hook is in
    place) and the error that leaves is the OSError that caused it."""
    try:
        yield
    except (OSError, ValueError) as exc:
        cause = _os_error_of(exc)
        if cause is None:
            raise
        tb = exc.__traceback__
        old_hook = sys.unraisablehook
        sys.unraisablehook = lambda _unraisable: None
        try:
            traceback.clear_frames(tb)
            for link in _chain(exc):
                if link.__traceback__ is not None:
                    traceback.clear_frames(link.__traceback__)
            import gc

            gc.collect()
        finally:
            sys.unraisablehook = old_hook
        raise OSError(cause.errno, cause.strerror, cause.filename) from None


def _chain(exc: BaseException) -> list[BaseException]:
    out, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        out.append(exc)
        exc = exc.__cause__ or exc.__context__
    return out


def _os_error_of(exc: BaseException) -> OSError | None:
    """The OSError behind a failed write: itself, or the one a "closed file" ValueError came
    from; a ValueError of another kind is not a write failure (None)."""
    for link in _chain(exc):
        if isinstance(link, OSError):
            return link
    if isinstance(exc, ValueError) and "closed file" in str(exc):
        return OSError(errno.EIO, "書き込みが途中で失敗しました（空き容量を確認してください）")
    return None


# --- reading ------------------------------------------------------------------------------

class WorkbookRefused(ValueError):
    """A file that is not opened at all (too big, not an xlsx, hostile XML)."""


@dataclass(frozen=True)
class SafetyReport:
    size: int
    members: int
    uncompressed: int


def check_workbook_file(path: str | Path, row_limits: dict[str, int] | None = None
                        ) -> SafetyReport:
    """Everything that can be checked without parsing the workbook; raise WorkbookRefused.
    `row_limits`: sheet name -> the most rows the caller reads from it (a sheet over it is
    refused here, from the byte scan, instead of after openpyxl has read it)."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise WorkbookRefused(translate(
            "excel_safety", "{name}: ファイルが見つかりません。名前と場所を確認してください").format(name=name))
    if not path.is_file():
        raise WorkbookRefused(translate(
            "excel_safety", "{name}: ファイルではありません（フォルダなど）。.xlsx ファイルを選んでください"
        ).format(name=name))
    size = path.stat().st_size
    if size > MAX_WORKBOOK_BYTES:
        raise WorkbookRefused(translate(
            "excel_safety", "{name}: ファイルが大きすぎます（{size:,} バイト、上限 {limit:,}）。kanwa-review が"
                            "書き出したブック（空の評価票・進捗報告シート）はずっと小さいので、そのどれかに"
                            "記入してください").format(name=name, size=size, limit=MAX_WORKBOOK_BYTES))
    if not zipfile.is_zipfile(path):
        raise WorkbookRefused(translate(
            "excel_safety", "{name}: Excel ブック（.xlsx）ではありません（ZIP 形式ではない）。Excel で"
                            "「Excel ブック (*.xlsx)」として保存し直して取り込んでください").format(name=name))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise WorkbookRefused(translate(
                    "excel_safety", "{name}: ZIP ファイルですが Excel ブック（.xlsx）ではありません"
                                    "（xl/workbook.xml がない）。.xls・.ods 等は読めません。.xlsx で保存し直して"
                                    "ください").format(name=name))
            if len(infos) > MAX_MEMBERS:
                raise WorkbookRefused(translate(
                    "excel_safety", "{name}: ブックの中身が多すぎます（{count} 個、上限 {limit}）。"
                                    "kanwa-review が書き出したブックを使ってください").format(
                                        name=name, count=len(infos), limit=MAX_MEMBERS))
            total = 0
            for info in infos:
                total += info.file_size
                if info.flag_bits & 0x1:
                    raise WorkbookRefused(translate(
                        "excel_safety", "{name}: パスワードで保護（暗号化）されています。パスワードなしで"
                                        "保存し直してください").format(name=name))
                if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                        and info.file_size > 1024 * 1024:
                    raise WorkbookRefused(translate(
                        "excel_safety", "{name}: 圧縮率が異常なため開きません（{part}、{ratio}倍、zip 爆弾の"
                                        "可能性）").format(name=name, part=info.filename,
                                                         ratio=info.file_size // info.compress_size))
            if total > MAX_UNCOMPRESSED_BYTES:
                raise WorkbookRefused(translate(
                    "excel_safety", "{name}: 展開後のサイズが上限を超えます（{size:,} バイト、上限 {limit:,}）"
                ).format(name=name, size=total, limit=MAX_UNCOMPRESSED_BYTES))
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    _refuse_dtd(zf, info, name)
            _refuse_oversized_content(zf, infos, name, row_limits)
    except zipfile.BadZipFile as exc:
        raise WorkbookRefused(translate(
            "excel_safety", "{name}: ブックが壊れています（{reason}）。Excel で開いて保存し直してください"
        ).format(name=name, reason=exc)) from None
    return SafetyReport(size, len(infos), total)


_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_SCAN_CHUNK = 1024 * 1024


_SHEET_RE = re.compile(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]+)"[^>]*?\br:id="([^"]+)"')
_REL_RE = re.compile(r'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"|'
                     r'<Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\bId="([^"]+)"')


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part in the ZIP (xl/worksheets/sheetN.xml), from workbook.xml and its
    relationships, without an XML parser (names are XML-escaped as written)."""
    from xml.sax.saxutils import unescape

    try:
        wb = zf.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return {}
    targets = {}
    for m in _REL_RE.finditer(rels):
        rid, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        targets[rid] = target.lstrip("/")
    out = {}
    for m in _SHEET_RE.finditer(wb):
        target = targets.get(m.group(2))
        if target:
            out[unescape(m.group(1), {"&quot;": '"', "&apos;": "'"})] = (
                target if target.startswith("xl/") else f"xl/{target}")
    return out


_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,20}:)?dimension\b")
_SHEET_DATA = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,20}:)?sheetData\b")


def _has_dimension(head: bytes) -> bool:
    """A <dimension> before the sheet data: openpyxl then reads the sheet's size from it
    rather than by parsing the whole sheet when the workbook is opened."""
    found = _DIMENSION.search(head)
    data = _SHEET_DATA.search(head)
    return found is not None and (data is None or found.start() < data.start())


def _refuse_oversized_content(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str,
                              row_limits: dict[str, int] | None) -> None:
    """Shared strings capped by their size in the ZIP directory; then the sheets' bytes are
    scanned (no XML parsing), stopping as soon as a cap is passed: a sheet without a
    <dimension> — which openpyxl would parse whole just to open the workbook — may have at
    most MAX_SHEET_ROWS rows and, together with the other such sheets, MAX_CELLS cells; a sheet
    the caller reads may have at most its `row_limits` rows."""
    for info in infos:
        if info.filename.lower().endswith("sharedstrings.xml") \
                and info.file_size > MAX_SHARED_STRINGS_BYTES:
            raise WorkbookRefused(translate(
                "excel_safety", "{name}: 文字列の表（{part}）が大きすぎます（{size:,} バイト、上限 "
                                "{limit:,}）。kanwa-review が書き出したブックに記入してください").format(
                name=name, part=info.filename, size=info.file_size,
                limit=MAX_SHARED_STRINGS_BYTES))
    limits: dict[str, tuple[str, int]] = {}
    if row_limits:
        parts = sheet_parts(zf)
        limits = {parts[sheet].lower(): (sheet, limit) for sheet, limit in row_limits.items()
                  if sheet in parts}
    cells = 0
    for info in infos:
        lower = info.filename.lower()
        if not (lower.startswith("xl/worksheets/") and lower.endswith(".xml")):
            continue
        sheet, limit = limits.get(lower, (None, None))
        try:
            rows, cells, bare = _scan(zf, info, limit, cells)
        except (OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
            raise WorkbookRefused(translate(
                "excel_safety", "{name}: ブックが壊れています（{part} を読めません: {kind}）。Excel で開いて"
                                " .xlsx として保存し直してください").format(
                                    name=name, part=info.filename, kind=type(exc).__name__)) from None
        if limit is not None and rows > limit:
            raise WorkbookRefused(translate(
                "excel_safety", "{name}: シート「{sheet}」の行が多すぎます（{limit:,} 行まで）。"
                                "ファイルを分けて取り込んでください").format(
                name=name, sheet=sheet, limit=limit))
        if bare and rows > MAX_SHEET_ROWS:
            raise WorkbookRefused(translate(
                "excel_safety", "{name}: シート（{part}）の行が多すぎます（{limit:,} 行を超えています）。"
                                "kanwa-review が書き出したブックに記入してください").format(
                name=name, part=info.filename, limit=MAX_SHEET_ROWS))
        if cells > MAX_CELLS:
            raise WorkbookRefused(translate(
                "excel_safety", "{name}: ブックのセルが多すぎます（{limit:,} 個を超えています）。"
                                "kanwa-review が書き出したブックに記入してください").format(
                name=name, limit=MAX_CELLS))


def _scan(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int | None, cells: int
          ) -> tuple[int, int, bool]:
    """(rows, cells so far, no <dimension>) of one sheet, counted in its bytes; a sheet with
    a dimension and no row limit is not counted at all."""
    rows = 0
    with zf.open(info) as fh:
        chunk = fh.read(_SCAN_CHUNK)
        bare = not _has_dimension(chunk)
        if not bare and limit is None:
            return 0, cells, False
        tail = b""
        while chunk:
            data = tail + chunk
            # the last tag may be cut by the chunk's end: count it with the next one
            cut = data.rfind(b"<")
            if cut <= 0:
                cut = len(data)
            head, tail = data[:cut], data[cut:]
            rows += len(_ROW_TAG.findall(head))
            if bare:
                cells += len(_CELL_TAG.findall(head))
            if (limit is not None and rows > limit) or (bare and (
                    rows > MAX_SHEET_ROWS or cells > MAX_CELLS)):
                return rows, cells, bare
            chunk = fh.read(_SCAN_CHUNK)
        rows += len(_ROW_TAG.findall(tail))
        if bare:
            cells += len(_CELL_TAG.findall(tail))
    return rows, cells, bare


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
        raise WorkbookRefused(translate(
            "excel_safety", "{name}: ブックが壊れています（{part} を読めません: {kind}）。Excel で開いて"
                            " .xlsx として保存し直してください").format(
                                name=name, part=info.filename, kind=type(exc).__name__)) from None
    if _DTD.search(head):
        raise WorkbookRefused(translate(
            "excel_safety", "{name}: 表計算ソフトが書かない XML 宣言（DOCTYPE・ENTITY）が {part} にあるため"
                            "開きません（XML 爆弾の可能性）").format(name=name, part=info.filename))


def open_workbook_safely(path: str | Path, row_limits: dict[str, int] | None = None):
    """Check (`check_workbook_file`, with the caller's `row_limits`) then open read-only
    with cached values (never formulas)."""
    from openpyxl import load_workbook
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # the dependency is declared; refuse rather than parse unsafely
        raise WorkbookRefused("defusedxml is not installed; cannot read workbooks safely")
    check_workbook_file(path, row_limits)
    try:
        return load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except WorkbookRefused:
        raise
    except Exception as exc:  # noqa: BLE001 — defusedxml's EntitiesForbidden, a broken part …
        kind = type(exc).__name__
        raise WorkbookRefused(translate(
            "excel_safety", "{name}: ブックを読めませんでした（{kind}: {reason}）。Excel で .xlsx として"
                            "保存し直してください").format(name=path, kind=kind, reason=exc)) from None


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
