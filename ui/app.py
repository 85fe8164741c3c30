"""Starting the GUI: the application object, the translator, the first database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from app.db import APP_NAME, ENV_DB, open_database
from app.errors import DomainError

from .i18n import install_translator
from .main_window import MainWindow
from .qt import QApplication, QMessageBox, translate
from .settings import Settings


def run(db: str | None = None, *, argv: list[str] | None = None) -> int:
    """Open the main window on ``db`` (default: the last database used, else the user's default
    database); returns the exit status."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Sổ Thi đua")
    app.setOrganizationName(APP_NAME)
    settings = Settings()
    install_translator(app, os.environ.get("THIDUA_LANG") or settings.language)
    last = settings.last_database if settings.last_database and Path(settings.last_database).exists() else None
    target = db or os.environ.get(ENV_DB) or last
    try:
        database = open_database(target)
    except DomainError as exc:
        # The remembered file went bad: say so, and start on the default database instead.
        QMessageBox.critical(None, translate("MainWindow", "Sổ Thi đua"), exc.message)
        if target is None or target == db:
            return 1
        database = open_database(None)
    window = MainWindow(database, demo_path=Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.sqlite3",
                        settings=settings)
    if settings.window_geometry is None:
        window.resize(1200, 760)
    window.show()
    return app.exec()
