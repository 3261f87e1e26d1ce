"""The command line (design §6). Headless subcommands import no Qt; no subcommand opens the app.

Exit codes: 0 success, 1 an input was rejected (bad file, database problem), 2 usage error.
Every command takes `--lang ja|en` (else KANWA_LANG, else the system locale): its messages, its
help and argparse's own texts (usage, errors) then speak that one language.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from kanwa_review import __version__
from kanwa_review.core import i18n
from kanwa_review.core.i18n import translate

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _int_between(low: int, high: int, example: str):
    """An int argument checked by argparse, so a value out of range is a usage error (exit 2)
    like any other mistyped argument."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(translate(
                "cli", "{value} は整数ではありません（例: {example}）").format(
                    value=repr(text), example=example)) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(translate(
                "cli", "{value} は {low}〜{high} の範囲で指定してください（例: {example}）").format(
                    value=value, low=low, high=high, example=example))
        return value
    return parse


def _iso_date(text: str):
    """A date argument (YYYY-MM-DD); anything else is a usage error (exit 2)."""
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "cli", "{text} は日付ではありません（例: 2026-06-01）").format(text=repr(text))) from None


def _argparse_texts() -> dict[str, str]:
    """argparse's own texts (usage, headings, errors), which it asks gettext for, in the
    language of the process: argparse's English original -> our Japanese source through
    translate() (whose English translation is that original again)."""
    return {
        "usage: ": translate("argparse", "使い方: "),
        "positional arguments": translate("argparse", "引数"),
        "options": translate("argparse", "オプション"),
        "show this help message and exit": translate("argparse", "このヘルプを表示して終了します"),
        "%(prog)s: error: %(message)s\n": translate("argparse", "%(prog)s: エラー: %(message)s\n"),
        "argument %(argument_name)s: %(message)s": translate(
            "argparse", "引数 %(argument_name)s: %(message)s"),
        "the following arguments are required: %s": translate(
            "argparse", "次の引数を指定してください: %s"),
        "one of the arguments %s is required": translate(
            "argparse", "引数 %s のどれか1つを指定してください"),
        "not allowed with argument %s": translate("argparse", "引数 %s と一緒には使えません"),
        "unrecognized arguments: %s": translate("argparse", "知らない引数です: %s"),
        "invalid choice: %(value)r (choose from %(choices)s)": translate(
            "argparse", "%(value)r は選べません（選べるもの: %(choices)s）"),
        "invalid %(type)s value: %(value)r": translate(
            "argparse", "%(value)r は %(type)s の値として正しくありません"),
        "expected one argument": translate("argparse", "値を1つ指定してください"),
        "expected at most one argument": translate("argparse", "値は1つまでです"),
        "expected at least one argument": translate("argparse", "値を1つ以上指定してください"),
        "ambiguous option: %(option)s could match %(matches)s": translate(
            "argparse", "%(option)s がどのオプションか決まりません（候補: %(matches)s）"),
        "ignored explicit argument %r": translate("argparse", "値 %r はこのオプションには付けられません"),
        "unknown parser %(parser_name)r (choices: %(choices)s)": translate(
            "argparse", "%(parser_name)r というコマンドはありません（コマンド: %(choices)s）"),
    }


