"""Trust without a server (issue 13): signed and encrypted packages, the hub's trust list,
revisions bound to their signers, the hash-chained audit trail, amendments with a reason, the
named person. Every refusal leaves the hub's database as it was."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from kanwa_review.core import trust as T
from kanwa_review.exchange import envelope
from kanwa_review.exchange import keys as K
from kanwa_review.exchange import package_format as P
from kanwa_review.exchange.package_reader import PackageRejected, read_package_bytes
from kanwa_review.exchange.package_writer import build_package
from kanwa_review.services import Services
from kanwa_review.store import open_database

PASS = "correct horse battery staple"
HOSTILE = Path(__file__).parent / "data" / "hostile"


def _make_hostile():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_hostile", HOSTILE / "make_hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- fixtures and helpers ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def leader_key():
    return K.generate("山田 花子")


@pytest.fixture(scope="module")
def hub_key():
    return K.generate("架空県 拠点 事務局")


@pytest.fixture(scope="module")
def stranger_key():
    return K.generate("見知らぬ人")


@pytest.fixture
def hub(tmp_path):
    db = open_database(tmp_path / "hub.sqlite")
    services = Services(db, actor="拠点 事務局")
    yield services
    db.close()


def snapshot(services) -> dict:
    """Everything an import could write (to show a refusal wrote nothing)."""
    q = services.database.query
    return {t: [tuple(r) for r in q(f"SELECT * FROM {t} ORDER BY 1")]
            for t in ("reviews", "answers", "findings", "audit", "package_imports",
                      "improvement_actions", "action_progress", "facilities")}


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(contents: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in contents.items():
            zf.writestr(name, data)
    return buf.getvalue()


def rehash(contents: dict[str, bytes], *, resign: K.PrivateKey | None = None,
           manifest_change=None) -> bytes:
    """The package with its manifest's member hashes made to fit the (altered) members, as an
    attacker who read docs/submission-format.md would; re-signed only with `resign`."""
    manifest = json.loads(contents[P.MANIFEST])
    for entry in manifest["members"]:
        data = contents[entry["name"]]
        entry["sha256"], entry["size"] = hashlib.sha256(data).hexdigest(), len(data)
    if manifest_change:
        manifest_change(manifest)
    contents = dict(contents)
    contents[P.MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    if resign is not None:
        signature = base64.b64encode(envelope.sign(contents[P.MANIFEST], resign)).decode()
        contents[P.SIGNATURE] = json.dumps({"algorithm": "Ed25519",
                                            "signature": signature}).encode()
    return rezip(contents)


def export(services, uuid, path, key=None, hub_public=None):
    return services.export_package(uuid, path, signing_key=key, encrypt_to=hub_public).path


def amend_and_finalise(services, uuid, rating="B", reason="A-2 の評価を見直した"):
    services.amend(uuid, reason)
    services.set_answer(uuid, "A-2", rating=rating, comment="計画を文書化した")
    services.finalise(uuid, "山田 花子")


def forged_revision(services, uuid, revision, **build) -> bytes:
    """A copy of the held review claiming another revision number."""
    doc = services.review_document(uuid)
    doc["review"]["revision"] = revision
    for a in doc["answers"]:
        if a["rating"]:
            a["rating"] = "D"
    return build_package(doc, services.form_of(services.review(uuid)).canonical_json(), **build)


# --- key files --------------------------------------------------------------------------------

def test_key_files_round_trip_and_the_private_key_is_unreadable_without_its_passphrase(tmp_path):
    files = Services.create_key_files("yamada-hanako", tmp_path, PASS)
    assert files.private_path == tmp_path / "yamada-hanako.key"
    public = Services.read_public_key(files.public_path)
    assert public.name == "yamada-hanako" and public.fingerprint == files.fingerprint
    text = files.public_path.read_text(encoding="utf-8")
    assert f"fingerprint: {files.fingerprint}" in text and text.startswith(K.PUBLIC_HEADER)
    key = Services.load_private_key(files.private_path, PASS)
    assert key.fingerprint == files.fingerprint
    raw = files.private_path.read_bytes()
    secret = key.signing.private_bytes(*_raw_private_args())
    assert secret not in raw and base64.b64encode(secret) not in raw
    with pytest.raises(ValueError, match="パスフレーズが違う"):
        Services.load_private_key(files.private_path, PASS + "x")
    with pytest.raises(ValueError, match="パスフレーズが違う"):
        Services.load_private_key(files.private_path, "")
    # never overwritten
    with pytest.raises(ValueError, match="すでにあります"):
        Services.create_key_files("yamada-hanako", tmp_path, PASS)
    assert files.private_path.read_bytes() == raw


def _raw_private_args():
    from cryptography.hazmat.primitives import serialization as s

    return s.Encoding.Raw, s.PrivateFormat.Raw, s.NoEncryption()


def test_key_files_refuse_weak_passphrases_bad_names_and_edited_public_keys(tmp_path):
    with pytest.raises(ValueError, match="8文字以上"):
        Services.create_key_files("a", tmp_path, "short")
    assert not (tmp_path / "a.key").exists()
    for name in ("", "../x", "a/b", ".hidden", "x" * 101):
        with pytest.raises(ValueError):
            Services.create_key_files(name, tmp_path, PASS)
    files = Services.create_key_files("b", tmp_path, PASS)
    text = files.public_path.read_text(encoding="utf-8")
    other = K.generate("c").public
    forged = text.replace(text.split("sign-ed25519: ")[1].split("\n")[0],
                          base64.b64encode(other.sign_public).decode())
    bad = tmp_path / "forged.pub"
    bad.write_text(forged, encoding="utf-8")
    with pytest.raises(ValueError, match="指紋が鍵と一致しません"):
        Services.read_public_key(bad)
    bad.write_text("hello", encoding="utf-8")
    with pytest.raises(ValueError, match="公開鍵ファイルとして読めません"):
        Services.read_public_key(bad)
    with pytest.raises(ValueError, match="秘密鍵ファイルとして読めません"):
        Services.load_private_key(files.public_path, PASS)
    # a key file whose public part was swapped does not unlock as someone else's key
    doc = json.loads(files.private_path.read_text(encoding="utf-8"))
    doc["name"] = "someone else"
    swapped = tmp_path / "swapped.key"
    swapped.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match="パスフレーズが違う"):
        Services.load_private_key(swapped, PASS)
    doc = json.loads(files.private_path.read_text(encoding="utf-8"))
    doc["kdf"]["n"] = 2 ** 30                     # a file asking for gigabytes of memory
    swapped.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match="範囲外"):
        Services.load_private_key(swapped, PASS)


# --- signed and encrypted round trip ----------------------------------------------------------

def test_round_trip_signed_and_encrypted(services, final_review, hub, leader_key, hub_key,
                                         tmp_path):
    hub.trust_key(leader_key.public)
    path = export(services, final_review.uuid, tmp_path / "r1.kanwa", leader_key,
                  hub_key.public)
    data = path.read_bytes()
    assert envelope.is_sealed(data)
    [r] = hub.import_packages([path], key=hub_key)
    assert (r.status, r.signature, r.signer) == (
        "imported", "trusted", {"name": "山田 花子", "fingerprint": leader_key.fingerprint})
    assert r.to_json()["signature"] == "trusted" and r.to_json()["signer"] == r.signer
    assert hub.review(final_review.uuid).is_final
    assert hub.revision_signature(final_review.uuid, 1) == (
        T.TRUSTED, T.Signer("山田 花子", leader_key.fingerprint))
    # the same file again: recognised, nothing written
    [again] = hub.import_packages([path], key=hub_key)
    assert (again.status, again.signature) == ("unchanged", "trusted")


def test_encrypted_bytes_show_no_facility_no_json_no_member_names(services, final_review,
                                                                  hub_key, tmp_path):
    data = export(services, final_review.uuid, tmp_path / "x.kanwa", None,
                  hub_key.public).read_bytes()
    for text in ("架空県立がんセンター", "F001", "review.json", "manifest.json", "form.json",
                 "actions.json", final_review.uuid, "山田 花子"):
        assert text.encode("utf-8") not in data, text
    assert b'"format"' not in data
    # nothing but the fixed binary header and the ciphertext of the whole package (ZIP
    # markers or JSON braces cannot be looked for in random bytes: two bytes match by chance)
    plain = envelope.open_sealed(data, hub_key)
    assert data.startswith(envelope.MAGIC)
    assert len(data) == envelope.OVERHEAD + len(plain)
    assert plain[:4] == b"PK\x03\x04" and plain not in data


def test_encrypted_file_needs_the_right_hub_key(services, final_review, hub, hub_key,
                                                stranger_key, tmp_path):
    path = export(services, final_review.uuid, tmp_path / "x.kanwa", None, hub_key.public)
    before = snapshot(hub)
    [no_key] = hub.import_packages([path])
    [wrong] = hub.import_packages([path], key=stranger_key)
    assert no_key.status == wrong.status == "rejected"
    assert "--key" in no_key.errors[0] and hub_key.fingerprint in no_key.errors[0]
    assert hub_key.fingerprint in wrong.errors[0] and stranger_key.fingerprint in wrong.errors[0]
    assert wrong.signature == "invalid" and wrong.signer is None
    assert snapshot(hub) == before
    with pytest.raises(PackageRejected):
        Services.verify_package(path)
    assert Services.verify_package(path, key=hub_key).sealed


@pytest.mark.parametrize("where", ["header", "wrapped key", "payload", "tag", "truncated"])
def test_a_flipped_byte_in_the_ciphertext_is_refused(services, final_review, hub, hub_key,
                                                     leader_key, tmp_path, where):
    path = export(services, final_review.uuid, tmp_path / "x.kanwa", leader_key,
                  hub_key.public)
    data = bytearray(path.read_bytes())
    at = {"header": len(envelope.MAGIC) + 40, "wrapped key": envelope.OVERHEAD - 40,
          "payload": len(data) // 2, "tag": len(data) - 3}.get(where)
    if at is None:
        data = data[:-20]
    else:
        data[at] ^= 0x01
    path.write_bytes(bytes(data))
    before = snapshot(hub)
    [r] = hub.import_packages([path], key=hub_key)
    assert r.status == "rejected" and r.signature == "invalid"
    assert "壊れている" in r.errors[0] or "別の鍵" in r.errors[0]
    assert snapshot(hub) == before


def test_the_decrypted_payload_keeps_the_readers_hostile_input_limits(hub, hub_key, tmp_path):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(P.MANIFEST, b"{}")
        zf.writestr(P.REVIEW, b"\x00" * (P.MAX_REVIEW_BYTES + 1))
        zf.writestr(P.FORM, b"{}")
    path = tmp_path / "bomb.kanwa"
    path.write_bytes(envelope.seal(bomb.getvalue(), hub_key.public))
    [r] = hub.import_packages([path], key=hub_key)
    assert r.status == "rejected" and any("zip 爆弾" in e for e in r.errors)


# --- signatures -------------------------------------------------------------------------------

def test_tampered_member_with_a_rehashed_manifest_has_an_invalid_signature(
        services, final_review, hub, leader_key, tmp_path):
    hub.trust_key(leader_key.public)
    review, data = services.package_bytes(final_review.uuid, signing_key=leader_key)
    contents = members(data)
    contents[P.REVIEW] = contents[P.REVIEW].replace('"A"'.encode(), '"D"'.encode())
    path = tmp_path / "forged.kanwa"
    path.write_bytes(rehash(contents))
    before = snapshot(hub)
    [r] = hub.import_packages([path])
    assert (r.status, r.signature) == ("rejected", "invalid")
    assert r.signer == {"name": "山田 花子", "fingerprint": leader_key.fingerprint}
    assert any("署名が正しくありません" in e for e in r.errors)
    assert snapshot(hub) == before
    # a member changed without re-hashing: the content no longer matches what was signed
    contents = members(data)
    contents[P.FORM] = contents[P.FORM] + b" "
    path.write_bytes(rezip(contents))
    [r] = hub.import_packages([path])
    assert (r.status, r.signature) == ("rejected", "invalid")


def test_a_stripped_or_moved_signature_is_refused(services, final_review, hub, leader_key,
                                                  tmp_path):
    _r, data = services.package_bytes(final_review.uuid, signing_key=leader_key)
    stripped = members(data)
    del stripped[P.SIGNATURE]
    (tmp_path / "stripped.kanwa").write_bytes(rezip(stripped))
    # the signature of another package (here: the same review, exported at another time)
    _r, other = services.package_bytes(final_review.uuid, signing_key=leader_key)
    moved = members(data)
    moved[P.SIGNATURE] = members(build_package(
        services.review_document(final_review.uuid),
        services.form_of(final_review).canonical_json(), signer=leader_key,
        created_at="2030-01-01T00:00:00+00:00"))[P.SIGNATURE]
    (tmp_path / "moved.kanwa").write_bytes(rezip(moved))
    # signature kept, signer's name changed in the manifest
    renamed = members(data)
    renamed[P.MANIFEST] = renamed[P.MANIFEST].replace("山田 花子".encode(), "鈴木 一郎".encode(),
                                                      1)
    (tmp_path / "renamed.kanwa").write_bytes(rezip(renamed))
    # a signature where the manifest names no signer
    unsigned = members(services.package_bytes(final_review.uuid)[1])
    unsigned[P.SIGNATURE] = moved[P.SIGNATURE]
    (tmp_path / "orphan.kanwa").write_bytes(rezip(unsigned))
    before = snapshot(hub)
    names = ["stripped", "moved", "renamed", "orphan"]
    results = hub.import_packages([tmp_path / f"{n}.kanwa" for n in names])
    assert [r.status for r in results] == ["rejected"] * 4
    assert [r.signature for r in results] == ["invalid"] * 4
    assert snapshot(hub) == before


def test_unknown_key_imports_as_unknown_until_signatures_are_required(
        services, final_review, hub, stranger_key, tmp_path):
    path = export(services, final_review.uuid, tmp_path / "x.kanwa", stranger_key)
    before = snapshot(hub)
    [refused] = hub.import_packages([path], require_signature=True)
    assert (refused.status, refused.signature) == ("rejected", "unknown")
    assert "信頼リストにありません" in refused.errors[0] and "keys trust" in refused.errors[0]
    assert snapshot(hub) == before
    [r] = hub.import_packages([path])
    assert (r.status, r.signature) == ("imported", "unknown")
    assert r.signer["fingerprint"] == stranger_key.fingerprint


def test_the_hub_setting_requires_signatures_once_the_trust_list_has_a_key(
        services, final_review, hub, leader_key, tmp_path):
    assert hub.signature_setting() is None and not hub.require_signature()
    unsigned = export(services, final_review.uuid, tmp_path / "u.kanwa")
    hub.trust_key(leader_key.public)
    assert hub.require_signature()
    [r] = hub.import_packages([unsigned])
    assert (r.status, r.signature) == ("rejected", "unsigned")
    assert "署名がありません" in r.errors[0]
    hub.set_require_signature(False)
    assert hub.signature_setting() is False and not hub.require_signature()
    [r] = hub.import_packages([unsigned])
    assert (r.status, r.signature) == ("imported", "unsigned")
    hub.set_require_signature(None)
    assert hub.require_signature()
    assert [e["action"] for e in hub.database.query(
        "SELECT action FROM audit WHERE entity = 'setting'")] == ["update", "update"]


def test_revoked_key_later_files_refused_earlier_ones_stay_marked(
        services, final_review, hub, leader_key, tmp_path):
    hub.trust_key(leader_key.public)
    r1 = export(services, final_review.uuid, tmp_path / "r1.kanwa", leader_key)
    assert hub.import_packages([r1])[0].status == "imported"
    entry = hub.revoke_key(leader_key.fingerprint.replace("-", "").lower())
    assert entry.revoked and hub.trusted_keys()[0].revoked_at == entry.revoked_at
    amend_and_finalise(services, final_review.uuid)
    r2 = export(services, final_review.uuid, tmp_path / "r2.kanwa", leader_key)
    before = snapshot(hub)
    [r] = hub.import_packages([r2])
    assert (r.status, r.signature) == ("rejected", "revoked") and "失効" in r.errors[0]
    [again] = hub.import_packages([r1])               # seen before, but its key is revoked now
    assert (again.status, again.signature) == ("rejected", "revoked")
    assert snapshot(hub) == before
    assert hub.review(final_review.uuid).revision == 1          # what it signed before stays
    assert hub.revision_signature(final_review.uuid, 1)[0] == T.REVOKED
    with pytest.raises(ValueError, match="失効した鍵は再び信頼できません"):
        hub.trust_key(leader_key.public)
    with pytest.raises(LookupError):
        hub.revoke_key("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    with pytest.raises(ValueError):
        hub.revoke_key("not a fingerprint")


def test_version_1_and_2_files_import_as_unsigned(hub):
    mh = _make_hostile()

    for version, actions in ((1, None), (2, mh.actions_document())):
        data = mh.package(format_version=version, actions=actions)
        package = read_package_bytes(data, f"v{version}.kanwa")
        assert package.signature.status == T.UNSIGNED and package.audit_chain is None
    path = HOSTILE / "valid.kanwa"
    [r] = hub.import_packages([path])
    assert (r.status, r.signature, r.signer) == ("imported", "unsigned", None)


def test_an_old_version_claiming_a_signature_is_refused():
    mh = _make_hostile()

    data = mh.package(format_version=2, actions=mh.actions_document())
    contents = members(data)
    manifest = json.loads(contents[P.MANIFEST])
    manifest["audit"] = {"count": 0, "head": "0" * 64}
    contents[P.MANIFEST] = json.dumps(manifest).encode()
    with pytest.raises(PackageRejected) as info:
        read_package_bytes(rezip(contents), "old.kanwa")
    assert "第2版の形式には署名も監査記録の連鎖もありません" in info.value.problems[0]


# --- revisions bound to their signers ---------------------------------------------------------

def test_unsigned_revision_100000_cannot_block_the_real_revision_2(
        services, final_review, hub, leader_key, tmp_path):
    hub.trust_key(leader_key.public)
    uuid = final_review.uuid
    r1 = export(services, uuid, tmp_path / "r1.kanwa", leader_key)
    assert hub.import_packages([r1])[0].status == "imported"
    forged = tmp_path / "r100000.kanwa"
    forged.write_bytes(forged_revision(services, uuid, 100000))
    before = snapshot(hub)
    [r] = hub.import_packages([forged], require_signature=True)
    assert (r.status, r.signature) == ("rejected", "unsigned")
    assert snapshot(hub) == before
    # even where signatures are not required, an unsigned file cannot supersede a signed one
    hub.set_require_signature(False)
    before = snapshot(hub)
    [r] = hub.import_packages([forged])
    assert r.status == "rejected" and "署名しています" in r.errors[0]
    assert snapshot(hub) == before
    # ... nor can a file signed by another key
    stranger = K.generate("他チーム")
    hub.trust_key(stranger.public)
    forged.write_bytes(forged_revision(services, uuid, 100000, signer=stranger))
    [r] = hub.import_packages([forged])
    assert (r.status, r.signature) == ("rejected", "trusted") and "署名しています" in r.errors[0]
    hub.set_require_signature(None)
    amend_and_finalise(services, uuid)
    r2 = export(services, uuid, tmp_path / "r2.kanwa", leader_key)
    [real] = hub.import_packages([r2], require_signature=True)
    assert (real.status, real.revision, real.signature) == ("superseded", 2, "trusted")
    assert hub.review(uuid).revision == 2 and hub.answers(uuid)["A-2"].rating == "B"


def test_a_key_listed_for_the_facility_may_sign_the_next_revision(
        services, final_review, hub, leader_key, tmp_path):
    new_leader = K.generate("新リーダー")
    hub.trust_key(leader_key.public)
    hub.trust_key(new_leader.public)
    uuid = final_review.uuid
    hub.import_packages([export(services, uuid, tmp_path / "r1.kanwa", leader_key)])
    amend_and_finalise(services, uuid)
    r2 = export(services, uuid, tmp_path / "r2.kanwa", new_leader)
    assert hub.import_packages([r2])[0].status == "rejected"
    entry = hub.trust_key(new_leader.public, facilities=["F001"])
    assert entry.facilities == ("F001",)
    assert hub.import_packages([r2])[0].status == "superseded"
    with pytest.raises(LookupError):
        hub.trust_key(new_leader.public, facilities=["NOPE"])


def test_at_a_hub_with_a_trust_list_an_untrusted_file_supersedes_nothing(
        services, final_review, hub, leader_key, stranger_key, tmp_path):
    uuid = final_review.uuid
    hub.import_packages([export(services, uuid, tmp_path / "r1.kanwa")])    # unsigned, held
    hub.trust_key(leader_key.public)
    hub.set_require_signature(False)
    amend_and_finalise(services, uuid)
    [r] = hub.import_packages([export(services, uuid, tmp_path / "r2u.kanwa", stranger_key)])
    assert r.status == "rejected" and "信頼済みの鍵で署名されていない" in r.errors[0]
    [r] = hub.import_packages([export(services, uuid, tmp_path / "r2.kanwa", leader_key)])
    assert (r.status, r.signature) == ("superseded", "trusted")


def test_untrusted_actions_do_not_close_the_facilitys_actions(services, final_review, hub,
                                                             leader_key, stranger_key,
                                                             tmp_path):
    action = services.add_action("F001", "緩和ケア年度計画を文書化する",
                                 created_at="2025-11-20T08:00:00+00:00")
    hub.trust_key(leader_key.public)
    hub.import_packages([export(services, final_review.uuid, tmp_path / "r1.kanwa",
                                leader_key)])
    assert hub.action(action.uuid).status == "not_started"
    services.add_progress(action.uuid, "done", "完了した")
    hub.set_require_signature(False)
    [r] = hub.import_packages([export(services, final_review.uuid, tmp_path / "s.kanwa",
                                      stranger_key)])
    assert (r.status, r.signature) == ("unchanged", "unknown")
    assert r.actions["withheld"] == 1 and any("改善計画" in w for w in r.warnings)
    assert hub.action(action.uuid).status == "not_started"
    [r] = hub.import_packages([export(services, final_review.uuid, tmp_path / "t.kanwa",
                                      leader_key)])
    assert r.actions["updated"] == 1 and hub.action(action.uuid).status == "done"


# --- the audit chain --------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["deleted", "reordered", "edited"])
def test_audit_entry_deleted_reordered_or_edited_in_a_signed_package(
        services, final_review, hub, leader_key, tmp_path, how):
    hub.trust_key(leader_key.public)
    _r, data = services.package_bytes(final_review.uuid, signing_key=leader_key)
    contents = members(data)
    doc = json.loads(contents[P.REVIEW])
    audit = doc["audit"]
    assert len(audit) >= 4
    if how == "deleted":
        del audit[1]
    elif how == "reordered":
        audit[1], audit[2] = audit[2], audit[1]
    else:
        audit[1]["actor"] = "誰か別の人"
    contents[P.REVIEW] = json.dumps(doc, ensure_ascii=False).encode()
    # re-signed with the leader's own key: only the chain can tell
    path = tmp_path / "x.kanwa"
    path.write_bytes(rehash(contents, resign=leader_key))
    before = snapshot(hub)
    [r] = hub.import_packages([path])
    assert r.status == "rejected" and r.signature == "trusted"
    assert any("監査記録（変更履歴）" in e for e in r.errors), r.errors
    assert snapshot(hub) == before
    # and without the key, the signature gives it away first
    path.write_bytes(rehash(contents))
    [r] = hub.import_packages([path])
    assert (r.status, r.signature) == ("rejected", "invalid")


def test_the_last_entry_removed_and_the_head_rewritten_breaks_the_signature(
        services, final_review, hub, leader_key, tmp_path):
    from kanwa_review.core import audit_chain

    _r, data = services.package_bytes(final_review.uuid, signing_key=leader_key)
    contents = members(data)
    doc = json.loads(contents[P.REVIEW])
    doc["audit"].pop()
    contents[P.REVIEW] = json.dumps(doc, ensure_ascii=False).encode()
    _b, head = audit_chain.first_break(doc["audit"], final_review.uuid)
    path = tmp_path / "x.kanwa"
    path.write_bytes(rehash(contents, manifest_change=lambda m: m.update(
        audit={"count": len(doc["audit"]), "head": head})))
    [r] = hub.import_packages([path])
    assert (r.status, r.signature) == ("rejected", "invalid")
    path.write_bytes(rehash(contents, resign=leader_key))   # head left: the chain says so
    with pytest.raises(PackageRejected) as info:
        read_package_bytes(path.read_bytes(), "x.kanwa")
    assert any("目録の記載" in p for p in info.value.problems)


def test_a_later_revision_must_continue_the_trail_held(services, final_review, hub, leader_key,
                                                       tmp_path):
    hub.trust_key(leader_key.public)
    uuid = final_review.uuid
    hub.import_packages([export(services, uuid, tmp_path / "r1.kanwa", leader_key)])
    amend_and_finalise(services, uuid)
    doc = services.review_document(uuid)
    doc["audit"] = [e for e in doc["audit"] if e["action"] != "create"]   # history rewritten
    data = build_package(doc, services.form_of(services.review(uuid)).canonical_json(),
                         signer=leader_key)
    path = tmp_path / "r2.kanwa"
    path.write_bytes(data)
    before = snapshot(hub)
    [r] = hub.import_packages([path])
    assert r.status == "rejected" and "続きになっていません" in r.errors[0]
    assert snapshot(hub) == before
    [ok] = hub.import_packages([export(services, uuid, tmp_path / "r2ok.kanwa", leader_key)])
    assert ok.status == "superseded"


# --- amendments with a reason, the named person -----------------------------------------------

def test_an_amendment_needs_a_reason_which_travels_and_is_printed(services, final_review, hub,
                                                                  leader_key, tmp_path):
    uuid = final_review.uuid
    for reason in ("", "   ", None):
        with pytest.raises(ValueError, match="修正の理由が必要です"):
            services.amend(uuid, reason)
    with pytest.raises(ValueError, match="500文字以内"):
        services.amend(uuid, "あ" * 501)
    assert services.review(uuid).revision == 1
    amend_and_finalise(services, uuid, reason="A-2 の根拠資料を追加で確認した")
    assert services.amendment_reason(uuid, 2) == "A-2 の根拠資料を追加で確認した"
    assert services.amendment_reason(uuid, 1) is None
    hub.trust_key(leader_key.public)
    hub.import_packages([export(services, uuid, tmp_path / "r2.kanwa", leader_key)])
    assert hub.amendment_reason(uuid, 2) == "A-2 の根拠資料を追加で確認した"
    amend = [e for e in hub.audit_trail(uuid) if e["action"] == "amend"]
    assert amend[0]["new"]["reason"] == "A-2 の根拠資料を追加で確認した"
    report = hub.feedback_report(uuid)
    assert report.revision_note == "A-2 の根拠資料を追加で確認した"
    pdf = hub.write_report(uuid, tmp_path / "r.pdf")
    from pypdf import PdfReader

    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "修正理由" in text and "根拠資料" in text


def test_the_named_person_is_the_actor(database, tmp_path, monkeypatch):
    services = Services(database)
    assert services.profile() is None
    monkeypatch.delenv("KANWA_REVIEW_ACTOR", raising=False)
    profile = services.set_profile("看護 花子", "nurse", "架空県立がんセンター")
    assert profile.actor == "看護 花子（架空県立がんセンター）"
    assert services.actor == profile.actor and Services(database).actor == profile.actor
    assert services.profile() == profile
    services.create_facility("F009", "架空病院")
    assert database.query("SELECT actor FROM audit ORDER BY id DESC LIMIT 1")[0]["actor"] \
        == profile.actor
    monkeypatch.setenv("KANWA_REVIEW_ACTOR", "夜間バッチ")
    assert Services(database).actor == "夜間バッチ"
    with pytest.raises(ValueError):
        services.set_profile("", "nurse")
    assert services.profile() == profile


def test_this_installations_export_keys_are_remembered(tmp_path, hub_key):
    assert Services.export_key_paths() == (None, None)
    files = Services.create_key_files("leader", tmp_path, PASS)
    hub_pub = tmp_path / "hub.pub"
    hub_pub.write_text(K.public_text(hub_key.public), encoding="utf-8")
    Services.set_export_key_paths(files.private_path, hub_pub)
    assert Services.export_key_paths() == (files.private_path.resolve(), hub_pub.resolve())
    with pytest.raises(ValueError):
        Services.set_export_key_paths(files.private_path, files.private_path)  # not a .pub
    with pytest.raises(ValueError):
        Services.set_export_key_paths(tmp_path / "none.key", None)
    Services.set_export_key_paths(None, None)
    assert Services.export_key_paths() == (None, None)


def test_an_older_revision_exported_after_an_amendment_still_chains_into_the_next(
        services, final_review, hub, leader_key, tmp_path):
    uuid = final_review.uuid
    hub.trust_key(leader_key.public)
    action = services.add_action("F001", "研修計画を作る", origin_review_uuid=uuid,
                                 created_at="2025-11-20T08:00:00+00:00")
    services.amend(uuid, "A-2 の再確認")
    # progress on an action of revision 1 while revision 2 is being edited: an audit entry of
    # revision 1 written after revision 2 began
    services.add_progress(action.uuid, "in_progress", "着手した")
    services.set_answer(uuid, "A-2", rating="B", comment="計画を文書化した")
    services.finalise(uuid, "山田 花子")
    r1 = services.export_package(uuid, tmp_path / "r1.kanwa", revision=1,
                                 signing_key=leader_key).path
    r2 = export(services, uuid, tmp_path / "r2.kanwa", leader_key)
    trail = services.audit_trail(uuid)
    late = [e for e in trail if e["entity"] == "action" and e["action"] == "progress"]
    assert late and late[0]["revision"] == 1 and late[0]["id"] > min(
        e["id"] for e in trail if e["revision"] == 2)
    assert [r.status for r in hub.import_packages([r1, r2])] == ["imported", "superseded"]
