"""No user-visible string of the UI or the command line bypasses the translation system: an AST
check over kanwa_review/ui/, kanwa_review/commands/, cli.py and app.py.

Three rules (docs/translations.md):
- **Japanese outside tr()**: a string literal holding Japanese (kana, kanji, Japanese punctuation)
  that is not inside `tr()` / `translate()` / `QT_TRANSLATE_NOOP()` and is not a docstring. The
  source language is Japanese, so nearly every text a user reads is such a literal.
- **English text shown**: a literal with an English word passed as the text of a call that shows
  it — Qt's text setters and constructors (setText, QLabel(…), QMessageBox.warning, addMenu, …),
  our own confirm()/warn()/show_status(), and on the command line print(), fail(), note(),
  exceptions and argparse's help texts.
- **tr() of something pyside6-lupdate cannot read**: the context and text of every tr() /
  translate() call are string literals passed by position — an f-string, a variable or a keyword
  argument is silently left out of the catalog (so never translated).

Modules the translation sweep has not reached yet are listed in PENDING with the number of
offences they hold today: that number may only go down (a new untranslated string fails even
there), a module that reaches zero must leave the list, and every module not listed — every new
module too — must have none. ALLOWED lists the few literals that are right as they are, each with
its reason. Each rule is also shown failing on a small violating module.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kanwa_review"

JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|&(?=\w)")      # HTML tags, entities, mnemonic "&"
# names written the same in every language (the product's own is taken out before the check)
NOT_ENGLISH = {"OK", "PDF", "Excel", "QI", "PDCA", "CSV", "JSON"}

# calls that mark a string for the catalog: (index of the context, index of the text); None: the
# context is the class (tr)
MARKERS = {"tr": (None, 0), "translate": (0, 1), "QT_TRANSLATE_NOOP": (0, 1),
           "QT_TR_NOOP": (None, 0)}

# calls that show their text arguments to a user (by the called name; methods of any object)
QT_TEXT_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "setAccessibleName", "setAccessibleDescription", "setTitle",
    "setLabelText", "setInformativeText", "setDetailedText", "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels", "setHeaderLabels", "setHeaderLabel", "setTabText",
    "setTabToolTip", "addTab", "insertTab", "showMessage", "setSuffix", "setPrefix",
    "setSpecialValueText", "setButtonText", "setItemText", "addItem", "addItems", "insertItem",
    "addMenu", "addAction", "addSection", "setCancelButtonText", "setNameFilter",
    "setNameFilters", "setWindowIconText", "information", "warning", "critical", "question",
    "about", "getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory",
    "getText", "getItem", "getInt", "getDouble", "addRow", "addButton", "setFormat", "setHtml",
    "setPlainText", "setMarkdown", "show_status", "confirm", "warn", "progress",
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QMenu", "QTableWidgetItem", "QListWidgetItem", "QTreeWidgetItem", "QStandardItem",
    "QCommandLinkButton", "QMessageBox", "QProgressDialog",
}
CLI_TEXT_CALLS = {"print", "fail", "note", "error", "exit", "ArgumentTypeError", "SystemExit"}
ARGPARSE_CALLS = {"ArgumentParser", "add_parser", "add_argument", "add_subparsers",
                  "add_argument_group", "add_mutually_exclusive_group"}
ARGPARSE_TEXT_KEYWORDS = {"help", "description", "epilog", "title"}
# calls whose other arguments are data (a combo box item's value), not text
TEXT_POSITIONS = {"addItem": (0,), "insertItem": (1,), "setItemText": (1,), "setTabText": (1,),
                  "setTabToolTip": (1,), "addTab": (1,), "insertTab": (2,)}
NOT_TEXT_KEYWORDS = {"objectName", "data", "userData", "file", "sep", "end", "flush"}

# (module, literal or call) -> why it is right as it is
ALLOWED: dict[tuple[str, str], str] = {
    ("ui/home/screen.py", "あ"): "a sample glyph measured for column widths, never shown",
    ("ui/hub/dashboard.py", "あ"): "a sample glyph measured for column widths, never shown",
    ("ui/review/audit_view.py", "あ"): "a sample glyph measured for column widths, never shown",
    ("ui/review/audit_view.py", "QCoreApplication.translate('AuditView', text)"):
        "ACTION_LABELS' and FIELD_LABELS' texts, each marked with QT_TRANSLATE_NOOP('AuditView', …)",
    ("ui/language_menu.py", "日本語"): "each language is named in its own language (LANGUAGE_NAMES)",
    ("commands/keys.py", "はい"): "a typed answer accepted beside y / yes at the trust prompt; never shown",
    ("ui/widgets/date_field.py", "令和10年12月31日"):
        "the longest date typed, measured for the field's width, never shown",
    ("ui/dialogs/finalise.py", "QCoreApplication.translate('FinaliseDialog', label)"):
        "GAP_KIND_LABELS' texts, each marked with QT_TRANSLATE_NOOP('FinaliseDialog', …)",
    ("ui/files/migration.py", "QCoreApplication.translate('Migration', text)"):
        "STATUS_WORDS' and ANSWER_FIELDS' texts, each marked with QT_TRANSLATE_NOOP('Migration', …)",
    ("ui/labels.py", "QCoreApplication.translate('Labels', word)"):
        "the texts of its tables of core's codes, each marked with QT_TRANSLATE_NOOP('Labels', …)",
    ("ui/checklist/answer_controls.py",
     "QCoreApplication.translate('AnswerControls', PERIOD_HINTS.get(item.period, ''))"):
        "PERIOD_HINTS' texts, each marked with QT_TRANSLATE_NOOP('AnswerControls', …)",
    ("ui/checklist/editor.py", "０１２３４５６７８９．－，"):
        "the full-width digits a Japanese IME types, mapped to ASCII before parsing; never shown",
    ("ui/checklist/editor.py", "QCoreApplication.translate('ItemEditor', text)"):
        "FINDING_ACTIONS' texts, each marked with QT_TRANSLATE_NOOP('ItemEditor', …)",
    ("ui/checklist/model.py", "QCoreApplication.translate('ChecklistModel', h)"):
        "HEADERS' texts, each marked with QT_TRANSLATE_NOOP('ChecklistModel', …)",
    ("ui/checklist/navigator.py", "\u3000"):
        "a blank as wide as the ✓ mark, aligning the section lines; never read",
    ("ui/checklist/item_actions.py", "QCoreApplication.translate('ItemEditor', text)"):
        "FINDING_ACTIONS' texts, each marked with QT_TRANSLATE_NOOP('ItemEditor', …)",
    ("ui/checklist/screen.py", "QCoreApplication.translate('ChecklistScreen', name)"):
        "FIELD_NAMES' texts, each marked with QT_TRANSLATE_NOOP('ChecklistScreen', …)",
    ("ui/findings/actions_editor.py", "QCoreApplication.translate('ActionsEditor', c)"):
        "COLUMNS' texts, each marked with QT_TRANSLATE_NOOP('ActionsEditor', …)",
    ("ui/findings/text.py", "QCoreApplication.translate('FindingKind', label)"):
        "KIND_LABELS' texts, each marked with QT_TRANSLATE_NOOP('FindingKind', …)",
    ("ui/findings/text.py", "QCoreApplication.translate('FindingNoun', noun)"):
        "KIND_NOUNS' texts, each marked with QT_TRANSLATE_NOOP('FindingNoun', …)",
}

# Modules the translation sweep has not converted yet: offences today (may only go down).
PENDING: dict[str, int] = {}


@dataclass(frozen=True)
class Offence:
    module: str
    line: int
    rule: str
    text: str          # the literal, or the call as written

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {self.rule}: {self.text!r}"


def _called(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_marker(node: ast.Call) -> bool:
    name = _called(node.func)
    if name not in MARKERS:
        return False
    # str.translate(table) and QTranslator.translate(...) on an object are not markers: a marker
    # has its text where MARKERS says (`text.translate(table)` has a single argument)
    return len(node.args) > MARKERS[name][1] or bool(node.keywords)


def _literal_ok(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) \
                and node.body and isinstance(node.body[0], ast.Expr) \
                and _literal_ok(node.body[0].value):
            out.add(id(node.body[0].value))
    return out


def _literal_parts(node: ast.expr):
    """The literal text of an expression passed as a text: a string, the fixed parts of an
    f-string, the parts of a `+`, the receiver of `"…".format(…)`."""
    if _literal_ok(node):
        yield node
    elif isinstance(node, ast.JoinedStr):
        yield from (v for v in node.values if _literal_ok(v))
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _literal_parts(node.left)
        yield from _literal_parts(node.right)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "format":
        yield from _literal_parts(node.func.value)
    elif isinstance(node, ast.IfExp):
        yield from _literal_parts(node.body)
        yield from _literal_parts(node.orelse)


def _text_arguments(node: ast.Call, cli: bool):
    name = _called(node.func)
    if cli and name in ARGPARSE_CALLS:
        return [k.value for k in node.keywords if k.arg in ARGPARSE_TEXT_KEYWORDS]
    shown = (CLI_TEXT_CALLS if cli else set()) | QT_TEXT_CALLS
    if name not in shown and not (cli and name and name.endswith(("Error", "Exception"))):
        return []
    positions = TEXT_POSITIONS.get(name)
    args = [a for i, a in enumerate(node.args) if positions is None or i in positions]
    return args + [k.value for k in node.keywords if k.arg not in NOT_TEXT_KEYWORDS]


def _english(text: str) -> bool:
    words = ENGLISH_WORD.findall(MARKUP.sub(" ", text.replace("kanwa-review", " ")))
    return any(w not in NOT_ENGLISH for w in words)


def offences(source: str, module: str, *, cli: bool = False) -> list[Offence]:
    """Every offence against the three rules in one module's source."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    marked: set[int] = set()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_marker(node):
            marked |= {id(sub) for sub in ast.walk(node)}
            context_at, text_at = MARKERS[_called(node.func)]
            args = node.args
            fine = (not node.keywords and len(args) > text_at and _literal_ok(args[text_at])
                    and (context_at is None or _literal_ok(args[context_at]))
                    and all(_literal_ok(a) or (isinstance(a, ast.Constant) and a.value is None)
                            for a in args[text_at + 1:text_at + 2]))
            if not fine:
                out.append(Offence(module, node.lineno, "tr() of something lupdate cannot read",
                                   ast.unparse(node)))
    for node in ast.walk(tree):
        if _literal_ok(node) and id(node) not in marked and id(node) not in docstrings \
                and JAPANESE.search(node.value):
            out.append(Offence(module, node.lineno, "Japanese outside tr()", node.value))
        elif isinstance(node, ast.Call):
            for arg in _text_arguments(node, cli):
                for part in _literal_parts(arg):
                    if id(part) not in marked and _english(part.value) \
                            and not JAPANESE.search(part.value):
                        out.append(Offence(module, part.lineno, "English text shown",
                                           part.value))
    return sorted(out, key=lambda o: (o.line, o.rule, o.text))


