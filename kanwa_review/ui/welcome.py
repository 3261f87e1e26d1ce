"""The first-run page (はじめに): start with one's own database file — a new one or one that
exists — or look at the demo. Shown when there is no file of one's own to open, so the demo
never becomes "my database" by itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from kanwa_review import paths
from kanwa_review.ui.files.databases import (
    CREATE, DEMO, OPEN, choose_existing_file, choose_new_file,
)
from kanwa_review.ui.geometry import fit_dialog


class WelcomeDialog(QDialog):
    """`choice` is (path, mode) once the person chose: mode "create" | "open" | "demo"."""

    def __init__(self, recent: list[str] = (), parent=None):
        super().__init__(parent)
        self.choice: tuple[Path, str] | None = None
        self.setWindowTitle(self.tr("kanwa-review へようこそ"))
        self.setAccessibleName(self.tr("はじめに"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("緩和ケア ピアレビュー支援アプリ kanwa-review"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        about = QLabel(self.tr(
            "レビューの記録は、このパソコンのデータベースファイルに保存されます（入力はすぐに保存"
            "され、保存ボタンはありません）。まず、どのファイルで始めるかを選んでください。"))
        about.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(about)

        self.new_button = self._choice(
            layout, self.tr("自分のファイルで始める(&N)…"),
            self.tr("新しいデータベースファイルを作ります。はじめての方はこちら（保存場所の例: "
                    "{path}）").format(path=paths.default_db_path()), self.start_new)
        self.open_button = self._choice(
            layout, self.tr("既存のファイルを開く(&O)…"),
            self.tr("これまで使っていたデータベースファイル（.sqlite）を開きます"), self.open_file)
        self.demo_button = self._choice(
            layout, self.tr("デモを見る(&D)"),
            self.tr("架空の病院のデータで操作を試します。デモには実在の施設を登録できません。"
                    "あとで ファイル ▸ 新規 で自分のファイルを作れます"), self.open_demo)

        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("最近使ったファイル"))
        for name in recent:
            item = QListWidgetItem(f"{Path(name).name}  ({Path(name).parent})")
            item.setData(Qt.UserRole, name)
            item.setToolTip(name)
            self.recent.addItem(item)
        self.recent.itemActivated.connect(self._recent_chosen)
        if recent:
            caption = QLabel(self.tr("最近使ったファイル(&R):"))
            caption.setBuddy(self.recent)
            layout.addWidget(caption)
            layout.addWidget(self.recent, 1)
        else:
            self.recent.hide()

        row = QHBoxLayout()
        row.addStretch(1)
        self.quit_button = QPushButton(self.tr("終了(&Q)"))
        self.quit_button.setAccessibleName(self.tr("終了"))
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        row.addWidget(self.quit_button)
        layout.addLayout(row)
        fit_dialog(self, QSize(620, 420 if recent else 340))
        self.new_button.setFocus(Qt.OtherFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.new_button.setFocus(Qt.OtherFocusReason)

    def _choice(self, layout, text: str, detail: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").split("(")[0])
        button.setAccessibleDescription(detail)
        button.setToolTip(detail)
        button.setMinimumHeight(40)
        button.clicked.connect(slot)
        note = QLabel(detail)
        note.setWordWrap(True)
        note.setForegroundRole(note.foregroundRole())
        note.setIndent(12)
        layout.addWidget(button)
        layout.addWidget(note)
        return button

    def _chosen(self, path: Path | None, mode: str) -> None:
        if path is not None:
            self.choice = (Path(path), mode)
            self.accept()

    def start_new(self) -> None:
        self._chosen(choose_new_file(self), CREATE)

    def open_file(self) -> None:
        self._chosen(choose_existing_file(self), OPEN)

    def open_demo(self) -> None:
        self._chosen(paths.demo_db_path(), DEMO)

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        self._chosen(Path(item.data(Qt.UserRole)), OPEN)


__all__ = ["WelcomeDialog"]
