"""Invented demo data: hospitals, teams and reviews over several fiscal years (never real people),
written through the public service operations, as a team would type them. Loaded only when
demo data is made (`Services.add_demo_data`, services/demo.py).

The same seed gives the same database. Each facility has a "maturity" that rises year by year,
so scores, C/D comments and findings tell a believable PDCA story in the demo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING
from datetime import date, timedelta

from kanwa_review.core.dates import fiscal_year
from kanwa_review.core.form import Form, Item
from kanwa_review.core.review import TeamMember
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

_EVIDENCE = {
    "A": ("緩和ケア委員会 規程・議事録（直近1年分）", "年度事業計画書と中間評価", "院内指標の集計表"),
    "B": ("苦痛のスクリーニング票と運用手順書", "電子カルテのスクリーニング記録（抽出10例）",
          "外来・病棟看護師への聞き取り"),
    "C": ("緩和ケアチーム依頼票・介入記録", "チームカンファレンス記録", "人員配置表・勤務表"),
    "D": ("緩和ケア外来の案内パンフレット", "地域医療機関向け紹介手順", "外来予約枠の運用表"),
    "E": ("がん疼痛治療マニュアル（改訂履歴あり）", "麻薬管理簿・廃棄記録", "処方オーダーセット"),
    "F": ("意思決定支援に関する院内方針", "ACP記録テンプレート", "遺族ケアの実施記録"),
    "G": ("緩和ケア研修会 開催要項・修了者名簿", "院内研修の年間計画", "受講勧奨の通知文"),
    "H": ("がん相談支援センター 相談記録集計", "相談員の研修修了証", "診断時配布資料"),
    "I": ("地域連携カンファレンス記録", "退院支援手順書", "緊急入院受入れの運用表"),
    "J": ("患者体験調査・遺族調査の結果資料", "院内QI報告書", "委員会への報告資料"),
}
_COMMENTS = {
    "A": ("手順が文書化され、各部署で確実に運用されている。", "記録から継続的な取組が確認できた。",
          "他施設の参考となる水準で運用されている。"),
    "B": ("概ね運用されているが、一部の部署で記録にばらつきがある。",
          "仕組みは整っているが、評価・見直しの記録が不十分である。",
          "運用は定着しつつあり、周知の徹底が今後の課題である。"),
    "C": ("手順書はあるが、病棟間で運用に差があり、外来では実施されていない。",
          "取組は一部の診療科に限られている。全科への展開計画が必要。",
          "担当者の異動で運用が途切れている。仕組みとしての定着が求められる。"),
    "D": ("現時点で未整備。次年度中の整備を強く推奨する。",
          "取組が確認できなかった。責任者を定めて計画的に進める必要がある。",
          "文書・記録ともに確認できなかった。"),
    # N/A needs its reason, like C and D (the form's comment_required)
    "NA": ("施設の役割・診療体制上、この項目の対象となる業務がないことを面談と資料で確認し、"
           "該当なしとした。",),
}
_STRENGTHS = ("緩和ケアチームと病棟スタッフの連携が密で、依頼から介入までが迅速である。",
              "苦痛のスクリーニングが外来・病棟の双方で定着し、陽性者への対応が記録されている。",
              "緩和ケア研修会の修了率が高く、未修了者への受講勧奨が組織的に行われている。",
              "地域の訪問看護ステーションとの定期カンファレンスが継続されている。",
              "がん相談支援センターの案内が診断時に全患者へ確実に行われている。")
_IMPROVE = ("スクリーニング陽性者への対応状況を把握し、対応率を指標として管理されたい。",
            "緩和ケアチームへの依頼手順を看護師・薬剤師にも周知されたい。",
            "医療用麻薬導入時の緩下剤併用をオーダーセット等で標準化されたい。",
            "緩和ケア外来の受診方法を地域の医療機関に向けて分かりやすく公開されたい。",
            "遺族ケアの取組を組織として位置付け、記録を残されたい。")
_RECOMMEND = ("院内QIを年度計画に組み込み、委員会で定期的に評価するPDCAサイクルを確立することを提言する。",
              "リンクナースの役割を明文化し、全てのがん診療病棟に配置することを提言する。",
              "緩和的放射線治療・神経ブロックの連携先を明示し、院内外に公開することを提言する。",
              "アドバンス・ケア・プランニングの記録様式を電子カルテに統一することを提言する。")

# Improvement actions (改善計画) answering each point to improve: (what, measure of success).
_ACTIONS = {
    _IMPROVE[0]: ("スクリーニング陽性者への対応状況を月次で集計し、緩和ケア委員会に報告する。",
                  "陽性者の対応率90%以上を3か月連続で達成"),
    _IMPROVE[1]: ("緩和ケアチームへの依頼手順書を改訂し、"
                  "看護師・薬剤師向けの説明会を全病棟で開催する。",
                  "全病棟で説明会を実施し、看護師・薬剤師からの依頼件数を把握"),
    _IMPROVE[2]: ("医療用麻薬導入時のオーダーセットに緩下剤を組み込み、"
                  "薬剤部が処方監査で確認する。",
                  "緩下剤併用率90%以上"),
    _IMPROVE[3]: ("緩和ケア外来の受診案内をウェブサイトと地域連携室の案内資料に掲載する。",
                  "ウェブサイト掲載と二次医療圏の医療機関への案内送付"),
    _IMPROVE[4]: ("遺族ケアの手順書を作成し、実施記録の様式を電子カルテに登録する。",
                  "手順書の委員会承認と実施記録の定着"),
}
_OWNERS = ("緩和ケアチーム 専従看護師", "緩和ケア委員会 委員長", "薬剤部 緩和薬物療法担当",
           "地域医療連携室", "がん相談支援センター", "看護部 教育担当", "医療安全管理室")
_NOTES = {"in_progress": ("担当者を決め、関係部署との調整を始めた。",
                          "手順書の改訂案を作成し、意見を募集中。", "一部の病棟で試行を開始した。"),
          "done": ("全部署で運用を開始し、緩和ケア委員会に報告した。",
                   "目標を達成し、運用を継続している。"),
          "dropped": ("院内体制の変更により、次年度の計画で改めて検討することとした。",)}

# Plausible ranges for QI figures: (numerator share low, high) or (count low, high).
_QI_SHARE = {"training_completion_rate": (0.75, 0.98), "laxative_with_opioid_rate": (0.6, 0.95),
             "low_pain_last_month_bereaved": (0.3, 0.5), "death_at_preferred_place": (0.4, 0.8),
             "pain_relief_experience_survey": (0.5, 0.8)}
_QI_COUNT = {"pct_new_referrals": (30, 420), "pct_response_days": (0, 4),
             "outpatient_new_patients": (20, 300), "consultations": (300, 6000)}


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


def _rating(maturity: float, rnd: random.Random) -> str:
    x = maturity + rnd.gauss(0, 0.55)
    if rnd.random() < 0.03:
        return "NA"
    return "A" if x > 2.4 else "B" if x > 1.5 else "C" if x > 0.7 else "D"


def _value(item: Item, maturity: float, rnd: random.Random):
    good = min(1.0, max(0.0, maturity / 3))
    if item.type == "yes_no":
        return rnd.random() < 0.35 + 0.6 * good
    if item.type == "percentage":
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
    if item.type == "date":
        return (date.today() - timedelta(days=rnd.randint(300, 800))).isoformat()
    if item.type == "text":
        return rnd.choice(("STAS-J を改変した院内様式を使用", "生活のしやすさに関する質問票",
                           "院内独自のつらさの寒暖計", "特記事項なし"))
    return None


def _period(item: Item, fy: int) -> str | None:
    if item.type not in ("integer", "number", "percentage"):
        return None
    if item.period == "calendar_year":
        return f"{fy}年1月〜12月"
    if item.period == "custom":
        return f"{fy}年4月〜{fy}年9月"
    return f"{fy}年度"


def _fill(svc: Services, form: Form, uuid: str, maturity: float, fy: int, rnd: random.Random,
          complete: bool) -> tuple[int, int]:
    answers = {}
    written = 0
    items = list(form.items())
    stop = len(items) if complete else rnd.randint(len(items) // 4, len(items) * 3 // 4)
    for item in items[:stop]:
        if item.relevant_if is not None and item.code not in relevant_items(
                form, svc.answers(uuid)):
            continue
        if item.type == "rating":
            rating = _rating(maturity, rnd)
            self_rating = _rating(maturity + 0.35, rnd) if item.has_self_assessment else None
            section = item.code.split("-")[0]
            if rating == "NA":  # a fixed reason: no draw, so the rest of the demo is unchanged
                comment = _COMMENTS["NA"][0]
            else:
                comment = rnd.choice(_COMMENTS[rating]) if rating in _COMMENTS and (
                    rating in ("C", "D") or rnd.random() < 0.4) else ""
            svc.set_answer(uuid, item.code, rating=rating, self_rating=self_rating,
                           evidence=rnd.choice(_EVIDENCE.get(section, _EVIDENCE["A"])),
                           comment=comment)
            answers[item.code] = rating
        else:
            value = _value(item, maturity, rnd)
            if value is None or (not item.required and rnd.random() < 0.15):
                continue
            svc.set_answer(uuid, item.code, value=value, period=_period(item, fy))
        written += 1
    findings = 0
    good = [c for c, r in answers.items() if r == "A"]
    weak = [c for c, r in answers.items() if r in ("C", "D")]
    for kind, texts, pool in (("strength", _STRENGTHS, good), ("improve", _IMPROVE, weak),
                              ("recommendation", _RECOMMEND, weak)):
        for text in rnd.sample(texts, k=min(len(texts), rnd.randint(1, 3))):
            codes = rnd.sample(pool, k=min(len(pool), rnd.randint(0, 2)))
            svc.add_finding(uuid, kind, text, codes)
            findings += 1
    return written, findings


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
    for n, name in enumerate(names, start=1):
        code = f"DEMO{n:03d}"
        while code in existing:
            code = f"DEMO{n:03d}-{rnd.randint(100, 999)}"
        category = "prefectural" if n == 1 else rnd.choice(
            ("regional", "regional", "regional", "regional_hospital"))
        with svc._tx():
            svc.create_facility(code, f"架空県 {name}", "架空県", category)
            stats.facilities += 1
            maturity = rnd.uniform(0.6, 2.2)
            for fy in range(last_fy - years + 1, last_fy + 1):
                visit = date(fy, rnd.randint(6, 12), rnd.randint(1, 28))
                if visit > today:
                    visit = today - timedelta(days=rnd.randint(1, 30))
                team = [TeamMember(_person(rnd), role, prof, f"架空県 {rnd.choice(_PLACES)}病院")
                        for role, prof in _TEAM_SHAPE[: rnd.randint(3, 6)]]
                review = svc.start_review(code, form, visit, team)
                draft = fy == last_fy and rnd.random() < 0.2
                # answers draw from a stream of their own, so a change to the form (items
                # added or split) leaves facilities, visit dates and teams unchanged
                fill_rnd = random.Random(rnd.getrandbits(64))
                written, nf = _fill(svc, form, review.uuid, maturity, fy, fill_rnd, not draft)
                stats.answers += written
                stats.findings += nf
                stats.reviews += 1
                if draft:
                    stats.drafts += 1
                else:
                    _complete_gaps(svc, form, review.uuid)
                    svc.finalise(review.uuid, team[0].name)
                    stats.final += 1
                    stats.actions += _add_actions(svc, code, review.uuid, action_rnd, today=today)
                maturity = min(3.0, maturity + rnd.uniform(0.05, 0.45))
    return stats


def _complete_gaps(svc: Services, form: Form, uuid: str) -> None:
    """Answer whatever finalising still needs (a required item the random fill skipped)."""
    for gap in svc.load(uuid).gaps():
        item = form.item(gap.item_code)
        if gap.kind == "comment_required":
            rating = svc.answers(uuid)[item.code].rating
            svc.set_answer(uuid, item.code, comment=_COMMENTS.get(rating, _COMMENTS["C"])[0])
        elif item.type == "rating":
            svc.set_answer(uuid, item.code, rating="B")
        else:
            svc.set_answer(uuid, item.code, value=_value(item, 2.0, random.Random(1)))


def _add_actions(svc: Services, facility_code: str, review_uuid: str, rnd: random.Random, *,
                 today: date | None = None) -> int:
    """1–3 improvement actions answering the review's points to improve, each with an invented
    owner, a due date 2–12 months after the visit and dated progress up to `today`: older
    visits' actions are mostly done, recent ones open, and some are overdue."""
    today = min(today or date.today(), date.today())  # progress is never dated in the future
    review = svc.review(review_uuid)
    visit = review.visit_date
    points = [f for f in svc.findings(review_uuid) if f.kind == "improve"]
    added = 0
    for finding in rnd.sample(points, k=min(len(points), rnd.randint(1, 3))):
        title, measure = _ACTIONS.get(finding.text, (finding.text, ""))
        due = visit + timedelta(days=rnd.randint(60, 365))
        a = svc.add_action(facility_code, title, owner_role=rnd.choice(_OWNERS),
                           owner_name=_person(rnd), due_date=due, success_measure=measure,
                           finding_id=finding.id, created_at=f"{visit.isoformat()}T17:00:00+09:00")
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
