"""Answer operations: set one answer (with skip-logic clearing) and read answers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace

from kanwa_review.core.form import Form, condition_items
from kanwa_review.core.review import (
    Answer, Review, normalise_answer,
)
from kanwa_review.core.skiplogic import relevant_items
from kanwa_review.services.base import (
    _UNSET, Changed, ServiceBase, _state_error,
)
from kanwa_review.store import repository as repo


class AnswerOps(ServiceBase):
    # --- answers ------------------------------------------------------------------------
    def _dependents_of(self, form: Form) -> dict[str, set[str]]:
        deps = self._dependents.get(form.sha256)
        if deps is None:
            deps = {}
            for item in form.items():
                if item.relevant_if is not None:
                    for ref in condition_items(item.relevant_if):
                        deps.setdefault(ref, set()).add(item.code)
            self._dependents[form.sha256] = deps
        return deps

    def set_answer(self, uuid: str, item_code: str, *, rating=_UNSET, self_rating=_UNSET,
                   value=_UNSET, period=_UNSET, evidence=_UNSET, comment=_UNSET) -> Changed:
        """Change some fields of one answer; the rest keep their stored values.

        When the change makes later items no longer apply, their answers are cleared in the
        same transaction (and audited), so hidden answers never count in scores or exports."""
        try:
            with self._tx():
                r = self._draft(uuid)
                form = self.form_of(r)
                old = repo.answer(self.database, r.id, item_code) or Answer(item_code)
                fields = {k: v for k, v in (("rating", rating), ("self_rating", self_rating),
                                            ("value", value), ("period", period),
                                            ("evidence", evidence), ("comment", comment))
                          if v is not _UNSET}
                new = normalise_answer(form, replace(old, **fields))
                if new == old:
                    return Changed(uuid, r.revision)
                ts = repo.now_iso()
                repo.write_answer(self.database, r.id, new, self.actor, ts)
                self._audit(r, "answer", item_code, "set", repo.answer_dict(old),
                            repo.answer_dict(new), at=ts)
                cleared: list[str] = []
                if item_code in self._dependents_of(form):
                    cleared = self._clear_irrelevant(r, form, ts)
                repo.touch_review(self.database, r.id, ts)
                repo.set_last_item(self.database, r.id, item_code)
        except sqlite3.IntegrityError as exc:
            raise _state_error(exc) from None
        return Changed(uuid, r.revision, items=(item_code, *cleared), cleared=tuple(cleared))

    def write_answers(self, uuid: str, answers: Iterable[Answer]) -> Changed:
        """Write whole answers back in the order given (undo / redo of the checklist), in one
        transaction: all of them or none."""
        written: list[str] = []
        cleared: list[str] = []
        with self._tx():
            for a in answers:
                changed = self.set_answer(uuid, a.item_code, rating=a.rating,
                                          self_rating=a.self_rating, value=a.value,
                                          period=a.period, evidence=a.evidence,
                                          comment=a.comment)
                written.append(a.item_code)
                cleared += changed.cleared
            revision = self._draft(uuid).revision
        return Changed(uuid, revision, items=(*written, *cleared), cleared=tuple(cleared))

    def _clear_irrelevant(self, r: Review, form: Form, ts: str) -> list[str]:
        answers = repo.answers(self.database, r.id)
        relevant = relevant_items(form, answers, r.facility_category)
        cleared = []
        for code, a in answers.items():
            if code not in relevant:
                repo.write_answer(self.database, r.id, Answer(code), self.actor, ts)
                self._audit(r, "answer", code, "clear_skipped", repo.answer_dict(a), None, at=ts)
                cleared.append(code)
        return cleared

    def answers(self, uuid: str, revision: int | None = None) -> dict[str, Answer]:
        return repo.answers(self.database, self.review(uuid, revision).id)

    def last_item(self, uuid: str) -> str | None:
        return repo.last_item(self.database, uuid)
