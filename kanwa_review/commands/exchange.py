"""`kanwa-review export`, `import` and `verify`: submission packages (.kanwa, design §5).

`verify` never opens a database; `import` applies each file in its own transaction and reports
one result per file (one JSON object per line with --json)."""

from __future__ import annotations

import json
import sys

from kanwa_review.commands.common import guard, note
from kanwa_review.core.imports import STATUSES, status_word


def _label(status: str) -> str:
    return f"{status_word(status)} ({status})"


@guard
def export(args) -> int:
    from kanwa_review.exchange.package_writer import export_review

    from kanwa_review.services import Services

    with Services.open(args.db, readonly=True, notify=note) as services:
        result = export_review(services.database, args.review, args.output)
    print(f"提出ファイルを書き出しました / exported: {result.path} (review {result.uuid} "
          f"revision {result.revision}, {result.answers} answers, {result.findings} findings, "
          f"{result.size:,} bytes)")
    return 0


def _oversized_folder(paths) -> str | None:
    """A folder holding more packages than one run takes would otherwise be cut silently at
    the limit, and the rest could never be reached by importing that folder again."""
    from pathlib import Path

    from kanwa_review.exchange.importer import MAX_FOLDER_FILES

    for p in map(Path, paths):
        if p.is_dir():
            n = sum(1 for q in p.rglob("*") if q.suffix.lower() == ".kanwa")
            if n > MAX_FOLDER_FILES:
                return (f"{p}: .kanwa ファイルが {n:,} 個あります。一度に取り込めるのは {MAX_FOLDER_FILES:,} "
                        "個までです。いくつかのフォルダに分けて取り込んでください / the folder holds "
                        f"{n:,} packages; one run takes up to {MAX_FOLDER_FILES:,}. Split them into "
                        "several folders and import each.")
    return None


@guard
def import_(args) -> int:
    from kanwa_review.exchange.importer import expand_paths, import_files

    too_many = _oversized_folder(args.files)
    if too_many:
        print(too_many, file=sys.stderr)
        return 1
    files = expand_paths(args.files)
    if not files:
        folders = ", ".join(map(str, args.files))
        print(f"{folders}: 取り込む .kanwa ファイルがありません。フォルダを確認してください / no .kanwa "
              "files found in the folders given; check the folder", file=sys.stderr)
        return 1
    from kanwa_review.services import Services

    with Services.open(args.db, create=True, remove_if_nothing_imported=True) as services:
        results = import_files(services.database, files)
        services._keep_new_file(any(r.status != "rejected" for r in results))
    for r in results:
        if args.json:
            print(json.dumps(r.to_json(), ensure_ascii=False), flush=True)
            continue
        what = f" — review {r.review} revision {r.revision} ({r.facility})" if r.review else ""
        print(f"{r.file}: {_label(r.status)}{what}")
        for w in r.warnings:
            print(f"  warning: {w}", file=sys.stderr)
        for e in r.errors:
            print(f"  error: {e}", file=sys.stderr)
    if not args.json:
        counts = {s: sum(1 for r in results if r.status == s) for s in STATUSES}
        print(f"{len(results)} file(s): " + ", ".join(f"{_label(s)} {n}"
                                                       for s, n in counts.items() if n))
        if counts["rejected"]:
            print("却下されたファイルは何も登録されていません。理由を確認して送付元に連絡してください / "
                  "rejected files changed nothing; see the reasons above.", file=sys.stderr)
    return 1 if any(r.status == "rejected" for r in results) else 0


@guard
def verify(args) -> int:
    from kanwa_review.exchange.package_reader import PackageRejected, read_package

    try:
        package = read_package(args.file)
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
