"""Progress returns (進捗の報告): a facility's improvement actions written out as a progress file
(.json or a one-facility .xlsx Actions workbook), and the filled-in file imported back.

Each report becomes `add_progress` (status + dated note, audited). A report older than the
action's stored state is skipped and listed as "stale" (never written over newer data); a
report already held is "unchanged", so re-importing a file is a no-op. Nothing is written
unless every row of the file is valid: all rows are checked first (exchange/progress.py), then
applied in one transaction, and a refused status change rolls the whole file back.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from kanwa_review.core import text_policy
from kanwa_review.core.imports import IMPORTED, PROGRESS, REJECTED, UNCHANGED, ImportResult
from kanwa_review.core.pdca import ActionStateError
from kanwa_review.services.base import ServiceBase
from kanwa_review.services.output_files import writing
from kanwa_review.store import repository as repo
from kanwa_review.store.database import StoreError
from kanwa_review.core.i18n import translate


class _RollBack(Exception):
    pass


class ProgressFileOps(ServiceBase):
    """Mixin of `Services`; uses PdcaOps and ReturnOps (`action_rows`)."""

    def export_progress(self, facility_code: str, out: str | Path, *,
                        today: date | None = None) -> tuple[Path, int]:
        """Write the facility's actions as a progress file: .json (kanwa-progress) or .xlsx (a
        one-facility Actions workbook). Returns (path, number of actions)."""
        from kanwa_review.exchange.excel_return import write_actions_workbook
        from kanwa_review.exchange.excel_safety import failing_quietly
        from kanwa_review.exchange.progress import progress_document, write_progress_json

        out = Path(out).expanduser()
        suffix = out.suffix.lower()
        if suffix not in (".json", ".xlsx"):
            raise ValueError(translate(
                "progress_files", "{file}: 出力ファイルは .json（進捗ファイル）か .xlsx（進捗報告シート）に"
                                  "してください").format(file=out))
        if not out.parent.is_dir():
            raise ValueError(translate("progress_files", "{folder}: 保存先のフォルダがありません").format(
                folder=out.parent))
        facility = repo.facility_by_code(self.database, facility_code)
        if facility is None:
            raise LookupError(translate(
                "progress_files", "施設コード {code} は登録されていません。`kanwa-review list` で確認して"
                                  "ください").format(code=facility_code))
        if suffix == ".xlsx":
            rows = self.action_rows([facility_code])
            with writing(out), failing_quietly():
                write_actions_workbook(rows, out, facility=f"{facility.code} {facility.name}",
                                       today=today)
            return out, len(rows)
        actions = self.actions_of_facility(facility_code)
        with writing(out):
            return write_progress_json(progress_document(facility, actions), out), len(actions)

    def import_progress(self, path: str | Path) -> ImportResult:
        """Read, check and (only when every report is valid) apply one progress file in one
        transaction, with an audit entry for the file (an unexpected error: `_one_file`)."""
        return self._one_file(path, PROGRESS, lambda: self._import_progress(path))

    def _import_progress(self, path: str | Path) -> ImportResult:
        from kanwa_review.exchange.progress import ProgressRefused, read_reports

        path = Path(path)
        result = ImportResult(str(path), REJECTED, PROGRESS)
        try:
            reports, errors = read_reports(path, {a.uuid: a for a in self.actions()})
        except ProgressRefused as exc:
            result.errors = [str(exc)]
            return result
        if errors and not reports:
            result.errors = errors
            return result
        if not reports:
            result.status = UNCHANGED
            result.warnings.append(translate("progress_files", "記入された進捗がありません"))
            return result
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            digest = None
        # With problems already found, the valid rows are still tried (and rolled back) so
        # that a status change the plan does not allow is reported in the same round.
        result.errors = list(errors)
        try:
            with self._tx():
                for r in sorted(reports, key=lambda r: r.at):
                    status = r.status or self.action(r.action_uuid).status
                    try:
                        changed = self.add_progress(r.action_uuid, status, r.note, at=r.at,
                                                    author=r.author or None)
                    except ActionStateError as exc:
                        result.errors.append(f"{path} › {r.place}: {exc}")
                        continue
                    if changed.stale:
                        result.stale.append(translate(
                            "progress_files", "{place}: {action}（{date}）— より新しい記録があるため取り込み"
                                              "ません（改善計画がその後に更新されています）").format(
                                                  place=r.place, action=r.action_uuid, date=r.at[:10]))
                    elif changed.changed:
                        result.applied.append(r.place)
                    else:
                        result.unchanged.append(r.place)
                if result.errors:
                    raise _RollBack()
                if result.applied:
                    shown = text_policy.display_name(path.name)
                    self._audit(None, "progress_import", shown, "import", None,
                                {"file": shown, "sha256": digest,
                                 "applied": len(result.applied), "stale": len(result.stale),
                                 "unchanged": len(result.unchanged)})
        except _RollBack:
            result.applied, result.unchanged, result.stale = [], [], []
            result.status = REJECTED
            return result
        except StoreError as exc:  # locked or read-only database: this file's result
            result.applied, result.unchanged, result.stale = [], [], []
            result.errors.append(translate(
                "progress_files", "{file}: データベースに書き込めませんでした（何も変更されていません）: "
                                  "{reason}").format(file=path, reason=exc))
            result.status = REJECTED
            return result
        result.status = IMPORTED if result.applied else UNCHANGED
        if result.stale:
            result.warnings.append(translate(
                "progress_files", "{count} 件の報告は、より新しい記録があるため取り込みませんでした").format(
                    count=len(result.stale)))
        return result
