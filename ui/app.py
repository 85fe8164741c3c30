"""Starting the GUI: the application object, a splash painted at once, the first database.

Importing SQLAlchemy, the model and the pages takes most of a second; the splash is painted
before that, so the clerk sees the program at once. The database then opens as before, locked
for this window (app.storage.instance); a file already open in another window can be opened read-only.

Scripted runs: with ``THIDUA_USER`` and ``THIDUA_PASSWORD`` set, a database with accounts is logged
into as the CLI does, without the dialog. Smoke-test hook: with ``THIDUA_SMOKE_QUIT_AFTER_MS=N`` set, the app prints
``THIDUA_SMOKE_OK first paint after <ms> ms`` once the main window has painted, then quits with
status 0 after N more milliseconds (packaging/build.sh uses it on the built binary).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from app.storage.paths import APP_NAME, ENV_DB, data_dir

from .error_catalogue import error_text
from .i18n import install_translator
from .qt import (
    QApplication,
    QColor,
    QEvent,
    QFont,
    QLabel,
    QObject,
    QPainter,
    QPixmap,
    Qt,
    QTimer,
    QWidget,
    translate,
)
from .settings import Settings
from .system_libs import message, missing_packages

if TYPE_CHECKING:
    from app.storage.db import Database

ENV_SMOKE = "THIDUA_SMOKE_QUIT_AFTER_MS"
SMOKE_MARKER = "THIDUA_SMOKE_OK"


def _splash(subtitle: str) -> QLabel:
    pixmap = QPixmap(460, 150)
    pixmap.fill(QColor("#ffffff"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#b71c1c"))
    title = QFont()
    title.setPointSize(20)
    title.setBold(True)
    painter.setFont(title)
    painter.drawText(pixmap.rect().adjusted(0, 20, 0, -60), Qt.AlignmentFlag.AlignCenter, "Sổ Thi đua")
    painter.setPen(QColor("#37474f"))
    painter.setFont(QFont())
    painter.drawText(pixmap.rect().adjusted(0, 70, 0, -20), Qt.AlignmentFlag.AlignCenter, subtitle)
    painter.end()
    # A plain frameless label, not QSplashScreen: that one waits up to a second for the window
    # system to report the window exposed (measured here on the offscreen platform).
    splash = QLabel()
    splash.setPixmap(pixmap)
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setObjectName("splash")
    return splash


def open_for_start(target: str | os.PathLike[str] | None, parent: QWidget | None = None) -> Database | None:
    """Open ``target`` for this window. If another window has it open, say who and offer a
    read-only open; ``None`` if the user declines. Other errors propagate (DomainError)."""
    from app.opening import open_for_window
    from app.storage.instance import InstanceBusy

    from .messages import instance_busy_box

    try:
        return open_for_window(target)
    except InstanceBusy as exc:
        box = instance_busy_box(parent, error_text(exc))
        box.exec()
        if box.clickedButton() is not box.read_only_button:
            return None
        return open_for_window(exc.database, read_only=True)


class _SmokeQuit(QObject):
    """Quits ``ms`` milliseconds after the window's first paint, printing the marker first."""

    def __init__(self, window: QWidget, ms: int, started: float) -> None:
        super().__init__(window)
        self._ms, self._started = ms, started
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            elapsed = (time.perf_counter() - self._started) * 1000
            print(f"{SMOKE_MARKER} first paint after {elapsed:.0f} ms", flush=True)
            QTimer.singleShot(self._ms, QApplication.quit)
        return False


def _login_from_environment(database: Database) -> bool:
    """Log in as THIDUA_USER with THIDUA_PASSWORD when both are set, as the CLI does for scripted runs
    (the packaging smoke test); a wrong pair falls back to the log-in dialog."""
    from app.cli.login import ENV_PASSWORD, ENV_USER
    from app.errors import DomainError
    from app.services.accounts import login

    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if not user or password is None:
        return False
    try:
        login(database, user, password)
    except DomainError:
        return False
    return True


def run(db: str | None = None, *, argv: list[str] | None = None) -> int:
    """Open the main window on ``db`` (default: the last database used, else the user's default
    database); returns the exit status."""
    started = time.perf_counter()
    if QApplication.instance() is None and (missing := missing_packages()):
        # One line naming them all, before Qt tries (and aborts naming one, often the wrong one).
        print(message(missing), file=sys.stderr)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Sổ Thi đua")
    app.setOrganizationName(APP_NAME)
    settings = Settings()
    install_translator(app, os.environ.get("THIDUA_LANG") or settings.language)
    splash = _splash(translate("Splash", "Sổ sách thi đua, khen thưởng — đang mở…"))
    splash.show()
    # Qt's documented start-up pattern: let the splash be exposed and painted now, before the
    # heavy imports below (nothing else is queued yet, so this runs no user-visible work).
    app.processEvents()

    from app.errors import DomainError

    from .dialogs.login import LoginDialog, needs_login, offers_first_admin
    from .main_window import MainWindow
    from .qt import QMessageBox

    last = (
        settings.last_database if settings.last_database and Path(settings.last_database).exists() else None
    )
    target = db or os.environ.get(ENV_DB) or last
    try:
        database = open_for_start(target)
    except DomainError as exc:
        # The remembered file went bad: say so, and start on the default database instead.
        splash.close()
        QMessageBox.critical(None, translate("MainWindow", "Sổ Thi đua"), error_text(exc))
        if target is None or target == db:
            return 1
        database = open_for_start(None)
    if database is None:  # open elsewhere, and the user chose not to open it read-only
        splash.close()
        return 0
    if needs_login(database) and not _login_from_environment(database):
        splash.close()
        if LoginDialog(database).exec() != LoginDialog.DialogCode.Accepted:
            database.dispose()
            return 0
    window = MainWindow(database, demo_path=data_dir() / "demo.sqlite3", settings=settings)
    if settings.window_geometry is None:
        window.resize(1200, 760)
    smoke_ms = os.environ.get(ENV_SMOKE)
    if smoke_ms is not None:
        window._smoke = _SmokeQuit(window, int(smoke_ms or 0), started)
    window.show()
    window.activateWindow()  # after the log-in dialog, the keyboard goes to the window's navigation
    window.nav.setFocus()
    splash.close()
    if offers_first_admin(database):
        window.offer_first_admin()
    return app.exec()
