"""Facility history window (施設の経過): achievement per section over the fiscal years as a chart,
the visits with the change since the previous one, the facility's improvement actions and its
QIs. Everything shown comes from `Services.facility_overview` (loaded in a worker); the window
only displays it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.dashboard import format_delta
from kanwa_review.core.history import OVERALL
from kanwa_review.ui.findings.actions_editor import ActionsDialog
from kanwa_review.ui.hub.history_chart import BARS, LINES, HistoryChart
from kanwa_review.ui.hub.tables import WARNING_TEXT, table, table_item
from kanwa_review.ui.geometry import fit_window
from kanwa_review.ui.labels import action_status_label, category_label, fiscal_year_label
from kanwa_review.ui.operations import run_query

UUID_ROLE = Qt.UserRole


def overview_work(facility_code: str, today: date | None):
    """On the worker: its read-only Services on the window's file (never the UI's)."""
    def work(services, progress):
        return services.facility_overview(facility_code, today=today, progress=progress)
    return work


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


class FacilityHistoryWindow(QWidget):
    """A top-level window for one facility. `open_review_requested(uuid)` asks the main
    window to open a visit's review (double-click in the visits table)."""

    open_review_requested = Signal(str)
    loaded = Signal()
    actions_edited = Signal(str)     # facility code, after the action editor closed

    def __init__(self, db_path: Path, facility_code: str, parent=None, *,
                 today: date | None = None, load: bool = True, services=None):
        super().__init__(parent, Qt.Window)
        self.db_path = Path(db_path)
        self.services = services      # the UI thread's Services: only for editing actions
        self.facility_code = facility_code
        self.today = today
        self.overview = None
        self.setWindowTitle(self.tr("施設の経過 — {facility}").format(facility=facility_code))
        self.setAccessibleName(self.tr("施設の経過"))
        fit_window(self, QSize(1280, 800))

        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("{facility} を読み込んでいます…").format(
            facility=facility_code))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName(self.tr("施設名"))
        self.subtitle = QLabel()
        self.subtitle.setAccessibleName(self.tr("施設の概要"))
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("施設の経過の内容"))
        layout.addWidget(self.tabs, 1)
        self._build_trend_tab()
        self.visits = table(self._visit_headers(), self.tr("訪問ごとの達成率と前回比"))
        self.visits.setAccessibleDescription(self.tr("ダブルクリックでそのレビューを開きます"))
        self.visits.cellDoubleClicked.connect(self._visit_activated)
        self.tabs.addTab(self.visits, self.tr("訪問と前回比(&V)"))
        self.actions_table = table(
            [self.tr("実施内容"), self.tr("担当"), self.tr("目標期日"), self.tr("状況"),
             self.tr("期限超過"), self.tr("関連項目"), self.tr("最終進捗")],
            self.tr("改善計画"))
        self.tabs.addTab(self._actions_page(), self.tr("改善計画(&P)"))
        self.qi_table = table(
            [self.tr("年度"), self.tr("項目"), self.tr("指標"), self.tr("分子"), self.tr("分母"),
             self.tr("値"), self.tr("期間"), self.tr("目標"), self.tr("確認事項")],
            self.tr("QI（指標）"))
        self.tabs.addTab(self.qi_table, self.tr("QI(&Q)"))
        QShortcut(QKeySequence.Close, self, activated=self.close)
        QShortcut(QKeySequence(Qt.Key_Escape), self, activated=self.close)   # Esc closes too
        if load:
            self.reload()

    def _visit_headers(self) -> list[str]:
        return [self.tr("訪問日"), self.tr("年度"), self.tr("総合"), self.tr("前回比（総合）")]

    def _actions_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit_actions_button = QPushButton(self.tr("改善計画を編集…"))
        self.edit_actions_button.setAccessibleName(self.tr("改善計画を編集"))
        self.edit_actions_button.setToolTip(
            self.tr("追加・変更・進捗の記録（変更は監査ログに残ります）"))
        self.edit_actions_button.clicked.connect(self.edit_actions)
        # without the UI thread's services (a read-only window) the list stays read-only
        self.edit_actions_button.setVisible(self.services is not None)
        row.addWidget(self.edit_actions_button)
        row.addStretch(1)
        v.addLayout(row)
        v.addWidget(self.actions_table, 1)
        return page

    def edit_actions(self) -> None:
        if self.services is None:
            return
        dialog = ActionsDialog(self.services, self.facility_code, today=self.today, parent=self)
        dialog.exec()
        dialog.deleteLater()
        self.reload()   # show the edited plan (and overdue counts) from the database
        self.actions_edited.emit(self.facility_code)

    def _build_trend_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        caption = QLabel(self.tr("表示(&G):"))
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("グラフの種類"))
        self.mode.addItem(self.tr("棒グラフ（セクションごとに年度を比較）"), BARS)
        self.mode.addItem(self.tr("折れ線（年度ごとの推移）"), LINES)
        caption.setBuddy(self.mode)
        row.addWidget(caption)
        row.addWidget(self.mode)
        row.addStretch(1)
        v.addLayout(row)
        self.chart = HistoryChart()
        self.mode.currentIndexChanged.connect(
            lambda _i: self.chart.set_mode(self.mode.currentData()))
        v.addWidget(self.chart, 3)
        self.trend_table = table([self.tr("セクション")], self.tr("セクション別達成率の経年表"))
        v.addWidget(self.trend_table, 2)
        self.tabs.addTab(page, self.tr("経年変化(&T)"))

    # --- data -----------------------------------------------------------------------------
    def reload(self):
        return run_query(self, self.tr("施設の経過を読み込んでいます…"), self.db_path,
                         overview_work(self.facility_code, self.today),
                         on_success=self.set_overview)

    def apply_changes(self, changes) -> None:
        """Re-read when an operation or another window changed what this window shows."""
        if changes.overview(self.facility_code):
            self.reload()

    def set_overview(self, overview) -> None:
        """Show a `services.dashboard.FacilityOverview` (also usable directly by tests)."""
        self.overview = overview
        f = overview.facility
        name = self.tr("{name}（{code}）").format(name=f.name, code=f.code)
        self.setWindowTitle(self.tr("施設の経過 — {facility}").format(facility=name))
        self.title.setText(name)
        latest = overview.visits[0] if overview.visits else None
        parts = [category_label(f.category)]
        if f.prefecture:
            parts.append(f.prefecture)
        parts.append(self.tr("確定済みの訪問 {count} 回").format(count=len(overview.visits)))
        if latest is not None:
            parts.append(self.tr("直近 {date}（{year}）総合 {overall}・前回比 {delta}").format(
                date=latest.visit_date.isoformat() if latest.visit_date else "",
                year=fiscal_year_label(latest.fiscal_year), overall=_pct(latest.overall),
                delta=format_delta(latest.overall_delta)))
        n_open = sum(1 for a in overview.actions if a.is_open)
        n_overdue = len(overview.overdue())
        parts.append(self.tr("改善計画 {count} 件（未完了 {open}・期限超過 {overdue}）").format(
            count=len(overview.actions), open=n_open, overdue=n_overdue))
        self.subtitle.setText(self.tr("　|　", "between parts").join(parts))
        self.chart.set_history(overview.history)
        self._fill_trend(overview)
        self._fill_visits(overview)
        self._fill_actions(overview)
        self._fill_qis(overview)
        self.loaded.emit()

    def _fill_trend(self, o) -> None:
        h = o.history
        years = h.fiscal_years
        headers = [self.tr("セクション")] + [
            self.tr("{label}\n({year})").format(label=fiscal_year_label(fy), year=fy)
            for fy in years] + [self.tr("前回比")]
        t = self.trend_table
        t.clear()
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        rows = h.table()
        latest_notes = {c.code: c.note for c in h.latest_changes() if c.note}
        t.setRowCount(len(rows))
        # numbers next to their labels, not across a stretched column
        t.horizontalHeader().setStretchLastSection(False)
        right = Qt.AlignRight
        for r, row in enumerate(rows):
            label = self.tr("総合") if row["code"] == OVERALL \
                else f"{row['code']}  {row['title']}"
            t.setItem(r, 0, table_item(label))
            for c, fy in enumerate(years, start=1):
                t.setItem(r, c, table_item(_pct(row["by_year"].get(fy)), align=right))
            t.setItem(r, len(years) + 1, self._delta_item(
                row["latest_delta"], latest_notes.get(row["code"]),
                tip=self.tr("直近の訪問と前回の訪問の差（ポイント）")))
            if row["code"] == OVERALL:
                for c in range(t.columnCount()):
                    font = t.item(r, c).font()
                    font.setBold(True)
                    t.item(r, c).setFont(font)

    def _fill_visits(self, o) -> None:
        sections = [(c, title) for c, title in o.history.sections() if c != OVERALL]
        headers = self._visit_headers() + [
            self.tr("{section} 前回比").format(section=code) for code, _t in sections]
        t = self.visits
        t.clear()
        t.setColumnCount(len(headers))
        t.setHorizontalHeaderLabels(headers)
        for c, (code, title) in enumerate(sections, start=4):
            t.horizontalHeaderItem(c).setToolTip(
                self.tr("{code} {title}: 前回の訪問からの変化（ポイント）").format(code=code,
                                                                           title=title))
        t.setRowCount(len(o.visits))
        right = Qt.AlignRight
        for r, v in enumerate(o.visits):
            first = table_item(v.visit_date.isoformat() if v.visit_date else "")
            first.setData(UUID_ROLE, v.review_uuid)
            t.setItem(r, 0, first)
            t.setItem(r, 1, table_item(fiscal_year_label(v.fiscal_year)))
            t.setItem(r, 2, table_item(_pct(v.overall), align=right))
            t.setItem(r, 3, self._delta_item(v.overall_delta, v.notes.get(OVERALL)))
            for c, (code, _t) in enumerate(sections, start=4):
                t.setItem(r, c, self._delta_item(v.deltas.get(code), v.notes.get(code)))

    def _delta_item(self, delta: float | None, note: str | None, *, tip: str = ""):
        """A change in points; where a revision of the form leaves nothing to compare with,
        a short 「比較なし」 with the reason (「評価票改訂のため比較なし」) on hover."""
        if delta is None and note:
            return table_item(self.tr("比較なし"), align=Qt.AlignRight, tip=note)
        return table_item(format_delta(delta), align=Qt.AlignRight, tip=tip)

    def _fill_actions(self, o) -> None:
        t = self.actions_table
        t.setRowCount(len(o.actions))
        for r, a in enumerate(o.actions):
            owner = " ".join(x for x in (a.owner_role, a.owner_name) if x)
            days = a.days_overdue(o.today)
            last = a.progress[-1] if a.progress else None
            cells = (a.title, owner, a.due_date.isoformat() if a.due_date else self.tr("未設定"),
                     action_status_label(a.status),
                     self.tr("{days}日超過").format(days=days) if days else "",
                     self.tr("、", "between item codes").join(a.item_codes),
                     f"{last.at[:10]} {last.note}" if last else "")
            tip = self.tr("評価指標: {measure}").format(measure=a.success_measure) \
                if a.success_measure else ""
            for c, text in enumerate(cells):
                item = table_item(text, tip=tip)
                if days and c in (2, 4):
                    item.setForeground(WARNING_TEXT)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                t.setItem(r, c, item)

    def _fill_qis(self, o) -> None:
        rows = [(y, v) for y in o.qis for v in y.values]
        t = self.qi_table
        t.setRowCount(len(rows))
        right = Qt.AlignRight
        for r, (y, v) in enumerate(rows):
            target = "" if v.target is None else f"{v.target:g}{v.unit if v.kind != 'percentage' else '%'}"
            if v.target_label:
                target = self.tr("{target}（{label}）").format(
                    target=target, label=v.target_label) if target else v.target_label
            if v.value is None:
                value = "—"
            elif v.kind == "percentage":
                value = f"{v.value:.1f}%"
            else:
                value = f"{v.value:g}{v.unit}"
            verdict = {True: self.tr("目標以上"), False: self.tr("目標未満"),
                       None: ""}[v.meets_target]
            problems = self.tr("；", "between problems").join(v.problems) or verdict
            cells = ((fiscal_year_label(y.fiscal_year), None), (v.item_code, None),
                     (v.title, None),
                     ("" if v.numerator is None else str(v.numerator), right),
                     ("" if v.denominator is None else str(v.denominator), right),
                     (value, right), (v.period or "", None), (target, None), (problems, None))
            for c, (text, align) in enumerate(cells):
                item = table_item(text, align=align)
                if v.problems:
                    item.setForeground(WARNING_TEXT)
                t.setItem(r, c, item)
        t.horizontalHeader().setStretchLastSection(False)
        t.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        t.setWordWrap(False)

    def problem_count(self) -> int:
        return sum(len(v.problems) for y in (self.overview.qis if self.overview else ())
                   for v in y.values)

    def _visit_activated(self, row: int, _col: int) -> None:
        item = self.visits.item(row, 0)
        uuid = item.data(UUID_ROLE) if item else None
        if uuid:
            self.open_review_requested.emit(uuid)
