"""`kanwa-review forms …`: check form files, the editing workbook both ways (to-xlsx /
from-xlsx), the changes between two versions (diff), and the hub's distribution: install a form
sent by the hub, list the forms held, the current form of a fiscal year, export one.

The check is strict: besides what every load checks, it applies the authoring rules (a defined
meaning for every grade of every rating item, …) that a form must meet to be shipped, and checks
a revision map against the version it revises when that version can be found."""

from __future__ import annotations

import sys
from pathlib import Path

from kanwa_review.commands.common import check_output, guard, note
from kanwa_review.commands.console import print_json
from kanwa_review.core.form import load_form
from kanwa_review.core.i18n import translate
from kanwa_review.services import Services


def check(args) -> int:
    if args.forms_command != "check":
        return _HANDLERS[args.forms_command](args)
    failed = 0
    for result in Services.check_form_files(args.files):
        for text in result.notes:
            note(text)
        if not result.ok:
            failed += 1
            for problem in result.problems:
                print(problem, file=sys.stderr)
            print(translate("cli_forms", "{file}: {n} 件の問題があります。直してからもう一度確認して"
                                         "ください").format(file=result.path,
                                                          n=len(result.problems)),
                  file=sys.stderr)
            continue
        form = result.form
        rated = sum(1 for i in form.items() if i.type == "rating")
        revises = translate("cli_forms", "、{form} {version} の改訂（対応表 {n} 件）").format(
            form=form.replaces.form, version=form.replaces.version,
            n=len(form.replaces.items)) if form.replaces else ""
        print(translate("cli_forms", "{file}: ok — {form} {version}、{sections} セクション、{items} "
                                     "項目（評価 {rated}）、整合ルール {rules}、sha256 {sha}"
                                     "{revises}").format(
            file=result.path, form=form.id, version=form.version,
            sections=len(form.sections), items=form.item_count, rated=rated,
            rules=len(form.rules or ()), sha=form.sha256[:16], revises=revises))
    return 1 if failed else 0


@guard
def to_xlsx(args) -> int:
    out = check_output(args.output, suffixes=(".xlsx",), example=translate("cli_forms", "評価票.xlsx"))
    form = load_form(args.form)
    path = Services.write_form_workbook(form, out)
    print(translate("cli_forms", "編集用Excelを書き出しました: {path}（{form} {version}、{items} 項目、"
                                 "sha256 {sha}）").format(path=path, form=form.id,
                                                         version=form.version,
                                                         items=form.item_count,
                                                         sha=form.sha256[:16]))
    return 0


@guard
def from_xlsx(args) -> int:
    from kanwa_review.services import FormWorkbookInvalid, WorkbookRefused

    out = check_output(args.output, suffixes=(".yaml", ".yml"), example=translate("cli_forms", "評価票.yaml"))
    try:
        form = Services.read_form_workbook(args.file, strict=not args.lenient)
    except WorkbookRefused as exc:
        print(exc, file=sys.stderr)
        return 1
    except FormWorkbookInvalid as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(translate("cli_forms", "{file}: {n} 件の問題があります。評価票は書き出していません。上の"
                                     "セルを直して保存し、もう一度実行してください").format(
            file=args.file, n=len(exc.problems)), file=sys.stderr)
        return 1
    Services.save_form_yaml(form, out, source=Path(args.file).name)
    print(translate("cli_forms", "評価票を書き出しました: {path}（{form} {version}、{items} 項目、"
                                 "sha256 {sha}）").format(path=out, form=form.id,
                                                         version=form.version,
                                                         items=form.item_count,
                                                         sha=form.sha256[:16]))
    return 0


@guard
def diff(args) -> int:
    result = Services.diff_form_files(args.old, args.new)
    if args.json:
        print_json(result.to_json())
    else:
        for line in result.lines():
            print(line)
    return 0


@guard
def install(args) -> int:
    db = args.db or str(Services.default_database())
    with Services.open(db, create=True) as services:
        result = services.install_form(args.file)
    form = result.form
    if result.newly:
        print(translate("cli_forms", "評価票を入れました: {form} {version}（{title}、sha256 {sha}、署名: "
                                     "{signature}）。新しい評価で選べます（{db}）"
                        ).format(form=form.id, version=form.version, title=form.title.ja,
                                 sha=form.sha256[:16], signature=result.signature, db=db))
    else:
        print(translate("cli_forms", "この評価票はすでに入っています: {form} {version}（sha256 {sha}）"
                        ).format(form=form.id, version=form.version, sha=form.sha256[:16]))
    return 0


@guard
def list_(args) -> int:
    with Services.open(args.db, readonly=True, notify=note) as services:
        rows = services.held_forms()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        flags = []
        if r["installed_at"]:
            flags.append(translate("cli_forms", "導入済み"))
        if r["current_years"]:
            flags.append(translate("cli_forms", "{years}年度の評価票").format(
                years=translate("cli_forms", "・").join(map(str, r["current_years"]))))
        print(f"{r['form_id']} {r['version']}  {r['hash'][:16]}  {r['title']}  "
              f"{translate('cli_forms', '評価 {n} 件').format(n=r['reviews'])}"
              + (f"  [{translate('cli_forms', '、').join(flags)}]" if flags else ""))
    return 0


@guard
def current(args) -> int:
    if args.set is None and not args.clear:
        with Services.open(args.db, readonly=True, notify=note) as services:
            settings = services.current_forms()
        shown = {fy: f for fy, f in settings.items()
                 if args.fiscal_year is None or fy == args.fiscal_year}
        if not shown:
            print(translate("cli_forms", "年度の評価票は定められていません"))
        for fy, f in sorted(shown.items()):
            print(f"{fy}: {f.id} {f.version}  {f.sha256[:16]}  {f.title.ja}")
        return 0
    if args.fiscal_year is None:
        raise ValueError(translate("cli_forms", "--fiscal-year で年度を指定してください（例: 2026）"))
    with Services.open(args.db, create=False) as services:
        form = None if args.clear else services.find_held_form(args.set, args.form)
        services.set_current_form(args.fiscal_year, form)
    if form is None:
        print(translate("cli_forms", "{fy}年度の評価票の指定を外しました").format(fy=args.fiscal_year))
    else:
        print(translate("cli_forms", "{fy}年度の評価票: {form} {version}").format(
            fy=args.fiscal_year, form=form.id, version=form.version))
    return 0


@guard
def export(args) -> int:
    out = check_output(args.output, suffixes=(".yaml", ".yml"), example=translate("cli_forms", "評価票.yaml"))
    with Services.open(args.db, readonly=True, notify=note) as services:
        if args.fiscal_year is not None:
            form = services.current_forms().get(args.fiscal_year)
            if form is None:
                raise LookupError(translate("cli_forms", "{fy}年度の評価票は定められていません。"
                                                         "forms current --set で定めてください"
                                            ).format(fy=args.fiscal_year))
        else:
            form = services.find_held_form(args.version, args.form)
    Services.save_form_yaml(form, out, source=translate("cli_forms", "データベース"))
    print(translate("cli_forms", "評価票を書き出しました: {path}（{form} {version}、sha256 {sha}）。"
                                 "各チームは forms install で入れます").format(
        path=out, form=form.id, version=form.version, sha=form.sha256[:16]))
    return 0


_HANDLERS = {"to-xlsx": to_xlsx, "from-xlsx": from_xlsx, "diff": diff, "install": install,
             "list": list_, "current": current, "export": export}
