"""Form files (評価票): check, the editing workbook both ways, YAML written from a form, and the
diff of two versions — use cases that need no database. Forms in a database (install, the
current form of a year, warnings) are in services/form_distribution.py; moving drafts to a new
version in services/form_migration.py."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kanwa_review.core.form import Form, FormError, load_form, shipped_forms
from kanwa_review.core.form_diff import FormDiff, diff_forms
from kanwa_review.core.i18n import translate
from kanwa_review.core.revisions import map_problems_against
from kanwa_review.services.base import ServiceBase
from kanwa_review.services.output_files import writing

MAX_SIBLINGS = 50   # form files looked at beside a checked file, to find the version it revises


@dataclass(frozen=True)
class FormCheck:
    """The result of checking one form file (`forms check`)."""

    path: str
    form: Form | None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()       # what was not checked, and why

    @property
    def ok(self) -> bool:
        return self.form is not None and not self.problems


def _write_atomically(out: Path, data: bytes) -> Path:
    """Write under a temporary name in the same folder, then rename: never half a file."""
    with writing(out) as out:
        return _write_new_name(out, data)


def _write_new_name(out: Path, data: bytes) -> Path:
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".kanwa-", suffix=out.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def _first_difference(a: object, b: object, path: str = "") -> str:
    if type(a) is not type(b) or not isinstance(a, (dict, list)):
        return path if a != b else ""
    if isinstance(a, dict):
        for key in list(a) + [k for k in b if k not in a]:
            found = _first_difference(a.get(key), b.get(key), f"{path}.{key}" if path else key)
            if found:
                return found
        return ""
    if len(a) != len(b):
        return path
    for n, (x, y) in enumerate(zip(a, b)):
        found = _first_difference(x, y, f"{path}[{n}]")
        if found:
            return found
    return ""


def _load_quietly(paths: Iterable[Path]) -> list[Form]:
    out = []
    for p in paths:
        try:
            out.append(load_form(p))
        except FormError:
            continue
    return out


class FormFileOps(ServiceBase):
    """Mixin of `Services`: form files, no database."""

    @staticmethod
    def check_form_files(paths: Sequence[str | Path]) -> list[FormCheck]:
        """`forms check`: each file strictly, and a revision map against the version it
        revises when that version is among the files, beside the file, or shipped."""
        loaded: list[tuple[str, Form | None, list[str]]] = []
        for p in paths:
            try:
                loaded.append((str(p), load_form(p, strict=True), []))
            except FormError as exc:
                loaded.append((str(p), None, [str(x) for x in exc.problems]))
        # an earlier version is a reference, not a form to ship: read it as reviews read it
        given = _load_quietly(Path(p) for p, form, _e in loaded if form is None)
        given += [f for _p, f, _e in loaded if f is not None]
        out = []
        for p, form, problems in loaded:
            notes: list[str] = []
            if form is not None and form.replaces is not None:
                m = form.replaces
                pool = given + _sibling_forms(Path(p)) + shipped_forms_quietly()
                old = next((f for f in pool if (f.id, f.version) == (m.form, m.version)), None)
                if old is None:
                    notes.append(translate(
                        "forms", "{p}: 改訂前の版 {form} {version} が見つからないため、対応表の旧項目は"
                                 "確かめていません（その版のファイルも一緒に指定してください）"
                    ).format(p=p, form=m.form, version=m.version))
                else:
                    problems = problems + [f"{p} [{code or '-'}]: {message}"
                                           for code, message in map_problems_against(old, form)]
            out.append(FormCheck(p, form if not problems else None, tuple(problems),
                                 tuple(notes)))
        return out

    @staticmethod
    def write_form_workbook(form: Form, out: str | Path) -> Path:
        """The editing workbook of `form` (評価票を編集用Excelに書き出す). It is read back before
        it is kept: a form the workbook cannot hold exactly is refused (ValueError), never
        written half-right."""
        with writing(out) as path:
            return FormFileOps._write_form_workbook(form, path)

    @staticmethod
    def _write_form_workbook(form: Form, out: Path) -> Path:
        from kanwa_review.exchange.form_workbook import (
            FormWorkbookInvalid, form_workbook_bytes, read_form_workbook,
        )

        data = form_workbook_bytes(form)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".kanwa-", suffix=".xlsx")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            try:
                back = read_form_workbook(tmp, strict=False)
            except FormWorkbookInvalid as exc:
                raise ValueError(translate(
                    "forms", "{form}: 編集用Excelに正しく書き出せませんでした（{why}）").format(
                    form=form.label(), why=exc.problems[0])) from None
            if back.sha256 != form.sha256:
                import json

                where = _first_difference(json.loads(form.canonical_json()),
                                          json.loads(back.canonical_json()))
                raise ValueError(translate(
                    "forms", "{form}: この評価票の {where} は編集用Excelでは正確に表せません。"
                             "YAML のまま編集してください").format(form=form.label(), where=where))
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return out

    @staticmethod
    def read_form_workbook(path: str | Path, *, strict: bool = True) -> Form:
        """The form an editing workbook holds (Excelから評価票を作成), checked as `forms check`
        checks a file, its revision map against the version it revises when that version is
        shipped. FormWorkbookInvalid lists every problem as sheet!cell; WorkbookRefused when
        the file is not opened at all."""
        from kanwa_review.exchange.form_workbook import FormWorkbookInvalid, read_form_workbook

        form = read_form_workbook(path, strict=strict)
        if form.replaces is not None:
            m = form.replaces
            old = next((f for f in shipped_forms_quietly() if (f.id, f.version) == (m.form, m.version)),
                       None)
            if old is not None:
                problems = map_problems_against(old, form)
                if problems:
                    raise FormWorkbookInvalid([
                        f"{Path(path).name} 対応表 [{code or '-'}]: {message}"
                        for code, message in problems])
        return form

    @staticmethod
    def save_form_yaml(form: Form, out: str | Path, *, source: str = "") -> Path:
        """Write `form` as a YAML form file (what from-xlsx produces), checked by reading it
        back: the file holds exactly this form."""
        from kanwa_review.core.form import parse_form
        from kanwa_review.exchange.form_workbook import form_yaml

        header = translate("forms", "{title} {version} — kanwa-review が {source} から作成"
                                    "（編集は元のExcelで行い、forms from-xlsx で作り直してください）"
                           ).format(title=form.title.ja, version=form.version,
                                    source=source or "Excel")
        text = form_yaml(form, header=header)
        if parse_form(text, str(out)).sha256 != form.sha256:   # never: a guard for the writer
            raise ValueError(f"{out}: the YAML written does not hold the form exactly")
        return _write_atomically(Path(out), text.encode("utf-8"))

    @staticmethod
    def diff_form_files(old: str | Path, new: str | Path) -> FormDiff:
        """`forms diff OLD NEW`: the changes, through NEW's map when it names OLD's version."""
        return diff_forms(load_form(old), load_form(new))


_shipped_cache: dict[tuple, list[Form]] = {}


def shipped_forms_quietly() -> list[Form]:
    """The shipped forms (read once per content of the forms folder); [] if one is broken."""
    from kanwa_review.core.resources import forms_dir

    try:
        key = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                    for p in sorted(forms_dir().glob("*.yaml")))
    except OSError:
        key = ()
    if key not in _shipped_cache:
        try:
            _shipped_cache.clear()
            _shipped_cache[key] = shipped_forms()
        except FormError:
            _shipped_cache[key] = []
    return list(_shipped_cache[key])


def _sibling_forms(path: Path) -> list[Form]:
    folder = path.parent
    try:
        files = sorted(p for p in folder.glob("*.yaml") if p.resolve() != path.resolve())
    except OSError:
        return []
    return _load_quietly(files[:MAX_SIBLINGS])


__all__ = ["FormFileOps", "FormCheck", "shipped_forms_quietly"]
