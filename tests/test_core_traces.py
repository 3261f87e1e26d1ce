"""core.traces: every source prefix of the form conventions in readable words, unknown ones kept,
and the legend of the sources used."""

from __future__ import annotations

import pytest

from kanwa_review.core.traces import TRACE_SOURCES, trace_label, trace_sources


@pytest.mark.parametrize("trace, label", [
    ("guideline-2022 Ⅱ-2-(1)-③", "整備指針（2022年） Ⅱ-2-(1)-③"),
    ("guideline-2018 Ⅱ-1-(1)-⑤-イ", "整備指針（2018年） Ⅱ-1-(1)-⑤-イ"),
    ("WG16 苦痛のスクリーニング", "実地調査WG（2016年） 苦痛のスクリーニング"),
    ("seed: 苦痛のスクリーニング", "連絡事項（2020年）: 苦痛のスクリーニング"),
    ("QI: 緩和ケア研修修了率", "QI: 緩和ケア研修修了率"),
    ("peer-review convention", "ピアレビューの慣行"),
    ("  guideline-2022 PDCAサイクルの確保 ", "整備指針（2022年） PDCAサイクルの確保"),
    ("guideline-2022", "整備指針（2022年）"),
    ("麻薬及び向精神薬取締法", "麻薬及び向精神薬取締法"),
])
def test_trace_label(trace, label):
    assert trace_label(trace) == label


def test_legend_lists_the_sources_used_in_their_order():
    used = trace_sources(["seed: x", "guideline-2022 Ⅱ", "other", "seed: y", " WG16 z"])
    assert [s.prefix for s in used] == ["guideline-2022", "WG16", "seed:"]
    assert trace_sources([]) == [] and trace_sources(["法令"]) == []
    assert all(s.full and s.short for s in TRACE_SOURCES)
    assert "健発0801第16号" in used[0].full


def test_every_trace_of_the_shipped_form_reads_in_words(real_form):
    for item in real_form.items():
        for trace in item.traces_to:
            label = trace_label(trace)
            assert not label.startswith(("guideline-", "WG16", "seed:", "peer-review")), label
