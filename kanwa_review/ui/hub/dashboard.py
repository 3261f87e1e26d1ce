"""Hub dashboard (ダッシュボード): for one fiscal year, the facility × section heat-map with the
median row, facilities with overdue improvement actions and reviews not yet received; double-click
opens a facility's history. Data come from `Services.dashboard` in a worker; filtering and
medians are `core.dashboard`'s — the widgets only display."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.ui.hub.heatmap import (
    BY_CODE,
    BY_NAME,
    CODE_ROLE,
    HeatmapModel,
    MedianLastProxy,
    legend,
)
from kanwa_review.ui.hub.facility_history import FacilityHistoryWindow
from kanwa_review.ui.hub.tables import WARNING_TEXT, table, table_item
from kanwa_review.ui.geometry import fit_window
from kanwa_review.ui.labels import (
    action_status_label,
    category_label,
    fiscal_year_label,
    receipt_label,
)
from kanwa_review.ui.operations import run_query

ALL = None  # combo data for "no filter"
EM = "あ"    # a full-width glyph measured for column widths, never shown


def dashboard_work(fy: int | None, today: date | None):
    """On the worker: its read-only Services on the window's file."""
    def work(services, progress):
        return services.dashboard(fy, today=today, progress=progress)
    return work


class DashboardWindow(QWidget):
    """A top-level window. `history_opened(window)` reports each facility history it opens."""

    history_opened = Signal(object)
    loaded = Signal()

    def __init__(self, db_path: Path, parent=None, *, today: date | None = None,
                 fiscal_year: int | None = None, load: bool = True,
                 on_open_review: Callable[[str], None] | None = None, services=None):
        super().__init__(parent, Qt.Window)
        self.db_path = Path(db_path)
        self.services = services    # the UI thread's, handed to history windows for editing
        self.today = today
        self.data = None
        self.on_open_review = on_open_review
        self.history_windows: list[FacilityHistoryWindow] = []
        self.setWindowTitle(self.tr("ダッシュボード"))
        self.setAccessibleName(self.tr("ダッシュボード"))
        fit_window(self, QSize(1280, 800))

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        splitter = QSplitter(Qt.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_heatmap())
        splitter.addWidget(self._build_lists())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence.Close, self, activated=self.close)
        QShortcut(QKeySequence(Qt.Key_Escape), self, activated=self.close)   # Esc closes too
        QShortcut(QKeySequence.Refresh, self, activated=self.reload)
        self._wanted_year = fiscal_year
        if load:
            self.reload()

    # --- layout -------------------------------------------------------------------------
    def _combo(self, layout: QHBoxLayout, caption: str, name: str) -> QComboBox:
        label = QLabel(caption)
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        label.setBuddy(combo)
        layout.addWidget(label)
        layout.addWidget(combo)
        layout.addSpacing(10)
        return combo

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.year = self._combo(row, self.tr("年度(&Y):"), self.tr("年度"))
        self.prefecture = self._combo(row, self.tr("都道府県(&P):"), self.tr("都道府県で絞り込み"))
        self.category = self._combo(row, self.tr("種別(&K):"), self.tr("施設の種別で絞り込み"))
        self.order = self._combo(row, self.tr("並び順(&O):"), self.tr("施設の並び順"))
        self.order.addItem(self.tr("施設コード順"), BY_CODE)
        self.order.addItem(self.tr("施設名の五十音順"), BY_NAME)
        self.refresh_button = QPushButton(self.tr("再集計"))
        self.refresh_button.setAccessibleName(self.tr("再集計"))
        self.refresh_button.setToolTip(self.tr("データベースから集計し直します（F5）"))
        self.refresh_button.clicked.connect(self.reload)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("集計の概要"))
        # wraps instead of widening the window past a small screen (150 % scaling)
        self.summary.setWordWrap(True)
        row.addWidget(self.summary)
        self.year.activated.connect(self._year_chosen)
        self.prefecture.currentIndexChanged.connect(self._filter_changed)
        self.category.currentIndexChanged.connect(self._filter_changed)
        self.order.currentIndexChanged.connect(self._order_chosen)
        return row

    def _build_heatmap(self) -> QWidget:
        box = QGroupBox(self.tr("施設 × セクションの達成率（%）"))
        v = QVBoxLayout(box)
        self.model = HeatmapModel(self)
        self.proxy = MedianLastProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("施設とセクションの達成率ヒートマップ"))
        self.table.setAccessibleDescription(
            self.tr("列見出しで並べ替え。行をダブルクリックまたはEnterで施設の経過を開きます"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        # compact rows: a prefecture's twenty-odd hospitals and the median fit on one screen
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self._heatmap_activated)
        self.table.activated.connect(self._heatmap_activated)
        v.addWidget(self.table, 1)
        keys = QHBoxLayout()
        keys.addWidget(QLabel(self.tr("凡例:")))
        for label, colour in legend():
            swatch = QLabel(f" {label} ")
            swatch.setStyleSheet(f"background:{colour}; color:#111111; padding:1px 6px;")
            swatch.setAccessibleName(self.tr("凡例 {band}").format(band=label))
            keys.addWidget(swatch)
        keys.addWidget(QLabel(self.tr("　—：確定済みの評価なし・評価対象外")))
        keys.addWidget(QLabel(self.tr("　※：評価票改訂のため比較なし（中央値に含めない）")))
        keys.addStretch(1)
        self.section_key = QLabel()
        self.section_key.setWordWrap(True)
        self.section_key.setAccessibleName(self.tr("セクションの一覧"))
        v.addLayout(keys)
        v.addWidget(self.section_key)
        return box

    def _build_lists(self) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        h.setContentsMargins(0, 0, 0, 0)
        overdue_box = QGroupBox(self.tr("期限超過の改善計画"))
        ov = QVBoxLayout(overdue_box)
        self.overdue = table([self.tr("施設"), self.tr("実施内容"), self.tr("目標期日"),
                              self.tr("超過"), self.tr("状況"), self.tr("担当")],
                             self.tr("期限超過の改善計画"))
        self.overdue.setWordWrap(False)
        self.overdue.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.overdue.setAccessibleDescription(self.tr("ダブルクリックで施設の経過を開きます"))
        self.overdue.horizontalHeader().setSectionResizeMode(1, QHeaderView.Interactive)
        self.overdue.cellDoubleClicked.connect(
            lambda row, _c: self._list_activated(self.overdue, row))
        ov.addWidget(self.overdue)
        missing_box = QGroupBox(self.tr("未受領のレビュー（この年度に確定済みの評価がない施設）"))
        mv = QVBoxLayout(missing_box)
        self.not_received = table([self.tr("施設"), self.tr("状況"), self.tr("種別")],
                                  self.tr("未受領のレビュー"))
        self.not_received.setWordWrap(False)
        self.not_received.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 8)
        self.not_received.setAccessibleDescription(
            self.tr("ダブルクリックで施設の経過を開きます"))
        self.not_received.cellDoubleClicked.connect(
            lambda row, _c: self._list_activated(self.not_received, row))
        mv.addWidget(self.not_received)
        h.addWidget(overdue_box, 3)
        h.addWidget(missing_box, 2)
        return w

    # --- data -----------------------------------------------------------------------------
    def reload(self, fy: int | None = None):
        fy = fy if fy is not None else (self.data.fiscal_year if self.data else self._wanted_year)
        self.summary.setText(self.tr("集計しています…"))
        self._generation = getattr(self, "_generation", 0) + 1
        generation = self._generation

        def done(result) -> None:
            # a slower, earlier run (another year chosen meanwhile) must not overwrite a later one
            if generation == self._generation:
                self.set_data(result)

        return run_query(self, self.tr("ダッシュボードを集計しています…"), self.db_path,
                         dashboard_work(fy, self.today), on_success=done)

    def apply_changes(self, changes) -> None:
        """Re-read when an operation or another window changed what the dashboard shows; the
        facility histories opened from here decide for themselves."""
        if changes.overview():
            self.reload()
        for window in list(self.history_windows):
            window.apply_changes(changes)

    def set_data(self, data) -> None:
        """Show a `services.dashboard.DashboardData` (tests may call it directly)."""
        self.data = data
        hm = data.heatmap
        self._fill_combo(self.year, [(self.tr("{label}（{year}）").format(
            label=fiscal_year_label(y), year=y), y) for y in data.years],
                         data.fiscal_year, with_all=False)
        keep_pref, keep_cat = self.prefecture.currentData(), self.category.currentData()
        self._fill_combo(self.prefecture, [(p, p) for p in hm.prefectures()], keep_pref)
        self._fill_combo(self.category, [(category_label(c), c) for c in hm.categories()],
                         keep_cat)
        self.model.set_heatmap(hm)
        self.section_key.setText(self.tr("　", "between sections").join(
            self.tr("{code}：{title}").format(code=code, title=title)
            for code, title in hm.sections if code != "overall"))
        self._filter_changed()
        self._size_columns()
        self.loaded.emit()

    def _fill_combo(self, combo: QComboBox, entries, keep, *, with_all: bool = True) -> None:
        combo.blockSignals(True)
        combo.clear()
        if with_all:
            combo.addItem(self.tr("すべて"), ALL)
        for label, value in entries:
            combo.addItem(label, value)
        i = combo.findData(keep)
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(False)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        em = self.fontMetrics().horizontalAdvance(EM)
        header.resizeSection(0, em * 22)
        header.resizeSection(1, em * 15)
        header.resizeSection(2, em * 8)
        for c in range(self.model.fixed, self.model.columnCount()):
            header.resizeSection(c, int(em * 3.8))
        header.setStretchLastSection(False)

    def _order_chosen(self, _index: int = 0) -> None:
        """施設コード順 / 五十音順: the facility column sorted by the chosen key, ascending."""
        self.proxy.set_name_order(self.order.currentData())
        self.table.sortByColumn(0, Qt.AscendingOrder)

    def _year_chosen(self, _index: int) -> None:
        fy = self.year.currentData()
        if self.data is None or fy != self.data.fiscal_year:
            self.reload(fy)

    def _filter_changed(self, *_args) -> None:
        if self.data is None:
            return
        pref, cat = self.prefecture.currentData(), self.category.currentData()
        self.model.set_filter(pref, cat)
        shown = self.model.shown
        codes = {r.facility_code for r in shown.rows}
        self._fill_overdue([a for a in self.data.overdue if a.facility_code in codes])
        self._fill_not_received(shown.not_received())
        received = sum(1 for r in shown.rows if r.received)
        self.summary.setText(self.tr(
            "{year}：表示 {shown} 施設・受領 {received}・未受領 {missing}・期限超過 {overdue} 件"
            "（{today} 時点）").format(
            year=fiscal_year_label(self.data.fiscal_year), shown=len(shown.rows),
            received=received, missing=len(shown.rows) - received,
            overdue=self.overdue.rowCount(), today=self.data.today.isoformat()))

    def _fill_overdue(self, actions) -> None:
        t, today, names = self.overdue, self.data.today, self.data.facility_names
        t.setRowCount(len(actions))
        for r, a in enumerate(actions):
            cells = (names.get(a.facility_code, a.facility_code), a.title,
                     a.due_date.isoformat() if a.due_date else "",
                     self.tr("{days}日").format(days=a.days_overdue(today)),
                     action_status_label(a.status),
                     " ".join(x for x in (a.owner_role, a.owner_name) if x))
            for c, text in enumerate(cells):
                item = table_item(text, align=Qt.AlignRight if c == 3 else None,
                             tip=a.title if c == 1 else "")
                item.setData(CODE_ROLE, a.facility_code)
                if c == 3:
                    item.setForeground(WARNING_TEXT)
                t.setItem(r, c, item)
        t.setColumnWidth(1, max(260, self.fontMetrics().horizontalAdvance(EM) * 20))

    def _fill_not_received(self, rows) -> None:
        t = self.not_received
        t.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((
                    self.tr("{name}（{code}）").format(name=row.facility_name,
                                                     code=row.facility_code),
                    receipt_label(row.receipt), category_label(row.category))):
                item = table_item(text)
                item.setData(CODE_ROLE, row.facility_code)
                t.setItem(r, c, item)

    # --- queries for tests and screen readers --------------------------------------------
    def visible_facility_codes(self) -> list[str]:
        """Facility codes of the heat-map rows as shown (sorted), without the median row."""
        out = []
        for row in range(self.proxy.rowCount()):
            code = self.proxy.index(row, 0).data(CODE_ROLE)
            if code:
                out.append(code)
        return out

    def median_values(self) -> dict[str, float | None]:
        return dict(self.model.medians)

    # --- navigation -------------------------------------------------------------------------
    def _heatmap_activated(self, index) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.open_history(code)

    def _list_activated(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        code = item.data(CODE_ROLE) if item else None
        if code:
            self.open_history(code)

    def open_history(self, facility_code: str) -> FacilityHistoryWindow:
        """Open (or bring forward) the history window of one facility."""
        for w in self.history_windows:
            if w.facility_code == facility_code:
                w.show()
                w.raise_()
                w.activateWindow()
                return w
        w = FacilityHistoryWindow(self.db_path, facility_code, None, today=self.today,
                                  services=self.services)
        w.setAttribute(Qt.WA_DeleteOnClose)
        w.destroyed.connect(lambda _o=None, win=w: self._forget(win))
        if self.on_open_review is not None:
            w.open_review_requested.connect(self.on_open_review)
        w.actions_edited.connect(lambda _code: self.reload())   # overdue list may have changed
        self.history_windows.append(w)
        w.show()
        self.history_opened.emit(w)
        return w

    def _forget(self, window) -> None:
        if window in self.history_windows:
            self.history_windows.remove(window)

    def closeEvent(self, event) -> None:
        for w in list(self.history_windows):
            w.close()
        super().closeEvent(event)
