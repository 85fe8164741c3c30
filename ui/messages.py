"""Messages to the user: window-modal boxes opened without blocking (``open``, not ``exec``),
so that the event loop — and the tests — keep running while one is shown."""

from __future__ import annotations

from .qt import QMessageBox, QPushButton, Qt, QWidget, translate


def _box(
    icon: QMessageBox.Icon, name: str, parent: QWidget | None, message: str, title: str | None
) -> QMessageBox:
    box = QMessageBox(
        icon, title or translate("MainWindow", "Sổ Thi đua"), message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_error(parent: QWidget | None, message: str, *, title: str | None = None) -> QMessageBox:
    return _box(QMessageBox.Icon.Critical, "errorBox", parent, message, title)


def ask(parent: QWidget | None, title: str, question: str) -> bool:
    """Yes or no before an irreversible step (blocking: nothing may go on until it is answered)."""
    return QMessageBox.question(parent, title, question) == QMessageBox.StandardButton.Yes


def show_info(parent: QWidget | None, message: str, *, title: str | None = None) -> QMessageBox:
    return _box(QMessageBox.Icon.Information, "infoBox", parent, message, title)


class BusyBox(QMessageBox):
    """The box of :func:`instance_busy_box`, with its read-only button named."""

    read_only_button: QPushButton


def instance_busy_box(parent: QWidget | None, message: str) -> BusyBox:
    """The database is open in another window: offer a read-only open or giving up.

    The caller shows it (``exec`` at start-up, ``open`` from the window) and reads
    ``box.clickedButton() is box.read_only_button``.
    """
    box = BusyBox(
        QMessageBox.Icon.Warning,
        translate("MainWindow", "Sổ Thi đua"),
        message,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("instanceBusyBox")
    box.read_only_button = box.addButton(
        translate("MainWindow", "Mở chỉ đọc"), QMessageBox.ButtonRole.AcceptRole
    )
    box.read_only_button.setObjectName("openReadOnly")
    quit_button = box.addButton(translate("MainWindow", "Không mở"), QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("dontOpen")
    box.setDefaultButton(quit_button)
    box.setEscapeButton(quit_button)
    return box
