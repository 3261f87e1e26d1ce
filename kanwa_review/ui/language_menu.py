"""The display language setting (表示 ▸ 言語): the system's, 日本語 or English — saved in the
settings and applied at the next start (app.install_translations), since every screen would
otherwise have to re-read its texts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from kanwa_review.core import i18n
from kanwa_review.core.shortcuts import menu_title, shortcut

# Each language is named in its own language, whatever the app speaks now: a user who cannot
# read the present one still finds theirs. Names, not texts to translate.
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}

# shown in the language just chosen (not the present one), so the user can read it
_NOTE_TITLE = QT_TRANSLATE_NOOP("LanguageMenu", "表示言語")
_NOTE = QT_TRANSLATE_NOOP("LanguageMenu", "次に kanwa-review を起動したときから{language}で表示します。")


class LanguageMenu(QMenu):
    """言語(&L): one checkable entry per choice; the settings hold the choice (None: system)."""

    def __init__(self, settings, parent=None):
        super().__init__(shortcut("language").text, parent)   # the table's text and mnemonic
        self.settings = settings
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.choices: dict[str | None, QAction] = {}
        system = LANGUAGE_NAMES[i18n.default_language()]
        self._add(None, self.tr("システムの設定に合わせる（{language}）").format(language=system))
        self.addSeparator()
        for code, name in LANGUAGE_NAMES.items():
            self._add(code, name)
        self.choices.get(settings.language(), self.choices[None]).setChecked(True)

    def _add(self, code: str | None, text: str) -> None:
        action = QAction(text, self, checkable=True)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
        self.group.addAction(action)
        self.addAction(action)
        self.choices[code] = action

    def choose(self, code: str | None) -> None:
        """Save the choice; say, in the language chosen, when it takes effect (not when the app
        already speaks it)."""
        self.choices[code].setChecked(True)
        if code == self.settings.language():
            return
        self.settings.set_language(code)
        new = code or i18n.default_language()
        if new == i18n.language():
            return
        QMessageBox.information(
            self.parentWidget(), i18n.translation(new, "LanguageMenu", _NOTE_TITLE),
            i18n.translation(new, "LanguageMenu", _NOTE).format(language=LANGUAGE_NAMES[new]))


def install(window) -> QMenu:
    """表示(&V) ▸ 言語(&L), before the Help menu."""
    view = QMenu(menu_title("view"), window)
    view.addMenu(LanguageMenu(window.settings, window))
    window.menuBar().insertMenu(window.help_menu.menuAction(), view)
    window.view_menu = view
    return view


__all__ = ["LanguageMenu", "LANGUAGE_NAMES", "install"]
