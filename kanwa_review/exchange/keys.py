"""Key files (bytes ↔ key objects): a person's or a hub's private key — an Ed25519 signing key
and an X25519 encryption key, sealed with a passphrase (scrypt + ChaCha20-Poly1305) — and the
public key file (name, both public keys, the fingerprint a person reads aloud)."""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from kanwa_review.core.i18n import translate
from kanwa_review.core.trust import fingerprint, key_digest, normalise_fingerprint

PRIVATE_SUFFIX = ".key"
PUBLIC_SUFFIX = ".pub"
PRIVATE_FORMAT = "kanwa-private-key"
PUBLIC_HEADER = "kanwa-review public key 1"
MAX_KEY_FILE = 16 * 1024
MIN_PASSPHRASE = 8
MAX_NAME = 100
# scrypt at about 0.1 s and 32 MiB per attempt on a laptop; a hostile file may not ask for more
# than these bounds (memory and time).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1
_MAX_N, _MAX_R, _MAX_P = 2 ** 20, 16, 4
_RAW = serialization.Encoding.Raw


class KeyFileError(ValueError):
    """A key file could not be read or made; the message names the file and the fix."""


@dataclass(frozen=True)
class PublicKey:
    """Someone's public keys: to check their signatures and to encrypt files for them."""

    name: str
    sign_public: bytes     # Ed25519, 32 raw bytes
    box_public: bytes      # X25519, 32 raw bytes

    @property
    def digest(self) -> bytes:
        return key_digest(self.sign_public, self.box_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.box_public)

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.sign_public)

    def box(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.box_public)


@dataclass(frozen=True)
class PrivateKey:
    """A private key file's content once unlocked with its passphrase."""

    public: PublicKey
    signing: Ed25519PrivateKey
    box: X25519PrivateKey

    @property
    def name(self) -> str:
        return self.public.name

    @property
    def fingerprint(self) -> str:
        return self.public.fingerprint


def check_name(name: str) -> str:
    """A key's name, which is also its file name: no folders, no control characters."""
    name = " ".join(str(name).split())
    if not name or len(name) > MAX_NAME or name.startswith(".") \
            or re.search(r'[\\/:*?"<>|\x00-\x1f\x7f]', name):
        raise KeyFileError(translate(
            "Keys", "鍵の名前 {name} は使えません。{limit}文字以内で、/ \\ : * ? \" < > | を含まない"
            "名前にしてください（例: yamada-hanako）").format(name=repr(name), limit=MAX_NAME))
    return name


def _raw_public(key) -> bytes:
    return key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def _raw_private(key) -> bytes:
    return key.private_bytes(_RAW, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def generate(name: str) -> PrivateKey:
    """A new key pair for a person or a hub."""
    signing, box = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    return PrivateKey(PublicKey(check_name(name), _raw_public(signing), _raw_public(box)),
                      signing, box)


# --- public key file -----------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, size: int) -> bytes | None:
    try:
        data = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if len(data) == size else None


def public_text(key: PublicKey) -> str:
    """The .pub file: a few lines a person can open in a text editor."""
    return "\n".join([
        PUBLIC_HEADER,
        "# " + translate("Keys", "kanwa-review の公開鍵です。受け取った側は、指紋（fingerprint）を"
                         "電話などで本人に読み上げてもらい、一致を確かめてから信頼してください。"),
        f"name: {key.name}",
        f"sign-ed25519: {_b64(key.sign_public)}",
        f"box-x25519: {_b64(key.box_public)}",
        f"fingerprint: {key.fingerprint}",
        ""])


def read_public(data: bytes | str, source: str) -> PublicKey:
    """A .pub file's key; KeyFileError when it is not one, or its fingerprint line does not
    match its keys (edited or damaged)."""
    def refuse(why: str) -> KeyFileError:
        return KeyFileError(translate("Keys", "{file}: 公開鍵ファイルとして読めません（{why}）。"
                                      "kanwa-review の「鍵を作る」で作った .pub ファイルを、送り主から"
                                      "受け取り直してください").format(file=source, why=why))

    if isinstance(data, bytes):
        if len(data) > MAX_KEY_FILE:
            raise refuse(translate("Keys", "大きすぎます"))
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise refuse(translate("Keys", "UTF-8 の文字ではありません")) from None
    lines = [ln.strip() for ln in data.splitlines() if ln.strip() and not ln.lstrip()
             .startswith("#")]
    if not lines or lines[0] != PUBLIC_HEADER:
        raise refuse(translate("Keys", "1行目が {header} ではありません").format(header=PUBLIC_HEADER))
    fields: dict[str, str] = {}
    for line in lines[1:]:
        key, sep, value = line.partition(":")
        if not sep or key.strip() in fields:
            raise refuse(translate("Keys", "行 {line} が読めません").format(line=repr(line[:40])))
        fields[key.strip()] = value.strip()
    wanted = ("name", "sign-ed25519", "box-x25519", "fingerprint")
    if sorted(fields) != sorted(wanted):
        raise refuse(translate("Keys", "必要な行（{names}）がそろっていません").format(
            names=", ".join(wanted)))
    sign, box = _unb64(fields["sign-ed25519"], 32), _unb64(fields["box-x25519"], 32)
    if sign is None or box is None:
        raise refuse(translate("Keys", "鍵の値が正しくありません"))
    try:
        key = PublicKey(check_name(fields["name"]), sign, box)
        key.verifier(), key.box()
    except (KeyFileError, ValueError):
        raise refuse(translate("Keys", "名前または鍵の値が正しくありません")) from None
    if normalise_fingerprint(fields["fingerprint"]) != key.fingerprint:
        raise refuse(translate("Keys", "指紋が鍵と一致しません。ファイルが書き換えられたか壊れています"))
    return key


# --- private key file ----------------------------------------------------------------------

def _public_part(key: PublicKey) -> dict:
    return {"format": PRIVATE_FORMAT, "version": 1, "name": key.name,
            "sign_public": _b64(key.sign_public), "box_public": _b64(key.box_public),
            "fingerprint": key.fingerprint}


def _aad(public: dict) -> bytes:
    # The public part is bound to the sealed secret: swapping the name or the public keys of
    # a key file makes it unreadable, not a different person's key.
    return json.dumps(public, sort_keys=True, ensure_ascii=False).encode("utf-8")


def _kdf(salt: bytes, n: int, r: int, p: int) -> Scrypt:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p)


