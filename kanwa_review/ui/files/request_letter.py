"""レビュー ▸ 事前提出資料の依頼状…: the letter asking a facility for the documents to send before
the visit (services.request_letter / write_request_letter), a PDF written on the worker through
the operations runner, like the feedback report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
)

from kanwa_review.ui.actions import command
from kanwa_review.ui.date_input import date_input
from kanwa_review.ui.dialogs.common import (
    add_row, error_label, ok_cancel_buttons, show_error, size_to_width,
)
from kanwa_review.ui.errors import message_of, warn
from kanwa_review.ui.operations import run_query


class RequestLetterDialog(QDialog):
    """The send-by date (the letter's default, two weeks before the visit, proposed) and
    whether to open the PDF once saved. `check(due)` raises ValueError for a date the letter
    cannot take (after the visit): said beside the field."""

    def __init__(self, letter, check, parent=None):
        super().__init__(parent)
        self.check = check
        r = letter.data.review
        title = self.tr("事前提出資料の依頼状")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("{facility}（{date} 訪問）へ、訪問前に送ってもらう資料 {n} 件を"
                               "依頼する文書をPDFで作ります。").format(
            facility=r.facility_name, date=r.visit_date.isoformat(), n=len(letter.documents)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.due = add_row(form, self.tr("提出期限(&D)"), date_input(),
                           hint=self.tr("訪問日までの日付。設定しないときは訪問日の2週間前です"))
        self.due.set_value(letter.send_by)
        layout.addLayout(form)
        self.open_after = QCheckBox(self.tr("保存したPDFを開く(&O)"))
        self.open_after.setChecked(True)
        layout.addWidget(self.open_after)
        self.error = error_label()
        layout.addWidget(self.error)
        box = ok_cancel_buttons(self, self.tr("作成…"), self.tr("依頼状を作成"))
        box.button(QDialogButtonBox.Cancel).setText(self.tr("キャンセル"))
        self.ok_button = box.ok_button
        layout.addWidget(box)
        size_to_width(self, 520)

    def send_by(self) -> date | None:
        return self.due.value()

    def accept(self) -> None:
        try:
            self.check(self.send_by())
        except ValueError as exc:
            show_error(self.error, message_of(exc))
            return
        super().accept()


def letter_work(uuid: str, out: Path, due: date | None):
    def work(services, progress):
        progress(0, 1, QCoreApplication.translate("RequestLetter", "依頼状を作成しています…"))
        return services.write_request_letter(uuid, out, due=due)
    return work


def request_letter(window) -> None:
    title = QCoreApplication.translate("RequestLetter", "事前提出資料の依頼状")
    uuid = window.current_review_uuid()
    if not uuid:
        QMessageBox.information(window, title, QCoreApplication.translate(
            "RequestLetter", "依頼状を作るレビューを一覧から選んでください。"))
        return
    try:
        letter = window.services.request_letter(uuid)
        name = window.services.request_letter_file_name(letter.data.review)
    except (LookupError, ValueError) as exc:
        warn(window, title, exc)
        return
    dialog = RequestLetterDialog(
        letter, lambda due: window.services.request_letter(uuid, due=due), window)
    try:
        if dialog.exec() != QDialog.Accepted:
            return
        due, open_after = dialog.send_by(), dialog.open_after.isChecked()
    finally:
        dialog.deleteLater()
    chosen, _ = QFileDialog.getSaveFileName(
        window, title, str(Path.home() / name),
        QCoreApplication.translate("RequestLetter", "PDF ファイル (*.pdf)"))
    if not chosen:
        return
    out = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")

    def done(path) -> None:
        window.show_status(QCoreApplication.translate(
            "RequestLetter", "依頼状を保存しました: {path}").format(path=path))
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    run_query(window, QCoreApplication.translate("RequestLetter", "依頼状を作成しています…"),
              window.db_path, letter_work(uuid, out, due), on_success=done)


def install(window) -> None:
    window.request_letter_action = command(
        window, "request_letter", lambda: request_letter(window), tip=QCoreApplication.translate(
            "RequestLetter", "訪問前に送ってもらう資料を施設へ依頼する文書（PDF）を作ります"))
    window.review_menu.addAction(window.request_letter_action)


__all__ = ["RequestLetterDialog", "install", "letter_work", "request_letter"]
