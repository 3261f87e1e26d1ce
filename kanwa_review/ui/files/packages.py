"""Menu actions and drag-and-drop for submission packages (.kanwa) and the facility master:

  レビュー ▸ 提出ファイルを書き出す…   export the open/selected finalised review
  ファイル ▸ 取り込む…                 import one or many .kanwa files
  (drop files or folders on the window) the same import
  集計 ▸ 施設マスタ取込…               facility list from CSV / .xlsx

Work runs in ui/workers.run_job; each worker opens its own Services on window.db_path (never
the UI thread's connection). Import results are shown in a table, one row per file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kanwa_review.core.imports import STATUSES, status_word
from kanwa_review.ui.workers import run_job

SUFFIX = ".kanwa"


# --- work done in the worker thread (no widgets) -------------------------------------------

def export_work(db_path: Path, uuid: str, revision: int, out: Path):
    def work(progress):
        from kanwa_review.services import Services

        progress(0, 1, "提出ファイルを作成しています…")
        with Services.open(db_path, readonly=True) as services:
            return services.export_package(uuid, out, revision=revision)
    return work


def import_work(db_path: Path, paths: list[Path], actor: str):
    """Import files (folders expanded); returns the results so far even when cancelled."""
    def work(progress):
        from kanwa_review.services import Services

        progress(0, 0, "ファイルを探しています…")
        files = Services.expand_package_paths(paths)
        with Services.open(db_path, actor=actor) as services:
            return services.import_packages(files, progress=lambda n, total, name: progress(
                n, total, f"{n + 1 if n < total else n} / {total}  {name}"))
    return work


def master_work(db_path: Path, path: Path, actor: str):
    def work(progress):
        from kanwa_review.services import Services

        progress(0, 1, "施設マスタを確認しています…")
        with Services.open(db_path, actor=actor) as services:
            return services.import_facility_master(path)
    return work


def _run(window, title: str, work, on_done) -> None:
    """run_job hands on_done None after a cancel; an import cancelled half-way still returns
    the files it did import, which the results table must show."""
    state: dict = {}

    def tracked(progress):
        state["result"] = work(progress)
        return state["result"]

    def failed(exc: Exception) -> None:
        QMessageBox.warning(window, title, str(exc))

    run_job(window, title, tracked, on_done=lambda _r: on_done(state.get("result")),
            on_error=failed)


# --- results dialog --------------------------------------------------------------------------

def _without_file(message: str, file: str) -> str:
    """The table already shows the file: drop its path from the start of the message."""
    if message.startswith(file):
        return message[len(file):].lstrip(" :›")
    return message


class ImportResultsDialog(QDialog):
    """One row per file: file, result (取込/変更なし/更新/却下), facility, revision, messages."""

    def __init__(self, results, parent=None, *, total: int | None = None):
        super().__init__(parent)
        self.setWindowTitle("提出ファイルの取込結果")
        self.resize(980, 520)
        self.results = list(results)
        layout = QVBoxLayout(self)
        counts = {s: sum(1 for r in self.results if r.status == s) for s in STATUSES}
        head = "　".join(f"{status_word(s)} {n} 件" for s, n in counts.items())
        text = f"{len(self.results)} ファイルを処理しました — {head}"
        if total is not None and total > len(self.results):
            text += f"（取り消したため残り {total - len(self.results)} ファイルは未処理）"
        if counts["rejected"]:
            text += f"\n{status_word('rejected')}されたファイルは何も登録されていません。メッセージを確認し、送付元に再送を依頼してください。"
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(self.results), 5)
        self.table.setAccessibleName("取込結果")
        self.table.setHorizontalHeaderLabels(["ファイル", "結果", "施設", "版", "メッセージ"])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.Stretch)
        self.table.setColumnWidth(0, 260)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setWordWrap(False)
        for row, r in enumerate(self.results):
            messages = r.errors + [f"△ {w}" for w in r.warnings]
            first = _without_file(messages[0], r.file) if messages else ""
            if len(messages) > 1:
                first += f"（ほか {len(messages) - 1} 件）"
            cells = (Path(r.file).name, status_word(r.status),
                     getattr(r, "facility", None) or "",
                     "" if r.revision is None else f"第{r.revision}版", first)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(r.file if col == 0 else "\n".join(messages))
                if r.status == "rejected":
                    item.setForeground(QColor("#a0141e"))
                elif r.warnings and col in (1, 4):
                    item.setForeground(QColor("#8a5a00"))
                self.table.setItem(row, col, item)
        self.table.itemSelectionChanged.connect(self._show_details)
        layout.addWidget(self.table, 3)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("メッセージの詳細")
        layout.addWidget(self.details, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.results:
            bad = next((n for n, r in enumerate(self.results) if r.status == "rejected"), 0)
            self.table.selectRow(bad)
        self._show_details()

    def _show_details(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        lines = []
        for n in rows or range(len(self.results)):
            r = self.results[n]
            lines.append(f"■ {r.file} — {status_word(r.status)}"
                         + (f"（{r.review} 第{r.revision}版）" if r.review else ""))
            lines += [f"  ✕ {e}" for e in r.errors] + [f"  △ {w}" for w in r.warnings]
        self.details.setPlainText("\n".join(lines) or "問題はありませんでした。")


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
        QMessageBox.warning(window, title, str(exc.args[0] if exc.args else exc))
        return
    folder = Path(getattr(window, "_exchange_dir", Path.home()))
    start = str(folder / window.services.package_file_name(review))
    path, _ = QFileDialog.getSaveFileName(window, "提出ファイルの保存先", start,
                                          "提出ファイル (*.kanwa)")
    if not path:
        return
    out = Path(path) if path.lower().endswith(SUFFIX) else Path(path + SUFFIX)
    window._exchange_dir = out.parent

    def done(result) -> None:
        if result is None:
            window.show_status("書き出しを取り消しました")
            return
        window.show_status(f"提出ファイルを保存しました: {result.path}")
        QMessageBox.information(
            window, title,
            f"{review.facility_name}（{review.facility_code}）第{review.revision}版の提出ファイルを保存しました。\n"
            f"{result.path}\n\nこのファイルを拠点病院の事務局へ送ってください。")

    _run(window, "提出ファイルを書き出しています…",
         export_work(Path(window.db_path), uuid, review.revision, out), done)


def import_paths(window, paths: list[Path]) -> None:
    """Import files and folders (from the menu or a drop) off the UI thread."""
    if not paths:
        return

    def done(results) -> None:
        if results is None:
            return
        # an "unchanged" review may still bring newer improvement actions (format version 2)
        def brought_actions(r) -> bool:
            counts = getattr(r, "actions", None) or {}
            return bool(counts.get("created") or counts.get("updated"))

        if any(r.status in ("imported", "superseded") or brought_actions(r) for r in results):
            window.refresh_all()
        bad = sum(1 for r in results if r.status == "rejected")
        window.show_status(f"提出ファイル {len(results)} 件を処理しました（{status_word('rejected')} {bad} 件）")
        window.exchange_results = ImportResultsDialog(results, window)
        window.exchange_results.open()

    _run(window, "提出ファイルを取り込んでいます…",
         import_work(Path(window.db_path), list(paths), window.services.actor), done)


def import_action(window) -> None:
    paths, _ = QFileDialog.getOpenFileNames(window, "取り込む提出ファイルを選択",
                                            str(getattr(window, "_exchange_dir", Path.home())),
                                            "提出ファイル (*.kanwa);;すべてのファイル (*)")
    if paths:
        window._exchange_dir = Path(paths[0]).parent
        import_paths(window, [Path(p) for p in paths])


def facility_master_action(window) -> None:
    title = "施設マスタ取込"
    path, _ = QFileDialog.getOpenFileName(window, "施設一覧のファイルを選択",
                                          str(getattr(window, "_exchange_dir", Path.home())),
                                          "施設一覧 (*.csv *.xlsx)")
    if not path:
        return

    def done(result) -> None:
        if result is None:
            return
        window.show_status(result.summary())
        if result.ok:
            window.refresh_all()
            box = QMessageBox(QMessageBox.Information, title, result.summary(), parent=window)
        else:
            box = QMessageBox(QMessageBox.Warning, title,
                              f"{result.summary()}\n\n" + "\n".join(result.errors[:15])
                              + ("\n…" if len(result.errors) > 15 else ""), parent=window)
            box.setDetailedText("\n".join(result.errors))
        if result.warnings:
            box.setInformativeText("\n".join(result.warnings))
        window.exchange_master_box = box
        box.open()

    _run(window, "施設マスタを取り込んでいます…",
         master_work(Path(window.db_path), Path(path), window.services.actor), done)


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
    window.exchange_export_action = QAction("提出ファイルを書き出す…", window)
    window.exchange_export_action.setStatusTip(
        "確定したレビューを拠点病院へ送る提出ファイル（.kanwa）に書き出します")
    window.exchange_export_action.triggered.connect(lambda: export_action(window))
    window.review_menu.addAction(window.exchange_export_action)

    window.exchange_import_action = QAction("取り込む…", window)
    window.exchange_import_action.setStatusTip(
        "提出ファイル（.kanwa）を取り込みます。ファイルやフォルダをウィンドウにドロップしても取り込めます")
    window.exchange_import_action.triggered.connect(lambda: import_action(window))
    window.file_menu.addAction(window.exchange_import_action)

    window.facility_master_action = QAction("施設マスタ取込…", window)
    window.facility_master_action.setStatusTip(
        "施設一覧（CSV・Excel: 施設コード, 施設名, 都道府県, 区分）を取り込みます")
    window.facility_master_action.triggered.connect(lambda: facility_master_action(window))
    window.hub_menu.addAction(window.facility_master_action)

    window.setAcceptDrops(True)
    window.exchange_drop_filter = DropImporter(window)
    window.installEventFilter(window.exchange_drop_filter)
