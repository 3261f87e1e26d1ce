"""The app's commands and keys, written once (操作とショートカットの一覧): the menus take their
texts, mnemonics and keys from here, ヘルプ ▸ キーボード操作 lists it, and the README's keyboard
table (and a printed quick reference) are made from it.

Plain data, no Qt. A key is written as Qt's portable text ("Ctrl+Shift+K", "Alt+Left"), which
QKeySequence reads for a menu command; keys that only describe (「1–4」) are for the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from kanwa_review.core.i18n import translate

# Where a key works, in the order the list shows them.
AREAS = ("general", "home", "review", "checklist", "findings", "hub")
# The menus of the main window, in the menu bar's order.
MENUS = ("file", "edit", "review", "hub", "tools", "view", "help")

_ARROWS = {"Left": "←", "Right": "→", "Up": "↑", "Down": "↓"}


@dataclass(frozen=True)
class Shortcut:
    """One command or key. `menu` and `text` (with its mnemonic, 「確定(&K)…」) for a menu
    command, whose `keys` its action binds unless `bound` is False (Enter opens a review from
    the list, not from anywhere); `standard`: a Qt StandardKey whose platform keys are bound
    as well (Redo is Ctrl+Y on Windows; the documented key works everywhere)."""

    id: str
    area: str
    keys: tuple[str, ...]
    does: str
    menu: str = ""
    text: str = ""
    standard: str = ""
    bound: bool = True


def area_title(area: str) -> str:
    return {
        "general": translate("shortcuts", "全体"),
        "home": translate("shortcuts", "ホーム"),
        "review": translate("shortcuts", "レビュー"),
        "checklist": translate("shortcuts", "チェックリスト"),
        "findings": translate("shortcuts", "所見"),
        "hub": translate("shortcuts", "集計（ダッシュボード・施設の経過）"),
    }[area]


def menu_title(menu: str) -> str:
    return {
        "file": translate("shortcuts", "ファイル(&F)"),
        "edit": translate("shortcuts", "編集(&E)"),
        "review": translate("shortcuts", "レビュー(&R)"),
        "hub": translate("shortcuts", "集計(&T)"),
        "tools": translate("shortcuts", "ツール(&O)"),
        "view": translate("shortcuts", "表示(&V)"),
        "help": translate("shortcuts", "ヘルプ(&H)"),
    }[menu]


def shortcuts() -> tuple[Shortcut, ...]:
    """Every command and key, in the order of the list (and of each menu)."""
    S = Shortcut
    return (
        # --- the File menu ------------------------------------------------------------
        S("new_database", "general", ("Ctrl+Shift+N",),
          translate("shortcuts", "新しいデータベースファイルを作る"),
          "file", translate("shortcuts", "新規(&N)…")),
        S("open_database", "general", ("Ctrl+O",),
          translate("shortcuts", "データベースファイルを開く"),
          "file", translate("shortcuts", "開く(&O)…"), "Open"),
        S("recent_databases", "general", (),
          translate("shortcuts", "最近使ったデータベースファイルを開く"),
          "file", translate("shortcuts", "最近使ったファイル(&R)")),
        S("open_demo", "general", (),
          translate("shortcuts", "デモデータ（架空の病院）を見る"),
          "file", translate("shortcuts", "デモを見る(&D)")),
        S("new_facility", "home", (), translate("shortcuts", "施設を登録"),
          "file", translate("shortcuts", "施設を登録(&A)…")),
        S("new_review", "home", ("Ctrl+N",), translate("shortcuts", "レビューを開始"),
          "file", translate("shortcuts", "レビューを開始(&S)…"), "New"),
        S("import_packages", "general", ("Ctrl+I",),
          translate("shortcuts", "提出ファイル（.kanwa）を取り込む"),
          "file", translate("shortcuts", "取り込む(&I)…")),
        S("excel_template", "general", (),
          translate("shortcuts", "空の評価票（Excel）を作成"),
          "file", translate("shortcuts", "空の評価票(Excel)を作成(&T)…")),
        S("profile", "general", (),
          translate("shortcuts", "利用者の設定（変更履歴に記録する氏名・職種・所属）"),
          "file", translate("shortcuts", "利用者の設定(&P)…")),
        S("quit", "general", ("Ctrl+Q",), translate("shortcuts", "終了"),
          "file", translate("shortcuts", "終了(&X)"), "Quit"),
        # --- the Edit menu ------------------------------------------------------------
        S("undo", "general", ("Ctrl+Z",), translate("shortcuts", "元に戻す（入力した文字も）"),
          "edit", translate("shortcuts", "元に戻す(&U)"), "Undo"),
        S("redo", "general", ("Ctrl+Shift+Z",), translate("shortcuts", "やり直し"),
          "edit", translate("shortcuts", "やり直し(&R)"), "Redo"),
        S("find", "general", ("Ctrl+F",),
          translate("shortcuts", "検索（ホームの一覧・チェックリスト）"),
          "edit", translate("shortcuts", "検索(&F)…"), "Find"),
        S("refresh", "general", ("F5",), translate("shortcuts", "最新の情報に更新"),
          "edit", translate("shortcuts", "最新の情報に更新(&L)"), "Refresh"),
        # --- the Review menu ----------------------------------------------------------
        S("open_review", "home", ("Enter",),
          translate("shortcuts", "選んだレビューを開く（ダブルクリックでも）"),
          "review", translate("shortcuts", "開く(&O)"), bound=False),
        S("follow_up", "home", (), translate("shortcuts", "フォローアップとして複製"),
          "review", translate("shortcuts", "フォローアップとして複製(&U)…")),
        S("delete_draft", "home", ("Delete",),
          translate("shortcuts", "選んだ下書きを削除（確認あり）"),
          "review", translate("shortcuts", "下書きを削除(&D)…")),
        S("finalise", "review", ("Ctrl+Shift+K",),
          translate("shortcuts", "確定（必須項目を確認し、リーダーの署名で確定）"),
          "review", translate("shortcuts", "確定(&K)…")),
        S("amend", "review", (), translate("shortcuts", "修正版を作成"),
          "review", translate("shortcuts", "修正版を作成(&M)…")),
        S("home", "review", ("Alt+Left",), translate("shortcuts", "ホームへ戻る"),
          "review", translate("shortcuts", "ホームへ戻る(&H)"), "Back"),
        S("export_package", "review", ("Ctrl+E",),
          translate("shortcuts", "提出ファイルを書き出す（確定済みのレビュー）"),
          "review", translate("shortcuts", "提出ファイルを書き出す(&E)…")),
        S("facility_history", "review", ("Ctrl+Shift+H",),
          translate("shortcuts", "施設の経過（達成率の推移・改善計画・QI）"),
          "review", translate("shortcuts", "施設の経過(&Y)…")),
        S("report_pdf", "review", (), translate("shortcuts", "報告書PDFを作成"),
          "review", translate("shortcuts", "報告書PDFを作成(&P)…")),
        S("print_preview", "review", ("Ctrl+P",), translate("shortcuts", "印刷プレビュー・印刷"),
          "review", translate("shortcuts", "印刷プレビュー・印刷(&V)…"), "Print"),
        S("open_pdf_after", "review", (),
          translate("shortcuts", "作成した報告書PDFを開く（入・切）"),
          "review", translate("shortcuts", "保存したPDFを開く(&F)")),
        S("request_letter", "review", (),
          translate("shortcuts", "事前提出資料の依頼状（PDF）を作る"),
          "review", translate("shortcuts", "事前提出資料の依頼状(&Q)…")),
        S("review_tabs", "review", ("Alt+1", "Alt+2", "Alt+3"),
          translate("shortcuts", "チェックリスト / 所見 / 変更履歴 のタブへ")),
        # --- the Hub menu -------------------------------------------------------------
        S("dashboard", "hub", ("Ctrl+Shift+D",),
          translate("shortcuts", "ダッシュボード（施設×セクションの達成率）"),
          "hub", translate("shortcuts", "ダッシュボード(&D)…")),
        S("all_reports", "hub", (), translate("shortcuts", "全施設の報告書"),
          "hub", translate("shortcuts", "全施設の報告書(&A)…")),
        S("facility_master", "hub", (), translate("shortcuts", "施設マスタを取り込む"),
          "hub", translate("shortcuts", "施設マスタ取込(&M)…")),
        S("excel_return", "hub", (), translate("shortcuts", "Excel集計表を出力"),
          "hub", translate("shortcuts", "Excel集計表を出力(&X)…")),
        S("excel_import", "hub", (), translate("shortcuts", "Excel評価票を取り込む"),
          "hub", translate("shortcuts", "Excel評価票の取込(&W)…")),
        S("progress_export", "hub", (), translate("shortcuts", "進捗報告シートを作成"),
          "hub", translate("shortcuts", "進捗報告シートを作成(&P)…")),
        S("progress_import", "hub", (), translate("shortcuts", "進捗を取り込む"),
          "hub", translate("shortcuts", "進捗を取り込む(&I)…")),
        S("trust_list", "hub", (),
          translate("shortcuts", "信頼リストと署名（信頼する公開鍵・署名の要求・暗号化の鍵）"),
          "hub", translate("shortcuts", "信頼リストと署名(&S)…")),
        S("close_window", "hub", ("Esc", "Ctrl+W"),
          translate("shortcuts", "ダッシュボード・施設の経過のウィンドウを閉じる")),
        S("reaggregate", "hub", ("F5",), translate("shortcuts", "再集計（ダッシュボード）")),
        # --- the Tools menu -----------------------------------------------------------
        S("report_settings", "general", (),
          translate("shortcuts", "報告書の設定（発行者・取扱注意・配布先）"),
          "tools", translate("shortcuts", "報告書の設定(&R)…")),
        S("new_key", "general", (), translate("shortcuts", "署名・暗号化の鍵を作成"),
          "tools", translate("shortcuts", "鍵を作成(&K)…")),
        S("export_keys", "general", (), translate("shortcuts", "署名と暗号化に使う鍵を設定"),
          "tools", translate("shortcuts", "署名と暗号化の鍵(&S)…")),
        S("form_workbook", "general", (), translate("shortcuts", "評価票を編集用Excelに書き出す"),
          "tools", translate("shortcuts", "評価票を編集用Excelに書き出す(&E)…")),
        S("form_from_workbook", "general", (), translate("shortcuts", "Excelから評価票を作成"),
          "tools", translate("shortcuts", "Excelから評価票を作成(&W)…")),
        S("form_install", "general", (), translate("shortcuts", "評価票ファイルを取り込む"),
          "tools", translate("shortcuts", "評価票を取り込む(&I)…")),
        S("current_forms", "general", (), translate("shortcuts", "年度ごとに使う評価票を定める"),
          "tools", translate("shortcuts", "年度ごとの評価票(&Y)…")),
        S("migrate", "general", (), translate("shortcuts", "下書きを新しい評価票に移す"),
          "tools", translate("shortcuts", "下書きを新しい評価票に移す(&M)…")),
        S("migration_checks", "general", (),
          translate("shortcuts", "評価票の移行で確認が必要な項目"),
          "tools", translate("shortcuts", "移行で確認が必要な項目(&C)…")),
        # --- the View menu ------------------------------------------------------------
        S("language", "general", (), translate("shortcuts", "表示の言語（次の起動から）"),
          "view", translate("shortcuts", "言語(&L)")),
        # --- the Help menu ------------------------------------------------------------
        S("guide", "general", (), translate("shortcuts", "同梱の使い方ガイドをブラウザで開く"),
          "help", translate("shortcuts", "使い方ガイド(&G)")),
        S("quick_reference", "general", (),
          translate("shortcuts", "キー操作の一覧を A4 1 枚の PDF にする（チームで印刷して使えます）"),
          "help", translate("shortcuts", "キー操作の早見表 (PDF)(&Q)…")),
        S("keyboard_help", "general", ("F1",), translate("shortcuts", "キーボード操作の一覧"),
          "help", translate("shortcuts", "キーボード操作(&K)"), "HelpContents"),
        S("data_location", "general", (), translate("shortcuts", "データの保存場所"),
          "help", translate("shortcuts", "データの保存場所(&L)")),
        S("about", "general", (), translate("shortcuts", "このアプリについて"),
          "help", translate("shortcuts", "kanwa-review について(&A)")),
        # --- keys of the checklist's item table ---------------------------------------
        S("rate", "checklist", ("1–4", "A–D"),
          translate("shortcuts", "評価を付ける（尺度の順に A〜D）")),
        S("rate_na", "checklist", ("0", "N"), translate("shortcuts", "該当なし（N/A）")),
        S("self_rate", "checklist", ("Shift+A–D", "Shift+N"),
          translate("shortcuts", "自己評価を付ける")),
        S("clear", "checklist", ("Delete", "Backspace"),
          translate("shortcuts", "評価・回答を取り消す")),
        S("yes_no", "checklist", ("Y", "N", "1", "2"),
          translate("shortcuts", "はい / いいえ（はい・いいえの項目）")),
        S("choice", "checklist", ("1–9",),
          translate("shortcuts", "n 番目の選択肢（選択の項目）")),
        S("next_item", "checklist", ("Tab", "Enter"),
          translate("shortcuts", "次の項目へ（Shift で前の項目へ）")),
        S("section", "checklist", ("Ctrl+Down", "Ctrl+Up"),
          translate("shortcuts", "次 / 前の大項目の最初の項目へ")),
        S("take_previous", "checklist", ("P",),
          translate("shortcuts", "前回の訪問の評価（値）を採用（フォローアップ）")),
        S("edit_item", "checklist", ("F2", "Space"),
          translate("shortcuts", "選んだ項目の入力欄へ")),
        S("back_to_items", "checklist", ("Esc",),
          translate("shortcuts", "入力欄から項目の一覧へ戻る（どの入力欄からでも）")),
        S("date_keys", "checklist", ("Up", "Down"),
          translate("shortcuts", "日付欄で 1 日ずつ動かす（空なら今日）")),
        S("item_menu", "checklist", ("Menu", "Shift+F10"),
          translate("shortcuts", "所見に追加（改善が望まれる点・良い点・提言）")),
        # --- keys of the findings tab -------------------------------------------------
        S("add_finding", "findings", ("Insert",), translate("shortcuts", "所見を追加（一覧で）")),
        S("delete_finding", "findings", ("Delete",),
          translate("shortcuts", "所見を削除（一覧で、確認あり）")),
        S("move_finding", "findings", ("Alt+Up", "Alt+Down"),
          translate("shortcuts", "所見を上 / 下へ移動")),
        S("finding_back", "findings", ("Esc",), translate("shortcuts", "本文から一覧へ戻る")),
    )


def shortcut(shortcut_id: str) -> Shortcut:
    """The entry of one command; LookupError names an unknown id."""
    for s in shortcuts():
        if s.id == shortcut_id:
            return s
    raise LookupError(f"no shortcut {shortcut_id!r}")


def key_text(key: str) -> str:
    """A key as the list shows it: Alt+Left → Alt+←, Ctrl+Down → Ctrl+↓."""
    head, _plus, last = key.rpartition("+")
    return head + _plus + _ARROWS.get(last, last)


def keys_text(s: Shortcut) -> str:
    """All keys of an entry as one cell: 「Tab / Enter」."""
    return " / ".join(key_text(k) for k in s.keys)


def listed() -> list[tuple[str, list[Shortcut]]]:
    """The keyboard list: (area title, its entries with keys), areas in AREAS order."""
    out = []
    for area in AREAS:
        entries = [s for s in shortcuts() if s.area == area and s.keys]
        if entries:
            out.append((area_title(area), entries))
    return out


def markdown_table() -> str:
    """The list as a Markdown table (the README's keyboard table is this text)."""
    head = translate("shortcuts", "場面")
    key = translate("shortcuts", "キー")
    does = translate("shortcuts", "操作")
    lines = [f"| {head} | {key} | {does} |", "|---|---|---|"]
    for title, entries in listed():
        for s in entries:
            lines.append(f"| {title} | {keys_text(s)} | {s.does} |")
    return "\n".join(lines)




def menu_entry_text(s: Shortcut) -> str:
    """A menu entry as a document shows it: 「確定(K)…」 (the mnemonic without its &)."""
    return s.text.replace("&", "")


def menus_markdown() -> str:
    """The menus as a Markdown table (the README's menu table is this text)."""
    lines = ["| " + " | ".join((translate("shortcuts", "メニュー"),
                                 translate("shortcuts", "項目"),
                                 translate("shortcuts", "キー"))) + " |", "|---|---|---|"]
    for menu in MENUS:
        for s in shortcuts():
            if s.menu == menu:
                lines.append(f"| {menu_title(menu).replace('&', '')} | {menu_entry_text(s)} | "
                             f"{keys_text(s)} |")
    return "\n".join(lines)


__all__ = ["Shortcut", "AREAS", "MENUS", "shortcuts", "shortcut", "area_title", "menu_title",
           "key_text", "keys_text", "listed", "markdown_table", "menu_entry_text",
           "menus_markdown"]
