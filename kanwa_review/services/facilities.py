"""Facility operations (施設): create, list, and import the facility master (施設マスタ)."""

from __future__ import annotations

from pathlib import Path

from kanwa_review.core import text_policy
from kanwa_review.core.imports import FACILITIES, IMPORTED, REJECTED, UNCHANGED, ImportResult
from kanwa_review.core.review import FACILITY_CATEGORIES, FACILITY_CODE_RE, Facility
from kanwa_review.services.base import ServiceBase
from kanwa_review.store import repository as repo
from kanwa_review.core.i18n import translate


class FacilityOps(ServiceBase):
    # --- facilities ---------------------------------------------------------------------
    def create_facility(self, code: str, name: str, prefecture: str = "",
                        category: str = "regional") -> Facility:
        code = code.strip()
        name = text_policy.clean(name, text_policy.LINE).strip()
        prefecture = text_policy.clean(prefecture, text_policy.LINE).strip()
        if not FACILITY_CODE_RE.match(code):
            raise ValueError(translate(
                "facilities", "施設コード {code} は英数字・-・_ の32文字以内で入力してください").format(
                    code=repr(code)))
        if not name or len(name) > 200:
            raise ValueError(translate("facilities", "施設名を1〜200文字で入力してください"))
        if category not in FACILITY_CATEGORIES:
            raise ValueError(translate(
                "facilities", "施設の種別 {category} は使えません。{allowed} のいずれかを指定してください"
            ).format(category=repr(category), allowed=list(FACILITY_CATEGORIES)))
        self._refuse_real_facilities([code])
        with self._tx():
            if repo.facility_by_code(self.database, code):
                raise ValueError(translate("facilities", "施設コード {code} は既に登録されています").format(
                    code=code))
            f = repo.insert_facility(self.database, Facility(code, name, prefecture, category))
            self._audit(None, "facility", code, "create", None,
                        {"name": name, "prefecture": prefecture, "category": category})
        return f

    def facilities(self) -> list[Facility]:
        return repo.facilities(self.database)

    def import_facility_master(self, path: str | Path) -> ImportResult:
        """A facility list (CSV or .xlsx), all or nothing: a list with any bad row writes
        nothing; otherwise, in one transaction, existing facilities are updated (name,
        prefecture, category) and new ones created, every change audited. `created`,
        `updated` and `unchanged` of the result list facility codes."""
        return self._one_file(path, FACILITIES, lambda: self._import_facility_master(path))

    def _import_facility_master(self, path: str | Path) -> ImportResult:
        from kanwa_review.exchange.facility_master import (
            FacilityListRejected, read_facility_list,
        )

        result = ImportResult(str(path), REJECTED, FACILITIES)
        try:
            rows, result.warnings = read_facility_list(path)
        except FacilityListRejected as exc:
            result.errors, result.warnings = exc.problems, exc.warnings
            return result
        try:
            self._refuse_real_facilities(r.code for r in rows)
        except ValueError as exc:
            result.errors = [f"{path}: {exc}"]
            return result
        with self._tx():
            held_now = {f.code: f for f in self.facilities()}
            to_create: list[Facility] = []
            for r in rows:
                held = held_now.get(r.code)
                if held is None:
                    f = Facility(r.code, r.name, r.prefecture or "", r.category or "other")
                    to_create.append(f)
                    self._audit(None, "facility", r.code, "create", None,
                                {"name": f.name, "prefecture": f.prefecture,
                                 "category": f.category,
                                 "source": text_policy.display_name(Path(path).name)})
                    result.created.append(r.code)
                    continue
                new = {"name": r.name,
                       "prefecture": held.prefecture if r.prefecture is None else r.prefecture,
                       "category": held.category if r.category is None else r.category}
                old = {"name": held.name, "prefecture": held.prefecture,
                       "category": held.category}
                if new == old:
                    result.unchanged.append(r.code)
                    continue
                repo.update_facility(self.database, held.id, **new)
                self._audit(None, "facility", r.code, "update",
                            {k: v for k, v in old.items() if new[k] != v},
                            {k: v for k, v in new.items() if old[k] != v})
                result.updated.append(r.code)
            repo.insert_facilities(self.database, to_create)
        result.status = IMPORTED if result.created or result.updated else UNCHANGED
        return result
