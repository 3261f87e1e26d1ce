"""The Qt-free translation function: Japanese source, English from the .ts catalog."""

import pytest

from kanwa_review.core import i18n

LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def no_locale(monkeypatch):
    """No locale variable set and an OS locale that says nothing: each test sets what it needs."""
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(i18n.locale, "getlocale", lambda *a: (None, None))
    return monkeypatch


def test_normalise_reads_locale_names():
    assert i18n.normalise("en_US.UTF-8") == "en"
    assert i18n.normalise("ja-JP") == "ja"
    assert i18n.normalise("fr_FR") is None
    assert i18n.normalise(None) is None


@pytest.mark.parametrize("code, expected", [
    ("EN", "en"), (" ja ", "ja"), ("en.UTF-8", "en"), ("ja_JP.eucJP", "ja"), ("en-GB", "en"),
    ("", None), ("english", None), ("C.UTF-8", None), ("e", None),
])
def test_normalise_takes_the_language_part_only(code, expected):
    assert i18n.normalise(code) == expected


def test_japanese_is_the_source(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "ja")
    assert i18n.translate("test", "保存しました") == "保存しました"


def test_english_comes_from_the_catalog(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    monkeypatch.setitem(i18n._catalogs, "en", {("test", "保存しました", ""): "Saved"})
    assert i18n.translate("test", "保存しました") == "Saved"
    # no translation yet: the source shows rather than nothing
    assert i18n.translate("test", "未翻訳") == "未翻訳"
    # the context is part of the key: the same text elsewhere is another entry
    assert i18n.translate("other", "保存しました") == "保存しました"


def test_kanwa_lang_and_unknown_locale(monkeypatch):
    monkeypatch.setenv("KANWA_LANG", "en")
    assert i18n.set_language(None) == "en"
    monkeypatch.delenv("KANWA_LANG")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert i18n.set_language(None) == "ja"       # Japanese when unsure
    assert i18n.set_language("en") == "en"
    i18n.set_language("ja")


# --- choosing the language ------------------------------------------------------------------

@pytest.mark.parametrize("var", LOCALE_VARS)
def test_each_locale_variable_is_read(no_locale, var):
    no_locale.setenv(var, "en_US.UTF-8")
    assert i18n.system_language() == "en"


def test_locale_variables_in_posix_order(no_locale):
    no_locale.setenv("LANG", "en_US.UTF-8")
    no_locale.setenv("LC_MESSAGES", "ja_JP.UTF-8")
    assert i18n.system_language() == "ja"            # LC_MESSAGES before LANG
    no_locale.setenv("LC_ALL", "en_GB")
    assert i18n.system_language() == "en"            # LC_ALL before both


@pytest.mark.parametrize("neutral", ["C", "POSIX", "C.UTF-8", ""])
def test_a_neutral_locale_variable_says_nothing_and_the_next_one_decides(no_locale, neutral):
    no_locale.setenv("LC_ALL", neutral)
    no_locale.setenv("LANG", "en_US.UTF-8")
    assert i18n.system_language() == "en"


def test_a_locale_variable_in_another_language_means_japanese(no_locale):
    # the first variable that names a language decides, even one the app does not speak
    no_locale.setenv("LC_ALL", "fr_FR.UTF-8")
    no_locale.setenv("LANG", "en_US.UTF-8")
    assert i18n.system_language() == "ja"


def test_without_locale_variables_the_os_locale_decides(no_locale):
    assert i18n.system_language() == "ja"                       # it says nothing: Japanese
    no_locale.setattr(i18n.locale, "getlocale", lambda *a: ("en_US", "UTF-8"))
    assert i18n.system_language() == "en"
    no_locale.setattr(i18n.locale, "getlocale", lambda *a: ("ja_JP", "UTF-8"))
    assert i18n.system_language() == "ja"

    def broken(*a):
        raise ValueError("unknown locale: UTF-8")          # what macOS's odd locales give
    no_locale.setattr(i18n.locale, "getlocale", broken)
    assert i18n.system_language() == "ja"


def test_set_language_prefers_the_choice_then_kanwa_lang_then_the_system(no_locale):
    no_locale.setenv("LANG", "ja_JP.UTF-8")
    no_locale.setenv("KANWA_LANG", "en")
    assert i18n.set_language(None) == "en" == i18n.language()
    assert i18n.set_language("ja") == "ja" == i18n.language()
    assert i18n.set_language("fr") == "en"                  # not a language of the app
    no_locale.setenv("KANWA_LANG", "klingon")
    assert i18n.set_language(None) == "ja"                  # the system's


def test_the_language_is_chosen_once_per_process(no_locale):
    no_locale.setattr(i18n, "_language", None)
    no_locale.setenv("KANWA_LANG", "en")
    assert i18n.language() == "en"
    no_locale.setenv("KANWA_LANG", "ja")
    assert i18n.language() == "en"          # kept until set_language() is called again
    assert i18n.set_language(None) == "ja" == i18n.language()


# --- reading the catalog ----------------------------------------------------------------------

CATALOG = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>rules</name>
    <message>
        <source>下書き</source>
        <translation type="unfinished">Draft</translation>
    </message>
    <message>
        <location filename="../core/rules.py" line="111"/>
        <source>保存しました</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>古い</source>
        <translation type="obsolete">Old</translation>
    </message>
    <message>
        <source>消えた</source>
        <translation type="vanished">Gone</translation>
    </message>
    <message>
        <source>空</source>
        <translation></translation>
    </message>
    <message>
        <source>訳なし</source>
    </message>
    <message>
        <source>長さ</source>
        <translation variants="yes"><lengthvariant>Long text</lengthvariant><lengthvariant>Short</lengthvariant></translation>
    </message>
    <message numerus="yes">
        <source>{n} 件</source>
        <translation>
            <numerusform>{n} file</numerusform>
            <numerusform>{n} files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <source>保存しました</source>
        <translation>Stored</translation>
    </message>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>; </translation>
    </message>
</context>
<context>
    <message>
        <source>名前なし</source>
        <translation>No name</translation>
    </message>
</context>
<context>
    <name>odd</name>
    <message>
        <translation>No source</translation>
    </message>
    <source>迷子</source>
    <translation>Stray</translation>
</context>
</TS>
"""


@pytest.fixture
def catalog_dir(tmp_path, monkeypatch):
    """The catalogs are read from tmp_path (kanwa_review_<lang>.ts), none loaded yet."""
    monkeypatch.setattr(i18n, "translation_path", lambda name: tmp_path / name)
    monkeypatch.setattr(i18n, "_catalogs", {})
    return tmp_path


def test_catalog_reads_finished_translations_by_context_and_source(catalog_dir):
    (catalog_dir / "kanwa_review_en.ts").write_text(CATALOG, encoding="utf-8")
    assert i18n.catalog("en") == {
        ("rules", "保存しました", ""): "Saved",
        # a length variant or plural entry: its first form (the full text; the singular)
        ("rules", "長さ", ""): "Long text",
        ("rules", "{n} 件", ""): "{n} file",
        ("form", "保存しました", ""): "Stored",
        ("form", "、", "list separator"): "; ",
        # only <message> entries count; without a name or a source they are kept under ""
        # (no call ever looks them up)
        ("", "名前なし", ""): "No name",
        ("odd", "", ""): "No source",
    }


def test_the_catalog_is_read_once_and_a_missing_one_is_empty(catalog_dir, monkeypatch):
    path = catalog_dir / "kanwa_review_en.ts"
    path.write_text(CATALOG, encoding="utf-8")
    monkeypatch.setattr(i18n, "_language", "en")
    assert i18n.translate("rules", "保存しました") == "Saved"
    assert i18n.translate("form", "保存しました") == "Stored"
    path.unlink()                                   # read once per process
    assert i18n.translate("rules", "保存しました") == "Saved"
    assert i18n.catalog("fr") == {}                 # no file: the source shows
    assert i18n.translate("rules", "下書き") == "下書き"


def test_the_catalog_of_each_language_has_its_own_file():
    path = i18n.catalog_path("en")
    assert path.name == "kanwa_review_en.ts" and path.parent.name == "translations"
    assert path.is_file()


def test_a_disambiguation_picks_its_own_entry_and_falls_back_to_the_plain_one(catalog_dir,
                                                                            monkeypatch):
    (catalog_dir / "kanwa_review_en.ts").write_text(CATALOG, encoding="utf-8")
    monkeypatch.setattr(i18n, "_language", "en")
    assert i18n.translate("form", "、", "list separator") == "; "
    assert i18n.translate("form", "、") == "、"                      # another entry: none
    assert i18n.translate("form", "保存しました", "title") == "Stored"  # like Qt: the plain one
    assert i18n.translate("form", "無い", "title") == "無い"


def test_translation_into_a_language_other_than_the_process_one(catalog_dir, monkeypatch):
    (catalog_dir / "kanwa_review_en.ts").write_text(CATALOG, encoding="utf-8")
    monkeypatch.setattr(i18n, "_language", "ja")
    assert i18n.translation("en", "rules", "保存しました") == "Saved"
    assert i18n.translation("en", "form", "、", "list separator") == "; "
    assert i18n.translation("ja", "rules", "保存しました") == "保存しました"
    assert i18n.translate("rules", "保存しました") == "保存しました"     # the process: Japanese
    assert "en" in i18n._catalogs and "ja" not in i18n._catalogs       # the source needs none
