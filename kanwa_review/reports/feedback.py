"""The feedback report (評価報告書) of one review, written to be signed unedited by the palliative
care section: cover (issuer, confidentiality, distribution), summary (総評, the findings by
priority, scores, change since the last visit, trends, QIs), visit overview, items, findings,
improvement plan (with its deadline, the next follow-up and the whole previous plan), sign-off
and an appendix of the guideline clause of every item.

Format code: it renders a `FeedbackReport` (core objects, gathered by services/reports.py) and
never reads a database. `story(...)` returns the flowables of one report so batch.py can put
many in one PDF; `write_report(...)` writes a single review. Page furniture (header, "n / N"
footer, confidentiality mark, DRAFT watermark) comes from reports/pages.py. Changes are written
with core.trends.format_delta (「+4.8pt」 / 「−3.3pt」), never with ▲/▼.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from kanwa_review.core.dates import fiscal_year_label, wareki
from kanwa_review.core.history import FacilityHistory
from kanwa_review.core.pdca import ImprovementAction
from kanwa_review.core.qi import QIValue, qi_values
from kanwa_review.core.review import (
    FACILITY_CATEGORIES,
    FINDING_KINDS,
    FINDING_LABELS,
    PROFESSIONS,
    TEAM_ROLES,
    VISIT_OVERVIEW_LABELS,
    Facility,
    Review,
    is_not_collected,
    legacy_overall_item,
)
from kanwa_review.core.review_data import ReviewData
from kanwa_review.core.settings import ReportSettings
from kanwa_review.core.traces import trace_label, trace_sources
from kanwa_review.core.trends import ScoreChange, format_delta, score_changes
from kanwa_review.reports.charts import history_chart, section_chart
from kanwa_review.reports.fonts import report_font
from kanwa_review.reports.linebreak import JText
from kanwa_review.reports.pages import (
    CONTENT_WIDTH,
    Heading,
    ReportContext,
    ReportStart,
    new_document,
)
from kanwa_review.reports.text_safety import printable

RED = colors.HexColor("#B3261E")
CD_BACKGROUND = colors.HexColor("#FCE8E6")
HEAD_BACKGROUND = colors.HexColor("#E3EAF2")
BOX_BACKGROUND = colors.HexColor("#F6F8FA")
GREY = colors.HexColor("#666666")
GRID = colors.HexColor("#9AA5B1")
CHUNK = 600  # characters of one comment per table row, so no row outgrows a page
TOP_FINDINGS = 3  # per kind on the summary page
NOT_COLLECTED = "未集計"

# Section titles: tests and the outline use these exact words
TITLES = {"cover": "表紙", "summary": "1. 総括", "overview": "2. 訪問の概要",
          "items": "3. 評価項目ごとの結果", "findings": "4. 所見", "plan": "5. 改善計画",
          "signoff": "6. 確認・署名", "appendix": "付録 評価項目と根拠（指針の条項）"}
FORMULA_NOTE = (
    "達成率 = 100 × Σ(重み × 評価点) ÷ Σ(重み × 最高点)。評価点は A=3, B=2, C=1, D=0。"
    "N/A（該当なし）、未評価、対象外の項目は計算に含めません。総合は全項目をまとめて計算します"
    "（セクション達成率の平均ではありません）。評価された項目のないセクションは「未評価」です。")
# What "priority" means: the team orders its findings in the app (所見タブ, Alt+↑/↓), and that
# order is printed; the first is the most important.
PRIORITY_NOTE = ("番号は優先度の順です（評価チームが所見を並べた順で、1 が最も優先度が高い）。")
PLAN_NOTE = ("改善計画は、本報告書の「改善が望まれる点」「提言」を受けて、被評価施設と協議のうえ"
             "策定します。各項目について、取組内容・担当者・期限・評価指標を定めてください。")
PLAN_DUE_DEFAULT = "（未設定。目安: 報告書の受領後1か月以内）"
LATEST_NOTE_CHARS = 160  # the latest progress note is quoted; the whole history is in the app


@dataclass(frozen=True)
class PlanActions:
    """What the improvement-plan section prints: the actions agreed at this review, the whole
    plan agreed at the previous visit (completed and dropped actions included, so the hospital
    sees what became of each), and older actions still open (継続)."""

    agreed: tuple[ImprovementAction, ...] = ()
    previous: tuple[ImprovementAction, ...] = ()
    carried: tuple[ImprovementAction, ...] = ()
    previous_visit: date | None = None


def plan_actions(review: Review, agreed: Sequence[ImprovementAction],
                 of_facility: Sequence[ImprovementAction], *,
                 previous_review: Review | None = None) -> PlanActions:
    """The plan of a review. `of_facility`: every action of the facility, any status. Only
    actions agreed on or before this visit count (reprinting an old report does not show a
    later plan): those of `previous_review` all, older ones while open."""
    mine = {a.uuid for a in agreed}
    visit = review.visit_date.isoformat()
    before = [a for a in of_facility if a.uuid not in mine and a.created_at[:10] <= visit]
    prev_uuid = previous_review.uuid if previous_review is not None else None
    previous = tuple(a for a in before if prev_uuid and a.origin_review_uuid == prev_uuid)
    in_previous = {a.uuid for a in previous}
    carried = tuple(a for a in before if a.uuid not in in_previous and a.is_open)
    return PlanActions(tuple(agreed), previous, carried,
                       previous_review.visit_date if previous_review is not None else None)


@dataclass(frozen=True)
class FeedbackReport:
    """Everything one feedback report prints."""

    data: ReviewData
    previous: ReviewData | None = None           # the previous finalised visit, to compare
    facility: Facility | None = None
    plan: PlanActions = field(default_factory=PlanActions)
    history: FacilityHistory | None = None       # the facility's finalised visits by year
    settings: ReportSettings = field(default_factory=ReportSettings)
    revision_note: str | None = None             # why this revision was made (amendments)
    # the change since the previous visit (core.revisions.visit_changes: like with like across
    # a form revision); None: computed here by section code
    changes: tuple[ScoreChange, ...] | None = None


# --- small builders -----------------------------------------------------------------------

def t(text, size=9, color=colors.black, **kw) -> JText:
    return JText(printable(text), size=size, color=color, **kw)


def _table(rows, widths, *, header=True, extra=(), repeat=True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if (header and repeat) else 0)
    style = [("GRID", (0, 0), (-1, -1), 0.4, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BACKGROUND))
    table.setStyle(TableStyle(style + list(extra)))
    return table


def _box(flowables, *, background=BOX_BACKGROUND) -> Table:
    """Text in a framed, tinted box (総評, the confidentiality line)."""
    box = Table([[flowables]], colWidths=[CONTENT_WIDTH])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, GRID),
                             ("BACKGROUND", (0, 0), (-1, -1), background),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                             ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return box


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1f}%"


def _date_text(d: date) -> str:
    try:
        era = wareki(d)
    except ValueError:   # before the Shōwa era (data held from before the import bounds)
        era = "—"
    return f"{d.isoformat()}（{era}）"


def _ts_date(ts: str | None) -> date | None:
    try:
        return datetime.fromisoformat(ts).date() if ts else None
    except ValueError:
        return None


def _chunks(text: str) -> list[str]:
    if len(text) <= CHUNK:
        return [text]
    out, rest = [], text
    while len(rest) > CHUNK:
        cut = rest.rfind("\n", 0, CHUNK)
        cut = cut if cut > CHUNK // 2 else CHUNK
        out.append(rest[:cut])
        rest = rest[cut:].lstrip("\n")
    return out + ([rest] if rest else [])


def _findings_of(data, kind: str):
    return sorted((f for f in data.findings if f.kind == kind), key=lambda f: f.position)


# --- the parts of the report --------------------------------------------------------------

def cover(data, ctx: ReportContext, facility=None,
          settings: ReportSettings | None = None, revision_note: str | None = None) -> list:
    settings = settings or ReportSettings()
    r, form = data.review, data.form
    issuer = settings.issuer_for(facility.prefecture if facility is not None else "")
    out = [Spacer(1, 18 * mm), Heading("緩和ケア ピアレビュー", 0, size=15, outline=False),
           Heading("評価報告書", 0, size=24, key=ctx.key("cover"),
                   outline_title=ctx.outline_title),
           Spacer(1, 2 * mm), t(f"発行　{issuer}", 10.5, space_after=2),
           Spacer(1, 3 * mm), t(r.facility_name + " 御中", size=14), Spacer(1, 8 * mm)]
    rows = [["施設名", t(r.facility_name, 10)], ["施設コード", t(r.facility_code, 10)]]
    category = r.facility_category or (facility.category if facility is not None else None)
    if category:
        rows.append(["区分", t(FACILITY_CATEGORIES.get(category, category), 10)])
    if facility is not None and facility.prefecture:
        rows.append(["都道府県", t(facility.prefecture, 10)])
    rows += [["訪問日", t(_date_text(r.visit_date), 10)],
             ["年度", t(f"{fiscal_year_label(r.fiscal_year)}（{r.fiscal_year}年度）", 10)],
             ["評価票", t(f"{form.title.ja}　第{form.version}版（{form.id}）", 10)]]
    if r.is_final:
        fin = _ts_date(r.finalised_at)
        stamp = f"第{r.revision}版　確定 {_date_text(fin) if fin else ''}　{r.finalised_by or ''}"
    else:
        stamp = f"第{r.revision}版　下書き（未確定） — 確定前の内容です"
    if revision_note:
        stamp += f"\n修正理由: {revision_note}"
    rows.append(["版・確定", t(stamp, 10, RED if not r.is_final else colors.black)])
    out.append(_table([[t(a, 10), b] for a, b in rows], [32 * mm, CONTENT_WIDTH - 32 * mm],
                      header=False, extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BACKGROUND)]))
    out += [Spacer(1, 6 * mm), t("評価チーム", 11), Spacer(1, 2 * mm)]
    team = [[t("氏名"), t("役割"), t("職種"), t("所属")]]
    for m in r.team:
        team.append([t(m.name), t(TEAM_ROLES.get(m.role, m.role)),
                     t(PROFESSIONS.get(m.profession, m.profession)), t(m.affiliation or "—")])
    if len(team) == 1:
        team.append([t("（未登録）", color=GREY), "", "", ""])
    out.append(_table(team, [40 * mm, 26 * mm, 40 * mm, CONTENT_WIDTH - 106 * mm]))
    out += [Spacer(1, 6 * mm), _box([t(settings.confidentiality_text, 8.5)]),
            Spacer(1, 3 * mm), t("配布先", 9.5, space_after=1)]
    out += [t(f"・{name}", 8.5, indent=6) for name in settings.recipients]
    out.append(PageBreak())
    return out


def _key_findings(data) -> list:
    """The first findings of each kind (the team's order is their priority), numbered."""
    rows = []
    for kind in FINDING_KINDS:
        found = _findings_of(data, kind)
        lines = []
        for n, f in enumerate(found[:TOP_FINDINGS], start=1):
            related = f"（関連項目: {'、'.join(f.item_codes)}）" if f.item_codes else ""
            lines.append(t(f"{n}. {f.text}{related}", 8.8, space_after=1.5))
        if len(found) > TOP_FINDINGS:
            lines.append(t(f"ほか {len(found) - TOP_FINDINGS} 件は「{TITLES['findings']}」に記載",
                           7.8, GREY))
        if not found:
            lines.append(t("（記載なし）", 8.5, GREY))
        rows.append([t(FINDING_LABELS[kind], 8.8), lines])
    return [_table(rows, [27 * mm, CONTENT_WIDTH - 27 * mm], header=False,
                   extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BACKGROUND)]),
            t(PRIORITY_NOTE, 7.5, GREY)]


