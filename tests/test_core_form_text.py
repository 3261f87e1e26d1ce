"""The form in the reader's language (core.form_text): its texts, its title and version, and
traces as readable labels — Japanese or English, never both, never the form's developer codes."""

from __future__ import annotations

import pytest

from kanwa_review.core import form_text, i18n
from kanwa_review.core.form import Text, load_form
from kanwa_review.core.resources import default_form_path


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")


@pytest.fixture(scope="module")
def form():
    return load_form(default_form_path())


def test_a_text_in_the_language_of_the_process(monkeypatch):
    both = Text(ja="十分にできている", en="Fully in place")
    assert form_text.text(both) == "十分にできている"
    monkeypatch.setattr(i18n, "_language", "en")
    assert form_text.text(both) == "Fully in place"
    assert form_text.text(Text(ja="評価の視点のみ")) == "評価の視点のみ"   # no English: the Japanese
    assert form_text.text(None) == ""


def test_the_form_is_named_by_its_title_and_version(form):
    assert form_text.form_title(form) == "緩和ケア提供体制 ピアレビュー評価票 2026.2版"
    assert form.label() == form_text.form_title(form)
    assert form.id not in form.label()


def test_the_form_in_english(form, english):
    assert form_text.form_title(form) == "Palliative Care Peer Review Checklist, version 2026.2"
    assert form.label() == "Palliative Care Peer Review Checklist, version 2026.2"


@pytest.mark.parametrize("trace, japanese, english_label", [
    ("guideline-2022 PDCAサイクルの確保", "整備指針(2022) PDCAサイクルの確保",
     "Designation guideline (2022) PDCAサイクルの確保"),
    ("guideline-2018 Ⅱ-1-(1)-⑤", "整備指針(2018) Ⅱ-1-(1)-⑤", "Designation guideline (2018) Ⅱ-1-(1)-⑤"),
    ("guideline-2031 新しい条項", "整備指針(2031) 新しい条項", "Designation guideline (2031) 新しい条項"),
    ("WG16 院内PDCA", "実地調査WG(2016) 院内PDCA", "On-site survey WG (2016) 院内PDCA"),
    ("seed: 苦痛のスクリーニング", "厚労省 連絡事項(2020) 苦痛のスクリーニング",
     "MHLW notice (2020) 苦痛のスクリーニング"),
    ("QI: 苦痛のスクリーニング実施率（外来）", "QI 苦痛のスクリーニング実施率（外来）",
     "Quality indicator 苦痛のスクリーニング実施率（外来）"),
    ("peer-review convention", "ピアレビューの慣行", "Peer review practice"),
    ("seed:", "厚労省 連絡事項(2020)", "MHLW notice (2020)"),                 # the source alone
    ("WG16", "実地調査WG(2016)", "On-site survey WG (2016)"),
    # anything in no known convention is shown as the form writes it
    ("麻薬及び向精神薬取締法 第33条", "麻薬及び向精神薬取締法 第33条", "麻薬及び向精神薬取締法 第33条"),
    ("guideline-22 条項", "guideline-22 条項", "guideline-22 条項"),
    ("my-guideline-2022 条項", "my-guideline-2022 条項", "my-guideline-2022 条項"),
    ("guideline-20222 条項", "guideline-20222 条項", "guideline-20222 条項"),
    ("peer-review practice", "peer-review practice", "peer-review practice"),
    ("seed:QI", "seed:QI", "seed:QI"),
])
def test_traces_read_as_labels(trace, japanese, english_label, monkeypatch):
    assert form_text.trace_label(trace) == japanese
    monkeypatch.setattr(i18n, "_language", "en")
    assert form_text.trace_label(trace) == english_label


def test_an_items_traces_as_one_line(form, monkeypatch):
    item = form.item("A-1")
    assert item.traces_to == ("guideline-2022 PDCAサイクルの確保",
                              "guideline-2018 緩和ケアセンター（都道府県拠点）", "WG16 院内PDCA")
    assert form_text.trace_labels(item) == ("整備指針(2022) PDCAサイクルの確保、"
                                            "整備指針(2018) 緩和ケアセンター（都道府県拠点）、"
                                            "実地調査WG(2016) 院内PDCA")
    monkeypatch.setattr(i18n, "_language", "en")
    assert form_text.trace_labels(item) == ("Designation guideline (2022) PDCAサイクルの確保; "
                                            "Designation guideline (2018) 緩和ケアセンター（都道府県拠点）; "
                                            "On-site survey WG (2016) 院内PDCA")


def test_every_trace_of_the_shipped_form_reads_without_developer_codes(form):
    codes = ("guideline-", "seed:", "WG16", "QI:", "peer-review")
    left = [t for item in form.items() for t in item.traces_to
            if any(c in form_text.trace_label(t) for c in codes)]
    assert left == []
