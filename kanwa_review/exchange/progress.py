"""Progress returns (進捗の報告): the visited hospital reports how its improvement actions are
going, and the hub imports the report.

Two carriers, one rule set:
  - the **Actions sheet** of an Excel workbook — the small progress
    workbook `progress-export -o X.xlsx` makes for one facility — with the yellow columns
    新しい状況・進捗メモ・進捗日・記入者 filled in (columns are found by their headers);
  - a **JSON progress file** (`kanwa-progress`, schema progress.schema.json) made by
    `progress-export -o X.json`, to which progress notes are appended.

This module reads and checks a file against the actions held (given by the caller) and writes
the JSON file; no database. `Services.import_progress` (services/progress_files.py) applies
each report as `add_progress` (status + dated note, audited): a report older than the action's
stored state is skipped and listed as "stale" (never written over newer data); a report
already held is "unchanged", so re-importing a file is a no-op. Nothing is written unless every
row of the file is valid. Errors name the file, the sheet and cell (or JSON path), and the fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from kanwa_review.core.dates import JST
from kanwa_review.core.pdca import (
    CLOCK_SKEW,
    MAX_NAME,
    MAX_NOTE,
    ImprovementAction,
    normalise_timestamp,
    now_timestamp,
    parse_status,
    parse_timestamp,
)
from kanwa_review.core.i18n import translate
from kanwa_review.core.resources import schema_path
from kanwa_review.core.review import Facility

FORMAT_NAME = "kanwa-progress"
FORMAT_VERSION = 1
MAX_JSON_BYTES = 4 * 1024 * 1024
MAX_ROWS = 20_000
SHEET_NAMES = ("Actions", "改善計画")
SCHEMA_PATH = schema_path("progress.schema.json")

# headers of the Actions sheet (exchange/excel_return.py writes them)
H_UUID, H_FACILITY = "改善計画ID", "施設コード"
H_STATUS, H_NOTE, H_DATE, H_AUTHOR = ("新しい状況（記入）", "進捗メモ（記入）", "進捗日（記入）",
                                      "記入者（記入）")
FIX_SHEET = ("kanwa-review が書き出した Actions シートの見出しを変えずに記入してください / fill in "
             "the Actions sheet as exported, without renaming its headers")


class ProgressRefused(ValueError):
    """The file was refused as a whole (not a progress file, too big, unreadable)."""


@dataclass(frozen=True)
class Report:
    """One progress report read from a file, validated, not yet applied."""

    place: str                 # "Actions!P12" or "actions[2].progress[3]"
    action_uuid: str
    status: str | None         # None: keep the stored status (a note only)
    note: str
    at: str                    # normalised timestamp
    author: str = ""


# --- export -------------------------------------------------------------------------------

def progress_document(facility: Facility, actions: list[ImprovementAction]) -> dict:
    """A kanwa-progress JSON document of a facility's actions."""
    return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION,
            "exported_at": now_timestamp(),
            "facility": {"code": facility.code, "name": facility.name},
            "actions": [_action_entry(a) for a in actions]}


def write_progress_json(doc: dict, out: Path) -> Path:
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(out)
    finally:  # a failed write (disk full, `out` is a folder) leaves no .part file behind
        tmp.unlink(missing_ok=True)
    return out


def _action_entry(a: ImprovementAction) -> dict:
    return {"uuid": a.uuid, "title": a.title, "owner_role": a.owner_role,
            "owner_name": a.owner_name,
            "due_date": a.due_date.isoformat() if a.due_date else None,
            "success_measure": a.success_measure, "item_codes": list(a.item_codes),
            "status": a.status, "updated_at": a.updated_at,
            "progress": [{"at": p.at, "status": p.status, "note": p.note, "author": p.author}
                         for p in a.progress]}


# --- reading ------------------------------------------------------------------------------

