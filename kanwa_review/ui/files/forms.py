"""ツール ▸ 評価票: form files in the app (docs/forms.md) —

  評価票を編集用Excelに書き出す…   a form as the workbook a clerk edits (services.write_form_workbook)
  Excelから評価票を作成…           the workbook back to a form file; its problems as sheet!cell
  評価票を取り込む…                a form file the hub sent, offered for new reviews (install_form)

The work runs through the operations runner; the problems of a workbook or a form file are shown
one per line (problems_view), since each names the cell or line to correct.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from kanwa_review.core.form import Form, FormError, load_form
from kanwa_review.core.form_text import form_title
from kanwa_review.services.changes import OpChanges
from kanwa_review.ui.actions import command
from kanwa_review.ui.files.problems_view import ProblemsDialog
from kanwa_review.ui.operations import run_change, run_query


def forms_menu(window) -> QMenu:
    """The menu the forms' commands go in: ツール, after a separator before the first of them
    (the table of commands lists them flat, in its order)."""
    if not getattr(window, "_forms_group_started", False):
        window.tools_menu.addSeparator()
        window._forms_group_started = True
    return window.tools_menu


def form_label(form: Form) -> str:
    return QCoreApplication.translate("FormFiles", "{title}（{id}）").format(
        title=form_title(form), id=form.id)


def problems_of(exc: BaseException) -> list[str] | None:
    """Every problem a refused form or workbook lists (FormError, FormWorkbookInvalid);
    None for an error that is not a list of places to correct."""
    problems = getattr(exc, "problems", None)
    return [str(p) for p in problems] if isinstance(exc, (FormError, ValueError)) \
        and problems else None


def show_problems(window, title: str, file: Path, problems: list[str]) -> None:
    window.form_problems = ProblemsDialog(title, QCoreApplication.translate(
        "FormFiles", "{file}: {n} 件の問題があります。何も書き出していません。"
                     "示されたセル（行）を直して保存し、もう一度実行してください。").format(
        file=file.name, n=len(problems)), problems, window)
    window.form_problems.open()


# --- work done on the worker (no widgets) ---------------------------------------------------

def workbook_work(form: Form | Path, out: Path):
    def work(services, progress):
        progress(0, 1, "")
        chosen = form if isinstance(form, Form) else load_form(form)
        return services.write_form_workbook(chosen, out)
    return work


def read_workbook_work(path: Path):
    """(the form, []) or (None, its problems): a refusal is a list to show, not an error."""
    def work(services, progress):
        progress(0, 1, "")
        try:
            return services.read_form_workbook(path), []
        except (FormError, ValueError) as exc:
            problems = problems_of(exc)
            if problems is None:        # not opened at all: the one error path says why
                raise
            return None, problems
    return work


def install_work(path: Path):
    def work(services, progress):
        progress(0, 1, "")
        try:
            return services.install_form(path), []
        except FormError as exc:
            return None, problems_of(exc) or [str(exc)]
    return work


# --- actions ---------------------------------------------------------------------------------

def choose_form(window, title: str) -> Form | Path | None:
    """One of the forms offered here, or a form file chosen on disk."""
    forms = window.services.offered_forms()
    other = QCoreApplication.translate("FormFiles", "ファイルから選ぶ…")
    labels = [form_label(f) for f in forms] + [other]
    chosen, ok = QInputDialog.getItem(
        window, title, QCoreApplication.translate("FormFiles", "評価票:"), labels, 0, False)
    if not ok:
        return None
    if chosen != other:
        return forms[labels.index(chosen)]
    path, _ = QFileDialog.getOpenFileName(
        window, title, str(Path.home()),
        QCoreApplication.translate("FormFiles", "評価票 (*.yaml *.yml);;すべてのファイル (*)"))
    return Path(path) if path else None


def export_workbook(window) -> None:
    title = QCoreApplication.translate("FormFiles", "評価票を編集用Excelに書き出す")
    form = choose_form(window, title)
    if form is None:
        return
    name = window.services.form_workbook_file_name(form) if isinstance(form, Form) \
        else form.stem + ".xlsx"
    path, _ = QFileDialog.getSaveFileName(
        window, title, str(Path.home() / name),
        QCoreApplication.translate("FormFiles", "Excel ブック (*.xlsx)"))
    if not path:
        return
    out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")

    def done(written) -> None:
        window.show_status(QCoreApplication.translate(
            "FormFiles", "編集用Excelを書き出しました: {path}").format(path=written))
        QMessageBox.information(window, title, QCoreApplication.translate(
            "FormFiles", "{path}\n\nExcel で編集して保存したら、「Excelから評価票を作成…」で評価票ファイルに"
                         "します。シートと見出しは変えないでください。").format(path=written))

    run_query(window, QCoreApplication.translate("FormFiles", "編集用Excelを書き出しています…"),
              window.db_path, workbook_work(form, out), on_success=done)


def form_from_workbook(window) -> None:
    title = QCoreApplication.translate("FormFiles", "Excelから評価票を作成")
    path, _ = QFileDialog.getOpenFileName(
        window, title, str(Path.home()),
        QCoreApplication.translate("FormFiles", "Excel ブック (*.xlsx)"))
    if not path:
        return
    source = Path(path)

    def read(found) -> None:
        form, problems = found
        if form is None:
            show_problems(window, title, source, problems)
            return
        out, _ = QFileDialog.getSaveFileName(
            window, title, str(source.with_name(window.services.form_file_name(form))),
            QCoreApplication.translate("FormFiles", "評価票 (*.yaml)"))
        if not out:
            return
        out_path = Path(out) if out.lower().endswith((".yaml", ".yml")) else Path(out + ".yaml")
        run_query(window, title, window.db_path,
                  lambda services, _p: services.save_form_yaml(form, out_path, source=source.name),
                  on_success=lambda written: saved(form, written))

    def saved(form: Form, written) -> None:
        window.show_status(QCoreApplication.translate(
            "FormFiles", "評価票を書き出しました: {path}").format(path=written))
        box = QMessageBox(QMessageBox.Information, title, QCoreApplication.translate(
            "FormFiles", "{form}（{items} 項目）を書き出しました。\n{path}\n\nこのデータベースで新しいレビューに"
                         "使うには、取り込んでください。各チームへはこのファイルを送ります。").format(
            form=form_label(form), items=form.item_count, path=written), parent=window)
        install = box.addButton(QCoreApplication.translate("FormFiles", "取り込む"),
                                QMessageBox.AcceptRole)
        box.addButton(QMessageBox.Close)
        box.exec()
        if box.clickedButton() is install:
            install_form_file(window, Path(written))

    run_query(window, QCoreApplication.translate("FormFiles", "Excelの評価票を読んでいます…"),
              window.db_path, read_workbook_work(source), on_success=read)


def install_form_file(window, path: Path | None = None) -> None:
    title = QCoreApplication.translate("FormFiles", "評価票を取り込む")
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window, title, str(Path.home()),
            QCoreApplication.translate("FormFiles", "評価票 (*.yaml *.yml);;すべてのファイル (*)"))
        if not chosen:
            return
        path = Path(chosen)

    def done(found) -> None:
        installed, problems = found
        if installed is None:
            show_problems(window, title, path, problems)
            return
        form = installed.form
        text = (QCoreApplication.translate("FormFiles", "{form} を取り込みました。新しいレビューで選べます。")
                if installed.newly else
                QCoreApplication.translate("FormFiles", "{form} はすでに取り込まれています。"))
        window.show_status(text.format(form=form_label(form)))
        QMessageBox.information(window, title, text.format(form=form_label(form)))

    run_change(window, QCoreApplication.translate("FormFiles", "評価票を取り込んでいます…"),
               install_work(path), changes=lambda _r: OpChanges(), on_success=done)


def install(window) -> None:
    menu = forms_menu(window)
    for name, command_id, tip, slot in (
            ("form_workbook_action",
             "form_workbook",
             QCoreApplication.translate("FormFiles", "評価票を、事務局が Excel で編集できるブックに書き出します"),
             export_workbook),
            ("form_from_workbook_action",
             "form_from_workbook",
             QCoreApplication.translate("FormFiles", "編集したブックを確かめ、評価票ファイル（YAML）にします"),
             form_from_workbook),
            ("form_install_action",
             "form_install",
             QCoreApplication.translate("FormFiles", "拠点から届いた評価票ファイルを、新しいレビューで選べるようにします"),
             install_form_file)):
        action = command(window, command_id, lambda _=False, slot=slot: slot(window), tip=tip)
        menu.addAction(action)
        setattr(window, name, action)


__all__ = ["export_workbook", "form_from_workbook", "form_label", "forms_menu", "install",
           "install_form_file", "problems_of"]
