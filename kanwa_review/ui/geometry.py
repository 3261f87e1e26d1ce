"""Window sizes that fit the screen: the one helper every window and dialog is sized with, so
nothing needed is out of reach on a 1366×768 or 1280×720 laptop.

A window asks for its preferred size; it gets at most the screen's available area (the
taskbar left out, room kept for the title bar), is placed inside that area, and a size saved
from a larger screen is restored clamped the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the window frame before the window manager has told us its real size.
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available area (without taskbars) of the screen the widget is on, else the
    screen under the parent, else the primary screen."""
    screen = None
    if widget is not None:
        screen = widget.screen()
        parent = widget.parentWidget()
        if parent is not None and parent.isVisible():
            screen = parent.screen() or screen
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def _frame_extra(window: QWidget) -> QSize:
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
        if extra.height() > 0:
            return extra
    return FRAME_ALLOWANCE


def clamp_to_screen(window: QWidget) -> None:
    """Shrink the window to the available area if it is larger, and move it inside."""
    room = available_geometry(window)
    extra = _frame_extra(window)
    width = min(window.width(), room.width() - extra.width())
    height = min(window.height(), room.height() - extra.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    outer_w, outer_h = width + extra.width(), height + extra.height()
    x = min(max(frame.x(), room.left()), room.left() + room.width() - outer_w)
    y = min(max(frame.y(), room.top()), room.top() + room.height() - outer_h)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def fit_window(window: QWidget, preferred: QSize, saved: QByteArray | None = None) -> None:
    """Size a top-level window: the geometry saved last time (restored clamped), else the
    preferred size, at most the available area, centred on it."""
    if saved is not None and not saved.isEmpty() and window.restoreGeometry(saved):
        clamp_to_screen(window)
        return
    room = available_geometry(window)
    extra = _frame_extra(window)
    size = preferred.boundedTo(QSize(room.width() - extra.width(),
                                     room.height() - extra.height()))
    window.resize(size)
    window.move(room.left() + (room.width() - size.width() - extra.width()) // 2,
                room.top() + (room.height() - size.height() - extra.height()) // 2)


def fit_dialog(dialog: QWidget, preferred: QSize) -> None:
    """A dialog at its preferred size (or what its contents need, if more), at most the
    available area; Qt centres it on its parent when it is shown."""
    room = available_geometry(dialog)
    extra = _frame_extra(dialog)
    wanted = preferred.expandedTo(dialog.sizeHint())
    dialog.resize(wanted.boundedTo(QSize(room.width() - extra.width(),
                                         room.height() - extra.height())))


__all__ = ["available_geometry", "clamp_to_screen", "fit_window", "fit_dialog",
           "FRAME_ALLOWANCE"]
