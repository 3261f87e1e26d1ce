"""The named person who uses an installation (name, profession, hospital): whom the audit trail
records, instead of the computer's login name that a shared team laptop gives everyone."""

from __future__ import annotations

from dataclasses import dataclass

from kanwa_review.core.i18n import translate
from kanwa_review.core.review import PROFESSIONS

MAX_NAME = 100
MAX_HOSPITAL = 200


@dataclass(frozen=True)
class Profile:
    """Who is working: set at first run and in the settings, stored per installation."""

    name: str
    profession: str = "other"
    hospital: str = ""

    def __post_init__(self) -> None:
        name, hospital = " ".join(str(self.name).split()), " ".join(str(self.hospital).split())
        if not 0 < len(name) <= MAX_NAME:
            raise ValueError(translate("Profile", "氏名は1〜100文字で入力してください"))
        if len(hospital) > MAX_HOSPITAL:
            raise ValueError(translate("Profile", "所属施設は200文字以内で入力してください"))
        if self.profession not in PROFESSIONS:
            raise ValueError(translate("Profile", "職種 {value} は使えません").format(
                value=self.profession))
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "hospital", hospital)

    @property
    def actor(self) -> str:
        """How the audit trail names this person: 「山田 花子（架空県立がんセンター）」."""
        return f"{self.name}（{self.hospital}）" if self.hospital else self.name

    def to_json(self) -> dict:
        return {"name": self.name, "profession": self.profession, "hospital": self.hospital}

    @classmethod
    def from_json(cls, data: object) -> Profile:
        """A stored profile; ValueError when it is not one."""
        if not isinstance(data, dict) or not isinstance(data.get("name"), str):
            raise ValueError(translate("Profile", "利用者の設定が読めません"))
        return cls(data["name"], str(data.get("profession") or "other"),
                   str(data.get("hospital") or ""))


__all__ = ["Profile", "MAX_NAME", "MAX_HOSPITAL"]
