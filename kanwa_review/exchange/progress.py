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

from kanwa_review.core import bounds, text_policy
from kanwa_review.core.dates import JST
from kanwa_review.core.i18n import translate
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
from kanwa_review.core.resources import schema_path
from kanwa_review.core.review import Facility
from kanwa_review.exchange import document_bounds

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
def _fix_sheet() -> str:
    return translate("progress", "kanwa-review が書き出した Actions シートの見出しを変えずに記入してください")


# what the bounds walk treats as free text in a progress file (the `at` times have their own
# reading: a date alone, a time without an offset)
PROGRESS_RULES = document_bounds.Rules(free=frozenset({"note", "title", "success_measure"}))


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
        raise ProgressRefused(translate(
            "progress", "{path}: フォルダです。進捗ファイル（.xlsx か .json）を指定してください").format(path=path))
    not_a_file = bounds.regular_file_problem(path)   # a FIFO named x.json would block
    if not_a_file is not None:
        raise ProgressRefused(f"{path}: {not_a_file}")
    if path.suffix.lower() == ".xlsx":
        return _read_workbook(path, held)
    if path.suffix.lower() == ".json":
        return _read_json(path, held)
    raise ProgressRefused(translate(
        "progress", "{path}: 進捗ファイルは .xlsx（Actions シート）か .json の進捗ファイルです").format(path=path))


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

    try:   # a sheet over the row limit is refused from the byte scan, before it is read
        wb = open_workbook_safely(path, {n: MAX_ROWS + 1 for n in SHEET_NAMES})
    except WorkbookRefused as exc:
        raise ProgressRefused(str(exc)) from None
    try:
        sheet_name = next((n for n in SHEET_NAMES if n in wb.sheetnames), None)
        if sheet_name is None:
            raise ProgressRefused(translate(
                "progress", "{path}: Actions シートがありません（シート: {sheets}）。"
                            "`kanwa-review progress-export -o ファイル.xlsx` で作った進捗報告シートを使って"
                            "ください").format(path=path, sheets=", ".join(wb.sheetnames[:10])))
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
            raise ProgressRefused(translate(
                "progress", "{path} › {sheet}!1行目: 見出し {headers} がありません。{fix}").format(
                    path=path, sheet=sheet_name, headers=", ".join(missing), fix=_fix_sheet()))
        letter = {h: get_column_letter(i + 1) for h, i in col.items()}
        errors: list[str] = []
        raw: list[tuple[int, dict]] = []
        for n, values in enumerate(rows, start=2):
            if n > MAX_ROWS + 1:
                errors.append(translate(
                    "progress", "{path} › {sheet}: {limit:,} 行を超えています。ファイルを分けてください").format(
                        path=path, sheet=sheet_name, limit=MAX_ROWS))
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
        def bad(h: str, message: str, n: int = n) -> None:
            errors.append(f"{path} › {sheet_name}!{letter.get(h, '?')}{n}: {message}")

        lost = [h for h in inputs if (n, col[h] + 1) in formulas
                and (cell.get(h) in (None, "") or str(cell.get(h)).startswith("#"))]
        for h in lost:
            bad(h, translate("progress", "数式が入っていて、その結果を読み取れません（数式は取り込みません）。"
                                         "文字そのものを入力してください（= で始まる文字は先頭に ' を付けます）"))
        if lost:
            continue
        given = [cell.get(h) not in (None, "") for h in (H_STATUS, H_NOTE, H_DATE)]
        if not any(given) and not _cell_text(cell.get(H_AUTHOR)):
            continue  # a row nobody filled in

        action_uuid = _cell_text(cell.get(H_UUID))
        action = held.get(action_uuid)
        if action is None:
            bad(H_UUID, translate("progress", "改善計画ID「{action}」はこのデータベースにありません。ID の列は"
                                              "変更しないでください（この拠点が書き出したシートを使います）").format(
                action=action_uuid[:40]))
            continue
        code = _cell_text(cell.get(H_FACILITY)) if H_FACILITY in col else action.facility_code
        if code and code != action.facility_code:
            bad(H_FACILITY, translate("progress", "施設コード {code} はこの改善計画の施設（{held}）と違います。"
                                                  "施設の間で行を写さないでください").format(
                code=code, held=action.facility_code))
            continue
        # every problem of the row is reported at once, so one round of fixes is enough
        row_ok = True
        status = None
        if cell.get(H_STATUS) not in (None, ""):
            try:
                status = parse_status(_cell_text(cell.get(H_STATUS)))
            except ValueError:
                bad(H_STATUS, translate("progress", "状況「{status}」は 未着手・進行中・完了・見送り の"
                                                    "いずれかにしてください（一覧から選びます）").format(
                    status=_cell_text(cell.get(H_STATUS))[:20]))
                row_ok = False
        note = _cell_text(cell.get(H_NOTE))
        for h, text, kind in ((H_NOTE, note, text_policy.FREE),
                              (H_AUTHOR, _cell_text(cell.get(H_AUTHOR)), text_policy.LINE)):
            rule = text_policy.problem(text, kind)
            if rule is not None:
                errors.append(f"{path} › {sheet_name}!{letter.get(h, '?')}{n}: {rule}")
                row_ok = False
        if len(note) > MAX_NOTE:
            bad(H_NOTE, translate("progress", "進捗メモは {limit:,} 文字以内にしてください").format(
                limit=MAX_NOTE))
            row_ok = False
        elif row_ok and status is None and not note:
            bad(H_STATUS, translate("progress", "新しい状況か進捗メモを記入してください（または行を空に"
                                                "してください）"))
            row_ok = False
        when = _report_time(cell.get(H_DATE))
        if cell.get(H_DATE) in (None, ""):
            bad(H_DATE, translate("progress", "進捗日を記入してください（例: 2026-02-01。その日の状況として"
                                              "記録します）"))
            continue
        if when is None:
            bad(H_DATE, translate("progress", "進捗日「{date}」が日付ではありません。2026-02-01 のように"
                                              "入力してください").format(
                date=_cell_text(cell.get(H_DATE))[:20]))
            continue
        if not bounds.YEAR_MIN <= when.year <= bounds.YEAR_MAX:
            errors.append(f"{path} › {sheet_name}!{letter.get(H_DATE, '?')}{n}: " + translate(
                "progress", "進捗日は {low} 年から {high} 年までの日付にしてください").format(
                low=bounds.YEAR_MIN, high=bounds.YEAR_MAX))
            continue
        if not _not_future(when):
            bad(H_DATE, translate("progress", "進捗日が未来の日付です。確かめてください"))
            continue
        if not row_ok:
            continue
        author = text_policy.normal(_cell_text(cell.get(H_AUTHOR))[:MAX_NAME])
        reports.append(Report(f"{sheet_name}!{letter[H_STATUS]}{n}", action.uuid, status,
                              text_policy.normal(note), normalise_timestamp(when), author))
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
    if error.validator == "pattern" and isinstance(error.instance, str):
        for kind in (text_policy.FREE, text_policy.LINE):
            rule = text_policy.problem(error.instance, kind)
            if rule is not None:
                return rule
    if error.validator == "pattern" and field == "at":
        return (translate("progress", "日時 {value} は 2026-02-01 または 2026-02-01T09:30:00+09:00 の形式で"
                                      "入力してください").format(value=repr(str(error.instance)[:40]))
                + translate(
                    "progress", "（{low} 年から {high} 年までの日付、時差は ±14:00 まで）").format(
                    low=bounds.YEAR_MIN, high=bounds.YEAR_MAX))
    if error.validator == "pattern":
        return translate("progress", "値 {value} の形式が違います").format(
            value=repr(str(error.instance)[:40]))
    if error.validator == "enum":
        allowed = "、".join(map(str, error.validator_value))
        return translate("progress", "{value} は使えません。次のいずれかにしてください: {allowed}").format(
            value=repr(str(error.instance)[:40]), allowed=allowed)
    if error.validator == "required":
        missing = [k for k in error.validator_value
                   if isinstance(error.instance, dict) and k not in error.instance]
        return translate("progress", "必要な項目 {names} がありません").format(
            names=", ".join(map(str, missing)) or error.message[:160])
    if error.validator == "type":
        return translate("progress", "値の種類が違います（{expected} が必要です）").format(
            expected=error.validator_value)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        extra = [str(k) for k in error.instance if k not in known]
        return translate("progress", "この形式にない項目 {names} があります").format(
            names=", ".join(extra[:10]))
    return translate("progress", "形式に合いません（{rule}）").format(rule=error.validator)


