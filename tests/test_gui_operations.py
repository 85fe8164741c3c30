"""One path for every write: a save runs on the writer thread as who asked for it, the window
stays live while it waits for the lock, and every list showing what changed refreshes itself."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.changes import Changes, collecting
from app.model import Gender
from app.model.audit import AuditEntry
from app.services import accounts as A
from app.services.persons import PersonInput, create_person, search_persons
from app.services.units import UnitInput, create_unit
from ui.dialogs.person import PersonDialog
from ui.main_window import MainWindow
from ui.operations import hub
from ui.qt import QDialogButtonBox, Qt, QTimer

SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture(autouse=True)
def _own_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))


def _window(qtbot, db, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    return window


def _person_dialog(qtbot, db, unit_id: int, name: str) -> PersonDialog:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(db, unit_id=unit_id)
    qtbot.addWidget(dialog)
    dialog.full_name.setText(name)
    dialog.gender.setCurrentIndex(dialog.gender.findData("male"))
    return dialog


def _shown(page, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    column = page.model.column_of(key)
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_changes_name_each_kind_and_id_a_write_touched(db) -> None:
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    with collecting() as seen:
        person = create_person(db, PersonInput(unit_id=unit.id, gender=Gender.MALE, full_name="Lê Văn Tám"))
    changes = seen.freeze()
    assert person.id in changes.ids["person"]
    assert changes.touches({"person"}) and not changes.touches({"nomination"})
    assert not Changes()


def test_a_save_waiting_for_the_lock_leaves_the_window_live_then_lands(
    qtbot, settle, db, db_path, tmp_path
) -> None:
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    window = _window(qtbot, db, tmp_path)
    window.nav.setCurrentRow(2)
    dialog = _person_dialog(qtbot, db, unit.id, "Trần Thị Hoa")

    other = sqlite3.connect(db_path, isolation_level=None)  # another program holds the write lock
    other.execute("BEGIN IMMEDIATE")
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    clicked = time.monotonic()
    qtbot.wait(800)  # the save waits on the lock: the GUI thread goes on
    assert len([t for t in ticks if t > clicked]) >= 10
    assert not dialog.buttons.isEnabled()  # no second save while the first waits
    assert search_persons(db, "hoa") == []
    other.execute("COMMIT")
    other.close()
    settle()
    timer.stop()

    assert [p.full_name for p in search_persons(db, "hoa")] == ["Trần Thị Hoa"]
    assert _shown(window.persons, "name") == ["Trần Thị Hoa"]  # the list refreshed itself


def test_the_actor_is_who_asked_not_who_is_logged_in_when_it_runs(qtbot, settle, db, db_path) -> None:
    from app.auth import ANONYMOUS

    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    A.create_account(db, A.AccountInput("quantri", A.UserRole.ADMIN), "matkhau-quantri")
    A.login(db, "quantri", "matkhau-quantri")
    dialog = _person_dialog(qtbot, db, unit.id, "Phạm Văn Cường")

    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    db.actor = ANONYMOUS  # logged out while the save waits: it was asked by quantri
    other.execute("COMMIT")
    other.close()
    settle()

    [person] = search_persons(db, "cuong")
    with db.read() as session:
        actors = set(
            session.scalars(
                select(AuditEntry.actor).where(
                    AuditEntry.entity == "person", AuditEntry.entity_id == person.id
                )
            )
        )
    assert actors == {"quantri"}
    assert db.actor == ANONYMOUS  # the operation's actor never leaked into the window's


def test_a_refused_save_shows_at_the_field_and_announces_nothing(qtbot, settle, db) -> None:
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    announced: list[Changes] = []
    hub().data_changed.connect(announced.append)
    dialog = _person_dialog(qtbot, db, unit.id, "Đỗ Thị Lan")
    dialog.cccd.setText("12345")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    assert dialog.error_text("cccd") == "Số CCCD phải gồm đúng 12 chữ số."
    assert dialog.buttons.isEnabled()
    assert announced == []
    dialog.cccd.setText("")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    assert len(announced) == 1 and announced[0].touches({"person"})
    hub().data_changed.disconnect(announced.append)


def test_a_save_from_anywhere_refreshes_every_page_that_shows_it(qtbot, settle, db, tmp_path) -> None:
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    create_person(db, PersonInput(unit_id=unit.id, gender=Gender.FEMALE, full_name="Ngô Thị Mai"))
    window = _window(qtbot, db, tmp_path)
    overview_before = window.overview.findChild(type(window.db_label), "count:Cá nhân").text()
    assert _shown(window.persons, "name") == ["Ngô Thị Mai"]

    dialog = _person_dialog(qtbot, db, unit.id, "Bùi Văn Nam")  # not opened by the page
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()

    assert sorted(_shown(window.persons, "name")) == ["Bùi Văn Nam", "Ngô Thị Mai"]
    assert (overview_before, window.overview.findChild(type(window.db_label), "count:Cá nhân").text()) == (
        "1",
        "2",
    )


def test_a_hidden_costly_page_refreshes_when_shown_not_on_every_save(qtbot, settle, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    window = _window(qtbot, db, tmp_path)
    window.nav.setCurrentRow(2)  # the overview and the standings are hidden
    calls: list[str] = []
    window.standings.refresh_now = lambda: calls.append("standings")  # type: ignore[method-assign]
    window.overview.refresh_now = lambda: calls.append("overview")  # type: ignore[method-assign]
    for name in ("Vũ Thị Một", "Vũ Thị Hai"):
        dialog = _person_dialog(qtbot, db, unit.id, name)
        qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
        settle()
    assert calls == []  # two saves, nothing recomputed behind the clerk's back
    window.nav.setCurrentRow(0)
    assert calls == ["overview"]  # once, when it is looked at
