"""Make the hostile .kanwa corpus in this folder (reproducible: fixed ids, times and content).

    .venv/bin/python tests/data/hostile/make_hostile.py

Every file is a valid package of the mini test form (tests/data/forms/mini.yaml) broken in
exactly one way, except the few that are valid and hostile only in context (an older revision,
the same review claimed by another facility). tests/test_package_hostile.py says what each
one must be refused for. The generated files are committed next to this script.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import sys
import warnings
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from kanwa_review.core.form import load_form  # noqa: E402
from kanwa_review.exchange import package_format as P  # noqa: E402
from kanwa_review.exchange.package_writer import build_package  # noqa: E402

UUID = "0b7c2a52-5d7e-4f0e-9a55-3f1d2c4b6a10"
CREATED = "2025-11-21T09:00:00.000+09:00"
FINALISED = "2025-11-20T17:30:00.000+09:00"


def mini_form():
    return load_form(ROOT / "tests" / "data" / "forms" / "mini.yaml")


def base_document(revision: int = 1, facility: str = "H001") -> dict:
    """A finalised review of the mini form, as review.json (invented people and hospital)."""
    form = mini_form()
    t = "2025-11-20T{:02d}:{:02d}:00.000+09:00".format
    answers = [
        {"item_code": "A-1", "self_rating": "A", "rating": "A", "value": None, "period": None,
         "evidence": "緩和ケア委員会規程", "comment": "", "updated_at": t(10, 5),
         "updated_by": "架空 花子"},
        {"item_code": "A-2", "self_rating": None, "rating": "C", "value": None, "period": None,
         "evidence": "", "comment": "計画が文書化されていない", "updated_at": t(10, 9),
         "updated_by": "架空 花子"},
        {"item_code": "A-3", "self_rating": None, "rating": None, "value": False, "period": None,
         "evidence": "", "comment": "", "updated_at": t(10, 12), "updated_by": "架空 一郎"},
        {"item_code": "B-1", "self_rating": None, "rating": None,
         "value": {"denominator": 60, "numerator": 45}, "period": "2025年度上半期",
         "evidence": "", "comment": "", "updated_at": t(10, 20), "updated_by": "架空 一郎"},
    ]
    if revision > 1:
        answers[1]["rating"], answers[1]["comment"] = "B", "計画は文書化済み（第2版で修正）"
    team = [{"name": "架空 花子", "role": "leader", "profession": "physician",
             "affiliation": "架空県立がんセンター"},
            {"name": "架空 一郎", "role": "member", "profession": "nurse", "affiliation": ""}]
    audit = [{"at": t(9, 0), "actor": "架空 花子", "revision": 1, "entity": "review", "key": None,
              "action": "create", "old": None, "new": {"facility": facility}}]
    for a in answers:
        audit.append({"at": a["updated_at"], "actor": a["updated_by"], "revision": revision,
                      "entity": "answer", "key": a["item_code"], "action": "set", "old": None,
                      "new": {k: v for k, v in a.items()
                              if k in ("rating", "value", "comment") and v not in (None, "")}})
    audit.append({"at": FINALISED, "actor": "架空 花子", "revision": revision, "entity": "review",
                  "key": None, "action": "finalise", "old": {"status": "draft"},
                  "new": {"status": "final", "finalised_by": "架空 花子"}})
    return {
        "facility": {"code": facility, "name": f"架空県 {facility} 病院", "prefecture": "架空県",
                     "category": "regional"},
        "review": {"uuid": UUID, "revision": revision, "status": "final",
                   "form": {"id": form.id, "version": form.version, "sha256": form.sha256},
                   "visit_date": "2025-11-20", "fiscal_year": 2025,
                   "created_at": t(9, 0), "updated_at": FINALISED, "finalised_at": FINALISED,
                   "finalised_by": "架空 花子"},
        "team": team,
        "answers": answers,
        "findings": [{"kind": "strength", "text": "委員会が定期的に開催されている",
                      "item_codes": ["A-1"], "position": 0, "created_at": t(11, 0),
                      "updated_at": t(11, 0)}],
        "audit": audit,
    }


def package(doc: dict | None = None, form_json: str | None = None, *,
            format_version: int = 1, actions: dict | None = None) -> bytes:
    """The corpus is kept in format version 1 (the reader must keep reading it); version-2
    cases with improvement actions are built in memory by tests/test_pdca_exchange_package.py
    with `actions_document` below."""
    return build_package(doc or base_document(), form_json or mini_form().canonical_json(),
                         created_at=CREATED, format_version=format_version, actions=actions)


ACTION_UUID = "5f0c7d1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f"


def actions_document(facility: str = "H001") -> dict:
    """actions.json of a version-2 package: one action agreed at the review, with progress."""
    return {"facility_code": facility, "review_uuid": UUID, "actions": [{
        "uuid": ACTION_UUID, "facility_code": facility, "title": "緩和ケア年度計画を文書化する",
        "owner_role": "緩和ケアセンター", "owner_name": "架空 次郎", "due_date": "2026-03-31",
        "success_measure": "委員会で承認された計画書", "status": "in_progress",
        "item_codes": ["A-2"], "origin_review_uuid": UUID, "origin_revision": 1,
        "finding": None, "created_at": "2025-11-20T08:40:00.000+00:00",
        "updated_at": "2025-12-10T01:00:00.000+00:00",
        "progress": [{"at": "2025-12-10T01:00:00.000+00:00", "status": "in_progress",
                      "note": "草案を作成", "author": "架空 次郎"}]}]}


def members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i, zf.read(i)) for i in zf.infolist()]


def rezip(entries: list[tuple[str, bytes]], *, stored: bool = False) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is the point of one file
        with zipfile.ZipFile(buf, "w") as zf:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=(2025, 11, 20, 17, 30, 0))
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                info.create_system = 3
                info.external_attr = 0o644 << 16
                zf.writestr(info, data)
    return buf.getvalue()


def with_members(extra: list[tuple[str, bytes]], base: bytes | None = None) -> bytes:
    return rezip([(i.filename, d) for i, d in members(base or package())] + extra)


def replace_member(name: str, new: bytes, base: bytes | None = None) -> bytes:
    return rezip([(i.filename, new if i.filename == name else d)
                  for i, d in members(base or package())])


def replace_listed(name: str, new: bytes) -> bytes:
    """Replace a member AND its manifest entry, so only the content itself is wrong."""
    m = manifest_of(package())
    for entry in m["members"]:
        if entry["name"] == name:
            entry["sha256"], entry["size"] = hashlib.sha256(new).hexdigest(), len(new)
    return rezip([(P.MANIFEST, dump(m))] + [(i.filename, new if i.filename == name else d)
                                            for i, d in members(package())
                                            if i.filename != P.MANIFEST])


def manifest_of(data: bytes) -> dict:
    return json.loads(dict((i.filename, d) for i, d in members(data))[P.MANIFEST])


def dump(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def lying_header(base: bytes) -> bytes:
    """review.json really expands to 40 MB, but both ZIP headers claim 1,000 bytes."""
    entries = [(i.filename, d) for i, d in members(base) if i.filename != P.REVIEW]
    data = bytearray(rezip(entries + [(P.REVIEW, b" " * (40 * 1024 * 1024))]))
    name = P.REVIEW.encode()
    pos = 0
    while (pos := data.find(b"PK\x03\x04", pos)) != -1:   # local headers: size at +22
        n = int.from_bytes(data[pos + 26:pos + 28], "little")
        if data[pos + 30:pos + 30 + n] == name:
            data[pos + 22:pos + 26] = (1000).to_bytes(4, "little")
        pos += 4
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) != -1:   # central directory: size at +24
        n = int.from_bytes(data[pos + 28:pos + 30], "little")
        if data[pos + 46:pos + 46 + n] == name:
            data[pos + 24:pos + 28] = (1000).to_bytes(4, "little")
        pos += 4
    return bytes(data)


def encrypted_flag(base: bytes) -> bytes:
    data = bytearray(base)
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.find(sig)
        data[pos + off] |= 0x1
    return bytes(data)


def make_all() -> dict[str, bytes]:
    good = package()
    form = mini_form()
    files: dict[str, bytes] = {"valid.kanwa": good}

    files["not_a_zip.kanwa"] = "これは提出ファイルではありません。\nnot a package\n".encode()
    files["empty.kanwa"] = b""
    files["truncated.kanwa"] = good[: len(good) * 2 // 3]
    files["path_dotdot.kanwa"] = with_members([("../../evil.txt", b"x")])
    files["path_absolute.kanwa"] = with_members([("/etc/evil.txt", b"x")])
    files["path_drive_letter.kanwa"] = with_members([("C:/Windows/evil.txt", b"x")])
    files["path_backslash.kanwa"] = with_members([("..\\..\\evil.txt", b"x")])
    files["duplicate_member.kanwa"] = with_members([(P.REVIEW, b"{}")])
    # 40 MB of zeros as review.json: declared size over the cap (and a 1000:1 ratio)
    files["zip_bomb_declared.kanwa"] = replace_member(P.REVIEW, b"\0" * (40 * 1024 * 1024))
    # 8 MB of zeros as an attachment: under the size cap, but a ~1000:1 ratio
    files["zip_bomb_ratio.kanwa"] = with_members([("attachments/photo.jpg",
                                                   b"\0" * (8 * 1024 * 1024))])
    files["zip_bomb_lying_header.kanwa"] = lying_header(good)
    files["too_many_members.kanwa"] = with_members(
        [(f"attachments/file{n:03d}.txt", b"x") for n in range(100)])
    files["encrypted_member.kanwa"] = encrypted_flag(good)

    altered = members(good)
    review_bytes = dict((i.filename, d) for i, d in altered)[P.REVIEW]
    files["hash_mismatch.kanwa"] = replace_member(
        P.REVIEW, review_bytes.replace("計画が文書化されていない".encode(),
                                       "計画は文書化されている".encode()))
    files["manifest_missing.kanwa"] = rezip([(i.filename, d) for i, d in altered
                                             if i.filename != P.MANIFEST])
    files["manifest_not_json.kanwa"] = replace_member(P.MANIFEST, b"{\"format\": \"kanwa-sub")

    manifest = manifest_of(good)
    # a version this app does not know yet (it reads 1, 2 and 3)
    newer = dict(manifest, format_version=4, signature={"alg": "ed25519", "value": "…"})
    files["newer_version.kanwa"] = replace_member(P.MANIFEST, dump(newer))
    files["unknown_format.kanwa"] = replace_member(P.MANIFEST,
                                                   dump(dict(manifest, format="other-app")))

    doc = base_document()
    doc["answers"][0]["evidence"] = 123
    doc["review"]["fiscal_year"] = "2025"
    files["schema_wrong_types.kanwa"] = package(doc)
    doc = base_document()
    del doc["findings"]
    del doc["answers"][1]["item_code"]
    files["schema_missing_keys.kanwa"] = package(doc)
    doc = base_document()
    doc["answers"][0]["rating"] = "S"
    files["unknown_rating.kanwa"] = package(doc)
    doc = base_document()
    doc["answers"].append({"item_code": "Z-99", "rating": "A"})
    doc["findings"][0]["item_codes"] = ["Q-1"]
    files["unknown_item.kanwa"] = package(doc)
    doc = base_document()
    doc["answers"][2]["value"] = "はい"             # a yes/no item takes true/false
    files["wrong_value_type.kanwa"] = package(doc)

    # form.json changed (an item reworded) and its member hash updated, but not the form hash
    changed_form = form.canonical_json().replace("委員会がある", "委員会がない")
    files["form_hash_mismatch.kanwa"] = replace_listed(P.FORM, changed_form.encode())

    doc = base_document()
    doc["review"]["uuid"] = "not-a-uuid"
    files["schema_bad_uuid.kanwa"] = package(doc)
    files["json_duplicate_keys.kanwa"] = replace_listed(
        P.REVIEW, b'{"facility": {}, "facility": {}}')
    files["review_not_json.kanwa"] = replace_listed(P.REVIEW, "レビュー".encode("shift_jis"))

    # valid files that are hostile only in context
    files["revision2.kanwa"] = package(base_document(revision=2))
    files["other_facility.kanwa"] = package(base_document(facility="H999"))
    return files


def main() -> None:
    for name, data in make_all().items():
        (HERE / name).write_bytes(data)
        print(f"{name:32} {len(data):>9,} bytes")


if __name__ == "__main__":
    main()
