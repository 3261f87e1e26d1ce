"""Foundation figures: form load, answer commit latency, demo generation (issue 2)."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from kanwa_review.core.form import default_form_path, load_form
from kanwa_review.core.review import TeamMember
from kanwa_review.demo import generate
from kanwa_review.services import Services
from kanwa_review.store import open_database


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def run(quick: bool = False):
    runs = 5 if quick else 30
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        form = load_form(default_form_path())
        times.append((time.perf_counter() - t) * 1000)
    yield {"name": "form_load_ms", "value": round(statistics.median(times), 2), "unit": "ms",
           "items": form.item_count, "note": "YAML parse + validation + cross-checks, median"}

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.sqlite")
        svc = Services(db, actor="bench")
        svc.create_facility("B001", "架空ベンチ病院")
        review = svc.start_review("B001", form, date(2025, 10, 1),
                                  [TeamMember("評価 太郎", "leader", "physician")])
        rated = [i.code for i in form.items() if i.type == "rating"]
        rnd = random.Random(1)
        edits = 200 if quick else 2000
        lat = []
        for n in range(edits):
            code = rated[n % len(rated)]
            t = time.perf_counter()
            svc.set_answer(review.uuid, code, rating=rnd.choice("ABCD"))
            lat.append((time.perf_counter() - t) * 1000)
        db.close()
    yield {"name": "answer_commit_p50_ms", "value": round(_pct(lat, 50), 3), "unit": "ms",
           "edits": edits, "note": "services.set_answer incl. validation, audit, fsync (FULL)"}
    yield {"name": "answer_commit_p99_ms", "value": round(_pct(lat, 99), 3), "unit": "ms",
           "target": 2.0, "edits": edits}

    facilities = 20 if quick else 200
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        t = time.perf_counter()
        stats = generate(db, form, facilities=facilities, years=3)
        elapsed = time.perf_counter() - t
        db.close()
    yield {"name": "demo_generation_s", "value": round(elapsed, 2), "unit": "s",
           "facilities": facilities, "reviews": stats.reviews, "answers": stats.answers}
