"""Regenerate the screenshots in this folder from a fresh demo database (offscreen, no display).

    .venv/bin/python docs/screenshots/make_screenshots.py

Look at every PNG after running it: the README shows them.
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

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SIZE = (1366, 768)   # a 1366×768 laptop screen, the window maximised (issue 15)


def settle() -> None:
    """Let deferred layouts finish (wrapped labels re-measure after the first paint), as they
    have by the time a person looks."""
    from PySide6.QtTest import QTest
    QTest.qWait(300)


def dark_palette() -> QPalette:
    """A dark palette like an OS dark mode hands to Qt (to check nothing is hard-coded white)."""
    p = QPalette()
    for role, colour in ((QPalette.Window, "#2b2b2b"), (QPalette.WindowText, "#e6e6e6"),
                         (QPalette.Base, "#1f1f1f"), (QPalette.AlternateBase, "#2a2a2a"),
                         (QPalette.Text, "#e6e6e6"), (QPalette.Button, "#353535"),
                         (QPalette.ButtonText, "#e6e6e6"), (QPalette.Highlight, "#3d6fb4"),
                         (QPalette.HighlightedText, "#ffffff"), (QPalette.ToolTipBase, "#353535"),
                         (QPalette.ToolTipText, "#e6e6e6"), (QPalette.PlaceholderText, "#8a8a8a")):
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#777777"))
    p.setColor(QPalette.Disabled, QPalette.Text, QColor("#777777"))
    return p


def show_a_point_to_improve(screen) -> None:
    """On the findings tab, select the point to improve with the most improvement actions (the
    first one when none has any), so the picture shows the text, its items and its plan."""
    panel = getattr(screen, "findings_panel", None)
    if panel is None or not hasattr(panel, "select_finding"):
        return
    points = panel.findings("improve")
    if points:
        best = max(points, key=lambda f: (panel.action_count(f.id), -f.position))
        panel.select_finding(best.id)


def main() -> int:
    from kanwa_review.core.form import default_form_path, load_form
    from kanwa_review.demo import generate
    from kanwa_review.services import Services
    from kanwa_review.store import open_database
    from kanwa_review.app import install_translations
    from kanwa_review.ui.fonts import install_app_font
    from kanwa_review.ui.main_window import MainWindow
    from kanwa_review.ui.review.screen import AUDIT_TAB, CHECKLIST_TAB, FINDINGS_TAB

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    install_app_font(app)
    install_translations(app, "ja")   # as the app on a Japanese machine: Qt's buttons too
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        generate(db, load_form(default_form_path()), facilities=8, years=2, seed=11,
                 today=date(2026, 11, 1))
        services = Services(db, actor="架空 太郎")
        window = MainWindow(services, is_demo=True,
                            settings=QSettings(str(Path(tmp) / "s.ini"), QSettings.IniFormat))
        window.resize(*SIZE)
        window.show()
        drafts = [r for r in services.list_reviews() if r.status == "draft"]
        draft = max(drafts, key=lambda r: r.completeness)
        window.home.select_review(draft.uuid)
        settle()
        window.grab().save(str(HERE / "home.png"))

        screen = window.open_review(draft.uuid)
        checklist = getattr(screen, "checklist_screen", None)
        if checklist is not None:  # show a C/D item: its mark, comment and previous rating
            from kanwa_review.core.form import item_sort_key
            low = sorted((c for c, a in services.answers(draft.uuid).items()
                          if a.rating in ("C", "D")), key=item_sort_key)
            if low:
                checklist.focus_item(low[0])
        for tab, name in ((CHECKLIST_TAB, "review-checklist"), (FINDINGS_TAB, "review-findings"),
                          (AUDIT_TAB, "review-audit")):
            screen.tabs.setCurrentIndex(tab)
            if tab == FINDINGS_TAB:
                show_a_point_to_improve(screen)
            settle()
            window.grab().save(str(HERE / f"{name}.png"))

        window.finalise_current()
        dialog = window.finalise_dialog
        settle()
        dialog.grab().save(str(HERE / "finalise.png"))
        dialog.reject()

        window.show_home()
        app.setPalette(dark_palette())
        settle()
        window.grab().save(str(HERE / "home-dark.png"))
        window.close()
        db.close()
    print("\n".join(sorted(str(p) for p in HERE.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
