"""Export of a finalised review as a submission package (.kanwa): what goes in is gathered
here as core objects; exchange/package_writer.py turns it into bytes and a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kanwa_review.core.review import Review
from kanwa_review.services.base import ServiceBase
from kanwa_review.services.output_files import writing
from kanwa_review.store import pdca_repository as arepo
from kanwa_review.store import repository as repo
from kanwa_review.core.i18n import translate

if TYPE_CHECKING:
    from kanwa_review.exchange.keys import PrivateKey, PublicKey
    from kanwa_review.exchange.package_writer import ExportResult


def _writer():
    """exchange/package_writer.py, imported on first use (not with the services)."""
    from kanwa_review.exchange import package_writer

    return package_writer


class ExportOps(ServiceBase):
    """Mixin of `Services`; uses ReviewOps (`review`, `form_of`)."""

    def exportable_review(self, uuid: str, revision: int | None = None) -> Review:
        """The revision a package would be made of; LookupError for an unknown review,
        ReviewStateError (saying what to do) for a draft."""
        review = repo.review(self.database, uuid, revision)
        if review is None:
            what = (translate("exports", "{review} 第{revision}版").format(review=uuid, revision=revision)
                    if revision else uuid)
            raise LookupError(translate(
                "exports", "評価 {review} は {database} にありません。`kanwa-review list --db …` で UUID を"
                           "確認してください").format(review=what, database=self.database.path))
        if not review.is_final:
            finals = [r.revision for r in self.history(uuid) if r.is_final]
            raise _writer().draft_refusal(review, max(finals) if finals else None)
        return review

    def review_document(self, uuid: str, revision: int | None = None, *,
                        with_audit: bool = True) -> dict:
        """review.json of a held revision (drafts too), as a package would carry it."""
        return self._review_document(self.review(uuid, revision), with_audit=with_audit)

    def _review_document(self, review: Review, *, with_audit: bool = True) -> dict:
        facility = repo.facility_by_code(self.database, review.facility_code)
        audit = repo.audit_rows(self.database, review.uuid) if with_audit else None
        return _writer().review_document(review, self.form_of(review), facility,
                                 repo.answer_records(self.database, review.id),
                                 repo.finding_records(self.database, review.id), audit)

    def package_bytes(self, uuid: str, revision: int | None = None, *,
                      signing_key: PrivateKey | None = None) -> tuple[Review, bytes]:
        """Build (not write) the package of a finalised revision, signed with `signing_key`
        when given; refuse drafts."""
        writer = _writer()
        review = self.exportable_review(uuid, revision)
        form = self.form_of(review)
        actions = arepo.actions(self.database, facility_code=review.facility_code)
        findings = repo.findings(self.database, review.id)
        return review, writer.build_package(
            self._review_document(review), form.canonical_json(),
            actions=writer.actions_document(review, actions, findings), signer=signing_key)

    def export_package(self, uuid: str, out: str | Path, *, revision: int | None = None,
                       signing_key: PrivateKey | None = None,
                       encrypt_to: PublicKey | None = None) -> ExportResult:
        """Write the package of a finalised revision to `out` (atomically, checked first by
        the reader the hub uses): signed with `signing_key` (a person's unlocked key,
        `load_private_key`) and sealed for the hub's public key `encrypt_to`
        (`read_public_key`) when given."""
        review, data = self.package_bytes(uuid, revision, signing_key=signing_key)
        with writing(out) as path:
            return _writer().write_package(review, data, path, recipient=encrypt_to)

    @staticmethod
    def package_file_name(review: Review) -> str:
        """FACILITYCODE_YYYYMMDD_rN.kanwa — what the save dialog and the CLI docs propose."""
        return _writer().proposed_file_name(review)
