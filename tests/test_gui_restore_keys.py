"""The GUI side of issue #14 (findings 2, 3, 9): a copy that fails the restore checks is restored
only when the administrator confirms; backup warns about a never-exported signing key; an
administrator is offered the catalogue changes waiting for them."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.model import Award, UserRole
from app.services.accounts import AccountInput, create_account, login
from app.services.units import UnitInput, create_unit
from app.storage import backup
from ui.main_window import MainWindow
from ui.qt import QApplication, QMessageBox


def _box(name: str, window: MainWindow) -> QMessageBox | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible() and w.parent() is window:
            return w
    return None


def test_a_refused_copy_is_restored_only_when_confirmed(
    qtbot, db, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settle
) -> None:  # type: ignore[no-untyped-def]
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    foreign = tmp_path / "la.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE ghi_chu (id INTEGER PRIMARY KEY)")
    monkeypatch.setattr("ui.main_window.QFileDialog.getOpenFileName", lambda *a, **k: (str(foreign), ""))
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)

    window.restore_action.trigger()
    qtbot.waitUntil(lambda: getattr(window, "force_box", None) is not None and window.force_box.isVisible())
    assert "không phải cơ sở dữ liệu Sổ Thi đua" in window.force_box.text()
    window.force_box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: window.db is not None and window.db is not db and not window.db.read_only)
    settle()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT code FROM unit").fetchall() == [("STC",)]  # nothing replaced

    window.force_box = None
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: window.force_box is not None and window.force_box.isVisible())
    window.force_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: len(backup.list_backups(backup.backup_dir(db_path))) == 1, timeout=10000)
    settle()
    [kept] = backup.list_backups(backup.backup_dir(db_path))
    with sqlite3.connect(kept.path) as conn:
        assert conn.execute("SELECT action FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone() == (
            "restore_forced",
        )


def test_backup_warns_while_the_signing_key_was_never_exported(
    qtbot, db, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = tmp_path / "key.pem"
    key.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(key))
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: _box("infoBox", window) is not None, timeout=10000)
    box = _box("infoBox", window)
    assert box is not None and "chưa từng được xuất" in box.text()


def test_an_administrator_is_offered_the_waiting_catalogue_changes(
    qtbot, db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settle
) -> None:  # type: ignore[no-untyped-def]
    create_account(db, AccountInput("quantri", UserRole.ADMIN), "matkhau-quantri")
    login(db, "quantri", "matkhau-quantri")
    source = Path(__file__).resolve().parent.parent / "resources"
    copy = tmp_path / "resources"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("fonts", "guide"))
    awards = copy / "catalogue" / "awards.toml"
    awards.write_text(
        awards.read_text(encoding="utf-8").replace(
            'code = "BK_TINH_CN"\nname = "', 'code = "BK_TINH_CN"\nname = "Mới: '
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("THIDUA_RESOURCES", str(copy))
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)

    window._offer_catalogue()
    assert window.catalogue_box.isVisible() and "BK_TINH_CN" in window.catalogue_box.text()
    window.catalogue_box.button(QMessageBox.StandardButton.Yes).click()
    settle()
    with db.read() as session:
        assert session.scalar(select(Award.name).where(Award.code == "BK_TINH_CN")).startswith("Mới: ")
