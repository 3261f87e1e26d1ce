"""The checklist screen (チェックリスト): section navigator, the item table and the editor of the
focused item, with keyboard rating, filters, undo and autosave.

Model/view keeps opening fast: the table is one QAbstractTableModel row per item and only the
focused item gets real input widgets. Every edit is committed through the services at once and
pushed as one command on `undo_stack` (the main window's Edit menu and the findings panel share
it); typed text is committed after a short debounce and whenever focus or the item changes.

The pieces, in this package: model (table model and filter), item_list (the table and its
keys), navigator (sections and their progress), item_actions (previous answers, add to
findings), editor (the focused item's editor) with answer_controls (its per-type answer
controls), widgets, keys and commands (undo steps).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer, Signal,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QMenu,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kanwa_review.core.completeness import counted, section_progress
from kanwa_review.core.form import condition_items
from kanwa_review.core.i18n import language
from kanwa_review.core.review import Answer, AnswerError, normalise_answer
from kanwa_review.core.rules import RuleWarning, review_warnings, warning_sources
from kanwa_review.core.skiplogic import relevant_items
from kanwa_review.services import Changed
from kanwa_review.ui.checklist.commands import AnswerEdit, AnswersCommand, AnswerWriter
from kanwa_review.ui.checklist.editor import ItemEditor
from kanwa_review.ui.checklist.item_actions import ItemActions
from kanwa_review.ui.checklist.item_list import ItemList
from kanwa_review.ui.checklist.keys import (
    CLEAR,
    choice_for_key,
    is_answer_key,
    is_shifted_letter,
    key_name,
    rating_for_key,
    yes_no_for_key,
)
from kanwa_review.ui.checklist.model import (
    ACTIONS,
    CODE,
    CODE_ROLE,
    PREVIOUS,
    RATING,
    SELF,
    TEXT,
    ChecklistFilter,
    ChecklistModel,
    rating_text,
)
from kanwa_review.ui.checklist.navigator import SectionNavigator
from kanwa_review.ui.errors import warn

# marked for the catalog (context ChecklistScreen), translated where an undo step is named
FIELD_NAMES = {"rating": QT_TRANSLATE_NOOP("ChecklistScreen", "評価"),
               "self_rating": QT_TRANSLATE_NOOP("ChecklistScreen", "自己評価"),
               "value": QT_TRANSLATE_NOOP("ChecklistScreen", "回答"),
               "period": QT_TRANSLATE_NOOP("ChecklistScreen", "対象期間"),
               "evidence": QT_TRANSLATE_NOOP("ChecklistScreen", "確認した資料"),
               "comment": QT_TRANSLATE_NOOP("ChecklistScreen", "コメント")}


_KEY_PRESS = QEvent.KeyPress.value
_KEY_DOWN, _KEY_ESCAPE = Qt.Key_Down.value, Qt.Key_Escape.value


class ChecklistScreen(ItemActions, QWidget):
    changed = Signal(object)               # services.Changed of each edit (and undo/redo)
    saved = Signal(str)                    # "保存しました 14:03:05"
    notice = Signal(str)                   # a line for the status bar (a key that did nothing)
    add_finding_requested = Signal(str, str)

    def __init__(self, services, uuid: str, parent=None):
        super().__init__(parent)
        self.services = services
        self.uuid = uuid
        self.undo_stack = QUndoStack(self)
        # what the undo commands need, handed in (they never see the screen)
        self.writer = AnswerWriter(services, uuid, self._shown, self._refused)
        self.setAccessibleName(self.tr("チェックリスト"))
        self.review = services.review(uuid)
        self.form = services.form_of(self.review)
        self._dependents = {ref for item in self.form.items() if item.relevant_if is not None
                            for ref in condition_items(item.relevant_if)}
        self._warning_sources = warning_sources(self.form)
        self._counted = counted(self.form)
        self._sections = {s.code: s for s in self.form.sections}
        self.model = ChecklistModel(self.form, self)
        self._shown_once = False
        self.proxy = ChecklistFilter(self.model, self)
        self._build()
        self._load()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("コード・本文で検索（Ctrl+F）"))
        self.search.setAccessibleName(self.tr("項目を検索"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda t: self._filter(search=t))
        self.search.returnPressed.connect(self._search_done)
        self.search.installEventFilter(self)
        self.unanswered_box = QCheckBox(self.tr("未回答のみ"))
        self.unanswered_box.setAccessibleName(self.tr("未回答の項目だけを表示"))
        self.unanswered_box.toggled.connect(lambda on: self._filter(unanswered_only=on))
        self.low_box = QCheckBox(self.tr("C・D のみ"))
        self.low_box.setAccessibleName(self.tr("評価がCまたはDの項目だけを表示"))
        self.low_box.toggled.connect(lambda on: self._filter(low_only=on))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("表示中の項目数"))
        self.accept_all_button = QPushButton(self.tr("未回答に前回の評価を採用"))
        self.accept_all_button.setAccessibleName(self.tr("未回答の項目すべてに前回の評価を採用"))
        self.accept_all_button.setToolTip(self.tr("前回の確定済みレビューの評価・数値を、まだ回答して"
                                                  "いない項目に写します（コメントは写しません）"))
        self.accept_all_button.clicked.connect(self.accept_all_previous)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.unanswered_box)
        bar.addWidget(self.low_box)
        bar.addWidget(self.count_label)
        # consistency warnings (the form's rules, exclusive choices, figure periods), live
        self.warnings_button = QToolButton()
        self.warnings_button.setAccessibleName(self.tr("確認が望まれる点"))
        self.warnings_button.setToolTip(self.tr("回答どうしの矛盾や、訪問日より後まで続く対象期間です。"
                                                "確定は妨げません。選ぶとその項目へ移動します"))
        self.warnings_button.setPopupMode(QToolButton.InstantPopup)
        self.warnings_button.setMenu(QMenu(self.warnings_button))
        # the list is built when it opens: a keystroke that changes the warnings only recounts
        self.warnings_button.menu().aboutToShow.connect(self._fill_warnings_menu)
        # its place in the bar is kept while hidden: coming and going re-lays out nothing
        policy = self.warnings_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.warnings_button.setSizePolicy(policy)
        self.warnings_button.hide()
        bar.addWidget(self.warnings_button)
        bar.addWidget(self.accept_all_button)
        layout.addLayout(bar)

        self.navigator = SectionNavigator()
        self.navigator.section_chosen.connect(self._go_to_section)

        self.list = ItemList(rating_key=self.key_on_item)
        self.list.move_requested.connect(self.move)
        self.list.edit_requested.connect(self.edit_current)
        self.list.section_jump_requested.connect(self.jump_section)
        self.list.previous_requested.connect(self.accept_previous)
        self.list.menu_requested.connect(self.item_menu)
        self.list.setModel(self.proxy)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.Stretch)
        for col, width in ((CODE, 62), (SELF, 62), (RATING, 96), (PREVIOUS, 46), (ACTIONS, 64)):
            header.setSectionResizeMode(col, QHeaderView.Interactive)
            header.resizeSection(col, width)
        self.list.selectionModel().currentRowChanged.connect(self._current_changed)

        self.editor = ItemEditor(self.form)
        self.editor.edit.connect(self.commit)
        self.editor.accept_previous.connect(self.accept_previous)
        self.editor.add_finding.connect(self._request_finding)
        self.editor.back_to_list.connect(self.list.setFocus)
        self.editor.key_handler = self.key_on_item
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        scroll.setAccessibleName(self.tr("項目の入力欄"))
        self.editor_scroll = scroll

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([190, 520, 480])
        layout.addWidget(self.splitter, 1)

    # --- loading ------------------------------------------------------------------------
    def _load(self, keep: str | None = None) -> None:
        self.review = self.services.review(self.uuid)
        self.answers: dict[str, Answer] = self.services.answers(self.uuid)
        self.previous = self.services.previous_answers(self.uuid)
        self.actions = self.services.open_actions_by_item(self.uuid)
        self.relevant = self._relevant()
        self.model.reset(self.answers, self.previous, self.actions, self.relevant)
        self.model.answers = self.answers  # one dict: the screen's edits are the model's
        self._update_warnings()
        self.list.setColumnHidden(PREVIOUS, not self.previous)
        self.list.setColumnHidden(ACTIONS, not any(self.actions.get(i.code)
                                                   for i in self.model.items))
        self.accept_all_button.setVisible(bool(self.previous) and not self.read_only)
        self._build_navigator()
        self._update_count()
        code = keep if keep and self._visible_row(keep) is not None else None
        self._select(code or self._first_visible_code())

    def _relevant(self) -> set[str]:
        # the facility's category when the review started decides items such as the regional
        # hospitals' staffing (skip logic in core)
        return relevant_items(self.form, self.answers, self.review.facility_category)

    def _update_warnings(self) -> None:
        """Re-check the consistency warnings and show them: the bar's list, the marks in the
        table and the focused item's lines in the editor."""
        self.warnings: list[RuleWarning] = review_warnings(
            self.form, self.answers, visit_date=self.review.visit_date,
            facility_category=self.review.facility_category, lang=language())
        by_item: dict[str, list[str]] = {}
        for w in self.warnings:
            for code in w.item_codes:
                by_item.setdefault(code, []).append(w.message)
        before = self.model.warned
        self.model.warned = by_item
        for code in set(before) | set(by_item):
            if before.get(code) != by_item.get(code):
                self.model.answer_changed(code)
        self.warnings_button.setText(self.tr("△ 確認が望まれる点 {count} 件").format(
            count=len(self.warnings)))
        self.warnings_button.setVisible(bool(self.warnings))
        current = self.current_code() if hasattr(self, "list") else None
        if current is not None:
            self.editor.show_warnings(by_item.get(current, []))

    def _fill_warnings_menu(self) -> None:
        menu = self.warnings_button.menu()
        menu.clear()
        for w in self.warnings:
            action = menu.addAction(self.tr("△ {codes}　{message}").format(
                codes=" / ".join(w.item_codes), message=w.message))
            action.triggered.connect(lambda _c=False, code=w.item_code: self.focus_item(code))

    def _build_navigator(self) -> None:
        self.navigator.show_sections(self.form.sections)
        for section in self.form.sections:
            self._update_section(section.code)

    def _update_section(self, section_code: str) -> None:
        section = self._sections[section_code]
        self.navigator.show_progress(section, *section_progress(
            section, self.answers, self.relevant, self._counted))

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        total = len(self.relevant)
        self.count_label.setText(self.tr("{shown} / {total} 項目").format(shown=shown, total=total))

    # --- contract -----------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.review.is_final

    def focus_item(self, code: str | None) -> None:
        if not code or not self.form.has_item(code):
            return
        if code not in self.relevant:
            self.editor.show_error(self.tr("{code} は現在の回答では該当しないため表示されていません。")
                                   .format(code=code))
            return
        if self._visible_row(code) is None and self.proxy.active:
            self.clear_filters()
        self._select(code)
        self.list.setFocus()

    def start_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def reload(self) -> None:
        self.editor.flush()
        self._load(keep=self.current_code())
        if self.read_only:  # finalised elsewhere: nothing here can be undone any more
            self.undo_stack.clear()

    def flush(self) -> None:
        self.editor.flush()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # opened from the home list, focus fell on the page's first button; a reviewer
            # expects to rate at once (after the page switch has settled)
            QTimer.singleShot(0, self._take_first_focus)

    def _take_first_focus(self) -> None:
        if not shiboken6.isValid(self) or not self.isVisible():
            return
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.list.setFocus(Qt.OtherFocusReason)

    def hideEvent(self, event) -> None:
        self.editor.flush()  # leaving the screen (home, close) commits typed text
        super().hideEvent(event)

    def closeEvent(self, event) -> None:
        self.editor.flush()
        super().closeEvent(event)

    # --- selection and movement ---------------------------------------------------------
    def current_code(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(CODE_ROLE) if index.isValid() else None

    def _visible_row(self, code: str) -> int | None:
        source = self.model.row_of.get(code)
        if source is None:
            return None
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        return index.row() if index.isValid() else None

    def _first_visible_code(self) -> str | None:
        index = self.proxy.index(0, 0)
        return index.data(CODE_ROLE) if index.isValid() else None

    def _select(self, code: str | None) -> None:
        if code is None:
            self.editor.setEnabled(False)
            return
        self.editor.setEnabled(True)
        row = self._visible_row(code)
        if row is None:
            return
        index = self.proxy.index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.list.scrollTo(index)

    def move(self, step: int) -> None:
        row = self.list.currentIndex().row() + step
        if 0 <= row < self.proxy.rowCount():
            self._select(self.proxy.index(row, 0).data(CODE_ROLE))

    def _current_changed(self, current, _previous) -> None:
        code = current.data(CODE_ROLE) if current.isValid() else None
        if code is None:
            return
        item = self.form.item(code)
        self.editor.show_item(item, self.answers.get(code), self.previous.get(code),
                              self.actions.get(code, []), self.read_only)
        self.editor.prepare_warnings(code in self._warning_sources)
        self.editor.show_warnings(self.model.warned.get(code, []))
        self.list.keep_rows_ahead(current)
        QTimer.singleShot(0, self._keep_answer_in_view)
        self.navigator.mark_current(self.form.section_of(code).code)
        if self.proxy.active and self.proxy.keep != code:
            # the item left behind may now fall out of the filter; the new one stays put
            self.proxy.keep = code
            QTimer.singleShot(0, self._refilter_keeping_current)
        else:
            self.proxy.keep = code

    def _keep_answer_in_view(self) -> None:
        """The editor keeps its scroll position from item to item, moving only as far as it
        takes to show the new item's answer controls (a long guidance text pushes them down);
        it never jumps back to the top."""
        if not shiboken6.isValid(self):
            return
        layout = self.editor.layout()
        if layout is not None:
            layout.activate()
        self.editor_scroll.ensureWidgetVisible(self.editor.answer_box, 0, 12)

    def _refilter_keeping_current(self) -> None:
        code = self.current_code()
        self.proxy.refilter()
        self._update_count()
        if code is not None and self.current_code() != code:
            self._select(code)

    def jump_section(self, step: int) -> None:
        """Ctrl+↓ / Ctrl+↑: the first shown item of the next / previous section."""
        code = self.current_code()
        if code is None:
            return
        order = [s.code for s in self.form.sections]
        at = order.index(self.form.section_of(code).code) + step
        while 0 <= at < len(order):
            if self._go_to_section(order[at]):
                return
            at += step

    def _go_to_section(self, section_code: str) -> bool:
        """Select the section's first shown item; False when the filters hide all of them."""
        for item in self._sections[section_code].items:
            if self._visible_row(item.code) is not None:
                self._select(item.code)
                self.list.setFocus()
                return True
        return False

    def edit_current(self) -> None:
        """Move the keyboard into the editor's first input (Esc comes back)."""
        for w in self.editor.answer_widgets + [self.editor.evidence]:
            for target in [w, *w.findChildren(QWidget)]:
                if target.focusPolicy().value & Qt.TabFocus.value and target.isEnabled() \
                        and target.isVisible():
                    target.setFocus(Qt.TabFocusReason)
                    return

    # --- filters ------------------------------------------------------------------------
    def _filter(self, **kw) -> None:
        self.proxy.keep = None  # a filter the reviewer turns on applies to the current row too
        self.proxy.set_filters(**kw)
        self._update_count()
        if self.current_code() is None:
            self._select(self._first_visible_code())

    def clear_filters(self) -> None:
        for box in (self.unanswered_box, self.low_box):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.proxy.set_filters(unanswered_only=False, low_only=False, search="")
        self._update_count()

    def eventFilter(self, obj, event) -> bool:
        # in the search box: ↓ goes to the items, Esc clears the search (then goes back)
        if obj is self.search and event.type().value == _KEY_PRESS:
            key = event.key()
            if key == _KEY_DOWN:
                self._search_done()
                return True
            if key == _KEY_ESCAPE:
                if self.search.text():
                    self.search.clear()
                else:
                    self.list.setFocus()
                return True
        return super().eventFilter(obj, event)

    def _search_done(self) -> None:
        if self.current_code() is None or self._visible_row(self.current_code()) is None:
            self._select(self._first_visible_code())
        self.list.setFocus()

    # --- keyboard rating ----------------------------------------------------------------
    def key_on_item(self, event) -> bool:
        """Handle a rating key on the focused item; True when the key was used (or, being a
        key that answers other items, was refused out loud)."""
        code = self.current_code()
        if code is None or self.read_only:
            return False
        item = self.form.item(code)
        value = None
        if item.type == "rating":
            # Shift+letter (A–D, N) is the self-assessment column; plain keys the team's rating.
            # Letters only: shifted digits differ between keyboard layouts.
            self_key = is_shifted_letter(event)
            value = rating_for_key(self.form.scale(item.scale), event)
            field = "self_rating" if self_key else "rating"
            if self_key and not item.has_self_assessment:
                value = None
        elif item.type == "yes_no":
            value, field = yes_no_for_key(event), "value"
        elif item.type == "choice":
            value, field = choice_for_key([c.code for c in item.choices], event), "value"
        if value is None:
            if is_answer_key(event):
                self._key_does_nothing(item, event)
                return True  # said so; the item stays where it is
            return False
        self.commit(code, {field: None if value is CLEAR else value}, None)
        return True

    def _key_does_nothing(self, item, event) -> None:
        """A beep and a line beside the item (and in the status bar) saying which keys the
        item does take."""
        key = key_name(event)
        if item.type == "rating":
            scale = self.form.scale(item.scale)
            scored = [o.code for o in scale.options if o.points is not None]
            unscored = [o.code for o in scale.options if o.points is None]
            hint = self.tr("評価は 1〜{n} または {first}〜{last}").format(
                n=len(scored), first=scored[0], last=scored[-1]) if scored else ""
            if unscored:
                hint += self.tr("、0 または N で{label}").format(
                    label=rating_text(unscored[0]))
            if item.has_self_assessment:
                hint += self.tr("、Shift+文字で自己評価")
        elif item.type == "yes_no":
            hint = self.tr("はい＝1 または Y、いいえ＝2 または N")
        elif item.type == "choice":
            hint = self.tr("選択肢は 1〜{n}").format(n=len(item.choices))
        elif item.type == "multi_choice":
            hint = self.tr("複数選択は F2 で入力欄へ移り、スペースでチェックします")
        else:
            hint = self.tr("F2 で入力欄へ移って入力してください")
        text = self.tr("「{key}」はこの項目（{code}）では使えません。{hint}").format(
            key=key, code=item.code, hint=hint)
        QApplication.beep()
        self.editor.show_error(text)
        self.notice.emit(text)

    # --- edits --------------------------------------------------------------------------
    def commit(self, code: str, fields: dict, merge: tuple | None = None) -> bool:
        """Write one change through the services now, as one step on the undo stack (typed
        text: `merge` = (field, editing session), whose steps coalesce). True when written
        (or nothing needed writing)."""
        if self.read_only:
            return False
        old = self.answers.get(code) or Answer(code)
        try:
            new = normalise_answer(self.form, replace(old, **fields))
        except (AnswerError, ValueError) as exc:
            self.editor.show_error(str(exc))
            return False
        if new == old:
            return True
        written = []

        def edit() -> AnswerEdit:
            changed = self.services.set_answer(self.uuid, code, **fields)
            before, after = {code: old}, {code: new}
            for c in changed.cleared:
                before[c] = self.answers.get(c) or Answer(c)
                after[c] = Answer(c)
            written.append(True)
            return AnswerEdit(before, after, changed)

        field = next(iter(fields))
        name = FIELD_NAMES.get(field)
        name = field if name is None else QCoreApplication.translate("ChecklistScreen", name)
        if field in ("rating", "self_rating"):
            text = self.tr("{code} {field} {rating}").format(
                code=code, field=name, rating=rating_text(fields[field]) or self.tr("取消"))
        else:
            text = f"{code} {name}"
        self.undo_stack.push(AnswersCommand(self.writer, text, edit,
                                            spell=("answer", code, *merge) if merge else None))
        return bool(written)

    def _shown(self, answers: dict[str, Answer], changed, first: bool) -> None:
        """A step was written: its edit (first), or an undo or redo writing answers back."""
        if first:
            self._apply(answers)
            self._announce(changed)
            return
        snapshot = dict(answers)
        for c in changed.cleared:
            snapshot.setdefault(c, Answer(c))
        self._apply(snapshot)
        order = list(answers)
        first_code = order[0] if order else None
        if first_code is not None and first_code in self.relevant:
            if self._visible_row(first_code) is None and self.proxy.active:
                self.clear_filters()
            if self.current_code() != first_code:
                self._select(first_code)
        self._announce(Changed(self.uuid, self.review.revision, items=tuple(snapshot),
                               cleared=tuple(changed.cleared)))

    def _refused(self, message: str, first: bool) -> None:
        """The services refused a step: the edit's reason beside the item; an undo or redo
        (the review was finalised elsewhere, say) in a warning, then the screen re-reads."""
        if first:
            self.editor.show_error(message)
            return
        warn(self, self.tr("元に戻す・やり直し"), ValueError(message))
        QTimer.singleShot(0, self._reload_if_alive)

    def _reload_if_alive(self) -> None:
        if shiboken6.isValid(self):
            self.reload()

    def _apply(self, after: dict[str, Answer]) -> None:
        """Bring caches and the screen up to date with answers just written."""
        relevance_may_change = False
        warnings_may_change = False
        sections = set()
        for code, a in after.items():
            if a.is_empty():
                self.answers.pop(code, None)
            else:
                self.answers[code] = a
            relevance_may_change |= code in self._dependents
            warnings_may_change |= code in self._warning_sources
            sections.add(self.form.section_of(code).code)
            self.model.answer_changed(code)
        if relevance_may_change:
            relevant = self._relevant()
            if relevant != self.relevant:
                sections.update(self.form.section_of(c).code for c in relevant ^ self.relevant)
                self.relevant = self.model.relevant = relevant
                self.proxy.refilter()
                self._update_count()
                warnings_may_change = True
        for s in sections:
            self._update_section(s)
        current = self.current_code()
        if current in after:
            self.editor.update_answer(self.answers.get(current))
        if warnings_may_change:
            self._update_warnings()

    def _announce(self, changed) -> None:
        self.changed.emit(changed)
        self.saved.emit(self.tr("保存しました {time}").format(time=f"{datetime.now():%H:%M:%S}"))
