"""How screens word stored values that several of them show: a stored UTC time in the
computer's local time, a review's state (下書き・確定), and the words of core's code tables
(team roles, professions, facility categories, action statuses) in the reader's language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# marked for the catalog (context ReviewStatus); review_status_word() shows them translated
REVIEW_STATUS_WORDS = {"draft": QT_TRANSLATE_NOOP("ReviewStatus", "下書き"),
                       "final": QT_TRANSLATE_NOOP("ReviewStatus", "確定")}


def review_status_word(status: str) -> str:
    """A review's state in the reader's language (下書き / draft); an unknown one as stored."""
    word = REVIEW_STATUS_WORDS.get(status)
    return status if word is None else QCoreApplication.translate("ReviewStatus", word)


def local_time(iso: str | None) -> str:
    """An ISO timestamp stored in UTC, shown in the computer's local time (minutes)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


# The words of core's code tables (core.review TEAM_ROLES, PROFESSIONS, FACILITY_CATEGORIES,
# core.pdca STATUS_LABELS), marked for the catalog so screens show them in the reader's
# language; the Japanese is core's, word for word (tests/test_ui_language_sweep.py checks).
TEAM_ROLE_WORDS = {"leader": QT_TRANSLATE_NOOP("TeamRole", "リーダー"),
                   "member": QT_TRANSLATE_NOOP("TeamRole", "評価者"),
                   "observer": QT_TRANSLATE_NOOP("TeamRole", "オブザーバー"),
                   "office": QT_TRANSLATE_NOOP("TeamRole", "事務局")}
PROFESSION_WORDS = {"physician": QT_TRANSLATE_NOOP("Profession", "医師（身体症状）"),
                    "psychiatrist": QT_TRANSLATE_NOOP("Profession", "医師（精神症状）"),
                    "nurse": QT_TRANSLATE_NOOP("Profession", "看護師"),
                    "pharmacist": QT_TRANSLATE_NOOP("Profession", "薬剤師"),
                    "msw": QT_TRANSLATE_NOOP("Profession", "MSW・社会福祉士"),
                    "psychologist": QT_TRANSLATE_NOOP("Profession", "公認心理師"),
                    "office": QT_TRANSLATE_NOOP("Profession", "事務職員"),
                    "other": QT_TRANSLATE_NOOP("Profession", "その他")}
FACILITY_CATEGORY_WORDS = {
    "prefectural": QT_TRANSLATE_NOOP("FacilityCategory", "都道府県がん診療連携拠点病院"),
    "regional": QT_TRANSLATE_NOOP("FacilityCategory", "地域がん診療連携拠点病院"),
    "regional_hospital": QT_TRANSLATE_NOOP("FacilityCategory", "地域がん診療病院"),
    "specialised": QT_TRANSLATE_NOOP("FacilityCategory", "特定領域がん診療連携拠点病院"),
    "other": QT_TRANSLATE_NOOP("FacilityCategory", "その他"),
}
ACTION_STATUS_WORDS = {"not_started": QT_TRANSLATE_NOOP("ActionStatus", "未着手"),
                       "in_progress": QT_TRANSLATE_NOOP("ActionStatus", "進行中"),
                       "done": QT_TRANSLATE_NOOP("ActionStatus", "完了"),
                       "dropped": QT_TRANSLATE_NOOP("ActionStatus", "見送り")}


def team_role_word(role: str) -> str:
    word = TEAM_ROLE_WORDS.get(role)
    return role if word is None else QCoreApplication.translate("TeamRole", word)


def profession_word(profession: str) -> str:
    word = PROFESSION_WORDS.get(profession)
    return profession if word is None else QCoreApplication.translate("Profession", word)


def facility_category_word(category: str) -> str:
    word = FACILITY_CATEGORY_WORDS.get(category)
    return category if word is None else QCoreApplication.translate("FacilityCategory", word)


def action_status_word(status: str) -> str:
    word = ACTION_STATUS_WORDS.get(status)
    return status if word is None else QCoreApplication.translate("ActionStatus", word)
