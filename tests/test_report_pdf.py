"""PDF feedback reports: content, font embedding, rendering, hostile text, kinsoku, batch."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from kanwa_review.core.pdca import ImprovementAction
from kanwa_review.reports.feedback import TITLES
from kanwa_review.reports.linebreak import NO_END, NO_START, break_lines
from kanwa_review.reports.text_safety import MISSING, printable
from kanwa_review.services import Services
from kanwa_review.store import open_database


def _text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def _pdftotext(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture
def report(services, final_review, tmp_path):
    out = tmp_path / "r.pdf"
    services.write_report(final_review.uuid, out)
    return out


def test_report_contains_the_review(report):
    text = _pdftotext(report)
    for needle in ("架空県立がんセンター", "F001", "令和7年11月20日", "令和7年度", "山田 花子",
                   "リーダー", "医師（身体症状）", "A-1", "A-2", "B-1", "計画が文書化されていない",
                   "委員会規程", "委員会が定期的に開催されている", "関連項目: A-1", "45", "60",
                   "75.0%", "2025年度", "テスト用評価票", "対象外", "達成率"):
        assert needle in text, needle
    for title in TITLES.values():
        if title != "表紙":
            assert title in text, title
    pages = PdfReader(str(report)).pages
    for n, page in enumerate(pages, start=1):
        assert re.search(rf"(^|\s){n}\s*/\s*{len(pages)}(\s|$)", page.extract_text()), n
    assert "下書き" not in text  # a final review has no watermark


def test_report_metadata_outline_and_font(report):
    reader = PdfReader(str(report))
    meta = reader.metadata
    assert "架空県立がんセンター" in meta.title
    assert meta.author == "山田 花子"
    assert "テスト用評価票" in meta.subject
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "表紙" in titles and TITLES["summary"] in titles and TITLES["signoff"] in titles
    summary = next(o for o in reader.outline if not isinstance(o, list)
                   and o.title == TITLES["summary"])
    assert reader.get_destination_page_number(summary) == 1  # the page after the cover
    fonts = subprocess.run(["pdffonts", str(report)], capture_output=True, text=True,
                           check=True).stdout
    lines = [l for l in fonts.splitlines() if "IPAexGothic" in l]
    assert lines and all(l.split()[-5] == "yes" and l.split()[-4] == "yes" for l in lines)


def test_pages_render_with_ink(report, tmp_path):
    from PySide6.QtGui import QImage

    subprocess.run(["pdftoppm", "-r", "30", "-png", str(report), str(tmp_path / "p")], check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == len(PdfReader(str(report)).pages)
    for png in pngs:
        img = QImage(str(png))
        dark = sum(1 for y in range(0, img.height(), 3) for x in range(0, img.width(), 3)
                   if img.pixelColor(x, y).lightness() < 160)
        assert dark > 10, png.name   # sparse pages (sign-off, a short appendix) still have ink


def test_draft_prints_watermark(services, draft, tmp_path):
    out = services.write_report(draft.uuid, tmp_path / "d.pdf")
    pages = PdfReader(str(out)).pages
    assert all("下書き" in p.extract_text() for p in pages)  # the watermark on every page
    assert not any("DRAFT" in p.extract_text() for p in pages)  # in the report's one language
    assert "未確定" in _pdftotext(out)


def test_hostile_text_is_literal_and_never_crashes(services, draft, tmp_path):
    nasty = "<b>太字</b> & <para>x</para> &amp; 😀👨‍👩‍👧 𠮷野家 \x00\x07 改行\r\n次の行 " + "長" * 3000
    services.set_answer(draft.uuid, "A-1", rating="D", comment=nasty, evidence="<i>&lt;</i>")
    services.add_finding(draft.uuid, "improve", "<script>alert(1)</script> & 🙂", ["A-1"])
    out = services.write_report(draft.uuid, tmp_path / "h.pdf")
    text = _pdftotext(out)
    for literal in ("<b>太字</b>", "<para>x</para>", "&amp;", " & "):
        assert literal in text, literal
    assert "<i>&lt;</i>" in text
    assert "<script>alert(1)</script> &" in text
    assert MISSING in text and "（続き）" in text
    assert "\x00" not in printable(nasty) and "😀" not in printable(nasty)


def test_kinsoku_no_line_starts_with_closing_marks():
    para = ("緩和ケアチームへの依頼は、医師だけでなく看護師・薬剤師からも可能である。"
            "「苦痛のスクリーニング」（外来・病棟）の結果は、主治医へ速やかに伝達される。") * 3
    for width in range(40, 260, 3):
        lines = break_lines(para, width, 9)
        assert "".join(lines) == para
        for line in lines[1:]:
            assert line[0] not in NO_START, (width, line)
        for line in lines[:-1]:
            assert line[-1] not in NO_END, (width, line)
    latin = break_lines("スクリーニング screening-rate を確認", 70, 9)
    assert any("screening-rate" in line for line in latin)


def test_improvement_plan_rows_when_given(services, final_review, tmp_path):
    from datetime import date
    out = services.write_report(final_review.uuid, tmp_path / "p.pdf", actions=[
        ImprovementAction("0b7c2a52-5d7e-4f0e-9a55-3f1d2c4b6a11", "F001", "計画を文書化する",
                          owner_role="緩和ケア委員長", due_date=date(2026, 3, 31),
                          status="in_progress", item_codes=("A-2",))])
    text = _pdftotext(out)
    assert "計画を文書化する" in text and "2026-03-31" in text and "進行中" in text


def test_cli_report_single_and_all(final_review, db_path, tmp_path, services):
    from kanwa_review.cli import main
    services.database.close()
    out = tmp_path / "cli.pdf"
    assert main(["report", "--db", str(db_path), "--review", final_review.uuid, "-o",
                 str(out)]) == 0
    assert "架空県立がんセンター" in _text(out)
    assert main(["report", "--db", str(db_path), "--all", "-o", str(tmp_path / "a.pdf")]) == 0
    assert main(["report", "--db", str(db_path), "--review", "nope", "-o",
                 str(tmp_path / "x.pdf")]) == 1


def test_batch_of_real_form_demo(demo_db, tmp_path):
    db = open_database(shutil.copy(demo_db, tmp_path / "demo.sqlite"), readonly=True)
    try:
        services = Services(db)
        latest = services.latest_per_facility()
        seen = []
        result = services.write_all_reports(tmp_path / "all.pdf",
                                            progress=lambda d, n, s: seen.append(d) or True)
    finally:
        db.close()
    assert result.reports == len(latest) >= 2 and seen
    reader = PdfReader(str(result.path))
    top = [o.title for o in reader.outline if not isinstance(o, list)]
    assert top == ["表紙（施設一覧）"] + [f"{r.facility_code} {r.facility_name}" for r in latest]
    starts = [reader.get_destination_page_number(o) for o in reader.outline
              if not isinstance(o, list)]
    assert starts[0] == 0 and starts == sorted(set(starts))  # each report on its own pages
    starts = starts[1:]                                      # the reports after the cover
    for start in starts:  # numbering restarts with every facility's report
        assert re.search(r"(^|\s)1\s*/\s*\d+", reader.pages[start].extract_text())
    text = _pdftotext(result.path)
    for r in latest:
        assert r.facility_name in text
    assert "前回訪問との比較" in text  # the demo has two years per facility
    assert "1 / " in text
