"""`kanwa-review keys new|trust|list|revoke`: key files and the hub's trust list; and the
passphrase and key options that `export`, `import` and `verify` share."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from kanwa_review.commands.common import fail, guard
from kanwa_review.commands.console import print_json
from kanwa_review.core.i18n import translate
from kanwa_review.services import Services


def read_passphrase(args, *, new: bool = False) -> str:
    """The passphrase from --passphrase-file (its first line), else asked on the terminal
    (twice for a new key). Never from the command line itself: it would show in the shell's
    history and in the process list."""
    path = getattr(args, "passphrase_file", None)
    if path:
        try:
            text = Path(path).expanduser().read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(translate("Keys", "{file}: パスフレーズのファイルを読めません（{why}）").format(
                file=path, why=getattr(exc, "strerror", None) or type(exc).__name__)) from None
        lines = text.splitlines()
        return lines[0] if lines else ""
    if not sys.stdin or not sys.stdin.isatty():
        raise ValueError(translate("Keys", "パスフレーズを入力できません（端末ではありません）。"
                                      "--passphrase-file でファイルを指定してください"))
    first = getpass.getpass(translate("Keys", "パスフレーズ: "))
    if new:
        again = getpass.getpass(translate("Keys", "パスフレーズ（確認のためもう一度）: "))
        if again != first:
            raise ValueError(translate("Keys", "2回入力したパスフレーズが一致しません。やり直してください"))
    return first


def private_key(path: str, args):
    """Unlock the private key file `path` with the passphrase of `args`."""
    return Services.load_private_key(path, read_passphrase(args))


@guard
def new(args) -> int:
    files = Services.create_key_files(args.name, args.output, read_passphrase(args, new=True))
    print(translate("Keys", "鍵を作りました: {private}（秘密鍵。パスフレーズとともに本人だけが保管） / "
                    "{public}（公開鍵。拠点・相手に渡す）").format(private=files.private_path,
                                                    public=files.public_path))
    print(translate("Keys", "指紋: {fingerprint}").format(fingerprint=files.fingerprint))
    return 0


@guard
def trust(args) -> int:
    key = Services.read_public_key(args.file)
    print(translate("Keys", "名前: {name}").format(name=key.name))
    print(translate("Keys", "指紋: {fingerprint}").format(fingerprint=key.fingerprint))
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            return fail(translate("Keys", "確認できません（端末ではありません）。指紋を本人に確かめたうえで "
                                  "--yes を付けて実行してください"))
        answer = input(translate("Keys", "この指紋を本人に電話などで読み上げてもらい、一致しましたか？ "
                                 "信頼する場合は y: "))
        if answer.strip().lower() not in ("y", "yes", "はい"):
            print(translate("Keys", "信頼リストには追加しませんでした"))
            return 1
    with Services.open(args.db, create=True) as services:
        entry = services.trust_key(key, facilities=args.facility or ())
    scope = ", ".join(entry.facilities)
    print(translate("Keys", "信頼リストに追加しました: {name}（{fingerprint}）").format(
        name=entry.name, fingerprint=entry.fingerprint)
        + (translate("Keys", " — 修正版を認める施設: {codes}").format(codes=scope) if scope else ""))
    return 0


@guard
def list_(args) -> int:
    with Services.open(args.db, readonly=True) as services:
        keys = services.trusted_keys()
        required = services.require_signature()
    if args.json:
        print_json([k.to_json() for k in keys])
        return 0
    if not keys:
        print(translate("Keys", "信頼リストは空です（署名は求めていません）。`kanwa-review keys trust` で"
                        "追加します"))
        return 0
    for k in keys:
        state = (translate("Keys", "失効 {at}").format(at=k.revoked_at) if k.revoked
                 else translate("Keys", "有効"))
        scope = f"  [{', '.join(k.facilities)}]" if k.facilities else ""
        print(f"{k.fingerprint}  {k.name}  {k.added_at}  {state}{scope}")
    print(translate("Keys", "署名の要求: {state}").format(
        state=translate("Keys", "信頼済みの鍵で署名されたファイルだけを取り込みます") if required
        else translate("Keys", "署名のないファイルも取り込みます")))
    return 0


@guard
def revoke(args) -> int:
    with Services.open(args.db) as services:
        entry = services.revoke_key(args.fingerprint)
    print(translate("Keys", "失効させました: {name}（{fingerprint}） {at}。この鍵で署名したファイルは今後"
                    "取り込みません。取込済みの版はそのまま残り、失効した鍵の署名として表示されます").format(
                        name=entry.name, fingerprint=entry.fingerprint, at=entry.revoked_at))
    return 0


def run(args) -> int:
    return {"new": new, "trust": trust, "list": list_, "revoke": revoke}[args.keys_command](args)
