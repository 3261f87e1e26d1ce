"""Dialogs of the reviewer's app: one module each (facility, review, finalise, confirmation)."""

from kanwa_review.ui.dialogs.confirm import confirm
from kanwa_review.ui.dialogs.facility import NewFacilityDialog
from kanwa_review.ui.dialogs.finalise import FinaliseDialog
from kanwa_review.ui.dialogs.review import NewReviewDialog

__all__ = ["FinaliseDialog", "NewFacilityDialog", "NewReviewDialog", "confirm"]
