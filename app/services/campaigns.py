"""Campaigns (phong trào thi đua) and emulation registrations (đăng ký thi đua)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Award, Campaign, CampaignKind, Person, Registration, Unit
from ..storage.db import Database, chunks
from ..text import clean, fold
from .catalogue import check_target
from .common import as_enum, check_period, check_year, get, optional_text, require, required_text
from .records import CampaignRecord


@dataclass
class CampaignInput:
    name: str
    kind: CampaignKind
    year: int
    start_date: dt.date
    end_date: dt.date | None = None
    launched_by_unit_id: int | None = None
    launched_by: str = ""
    description: str = ""


def _validated(data: CampaignInput) -> CampaignInput:
    kind = as_enum(CampaignKind, data.kind, "Loại phong trào", "kind")
    check_year(data.year)
    check_period(data.start_date, data.end_date)
    if kind is CampaignKind.THEMATIC:
        require(
            data.end_date is not None, "Phong trào theo đợt, chuyên đề phải có ngày kết thúc.", "end_date"
        )
    return CampaignInput(
        name=required_text(data.name, "Tên phong trào", "name", 500),
        kind=kind,
        year=data.year,
        start_date=data.start_date,
        end_date=data.end_date,
        launched_by_unit_id=data.launched_by_unit_id,
        launched_by=optional_text(data.launched_by, "Cơ quan phát động", "launched_by"),
        description=clean(data.description),
    )


def create_campaign(db: Database, data: CampaignInput) -> CampaignRecord:
    allowed(db, P.CAMPAIGNS)
    data = _validated(data)
    with db.write() as session:
        if data.launched_by_unit_id is not None:
            get(session, Unit, data.launched_by_unit_id, "đơn vị phát động")
        campaign = Campaign(**vars(data), name_fold=fold(data.name))
        session.add(campaign)
        session.flush()
        return CampaignRecord.of(campaign)


def update_campaign(db: Database, campaign_id: int, data: CampaignInput) -> CampaignRecord:
    allowed(db, P.CAMPAIGNS)
    data = _validated(data)
    with db.write() as session:
        campaign = get(session, Campaign, campaign_id, "phong trào")
        for key, value in vars(data).items():
            setattr(campaign, key, value)
        campaign.name_fold = fold(data.name)
        session.flush()
        return CampaignRecord.of(campaign)


def list_campaigns(db: Database, year: int | None = None) -> list[Campaign]:
    stmt = select(Campaign).order_by(Campaign.year.desc(), Campaign.start_date, Campaign.id)
    if year is not None:
        stmt = stmt.where(Campaign.year == year)
    with db.read() as session:
        return list(session.scalars(stmt))


@dataclass
class RegistrationInput:
    year: int
    award_id: int
    registered_on: dt.date
    person_id: int | None = None
    unit_id: int | None = None
    campaign_id: int | None = None
    note: str = ""


def _registered(registrant: Any) -> Select[int, int, int]:
    return select(registrant, Registration.award_id, Registration.year).where(
        registrant.in_(bindparam("registrants", expanding=True)),
        Registration.year.in_(bindparam("years", expanding=True)),
    )


# Built once: building a statement costs more than SQLite running it.
_REGISTERED_PERSON, _REGISTERED_UNIT = _registered(Registration.person_id), _registered(Registration.unit_id)
RegistrationKey = tuple[int | None, int | None, int, int]  # (person id, unit id, award id, year)


def _registrations(session: Session, data: Sequence[RegistrationInput]) -> set[RegistrationKey]:
    """The pledges already made by the batch's registrants in its years: one query for the batch
    (the demo's 850 pledges), not one a pledge."""
    years = list({d.year for d in data})
    found: set[RegistrationKey] = set()
    for is_person, statement in ((True, _REGISTERED_PERSON), (False, _REGISTERED_UNIT)):
        ids = list({d.person_id if is_person else d.unit_id for d in data} - {None})
        for chunk in chunks(ids, 400):
            rows = session.execute(statement, {"registrants": chunk, "years": years})
            found.update((who, None, a, y) if is_person else (None, who, a, y) for who, a, y in rows)
    return found


def register(db: Database, data: RegistrationInput) -> Registration:
    """Record a pledge of a target title; one per registrant, award and year."""
    return register_many(db, [data])[0]


def register_many(db: Database, data: Sequence[RegistrationInput]) -> list[Registration]:
    """Record many pledges in one transaction and one flush, all or none; each is checked as a single
    one is (:func:`register` is a batch of one), and one of the batch counts for those after it."""
    for item in data:
        check_year(item.year)
        require(
            (item.person_id is None) != (item.unit_id is None), "Chọn một cá nhân hoặc một tập thể đăng ký."
        )
    allowed(db, P.REGISTRATIONS)
    made: list[Registration] = []
    with db.write() as session, session.no_autoflush:  # the checks read other tables, or flush first
        registered = _registrations(session, data)  # and those of the batch, as they are made
        for item in data:
            award = get(session, Award, item.award_id, "danh hiệu")
            if item.person_id is not None:
                scope = get(session, Person, item.person_id, "cá nhân").unit_id
            else:
                scope = get(session, Unit, item.unit_id, "đơn vị").id
            allowed(db, P.REGISTRATIONS, unit_id=scope, session=session)
            check_target(award, is_person=item.person_id is not None)
            if item.campaign_id is not None:
                get(session, Campaign, item.campaign_id, "phong trào")
            key = (item.person_id, item.unit_id, award.id, item.year)
            if key in registered:
                raise DomainError(f"Đã đăng ký «{award.name}» năm {item.year} rồi.", field="award_id")
            registered.add(key)
            reg = Registration(**vars(item))
            session.add(reg)
            made.append(reg)
        session.flush()
        return made
