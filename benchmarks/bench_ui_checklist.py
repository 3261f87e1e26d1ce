"""Checklist screen figures (issue 3): opening a review to a usable screen (the screen alone,
and the first review opened in a fresh app), a rating keystroke to a committed row, and a
500-item synthetic form.

Offscreen Qt, a demo database of the real form on disk (WAL, as the app uses it). "Usable"
means the screen is built, shown and the first event-loop turn (layout and paint) is done.
A keystroke is timed from the key event to the end of the event-loop turn that repaints the
row: the services commit (one transaction with its audit entry), the table row, the editor,
the section's progress and the undo command.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def _synthetic_form(items: int = 500):
    import yaml

    from kanwa_review.core.form import parse_form

    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    per_section = 20
    sections = []
    for s in range((items + per_section - 1) // per_section):
        code = letters[s // 26] + letters[s % 26]
        rows = []
        for i in range(per_section):
            n = s * per_section + i
            if n >= items:
                break
            item = {"code": f"{code}-{i + 1}", "text": {"ja": f"架空の評価項目 {n + 1}（体制の確認）",
                                                        "en": f"Synthetic item {n + 1}"},
                    "guidance": {"ja": "規程と記録を確認する。"}, "traces_to": ["synthetic"],
                    "required": i % 3 == 0}
            if i % 5 == 4:
                item.update(type="integer", unit={"ja": "件", "en": "cases"}, min=0)
            else:
                item.update(type="rating", scale="abcd")
            rows.append(item)
        sections.append({"code": code, "title": {"ja": f"大項目 {code}", "en": f"Section {code}"},
                         "items": rows})
    options = [{"code": c, "label": {"ja": j, "en": e}, "points": p} for c, j, e, p in (
        ("A", "十分", "Fully", 3), ("B", "概ね", "Mostly", 2), ("C", "一部", "Partly", 1),
        ("D", "なし", "Not", 0), ("NA", "該当なし", "N/A", None))]
    data = {"format": "kanwa-form/1", "id": "synthetic-500", "version": "1",
            "title": {"ja": "合成評価票", "en": "Synthetic form"},
            "scales": [{"id": "abcd", "options": options, "comment_required": ["C", "D"]}],
            "sections": sections}
    return parse_form(yaml.safe_dump(data, allow_unicode=True), "<synthetic>")


_FIRST_OPEN = r"""
import json, sys, time
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from kanwa_review.services import Services
from kanwa_review.store import open_database
from kanwa_review.ui.main_window import MainWindow
services = Services(open_database(sys.argv[1]))
window = MainWindow(services, settings=QSettings(sys.argv[3], QSettings.IniFormat))
window.resize(1280, 800)
window.show()
app.processEvents()
t = time.perf_counter()
window.open_review(sys.argv[2])
app.processEvents()
print(json.dumps({"ms": (time.perf_counter() - t) * 1000}))
"""


def _first_open_ms(db: Path, uuid: str, tmp: Path) -> float:
    """The first review opened in a fresh app process: includes importing the review page,
    checklist, findings and audit modules (the main window imports them on first use)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KANWA_REVIEW_HOME=str(tmp),
               XDG_CONFIG_HOME=str(tmp / "config"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)   # from bytecode, as an installed app starts
    out = subprocess.run([sys.executable, "-c", _FIRST_OPEN, str(db), uuid,
                          str(tmp / "bench.ini")], capture_output=True, text=True, env=env,
                         timeout=120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])["ms"]


def _open_ms(app, services, uuid) -> tuple[float, object]:
    from kanwa_review.ui.checklist.screen import ChecklistScreen

    t = time.perf_counter()
    screen = ChecklistScreen(services, uuid)
    screen.resize(1280, 720)
    screen.show()
    app.processEvents()
    return (time.perf_counter() - t) * 1000, screen


