"""Keys and the hub's trust list: making a person's or a hub's key files, unlocking a private
key, trusting (after the fingerprint was confirmed) and revoking public keys, and the hub's
require-signature setting. The UI's settings and the `keys` commands call these."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kanwa_review.core import trust as T
from kanwa_review.core.i18n import translate
from kanwa_review.services.base import ServiceBase
from kanwa_review.store import repository as repo
from kanwa_review.store import trust_repository as trepo

if TYPE_CHECKING:
    from kanwa_review.exchange.keys import PrivateKey, PublicKey

REQUIRE_SIGNATURE = "require_signature"


def _keys():
    """exchange/keys.py (the cryptography library), loaded when a key is used."""
    from kanwa_review.exchange import keys

    return keys


@dataclass(frozen=True)
class KeyFiles:
    """What `create_key_files` wrote."""

    name: str
    fingerprint: str
    private_path: Path
    public_path: Path


def _write_new(path: Path, data: bytes, private: bool) -> None:
    """Write a new file, never over an existing one (O_EXCL); a private key readable by its
    owner only where the platform has such permissions. A failed write leaves no file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600 if private else 0o644)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        path.unlink(missing_ok=True)
        raise


class KeyOps(ServiceBase):
    # --- key files (no database) --------------------------------------------------------
    @staticmethod
    def create_key_files(name: str, folder: str | Path, passphrase: str) -> KeyFiles:
        """FOLDER/NAME.key (private, sealed with the passphrase) and FOLDER/NAME.pub (public,
        with the fingerprint to read aloud). Existing files are never overwritten."""
        keys = _keys()
        name = keys.check_name(name)
        folder = Path(folder).expanduser()
        if not folder.is_dir():
            raise ValueError(translate("Keys", "{folder}: 保存先のフォルダがありません。作成するか別の場所を"
                                       "選んでください").format(folder=folder))
        private_path = folder / (name + keys.PRIVATE_SUFFIX)
        public_path = folder / (name + keys.PUBLIC_SUFFIX)
        for path in (private_path, public_path):
            if path.exists():
                raise ValueError(translate("Keys", "{file}: すでにあります。鍵を上書きすると、その鍵で"
                                           "署名・暗号化したファイルが開けなくなるため、別の名前にしてください")
                                 .format(file=path))
        key = keys.generate(name)
        private = keys.private_bytes(key, passphrase)
        _write_new(private_path, private, private=True)
        try:
            _write_new(public_path, keys.public_text(key.public).encode("utf-8"), private=False)
        except OSError:
            private_path.unlink(missing_ok=True)
            raise
        return KeyFiles(name, key.fingerprint, private_path, public_path)

    @staticmethod
    def load_private_key(path: str | Path, passphrase: str) -> PrivateKey:
        """Unlock a .key file; ValueError (wrong passphrase, not a key file) says what to do."""
        path = Path(path).expanduser()
        data = _read_small(path)
        return _keys().read_private(data, passphrase, str(path))

    @staticmethod
    def read_public_key(path: str | Path) -> PublicKey:
        """A .pub file's key (its fingerprint checked against its keys)."""
        path = Path(path).expanduser()
        return _keys().read_public(_read_small(path), str(path))

    # --- this installation's keys for exports -----------------------------------------
    @staticmethod
    def export_key_paths() -> tuple[Path | None, Path | None]:
        """(the person's private key file, the hub's public key file) this installation
        signs and encrypts exports with; None where not set. The app exports signed and
        encrypted by default once both are set (it asks the passphrase at export)."""
        from kanwa_review import paths

        try:
            data = json.loads(paths.export_keys_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None, None
        if not isinstance(data, dict):
            return None, None
        found = [data.get("signing_key"), data.get("hub_public_key")]
        return tuple(Path(p) if isinstance(p, str) and p else None for p in found)

    @staticmethod
    def set_export_key_paths(signing_key: str | Path | None,
                             hub_public_key: str | Path | None) -> None:
        """Remember the key files for exports (checked first: the hub's .pub must read, the
        private key file must exist; its passphrase is never stored)."""
        from kanwa_review import paths

        if hub_public_key is not None:
            KeyOps.read_public_key(hub_public_key)
        if signing_key is not None and not Path(signing_key).expanduser().is_file():
            raise ValueError(translate("Keys", "{file}: 鍵ファイルが見つかりません").format(
                file=signing_key))
        path = paths.export_keys_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"signing_key": str(Path(signing_key).expanduser().resolve()) if signing_key
                else None,
                "hub_public_key": str(Path(hub_public_key).expanduser().resolve())
                if hub_public_key else None}
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)

    # --- the hub's trust list -----------------------------------------------------------
    def trusted_keys(self) -> list[T.TrustedKey]:
        """The trust list: every key added, revoked ones too (marked)."""
        return trepo.trusted_keys(self.database)

    def trust_key(self, key: PublicKey, *, facilities: Iterable[str] = ()) -> T.TrustedKey:
        """Add a public key to the trust list — after its fingerprint was confirmed with its
        owner. `facilities`: codes of facilities whose reviews this key may amend even when
        it did not sign their earlier revisions (e.g. a new team leader). Trusting a listed
        key again adds the facilities; a revoked key cannot come back (make a new key)."""
        codes = tuple(sorted({c.strip() for c in facilities if c.strip()}))
        with self._tx():
            for code in codes:
                if repo.facility_by_code(self.database, code) is None:
                    raise LookupError(translate("Keys", "施設コード {code} は登録されていません").format(
                        code=code))
            held = trepo.trusted_key(self.database, key.fingerprint)
            if held is not None and held.revoked:
                raise ValueError(translate(
                    "Keys", "鍵 {fingerprint}（{name}）は {at} に失効させています。失効した鍵は再び信頼できません。"
                    "新しい鍵を作ってもらってください").format(fingerprint=key.fingerprint,
                                                  name=held.name, at=held.revoked_at))
            if held is None:
                trepo.insert_trusted_key(
                    self.database, fingerprint=key.fingerprint, name=key.name,
                    sign_public=base64.b64encode(key.sign_public).decode("ascii"),
                    box_public=base64.b64encode(key.box_public).decode("ascii"),
                    facilities=codes, actor=self.actor)
                self._audit(None, "key", key.fingerprint, "trust", None,
                            {"name": key.name, "facilities": list(codes)})
            elif not set(codes) <= set(held.facilities):
                merged = tuple(sorted(set(held.facilities) | set(codes)))
                trepo.set_key_facilities(self.database, key.fingerprint, merged)
                self._audit(None, "key", key.fingerprint, "update",
                            {"facilities": list(held.facilities)}, {"facilities": list(merged)})
            return trepo.trusted_key(self.database, key.fingerprint)

    def revoke_key(self, fingerprint: str) -> T.TrustedKey:
        """Revoke a listed key: its later files are refused; what it signed before stays,
        marked as signed by a revoked key."""
        wanted = T.normalise_fingerprint(fingerprint)
        if wanted is None:
            raise ValueError(translate("Keys", "{text} は鍵の指紋ではありません（例: ABCD-EFGH-IJKL-"
                                       "MNOP-QRST-UVWX）").format(text=repr(fingerprint)))
        with self._tx():
            held = trepo.trusted_key(self.database, wanted)
            if held is None:
                raise LookupError(translate("Keys", "指紋 {fingerprint} の鍵は信頼リストにありません。"
                                            "`kanwa-review keys list` で確かめてください").format(
                                                fingerprint=wanted))
            if not held.revoked:
                trepo.revoke_key(self.database, wanted, self.actor)
                self._audit(None, "key", wanted, "revoke", None, {"name": held.name})
            return trepo.trusted_key(self.database, wanted)

    # --- the hub's setting --------------------------------------------------------------
    def signature_setting(self) -> bool | None:
        """The hub's own require-signature choice; None when it made none (then signatures
        are required as soon as the trust list has a key)."""
        value = trepo.setting(self.database, REQUIRE_SIGNATURE)
        return None if value is None else bool(value)

    def set_require_signature(self, value: bool | None) -> None:
        """True: import only files signed by a trusted key; False: also others (shown as
        such); None: back to the default."""
        with self._tx():
            old = self.signature_setting()
            if old != value:
                trepo.set_setting(self.database, REQUIRE_SIGNATURE, value)
                self._audit(None, "setting", REQUIRE_SIGNATURE, "update", old, value)

    def require_signature(self) -> bool:
        """Whether imports take only files signed by a trusted key, as things stand."""
        return T.require_signature(self.signature_setting(), len(self.trusted_keys()))

    def trust_list(self, *, require_signature: bool = False) -> T.TrustList:
        """What one import run checks against (`require_signature`: demand signatures for
        this run whatever the setting)."""
        return T.TrustList.of(self.trusted_keys(), self.signature_setting(),
                              force=require_signature)

    def revision_signature(self, uuid: str, revision: int) -> tuple[str, T.Signer | None]:
        """Who signed the package a held revision was imported from, and the signature word
        as things stand now (a key revoked since shows "revoked"); "unsigned" for revisions
        made here or imported unsigned."""
        row = trepo.revision_signers(self.database, uuid).get(revision)
        if row is None or not row["signer_fingerprint"]:
            return T.UNSIGNED, None
        status = self.trust_list().status(T.VALID, row["signer_fingerprint"])
        return status, T.Signer(row["signer_name"] or "", row["signer_fingerprint"])


def _read_small(path: Path) -> bytes:
    if not path.is_file():
        raise ValueError(translate("Keys", "{file}: 鍵ファイルが見つかりません").format(file=path))
    with path.open("rb") as fh:
        return fh.read(64 * 1024)


__all__ = ["KeyOps", "KeyFiles", "REQUIRE_SIGNATURE"]
