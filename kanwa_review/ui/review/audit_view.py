"""Audit trail view (変更履歴): per review, who changed what and when, old → new, in Japanese."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.form import Form
from kanwa_review.core.pdca import STATUS_LABELS as ACTION_STATUS_LABELS
from kanwa_review.core.review import FINDING_LABELS, PROFESSIONS, TEAM_ROLES, percentage
from kanwa_review.ui.display import REVIEW_STATUS_WORDS, local_time

ACTION_LABELS = {
    ("review", "create"): "レビューを作成", ("review", "update"): "基本情報を変更",
    ("review", "finalise"): "確定", ("review", "amend"): "修正版を作成",
    ("review", "delete"): "下書きを削除", ("review", "follow_up"): "フォローアップとして開始",
    ("answer", "set"): "回答を変更", ("answer", "clear_skipped"): "非該当のため回答を消去",
    ("finding", "create"): "所見を追加", ("finding", "update"): "所見を編集",
    ("finding", "move"): "所見の順序を変更", ("finding", "delete"): "所見を削除",
    ("action", "create"): "改善計画を追加", ("action", "update"): "改善計画を変更",
    ("action", "progress"): "進捗を記録", ("action", "delete"): "改善計画を削除",
    ("action", "import_create"): "改善計画を取込", ("action", "import_update"): "取込で改善計画を更新",
}
FIELD_LABELS = {  # in the order fields are listed in a change
    "rating": "評価", "self_rating": "自己評価", "value": "回答", "period": "期間",
    "evidence": "確認した資料", "comment": "コメント", "visit_date": "訪問日", "team": "チーム",
    "status": "状態", "finalised_by": "確定者", "revision": "版", "kind": "種類", "text": "本文",
    "item_codes": "関連項目", "position": "順序", "facility": "施設", "form": "評価票",
    "previous_review": "前回のレビュー", "previous_revision": "前回の版",
    "title": "実施内容", "owner_role": "担当（役割）", "owner_name": "担当者", "due_date": "目標期日",
    "success_measure": "評価指標", "note": "メモ",
}
# identifiers that say nothing to a reader; the target column already names the thing
HIDDEN_FIELDS = {"origin_review_uuid", "origin_revision", "finding_id", "uuid", "facility_code"}
STATUS_WORDS = {**REVIEW_STATUS_WORDS, **ACTION_STATUS_LABELS}   # a review's or an action's
MAX_CELL = 80  # characters shown in a cell; the tooltip holds the whole text


def _value_text(key: str, value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if key == "value" and isinstance(value, dict):
        rate = percentage(value)
        frac = f"{value.get('numerator', '?')}/{value.get('denominator', '?')}"
        return f"{frac}（{rate:.1f}%）" if rate is not None else frac
    if key == "team" and isinstance(value, list):
        return "、".join(f"{m.get('name', '')}（{TEAM_ROLES.get(m.get('role'), m.get('role'))}・"
                        f"{PROFESSIONS.get(m.get('profession'), m.get('profession'))}）"
                        for m in value if isinstance(m, dict))
    if key == "kind":
        return FINDING_LABELS.get(value, str(value))
    if key == "status":
        return STATUS_WORDS.get(value, str(value))
    if key == "position" and isinstance(value, int):
        return f"{value + 1}番目"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, str) and key in ("evidence", "comment", "text"):
        return f"「{value}」"
    return str(value)


def _fields_text(d: dict, keys: list[str]) -> str:
    return "　".join(f"{FIELD_LABELS.get(k, k)}: {_value_text(k, d.get(k))}" for k in keys) or "—"


def describe_change(old, new) -> tuple[str, str]:
    """(before, after) texts naming only the fields that changed, most telling first
    (rating before comment); a creation shows only what was created, a deletion what went."""
    if not isinstance(old, dict) and not isinstance(new, dict):
        return _value_text("", old), _value_text("", new)
    order = list(FIELD_LABELS)
    def rank(k: str) -> int:
        return order.index(k) if k in order else len(order)

    old_d, new_d = old if isinstance(old, dict) else {}, new if isinstance(new, dict) else {}
    keys = sorted((k for k in dict.fromkeys([*old_d, *new_d])
                   if old_d.get(k) != new_d.get(k) and k not in HIDDEN_FIELDS), key=rank)
    if old is None:
        return "—", _fields_text(new_d, [k for k in keys if k != "position"])
    if new is None:
        return _fields_text(old_d, [k for k in keys if k != "position"]), "—"
    return _fields_text(old_d, keys), _fields_text(new_d, keys)


def describe_target(row: dict, form: Form | None) -> str:
    entity, key = row.get("entity"), row.get("key")
    if entity == "answer" and key:
        if form is not None and form.has_item(key):
            return f"{key} {form.item(key).text.ja}"
        return f"項目 {key}"
    if entity == "finding":
        data = row.get("new") or row.get("old") or {}
        kind = FINDING_LABELS.get(data.get("kind"), "所見") if isinstance(data, dict) else "所見"
        return f"{kind} #{key}"
    if entity == "action":
        data = row.get("new") or row.get("old") or {}
        title = data.get("title", "") if isinstance(data, dict) else ""
        return f"改善計画「{title}」" if title else "改善計画"
    if entity == "review":
        return "レビュー"
    return f"{entity} {key or ''}".strip()


class AuditModel(QAbstractTableModel):
    HEADERS = ("日時", "担当者", "版", "対象", "操作", "変更前", "変更後")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, ...]] = []

    def set_rows(self, audit_rows: list[dict], form: Form | None) -> None:
        self.beginResetModel()
        self.rows = []
        for row in reversed(audit_rows):  # newest first: what just happened is on top
            before, after = describe_change(row.get("old"), row.get("new"))
            key = (row.get("entity"), row.get("action"))
            action = ACTION_LABELS.get(key, f"{key[0]} {key[1]}")
            if key == ("answer", "set") and row.get("old") is None:
                action = "回答を入力"
            elif key == ("answer", "set") and row.get("new") is None:
                action = "回答を消去"
            self.rows.append((local_time(row.get("at")), row.get("actor") or "",
                              f"第{row['revision']}版" if row.get("revision") else "",
                              describe_target(row, form), action, before, after))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        text = self.rows[index.row()][index.column()]
        if role == Qt.DisplayRole:
            return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"
        if role == Qt.ToolTipRole and len(text) > 20:
            return text
        return None


class AuditView(QWidget):
    """The 変更履歴 tab: a filter box over a read-only table; `reload()` re-reads the trail."""

    def __init__(self, services, uuid: str, parent=None):
        super().__init__(parent)
        self.services = services
        self.uuid = uuid
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        caption = QLabel("絞り込み(&S):")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("項目コード・担当者・内容で絞り込み")
        self.filter.setAccessibleName("変更履歴の絞り込み")
        self.filter.setClearButtonEnabled(True)
        caption.setBuddy(self.filter)
        self.count = QLabel()
        self.count.setAccessibleName("変更履歴の件数")
        top.addWidget(caption)
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        layout.addLayout(top)
        self.model = AuditModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("変更履歴")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)  # palette's AlternateBase: fine in dark mode
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        # fixed widths from the font (not ResizeToContents, which measures every row)
        em = self.fontMetrics().horizontalAdvance("あ")
        header = self.table.horizontalHeader()
        for col, chars in enumerate((10, 6, 3.5, 16, 9)):
            header.setSectionResizeMode(col, QHeaderView.Interactive)
            header.resizeSection(col, int(em * chars) + 12)
        header.setSectionResizeMode(5, QHeaderView.Stretch)
        header.setSectionResizeMode(6, QHeaderView.Stretch)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        rows = self.services.audit_trail(self.uuid)
        try:
            form = self.services.form_of(self.services.review(self.uuid))
        except LookupError:  # the review was deleted: show its trail without item texts
            form = None
        self.model.set_rows(rows, form)
        self.count.setText(f"{len(rows)} 件")
