"""kanwa-review: PDCA peer review of palliative care at designated cancer hospitals."""

__version__ = "0.1.0"
