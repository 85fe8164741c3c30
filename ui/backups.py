"""Sao lưu and Khôi phục from the window's File menu: a backup off the GUI thread, and a restore that
swaps the file on the writer while the window shows nothing of it; a copy that fails the checks
(app.storage.backup) is restored only when the administrator knowingly insists (recorded)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.storage.backup import CopyRefused, backup_dir, make_backup, restore
from app.storage.instance import InstanceLock

from .error_catalogue import error_text
from .jobs import run_job
from .messages import show_error, show_info
from .qt import QFileDialog, QMessageBox, Qt, translate

if TYPE_CHECKING:
    from .main_window import MainWindow


def backup_now(window: MainWindow) -> None:
    if window.db is None or window.db.path is None:
        show_info(window, translate("MainWindow", "Chỉ sao lưu được cơ sở dữ liệu dạng tệp SQLite."))
        return
    path = window.db.path
    window.backup_job = run_job(
        window, translate("MainWindow", "Đang sao lưu…"), lambda _p, _c: make_backup(path)
    )
    window.backup_job.done.connect(lambda made: _backed_up(window, made))
    window.backup_job.error.connect(lambda exc: show_error(window, error_text(exc)))


def _backed_up(window: MainWindow, made: object) -> None:
    from app.certificates.keyfile import backup_warning

    window.statusBar().showMessage(translate("MainWindow", "Đã sao lưu vào {0}").format(made), 10000)
    warning = backup_warning()  # the signing key is not in the backup: never exported yet
    if warning:
        show_info(window, translate("MainWindow", "Đã sao lưu vào {0}.\n\n{1}").format(made, warning))


def restore_from_backup(window: MainWindow) -> None:
    if window.db is None or window.db.path is None:
        return
    path = window.db.path
    name, _ = QFileDialog.getOpenFileName(
        window, translate("MainWindow", "Chọn bản sao lưu"), str(backup_dir(path)), "SQLite (*.sqlite3)"
    )
    if not name:
        return
    actor = window.db.actor
    hold = InstanceLock.acquire(path)  # ours already: kept while the database is closed for the swap
    window.db.dispose()
    window.central.setEnabled(False)  # nothing read from the file while it is swapped

    def finish() -> None:
        hold.release()
        window.central.setEnabled(True)
        window.open_path(path)

    def restored(kept: object) -> None:
        finish()
        show_info(
            window,
            translate("MainWindow", "Đã khôi phục. Bản bị thay thế được giữ tại {0}").format(kept or ""),
        )

    def failed(exc: object) -> None:
        if isinstance(exc, CopyRefused):
            _confirm_forced_restore(window, exc, lambda: run(force=True), finish)
            return
        finish()
        show_error(window, error_text(exc))

    def run(force: bool = False) -> None:
        # On the writer, after any write still queued; the file is swapped off the GUI thread.
        window.job = run_job(
            window,
            translate("MainWindow", "Đang khôi phục…"),
            lambda _p, _c: restore(Path(name), path, actor=actor, force=force),
            write=True,
        )
        window.job.done.connect(restored)
        window.job.error.connect(failed)

    run()


def _confirm_forced_restore(window: MainWindow, refused: CopyRefused, force: Callable[[], None],
                            cancel: Callable[[], None]) -> None:  # fmt: skip
    """A copy that failed the checks: the administrator may still restore it, knowingly (the
    restore is recorded in the audit log with the checks that failed)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("MainWindow", "Bản sao lưu không qua kiểm tra"),
        translate(
            "MainWindow", "{0}\n\nVẫn khôi phục từ bản này? Việc buộc khôi phục được ghi vào nhật ký."
        ).format(error_text(refused)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        window,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    yes = box.button(QMessageBox.StandardButton.Yes)
    box.finished.connect(lambda _result: force() if box.clickedButton() is yes else cancel())
    box.open()
    window.force_box = box