def _checked_modules() -> list[Path]:
    return (sorted((PACKAGE / "ui").rglob("*.py")) + sorted((PACKAGE / "commands").glob("*.py"))
            + [PACKAGE / "cli.py", PACKAGE / "app.py"])


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def module_offences(path: Path) -> list[Offence]:
    rel = _rel(path)
    found = offences(path.read_text(encoding="utf-8"), rel,
                     cli=rel.startswith("commands/") or rel == "cli.py")
    return [o for o in found if (rel, o.text) not in ALLOWED]


def all_offences() -> dict[str, list[Offence]]:
    return {_rel(p): module_offences(p) for p in _checked_modules()}


# --- the code base ---------------------------------------------------------------------------

def test_every_converted_module_routes_every_string_through_the_translation_system():
    found = all_offences()
    lines = [str(o) for rel, offs in found.items() if rel not in PENDING for o in offs]
    assert not lines, ("user-visible strings that bypass tr()/translate() (docs/translations.md; "
                       "a string that is right as it is goes into ALLOWED with its reason):\n"
                       + "\n".join(lines))


def test_pending_modules_only_get_better():
    found = all_offences()
    worse = [f"{rel}: {len(found.get(rel, []))} offences, PENDING allows {allowed}:\n  "
             + "\n  ".join(str(o) for o in found.get(rel, []))
             for rel, allowed in PENDING.items() if len(found.get(rel, [])) > allowed]
    assert not worse, ("new untranslated strings in a module the sweep has not reached (write "
                       "new strings with tr()/translate()):\n" + "\n".join(worse))
    done = [rel for rel in PENDING if not found.get(rel)]
    assert not done, f"converted: take these out of PENDING: {done}"
    gone = [rel for rel in PENDING if rel not in found]
    assert not gone, f"no such module (moved?): {gone}"


