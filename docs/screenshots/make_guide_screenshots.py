"""Screenshots for the user guide (docs/guide/images) and the high-DPI check (docs/screenshots/
hidpi), from a fresh demo database, in Japanese or English.

    # the guide's pictures (offscreen, no display needed), Japanese then English
    .venv/bin/python docs/screenshots/make_guide_screenshots.py
    .venv/bin/python docs/screenshots/make_guide_screenshots.py --lang en
    # 150 % scaling on a 1366×768 laptop screen (issue 16): the same windows, maximised
    QT_SCALE_FACTOR=1.5 xvfb-run -s "-screen 0 1366x768x24" \\
        .venv/bin/python docs/screenshots/make_guide_screenshots.py --hidpi

Look at every PNG after running it: nothing may be clipped (a cut-off label, a button whose text
does not fit, a table column too narrow for its heading).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
TODAY = date(2026, 11, 25)   # fixed, so the pictures do not change with the calendar
SIZE = (1200, 760)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("ja", "en"), default="ja")
    parser.add_argument("--hidpi", action="store_true",
                        help="maximised windows on the real (xvfb) screen into docs/screenshots/hidpi")
    args = parser.parse_args()
    if not args.hidpi:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = (HERE / "hidpi") if args.hidpi else \
        (ROOT / "docs" / "guide" / ("images" if args.lang == "ja" else "en/images"))
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kanwa_review.app import install_translations
    from kanwa_review.core.form import default_form_path, load_form
    from kanwa_review.demo import generate
    from kanwa_review.services import Services
    from kanwa_review.store import open_database
    from kanwa_review.ui.fonts import install_app_font
    from kanwa_review.ui.hub.dashboard import DashboardWindow
    from kanwa_review.ui.main_window import MainWindow
    from kanwa_review.ui.review.screen import CHECKLIST_TAB, FINDINGS_TAB

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    install_app_font(app)
    install_translations(app, args.lang)
    shots: list[Path] = []

    def shoot(widget, name: str) -> None:
        app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    def place(widget) -> None:
        if args.hidpi:   # no window manager under xvfb: the screen's whole area by hand
            widget.show()
            widget.setGeometry(app.primaryScreen().availableGeometry())
        else:
            widget.resize(*SIZE)
            widget.show()
        for _ in range(5):
            app.processEvents()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite"
        db = open_database(path)
        generate(db, load_form(default_form_path()), facilities=8, years=2, seed=11,
                 today=TODAY)
        services = Services(db, actor="架空 太郎")
        window = MainWindow(services, is_demo=True,
                            settings=QSettings(str(Path(tmp) / "s.ini"), QSettings.IniFormat))
        place(window)
        drafts = [r for r in services.list_reviews() if r.status == "draft"]
        draft = max(drafts, key=lambda r: r.completeness)
        window.home.select_review(draft.uuid)
        shoot(window, "home")

        screen = window.open_review(draft.uuid)
        screen.tabs.setCurrentIndex(CHECKLIST_TAB)
        shoot(window, "checklist")
        screen.tabs.setCurrentIndex(FINDINGS_TAB)
        shoot(window, "findings")

        window.finalise_current()
        dialog = window.finalise_dialog
        shoot(dialog, "finalise")
        dialog.reject()

        window.show_about()
        shoot(window.about_dialog, "about")
        window.about_dialog.close()
        window.show_home()

        dash = DashboardWindow(path, today=TODAY, load=False)
        dash.set_data(services.dashboard(2026, today=TODAY))
        place(dash)
        shoot(dash, "dashboard")
        dash.close()
        window.close()
        db.close()
    print("\n".join(str(p) for p in shots))
    return 0


if __name__ == "__main__":
    sys.exit(main())
