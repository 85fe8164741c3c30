"""The schema's own guards, tried straight on the database (no service in the way).

Each refusal is checked by the name of the constraint that fired, so a test cannot pass because
some other constraint happened to refuse the row.
"""

from __future__ import annotations

import datetime as dt

import factories as f
import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import DataError, IntegrityError

from app.errors import DomainError
from app.model import (
    Bloc,
    BlocMembership,
    Campaign,
    Nomination,
    Person,
    Posting,
    RegisterBook,
    RegisterEntry,
    Unit,
)

db = f.db  # the template copy already holds the catalogue: do not re-read it per test


def _insert(db, table, **values) -> int:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        return conn.execute(insert(table).values(**values)).inserted_primary_key[0]


def _refused(db, table, **values) -> str:  # type: ignore[no-untyped-def]
    """Insert ``values`` into ``table`` expecting a refusal; the driver's message."""
    with pytest.raises(IntegrityError) as caught:
        _insert(db, table, **values)
    return str(caught.value.orig)


def _unique(db, sqlite_columns: str, pg_name: str) -> str:  # type: ignore[no-untyped-def]
    """How the driver names the unique constraint that fired: SQLite by its columns, PostgreSQL by name."""
    return sqlite_columns if db.is_sqlite else f'"{pg_name}"'


def _count(db, table) -> int:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(table))


@pytest.fixture
def world(db):
    unit = f.unit(db, "Sở Tài chính")
    person = f.person(db, unit.id, "Trần Thị Mai")
    return db, unit, person, f.award_id(db, "LDTT"), f.award_id(db, "TTLDTT")


def _nomination(unit_id: int, award_id: int, *, person_id=None, nominee_unit_id=None, **kw) -> dict:  # type: ignore[no-untyped-def]
    return dict(
        year=2025,
        award_id=award_id,
        person_id=person_id,
        unit_id=nominee_unit_id,
        submitting_unit_id=unit_id,
        nominee_name="Trần Thị Mai",
        nominee_fold="tran thi mai",
        nominee_sort="k",
        **kw,
    )


@pytest.mark.sqlite_only  # PostgreSQL has no per-connection switch for foreign keys
def test_orphan_insert_fails_on_every_pooled_connection(db) -> None:
    # given several connections checked out of the pool at the same time
    conns = [db.engine.connect() for _ in range(4)]
    try:
        raw_ids = {id(c.connection.dbapi_connection) for c in conns}
        assert len(raw_ids) == 4
        for conn in conns:
            # then foreign keys are on for each, and an orphan row is refused on each
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"):
                conn.execute(
                    insert(Unit).values(
                        code="MO-COI",
                        name="Đơn vị mồ côi",
                        level="department",
                        name_fold="x",
                        sort_key="x",
                        parent_id=987654,
                    )
                )
            conn.rollback()
    finally:
        for conn in conns:
            conn.close()
    assert _count(db, Unit) == 0


def test_orphan_nomination_is_refused_even_through_a_fresh_engine(db) -> None:
    unit = f.unit(db)
    db.engine.dispose()  # every connection from here on is a new one
    msg = _refused(db, Nomination, **_nomination(unit.id, f.award_id(db, "LDTT"), person_id=424242))
    assert "FOREIGN KEY" in msg.upper()


@pytest.mark.parametrize("both", [True, False], ids=["both", "neither"])
def test_nomination_needs_exactly_one_nominee(world, both: bool) -> None:
    db, unit, person, ldtt, _ = world
    values = _nomination(
        unit.id, ldtt, person_id=person.id if both else None, nominee_unit_id=unit.id if both else None
    )
    assert "ck_nomination_one_nominee" in _refused(db, Nomination, **values)
    assert _count(db, Nomination) == 0


def test_votes_for_above_council_size_is_refused(world) -> None:
    db, unit, person, ldtt, _ = world
    values = _nomination(unit.id, ldtt, person_id=person.id, votes_for=12, votes_against=0, council_size=11)
    assert "ck_nomination_votes_within_council" in _refused(db, Nomination, **values)
    ok = _nomination(unit.id, ldtt, person_id=person.id, votes_for=11, votes_against=0, council_size=11)
    assert _insert(db, Nomination, **ok) > 0


def test_agree_plus_against_above_council_size_is_refused(world) -> None:
    db, unit, person, ldtt, _ = world
    values = _nomination(unit.id, ldtt, person_id=person.id, votes_for=6, votes_against=6, council_size=11)
    assert "ck_nomination_votes_within_council" in _refused(db, Nomination, **values)


def test_approved_without_decision_is_refused(world) -> None:
    db, unit, person, ldtt, _ = world
    values = _nomination(
        unit.id, ldtt, person_id=person.id, status="approved", votes_for=9, votes_against=0, council_size=11
    )
    assert "ck_nomination_approved_has_decision" in _refused(db, Nomination, **values)