def test_allowed_literals_are_still_there():
    """An ALLOWED entry whose literal left the code goes too (the list cannot go stale)."""
    raw = {(_rel(p), o.text) for p in _checked_modules()
           for o in offences(p.read_text(encoding="utf-8"), _rel(p),
                             cli=_rel(p).startswith("commands/") or _rel(p) == "cli.py")}
    assert not set(ALLOWED) - raw, f"no longer needed: {sorted(set(ALLOWED) - raw)}"


# --- each rule, shown failing ----------------------------------------------------------------

@pytest.mark.parametrize("source, rule, text", [
    ('label.setText("保存しました")\n', "Japanese outside tr()", "保存しました"),
    ('x = f"第{n}版"\n', "Japanese outside tr()", "第"),
    ('FILTERS = (("すべて", None),)\n', "Japanese outside tr()", "すべて"),
    ('QLabel("Saved")\n', "English text shown", "Saved"),
    ('box.setWindowTitle("Import " + name)\n', "English text shown", "Import "),
    ('QMessageBox.warning(self, t, f"Cannot open {path}")\n', "English text shown",
     "Cannot open "),
    ('self.tr(f"第{n}版")\n', "tr() of something lupdate cannot read", "self.tr(f'第{n}版')"),
    ('QCoreApplication.translate("Ctx", text)\n', "tr() of something lupdate cannot read",
     "QCoreApplication.translate('Ctx', text)"),
    ('translate(ctx, "保存")\n', "tr() of something lupdate cannot read",
     "translate(ctx, '保存')"),
    ('translate("ctx", "保存", lang="en")\n', "tr() of something lupdate cannot read",
     "translate('ctx', '保存', lang='en')"),
])
def test_each_rule_finds_its_offence(source, rule, text):
    found = offences(source, "ui/x.py")
    assert (rule, text) in {(o.rule, o.text) for o in found}, found


