"""Demo data as a use case: invented hospitals and reviews, never mixed with real ones. The
generator and its invented names live in services/demo_data.py, loaded only when used."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from kanwa_review.core.form import Form
from kanwa_review.services.base import ServiceBase
from kanwa_review.core.i18n import translate

if TYPE_CHECKING:
    from kanwa_review.services.demo_data import DemoStats


class DemoOps(ServiceBase):
    """Mixin of `Services`: the generator drives the public operations of the others."""

    def add_demo_data(self, form: Form, *, facilities: int = 12, years: int = 3, seed: int = 7,
                      today: date | None = None) -> DemoStats:
        """Invented hospitals and reviews (same seed, same data). Refused (ValueError) on a
        database holding real facilities: invented hospitals must never mix with real ones
        (they would appear in the prefectural return and the reports)."""
        if not 1 <= facilities <= 2000:
            raise ValueError("--facilities must be between 1 and 2000")
        if not 1 <= years <= 20:
            raise ValueError("--years must be between 1 and 20")
        real = [f.code for f in self.facilities() if not f.code.startswith("DEMO")]
        if real:
            shown = ", ".join(real[:5]) + (" …" if len(real) > 5 else "")
            raise ValueError(translate(
                "demo", "{database}: このデータベースには実際の施設（{codes}）が登録されています。デモデータは"
                        "実際の施設と混ぜずに、新しいファイルかデモ用のデータベースに作ってください"
                        "（例: --db demo.sqlite）").format(database=self.database.path,
                                                                codes=shown))
        from kanwa_review.services.demo_data import generate

        return generate(self, form, facilities=facilities, years=years, seed=seed, today=today)
