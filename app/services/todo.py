"""The clerk's to-do list for the start page: what waits on someone, each with the list that shows it.

A clerk counts their own unit's nominations (and its divisions'); the other roles count all.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, func, select

from ..model import Bloc, CertificatePrint, Criterion, Nomination, NominationStatus
from ..storage.db import Database
from .scope import clerk_units
from .standings import compute

S = NominationStatus


@dataclass(frozen=True)
class Todo:
    key: str  # "returned", "submitted", "voted", "unprinted", "scores"
    count: int
    status: NominationStatus | None = None  # the nominations list's filter that shows them
    unprinted: bool = False  # approved awards with no certificate printed yet
    bloc_code: str = ""  # "scores": the bloc whose sheets are incomplete
    year: int | None = None


def todo(db: Database) -> list[Todo]:
    """What waits, in the order of the year's work; items with nothing waiting are left out."""
    scope = clerk_units(db)

    def counted(*where: ColumnElement[bool]) -> int:
        stmt = select(func.count()).select_from(Nomination).where(*where)
        if scope is not None:
            stmt = stmt.where(Nomination.submitting_unit_id.in_(scope))
        with db.read() as session:
            return session.scalar(stmt) or 0

    items = [
        Todo("returned", counted(Nomination.status == S.RETURNED), S.RETURNED),
        Todo("submitted", counted(Nomination.status == S.SUBMITTED), S.SUBMITTED),
        Todo("voted", counted(Nomination.status == S.VOTED), S.VOTED),
        Todo(
            "unprinted",
            counted(
                Nomination.status == S.APPROVED,
                ~exists().where(CertificatePrint.nomination_id == Nomination.id),
            ),
            S.APPROVED,
            unprinted=True,
        ),  # fmt: skip
    ]
    if scope is None:  # scoring is the bloc secretariat's
        items += _incomplete_sheets(db)
    return [t for t in items if t.count]


def _incomplete_sheets(db: Database) -> list[Todo]:
    with db.read() as session:
        latest = session.execute(
            select(Bloc.id, Bloc.code, func.max(Criterion.year)).join(Criterion, Criterion.bloc_id == Bloc.id)
            .group_by(Bloc.id, Bloc.code).order_by(Bloc.code)
        ).all()  # fmt: skip
    return [Todo("scores", len(compute(db, bloc_id, year).incomplete), bloc_code=code, year=year)
            for bloc_id, code, year in latest]  # fmt: skip
