"""Reading a form workbook: the safe opener, the sheets, then the checks of `forms check` with
each problem pointed back at its cell."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kanwa_review.core.form import MAX_FORM_BYTES, Form, FormError, parse_form
from kanwa_review.core.i18n import translate
from kanwa_review.exchange.excel_safety import open_workbook_safely
from kanwa_review.exchange.form_workbook.cells import Cell, Reader
from kanwa_review.exchange.form_workbook.layout import MAX_PROBLEMS, SETTINGS, FormWorkbookInvalid
from kanwa_review.exchange.form_workbook.sheets import workbook_mapping
from kanwa_review.exchange.form_workbook.yaml_text import NoAliasDumper

# the form checks, with their YAML lines turned back into cells


def _paths_by_line(text: str) -> dict[int, list[tuple]]:
    """Line number (1-based) -> every key path that starts on it (as a key or as the first
    line of its value: core.form reports either)."""
    out: dict[int, list[tuple]] = {}

    def walk(node, path):
        out.setdefault(node.start_mark.line + 1, []).append(path)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                out.setdefault(key.start_mark.line + 1, []).append(path + (key.value,))
                walk(value, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for n, value in enumerate(node.value):
                walk(value, path + (n,))
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is not None:
        walk(node, ())
    return out


def _cell_of(reader: Reader, path: tuple) -> Cell | str:
    path = tuple(path)
    while path:
        if path in reader.cells:
            return reader.cells[path]
        path = path[:-1]
    return f"{SETTINGS}!B1"


_LOC = re.compile(r"^((?:format|id|version|title|description|scales|sections|rules|replaces)"
                  r"(?:\.[A-Za-z0-9_-]+)*): ")


def _problem_cell(reader: Reader, lines: dict[int, list[tuple]], line: int | None,
                  message: str) -> Cell | str:
    """The cell of a form problem: from the location its message starts with when it has
    one (sections.0.items.3.type: …), else from its line — the shortest path on that line
    that came from a cell (a key and its value's first line share a line)."""
    m = _LOC.match(message)
    if m:
        path = tuple(int(p) if p.isdigit() else p for p in m.group(1).split("."))
        return _cell_of(reader, path)
    candidates = sorted(lines.get(line or 0, ()), key=len)
    exact = [p for p in candidates if p in reader.cells]
    return _cell_of(reader, exact[0] if exact else (candidates[-1] if candidates else ()))


def _form_problems(reader: Reader, text: str, strict: bool) -> Form | None:
    """The form checks; a problem in a row the workbook checks already faulted is left out
    (it is the same mistake seen from the form's side)."""
    faulted = set(reader.rows_with_problems)
    try:
        return parse_form(text, "workbook", strict=strict)
    except FormError as exc:
        lines = _paths_by_line(text)
        for p in exc.problems:
            cell = _problem_cell(reader, lines, p.line, p.message)
            if isinstance(cell, Cell) and (cell.sheet, cell.row) in faulted:
                continue
            message = _LOC.sub("", p.message, count=1)
            if p.item and p.item not in message:
                message = f"{p.item}: {message}"
            reader.problem(cell, message)
        return None


def read_form_workbook(path: str | Path, *, strict: bool = True) -> Form:
    """The form an editing workbook holds; FormWorkbookInvalid lists every problem with its
    sheet!cell, WorkbookRefused when the file is not opened at all (see excel_safety)."""
    path = Path(path)
    wb = open_workbook_safely(path)
    reader = Reader(path, strict)
    try:
        data = workbook_mapping(reader, wb)
    finally:
        wb.close()
    form = None
    if not reader.structural:
        text = yaml.dump(data, Dumper=NoAliasDumper, allow_unicode=True, sort_keys=False,
                         width=1_000_000)
        if len(text.encode("utf-8")) > MAX_FORM_BYTES:
            raise FormWorkbookInvalid([translate(
                "form_workbook", "{file}: 評価票が大きすぎます（{size:,} バイト。上限 {limit:,}）。"
                                 "項目や文を減らしてください").format(
                file=path.name, size=len(text.encode("utf-8")), limit=MAX_FORM_BYTES)])
        # usable first; the authoring rules only once the form can be used at all (and the
        # workbook's own check of the grades passed), so one problem is not reported twice
        clean = not reader.problems
        form = _form_problems(reader, text, strict=False)
        if form is not None and strict and clean:
            form = _form_problems(reader, text, strict=True)
    if reader.problems:
        ordered = [t for _key, t in sorted(reader.problems, key=lambda p: p[0])]
        if len(ordered) > MAX_PROBLEMS:
            rest = len(ordered) - MAX_PROBLEMS
            ordered = ordered[:MAX_PROBLEMS] + [translate(
                "form_workbook", "ほかに {n} 件の問題があります。上の問題を直してから、もう一度"
                                 "読み込んでください").format(n=rest)]
        raise FormWorkbookInvalid([f"{path.name} {t}" for t in ordered])
    assert form is not None
    return form
