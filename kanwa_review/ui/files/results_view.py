"""The one view of import results, for every kind of file (submission packages, checklist
workbooks, progress files, the facility master): one row per file over `core.imports
.ImportResult`, worded with the one status vocabulary (`status_word`), the signature of each
package and who signed it (`core.trust.signature_word`), and every error and warning of the
selected files below."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kanwa_review.core.imports import (
    FACILITIES,
    PACKAGE,
    PROGRESS,
    REJECTED,
    STATUSES,
    WORKBOOK,
    ImportResult,
    status_word,
)
from kanwa_review.core.trust import signature_word
from kanwa_review.ui.geometry import fit_dialog

REJECTED_TEXT = QColor("#a0141e")   # readable on white and on the dark palette's grey
WARNING_TEXT = QColor("#8a5a00")
FILE, RESULT, FACILITY, REVISION, SIGNATURE, MESSAGE = range(6)


def _without_file(message: str, file: str) -> str:
    """The table already shows the file: drop its path from the start of the message."""
    if message.startswith(file):
        return message[len(file):].lstrip(" :›")
    return message


class ImportResultsDialog(QDialog):
    """One row per file: file, result, facility, revision, first message; the details of the
    selected rows (all rows when none is selected) below. `total`: how many files the run had,
    when it was cancelled before the last one."""

    def __init__(self, results: list[ImportResult], parent=None, *, title: str | None = None,
                 total: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("取込結果"))
        self.setAccessibleName(self.windowTitle())
        fit_dialog(self, QSize(980, 520))
        self.results = list(results)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(total))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("取込結果の概要"))
        layout.addWidget(self.summary)
        self.table = self._table()
        layout.addWidget(self.table, 3)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("メッセージの詳細"))
        layout.addWidget(self.details, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._show_details)
        if self.results:
            first_rejected = next((n for n, r in enumerate(self.results)
                                   if r.status == REJECTED), 0)
            self.table.selectRow(first_rejected)
        self._show_details()

    # --- wording ------------------------------------------------------------------------
    def _summary(self, total: int | None) -> str:
        counts = {s: sum(1 for r in self.results if r.status == s) for s in STATUSES}
        text = self.tr("{files} ファイルを処理しました — {counts}").format(
            files=len(self.results),
            counts=self.tr("　", "between the counts of the summary").join(
                self.tr("{word} {n} 件").format(word=status_word(s), n=n)
                for s, n in counts.items()))
        if total is not None and total > len(self.results):
            text += self.tr("（取り消したため残り {left} ファイルは未処理）").format(
                left=total - len(self.results))
        if counts[REJECTED]:
            text += "\n" + self.tr("{word}されたファイルからは何も登録されていません。メッセージを確認し、"
                                   "送付元に再送を依頼してください。").format(word=status_word(REJECTED))
        return text

    def result_text(self, r: ImportResult) -> str:
        """The status word, and what the file brought where its kind counts it."""
        word = status_word(r.status)
        if r.status == REJECTED:
            return word
        if r.kind == WORKBOOK:
            return word + (self.tr("（確定）") if r.final else self.tr("（下書き）"))
        if r.kind == PROGRESS:
            return word + self.tr("（反映 {applied}・変更なし {unchanged}・古いため対象外 {stale}）").format(
                applied=len(r.applied), unchanged=len(r.unchanged), stale=len(r.stale))
        if r.kind == FACILITIES:
            return word + self.tr("（新規 {created} 件・更新 {updated} 件・変更なし {unchanged} 件）").format(
                created=len(r.created), updated=len(r.updated), unchanged=len(r.unchanged))
        return word

    def signature_text(self, r: ImportResult) -> str:
        """The signature word and who signed (a package; "" for other kinds of file, and for
        a package not read as far as its signature)."""
        if r.kind != PACKAGE or r.signature is None:
            return ""
        word = signature_word(r.signature)
        name = (r.signer or {}).get("name")
        return self.tr("{word}（{name}）").format(word=word, name=name) if name else word

    def signer_line(self, r: ImportResult) -> str:
        """The details' line on the signature, with the signer's fingerprint."""
        signer = r.signer or {}
        if not signer.get("fingerprint"):
            return self.tr("署名: {word}").format(word=signature_word(r.signature))
        return self.tr("署名: {word} — {name}（指紋 {fingerprint}）").format(
            word=signature_word(r.signature), name=signer.get("name") or "",
            fingerprint=signer["fingerprint"])

    def messages(self, r: ImportResult) -> list[str]:
        """Errors (✕), then warnings and skipped stale reports (△), each naming its place."""
        stale = [self.tr("古いため対象外: {place}").format(place=s) for s in r.stale]
        return [f"✕ {e}" for e in r.errors] + [f"△ {w}" for w in r.warnings + stale]

    # --- building -----------------------------------------------------------------------
    def _table(self) -> QTableWidget:
        table = QTableWidget(len(self.results), 6)
        table.setAccessibleName(self.tr("取込結果"))
        table.setHorizontalHeaderLabels([self.tr("ファイル"), self.tr("結果"), self.tr("施設"),
                                         self.tr("版"), self.tr("署名"), self.tr("メッセージ")])
        # only packages carry a signature: the column shows when a package is in the run
        table.setColumnHidden(SIGNATURE, not any(r.kind == PACKAGE for r in self.results))
        header = table.horizontalHeader()
        header.setSectionResizeMode(FILE, QHeaderView.Interactive)
        for col in (RESULT, FACILITY, REVISION, SIGNATURE):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(MESSAGE, QHeaderView.Stretch)
        table.setColumnWidth(FILE, 260)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setWordWrap(False)
        for row, r in enumerate(self.results):
            messages = self.messages(r)
            # errors as they are, warnings marked: the colour of the row already says rejected
            first = _without_file(messages[0].removeprefix("✕ "), r.file) if messages else ""
            if len(messages) > 1:
                first += self.tr("（ほか {more} 件）").format(more=len(messages) - 1)
            cells = (Path(r.file).name, self.result_text(r), r.facility or "",
                     "" if r.revision is None else self.tr("第{n}版").format(n=r.revision),
                     self.signature_text(r), first)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(r.file if col == FILE else self.signer_line(r)
                                if col == SIGNATURE else "\n".join(messages))
                if r.status == REJECTED:
                    item.setForeground(REJECTED_TEXT)
                elif (r.warnings or r.stale) and col in (RESULT, MESSAGE):
                    item.setForeground(WARNING_TEXT)
                table.setItem(row, col, item)
        return table

    def _show_details(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        lines = []
        for n in rows or range(len(self.results)):
            r = self.results[n]
            head = f"■ {r.file} — {self.result_text(r)}"
            if r.review:
                head += self.tr("（{review} 第{n}版）").format(review=r.review, n=r.revision)
            lines.append(head)
            if r.kind == PACKAGE and r.signature is not None:
                lines.append(f"  {self.signer_line(r)}")
            lines += [f"  {m}" for m in self.messages(r)]
        self.details.setPlainText("\n".join(lines) or self.tr("問題はありませんでした。"))


__all__ = ["ImportResultsDialog"]
