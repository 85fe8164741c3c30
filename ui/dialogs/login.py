"""Logging in, creating the first administrator, changing one's password.

The services decide (app.services.accounts); these forms only collect the text. A wrong login
shows the service's one message whatever was wrong.
"""

from __future__ import annotations

from app.errors import DomainError
from app.model import UserRole
from app.services.accounts import (
    AccountInput,
    create_account,
    failed_logins,
    has_accounts,
    login,
    set_password,
)
from app.storage.db import Database

from ..operations import Pending
from ..qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets.fields import FormDialog


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginDialog(FormDialog):
    """User name and password; on success ``db.actor`` is the account (the service sets it)."""

    context = "LoginDialog"
    title = QT_TRANSLATE_NOOP("LoginDialog", "Đăng nhập")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.db = db
        super().__init__(parent)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            translate("LoginDialog", "Đăng &nhập")
        )

    def _build(self) -> None:
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.form.addRow(self.where)
        self.username = self.add_field(
            "username", QT_TRANSLATE_NOOP("LoginDialog", "Tên đăng nhập"), QLineEdit()
        )
        self.password = self.add_field(
            "password", QT_TRANSLATE_NOOP("LoginDialog", "Mật khẩu"), _password_edit()
        )
        self.where.setText(str(self.db.path or self.db.shown_url))  # never a server password
        self.setMinimumWidth(380)

    def save(self) -> object:
        username, password = self.username.text(), self.password.text()
        return Pending(lambda: login(self.db, username, password))

    def show_error(self, exc: DomainError) -> None:
        self.password.clear()  # a refused password is typed again, never left to retry
        super().show_error(exc)


class FirstAdminDialog(FormDialog):
    """The first run on a database without accounts: create its administrator, then log in."""

    context = "FirstAdminDialog"
    title = QT_TRANSLATE_NOOP("FirstAdminDialog", "Tạo tài khoản quản trị")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.db = db
        super().__init__(parent)

    def _build(self) -> None:
        intro = QLabel(translate(
            "FirstAdminDialog",
            "Cơ sở dữ liệu chưa có tài khoản nào. Hãy tạo tài khoản quản trị: từ đó mọi người phải đăng nhập, "
            "và mỗi thay đổi ghi rõ ai đã làm. Bấm Hủy để tiếp tục dùng không cần đăng nhập.",
        ))  # fmt: skip
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.username = self.add_field(
            "username", QT_TRANSLATE_NOOP("FirstAdminDialog", "Tên đăng nhập"), QLineEdit()
        )
        self.full_name = self.add_field(
            "full_name", QT_TRANSLATE_NOOP("FirstAdminDialog", "Họ và tên"), QLineEdit()
        )
        self.password = self.add_field(
            "password", QT_TRANSLATE_NOOP("FirstAdminDialog", "Mật khẩu"), _password_edit()
        )
        self.again = self.add_field(
            "again", QT_TRANSLATE_NOOP("FirstAdminDialog", "Nhập lại mật khẩu"), _password_edit()
        )
        self.setMinimumWidth(460)

    def save(self) -> object:
        if self.password.text() != self.again.text():
            raise DomainError(
                translate("FirstAdminDialog", "Hai lần nhập mật khẩu không khớp."), field="again"
            )
        data = AccountInput(self.username.text(), UserRole.ADMIN, self.full_name.text())
        username, password = self.username.text(), self.password.text()

        def create_and_log_in() -> object:
            create_account(self.db, data, password)
            return login(self.db, username, password)

        return Pending(create_and_log_in)


class ChangePasswordDialog(FormDialog):
    """The logged-in user changes their own password (the old one is asked again)."""

    context = "ChangePasswordDialog"
    title = QT_TRANSLATE_NOOP("ChangePasswordDialog", "Đổi mật khẩu")
    aliases = {"password": "new_password"}

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.db = db
        super().__init__(parent)

    def _build(self) -> None:
        self.old_password = self.add_field(
            "old_password", QT_TRANSLATE_NOOP("ChangePasswordDialog", "Mật khẩu hiện tại"), _password_edit()
        )
        self.new_password = self.add_field(
            "new_password", QT_TRANSLATE_NOOP("ChangePasswordDialog", "Mật khẩu mới"), _password_edit()
        )
        self.again = self.add_field(
            "again", QT_TRANSLATE_NOOP("ChangePasswordDialog", "Nhập lại mật khẩu mới"), _password_edit()
        )

    def save(self) -> object:
        if self.new_password.text() != self.again.text():
            raise DomainError(
                translate("ChangePasswordDialog", "Hai lần nhập mật khẩu không khớp."), field="again"
            )
        username, new, old = self.db.actor.username, self.new_password.text(), self.old_password.text()

        def change() -> bool:
            set_password(self.db, username, new, old_password=old)
            return True

        return Pending(change)


class FailedLoginsDialog(QDialog):
    """For an administrator: the latest refused log-ins (from the audit log), newest first. The
    service refuses anyone else (a DomainError the caller shows)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = failed_logins(db, 200)
        self.setWindowTitle(translate("FailedLoginsDialog", "Đăng nhập sai gần đây"))
        headers = [
            translate("FailedLoginsDialog", "Thời điểm (UTC)"),
            translate("FailedLoginsDialog", "Tên đã nhập"),
            translate("FailedLoginsDialog", "Tài khoản"),
            translate("FailedLoginsDialog", "Lý do"),
            translate("FailedLoginsDialog", "Lần sai liên tiếp"),
        ]
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, r in enumerate(rows):
            cells = (f"{r.at:%d/%m/%Y %H:%M:%S}", r.username, r.account, r.reason, str(r.failures))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        empty = QLabel(translate("FailedLoginsDialog", "Chưa có lần đăng nhập sai nào."))
        empty.setVisible(not rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(empty)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 420)


def needs_login(db: Database) -> bool:
    """Whether ``db`` has accounts and nobody is logged in (an actor already set skips the login)."""
    return not db.actor.system and not db.actor.username


def offers_first_admin(db: Database) -> bool:
    return db.actor.system and not db.read_only and not has_accounts(db)
