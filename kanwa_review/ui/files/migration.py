"""ツール ▸ 評価票 ▸ 下書きを新しい評価票に移す… (services.migrate_drafts, through the runner) and
the "what changed" page it ends on: every review moved, and every item whose answer needs a
second look (services' checks; 移行で確認が必要な項目… shows a review's list again later,
services.migration_checks). A double-click opens the review at that item."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kanwa_review.services.changes import OpChanges
from kanwa_review.services.form_migration import MIGRATED, REFUSED, SKIPPED, UNCHANGED, check_json
from kanwa_review.ui.actions import command
from kanwa_review.ui.dialogs.common import add_row, ok_cancel_buttons, size_to_width
from kanwa_review.ui.files.forms import form_label, forms_menu
from kanwa_review.ui.operations import run_change

# marked for the catalog (context Migration), translated where they are shown
STATUS_WORDS = {MIGRATED: QT_TRANSLATE_NOOP("Migration", "移行"),
                UNCHANGED: QT_TRANSLATE_NOOP("Migration", "変更なし"),
                SKIPPED: QT_TRANSLATE_NOOP("Migration", "対象外"),
                REFUSED: QT_TRANSLATE_NOOP("Migration", "移行できません")}
ANSWER_FIELDS = {"rating": QT_TRANSLATE_NOOP("Migration", "評価"),
                 "self_rating": QT_TRANSLATE_NOOP("Migration", "自己評価"),
                 "value": QT_TRANSLATE_NOOP("Migration", "値"),
                 "period": QT_TRANSLATE_NOOP("Migration", "期間"),
                 "evidence": QT_TRANSLATE_NOOP("Migration", "根拠"),
                 "comment": QT_TRANSLATE_NOOP("Migration", "コメント")}


def _tr(text: str) -> str:
    """A text of STATUS_WORDS or ANSWER_FIELDS, each marked with QT_TRANSLATE_NOOP."""
    return QCoreApplication.translate("Migration", text)


def old_answers_text(check: dict) -> str:
    """The earlier answers of a check, as one line (「評価: C／コメント: …」)."""
    parts = []
    for answer in check.get("old") or []:
        if answer:
            parts.append(QCoreApplication.translate("Migration", "／", "between fields").join(
                f"{_tr(ANSWER_FIELDS.get(k, k))}: {v}" for k, v in answer.items()))
    return QCoreApplication.translate("Migration", "　", "between answers").join(parts)


class MigrateDialog(QDialog):
    """The form to move to (the forms offered here) and which drafts: the open or selected
    draft, or every draft on another version of that form."""

    def __init__(self, services, current_uuid: str | None, parent=None):
        super().__init__(parent)
        title = self.tr("下書きを新しい評価票に移す")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.forms = services.offered_forms()
        self.current = None
        if current_uuid:
            try:
                review = services.review(current_uuid)
            except LookupError:
                review = None
            self.current = review if review is not None and not review.is_final else None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("下書きの回答を、評価票の新しい版へ対応表に従って移します。確定済みの"
                               "レビューと修正版の下書きは移しません。移したあと、回答を確かめる"
                               "必要がある項目を一覧にします。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.form_choice = add_row(form, self.tr("移す先の評価票(&E)"), QComboBox())
        for f in self.forms:
            self.form_choice.addItem(form_label(f))
        layout.addLayout(form)
        self.only_current = QRadioButton(
            self.tr("このレビューだけ: {facility}（{date} 訪問・{version}版）").format(
                facility=self.current.facility_name, date=self.current.visit_date.isoformat(),
                version=self.current.form_version) if self.current else
            self.tr("このレビューだけ（下書きのレビューを開くか選んでください）"))
        self.every_draft = QRadioButton(self.tr("同じ評価票の別の版のすべての下書き"))
        group = QButtonGroup(self)
        for b in (self.only_current, self.every_draft):
            group.addButton(b)
            layout.addWidget(b)
        self.only_current.setEnabled(self.current is not None)
        (self.only_current if self.current else self.every_draft).setChecked(True)
        box = ok_cancel_buttons(self, self.tr("移す"), self.tr("下書きを移す"))
        box.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        self.ok_button = box.ok_button
        self.ok_button.setEnabled(bool(self.forms))
        layout.addWidget(box)
        size_to_width(self, 620)

    def target(self):
        return self.forms[self.form_choice.currentIndex()]

    def review_uuid(self) -> str | None:
        return self.current.uuid if self.only_current.isChecked() and self.current else None


class ChecksList(QListWidget):
    """The items of one review whose answer needs a second look; Enter or a double-click asks
    to open the review at that item."""

    jump_requested = Signal(str, str)      # review uuid, item code

    def __init__(self):
        super().__init__()
        self.setAccessibleName(self.tr("確認が必要な項目"))
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.uuid: str | None = None
        self.itemActivated.connect(self._activated)

    def show_checks(self, uuid: str | None, checks: list[dict]) -> None:
        self.uuid = uuid
        self.clear()
        for c in checks:
            code = c.get("item") or "—"
            item = QListWidgetItem(self.tr("{code}　{message}").format(code=code,
                                                                      message=c.get("message", "")))
            old = old_answers_text(c)
            if old:
                item.setToolTip(self.tr("前の版の回答: {answers}").format(answers=old))
            item.setData(Qt.UserRole, c.get("item"))
            self.addItem(item)
        if not checks:
            self.addItem(self.tr("（確認が必要な項目はありません）"))

    def _activated(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.UserRole)
        if self.uuid and code:
            self.jump_requested.emit(self.uuid, code)


class MigrationResultsDialog(QDialog):
    """The "what changed" page. `rows`: per review {uuid, facility, revision, versions, status,
    message, checks} (`rows_of(results)`); `open_review(uuid, code)` opens one at an item."""

    def __init__(self, rows: list[dict], parent=None, *,
                 open_review: Callable[[str, str], None] | None = None):
        super().__init__(parent)
        title = self.tr("評価票の移行 — 確認が必要な項目")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.rows, self.open_review = rows, open_review
        layout = QVBoxLayout(self)
        moved = [r for r in rows if r["status"] == MIGRATED]
        self.summary = QLabel(self.tr("{moved} 件のレビューを移しました（{total} 件中）。"
                                      "確認が必要な項目: {checks} 件").format(
            moved=len(moved), total=len(rows), checks=sum(len(r["checks"]) for r in moved))
            if rows else self.tr("移す下書きはありませんでした。"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = self._table()
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("選んだレビューで回答を確かめる項目（ダブルクリックでその項目を開きます）:")))
        self.checks = ChecksList()
        self.checks.jump_requested.connect(self._jump)
        layout.addWidget(self.checks, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._show_checks)
        if rows:
            first = next((n for n, r in enumerate(rows) if r["checks"]), 0)
            self.table.selectRow(first)
        self._show_checks()
        self.resize(900, 600)

    def _table(self) -> QTableWidget:
        table = QTableWidget(len(self.rows), 4)
        table.setAccessibleName(self.tr("移したレビュー"))
        table.setHorizontalHeaderLabels([self.tr("施設"), self.tr("評価票の版"), self.tr("結果"),
                                          self.tr("内容")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.SingleSelection)
        header = table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        for n, r in enumerate(self.rows):
            for col, text in enumerate((
                    r["facility"], r["versions"],
                    _tr(STATUS_WORDS.get(r["status"], r["status"])), r["message"])):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(n, col, item)
        return table

    def _show_checks(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        row = self.rows[rows[0]] if rows else None
        self.checks.show_checks(row["uuid"] if row else None, row["checks"] if row else [])

    def _jump(self, uuid: str, code: str) -> None:
        if self.open_review is not None:
            self.open_review(uuid, code)
            self.accept()


def rows_of(results) -> list[dict]:
    """The page's rows from services' MigrationResults."""
    return [{"uuid": r.uuid, "facility": f"{r.facility_code}  {r.facility_name}",
             "revision": r.revision,
             "versions": QCoreApplication.translate("Migration", "{old} → {new}").format(
                 old=r.from_version, new=r.to_version),
             "status": r.status, "message": r.message,
             "checks": [check_json(c) for c in r.checks]} for r in results]


def _opener(window):
    open_review = getattr(window, "open_review", None)
    return (lambda uuid, code: open_review(uuid, focus=code)) if open_review else None


def migrate(window) -> None:
    dialog = MigrateDialog(window.services, window.current_review_uuid(), window)
    try:
        if dialog.exec() != QDialog.Accepted:
            return
        to, review = dialog.target(), dialog.review_uuid()
    finally:
        dialog.deleteLater()
    # an open review page holds its form: leave it (typing saved) before the form changes
    if getattr(window, "review_screen", None) is not None and hasattr(window, "show_home"):
        window.show_home()

    def done(results) -> None:
        window.show_status(QCoreApplication.translate(
            "Migration", "評価票の移行: {n} 件のレビューを移しました").format(
            n=sum(1 for r in results if r.status == MIGRATED)))
        window.migration_results = MigrationResultsDialog(rows_of(results), window,
                                                          open_review=_opener(window))
        window.migration_results.open()

    run_change(window, QCoreApplication.translate("Migration", "下書きを新しい評価票に移しています…"),
               lambda services, _progress: services.migrate_drafts(to, review),
               changes=OpChanges.of_migrations, on_success=done)


def show_checks_again(window) -> None:
    """The "what changed" list of the open or selected review's latest move."""
    title = QCoreApplication.translate("Migration", "移行で確認が必要な項目")
    uuid = window.current_review_uuid()
    checks = window.services.migration_checks(uuid) if uuid else []
    if not uuid or not checks:
        QMessageBox.information(window, title, QCoreApplication.translate(
            "Migration", "選んだレビューには、評価票の移行で確認が必要な項目はありません。"))
        return
    r = window.services.review(uuid)
    row = {"uuid": uuid, "facility": f"{r.facility_code}  {r.facility_name}",
           "revision": r.revision, "versions": r.form_version, "status": MIGRATED,
           "message": "", "checks": checks}
    window.migration_results = MigrationResultsDialog([row], window, open_review=_opener(window))
    window.migration_results.open()


def install(window) -> None:
    menu = forms_menu(window)
    menu.addSeparator()
    for name, command_id, tip, slot in (
            ("migrate_action",
             "migrate",
             QCoreApplication.translate("Migration", "下書きの回答を評価票の新しい版へ対応表に従って移します"),
             migrate),
            ("migration_checks_action",
             "migration_checks",
             QCoreApplication.translate("Migration", "選んだレビューの、評価票の移行で確認が必要な項目を表示します"),
             show_checks_again)):
        action = command(window, command_id, lambda _=False, slot=slot: slot(window), tip=tip)
        menu.addAction(action)
        setattr(window, name, action)


__all__ = ["ChecksList", "MigrateDialog", "MigrationResultsDialog", "install", "migrate",
           "rows_of", "show_checks_again"]
