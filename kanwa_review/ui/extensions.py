"""Feature modules that add menu actions to the main window (import, reports, Excel …).

Each listed module has `install(window)`, where `window` offers: `services` (the UI thread's
Services), `db_path` (Path of the open database), menus `file_menu`, `review_menu`, `hub_menu`,
`current_review_uuid() -> str | None`, `refresh_all()` and `show_status(text)`.
A module not present in this build is skipped.
"""

from __future__ import annotations

import importlib

EXTENSIONS = (
    "kanwa_review.ui.exchange_actions",   # submission packages: export, import, drag and drop
    "kanwa_review.ui.report_actions",     # PDF feedback reports, preview, print
    "kanwa_review.ui.excel_actions",      # Excel return, template, workbook import
    "kanwa_review.ui.pdca_actions",       # hub dashboard, facility history (PDCA)
)


def install_all(window) -> list[str]:
    installed = []
    for name in EXTENSIONS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.install(window)
        installed.append(name)
    return installed
