"""The hub's settings that reports print: the issuing body, the confidentiality line and the
distribution list (報告書の発行者・取扱注意・配布先)."""

from __future__ import annotations

from dataclasses import dataclass

from kanwa_review.core.i18n import translate

MAX_SETTING = 2_000  # characters of one setting

# what a report prints while the hub has not set its own words
DEFAULT_CONFIDENTIALITY = (
    "取扱注意　本報告書は被評価施設の緩和ケア提供体制の改善を目的として作成したものです。"
    "配布先以外への提供・転載はご遠慮ください。")
DEFAULT_DISTRIBUTION = ("被評価施設　病院長\n被評価施設　緩和ケアセンター長（緩和ケア委員会委員長）\n"
                        "緩和ケア部会　事務局（控）")
SETTING_KEYS = {"issuer": "report.issuer", "confidentiality": "report.confidentiality",
                "distribution": "report.distribution"}


@dataclass(frozen=True)
class ReportSettings:
    """What a hub sets once for all its reports; "" means "use the default"."""

    issuer: str = ""            # 発行者, e.g. 〇〇県がん診療連携協議会 緩和ケア部会
    confidentiality: str = ""   # 取扱注意の一文
    distribution: str = ""      # 配布先, one recipient a line

    def issuer_for(self, prefecture: str = "") -> str:
        """The issuing body printed on a report: the hub's setting, else the palliative care
        section of the facility's prefecture's liaison council, else the section alone."""
        if self.issuer.strip():
            return self.issuer.strip()
        if prefecture.strip():
            return f"{prefecture.strip()}がん診療連携協議会 緩和ケア部会"
        return "がん診療連携協議会 緩和ケア部会"

    @property
    def confidentiality_text(self) -> str:
        return self.confidentiality.strip() or DEFAULT_CONFIDENTIALITY

    @property
    def recipients(self) -> list[str]:
        """The distribution list, one recipient a line (blank lines left out)."""
        text = self.distribution if self.distribution.strip() else DEFAULT_DISTRIBUTION
        return [line.strip() for line in text.splitlines() if line.strip()]


def settings_from(stored: dict[str, str]) -> ReportSettings:
    """ReportSettings from the stored key -> text pairs (unknown keys ignored)."""
    return ReportSettings(**{field: stored.get(key, "") for field, key in SETTING_KEYS.items()})


def check_setting(field: str, value: str) -> str:
    """A setting's text, checked: a known field, text within MAX_SETTING characters."""
    if field not in SETTING_KEYS:
        raise ValueError(translate("settings", "設定 {field} はありません。{known} のいずれかです").format(
            field=field, known="、".join(SETTING_KEYS)))
    if not isinstance(value, str):
        raise ValueError(translate("settings", "{field}: 文字で入力してください").format(field=field))
    if len(value) > MAX_SETTING:
        raise ValueError(translate("settings", "{field}: {limit}文字以内にしてください").format(
            field=field, limit=f"{MAX_SETTING:,}"))
    return value.strip()