def read_reports(path: str | Path, held: Mapping[str, ImprovementAction]
                 ) -> tuple[list[Report], list[str]]:
    """Every progress report of a file, validated against the actions `held` (by uuid: of the
    right facility, dates not in the future). Returns (reports, errors); raises
    ProgressRefused for a file that cannot be read at all."""
    path = Path(path)
    if path.is_dir():
        raise ProgressRefused(f"{path}: フォルダです。進捗ファイル（.xlsx か .json）を指定してください / "
                              "this is a folder; give a progress file (.xlsx or .json)")
    if path.suffix.lower() == ".xlsx":
        return _read_workbook(path, held)
    if path.suffix.lower() == ".json":
        return _read_json(path, held)
    raise ProgressRefused(f"{path}: 進捗ファイルは .xlsx（Actions シート）か .json です / a "
                          "progress file is an .xlsx workbook (Actions sheet) or a .json "
                          "progress file")


def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


_DATE_TEXT = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def _report_time(v: Any) -> datetime | None:
    """When a report was made, from a date cell: a date means "as of the end of that day" in
    Japan (so a report filled in on the day the sheet was exported is newer than the export);
    a date with a time of day is taken as that Japan time. None when not a date."""
    if isinstance(v, datetime):
        if v.time() == time(0, 0):
            return datetime.combine(v.date(), time(23, 59, 59, 999000), JST)
        return v.replace(tzinfo=JST) if v.tzinfo is None else v
    if isinstance(v, date):
        return datetime.combine(v, time(23, 59, 59, 999000), JST)
    m = _DATE_TEXT.match(_cell_text(v))
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return datetime.combine(d, time(23, 59, 59, 999000), JST)
    return None


