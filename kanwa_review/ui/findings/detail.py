"""The right-hand pages of the findings tab (所見): the selected finding (heading, text, linked
items, reorder and delete buttons, the improvement actions answering it) and the facility's
whole improvement plan. They only lay out controls; FindingsPanel fills them and reacts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.ui.findings.actions_editor import ActionsEditor
from kanwa_review.ui.dialogs.common import error_label
from kanwa_review.ui.findings.widgets import FindingEditor


def _button(text: str, accessible: str, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setAccessibleName(accessible)
    if tip:
        b.setToolTip(tip)
    return b


class FindingDetail(QWidget):
    """The 選択中の所見 page."""

    def __init__(self, services, facility_code: str, review_uuid: str, parent=None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setAccessibleName(self.tr("選択中の所見"))
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.editor = FindingEditor()
        self.hint = QLabel()
        self.hint.setAccessibleName(self.tr("入力の案内"))
        self.hint.setWordWrap(True)
        self.error = error_label()
        self.codes_label = QLabel()
        self.codes_label.setAccessibleName(self.tr("関連項目"))
        self.codes_label.setWordWrap(True)
        self.codes_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.link_button = _button(self.tr("関連項目を選ぶ…"), self.tr("関連項目を選ぶ"))
        self.up_button = _button(self.tr("↑ 上へ"), self.tr("上へ移動"), tip="Alt+↑")
        self.down_button = _button(self.tr("↓ 下へ"), self.tr("下へ移動"), tip="Alt+↓")
        self.delete_button = _button(self.tr("削除…"), self.tr("所見を削除"), tip="Delete")
        links = QHBoxLayout()
        links.addWidget(self.codes_label, 1)
        links.addWidget(self.link_button)
        tools = QHBoxLayout()
        tools.addWidget(self.up_button)
        tools.addWidget(self.down_button)
        tools.addStretch(1)
        tools.addWidget(self.delete_button)
        self.actions_box = QGroupBox(self.tr("この所見への改善計画"))
        self.actions_box.setAccessibleName(self.tr("この所見への改善計画"))
        self.finding_actions = ActionsEditor(services, facility_code, review_uuid=review_uuid,
                                             finding_id=-1)
        QVBoxLayout(self.actions_box).addWidget(self.finding_actions)
        d = QVBoxLayout(self)
        d.addWidget(self.heading)
        d.addWidget(self.editor, 1)
        d.addWidget(self.hint)
        d.addWidget(self.error)
        d.addLayout(links)
        d.addLayout(tools)
        d.addWidget(self.actions_box, 2)


class FacilityActionsPage(QWidget):
    """The 施設全体の改善計画 page: every action of the facility, past visits included."""

    def __init__(self, services, facility_code: str, review_uuid: str, parent=None):
        super().__init__(parent)
        self.actions = ActionsEditor(services, facility_code, review_uuid=review_uuid)
        self.actions.setAccessibleName(self.tr("施設全体の改善計画"))
        about = QLabel(self.tr("この施設の改善計画すべて（過去の訪問で合意したものを含む）。"
                               "改善計画は施設に属するため、確定後も進捗を記録できます。"))
        about.setWordWrap(True)
        f = QVBoxLayout(self)
        f.addWidget(about)
        f.addWidget(self.actions, 1)
