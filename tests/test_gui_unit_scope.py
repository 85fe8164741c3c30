"""A clerk's pickers start at their own unit and its divisions, and namesakes are told apart: no
person of another unit is offered, and Enter never picks one of several people of the same name."""

from __future__ import annotations

import datetime as dt

import factories as f
from sqlalchemy import select

from app.model import Gender, Person, UnitLevel
from app.services import accounts as A
from app.services.persons import PersonInput, create_person
from app.services.scope import clerk_units
from app.services.units import UnitInput, create_unit
from ui.qt import Qt
from ui.widgets.lookup import LookupEdit
from ui.widgets.lookup_searches import person_search, unit_search


def _two_units_with_namesakes(db):  # type: ignore[no-untyped-def]
    stc = f.unit(db, "Sở Tài chính", code="STC")
    division = create_unit(
        db, UnitInput(code="STC-KH", name="Phòng Kế hoạch", level=UnitLevel.DIVISION, parent_id=stc.id)
    )
    syt = f.unit(db, "Sở Y tế", code="SYT")
    for unit_id, born, cccd in (
        (stc.id, dt.date(1980, 2, 1), "079080001111"),
        (stc.id, dt.date(1991, 5, 6), "079091002222"),
        (division.id, None, None),
        (syt.id, None, None),
    ):
        create_person(
            db,
            PersonInput(
                unit_id=unit_id, gender=Gender.MALE, full_name="Nguyễn Văn Vũ", birth_date=born, cccd=cccd
            ),
        )
    A.create_account(db, A.AccountInput("quantri", A.UserRole.ADMIN), "matkhau-quantri")
    A.login(db, "quantri", "matkhau-quantri")
    A.create_account(db, A.AccountInput("canbo", A.UserRole.CLERK, "Cán bộ STC", stc.id), "matkhau-canbo")
    return stc, division, syt


def test_a_clerk_is_offered_the_people_and_units_of_their_unit_only(db) -> None:
    stc, division, syt = _two_units_with_namesakes(db)
    assert clerk_units(db) is None  # the administrator sees everything
    assert len(person_search(db)("vu")) == 4
    A.login(db, "canbo", "matkhau-canbo")
    assert clerk_units(db) == {stc.id, division.id}

    labels = [label for _id, label, _key in person_search(db)("nguyen van vu")]
    assert sorted(labels) == sorted(
        [
            "Nguyễn Văn Vũ (1980) — Sở Tài chính — CCCD …1111",
            "Nguyễn Văn Vũ (1991) — Sở Tài chính — CCCD …2222",
            "Nguyễn Văn Vũ — Phòng Kế hoạch, Sở Tài chính",
        ]
    )
    assert {name for _id, name in unit_search(db)("so")} == {"Sở Tài chính"}


def test_enter_does_not_pick_one_of_several_namesakes(qtbot, db) -> None:
    _two_units_with_namesakes(db)
    A.login(db, "canbo", "matkhau-canbo")
    edit = LookupEdit(person_search(db))
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClicks(edit, "nguyen van vu")
    assert len(edit.suggestions()) == 3
    qtbot.keyClick(edit.completer_.popup(), Qt.Key.Key_Return)
    assert edit.value is None  # nothing chosen for the clerk
    qtbot.keyClick(edit.completer_.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(edit.completer_.popup(), Qt.Key.Key_Return)
    assert edit.value is not None

    edit.clear_value()
    qtbot.keyClicks(edit, "ke hoach")  # no person: nothing offered
    assert edit.suggestions() == []


def test_a_clerks_overview_counts_what_their_lists_show(qtbot, db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The start page said «Cá nhân: 4» to a clerk whose persons list shows 3: the counts of units,
    persons and nominations are their unit's (and said so); an administrator's are the book's."""
    from ui.main_window import MainWindow

    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    stc, _division, syt = _two_units_with_namesakes(db)
    with db.read() as session:
        other = session.scalar(select(Person.id).where(Person.unit_id == syt.id))
    f.nomination(db, "LDTT", person_id=other)  # another unit's dossier
    A.login(db, "canbo", "matkhau-canbo")
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    overview = window.overview
    overview.show_database(db)

    def shown(label: str) -> str:
        value = overview.findChild(type(overview._location), f"count:{label}")
        assert value is not None, label
        return str(value.text())

    assert shown("Cá nhân (thuộc đơn vị của bạn)") == "3"
    assert shown("Đơn vị (của bạn và trực thuộc)") == "2"
    assert shown("Hồ sơ đề nghị khen thưởng (đơn vị của bạn trình)") == "0"
    window.persons.set_database(db)
    qtbot.waitUntil(lambda: window.persons.model.rowCount() == 3)
    A.login(db, "quantri", "matkhau-quantri")
    overview.show_database(db)
    assert shown("Cá nhân") == "4" and shown("Đơn vị") == "3" and shown("Hồ sơ đề nghị khen thưởng") == "1"
