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
from kanwa_review.ui.files import signing
from kanwa_review.ui.files.results_view import ImportResultsDialog
from kanwa_review.ui.operations import run_change, run_query
from kanwa_review.ui.settings import remember_folder, start_path

SUFFIX = ".kanwa"


# --- work done on the worker (no widgets) ---------------------------------------------------

def export_work(uuid: str, revision: int, out: Path, signing_key=None, encrypt_to=None):
    """The package of a finalised revision, signed and sealed with the keys given (the app's
    default once they are set: ui/files/signing.export_keys)."""
    def work(services, progress):
        progress(0, 1, QCoreApplication.translate("Packages", "提出ファイルを作成しています…"))
        return services.export_package(uuid, out, revision=revision, signing_key=signing_key,
                                       encrypt_to=encrypt_to)
    return work


def scan_work(paths: list[Path]):
    """The files of one import run (folders expanded) and those of them sealed for a hub."""
    def work(services, progress):
        progress(0, 0, QCoreApplication.translate("Packages", "ファイルを探しています…"))
        files = Services.expand_package_paths(paths)
        return files, Services.sealed_package_files(files)
    return work


def import_work(files: list[Path], key=None):
    """Import files (sealed ones opened with the hub's `key`); returns (results, number of
    files): the results so far even when cancelled."""
    def work(services, progress):
        results = services.import_packages(files, key=key, progress=lambda n, total, name: progress(
            n, total, QCoreApplication.translate("Packages", "{number} / {total}  {file}").format(
                number=n + 1 if n < total else n, total=total, file=name)))
        return results, len(files)
    return work


# --- actions ---------------------------------------------------------------------------------

def export_action(window) -> None:
    from kanwa_review.core.review import ReviewStateError

    title = QCoreApplication.translate("Packages", "提出ファイルを書き出す")
    uuid = window.current_review_uuid()
    if uuid is None:
        QMessageBox.information(window, title, QCoreApplication.translate("Packages", 
            "書き出す確定済みのレビューを一覧から選んでください。"))
        return
    try:
        review = window.services.review(uuid)
        if not review.is_final:
            window.services.exportable_review(uuid)     # raises the refusal message
    except (ReviewStateError, LookupError) as exc:
        warn(window, title, exc)
        return
    start = start_path("export_package", window.services.package_file_name(review))
    path, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("Packages", "提出ファイルの保存先"), start,
        QCoreApplication.translate("Packages", "提出ファイル (*.kanwa)"))
    if not path:
        return
    out = Path(path) if path.lower().endswith(SUFFIX) else Path(path + SUFFIX)
    remember_folder("export_package", out)
    keys = signing.export_keys(window)      # signed and sealed by default once keys are set
    if keys is None:
        return
    signing_key, recipient = keys

    def done(result) -> None:
        window.show_status(QCoreApplication.translate("Packages", "提出ファイルを保存しました: {file}").format(
            file=result.path))
        QMessageBox.information(
            window, title,
            QCoreApplication.translate(
                "Packages", "{facility}（{code}）第{revision}版の提出ファイルを保存しました。\n"
                "{file}\n\nこのファイルを拠点病院の事務局へ送ってください。").format(
                facility=review.facility_name, code=review.facility_code,
                revision=review.revision, file=result.path)
            + trust_note(signing_key, recipient))

    run_query(window, QCoreApplication.translate("Packages", "提出ファイルを書き出しています…"), window.db_path,
              export_work(uuid, review.revision, out, signing_key, recipient), on_success=done,
              on_cancel=lambda: window.show_status(QCoreApplication.translate(
                  "Packages", "書き出しを取り消しました")))


def trust_note(signing_key, recipient) -> str:
    """What the export's message adds about its signature and encryption."""
    lines = []
    if signing_key is not None:
        lines.append(QCoreApplication.translate("Packages", "署名: {name}（指紋 {fingerprint}）").format(
            name=signing_key.name, fingerprint=signing_key.fingerprint))
    if recipient is not None:
        lines.append(QCoreApplication.translate(
            "Packages", "暗号化: {name}（指紋 {fingerprint}）だけが開けます").format(
            name=recipient.name, fingerprint=recipient.fingerprint))
    if not lines:
        lines.append(QCoreApplication.translate(
            "Packages", "署名・暗号化はしていません（ツール ▸ 署名と暗号化の鍵… で設定できます）。"))
    return "\n\n" + "\n".join(lines)


def import_paths(window, paths: list[Path]) -> None:
    """Import files and folders (from the menu or a drop) off the UI thread."""
    if not paths:
        return

    def done(run) -> None:
        results, total = run
        bad = sum(1 for r in results if r.status == REJECTED)
        window.show_status(QCoreApplication.translate("Packages", 
            "提出ファイル {count} 件を処理しました（{rejected} {bad} 件）").format(
            count=len(results), rejected=status_word(REJECTED), bad=bad))
        window.import_results = ImportResultsDialog(
            results, window, title=QCoreApplication.translate(
                "Packages", "提出ファイルの取込結果"), total=total)
        window.import_results.open()

    def scanned(found) -> None:
        files, sealed = found
        key = None
        if sealed:      # the hub's key, asked once for the run and only when a file needs it
            key = signing.import_key(window, len(sealed))
            if key is None:
                window.show_status(QCoreApplication.translate("Packages", "取込を取り消しました"))
                return
        run_change(window, QCoreApplication.translate("Packages", "提出ファイルを取り込んでいます…"),
                   import_work(files, key),
                   changes=lambda run: OpChanges.of_imports(run[0]), on_success=done,
                   keep_partial=True)

    run_query(window, QCoreApplication.translate("Packages", "提出ファイルを探しています…"),
              window.db_path, scan_work(list(paths)), on_success=scanned)


def import_action(window) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        window, QCoreApplication.translate("Packages", "取り込む提出ファイルを選択"),
        start_path("import_packages"),
        QCoreApplication.translate("Packages", "提出ファイル (*.kanwa);;すべてのファイル (*)"))
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
                self.window.show_status(self.tr(".kanwa 以外の {count} 件は取り込みませんでした").format(
                    count=skipped))
            import_paths(self.window, wanted)
            return True
        return False


def install(window) -> None:
    window.exchange_export_action = command(
        window, "export_package", lambda: export_action(window),
        tip=QCoreApplication.translate("Packages", "確定したレビューを拠点病院へ送る提出ファイル（.kanwa）に書き出します"))
    window.review_menu.addAction(window.exchange_export_action)

    window.exchange_import_action = command(
        window, "import_packages", lambda: import_action(window),
        tip=QCoreApplication.translate(
            "Packages", "提出ファイル（.kanwa）を取り込みます。ファイルやフォルダをウィンドウに"
            "ドロップしても取り込めます"))
    window.file_menu.addAction(window.exchange_import_action)

    window.setAcceptDrops(True)
    window.exchange_drop_filter = DropImporter(window)
    window.installEventFilter(window.exchange_drop_filter)
