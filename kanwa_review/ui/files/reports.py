"""Menu actions for PDF feedback reports: レビュー ▸ 報告書PDFを作成… / 印刷プレビュー・印刷…, and
集計 ▸ 全施設の報告書…. Reports are built on the worker through ui/operations (read-only
Services of its own on the window's database).

Print preview and printing render the PDF's pages with pypdfium2 (PDFium, about 9 MB installed)
into QPrintPreviewDialog/QPrinter: Qt's own renderer (QtPdf) only ships in PySide6-Addons, a wheel
of well over 100 MB. Without pypdfium2 the PDF opens in the system viewer, which prints it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kanwa_review.ui.actions import command
from kanwa_review.ui.geometry import fit_window
from kanwa_review.ui.operations import run_query
from kanwa_review.ui.settings import open_settings, remember_folder, start_path

OPEN_AFTER_KEY = "reports/open_after_saving"


def single_work(uuid: str, out: Path):
    def work(services, progress):
        progress(0, 1, QCoreApplication.translate("Reports", "報告書を作成しています…"))
        return services.write_report(uuid, out)
    return work


def batch_work(out: Path):
    def work(services, progress):
        return services.write_all_reports(out, progress=progress).path
    return work


def can_render_pdf() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def print_pdf(printer, path: Path, *, max_dpi: int = 200) -> int:
    """Paint every page of `path` onto `printer` (a QPrinter or the preview's), keeping the
    page's proportions; returns the number of pages. Pages are rasterised at the printer's
    resolution up to `max_dpi`, enough for text on paper and quick in a preview."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    painter = QPainter()
    if not painter.begin(printer):
        pdf.close()
        raise OSError(f"{path}: the printer could not be opened")
    try:
        dpi = min(printer.resolution(), max_dpi)
        for n in range(len(pdf)):
            if n:
                printer.newPage()
            page = pdf[n]
            pil = page.render(scale=dpi / 72).to_pil().convert("RGB")
            page.close()
            data = pil.tobytes()
            image = QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format_RGB888)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
        return len(pdf)
    finally:
        painter.end()
        pdf.close()


def preview_pdf(window, path: Path) -> None:
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.A4))  # the report's own paper size
    printer.setDocName(path.stem)
    dialog = QPrintPreviewDialog(printer, window)
    dialog.setWindowTitle(QCoreApplication.translate(
        "Reports", "印刷プレビュー — {file}").format(file=path.name))
    dialog.paintRequested.connect(lambda p: print_pdf(p, path))
    fit_window(dialog, QSize(900, 1000))
    dialog.exec()


def _open(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _suggested_name(window, uuid: str) -> str:
    try:
        return window.services.report_file_name(window.services.review(uuid))
    except LookupError:
        return QCoreApplication.translate("Reports", "評価報告書.pdf")


def _ask_path(window, title: str, name: str, folder_key: str) -> tuple[Path | None, bool]:
    """Where to save the PDF, in the platform's own save dialog (it speaks the user's language;
    Qt's own, where the platform has none, speaks it through qtbase_<lang>.qm), opened in the
    folder this dialog used last (`folder_key`); and whether to open it afterwards (the
    checkable 保存したPDFを開く action beside the report actions)."""
    chosen, _ = QFileDialog.getSaveFileName(
        window, title, start_path(folder_key, name),
        QCoreApplication.translate("Reports", "PDF ファイル (*.pdf)"))
    if not chosen:
        return None, False
    out = Path(chosen)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    remember_folder(folder_key, out)
    action = getattr(window, "report_open_after_action", None)
    return out, action is None or action.isChecked()


def install(window) -> None:
    def current() -> str | None:
        uuid = window.current_review_uuid()
        if not uuid:
            QMessageBox.information(window, QCoreApplication.translate("Reports", "報告書"),
                                    QCoreApplication.translate("Reports", "評価を選択してください。"))
        return uuid

    def save_report() -> None:
        uuid = current()
        if not uuid:
            return
        out, open_after = _ask_path(window, QCoreApplication.translate("Reports", "報告書PDFを作成"),
                                    _suggested_name(window, uuid), "report_pdf")
        if out is None:
            return

        def done(path):
            window.show_status(QCoreApplication.translate(
                "Reports", "報告書を保存しました: {file}").format(file=path))
            if open_after:
                _open(path)
        run_query(window, QCoreApplication.translate("Reports", "報告書を作成しています…"), window.db_path,
                  single_work(uuid, out),
                  on_success=done)

    def preview() -> None:
        uuid = current()
        if not uuid:
            return
        out = Path(tempfile.mkdtemp(prefix="kanwa-report-")) / _suggested_name(window, uuid)

        def done(path):
            if can_render_pdf():
                preview_pdf(window, Path(path))
            else:
                window.show_status(QCoreApplication.translate("Reports", "PDFビューアで印刷プレビュー・印刷ができます"))
                _open(path)
        run_query(window, QCoreApplication.translate("Reports", "印刷用の報告書を作成しています…"), window.db_path,
                  single_work(uuid, out), on_success=done)

    def save_all() -> None:
        out, open_after = _ask_path(window, QCoreApplication.translate("Reports", "全施設の報告書"),
                                    window.services.report_file_name(), "all_reports")
        if out is None:
            return

        def done(path):
            window.show_status(QCoreApplication.translate(
                "Reports", "全施設の報告書を保存しました: {file}").format(
                file=path))
            if open_after:
                _open(path)
        run_query(window, QCoreApplication.translate("Reports", "全施設の報告書を作成しています…"), window.db_path,
                  batch_work(out),
                  on_success=done,
                  on_cancel=lambda: window.show_status(
                      QCoreApplication.translate("Reports", "全施設の報告書の作成を取り消しました")))

    for menu, command_id, slot in ((window.review_menu, "report_pdf", save_report),
                                   (window.review_menu, "print_preview", preview),
                                   (window.hub_menu, "all_reports", save_all)):
        action = command(window, command_id, slot)
        menu.addAction(action)
        setattr(window, "report_action_" + slot.__name__, action)
    # the choice the save dialog held while it was Qt's own (the native one holds no check box)
    open_after = command(window, "open_pdf_after")
    open_after.setCheckable(True)
    open_after.setChecked(open_settings().value(OPEN_AFTER_KEY, True, bool))
    open_after.toggled.connect(lambda on: open_settings().setValue(OPEN_AFTER_KEY, on))
    window.review_menu.addAction(open_after)
    window.report_open_after_action = open_after
