"""The main window: assembles the navigation list, the pages and the menus; no logic of its own."""

from __future__ import annotations

from pathlib import Path

from app.db import Database, open_database
from app.demo_file import build_demo_file
from app.errors import DomainError

from .jobs import run_job
from .pages import OverviewPage, PlaceholderPage
from .qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    Qt,
    translate,
)

# Navigation entries (context "Navigation"): the clerk's work areas, in the order of the year.
NAV_ENTRIES = (
    QT_TRANSLATE_NOOP("Navigation", "Tổng quan"),
    QT_TRANSLATE_NOOP("Navigation", "Đơn vị & Khối"),
    QT_TRANSLATE_NOOP("Navigation", "Cá nhân"),
    QT_TRANSLATE_NOOP("Navigation", "Phong trào"),
    QT_TRANSLATE_NOOP("Navigation", "Đề nghị khen thưởng"),
    QT_TRANSLATE_NOOP("Navigation", "Quyết định"),
    QT_TRANSLATE_NOOP("Navigation", "Gương điển hình"),
    QT_TRANSLATE_NOOP("Navigation", "Chấm điểm & Xếp hạng khối"),
    QT_TRANSLATE_NOOP("Navigation", "Báo cáo / In ấn"),
    QT_TRANSLATE_NOOP("Navigation", "Cài đặt"),
)


class MainWindow(QMainWindow):
    def __init__(self, db: Database | None = None, demo_path: Path | None = None) -> None:
        super().__init__()
        self.db: Database | None = None
        self._demo_path = demo_path
        self._job = None
        self.setMinimumSize(900, 560)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(240)
        self.pages = QStackedWidget()
        self.overview = OverviewPage()
        self.pages.addWidget(self.overview)
        for entry in NAV_ENTRIES[1:]:
            self.pages.addWidget(PlaceholderPage(translate("Navigation", entry)))
        for entry in NAV_ENTRIES:
            self.nav.addItem(translate("Navigation", entry))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self._build_menus()
        if db is not None:
            self.set_database(db)
        self.setWindowTitle(translate("MainWindow", "Sổ Thi đua"))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&Tệp"))
        self.demo_action = QAction(translate("MainWindow", "Mở &dữ liệu mẫu"), self)
        self.demo_action.triggered.connect(self.open_demo)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        quit_action = QAction(translate("MainWindow", "&Thoát"), self)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(translate("MainWindow", "Trợ &giúp"))
        about = QAction(translate("MainWindow", "&Giới thiệu"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def set_database(self, db: Database) -> None:
        if self.db is not None:
            self.db.dispose()
        self.db = db
        self.overview.show_database(db)
        self.statusBar().showMessage(
            translate("MainWindow", "CSDL: {0} — Người dùng: {1}").format(db.path or db.url, db.actor)
        )

    def open_demo(self) -> None:
        """Open the demo database, building it first (off the GUI thread) if it does not exist."""
        if self._demo_path is None:
            return
        path = self._demo_path
        if path.exists():
            self._open_path(path)
            return
        self._job = run_job(
            self,
            translate("MainWindow", "Đang tạo dữ liệu mẫu…"),
            lambda progress, cancelled: build_demo_file(path, progress=progress, cancelled=cancelled),
        )
        self._job.done.connect(lambda _summary: self._open_path(path))
        self._job.error.connect(self._show_error)

    def _open_path(self, path: Path) -> None:
        try:
            self.set_database(open_database(path))
        except DomainError as exc:
            self._show_error(exc)

    def _show_error(self, exc: object) -> None:
        message = exc.message if isinstance(exc, DomainError) else translate("MainWindow", "Lỗi không mong đợi: {0}").format(exc)
        QMessageBox.critical(self, translate("MainWindow", "Sổ Thi đua"), message)

    def _about(self) -> None:
        from app import __version__

        QMessageBox.about(
            self,
            translate("MainWindow", "Giới thiệu"),
            translate("MainWindow", "Sổ Thi đua {0}\nSổ sách thi đua, khen thưởng.").format(__version__),
        )

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.db is not None:
            self.db.dispose()
        super().closeEvent(event)


