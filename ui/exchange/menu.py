"""The window's "Trao đổi" menu: receive a package, the offices and keys (sending is on the lists)."""

from __future__ import annotations

from typing import Protocol

from app.auth import P, can
from app.storage.db import Database

from ..qt import QAction, QDialog, QMenuBar, Qt, QWidget, translate


class Window(Protocol):
    db: Database | None
    exchange_dialog: QDialog | None
    exchange_actions: dict[str, QAction]


def build_menu(window: Window, parent: QWidget, bar: QMenuBar) -> None:
    menu = bar.addMenu(translate("MainWindow", "T&rao đổi"))
    window.exchange_actions = {
        "receive": menu.addAction(
            translate("MainWindow", "&Nhận gói hồ sơ…"), lambda: open_receive(window, parent)
        ),
        "offices": menu.addAction(
            translate("MainWindow", "&Cơ quan và khóa…"), lambda: open_offices(window, parent)
        ),
    }
    enable(window)


def enable(window: Window) -> None:
    """Receiving needs the import right, the offices the units right; neither in a read-only window."""
    db = window.db
    writable = db is not None and not db.read_only
    for name, permission in (("receive", P.IMPORTS), ("offices", P.UNITS)):
        action = window.exchange_actions.get(name)
        if action is not None:
            action.setEnabled(writable and db is not None and can(db.actor, permission))


def _show(window: Window, dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.exchange_dialog = dialog
    dialog.finished.connect(lambda _r: setattr(window, "exchange_dialog", None))
    dialog.open()
    return dialog


def open_receive(window: Window, parent: QWidget) -> QDialog | None:
    from .receive_dialog import ReceiveDialog  # cryptography and the package reader: not at start-up

    return _show(window, ReceiveDialog(window.db, parent=parent)) if window.db is not None else None


def open_offices(window: Window, parent: QWidget) -> QDialog | None:
    from .offices_dialog import OfficesDialog

    return _show(window, OfficesDialog(window.db, parent=parent)) if window.db is not None else None
