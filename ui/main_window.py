"""The main window: assembles the navigation list, the pages and the menus; no logic of its own
beyond choosing which database is open and which language is shown."""

from __future__ import annotations

from pathlib import Path

from app.auth import ANONYMOUS, P, can
from app.demo import build_demo_file
from app.errors import DomainError
from app.opening import open_for_window
from app.services.todo import Todo
from app.storage.backup import backup_if_due
from app.storage.db import Database
from app.storage.instance import InstanceBusy

from . import backups
from .dialogs.login import (
    ChangePasswordDialog,
    FailedLoginsDialog,
    FirstAdminDialog,
    LoginDialog,
    needs_login,
)
from .error_catalogue import error_text
from .exchange import menu as exchange
from .i18n import build as build_translations
from .i18n import install_translator
from .jobs import Job, run_job
from .labels import label
from .messages import instance_busy_box, show_error
from .pages import OverviewPage
from .pages.list_page import ListPage
from .pages.nominations import NominationsPage
from .pages.people import PersonsPage
from .pages.records import CampaignsPage, DecisionsPage, ExemplarsPage
from .pages.reports import ReportsPage
from .pages.settings_page import LANGUAGE_NAMES, SettingsPage
from .pages.standings import StandingsPage
from .pages.units import UnitsPage
from .qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QActionGroup,
    QApplication,
    QCloseEvent,
    QDialog,
    QFileDialog,
    QKeySequence,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    Qt,
    translate,
)
from .settings import Settings

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
DB_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Cơ sở dữ liệu Sổ Thi đua (*.sqlite3 *.sqlite *.db);;Mọi tệp (*)")


