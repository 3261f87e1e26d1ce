"""What the start-review dialog adds for forms distributed by the hub: the forms installed here
offered first (services.offered_forms), and a warning under the form when it is not the one the
hub set for the visit's fiscal year, or a later version is offered (services.form_warning_for).
The warning never blocks: a team may still start on the form it has."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel

from kanwa_review.core.form import Form


def offered_forms(services, given: list[Form] | None) -> list[Form]:
    """The forms installed here (latest first), then those `given` (the shipped ones, or a
    follow-up's earlier version) not already among them; services.offered_forms() when none
    are given."""
    if given is None:
        return services.offered_forms()
    installed = services.installed_forms()
    held = {(f.id, f.version) for f in installed} | {f.sha256 for f in installed}
    return installed + [f for f in given if f.sha256 not in held and (f.id, f.version) not in held]


def _visit_date(field) -> date | None:
    """The date of the start dialog's visit date field (a QDateEdit, or the app's date field)."""
    value = getattr(field, "value", None)
    if callable(value):
        return value()
    return field.date().toPython()


class FormWarning(QLabel):
    """The warning line; `refresh()` after the form or the visit date changed."""

    def __init__(self, dialog):
        super().__init__()
        self.dialog = dialog
        self.setWordWrap(True)
        self.setObjectName("errorLabel")
        self.setAccessibleName(self.tr("評価票についての注意"))
        self.hide()

    def refresh(self, *_args) -> None:
        d = self.dialog
        index = d.form_choice.currentData()
        visit = _visit_date(d.visit_date)
        text = None
        if index is not None and visit is not None and d.forms:
            try:
                text = d.services.form_warning_for(d.forms[index], visit)
            except (LookupError, ValueError):
                text = None
        self.setText(self.tr("△ {warning}").format(warning=text) if text else "")
        self.setVisible(bool(text))


def attach_form_warning(dialog, form: QFormLayout) -> FormWarning:
    """Add the warning under the dialog's rows; it follows the form and the visit date."""
    warning = FormWarning(dialog)
    form.addRow("", warning)
    dialog.form_choice.currentIndexChanged.connect(warning.refresh)
    field = dialog.visit_date
    changed = getattr(field, "value_changed", None) or field.dateChanged
    changed.connect(warning.refresh)
    warning.refresh()
    return warning


__all__ = ["FormWarning", "attach_form_warning", "offered_forms"]