def test_voted_without_council_size_is_refused(world) -> None:
    db, unit, person, ldtt, _ = world
    values = _nomination(unit.id, ldtt, person_id=person.id, status="voted")
    assert "ck_nomination_voted_has_votes" in _refused(db, Nomination, **values)


@pytest.mark.parametrize("status", ["returned", "rejected", "revoked"])
def test_backward_or_final_status_without_reason_is_refused(world, status: str) -> None:
    db, unit, person, ldtt, _ = world
    values = _nomination(unit.id, ldtt, person_id=person.id, status=status, status_reason="")
    assert "ck_nomination_reason_given" in _refused(db, Nomination, **values)


def test_unknown_status_is_refused(world) -> None:
    db, unit, person, ldtt, _ = world
    nomination_id = _insert(db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id))
    with pytest.raises(IntegrityError, match="nomination_status"), db.engine.begin() as conn:
        # raw SQL: the ORM's own enum check would refuse the value before the database sees it
        conn.execute(text("UPDATE nomination SET status = 'archived' WHERE id = :id"), {"id": nomination_id})
    with db.engine.connect() as conn:
        assert conn.scalar(select(Nomination.status).where(Nomination.id == nomination_id)) == "draft"


def test_two_live_nominations_for_same_person_award_year_are_refused(world) -> None:
    db, unit, person, ldtt, _ = world
    _insert(db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id))
    msg = _refused(db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id, status="submitted"))
    assert "uq_nomination_live_person" in msg
    assert _count(db, Nomination) == 1


def test_a_rejected_nomination_does_not_block_a_new_live_one(world) -> None:
    db, unit, person, ldtt, _ = world
    _insert(
        db,
        Nomination,
        **_nomination(
            unit.id, ldtt, person_id=person.id, status="rejected", status_reason="Không đủ tiêu chuẩn"
        ),
    )
    _insert(db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id))
    assert _count(db, Nomination) == 2
    # ...but only one live one
    assert "uq_nomination_live_person" in _refused(
        db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id)
    )


def test_other_year_or_award_is_a_different_live_nomination(world) -> None:
    db, unit, person, ldtt, _ = world
    _insert(db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id))
    _insert(db, Nomination, **{**_nomination(unit.id, ldtt, person_id=person.id), "year": 2024})
    _insert(db, Nomination, **_nomination(unit.id, f.award_id(db, "CSTDCS"), person_id=person.id))
    assert _count(db, Nomination) == 3


def test_null_campaign_counts_as_one_campaign_for_the_live_rule(world) -> None:
    db, unit, person, ldtt, _ = world
    campaign_id = _insert(
        db,
        Campaign,
        name="Thi đua chuyển đổi số",
        name_fold="thi dua chuyen doi so",
        kind="regular",
        year=2025,
        start_date=dt.date(2025, 1, 1),
    )
    _insert(db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id))
    # NULL = NULL would be "distinct" in a plain unique index; coalesce(campaign_id, 0) is not
    assert "uq_nomination_live_person" in _refused(
        db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id)
    )
    _insert(db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id, campaign_id=campaign_id))
    msg = _refused(db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id, campaign_id=campaign_id))
    assert "uq_nomination_live_person" in msg
    assert _count(db, Nomination) == 2


def test_two_live_nominations_for_same_unit_award_year_are_refused(world) -> None:
    db, unit, _person, _ldtt, ttldtt = world
    _insert(db, Nomination, **_nomination(unit.id, ttldtt, nominee_unit_id=unit.id))
    msg = _refused(db, Nomination, **_nomination(unit.id, ttldtt, nominee_unit_id=unit.id))
    assert "uq_nomination_live_unit" in msg
    _insert(
        db,
        Nomination,
        **_nomination(unit.id, ttldtt, nominee_unit_id=unit.id, status="rejected", status_reason="Chưa đạt"),
    )
    assert _count(db, Nomination) == 2


def test_register_number_is_unique_in_its_book(world) -> None:
    db, unit, person, ldtt, _ = world
    book = _insert(db, RegisterBook, code="SV-2025", name="Sổ vàng 2025")
    other_book = _insert(db, RegisterBook, code="SV-2026", name="Sổ vàng 2026")
    first = _insert(db, Nomination, **_nomination(unit.id, ldtt, person_id=person.id))
    second = _insert(db, Nomination, **{**_nomination(unit.id, ldtt, person_id=person.id), "year": 2024})
    _insert(db, RegisterEntry, book_id=book, number=1, nomination_id=first)
    msg = _refused(db, RegisterEntry, book_id=book, number=1, nomination_id=second)
    assert (
        _unique(db, "register_entry.book_id, register_entry.number", "uq_register_entry_book_number") in msg
    )
    # the same number in another book is fine; one nomination cannot take two numbers
    assert _unique(db, "register_entry.nomination_id", "uq_register_entry_nomination_id") in _refused(
        db, RegisterEntry, book_id=other_book, number=1, nomination_id=first
    )
    _insert(db, RegisterEntry, book_id=other_book, number=1, nomination_id=second)
    assert "ck_register_entry_number_positive" in _refused(
        db, RegisterEntry, book_id=book, number=0, nomination_id=second
    )


