"""事前提出資料の依頼状: the letter the hub or the review team sends the hospital before a visit,
listing the documents the form asks for (`documents` of its items, core.documents), grouped by
area, with the items each serves and the date to send them by.

Format code: it renders a `RequestLetter` (gathered by services/reports.py); page furniture
comes from reports/pages.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kanwa_review.core.dates import wareki
from kanwa_review.core.documents import DocumentRequest
from kanwa_review.core.review_data import ReviewData
from kanwa_review.core.settings import ReportSettings
from kanwa_review.reports.feedback import GREY, HEAD_BACKGROUND, _date_text, _table, t
from kanwa_review.reports.fonts import report_font
from kanwa_review.reports.pages import CONTENT_WIDTH, Heading, ReportContext, ReportStart, new_document
from kanwa_review.reports.text_safety import printable

DAYS_BEFORE_VISIT = 14   # documents arrive two weeks before the visit unless told otherwise


@dataclass(frozen=True)
class RequestLetter:
    data: ReviewData
    documents: tuple[DocumentRequest, ...]
    settings: ReportSettings = field(default_factory=ReportSettings)
    prefecture: str = ""
    due: date | None = None        # send by (default: DAYS_BEFORE_VISIT before the visit)

    @property
    def send_by(self) -> date:
        return self.due or (self.data.review.visit_date - timedelta(days=DAYS_BEFORE_VISIT))


def story(letter: RequestLetter, *, today: date) -> list:
    data = letter.data
    r = data.review
    issuer = letter.settings.issuer_for(letter.prefecture)
    leader = r.leader.name if r.leader else ""
    ctx = ReportContext(index=0, facility=f"{r.facility_name}（{r.facility_code}）",
                        review=f"{r.visit_date.isoformat()} 訪問", draft=False,
                        outline_title="事前提出資料のお願い",
                        header_title="緩和ケア ピアレビュー　事前提出資料のお願い")
    out = [ReportStart(ctx),
           t(f"{today.isoformat()}（{wareki(today)}）", 9.5, space_after=4),
           t(f"{r.facility_name}", 12), t("病院長 様　緩和ケアご担当者 様", 10.5, space_after=6),
           t(issuer, 10), t(f"ピアレビュー評価チーム　リーダー {leader}" if leader else
                            "ピアレビュー評価チーム", 10, space_after=8),
           Heading("緩和ケア ピアレビュー　事前提出資料のお願い", 1, key=ctx.key("letter"))]
    section_titles = {s.code: s.title.ja for s in data.form.sections}
    body = (f"このたびは、緩和ケア提供体制のピアレビューをお引き受けいただき、ありがとうございます。"
            f"{_date_text(r.visit_date)}の訪問に先立ち、下記の資料を{_date_text(letter.send_by)}"
            "までにご提出ください。あわせて、評価票の自己評価欄にご記入のうえ、ご提出ください。"
            "資料は既存のもので構いません。該当するものがない場合は、その旨をお知らせください。"
            "個人を特定できる情報は、必要な範囲を除き伏せてください。")
    out += [t(body, 9.5, space_after=6),
            t(f"評価票: {data.form.title.ja}　第{data.form.version}版　"
              f"（資料 {len(letter.documents)} 点）", 8.5, GREY, space_after=3)]
    rows = [[t("No.", 8), t("資料", 8), t("関連項目", 8), t("領域", 8)]]
    for n, d in enumerate(letter.documents, start=1):
        text = d.text + ("（該当する場合）" if d.conditional else "")
        rows.append([t(str(n), 8), t(text, 8.8), t("、".join(d.item_codes), 8),
                     t(f"{d.section_code} {section_titles.get(d.section_code, '')}", 7.8)])
    if len(rows) == 1:
        rows.append([t("—", 8), t("この評価票には事前提出資料の指定がありません", 8.8, GREY), "", ""])
    out += [_table(rows, [10 * mm, CONTENT_WIDTH - 80 * mm, 30 * mm, 40 * mm],
                   extra=[("BACKGROUND", (0, 0), (-1, 0), HEAD_BACKGROUND)]),
            Spacer(1, 4 * mm),
            t("「（該当する場合）」の資料は、関連項目が該当する施設のみご提出ください"
              "（例: 緩和ケア外来がある場合の新規患者数）。", 8, GREY),
            Spacer(1, 3 * mm),
            t(f"問い合わせ先: {issuer}　事務局", 9),
            Spacer(1, 2 * mm), t(letter.settings.confidentiality_text, 8, GREY)]
    return out


def write_letter(letter: RequestLetter, out: str | Path, *, today: date | None = None) -> Path:
    """Write the request letter to `out` (.pdf), under a temporary name renamed at the end."""
    report_font()
    today = today or date.today()
    r = letter.data.review
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    doc = new_document(tmp, title=f"事前提出資料のお願い {printable(r.facility_name)}",
                       author=printable(letter.settings.issuer_for(letter.prefecture)),
                       subject=f"緩和ケア ピアレビュー 訪問日 {r.visit_date.isoformat()}")
    try:
        doc.build(story(letter, today=today))
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out
