"""Starting the GUI: the application object, the translator, the first database."""

from __future__ import annotations

import sys

from platformdirs import user_data_dir

from app.db import APP_NAME, open_database
from app.errors import DomainError

from .i18n import install_translator
from .main_window import MainWindow
from .qt import QApplication, QMessageBox, translate


def run(db: str | None = None, *, argv: list[str] | None = None) -> int:
    """Open the main window on ``db`` (default: the user's database); returns the exit status."""
    from pathlib import Path

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Sổ Thi đua")
    app.setOrganizationName(APP_NAME)
    install_translator(app)
    try:
        database = open_database(db)
    except DomainError as exc:
        QMessageBox.critical(None, translate("MainWindow", "Sổ Thi đua"), exc.message)
        return 1
    window = MainWindow(database, demo_path=Path(user_data_dir(APP_NAME, appauthor=False)) / "demo.sqlite3")
    window.resize(1100, 700)
    window.show()
    return app.exec()
