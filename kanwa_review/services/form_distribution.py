"""Forms in a database: installing a form sent by the hub, the forms offered for new reviews,
the hub's current form per fiscal year and the warning for a review on another version.

Where installed forms live: in the database, as the form's row of `forms` (its canonical JSON
by hash, like every form a review uses) flagged `installed_at`. Signing: `form_signature`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kanwa_review.core.dates import fiscal_year as fiscal_year_of
from kanwa_review.core.form import Form, load_form
from kanwa_review.core.i18n import translate
from kanwa_review.core.revisions import reaches, related, revision_path
from kanwa_review.services.base import ServiceBase
from kanwa_review.services.forms import shipped_forms_quietly
from kanwa_review.store import forms_repository as frepo
from kanwa_review.store import repository as repo


@dataclass(frozen=True)
class InstalledForm:
    form: Form
    newly: bool                       # False: it was installed already
    signature: str = "unsigned"       # see FormDistributionOps.form_signature
    signer: str | None = None


class FormDistributionOps(ServiceBase):
    """Mixin of `Services`; uses ReviewOps (review, form_of)."""

    def _form_pool(self, *extra: Form) -> list[Form]:
        """Every form this installation knows: held, shipped, and any given."""
        pool = [repo.form_by_hash(self.database, h) for h in repo.form_hashes(self.database)]
        return [*extra, *pool, *shipped_forms_quietly()]

    def known_form_versions(self) -> list[Form]:
        """Every form held here and the shipped ones: the versions a chain of revisions may
        pass through when visits on different versions are compared."""
        return self._form_pool()

    def form_signature(self, path: Path, form: Form) -> tuple[str, str | None]:
        """(status, signer) of a form file: always ("unsigned", None) for now.

        The hook for signed forms: once the key store of the `trust` work exists (trusted
        Ed25519 public keys in the database), a hub signs the form's SHA-256 (form.sha256, the
        hash of its canonical JSON — layout and comments do not matter) into `FILE.sig` beside
        the form file; this method then reads FILE.sig, verifies it against the trusted keys
        and returns "trusted" / "unknown" / "invalid" / "revoked" with the signer's name, and
        `install_form(require_signature=True)` refuses anything but "trusted"."""
        return "unsigned", None

    def install_form(self, path: str | Path, *, require_signature: bool = False
                     ) -> InstalledForm:
        """Install a form file the hub sent (forms install): checked strictly (FormError),
        stored with its content hash and offered for new reviews. Installing it again changes
        nothing."""
        path = Path(path)
        form = load_form(path, strict=True)
        status, signer = self.form_signature(path, form)
        if require_signature and status != "trusted":
            raise ValueError(translate(
                "forms", "{file}: 署名が確認できないため入れません（署名: {status}）").format(
                file=path, status=status))
        with self._tx():
            newly = frepo.mark_installed(self.database, form, at=repo.now_iso(), by=self.actor,
                                         source=path.name)
            if newly:
                self._audit(None, "form", form.sha256, "install", None,
                            {"form": form.id, "version": form.version, "file": path.name,
                             "signature": status})
        return InstalledForm(form, newly, status, signer)

    def installed_forms(self) -> list[Form]:
        return [repo.form_by_hash(self.database, h)
                for h in frepo.installed_hashes(self.database)]

    def offered_forms(self) -> list[Form]:
        """The forms a new review may use: installed ones (latest first), then the shipped
        ones not installed under the same id and version."""
        out = self.installed_forms()
        held = {(f.id, f.version) for f in out}
        return out + [f for f in shipped_forms_quietly() if (f.id, f.version) not in held]

    def held_forms(self) -> list[dict]:
        """Every form in the database with its use: hash, form_id, version, title, added_at,
        installed_at, installed_from, reviews, current_years (fiscal years it is current)."""
        current: dict[str, list[int]] = {}
        for fy, h in frepo.current_settings(self.database).items():
            current.setdefault(h, []).append(fy)
        return [{**row, "current_years": current.get(row["hash"], [])}
                for row in frepo.form_rows(self.database)]

    def find_held_form(self, version: str, form_id: str | None = None) -> Form:
        """A held form by version (and id, when several forms have that version)."""
        ids = {r["form_id"] for r in frepo.form_rows(self.database) if r["version"] == version
               and (form_id is None or r["form_id"] == form_id)}
        if not ids:
            pool = [f for f in shipped_forms_quietly() if f.version == version
                    and (form_id is None or f.id == form_id)]
            if len(pool) == 1:
                return pool[0]
            raise LookupError(translate(
                "forms", "版 {version} の評価票はこのデータベースにありません。forms install で"
                         "入れてください").format(version=version))
        if len(ids) > 1:
            raise LookupError(translate(
                "forms", "版 {version} の評価票が複数あります（{ids}）。--form で評価票IDを"
                         "指定してください").format(version=version, ids=", ".join(sorted(ids))))
        hashes = frepo.hashes_of_version(self.database, ids.pop(), version)
        return repo.form_by_hash(self.database, hashes[0])

    def set_current_form(self, fiscal_year: int, form: Form | None) -> None:
        """The hub's setting: `form` is the checklist of fiscal year `fiscal_year` (None:
        no setting). A review of that year on another version gets `form_warning`."""
        with self._tx():
            old = frepo.current_settings(self.database).get(fiscal_year)
            if form is None:
                frepo.clear_current(self.database, fiscal_year)
                new = None
            else:
                repo.ensure_form(self.database, form)
                frepo.set_current(self.database, fiscal_year, form.sha256, at=repo.now_iso(),
                                  by=self.actor)
                new = {"hash": form.sha256, "form": form.id, "version": form.version}
            if (new or {}).get("hash") != old:
                self._audit(None, "setting", f"current_form:{fiscal_year}", "set",
                            {"hash": old} if old else None, new)

    def current_forms(self) -> dict[int, Form]:
        """Fiscal year -> the hub's current form for it."""
        return {fy: repo.form_by_hash(self.database, h)
                for fy, h in frepo.current_settings(self.database).items()}

    def form_warning_for(self, form: Form, visit_date: date) -> str | None:
        """Why a review of `form` visited on `visit_date` is on an outdated form, or None:
        the hub set another version for that fiscal year, or (without a setting) a later
        version of the form is offered here."""
        fy = fiscal_year_of(visit_date)
        current = self.current_forms().get(fy)
        pool = self._form_pool(form)
        if current is not None:
            if (current.id, current.version) == (form.id, form.version) or not related(
                    form, current, pool):
                return None
            return translate(
                "forms", "{fy}年度の評価票は {current} と定められています（この評価は {mine}）。"
                         "下書きは「評価票の移行」（kanwa-review migrate）で移せます").format(
                fy=fy, current=current.version, mine=form.version)
        later = [f for f in self.offered_forms() if _is_later(f, form, pool)]
        if not later:
            return None
        return translate(
            "forms", "この評価票（{mine}）には新しい版 {later} があります。下書きは「評価票の移行」"
                     "（kanwa-review migrate）で移せます").format(
            mine=form.version, later="、".join(sorted({f.version for f in later})))

    def form_warning(self, uuid: str) -> str | None:
        """`form_warning_for` of a review's form and visit date (for the review screen);
        None for a finalised review, which stays on its form for ever."""
        r = self.review(uuid)
        if r.is_final:
            return None
        return self.form_warning_for(self.form_of(r), r.visit_date)


def _is_later(candidate: Form, form: Form, pool: list[Form]) -> bool:
    """Whether `candidate` revises `form` (its maps lead back to `form`'s version)."""
    if (candidate.id, candidate.version) == (form.id, form.version):
        return False
    steps = revision_path(form, candidate, pool)
    if reaches(steps) and any(s.mapped for s in steps):
        return True
    # the same checklist without a map between: versions such as 2026.2 < 2026.10
    return candidate.id == form.id and _version_key(candidate.version) > _version_key(
        form.version)


def _version_key(version: str) -> tuple:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-_ ]", version))


__all__ = ["FormDistributionOps", "InstalledForm"]