def private_bytes(key: PrivateKey, passphrase: str) -> bytes:
    """The .key file: the two private keys sealed with a key derived from the passphrase."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyFileError(translate("Keys", "パスフレーズは{n}文字以上にしてください").format(
            n=MIN_PASSPHRASE))
    public = _public_part(key.public)
    salt, nonce = os.urandom(16), os.urandom(12)
    secret = _raw_private(key.signing) + _raw_private(key.box)
    wrap = _kdf(salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).derive(passphrase.encode("utf-8"))
    sealed = ChaCha20Poly1305(wrap).encrypt(nonce, secret, _aad(public))
    doc = dict(public, created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
               kdf={"name": "scrypt", "salt": _b64(salt), "n": SCRYPT_N, "r": SCRYPT_R,
                    "p": SCRYPT_P},
               cipher="ChaCha20-Poly1305", nonce=_b64(nonce), sealed=_b64(sealed))
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_private(data: bytes, passphrase: str, source: str) -> PrivateKey:
    """Unlock a .key file; KeyFileError for a wrong passphrase or a file that is not one."""
    def refuse(why: str) -> KeyFileError:
        return KeyFileError(translate("Keys", "{file}: 秘密鍵ファイルとして読めません（{why}）").format(
            file=source, why=why))

    if len(data) > MAX_KEY_FILE:
        raise refuse(translate("Keys", "大きすぎます"))
    try:
        doc = json.loads(data.decode("utf-8"))
        public = {k: doc[k] for k in ("format", "version", "name", "sign_public", "box_public",
                                      "fingerprint")}
        kdf, nonce = doc["kdf"], _unb64(doc["nonce"], 12)
        sealed = base64.b64decode(doc["sealed"], validate=True)
        salt = base64.b64decode(kdf["salt"], validate=True)
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        raise refuse(translate("Keys", "形式が違います。.pub ではなく .key ファイルを選んでください")) \
            from None
    if public["format"] != PRIVATE_FORMAT or public["version"] != 1 or kdf.get("name") != \
            "scrypt" or doc.get("cipher") != "ChaCha20-Poly1305" or nonce is None:
        raise refuse(translate("Keys", "この版のアプリでは読めない形式です"))
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P
            and len(salt) >= 16):
        raise refuse(translate("Keys", "鍵の保護の設定が範囲外です"))
    try:
        wrap = _kdf(salt, n, r, p).derive(passphrase.encode("utf-8"))
        secret = ChaCha20Poly1305(wrap).decrypt(nonce, sealed, _aad(public))
    except InvalidTag:
        raise KeyFileError(translate(
            "Keys", "{file}: パスフレーズが違うか、鍵ファイルが壊れています。パスフレーズを確かめて"
            "ください").format(file=source)) from None
    if len(secret) != 64:
        raise refuse(translate("Keys", "中身の長さが違います"))
    signing = Ed25519PrivateKey.from_private_bytes(secret[:32])
    box = X25519PrivateKey.from_private_bytes(secret[32:])
    key = PrivateKey(PublicKey(public["name"], _raw_public(signing), _raw_public(box)),
                     signing, box)
    if key.fingerprint != public["fingerprint"]:
        raise refuse(translate("Keys", "指紋が鍵と一致しません"))
    return key


__all__ = ["PublicKey", "PrivateKey", "KeyFileError", "generate", "check_name", "public_text",
           "read_public", "private_bytes", "read_private", "PRIVATE_SUFFIX", "PUBLIC_SUFFIX",
           "MIN_PASSPHRASE"]
