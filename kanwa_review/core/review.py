"""Reviews (ピアレビュー), facilities, team members, answers and findings as plain values."""

from __future__ import annotations

import math
import re
import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from kanwa_review.core import bounds, text_policy
from kanwa_review.core.form import Form, Item
from kanwa_review.core.i18n import translate

Status = Literal["draft", "final"]
FindingKind = Literal["strength", "improve", "recommendation"]
FINDING_KINDS: tuple[str, ...] = ("strength", "improve", "recommendation")
FINDING_LABELS = {"strength": "良い点", "improve": "改善が望まれる点", "recommendation": "提言"}

# Who is on a review team (domain.md §2); "leader" signs the review off.
TEAM_ROLES = {"leader": "リーダー", "member": "評価者", "observer": "オブザーバー",
              "office": "事務局"}
PROFESSIONS = {
    "physician": "医師（身体症状）", "psychiatrist": "医師（精神症状）", "nurse": "看護師",
    "pharmacist": "薬剤師", "msw": "MSW・社会福祉士", "psychologist": "公認心理師",
    "office": "事務職員", "other": "その他",
}
FACILITY_CATEGORIES = {
    "prefectural": "都道府県がん診療連携拠点病院", "regional": "地域がん診療連携拠点病院",
    "regional_hospital": "地域がん診療病院", "specialised": "特定領域がん診療連携拠点病院",
    "other": "その他",
}

MAX_TEXT = 20_000  # characters in one evidence/comment/free-text answer
# The stored value of a percentage item marked 「未集計」 (not collected; the item's form must
# allow it with `allow_not_collected`): answered, but without a figure.
NOT_COLLECTED_KEY = "not_collected"


def is_not_collected(value: Any) -> bool:
    """Whether a stored answer value says 「未集計」 (the figure was not collected)."""
    return isinstance(value, dict) and value.get(NOT_COLLECTED_KEY) is True
FACILITY_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


class AnswerError(ValueError):
    """An answer value that does not fit its item."""


class ReviewStateError(Exception):
    """An action the review's state forbids (e.g. editing a finalised revision)."""


@dataclass(frozen=True)
class Facility:
    code: str
    name: str
    prefecture: str = ""
    category: str = "regional"
    id: int | None = None


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str = "member"
    profession: str = "other"
    affiliation: str = ""

    def __post_init__(self) -> None:
        # names obey the text policy wherever they come from (typed, pasted, read from a file
        # that passed it already), so nothing the app writes is refused by another copy
        object.__setattr__(self, "name", text_policy.clean(self.name, text_policy.LINE))
        object.__setattr__(self, "affiliation",
                           text_policy.clean(self.affiliation, text_policy.LINE))
        if not self.name.strip():
            raise ValueError(translate("review", "評価チームのメンバーの氏名を入力してください"))
        if self.role not in TEAM_ROLES:
            raise ValueError(translate("review", "役割 {role} は使えません。{allowed} のいずれかを指定して"
                                                 "ください").format(role=repr(self.role),
                                                                  allowed=list(TEAM_ROLES)))
        if self.profession not in PROFESSIONS:
            raise ValueError(translate("review", "職種 {profession} は使えません。{allowed} のいずれかを"
                                                 "指定してください").format(
                profession=repr(self.profession), allowed=list(PROFESSIONS)))


@dataclass(frozen=True)
class Answer:
    item_code: str
    self_rating: str | None = None
    rating: str | None = None
    value: Any = None
    period: str | None = None
    evidence: str = ""
    comment: str = ""

    def is_empty(self) -> bool:
        return (self.self_rating is None and self.rating is None and self.value is None
                and not self.evidence and not self.comment and not self.period)


@dataclass
class AnswerMeta:
    """When and by whom an answer was last written (carried in submission packages)."""

    updated_at: str | None
    updated_by: str | None


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    item_codes: tuple[str, ...] = ()
    position: int = 0
    id: int | None = None


# 訪問の概要: what the team did on the day, printed in the report (free text; a line each).
VISIT_OVERVIEW_LABELS = {"schedule": "日程", "interviewees": "面談者", "documents": "確認資料",
                         "departments": "見学部署"}


