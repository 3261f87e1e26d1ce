"""Who sent a file and whether the hub trusts it: the signature words, the fingerprint a person
reads aloud, the trust list's entries, and the rules that decide what a signed (or unsigned)
file may change at the hub (docs/security.md)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Collection
from dataclasses import dataclass, field

from kanwa_review.core.i18n import translate

# The signature of one file, as `import --json` prints it (design §6).
TRUSTED = "trusted"    # a valid signature by a key on the hub's trust list
UNKNOWN = "unknown"    # a valid signature by a key the hub does not list
INVALID = "invalid"    # signed, but the signature does not match what the file holds
UNSIGNED = "unsigned"  # no signature (format versions 1 and 2, or exported without --sign)
REVOKED = "revoked"    # a valid signature by a key the hub has revoked
SIGNATURE_STATUSES = (TRUSTED, UNKNOWN, INVALID, UNSIGNED, REVOKED)
VALID = "valid"        # what a reader without a trust list can say of a good signature


def signature_word(status: str | None) -> str:
    """The word for a signature status in the reader's language (the app's import results, the
    command line); a file that could not be read that far (None) counts as invalid."""
    words = {TRUSTED: translate("Signature", "信頼済みの署名"),
             UNKNOWN: translate("Signature", "信頼リストにない鍵の署名"),
             INVALID: translate("Signature", "署名が不正"),
             UNSIGNED: translate("Signature", "署名なし"),
             REVOKED: translate("Signature", "失効した鍵の署名"),
             VALID: translate("Signature", "有効な署名")}
    return words.get(status or INVALID, status or "")

# A key's fingerprint: SHA-256 of its two public keys, the first 120 bits in base32 (no 0/1/8/9
# to mishear), six groups of four read aloud on the phone: "K7QD-4M2X-…".
_KEY_DOMAIN = b"kanwa-key/1\x00"
GROUP = 4
GROUPS = 6
_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def key_digest(sign_public: bytes, box_public: bytes) -> bytes:
    """The 32-byte identity of a key pair (its signing and its encryption public key)."""
    return hashlib.sha256(_KEY_DOMAIN + sign_public + box_public).digest()


def fingerprint_of_digest(digest: bytes) -> str:
    text = base64.b32encode(digest).decode()[:GROUP * GROUPS]
    return "-".join(text[i:i + GROUP] for i in range(0, GROUP * GROUPS, GROUP))


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    return fingerprint_of_digest(key_digest(sign_public, box_public))


def normalise_fingerprint(text: str) -> str | None:
    """A fingerprint as a person typed it (any case, spaces or dashes anywhere) in its one
    written form, or None when it cannot be one."""
    compact = "".join(c for c in text.upper() if c not in " -\t")
    if len(compact) != GROUP * GROUPS or set(compact) - _ALPHABET:
        return None
    return "-".join(compact[i:i + GROUP] for i in range(0, GROUP * GROUPS, GROUP))


@dataclass(frozen=True)
class Signer:
    """Who signed a file, as the file claims it (the hub's own list decides the trust)."""

    name: str
    fingerprint: str

    def to_json(self) -> dict:
        return {"name": self.name, "fingerprint": self.fingerprint}


@dataclass(frozen=True)
class TrustedKey:
    """One entry of the hub's trust list. `facilities`: codes of the facilities whose reviews
    the key may also amend when it did not sign their earlier revisions (a new team leader)."""

    name: str
    fingerprint: str
    added_at: str
    added_by: str | None = None
    revoked_at: str | None = None
    facilities: tuple[str, ...] = ()

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def to_json(self) -> dict:
        return {"name": self.name, "fingerprint": self.fingerprint, "added": self.added_at,
                "revoked": self.revoked_at, "facilities": list(self.facilities)}


@dataclass(frozen=True)
class TrustList:
    """What one import run needs of the trust list and the hub's settings."""

    trusted: frozenset[str] = frozenset()
    revoked: frozenset[str] = frozenset()
    scopes: dict[str, frozenset[str]] = field(default_factory=dict)
    require_signature: bool = False

    @classmethod
    def of(cls, keys: Collection[TrustedKey], setting: bool | None,
           force: bool = False) -> TrustList:
        """From the list's entries, the hub's require-signature setting (None: not set) and a
        run that demands signatures whatever the setting (`import --require-signature`)."""
        return cls(frozenset(k.fingerprint for k in keys if not k.revoked),
                   frozenset(k.fingerprint for k in keys if k.revoked),
                   {k.fingerprint: frozenset(k.facilities) for k in keys if not k.revoked},
                   force or require_signature(setting, len(keys)))

    @property
    def in_use(self) -> bool:
        """The hub keeps a trust list (even if every key on it is revoked)."""
        return bool(self.trusted or self.revoked)

    def status(self, check: str, signer_fingerprint: str | None) -> str:
        """The signature word of a file whose signature check said `check` (VALID, INVALID or
        UNSIGNED)."""
        if check != VALID:
            return check
        if signer_fingerprint in self.revoked:
            return REVOKED
        return TRUSTED if signer_fingerprint in self.trusted else UNKNOWN

    def may_amend_facility(self, signer_fingerprint: str | None, facility_code: str) -> bool:
        if signer_fingerprint is None:
            return False
        return facility_code in self.scopes.get(signer_fingerprint, frozenset())


def require_signature(setting: bool | None, keys_listed: int) -> bool:
    """The hub's rule: its own setting when it made one, else on as soon as it lists a key."""
    return keys_listed > 0 if setting is None else setting


# Why a file is refused whatever it holds (None: the signature does not stop it).
REFUSE_INVALID, REFUSE_REVOKED, REFUSE_UNTRUSTED = "invalid", "revoked", "untrusted"


def refusal(status: str, require: bool) -> str | None:
    if status == INVALID:
        return REFUSE_INVALID
    if status == REVOKED:
        return REFUSE_REVOKED
    if require and status != TRUSTED:
        return REFUSE_UNTRUSTED
    return None


# Why a file may not supersede the revisions held (None: it may).
BOUND, UNTRUSTED = "bound", "untrusted"


def supersede_refusal(status: str, signer_fingerprint: str | None, held_signers: Collection[str],
                      may_amend_facility: bool, trust_in_use: bool) -> str | None:
    """A higher revision binds to the keys that signed the revisions held: once a revision is
    signed, only one of its signers (trusted, or at least the same key), or a trusted key the
    hub lists for the facility, may supersede it — an unsigned or foreign "revision 100000"
    never becomes current. A hub that keeps a trust list also lets no untrusted file
    supersede revisions that nobody signed."""
    if held_signers:
        if status in (TRUSTED, UNKNOWN) and signer_fingerprint in held_signers:
            return None
        if status == TRUSTED and may_amend_facility:
            return None
        return BOUND
    if trust_in_use and status != TRUSTED:
        return UNTRUSTED
    return None


def may_change_held_actions(status: str, trust_in_use: bool) -> bool:
    """Improvement actions in a file change (or close) the hub's actions only when the file is
    trusted; a hub without a trust list takes every valid file as before."""
    return status == TRUSTED or (not trust_in_use and status in (UNSIGNED, UNKNOWN))


__all__ = ["TRUSTED", "UNKNOWN", "INVALID", "UNSIGNED", "REVOKED", "VALID",
           "SIGNATURE_STATUSES", "signature_word", "key_digest", "fingerprint", "fingerprint_of_digest",
           "normalise_fingerprint", "Signer", "TrustedKey", "TrustList", "require_signature",
           "refusal", "supersede_refusal", "may_change_held_actions", "REFUSE_INVALID",
           "REFUSE_REVOKED", "REFUSE_UNTRUSTED", "BOUND", "UNTRUSTED"]
