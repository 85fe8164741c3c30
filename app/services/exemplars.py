"""Exemplary individuals and collectives (gương điển hình tiên tiến): each with its story, campaign
and period, and the places where its model was replicated (nhân rộng). Writing needs
:data:`P.EXEMPLARS`; reads return :class:`ReplicationRecord` values for the replications."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..model import Campaign, Exemplar, ExemplarReplication, Person, Unit
from ..storage.db import Database
from ..text import clean
from .common import check_period, check_year, get, optional_text, require, required_text


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
    period_from: dt.date | None = None  # the period the achievement covers; none: the year
    period_to: dt.date | None = None


def _apply(session: Session, exemplar: Exemplar, data: ExemplarInput) -> None:
    check_year(data.year)
    require(
        (data.person_id is None) != (data.unit_id is None), "Chọn một cá nhân hoặc một tập thể điển hình."
    )
    check_period(data.period_from, data.period_to, "period_to")
    if data.person_id is not None:
        get(session, Person, data.person_id, "cá nhân")
    else:
        get(session, Unit, data.unit_id, "tập thể")
    if data.campaign_id is not None:
        get(session, Campaign, data.campaign_id, "phong trào")
    exemplar.year = data.year
    exemplar.title = required_text(data.title, "Tiêu đề gương điển hình", "title", 500)
    exemplar.person_id = data.person_id
    exemplar.unit_id = data.unit_id
    exemplar.campaign_id = data.campaign_id
    exemplar.story = clean(data.story)
    exemplar.honoured_at = optional_text(data.honoured_at, "Nơi tuyên dương", "honoured_at", 500)
    exemplar.honoured_on = data.honoured_on
    exemplar.period_from = data.period_from
    exemplar.period_to = data.period_to


def create_exemplar(db: Database, data: ExemplarInput) -> Exemplar:
    allowed(db, P.EXEMPLARS)
    with db.write() as session:
        exemplar = Exemplar()
        _apply(session, exemplar, data)
        session.add(exemplar)
        session.flush()
        return exemplar


def update_exemplar(db: Database, exemplar_id: int, data: ExemplarInput) -> Exemplar:
    allowed(db, P.EXEMPLARS)
    with db.write() as session:
        exemplar = get(session, Exemplar, exemplar_id, "gương điển hình")
        _apply(session, exemplar, data)
        session.flush()
        return exemplar


@dataclass(frozen=True)
class ExemplarForm:
    """What the exemplar's form shows: its values, the subject's name, its replications."""

    id: int
    data: ExemplarInput
    subject: str
    replications: list[ReplicationRecord]


def exemplar_form(db: Database, exemplar_id: int) -> ExemplarForm:
    with db.read() as session:
        e = get(session, Exemplar, exemplar_id, "gương điển hình")
        subject = e.person.full_name if e.person is not None else e.unit.name if e.unit is not None else ""
        data = ExemplarInput(e.year, e.title, e.person_id, e.unit_id, e.campaign_id, e.story, e.honoured_at,
                             e.honoured_on, e.period_from, e.period_to)  # fmt: skip
    return ExemplarForm(exemplar_id, data, subject, list_replications(db, exemplar_id))


def list_exemplars(db: Database, year: int | None = None) -> list[Exemplar]:
    stmt = select(Exemplar).order_by(Exemplar.year.desc(), Exemplar.id)
    if year is not None:
        stmt = stmt.where(Exemplar.year == year)
    with db.read() as session:
        return list(session.scalars(stmt))


# ------------------------------------------------------------------------------- nhân rộng
@dataclass
class ReplicationInput:
    """Where the model was taken up: a unit of the book, or a place named (outside it)."""

    action: str  # what was done
    unit_id: int | None = None
    place: str = ""
    replicated_on: dt.date | None = None
    result: str = ""


@dataclass(frozen=True)
class ReplicationRecord:
    id: int
    exemplar_id: int
    unit_id: int | None
    where: str  # the unit's name, or the place given
    replicated_on: dt.date | None
    action: str
    result: str


def _record(r: ExemplarReplication, unit_name: str | None) -> ReplicationRecord:
    return ReplicationRecord(
        r.id, r.exemplar_id, r.unit_id, unit_name or r.place, r.replicated_on, r.action, r.result
    )


def add_replication(db: Database, exemplar_id: int, data: ReplicationInput) -> ReplicationRecord:
    """Record where the exemplar's model was replicated (nhân rộng)."""
    allowed(db, P.EXEMPLARS)
    place = optional_text(data.place, "Nơi nhân rộng", "place", 300)
    require(data.unit_id is not None or bool(place), "Chọn đơn vị hoặc ghi nơi nhân rộng.", "unit")
    action = clean(data.action)
    require(bool(action), "Hãy ghi nội dung đã nhân rộng.", "action")
    with db.write() as session:
        get(session, Exemplar, exemplar_id, "gương điển hình")
        unit = get(session, Unit, data.unit_id, "đơn vị") if data.unit_id is not None else None
        row = ExemplarReplication(
            exemplar_id=exemplar_id,
            unit_id=data.unit_id,
            place=place,
            replicated_on=data.replicated_on,
            action=action,
            result=clean(data.result),
        )
        session.add(row)
        session.flush()
        return _record(row, unit.name if unit is not None else None)


def delete_replication(db: Database, replication_id: int) -> None:
    allowed(db, P.EXEMPLARS)
    with db.write() as session:
        session.delete(get(session, ExemplarReplication, replication_id, "nội dung nhân rộng"))


def list_replications(db: Database, exemplar_id: int) -> list[ReplicationRecord]:
    """The exemplar's replications, oldest first (undated last)."""
    with db.read() as session:
        rows = session.execute(
            select(ExemplarReplication, Unit.name)
            .outerjoin(Unit, Unit.id == ExemplarReplication.unit_id)
            .where(ExemplarReplication.exemplar_id == exemplar_id)
            .order_by(ExemplarReplication.replicated_on.is_(None), ExemplarReplication.replicated_on,
                      ExemplarReplication.id)
        ).all()  # fmt: skip
        return [_record(r, name) for r, name in rows]


def replication_counts(db: Database, exemplar_ids: list[int]) -> dict[int, int]:
    """exemplar id → how many replications it has (absent: none)."""
    if not exemplar_ids:
        return {}
    with db.read() as session:
        rows = session.execute(
            select(ExemplarReplication.exemplar_id, func.count())
            .where(ExemplarReplication.exemplar_id.in_(exemplar_ids))
            .group_by(ExemplarReplication.exemplar_id)
        ).all()
    return {eid: n for eid, n in rows}


def save_exemplar(
    db: Database,
    exemplar_id: int | None,
    data: ExemplarInput,
    added: Sequence[ReplicationInput] = (),
    removed: Sequence[int] = (),
) -> Exemplar:
    """Create (``exemplar_id`` None) or update an exemplar with the replications added and removed
    in its form, all in one transaction (a refusal of any leaves everything as it was)."""
    allowed(db, P.EXEMPLARS)
    with db.write() as session:
        exemplar = (
            create_exemplar(db, data) if exemplar_id is None else update_exemplar(db, exemplar_id, data)
        )
        for rid in removed:
            row = get(session, ExemplarReplication, rid, "nội dung nhân rộng")
            require(row.exemplar_id == exemplar.id, "Nội dung nhân rộng không thuộc gương điển hình này.")
            session.delete(row)
        for r in added:
            add_replication(db, exemplar.id, r)
        session.flush()
        return exemplar
