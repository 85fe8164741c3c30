"""nomination_select: the joins a query's columns need, and only those."""

from __future__ import annotations

import factories as f
import pytest
from sqlalchemy import func

from app.model import Award, Campaign, Decision, Nomination, Person, RegisterBook, RegisterEntry, Unit
from app.model.nomination_joins import (
    NomineeParent,
    PersonParent,
    PersonUnit,
    Submitting,
    nomination_select,
)
from app.services.registers import assign_numbers, create_book

db = f.db  # the template copy already holds the catalogue: do not re-read it per test


def _joined(stmt) -> list[str]:  # type: ignore[no-untyped-def]
    """The tables after FROM nomination, in order."""
    sql = " ".join(str(stmt.compile()).split()).split(" FROM ", 1)[1].split(" WHERE ")[0]
    return [part.split(" ON ")[0].split(" AS ")[-1] for part in sql.split(" JOIN ")[1:]]


def test_a_list_of_award_columns_pays_for_the_award_join_alone() -> None:
    assert _joined(nomination_select(Nomination.id, Award.name, func.count())) == ["award"]
    assert _joined(nomination_select(Nomination.id)) == []


def test_a_column_of_a_joined_row_brings_the_rows_it_is_reached_through() -> None:
    assert _joined(nomination_select(PersonParent.name)) == ["person", "person_unit", "person_parent"]
    assert _joined(nomination_select(NomineeParent.name, RegisterBook.code)) == [
        "nominee_unit",
        "nominee_parent",
        "register_entry",
        "register_book",
    ]


def test_the_unit_table_itself_is_refused_for_it_has_five_roles() -> None:
    with pytest.raises(ValueError, match="alias"):
        nomination_select(Nomination.id, Unit.name)


def test_every_join_finds_the_rows_of_a_person_and_of_a_collective(db) -> None:  # type: ignore[no-untyped-def]
    # Given a person in a division of a department, and the department nominated as a collective
    dept = f.unit(db, "Sở Tài chính")
    division = f.unit(db, "Phòng Ngân sách", parent_id=dept.id)
    lan = f.person(db, division.id, "Lê Thị Lan")
    person_award = f.approved(db, "LDTT", person_id=lan.id)
    collective = f.nomination(db, "TTLDTT", unit_id=division.id).id
    book = create_book(db, "SV1", "Sổ vàng")
    assign_numbers(db, book.id, [person_award])
    # When both are read with every joined column
    stmt = nomination_select(
        Nomination.id, Award.code, Submitting.name, Person.full_name, PersonUnit.name, PersonParent.name,
        NomineeParent.name, Campaign.name, Decision.number_text, RegisterBook.code, RegisterEntry.number,
    ).where(Nomination.id.in_([person_award, collective]))  # fmt: skip
    with db.read() as session:
        rows = {r[0]: tuple(r[1:]) for r in session.execute(stmt)}
    # Then each finds its own rows, and the rows a nomination lacks are empty, not missing
    number_text = rows[person_award][7]
    assert number_text
    assert rows[person_award] == (
        "LDTT", "Phòng Ngân sách", "Lê Thị Lan", "Phòng Ngân sách", "Sở Tài chính", None, None, number_text, "SV1", 1,
    )  # fmt: skip
    assert rows[collective] == (
        "TTLDTT", "Sở Tài chính", None, None, None, "Sở Tài chính", None, None, None, None,
    )  # fmt: skip
