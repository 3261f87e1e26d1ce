"""The command line (design §6). Headless subcommands import no Qt; no subcommand opens the app.

Exit codes: 0 success, 1 an input was rejected (bad file, database problem), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kanwa_review import __version__

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

def _int_between(low: int, high: int, example: str):
    """An int argument checked by argparse, so a value out of range is a usage error (exit 2)
    like any other mistyped argument."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} は整数ではありません / not a whole number "
                                             f"(e.g. {example})") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} は {low}〜{high} の範囲で指定してください / "
                                             f"must be between {low} and {high} (e.g. {example})")
        return value
    return parse


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kanwa-review",
        description="緩和ケア ピアレビュー支援 / palliative care peer review. "
                    "Without a subcommand the desktop app opens.")
    p.add_argument("--version", action="version", version=f"kanwa-review {__version__}")
    p.add_argument("--db", metavar="DB", help="database file (default: the app-data folder)")
    p.add_argument("--demo", action="store_true",
                   help="open the app on a demo database of invented hospitals")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    forms = sub.add_parser("forms", help="form definitions")
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    check = forms_sub.add_parser("check", help="validate form definition files")
    check.add_argument("files", nargs="+", metavar="FILE")

    demo = sub.add_parser("demo", help="fill DB with invented demo data")
    demo.add_argument("--db", required=True, metavar="DB", dest="db")
    demo.add_argument("--facilities", type=_int_between(1, 2000, "12"), default=12, metavar="N")
    demo.add_argument("--years", type=_int_between(1, 20, "3"), default=3, metavar="Y")
    demo.add_argument("--seed", type=int, default=7, help="random seed (same seed, same data)")

    ls = sub.add_parser("list", help="list reviews")
    ls.add_argument("--db", required=True, metavar="DB", dest="db")
    ls.add_argument("--json", action="store_true", help="print one JSON array")

    exp = sub.add_parser("export", help="export a finalised review as a .kanwa package")
    exp.add_argument("--db", required=True, metavar="DB", dest="db")
    exp.add_argument("--review", required=True, metavar="UUID")
    exp.add_argument("-o", "--output", required=True, metavar="OUT.kanwa")

    imp = sub.add_parser("import", help="import submission packages")
    imp.add_argument("--db", required=True, metavar="DB", dest="db")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--json", action="store_true", help="one JSON object per file")

    rep = sub.add_parser("report", help="PDF feedback report")
    rep.add_argument("--db", required=True, metavar="DB", dest="db")
    which = rep.add_mutually_exclusive_group(required=True)
    which.add_argument("--review", metavar="UUID")
    which.add_argument("--all", action="store_true", help="every facility's latest review")
    rep.add_argument("-o", "--output", required=True, metavar="OUT.pdf")

    xl = sub.add_parser("excel", help="prefectural Excel return")
    xl.add_argument("--db", required=True, metavar="DB", dest="db")
    xl.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    xl.add_argument("--fiscal-year", type=_int_between(2000, 2100, "2025"), metavar="Y",
                    help="only this fiscal year (年度)")

    tpl = sub.add_parser("excel-template", help="blank checklist workbook for teams without the app")
    tpl.add_argument("--form", required=True, metavar="FORM")
    tpl.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")

    xi = sub.add_parser("excel-import", help="import a filled-in checklist workbook")
    xi.add_argument("--db", required=True, metavar="DB", dest="db")
    xi.add_argument("file", metavar="FILE.xlsx")
    xi.add_argument("--json", action="store_true", help="one JSON object per file")

    pe = sub.add_parser("progress-export",
                        help="a facility's improvement actions as a progress file (.json/.xlsx)")
    pe.add_argument("--db", required=True, metavar="DB", dest="db")
    pe.add_argument("--facility", required=True, metavar="CODE")
    pe.add_argument("-o", "--output", required=True, metavar="OUT.json")

    pi = sub.add_parser("progress-import",
                        help="import progress on improvement actions (.json or Actions sheet)")
    pi.add_argument("--db", required=True, metavar="DB", dest="db")
    pi.add_argument("files", nargs="+", metavar="FILE")
    pi.add_argument("--json", action="store_true", help="one JSON object per file")

    ver = sub.add_parser("verify", help="check a package without importing it")
    ver.add_argument("file", metavar="FILE.kanwa")

    bk = sub.add_parser("backup", help="consistent copy of the database")
    bk.add_argument("--db", required=True, metavar="DB", dest="db")
    bk.add_argument("-o", "--output", required=True, metavar="OUT.sqlite")
    return p


def _handler(command: str):
    """The function that runs `command`.

    Each import is an ordinary statement, so readers and tools (import-linter, PyInstaller) follow
    it; it runs only for the command used, so `--version` or `list` load nothing else (no Qt, no
    ReportLab, no openpyxl)."""
    match command:
        case "forms":
            from kanwa_review.commands.forms import check as handler
        case "demo":
            from kanwa_review.commands.demo import run as handler
        case "list":
            from kanwa_review.commands.listing import run as handler
        case "backup":
            from kanwa_review.commands.backup import run as handler
        case "export":
            from kanwa_review.commands.exchange import export as handler
        case "import":
            from kanwa_review.commands.exchange import import_ as handler
        case "verify":
            from kanwa_review.commands.exchange import verify as handler
        case "report":
            from kanwa_review.commands.report import run as handler
        case "excel":
            from kanwa_review.commands.excel import export as handler
        case "excel-template":
            from kanwa_review.commands.excel import template as handler
        case "excel-import":
            from kanwa_review.commands.excel import import_ as handler
        case "progress-export":
            from kanwa_review.commands.progress import export as handler
        case "progress-import":
            from kanwa_review.commands.progress import import_ as handler
        case _:
            return None
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    from kanwa_review.commands.console import make_safe

    make_safe()  # a legacy console code page (cp932, ASCII) must never end a command
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from kanwa_review.app import run_app  # the only path that loads Qt

        return run_app(db=args.db, demo=args.demo)
    handler = _handler(args.command)
    if handler is None:
        print(f"kanwa-review {args.command}: not yet available in this version.", file=sys.stderr)
        return EXIT_USAGE
    from kanwa_review.commands.console import terminal_safe_streams

    try:
        with terminal_safe_streams():   # text from files never acts on the terminal
            return handler(args)
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted; nothing of the unfinished step was saved", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
