"""Menu actions of the PDCA overview: 集計 ▸ ダッシュボード… (the hub's heat-map, overdue actions
and reviews not received) and レビュー ▸ 施設の経過… (one facility's history, actions and QIs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from kanwa_review.ui.actions import command


def current_facility_code(window) -> str | None:
    """The facility of the open review, else of the row selected on the home screen."""
    uuid = window.current_review_uuid()
    if uuid:
        try:
            return window.services.review(uuid).facility_code
        except LookupError:
            pass
    home = getattr(window, "home", None)
    return home.current_facility_code() if home is not None else None


def _open_review(window, uuid: str) -> None:
    window.show()
    window.raise_()
    window.open_review(uuid)


def open_dashboard(window):
    from kanwa_review.ui.hub.dashboard import DashboardWindow

    existing = getattr(window, "dashboard_window", None)
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        existing.reload()
        return existing
    dash = DashboardWindow(window.db_path, None, services=window.services,
                           on_open_review=lambda uuid: _open_review(window, uuid))
    dash.setAttribute(Qt.WA_DeleteOnClose)
    dash.destroyed.connect(lambda *_a: setattr(window, "dashboard_window", None))
    window.dashboard_window = dash
    window.changes_applied.connect(dash.apply_changes)  # Qt disconnects it when dash is deleted
    dash.show()
    return dash


def open_facility_history(window, facility_code: str | None = None):
    from kanwa_review.ui.hub.facility_history import FacilityHistoryWindow

    code = facility_code or current_facility_code(window)
    if not code:
        QMessageBox.information(
            window, QCoreApplication.translate("HubMenu", "施設の経過"),
            QCoreApplication.translate("HubMenu", "ホームで施設またはレビューを選んでください。"))
        return None
    history = FacilityHistoryWindow(window.db_path, code, None, services=window.services)
    history.setAttribute(Qt.WA_DeleteOnClose)
    history.open_review_requested.connect(lambda uuid: _open_review(window, uuid))
    # a reference on the window keeps the Python wrapper alive while the window is open
    opened = window.__dict__.setdefault("history_windows", [])
    opened.append(history)
    history.destroyed.connect(lambda *_a, h=history: h in opened and opened.remove(h))
    window.changes_applied.connect(history.apply_changes)
    history.show()
    return history


def install(window) -> None:
    window.dashboard_action = command(
        window, "dashboard", lambda: open_dashboard(window),
        tip=QCoreApplication.translate("HubMenu", "年度ごとの施設×セクションの達成率、期限超過の"
                                                  "改善計画、未受領のレビューを表示します"))
    window.hub_menu.addAction(window.dashboard_action)

    window.facility_history_action = command(
        window, "facility_history", lambda: open_facility_history(window),
        tip=QCoreApplication.translate("HubMenu", "選んだ施設の達成率の経年変化、前回比、改善計画、"
                                                  "QIを表示します"))
    window.review_menu.addAction(window.facility_history_action)
