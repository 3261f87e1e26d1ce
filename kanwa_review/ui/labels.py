"""The reader's words for core's codes shown on screen: a facility's category, a review's
receipt at the hub, a heat-map colour band, a review's and an improvement action's status, a
finding's kind, a team member's role and profession, a fiscal year."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from kanwa_review.core import dates
from kanwa_review.core.dashboard import DRAFT_ONLY, FINAL, NO_REVIEW
from kanwa_review.core.i18n import language
from kanwa_review.core.pdca import DONE, DROPPED, IN_PROGRESS, NOT_STARTED

# core keeps these words in Japanese as data (the files it writes); the screen shows them in the
# app's language: marked for the catalog here, translated in _word
CATEGORY_WORDS = {   # core.review.FACILITY_CATEGORIES
    "prefectural": QT_TRANSLATE_NOOP("Labels", "都道府県がん診療連携拠点病院"),
    "regional": QT_TRANSLATE_NOOP("Labels", "地域がん診療連携拠点病院"),
    "regional_hospital": QT_TRANSLATE_NOOP("Labels", "地域がん診療病院"),
    "specialised": QT_TRANSLATE_NOOP("Labels", "特定領域がん診療連携拠点病院"),
    "other": QT_TRANSLATE_NOOP("Labels", "その他"),
}
RECEIPT_WORDS = {    # core.dashboard.RECEIPT_LABELS
    NO_REVIEW: QT_TRANSLATE_NOOP("Labels", "未実施"),
    DRAFT_ONLY: QT_TRANSLATE_NOOP("Labels", "下書きのみ"),
    FINAL: QT_TRANSLATE_NOOP("Labels", "受領済み"),
}
BAND_WORDS = (       # core.dashboard.SCORE_BANDS, best first
    QT_TRANSLATE_NOOP("Labels", "85%以上"), QT_TRANSLATE_NOOP("Labels", "70–85%"),
    QT_TRANSLATE_NOOP("Labels", "55–70%"), QT_TRANSLATE_NOOP("Labels", "40–55%"),
    QT_TRANSLATE_NOOP("Labels", "40%未満"),
)
ACTION_STATUS_WORDS = {   # core.pdca.STATUS_LABELS
    NOT_STARTED: QT_TRANSLATE_NOOP("Labels", "未着手"),
    IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "進行中"),
    DONE: QT_TRANSLATE_NOOP("Labels", "完了"),
    DROPPED: QT_TRANSLATE_NOOP("Labels", "見送り"),
}

REVIEW_STATUS_WORDS = {"draft": QT_TRANSLATE_NOOP("Labels", "下書き"),
                       "final": QT_TRANSLATE_NOOP("Labels", "確定")}
FINDING_WORDS = {    # core.review.FINDING_LABELS
    "strength": QT_TRANSLATE_NOOP("Labels", "良い点"),
    "improve": QT_TRANSLATE_NOOP("Labels", "改善が望まれる点"),
    "recommendation": QT_TRANSLATE_NOOP("Labels", "提言"),
}
ROLE_WORDS = {       # core.review.TEAM_ROLES
    "leader": QT_TRANSLATE_NOOP("Labels", "リーダー"),
    "member": QT_TRANSLATE_NOOP("Labels", "評価者"),
    "observer": QT_TRANSLATE_NOOP("Labels", "オブザーバー"),
    "office": QT_TRANSLATE_NOOP("Labels", "事務局"),
}
PROFESSION_WORDS = {   # core.review.PROFESSIONS
    "physician": QT_TRANSLATE_NOOP("Labels", "医師（身体症状）"),
    "psychiatrist": QT_TRANSLATE_NOOP("Labels", "医師（精神症状）"),
    "nurse": QT_TRANSLATE_NOOP("Labels", "看護師"),
    "pharmacist": QT_TRANSLATE_NOOP("Labels", "薬剤師"),
    "msw": QT_TRANSLATE_NOOP("Labels", "MSW・社会福祉士"),
    "psychologist": QT_TRANSLATE_NOOP("Labels", "公認心理師"),
    "office": QT_TRANSLATE_NOOP("Labels", "事務職員"),
    "other": QT_TRANSLATE_NOOP("Labels", "その他"),
}


def _word(table, code) -> str:
    word = table.get(code) if isinstance(table, dict) else (
        table[code] if isinstance(code, int) and 0 <= code < len(table) else None)
    return QCoreApplication.translate("Labels", word) if word else str(code or "")


def category_label(code: str | None) -> str:
    """A facility's category; an unknown code as it is written."""
    return _word(CATEGORY_WORDS, code)


def receipt_label(receipt: str) -> str:
    return _word(RECEIPT_WORDS, receipt)


def band_label(band: int) -> str:
    return _word(BAND_WORDS, band)


def action_status_label(status: str) -> str:
    return _word(ACTION_STATUS_WORDS, status)


def review_status_label(status: str) -> str:
    return _word(REVIEW_STATUS_WORDS, status)


def finding_label(kind: str | None) -> str:
    return _word(FINDING_WORDS, kind)


def role_label(role: str | None) -> str:
    return _word(ROLE_WORDS, role)


def profession_label(profession: str | None) -> str:
    return _word(PROFESSION_WORDS, profession)


def fiscal_year_label(fy: int) -> str:
    """令和7年度 in Japanese; in English the year alone ("FY2025"): an era name means nothing
    to a reader of the translation, and the era is not a placeholder a translation could drop."""
    if language() == "ja":
        return dates.fiscal_year_label(fy)
    return QCoreApplication.translate("Labels", "{year}年度").format(year=fy)


def fiscal_year_text(fy: int) -> str:
    """令和8年度（2026年度） in Japanese (core.dates' one way), "FY2026" in English."""
    if language() == "ja":
        return dates.fiscal_year_text(fy)
    return QCoreApplication.translate("Labels", "{year}年度").format(year=fy)


def date_label(d: date) -> str:
    """What a date field shows beside a parsed date: 令和5年11月15日（水） in Japanese (the era a
    Japanese form asks for); "Wed 15 Nov 2023" in English, where an era would only puzzle."""
    if language() == "ja":
        return dates.date_note(d)
    return QLocale(QLocale.English).toString(QDate(d.year, d.month, d.day), "ddd d MMM yyyy")


__all__ = ["ACTION_STATUS_WORDS", "BAND_WORDS", "CATEGORY_WORDS", "FINDING_WORDS",
           "PROFESSION_WORDS", "RECEIPT_WORDS", "REVIEW_STATUS_WORDS", "ROLE_WORDS",
           "action_status_label", "band_label", "category_label", "date_label", "finding_label",
           "fiscal_year_label", "fiscal_year_text", "profession_label", "receipt_label",
           "review_status_label", "role_label"]
