"""`kanwa-review export`, `import` and `verify`: submission packages (.kanwa, design §5).

`verify` never opens a database; `import` applies each file in its own transaction and reports
one result per file (one JSON object per line with --json)."""

from __future__ import annotations

import sys

from kanwa_review.commands.common import guard, note, refuse_every_file
from kanwa_review.commands.console import print_json
from kanwa_review.commands.keys import private_key
from kanwa_review.core import trust as T
from kanwa_review.core.i18n import translate
from kanwa_review.core.imports import PACKAGE, REJECTED, STATUSES, status_with_key
from kanwa_review.services import PackageRejected, Services, StoreError


def signature_word(status: str | None) -> str:
    """The signature word in the reader's language (core.trust), with its JSON key."""
    word = T.signature_word(status)
    return f"{word} ({status})" if status else word


@guard
def export(args) -> int:
    # Keys first: a wrong passphrase or hub key stops before the database is opened.
    signing = private_key(args.sign, args) if args.sign else None
    recipient = Services.read_public_key(args.encrypt_to) if args.encrypt_to else None
    with Services.open(args.db, readonly=True, notify=note) as services:
        result = services.export_package(args.review, args.output, signing_key=signing,
                                         encrypt_to=recipient)
    print(translate("cli_exchange", "提出ファイルを書き出しました: {file}（評価 {review} 第{revision}版、"
                                    "回答 {answers}、所見 {findings}、{size} バイト）").format(
        file=result.path, review=result.uuid, revision=result.revision, answers=result.answers,
        findings=result.findings, size=f"{result.size:,}"))
    if result.signer:
        print("  " + translate("Signature", "署名: {name}（指紋 {fingerprint}）").format(
            name=signing.name, fingerprint=result.signer))
    if result.encrypted_for:
        print("  " + translate("Signature", "暗号化: {name}（指紋 {fingerprint}）だけが開けます").format(
            name=recipient.name, fingerprint=result.encrypted_for))
    return 0


@guard
def import_(args) -> int:
    try:
        files = Services.package_files(args.files)
    except ValueError as exc:  # a folder too big for one run, or no packages at all
        print(exc, file=sys.stderr)
        return 1
    key = private_key(args.key, args) if args.key else None
    try:
        with Services.open(args.db, create=True, remove_if_nothing_imported=True) as services:
            results = services.import_packages(files, key=key,
                                               require_signature=args.require_signature)
    except StoreError as exc:   # the database, not a file: every file gets its line
        if not args.json:
            raise
        results = refuse_every_file(files, str(exc), PACKAGE)
    for r in results:
        if args.json:
            print_json(r.to_json())
            continue
        what = (translate("cli_exchange", " — 評価 {review} 第{revision}版（{facility}）").format(
            review=r.review, revision=r.revision, facility=r.facility) if r.review else "")
        who = f" {r.signer['name']} {r.signer['fingerprint']}" if r.signer else ""
        print(f"{r.file}: {status_with_key(r.status)}{what} [{signature_word(r.signature)}{who}]")
        for w in r.warnings:
            print("  " + translate("cli", "警告: {warning}").format(warning=w), file=sys.stderr)
        for e in r.errors:
            print("  " + translate("cli", "エラー: {message}").format(message=e), file=sys.stderr)
    if not args.json:
        counts = {s: sum(1 for r in results if r.status == s) for s in STATUSES}
        print(translate("cli_exchange", "ファイル {count} 件: {counts}").format(
            count=len(results), counts=", ".join(f"{status_with_key(s)} {n}"
                                                 for s, n in counts.items() if n)))
        if counts[REJECTED]:
            print(translate("cli_exchange", "却下されたファイルは何も登録されていません。上の理由を確認して"
                                            "送付元に連絡してください"), file=sys.stderr)
    return 1 if any(r.status == REJECTED for r in results) else 0


@guard
def verify(args) -> int:
    key = private_key(args.key, args) if args.key else None
    try:
        package = Services.verify_package(args.file, key=key)
    except PackageRejected as exc:
        print(translate("cli_exchange", "{file}: 不合格 — 問題 {count} 件:").format(
            file=args.file, count=len(exc.problems)), file=sys.stderr)
        for p in exc.problems:
            print(f"  ✕ {p}", file=sys.stderr)
        return 1
    print(translate("cli_exchange", "{file}: 問題ありません（形式 kanwa-submission {version}、{size} バイト、"
                                    "sha256 {sha256}…）").format(
        file=args.file, version=package.manifest['format_version'], size=f"{package.size:,}",
        sha256=package.file_sha256[:16]))
    for line in package.summary_lines():
        print(f"  {line}")
    check = package.signature
    if check.signer_fingerprint:
        # Without the hub's trust list, a valid signature says who signed, not whether to
        # trust them: compare the fingerprint with the one the signer reads aloud.
        print("  " + translate("Signature", "署名: {word} — {name}（指紋 {fingerprint}）。信頼するかは"
                               "取り込み先の信頼リストで判定します").format(
                                   word=signature_word(check.status), name=check.signer_name,
                                   fingerprint=check.signer_fingerprint))
    else:
        print("  " + translate("Signature", "署名: {word}").format(word=signature_word(check.status)))
    if package.sealed:
        print("  " + translate("Signature", "暗号化: 拠点の鍵で開きました"))
    for w in package.warnings:
        print(f"  △ {w}")
    return 0
