"""Logging in through the GUI: the login dialog before the main window, the first administrator,
who is logged in in the status bar, logging out, and a refused service shown as a message."""

from __future__ import annotations

import datetime
from pathlib import Path

import factories as f
import pytest

from app.auth import SYSTEM
from app.model import UserRole
from app.opening import open_database
from app.services import accounts as A
from ui.dialogs.login import FailedLoginsDialog, FirstAdminDialog, LoginDialog
from ui.dialogs.unit import UnitDialog
from ui.jobs import busy
from ui.main_window import MainWindow
from ui.qt import QApplication, QDialogButtonBox, QPushButton, Qt, QTimer

SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture(autouse=True)
def _own_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("THIDUA_DB", raising=False)


@pytest.fixture
def with_accounts(db_path: Path) -> Path:
    """A database with an administrator and a clerk of Sở Tài chính."""
    db = open_database(db_path, sync_catalogue=False)
    stc = f.unit(db, "Sở Tài chính", code="STC")
    A.create_account(db, A.AccountInput("quantri", UserRole.ADMIN), "matkhau-quantri")
    A.create_account(db, A.AccountInput("canbo", UserRole.CLERK, "Cán bộ STC", stc.id), "matkhau-canbo")
    db.dispose()
    return db_path


def _fill(qtbot, dialog, **values: str) -> None:  # type: ignore[no-untyped-def]
    for name, text in values.items():
        widget = dialog.field(name)
        widget.clear()
        qtbot.keyClicks(widget, text)
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not busy(), timeout=20_000)  # the save runs on the writer thread


def test_a_wrong_password_is_refused_at_the_field_then_the_right_one_logs_in(
    qtbot, with_accounts: Path
) -> None:
    db = open_database(with_accounts, sync_catalogue=False)
    try:
        dialog = LoginDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        _fill(qtbot, dialog, username="canbo", password="matkhau-sai")
        assert dialog.isVisible()
        assert "không đúng" in dialog.error_text("password") and dialog.password.text() == ""
        assert not db.actor.username
        _fill(qtbot, dialog, username="canbo", password="matkhau-canbo")
        assert dialog.result() == LoginDialog.DialogCode.Accepted
        assert (db.actor.username, db.actor.role) == ("canbo", UserRole.CLERK)
    finally:
        db.dispose()


