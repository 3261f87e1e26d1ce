"""The one table of commands and keys (core/shortcuts.py): ids, menus, mnemonics, the keyboard
list and its Markdown (the README's tables), in Japanese and in English."""

from __future__ import annotations

import re
import pytest

from kanwa_review.core import i18n
from kanwa_review.core import shortcuts as K

JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
MNEMONIC = re.compile(r"&(.)")


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setattr(i18n, "_language", "en")


def test_ids_are_unique_and_areas_and_menus_known():
    table = K.shortcuts()
    assert len({s.id for s in table}) == len(table)
    assert {s.area for s in table} == set(K.AREAS)
    assert {s.menu for s in table if s.menu} == set(K.MENUS)
    assert all(bool(s.menu) == bool(s.text) for s in table)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_menu_entry_has_one_mnemonic_unique_in_its_menu(monkeypatch, lang):
    monkeypatch.setattr(i18n, "_language", lang)
    titles = [MNEMONIC.findall(K.menu_title(m)) for m in K.MENUS]
    assert all(len(t) == 1 for t in titles)
    assert len({t[0].lower() for t in titles}) == len(K.MENUS), titles
    for menu in K.MENUS:
        keys = [MNEMONIC.findall(s.text) for s in K.shortcuts() if s.menu == menu]
        assert all(len(k) == 1 for k in keys), (menu, keys)
        letters = [k[0].lower() for k in keys]
        assert len(set(letters)) == len(letters), (lang, menu, letters)


def test_the_entries_the_issue_asks_for():
    assert K.shortcut("finalise").keys == ("Ctrl+Shift+K",)
    assert K.shortcut("finalise").text == "確定(&K)…" and K.shortcut("finalise").menu == "review"
    assert K.shortcut("export_package").keys == ("Ctrl+E",)
    assert K.shortcut("open_review").bound is False
    assert K.shortcut("quit").standard == "Quit" and K.shortcut("undo").standard == "Undo"
    assert K.shortcut("close_window").keys == ("Esc", "Ctrl+W")
    plain = K.Shortcut("x", "general", (), "does")
    assert (plain.menu, plain.text, plain.standard, plain.bound) == ("", "", "", True)
    assert [s.id for s in K.shortcuts() if s.menu == "file"][:4] == [
        "new_database", "open_database", "recent_databases", "open_demo"]
    assert [s.id for s in K.shortcuts() if s.menu == "file"][-2:] == ["profile", "quit"]


def test_an_unknown_id_is_named():
    with pytest.raises(LookupError, match="no shortcut 'nope'"):
        K.shortcut("nope")


@pytest.mark.parametrize("key, shown", [
    ("Alt+Left", "Alt+←"), ("Ctrl+Down", "Ctrl+↓"), ("Up", "↑"), ("Right", "→"),
    ("F1", "F1"), ("1–4", "1–4"), ("Ctrl+Shift+K", "Ctrl+Shift+K"), ("Left+Left", "Left+←"),
])
def test_key_text(key, shown):
    assert K.key_text(key) == shown


def test_keys_text_joins_every_key():
    assert K.keys_text(K.shortcut("section")) == "Ctrl+↓ / Ctrl+↑"
    assert K.keys_text(K.shortcut("recent_databases")) == ""


def test_the_list_holds_every_entry_with_keys_by_area():
    listed = K.listed()
    assert [title for title, _ in listed] == [K.area_title(a) for a in K.AREAS]
    entries = [s for _, group in listed for s in group]
    assert entries == sorted((s for s in K.shortcuts() if s.keys),
                             key=lambda s: K.AREAS.index(s.area))
    assert all(s.keys for s in entries)
    assert listed[0][0] == "全体" and listed[-1][0] == "集計（ダッシュボード・施設の経過）"


def test_the_markdown_tables():
    table = K.markdown_table().splitlines()
    assert table[:2] == ["| 場面 | キー | 操作 |", "|---|---|---|"]
    assert "| チェックリスト | P | 前回の訪問の評価（値）を採用（フォローアップ） |" in table
    assert "| レビュー | Alt+← | ホームへ戻る |" in table
    assert len(table) == 2 + sum(1 for s in K.shortcuts() if s.keys)
    menus = K.menus_markdown().splitlines()
    assert menus[:2] == ["| メニュー | 項目 | キー |", "|---|---|---|"]
    assert menus[2] == "| ファイル(F) | 新規(N)… | Ctrl+Shift+N |"
    assert "| ファイル(F) | 最近使ったファイル(R) |  |" in menus
    assert "| レビュー(R) | 確定(K)… | Ctrl+Shift+K |" in menus
    assert menus[-1] == "| ヘルプ(H) | kanwa-review について(A) |  |"
    assert len(menus) == 2 + sum(1 for s in K.shortcuts() if s.menu)
    assert K.menu_entry_text(K.shortcut("finalise")) == "確定(K)…"


def test_everything_speaks_english_in_english(english):
    texts = [K.area_title(a) for a in K.AREAS] + [K.menu_title(m) for m in K.MENUS]
    for s in K.shortcuts():
        texts += [s.does, s.text]
    texts += [K.markdown_table(), K.menus_markdown()]
    assert not [t for t in texts if JAPANESE.search(t)]
    assert K.menu_title("file") == "&File" and K.shortcut("finalise").text == "&Finalise…"
    assert K.markdown_table().splitlines()[0] == "| Where | Keys | What it does |"
    assert K.menus_markdown().splitlines()[0] == "| Menu | Entry | Keys |"


