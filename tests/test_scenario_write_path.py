"""The write path as each role walks it, on the demo bloc, through the real main window.

A clerk of Sở Tài chính logs in from the window, adds a colleague, enters a nomination for her and
submits it; the approver logs in, records the council's vote. Every save runs on the writer as
the one who asked (the audit log says so), and every list shows the change without a refresh.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.model import NominationStatus
from app.model.audit import AuditEntry
from app.opening import open_database
from app.services.nominations import get_nomination
from app.services.persons import search_persons
from ui.main_window import MainWindow
from ui.qt import QDialogButtonBox, QPushButton, Qt

SAVE = QDialogButtonBox.StandardButton.Save


def _log_in(qtbot, settle, path: Path, username: str, password: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_path=path.parent / "unused.sqlite3")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.open_path(path)
    qtbot.waitUntil(lambda: getattr(window, "login_dialog", None) is not None, timeout=20_000)
    dialog = window.login_dialog
    dialog.field("username").setText(username)
    dialog.field("password").setText(password)
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: window.db is not None and window.db.actor.username == username, timeout=20_000)
    return window


def _actors(path: Path, entity: str, entity_id: int) -> set[str]:
    db = open_database(path, migrate=False, sync_catalogue=False, read_only=True)
    try:
        with db.read() as session:
            return set(
                session.scalars(
                    select(AuditEntry.actor).where(
                        AuditEntry.entity == entity, AuditEntry.entity_id == entity_id
                    )
                )
            )
    finally:
        db.dispose()


def _vote(qtbot, settle, page, *, council: int, agree: int, against: int) -> None:  # type: ignore[no-untyped-def]
    """The council's vote on the selected dossiers, typed into the vote dialog and saved."""
    qtbot.mouseClick(page.findChild(QPushButton, "vote"), Qt.MouseButton.LeftButton)
    vote = page.dialog
    vote.council_size.setText(str(council))
    vote.votes_for.setText(str(agree))
    vote.votes_against.setText(str(against))
    qtbot.mouseClick(vote.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()


def _shown(page, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    column = page.model.column_of(key)
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_a_clerk_adds_a_colleague_nominates_her_and_submits(qtbot, settle, demo_path: Path) -> None:
    window = _log_in(qtbot, settle, demo_path, "canbo.stc", "canbo2025")
    db = window.db
    assert "canbo.stc" in window.db_label.text()

    window.nav.setCurrentRow(2)  # Cá nhân
    qtbot.mouseClick(window.persons.findChild(QPushButton, "newPerson"), Qt.MouseButton.LeftButton)
    form = window.persons.dialog
    form.full_name.setText("Hồ Thị Xuân Quỳnh")
    form.gender.setCurrentIndex(form.gender.findData("female"))  # chosen: no longer «Nam» unnoticed
    form.birth.setText("1990")
    qtbot.keyClicks(form.unit, "so tai chinh")
    qtbot.keyClick(form.unit.completer_.popup(), Qt.Key.Key_Return)
    qtbot.mouseClick(form.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    [person] = search_persons(db, "ho thi xuan quynh")
    assert person.gender.value == "female"
    assert _actors(demo_path, "person", person.id) == {"canbo.stc"}
    window.persons.search.setText("xuan quynh")
    window.persons.apply_search()
    assert _shown(window.persons, "name") == ["Hồ Thị Xuân Quỳnh"]

    window.nav.setCurrentRow(4)  # Đề nghị khen thưởng
    page = window.nominations
    before = page.model.rowCount()
    page.new_nomination()
    nomination_form = page.dialog
    nomination_form.year.setValue(2025)
    qtbot.keyClicks(nomination_form.nominee, "xuan quynh")
    qtbot.keyClick(nomination_form.nominee.completer_.popup(), Qt.Key.Key_Return)
    assert nomination_form.nominee.value == person.id
    nomination_form.award.setCurrentIndex(
        nomination_form.award.findText("Giấy khen", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.mouseClick(nomination_form.buttons.button(SAVE), Qt.MouseButton.LeftButton)  # "Lưu và nhập tiếp"
    settle()
    [nomination_id] = nomination_form.saved_ids
    assert "Hồ Thị Xuân Quỳnh" in nomination_form.last_saved.text()
    nomination_form.reject()
    assert page.model.rowCount() == before + 1  # shown without anyone refreshing the list
    assert _actors(demo_path, "nomination", nomination_id) == {"canbo.stc"}

    page.search.setText("xuan quynh")
    page.apply_search()
    page.view.selectRow(0)
    assert page.selected_ids() == [nomination_id]
    qtbot.mouseClick(page.findChild(QPushButton, "submit"), Qt.MouseButton.LeftButton)
    settle()
    assert get_nomination(db, nomination_id).status is NominationStatus.SUBMITTED
    assert _shown(page, "status") == ["Đã trình"]


def test_the_approver_records_the_council_vote_on_a_submitted_nomination(
    qtbot, settle, demo_path: Path
) -> None:
    db = open_database(demo_path)
    try:
        with db.read() as session:
            from app.model import Nomination

            nomination_id = session.scalar(
                select(Nomination.id)
                .where(Nomination.status == NominationStatus.SUBMITTED)
                .order_by(Nomination.id)
                .limit(1)
            )
    finally:
        db.dispose()
    assert nomination_id is not None
    window = _log_in(qtbot, settle, demo_path, "pheduyet", "pheduyet2025")
    window.nav.setCurrentRow(4)
    page = window.nominations
    page.search.setText(str(get_nomination(window.db, nomination_id).nominee_name))
    page.apply_search()
    row = page.model.ids(list(range(page.model.rowCount()))).index(nomination_id)
    page.view.selectRow(row)
    assert page.selected_ids() == [nomination_id]

    _vote(qtbot, settle, page, council=11, agree=10, against=1)

    n = get_nomination(window.db, nomination_id)
    assert (n.status, n.votes_for, n.council_size) == (NominationStatus.VOTED, 10, 11)
    assert "pheduyet" in _actors(demo_path, "nomination", nomination_id)
    assert _shown(page, "votes")[row].startswith("10")
