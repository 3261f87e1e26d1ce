"""core/trust.py, core/audit_chain.py and core/person.py: fingerprints, the trust list's words
and rules, the audit trail's hash chain, the named person — pure code, no keys, no database."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest

from kanwa_review.core import audit_chain as C
from kanwa_review.core import trust as T
from kanwa_review.core.person import Profile

SIGN, BOX = bytes(range(32)), bytes(range(32, 64))


# --- fingerprints -----------------------------------------------------------------------------

def test_fingerprint_is_the_base32_of_the_keys_digest_in_six_groups_of_four():
    digest = hashlib.sha256(b"kanwa-key/1\x00" + SIGN + BOX).digest()
    assert T.key_digest(SIGN, BOX) == digest
    text = base64.b32encode(digest).decode()[:24]
    expected = "-".join(text[i:i + 4] for i in range(0, 24, 4))
    assert T.fingerprint(SIGN, BOX) == T.fingerprint_of_digest(digest) == expected
    assert len(expected) == 29 and expected.count("-") == 5
    # both keys count, in their order
    assert T.fingerprint(BOX, SIGN) != expected
    assert T.fingerprint(SIGN, bytes(32)) != expected


def test_a_typed_fingerprint_is_normalised_or_refused():
    fp = T.fingerprint(SIGN, BOX)
    compact = fp.replace("-", "")
    assert T.normalise_fingerprint(fp) == fp
    assert T.normalise_fingerprint(compact.lower()) == fp
    assert T.normalise_fingerprint(" ".join(compact[i:i + 4] for i in range(0, 24, 4))) == fp
    assert T.normalise_fingerprint("\t" + fp + " ") == fp
    assert T.normalise_fingerprint(compact[:-1]) is None          # too short
    assert T.normalise_fingerprint(compact + "A") is None         # too long
    assert T.normalise_fingerprint(compact[:-1] + "1") is None    # 1 is not base32
    assert T.normalise_fingerprint(compact[:-1] + "_") is None
    assert T.normalise_fingerprint("ABCDEFGHIJKLMNOPQRSTUVWX") == "ABCD-EFGH-IJKL-MNOP-QRST-UVWX"
    assert T.normalise_fingerprint("234567234567234567234567") == "2345-6723-4567-2345-6723-4567"
    assert T.normalise_fingerprint("") is None


# --- signers and the trust list ---------------------------------------------------------------

def test_signer_and_trusted_key_print_as_json():
    assert T.Signer("山田", "AAAA").to_json() == {"name": "山田", "fingerprint": "AAAA"}
    key = T.TrustedKey("山田", "AAAA", "2026-01-01", "事務局", None, ("F001",))
    assert not key.revoked
    assert key.to_json() == {"name": "山田", "fingerprint": "AAAA", "added": "2026-01-01",
                             "revoked": None, "facilities": ["F001"]}
    gone = T.TrustedKey("鈴木", "BBBB", "2026-01-01", revoked_at="2026-02-01")
    assert gone.revoked and gone.to_json()["revoked"] == "2026-02-01"
    assert gone.to_json()["facilities"] == []


def _list(setting=None, force=False):
    keys = [T.TrustedKey("a", "A", "t", facilities=("F001", "F002")),
            T.TrustedKey("b", "B", "t"),
            T.TrustedKey("c", "C", "t", revoked_at="u", facilities=("F001",))]
    return T.TrustList.of(keys, setting, force)


def test_trust_list_words():
    trust = _list()
    assert trust.trusted == {"A", "B"} and trust.revoked == {"C"}
    assert trust.in_use and trust.require_signature            # default: on once a key is listed
    assert trust.status(T.VALID, "A") == T.TRUSTED
    assert trust.status(T.VALID, "C") == T.REVOKED
    assert trust.status(T.VALID, "Z") == T.UNKNOWN
    assert trust.status(T.VALID, None) == T.UNKNOWN
    assert trust.status(T.UNSIGNED, None) == T.UNSIGNED
    assert trust.status(T.INVALID, "A") == T.INVALID          # a bad signature is never trusted
    assert trust.may_amend_facility("A", "F002") and not trust.may_amend_facility("A", "F003")
    assert not trust.may_amend_facility("C", "F001")           # revoked keys have no scope
    assert not trust.may_amend_facility(None, "F001")
    assert not trust.may_amend_facility("Z", "F001")


def test_trust_list_setting_and_force():
    assert not _list(setting=False).require_signature
    assert _list(setting=False, force=True).require_signature
    empty = T.TrustList.of([], None)
    assert not empty.in_use and not empty.require_signature
    assert T.TrustList.of([], None, force=True).require_signature
    assert T.TrustList.of([], True).require_signature
    only_revoked = T.TrustList.of([T.TrustedKey("c", "C", "t", revoked_at="u")], None)
    assert only_revoked.in_use and only_revoked.require_signature
    assert T.TrustList().status(T.VALID, "A") == T.UNKNOWN


def test_require_signature_default():
    assert T.require_signature(None, 0) is False
    assert T.require_signature(None, 1) is True
    assert T.require_signature(False, 3) is False
    assert T.require_signature(True, 0) is True


def test_refusal_by_signature():
    assert T.refusal(T.INVALID, False) == T.REFUSE_INVALID
    assert T.refusal(T.REVOKED, False) == T.REFUSE_REVOKED
    assert T.refusal(T.INVALID, True) == T.REFUSE_INVALID
    assert T.refusal(T.REVOKED, True) == T.REFUSE_REVOKED
    for status in (T.UNKNOWN, T.UNSIGNED):
        assert T.refusal(status, False) is None
        assert T.refusal(status, True) == T.REFUSE_UNTRUSTED
    assert T.refusal(T.TRUSTED, True) is None and T.refusal(T.TRUSTED, False) is None


def test_a_higher_revision_binds_to_the_held_signers():
    held = {"L"}
    # the leader who signed revision 1, trusted or at least the same key
    assert T.supersede_refusal(T.TRUSTED, "L", held, False, True) is None
    assert T.supersede_refusal(T.UNKNOWN, "L", held, False, False) is None
    # a trusted key listed for the facility's team
    assert T.supersede_refusal(T.TRUSTED, "M", held, True, True) is None
    # everything else: an unsigned or foreign "revision 100000"
    assert T.supersede_refusal(T.UNSIGNED, None, held, False, False) == T.BOUND
    assert T.supersede_refusal(T.UNSIGNED, None, held, True, True) == T.BOUND
    assert T.supersede_refusal(T.TRUSTED, "X", held, False, True) == T.BOUND
    assert T.supersede_refusal(T.UNKNOWN, "X", held, True, False) == T.BOUND
    assert T.supersede_refusal(T.REVOKED, "L", held, True, True) == T.BOUND
    assert T.supersede_refusal(T.INVALID, "L", held, True, True) == T.BOUND


def test_unsigned_held_revisions_need_a_trusted_file_only_at_a_hub_that_keeps_a_list():
    assert T.supersede_refusal(T.UNSIGNED, None, set(), False, False) is None
    assert T.supersede_refusal(T.UNKNOWN, "X", set(), False, False) is None
    assert T.supersede_refusal(T.TRUSTED, "A", set(), False, True) is None
    assert T.supersede_refusal(T.UNSIGNED, None, set(), False, True) == T.UNTRUSTED
    assert T.supersede_refusal(T.UNKNOWN, "X", set(), True, True) == T.UNTRUSTED


def test_who_may_change_held_actions():
    assert T.may_change_held_actions(T.TRUSTED, True)
    assert T.may_change_held_actions(T.TRUSTED, False)
    assert T.may_change_held_actions(T.UNSIGNED, False)
    assert T.may_change_held_actions(T.UNKNOWN, False)
    assert not T.may_change_held_actions(T.UNSIGNED, True)
    assert not T.may_change_held_actions(T.UNKNOWN, True)
    assert not T.may_change_held_actions(T.REVOKED, False)
    assert not T.may_change_held_actions(T.INVALID, False)


def test_the_signature_words_are_the_contracts():
    assert T.SIGNATURE_STATUSES == ("trusted", "unknown", "invalid", "unsigned", "revoked")
    assert T.VALID == "valid" and T.VALID not in T.SIGNATURE_STATUSES


def test_each_signature_status_has_its_word_for_a_reader():
    assert [T.signature_word(s) for s in (*T.SIGNATURE_STATUSES, T.VALID)] == [
        "信頼済みの署名", "信頼リストにない鍵の署名", "署名が不正", "署名なし", "失効した鍵の署名",
        "有効な署名"]
    assert T.signature_word(None) == "署名が不正"       # not read that far: not a good signature
    assert T.signature_word("") == "署名が不正"
    assert T.signature_word("someday") == "someday"      # a word of a later version, as it is


def test_the_signature_words_follow_the_language(echo_catalog):
    assert T.signature_word(T.TRUSTED) == "[Signature] 信頼済みの署名"
    assert T.signature_word(T.REVOKED) == "[Signature] 失効した鍵の署名"


# --- the audit chain --------------------------------------------------------------------------

UUID = "0b7c2a52-5d7e-4f0e-9a55-3f1d2c4b6a10"


def _entries(n=4):
    return [{"at": f"2025-11-20T10:0{i}:00+09:00", "actor": "架空 花子", "revision": 1,
             "entity": "answer", "key": f"A-{i}", "action": "update", "old": None,
             "new": {"rating": "A", "n": i}} for i in range(n)]


def test_genesis_and_entry_hash_are_canonical_json_hashes():
    assert C.genesis(UUID) == hashlib.sha256(b"kanwa-audit-chain/1\n" + UUID.encode()).hexdigest()
    assert C.genesis(UUID) != C.genesis(UUID.replace("0", "1"))
    e = _entries(1)[0]
    body = dict(e, prev="p")
    text = json.dumps(body, sort_keys=True, separators=(",", ":"))
    assert C.entry_hash(e, "p") == hashlib.sha256(text.encode()).hexdigest()
    assert C.entry_hash(dict(e, extra="ignored"), "p") == C.entry_hash(e, "p")
    assert C.entry_hash(e, "q") != C.entry_hash(e, "p")


def test_link_then_verify_and_every_tampering_shows():
    linked, head = C.link(_entries(), UUID)
    assert [{k: e[k] for k in C.FIELDS} for e in linked] == _entries()
    assert linked[0]["prev"] == C.genesis(UUID)
    assert linked[1]["prev"] == C.entry_hash(linked[0], linked[0]["prev"])
    assert C.first_break(linked, UUID) == (None, head)
    assert C.link([], UUID) == ([], C.genesis(UUID))
    assert C.first_break([], UUID) == (None, C.genesis(UUID))
    assert set(linked[0]) == set(C.FIELDS) | {"prev"}

    deleted = linked[:1] + linked[2:]
    assert C.first_break(deleted, UUID)[0] == 1
    reordered = [linked[1], linked[0]] + linked[2:]
    assert C.first_break(reordered, UUID)[0] == 0
    edited = [dict(e) for e in linked]
    edited[2]["new"] = {"rating": "D", "n": 2}
    assert C.first_break(edited, UUID)[0] == 3
    # the last entry edited or dropped leaves the links intact: the head (signed) differs
    last = [dict(e) for e in linked]
    last[-1]["actor"] = "誰か"
    broken, other = C.first_break(last, UUID)
    assert broken is None and other != head
    assert C.first_break(linked[:-1], UUID)[1] != head
    # a trail moved to another review breaks at once
    assert C.first_break(linked, UUID.replace("0", "2"))[0] == 0


def test_head_after_a_prefix_continues_an_earlier_revision():
    first, head1 = C.link(_entries(2), UUID)
    more, head2 = C.link(_entries(4), UUID)
    assert C.head_after(more, UUID, 2) == head1
    assert C.head_after(more, UUID, 4) == head2
    assert C.head_after(more, UUID, 0) == C.genesis(UUID)
    assert C.head_after(more, UUID, 5) is None
    changed = [dict(e) for e in more]
    changed[0]["key"] = "B-1"
    assert C.head_after(changed, UUID, 2) != head1


# --- the named person -------------------------------------------------------------------------

@pytest.fixture
def english(monkeypatch):
    """English from a catalog of exactly these messages: a message looked up under another
    context or source text would come out in Japanese."""
    from kanwa_review.core import i18n

    monkeypatch.setattr(i18n, "_language", "en")
    monkeypatch.setitem(i18n._catalogs, "en", {
        ("Profile", "氏名は1〜100文字で入力してください", ""): "Name: 1 to 100 characters",
        ("Profile", "所属施設は200文字以内で入力してください", ""): "Hospital: up to 200 characters",
        ("Profile", "職種 {value} は使えません", ""): "Profession {value} is not one of the list",
        ("Profile", "利用者の設定が読めません", ""): "The user profile cannot be read"})


@pytest.mark.parametrize("args, message", [
    (("",), "Name: 1 to 100 characters"), (("a" * 101,), "Name: 1 to 100 characters"),
    (("山田", "nurse", "x" * 201), "Hospital: up to 200 characters"),
    (("山田", "surgeon"), "Profession surgeon is not one of the list")])
def test_profile_messages(english, args, message):
    with pytest.raises(ValueError) as info:
        Profile(*args)
    assert str(info.value) == message


def test_stored_profile_message(english):
    with pytest.raises(ValueError) as info:
        Profile.from_json([])
    assert str(info.value) == "The user profile cannot be read"


def test_profile_cleans_and_names_the_actor():
    p = Profile("  山田   花子 ", "nurse", " 架空県立 がんセンター ")
    assert p.name == "山田 花子" and p.hospital == "架空県立 がんセンター"
    assert p.actor == "山田 花子（架空県立 がんセンター）"
    assert Profile("山田").actor == "山田" and Profile("山田").profession == "other"
    assert p.to_json() == {"name": "山田 花子", "profession": "nurse",
                           "hospital": "架空県立 がんセンター"}
    assert Profile.from_json(p.to_json()) == p
    assert Profile.from_json({"name": "鈴木", "profession": None}) == Profile("鈴木")
    assert Profile.from_json({"name": "鈴木", "hospital": None}).hospital == ""
    assert Profile.from_json({"name": "鈴木", "profession": "msw", "hospital": "架空病院"}) \
        == Profile("鈴木", "msw", "架空病院")


@pytest.mark.parametrize("args", [("",), ("  ",), ("a" * 101,), ("山田", "surgeon"),
                                  ("山田", "nurse", "x" * 201)])
def test_profile_refuses_what_it_cannot_record(args):
    with pytest.raises(ValueError):
        Profile(*args)


def test_profile_limits_are_inclusive():
    assert Profile("a" * 100, "other", "x" * 200).name == "a" * 100
    assert Profile("林").actor == "林"          # a one-character name is a name


@pytest.mark.parametrize("data", [None, [], {"profession": "nurse"}, {"name": 3}])
def test_a_stored_profile_that_is_not_one_is_refused(data):
    with pytest.raises(ValueError):
        Profile.from_json(data)


@pytest.mark.parametrize("status, word", [
    ("trusted", "信頼済みの署名"), ("unknown", "信頼リストにない鍵の署名"), ("invalid", "署名が不正"),
    ("unsigned", "署名なし"), ("revoked", "失効した鍵の署名"), ("valid", "有効な署名"),
    (None, "署名が不正"), ("", "署名が不正"), ("odd", "odd"),
])
def test_one_word_per_signature_status(status, word):
    from kanwa_review.core.trust import signature_word

    assert signature_word(status) == word


def test_the_signature_words_are_looked_up_under_their_context(echo_catalog):
    from kanwa_review.core.trust import signature_word

    assert [signature_word(s) for s in ("trusted", "unknown", "invalid", "unsigned", "revoked",
                                        "valid", None)] == [
        "[Signature] 信頼済みの署名", "[Signature] 信頼リストにない鍵の署名", "[Signature] 署名が不正",
        "[Signature] 署名なし", "[Signature] 失効した鍵の署名", "[Signature] 有効な署名",
        "[Signature] 署名が不正"]
