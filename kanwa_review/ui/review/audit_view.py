"""Audit trail view (変更履歴): per review, who changed what and when, old → new, in the app's
language (actions and fields by their labels, never their codes)."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
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

from kanwa_review.core.form import Form, Item
from kanwa_review.core.form_text import text as form_text
from kanwa_review.core.i18n import language
from kanwa_review.core.imports import status_word
from kanwa_review.core.review import percentage
from kanwa_review.ui.display import local_time
from kanwa_review.ui.labels import (
    ACTION_STATUS_WORDS,
    REVIEW_STATUS_WORDS,
    action_status_label,
    finding_label,
    profession_label,
    review_status_label,
    role_label,
)

# (entity, action) as the store writes them -> what a reader calls it; marked for the catalog,
# translated in _word
ACTION_LABELS = {
    ("review", "create"): QT_TRANSLATE_NOOP("AuditView", "レビューを作成"),
    ("review", "update"): QT_TRANSLATE_NOOP("AuditView", "基本情報を変更"),
    ("review", "finalise"): QT_TRANSLATE_NOOP("AuditView", "確定"),
    ("review", "amend"): QT_TRANSLATE_NOOP("AuditView", "修正版を作成"),
    ("review", "delete"): QT_TRANSLATE_NOOP("AuditView", "下書きを削除"),
    ("review", "follow_up"): QT_TRANSLATE_NOOP("AuditView", "フォローアップとして開始"),
    ("review", "import"): QT_TRANSLATE_NOOP("AuditView", "提出ファイルから取込"),
    ("review", "migrate"): QT_TRANSLATE_NOOP("AuditView", "新しい評価票に移行"),
    ("answer", "set"): QT_TRANSLATE_NOOP("AuditView", "回答を変更"),
    ("answer", "clear_skipped"): QT_TRANSLATE_NOOP("AuditView", "非該当のため回答を消去"),
    ("answer", "migrate"): QT_TRANSLATE_NOOP("AuditView", "回答を新しい評価票に移行"),
    ("answer", "migrate_drop"): QT_TRANSLATE_NOOP("AuditView", "移行で回答を削除"),
    ("finding", "create"): QT_TRANSLATE_NOOP("AuditView", "所見を追加"),
    ("finding", "update"): QT_TRANSLATE_NOOP("AuditView", "所見を編集"),
    ("finding", "move"): QT_TRANSLATE_NOOP("AuditView", "所見の順序を変更"),
    ("finding", "delete"): QT_TRANSLATE_NOOP("AuditView", "所見を削除"),
    ("finding", "migrate"): QT_TRANSLATE_NOOP("AuditView", "移行で所見の関連項目を変更"),
    ("action", "create"): QT_TRANSLATE_NOOP("AuditView", "改善計画を追加"),
    ("action", "update"): QT_TRANSLATE_NOOP("AuditView", "改善計画を変更"),
    ("action", "progress"): QT_TRANSLATE_NOOP("AuditView", "進捗を記録"),
    ("action", "delete"): QT_TRANSLATE_NOOP("AuditView", "改善計画を削除"),
    ("action", "import_create"): QT_TRANSLATE_NOOP("AuditView", "改善計画を取込"),
    ("action", "import_update"): QT_TRANSLATE_NOOP("AuditView", "取込で改善計画を更新"),
}
FIELD_LABELS = {  # in the order fields are listed in a change
    "rating": QT_TRANSLATE_NOOP("AuditView", "評価"),
    "self_rating": QT_TRANSLATE_NOOP("AuditView", "自己評価"),
    "value": QT_TRANSLATE_NOOP("AuditView", "回答"),
    "period": QT_TRANSLATE_NOOP("AuditView", "期間"),
    "evidence": QT_TRANSLATE_NOOP("AuditView", "確認した資料"),
    "comment": QT_TRANSLATE_NOOP("AuditView", "コメント"),
    "visit_date": QT_TRANSLATE_NOOP("AuditView", "訪問日"),
    "team": QT_TRANSLATE_NOOP("AuditView", "チーム"),
    "status": QT_TRANSLATE_NOOP("AuditView", "状態"),
    "finalised_by": QT_TRANSLATE_NOOP("AuditView", "確定者"),
    "revision": QT_TRANSLATE_NOOP("AuditView", "版"),
    "kind": QT_TRANSLATE_NOOP("AuditView", "種類"),
    "text": QT_TRANSLATE_NOOP("AuditView", "本文"),
    "item_codes": QT_TRANSLATE_NOOP("AuditView", "関連項目"),
    "position": QT_TRANSLATE_NOOP("AuditView", "順序"),
    "facility": QT_TRANSLATE_NOOP("AuditView", "施設"),
    "form": QT_TRANSLATE_NOOP("AuditView", "評価票"),
    "previous_review": QT_TRANSLATE_NOOP("AuditView", "前回のレビュー"),
    "previous_revision": QT_TRANSLATE_NOOP("AuditView", "前回の版"),
    "title": QT_TRANSLATE_NOOP("AuditView", "実施内容"),
    "owner_role": QT_TRANSLATE_NOOP("AuditView", "担当（役割）"),
    "owner_name": QT_TRANSLATE_NOOP("AuditView", "担当者"),
    "due_date": QT_TRANSLATE_NOOP("AuditView", "目標期日"),
    "success_measure": QT_TRANSLATE_NOOP("AuditView", "評価指標"),
    "note": QT_TRANSLATE_NOOP("AuditView", "メモ"),
    # the review's details (総評, 訪問の概要, plan dates: services.reviews.update_review)
    "overall_comment": QT_TRANSLATE_NOOP("AuditView", "総評"),
    "schedule": QT_TRANSLATE_NOOP("AuditView", "日程"),
    "interviewees": QT_TRANSLATE_NOOP("AuditView", "面談者"),
    "documents": QT_TRANSLATE_NOOP("AuditView", "確認資料"),
    "departments": QT_TRANSLATE_NOOP("AuditView", "見学部署"),
    "plan_due": QT_TRANSLATE_NOOP("AuditView", "改善計画の提出期限"),
    "follow_up": QT_TRANSLATE_NOOP("AuditView", "次回フォローアップ"),
    # a package's import and a move to a new form
    "file": QT_TRANSLATE_NOOP("AuditView", "ファイル"),
    "result": QT_TRANSLATE_NOOP("AuditView", "結果"),
    "from": QT_TRANSLATE_NOOP("AuditView", "移行元の項目"),
    "rule": QT_TRANSLATE_NOOP("AuditView", "対応の規則"),
    "answers": QT_TRANSLATE_NOOP("AuditView", "移行前の回答"),
    "reason": QT_TRANSLATE_NOOP("AuditView", "理由"),
    "mapped": QT_TRANSLATE_NOOP("AuditView", "対応表を使用"),
    "checks": QT_TRANSLATE_NOOP("AuditView", "確認が必要な項目"),
}
# identifiers that say nothing to a reader; the target column already names the thing
HIDDEN_FIELDS = {"origin_review_uuid", "origin_revision", "finding_id", "uuid", "facility_code",
                 "sha256", "hash"}
MAX_CELL = 80  # characters shown in a cell; the tooltip holds the whole text


def _word(text: str) -> str:
    """A text of ACTION_LABELS or FIELD_LABELS, each marked with QT_TRANSLATE_NOOP."""
    return QCoreApplication.translate("AuditView", text)


def action_label(entity: str | None, action: str | None) -> str:
    """What a reader calls an entry of the trail; an action this app does not know by its
    codes (a newer app's, arriving in a package)."""
    label = ACTION_LABELS.get((entity, action))
    return _word(label) if label else f"{entity} {action}"


def field_label(key: str) -> str:
    return _word(FIELD_LABELS[key]) if key in FIELD_LABELS else key


def _status_text(value) -> str:
    """A review's status (下書き / 確定) or an action's (未着手 …)."""
    if value in REVIEW_STATUS_WORDS:
        return review_status_label(value)
    if value in ACTION_STATUS_WORDS:
        return action_status_label(value)
    return str(value)


def _list_text(values) -> str:
    return QCoreApplication.translate("AuditView", "、", "list separator").join(values)


def _value_text(key: str, value, item: Item | None = None) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if key == "value" and item is not None and item.choices:
        # a choice is stored by its code (「concurrent」); the reader knows it by its label
        codes = value if isinstance(value, list) else [value]
        if all(isinstance(c, str) for c in codes):
            return _list_text(item.choice_label(c, language()) for c in codes)
    if isinstance(value, bool):
        return QCoreApplication.translate("AuditView", "はい") if value \
            else QCoreApplication.translate("AuditView", "いいえ")
    if key == "value" and isinstance(value, dict):
        rate = percentage(value)
        frac = f"{value.get('numerator', '?')}/{value.get('denominator', '?')}"
        return QCoreApplication.translate("AuditView", "{fraction}（{rate}%）").format(
            fraction=frac, rate=f"{rate:.1f}") if rate is not None else frac
    if key == "team" and isinstance(value, list):
        return _list_text(QCoreApplication.translate(
            "AuditView", "{name}（{role}・{profession}）").format(
            name=m.get("name", ""), role=role_label(m.get("role")),
            profession=profession_label(m.get("profession")))
            for m in value if isinstance(m, dict))
    if key == "kind":
        return finding_label(value)
    if key == "status":
        return _status_text(value)
    if key == "result" and isinstance(value, str):
        return status_word(value)
    if key == "form" and isinstance(value, str) and value.strip():
        # 「<id> <version>」: the reader knows the form by its version, not by its id
        return QCoreApplication.translate("AuditView", "{version}版").format(
            version=value.split()[-1])
    if key == "position" and isinstance(value, int):
        return QCoreApplication.translate("AuditView", "{n}番目").format(n=value + 1)
    if isinstance(value, list):
        return _list_text(str(v) for v in value)
    if isinstance(value, str) and key in ("evidence", "comment", "text", "overall_comment",
                                          "note"):
        return QCoreApplication.translate("AuditView", "「{text}」").format(text=value)
    return str(value)


def _fields_text(d: dict, keys: list[str], item: Item | None = None) -> str:
    return QCoreApplication.translate("AuditView", "　", "between fields").join(
        QCoreApplication.translate("AuditView", "{field}: {value}").format(
            field=field_label(k), value=_value_text(k, d.get(k), item)) for k in keys) or "—"


def describe_change(old, new, item: Item | None = None) -> tuple[str, str]:
    """(before, after) texts naming only the fields that changed, most telling first
    (rating before comment); a creation shows only what was created, a deletion what went.
    `item`: the answer's checklist item, whose choices are shown by their labels."""
    if not isinstance(old, dict) and not isinstance(new, dict):
        return _value_text("", old), _value_text("", new)
    order = list(FIELD_LABELS)
    def rank(k: str) -> int:
        return order.index(k) if k in order else len(order)

    old_d, new_d = old if isinstance(old, dict) else {}, new if isinstance(new, dict) else {}
    keys = sorted((k for k in dict.fromkeys([*old_d, *new_d])
                   if old_d.get(k) != new_d.get(k) and k not in HIDDEN_FIELDS), key=rank)
    if old is None:
        return "—", _fields_text(new_d, [k for k in keys if k != "position"], item)
    if new is None:
        return _fields_text(old_d, [k for k in keys if k != "position"], item), "—"
    return _fields_text(old_d, keys, item), _fields_text(new_d, keys, item)


def describe_target(row: dict, form: Form | None) -> str:
    entity, key = row.get("entity"), row.get("key")
    if entity == "answer" and key:
        if form is not None and form.has_item(key):
            return f"{key} {form_text(form.item(key).text)}"
        return QCoreApplication.translate("AuditView", "項目 {code}").format(code=key)
    if entity == "finding":
        data = row.get("new") or row.get("old") or {}
        kind = finding_label(data.get("kind")) if isinstance(data, dict) and data.get("kind") \
            else QCoreApplication.translate("AuditView", "所見")
        return QCoreApplication.translate("AuditView", "{kind} #{number}").format(kind=kind,
                                                                                number=key)
    if entity == "action":
        data = row.get("new") or row.get("old") or {}
        title = data.get("title", "") if isinstance(data, dict) else ""
        return QCoreApplication.translate("AuditView", "改善計画「{title}」").format(title=title) \
            if title else QCoreApplication.translate("AuditView", "改善計画")
    if entity == "review":
        return QCoreApplication.translate("AuditView", "レビュー")
    return f"{entity} {key or ''}".strip()


class AuditModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headers = (self.tr("日時"), self.tr("担当者"), self.tr("版"), self.tr("対象"),
                        self.tr("操作"), self.tr("変更前"), self.tr("変更後"))
        self.rows: list[tuple[str, ...]] = []

    def set_rows(self, audit_rows: list[dict], form: Form | None) -> None:
        self.beginResetModel()
        self.rows = []
        for row in reversed(audit_rows):  # newest first: what just happened is on top
            code = row.get("key")
            item = form.item(code) if (row.get("entity") == "answer" and form is not None
                                       and code and form.has_item(code)) else None
            before, after = describe_change(row.get("old"), row.get("new"), item)
            key = (row.get("entity"), row.get("action"))
            action = action_label(*key)
            if key == ("answer", "set") and row.get("old") is None:
                action = self.tr("回答を入力")
            elif key == ("answer", "set") and row.get("new") is None:
                action = self.tr("回答を消去")
            self.rows.append((local_time(row.get("at")), row.get("actor") or "",
                              self.tr("第{revision}版").format(revision=row["revision"])
                              if row.get("revision") else "",
                              describe_target(row, form), action, before, after))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers[section]
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
        caption = QLabel(self.tr("絞り込み(&S):"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("項目コード・担当者・内容で絞り込み"))
        self.filter.setAccessibleName(self.tr("変更履歴の絞り込み"))
        self.filter.setClearButtonEnabled(True)
        caption.setBuddy(self.filter)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("変更履歴の件数"))
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
        self.table.setAccessibleName(self.tr("変更履歴"))
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)  # palette's AlternateBase: fine in dark mode
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        # fixed widths from the font (not ResizeToContents, which measures every row)
        em = self.fontMetrics().horizontalAdvance("あ")   # a glyph measured, never shown
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
        self.count.setText(self.tr("{count} 件").format(count=len(rows)))