class MainWindow(QMainWindow):
    _smoke: object = None  # ui.app's timed quit for the start-up smoke test, kept alive with the window

    def __init__(
        self, db: Database | None = None, demo_path: Path | None = None, settings: Settings | None = None
    ) -> None:
        super().__init__()
        self.db: Database | None = None
        self.settings = settings or Settings()
        self._demo_path = demo_path
        self.job: Job | None = None
        self.exchange_dialog: QDialog | None = None
        self.backup_job: Job | None = None
        self.force_box: QMessageBox | None = None  # a restore's "insist?" question (ui.backups)
        self.exchange_actions: dict[str, QAction] = {}
        self.setMinimumSize(900, 560)

        self.overview = OverviewPage()
        self.units = UnitsPage(self.settings)
        self.persons = PersonsPage(self.settings)
        self.campaigns = CampaignsPage(self.settings)
        self.nominations = NominationsPage(self.settings)
        self.decisions = DecisionsPage(self.settings)
        self.exemplars = ExemplarsPage(self.settings)
        self.standings = StandingsPage()
        self.reports = ReportsPage(self.settings)
        self.settings_page = SettingsPage(
            self.settings, self.set_language, self._clear_recent, self.edit_layouts, self.edit_office
        )
        self.page_list = [
            self.overview,
            self.units,
            self.persons,
            self.campaigns,
            self.nominations,
            self.decisions,
            self.exemplars,
            self.standings,
            self.reports,
            self.settings_page,
        ]
        self.nominations.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.overview.open_todo.connect(self.open_todo)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(260)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 5px 8px; }")
        self.pages = QStackedWidget()
        for page in self.page_list:
            self.pages.addWidget(page)
        self.nav.addItems([""] * len(NAV_ENTRIES))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.central = splitter  # centralWidget(), typed as always there
        self.db_label = QLabel()
        self.db_label.setObjectName("database")
        self.statusBar().addPermanentWidget(self.db_label)

        self.retranslate()
        if self.settings.window_geometry is not None:
            self.restoreGeometry(self.settings.window_geometry)
        if self.settings.window_state is not None:
            self.restoreState(self.settings.window_state)
        if db is not None:
            self.set_database(db)

    # -- menus and text ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(translate("MainWindow", "&Tệp"))
        self.open_action = file_menu.addAction(
            translate("MainWindow", "&Mở cơ sở dữ liệu…"), self.choose_database
        )
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.new_action = file_menu.addAction(
            translate("MainWindow", "Tạo cơ sở dữ liệu &mới…"), self.choose_new_database
        )
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Tệp &gần đây"))
        self._fill_recent()
        self.demo_action = file_menu.addAction(translate("MainWindow", "Mở &dữ liệu mẫu"), self.open_demo)
        file_menu.addSeparator()
        self.backup_action = file_menu.addAction(translate("MainWindow", "&Sao lưu"), self.backup_now)
        self.restore_action = file_menu.addAction(
            translate("MainWindow", "&Khôi phục từ bản sao lưu…"), self.restore_from_backup
        )
        file_menu.setToolTipsVisible(True)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(translate("MainWindow", "&Thoát"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        language_menu = bar.addMenu(translate("MainWindow", "&Ngôn ngữ"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():

            def choose(c: str = code) -> None:
                self.set_language(c)

            action = language_menu.addAction(name, choose)
            action.setCheckable(True)
            action.setChecked(code == self.settings.language)
            group.addAction(action)
            self.language_actions[code] = action

        account = bar.addMenu(translate("MainWindow", "Tài &khoản"))
        self.password_action = account.addAction(
            translate("MainWindow", "Đổi &mật khẩu…"), self.change_password
        )
        self.logout_action = account.addAction(translate("MainWindow", "Đăng &xuất"), self.log_out)
        self.failures_action = account.addAction(
            translate("MainWindow", "Đăng nhập &sai gần đây…"), self.show_failed_logins
        )
        self._enable_account_actions()

        tools = bar.addMenu(translate("MainWindow", "&Công cụ"))
        self.verify_action = tools.addAction(
            translate("MainWindow", "&Kiểm tra giấy chứng nhận…"), self.verify_certificate
        )
        self.layouts_action = tools.addAction(
            translate("MainWindow", "&Mẫu giấy chứng nhận…"), self.edit_layouts
        )
        self.audit_action = tools.addAction(
            translate("MainWindow", "Kiểm tra &nhật ký và dữ liệu…"), self.check_audit
        )
        exchange.build_menu(self, self, bar)
        help_menu = bar.addMenu(translate("MainWindow", "Trợ &giúp"))
        self.guide_action = help_menu.addAction(
            translate("MainWindow", "&Hướng dẫn sử dụng"), self.show_guide
        )
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        help_menu.addAction(translate("MainWindow", "&Giới thiệu"), self._about)

    def _enable_account_actions(self) -> None:
        exchange.enable(self)
        logged_in = self.db is not None and not self.db.actor.system and bool(self.db.actor.username)
        self.password_action.setEnabled(logged_in)
        self.logout_action.setEnabled(logged_in)
        self.failures_action.setEnabled(logged_in and self.db is not None and can(self.db.actor, P.ACCOUNTS))
        # never replace a file another window has open (read-only), nor without the right to
        self.restore_action.setEnabled(
            self.db is not None and not self.db.read_only and can(self.db.actor, P.RESTORE)
        )

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:

            def open_recent(p: str = path) -> None:
                self.open_path(Path(p))

            self.recent_menu.addAction(path, open_recent)
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self._fill_recent()

    def retranslate(self) -> None:
        for row, entry in enumerate(NAV_ENTRIES):
            self.nav.item(row).setText(translate("Navigation", entry))
        self._build_menus()
        for page in self.page_list:
            if hasattr(page, "retranslate"):
                page.retranslate()
        self._show_db_label()

    def set_language(self, code: str) -> bool:
        """Switch the interface language now (no restart) and remember it."""
        app = QApplication.instance()
        assert app is not None  # a window runs inside the application
        ok = install_translator(app, code)
        if not ok and code != "vi" and build_translations() == 0:  # a checkout: build the .qm once
            ok = install_translator(app, code)
        if not ok:
            show_error(self, translate("MainWindow", "Không tải được bản dịch «{0}».").format(code))
            return False
        self.settings.language = code
        self.retranslate()
        self.settings_page.show_language(code)
        return True

    # -- databases -----------------------------------------------------------------------------
    def set_database(self, db: Database) -> None:
        if self.db is not None and self.db is not db:
            self.db.dispose()
        self.db = db
        self.overview.show_database(db)
        for page in self.page_list:
            if page is not self.overview and hasattr(page, "set_database"):
                page.set_database(db)
        self._show_db_label()
        self._enable_account_actions()

    def _show_db_label(self) -> None:
        read_only = self.db is not None and self.db.read_only
        self.setWindowTitle(translate("MainWindow", "Sổ Thi đua (chỉ đọc)") if read_only
                            else translate("MainWindow", "Sổ Thi đua"))  # fmt: skip
        if self.db is None:
            self.db_label.setText(translate("MainWindow", "Chưa mở cơ sở dữ liệu"))
            return
        actor = self.db.actor
        who = f"{actor.username} ({label(actor.role)})" if actor.username and not actor.system else str(actor)
        self.db_label.setText(
            translate("MainWindow", "CSDL: {0} — Người dùng: {1}").format(
                self.db.path or self.db.shown_url, who
            )
        )

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Mở cơ sở dữ liệu"), "", translate("MainWindow", DB_FILTER)
        )
        if path:
            self.open_path(Path(path))

    def choose_new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("MainWindow", "Tạo cơ sở dữ liệu mới"),
            "thidua.sqlite3",
            translate("MainWindow", DB_FILTER),
        )
        if not path:
            return
        if Path(path).exists():
            show_error(self, translate("MainWindow", "Tệp {0} đã có; hãy chọn tên khác.").format(path))
            return
        self.open_path(Path(path))

    def open_path(self, path: Path, *, read_only: bool = False) -> Job:
        """Open (creating or upgrading if needed) the database at ``path`` off the GUI thread; a
        file that is not a database, a newer one or a locked one is reported and nothing changes.
        A file open in another window is offered read-only."""
        # On the writer: opening may migrate the file, and must wait for writes still queued.
        self.job = run_job(
            self,
            translate("MainWindow", "Đang mở {0}…").format(path.name),
            lambda _progress, _cancelled: open_for_window(path, read_only=read_only),
            write=True,
        )
        self.job.done.connect(lambda db: self._opened(path, db))
        self.job.error.connect(lambda exc: self._open_failed(path, exc))
        return self.job

    def _opened(self, path: Path, db: Database) -> None:
        if needs_login(db):  # the file has accounts: nobody sees it before logging in
            self.login_dialog = LoginDialog(db, self)
            self.login_dialog.accepted.connect(lambda: self._opened(path, db))
            self.login_dialog.rejected.connect(db.dispose)
            self.login_dialog.open()
            return
        self.set_database(db)
        self.settings.add_recent(str(path))
        self._fill_recent()
        self._offer_catalogue()

    def _open_failed(self, path: Path, exc: object) -> None:
        if isinstance(exc, InstanceBusy):
            box = instance_busy_box(self, error_text(exc))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(
                lambda _result: (
                    box.clickedButton() is box.read_only_button and self.open_path(path, read_only=True)
                )
            )
            box.open()
            self.busy_box = box
            return
        reason = error_text(exc)
        show_error(self, translate("MainWindow", "Không mở được tệp {0}.\n\n{1}").format(path, reason))

    def open_demo(self) -> None:
        """Open the demo database, building it first (off the GUI thread) if it does not exist."""
        if self._demo_path is None:
            return
        path = self._demo_path
        if path.exists():
            self.open_path(path)
            return
        self.job = run_job(
            self,
            translate("MainWindow", "Đang tạo dữ liệu mẫu…"),
            lambda progress, cancelled: build_demo_file(path, progress=progress, cancelled=cancelled),
        )
        self.job.done.connect(lambda _summary: self.open_path(path))
        self.job.error.connect(lambda exc: self._open_failed(path, exc))

    def open_todo(self, item: Todo) -> None:
        """Open the list that shows a to-do item of the start page."""
        if item.status is not None:
            self.nav.setCurrentRow(self.page_list.index(self.nominations))
            self.nominations.show_status(item.status)
        elif item.bloc_code:
            self.nav.setCurrentRow(self.page_list.index(self.standings))
            self.standings.select(item.bloc_code, item.year or 0)

    # -- accounts ------------------------------------------------------------------------------
    def offer_first_admin(self) -> None:
        """A database without accounts: offer to create its administrator (Cancel goes on without)."""
        if self.db is None:
            return
        self.first_admin_dialog = FirstAdminDialog(self.db, self)
        self.first_admin_dialog.accepted.connect(self._logged_in)
        self.first_admin_dialog.open()

    def change_password(self) -> None:
        if self.db is not None:
            self.password_dialog = ChangePasswordDialog(self.db, self)
            self.password_dialog.accepted.connect(
                lambda: self.statusBar().showMessage(translate("MainWindow", "Đã đổi mật khẩu."), 8000)
            )
            self.password_dialog.open()

    def show_failed_logins(self) -> None:
        if self.db is None:
            return
        try:
            dialog = FailedLoginsDialog(self.db, self)
        except DomainError as exc:
            show_error(self, error_text(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def log_out(self) -> None:
        """Forget who was logged in and ask again; closing the login dialog closes the window."""
        if self.db is None:
            return
        self.db.actor = ANONYMOUS
        self.central.hide()  # nobody's data behind the log-in dialog
        self._show_db_label()
        self._enable_account_actions()
        self.login_dialog = LoginDialog(self.db, self)
        self.login_dialog.accepted.connect(self._logged_in)
        self.login_dialog.rejected.connect(self.close)
        self.login_dialog.open()

    def _logged_in(self) -> None:
        self.central.show()
        if self.db is not None:
            self.set_database(self.db)
            self._offer_catalogue()

    def _offer_catalogue(self) -> None:
        """Tell an administrator of catalogue file changes waiting to be applied (a database with
        accounts does not take them from the resources folder on its own), and offer to apply them."""
        from app.services.catalogue import apply_catalogue, pending_catalogue

        from .operations import run_write

        db = self.db
        if db is None or db.read_only or db.actor.system or not can(db.actor, P.CATALOGUE):
            return
        try:
            waiting = pending_catalogue(db)
        except DomainError as exc:
            show_error(self, error_text(exc))
            return
        if not waiting:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("MainWindow", "Danh mục khen thưởng có thay đổi"),
            translate(
                "MainWindow",
                "Tệp danh mục khen thưởng có thay đổi chưa áp dụng vào cơ sở dữ liệu:\n\n{0}\n\n"
                "Áp dụng ngay? Thay đổi được ghi vào nhật ký với tên của bạn.",
            ).format("\n".join(f"• {line}" for line in waiting[:20])),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        yes = box.button(QMessageBox.StandardButton.Yes)

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                run_write(
                    self,
                    translate("MainWindow", "Đang áp dụng danh mục khen thưởng…"),
                    db,
                    lambda: apply_catalogue(db),
                    on_error=lambda exc: show_error(self, getattr(exc, "message", None) or str(exc)),
                )

        box.finished.connect(answered)
        box.open()
        self.catalogue_box = box

    # -- the rest ------------------------------------------------------------------------------
    def list_pages(self) -> list[ListPage]:
        return [p for p in self.page_list if isinstance(p, ListPage)]

    def check_audit(self) -> None:
        from .dialogs.audit_check import AuditCheckDialog

        if self.db is not None:
            self.audit_dialog = AuditCheckDialog(self.db, parent=self)
            self.audit_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.audit_dialog.open()

    def verify_certificate(self) -> None:
        from .certificates.verify_dialog import VerifyDialog  # ReportLab/cryptography: not at start-up

        if self.db is not None:
            dialog = VerifyDialog(self.db, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.verify_dialog = dialog

    def edit_office(self) -> None:
        """The office's details, printed on its paperwork (report forms start with them)."""
        if self.db is not None:
            from .dialogs.office import OfficeDialog

            self.office_dialog = OfficeDialog(self.db, self)
            self.office_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.office_dialog.open()

    def edit_layouts(self) -> None:
        from .certificates.layout_editor import LayoutEditorDialog  # ReportLab: not at start-up

        dialog = LayoutEditorDialog(parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.layout_editor = dialog

    def show_guide(self) -> None:
        from .dialogs.guide import GuideDialog

        self.guide = GuideDialog(self)
        self.guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.guide.show()

    def _about(self) -> None:
        from app import __version__

        QMessageBox.about(
            self,
            translate("MainWindow", "Giới thiệu"),
            translate("MainWindow", "Sổ Thi đua {0}\nSổ sách thi đua, khen thưởng.").format(__version__),
        )

    # -- backups (ui.backups) ------------------------------------------------------------------
    def backup_now(self) -> None:
        backups.backup_now(self)

    def restore_from_backup(self) -> None:
        backups.restore_from_backup(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        if self.db is not None:
            if self.db.path is not None and not self.db.read_only:
                try:
                    backup_if_due(self.db.path)  # at most once a day, thinned 7/4/12
                except (DomainError, OSError) as exc:  # a read-only medium, a full disk: said (#14)
                    show_error(self, error_text(exc))
            self.db.dispose()
        super().closeEvent(event)
