"""Facility operations (施設): create and list."""

from __future__ import annotations


from kanwa_review.core.review import (
    FACILITY_CATEGORIES, FACILITY_CODE_RE, Facility,
)
from kanwa_review.services.base import (
    ServiceBase,
)
from kanwa_review.store import repository as repo


class FacilityOps(ServiceBase):
    # --- facilities ---------------------------------------------------------------------
    def create_facility(self, code: str, name: str, prefecture: str = "",
                        category: str = "regional") -> Facility:
        code, name = code.strip(), name.strip()
        if not FACILITY_CODE_RE.match(code):
            raise ValueError(f"施設コード {code!r} は英数字・-・_ の32文字以内で入力してください / "
                             "facility code: letters, digits, - and _, up to 32")
        if not name or len(name) > 200:
            raise ValueError("施設名を200文字以内で入力してください / "
                             "facility name: 1–200 characters")
        if category not in FACILITY_CATEGORIES:
            raise ValueError(f"施設の種別 {category!r} は使えません。{list(FACILITY_CATEGORIES)}"
                             " のいずれかを指定してください / "
                             f"unknown facility category {category!r}")
        with self._tx():
            if repo.facility_by_code(self.database, code):
                raise ValueError(f"施設コード {code} は既に登録されています / "
                                 f"facility {code} exists")
            f = repo.insert_facility(self.database, Facility(code, name, prefecture, category))
            self._audit(None, "facility", code, "create", None,
                        {"name": name, "prefecture": prefecture, "category": category})
        return f

    def facilities(self) -> list[Facility]:
        return repo.facilities(self.database)