@pytest.mark.parametrize("source, text", [
    ('print("(no reviews)")\n', "(no reviews)"),
    ('raise ValueError(f"{path}: not a workbook")\n', ": not a workbook"),
    ('p.add_argument("--db", help="database file")\n', "database file"),
    ('fail("cannot open")\n', "cannot open"),
])
def test_the_command_line_rule_finds_english_output(source, text):
    assert [o.text for o in offences(source, "commands/x.py", cli=True)] == [text]


@pytest.mark.parametrize("source", [
    'label.setText(self.tr("保存しました"))\n',
    'label.setText(self.tr("第{n}版").format(n=n))\n',
    'x = QCoreApplication.translate("Ctx", "保存")\n',
    'x = translate("ctx", "{file}: 読めません", "disambiguation").format(file=f)\n',
    'X = (QT_TRANSLATE_NOOP("Ctx", "すべて"), None)\n',
    '"""モジュールの説明（docstring）"""\n',
    'def f():\n    """関数の説明"""\n',
    'text.strip().translate(TABLE)\n',
    'combo.addItem(self.tr("下書き"), "draft")\n',
    'QMessageBox.information(self, t, f"<table cellpadding=\'3\'>{rows}</table>")\n',
    'action = QAction(self.tr("終了"), self)\naction.setShortcut("Ctrl+Q")\n',
    'window.setAccessibleName("kanwa-review")\n',
    'p.add_argument("--db", metavar="DB", dest="db", help=translate("cli", "データベース"))\n',
    'print(json.dumps(rows))\nprint(f"{r.file}\\t{r.status}")\n',
])
def test_what_is_routed_passes(source):
    assert offences(source, "ui/x.py", cli=True) == []