def summary(data, previous, ctx: ReportContext, *, extra: Sequence = (),
            previous_qis: dict[str, QIValue] | None = None,
            changes: Sequence[ScoreChange] | None = None) -> list:
    scores = data.scores()
    own = data.scores(self_assessment=True)
    out = [Heading(TITLES["summary"], 1, key=ctx.key("summary"))]
    overall = scores.overall
    out.append(t(f"総合達成率　{_pct(overall.achievement)}　（自己評価 {_pct(own.overall.achievement)}）"
                 f"　評価項目 {overall.rated} 件・N/A {overall.not_applicable} 件・未評価 "
                 f"{overall.unrated} 件", 11, space_after=4))
    comment = data.overall_comment.strip()
    out += [Heading("総評", 2, key=ctx.key("overall")),
            _box([t(comment or "（総評は記載されていません）", 9.5,
                    colors.black if comment else GREY)]),
            Spacer(1, 3 * mm),
            Heading("主な所見（優先度順）", 2, key=ctx.key("key-findings"))]
    out += _key_findings(data)
    if changes is None:
        changes = score_changes(scores, previous.scores() if previous else None)
    labels = [f"{s.code} {s.title}" for s in scores.sections]
    prev_vals = [c.previous for c in changes[:-1]] if previous else None
    out += [Spacer(1, 3 * mm), KeepTogether([
        Heading("セクション別の達成率", 2, key=ctx.key("scores")),
        section_chart(labels, [s.achievement for s in scores.sections], prev_vals,
                      CONTENT_WIDTH)]), Spacer(1, 3 * mm)]
    scale_codes = ("A", "B", "C", "D", "NA")
    rows = [[t("セクション"), t("達成率"), t("自己評価")] + [t(c if c != "NA" else "N/A")
                                                        for c in scale_codes] + [t("未評価")]]
    own_by = {s.code: s for s in own.sections}
    for s in list(scores.sections) + [overall]:
        o = own_by.get(s.code, own.overall)
        rows.append([t(f"{s.code} {s.title}" if s.code != "overall" else "総合"),
                     t(_pct(s.achievement) if s.achievement is not None or s.code == "overall"
                       else "未評価"),
                     t(_pct(o.achievement))] + [t(str(s.distribution.get(c, 0))) for c in scale_codes]
                    + [t(str(s.unrated))])
    w = 16 * mm
    out.append(_table(rows, [CONTENT_WIDTH - 8 * w - 4 * mm, w + 4 * mm, w] + [w - 3 * mm] * 5
                      + [w + 3 * mm],
                      extra=[("BACKGROUND", (0, -1), (-1, -1), HEAD_BACKGROUND)]))
    out.append(t("※ " + FORMULA_NOTE, 7.5, GREY))
    if previous:
        pr = previous.review
        out.append(Spacer(1, 4 * mm))
        head = Heading("前回訪問との比較", 2, key=ctx.key("compare"))
        rows = [[t("セクション"), t(f"前回 {pr.visit_date.isoformat()}"),
                 t(f"今回 {data.review.visit_date.isoformat()}"), t("変化")]]
        marks = []
        for n, c in enumerate(changes, start=1):
            rows.append([t(f"{c.code} {c.title}" if c.code != "overall" else "総合"),
                         t(_pct(c.previous)), t(_pct(c.current)),
                         t(c.note or format_delta(c.delta), 7.5 if c.note else 9)])
            if c.delta is not None and c.delta < 0:
                marks.append(("BACKGROUND", (3, n), (3, n), CD_BACKGROUND))
        out.append(KeepTogether([head, _table(
            rows, [CONTENT_WIDTH - 96 * mm, 32 * mm, 32 * mm, 32 * mm], extra=marks)]))
        out.append(t(f"前回: {_date_text(pr.visit_date)}　第{pr.revision}版（確定）。"
                     "変化は今回と前回の達成率の差（ポイント、pt）です。", 7.5, GREY))
    out += list(extra)
    out += qi_table(data, ctx, previous_qis or {})
    out.append(CondPageBreak(90 * mm))
    return out


