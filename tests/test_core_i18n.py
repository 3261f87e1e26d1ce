"""The Qt-free translation function: Japanese source, English from the .ts catalog."""

from kanwa_review.core import i18n


def test_normalise_reads_locale_names():
    assert i18n.normalise("en_US.UTF-8") == "en"
    assert i18n.normalise("ja-JP") == "ja"
    assert i18n.normalise("fr_FR") is None
    assert i18n.normalise(None) is None


def test_japanese_is_the_source(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "ja")
    assert i18n.translate("test", "保存しました") == "保存しました"


def test_english_comes_from_the_catalog(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")
    monkeypatch.setitem(i18n._catalogs, "en", {("test", "保存しました"): "Saved"})
    assert i18n.translate("test", "保存しました") == "Saved"
    # no translation yet: the source shows rather than nothing
    assert i18n.translate("test", "未翻訳") == "未翻訳"


def test_kanwa_lang_and_unknown_locale(monkeypatch):
    monkeypatch.setenv("KANWA_LANG", "en")
    assert i18n.set_language(None) == "en"
    monkeypatch.delenv("KANWA_LANG")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert i18n.set_language(None) == "ja"       # Japanese when unsure
    assert i18n.set_language("en") == "en"
    i18n.set_language("ja")
