"""The named person of this installation (氏名・職種・所属施設): asked at first run and in the
settings, recorded by the audit trail of every database this installation opens."""

from __future__ import annotations

import json
import os
import tempfile

from kanwa_review.core.i18n import translate
from kanwa_review.core.person import Profile
from kanwa_review.services.base import ACTOR_ENV, ServiceBase, stored_profile


class ProfileOps(ServiceBase):
    @staticmethod
    def profile() -> Profile | None:
        """Who uses this installation; None until set (the app asks at first run)."""
        return stored_profile()

    def set_profile(self, name: str, profession: str = "other", hospital: str = "") -> Profile:
        """Set (or change) the person; from now on the audit trail records them. ValueError
        says what to correct; OSError when the app-data folder cannot be written."""
        from kanwa_review import paths

        profile = Profile(name, profession, hospital)
        path = paths.profile_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".profile-", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(profile.to_json(), fh, ensure_ascii=False, indent=1)
            os.replace(tmp, path)
        except OSError:
            os.unlink(tmp)
            raise
        if not os.environ.get(ACTOR_ENV, "").strip():
            self.actor = profile.actor
        return profile

    @staticmethod
    def profile_needed() -> bool:
        """Whether the first run should ask who uses this installation: no profile yet, and
        no KANWA_REVIEW_ACTOR naming the person for this process (a hub's batch job)."""
        return stored_profile() is None and not os.environ.get(ACTOR_ENV, "").strip()

    @staticmethod
    def profile_missing_text() -> str:
        """What the first run says before asking (the UI shows it above the form)."""
        return translate("Profile", "変更履歴に記録する利用者（氏名・職種・所属施設）を設定してください。"
                         "共用のノートPCでも、誰が入力・修正したかが記録されます。")


__all__ = ["ProfileOps"]