def _figure(q: QIValue | None) -> str:
    if q is None:
        return "—"
    if q.not_collected:
        return NOT_COLLECTED
    if q.value is None:
        return "未記入"
    if q.kind == "percentage":
        return f"{q.value:.1f}%\n({q.numerator:,}/{q.denominator:,})"
    return f"{q.value:,g} {q.unit}".strip()


def _achieved(q: QIValue) -> str:
    met = q.meets_target
    return "—" if met is None else ("達成" if met else "未達")


def qi_table(data, ctx: ReportContext, previous: dict[str, QIValue]) -> list:
    """主な指標（QI）: this visit's figure beside the previous one, the period, the target with
    a 達成 / 未達 mark, and a reference value (e.g. the national figure) in a column of its own,
    never judged."""
    qis = [q for q in qi_values(data.form, data.answers, facility_category=data.facility_category)
           if q.qi]
    if not qis:
        return []
    rows = [[t("項目", 8), t("指標", 8), t("今回", 8), t("前回", 8), t("期間", 8), t("目標", 8),
             t("達成", 8), t("参考値（全国値）", 8)]]
    style = []
    for n, q in enumerate(qis, start=1):
        achieved = _achieved(q)
        rows.append([t(q.item_code, 8), t(q.title, 7.8), t(_figure(q), 8),
                     t(_figure(previous.get(q.item_code)), 8, GREY), t(q.period or "—", 7.5),
                     t(q.target_label or (f"{q.target:g}" if q.target is not None else "—"), 7.5),
                     t(achieved, 8, RED if achieved == "未達" else colors.black),
                     t(q.reference_label or "—", 7.5)])
        if achieved == "未達":
            style.append(("BACKGROUND", (6, n), (6, n), CD_BACKGROUND))
    widths = [12 * mm, 0, 22 * mm, 20 * mm, 22 * mm, 20 * mm, 11 * mm, 24 * mm]
    widths[1] = CONTENT_WIDTH - sum(widths)
    return [Spacer(1, 4 * mm), CondPageBreak(40 * mm),
            Heading("主な指標（QI）", 2, key=ctx.key("qi")), _table(rows, widths, extra=style),
            t("前回は前回訪問の値。目標は評価票の目標値・目安で、達成・未達はそれに対する判定です。"
              "参考値（全国値など）は比較のために示すもので、判定には使いません。"
              "「未集計」は施設で集計していない指標です。", 7.5, GREY)]