def _read_json(path: Path, held: Mapping[str, ImprovementAction]
               ) -> tuple[list[Report], list[str]]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ProgressRefused(translate("progress", "{path}: 読み込めません（{reason}）").format(
            path=path, reason=exc.strerror)) from None
    if size > MAX_JSON_BYTES:
        raise ProgressRefused(translate(
            "progress", "{path}: ファイルが大きすぎます（{size:,} バイト、上限 {limit:,}）").format(
                path=path, size=size, limit=MAX_JSON_BYTES))
    try:
        doc = json.loads(path.read_bytes().decode("utf-8"),
                         parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)),
                         parse_float=bounds.json_float)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProgressRefused(translate(
            "progress", "{path}: JSON（UTF-8）として読めません（{reason}）。`kanwa-review progress-export -o "
                        "ファイル.json` で作ったファイルを使ってください").format(
                            path=path, reason=str(exc)[:120])) from None
    if isinstance(doc, dict) and isinstance(doc.get("format_version"), int) \
            and doc.get("format") == FORMAT_NAME and doc["format_version"] > FORMAT_VERSION:
        raise ProgressRefused(translate(
            "progress", "{path}: 新しい形式（第{version}版）の進捗ファイルです。アプリを更新してください"
        ).format(path=path, version=doc['format_version']))
    problems = sorted(_validator().iter_errors(doc), key=lambda e: list(map(str, e.path)))
    if problems:
        return [], [translate("progress", "{path} › {place}: {problem}。`kanwa-review progress-export` で"
                                          "作ったファイルを使ってください").format(
            path=path, place=_json_path(e.path), problem=_schema_message(e)) for e in problems[:20]]
    # every string within the text policy (lone surrogates, invisible characters …), in NFC
    outside = document_bounds.problems(doc, PROGRESS_RULES, limit=20)
    if outside:
        return [], [f"{path} › {_json_path(where)}: {problem}" for where, problem in outside]
    code = doc["facility"]["code"]
    errors: list[str] = []
    reports: list[Report] = []
    for n, entry in enumerate(doc["actions"]):
        place = f"actions[{n}]"
        action = held.get(entry["uuid"])
        if action is None:
            errors.append(translate(
                "progress", "{path} › {place}.uuid: 改善計画 {action} はこのデータベースにありません。uuid は"
                            "変更しないでください").format(path=path, place=place, action=entry['uuid']))
            continue
        if action.facility_code != code:
            errors.append(translate(
                "progress", "{path} › {place}.uuid: この改善計画は施設 {held} のものです（ファイルは {code}）"
            ).format(path=path, place=place, held=action.facility_code, code=code))
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
                errors.append(translate(
                    "progress", "{path} › {place}.at: 日時が未来です。パソコンの時計を確かめてください").format(
                        path=path, place=where))
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
            raise ValueError(translate("progress", "日付 {value} が正しくありません").format(value=repr(text)))
        return when
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(translate(
            "progress", "日時 {value} は 2026-02-01T09:30:00+09:00 の形式（ISO 8601）で入力してください"
        ).format(value=repr(text))) from None
    return dt.replace(tzinfo=JST) if dt.tzinfo is None else dt
