"""What an item traces to (`traces_to` in the form: guideline clause, survey area, seed topic,
QI), in words a reader of the report knows. The prefixes are the conventions written at the
top of the shipped form file; anything else (a law's name, a local rule) is printed as it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TraceSource:
    prefix: str   # as written in the form (`guideline-2022`, `seed:` …)
    short: str    # printed before the clause
    full: str     # the legend under the appendix


TRACE_SOURCES: tuple[TraceSource, ...] = (
    TraceSource("guideline-2022", "整備指針（2022年）",
                "がん診療連携拠点病院等の整備に関する指針（健発0801第16号、2022年8月1日）"),
    TraceSource("guideline-2018", "整備指針（2018年）",
                "がん診療連携拠点病院等の整備に関する指針（健発0731第1号、2018年7月31日）"),
    TraceSource("WG16", "実地調査WG（2016年）",
                "拠点病院の緩和ケア提供体制の実地調査に関するワーキンググループ報告書（2016年11月30日）"),
    TraceSource("seed:", "連絡事項（2020年）",
                "厚生労働省「緩和ケアに関する連絡事項」（2020年12月11日）"),
    TraceSource("QI:", "QI", "緩和ケアの質の評価指標（Quality Indicator）"),
    TraceSource("peer-review convention", "ピアレビューの慣行",
                "都道府県のピアレビューで一般に行われている運用"),
)


def _source(trace: str) -> TraceSource | None:
    return next((s for s in TRACE_SOURCES if trace.startswith(s.prefix)), None)


def trace_label(trace: str) -> str:
    """`guideline-2022 Ⅱ-2-(1)-③` → 「整備指針（2022年） Ⅱ-2-(1)-③」; `seed: 苦痛のスクリーニング`
    → 「連絡事項（2020年）: 苦痛のスクリーニング」; an unknown prefix is kept as written."""
    text = trace.strip()
    source = _source(text)
    if source is None:
        return text
    rest = text[len(source.prefix):].strip()
    if not rest:
        return source.short
    joint = ": " if source.prefix.endswith(":") else " "
    return f"{source.short}{joint}{rest}"


def trace_sources(traces) -> list[TraceSource]:
    """The sources the given traces use, in TRACE_SOURCES order (the appendix's legend)."""
    used = {id(s) for t in traces if (s := _source(t.strip())) is not None}
    return [s for s in TRACE_SOURCES if id(s) in used]
