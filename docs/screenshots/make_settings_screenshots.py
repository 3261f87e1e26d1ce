"""Regenerate the pictures of the screens of issues 13, 14 and 17 — the checklist's grade
definitions, live warnings and 「未集計」, the findings tab's overview page, the user, report, key and trust dialogs, signatures in the import results, the form files
and the migration page — from a fresh demo database:

    xvfb-run -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \
        .venv/bin/python docs/screenshots/make_settings_screenshots.py

(offscreen works too). The app-data folder and the settings are a temporary folder's, never the
machine's. Look at every PNG after running it: the README shows them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

TMP = Path(tempfile.mkdtemp(prefix="kanwa-shots-"))
os.environ["KANWA_REVIEW_HOME"] = str(TMP / "home")       # profile, export keys: not the real
os.environ["XDG_CONFIG_HOME"] = str(TMP / "config")        # QSettings: not the real ones
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PySide6.QtCore import QDate, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

PASS = "correct horse battery"


def shot(app, widget, name: str) -> None:
    widget.show()
    for _ in range(3):
        app.processEvents()
    widget.grab().save(str(HERE / f"{name}.png"))
    print(HERE / f"{name}.png")


def main() -> int:
    from kanwa_review.app import install_translations
    from kanwa_review.core.form import default_form_path, load_form
    from kanwa_review.demo import generate
    from kanwa_review.services import Services
    from kanwa_review.store import open_database
    from kanwa_review.ui.dialogs.finalise import FinaliseDialog
    from kanwa_review.ui.dialogs.profile import ProfileDialog
    from kanwa_review.ui.dialogs.report_settings import ReportSettingsDialog
    from kanwa_review.ui.dialogs.review import NewReviewDialog
    from kanwa_review.ui.files.key_files import ExportKeysDialog, KeyMadeDialog, NewKeyDialog
    from kanwa_review.ui.files.migration import MigrateDialog, MigrationResultsDialog, rows_of
    from kanwa_review.ui.files.problems_view import ProblemsDialog
    from kanwa_review.ui.files.request_letter import RequestLetterDialog
    from kanwa_review.ui.files.results_view import ImportResultsDialog
    from kanwa_review.ui.files.signing import PassphraseDialog
    from kanwa_review.ui.fonts import install_app_font
    from kanwa_review.ui.hub.current_forms import CurrentFormsDialog
    from kanwa_review.ui.hub.trust import TrustConfirmDialog, TrustListDialog
    from kanwa_review.ui.main_window import MainWindow
    from kanwa_review.ui.review.screen import FINDINGS_TAB
    from tests.revision_support import revised_yaml

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    install_app_font(app)
    install_translations(app, "ja")
    form = load_form(default_form_path())
    db = open_database(TMP / "demo.sqlite")
    generate(db, form, facilities=8, years=2, seed=11, today=date(2026, 11, 1))
    services = Services(db, actor="架空 太郎")
    drafts = [r for r in services.list_reviews() if r.status == "draft"]
    draft = services.review(max(drafts, key=lambda r: r.completeness).uuid)

    # --- issue 14: the findings tab, its overview page, finalise -----------------------------
    window = MainWindow(services, is_demo=True,
                        settings=QSettings(str(TMP / "s.ini"), QSettings.IniFormat))
    window.resize(1366, 768)
    # a contradiction for the live warnings: C-3 兼任 with C-2 rated A
    services.set_answer(draft.uuid, "C-3", value="concurrent")
    services.set_answer(draft.uuid, "C-2", rating="A")
    screen = window.open_review(draft.uuid)
    checklist = screen.checklist_screen
    checklist.splitter.setSizes([170, 430, 680])
    checklist.focus_item("C-2")
    shot(app, window, "checklist-grades-warnings")
    services.set_answer(draft.uuid, "B-9", value={"not_collected": True}, period=None)
    checklist.reload()
    checklist.focus_item("B-9")
    shot(app, window, "checklist-not-collected")
    services.set_overall_comment(draft.uuid, (
        "緩和ケアチームと病棟の連携は密で、依頼から介入までが迅速である。一方、外来での苦痛の"
        "スクリーニングは集計の仕組みが整っておらず、実施率を把握できていない。"))
    services.set_visit_overview(
        draft.uuid, schedule="2026年10月6日 13:00〜17:00（書面確認・面談・病棟見学）",
        interviewees="緩和ケアチーム（医師2名・看護師1名・薬剤師1名）、看護部長、がん相談支援センター",
        documents="委員会規程・議事録、スクリーニング集計表、研修受講者名簿",
        departments="緩和ケア外来、外科病棟、がん相談支援センター")
    services.set_plan_dates(draft.uuid, plan_due=date(2027, 1, 31), follow_up=date(2027, 10, 1))
    screen.reload()
    screen.tabs.setCurrentIndex(FINDINGS_TAB)
    shot(app, window, "review-findings-overall")
    panel = screen.findings_panel
    panel.right_tabs.setCurrentWidget(panel.review_fields.overview_page)
    shot(app, window, "review-overview")
    dialog = FinaliseDialog(services, services.load(draft.uuid), window)
    shot(app, dialog, "finalise-warnings")
    dialog.reject()
    window.close()

    # --- issue 13: the person, keys, trust --------------------------------------------------
    services.set_profile("架空 花子", "nurse", "架空県立がんセンター")
    shot(app, ProfileDialog(services), "profile")
    services.set_report_settings(issuer="架空県がん診療連携協議会 緩和ケア部会")
    shot(app, ReportSettingsDialog(services), "report-settings")
    keys = TMP / "keys"
    keys.mkdir()
    new_key = NewKeyDialog(services, db_path=services.db_path)
    new_key.name.setText("kaku-hanako")
    new_key.folder.setText(str(keys))
    new_key.passphrase.setText(PASS)
    new_key.again.setText(PASS)
    shot(app, new_key, "new-key")
    leader = Services.create_key_files("kaku-hanako", keys, PASS)
    hub = Services.create_key_files("hub", keys, PASS)
    other = Services.create_key_files("kaku-jiro", keys, PASS)
    shot(app, KeyMadeDialog(leader), "key-made")
    services.set_export_key_paths(leader.private_path, hub.public_path)
    shot(app, ExportKeysDialog(services), "export-keys")
    asking = PassphraseDialog(leader.private_path, "提出ファイルに署名するため、あなたの秘密鍵を開きます。")
    asking.passphrase.setText("wrong passphrase")
    asking.accept()
    shot(app, asking, "passphrase")

    hub_db = Services.open(TMP / "hub.sqlite", create=True, actor="拠点 事務局")
    hub_db.trust_key(Services.read_public_key(leader.public_path))
    entry = hub_db.trust_key(Services.read_public_key(other.public_path))
    hub_db.revoke_key(entry.fingerprint)
    shot(app, TrustListDialog(hub_db), "trust-list")
    shot(app, TrustConfirmDialog(hub_db, Services.read_public_key(hub.public_path)),
         "trust-confirm")
    finals = [r for r in services.list_reviews() if r.status == "final"][:3]
    key = services.load_private_key(leader.private_path, PASS)
    box = Services.read_public_key(hub.public_path)
    files = []
    for n, r in enumerate(finals):
        out = TMP / f"{r.facility_code}_{n}.kanwa"
        services.export_package(r.uuid, out, signing_key=key if n != 1 else None,
                                encrypt_to=box)
        files.append(out)
    results = hub_db.import_packages(
        files, key=Services.load_private_key(hub.private_path, PASS))
    shot(app, ImportResultsDialog(results), "import-signatures")

    # --- issue 17: forms --------------------------------------------------------------------
    revised = TMP / "revised.yaml"
    revised.write_text(revised_yaml(form), encoding="utf-8")
    services.install_form(revised)
    services.set_current_form(2026, form)
    start = NewReviewDialog(services, forms=[form])
    start.set_visit_date(date(2026, 12, 1))
    shot(app, start, "new-review-form-warning")
    shot(app, CurrentFormsDialog(services, today=date(2026, 11, 1)), "current-forms")
    xlsx = TMP / "form.xlsx"
    services.write_form_workbook(form, xlsx)
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    wb["項目"]["B2"] = "評定"
    wb["項目"]["A5"] = wb["項目"]["A4"].value
    wb.save(xlsx)
    try:
        services.read_form_workbook(xlsx)
        problems = []
    except ValueError as exc:
        problems = [str(p) for p in getattr(exc, "problems", [exc])]
    shot(app, ProblemsDialog("Excelから評価票を作成", f"{xlsx.name}: {len(problems)} 件の問題があります。"
                             "何も書き出していません。示されたセル（行）を直して保存し、もう一度実行してください。",
                             problems), "form-problems")
    shot(app, MigrateDialog(services, draft.uuid), "migrate")
    moved = services.migrate_drafts(load_form(revised))
    shot(app, MigrationResultsDialog(rows_of(moved)), "migration-results")
    r = next(r for r in services.list_reviews() if r.status == "draft")
    letter = RequestLetterDialog(services.request_letter(r.uuid), lambda due: None)
    letter.due.set_value(date(2026, 11, 20))
    shot(app, letter, "request-letter")
    hub_db.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