@dataclass(frozen=True)
class VisitOverview:
    """訪問の概要 of a review: the day's schedule (日程), the people interviewed (面談者), the
    documents seen (確認資料) and the departments visited (見学部署)."""

    schedule: str = ""
    interviewees: str = ""
    documents: str = ""
    departments: str = ""

    def is_empty(self) -> bool:
        return not any(v.strip() for v in self.as_dict().values())

    def as_dict(self) -> dict[str, str]:
        return {key: getattr(self, key) for key in VISIT_OVERVIEW_LABELS}


@dataclass(frozen=True)
class Review:
    uuid: str
    revision: int
    facility_code: str
    facility_name: str
    form_id: str
    form_version: str
    form_hash: str
    status: str
    visit_date: date
    fiscal_year: int
    team: tuple[TeamMember, ...] = ()
    created_at: str = ""
    updated_at: str = ""
    finalised_at: str | None = None
    finalised_by: str | None = None
    id: int | None = None
    # the facility's designation category when the review started (a later re-designation
    # does not change which items applied); None: not known, read as a regional hub
    facility_category: str | None = None
    overall_comment: str = ""               # 総評: the team's overall remarks
    overview: VisitOverview = VisitOverview()
    plan_due: date | None = None            # 改善計画の提出期限 (the hospital sends its plan by)
    follow_up: date | None = None           # 次回フォローアップ (progress is checked on/around)

    @property
    def is_final(self) -> bool:
        return self.status == "final"

    @property
    def leader(self) -> TeamMember | None:
        return next((m for m in self.team if m.role == "leader"), None)


# Forms before 2026.2 held 総評 as their last checklist item (J-7, free text). A review of such a
# form shows that text where 総評 now lives (the review's own field), and the report's item
# table leaves the item out.
LEGACY_OVERALL_ITEM = "J-7"


def legacy_overall_item(form: Form) -> str | None:
    """The checklist item that held 総評 in a form before 2026.2, or None."""
    if not form.has_item(LEGACY_OVERALL_ITEM):
        return None
    item = form.item(LEGACY_OVERALL_ITEM)
    return item.code if item.type == "text" and item.text.ja.startswith("総評") else None


def overall_comment(review: Review, form: Form, answers: Mapping[str, Answer]) -> str:
    """総評 of a review: its own field, else (a review of an older form) the text of the
    checklist item that held it; "" when neither holds anything."""
    if review.overall_comment.strip():
        return review.overall_comment
    code = legacy_overall_item(form)
    if code is None:
        return ""
    value = getattr(answers.get(code), "value", None)
    return value if isinstance(value, str) and value.strip() else ""


