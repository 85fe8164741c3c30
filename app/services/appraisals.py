"""Yearly appraisals (đánh giá, xếp loại mức độ hoàn thành nhiệm vụ) of persons and collectives."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, bindparam, select

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Appraisal, AppraisalRating, Person, Unit
from ..storage.db import Database
from ..text import clean
from .common import check_year, get, require


def _rating_of(who: Any) -> Select[Appraisal]:
    return select(Appraisal).where(who == bindparam("who"), Appraisal.year == bindparam("year"))


# Built once (the demo rates ~750 times): building a statement costs more than SQLite running it.
_RATING_OF_PERSON, _RATING_OF_UNIT = _rating_of(Appraisal.person_id), _rating_of(Appraisal.unit_id)


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
    check_year(year)
    require((person_id is None) != (unit_id is None), "Chọn một cá nhân hoặc một tập thể được đánh giá.")
    try:
        rating = AppraisalRating(rating)
    except ValueError:
        raise DomainError("Mức xếp loại không hợp lệ.", field="rating") from None
    allowed(db, P.APPRAISALS)
    with db.write() as session:
        if person_id is not None:
            scope = get(session, Person, person_id, "cá nhân").unit_id
            existing = _RATING_OF_PERSON
        else:
            scope = get(session, Unit, unit_id, "tập thể").id
            existing = _RATING_OF_UNIT
        allowed(db, P.APPRAISALS, unit_id=scope, session=session)
        row = session.scalar(existing, {"who": person_id if person_id is not None else unit_id, "year": year})
        if row is None:
            row = Appraisal(year=year, person_id=person_id, unit_id=unit_id)
            session.add(row)
        row.rating, row.note = rating, clean(note)
        session.flush()
        return row


def appraisals_of(
    db: Database, *, person_id: int | None = None, unit_id: int | None = None
) -> dict[int, AppraisalRating]:
    """year → rating of a person or a collective."""
    where = Appraisal.person_id == person_id if person_id is not None else Appraisal.unit_id == unit_id
    with db.read() as session:
        return dict(session.execute(select(Appraisal.year, Appraisal.rating).where(where)).all())
