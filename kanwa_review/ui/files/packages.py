"""Menu actions and drag-and-drop for submission packages (.kanwa):

  レビュー ▸ 提出ファイルを書き出す…   export the open/selected finalised review
  ファイル ▸ 取り込む…                 import one or many .kanwa files
  (drop files or folders on the window) the same import

The work runs through ui/operations (its own Services on the window's database); the results
are shown in the one results view, and what the import changed is dispatched by the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kanwa_review.core.imports import REJECTED, status_word
from kanwa_review.services import Services
from kanwa_review.services.changes import OpChanges
from kanwa_review.ui.actions import command
from kanwa_review.ui.errors import warn
from kanwa_review.ui.files.results_view import ImportResultsDialog
from kanwa_review.ui.operations import run_change, run_query
from kanwa_review.ui.settings import remember_folder, start_path

SUFFIX = ".kanwa"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Packages", text)


# --- work done on the worker (no widgets) ---------------------------------------------------

def export_work(uuid: str, revision: int, out: Path):
    def work(services, progress):
        progress(0, 1, "提出ファイルを作成しています…")
        return services.export_package(uuid, out, revision=revision)
    return work


def import_work(paths: list[Path]):
    """Import files (folders expanded); returns (results, number of files found): the results
    so far even when cancelled."""
    def work(services, progress):
        progress(0, 0, "ファイルを探しています…")
        files = Services.expand_package_paths(paths)
        results = services.import_packages(files, progress=lambda n, total, name: progress(
            n, total, f"{n + 1 if n < total else n} / {total}  {name}"))
        return results, len(files)
    return work


# --- actions ---------------------------------------------------------------------------------

def export_action(window) -> None:
    from kanwa_review.core.review import ReviewStateError

    title = "提出ファイルを書き出す"
    uuid = window.current_review_uuid()
    if uuid is None:
        QMessageBox.information(window, title, "書き出す確定済みのレビューを一覧から選んでください。")
        return
    try:
        review = window.services.review(uuid)
        if not review.is_final:
            window.services.exportable_review(uuid)     # raises the refusal message
    except (ReviewStateError, LookupError) as exc:
        warn(window, title, exc)
        return
    start = start_path("export_package", window.services.package_file_name(review))
    path, _ = QFileDialog.getSaveFileName(window, "提出ファイルの保存先", start,
                                          "提出ファイル (*.kanwa)")
    if not path:
        return
    out = Path(path) if path.lower().endswith(SUFFIX) else Path(path + SUFFIX)
    remember_folder("export_package", out)

    def done(result) -> None:
        window.show_status(f"提出ファイルを保存しました: {result.path}")
        QMessageBox.information(
            window, title,
            f"{review.facility_name}（{review.facility_code}）第{review.revision}版の提出ファイルを保存しました。\n"
            f"{result.path}\n\nこのファイルを拠点病院の事務局へ送ってください。")

    run_query(window, "提出ファイルを書き出しています…", window.db_path,
              export_work(uuid, review.revision, out), on_success=done,
              on_cancel=lambda: window.show_status("書き出しを取り消しました"))


def import_paths(window, paths: list[Path]) -> None:
    """Import files and folders (from the menu or a drop) off the UI thread."""
    if not paths:
        return

    def done(run) -> None:
        results, total = run
        bad = sum(1 for r in results if r.status == REJECTED)
        window.show_status(f"提出ファイル {len(results)} 件を処理しました（{status_word(REJECTED)} {bad} 件）")
        window.import_results = ImportResultsDialog(
            results, window, title=_tr("提出ファイルの取込結果"), total=total)
        window.import_results.open()

    run_change(window, "提出ファイルを取り込んでいます…", import_work(list(paths)),
               changes=lambda run: OpChanges.of_imports(run[0]), on_success=done,
               keep_partial=True)


def import_action(window) -> None:
    paths, _ = QFileDialog.getOpenFileNames(window, "取り込む提出ファイルを選択",
                                            start_path("import_packages"),
                                            "提出ファイル (*.kanwa);;すべてのファイル (*)")
    if paths:
        remember_folder("import_packages", paths[0])
        import_paths(window, [Path(p) for p in paths])


# --- drag and drop -------------------------------------------------------------------------

def _dropped_paths(mime) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


def _wanted(paths: list[Path]) -> list[Path]:
    """Folders and .kanwa files; anything else dropped alongside is ignored."""
    return [p for p in paths if p.is_dir() or p.suffix.lower() == SUFFIX]


class DropImporter(QObject):
    """Event filter on the main window: dropping .kanwa files or folders imports them."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove):
            if _wanted(_dropped_paths(event.mimeData())):
                event.setDropAction(Qt.CopyAction)
                event.accept()
                return True
            return False
        if kind == QEvent.Drop:
            paths = _dropped_paths(event.mimeData())
            wanted = _wanted(paths)
            if not wanted:
                return False
            event.setDropAction(Qt.CopyAction)
            event.accept()
            skipped = len(paths) - len(wanted)
            if skipped:
                self.window.show_status(f".kanwa 以外の {skipped} 件は取り込みませんでした")
            import_paths(self.window, wanted)
            return True
        return False


def install(window) -> None:
    window.exchange_export_action = command(
        window, "export_package", lambda: export_action(window),
        tip="確定したレビューを拠点病院へ送る提出ファイル（.kanwa）に書き出します")
    window.review_menu.addAction(window.exchange_export_action)

    window.exchange_import_action = command(
        window, "import_packages", lambda: import_action(window),
        tip="提出ファイル（.kanwa）を取り込みます。ファイルやフォルダをウィンドウにドロップしても"
            "取り込めます")
    window.file_menu.addAction(window.exchange_import_action)

    window.setAcceptDrops(True)
    window.exchange_drop_filter = DropImporter(window)
    window.installEventFilter(window.exchange_drop_filter)
