"""A second instance on the same SQLite file: a clear message or a safe read-only open, never
corruption. The holder is a real second process; the lock must die with it (SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.model import Unit
from app.opening import open_database, open_for_window
from app.storage.db import ReadOnlyError
from app.storage.instance import InstanceBusy, InstanceLock, holder_of, lock_path

ROOT = Path(__file__).resolve().parent.parent
HOLDER = textwrap.dedent(
    """
    import sys, time
    from app.opening import open_for_window
    db = open_for_window(sys.argv[1])
    print("ready", flush=True)
    time.sleep(120)
    """
)


@pytest.fixture
def holder(db_path: Path, tmp_path: Path):
    """Another process that has ``db_path`` open as a GUI would (lock held)."""
    script = tmp_path / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(script), str(db_path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    yield child
    if child.poll() is None:
        child.kill()
    child.wait(10)


def test_second_window_is_told_who_holds_the_database(holder: subprocess.Popen, db_path: Path) -> None:
    with pytest.raises(InstanceBusy) as caught:
        open_for_window(db_path)
    assert caught.value.holder.pid == holder.pid
    assert f"tiến trình {holder.pid}" in caught.value.message
    assert "đang được mở trong một cửa sổ Sổ Thi đua khác" in caught.value.message
    assert holder_of(db_path) == caught.value.holder


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_lock_is_free_after_the_holder_is_killed(holder: subprocess.Popen, db_path: Path) -> None:
    assert holder_of(db_path) is not None
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    assert lock_path(db_path).exists()  # the stale file is left, but nobody holds it
    assert holder_of(db_path) is None
    db = open_for_window(db_path)
    try:
        assert holder_of(db_path).pid == os.getpid()  # now ours
        with db.read() as s:
            assert s.scalar(text("PRAGMA integrity_check")) == "ok"
    finally:
        db.dispose()


def test_read_only_open_refuses_every_write(holder: subprocess.Popen, db_path: Path) -> None:
    db = open_for_window(db_path, read_only=True)
    try:
        assert db.read_only
        with db.read() as s:
            assert s.scalar(select(Unit.id).limit(1)) is None
        with pytest.raises(ReadOnlyError, match="chỉ đọc"), db.write() as s:
            s.add(Unit(code="X", name="X"))
        # Even a session that bypasses write(): SQLite itself refuses (mode=ro, query_only).
        with (
            pytest.raises(Exception, match="readonly|read-only|query_only|chỉ cho phép đọc"),
            db.engine.begin() as conn,
        ):
            conn.exec_driver_sql("CREATE TABLE intruder (x)")
    finally:
        db.dispose()


def test_read_only_open_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite3"
    with pytest.raises(Exception, match="Không mở được"):
        open_database(missing, read_only=True)
    assert not missing.exists()


def test_same_process_reopening_its_own_file_shares_the_lock(db_path: Path) -> None:
    first = open_for_window(db_path)
    second = open_for_window(db_path)
    first.dispose()
    # Still held for the second window: another process would be refused.
    probe = subprocess.run(
        [sys.executable, "-c", "import sys; from app.storage.instance import holder_of; from pathlib import Path; "
         "print(holder_of(Path(sys.argv[1])) is not None)", str(db_path)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True,
    )  # fmt: skip
    assert probe.stdout.strip() == "True"
    second.dispose()
    assert InstanceLock._held == {}


def test_gui_start_offers_read_only_and_titles_the_window(
    qtbot, holder: subprocess.Popen, db_path: Path
) -> None:
    from ui.app import open_for_start
    from ui.main_window import MainWindow
    from ui.qt import QApplication, QMessageBox, QTimer

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "instanceBusyBox"
        seen.append(box.text())
        box.read_only_button.click()

    QTimer.singleShot(0, answer)
    db = open_for_start(db_path)
    assert db is not None and db.read_only
    assert seen and f"tiến trình {holder.pid}" in seen[0]
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Sổ Thi đua (chỉ đọc)"
    assert not window.restore_action.isEnabled()
    window.db.dispose()


def test_gui_start_declined_opens_nothing(qtbot, holder: subprocess.Popen, db_path: Path) -> None:
    from ui.app import open_for_start
    from ui.qt import QApplication, QTimer

    def decline() -> None:
        box = QApplication.activeModalWidget()
        box.findChild(type(box.read_only_button), "dontOpen").click()

    QTimer.singleShot(0, decline)
    assert open_for_start(db_path) is None


def test_window_opening_a_busy_file_offers_read_only(
    qtbot, holder: subprocess.Popen, db_path: Path, tmp_path: Path
) -> None:
    from ui.main_window import MainWindow
    from ui.settings import Settings

    window = MainWindow(settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    job = window.open_path(db_path)
    qtbot.waitUntil(lambda: getattr(window, "busy_box", None) is not None, timeout=10_000)
    assert f"tiến trình {holder.pid}" in window.busy_box.text()
    window.busy_box.read_only_button.click()
    qtbot.waitUntil(lambda: window.db is not None and window.db.read_only, timeout=10_000)
    assert window.windowTitle() == "Sổ Thi đua (chỉ đọc)"
    assert job is not None
    window.db.dispose()


WRITER = textwrap.dedent(
    """
    import sys
    from sqlalchemy import insert
    from app.opening import open_database
    from app.model import Unit

    db = open_database(sys.argv[1], sync_catalogue=False)
    tag = sys.argv[2]
    for batch in range(int(sys.argv[3])):
        rows = [dict(code=f"{tag}-{batch}-{i}", name=f"Đơn vị {tag} {batch} {i}", level="department",
                     name_fold=f"don vi {tag}", sort_key=f"{tag}{batch:04}{i:03}")
                for i in range(50)]
        with db.write() as s:
            s.execute(insert(Unit), rows)
        print(batch, flush=True)
    """
)


def test_two_processes_writing_batches_at_once_keep_the_file_whole(db_path: Path, tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    batches = 40
    writers = {
        tag: subprocess.Popen([sys.executable, str(script), str(db_path), tag, str(batches)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for tag in ("A", "B")
    }  # fmt: skip
    results = {tag: p.communicate(timeout=180) for tag, p in writers.items()}
    for tag, (out, err) in results.items():
        assert writers[tag].returncode == 0, err
        assert [int(x) for x in out.split()] == list(range(batches))
    db = open_database(db_path, sync_catalogue=False)
    try:
        with db.read() as s:
            assert s.scalar(text("PRAGMA integrity_check")) == "ok"
            codes = set(s.scalars(select(Unit.code)))
    finally:
        db.dispose()
    expected = {f"{tag}-{b}-{i}" for tag in "AB" for b in range(batches) for i in range(50)}
    assert expected <= codes


def test_restore_is_refused_while_another_window_has_the_file(
    holder: subprocess.Popen, db_path: Path
) -> None:
    from app.storage.backup import make_backup, restore

    copy = make_backup(db_path)
    before = db_path.read_bytes()
    with pytest.raises(InstanceBusy) as caught:
        restore(copy, db_path)
    assert str(holder.pid) in caught.value.message
    assert db_path.read_bytes() == before  # nothing replaced under the other window


def test_a_read_only_window_can_log_in_to_a_database_with_accounts(db_path: Path) -> None:
    from app.model import UserRole
    from app.services import accounts as A

    db = open_database(db_path, sync_catalogue=False)
    A.create_account(db, A.AccountInput("quantri", UserRole.ADMIN), "matkhau-quantri")
    db.dispose()
    reader = open_database(db_path, read_only=True)
    try:
        assert not reader.actor.username
        actor = A.login(reader, "quantri", "matkhau-quantri")  # no last-login write on a read-only file
        assert reader.actor == actor and actor.role is UserRole.ADMIN
    finally:
        reader.dispose()