@contextmanager
def _argparse_speaks_our_language() -> Iterator[None]:
    """While the parser is built and parses: argparse's gettext lookups (its module-level `_`
    and `ngettext`, called at run time) answer from _argparse_texts; restored afterwards, so
    nothing outside the command line sees the change."""
    texts = _argparse_texts()
    saved = argparse._, argparse.ngettext
    argparse._ = lambda message: texts.get(message, message)
    argparse.ngettext = lambda one, many, n: texts.get(one if n == 1 else many,
                                                       one if n == 1 else many)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def language_asked(argv: Sequence[str]) -> str | None:
    """The value of `--lang` anywhere before `--`, read before argparse runs: the language must
    be known before the parser (its help, its errors) is built. None when not given or unknown
    (argparse then refuses an unknown one as a usage error)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return i18n.normalise(argv[i + 1])
        if arg.startswith("--lang="):
            return i18n.normalise(arg.partition("=")[2])
    return None


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the process's language (build it after choosing the language)."""
    p = argparse.ArgumentParser(
        prog="kanwa-review",
        description=translate("cli", "緩和ケア ピアレビュー支援。コマンドを指定しないとデスクトップ"
                                     "アプリが開きます。"))
    lang_help = translate("cli", "表示言語（省略時: 環境変数 KANWA_LANG、なければシステムの設定）")
    p.add_argument("--version", action="version", version=f"kanwa-review {__version__}",
                   help=translate("cli", "バージョンを表示して終了します"))
    p.add_argument("--db", metavar="DB",
                   help=translate("cli", "データベースファイル（省略時: アプリのデータフォルダ）"))
    p.add_argument("--demo", action="store_true",
                   help=translate("cli", "架空の病院のデモデータベースでアプリを開きます"))
    p.add_argument("--lang", choices=i18n.LANGUAGES, help=lang_help)
    # every subcommand takes --lang too (after its name); SUPPRESS keeps the main one's value
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                        help=lang_help)
    db_help = translate("cli", "データベースファイル")
    out_help = translate("cli", "出力ファイル")
    json_lines = translate("cli", "ファイルごとに1行の JSON で出力します")
    passphrase_help = translate("cli", "鍵のパスフレーズ（ファイルの1行目）。省略時は端末で尋ねます")
    hub_key_help = translate("cli", "暗号化されたファイルを開く拠点病院の秘密鍵")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def command(parent, name: str, text: str) -> argparse.ArgumentParser:
        return parent.add_parser(name, help=text, description=text, parents=[common])

    forms = command(sub, "forms", translate("cli", "評価票の定義"))
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    check = command(forms_sub, "check", translate("cli", "評価票の定義ファイルを検証します"))
    check.add_argument("files", nargs="+", metavar="FILE")
    to_x = command(forms_sub, "to-xlsx", translate("cli", "評価票を Excel で編集するブックに書き出します"))
    to_x.add_argument("form", metavar="FORM.yaml")
    to_x.add_argument("-o", "--output", required=True, metavar="FORM.xlsx", help=out_help)
    from_x = command(forms_sub, "from-xlsx",
                     translate("cli", "編集したブックから評価票の定義ファイルを作ります"))
    from_x.add_argument("file", metavar="FORM.xlsx")
    from_x.add_argument("-o", "--output", required=True, metavar="FORM.yaml", help=out_help)
    from_x.add_argument("--lenient", action="store_true",
                        help=translate("cli", "作成時の決まりを確かめません（評価の基準がない古い"
                                              "評価票）"))
    fdiff = command(forms_sub, "diff", translate("cli", "評価票の2つの版の違い"))
    fdiff.add_argument("old", metavar="OLD")
    fdiff.add_argument("new", metavar="NEW")
    fdiff.add_argument("--json", action="store_true",
                       help=translate("cli", "JSON のオブジェクト1つで出力します"))
    inst = command(forms_sub, "install", translate("cli", "拠点病院から届いた評価票を取り込みます"))
    inst.add_argument("file", metavar="FILE")
    inst.add_argument("--db", metavar="DB", dest="db",
                      help=translate("cli", "データベースファイル（省略時: アプリのデータフォルダ）"))
    flist = command(forms_sub, "list", translate("cli", "データベースにある評価票"))
    flist.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    flist.add_argument("--json", action="store_true",
                       help=translate("cli", "JSON の配列1つで出力します"))
    cur = command(forms_sub, "current", translate("cli", "拠点病院がその年度に使う評価票"))
    cur.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    cur.add_argument("--fiscal-year", type=_int_between(2000, 2100, "2026"), metavar="Y")
    cur_do = cur.add_mutually_exclusive_group()
    cur_do.add_argument("--set", metavar="VERSION",
                        help=translate("cli", "データベースにあるこの版をその年度の評価票にします"))
    cur_do.add_argument("--clear", action="store_true",
                        help=translate("cli", "その年度の設定を消します"))
    form_id_help = translate("cli", "評価票のID（同じ版番号の評価票が複数あるとき）")
    cur.add_argument("--form", metavar="ID", help=form_id_help)
    fexp = command(forms_sub, "export", translate("cli", "データベースにある評価票をチームに送るファイル"
                                                         "に書き出します"))
    fexp.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    fwhich = fexp.add_mutually_exclusive_group(required=True)
    fwhich.add_argument("--fiscal-year", type=_int_between(2000, 2100, "2026"), metavar="Y")
    fwhich.add_argument("--version", metavar="VERSION")
    fexp.add_argument("--form", metavar="ID", help=form_id_help)
    fexp.add_argument("-o", "--output", required=True, metavar="OUT.yaml", help=out_help)

    mig = command(sub, "migrate", translate("cli", "編集中の下書きを評価票の新しい版に移します"))
    mig.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    mig.add_argument("--to", required=True, metavar="FORM.yaml")
    mig.add_argument("--review", metavar="UUID", help=translate("cli", "このレビューだけ"))
    mig.add_argument("--json", action="store_true",
                     help=translate("cli", "レビューごとに1行の JSON で出力します"))

    demo = command(sub, "demo", translate("cli", "架空のデモデータをデータベースに入れます"))
    demo.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    demo.add_argument("--facilities", type=_int_between(1, 2000, "12"), default=12, metavar="N",
                      help=translate("cli", "施設の数"))
    demo.add_argument("--years", type=_int_between(1, 20, "3"), default=3, metavar="Y",
                      help=translate("cli", "年度の数"))
    demo.add_argument("--seed", type=int, default=7,
                      help=translate("cli", "乱数の種（同じ種なら同じデータ）"))

    ls = command(sub, "list", translate("cli", "レビューの一覧"))
    ls.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    ls.add_argument("--json", action="store_true",
                    help=translate("cli", "JSON の配列1つで出力します"))

    exp = command(sub, "export", translate("cli", "確定済みのレビューを提出ファイル（.kanwa）に"
                                                  "書き出します"))
    exp.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    exp.add_argument("--review", required=True, metavar="UUID")
    exp.add_argument("-o", "--output", required=True, metavar="OUT.kanwa", help=out_help)
    exp.add_argument("--sign", metavar="KEY.key", help=translate("cli", "この秘密鍵で署名します"))
    exp.add_argument("--passphrase-file", metavar="F", help=passphrase_help)
    exp.add_argument("--encrypt-to", metavar="HUB.pub",
                     help=translate("cli", "拠点病院の公開鍵に宛ててファイル全体を暗号化します"))

    imp = command(sub, "import", translate("cli", "提出ファイルを取り込みます"))
    imp.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--json", action="store_true", help=json_lines)
    imp.add_argument("--key", metavar="HUB.key", help=hub_key_help)
    imp.add_argument("--passphrase-file", metavar="F", help=passphrase_help)
    imp.add_argument("--require-signature", action="store_true",
                     help=translate("cli", "信頼リストの鍵で署名されたファイルだけを取り込みます"))

    rep = command(sub, "report", translate("cli", "フィードバック報告書（PDF）"))
    rep.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    which = rep.add_mutually_exclusive_group(required=True)
    which.add_argument("--review", metavar="UUID")
    which.add_argument("--all", action="store_true",
                       help=translate("cli", "全施設の最新のレビュー（施設一覧の表紙付き）"))
    rep.add_argument("--fiscal-year", type=_int_between(2000, 2100, "2025"), metavar="Y",
                     help=translate("cli", "--all と一緒に: この年度だけ"))
    rep.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help=out_help)

    letter = command(sub, "request-letter",
                     translate("cli", "訪問前に送ってもらう資料の依頼状（事前提出資料の依頼状, PDF）"))
    letter.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    letter.add_argument("--review", required=True, metavar="UUID")
    letter.add_argument("--due", type=_iso_date, metavar="YYYY-MM-DD",
                        help=translate("cli", "提出期限（省略時: 訪問日の14日前）"))
    letter.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help=out_help)

    xl = command(sub, "excel", translate("cli", "都道府県への集計表（Excel）"))
    xl.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    xl.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help=out_help)
    xl.add_argument("--fiscal-year", type=_int_between(2000, 2100, "2025"), metavar="Y",
                    help=translate("cli", "この年度（4月〜翌3月）だけ"))

    tpl = command(sub, "excel-template",
                  translate("cli", "アプリを使わないチームのための空の評価票ブック"))
    tpl.add_argument("--form", required=True, metavar="FORM")
    tpl.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help=out_help)

    xi = command(sub, "excel-import", translate("cli", "記入済みの評価票ブックを取り込みます"))
    xi.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    xi.add_argument("file", metavar="FILE.xlsx")
    xi.add_argument("--json", action="store_true", help=json_lines)

    pe = command(sub, "progress-export",
                 translate("cli", "施設の改善計画を進捗ファイル（.json / .xlsx）に書き出します"))
    pe.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    pe.add_argument("--facility", required=True, metavar="CODE")
    pe.add_argument("-o", "--output", required=True, metavar="OUT.json", help=out_help)

    pi = command(sub, "progress-import",
                 translate("cli", "改善計画の進捗（.json または Actions シート）を取り込みます"))
    pi.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    pi.add_argument("files", nargs="+", metavar="FILE")
    pi.add_argument("--json", action="store_true", help=json_lines)

    ver = command(sub, "verify", translate("cli", "提出ファイルを取り込まずに検査します"))
    ver.add_argument("file", metavar="FILE.kanwa")
    ver.add_argument("--key", metavar="HUB.key", help=hub_key_help)
    ver.add_argument("--passphrase-file", metavar="F", help=passphrase_help)

    keys = command(sub, "keys", translate("cli", "署名・暗号化の鍵と、拠点病院の信頼リスト"))
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    kn = command(keys_sub, "new", translate("cli", "NAME.key（秘密鍵）と NAME.pub（公開鍵）を作ります"))
    kn.add_argument("--name", required=True, metavar="NAME")
    kn.add_argument("-o", "--output", required=True, metavar="DIR",
                    help=translate("cli", "鍵を保存するフォルダ"))
    kn.add_argument("--passphrase-file", metavar="F",
                    help=translate("cli", "新しい鍵のパスフレーズ（ファイルの1行目）。省略時は端末で"
                                          "2回尋ねます"))
    kt = command(keys_sub, "trust", translate("cli", "拠点病院: 評価者・リーダーの公開鍵を信頼します"))
    kt.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    kt.add_argument("file", metavar="FILE.pub")
    kt.add_argument("--yes", action="store_true",
                    help=translate("cli", "指紋は鍵の持ち主と確認済み: 尋ねません"))
    kt.add_argument("--facility", action="append", metavar="CODE",
                    help=translate("cli", "この鍵はこの施設のレビューの修正版も出せます（複数指定可）"))
    kl = command(keys_sub, "list", translate("cli", "信頼リスト: 名前・指紋・追加日・失効日"))
    kl.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    kl.add_argument("--json", action="store_true",
                    help=translate("cli", "JSON の配列1つで出力します"))
    kr = command(keys_sub, "revoke", translate("cli", "信頼した鍵を失効させます"))
    kr.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    kr.add_argument("fingerprint", metavar="FINGERPRINT")

    bk = command(sub, "backup", translate("cli", "データベースの一貫したコピーを作ります"))
    bk.add_argument("--db", required=True, metavar="DB", dest="db", help=db_help)
    bk.add_argument("-o", "--output", required=True, metavar="OUT.sqlite", help=out_help)
    return p


