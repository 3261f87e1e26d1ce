"""Generators of the hostile inputs of issue 12 (tests/test_hostile_inputs.py,
tests/test_hostile_property.py, benchmarks/bench_proofs.py): every file is made here, in
memory or in a folder the test gives, from the same valid review as tests/data/hostile (the
mini test form); nothing is checked in.

Packages are built with `package()`, which writes JSON with ASCII escapes so that even a lone
surrogate ("\\ud800", not text at all) can be put in a member, as an attacker would."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import re
import sqlite3
import sys
import uuid as uuidlib
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "data" / "hostile"))

import make_hostile as H  # noqa: E402  (the corpus generator: base document, mini form)

from kanwa_review.core.form import Form, parse_form  # noqa: E402
from kanwa_review.exchange import package_format as P  # noqa: E402

MINI_YAML = HERE / "data" / "forms" / "mini.yaml"
UUID = H.UUID
CREATED = H.CREATED


# --- packages -------------------------------------------------------------------------------

def _json(data) -> bytes:
    # ensure_ascii: a lone surrogate is written as the escape \ud800, which json.loads reads back
    return (json.dumps(data, ensure_ascii=True, sort_keys=True, indent=1) + "\n").encode()


def document(*, facility: str = "H001", uuid: str = UUID, revision: int = 1) -> dict:
    """review.json of a finalised review of the mini form (invented hospital and people)."""
    doc = H.base_document(revision=revision, facility=facility)
    doc["review"]["uuid"] = uuid
    return doc


def actions_document(doc: dict) -> dict:
    acts = H.actions_document(doc["facility"]["code"])
    acts["review_uuid"] = doc["review"]["uuid"]
    for a in acts["actions"]:
        a["origin_review_uuid"] = doc["review"]["uuid"]
    return acts


def manifest_for(doc: dict, members: list[tuple[str, bytes]], *, format_version: int) -> dict:
    r = doc["review"]
    return {
        "format": P.FORMAT_NAME, "format_version": format_version,
        "app": {"name": "kanwa-review", "version": "0.1.0"}, "created_at": CREATED,
        "review": {k: r[k] for k in ("uuid", "revision", "status", "visit_date",
                                     "finalised_at", "finalised_by")},
        "form": dict(r["form"]),
        "facility": {"code": doc["facility"]["code"], "name": doc["facility"]["name"]},
        "team": doc["team"],
        "members": [{"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                    for n, d in members],
    }


def zip_members(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2025, 11, 20, 17, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


def package(doc: dict | None = None, *, form: Form | None = None, actions: dict | None = None,
            format_version: int = 1, manifest_change: Callable[[dict], None] | None = None
            ) -> bytes:
    """A package of `doc` (default: the valid review) carrying `form` (default: the mini
    form), hashes right; `manifest_change` edits the manifest after it is made."""
    doc = document() if doc is None else doc
    form = form or H.mini_form()
    doc["review"]["form"] = {"id": form.id, "version": form.version, "sha256": form.sha256}
    members = [(P.REVIEW, _json(doc)), (P.FORM, form.canonical_json().encode("utf-8"))]
    if format_version >= 2:
        members.append((P.ACTIONS, _json(actions if actions is not None
                                         else actions_document(doc))))
    manifest = manifest_for(doc, members, format_version=format_version)
    if manifest_change is not None:
        manifest_change(manifest)
    return zip_members([(P.MANIFEST, _json(manifest))] + members)


def with_change(change: Callable[[dict], None], **kw) -> bytes:
    doc = document()
    change(doc)
    return package(doc, **kw)


def mini_yaml(*replacements: tuple[str, str]) -> str:
    text = MINI_YAML.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


def form_with(*replacements: tuple[str, str]) -> Form:
    """The mini form with text replaced, loaded WITHOUT the form bounds (as an app before
    issue 12 did), so that a package can carry what the bounds now refuse."""
    from unittest import mock

    from kanwa_review.core import form_bounds

    with mock.patch.object(form_bounds, "problems", lambda data: []):
        return parse_form(mini_yaml(*replacements), "mini.yaml")


def new_uuid(seed: int) -> str:
    return str(uuidlib.UUID(int=(0x0b7c2a525d7e4f0e9a553f1d2c4b6a10 + seed) % (1 << 128),
                            version=4))


# name -> (bytes, place the refusal names, words the refusal holds)
def refused_packages() -> dict[str, tuple[bytes, str, str]]:
    """Issue 12, cases 1–3: packages the reader must refuse, with where and why."""
    def answer(n: int, **kv):
        def change(doc):
            doc["answers"][n].update(kv)
        return change

    def facility_name(name: str):
        def change(doc):
            doc["facility"]["name"] = name
        return change

    def mirror_name(name: str):
        return lambda m: m["facility"].update(name=name)

    huge = {"numerator": 10 ** 400, "denominator": 10 ** 400}
    cases = {
        # 1. one accepted file poisoned every output
        "numerator_10e400.kanwa": (with_change(answer(3, value=huge)),
                                   "answers[3] (B-1) › value › denominator", "10,000,000 以下"),
        "weight_1e308.kanwa": (package(form=form_with(("weight: 2", "weight: 1e308"))),
                               "form.json › A-2", "weight: 0 以上 100 以下"),
        "points_1e308.kanwa": (package(form=form_with(("points: 3}", "points: 1e308}"))),
                               "form.json", "points: 0 以上 100 以下"),
        "finalised_year_1.kanwa": (
            with_change(lambda d: d["review"].update(finalised_at="0001-01-01T00:00:00+09:00"),
                        manifest_change=lambda m: m["review"].update(
                            finalised_at="0001-01-01T00:00:00+09:00")),
            "finalised_at", "2000 年から 2100 年"),
        # 2. timestamps that overflow when moved to UTC
        "updated_year_1_plus9.kanwa": (with_change(answer(0, updated_at="0001-01-01T00:00:00+09:00")),
                                       "answers[0] (A-1) › updated_at", "2000 年から 2100 年"),
        "audit_year_9999_minus9.kanwa": (
            with_change(lambda d: d["audit"][0].update(at="9999-12-31T23:59:59-09:00")),
            "audit[0] › at", "2000 年から 2100 年"),
        "integer_10e400.kanwa": (with_change(lambda d: d["answers"].append(
            {"item_code": "B-2", "value": 10 ** 400})), "answers[4] (B-2) › value",
            "以下にしてください"),
        "float_1e400.kanwa": (_replace_in_review(b'"numerator": 45', b'"numerator": 1e400'),
                              "review.json", "1e400 は大きすぎます"),
        # 3. text that is not text
        "lone_surrogate.kanwa": (with_change(answer(0, comment="\ud800")),
                                 "answers[0] (A-1) › comment", "サロゲート"),
        "ansi_facility_name.kanwa": (
            with_change(facility_name("\x1b[2J\x1b[31m架空病院"),
                        manifest_change=mirror_name("\x1b[2J\x1b[31m架空病院")),
            "facility › name", "制御文字 U+001B"),
        "nul_in_name.kanwa": (
            with_change(facility_name("架空\x00病院"), manifest_change=mirror_name("架空\x00病院")),
            "facility › name", "制御文字 U+0000"),
        "rlo_in_name.kanwa": (
            with_change(lambda d: d["team"][1].update(name="架空\u202e一郎"),
                        manifest_change=lambda m: m["team"][1].update(name="架空\u202e一郎")),
            "team[1] › name", "文字の向きを変える制御文字 U+202E"),
        "zero_width_in_name.kanwa": (
            with_change(facility_name("架空\u200b病院"), manifest_change=mirror_name("架空\u200b病院")),
            "facility › name", "U+200B"),
    }
    return cases


def _replace_in_review(old: bytes, new: bytes) -> bytes:
    """The valid package with review.json's bytes edited (hashes updated): for JSON no
    serialiser writes, such as the literal 1e400."""
    doc = document()
    members = [(P.REVIEW, _json(doc).replace(old, new, 1)),
               (P.FORM, H.mini_form().canonical_json().encode("utf-8"))]
    assert members[0][1] != _json(doc)
    manifest = manifest_for(doc, members, format_version=1)
    return zip_members([(P.MANIFEST, _json(manifest))] + members)


def hidden_answer_package() -> bytes:
    """4. An answer to A-4, which applies only when A-3 is yes (the review says no)."""
    def change(doc):
        doc["answers"].append({"item_code": "A-4", "value": "隠れた回答（表示されない項目）",
                               "updated_at": None, "updated_by": None})
    return with_change(change)


def altered_form_package(seed: int = 1) -> bytes:
    """4. A new review carrying the mini form under its real id and version, its question
    text altered."""
    doc = document(uuid=new_uuid(seed), facility="H002")
    return package(doc, form=form_with(("委員会がある", "改ざんされた質問文")))


def cp932_name(folder: Path, data: bytes) -> Path:
    """3. A valid package whose file name is Shift_JIS bytes (a Windows ZIP unpacked on Linux
    or macOS): 提出ファイル.kanwa."""
    import os

    raw = os.fsencode(str(folder)) + b"/" + "提出ファイル.kanwa".encode("cp932")
    with open(raw, "wb") as fh:
        fh.write(data)
    return Path(os.fsdecode(raw))


# --- forms ----------------------------------------------------------------------------------

def refused_forms() -> dict[str, tuple[str, int, str]]:
    """5. Forms that passed `forms check` and broke later: name -> (YAML, line, words)."""
    return {
        "min_nan.yaml": (mini_yaml(("min: 0", "min: .nan")), 59, "有限の数値ではありません"),
        "max_inf.yaml": (mini_yaml(("min: 0", "min: 0\n        max: .inf")), 60,
                         "有限の数値ではありません"),
        "weight_1e308.yaml": (mini_yaml(("weight: 2", "weight: 1e308")), 30,
                              "weight: 0 以上 100 以下"),
        "points_1e308.yaml": (mini_yaml(("points: 3}", "points: 1e308}")), 9,
                              "points: 0 以上 100 以下"),
        "version_unquoted.yaml": (mini_yaml(('version: "1"', "version: 2026.10")), 4,
                                  "引用符で囲んでください"),
        "control_in_text.yaml": (mini_yaml(("{ja: 委員会がある,", '{ja: "委員会が\\x1bある",')),
                                 21, "制御文字 U+001B"),
    }


# --- workbooks and progress files -----------------------------------------------------------

def _sheet_member(path: Path, sheet: str) -> str:
    with zipfile.ZipFile(path) as zf:
        wb = zf.read("xl/workbook.xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet)}"[^>]*r:id="([^"]+)"', wb).group(1)
    target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels) or \
        re.search(rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
    target = target.group(1).lstrip("/")
    return target if target.startswith("xl/") else f"xl/{target}"


def _rewrite(src: Path, dest: Path, member: str, transform) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == member:
                data = transform(data)
            zout.writestr(info.filename, data)
    return dest


def _append_rows(data: bytes, rows_xml: Callable[[int], str], count: int) -> bytes:
    text = data.decode("utf-8")
    last = max([int(x) for x in re.findall(r'<row r="(\d+)"', text)] or [0])
    text = re.sub(r'<dimension ref="[^"]*"\s*/>', "", text)   # as a hostile writer would
    extra = "".join(rows_xml(n) for n in range(last + 1, last + 1 + count))
    if "</sheetData>" in text:
        text = text.replace("</sheetData>", extra + "</sheetData>", 1)
    else:
        text = re.sub(r"<sheetData\s*/>", f"<sheetData>{extra}</sheetData>", text, count=1)
    return text.encode("utf-8")


def million_row_workbook(blank: Path, dest: Path, rows: int = 1_000_000,
                         sheet: str = "評価票") -> Path:
    """7. A checklist workbook with a sheet of a million rows and no <dimension> (the checklist
    sheet, or another one such as the hidden form sheet "_kanwa")."""
    member = _sheet_member(blank, sheet)
    return _rewrite(blank, dest, member, lambda d: _append_rows(
        d, lambda n: f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>', rows))


def shared_strings_bomb(blank: Path, dest: Path, megabytes: int = 100) -> Path:
    """7. A small workbook whose shared-strings table holds ~100 MB of (repetitive, so well
    compressible: a 3.9 MB file) text."""
    entry = "<si><t>" + "架空" * 500 + "</t></si>"
    count = megabytes * 1024 * 1024 // len(entry.encode())
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://'
           'schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
           % (count, count)) + entry * count + "</sst>"
    with zipfile.ZipFile(blank) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        zout.writestr("xl/sharedStrings.xml", xml.encode("utf-8"))
    return dest


def progress_rows_workbook(progress_xlsx: Path, dest: Path, action_uuid: str,
                           rows: int = 25_000) -> Path:
    """7. A progress workbook (Actions sheet) with `rows` filled rows, each with a status no
    plan knows: every row is an error."""
    member = _sheet_member(progress_xlsx, "Actions")

    def row(n: int) -> str:
        return (f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>H001</t></is></c>'
                f'<c r="O{n}" t="inlineStr"><is><t>{action_uuid}</t></is></c>'
                f'<c r="P{n}" t="inlineStr"><is><t>たぶん完了</t></is></c>'
                f'<c r="R{n}" t="inlineStr"><is><t>2026-02-01</t></is></c></row>')
    return _rewrite(progress_xlsx, dest, member, lambda d: _append_rows(d, row, rows))


def progress_json_with_time(doc: dict, at: str) -> bytes:
    """2. A progress file whose new note is dated `at` (e.g. year 1 at +09:00)."""
    doc = copy.deepcopy(doc)
    doc["actions"][0]["progress"].append({"at": at, "status": "done", "note": "完了した",
                                          "author": "架空 次郎"})
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


# --- databases ------------------------------------------------------------------------------

def damage_page(path: Path) -> None:
    """6. Overwrite one page in the middle of a database file (a bad sector, a torn copy)."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = con.execute("PRAGMA page_size").fetchone()[0]
        count = con.execute("PRAGMA page_count").fetchone()[0]
    finally:
        con.close()
    with open(path, "r+b") as fh:
        fh.seek(page * (count // 2))
        fh.write(b"\xde\xad\xbe\xef" * (page // 4))


def plant_old_values(path: Path) -> None:
    """Values a database could hold from before the bounds (written straight into the file,
    the immutability triggers of final revisions set aside for it): a rate of 400-digit
    figures, a year-1 finalisation time, and a form whose weight is 1e308."""
    con = sqlite3.connect(path)
    try:
        triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                               ).fetchall()
        for name, _sql in triggers:
            con.execute(f'DROP TRIGGER "{name}"')
        digits = "1" + "0" * 400
        con.execute("UPDATE answers SET value_json = ? WHERE item_code = 'B-1'",
                    (f'{{"numerator": {digits}, "denominator": 3}}',))
        con.execute("UPDATE reviews SET finalised_at = '0001-01-01T00:00:00+09:00'")
        for form_hash, canonical in con.execute("SELECT hash, canonical FROM forms").fetchall():
            con.execute("UPDATE forms SET canonical = ? WHERE hash = ?",
                        (canonical.replace('"weight":2', '"weight":1e308'), form_hash))
        for _name, sql in triggers:
            con.execute(sql)
        con.commit()
    finally:
        con.close()


def dump(path: Path) -> str:
    """The whole content of a database as SQL text (iterdump): tables, rows, indexes,
    triggers and statistics (sqlite_stat1), for "byte-for-byte unchanged"."""
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()