def _read_workbook(path: Path, held: Mapping[str, ImprovementAction]
                   ) -> tuple[list[Report], list[str]]:
    from openpyxl.utils import get_column_letter

    from kanwa_review.exchange.excel_safety import (
        WorkbookRefused,
        formula_cells,
        open_workbook_safely,
    )

    try:
        wb = open_workbook_safely(path)
    except WorkbookRefused as exc:
        raise ProgressRefused(str(exc)) from None
    try:
        sheet_name = next((n for n in SHEET_NAMES if n in wb.sheetnames), None)
        if sheet_name is None:
            raise ProgressRefused(
                f"{path}: Actions シートがありません（シート: {', '.join(wb.sheetnames[:10])}） / "
                "the workbook has no 'Actions' sheet. Use the progress workbook made by "
                "`kanwa-review progress-export -o FILE.xlsx`.")
        ws = wb[sheet_name]
        rows = ws.iter_rows(values_only=True)
        header = [(_cell_text(h)) for h in next(rows, ())]
        col = {h: i for i, h in enumerate(header) if h}
        missing = [h for h in (H_UUID, H_STATUS, H_NOTE, H_DATE) if h not in col]
        if missing and H_UUID in col and not any(h in col for h in (H_STATUS, H_NOTE, H_DATE)):
            # the 改善計画 sheet of the prefectural return: for reading, no input columns
            raise ProgressRefused(translate(
                "progress", "{path} › {sheet}: これは都道府県向け集計表の改善計画シートで、進捗を"
                            "記入する列がありません。施設ごとの進捗報告シート（kanwa-review "
                            "progress-export --facility 施設コード -o 進捗.xlsx）に記入して取り込んで"
                            "ください").format(path=path, sheet=sheet_name))
        if missing:
            raise ProgressRefused(
                f"{path} › {sheet_name}!1行目: 見出し {', '.join(missing)} がありません / the "
                f"header row lacks {', '.join(missing)}. {FIX_SHEET}.")
        letter = {h: get_column_letter(i + 1) for h, i in col.items()}
        errors: list[str] = []
        raw: list[tuple[int, dict]] = []
        for n, values in enumerate(rows, start=2):
            if n > MAX_ROWS + 1:
                errors.append(f"{path} › {sheet_name}: {MAX_ROWS:,} 行を超えています / more than "
                              f"{MAX_ROWS:,} rows; split the file")
                break
            cell = {h: (values[i] if i < len(values) else None) for h, i in col.items()}
            raw.append((n, cell))
    finally:
        wb.close()
    # A formula whose result was never saved reads as an empty cell: name it rather than
    # silently dropping the note (or the whole row) that was typed there.
    inputs = [h for h in (H_STATUS, H_NOTE, H_DATE, H_AUTHOR) if h in col]
    formulas = formula_cells(path, sheet_name, max_row=MAX_ROWS + 1,
                             max_col=max(col[h] for h in inputs) + 1)

    reports = []
    for n, cell in raw:
        def bad(h: str, ja: str, en: str, n: int = n) -> None:
            errors.append(f"{path} › {sheet_name}!{letter.get(h, '?')}{n}: {ja} / {en}")

        lost = [h for h in inputs if (n, col[h] + 1) in formulas
                and (cell.get(h) in (None, "") or str(cell.get(h)).startswith("#"))]
        for h in lost:
            bad(h, "数式が入っていて、その結果を読み取れません（数式は取り込みません）", "the cell holds a "
                "formula whose result cannot be read; type the text itself (text that starts "
                "with = needs a ' in front)")
        if lost:
            continue
        given = [cell.get(h) not in (None, "") for h in (H_STATUS, H_NOTE, H_DATE)]
        if not any(given) and not _cell_text(cell.get(H_AUTHOR)):
            continue  # a row nobody filled in

        action_uuid = _cell_text(cell.get(H_UUID))
        action = held.get(action_uuid)
        if action is None:
            bad(H_UUID, f"改善計画ID「{action_uuid[:40]}」はこのデータベースにありません。ID の列は変更"
                "しないでください", f"improvement action id {action_uuid[:40]!r} is not held "
                "here; do not edit the ID column (use the sheet exported by this hub)")
            continue
        code = _cell_text(cell.get(H_FACILITY)) if H_FACILITY in col else action.facility_code
        if code and code != action.facility_code:
            bad(H_FACILITY, f"施設コード {code} はこの改善計画の施設（{action.facility_code}）と違います",
                f"facility {code} does not match the action's facility "
                f"{action.facility_code}; do not copy rows between facilities")
            continue
        # every problem of the row is reported at once, so one round of fixes is enough
        row_ok = True
        status = None
        if cell.get(H_STATUS) not in (None, ""):
            try:
                status = parse_status(_cell_text(cell.get(H_STATUS)))
            except ValueError:
                bad(H_STATUS, f"状況「{_cell_text(cell.get(H_STATUS))[:20]}」は 未着手・進行中・完了・"
                    "見送り のいずれかにしてください", "status must be one of 未着手, 進行中, 完了, "
                    "見送り (choose from the list)")
                row_ok = False
        note = _cell_text(cell.get(H_NOTE))
        if len(note) > MAX_NOTE:
            bad(H_NOTE, f"進捗メモは {MAX_NOTE:,} 文字以内にしてください", f"the note is over "
                f"{MAX_NOTE:,} characters; shorten it")
            row_ok = False
        elif row_ok and status is None and not note:
            bad(H_STATUS, "新しい状況か進捗メモを記入してください", "fill in a new status or a "
                "progress note (or clear the row)")
            row_ok = False
        when = _report_time(cell.get(H_DATE))
        if cell.get(H_DATE) in (None, ""):
            bad(H_DATE, "進捗日を記入してください（その日の状況として記録します）", "enter the date "
                "of this progress report (e.g. 2026-02-01)")
            continue
        if when is None:
            bad(H_DATE, f"進捗日「{_cell_text(cell.get(H_DATE))[:20]}」が日付ではありません。"
                "2026-02-01 のように入力してください", "the progress date is not a date; "
                "enter it like 2026-02-01")
            continue
        if not _not_future(when):
            bad(H_DATE, "進捗日が未来の日付です", "the progress date is in the future; "
                "check it")
            continue
        if not row_ok:
            continue
        author = _cell_text(cell.get(H_AUTHOR))[:MAX_NAME]
        reports.append(Report(f"{sheet_name}!{letter[H_STATUS]}{n}", action.uuid, status, note,
                              normalise_timestamp(when), author))
    return reports, errors


def _not_future(when: datetime) -> bool:
    return parse_timestamp(when) <= datetime.now(UTC) + CLOCK_SKEW


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _json_path(path) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(top)"