def _handler(command: str):
    """The function that runs `command`.

    Each import is an ordinary statement, so readers and tools (import-linter, PyInstaller) follow
    it; it runs only for the command used, so `--version` or `list` load nothing else (no Qt, no
    ReportLab, no openpyxl)."""
    match command:
        case "forms":
            from kanwa_review.commands.forms import check as handler
        case "migrate":
            from kanwa_review.commands.migrate import run as handler
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
        case "request-letter":
            from kanwa_review.commands.report import request_letter as handler
        case "keys":
            from kanwa_review.commands.keys import run as handler
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


def warn_about_database_place(db) -> None:
    """A database in a cloud-synced folder or on a network drive: say so on stderr (the
    command still runs; stdout and the exit code stay as they were)."""
    if not db:
        return
    from kanwa_review.services import Services

    found = Services.database_place_warning(db)
    if found is not None:
        print(translate("cli", "警告: {message}").format(message=found.message), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    from kanwa_review.commands.console import make_safe

    make_safe()  # a legacy console code page (cp932, ASCII) must never end a command
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language_asked(argv)
    if lang:
        i18n.set_language(lang)
    with _argparse_speaks_our_language():
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command == "report" and args.fiscal_year is not None and not args.all:
            parser.error(translate("cli", "--fiscal-year は --all と一緒に指定してください"))
    if args.command is None:
        from kanwa_review.app import run_app  # the only path that loads Qt

        return run_app(db=args.db, demo=args.demo, lang=lang)
    handler = _handler(args.command)
    if handler is None:
        print(translate("cli", "kanwa-review {command}: このバージョンではまだ使えません。").format(
            command=args.command), file=sys.stderr)
        return EXIT_USAGE
    from kanwa_review.commands.console import terminal_safe_streams

    warn_about_database_place(getattr(args, "db", None))
    try:
        with terminal_safe_streams():   # text from files never acts on the terminal
            return handler(args)
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(translate("cli", "中断しました。途中までの処理は保存していません。"), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
