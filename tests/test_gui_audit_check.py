"""The administrator checks the book from the window (Công cụ → Kiểm tra nhật ký và dữ liệu):
a row changed behind the app's back is named, and a code printed on a document is recognised or
refused."""

from __future__ import annotations

from pathlib import Path

import factories
from sqlalchemy import text
from test_audit_replay import _book

from app.audit.code import head_code
from ui.main_window import MainWindow

db = factories.db


def test_the_window_names_a_changed_row_and_checks_a_printed_code(
    qtbot, db, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    ids = _book(db)
    printed = head_code(db)  # as in the footer of a decision printed now
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    assert window.audit_action.text() == "Kiểm tra &nhật ký và dữ liệu…"
    window.audit_action.trigger()
    dialog = window.audit_dialog
    dialog.printed.setText(printed)
    with qtbot.waitSignal(dialog.check().done, timeout=30_000):
        pass
    assert "nguyên vẹn" in dialog.verdict.text() and "có trong nhật ký của sổ này" in dialog.verdict.text()
    assert printed in dialog.code.text() and dialog.findings.toPlainText() == ""

    with db.engine.begin() as conn:  # behind the app's back: no audit entry
        conn.execute(
            text("UPDATE nomination SET achievement = 'sửa lén' WHERE id = :i"), {"i": ids["nomination"]}
        )
    dialog.printed.setText("1-AAAAAAAAAA")
    with qtbot.waitSignal(dialog.check().done, timeout=30_000):
        pass
    assert "Dữ liệu khác với nhật ký: 1 chênh lệch" in dialog.verdict.text()
    assert "giấy tờ không lập từ sổ này" in dialog.verdict.text()
    assert f"bảng nomination, dòng {ids['nomination']}, cột achievement" in dialog.findings.toPlainText()
