"""The main window: home (ホーム) and the open review as two pages, menus, status bar, session.

Feature modules add their menu actions through their `install(window)`, called here; the API they
use (`file_menu`, `review_menu`, `hub_menu`, `tools_menu`, `services`, `db_path`,
`current_review_uuid()`, `apply_changes()`, `show_status()`) is kept stable here. Menu texts,
mnemonics and keys come from the one table of commands (core/shortcuts.py, through
ui/actions.py); items are disabled, never removed, when the state of the review does not allow
them.

The window shows one database. ファイル ▸ 新規 / 開く / 最近使ったファイル / デモを見る ask for
another with `database_requested(path, mode)`; the launcher opens it in a new window.

The window is where "what changed" is dispatched: `apply_changes(OpChanges)` after an
operation (ui/operations), an edit on a screen, or another window's commit re-reads home and the
open review only when they show what changed, and tells the hub windows (`changes_applied`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QUndoGroup
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.shortcuts import menu_title, shortcut
from kanwa_review.services import Services
from kanwa_review.services.changes import OpChanges
from kanwa_review.ui import help_menu, language_menu
from kanwa_review.ui.actions import command, key_sequences
from kanwa_review.ui.dialogs import FinaliseDialog, confirm
from kanwa_review.ui.dialogs import report_settings
from kanwa_review.ui.errors import warn
from kanwa_review.ui.geometry import fit_window
from kanwa_review.ui.files import (
    databases, facility_master, packages, progress_files, reports, workbooks,
)
from kanwa_review.ui.files import forms, key_files, migration, request_letter
from kanwa_review.ui.home.screen import HomeScreen
from kanwa_review.ui.hub import menu as hub_menu
from kanwa_review.ui.hub import current_forms, trust
from kanwa_review.ui.settings import AppSettings



class MainWindow(QMainWindow):
    # OpChanges, after home and the open review took what concerns them: the hub windows
    # (dashboard, facility history) listen and re-read only when it concerns what they show
    changes_applied = Signal(object)
    # another database to show (ファイル ▸ 新規 / 開く / 最近使ったファイル / デモを見る):
    # path, and "create" | "open" | "demo" (ui/files/databases); the launcher opens it
    database_requested = Signal(str, str)

    def __init__(self, services: Services, *, is_demo: bool | None = None,
                 settings: AppSettings | QSettings | None = None):
        super().__init__()
        self.services = services
        # the file says whether it is the demo (services), unless the caller knows
        self.is_demo = services.is_demo if is_demo is None else is_demo
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
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        if self.is_demo:
            column.addWidget(self._demo_banner())
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.undo_group = QUndoGroup(self)

        self._build_menus()
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("保存の状態"))
        self.statusBar().addPermanentWidget(self.saved_label)
        self.actor_label = QLabel()      # whom the audit trail names (利用者の設定)
        self.actor_label.setAccessibleName(self.tr("利用者"))
        self.statusBar().addPermanentWidget(self.actor_label)
        self._show_actor()
        self.show_status(self.tr("データベース: {path}").format(path=self.db_path))
        # the order of the menus' entries is the order of the table of commands
        packages.install(self)           # submission packages: export, import, drag and drop
        hub_menu.install(self)           # hub dashboard, facility history (PDCA)
        reports.install(self)            # PDF feedback reports, preview, print
        facility_master.install(self)    # the hub's facility list
        workbooks.install(self)          # Excel return, template, workbook import
        progress_files.install(self)     # improvement-plan progress sheets out and back
        request_letter.install(self)     # レビュー ▸ 事前提出資料の依頼状 (PDF)
        trust.install(self)              # 集計 ▸ 信頼リストと署名 (the hub's trust list)
        report_settings.install(self)    # ツール ▸ 報告書の設定 (issuer, distribution)
        key_files.install(self)          # ツール ▸ 鍵を作成, 署名と暗号化の鍵
        forms.install(self)              # ツール ▸ 評価票: editing workbook both ways, install
        current_forms.install(self)      # ツール ▸ 年度ごとの評価票 (the hub's setting)
        migration.install(self)          # ツール ▸ 下書きを新しい評価票に移す, 確認が必要な項目
        language_menu.install(self)      # 表示 ▸ 言語
        help_menu.install(self)          # ヘルプ ▸ 使い方ガイド, キー操作の早見表 (PDF)
        self._finish_file_menu()
        self._finish_help_menu()
        self.home.tree.selectionModel().currentRowChanged.connect(self._update_actions)
        self._update_title()
        self._update_actions()
        fit_window(self, QSize(1200, 780), self.settings.geometry())
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    # --- menus --------------------------------------------------------------------------
    def _demo_banner(self) -> QWidget:
        """The demo says so on every screen, with the way out."""
        box = QFrame()
        box.setObjectName("demoBanner")
        box.setFrameShape(QFrame.StyledPanel)
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 4, 8, 4)
        text = QLabel(self.tr("デモデータ（架空の病院）を表示しています。実際のレビューや施設はここには"
                              "登録できません。自分のデータベースファイルで始めてください。"))
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("デモデータのお知らせ"))
        self.demo_new_button = QPushButton(self.tr("自分のファイルで始める…"))
        self.demo_new_button.setAccessibleName(self.tr("自分のデータベースファイルを作る"))
        self.demo_open_button = QPushButton(self.tr("ファイルを開く…"))
        self.demo_open_button.setAccessibleName(self.tr("自分のデータベースファイルを開く"))
        row.addWidget(text, 1)
        row.addWidget(self.demo_new_button)
        row.addWidget(self.demo_open_button)
        self.demo_banner = box
        return box

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(menu_title("file"))
        databases.install(self)          # 新規 / 開く / 最近使ったファイル / デモを見る
        if self.is_demo:
            self.demo_new_button.clicked.connect(self.new_database_action.trigger)
            self.demo_open_button.clicked.connect(self.open_database_action.trigger)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.home.new_facility_action)
        self.file_menu.addAction(self.home.new_review_action)
        self.file_menu.addSeparator()

        self.edit_menu = bar.addMenu(menu_title("edit"))
        self.undo_action = self.undo_group.createUndoAction(self, shortcut("undo").text)
        self.undo_action.setShortcuts(key_sequences(shortcut("undo")))
        self.redo_action = self.undo_group.createRedoAction(self, shortcut("redo").text)
        self.redo_action.setShortcuts(key_sequences(shortcut("redo")))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.find_action = command(self, "find", self.start_search,
                                   tip=self.tr("一覧またはチェックリストを検索します"))
        self.edit_menu.addAction(self.find_action)
        self.refresh_action = command(self, "refresh", self.refresh_all,
                                      tip=self.tr("別のウィンドウや取込による変更を読み直します"))
        self.edit_menu.addAction(self.refresh_action)

        self.review_menu = bar.addMenu(menu_title("review"))
        self.review_menu.addAction(self.home.open_action)
        self.review_menu.addAction(self.home.follow_up_action)
        self.review_menu.addAction(self.home.delete_action)
        self.review_menu.addSeparator()
        self.finalise_action = command(self, "finalise", self.finalise_current,
                                       tip=self.tr("必須項目を確認し、リーダーの署名で確定します"))
        self.amend_action = command(self, "amend", self.amend_current,
                                    tip=self.tr("確定済みの版から変更できる次の版を作ります"))
        self.home_action = command(self, "home", self.show_home)
        for a in (self.finalise_action, self.amend_action, self.home_action):
            self.review_menu.addAction(a)
        self.review_menu.addSeparator()

        self.hub_menu = bar.addMenu(menu_title("hub"))
        self.tools_menu = bar.addMenu(menu_title("tools"))
        self.help_menu = bar.addMenu(menu_title("help"))

    def _finish_file_menu(self) -> None:
        """利用者の設定 and Quit go last, after what feature modules added to the File menu."""
        self.file_menu.addSeparator()
        self.profile_action = command(self, "profile", self.edit_profile)
        self.file_menu.addAction(self.profile_action)
        self.quit_action = command(self, "quit", self.close)
        self.quit_action.setMenuRole(QAction.QuitRole)
        self.file_menu.addAction(self.quit_action)

    def _finish_help_menu(self) -> None:
        self.keyboard_help_action = command(self, "keyboard_help", self.show_shortcuts)
        self.help_menu.addAction(self.keyboard_help_action)
        self.help_menu.addAction(command(self, "data_location", self.show_data_location))
        self.help_menu.addAction(command(self, "about", self.show_about))

    def _update_actions(self, *_args) -> None:
        """Every item stays in its menu; what the review (open, or selected at home) does not
        allow is greyed out."""
        screen = self.review_screen
        on_review = screen is not None and self.stack.currentWidget() is screen
        self.finalise_action.setEnabled(on_review and not screen.is_final)
        self.amend_action.setEnabled(on_review and screen.is_final)
        self.home_action.setEnabled(on_review)
        if on_review:
            has_review, final = True, screen.is_final
        else:
            summary = self.home.current_summary()
            has_review, final = summary is not None, summary is not None and \
                summary.status == "final"
        for name, enabled in (("exchange_export_action", final),
                              ("report_action_save_report", has_review),
                              ("report_action_preview", has_review),
                              ("facility_history_action",
                               on_review or self.home.current_facility_code() is not None)):
            action = getattr(self, name, None)
            if action is not None:
                action.setEnabled(enabled)

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

    # --- the person using the app -------------------------------------------------------
    def _show_actor(self) -> None:
        self.actor_label.setText(self.tr("利用者: {name}").format(name=self.services.actor))

    def edit_profile(self, *, first_run: bool = False) -> None:
        """Ask for the person's name (at the first start of one's own file, or from the File
        menu); the audit trail names them from now on. Window-modal, not blocking: the
        launcher goes on while it is asked."""
        from kanwa_review.ui.dialogs.profile import ProfileDialog

        dialog = ProfileDialog(self.services, self, first_run=first_run)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(self._profile_saved)
        self.profile_dialog = dialog
        dialog.open()

    def _profile_saved(self) -> None:
        self._show_actor()
        self.show_status(self.tr("変更履歴には「{name}」と記録されます。").format(
            name=self.services.actor))

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
        screen.export_requested.connect(lambda: self.exchange_export_action.trigger())
        screen.changed.connect(self._review_changed)
        screen.saved.connect(self.saved_label.setText)
        screen.notice.connect(self.show_status)
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
        from kanwa_review.ui.keyboard_help import KeyboardHelpDialog

        dialog = KeyboardHelpDialog(self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.keyboard_help = dialog
        dialog.open()

    def show_data_location(self) -> None:
        from kanwa_review import paths
        QMessageBox.information(
            self, self.tr("データの保存場所"),
            self.tr("データベース:\n{database}\n\n自動バックアップ:\n{backups}\n\n"
                    "入力はすべて即時にこのファイルへ保存されます（保存ボタンはありません）。").format(
                database=self.db_path, backups=paths.backups_dir()))

    def show_about(self) -> None:
        from kanwa_review.ui.dialogs.about import show_about
        self.about_dialog = show_about(self)

    # --- closing ------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.settings.set_last_review(
            self.db_path, self.review_screen.uuid
            if self.review_screen is not None and self.stack.currentWidget() is self.review_screen
            else None)
        self.settings.sync()
        # the hub's windows show this database: they go with it
        for window in [getattr(self, "dashboard_window", None),
                       *getattr(self, "history_windows", [])]:
            if window is not None:
                window.close()
        super().closeEvent(event)

