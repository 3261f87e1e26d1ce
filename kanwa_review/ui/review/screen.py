"""The review page: a header (facility, visit, status, progress) over three tabs —
チェックリスト (checklist screen), 所見 (findings) and 変更履歴 (audit trail)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.shortcuts import keys_text, shortcut
from kanwa_review.ui.review.audit_view import AuditView
from kanwa_review.ui.checklist.screen import ChecklistScreen
from kanwa_review.ui.findings.panel import FindingsPanel
from kanwa_review.ui.findings.review_fields import OVERALL_COMMENT_TARGET
from kanwa_review.ui.labels import fiscal_year_text, review_status_label

CHECKLIST_TAB, FINDINGS_TAB, AUDIT_TAB = range(3)


class ReviewScreen(QWidget):
    back_requested = Signal()
    changed = Signal(object)          # services.Changed of any edit made in this screen
    saved = Signal(str)               # "保存しました 14:03:05"
    notice = Signal(str)              # a line for the status bar
    finalise_requested = Signal()
    amend_requested = Signal()
    export_requested = Signal()       # 提出ファイルを書き出す, from the finalised banner

    def __init__(self, services, uuid: str, parent=None):
        super().__init__(parent)
        self.services = services
        self.uuid = uuid
        self.review = services.review(uuid)
        self.focused_item: str | None = None
        self._audit_stale = False
        # the header's completeness is re-read once per burst of edits, after the edit's own
        # repaint, so a rating keystroke never waits for it
        self._header_timer = QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(0)
        self._header_timer.timeout.connect(self.refresh_header)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._build_header())
        layout.addWidget(self._build_banner())

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("レビューの画面"))
        self.tabs.setDocumentMode(True)
        self.checklist = self._build_checklist()
        self.findings = self._build_findings()
        self.audit = AuditView(services, uuid)
        # plain labels: 「チェックリスト(1)」 read as a count of one; Alt+1/2/3 still switch
        self.tabs.addTab(self.checklist, self.tr("チェックリスト"))
        self.tabs.addTab(self.findings, self.tr("所見"))
        self.tabs.addTab(self.audit, self.tr("変更履歴"))
        for i, tip in enumerate((self.tr("評価項目の記入（Alt+1）"),
                                 self.tr("良い点・改善が望まれる点・提言（Alt+2）"),
                                 self.tr("誰がいつ何を変えたか（Alt+3）"))):
            self.tabs.setTabToolTip(i, tip)
        for i, key in enumerate(shortcut("review_tabs").keys):
            tab_key = QShortcut(QKeySequence(key), self)
            tab_key.setContext(Qt.WidgetWithChildrenShortcut)
            tab_key.activated.connect(lambda i=i: self.tabs.setCurrentIndex(i))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self.refresh_header()

    # --- building -----------------------------------------------------------------------
    def _build_banner(self) -> QWidget:
        """A finalised revision: read-only, and the next step (the submission file) at hand."""
        box = QFrame()
        box.setObjectName("finalBanner")
        box.setFrameShape(QFrame.StyledPanel)
        row = QHBoxLayout(box)
        row.setContentsMargins(6, 4, 6, 4)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("確定済みのお知らせ"))
        keys = keys_text(shortcut("export_package"))
        self.export_button = QPushButton(self.tr("提出ファイルを書き出す…（{keys}）").format(
            keys=keys))
        self.export_button.setAccessibleName(self.tr("提出ファイルを書き出す"))
        self.export_button.setToolTip(self.tr("拠点病院の事務局へ送る提出ファイル（.kanwa）を"
                                              "書き出します"))
        self.export_button.clicked.connect(self.export_requested)
        row.addWidget(self.banner, 1)
        row.addWidget(self.export_button)
        self.banner_box = box
        return box

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← ホーム"))
        self.back_button.setAccessibleName(self.tr("ホームへ戻る"))
        back_keys = QKeySequence(QKeySequence.Back).toString(QKeySequence.NativeText)
        self.back_button.setToolTip(self.tr("ホームへ戻る（{keys}）").format(keys=back_keys))
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setAccessibleName(self.tr("レビューの概要"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel()
        self.details.setAccessibleName(self.tr("状態と回答率"))
        for label in (self.title, self.details):
            label.setWordWrap(True)  # wraps on a narrow window instead of forcing it wide
        self.finalise_button = QPushButton(self.tr("確定…"))
        self.finalise_button.setAccessibleName(self.tr("レビューを確定"))
        self.finalise_button.setToolTip(self.tr("必須項目を確認し、リーダーの署名で確定します"))
        self.finalise_button.clicked.connect(self.finalise_requested)
        self.amend_button = QPushButton(self.tr("修正版を作成…"))
        self.amend_button.setAccessibleName(self.tr("修正版を作成"))
        self.amend_button.setToolTip(self.tr("確定済みの版を写して、変更できる次の版を作ります"))
        self.amend_button.clicked.connect(self.amend_requested)
        row.addWidget(self.back_button)
        row.addSpacing(12)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.details)
        row.addLayout(text, 1)
        row.addWidget(self.finalise_button)
        row.addWidget(self.amend_button)
        return row

    def _build_checklist(self) -> QWidget:
        screen = ChecklistScreen(self.services, self.uuid)
        screen.setAccessibleName(screen.accessibleName() or self.tr("チェックリスト"))
        screen.changed.connect(self._edited)
        screen.saved.connect(self.saved)
        screen.notice.connect(self.notice)
        screen.add_finding_requested.connect(self.add_finding_from_item)
        self.checklist_screen = screen
        return screen

    def _build_findings(self) -> QWidget:
        panel = FindingsPanel(self.services, self.uuid, undo_stack=self.undo_stack)
        panel.setAccessibleName(panel.accessibleName() or self.tr("所見"))
        panel.changed.connect(self._edited)
        self.findings_panel = panel
        return panel

    # --- state --------------------------------------------------------------------------
    @property
    def undo_stack(self):
        return getattr(self.checklist_screen, "undo_stack", None)

    @property
    def is_final(self) -> bool:
        return self.review.is_final

    def refresh_header(self) -> None:
        data = self.services.load(self.uuid)
        r = self.review = data.review
        self.title.setText(f"{r.facility_code}  {r.facility_name}")
        done = data.completeness()
        leader = r.leader.name if r.leader else self.tr("未設定")
        self.details.setText(self.tr(
            "{date} 訪問・{year}　{status}（第{revision}版）　回答率 {done}%　リーダー: {leader}"
        ).format(date=r.visit_date.isoformat(), year=fiscal_year_text(r.fiscal_year),
                 status=review_status_label(r.status), revision=r.revision,
                 done=f"{done:.0f}", leader=leader))
        self.finalise_button.setEnabled(not r.is_final)
        self.amend_button.setEnabled(r.is_final)
        if r.is_final:
            self.banner.setText(self.tr(
                "この版は {who} により確定済みです（閲覧のみ）。拠点病院へは「提出ファイルを"
                "書き出す」で送ります。変更するには「修正版を作成」で次の版を作ってください。"
            ).format(who=r.finalised_by or ""))
        self.banner_box.setVisible(r.is_final)

    def _edited(self, changed) -> None:
        self._audit_stale = True
        if self.tabs.currentIndex() == AUDIT_TAB:
            self._reload_audit()
        if getattr(changed, "items", None) or getattr(changed, "review", False):
            self._header_timer.start()
        if getattr(changed, "findings", False) and self.findings_panel is not None \
                and self.sender() is not self.findings_panel:
            self.findings_panel.reload()
        self.changed.emit(changed)

    def _tab_changed(self, index: int) -> None:
        if index == AUDIT_TAB and self._audit_stale:
            self._reload_audit()

    def _reload_audit(self) -> None:
        self._audit_stale = False
        self.audit.reload()

    def reload(self) -> None:
        """Re-read everything (another window or an import changed the review)."""
        self.refresh_header()
        for part in (self.checklist_screen, self.findings_panel):
            if part is not None:
                part.reload()
        self._reload_audit()

    # --- navigation ---------------------------------------------------------------------
    def focus_item(self, code: str | None) -> None:
        if not code:
            return
        if code == OVERALL_COMMENT_TARGET:   # 総評 is a field of the findings tab
            self.tabs.setCurrentIndex(FINDINGS_TAB)
            self.findings_panel.focus_overall_comment()
            return
        self.focused_item = code
        self.tabs.setCurrentIndex(CHECKLIST_TAB)
        if self.checklist_screen is not None:
            self.checklist_screen.focus_item(code)

    def start_search(self) -> None:
        self.tabs.setCurrentIndex(CHECKLIST_TAB)
        if self.checklist_screen is not None:
            self.checklist_screen.start_search()

    def add_finding_from_item(self, kind: str, item_code: str) -> None:
        if self.is_final:  # the read-only checklist does not offer it; a stray signal is ignored
            return
        self.tabs.setCurrentIndex(FINDINGS_TAB)
        if self.findings_panel is not None:
            self.findings_panel.add_from_item(kind, item_code)