def test_unknown_areas_and_menus_are_errors():
    with pytest.raises(KeyError):
        K.area_title("nowhere")
    with pytest.raises(KeyError):
        K.menu_title("nowhere")


# The table itself, field by field (id, where, keys, menu, Qt StandardKey, bound to the action):
# the documented keys are a promise to the user, so a changed key must change this list too.
TABLE = [
    ('new_database', 'general', ('Ctrl+Shift+N',), 'file', '', True),
    ('open_database', 'general', ('Ctrl+O',), 'file', 'Open', True),
    ('recent_databases', 'general', (), 'file', '', True),
    ('open_demo', 'general', (), 'file', '', True),
    ('new_facility', 'home', (), 'file', '', True),
    ('new_review', 'home', ('Ctrl+N',), 'file', 'New', True),
    ('import_packages', 'general', ('Ctrl+I',), 'file', '', True),
    ('excel_template', 'general', (), 'file', '', True),
    ('profile', 'general', (), 'file', '', True),
    ('quit', 'general', ('Ctrl+Q',), 'file', 'Quit', True),
    ('undo', 'general', ('Ctrl+Z',), 'edit', 'Undo', True),
    ('redo', 'general', ('Ctrl+Shift+Z',), 'edit', 'Redo', True),
    ('find', 'general', ('Ctrl+F',), 'edit', 'Find', True),
    ('refresh', 'general', ('F5',), 'edit', 'Refresh', True),
    ('open_review', 'home', ('Enter',), 'review', '', False),
    ('follow_up', 'home', (), 'review', '', True),
    ('delete_draft', 'home', ('Delete',), 'review', '', True),
    ('finalise', 'review', ('Ctrl+Shift+K',), 'review', '', True),
    ('amend', 'review', (), 'review', '', True),
    ('home', 'review', ('Alt+Left',), 'review', 'Back', True),
    ('export_package', 'review', ('Ctrl+E',), 'review', '', True),
    ('facility_history', 'review', ('Ctrl+Shift+H',), 'review', '', True),
    ('report_pdf', 'review', (), 'review', '', True),
    ('print_preview', 'review', ('Ctrl+P',), 'review', 'Print', True),
    ('open_pdf_after', 'review', (), 'review', '', True),
    ('request_letter', 'review', (), 'review', '', True),
    ('review_tabs', 'review', ('Alt+1', 'Alt+2', 'Alt+3'), '', '', True),
    ('dashboard', 'hub', ('Ctrl+Shift+D',), 'hub', '', True),
    ('all_reports', 'hub', (), 'hub', '', True),
    ('facility_master', 'hub', (), 'hub', '', True),
    ('excel_return', 'hub', (), 'hub', '', True),
    ('excel_import', 'hub', (), 'hub', '', True),
    ('progress_export', 'hub', (), 'hub', '', True),
    ('progress_import', 'hub', (), 'hub', '', True),
    ('trust_list', 'hub', (), 'hub', '', True),
    ('close_window', 'hub', ('Esc', 'Ctrl+W'), '', '', True),
    ('reaggregate', 'hub', ('F5',), '', '', True),
    ('report_settings', 'general', (), 'tools', '', True),
    ('new_key', 'general', (), 'tools', '', True),
    ('export_keys', 'general', (), 'tools', '', True),
    ('form_workbook', 'general', (), 'tools', '', True),
    ('form_from_workbook', 'general', (), 'tools', '', True),
    ('form_install', 'general', (), 'tools', '', True),
    ('current_forms', 'general', (), 'tools', '', True),
    ('migrate', 'general', (), 'tools', '', True),
    ('migration_checks', 'general', (), 'tools', '', True),
    ('language', 'general', (), 'view', '', True),
    ('guide', 'general', (), 'help', '', True),
    ('quick_reference', 'general', (), 'help', '', True),
    ('keyboard_help', 'general', ('F1',), 'help', 'HelpContents', True),
    ('data_location', 'general', (), 'help', '', True),
    ('about', 'general', (), 'help', '', True),
    ('rate', 'checklist', ('1–4', 'A–D'), '', '', True),
    ('rate_na', 'checklist', ('0', 'N'), '', '', True),
    ('self_rate', 'checklist', ('Shift+A–D', 'Shift+N'), '', '', True),
    ('clear', 'checklist', ('Delete', 'Backspace'), '', '', True),
    ('yes_no', 'checklist', ('Y', 'N', '1', '2'), '', '', True),
    ('choice', 'checklist', ('1–9',), '', '', True),
    ('next_item', 'checklist', ('Tab', 'Enter'), '', '', True),
    ('section', 'checklist', ('Ctrl+Down', 'Ctrl+Up'), '', '', True),
    ('take_previous', 'checklist', ('P',), '', '', True),
    ('edit_item', 'checklist', ('F2', 'Space'), '', '', True),
    ('back_to_items', 'checklist', ('Esc',), '', '', True),
    ('date_keys', 'checklist', ('Up', 'Down'), '', '', True),
    ('item_menu', 'checklist', ('Menu', 'Shift+F10'), '', '', True),
    ('add_finding', 'findings', ('Insert',), '', '', True),
    ('delete_finding', 'findings', ('Delete',), '', '', True),
    ('move_finding', 'findings', ('Alt+Up', 'Alt+Down'), '', '', True),
    ('finding_back', 'findings', ('Esc',), '', '', True),
]


def test_the_table_as_documented():
    assert [(s.id, s.area, s.keys, s.menu, s.standard, s.bound) for s in K.shortcuts()] == TABLE
