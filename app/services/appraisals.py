"""Yearly appraisals (đánh giá, xếp loại mức độ hoàn thành nhiệm vụ) of persons and collectives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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
        seen: set[tuple[int | None, int | None, int]] = set()
        for item, rating in zip(items, ratings, strict=True):
            key = (item.person_id, item.unit_id, item.year)
            if key in seen:
                session.flush()  # the lookup below then finds the batch's own row, as one by one
            seen.add(key)
            if item.person_id is not None:
                scope = get(session, Person, item.person_id, "cá nhân").unit_id
                existing = _RATING_OF_PERSON
            else:
                scope = get(session, Unit, item.unit_id, "tập thể").id
                existing = _RATING_OF_UNIT
            allowed(db, P.APPRAISALS, unit_id=scope, session=session)
            who = item.person_id if item.person_id is not None else item.unit_id
            row = session.scalar(existing, {"who": who, "year": item.year})
            if row is None:
                row = Appraisal(year=item.year, person_id=item.person_id, unit_id=item.unit_id)
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