def overview(data, ctx: ReportContext) -> list:
    """2. 訪問の概要: the day's schedule, who was interviewed, the documents seen and the
    departments visited."""
    r = data.review
    rows = [[t("訪問日", 9), t(_date_text(r.visit_date), 9)]]
    for key, label in VISIT_OVERVIEW_LABELS.items():
        text = getattr(r.overview, key).strip()
        rows.append([t(label, 9), t(text or "（記載なし）", 8.8, colors.black if text else GREY)])
    return [CondPageBreak(60 * mm), Heading(TITLES["overview"], 1, key=ctx.key("overview")),
            _table(rows, [28 * mm, CONTENT_WIDTH - 28 * mm], header=False,
                   extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BACKGROUND)]),
            Spacer(1, 3 * mm)]


def _value_text(item, answer, qi) -> str:
    """An answer of a non-rating item as the report prints it."""
    v = answer.value if answer else None
    if v is None:
        return "未記入"
    if item.type == "yes_no":
        return "はい" if v else "いいえ"
    if item.type == "percentage":
        if is_not_collected(v):
            return NOT_COLLECTED
        num, den = v.get("numerator"), v.get("denominator")
        nl = item.numerator.ja if item.numerator else "分子"
        dl = item.denominator.ja if item.denominator else "分母"
        rate = f" = {qi.value:.1f}%" if qi is not None and qi.value is not None else ""
        return f"{nl} {num if num is not None else '—'} / {dl} {den if den is not None else '—'}{rate}"
    if item.type in ("integer", "number"):
        unit = item.unit.ja if item.unit else ""
        return f"{v:,g} {unit}".strip() if isinstance(v, (int, float)) else str(v)
    if item.type == "date":
        try:
            return _date_text(date.fromisoformat(v))
        except (TypeError, ValueError):
            return str(v)
    if item.type == "choice":
        return item.choice_label(v)
    if item.type == "multi_choice":
        return "、".join(item.choice_label(c) for c in v)
    return str(v)


