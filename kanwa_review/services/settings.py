"""The hub's settings kept in the database (what its reports print as issuer, confidentiality
line and distribution list)."""

from __future__ import annotations

from kanwa_review.core.settings import SETTING_KEYS, ReportSettings, check_setting, settings_from
from kanwa_review.services.base import Changed, ServiceBase
from kanwa_review.store import repository as repo


class SettingsOps(ServiceBase):
    """Mixin of `Services`."""

    def report_settings(self) -> ReportSettings:
        """The issuing body, confidentiality line and distribution list the reports print
        ("" where the hub has not set one: the report prints its default)."""
        return settings_from(repo.settings(self.database))

    def set_report_settings(self, **fields: str) -> Changed:
        """Set any of issuer, confidentiality, distribution ("" returns to the default); one
        transaction, audited."""
        checked = {field: check_setting(field, value) for field, value in fields.items()}
        with self._tx():
            before = self.report_settings()
            old, new = {}, {}
            for field, value in checked.items():
                if value != getattr(before, field):
                    repo.set_setting(self.database, SETTING_KEYS[field], value)
                    old[field], new[field] = getattr(before, field) or None, value or None
            if new:
                self._audit(None, "settings", "report", "update", old, new)
        return Changed()