def run(quick: bool = False):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kanwa_review.core.form import default_form_path, load_form
    from kanwa_review.core.review import TeamMember
    from kanwa_review.demo import generate
    from kanwa_review.services import Services
    from kanwa_review.store import open_database
    # imported here so that its import cost is not timed
    from kanwa_review.ui.checklist.screen import ChecklistScreen  # noqa: F401

    from kanwa_review.ui import gc_guard

    app = QApplication.instance() or QApplication([])
    gc_guard.install(app)   # as the app does: cycles are collected between events
    runs = 5 if quick else 15
    keys = 100 if quick else 300
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        try:
            form = load_form(default_form_path())
            generate(db, form, facilities=4, years=2, seed=7, today=date(2026, 11, 1))
            services = Services(db, actor="ベンチ")
            summary = max((r for r in services.list_reviews() if r.status == "draft"),
                          key=lambda r: r.completeness)
            uuid = summary.uuid
            times = []
            for _ in range(runs):
                ms, screen = _open_ms(app, services, uuid)
                times.append(ms)
                screen.close()
                screen.deleteLater()
                app.processEvents()
            yield {"name": "checklist_open_ms", "value": round(statistics.median(times), 1),
                   "unit": "ms", "target": 150, "max": round(max(times), 1), "runs": runs,
                   "items": form.item_count,
                   "note": "real form, follow-up draft with previous answers; build+show+paint"}

            firsts = [_first_open_ms(Path(tmp) / "demo.sqlite", uuid, Path(tmp))
                      for _ in range(3 if quick else 7)]
            yield {"name": "first_review_open_in_app_ms",
                   "value": round(statistics.median(firsts), 1), "unit": "ms", "target": 150,
                   "max": round(max(firsts), 1), "runs": len(firsts),
                   "note": "fresh process, main window shown, then open_review + first paint: "
                           "header, checklist, findings and audit tabs, incl. their imports"}

            _ms, screen = _open_ms(app, services, uuid)
            ratings = [code for code in screen.model.row_of
                       if form.item(code).type == "rating" and code in screen.relevant]
            lat = []
            for n in range(keys):
                code = ratings[n % len(ratings)]
                screen.focus_item(code)
                # the move to the item settles (layout, paint, deferred deletions, the text
                # boxes' delayed relayout) in a running event loop before the key, as between a
                # reviewer's keystrokes (~50 ms is a very fast typist; a move takes ~20-40 ms
                # to settle completely)
                QTest.qWait(50)
                current = screen.answers.get(code)
                digits = [d for d, c in zip("1234", "ABCD")
                          if current is None or current.rating != c]
                key = getattr(Qt, f"Key_{digits[n % len(digits)]}")  # always a real change
                t = time.perf_counter()
                QApplication.sendEvent(screen.list, QKeyEvent(QKeyEvent.KeyPress, key,
                                                              Qt.NoModifier, chr(key)))
                app.processEvents()
                lat.append((time.perf_counter() - t) * 1000)
            lat.sort()
            p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
            yield {"name": "rating_keystroke_p99_ms", "value": round(p99, 2), "unit": "ms",
                   "target": 5, "median": round(statistics.median(lat), 2),
                   "max": round(lat[-1], 2), "keys": keys,
                   "note": "key event -> services commit + audit -> row, editor, progress, "
                           "undo command -> repaint"}
            screen.close()
            screen.deleteLater()
            app.processEvents()

            big = _synthetic_form(500)
            services.create_facility("DEMO-BENCH1", "架空県 合成病院", "架空県")
            r = services.start_review("DEMO-BENCH1", big, date(2026, 10, 1),
                                      [TeamMember("架空 一郎", "leader", "physician")])
            times = []
            for _ in range(max(3, runs // 3)):
                ms, screen = _open_ms(app, services, r.uuid)
                times.append(ms)
                screen.close()
                screen.deleteLater()
                app.processEvents()
            yield {"name": "checklist_open_500_items_ms",
                   "value": round(statistics.median(times), 1), "unit": "ms", "target": 500,
                   "max": round(max(times), 1), "items": big.item_count}
        finally:
            db.close()


if __name__ == "__main__":
    for figure in run(quick=True):
        print(figure)
