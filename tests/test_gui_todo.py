"""The start page is the clerk's to-do list: what waits, counted in their own unit, each item
opening the list that shows it."""

from __future__ import annotations

from pathlib import Path

import factories as f

from app.model import NominationStatus
from app.services import accounts as A
from app.services import nominations as N
from app.services.todo import todo
from ui.main_window import MainWindow
from ui.qt import QPushButton, Qt


def _book(db):  # type: ignore[no-untyped-def]
    stc, syt = f.unit(db, "Sở Tài chính", code="STC"), f.unit(db, "Sở Y tế", code="SYT")
    mine = [
        f.nomination(db, "CSTDCS", person_id=f.person(db, stc.id, n).id)
        for n in ("Lâm Văn Một", "Lâm Văn Hai")
    ]
    other = f.nomination(db, "CSTDCS", person_id=f.person(db, syt.id, "Lâm Văn Ba").id)
    N.submit(db, [n.id for n in mine] + [other.id])
    N.return_for_revision(db, [mine[0].id, other.id], "Thiếu minh chứng.")
    f.approved(db, "LDTT", person_id=f.person(db, stc.id, "Lâm Thị Bốn").id)
    return stc


def test_the_counts_are_of_the_clerks_own_unit(db) -> None:
    stc = _book(db)
    assert {t.key: t.count for t in todo(db)} == {"returned": 2, "submitted": 1, "unprinted": 1}
    A.create_account(db, A.AccountInput("quantri", A.UserRole.ADMIN), "matkhau-quantri")
    A.login(db, "quantri", "matkhau-quantri")
    A.create_account(db, A.AccountInput("canbo", A.UserRole.CLERK, "", stc.id), "matkhau-canbo")
    A.login(db, "canbo", "matkhau-canbo")
    assert {t.key: t.count for t in todo(db)} == {"returned": 1, "submitted": 1, "unprinted": 1}


def test_an_item_opens_the_list_that_shows_it(qtbot, settle, db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    _book(db)
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    texts = [b.text() for b in window.overview.todo_buttons]
    assert texts[0] == "2 hồ sơ bị trả lại, cần bổ sung"
    qtbot.mouseClick(window.overview.findChild(QPushButton, "todo:returned"), Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.nominations
    page = window.nominations
    column = page.model.column_of("status")
    shown = {page.model.index(r, column).data() for r in range(page.model.rowCount())}
    assert page.model.rowCount() == 2 and shown == {"Trả lại để bổ sung"}
    assert page.status_filter.currentData() == NominationStatus.RETURNED.value
