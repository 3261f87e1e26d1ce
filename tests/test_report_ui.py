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
                                                         "印刷プレビュー・印刷(&V)…"]
    assert [a.text() for a in w.hub_menu.actions] == ["全施設の報告書(&A)…"]


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