def items(data, ctx: ReportContext) -> list:
    form, answers = data.form, data.answers
    relevant = data.relevant()
    qis = {q.item_code: q for q in qi_values(form, answers,
                                             facility_category=data.facility_category)}
    # 総評 of a form before 2026.2 is printed on the summary page, not as an item
    skipped = legacy_overall_item(form)
    out = [Heading(TITLES["items"], 1, key=ctx.key("items"))]
    scale = form.scales[0]
    out.append(t("評価: " + "　".join(f"{o.code if o.code != 'NA' else 'N/A'} {o.label.ja}"
                                    for o in scale.options)
                 + "。C・D の項目は網掛けで示します。対象外: 回答により評価の対象外となった項目。",
                 8, GREY, space_after=3))
    widths = [14 * mm, 60 * mm, 14 * mm, 14 * mm, CONTENT_WIDTH - 102 * mm]
    for section in form.sections:
        rows = [[t("コード", 8), t("評価項目", 8), t("自己評価", 8), t("評価", 8),
                 t("根拠・コメント", 8)]]
        style = []
        for item in section.items:
            if item.code == skipped:
                continue
            a = answers.get(item.code)
            n = len(rows)
            notes = []
            if a and a.evidence:
                notes.append("根拠: " + a.evidence)
            if a and a.comment:
                notes.append("コメント: " + a.comment)
            if item.code not in relevant:
                rows.append([t(item.code, color=GREY), t(item.text.ja, color=GREY),
                             t("対象外", color=GREY), "", t("")])
                style += [("SPAN", (2, n), (3, n), )]
                continue
            if item.type == "rating":
                sc = form.scale(item.scale)
                def label(code, sc=sc):
                    if code is None:
                        return "未評価"
                    opt = sc.option(code)
                    return "N/A" if opt is not None and opt.points is None else code
                rating = a.rating if a else None
                bad = rating in ("C", "D")
                rows.append([t(item.code), t(item.text.ja),
                             t(label(a.self_rating if a else None) if item.has_self_assessment
                               else "—"),
                             t(label(rating), 11 if bad else 9, RED if bad else colors.black),
                             None])
                if bad:
                    style.append(("BACKGROUND", (0, n), (-1, n), CD_BACKGROUND))
            else:
                value = _value_text(item, a, qis.get(item.code))
                q = qis.get(item.code)
                short = value
                if item.type == "percentage" and q is not None and q.value is not None:
                    short = f"{q.value:.1f}%"
                elif len(value) > 12:
                    short = "右欄参照"
                full = value + (f"（期間: {a.period}）" if a and a.period else "")
                if full != short:
                    notes.insert(0, "回答: " + full)
                rows.append([t(item.code), t(item.text.ja), t(short), "", None])
                style.append(("SPAN", (2, n), (3, n)))
            text = "\n".join(notes)
            parts = _chunks(text) if text else [""]
            rows[n][4] = t(parts[0] or "—", 8.5, GREY if not parts[0] else colors.black)
            for part in parts[1:]:  # a very long comment continues in rows of its own
                rows.append(["", t("（続き）", 8, GREY), "", "", t(part, 8.5)])
                style.append(("SPAN", (2, len(rows) - 1), (3, len(rows) - 1)))
        out.append(CondPageBreak(40 * mm))
        out.append(Heading(f"{section.code}. {section.title.ja}", 2, key=ctx.key("s-" + section.code)))
        out.append(_table(rows, widths, extra=style))
        out.append(Spacer(1, 3 * mm))
    return out


