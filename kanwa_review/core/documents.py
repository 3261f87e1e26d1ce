"""事前提出資料: the documents a visited hospital sends before the visit, gathered from the form's
per-item `documents` for one facility — what the request letter (事前提出資料の依頼状) lists."""

from __future__ import annotations

from dataclasses import dataclass

from kanwa_review.core.form import FacilityCategory, Form, condition_leaves
from kanwa_review.core.skiplogic import relevant_items


@dataclass(frozen=True)
class DocumentRequest:
    """One document to send, with the items it serves (in form order)."""

    section_code: str
    text: str
    item_codes: tuple[str, ...]
    conditional: bool = False   # only needed where an earlier answer makes the item apply


def requested_documents(form: Form, facility_category: str | None = None
                        ) -> list[DocumentRequest]:
    """Documents of the form's items that can apply to a facility of `facility_category`, in
    form order, each listed once (in the section of its first item) with every item asking for
    it. An item that applies only after an answer (e.g. D-6 when there is a clinic) is kept
    and marked conditional; one whose condition is the facility's category alone, and fails,
    is left out."""
    before_answers = relevant_items(form, {}, facility_category)
    order: list[str] = []
    found: dict[str, dict] = {}
    for section in form.sections:
        for item in section.items:
            if not item.documents:
                continue
            conditional = item.code not in before_answers
            if conditional and all(isinstance(leaf, FacilityCategory)
                                   for leaf in condition_leaves(item.relevant_if)):
                continue  # not for this kind of facility, whatever the answers
            for doc in item.documents:
                entry = found.get(doc.ja)
                if entry is None:
                    order.append(doc.ja)
                    entry = found[doc.ja] = {"section": section.code, "codes": [],
                                             "conditional": True}
                entry["codes"].append(item.code)
                entry["conditional"] = entry["conditional"] and conditional
    return [DocumentRequest(found[text]["section"], text, tuple(found[text]["codes"]),
                            found[text]["conditional"]) for text in order]