@pytest.mark.parametrize("cccd", ["12345678901", "1234567890123", ""])
def test_cccd_must_be_twelve_characters(world, cccd: str) -> None:
    db, unit, _person, _ldtt, _ = world
    values = dict(
        given_name="Lan",
        full_name="Lê Thị Lan",
        name_fold="le thi lan",
        given_fold="lan",
        sort_key="k",
        gender="female",
        unit_id=unit.id,
    )
    if len(cccd) > 12 and not db.is_sqlite:  # PostgreSQL enforces VARCHAR(12) before the check
        with pytest.raises(DataError, match="too long"):
            _insert(db, Person, cccd=cccd, **values)
    else:
        assert "ck_person_cccd_length" in _refused(db, Person, cccd=cccd, **values)
    assert _insert(db, Person, cccd="001234567890", **values) > 0


def test_one_head_per_bloc_and_year(world) -> None:
    db, unit, *_ = world
    bloc = _insert(db, Bloc, code="KTKT", name="Khối Kinh tế - Kỹ thuật", kind="bloc")
    second, third = f.unit(db).id, f.unit(db).id
    _insert(db, BlocMembership, bloc_id=bloc, unit_id=unit.id, year=2025, role="head")
    msg = _refused(db, BlocMembership, bloc_id=bloc, unit_id=second, year=2025, role="head")
    assert (
        _unique(
            db,
            "bloc_membership.bloc_id, bloc_membership.year, bloc_membership.role",
            "uq_bloc_membership_leader",
        )
        in msg
    )
    # a deputy, plain members and next year's head are all allowed
    _insert(db, BlocMembership, bloc_id=bloc, unit_id=second, year=2025, role="deputy")
    _insert(db, BlocMembership, bloc_id=bloc, unit_id=third, year=2025, role="member")
    _insert(db, BlocMembership, bloc_id=bloc, unit_id=second, year=2026, role="head")
    assert _count(db, BlocMembership) == 4


def test_a_unit_is_in_one_bloc_per_year(world) -> None:
    db, unit, *_ = world
    a = _insert(db, Bloc, code="KTKT", name="Khối Kinh tế - Kỹ thuật", kind="bloc")
    b = _insert(db, Bloc, code="VHXH", name="Khối Văn hóa - Xã hội", kind="bloc")
    _insert(db, BlocMembership, bloc_id=a, unit_id=unit.id, year=2025)
    assert _unique(
        db, "bloc_membership.unit_id, bloc_membership.year", "uq_bloc_membership_unit_year"
    ) in _refused(db, BlocMembership, bloc_id=b, unit_id=unit.id, year=2025)


def test_one_open_posting_per_person(world) -> None:
    db, unit, person, *_ = world  # the service already opened one posting
    other = f.unit(db)
    msg = _refused(db, Posting, person_id=person.id, unit_id=other.id, start_date=dt.date(2024, 1, 1))
    assert _unique(db, "posting.person_id", "uq_posting_open") in msg
    # closed postings may be many
    _insert(
        db,
        Posting,
        person_id=person.id,
        unit_id=other.id,
        start_date=dt.date(2010, 1, 1),
        end_date=dt.date(2012, 12, 31),
    )
    _insert(
        db,
        Posting,
        person_id=person.id,
        unit_id=other.id,
        start_date=dt.date(2013, 1, 1),
        end_date=dt.date(2014, 12, 31),
    )
    with db.engine.connect() as conn:
        open_count = conn.scalar(
            select(func.count())
            .select_from(Posting)
            .where(Posting.person_id == person.id, Posting.end_date.is_(None))
        )
    assert open_count == 1


def test_posting_ending_before_it_starts_is_refused(world) -> None:
    db, unit, person, *_ = world
    msg = _refused(
        db,
        Posting,
        person_id=person.id,
        unit_id=unit.id,
        start_date=dt.date(2020, 1, 1),
        end_date=dt.date(2019, 1, 1),
    )
    assert "ck_posting_period_order" in msg


def test_a_constraint_hit_through_a_session_becomes_a_vietnamese_domain_error(world) -> None:
    db, unit, person, ldtt, _ = world
    with pytest.raises(DomainError) as caught, db.write() as session:
        session.add(Nomination(**_nomination(unit.id, ldtt, person_id=person.id, nominee_unit_id=unit.id)))
    assert "vi phạm ràng buộc" in caught.value.message
    assert _count(db, Nomination) == 0


def test_deleting_a_referenced_unit_through_a_session_is_refused(world) -> None:
    db, unit, *_ = world
    with pytest.raises(DomainError, match="đang được tham chiếu"), db.write() as session:
        session.execute(text("DELETE FROM unit WHERE id = :id"), {"id": unit.id})
    assert _count(db, Unit) == 1
