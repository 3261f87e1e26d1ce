"""Invented demo data: hospitals, teams and reviews over several fiscal years (never real people),
written through the public service operations, as a team would type them. Loaded only when
demo data is made (`Services.add_demo_data`, services/demo.py).

The demo is what a palliative care section sees first, so it is built to be believed
(`Services.coherence_problems` checks it, tests/test_demo_coherence.py runs that check):
- evidence names the documents the form asks the hospital to send for that item, and a C, D or
  N/A comment quotes the item's own grade definition;
- answers never contradict each other (the form's rules are resolved before anything is
  written), and figures cover periods that ended before the visit;
- every C/D item is linked to a point to improve (one per area, worst first: the order is the
  priority), strengths point at A-rated items and recommendations at items still short of A;
- each review has 総評, a visit overview and the plan's dates, and is signed off within weeks
  of the visit.

The same seed gives the same database. Each facility has a "maturity" that rises year by year,
so scores, comments and findings tell a believable PDCA story.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from kanwa_review.core.dates import JST, fiscal_year
from kanwa_review.core.form import FacilityCategory, Form, Item, condition_leaves
from kanwa_review.core.review import Answer, TeamMember, VisitOverview
from kanwa_review.core.rules import check_rules
from kanwa_review.core.skiplogic import relevant_items

if TYPE_CHECKING:  # the generator drives the public operations of the whole Services
    from kanwa_review.services import Services

_PLACES = ("東雲", "北浜", "若葉台", "桜川", "緑ヶ丘", "白鷺", "朝日野", "青葉", "泉川", "港南",
           "丘の上", "西原", "星見", "宮ノ森", "清水台", "南風", "藤見", "松風", "湖東", "山吹")
_KINDS = ("市民病院", "総合医療センター", "がんセンター", "赤十字病院", "大学医学部附属病院",
          "中央病院", "医療センター", "労災病院")
_SURNAMES = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
             "吉田", "山田", "松本", "井上", "木村", "林", "清水", "森", "池田", "橋本")
_GIVEN = ("花子", "太郎", "由美", "健一", "直子", "誠", "美咲", "大輔", "恵", "翔太", "陽子",
          "拓也", "さくら", "聡", "真理", "亮")
_TEAM_SHAPE = (("leader", "physician"), ("member", "nurse"), ("member", "pharmacist"),
               ("member", "msw"), ("member", "psychiatrist"), ("member", "psychologist"))
PREFECTURE = "架空県"
ISSUER = "架空県がん診療連携協議会 緩和ケア部会"

# Where an item lists no documents to send, the team heard it from the people in charge.
_HEARD_FROM = {
    "A": "緩和ケアセンター長・緩和ケア委員会事務局", "B": "外来・病棟の看護師長",
    "C": "緩和ケアチームの医師・専従看護師", "D": "緩和ケア外来の担当医・外来看護師",
    "E": "薬剤部の緩和薬物療法担当薬剤師", "F": "病棟看護師長・精神腫瘍科医",
    "G": "臨床研修センター・緩和ケア研修会事務局", "H": "がん相談支援センターの相談員",
    "I": "地域医療連携室の退院支援担当者", "J": "緩和ケア委員会事務局",
}
# After quoting the grade's definition, what the team asks for.
_ADVICE = {
    "C": ("運用を手順として文書化し、全ての部署で同じように実施できるようにされたい。",
          "取組を一部の部署から院内全体に広げる計画を立てられたい。",
          "実施状況を記録して委員会で確認する仕組みを整えられたい。"),
    "D": ("責任者と期限を定め、整備を計画的に進める必要がある。",
          "次年度の緩和ケアの実施計画に整備を明記されたい。"),
}
_POSITIVE = ("資料と面談で運用を確認した。", "記録から継続的な取組が確認できた。",
             "他施設の参考となる水準で運用されている。")
# N/A is rated only where it can truly apply, with the reason (the form asks for one).
_NA_REASONS = {"H-9": "小児・AYA世代のがん診療を行っておらず、直近1年間に該当する患者の受診が"
                      "ないことを診療実績で確認したため、該当なしとした。"}

# Findings written by hand for the items they concern (the rest are built from the form's grade
# definitions): item code -> text. Every finding is linked to the items it is about.
_STRENGTHS = {
    "C-15": "緩和ケアチームと病棟スタッフの連携が密で、依頼から介入までが迅速である。推奨内容が"
            "診療録に記録され、その実施まで確認されている。",
    "B-3": "苦痛のスクリーニングが外来・病棟の双方で日常診療に組み込まれ、陽性者への対応が"
           "記録されている。",
    "G-2": "緩和ケア研修会の修了状況を個人単位で把握し、未修了者への受講勧奨が組織的に"
           "行われている。",
    "I-1": "地域の在宅療養支援診療所・訪問看護ステーションとの連携カンファレンスが毎月継続され、"
           "顔の見える関係が築かれている。",
    "H-2": "がん相談支援センターの案内が、診断時に全ての患者へ確実に行われている。",
}
_IMPROVE = {
    "B-7": "スクリーニングで苦痛が把握された患者への対応状況を把握し、対応率を指標として"
           "管理されたい。",
    "C-12": "緩和ケアチームへの依頼の方法（依頼できる職種・手順・連絡先）を、看護師・薬剤師を"
            "含む全ての職員に周知されたい。",
    "E-4": "医療用麻薬の導入時の緩下剤の併用を、約束処方や薬剤師の処方確認により標準化"
           "されたい。",
    "D-4": "緩和ケア外来の受診方法と紹介の窓口を、地域の医療機関に向けて分かりやすく公開"
           "されたい。",
    "F-5": "遺族への支援を組織の取組として位置付け、実施した内容を記録に残されたい。",
}
_RECOMMEND = {
    "A-4": "院内の指標を年度計画に組み込み、委員会で定期的に評価して改善につなげるPDCAサイクルを"
           "確立することを提言する。",
    "C-13": "リンクナースの役割を文書で定め、がん患者を診療する全ての病棟・外来に配置する"
            "ことを提言する。",
    "E-8": "神経ブロック・緩和的放射線治療の連携先と依頼の方法を明示し、院内外に公開すること"
           "を提言する。",
    "F-4": "アドバンス・ケア・プランニングの記録場所を電子カルテ上で統一し、多職種で共有する"
           "ことを提言する。",
}
# Improvement actions (改善計画) answering the hand-written points to improve.
_ACTIONS = {
    "B-7": ("スクリーニング陽性者への対応状況を月次で集計し、緩和ケア委員会に報告する。",
            "陽性者の対応率90%以上を3か月連続で達成"),
    "C-12": ("緩和ケアチームへの依頼手順書を改訂し、看護師・薬剤師向けの説明会を全病棟で"
             "開催する。", "全病棟で説明会を実施し、看護師・薬剤師からの依頼件数を把握"),
    "E-4": ("医療用麻薬導入時のオーダーセットに緩下剤を組み込み、薬剤部が処方監査で確認する。",
            "緩下剤併用率90%以上"),
    "D-4": ("緩和ケア外来の受診案内をウェブサイトと地域連携室の案内資料に掲載する。",
            "ウェブサイト掲載と二次医療圏の医療機関への案内送付"),
    "F-5": ("遺族ケアの手順書を作成し、実施記録の様式を電子カルテに登録する。",
            "手順書の委員会承認と実施記録の定着"),
}
_OWNERS = ("緩和ケアチーム 専従看護師", "緩和ケア委員会 委員長", "薬剤部 緩和薬物療法担当",
           "地域医療連携室", "がん相談支援センター", "看護部 教育担当", "医療安全管理室")
_NOTES = {"in_progress": ("担当者を決め、関係部署との調整を始めた。",
                          "手順書の改訂案を作成し、意見を募集中。", "一部の病棟で試行を開始した。"),
          "done": ("全部署で運用を開始し、緩和ケア委員会に報告した。",
                   "目標を達成し、運用を継続している。"),
          "dropped": ("院内体制の変更により、次年度の計画で改めて検討することとした。",)}
_INTERVIEWEES = ("緩和ケアセンター長（医師）", "緩和ケアチーム 専従看護師", "精神腫瘍科医",
                 "薬剤部 緩和薬物療法担当薬剤師", "がん相談支援センター 相談員（社会福祉士）",
                 "看護部長", "外来看護師長", "地域医療連携室 退院支援看護師")
_DEPARTMENTS = ("外来化学療法室", "消化器外科病棟", "呼吸器内科病棟", "緩和ケア外来",
                "がん相談支援センター", "薬剤部（麻薬管理室）", "地域医療連携室", "血液内科病棟")

# Plausible ranges for QI figures: (numerator share low, high) or (count low, high).
_QI_SHARE = {"training_completion_rate": (0.75, 0.98), "laxative_with_opioid_rate": (0.6, 0.95),
             "low_pain_last_month_bereaved": (0.3, 0.5), "death_at_preferred_place": (0.4, 0.8),
             "pain_relief_experience_survey": (0.5, 0.8)}
_QI_COUNT = {"pct_new_referrals": (30, 420), "pct_response_days": (0, 4),
             "outpatient_new_patients": (20, 300), "consultations": (300, 6000),
             "collaboration_conferences": (2, 14)}


@dataclass
class DemoStats:
    facilities: int = 0
    reviews: int = 0
    final: int = 0
    drafts: int = 0
    answers: int = 0
    findings: int = 0
    actions: int = 0


def _facility_names(n: int, rnd: random.Random) -> list[str]:
    names = [f"{p}{k}" for p in _PLACES for k in _KINDS]
    rnd.shuffle(names)
    out = names[:n]
    i = 2
    while len(out) < n:  # more facilities than combinations: number the extra campuses
        out += [f"{x} 第{i}病院" for x in names[: n - len(out)]]
        i += 1
    return out


def _person(rnd: random.Random) -> str:
    return rnd.choice(_SURNAMES) + rnd.choice(_GIVEN)


def _sentence(text: str) -> str:
    return text.rstrip("。")


# --- answers ------------------------------------------------------------------------------

def _grade(maturity: float, rnd: random.Random) -> str:
    x = maturity + rnd.gauss(0, 0.55)
    return "A" if x > 2.4 else "B" if x > 1.5 else "C" if x > 0.7 else "D"


def _value(item: Item, maturity: float, rnd: random.Random, visit: date):
    good = min(1.0, max(0.0, maturity / 3))
    if item.type == "yes_no":
        return rnd.random() < 0.35 + 0.6 * good
    if item.type == "percentage":
        if item.allow_not_collected and maturity < 1.3 and rnd.random() < 0.3:
            return {"not_collected": True}    # 「未集計」: a hospital early in its PDCA
        low, high = _QI_SHARE.get(item.qi or "", (0.4 + 0.3 * good, 0.7 + 0.28 * good))
        den = rnd.randint(40, 1500)
        return {"numerator": int(den * rnd.uniform(low, high)), "denominator": den}
    if item.type in ("integer", "number"):
        low, high = _QI_COUNT.get(item.qi or "", (int(item.min or 0), int(item.min or 0) + 40))
        v = rnd.randint(int(low), int(high))
        if item.max is not None:
            v = min(v, int(item.max))
        if item.min is not None:
            v = max(v, int(item.min))
        return v
    if item.type == "choice":
        codes = [c.code for c in item.choices]
        return codes[0] if rnd.random() < good else rnd.choice(codes)
    if item.type == "multi_choice":
        codes = [c.code for c in item.choices]
        chosen = [c for c in codes if rnd.random() < 0.3 + 0.6 * good] or codes[:1]
        # an exclusive choice (「実施していない」) only on its own
        return [c for c in chosen if c not in item.exclusive_choices] or chosen[:1]
    if item.type == "date":  # a date asked about lies before the visit
        return (visit - timedelta(days=rnd.randint(60, 700))).isoformat()
    if item.type == "text":
        return rnd.choice(("STAS-J を改変した院内様式（外来・病棟共通）",
                           "生活のしやすさに関する質問票（外来化学療法室・全病棟）",
                           "院内独自のつらさと支障の寒暖計（外来・病棟）"))
    return None


def _period(item: Item, visit: date) -> str | None:
    """A period that ended before the visit (a figure reported at a visit cannot cover days
    after it): the last calendar year, the last fiscal year, the second half of the last
    fiscal year, or the start of this fiscal year for a count on a reference date."""
    if item.type not in ("integer", "number", "percentage"):
        return None
    fy = fiscal_year(visit)
    if item.period == "calendar_year":
        return f"{visit.year - 1}年1月〜12月"
    if item.period == "custom":
        if item.denominator is not None and "基準日" in item.denominator.ja:
            return f"{fy}年4月1日時点"
        return f"{fy - 1}年10月〜{fy}年3月"
    return f"{fy - 1}年度"


def _evidence(item: Item, rnd: random.Random) -> str:
    """What the team looked at for this item: the documents the form asks for, else whom it
    heard."""
    if item.documents:
        docs = rnd.sample(list(item.documents), k=min(2, len(item.documents)))
        return "、".join(d.ja for d in docs)
    return _HEARD_FROM.get(item.code.split("-")[0], "担当者") + "への聞き取り"


def _comment(item: Item, rating: str, rnd: random.Random) -> str:
    """A C, D or N/A rating is explained with the item's own grade definition; A and B get a
    short remark now and then."""
    if rating == "NA":
        return _NA_REASONS.get(item.code, "該当する業務がないことを面談と資料で確認した。")
    anchor = item.anchor(rating)
    if rating in ("C", "D"):
        quoted = f"評価{rating}の基準「{_sentence(anchor.ja)}」に当たると判断した。" if anchor else ""
        return quoted + rnd.choice(_ADVICE[rating])
    return rnd.choice(_POSITIVE) if rnd.random() < 0.35 else ""


def _candidates(form: Form, item: Item, current) -> list:
    """Answers an item could take, nearest to `current` first (to settle a rule)."""
    if item.type == "rating":
        scored = [o.code for o in form.scale(item.scale).options if o.points is not None]
        if current in scored:
            at = scored.index(current)
            return sorted(scored, key=lambda c: abs(scored.index(c) - at))
        return scored
    if item.type == "choice":
        return [c.code for c in item.choices]
    if item.type == "yes_no":
        return [not current, current]
    return []


def _rule_numbers(form: Form, code: str) -> list[float]:
    """Figures a rule compares item `code` with (at_least / at_most), to settle a rule."""
    out = []
    for rule in form.rules or ():
        for leaf in (*condition_leaves(rule.when), *condition_leaves(rule.then)):
            if isinstance(leaf, FacilityCategory) or leaf.item != code:
                continue
            for bound in ("at_least", "at_most"):
                value = getattr(leaf, bound, None)
                if value is not None:
                    out += [value, value + 2, max(0, value - 1)]
    return out


def _settle_rules(form: Form, answers: dict[str, Answer], category: str,
                  rnd: random.Random, visit: date, maturity: float) -> None:
    """Change answers until no rule of the form warns: the item a warning questions first
    (then its other items), taking the nearest answer that settles the warning without
    raising another. Answers that stop applying are dropped as the app would drop them."""
    for _round in range(40):
        warnings = [w for w in check_rules(form, answers, facility_category=category)]
        if not warnings:
            return
        w = warnings[0]
        settled = False
        for code in w.item_codes:
            item = form.item(code)
            current = answers.get(code)
            options = _candidates(form, item, current.rating if item.type == "rating" and current
                                  else current.value if current else None)
            if item.type in ("integer", "number"):
                options = _rule_numbers(form, code)
            elif item.type == "percentage" and current is None:
                options = [_value(item, maturity, rnd, visit)]
            for option in options:
                if item.type == "rating":
                    trial = replace(current or Answer(code), rating=option)
                elif item.type == "percentage" and current is None:
                    trial = Answer(code, value=option, period=_period(item, visit))
                else:
                    trial = replace(current or Answer(code, period=_period(item, visit)),
                                    value=option)
                attempt = dict(answers)
                attempt[code] = trial
                keep = relevant_items(form, attempt, category)
                attempt = {c: a for c, a in attempt.items() if c in keep}
                after = check_rules(form, attempt, facility_category=category)
                if len(after) < len(warnings) and not any(
                        x.rule_id == w.rule_id and x.kind == w.kind for x in after):
                    answers.clear()
                    answers.update(attempt)
                    settled = True
                    break
            if settled:
                break
        if not settled:  # leave it to the coherence check to name (never expected)
            return


def _answers(form: Form, maturity: float, rnd: random.Random, visit: date, category: str,
             complete: bool) -> dict[str, Answer]:
    """The team's answers, in memory: drawn item by item, rules settled, then each rating's
    comment written for the rating it ended with."""
    items = list(form.items())
    stop = len(items) if complete else rnd.randint(len(items) // 4, len(items) * 3 // 4)
    answers: dict[str, Answer] = {}
    for item in items[:stop]:
        if item.relevant_if is not None and item.code not in relevant_items(
                form, answers, category):
            continue
        if item.type == "rating":
            rating = _grade(maturity, rnd)
            if item.code in _NA_REASONS and category == "regional_hospital" and rnd.random() < 0.6:
                rating = "NA"
            self_rating = _grade(maturity + 0.35, rnd) if item.has_self_assessment else None
            answers[item.code] = Answer(item.code, self_rating=self_rating, rating=rating,
                                        evidence=_evidence(item, rnd))
        else:
            value = _value(item, maturity, rnd, visit)
            if value is None or (not item.required and rnd.random() < 0.15):
                continue
            evidence = _evidence(item, rnd) if item.documents else ""
            answers[item.code] = Answer(item.code, value=value, period=_period(item, visit),
                                        evidence=evidence)
    _settle_rules(form, answers, category, rnd, visit, maturity)
    for code, a in list(answers.items()):
        if a.rating is not None:
            answers[code] = replace(a, comment=_comment(form.item(code), a.rating, rnd))
    return answers


# --- findings, 総評, overview -------------------------------------------------------------

@dataclass(frozen=True)
class _Finding:
    kind: str
    text: str
    codes: tuple[str, ...]
    key: str  # the item the text is about (a hand-written action answers it)


def _findings(form: Form, answers: dict[str, Answer], rnd: random.Random) -> list[_Finding]:
    """Points to improve: one per area with C/D items, linking all of them, worst area first
    (the order is the priority); strengths on A-rated items; a recommendation or two on items
    rated B or C."""
    rated = {c: a.rating for c, a in answers.items() if a.rating in ("A", "B", "C", "D")}
    out: list[_Finding] = []
    weak_areas = []
    for section in form.sections:
        weak = [i.code for i in section.items if rated.get(i.code) in ("C", "D")]
        if weak:
            d_count = sum(1 for c in weak if rated[c] == "D")
            weak_areas.append((-d_count, -len(weak), section, weak))
    for _d, _n, section, weak in sorted(weak_areas, key=lambda x: (x[0], x[1])):
        key = next((c for c in weak if c in _IMPROVE), None)
        worst = sorted(weak, key=lambda c: rated[c] != "D")[0]
        if key is not None:
            text = _IMPROVE[key]
        else:
            key = worst
            goal = form.item(worst).anchor("A")
            text = (f"{section.title.ja}（{worst}）：「{_sentence(goal.ja)}」状態を目指し、"
                    "担当者と期限を定めて取組を進められたい。") if goal else (
                f"{section.title.ja}の取組を、担当者と期限を定めて進められたい。")
        out.append(_Finding("improve", text, tuple(weak), key))
    strong = [c for c, r in rated.items() if r == "A"]
    picked = [c for c in _STRENGTHS if c in strong]
    for code in strong:
        if len(picked) >= 2:
            break
        if code not in picked and form.item(code).anchor("A") is not None:
            picked.append(code)
    for code in picked[: rnd.randint(1, 3)]:
        text = _STRENGTHS.get(code) or (
            f"{form.section_of(code).title.ja}：{_sentence(form.item(code).anchor('A').ja)}。"
            "他施設の参考となる取組である。")
        out.append(_Finding("strength", text, (code,), code))
    short = [c for c in _RECOMMEND if rated.get(c) in ("B", "C")]
    for code in rnd.sample(short, k=min(len(short), rnd.randint(1, 2))):
        out.append(_Finding("recommendation", _RECOMMEND[code], (code,), code))
    return out


def _overall(form: Form, scores, previous, findings: list[_Finding], done: int,
             carried: int, follow_up: date) -> str:
    """総評: scores, the strongest and weakest areas, the first point to improve, the
    recommendation, the previous plan and when progress is checked."""
    sections = [s for s in scores.sections if s.achievement is not None]
    best = sorted(sections, key=lambda s: -s.achievement)[:2]
    lines = []
    overall = scores.overall.achievement
    if previous is not None and previous.overall.achievement is not None and overall is not None:
        change = overall - previous.overall.achievement
        trend = "上昇した" if change > 0.05 else "低下した" if change < -0.05 else "横ばいであった"
        lines.append(f"総合達成率は{overall:.1f}%で、前回訪問の{previous.overall.achievement:.1f}%"
                     f"から{trend}。")
    elif overall is not None:
        lines.append(f"今回が初回の訪問であり、総合達成率は{overall:.1f}%であった。")
    lines.append("「" + "」「".join(s.title for s in best) + "」の領域では取組が定着している。")
    strengths = [f for f in findings if f.kind == "strength"]
    if strengths:
        lines.append("特に、" + _sentence(strengths[0].text.split("：")[-1]).split("。")[0]
                     + "点は高く評価できる。")
    improve = [f for f in findings if f.kind == "improve"]
    if improve:
        area = form.section_of(improve[0].codes[0]).title.ja
        weak = list(dict.fromkeys(form.section_of(f.codes[0]).title.ja for f in improve))[:2]
        lines.append("一方、「" + "」「".join(weak) + "」に課題がある。"
                     f"最も優先度の高い改善点は{area}の領域（{'、'.join(improve[0].codes[:4])}"
                     f"{'など' if len(improve[0].codes) > 4 else ''}）であり、報告書の受領後、"
                     "改善計画を策定して取り組まれたい。")
    recommend = [f for f in findings if f.kind == "recommendation"]
    if recommend:
        lines.append("あわせて、" + _sentence(recommend[0].text) + "。")
    if done or carried:
        lines.append(f"前回までの改善計画は{done}件が完了し、{carried}件が継続中である。")
    lines.append(f"{follow_up.year}年{follow_up.month}月頃に改善計画の進捗を確認する。"
                 "ピアレビューは相互の学び合いの場であり、今回の良い点は部会を通じて"
                 "他施設とも共有したい。")
    return "".join(lines)


def _overview(form: Form, answers: dict[str, Answer], rnd: random.Random,
              visit: date) -> VisitOverview:
    """訪問の概要: a half-day programme, the people heard, the documents sent for the weakest
    and the core items, the departments walked through."""
    start = rnd.choice((9, 13))
    steps = ("開会・趣旨説明", "施設概要と緩和ケアの体制の説明", "事前提出資料・記録の確認",
             "病棟・外来の見学", "面談（緩和ケアチーム・がん相談支援センター）", "評価チームの協議",
             "講評・意見交換")
    minutes = (15, 30, 60, 45, 60, 30, 30)
    schedule, t = [], start * 60
    for step, length in zip(steps, minutes):
        schedule.append(f"{t // 60}:{t % 60:02d} {step}")
        t += length
    docs = []
    for item in form.items():  # what was sent for the weakest and the core items
        a = answers.get(item.code)
        if item.documents and a is not None and (a.rating in ("C", "D") or len(docs) < 4):
            docs.append(item.documents[0].ja)
    docs = list(dict.fromkeys(docs))[:10]
    return VisitOverview(
        schedule="\n".join(schedule),
        interviewees="\n".join(rnd.sample(_INTERVIEWEES, k=rnd.randint(4, 6))),
        documents="\n".join(docs),
        departments="、".join(rnd.sample(_DEPARTMENTS, k=rnd.randint(3, 4))))


# --- the generator ------------------------------------------------------------------------

def _review(svc: Services, form: Form, code: str, category: str, maturity: float, visit: date,
            team: list[TeamMember], draft: bool, rnd: random.Random, today: date,
            stats: DemoStats) -> None:
    review = svc.start_review(code, form, visit, team)
    answers = _answers(form, maturity, rnd, visit, category, not draft)
    written = 0
    for item in form.items():  # form order, as a team fills in the checklist
        a = answers.get(item.code)
        if a is None:
            continue
        svc.set_answer(review.uuid, item.code, rating=a.rating, self_rating=a.self_rating,
                       value=a.value, period=a.period, evidence=a.evidence, comment=a.comment)
        written += 1
    stats.answers += written
    findings = _findings(form, svc.answers(review.uuid), rnd)
    ids = {}
    for f in findings:
        ids[f], _changed = svc.add_finding(review.uuid, f.kind, f.text, f.codes)
    stats.findings += len(findings)
    stats.reviews += 1
    if draft:
        stats.drafts += 1
        return
    data = svc.load(review.uuid)
    prev = svc.previous_final(review.uuid)
    previous = svc.load(prev.uuid, prev.revision).scores() if prev else None
    earlier = [a for a in svc.actions_of_facility(code) if a.created_at[:10] <= visit.isoformat()]
    done = sum(1 for a in earlier if a.status == "done")
    carried = sum(1 for a in earlier if a.status in ("not_started", "in_progress"))
    signed = min(visit + timedelta(days=rnd.randint(7, 28)), today)
    follow_up = visit + timedelta(days=182)
    svc.update_review(
        review.uuid, overview=_overview(form, data.answers, rnd, visit),
        overall_comment=_overall(form, data.scores(), previous, findings, done, carried,
                                 follow_up),
        plan_due=signed + timedelta(days=30), follow_up=follow_up)
    # signed at 16:00 on that day, or a minute ago when that is still to come (a visit today)
    signed_at = min(datetime.combine(signed, time(16), JST),
                    datetime.now(JST) - timedelta(minutes=1))
    svc.finalise(review.uuid, team[0].name, at=signed_at.isoformat(timespec="seconds"))
    stats.final += 1
    stats.actions += _add_actions(svc, code, review.uuid, findings, ids, rnd, today=today)


def generate(svc: Services, form: Form, *, facilities: int = 12, years: int = 3,
             seed: int = 7, today: date | None = None) -> DemoStats:
    """Add `facilities` invented hospitals, each reviewed once per fiscal year for `years`
    years; the latest year's review is a draft for about one facility in five. One
    transaction per facility."""
    rnd = random.Random(seed)
    # Actions draw from their own stream, so adding them leaves the rest of the demo unchanged.
    action_rnd = random.Random(seed + 1)
    today = today or date.today()
    last_fy = fiscal_year(today)
    stats = DemoStats()
    existing = {f.code for f in svc.facilities()}
    names = _facility_names(facilities, rnd)
    if not svc.report_settings().issuer:
        svc.set_report_settings(issuer=ISSUER)
    for n, name in enumerate(names, start=1):
        code = f"DEMO{n:03d}"
        while code in existing:
            code = f"DEMO{n:03d}-{rnd.randint(100, 999)}"
        category = "prefectural" if n == 1 else rnd.choice(
            ("regional", "regional", "regional", "regional_hospital"))
        with svc._tx():
            svc.create_facility(code, f"{PREFECTURE} {name}", PREFECTURE, category)
            stats.facilities += 1
            maturity = rnd.uniform(0.6, 2.2)
            for fy in range(last_fy - years + 1, last_fy + 1):
                visit = date(fy, rnd.randint(6, 12), rnd.randint(1, 28))
                if visit > today:
                    visit = today - timedelta(days=rnd.randint(1, 30))
                team = [TeamMember(_person(rnd), role, prof, f"{PREFECTURE} {rnd.choice(_PLACES)}病院")
                        for role, prof in _TEAM_SHAPE[: rnd.randint(3, 6)]]
                draft = fy == last_fy and rnd.random() < 0.2
                # answers draw from a stream of their own, so a change to the form (items
                # added or split) leaves facilities, visit dates and teams unchanged
                fill_rnd = random.Random(rnd.getrandbits(64))
                _review(svc, form, code, category, maturity, visit, team, draft, fill_rnd,
                        today, stats)
                maturity = min(3.0, maturity + rnd.uniform(0.05, 0.45))
    return stats


def _add_actions(svc: Services, facility_code: str, review_uuid: str,
                 findings: list[_Finding], ids: dict, rnd: random.Random, *,
                 today: date | None = None) -> int:
    """1–3 improvement actions answering the review's first points to improve (the highest
    priority), each with an invented owner, a due date 2–12 months after the visit and dated
    progress up to `today`: older visits' actions are mostly done, recent ones open, and some
    are overdue."""
    today = min(today or date.today(), date.today())  # progress is never dated in the future
    review = svc.review(review_uuid)
    visit = review.visit_date
    points = [f for f in findings if f.kind == "improve"]
    added = 0
    for finding in points[: rnd.randint(1, 3)]:
        area = svc.form_of(review).section_of(finding.key).title.ja
        title, measure = _ACTIONS.get(finding.key, (
            f"{area}の改善に向けて、{finding.key} を中心に担当者と期限を定めた手順を整備し、"
            "緩和ケア委員会で毎月進捗を確認する。",
            f"次回訪問時に {finding.key} の評価がB以上"))
        due = visit + timedelta(days=rnd.randint(60, 365))
        a = svc.add_action(facility_code, title, owner_role=rnd.choice(_OWNERS),
                           owner_name=_person(rnd), due_date=due, success_measure=measure,
                           finding_id=ids[finding],
                           created_at=f"{visit.isoformat()}T17:00:00+09:00")
        added += 1
        roll = rnd.random()
        if review.fiscal_year < fiscal_year(today):  # an earlier year: mostly settled by now
            path = (["in_progress", "done"] if roll < 0.75 else ["in_progress"] if roll < 0.92
                    else ["dropped"])
        else:
            path = ([] if roll < 0.35 else ["in_progress"] if roll < 0.85
                    else ["in_progress", "done"])
        day = visit
        for step, status in enumerate(path):
            day = day + timedelta(days=rnd.randint(20, 150))
            if day >= today:
                break
            svc.add_progress(a.uuid, status, rnd.choice(_NOTES[status]),
                             at=f"{day.isoformat()}T{10 + step}:00:00+09:00",
                             author=a.owner_name)
    return added