def findings(data, ctx: ReportContext) -> list:
    out = [CondPageBreak(50 * mm), Heading(TITLES["findings"], 1, key=ctx.key("findings")),
           t(PRIORITY_NOTE, 8, GREY, space_after=2)]
    for kind in FINDING_KINDS:
        found = _findings_of(data, kind)
        out.append(Heading(FINDING_LABELS[kind], 2, key=ctx.key("f-" + kind)))
        if not found:
            out.append(t("（記載なし）", 9, GREY, space_after=4))
        for n, f in enumerate(found, start=1):
            out.append(t(f"{n}. {f.text}", 9.5, indent=0))
            if f.item_codes:
                out.append(t("関連項目: " + "、".join(f.item_codes), 8, GREY, indent=12))
            out.append(Spacer(1, 2 * mm))
    return out


def _owner(a: ImprovementAction) -> str:
    return "\n".join(x for x in (a.owner_role, a.owner_name) if x) or "—"


def _latest(a: ImprovementAction) -> str:
    if not a.progress:
        return "—"
    p = a.progress[-1]
    when = _ts_date(p.at)
    note = p.note if len(p.note) <= LATEST_NOTE_CHARS else p.note[:LATEST_NOTE_CHARS - 1] + "…"
    return (when.isoformat() if when else "") + ("\n" + note if note else "")


def _plan_table(actions: Sequence[ImprovementAction], today: date) -> Table:
    rows = [[t("No.", 8), t("取組内容", 8), t("担当", 8), t("期限", 8), t("状況", 8),
             t("最新の進捗", 8)]]
    style = []
    for n, a in enumerate(actions, start=1):
        detail = []
        if a.item_codes:
            detail.append("関連項目: " + "、".join(a.item_codes))
        if a.success_measure:
            detail.append("評価指標: " + a.success_measure)
        what = [t(a.title, 9)] + ([t("\n".join(detail), 7.5, GREY)] if detail else [])
        status = [t(a.status_label, 9)]
        if a.is_overdue(today):
            status.append(t(f"期限超過\n{a.days_overdue(today)}日", 7.5, RED))
            style.append(("BACKGROUND", (3, n), (4, n), CD_BACKGROUND))
        rows.append([t(str(n), 8), what, t(_owner(a), 8),
                     t(a.due_date.isoformat() if a.due_date else "—", 8), status,
                     t(_latest(a), 8)])
    return _table(rows, [9 * mm, CONTENT_WIDTH - 118 * mm, 30 * mm, 20 * mm, 17 * mm, 42 * mm],
                  extra=style)


