"""The two wrappers of a submission package (format version 3): the Ed25519 signature over
manifest.json, and the sealed envelope that encrypts a whole package for the hub (X25519 key
agreement, HKDF-SHA256, ChaCha20-Poly1305; a fresh content key per file).

A sealed file is binary: a short magic line, then a fixed header (whose key it is for, the
sender's one-time public key, the wrapped content key, the payload nonce), then the encrypted
package. It shows no facility name, no JSON and no member names. The header is authenticated
with both the key wrap and the payload, so no byte of the file can change unnoticed."""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kanwa_review.core.trust import fingerprint_of_digest
from kanwa_review.exchange.keys import PrivateKey, PublicKey

MAGIC = b"kanwa-sealed/1\n"
_DIGEST, _PUB, _NONCE, _KEY, _TAG = 32, 32, 12, 32, 16
HEADER_SIZE = len(MAGIC) + _DIGEST + _PUB + _NONCE + (_KEY + _TAG) + _NONCE
OVERHEAD = HEADER_SIZE + _TAG
_WRAP_INFO = b"kanwa-sealed/1 content-key wrap"
SIGNATURE_CONTEXT = b"kanwa-submission-signature/1\n"


class EnvelopeError(ValueError):
    """A sealed file could not be opened. `reason`: "short", "recipient" or "damaged";
    `recipient`: the fingerprint of the key the file was sealed for, when known."""

    def __init__(self, reason: str, recipient: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.recipient = recipient


def is_sealed(data: bytes) -> bool:
    return data.startswith(MAGIC)


def _wrap_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=_WRAP_INFO).derive(shared)


def seal(plain: bytes, recipient: PublicKey) -> bytes:
    """Encrypt a package for `recipient` (the hub)."""
    content_key = ChaCha20Poly1305.generate_key()
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes(serialization.Encoding.Raw,
                                                  serialization.PublicFormat.Raw)
    wrap = _wrap_key(ephemeral.exchange(recipient.box()), eph_pub, recipient.box_public)
    wrap_nonce, payload_nonce = os.urandom(_NONCE), os.urandom(_NONCE)
    head = MAGIC + recipient.digest + eph_pub + wrap_nonce
    wrapped = ChaCha20Poly1305(wrap).encrypt(wrap_nonce, content_key, head)
    header = head + wrapped + payload_nonce
    return header + ChaCha20Poly1305(content_key).encrypt(payload_nonce, plain, header)


def recipient_fingerprint(data: bytes) -> str | None:
    """The fingerprint of the key a sealed file is for (None when the file is too short)."""
    if len(data) < HEADER_SIZE:
        return None
    return fingerprint_of_digest(data[len(MAGIC):len(MAGIC) + _DIGEST])


def open_sealed(data: bytes, key: PrivateKey) -> bytes:
    """The package inside a sealed file; EnvelopeError when it is not for `key`, or when any
    byte of it was changed."""
    if len(data) < OVERHEAD:
        raise EnvelopeError("short")
    at = len(MAGIC)
    digest = data[at:at + _DIGEST]
    if digest != key.public.digest:
        raise EnvelopeError("recipient", fingerprint_of_digest(digest))
    at += _DIGEST
    eph_pub = data[at:at + _PUB]
    at += _PUB
    wrap_nonce = data[at:at + _NONCE]
    at += _NONCE
    head = data[:at]
    wrapped = data[at:at + _KEY + _TAG]
    at += _KEY + _TAG
    payload_nonce = data[at:at + _NONCE]
    header = data[:HEADER_SIZE]
    try:
        shared = key.box.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        wrap = _wrap_key(shared, eph_pub, key.public.box_public)
        content_key = ChaCha20Poly1305(wrap).decrypt(wrap_nonce, wrapped, head)
        return ChaCha20Poly1305(content_key).decrypt(payload_nonce, data[HEADER_SIZE:], header)
    except (InvalidTag, ValueError):
        raise EnvelopeError("damaged") from None


# --- the signature over manifest.json ------------------------------------------------------

@dataclass(frozen=True)
class SignatureCheck:
    """What the bytes of a package say about its signature: `status` VALID, INVALID or
    UNSIGNED (core.trust), and the signer the manifest names (None when unsigned)."""

    status: str
    signer_name: str | None = None
    signer_fingerprint: str | None = None


def sign(manifest: bytes, key: PrivateKey) -> bytes:
    return key.signing.sign(SIGNATURE_CONTEXT + manifest)


def signature_valid(manifest: bytes, signature: bytes, sign_public: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature,
                                                               SIGNATURE_CONTEXT + manifest)
    except (InvalidSignature, ValueError):
        return False
    return True


__all__ = ["MAGIC", "OVERHEAD", "EnvelopeError", "is_sealed", "seal", "open_sealed",
           "recipient_fingerprint", "SignatureCheck", "sign", "signature_valid"]
