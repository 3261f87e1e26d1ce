"""Demo data as a use case: invented hospitals and reviews, never mixed with real ones. The
generator and its invented names live in services/demo_data.py, loaded only when used."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kanwa_review.core.form import Form
from kanwa_review.core.i18n import translate
from kanwa_review.services.base import DEMO_PREFIX, ServiceBase
from kanwa_review.store import repository as repo

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
        real = [f.code for f in self.facilities() if not f.code.startswith(DEMO_PREFIX)]
        if real:
            shown = ", ".join(real[:5]) + (" …" if len(real) > 5 else "")
            raise ValueError(translate(
                "demo", "{database}: このデータベースには実際の施設（{codes}）が登録されています。デモデータは"
                        "実際の施設と混ぜずに、新しいファイルかデモ用のデータベースに作ってください"
                        "（例: --db demo.sqlite）").format(database=self.database.path,
                                                                codes=shown))
        from kanwa_review.services.demo_data import generate

        with self._tx():   # the file says it is a demo: real facilities are refused in it
            repo.set_database_mark(self.database, "demo")
        return generate(self, form, facilities=facilities, years=years, seed=seed, today=today)


def create_demo_file(path: str | Path, *, facilities: int = 12, years: int = 3) -> bool:
    """Make the demo database at `path` when there is none yet (about a second); True when
    made. The app's first look at the demo and ファイル ▸ デモを見る use it."""
    from kanwa_review.core.form import default_form_path, load_form
    from kanwa_review.services import Services

    path = Path(path)
    if path.is_file():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    with Services.open(path, create=True, actor="demo") as services:
        services.add_demo_data(load_form(default_form_path()), facilities=facilities,
                               years=years)
    return True
