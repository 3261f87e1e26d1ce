"""ヘルプ ▸ 使い方ガイド (the bundled guide in the browser, in the reader's language) and
ヘルプ ▸ キー操作の早見表 (PDF) (one A4 page to print); installed by the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from kanwa_review.services import Services
from kanwa_review.ui.actions import command
from kanwa_review.ui.errors import warn
from kanwa_review.ui.operations import run_query


def open_file(path: Path) -> bool:
    """Open a file in the system's program for it (a browser for the guide, a PDF viewer)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_guide(window) -> Path | None:
    """The guide's start page in the language of the app (Japanese where there is none)."""
    try:
        page = Services.guide_page()
    except OSError as exc:
        warn(window, QCoreApplication.translate("HelpMenu", "使い方ガイド"), exc)
        return None
    open_file(page)
    return page


def save_quick_reference(window) -> None:
    title = QCoreApplication.translate("HelpMenu", "キー操作の早見表")
    name = QCoreApplication.translate("HelpMenu", "キー操作の早見表.pdf")
    chosen, _ = QFileDialog.getSaveFileName(
        window, title, str(Path(getattr(window, "_help_dir", Path.home())) / name),
        QCoreApplication.translate("HelpMenu", "PDF ファイル (*.pdf)"))
    if not chosen:
        return
    out = Path(chosen)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    window._help_dir = out.parent

    def done(path: Path) -> None:
        window.show_status(QCoreApplication.translate(
            "HelpMenu", "キー操作の早見表を保存しました: {file}").format(file=path))
        open_file(path)

    run_query(window, QCoreApplication.translate("HelpMenu", "キー操作の早見表を作成しています…"),
              window.db_path, lambda services, progress: services.write_quick_reference(out),
              on_success=done)


def install(window) -> None:
    """The guide and the quick reference at the top of the Help menu (entries of the table of
    commands, core/shortcuts.py)."""
    menu = window.help_menu
    first = menu.actions()[0] if menu.actions() else None
    window.guide_action = command(window, "guide", lambda: open_guide(window))
    window.guide_action.setObjectName("guideAction")
    menu.insertAction(first, window.guide_action)
    window.quick_reference_action = command(window, "quick_reference",
                                            lambda: save_quick_reference(window))
    window.quick_reference_action.setObjectName("quickReferenceAction")
    menu.insertAction(first, window.quick_reference_action)
    if first is not None:
        menu.insertSeparator(first)


__all__ = ["install", "open_file", "open_guide", "save_quick_reference"]
