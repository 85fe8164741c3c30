"""Starting the GUI: the application object, a splash painted at once, the first database.

Importing SQLAlchemy, the model and the pages takes most of a second; the splash is painted
before that, so the clerk sees the program at once. The database then opens as before.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.paths import APP_NAME, ENV_DB, data_dir

from .i18n import install_translator
from .qt import QApplication, QColor, QFont, QLabel, QPainter, QPixmap, Qt, translate
from .settings import Settings


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


def run(db: str | None = None, *, argv: list[str] | None = None) -> int:
    """Open the main window on ``db`` (default: the last database used, else the user's default
    database); returns the exit status."""
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

    from app.db import open_database
    from app.errors import DomainError

    from .dialogs.login import LoginDialog, needs_login, offers_first_admin
    from .main_window import MainWindow
    from .qt import QMessageBox
    last = settings.last_database if settings.last_database and Path(settings.last_database).exists() else None
    target = db or os.environ.get(ENV_DB) or last
    try:
        database = open_database(target)
    except DomainError as exc:
        # The remembered file went bad: say so, and start on the default database instead.
        splash.close()
        QMessageBox.critical(None, translate("MainWindow", "Sổ Thi đua"), exc.message)
        if target is None or target == db:
            return 1
        database = open_database(None)
    if needs_login(database):
        splash.close()
        if LoginDialog(database).exec() != LoginDialog.DialogCode.Accepted:
            database.dispose()
            return 0
    window = MainWindow(database, demo_path=data_dir() / "demo.sqlite3", settings=settings)
    if settings.window_geometry is None:
        window.resize(1200, 760)
    window.show()
    splash.close()
    if offers_first_admin(database):
        window.offer_first_admin()
    return app.exec()
