"""The report read as its readers read it (issue 14): pdftotext of page 2 holds 総評 and the top
findings; changes are written in points, never with ▲/▼; the trend chart draws each line with
its own dash pattern and marker; a section with nothing rated says 未評価; the visit overview,
the plan's deadline, the whole previous plan, QIs with previous values, targets and reference
values apart, issuer, confidentiality and distribution; the appendix of guideline clauses; the
batch cover's page ranges match the outline and every facility starts on an odd page; the
request letter lists the documents to send."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing, Group, PolyLine, String

from kanwa_review.core.review import TeamMember, VisitOverview
from kanwa_review.reports.charts import LINE_STYLES, history_chart, section_chart
from kanwa_review.services import Services
from tests.conftest import complete_mini


def _pdftotext(path, first: int | None = None, last: int | None = None) -> str:
    pages = [] if first is None else ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _flat(text: str) -> str:
    """Text without the line breaks and spaces of the layout, to find a wrapped sentence."""
    return re.sub(r"\s+", "", text)


# --- one review with a history -------------------------------------------------------------

@pytest.fixture
def two_visits(services, facility, mini_form):
    """F001 visited in FY2024 (final, with a plan: one action done) and FY2025 (final, with
    details, findings in a chosen order and a stored plan)."""
    team = [TeamMember("山田 花子", "leader", "physician")]
    first = services.start_review("F001", mini_form, date(2024, 10, 1), team)
    complete_mini(services, first.uuid)
    services.set_answer(first.uuid, "A-1", rating="C", comment="規程が古い")
    fid, _ = services.add_finding(first.uuid, "improve", "委員会規程を改訂されたい", ["A-1", "A-2"])
    services.finalise(first.uuid, "山田 花子")
    done = services.add_action("F001", "委員会規程を改訂する", finding_id=fid,
                               created_at="2024-10-02T10:00:00+09:00")
    services.add_progress(done.uuid, "done", "改訂を承認した", at="2025-03-01T10:00:00+09:00")
    services.add_action("F001", "年度計画の様式を作る", finding_id=fid,
                        created_at="2024-10-02T10:00:00+09:00")

    second = services.start_review("F001", mini_form, date(2025, 11, 20), team)
    complete_mini(services, second.uuid)
    for text in ("改善点その一", "改善点その二", "改善点その三", "改善点その四"):
        services.add_finding(second.uuid, "improve", text, ["A-2"])
    services.add_finding(second.uuid, "strength", "委員会が毎月開催されている", ["A-1"])
    services.add_finding(second.uuid, "recommendation", "指標を年度計画に組み込むことを提言する")
    services.update_review(
        second.uuid, overall_comment="委員会を中心とした体制が定着している。計画の文書化が優先課題である。",
        overview=VisitOverview("13:00 開会\n13:15 資料確認", "緩和ケアセンター長",
                               "委員会規程\n議事録", "緩和ケア病棟、外来"),
        plan_due=date(2026, 1, 20), follow_up=date(2026, 5, 20))
    services.finalise(second.uuid, "山田 花子")
    services.set_report_settings(issuer="〇〇県がん診療連携協議会 緩和ケア部会",
                                 confidentiality="取扱注意　部会内限り",
                                 distribution="病院長\n緩和ケアセンター長")
    return first, second


@pytest.fixture
def report(services, two_visits, tmp_path):
    return services.write_report(two_visits[1].uuid, tmp_path / "r.pdf", today=date(2026, 1, 5))


def test_page_two_holds_総評_and_the_top_findings_by_priority(report):
    page2 = _flat(_pdftotext(report, 2))
    assert "1.総括" in page2 and "総評" in page2
    assert "委員会を中心とした体制が定着している。計画の文書化が優先課題である。" in page2
    assert "主な所見（優先度順）" in page2
    # the first three points to improve in the team's order, the fourth left to section 4
    for n, text in enumerate(("改善点その一", "改善点その二", "改善点その三"), start=1):
        assert f"{n}.{text}" in page2
    assert "改善点その四" not in page2 and "ほか1件は「4.所見」に記載" in page2
    assert "委員会が毎月開催されている" in page2 and "指標を年度計画に組み込むことを提言する" in page2
    assert "番号は優先度の順です" in page2
    # 総評 and the key findings come first, before the chart of the sections
    assert page2.index("総評") < page2.index("主な所見") < page2.index("セクション別の達成率")


def test_changes_are_written_in_points_never_with_triangles(report):
    text = _pdftotext(report)
    assert "▲" not in text and "▼" not in text
    assert re.search(r"[+\u2212]\d+\.\dpt|±0\.0pt", text)
    assert "前回訪問との比較" in text and "経年変化" in text


def test_visit_overview_plan_dates_and_previous_plan(report):
    text = _flat(_pdftotext(report))
    for needle in ("2.訪問の概要", "日程", "13:00開会", "面談者", "緩和ケアセンター長", "確認資料",
                   "委員会規程", "見学部署", "緩和ケア病棟、外来",
                   "改善計画の提出期限", "2026-01-20", "次回フォローアップ", "2026-05-20",
                   "前回の改善計画（2024-10-01訪問・全2件）", "委員会規程を改訂する", "完了",
                   "年度計画の様式を作る", "完了1件"):
        assert needle in text, needle


def test_issuer_confidentiality_and_distribution(report):
    cover = _flat(_pdftotext(report, 1))
    assert "発行〇〇県がん診療連携協議会緩和ケア部会" in cover
    assert "取扱注意部会内限り" in cover and "配布先" in cover
    assert "・病院長" in cover and "・緩和ケアセンター長" in cover
    for n in range(1, len(PdfReader(str(report)).pages) + 1):   # the mark on every page
        assert "取扱注意" in _pdftotext(report, n), n
    signoff = _flat(_pdftotext(report))
    assert "6.確認・署名発行〇〇県がん診療連携協議会緩和ケア部会" in signoff.replace(
        "本報告書の内容を確認しました。", "")


def test_appendix_prints_each_item_s_clause_in_words(services, two_visits, real_form, tmp_path):
    r = services.start_review("F001", real_form, date(2026, 6, 1))
    out = services.write_report(r.uuid, tmp_path / "real.pdf")
    text = _flat(_pdftotext(out))
    assert "付録評価項目と根拠（指針の条項）" in text
    assert "整備指針（2022年）Ⅱ-2-(1)-③" in text and "連絡事項（2020年）:苦痛のスクリーニング" in text
    assert "guideline-2022" not in text and "seed:" not in text
    assert "整備指針（2022年）:がん診療連携拠点病院等の整備に関する指針（健発0801第16号" in text
    assert "J-7" not in text                                  # 総評 is no checklist item


def test_qis_previous_value_target_and_reference_apart(services, real_form, tmp_path):
    services.create_facility("F010", "架空市民病院", "架空県", "regional")
    uuids = []
    for visit, g3 in ((date(2024, 9, 1), 80), (date(2025, 9, 1), 40)):
        r = services.start_review("F010", real_form, visit)
        services.set_answer(r.uuid, "J-3", value=True)
        services.set_answer(r.uuid, "G-3", value={"numerator": g3, "denominator": 100},
                            period="2024年4月1日時点")          # target 90 %: 未達
        services.set_answer(r.uuid, "J-4", value={"numerator": 45, "denominator": 100},
                            period="2023年")                   # national 37.3 %: a reference
        services.set_answer(r.uuid, "B-9", value={"not_collected": True}, period="2024年度")
        uuids.append(r.uuid)
    from tests.test_form_content_services import _complete

    _complete(services, uuids[0], real_form)             # the first visit is finalised
    services.finalise(uuids[0], "山田 花子")
    out = services.write_report(uuids[1], tmp_path / "qi.pdf")
    whole = _flat("".join(p.extract_text() for p in PdfReader(str(out)).pages))
    rows = whole[whole.index("主な指標（QI）"):whole.index("2.訪問の概要")]
    assert "今回前回期間目標達成参考値（全国値）" in rows
    g3 = rows[rows.index("G-3"):rows.index("G-9") if "G-9" in rows else None]
    assert "40.0%" in g3 and "80.0%" in g3 and "目標90%以上" in g3 and "未達" in g3
    j4 = rows[rows.index("J-4"):]
    assert "45.0%" in j4 and "全国値" in j4 and "未達" not in j4[:60] and "達成" not in j4[:60]
    b9 = rows[rows.index("B-9"):rows.index("B-10")]
    assert "未集計" in b9                                       # marked not collected, not "—"


def test_a_review_of_the_2026_1_form_shows_its_j7_as_総評(services, tmp_path):
    from kanwa_review.core.form import load_form
    from tests.conftest import DATA

    old = load_form(DATA / "forms" / "palliative-care-peer-review-2026.1.yaml")
    services.create_facility("F020", "架空北病院", "架空県")
    r = services.start_review("F020", old, date(2026, 1, 10))
    services.set_answer(r.uuid, "J-7", value="旧様式で書いた総評の本文。")
    text = _pdftotext(services.write_report(r.uuid, tmp_path / "old.pdf"))
    assert "旧様式で書いた総評の本文。" in _pdftotext(tmp_path / "old.pdf", 2)
    assert not re.search(r"^\s*J-7\s", text, re.M)           # not repeated as an item
    gaps = services.load(r.uuid).gaps()
    assert "overall_comment" not in {g.kind for g in gaps}   # J-7 counts as 総評


# --- charts -----------------------------------------------------------------------------------

def _shapes(drawing: Drawing):
    def walk(node):
        for child in getattr(node, "contents", []):
            if isinstance(child, Group):
                yield from walk(child)
            yield child
    yield from walk(drawing)


def test_trend_lines_differ_by_dash_pattern_and_marker():
    series = [(f"{c} 領域{c}", [40.0 + n, 50.0 + n, 60.0 - n]) for n, c in enumerate("ABCDEFGHIJ")]
    series.append(("総合", [45.0, 55.0, 58.0]))
    d = history_chart([2023, 2024, 2025], series, 480)
    lines = [s for s in _shapes(d) if isinstance(s, PolyLine)]
    assert len(lines) == 11                                   # one polyline per series
    dashes = [tuple(s.strokeDashArray) if s.strokeDashArray else None for s in lines]
    assert len(set(dashes[:10])) == 10                        # every section its own pattern
    overall = lines[-1]
    assert overall.strokeDashArray is None and overall.strokeWidth > 2   # solid, thick, black
    assert len({s.marker for s in LINE_STYLES}) == len(LINE_STYLES)      # and its own marker
    texts = [s.text for s in _shapes(d) if isinstance(s, String)]
    assert "令和5年度" in texts and "令和7年度" in texts and "(2025)" in texts   # era on the axis
    assert "A 領域A" in texts and "総合" in texts              # labels at the line ends
    label_ys = sorted(s.y for s in _shapes(d) if isinstance(s, String) and "領域" in s.text)
    assert all(b - a >= 8 for a, b in zip(label_ys, label_ys[1:]))   # labels do not overlap
    assert all(0 <= s.x <= 480 for s in _shapes(d) if isinstance(s, String))  # nothing cut off


def test_trend_chart_in_the_pdf_uses_a_dash_pattern_per_section(demo_db, tmp_path):
    from kanwa_review.store import open_database

    db = open_database(shutil.copy(demo_db, tmp_path / "demo.sqlite"), readonly=True)
    try:
        services = Services(db)
        latest = next(r for r in services.latest_per_facility()
                      if services.previous_final(r.uuid) is not None)
        path = services.write_report(latest.uuid, tmp_path / "r.pdf")
    finally:
        db.close()
    reader = PdfReader(str(path))
    page = next(p for p in reader.pages if "経年変化（年度別" in p.extract_text())
    content = page.get_contents().get_data().decode("latin-1")
    # the drawing commands (PDF "d" operator) of the page: one dash array per section line
    patterns = set(re.findall(r"\[([\d. ]+)\] \d+ d", content))
    assert len(patterns) >= 8, patterns


def test_a_section_without_a_score_says_未評価_and_draws_no_bar():
    d = section_chart(["A 組織", "J 指標"], [66.7, None], [50.0, None], 480)
    texts = [s.text for s in _shapes(d) if isinstance(s, String)]
    assert "未評価" in texts and "66.7%" in texts and "50.0%" in texts
    from reportlab.graphics.shapes import Rect
    bars = [s for s in _shapes(d) if isinstance(s, Rect) and s.height > 6]
    assert len(bars) == 2                                     # A this time and last time only


# --- batch ----------------------------------------------------------------------------------

def test_batch_cover_lists_every_facility_with_pages_matching_the_outline(demo_db, tmp_path):
    from kanwa_review.store import open_database

    db = open_database(shutil.copy(demo_db, tmp_path / "demo.sqlite"), readonly=True)
    try:
        services = Services(db)
        facilities = services.facilities()
        year = max(services.return_years())
        result = services.write_all_reports(tmp_path / "all.pdf", fiscal_year=year)
        in_year = {r.facility_code for r in services.list_reviews()
                   if r.fiscal_year == year and r.status == "final"}
    finally:
        db.close()
    reader = PdfReader(str(result.path))
    cover = _pdftotext(result.path, 1, 2)
    for f in facilities:                                  # every registered facility is listed
        assert f.code in cover
    ranges = {m.group(1): (int(m.group(2)), int(m.group(3)))
              for m in re.finditer(r"(DEMO\d{3})\s.*?(\d+)–(\d+)\s*$", cover, re.M)}
    assert set(ranges) == in_year                         # only the chosen year's reports
    top = [o for o in reader.outline if not isinstance(o, list)]
    starts = {o.title.split()[0]: reader.get_destination_page_number(o) + 1 for o in top
              if o.title.startswith("DEMO")}
    assert starts == {code: first for code, (first, _last) in ranges.items()}
    assert result.pages == ranges
    for code, (first, last) in ranges.items():
        assert first % 2 == 1, code                       # duplex: every facility on an odd page
        pages = last - first + 1
        assert re.search(rf"(^|\s)1\s*/\s*{pages}(\s|$)", reader.pages[first - 1].extract_text())
    blanks = [n for n, p in enumerate(reader.pages, start=1) if "白紙です" in p.extract_text()]
    assert len(blanks) == result.blank_pages
    for n in blanks:
        assert " / " not in reader.pages[n - 1].extract_text()     # no numbering on a blank
    assert "下書きのみ" in cover or "未実施" in cover or len(in_year) == len(facilities)


def test_batch_of_a_year_without_reviews_is_refused(services, final_review, tmp_path):
    with pytest.raises(LookupError, match="2030年度の確定済みの評価がありません"):
        services.write_all_reports(tmp_path / "x.pdf", fiscal_year=2030)


def test_cli_report_all_fiscal_year(final_review, db_path, tmp_path, services, capsys):
    from kanwa_review.cli import main

    services.database.close()
    out = tmp_path / "year.pdf"
    assert main(["report", "--db", str(db_path), "--all", "--fiscal-year", "2025",
                 "-o", str(out)]) == 0
    assert "F001" in _pdftotext(out, 1)
    with pytest.raises(SystemExit) as usage:
        main(["report", "--db", str(db_path), "--review", final_review.uuid, "--fiscal-year",
              "2025", "-o", str(out)])
    assert usage.value.code == 2


# --- request letter -------------------------------------------------------------------------

def test_request_letter_lists_the_documents_of_the_facility(services, real_form, tmp_path):
    from kanwa_review.cli import main

    services.create_facility("F030", "架空南病院", "架空県", "regional_hospital")
    r = services.start_review("F030", real_form, date(2026, 9, 15),
                              [TeamMember("佐藤 恵", "leader", "physician")])
    services.database.close()
    out = tmp_path / "letter.pdf"
    assert main(["request-letter", "--db", str(services.database.path), "--review", r.uuid,
                 "-o", str(out)]) == 0
    text = _flat(_pdftotext(out))
    assert "事前提出資料のお願い" in text and "架空南病院" in text
    assert "2026-09-01" in text                                # two weeks before the visit
    assert "緩和ケアセンター・緩和ケア委員会の設置規程と組織図" in text
    assert "（該当する場合）" in text and "佐藤恵" in text
    assert "架空県がん診療連携協議会緩和ケア部会" in text
    assert main(["request-letter", "--db", str(services.database.path), "--review", r.uuid,
                 "--due", "2026-10-01", "-o", str(out)]) == 1   # after the visit