def improvement_plan(actions, ctx: ReportContext, *, today: date | None = None,
                     review: Review | None = None) -> list:
    """5. 改善計画: the plan's deadline and the next follow-up, the actions agreed at this
    review (what, owner, due date, status, latest progress), the whole plan of the previous
    visit (completed actions too) and older actions still open. `actions` is a PlanActions or
    a plain list of ImprovementAction (all taken as agreed here); with none agreed, a note on
    how the plan is made prints instead."""
    today = today or date.today()
    if actions is None:
        actions = PlanActions()
    elif not isinstance(actions, PlanActions):
        actions = PlanActions(tuple(actions))
    out = [CondPageBreak(40 * mm), Heading(TITLES["plan"], 1, key=ctx.key("plan"))]
    if review is not None:
        due = _date_text(review.plan_due) if review.plan_due else PLAN_DUE_DEFAULT
        follow = (_date_text(review.follow_up) + "　（改善計画の進捗を確認します）"
                  if review.follow_up else "（未設定）")
        out += [_table([[t("改善計画の提出期限", 9), t(due, 9)],
                        [t("次回フォローアップ", 9), t(follow, 9)]],
                       [36 * mm, CONTENT_WIDTH - 36 * mm], header=False,
                       extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BACKGROUND)]),
                Spacer(1, 3 * mm)]
    if not actions.agreed:
        out.append(t(PLAN_NOTE, 9.5, space_after=4))
    else:
        out.append(t(f"本評価で合意した改善計画（{len(actions.agreed)}件）。状況・進捗は "
                     f"{_date_text(today)} 時点。", 8.5, GREY, space_after=3))
        out.append(_plan_table(actions.agreed, today))
    if actions.previous:
        when = (f"{actions.previous_visit.isoformat()} 訪問" if actions.previous_visit
                else "前回訪問")
        done = sum(1 for a in actions.previous if a.status == "done")
        out += [Spacer(1, 4 * mm), CondPageBreak(45 * mm),
                Heading(f"前回の改善計画（{when}・全{len(actions.previous)}件）", 2,
                        key=ctx.key("plan-previous")),
                t(f"前回の評価で合意した改善計画の全件と、{_date_text(today)} 時点の状況です"
                  f"（完了 {done} 件）。", 8.5, GREY, space_after=3),
                _plan_table(actions.previous, today)]
    if actions.carried:
        out += [Spacer(1, 4 * mm), CondPageBreak(45 * mm),
                Heading("前回までの改善計画（継続中）", 2, key=ctx.key("plan-carried")),
                t("それ以前の評価で合意し、まだ完了していない改善計画です。", 8.5, GREY,
                  space_after=3),
                _plan_table(actions.carried, today)]
    return out


def signoff(data, ctx: ReportContext, settings: ReportSettings | None = None,
            facility=None) -> list:
    settings = settings or ReportSettings()
    r = data.review
    leader = r.leader
    name = r.finalised_by or (leader.name if leader else "")
    fin = _ts_date(r.finalised_at)
    when = _date_text(fin) if fin and r.is_final else "（未確定）"
    issuer = settings.issuer_for(facility.prefecture if facility is not None else "")
    rows = [[t("発行", 10), t(issuer, 10)],
            [t("評価チームリーダー", 10), t(name or "—", 11)],
            [t("確定日", 10), t(when, 10)],
            [t("署名", 10), t("", 10)]]
    tbl = _table(rows, [40 * mm, CONTENT_WIDTH - 40 * mm], header=False,
                 extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BACKGROUND),
                        ("BOTTOMPADDING", (0, 3), (-1, 3), 22)])
    return [CondPageBreak(60 * mm), Heading(TITLES["signoff"], 1, key=ctx.key("signoff")),
            t("本報告書の内容を確認しました。", 9.5, space_after=4), tbl]


def appendix(data, ctx: ReportContext) -> list:
    """付録: what each item traces to (guideline clause, survey area, seed topic), in words."""
    form = data.form
    skipped = legacy_overall_item(form)
    rows = [[t("コード", 8), t("評価項目", 8), t("根拠（指針の条項など）", 8)]]
    traces = []
    for item in form.items():
        if item.code == skipped:
            continue
        text = item.text.ja if len(item.text.ja) <= 48 else item.text.ja[:47] + "…"
        rows.append([t(item.code, 7.8), t(text, 7.8),
                     t("\n".join(trace_label(x) for x in item.traces_to), 7.5)])
        traces += item.traces_to
    legend = [t(f"{s.short}: {s.full}", 7.3, GREY) for s in trace_sources(traces)]
    return ([PageBreak(), Heading(TITLES["appendix"], 1, key=ctx.key("appendix")),
             t("各評価項目が根拠とする指針の条項・調査の領域・通知の項目です。", 8, GREY,
               space_after=3),
             _table(rows, [14 * mm, 84 * mm, CONTENT_WIDTH - 98 * mm]), Spacer(1, 2 * mm)]
            + legend)


