"""Regenerate dashboard.png and facility-history.png (1366×768) from a fresh demo database,
offscreen, without a display:

    .venv/bin/python docs/screenshots/make_pdca_screenshots.py [--dark]

`--dark` writes *-dark.png with a dark palette instead. Look at the PNGs after running it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SIZE = (1366, 768)   # a 1366×768 laptop screen (issue 15)
TODAY = date(2026, 11, 25)   # fixed, so the pictures do not change with the calendar


def dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in ((QPalette.Window, "#2b2b2b"), (QPalette.WindowText, "#e6e6e6"),
                         (QPalette.Base, "#1f1f1f"), (QPalette.AlternateBase, "#2a2a2a"),
                         (QPalette.Text, "#e6e6e6"), (QPalette.Button, "#353535"),
                         (QPalette.ButtonText, "#e6e6e6"), (QPalette.Mid, "#555555")):
        p.setColor(role, QColor(colour))
    return p


def main() -> None:
    from kanwa_review.core.form import default_form_path, load_form
    from kanwa_review.demo import generate
    from kanwa_review.services import Services
    from kanwa_review.store import open_database
    from kanwa_review.app import install_translations
    from kanwa_review.ui.fonts import install_app_font
    from kanwa_review.ui.hub.dashboard import DashboardWindow
    from kanwa_review.ui.hub.facility_history import FacilityHistoryWindow

    dark = "--dark" in sys.argv
    app = QApplication(sys.argv[:1])
    install_app_font(app)
    install_translations(app, "ja")   # as the app on a Japanese machine: Qt's buttons too
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    suffix = "-dark" if dark else ""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite"
        db = open_database(path)
        generate(db, load_form(default_form_path()), facilities=12, years=3, seed=7,
                 today=TODAY)
        services = Services(db)
        dash = DashboardWindow(path, today=TODAY, load=False)
        dash.set_data(services.dashboard(2026, today=TODAY))
        dash.resize(*SIZE)
        dash.show()
        app.processEvents()
        dash.grab().save(str(HERE / f"dashboard{suffix}.png"))
        history = FacilityHistoryWindow(path, "DEMO003", today=TODAY, load=False)
        history.set_overview(services.facility_overview("DEMO003", today=TODAY))
        history.resize(*SIZE)
        history.show()
        app.processEvents()
        history.grab().save(str(HERE / f"facility-history{suffix}.png"))
        db.close()


if __name__ == "__main__":
    main()
