"""Small helpers that make a unit, a person, a decision or an award in one line.

Everything goes through the services, so a helper never stores what the app itself could not.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import inspect, select, text

from app.model import Award, Gender, Nomination, UnitLevel
from app.opening import open_database
from app.services import nominations as N
from app.services.decisions import DecisionInput, create_decision
from app.services.persons import PersonInput, create_person
from app.services.units import UnitInput, create_unit
from app.storage.db import Database

_seq = itertools.count(1)


@pytest.fixture
def db(db_url):  # type: ignore[no-untyped-def]
    """conftest's ``db`` without re-reading the catalogue file: the template copy already holds
    it, and parsing it again costs ~70 ms a test. Use as ``db = factories.db`` in a test module."""
    database = open_database(db_url, sync_catalogue=False)
    yield database
    database.dispose()


ISSUER = "Ủy ban nhân dân tỉnh Tây Ninh"


def unit(db: Database, name: str | None = None, *, code: str | None = None, **kw):  # type: ignore[no-untyped-def]
    n = next(_seq)
    return create_unit(
        db,
        UnitInput(
            code=code or f"DV{n}",
            name=name or f"Sở thử nghiệm {n}",
            level=kw.pop("level", UnitLevel.DEPARTMENT),
            **kw,
        ),
    )


def person(db: Database, unit_id: int, full_name: str = "Nguyễn Văn An", **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("gender", Gender.MALE)
    kw.setdefault("start_date", dt.date(2015, 1, 1))
    return create_person(db, PersonInput(unit_id=unit_id, full_name=full_name, **kw))


def award_id(db: Database, code: str) -> int:
    with db.read() as session:
        found = session.scalar(select(Award.id).where(Award.code == code))
    assert found is not None, f"award {code} not in the catalogue"
    return found


def decision(db: Database, year: int = 2025, *, number: str | None = None, issuer: str = ISSUER):  # type: ignore[no-untyped-def]
    return create_decision(
        db,
        DecisionInput(
            number=number or f"{next(_seq)}/QĐ-UBND",
            signed_on=dt.date(year, 12, 20),
            issuer=issuer,
            signer_name="Nguyễn Văn Bình",
            signer_title="Phó Chủ tịch",
            signer_authority="KT.",
        ),
    )


def vote(year: int = 2025, votes_for: int = 11, council_size: int = 11) -> N.Vote:
    return N.Vote(votes_for, 0, council_size, dt.date(year, 12, 1))


def nomination(db: Database, code: str, year: int = 2025, **kw) -> Nomination:  # type: ignore[no-untyped-def]
    return N.create_nomination(db, N.NominationInput(year=year, award_id=award_id(db, code), **kw))


def voted(db: Database, code: str, year: int = 2025, **kw) -> int:  # type: ignore[no-untyped-def]
    nom = nomination(db, code, year, **kw)
    N.submit(db, [nom.id])
    N.record_vote(db, nom.id, vote(year))
    return nom.id


def approved(db: Database, code: str, year: int = 2025, *, decision_id: int | None = None, **kw) -> int:  # type: ignore[no-untyped-def]
    """A nomination taken all the way to an award in a decision."""
    nom_id = voted(db, code, year, **kw)
    N.approve(db, [nom_id], decision_id or decision(db, year).id)
    return nom_id


def dump(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two dumps are equal when nothing was written."""
    with db.engine.connect() as conn:
        names = sorted(inspect(conn).get_table_names())
        return {
            name: sorted((tuple(row) for row in conn.execute(text(f'SELECT * FROM "{name}"'))), key=repr)
            for name in names
        }