def _schema_message(error) -> str:
    """A schema error in words a hospital clerk can act on (no regular expressions)."""
    field = error.path[-1] if error.path else ""
    if error.validator == "pattern" and field == "at":
        return (f"日時 {str(error.instance)[:40]!r} は 2026-02-01 または 2026-02-01T09:30:00+09:00 の"
                "形式で入力してください / write the date like 2026-02-01 (or "
                "2026-02-01T09:30:00+09:00)")
    if error.validator == "pattern":
        return (f"値 {str(error.instance)[:40]!r} の形式が違います / the value "
                f"{str(error.instance)[:40]!r} is not in the expected form")
    if error.validator == "enum":
        allowed = "、".join(map(str, error.validator_value))
        return (f"{str(error.instance)[:40]!r} は使えません。次のいずれかにしてください: {allowed} / "
                f"{str(error.instance)[:40]!r} is not one of the allowed values: {allowed}")
    if error.validator == "required":
        return f"必要な項目がありません / {error.message[:160]}"
    if error.validator == "type":
        return f"値の種類が違います / {error.message[:160]}"
    return f"形式に合いません / {error.message[:160]}"


def _read_json(path: Path, held: Mapping[str, ImprovementAction]
               ) -> tuple[list[Report], list[str]]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ProgressRefused(f"{path}: 読み込めません / cannot be read ({exc.strerror})") from None
    if size > MAX_JSON_BYTES:
        raise ProgressRefused(f"{path}: ファイルが大きすぎます（{size:,} バイト、上限 "
                              f"{MAX_JSON_BYTES:,}） / the file is over the size limit")
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"),
                         parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProgressRefused(f"{path}: JSON として読めません（{str(exc)[:120]}） / not valid "
                              "JSON (UTF-8). Use the file made by `kanwa-review "
                              "progress-export -o FILE.json`.") from None
    if isinstance(doc, dict) and isinstance(doc.get("format_version"), int) \
            and doc.get("format") == FORMAT_NAME and doc["format_version"] > FORMAT_VERSION:
        raise ProgressRefused(f"{path}: 新しい形式（第{doc['format_version']}版）の進捗ファイルです。"
                              "アプリを更新してください / a newer progress-file version; update "
                              "the app")
    problems = sorted(_validator().iter_errors(doc), key=lambda e: list(map(str, e.path)))
    if problems:
        return [], [f"{path} › {_json_path(e.path)}: {_schema_message(e)}; use the file made by "
                    "`kanwa-review progress-export`" for e in problems[:20]]
    code = doc["facility"]["code"]
    errors: list[str] = []
    reports: list[Report] = []
    for n, entry in enumerate(doc["actions"]):
        place = f"actions[{n}]"
        action = held.get(entry["uuid"])
        if action is None:
            errors.append(f"{path} › {place}.uuid: 改善計画 {entry['uuid']} はこのデータベースにありません"
                          f" / action {entry['uuid']} is not held here; do not change uuids")
            continue
        if action.facility_code != code:
            errors.append(f"{path} › {place}.uuid: この改善計画は施設 {action.facility_code} の"
                          f"ものです（ファイルは {code}） / the action belongs to facility "
                          f"{action.facility_code}, the file to {code}")
            continue
        held_keys = {p.key() for p in action.progress}
        for k, p in enumerate(entry["progress"]):
            where = f"{place}.progress[{k}]"
            try:
                at = normalise_timestamp(_json_time(p["at"]))
                status = parse_status(p["status"])
            except ValueError as exc:
                errors.append(f"{path} › {where}: {exc}")
                continue
            if (at, status, p.get("note", "").strip()) in held_keys:
                continue   # exported from here: nothing to report
            if not _not_future(parse_timestamp(at)):
                errors.append(f"{path} › {where}.at: 日時が未来です / the time is in the future; "
                              "check the clock")
                continue
            reports.append(Report(where, action.uuid, status, p.get("note", "").strip(), at,
                                  str(p.get("author", "")).strip()[:MAX_NAME]))
    return reports, errors


def _json_time(text: str) -> datetime:
    """A JSON `at`: a date alone means the end of that day in Japan, like a date cell of the
    Actions sheet; a time without an offset is Japan time; an offset is kept."""
    if len(text) == 10:
        when = _report_time(text)
        if when is None:
            raise ValueError(f"日付 {text!r} が正しくありません (not a valid date)")
        return when
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"日時 {text!r} は 2026-02-01T09:30:00+09:00 の形式で入力してください "
                         "(timestamp must be ISO 8601)") from None
    return dt.replace(tzinfo=JST) if dt.tzinfo is None else dt
