"""The translation catalogs (kanwa_review/translations/): the .ts holds exactly the strings of the
code, the committed .qm says what the .ts says, every translation keeps the placeholders of its
source, and what has been translated stays translated. The checks are scripts/translations.py's
own, so this test and `scripts/translations --check` agree; each is also shown failing."""

from __future__ import annotations

import importlib.util
import re
import shutil
import string
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("kanwa_translations",
                                               ROOT / "scripts" / "translations.py")
T = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = T      # its dataclasses look their module up while it loads
_spec.loader.exec_module(T)

LANGS = T.target_languages()

# Contexts whose every string has its English translation: those of the modules converted so far
# (their new strings must come with English too). The translation sweep adds each context it
# converts; when it is done, this becomes "every context of the catalog". (The catalog translates
# every string it holds today, also of contexts not listed: form, rules, review, resources,
# Workbooks, …; those modules are still being changed by other work, so they are not held to it.)
TRANSLATED_CONTEXTS = {
    "App", "Errors", "HomeScreen", "HubMenu", "ImportResultsDialog", "ImportStatus",
    "LanguageMenu", "MainWindow", "Operations", "argparse", "cli", "cli_backup", "cli_demo",
    "cli_excel", "cli_exchange", "cli_listing", "cli_progress", "cli_report", "form_text",
    "store", "store_backup", "services", "dashboard", "demo", "exports", "facilities", "findings",
    "Import", "pdca", "progress_files", "reports", "Review", "session", "Workbook",
    "excel_safety", "facility_master", "importer", "package_format", "Export", "progress",
    "package",
    # issues 13, 14 and 17 in the app
    "ChecksList", "CurrentFormsDialog", "DateInput", "ExportKeysDialog", "FinaliseDialog",
    "FormFiles", "FormWarning", "KeyFiles", "KeyMadeDialog", "MigrateDialog", "Migration",
    "MigrationResultsDialog", "NewKeyDialog", "PassphraseDialog", "ProblemsDialog",
    "Profile", "ProfileDialog", "ReportSettingsDialog", "RequestLetter", "RequestLetterDialog",
    "ReviewFields", "ReviewFieldsEditor", "Signature", "Signing", "TrustConfirmDialog",
    "TrustListDialog",
    # the checklist's 2026.2 features (grade definitions, 未集計, live warnings)
    "ChecklistModel", "ChecklistScreen", "GradeDefinitions", "ItemEditor",
    # the sweep: ui/files, ui/home/models, ui/hub, ui/review
    "DropImporter", "FacilityMaster", "FiscalYearDialog", "Packages", "ProgressFiles", "Reports",
    "Workbooks", "DashboardWindow", "FacilityHistoryWindow", "HeatmapModel", "HistoryChart",
    "HomeModel", "Labels", "AuditModel", "AuditView", "ReviewScreen",
    # the sweep: checklist, findings, dialogs
    "AnswerControls", "DialogCommon", "FindingCommands", "FindingEditor", "FindingKind",
    "FindingList", "FindingNoun", "FindingText", "ItemActions", "ItemList", "RatingButtons",
    "SectionNavigator", "ActionDialog", "ActionsDialog", "ActionsEditor",
    "FacilityActionsPage", "FindingDetail", "FindingEditing", "FindingsPanel", "ItemPickerDialog",
    "ProgressDialog", "NewFacilityDialog", "NewReviewDialog",
    "TeamTable",
    # the non-UI sweep: no 日本語 / English pairs left in core, exchange, store, reports
    "form", "qi", "excel_import", "excel_return", "store_backup",
}

PERCENT = re.compile(r"%(?:\(\w+\))?[sdr]")     # argparse's own placeholders (context argparse)


