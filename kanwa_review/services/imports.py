"""Import of submission packages (.kanwa) at the hub, or anywhere: each file verified by
exchange/package_reader.py and, when every check passes, applied in ONE transaction.

Per file the outcome (core.imports) is one of:
  imported    a review (uuid) this database did not hold
  unchanged   this exact revision is already held — nothing at all is written
  superseded  a higher revision of a review held here: it becomes the active one, the older
              rows get superseded = 1 and stay in history
  rejected    a check failed; nothing at all is written (reasons listed)

Improvement actions (format version 2, actions.json) are merged in the same transaction with
`upsert_action`, after the review, also when the review itself is "unchanged": an action newer
than the one held is applied, an older one is skipped ("stale", never written over newer
data), an identical one is a no-op — so importing the same file twice still changes nothing.
A rejected file applies no action either.

Trust (format version 3, docs/security.md): a sealed file is opened with the hub's key; each
file's signature is checked against the hub's trust list (core.trust.TrustList). An invalid
signature or a revoked signer is always refused; with require-signature only trusted files are
applied. A higher revision binds to the signers of the revisions held, and must continue their
audit chain; the improvement actions of an untrusted file change nothing held at a hub that
keeps a trust list.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kanwa_review.core import audit_chain, text_policy
from kanwa_review.core import trust as T
from kanwa_review.core.form import FormError, shipped_forms
from kanwa_review.core.i18n import translate
from kanwa_review.core.imports import (
    IMPORTED, PACKAGE, REJECTED, SUPERSEDED, UNCHANGED, ImportResult,
)
from kanwa_review.core.jobs import Progress
from kanwa_review.core.review import Facility
from kanwa_review.services.base import ServiceBase
from kanwa_review.store import import_repository as irepo
from kanwa_review.store import pdca_repository as arepo
from kanwa_review.store import repository as repo
from kanwa_review.store import trust_repository as trepo
from kanwa_review.store.database import StoreError

if TYPE_CHECKING:
    from kanwa_review.exchange.keys import PrivateKey
    from kanwa_review.exchange.package_reader import Package


def shipped_form_hashes() -> dict[tuple[str, str], str]:
    """(id, version) -> hash of the forms shipped with the app (forms/*.yaml), read once per
    set of files (a form file changed on disk is read again)."""
    from kanwa_review.core.resources import forms_dir

    try:
        files = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                             for p in forms_dir().glob("*.yaml")))
    except OSError:
        return {}
    return _shipped_form_hashes(files)


@functools.lru_cache(maxsize=4)
def _shipped_form_hashes(_files: tuple) -> dict[tuple[str, str], str]:
    try:
        return {(f.id, f.version): f.sha256 for f in shipped_forms()}
    except FormError:   # a broken installed form: no shipped form to compare with
        return {}

# The format code (the reader's jsonschema and zip checks) is imported when a package is read,
# not when the services are: the app and every CLI command start without it.


class _Refused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PackageImportOps(ServiceBase):
    """Mixin of `Services`; uses ExportOps (`_review_document`), PdcaOps (`upsert_action`) and
    KeyOps (`trust_list`)."""

    _shipped_forms: dict[tuple[str, str], str] | None = None

    # --- files --------------------------------------------------------------------------
    @staticmethod
    def package_files(paths: Iterable[str | Path]) -> list[Path]:
        """The files one `import` run takes: files as given, folders expanded to their *.kanwa
        files. ValueError (with the message to show) for a folder holding more packages than
        one run takes, or when folders hold none."""
        from kanwa_review.exchange.importer import expand_paths, oversized_folder

        paths = list(paths)
        too_many = oversized_folder(paths)
        if too_many:
            raise ValueError(too_many)
        files = expand_paths(paths)
        if not files:
            folders = ", ".join(map(str, paths))
            raise ValueError(translate(
                "Import", "{folders}: 取り込む .kanwa ファイルがありません。フォルダを確認してください"
            ).format(folders=folders))
        return files

    @staticmethod
    def expand_package_paths(paths: Iterable[str | Path]) -> list[Path]:
        """Files as given, folders expanded to their *.kanwa files (sub-folders included,
        sorted, at most MAX_FOLDER_FILES each), without `package_files`' refusals."""
        from kanwa_review.exchange.importer import expand_paths

        return expand_paths(paths)

    @staticmethod
    def sealed_package_files(files: Iterable[str | Path]) -> list[Path]:
        """Those of `files` that are sealed for a hub's key (their first bytes say so), so
        the app asks for the hub's key once per import run, and only when a file needs it.
        A file that cannot be read is left to the import to report."""
        from kanwa_review.exchange.envelope import MAGIC

        out = []
        for p in files:
            try:
                with open(p, "rb") as fh:
                    head = fh.read(len(MAGIC))
            except OSError:
                continue
            if head == MAGIC:
                out.append(Path(p))
        return out

    @staticmethod
    def verify_package(path: str | Path, *, key: PrivateKey | None = None) -> Package:
        """Read and verify a .kanwa file without any database (a sealed one with the hub's
        `key`); PackageRejected lists every problem. `Package.signature` says whether it is
        signed and by whom; whether the hub trusts that key is for the import to say."""
        from kanwa_review.exchange.package_reader import read_package

        return read_package(path, key=key)

    # --- importing ----------------------------------------------------------------------
    def import_packages(self, files: Iterable[str | Path], *,
                        progress: Progress | None = None, key: PrivateKey | None = None,
                        require_signature: bool = False) -> list[ImportResult]:
        """Import files in order (expand folders first: `package_files`,
        `expand_package_paths`), each in its own transaction. `progress(done, total, file
        name)` returning False stops before the next file: the files already applied stay
        applied, and their results are returned. `key`: the hub's private key, to open sealed
        files; `require_signature`: apply only files signed by a trusted key in this run,
        whatever the hub's setting."""
        from kanwa_review.exchange import package_reader

        paths = list(files)
        results = []
        trust = self.trust_list(require_signature=require_signature)
        for n, p in enumerate(paths):
            if progress is not None and not progress(n, len(paths), f"{Path(p).name}"):
                break
            results.append(self._import_package(p, package_reader, key, trust))  # never raises
        if progress is not None:
            progress(len(results), len(paths), "")
        self._keep_new_file(any(r.status != REJECTED for r in results))
        return results

    def import_package(self, path: str | Path, *, key: PrivateKey | None = None,
                       require_signature: bool = False) -> ImportResult:
        """Verify one file and, if every check passes, apply it in one transaction."""
        from kanwa_review.exchange import package_reader

        return self._import_package(path, package_reader, key,
                                    self.trust_list(require_signature=require_signature))

    def _import_package(self, path: str | Path, reader, key: PrivateKey | None,
                        trust: T.TrustList) -> ImportResult:
        return self._one_file(path, PACKAGE,
                              lambda: self._import_package_file(path, reader, key, trust))

    def _import_package_file(self, path: str | Path, reader, key: PrivateKey | None,
                             trust: T.TrustList) -> ImportResult:
        # the name as the user sees it: what messages show and the import log stores
        name = text_policy.display_name(str(path))
        try:
            data = reader.read_package_file(path)
            seen = irepo.applied_before(self.database, hashlib.sha256(data).hexdigest())
            if seen is not None:
                again = _seen_again(name, seen, trust)
                if again is not None:
                    return again
            package = reader.read_package_bytes(data, name, key=key)
        except reader.PackageRejected as exc:
            check = exc.signature
            status = (trust.status(check.status, check.signer_fingerprint) if check is not None
                      else T.INVALID)
            return ImportResult(name, REJECTED, PACKAGE, errors=exc.problems, signature=status,
                                signer=_signer(check))
        return self.apply_package(package, trust=trust)

    def apply_package(self, pkg: Package, *, trust: T.TrustList | None = None) -> ImportResult:
        """Apply a verified package in one transaction (or reject it, writing nothing)."""
        trust = trust if trust is not None else self.trust_list()
        status = trust.status(pkg.signature.status, pkg.signature.signer_fingerprint)
        result = ImportResult(pkg.file, REJECTED, PACKAGE, review=pkg.uuid,
                              revision=pkg.revision, facility=pkg.facility["code"],
                              warnings=list(pkg.warnings), signature=status,
                              signer=_signer(pkg.signature))
        refused = T.refusal(status, trust.require_signature)
        if refused is not None:
            result.errors = [_signature_refusal(pkg.file, refused, status, result.signer)]
            return result
        try:
            with self._tx():
                result.status = self._apply_review(pkg, result, status, trust)
                if pkg.format_version >= 2:
                    result.actions = self._apply_actions(pkg, result, status, trust)
        except _Refused as exc:
            result.status = REJECTED
            result.errors = [exc.message]
            result.warnings = list(pkg.warnings)
            result.actions = {}
        except (StoreError, sqlite3.Error) as exc:
            result.status = REJECTED
            result.warnings = list(pkg.warnings)
            result.errors = [translate(
                "Import", "{file}: データベースに書き込めませんでした（何も変更されていません）: {reason}"
            ).format(file=pkg.file, reason=exc)]
        return result

    # --- applying (inside the file's transaction) ---------------------------------------
    def _apply_review(self, pkg: Package, result: ImportResult, signature: str,
                      trust: T.TrustList) -> str:
        name, code, rev = pkg.file, pkg.facility["code"], pkg.revision
        held = irepo.held_revisions(self.database, pkg.uuid)
        other = next((h for h in held if h["facility_code"] != code), None)
        if other is not None:
            raise _Refused(translate(
                "Import", "{file}: このレビュー（{review}）は既に別の施設 {held_code} {held_name} の"
                          "ものとして登録されています。ファイルの施設は {code} です。取り違えの可能性が"
                          "あるため取り込みません。どちらが正しいか送付元に確認してください").format(
                              file=name, review=pkg.uuid, held_code=other['facility_code'],
                              held_name=other['facility_name'], code=code))
        same = next((h for h in held if h["revision"] == rev), None)
        if same is not None:
            if same["status"] != "final":
                raise _Refused(translate(
                    "Import", "{file}: 第{revision}版はこのデータベースで下書きとして編集中です。下書きを"
                              "確定するか削除してから、もう一度取り込んでください").format(
                                  file=name, revision=rev))
            from kanwa_review.exchange.importer import package_comparable, revision_comparable

            local = repo.review(self.database, pkg.uuid, rev)
            held_content = revision_comparable(
                local, self.form_of(local), repo.answers(self.database, local.id).values(),
                repo.findings(self.database, local.id))
            if held_content != package_comparable(pkg):
                raise _Refused(translate(
                    "Import", "{file}: 第{revision}版は既に登録されていますが、内容が異なります。同じ版番号で"
                              "内容の違うファイルは取り込めません。どちらが正しいかチームに確認して"
                              "ください").format(file=name, revision=rev))
            return UNCHANGED
        top = held[-1] if held else None
        if top is not None and top["revision"] > rev:
            raise _Refused(translate(
                "Import", "{file}: 第{revision}版は古い版です。このデータベースには既に第{held}版があるため"
                          "取り込みません（変更はありません）").format(
                              file=name, revision=rev, held=top['revision']))
        if top is not None and top["status"] != "final":
            raise _Refused(translate(
                "Import", "{file}: このデータベースでは第{held}版の下書きを編集中です。下書きを確定するか"
                          "削除してから第{revision}版を取り込んでください").format(
                              file=name, held=top['revision'], revision=rev))
        signers = trepo.revision_signers(self.database, pkg.uuid) if held else {}
        if held:
            self._check_binding(pkg, signature, trust, signers)

        self._refuse_form_conflict(pkg)
        facility_id = self._package_facility(pkg, result)
        h = pkg.header
        irepo.insert_final_revision(
            self.database, uuid=pkg.uuid, revision=rev, facility_id=facility_id,
            form_hash=repo.ensure_form(self.database, pkg.form), visit_date=h["visit_date"],
            fiscal_year=h["fiscal_year"], created_at=h["created_at"],
            updated_at=h["updated_at"], finalised_at=h["finalised_at"],
            finalised_by=h["finalised_by"], team=pkg.team, answers=pkg.answers,
            findings=pkg.findings, facility_category=pkg.facility_category,
            details=pkg.details)
        status = SUPERSEDED if held else IMPORTED
        self._copy_audit(pkg)
        repo.write_audit(self.database, actor=self.actor, review_uuid=pkg.uuid, revision=rev,
                         entity="review", key=None, action="import", old=None,
                         new={"file": Path(name).name, "sha256": pkg.file_sha256,
                              "result": status})
        chain = pkg.audit_chain or {}
        irepo.log_package_import(
            self.database, actor=self.actor, file_name=Path(name).name,
            file_sha256=pkg.file_sha256, review_uuid=pkg.uuid, revision=rev, result=status,
            warnings=result.warnings, signature=result.signature,
            signer_fingerprint=(result.signer or {}).get("fingerprint"),
            signer_name=(result.signer or {}).get("name"), audit_head=chain.get("head"),
            audit_count=chain.get("count"))
        return status

    def _check_binding(self, pkg: Package, status: str, trust: T.TrustList,
                       signers: dict[int, dict]) -> None:
        """A higher revision is bound to the signers of the revisions held, and its audit
        trail must continue theirs (core.trust.supersede_refusal, core.audit_chain)."""
        fingerprint = pkg.signature.signer_fingerprint if status in (T.TRUSTED, T.UNKNOWN) \
            else None
        held_signers = {r["signer_fingerprint"] for r in signers.values()
                        if r["signer_fingerprint"]}
        why = T.supersede_refusal(status, fingerprint, held_signers,
                                  trust.may_amend_facility(fingerprint, pkg.facility["code"]),
                                  trust.in_use)
        if why == T.BOUND:
            names = "、".join(sorted({f"{r['signer_name']}（{r['signer_fingerprint']}）"
                                     for r in signers.values() if r["signer_fingerprint"]}))
            raise _Refused(translate(
                "Import", "{file}: このレビューの既存の版は {names} が署名しています。新しい版（第{rev}版）"
                "は同じ鍵か、拠点がこの施設用に信頼した鍵の署名が必要です（この署名: {status}）。取り込みません"
                "（変更はありません）").format(file=pkg.file, names=names, rev=pkg.revision,
                                      status=status))
        if why == T.UNTRUSTED:
            raise _Refused(translate(
                "Import", "{file}: 第{rev}版は信頼済みの鍵で署名されていないため、保持している版を置き換え"
                "られません（この署名: {status}）。取り込みません（変更はありません）").format(
                    file=pkg.file, rev=pkg.revision, status=status))
        chain = pkg.audit_chain
        top = signers.get(max(signers)) if signers else None
        if chain is None or top is None or not top["audit_head"]:
            return
        if audit_chain.head_after(pkg.audit, pkg.uuid, top["audit_count"]) != top["audit_head"]:
            raise _Refused(translate(
                "Import", "{file}: 第{rev}版の変更履歴が、保持している第{held}版の変更履歴の続きになって"
                "いません（記録が削除・並べ替え・書き換えされています）。取り込みません（変更はありません）。"
                "送付元に確認してください").format(file=pkg.file, rev=pkg.revision,
                                        held=top["revision"]))

    def _refuse_form_conflict(self, pkg: Package) -> None:
        """A carried form whose id and version this hub knows (held with a review, or shipped
        with the app) with other content is refused: the hub would print its questions under
        the real form's name."""
        form = pkg.form
        known = set(repo.form_hashes_of(self.database, form.id, form.version))
        if self._shipped_forms is None:   # once per services object: the app's own files
            self._shipped_forms = shipped_form_hashes()
        shipped = self._shipped_forms.get((form.id, form.version))
        if shipped is not None:
            known.add(shipped)
        if known and form.sha256 not in known:
            raise _Refused(translate(
                "imports", "{file}: 評価票 {id} 第{version}版 は、この拠点が持つ同じ名前・版の評価票と内容が"
                           "違います（ファイル: {theirs}…、拠点: {ours}…）。質問文などが書き換えられた"
                           "評価票を正式な評価票の名前で取り込むことはできません。チームに使った評価票を"
                           "確認してもらってください").format(
                file=pkg.file, id=form.id, version=form.version, theirs=form.sha256[:12],
                ours=", ".join(sorted(h[:12] for h in known))))

    def _apply_actions(self, pkg: Package, result: ImportResult, status: str,
                       trust: T.TrustList) -> dict[str, int]:
        """Merge the package's improvement actions (none from an untrusted file at a hub that
        keeps a trust list: such a file must not close a facility's actions)."""
        counts = {"created": 0, "updated": 0, "stale": 0, "unchanged": 0}
        if pkg.actions and not T.may_change_held_actions(status, trust.in_use):
            counts["withheld"] = len(pkg.actions)
            result.warnings.append(translate(
                "Import", "改善計画 {n} 件は、信頼済みの鍵の署名がないため取り込みませんでした（署名: "
                "{status}）").format(n=len(pkg.actions), status=status))
            return counts
        review_ids = irepo.revision_ids(self.database, pkg.uuid)
        for action in pkg.actions:
            try:
                changed = self.upsert_action(action)
            except (ValueError, LookupError) as exc:
                raise _Refused(translate(
                    "Import", "{file}: 改善計画 {action}「{title}」を取り込めません（何も変更されて"
                              "いません）: {reason}").format(
                                  file=pkg.file, action=action.uuid, title=action.title[:30],
                                  reason=exc)) from None
            if changed.created:
                counts["created"] += 1
            elif changed.stale:
                counts["stale"] += 1
            elif changed.changed:
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
            link = pkg.action_findings.get(action.uuid)
            held = changed.action
            review_id = review_ids.get(action.origin_revision or pkg.revision)
            if link and held.finding_id is None and review_id is not None:
                # re-attach the action to its finding (ids are local to each database)
                finding_id = irepo.finding_at(self.database, review_id, *link)
                if finding_id is not None:
                    arepo.link_finding(self.database, held.uuid, finding_id)
        if counts["stale"]:
            result.warnings.append(translate(
                "Import", "改善計画 {count} 件は、このデータベースにより新しい記録があるため更新しません"
                          "でした").format(count=counts['stale']))
        return counts

    def _package_facility(self, pkg: Package, result: ImportResult) -> int:
        f = pkg.facility
        held = repo.facility_by_code(self.database, f["code"])
        if held is None:
            try:
                self._refuse_real_facilities([f["code"]])
            except ValueError as exc:
                raise _Refused(f"{pkg.file}: {exc}") from None
            held = repo.insert_facility(self.database, Facility(f["code"], f["name"],
                                                                f["prefecture"], f["category"]))
            repo.write_audit(self.database, actor=self.actor, review_uuid=None, revision=None,
                             entity="facility", key=f["code"], action="create", old=None,
                             new={"name": f["name"], "prefecture": f["prefecture"],
                                  "category": f["category"], "source": Path(pkg.file).name})
            result.warnings.append(translate(
                "Import", "施設コード {code}（{name}）は未登録だったため、ファイルから新しく登録しました。"
                          "施設マスタで名称・区分を確認してください").format(code=f['code'], name=f['name']))
        elif held.name != f["name"]:
            result.warnings.append(translate(
                "Import", "施設名が施設マスタと異なります（ファイル: {file_name}、マスタ: {master_name}）。"
                          "マスタの名称のまま取り込みました").format(file_name=f['name'],
                                                                  master_name=held.name))
        return held.id

    def _copy_audit(self, pkg: Package) -> None:
        """The team's audit trail travels with the review; entries already held (from an
        earlier revision's import) are not duplicated."""
        key = ("at", "actor", "revision", "entity", "key", "action")
        held = repo.audit_keys(self.database, pkg.uuid)
        rows = []
        for e in pkg.audit:
            k = tuple(e[x] for x in key)
            if k in held:
                continue
            held.add(k)
            rows.append(e)
        repo.write_audit_batch(self.database, pkg.uuid, rows)


def _signer(check) -> dict | None:
    if check is None or not check.signer_fingerprint:
        return None
    return T.Signer(check.signer_name or "", check.signer_fingerprint).to_json()


def _signature_refusal(file: str, why: str, status: str, signer: dict | None) -> str:
    who = f"{signer['name']}（{signer['fingerprint']}）" if signer else ""
    if why == T.REFUSE_REVOKED:
        return translate("Import", "{file}: 署名した鍵 {who} は拠点で失効させています。失効後のファイル"
                         "は取り込みません（変更はありません）").format(file=file, who=who)
    if why == T.REFUSE_INVALID:
        return translate("Import", "{file}: 署名が正しくありません。取り込みません（変更はありません）"
                         ).format(file=file)
    if status == T.UNSIGNED:
        return translate("Import", "{file}: 署名がありません。この拠点は信頼済みの鍵で署名されたファイル"
                         "だけを取り込みます（変更はありません）。チームに署名付きで書き出してもらってください"
                         ).format(file=file)
    return translate("Import", "{file}: 署名した鍵 {who} は拠点の信頼リストにありません。指紋を本人に"
                     "確かめてから `kanwa-review keys trust` で追加し、取り込み直してください（変更はありません）"
                     ).format(file=file, who=who)


def _seen_again(name: str, seen, trust: T.TrustList) -> ImportResult | None:
    """A file whose bytes were applied before. Re-importing it is a no-op by construction (its
    review is held unchanged, final revisions are immutable, and its actions were merged then
    and can only have grown newer since), so a whole folder costs one hash per file — unless
    the trust in its signer has changed since (then None: verify it in full again)."""
    recorded = seen["signature"] or T.UNSIGNED
    check = T.VALID if seen["signer_fingerprint"] else T.UNSIGNED
    status = trust.status(check, seen["signer_fingerprint"])
    signer = (T.Signer(seen["signer_name"] or "", seen["signer_fingerprint"]).to_json()
              if seen["signer_fingerprint"] else None)
    result = ImportResult(name, UNCHANGED, PACKAGE, review=seen["review_uuid"],
                          revision=seen["revision"], facility=seen["facility_code"],
                          signature=status, signer=signer)
    refused = T.refusal(status, trust.require_signature)
    if refused is not None:
        result.status = REJECTED
        result.errors = [_signature_refusal(name, refused, status, signer)]
        return result
    return result if status == recorded else None