# --- no 「日本語 / English」 pairs, anywhere in the package ------------------------------------
# A fourth rule, over every module of kanwa_review/ (core, store, services, exchange, reports
# too), apart from the PENDING modules, whose sweep removes their pairs with the rest: no string
# literal holds one message twice, 「Japanese / English」 (docs/translations.md: one language at
# a time). A pair is Japanese, " / ", then an English word (a `{placeholder}` before it aside);
# "{shown} / {total} 件", "equals / not_equals", "Excel / JSON" are not pairs.

# a word: not part of an identifier (not_equals) or a file suffix (.xlsx)
WORD = re.compile(r"(?<![\w.])[A-Za-z]{2,}(?!\w)")
FIELD = re.compile(r"\{[^}]*\}")


def _is_pair(text: str) -> bool:
    """Japanese before a " / ", an English word after it (before any more Japanese)."""
    parts = text.split(" / ")
    for before, after in zip(parts, parts[1:]):
        head = FIELD.sub(" ", JAPANESE.split(after, maxsplit=1)[0])
        if JAPANESE.search(before) and any(w not in NOT_ENGLISH for w in WORD.findall(head)):
            return True
    return False


def pair_offences(source: str, module: str) -> list[Offence]:
    """Every string literal of a module holding a 「日本語 / English」 pair (an f-string read as
    one text with `{}` for its fields; adjacent literals are one literal already)."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    in_fstring = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                  for v in node.values}
    out = []
    for node in ast.walk(tree):
        if id(node) in docstrings or id(node) in in_fstring:
            continue
        if _literal_ok(node):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if _literal_ok(v) else "{}" for v in node.values)
        else:
            continue
        if _is_pair(text):
            out.append(Offence(module, node.lineno, "日本語 / English pair", text))
    return sorted(out, key=lambda o: o.line)


def test_no_literal_holds_a_japanese_english_pair():
    found = [str(o) for path in sorted(PACKAGE.rglob("*.py")) if _rel(path) not in PENDING
             for o in pair_offences(path.read_text(encoding="utf-8"), _rel(path))]
    assert not found, ("one message in two languages (write the Japanese once through "
                       "translate()/tr(), the English in the .ts):\n" + "\n".join(found))


@pytest.mark.parametrize("source, text", [
    ('raise ValueError("保存できません / cannot save")\n', "保存できません / cannot save"),
    ('x = ("評価票は「キー: 値」の形で書いてください / "\n     "a form must be a mapping")\n',
     "評価票は「キー: 値」の形で書いてください / a form must be a mapping"),
    ('x = f"日時 {v!r} が未来です / {v} is in the future"\n', "日時 {} が未来です / {} is in the future"),
    ('LABEL = "施設 / facility"\n', "施設 / facility"),
    ('canvas.drawString(0, 0, "下書き / DRAFT")\n', "下書き / DRAFT"),
])
def test_the_pair_rule_finds_its_offence(source, text):
    assert [o.text for o in pair_offences(source, "core/x.py")] == [text]


@pytest.mark.parametrize("source", [
    'x = translate("form", "保存できません")\n',
    'x = self.tr("{shown} / {total} 項目").format(shown=1, total=2)\n',
    'x = "使える形: {item: コード, equals / not_equals / in}"\n',
    'x = "Excel の Actions シート / JSON を読みます"\n',
    'x = "頁番号（n / N）"\n',
    'x = translate("cli", "進捗ファイル（.json / .xlsx）に書き出します")\n',
    '"""モジュールの説明 / what the module owns"""\n',
])
def test_what_is_no_pair_passes(source):
    assert pair_offences(source, "core/x.py") == []
