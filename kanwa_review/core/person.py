"""The named person who uses an installation (name, profession, hospital): whom the audit trail
records, instead of the computer's login name that a shared team laptop gives everyone."""

from __future__ import annotations

from dataclasses import dataclass

from kanwa_review.core.i18n import translate
from kanwa_review.core.review import PROFESSIONS

MAX_NAME = 100
MAX_HOSPITAL = 200


def _clean(text: str, limit: int, what: str) -> str:
    text = " ".join(str(text).split())
    if len(text) > limit:
        raise ValueError(translate("Profile", "{what}は{limit}文字以内で入力してください").format(
            what=what, limit=limit))
    return text


@dataclass(frozen=True)
class Profile:
    """Who is working: set at first run and in the settings, stored per installation."""

    name: str
    profession: str = "other"
    hospital: str = ""

    def __post_init__(self) -> None:
        name = _clean(self.name, MAX_NAME, translate("Profile", "氏名"))
        if not name:
            raise ValueError(translate("Profile", "氏名を入力してください"))
        if self.profession not in PROFESSIONS:
            raise ValueError(translate("Profile", "職種 {value} は使えません。{choices} のいずれかを"
                                       "選んでください").format(value=repr(self.profession),
                                                          choices=", ".join(PROFESSIONS)))
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "hospital",
                           _clean(self.hospital, MAX_HOSPITAL, translate("Profile", "所属施設")))

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