def test_run_asks_for_the_login_before_the_main_window_and_shows_who_is_logged_in(
    qtbot, with_accounts: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui import app as gui

    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # run() has not reached the login yet (it paints the splash first)
            return
        timer.stop()
        seen["main_window_before_login"] = [w for w in QApplication.topLevelWidgets()
                                            if isinstance(w, MainWindow) and w.isVisible()]  # fmt: skip
        assert isinstance(dialog, LoginDialog)
        _fill(qtbot, dialog, username="quantri", password="matkhau-quantri")

    def fake_exec() -> int:
        seen["windows"] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        for w in seen["windows"]:  # type: ignore[union-attr]
            qtbot.addWidget(w)
        return 0

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    monkeypatch.setattr(QApplication.instance(), "exec", fake_exec)
    assert gui.run(str(with_accounts)) == 0
    assert seen["main_window_before_login"] == []
    [window] = seen["windows"]  # type: ignore[misc]
    assert window.db.actor.username == "quantri"
    assert "quantri (Quản trị)" in window.db_label.text()
    assert window.logout_action.isEnabled()


def test_a_refused_service_shows_its_message_in_the_form_not_a_traceback(qtbot, with_accounts: Path) -> None:
    db = open_database(with_accounts, sync_catalogue=False)
    try:
        A.login(db, "canbo", "matkhau-canbo")
        dialog = UnitDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        _fill(qtbot, dialog, code="SYT", name="So Y te")
        assert dialog.isVisible()
        assert dialog.banner.isVisible() and "không được phép thay đổi đơn vị" in dialog.banner.text()
    finally:
        db.dispose()


def test_logging_out_asks_again_and_nobody_may_write_meanwhile(
    qtbot, with_accounts: Path, tmp_path: Path
) -> None:
    db = open_database(with_accounts, sync_catalogue=False)
    A.login(db, "quantri", "matkhau-quantri")
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    window.log_out()
    assert not db.actor.username and not window.logout_action.isEnabled()
    dialog = window.login_dialog
    assert dialog.isVisible()
    _fill(qtbot, dialog, username="canbo", password="matkhau-canbo")
    assert db.actor.username == "canbo" and "canbo (Cán bộ nhập liệu)" in window.db_label.text()
    assert not window.restore_action.isEnabled()  # restoring is the administrator's
    # buttons the role may not use are disabled (the services would refuse them anyway)
    assert not window.units.findChild(QPushButton, "newUnit").isEnabled()
    assert window.persons.findChild(QPushButton, "newPerson").isEnabled()
    assert not window.nominations.findChild(QPushButton, "vote").isEnabled()


def test_first_run_on_a_database_without_accounts_creates_the_admin(qtbot, db, tmp_path: Path) -> None:
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    assert db.actor is SYSTEM
    window.offer_first_admin()
    dialog = window.first_admin_dialog
    assert isinstance(dialog, FirstAdminDialog) and dialog.isVisible()
    _fill(qtbot, dialog, username="quantri", full_name="Quan tri", password="matkhau-1", again="matkhau-2")
    assert "không khớp" in dialog.error_text("again")
    _fill(qtbot, dialog, username="quantri", full_name="Quan tri", password="matkhau-1", again="matkhau-1")
    assert not dialog.isVisible()
    assert (db.actor.username, db.actor.role) == ("quantri", UserRole.ADMIN)
    assert [a.username for a in A.list_accounts(db)] == ["quantri"]
    assert "quantri" in window.db_label.text()


def test_a_scripted_start_logs_in_from_the_environment_and_a_wrong_pair_does_not(
    with_accounts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.app import _login_from_environment

    db = open_database(with_accounts, sync_catalogue=False)
    try:
        monkeypatch.setenv("THIDUA_USER", "canbo")
        monkeypatch.setenv("THIDUA_PASSWORD", "matkhau-sai")
        assert not _login_from_environment(db) and not db.actor.username
        monkeypatch.delenv("THIDUA_PASSWORD")
        assert not _login_from_environment(db)
        monkeypatch.setenv("THIDUA_PASSWORD", "matkhau-canbo")
        assert _login_from_environment(db)
        assert (db.actor.username, db.actor.role) == ("canbo", UserRole.CLERK)
    finally:
        db.dispose()


def test_the_login_dialog_never_shows_a_server_password(qtbot) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    from app.auth import ANONYMOUS
    from app.storage.db import Database

    url = "postgresql+psycopg://thuky:matkhau-may-chu@10.0.0.5/thidua"
    db = Database(url=url, engine=create_engine(url))  # never connected
    db.actor = ANONYMOUS
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    assert "10.0.0.5/thidua" in dialog.where.text() and "matkhau-may-chu" not in dialog.where.text()


def test_an_admin_sees_failed_logins_and_a_throttled_one_is_shown_at_the_field(
    qtbot, with_accounts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(with_accounts, sync_catalogue=False)
    try:
        dialog = LoginDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        for _ in range(A.THROTTLE_AFTER):
            _fill(qtbot, dialog, username="canbo", password="matkhau-sai")
        _fill(qtbot, dialog, username="canbo", password="matkhau-canbo")
        assert dialog.isVisible() and "thử lại sau" in dialog.error_text("password")
        A.login(db, "quantri", "matkhau-quantri")
        window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
        qtbot.addWidget(window)
        assert window.failures_action.isEnabled()
        window.show_failed_logins()
        shown = window.findChild(FailedLoginsDialog)
        assert shown is not None and shown.table.rowCount() == A.THROTTLE_AFTER + 1
        assert shown.table.item(0, 2).text() == "canbo"
        later = A._now() + datetime.timedelta(minutes=10)  # the wait is over
        monkeypatch.setattr(A, "_now", lambda: later)
        A.login(db, "canbo", "matkhau-canbo")  # a clerk is not offered the list
        window.set_database(db)
        assert not window.failures_action.isEnabled()
    finally:
        db.dispose()
