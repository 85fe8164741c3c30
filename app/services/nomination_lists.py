"""Plain lists of nominations: a page at a time by id (keyset paging), newest first, and counts, by
year, status, unit, award, campaign or a part of the name (measured by benchmarks/bench_db.py; the
window's list, sorted by name, is :class:`app.services.browse.NominationRows`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from ..model import Award, Nomination, NominationStatus
from ..model.nomination_joins import Submitting, nomination_select
from ..storage.db import Database
from ..text import fold


@dataclass(frozen=True)
class NominationFilter:
    year: int | None = None
    status: NominationStatus | None = None
    submitting_unit_id: int | None = None
    award_id: int | None = None
    campaign_id: int | None = None
    query: str = ""  # part of the nominee's name, tones ignored


@dataclass(frozen=True)
class NominationRow:
    id: int
    year: int
    nominee_name: str
    award_name: str
    unit_name: str
    status: NominationStatus


def _filtered(f: NominationFilter) -> Select[Any]:
    stmt = select(Nomination.id)
    if f.year is not None:
        stmt = stmt.where(Nomination.year == f.year)
    if f.status is not None:
        stmt = stmt.where(Nomination.status == NominationStatus(f.status))
    if f.submitting_unit_id is not None:
        stmt = stmt.where(Nomination.submitting_unit_id == f.submitting_unit_id)
    if f.award_id is not None:
        stmt = stmt.where(Nomination.award_id == f.award_id)
    if f.campaign_id is not None:
        stmt = stmt.where(Nomination.campaign_id == f.campaign_id)
    if f.query:
        stmt = stmt.where(Nomination.nominee_fold.contains(fold(f.query), autoescape=True))
    return stmt


def list_nominations(
    db: Database, f: NominationFilter = NominationFilter(), *, after_id: int | None = None, limit: int = 100
) -> list[NominationRow]:
    """One page of nominations, newest first, continuing after ``after_id`` (keyset paging)."""
    ids = _filtered(f).order_by(Nomination.id.desc()).limit(limit)
    if after_id is not None:
        ids = ids.where(Nomination.id < after_id)
    with db.read() as session:
        id_list = list(session.scalars(ids))
        if not id_list:
            return []
        rows = session.execute(
            nomination_select(
                Nomination.id,
                Nomination.year,
                Nomination.nominee_name,
                Award.name,
                Submitting.name,
                Nomination.status,
            )
            .where(Nomination.id.in_(id_list))
            .order_by(Nomination.id.desc())
        ).all()
    return [NominationRow(*r) for r in rows]


def count_nominations(db: Database, f: NominationFilter = NominationFilter()) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(_filtered(f).subquery())) or 0
