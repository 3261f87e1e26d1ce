"""Report menu actions: installed in the window's menus; the worker writes a PDF off the UI."""

from __future__ import annotations

from pathlib import Path

from kanwa_review.ui.files.reports import batch_work, install, single_work
from kanwa_review.ui.operations import perform


class _Menu:
    def __init__(self):
        self.actions = []

    def addAction(self, a):
        self.actions.append(a)


def test_install_adds_actions(qtbot):
    from PySide6.QtWidgets import QMainWindow

    w = QMainWindow()
    qtbot.addWidget(w)
    w.review_menu, w.hub_menu = _Menu(), _Menu()
    install(w)
    assert [a.text() for a in w.review_menu.actions] == ["報告書PDFを作成(&P)…",
                                                         "印刷プレビュー・印刷(&V)…",
                                                         "保存したPDFを開く(&F)"]
    assert [a.text() for a in w.hub_menu.actions] == ["全施設の報告書(&A)…"]
    assert w.report_open_after_action.isCheckable() and w.report_open_after_action.isChecked()


def test_the_pdf_is_saved_through_the_platforms_own_dialog(qtbot, monkeypatch):
    """No Qt-drawn (English) dialog: the static QFileDialog function, native where the platform
    has one; the choice to open the PDF afterwards is a checkable action, kept in the settings."""
    from PySide6.QtWidgets import QFileDialog, QMainWindow

    from kanwa_review.ui.files import reports

    asked = []

    def save(parent, title, start, filters):
        asked.append((title, Path(start).name, filters))
        return "/somewhere/報告書", filters
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    w = QMainWindow()
    qtbot.addWidget(w)
    w.review_menu, w.hub_menu = _Menu(), _Menu()
    install(w)
    assert reports._ask_path(w, "報告書PDFを作成", "A.pdf", "report_pdf") == (
        Path("/somewhere/報告書.pdf"), True)
    assert asked == [("報告書PDFを作成", "A.pdf", "PDF ファイル (*.pdf)")]
    w.report_open_after_action.setChecked(False)
    assert reports._ask_path(w, "t", "A.pdf", "report_pdf")[1] is False
    w2 = QMainWindow()
    qtbot.addWidget(w2)
    w2.review_menu, w2.hub_menu = _Menu(), _Menu()
    install(w2)
    assert not w2.report_open_after_action.isChecked()      # remembered
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert reports._ask_path(w, "t", "A.pdf", "report_pdf") == (None, False)


def test_workers_write_pdfs(final_review, db_path, tmp_path, services):
    out = perform(db_path, single_work(final_review.uuid, tmp_path / "one.pdf"), lambda *a: True)
    assert Path(out).read_bytes()[:5] == b"%PDF-"
    from kanwa_review.core.jobs import Cancelled
    try:
        perform(db_path, batch_work(tmp_path / "all.pdf"), lambda *a: False)
    except Cancelled:
        cancelled = True
    else:
        cancelled = False
    assert cancelled and not (tmp_path / "all.pdf").exists()
    path = perform(db_path, batch_work(tmp_path / "all.pdf"), lambda *a: True)
    assert Path(path).stat().st_size > 1000


def test_print_pdf_paints_every_page(final_review, db_path, tmp_path, services, qtbot):
    import pytest
    from PySide6.QtPrintSupport import QPrinter

    from kanwa_review.ui.files.reports import can_render_pdf, print_pdf
    if not can_render_pdf():
        pytest.skip("pypdfium2 not installed: printing uses the system viewer")
    pdf = Path(perform(db_path, single_work(final_review.uuid, tmp_path / "p.pdf"),
                       lambda *a: True))
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = print_pdf(printer, pdf, max_dpi=60)
    from pypdf import PdfReader
    assert pages == len(PdfReader(str(pdf)).pages)
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == pages