def clean_review_text(value: Any, what_ja: str) -> str:
    """Text of a review-level field (総評, 訪問の概要): a string within MAX_TEXT."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise AnswerError(translate("review", "{what}: 文字で入力してください").format(what=what_ja))
    if len(value) > MAX_TEXT:
        raise AnswerError(translate(
            "review", "{what}: {count}文字あります。{limit}文字以内にしてください").format(
            what=what_ja, count=f"{len(value):,}", limit=f"{MAX_TEXT:,}"))
    return value


def new_review_uuid() -> str:
    return str(uuidlib.uuid4())


def _clean_text(value: Any, what: str, kind: str = text_policy.FREE) -> str:
    """`what` names the field (in the reader's language). The text is cleaned to the text
    policy (core/text_policy.py): what a reader of a file would refuse is dropped from what a
    person typed or pasted."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise AnswerError(translate("review", "{what}: 文字で入力してください").format(what=what))
    value = text_policy.clean(value, kind)
    if len(value) > MAX_TEXT:
        raise AnswerError(translate(
            "review", "{what}: {count}文字あります。{limit}文字以内にしてください").format(
            what=what, count=f"{len(value):,}", limit=f"{MAX_TEXT:,}"))
    return value


def _number(item: Item, v: Any, *, integer: bool) -> int | float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or (
            isinstance(v, float) and not math.isfinite(v)):
        raise AnswerError(translate("review", "{code}: 数値を入力してください").format(code=item.code))
    if not -bounds.MAX_FIGURE <= v <= bounds.MAX_FIGURE:   # exact for any int: no overflow
        raise AnswerError(translate("review", "{code}: 値が大きすぎます。{limit:,} 以内の数値を"
                                              "入力してください").format(
            code=item.code, limit=bounds.MAX_FIGURE))
    if integer:
        if float(v) != int(v):
            raise AnswerError(translate("review", "{code}: 整数を入力してください").format(code=item.code))
        v = int(v)
    if item.min is not None and v < item.min:
        raise AnswerError(translate("review", "{code}: {value} は最小値 {min} を下回っています。{min} 以上を"
                                              "入力してください").format(
            code=item.code, value=v, min=f"{item.min:g}"))
    if item.max is not None and v > item.max:
        raise AnswerError(translate("review", "{code}: {value} は最大値 {max} を超えています。{max} 以下を"
                                              "入力してください").format(
            code=item.code, value=v, max=f"{item.max:g}"))
    return v


def _fraction_part(key: str) -> str:
    return translate("review", "分子") if key == "numerator" else translate("review", "分母")


def normalise_value(item: Item, value: Any) -> Any:
    """Check a value against its item type and return it in its stored form (JSON-ready)."""
    if value is None or value == "" or value == []:
        return None
    t = item.type
    if t == "rating":
        raise AnswerError(translate("review", "{code}: この項目は評価の記号で回答します。値は入力できません"
                                    ).format(code=item.code))
    if t == "yes_no":
        if not isinstance(value, bool):
            raise AnswerError(translate("review", "{code}: 「はい」か「いいえ」で回答してください").format(
                code=item.code))
        return value
    if t in ("integer", "number"):
        return _number(item, value, integer=t == "integer")
    if t == "percentage" and isinstance(value, dict) and NOT_COLLECTED_KEY in value:
        return _not_collected(item, value)
    if t == "percentage":
        if not isinstance(value, dict) or set(value) - {"numerator", "denominator"}:
            raise AnswerError(translate("review", "{code}: 分子と分母を入力してください").format(
                code=item.code))
        num, den = value.get("numerator"), value.get("denominator")
        out = {}
        for key, v in (("numerator", num), ("denominator", den)):
            if v is None:
                continue
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise AnswerError(translate("review", "{code}: {key}は0以上の整数で入力してください").format(
                    code=item.code, key=_fraction_part(key)))
            if v > bounds.MAX_COUNT:
                raise AnswerError(translate("review", "{code}: {key}は {limit:,} 以下にしてください"
                                            ).format(code=item.code, limit=bounds.MAX_COUNT,
                                                     key=_fraction_part(key)))
            out[key] = v
        if num is not None and den is not None and num > den:
            raise AnswerError(translate("review", "{code}: 分子（{numerator}）が分母（{denominator}）より"
                                                  "大きくなっています。数値を確認してください").format(
                code=item.code, numerator=num, denominator=den))
        return out or None
    if t == "date":
        try:
            d = date.fromisoformat(str(value))
        except ValueError:
            raise AnswerError(translate("review", "{code}: 日付は 2026-05-01 のように YYYY-MM-DD の形式で"
                                                  "入力してください").format(code=item.code)) from None
        if not bounds.ANSWER_DATE_MIN <= d <= bounds.ANSWER_DATE_MAX:
            raise AnswerError(translate("review", "{code}: {low} から {high} までの日付を入力して"
                                                  "ください").format(
                code=item.code, low=bounds.ANSWER_DATE_MIN, high=bounds.ANSWER_DATE_MAX))
        return d.isoformat()
    if t == "choice":
        codes = [c.code for c in item.choices or ()]
        if value not in codes:
            raise AnswerError(translate("review", "{code}: {value} は選択肢にありません。{choices} から選んで"
                                                  "ください").format(
                code=item.code, value=repr(value), choices=codes))
        return value
    if t == "multi_choice":
        codes = [c.code for c in item.choices or ()]
        if not isinstance(value, (list, tuple)) or any(v not in codes for v in value):
            raise AnswerError(translate("review", "{code}: 選択肢 {choices} から選んでください").format(
                code=item.code, choices=codes))
        chosen = [c for c in codes if c in value]  # form order, no duplicates
        alone = [c for c in item.exclusive_choices if c in chosen]
        if alone and len(chosen) > 1:
            raise AnswerError(translate(
                "review", "{code}: 「{label}」はほかの選択肢と同時には選べません。"
                          "「{label}」だけを選ぶか、「{label}」を外してください").format(
                code=item.code, label=item.choice_label(alone[0])))
        return chosen
    if t == "text":
        return _clean_text(value, item.code) or None
    raise AnswerError(translate("review", "{code}: この種類の項目（{type}）には回答できません").format(
        code=item.code, type=repr(t)))


def _not_collected(item: Item, value: dict) -> dict:
    """「未集計」: only where the form allows it, and never together with a figure."""
    if not item.allow_not_collected:
        raise AnswerError(translate(
            "review", "{code}: この項目は「未集計」にできません。分子と分母を入力してください"
        ).format(code=item.code))
    if value != {NOT_COLLECTED_KEY: True}:
        raise AnswerError(translate(
            "review", "{code}: 「未集計」のときは分子・分母を入力しません。どちらかにしてください"
        ).format(code=item.code))
    return {NOT_COLLECTED_KEY: True}


def normalise_answer(form: Form, answer: Answer) -> Answer:
    """Validate a whole answer against the form; raise AnswerError naming the item."""
    if not form.has_item(answer.item_code):
        raise AnswerError(translate("review", "{code}: 評価票 {form} {version} にこの項目はありません").format(
            code=answer.item_code, form=form.id, version=form.version))
    item = form.item(answer.item_code)
    if item.type == "rating":
        codes = form.scale(item.scale).codes
        for label, r in ((translate("review", "評価"), answer.rating),
                         (translate("review", "自己評価"), answer.self_rating)):
            if r is not None and r not in codes:
                raise AnswerError(translate("review", "{code}: {what}の記号 {value} は使えません。{codes} から"
                                                      "選んでください").format(
                    code=item.code, what=label, value=repr(r), codes=list(codes)))
        if answer.self_rating is not None and not item.has_self_assessment:
            raise AnswerError(translate("review", "{code}: この項目には自己評価がありません").format(
                code=item.code))
        if answer.value is not None:
            raise AnswerError(translate("review", "{code}: この項目は評価の記号で回答します。値は入力できません"
                                        ).format(code=item.code))
    elif answer.rating is not None or answer.self_rating is not None:
        raise AnswerError(translate("review", "{code}: 評価の記号を付けられるのは評価項目だけです").format(
            code=item.code))
    period = _clean_text(answer.period, translate("review", "{code} 期間").format(code=item.code),
                         text_policy.LINE).strip() or None
    if period is not None and len(period) > 100:
        raise AnswerError(translate("review", "{code}: 期間は100文字以内で入力してください").format(
            code=item.code))
    return Answer(
        item_code=item.code,
        self_rating=answer.self_rating,
        rating=answer.rating,
        value=normalise_value(item, answer.value),
        period=period,
        evidence=_clean_text(answer.evidence,
                             translate("review", "{code} 確認した資料・根拠").format(code=item.code)),
        comment=_clean_text(answer.comment,
                            translate("review", "{code} コメント").format(code=item.code)),
    )


def percentage(value: Any) -> float | None:
    """The rate in % of a stored percentage answer, or None when it cannot be computed
    (no numerator or denominator, a zero denominator, or 「未集計」)."""
    if not isinstance(value, dict):
        return None
    num, den = value.get("numerator"), value.get("denominator")
    if num is None or not den:
        return None
    try:   # whole numbers divide exactly; a figure too large for a float has no rate to show
        return bounds.finite_or_none(100 * num / den)
    except (OverflowError, TypeError):
        return None

