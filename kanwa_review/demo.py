"""Invented demo data for the app's first run, tests and benchmarks: `generate` fills an open
database through `Services.add_demo_data` (the generator itself is services/demo.py)."""

from __future__ import annotations

from datetime import date

from kanwa_review.core.form import Form
from kanwa_review.services import Services
from kanwa_review.services.demo_data import DemoStats


def generate(database, form: Form, *, facilities: int = 12, years: int = 3, seed: int = 7,
             today: date | None = None) -> DemoStats:
    """Add invented hospitals and reviews to an open database (actor "demo")."""
    return Services(database, actor="demo").add_demo_data(
        form, facilities=facilities, years=years, seed=seed, today=today)


__all__ = ["generate", "DemoStats"]