def history(h: FacilityHistory | None, data, ctx: ReportContext) -> list:
    """経年変化: section achievement over fiscal years (chart and table) from the facility's
    history, when the facility has finalised reviews in at least two fiscal years up to this
    review's (a reprinted old report does not show later years)."""
    if h is None:
        return []
    points = [p for p in h.points if p.fiscal_year <= data.review.fiscal_year]
    if len(points) < 2:
        return []
    years = [p.fiscal_year for p in points]
    sections = [(code, f"{code} {title}" if code != "overall" else "総合")
                for code, title in h.sections()]
    sections = [(code, label) for code, label in sections
                if any(p.achievement(code) is not None for p in points)]
    out = [Spacer(1, 4 * mm), CondPageBreak(110 * mm),
           Heading("経年変化（年度別の達成率）", 2, key=ctx.key("history")),
           history_chart(years, [(label, [p.achievement(code) for p in points])
                                 for code, label in sections], CONTENT_WIDTH),
           Spacer(1, 2 * mm)]
    rows = [[t("セクション", 8)] + [t(f"{fiscal_year_label(y)}\n({y})", 7.5) for y in years]
            + [t("前年度比", 8)]]
    for code, label in sections:
        rows.append([t(label, 8)] + [t(_pct(p.achievement(code)), 8) for p in points]
                    + [t(points[-1].note(code) or format_delta(points[-1].delta(code)),
                         6.5 if points[-1].note(code) else 8)])
    w = min(22 * mm, (CONTENT_WIDTH - 60 * mm) / (len(years) + 1))
    out.append(_table(rows, [CONTENT_WIDTH - w * (len(years) + 1)] + [w] * (len(years) + 1),
                      extra=[("BACKGROUND", (0, -1), (-1, -1), HEAD_BACKGROUND)]))
    out.append(t("各年度の最新の確定評価の達成率です。前年度比は最新年度とその前の年度の差"
                 "（ポイント、pt）。", 7.5, GREY))
    return out


def story(report: FeedbackReport, *, ctx: ReportContext, today: date | None = None) -> list:
    """The flowables of one report."""
    data = report.data
    previous_qis = {}
    if report.previous is not None:
        p = report.previous
        previous_qis = {q.item_code: q for q in qi_values(
            p.form, p.answers, facility_category=p.facility_category)}
    return ([ReportStart(ctx)] + cover(data, ctx, report.facility, report.settings,
                                          report.revision_note)
            + summary(data, report.previous, ctx, extra=history(report.history, data, ctx),
                      previous_qis=previous_qis, changes=report.changes)
            + overview(data, ctx) + items(data, ctx) + findings(data, ctx)
            + improvement_plan(report.plan, ctx, today=today, review=data.review)
            + signoff(data, ctx, report.settings, report.facility) + appendix(data, ctx))


def context_for(data, index: int = 0, *, nested: bool = False,
                settings: ReportSettings | None = None) -> ReportContext:
    r = data.review
    return ReportContext(index=index, facility=f"{r.facility_name}（{r.facility_code}）",
                         review=f"{r.visit_date.isoformat()} 訪問　第{r.revision}版",
                         draft=not r.is_final, nested=nested,
                         outline_title=f"{r.facility_code} {r.facility_name}",
                         footer_note="取扱注意")


def write_report(report: FeedbackReport, out: str | Path, *,
                 today: date | None = None) -> Path:
    """Write the feedback report of one review to `out`."""
    report_font()
    data = report.data
    r = data.review
    out = Path(out)
    # Built under a temporary name and renamed at the end, so a failure (disk full, cancel)
    # never leaves a half-written report under the name the user chose.
    tmp = out.with_name(out.name + ".part")
    doc = new_document(
        tmp, title=f"緩和ケアピアレビュー評価報告書 {printable(r.facility_name)}",
        author=printable(r.finalised_by or (r.leader.name if r.leader else "kanwa-review")),
        subject=f"{printable(data.form.title.ja)} {data.form.version} / 訪問日 "
                f"{r.visit_date.isoformat()} / 第{r.revision}版")
    try:
        doc.build(story(report, ctx=context_for(data), today=today))
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
    return out
