"""The command line speaks one language at a time: `--lang ja|en` (anywhere before `--`), else
KANWA_LANG, else the system locale. Its messages, its help and argparse's own texts (usage,
errors) follow; exit codes and JSON keys do not change."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from kanwa_review.cli import language_asked, main
from kanwa_review.core import i18n
from kanwa_review.core.form import default_form_path

JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uff01-\uff60]")
COMMANDS = ["forms", "demo", "list", "export", "import", "report", "excel", "excel-template",
            "excel-import", "progress-export", "progress-import", "verify", "backup",
            "request-letter", "keys", "migrate"]
# what is written the same in every language: the program, its commands and options, file
# suffixes, metavariables and environment variables, product names and the workbook's sheet name
NOT_WORDS = re.compile(r"kanwa-review|--?[\w-]+|\.\w+\b|\bKANWA_\w+|\b[A-Z]+\b|Excel|Actions|"
                       r"(?<![\w-])(" + "|".join(sorted(COMMANDS, key=len, reverse=True))
                       + r")(?![\w-])")


def _run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:          # argparse: usage errors and --help
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def english_words(text: str, *dynamic: str) -> list[str]:
    """English words left in `text` once the paths and names the user typed are taken out."""
    for value in dynamic:
        text = text.replace(str(value), " ")
    return re.findall(r"[A-Za-z]{2,}", NOT_WORDS.sub(" ", text))


@pytest.fixture
def hub(db_path, final_review, database):
    database.conn.execute("PRAGMA wal_checkpoint")
    return db_path


def _cases(hub, tmp_path):
    """(argv, exit code, the paths the message names): errors a user meets, one per path
    through the code (our own check before any work, argparse's type check, argparse's
    required arguments)."""
    return [
        (["report", "--db", hub, "--all", "-o", tmp_path / "nowhere" / "r.pdf"], 1,
         [tmp_path / "nowhere"]),
        (["excel", "--db", hub, "-o", tmp_path / "out.txt"], 1, [tmp_path / "out.txt"]),
        (["demo", "--db", tmp_path / "x.sqlite", "--facilities", "0"], 2, []),
        (["list"], 2, []),
    ]


def test_errors_with_lang_ja_hold_no_english(hub, tmp_path, capsys):
    for argv, expected, names in _cases(hub, tmp_path):
        code, _, err = _run(capsys, *argv, "--lang", "ja")
        assert code == expected, err
        last = err.strip().splitlines()[-1]
        assert JAPANESE.search(last), err
        assert english_words(last, *names) == [], err
        if expected == 2:               # argparse: usage, then "kanwa-review demo: エラー: …"
            assert err.startswith("使い方: kanwa-review ") and ": エラー: " in last, err
        else:
            assert last.startswith("エラー: "), err


def test_errors_with_lang_en_hold_no_japanese(hub, tmp_path, capsys):
    for argv, expected, _names in _cases(hub, tmp_path):
        code, _, err = _run(capsys, "--lang", "en", *argv)
        assert code == expected, err
        assert not JAPANESE.search(err), err
        last = err.strip().splitlines()[-1]
        assert (last.startswith("error: ") if expected == 1
                else err.startswith("usage: kanwa-review ") and ": error: " in last), err


def test_the_messages_say_the_same_in_both_languages(hub, tmp_path, capsys):
    code, _, err = _run(capsys, "excel", "--db", hub, "-o", tmp_path / "out.txt", "--lang=en")
    assert code == 1
    assert err == (f"error: {tmp_path / 'out.txt'}: the output file name must end in .xlsx "
                   "(e.g. return.xlsx)\n")
    code, _, err = _run(capsys, "excel", "--db", hub, "-o", tmp_path / "out.txt", "--lang=ja")
    assert err == (f"エラー: {tmp_path / 'out.txt'}: 出力ファイル名は .xlsx で終わる名前にしてください"
                   "（例: 集計表.xlsx）\n")
    code, _, err = _run(capsys, "--lang", "en", "demo", "--db", tmp_path / "x.sqlite",
                        "--years", "many")
    assert code == 2 and err.endswith("kanwa-review demo: error: argument --years: 'many' is not "
                                      "a whole number (e.g. 3)\n")


def test_help_is_in_one_language(capsys):
    code, out, _ = _run(capsys, "--lang", "en", "--help")
    assert code == 0 and out.startswith("usage: kanwa-review")
    assert "options:" in out and "fill the database with invented demo data" in out
    assert not JAPANESE.search(out), out
    code, out, _ = _run(capsys, "--lang", "ja", "--help")
    assert code == 0 and out.startswith("使い方: kanwa-review")
    assert "オプション:" in out and "架空のデモデータをデータベースに入れます" in out
    lines = [ln for ln in out.splitlines()[3:] if ln.strip()]    # after the usage lines
    assert [ln for ln in lines if english_words(ln, "COMMAND", "{ja,en}")] == [], out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_takes_lang_and_explains_itself_in_it(command, capsys):
    code, out, _ = _run(capsys, command, "--lang", "en", "--help")
    assert code == 0 and "--lang {ja,en}" in out and not JAPANESE.search(out), out
    code, out, _ = _run(capsys, command, "--help", "--lang", "ja")
    assert code == 0 and "--lang {ja,en}" in out and "このヘルプを表示して終了します" in out, out


def test_an_unknown_language_is_a_usage_error(capsys):
    code, _, err = _run(capsys, "list", "--lang", "fr")
    assert code == 2 and "--lang" in err and "'fr'" in err


def test_json_keys_and_exit_codes_do_not_depend_on_the_language(hub, capsys):
    outputs = {}
    for lang in ("ja", "en"):
        code, out, _ = _run(capsys, "list", "--db", hub, "--json", "--lang", lang)
        assert code == 0
        outputs[lang] = json.loads(out)
    assert outputs["ja"] == outputs["en"]
    assert set(outputs["en"][0]) == {"uuid", "facility_code", "facility_name", "visit_date",
                                     "fiscal_year", "status", "revision"}


def test_argparse_is_left_as_it_was(capsys):
    import argparse

    before = argparse._, argparse.ngettext
    _run(capsys, "--lang", "ja", "list")
    assert (argparse._, argparse.ngettext) == before
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


@pytest.mark.parametrize("argv, lang", [
    (["--lang", "en", "list"], "en"), (["list", "--lang", "ja"], "ja"), (["--lang=en"], "en"),
    (["list", "--lang=EN"], "en"), (["list"], None), (["--lang"], None),
    (["--lang", "fr"], None), (["import", "--", "--lang", "en"], None),
])
def test_the_language_is_read_before_parsing(argv, lang):
    assert language_asked(argv) == lang


def test_without_lang_kanwa_lang_decides_in_a_new_process(tmp_path):
    env = dict(os.environ, KANWA_LANG="en", KANWA_REVIEW_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "kanwa_review", "report", "--db",
                          str(tmp_path / "x.sqlite"), "--all", "-o", str(tmp_path / "x.txt")],
                         capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 1 and out.stderr.startswith("error: "), out.stderr
    assert not JAPANESE.search(out.stderr.replace(str(tmp_path), ""))
    env["KANWA_LANG"] = "ja"
    out = subprocess.run([sys.executable, "-m", "kanwa_review", "report", "--db",
                          str(tmp_path / "x.sqlite"), "--all", "-o", str(tmp_path / "x.txt"),
                          "--lang", "en"], capture_output=True, text=True, env=env, timeout=60)
    assert out.stderr.startswith("error: "), out.stderr          # --lang beats KANWA_LANG


def test_lang_sets_the_language_of_the_whole_process(capsys):
    _run(capsys, "--lang", "en", "list")
    assert i18n.language() == "en"               # services' and core's messages follow


def _command_errors(hub, tmp_path):
    """(argv, a Japanese word, an English word): one error a user meets in each command
    module, raised by the layer behind it (store, services, exchange, core)."""
    existing = tmp_path / "exists.sqlite"
    existing.write_bytes(b"")
    missing = tmp_path / "missing.sqlite"
    not_zip = tmp_path / "not.kanwa"
    not_zip.write_bytes(b"not a zip")
    return [
        (["backup", "--db", hub, "-o", existing], "既にあります", "already exists"),          # backup
        (["demo", "--db", hub, "--facilities", "1", "--years", "1"], "実際の施設",
         "real facilities"),                                                               # demo
        (["list", "--db", missing], "データベースがありません", "no such database"),      # listing
        (["excel-import", "--db", hub, tmp_path / "none.xlsx"], "ファイルが見つかりません",
         "file not found"),                                                                 # excel
        (["verify", not_zip], "ZIP 形式ではない", "not a ZIP"),                            # exchange
        (["export", "--db", hub, "--review", "nope", "-o", tmp_path / "x.kanwa"],
         "にありません", "No review nope"),                                                  # exchange
        (["progress-export", "--db", hub, "--facility", "NOPE", "-o", tmp_path / "p.json"],
         "登録されていません", "is not registered"),                                        # progress
        (["report", "--db", hub, "--review", "nope", "-o", tmp_path / "r.pdf"],
         "にありません", "No review nope"),                                                  # report
        (["keys", "revoke", "--db", hub, "nonsense"], "鍵の指紋ではありません",
         "not a key fingerprint"),                                                          # keys
        (["forms", "current", "--db", missing], "データベースがありません",
         "no such database"),                                                               # forms
        (["migrate", "--db", missing, "--to", default_form_path()], "データベースがありません",
         "no such database"),                                                               # migrate
    ]


def test_each_command_module_refuses_in_japanese_by_default_and_in_english_with_lang_en(
        hub, tmp_path, capsys):
    for argv, ja, en in _command_errors(hub, tmp_path):
        i18n.set_language("ja")
        code, _, err = _run(capsys, *argv)
        assert code == 1 and ja in err, (argv, err)
        assert JAPANESE.search(err), (argv, err)
        code, _, err = _run(capsys, "--lang", "en", *argv)
        shown = err.replace(str(tmp_path), "").replace(str(hub), "")
        assert code == 1 and en in err, (argv, err)
        assert not JAPANESE.search(shown), (argv, err)


def test_a_form_check_reports_each_problem_in_one_language(tmp_path, capsys):
    """core.form's problems (pydantic's own errors among them) in the language asked for: in
    English no Japanese, in Japanese none of pydantic's English after the Japanese."""
    bad = tmp_path / "bad.yaml"
    bad.write_text('id: x\nversion: "1"\ntitle: {ja: t, en: t}\nscales: 5\nsections:\n'
                   "  - code: A\n    title: {ja: a, en: a}\n    colour: red\n    items: []\n",
                   encoding="utf-8")
    code, _, err = _run(capsys, "--lang", "en", "forms", "check", bad)
    shown = err.replace(str(bad), "")
    assert code == 1 and not JAPANESE.search(shown), err
    assert "unknown key" in err and "too few entries (at least 1)" in err
    code, _, err = _run(capsys, "--lang", "ja", "forms", "check", bad)
    assert code == 1 and "不明なキーです" in err and "要素が足りません（1 個以上）" in err, err
    for english in ("unknown key", "Field required", "Input should", "Tuple should", " / "):
        assert english not in err, err
