"""`kanwa-review export`, `import` and `verify`: submission packages (.kanwa, design §5).

`verify` never opens a database; `import` applies each file in its own transaction and reports
one result per file (one JSON object per line with --json)."""

from __future__ import annotations

import sys

from kanwa_review.commands.common import guard, note, refuse_every_file
from kanwa_review.commands.console import print_json
from kanwa_review.core.imports import PACKAGE, REJECTED, STATUSES, status_with_key
from kanwa_review.services import PackageRejected, Services, StoreError


@guard
def export(args) -> int:
    with Services.open(args.db, readonly=True, notify=note) as services:
        result = services.export_package(args.review, args.output)
    print(f"提出ファイルを書き出しました / exported: {result.path} (review {result.uuid} "
          f"revision {result.revision}, {result.answers} answers, {result.findings} findings, "
          f"{result.size:,} bytes)")
    return 0


@guard
def import_(args) -> int:
    try:
        files = Services.package_files(args.files)
    except ValueError as exc:  # a folder too big for one run, or no packages at all
        print(exc, file=sys.stderr)
        return 1
    try:
        with Services.open(args.db, create=True, remove_if_nothing_imported=True) as services:
            results = services.import_packages(files)
    except StoreError as exc:   # the database, not a file: every file gets its line
        if not args.json:
            raise
        results = refuse_every_file(files, str(exc), PACKAGE)
    for r in results:
        if args.json:
            print_json(r.to_json())
            continue
        what = f" — review {r.review} revision {r.revision} ({r.facility})" if r.review else ""
        print(f"{r.file}: {status_with_key(r.status)}{what}")
        for w in r.warnings:
            print(f"  warning: {w}", file=sys.stderr)
        for e in r.errors:
            print(f"  error: {e}", file=sys.stderr)
    if not args.json:
        counts = {s: sum(1 for r in results if r.status == s) for s in STATUSES}
        print(f"{len(results)} file(s): " + ", ".join(f"{status_with_key(s)} {n}"
                                                       for s, n in counts.items() if n))
        if counts[REJECTED]:
            print("却下されたファイルは何も登録されていません。理由を確認して送付元に連絡してください / "
                  "rejected files changed nothing; see the reasons above.", file=sys.stderr)
    return 1 if any(r.status == REJECTED for r in results) else 0


@guard
def verify(args) -> int:
    try:
        package = Services.verify_package(args.file)
    except PackageRejected as exc:
        print(f"{args.file}: 不合格 / REJECTED — {len(exc.problems)} 件の問題 / "
              f"{len(exc.problems)} problem(s):", file=sys.stderr)
        for p in exc.problems:
            print(f"  ✕ {p}", file=sys.stderr)
        return 1
    print(f"{args.file}: 問題ありません / OK (format kanwa-submission "
          f"{package.manifest['format_version']}, {package.size:,} bytes, sha256 "
          f"{package.file_sha256[:16]}…)")
    for line in package.summary_lines():
        print(f"  {line}")
    for w in package.warnings:
        print(f"  △ {w}")
    return 0
