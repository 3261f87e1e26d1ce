"""Application services: every action the UI or the CLI can take, one transaction each.

Operations are grouped by subject (one mixin module each); `Services` combines them. Each
mutating call returns a small `Changed` value (or an `ImportResult` per file) saying what
changed, so screens refresh only what they must (the Anki pattern). No Qt here: the CLI and
headless batch jobs use it directly. Nothing above this layer opens a database or touches the
store, exchange or reports: start with `Services.open(path, ...)`.
"""

from kanwa_review.core.imports import ImportResult
from kanwa_review.core.jobs import Cancelled, Progress
from kanwa_review.core.review import AnswerError, ReviewStateError
from kanwa_review.services.answers import AnswerOps
from kanwa_review.services.backups import BackupOps
from kanwa_review.services.base import (
    Changed, IncompleteReviewError, ReviewData, ReviewSummary, ServiceBase, default_actor,
)
from kanwa_review.services.changes import OpChanges
from kanwa_review.services.dashboard import DashboardOps
from kanwa_review.services.demo import DemoOps
from kanwa_review.services.exports import ExportOps
from kanwa_review.services.facilities import FacilityOps
from kanwa_review.services.file_names import FileNameOps
from kanwa_review.services.file_places import FilePlaceOps, PlaceWarning
from kanwa_review.services.findings import FindingOps
from kanwa_review.services.form_distribution import FormDistributionOps
from kanwa_review.services.form_migration import FormMigrationOps
from kanwa_review.services.forms import FormFileOps
from kanwa_review.services.help import HelpOps
from kanwa_review.services.imports import PackageImportOps
from kanwa_review.services.keys import KeyFiles, KeyOps
from kanwa_review.services.pdca import PdcaOps
from kanwa_review.services.profile import ProfileOps
from kanwa_review.services.progress_files import ProgressFileOps
from kanwa_review.services.reports import ReportOps
from kanwa_review.services.returns import ReturnOps
from kanwa_review.services.reviews import ReviewOps
from kanwa_review.services.session import SessionOps
from kanwa_review.services.settings import SettingsOps
from kanwa_review.services.workbooks import WorkbookOps
from kanwa_review.services.output_files import OutputFileError
from kanwa_review.store.database import StoreError
from kanwa_review.store.database import explain as database_problem


class Services(SessionOps, BackupOps, FacilityOps, ReviewOps, AnswerOps, FindingOps, PdcaOps,
               DashboardOps, PackageImportOps, ExportOps, WorkbookOps, ReturnOps, ProgressFileOps,
               ReportOps, SettingsOps, DemoOps, FileNameOps, KeyOps, ProfileOps, FormFileOps,
               FormDistributionOps, FormMigrationOps, FilePlaceOps, HelpOps,
               ServiceBase):
    """The one service object the UI and the CLI share, over an open database."""


def __getattr__(name: str):
    # The package reader (jsonschema) loads only when a command needs its refusal type.
    if name in ("Package", "PackageRejected"):
        from kanwa_review.exchange import package_reader

        return getattr(package_reader, name)
    # ... and the form workbook reader (openpyxl) only when a command needs its refusals
    if name in ("FormWorkbookInvalid", "WorkbookRefused"):
        from kanwa_review.exchange import form_workbook

        return getattr(form_workbook, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Services", "Changed", "OpChanges", "ReviewSummary", "ReviewData",
           "IncompleteReviewError", "ReviewStateError", "AnswerError", "StoreError",
           "database_problem", "default_actor", "ImportResult", "Cancelled", "Progress",
           "Package", "PackageRejected", "KeyFiles", "PlaceWarning", "OutputFileError", "FormWorkbookInvalid", "WorkbookRefused"]
