"""Messages to the user: window-modal boxes opened without blocking (``open``, not ``exec``),
so that the event loop — and the tests — keep running while one is shown."""

from __future__ import annotations

from .qt import QMessageBox, Qt, QWidget, translate


def _box(icon: QMessageBox.Icon, name: str, parent: QWidget | None, message: str, title: str | None) -> QMessageBox:
    box = QMessageBox(icon, title or translate("MainWindow", "Sổ Thi đua"), message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_error(parent: QWidget | None, message: str, *, title: str | None = None) -> QMessageBox:
    return _box(QMessageBox.Icon.Critical, "errorBox", parent, message, title)


def show_info(parent: QWidget | None, message: str, *, title: str | None = None) -> QMessageBox:
    return _box(QMessageBox.Icon.Information, "infoBox", parent, message, title)
