"""The clerk's to-do list for the start page: what waits on someone, each with the list that shows it.

A clerk counts their own unit's nominations (and its divisions'); the other roles count all.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, func, select

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

    mine = [Nomination.submitting_unit_id.in_(scope)] if scope is not None else []
    unprinted = ~exists().where(CertificatePrint.nomination_id == Nomination.id)
    with db.read() as session:  # one reading: the counts per status, and the approved not printed
        by_status = dict(
            session.execute(
                select(Nomination.status, func.count()).where(*mine).group_by(Nomination.status)
            ).all()
        )
        not_printed = session.scalar(
            select(func.count())
            .select_from(Nomination)
            .where(*mine, Nomination.status == S.APPROVED, unprinted)
        )
    items = [
        Todo("returned", by_status.get(S.RETURNED, 0), S.RETURNED),
        Todo("submitted", by_status.get(S.SUBMITTED, 0), S.SUBMITTED),
        Todo("voted", by_status.get(S.VOTED, 0), S.VOTED),
        Todo("unprinted", not_printed or 0, S.APPROVED, unprinted=True),
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
