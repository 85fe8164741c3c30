"""Yearly appraisals (đánh giá, xếp loại mức độ hoàn thành nhiệm vụ) of persons and collectives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Appraisal, AppraisalRating, Person, Unit
from ..storage.db import Database, chunks
from ..text import clean
from .common import check_year, get, require


def _ratings_of(who: Any) -> Select[Appraisal]:
    return select(Appraisal).where(
        who.in_(bindparam("who", expanding=True)), Appraisal.year.in_(bindparam("years", expanding=True))
    )


# Built once: building a statement costs more than SQLite running it.
_RATINGS_OF_PERSON, _RATINGS_OF_UNIT = _ratings_of(Appraisal.person_id), _ratings_of(Appraisal.unit_id)


def _rated(
    session: Session, items: Sequence[AppraisalInput]
) -> dict[tuple[int | None, int | None, int], Appraisal]:
    """The ratings the batch's persons and collectives already have in its years, by (person id,
    unit id, year): one query for the batch (the demo's 750 ratings), not one a rating."""
    years = list({i.year for i in items})
    found: dict[tuple[int | None, int | None, int], Appraisal] = {}
    for is_person, statement in ((True, _RATINGS_OF_PERSON), (False, _RATINGS_OF_UNIT)):
        ids = list({i.person_id if is_person else i.unit_id for i in items} - {None})
        for chunk in chunks(ids, 400):
            for row in session.scalars(statement, {"who": chunk, "years": years}):
                found[(row.person_id, row.unit_id, row.year)] = row
    return found


@dataclass(frozen=True)
class AppraisalInput:
    year: int
    rating: AppraisalRating
    person_id: int | None = None
    unit_id: int | None = None
    note: str = ""


def set_appraisal(
    db: Database,
    year: int,
    rating: AppraisalRating,
    *,
    person_id: int | None = None,
    unit_id: int | None = None,
    note: str = "",
) -> Appraisal:
    """Record (or correct) the rating of a person or a collective for a year."""
    return set_appraisals(db, [AppraisalInput(year, rating, person_id, unit_id, note)])[0]


def set_appraisals(db: Database, items: Sequence[AppraisalInput]) -> list[Appraisal]:
    """Record (or correct) many ratings in one transaction and one flush, all or none; each as a
    single one is (:func:`set_appraisal` is a batch of one): a rating given twice is corrected."""
    ratings = []
    for item in items:
        check_year(item.year)
        require(
            (item.person_id is None) != (item.unit_id is None),
            "Chọn một cá nhân hoặc một tập thể được đánh giá.",
        )
        try:
            ratings.append(AppraisalRating(item.rating))
        except ValueError:
            raise DomainError("Mức xếp loại không hợp lệ.", field="rating") from None
    allowed(db, P.APPRAISALS)
    done: list[Appraisal] = []
    with db.write() as session, session.no_autoflush:  # the checks read other tables, or flush first
        rated = _rated(session, items)  # and the batch's own rows, as they are made
        for item, rating in zip(items, ratings, strict=True):
            if item.person_id is not None:
                scope = get(session, Person, item.person_id, "cá nhân").unit_id
            else:
                scope = get(session, Unit, item.unit_id, "tập thể").id
            allowed(db, P.APPRAISALS, unit_id=scope, session=session)
            key = (item.person_id, item.unit_id, item.year)
            row = rated.get(key)
            if row is None:
                row = rated[key] = Appraisal(year=item.year, person_id=item.person_id, unit_id=item.unit_id)
                session.add(row)
            row.rating, row.note = rating, clean(item.note)
            done.append(row)
        session.flush()
        return done


def appraisals_of(
    db: Database, *, person_id: int | None = None, unit_id: int | None = None
) -> dict[int, AppraisalRating]:
    """year → rating of a person or a collective."""
    where = Appraisal.person_id == person_id if person_id is not None else Appraisal.unit_id == unit_id
    with db.read() as session:
        return dict(session.execute(select(Appraisal.year, Appraisal.rating).where(where)).all())
