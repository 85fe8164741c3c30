"""Exemplary individuals and collectives (gương điển hình tiên tiến)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ..auth import P
from ..auth import require as allowed
from ..model import Campaign, Exemplar, Person, Unit
from ..storage.db import Database
from ..text import clean
from .common import check_year, get, optional_text, require, required_text


@dataclass
class ExemplarInput:
    year: int
    title: str
    person_id: int | None = None
    unit_id: int | None = None
    campaign_id: int | None = None
    story: str = ""
    honoured_at: str = ""
    honoured_on: dt.date | None = None


def create_exemplar(db: Database, data: ExemplarInput) -> Exemplar:
    allowed(db, P.EXEMPLARS)
    check_year(data.year)
    require(
        (data.person_id is None) != (data.unit_id is None), "Chọn một cá nhân hoặc một tập thể điển hình."
    )
    with db.write() as session:
        if data.person_id is not None:
            get(session, Person, data.person_id, "cá nhân")
        else:
            get(session, Unit, data.unit_id, "tập thể")
        if data.campaign_id is not None:
            get(session, Campaign, data.campaign_id, "phong trào")
        exemplar = Exemplar(
            year=data.year,
            title=required_text(data.title, "Tiêu đề gương điển hình", "title", 500),
            person_id=data.person_id,
            unit_id=data.unit_id,
            campaign_id=data.campaign_id,
            story=clean(data.story),
            honoured_at=optional_text(data.honoured_at, "Nơi tuyên dương", "honoured_at", 500),
            honoured_on=data.honoured_on,
        )
        session.add(exemplar)
        session.flush()
        return exemplar


def list_exemplars(db: Database, year: int | None = None) -> list[Exemplar]:
    stmt = select(Exemplar).order_by(Exemplar.year.desc(), Exemplar.id)
    if year is not None:
        stmt = stmt.where(Exemplar.year == year)
    with db.read() as session:
        return list(session.scalars(stmt))
