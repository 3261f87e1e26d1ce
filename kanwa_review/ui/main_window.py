"""The main window: home (ホーム) and the open review as two pages, menus, status bar, session.

Feature modules add their menu actions through their `install(window)`, called here; the API they
use (`file_menu`, `review_menu`, `hub_menu`, `tools_menu`, `services`, `db_path`,
`current_review_uuid()`, `apply_changes()`, `show_status()`) is kept stable here.

The window is where "what changed" is dispatched: `apply_changes(OpChanges)` after an
operation (ui/operations), an edit on a screen, or another window's commit re-reads home and the
open review only when they show what changed, and tells the hub windows (`changes_applied`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QDialog, QInputDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget,
)

from kanwa_review.services import Services
from kanwa_review.services.changes import OpChanges
from kanwa_review.ui import language_menu
from kanwa_review.ui.dialogs import FinaliseDialog, confirm
from kanwa_review.ui.dialogs import profile, report_settings
from kanwa_review.ui.errors import warn
from kanwa_review.ui.files import facility_master, packages, progress_files, reports, workbooks
from kanwa_review.ui.files import forms, key_files, migration, request_letter
from kanwa_review.ui.home.screen import HomeScreen
from kanwa_review.ui.hub import menu as hub_menu
from kanwa_review.ui.hub import current_forms, trust
from kanwa_review.ui.settings import AppSettings


# texts marked for the catalog (context MainWindow), translated when the list is shown
SHORTCUT_HELP = (
    ("Ctrl+N", QT_TRANSLATE_NOOP("MainWindow", "レビューを開始")),
    ("F5", QT_TRANSLATE_NOOP("MainWindow", "最新の情報に更新")),
    (QT_TRANSLATE_NOOP("MainWindow", "Enter / ダブルクリック"),
     QT_TRANSLATE_NOOP("MainWindow", "選んだレビューを開く")),
    ("Delete", QT_TRANSLATE_NOOP("MainWindow", "選んだ下書きを削除（確認あり）")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("MainWindow", "検索")),
    ("Ctrl+Z / Ctrl+Shift+Z", QT_TRANSLATE_NOOP("MainWindow", "元に戻す / やり直し")),
    ("Alt+←", QT_TRANSLATE_NOOP("MainWindow", "ホームへ戻る")),
    ("Alt+1 / Alt+2 / Alt+3", QT_TRANSLATE_NOOP("MainWindow", "チェックリスト / 所見 / 変更履歴")),
    ("1–4 / A–D / 0", QT_TRANSLATE_NOOP("MainWindow", "評価を付ける（チェックリスト）")),
    ("Shift+A–D / Shift+N", QT_TRANSLATE_NOOP("MainWindow", "自己評価を付ける（チェックリスト）")),
    ("Delete", QT_TRANSLATE_NOOP("MainWindow", "評価を取り消す（チェックリスト）")),
    ("Tab / Enter", QT_TRANSLATE_NOOP("MainWindow", "次の項目へ（Shift で前の項目へ）")),
    ("F2 / Space", QT_TRANSLATE_NOOP("MainWindow", "選んだ項目の入力欄へ")),
    ("Esc", QT_TRANSLATE_NOOP("MainWindow", "入力欄から項目の一覧へ戻る")),
    ("Ctrl+↓ / Ctrl+↑", QT_TRANSLATE_NOOP("MainWindow", "次 / 前の大項目へ")),
    ("P", QT_TRANSLATE_NOOP("MainWindow", "前回の訪問の評価（値）を採用")),
    ("Alt+↑ / Alt+↓", QT_TRANSLATE_NOOP("MainWindow", "所見を上 / 下へ移動（所見）")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("MainWindow", "終了")),
)


def _std(action: QAction, key: QKeySequence.StandardKey, fallback: str = "") -> None:
    """The platform's standard shortcut, plus our documented one where the platform has none
    or a different one (e.g. Redo is Ctrl+Y on Windows; Ctrl+Shift+Z works everywhere)."""
    keys = QKeySequence.keyBindings(key)
    if fallback and QKeySequence(fallback) not in keys:
        keys.append(QKeySequence(fallback))
    action.setShortcuts(keys)


class MainWindow(QMainWindow):
    # OpChanges, after home and the open review took what concerns them: the hub windows
    # (dashboard, facility history) listen and re-read only when it concerns what they show
    changes_applied = Signal(object)

    def __init__(self, services: Services, *, is_demo: bool = False,
                 settings: AppSettings | QSettings | None = None):
        super().__init__()
        self.services = services
        self.is_demo = is_demo
        self.settings = settings if isinstance(settings, AppSettings) else AppSettings(settings)
        self.review_screen = None
        self.finalise_dialog: FinaliseDialog | None = None
        self._data_version = self._read_data_version()
        self.setObjectName("mainWindow")
        self.setAccessibleName("kanwa-review")

        self.stack = QStackedWidget()
        self.home = HomeScreen(services)
        self.home.open_requested.connect(self.open_review)
        self.home.data_changed.connect(lambda changes: self.apply_changes(changes,
                                                                          done_by=self.home))
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self.undo_group = QUndoGroup(self)

        self._build_menus()
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("保存の状態"))
        self.statusBar().addPermanentWidget(self.saved_label)
        self.show_status(self.tr("データベース: {path}").format(path=self.db_path))
        packages.install(self)           # submission packages: export, import, drag and drop
        facility_master.install(self)    # the hub's facility list
        reports.install(self)            # PDF feedback reports, preview, print
        workbooks.install(self)          # Excel return, template, workbook import
        progress_files.install(self)     # improvement-plan progress sheets out and back
        hub_menu.install(self)           # hub dashboard, facility history (PDCA)
        request_letter.install(self)     # 事前提出資料の依頼状 (PDF)
        profile.install(self)            # ツール ▸ 利用者の設定 (the named person)
        report_settings.install(self)    # ツール ▸ 報告書の設定 (issuer, distribution)
        key_files.install(self)          # ツール ▸ 鍵を作成, 署名と暗号化の鍵
        trust.install(self)              # 集計 ▸ 信頼リストと署名 (the hub's trust list)
        forms.install(self)              # ツール ▸ 評価票: editing workbook both ways, install
        current_forms.install(self)      # ツール ▸ 評価票 ▸ 年度ごとの評価票 (the hub's setting)
        migration.install(self)          # ツール ▸ 評価票 ▸ 下書きを新しい評価票に移す
        language_menu.install(self)      # 表示 ▸ 言語
        self._finish_file_menu()
        self._update_title()
        self._update_actions()
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    # --- menus --------------------------------------------------------------------------
    def _action(self, text: str, slot, *, tip: str = "", key=None, fallback: str = "") -> QAction:
        action = QAction(text, self)
        if tip:
            action.setStatusTip(tip)
        if isinstance(key, QKeySequence.StandardKey):
            _std(action, key, fallback)
        elif key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("ファイル(&F)"))
        self.file_menu.addAction(self.home.new_facility_action)
        self.file_menu.addAction(self.home.new_review_action)
        self.file_menu.addSeparator()

        self.edit_menu = bar.addMenu(self.tr("編集(&E)"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("元に戻す"))
        _std(self.undo_action, QKeySequence.Undo, "Ctrl+Z")
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("やり直し"))
        _std(self.redo_action, QKeySequence.Redo, "Ctrl+Shift+Z")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.find_action = self._action(self.tr("検索…"), self.start_search,
                                        key=QKeySequence.Find, fallback="Ctrl+F",
                                        tip=self.tr("一覧またはチェックリストを検索します"))
        self.edit_menu.addAction(self.find_action)
        self.refresh_action = self._action(self.tr("最新の情報に更新"), self.refresh_all,
                                           key=QKeySequence.Refresh, fallback="F5",
                                           tip=self.tr("別のウィンドウや取込による変更を読み直します"))
        self.edit_menu.addAction(self.refresh_action)

        self.review_menu = bar.addMenu(self.tr("レビュー(&R)"))
        self.review_menu.addAction(self.home.open_action)
        self.review_menu.addAction(self.home.follow_up_action)
        self.review_menu.addAction(self.home.delete_action)
        self.review_menu.addSeparator()
        self.finalise_action = self._action(self.tr("確定…"), self.finalise_current,
                                            tip=self.tr("必須項目を確認し、リーダーの署名で確定します"))
        self.amend_action = self._action(self.tr("修正版を作成…"), self.amend_current,
                                         tip=self.tr("確定済みの版から変更できる次の版を作ります"))
        self.home_action = self._action(self.tr("ホームへ戻る"), self.show_home,
                                        key=QKeySequence.Back, fallback="Alt+Left")
        for a in (self.finalise_action, self.amend_action, self.home_action):
            self.review_menu.addAction(a)
        self.review_menu.addSeparator()

        self.hub_menu = bar.addMenu(self.tr("集計(&H)"))
        self.tools_menu = bar.addMenu(self.tr("ツール(&O)"))

        self.help_menu = bar.addMenu(self.tr("ヘルプ"))
        self.help_menu.addAction(self._action(self.tr("キーボード操作"), self.show_shortcuts))
        self.help_menu.addAction(self._action(self.tr("データの保存場所"), self.show_data_location))
        self.help_menu.addAction(self._action(self.tr("kanwa-review について"), self.show_about))

    def _finish_file_menu(self) -> None:
        """Quit goes last, after what feature modules added to the File menu."""
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.tr("終了"), self.close, key=QKeySequence.Quit,
                                        fallback="Ctrl+Q")
        self.quit_action.setMenuRole(QAction.QuitRole)
        self.file_menu.addAction(self.quit_action)

    def _update_actions(self) -> None:
        screen = self.review_screen
        on_review = screen is not None and self.stack.currentWidget() is screen
        self.finalise_action.setEnabled(on_review and not screen.is_final)
        self.amend_action.setEnabled(on_review and screen.is_final)
        self.home_action.setEnabled(on_review)

    def _update_title(self) -> None:
        title = self.tr("緩和ケア ピアレビュー — kanwa-review")
        if self.is_demo:
            title += self.tr("（デモデータ）")
        screen = self.review_screen
        if screen is not None and self.stack.currentWidget() is screen:
            r = screen.review
            title = f"{r.facility_name} {r.visit_date.isoformat()} — " + title
        self.setWindowTitle(title)

    # --- the API feature modules use (their install(window)) --------------------------
    @property
    def db_path(self):
        return self.services.db_path

    def current_review_uuid(self) -> str | None:
        if self.review_screen is not None and self.stack.currentWidget() is self.review_screen:
            return self.review_screen.uuid
        return self.home.current_uuid()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def apply_changes(self, changes: OpChanges, *, done_by=None) -> None:
        """Re-read what `changes` concern: the home list (when shown: showing it re-reads it),
        the open review, and, through `changes_applied`, the hub windows. `done_by`: the
        screen that made the change and already shows it."""
        if not changes.any:
            return
        home_shown = self.stack.currentWidget() is self.home
        if changes.home and home_shown and done_by is not self.home:
            self.home.reload()
        screen = self.review_screen
        if screen is not None and screen is not done_by \
                and changes.review(screen.uuid, screen.review.facility_code):
            try:
                self.services.review(screen.uuid)
            except LookupError:  # deleted elsewhere
                self.show_home()
            else:
                screen.reload()
                self._update_actions()
        self._remember_data_version()
        self.changes_applied.emit(changes)

    def refresh_all(self) -> None:
        """Re-read everything shown (F5, or another window's or process's commit)."""
        self.home.reload()
        self.apply_changes(OpChanges.everything(), done_by=self.home)

    # --- pages --------------------------------------------------------------------------
    def open_review(self, uuid: str, focus: str | None = None):
        from kanwa_review.ui.review.screen import (
            ReviewScreen,  # first use only: fast start-up
        )

        try:
            screen = ReviewScreen(self.services, uuid)
        except LookupError as exc:
            QMessageBox.warning(self, self.tr("レビューを開く"),
                                self.tr("レビューが見つかりません。\n{error}").format(error=exc))
            self.home.reload()
            return None
        self._close_review_screen()
        self.review_screen = screen
        screen.back_requested.connect(self.show_home)
        screen.finalise_requested.connect(self.finalise_current)
        screen.amend_requested.connect(self.amend_current)
        screen.changed.connect(self._review_changed)
        screen.saved.connect(self.saved_label.setText)
        if screen.undo_stack is not None:
            self.undo_group.addStack(screen.undo_stack)
            self.undo_group.setActiveStack(screen.undo_stack)
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        self.settings.set_last_review(self.db_path, uuid)
        self.saved_label.setText(self.tr("閲覧のみ（確定済み）") if screen.is_final else "")
        if focus:
            screen.focus_item(focus)
        self._update_actions()
        self._update_title()
        return screen

    def _close_review_screen(self) -> None:
        screen = self.review_screen
        if screen is None:
            return
        if screen.undo_stack is not None:
            self.undo_group.removeStack(screen.undo_stack)
        self.stack.removeWidget(screen)
        screen.deleteLater()
        self.review_screen = None

    def show_home(self) -> None:
        uuid = self.review_screen.uuid if self.review_screen is not None else None
        self._close_review_screen()
        self.settings.set_last_review(self.db_path, None)
        self.stack.setCurrentWidget(self.home)
        self.home.reload()
        if uuid:
            self.home.select_review(uuid)
        self.home.tree.setFocus()
        self.saved_label.clear()
        self._update_actions()
        self._update_title()

    def restore_session(self) -> bool:
        """Reopen the review that was open when the app last stopped (even by a crash), at the
        item last edited."""
        uuid = self.settings.last_review(self.db_path)
        if not uuid:
            return False
        try:
            self.services.review(uuid)
        except LookupError:
            self.settings.set_last_review(self.db_path, None)
            return False
        self.home.select_review(uuid)
        return self.open_review(uuid, focus=self.services.last_item(uuid)) is not None

    def _review_changed(self, changed) -> None:
        self.saved_label.setText(self.tr("保存しました {time}").format(
            time=f"{datetime.now():%H:%M:%S}"))
        screen = self.review_screen
        code = screen.review.facility_code if screen is not None else None
        self.apply_changes(OpChanges.of_edit(changed, code), done_by=screen)

    def start_search(self) -> None:
        if self.review_screen is not None and self.stack.currentWidget() is self.review_screen:
            self.review_screen.start_search()
        else:
            self.home.search.setFocus()
            self.home.search.selectAll()

    # --- finalise and amend -------------------------------------------------------------
    def finalise_current(self) -> None:
        screen = self.review_screen
        if screen is None or screen.is_final:
            return
        dialog = FinaliseDialog(self.services, self.services.load(screen.uuid), self)
        self.finalise_dialog = dialog
        dialog.finished.connect(lambda result: self._finalise_finished(dialog, result))
        dialog.open()

    def _finalise_finished(self, dialog: FinaliseDialog, result: int) -> None:
        self.finalise_dialog = None
        dialog.deleteLater()
        uuid = dialog.data.review.uuid
        if result == FinaliseDialog.JUMP and self.review_screen is not None:
            self.review_screen.focus_item(dialog.jump_to)
        elif result == QDialog.Accepted:
            self.open_review(uuid)
            code = dialog.data.review.facility_code
            self.apply_changes(OpChanges(reviews=True, review_uuids=frozenset({uuid}),
                                         facility_codes=frozenset({code})),
                               done_by=self.review_screen)
            self.show_status(self.tr("第{revision}版を確定しました。").format(
                revision=dialog.data.review.revision))

    def amend_current(self) -> None:
        screen = self.review_screen
        if screen is None or not screen.is_final:
            return
        r = screen.review
        title = self.tr("修正版の作成")
        if not confirm(self, title,
                       self.tr("確定済みの第{revision}版を写して、第{next}版（下書き）を作りますか？"
                               ).format(revision=r.revision, next=r.revision + 1),
                       self.tr("修正版を作成"), destructive=False,
                       detail=self.tr("第{revision}版はそのまま履歴に残ります。").format(
                           revision=r.revision)):
            return
        # issue 13: an amendment states why (audit trail, package, report's revision note)
        reason, ok = QInputDialog.getText(self, self.tr("修正版の作成"),
                                          self.tr("修正の理由（変更履歴と報告書に記録されます）:"))
        if not ok:
            return
        try:
            new = self.services.amend(r.uuid, reason)
        except Exception as exc:  # ReviewStateError, StoreError
            warn(self, title, exc)
            return
        self.open_review(new.uuid, focus=self.services.last_item(new.uuid))
        self.apply_changes(OpChanges(reviews=True, review_uuids=frozenset({new.uuid}),
                                     facility_codes=frozenset({new.facility_code})),
                           done_by=self.review_screen)
        self.show_status(self.tr("第{revision}版（下書き）を作成しました。").format(
            revision=new.revision))

    # --- another window or process on the same database -------------------------------
    def _read_data_version(self) -> int:
        try:
            return self.services.data_version()
        except Exception:
            return -1

    def _remember_data_version(self) -> None:
        self._data_version = self._read_data_version()

    def changeEvent(self, event) -> None:
        # SQLite's data_version changes when another connection commits: refresh then, so a
        # second window never shows stale answers
        if event.type() == QEvent.ActivationChange and self.isActiveWindow():
            self.refresh_if_changed_elsewhere()
        super().changeEvent(event)

    def refresh_if_changed_elsewhere(self) -> bool:
        version = self._read_data_version()
        if version == -1 or version == self._data_version:
            return False
        self.refresh_all()
        return True

    # --- help ---------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        def shown(text: str) -> str:   # the texts marked in SHORTCUT_HELP; keys pass unchanged
            return QCoreApplication.translate("MainWindow", text)
        rows = "".join(f"<tr><td><b>{shown(k)}</b></td><td>{shown(v)}</td></tr>"
                       for k, v in SHORTCUT_HELP)
        QMessageBox.information(self, self.tr("キーボード操作"),
                                f"<table cellpadding='3'>{rows}</table>")

    def show_data_location(self) -> None:
        from kanwa_review import paths
        QMessageBox.information(
            self, self.tr("データの保存場所"),
            self.tr("データベース:\n{database}\n\n自動バックアップ:\n{backups}\n\n"
                    "入力はすべて即時にこのファイルへ保存されます（保存ボタンはありません）。").format(
                database=self.db_path, backups=paths.backups_dir()))

    def show_about(self) -> None:
        from kanwa_review import __version__
        QMessageBox.about(self, self.tr("kanwa-review について"),
                          self.tr("kanwa-review {version}\nがん診療連携拠点病院の緩和ケア ピアレビュー支援アプリ"
                                  ).format(version=__version__))

    # --- closing ------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.set_last_review(
            self.db_path, self.review_screen.uuid
            if self.review_screen is not None and self.stack.currentWidget() is self.review_screen
            else None)
        self.settings.sync()
        super().closeEvent(event)

