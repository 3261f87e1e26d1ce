"""Finding operations (良い点・改善が望まれる点・提言): add, edit, reorder, delete."""

from __future__ import annotations

from dataclasses import replace

from kanwa_review.core import text_policy
from kanwa_review.core.form import Form
from kanwa_review.core.review import (
    FINDING_KINDS, MAX_TEXT, Finding,
    Review,
)
from kanwa_review.services.base import (
    Changed, ServiceBase,
)
from kanwa_review.store import repository as repo
from kanwa_review.core.i18n import translate


class FindingOps(ServiceBase):
    # --- findings -----------------------------------------------------------------------
    def _check_finding(self, form: Form, kind: str, text: str, item_codes) -> tuple[str, ...]:
        if kind not in FINDING_KINDS:
            raise ValueError(translate(
                "findings", "所見の種類 {kind} は使えません。{allowed} のいずれかを指定してください").format(
                    kind=repr(kind), allowed=list(FINDING_KINDS)))
        if not text.strip():
            raise ValueError(translate("findings", "所見の本文を入力してください"))
        if len(text) > MAX_TEXT:
            raise ValueError(translate(
                "findings", "所見は{limit:,}文字以内で入力してください（{count:,}文字あります）").format(
                    limit=MAX_TEXT, count=len(text)))
        codes = tuple(dict.fromkeys(item_codes))
        unknown = [c for c in codes if not form.has_item(c)]
        if unknown:
            raise ValueError(translate("findings", "項目コード {codes} はこの評価票にありません").format(
                codes=unknown))
        return codes

    def add_finding(self, uuid: str, kind: str, text: str, item_codes=()) -> tuple[int, Changed]:
        text = text_policy.clean(text)   # nothing another copy's import would refuse
        with self._tx():
            r = self._draft(uuid)
            codes = self._check_finding(self.form_of(r), kind, text, item_codes)
            pos = self.database.query(
                "SELECT COALESCE(MAX(position), -1) + 1 AS p FROM findings "
                "WHERE review_id = ? AND kind = ?", (r.id, kind))[0]["p"]
            f = Finding(kind, text.strip(), codes, pos)
            ts = repo.now_iso()
            fid = repo.insert_finding(self.database, r.id, f, ts)
            self._audit(r, "finding", str(fid), "create", None, repo.finding_dict(f), at=ts)
            repo.touch_review(self.database, r.id, ts)
        return fid, Changed(uuid, r.revision, findings=True)

    def _owned_finding(self, uuid: str, finding_id: int) -> tuple[Review, Finding]:
        r = self._draft(uuid)
        found = repo.finding(self.database, finding_id)
        if found is None or found[0] != r.id:
            raise LookupError(translate("findings", "所見 {finding} は評価 {review} のものではありません").format(
                finding=finding_id, review=uuid))
        return r, found[1]

    def update_finding(self, uuid: str, finding_id: int, *, text: str | None = None,
                       kind: str | None = None, item_codes=None) -> Changed:
        text = None if text is None else text_policy.clean(text)
        with self._tx():
            r, old = self._owned_finding(uuid, finding_id)
            new_kind = kind or old.kind
            new = replace(old, kind=new_kind, text=(text if text is not None else old.text).strip(),
                          item_codes=self._check_finding(
                              self.form_of(r), new_kind, text if text is not None else old.text,
                              item_codes if item_codes is not None else old.item_codes))
            if new == old:
                return Changed(uuid, r.revision)
            ts = repo.now_iso()
            repo.update_finding(self.database, new, ts)
            self._audit(r, "finding", str(finding_id), "update", repo.finding_dict(old),
                        repo.finding_dict(new), at=ts)
            repo.touch_review(self.database, r.id, ts)
        return Changed(uuid, r.revision, findings=True)

    def move_finding(self, uuid: str, finding_id: int, new_position: int) -> Changed:
        """Reorder within the finding's kind; positions stay 0..n-1."""
        with self._tx():
            r, f = self._owned_finding(uuid, finding_id)
            same = [x for x in repo.findings(self.database, r.id) if x.kind == f.kind]
            order = [x for x in same if x.id != f.id]
            new_position = max(0, min(new_position, len(order)))
            order.insert(new_position, f)
            ts = repo.now_iso()
            for pos, x in enumerate(order):
                if x.position != pos:
                    repo.update_finding(self.database, replace(x, position=pos), ts)
            self._audit(r, "finding", str(finding_id), "move", {"position": f.position},
                        {"position": new_position}, at=ts)
        return Changed(uuid, r.revision, findings=True)

    def delete_finding(self, uuid: str, finding_id: int) -> Changed:
        with self._tx():
            r, f = self._owned_finding(uuid, finding_id)
            repo.delete_finding(self.database, finding_id)
            self._audit(r, "finding", str(finding_id), "delete", repo.finding_dict(f), None)
            repo.touch_review(self.database, r.id)
        return Changed(uuid, r.revision, findings=True)

    def findings(self, uuid: str, revision: int | None = None) -> list[Finding]:
        return repo.findings(self.database, self.review(uuid, revision).id)
