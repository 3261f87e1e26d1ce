"""The main window: for now a home list of facilities and their reviews (issue 3 grows it)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from kanwa_review.core.dates import fiscal_year_label
from kanwa_review.services import ReviewSummary, Services
from kanwa_review.ui.extensions import install_all

STATUS_LABELS = {"draft": "下書き", "final": "確定"}


class ReviewListModel(QAbstractTableModel):
    HEADERS = ("施設コード", "施設名", "訪問日", "年度", "状態", "版", "回答率")

    def __init__(self, rows: list[ReviewSummary]):
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.UserRole):
            return None
        r = self.rows[index.row()]
        values = (r.facility_code, r.facility_name, r.visit_date.isoformat(),
                  fiscal_year_label(r.fiscal_year), STATUS_LABELS.get(r.status, r.status),
                  r.revision, f"{r.completeness:.0f}%")
        return values[index.column()]


class MainWindow(QMainWindow):
    def __init__(self, services: Services, *, is_demo: bool = False):
        super().__init__()
        self.services = services
        title = "緩和ケア ピアレビュー — kanwa-review"
        if is_demo:
            title += "（デモデータ）"
        self.setWindowTitle(title)
        self.resize(1100, 700)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.table = QTableView()
        self.table.setAccessibleName("レビュー一覧")
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.file_menu = self.menuBar().addMenu("ファイル(&F)")
        self.review_menu = self.menuBar().addMenu("レビュー(&R)")
        self.hub_menu = self.menuBar().addMenu("集計(&H)")
        self.refresh_all()
        self.show_status(str(services.database.path))
        install_all(self)

    # --- the API feature modules use (ui/extensions.py) --------------------------------
    @property
    def db_path(self):
        return self.services.database.path

    def current_review_uuid(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.table.model().mapToSource(index).row()
        return self.model.rows[row].uuid

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def refresh_all(self) -> None:
        rows = self.services.list_reviews()
        self.model = ReviewListModel(rows)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        self.table.setModel(proxy)
        facilities = len({r.facility_code for r in rows})
        self.summary.setText(f"施設 {facilities} 件・レビュー {len(rows)} 件")
