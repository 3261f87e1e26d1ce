"""Item models of the home screen: facilities (施設) with their reviews, and the filter over them."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from kanwa_review.core.dates import fiscal_year_label
from kanwa_review.core.review import Facility
from kanwa_review.services import ReviewSummary
from kanwa_review.ui.display import local_time
from kanwa_review.ui.labels import category_label, review_status_label

UUID_ROLE = Qt.UserRole            # review rows: the review UUID; facility rows: None
FACILITY_ROLE = Qt.UserRole + 1    # every row: the facility code
STATUS_ROLE = Qt.UserRole + 2      # review rows: "draft" | "final"
SORT_ROLE = Qt.UserRole + 3        # a value that sorts right (numbers, ISO dates)
SEARCH_ROLE = Qt.UserRole + 4      # the text the search box matches against


@dataclass
class FacilityNode:
    facility: Facility
    reviews: list[ReviewSummary] = field(default_factory=list)
    # display texts, computed once per reload: views ask for them thousands of times
    texts: tuple[str, ...] = ()
    review_texts: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def last_change(self) -> str:
        return max((r.updated_at for r in self.reviews), default="")

    def prepare(self) -> None:
        f = self.facility
        self.texts = (f"{f.code}  {f.name}", "", QCoreApplication.translate(
            "HomeModel", "レビュー {count} 件").format(count=len(self.reviews)), "", "",
                      local_time(self.last_change))
        self.review_texts = [
            (QCoreApplication.translate("HomeModel", "{date} 訪問").format(
                date=r.visit_date.isoformat()), fiscal_year_label(r.fiscal_year),
             review_status_label(r.status),
             QCoreApplication.translate("HomeModel", "第{revision}版").format(revision=r.revision),
             f"{r.completeness:.0f}%", local_time(r.updated_at)) for r in self.reviews]


class HomeModel(QAbstractItemModel):
    """Two levels: a facility, then its current reviews (newest visit first)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = (self.tr("施設・訪問日"), self.tr("年度"), self.tr("状態"), self.tr("版"),
                        self.tr("回答率"), self.tr("最終更新"))
        self.nodes: list[FacilityNode] = []

    def set_data(self, facilities: list[Facility], reviews: list[ReviewSummary]) -> None:
        self.beginResetModel()
        by_code = {f.code: FacilityNode(f) for f in facilities}
        for r in reviews:
            node = by_code.get(r.facility_code)
            if node is None:  # a review whose facility row is missing: still show it
                node = by_code[r.facility_code] = FacilityNode(Facility(r.facility_code,
                                                                         r.facility_name))
            node.reviews.append(r)
        for node in by_code.values():
            node.reviews.sort(key=lambda r: (r.visit_date, r.revision), reverse=True)
            node.prepare()
        self.nodes = sorted(by_code.values(), key=lambda n: n.facility.code)
        self.endResetModel()

    # --- lookup -------------------------------------------------------------------------
    def review_at(self, index: QModelIndex) -> ReviewSummary | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.nodes[index.internalId() - 1].reviews[index.row()]

    def facility_at(self, index: QModelIndex) -> Facility | None:
        if not index.isValid():
            return None
        node_row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.nodes[node_row].facility

    def index_of_review(self, uuid: str) -> QModelIndex:
        for i, node in enumerate(self.nodes):
            for j, r in enumerate(node.reviews):
                if r.uuid == uuid:
                    return self.createIndex(j, 0, i + 1)
        return QModelIndex()

    def review_count(self) -> int:
        return sum(len(n.reviews) for n in self.nodes)

    # --- QAbstractItemModel -------------------------------------------------------------
    # internalId 0 marks a facility row; a review row stores its facility's row + 1.
    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()):
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.nodes)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.nodes[parent.row()].reviews)
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        parent_id = index.internalId()
        if role == Qt.DisplayRole:  # the hot path: a tuple lookup
            if parent_id == 0:
                return self.nodes[index.row()].texts[index.column()]
            return self.nodes[parent_id - 1].review_texts[index.row()][index.column()]
        if parent_id == 0:
            return self._facility_data(self.nodes[index.row()], index.column(), role)
        node = self.nodes[index.internalId() - 1]
        return self._review_data(node, node.reviews[index.row()], index.column(), role)

    def _facility_data(self, node: FacilityNode, col: int, role):
        f = node.facility
        if role == SORT_ROLE:
            return (f.code, "", len(node.reviews), 0, 0.0, node.last_change)[col]
        if role == Qt.ToolTipRole:
            category = category_label(f.category)
            return self.tr("{name}（{prefecture}・{category}）").format(
                name=f.name, prefecture=f.prefecture or self.tr("都道府県未登録"),
                category=category)
        if role == Qt.FontRole and col == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == FACILITY_ROLE:
            return f.code
        if role == SEARCH_ROLE:
            return f"{f.code} {f.name} {f.prefecture}"
        return None

    def _review_data(self, node: FacilityNode, r: ReviewSummary, col: int, role):
        if role == SORT_ROLE:
            return (r.visit_date.isoformat(), r.fiscal_year, r.status, r.revision,
                    r.completeness, r.updated_at)[col]
        if role == Qt.TextAlignmentRole and col in (3, 4):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.FontRole and col == 2 and r.status == "draft":
            font = QFont()  # drafts stand out as work still open, without a colour of our own
            font.setBold(True)
            return font
        if role == Qt.ToolTipRole:
            # the form by its version, not its id (a developer's name)
            return self.tr("{facility}　{date} 訪問　{status}（第{revision}版）\n"
                           "評価票 {version}版　ダブルクリックで開きます").format(
                facility=node.facility.name, date=r.visit_date.isoformat(),
                status=review_status_label(r.status), revision=r.revision,
                version=r.form_version)
        if role == UUID_ROLE:
            return r.uuid
        if role == FACILITY_ROLE:
            return node.facility.code
        if role == STATUS_ROLE:
            return r.status
        if role == SEARCH_ROLE:
            return (f"{node.facility.code} {node.facility.name} {node.facility.prefecture} "
                    f"{r.visit_date.isoformat()} {fiscal_year_label(r.fiscal_year)} "
                    f"{r.fiscal_year} {review_status_label(r.status)}")
        return None


class HomeFilter(QSortFilterProxyModel):
    """Search text (all words must appear; case-insensitive) and a status filter.

    A facility stays visible while it or any of its reviews matches; when the facility itself
    matches the words, all its reviews that pass the status filter are shown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []
        self.status: str | None = None   # None = every status
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = [w.casefold() for w in text.split()]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _matches(self, index: QModelIndex) -> bool:
        text = (self.sourceModel().data(index, SEARCH_ROLE) or "").casefold()
        return all(w in text for w in self.words)

    def _review_ok(self, index: QModelIndex, facility_matched: bool) -> bool:
        model = self.sourceModel()
        if self.status and model.data(index, STATUS_ROLE) != self.status:
            return False
        return facility_matched or self._matches(index)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if source_parent.isValid():  # a review
            return self._review_ok(index, self._matches(source_parent))
        facility_matched = self._matches(index)
        children = model.rowCount(index)
        if any(self._review_ok(model.index(i, 0, index), facility_matched)
               for i in range(children)):
            return True
        # a facility without reviews is listed only while no status filter is set
        return facility_matched and not self.status