def placeholders(text: str) -> set[str]:
    """`{name}` fields (str.format, as our code formats after translating) and `%(name)s` / `%s`
    (argparse's texts) of a message; ValueError for a malformed format string."""
    fields = {f"{{{name}}}" for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    return fields | set(PERCENT.findall(text))


def _messages(code: str):
    return T.read_ts(T.ts_path(code))


# --- in step ---------------------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGS)
def test_the_catalog_holds_every_string_of_the_code_and_no_other(code):
    assert T.stale_ts(code) == [], "run scripts/translations (docs/translations.md)"


@pytest.mark.parametrize("code", LANGS)
def test_the_compiled_catalog_says_what_its_source_says(code):
    assert T.stale_qm(code) == [], "run scripts/translations (docs/translations.md)"


def test_a_catalog_behind_the_code_is_found(tmp_path):
    stale = tmp_path / "kanwa_review_en.ts"
    text = T.ts_path("en").read_text(encoding="utf-8")
    assert text.count("<source>保存の状態</source>") == 1
    stale.write_text(text.replace("<source>保存の状態</source>", "<source>もう無い文</source>"),
                     encoding="utf-8")
    found = "\n".join(T.stale_ts("en", stale))
    assert "not yet extracted: [MainWindow] '保存の状態'" in found
    assert "no longer in the code: [MainWindow] 'もう無い文'" in found
    assert T.stale_ts("en", tmp_path / "missing.ts") == [f"{tmp_path / 'missing.ts'} is missing: "
                                                         "run scripts/translations"]


def test_a_compiled_catalog_behind_its_source_is_found(tmp_path):
    ts = tmp_path / "kanwa_review_en.ts"
    text = T.ts_path("en").read_text(encoding="utf-8")
    changed = text.replace("<translation>&amp;File</translation>",
                           "<translation>F&amp;ile</translation>")
    changed = changed.replace("<translation>Save state</translation>",
                              '<translation type="unfinished">Save state</translation>')
    assert changed.count("F&amp;ile") == 1 and changed.count('type="unfinished">Save state') == 1
    ts.write_text(changed, encoding="utf-8")
    found = "\n".join(T.stale_qm("en", ts=ts))
    assert "[shortcuts] 'ファイル(&F)' gives '&File', the .ts says 'F&ile'" in found
    # an unfinished translation must not ship: the .qm still giving it is stale
    assert "[MainWindow] '保存の状態' gives 'Save state', the .ts says ''" in found
    assert T.stale_qm("en", qm=tmp_path / "none.qm")[0].endswith("is missing: run "
                                                                   "scripts/translations")


def test_the_check_command_says_up_to_date(capsys):
    assert T.main(["--check"]) == 0
    assert "translations: up to date" in capsys.readouterr().out


def test_the_catalog_names_its_languages():
    head = T.ts_path("en").read_text(encoding="utf-8")[:300]
    assert 'language="en"' in head and 'sourcelanguage="ja"' in head


# --- placeholders ----------------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGS)
def test_every_translation_keeps_exactly_the_placeholders_of_its_source(code):
    wrong = []
    for m in _messages(code):
        if not m.finished:
            continue
        try:
            if placeholders(m.translation) != placeholders(m.source):
                wrong.append(f"[{m.context}] {m.source!r}: {sorted(placeholders(m.source))} "
                             f"-> {m.translation!r}: {sorted(placeholders(m.translation))}")
        except ValueError as exc:
            wrong.append(f"[{m.context}] {m.translation!r}: {exc}")
    assert not wrong, "\n".join(wrong)


def test_placeholders_in_the_source_are_named():
    """`{file}`, never `{}` or `{0}`: a translator reorders named placeholders safely, and the
    name says what goes there."""
    unnamed = [f"[{m.context}] {m.source!r}" for m in _messages(LANGS[0]) if m.active
               and any(not re.fullmatch(r"\{[A-Za-z_]\w*\}|%(\(\w+\))?[sdr]", p)
                       for p in placeholders(m.source))]
    assert not unnamed, "\n".join(unnamed)


@pytest.mark.parametrize("source, translation, same", [
    ("{file}: 読めません", "{file}: cannot be read", True),
    ("{file}: 読めません", "{path}: cannot be read", False),
    ("{a} と {b}", "{b} and {a}", True),                         # reordered: fine
    ("{a} と {b}", "{a} only", False),
    ("第{n}版", "revision {n} ({n})", True),                       # used twice: fine
    ("{{item: コード}} {where}", "{{item: code}} {where}", True),   # braces written as {{ }}
    ("{{item: コード}} {where}", "{item: code} {where}", False),
    ("%(prog)s: エラー: %(message)s", "%(prog)s: error: %(message)s", True),
    ("引数 %s と一緒には使えません", "not allowed with argument", False),
])
def test_the_placeholder_rule(source, translation, same):
    assert (placeholders(source) == placeholders(translation)) is same


def test_a_malformed_translation_is_an_error():
    with pytest.raises(ValueError):
        placeholders("{file: cannot be read")


# --- translated, and staying so ---------------------------------------------------------------

def test_the_english_catalog_covers_every_string_of_the_converted_contexts():
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(T.qm_path("en")))
    messages = [m for m in _messages("en") if m.active]
    missing = [f"[{m.context}] {m.source!r}" for m in messages
               if m.context in TRANSLATED_CONTEXTS
               and not translator.translate(m.context, m.source, m.comment or None)]
    assert not missing, ("untranslated (write the English in kanwa_review_en.ts, e.g. with Qt "
                         "Linguist, then run scripts/translations):\n" + "\n".join(missing))
    unknown = TRANSLATED_CONTEXTS - {m.context for m in messages}
    assert not unknown, f"no such context in the catalog (renamed?): {sorted(unknown)}"


def test_an_untranslated_entry_is_found(tmp_path, monkeypatch):
    ts = tmp_path / "kanwa_review_en.ts"
    shutil.copyfile(T.ts_path("en"), ts)
    text = ts.read_text(encoding="utf-8").replace(
        "<translation>Save state</translation>", '<translation type="unfinished"></translation>')
    ts.write_text(text, encoding="utf-8")
    T.lrelease(ts, tmp_path / "kanwa_review_en.qm")
    monkeypatch.setattr(T, "qm_path", lambda code: tmp_path / f"kanwa_review_{code}.qm")
    monkeypatch.setattr(T, "ts_path", lambda code: tmp_path / f"kanwa_review_{code}.ts")
    with pytest.raises(AssertionError, match=r"\[MainWindow\] '保存の状態'"):
        test_the_english_catalog_covers_every_string_of_the_converted_contexts()
