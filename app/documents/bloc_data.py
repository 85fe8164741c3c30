"""What the bloc's documents print, read in a few queries: its members of the year (with the
divisions under each), the campaigns they took part in, their registrations against the awards
they reached, the awards by level, the exemplars and the criteria table.

For the half-year review, :func:`bloc_year` takes ``until`` (30/06 of the year, :func:`half_year_end`):
awards count only when their decision was signed by then, campaigns only when started by then,
registrations only when made by then, a nomination under a campaign only when decided by then (or,
undecided, recorded by then), an exemplar only when honoured (or its period begun) by then."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..model import (
    Award,
    AwardLevel,
    Campaign,
    Decision,
    Exemplar,
    Nomination,
    NominationStatus,
    Person,
    Registration,
    ScorePeriodKind,
    Unit,
)
from ..services.blocs import Member, members
from ..services.scoring import criteria as criteria_of
from ..storage.db import Database

S = NominationStatus
LEVELS = (AwardLevel.STATE, AwardLevel.NATIONAL, AwardLevel.PROVINCIAL, AwardLevel.GRASSROOTS)


@dataclass(frozen=True)
class CampaignLine:
    name: str
    kind: str
    launched_by: str
    units: int  # member units taking part (a registration or a nomination under it)
    registrations: int
    nominations: int


@dataclass(frozen=True)
class RegistrationLine:
    code: str
    name: str
    collective: int  # the unit's and its divisions' registrations
    individual: int  # its people's
    reached: int  # registrations met by an approved award of the same title, year, registrant

    @property
    def total(self) -> int:
        return self.collective + self.individual


@dataclass(frozen=True)
class TargetLine:
    """One registration of the covenant: who pledged which title."""

    code: str  # the member unit
    registrant: str
    is_person: bool
    award: str
    note: str


@dataclass(frozen=True)
class ExemplarLine:
    code: str
    subject: str
    title: str
    honoured_at: str


@dataclass
class BlocYear:
    members: list[Member]
    campaigns: list[CampaignLine]
    registrations: list[RegistrationLine]
    targets: list[TargetLine]
    awards: dict[str, dict[AwardLevel, int]]  # member code → level → approved awards
    award_names: dict[str, dict[str, int]]  # member code → award name → count
    exemplars: list[ExemplarLine]
    until: dt.date | None = None  # the half-year review's last day; None: the whole year


def _owner_map(session: Session, member_ids: dict[int, str]) -> dict[int, str]:
    """unit id → the code of the member unit it is or hangs under (divisions count for their
    department)."""
    rows = session.execute(select(Unit.id, Unit.parent_id)).all()
    parent = {r[0]: r[1] for r in rows}
    out: dict[int, str] = {}
    for uid in parent:
        seen: set[int] = set()
        current: int | None = uid
        while current is not None and current not in seen:
            if current in member_ids:
                out[uid] = member_ids[current]
                break
            seen.add(current)
            current = parent.get(current)
    return out


def half_year_end(year: int) -> dt.date:
    """The last day the half-year review covers: 30/06 of the year."""
    return dt.date(year, 6, 30)


def bloc_year(db: Database, bloc_id: int, year: int, until: dt.date | None = None) -> BlocYear:
    """The bloc's year as its documents print it; with ``until``, only what happened by that day
    (see the module's docstring for what «happened» means for each kind of record)."""
    mem = members(db, bloc_id, year)
    ids = {m.unit_id: m.code for m in mem}
    with db.read() as session:
        owner = _owner_map(session, ids)
        regs = session.execute(
            select(Registration.id, Registration.unit_id, Person.unit_id, Registration.person_id, Registration.award_id,
                   Registration.campaign_id, Award.name, Person.full_name, Unit.name, Registration.note)
            .join(Award, Award.id == Registration.award_id)
            .outerjoin(Person, Person.id == Registration.person_id)
            .outerjoin(Unit, Unit.id == Registration.unit_id)
            .where(Registration.year == year,
                   *(() if until is None else (Registration.registered_on <= until,)))
            .order_by(Award.rank.desc(), Award.name, Registration.id)
        ).all()  # fmt: skip
        noms = session.execute(
            select(Nomination.unit_id, Person.unit_id, Nomination.person_id, Nomination.award_id, Nomination.campaign_id,
                   Nomination.status, Award.level, Award.name, Decision.signed_on, Nomination.created_at)
            .join(Award, Award.id == Nomination.award_id)
            .outerjoin(Person, Person.id == Nomination.person_id)
            .outerjoin(Decision, Decision.id == Nomination.decision_id)
            .where(Nomination.year == year)
        ).all()  # fmt: skip
        camps = list(
            session.scalars(
                select(Campaign)
                .where(Campaign.year == year, *(() if until is None else (Campaign.start_date <= until,)))
                .order_by(Campaign.start_date)
            )
        )
        camp_rows = [(c.id, c.name, c.kind.label, c.launched_by) for c in camps]
        ex = session.execute(
            select(Exemplar.unit_id, Person.unit_id, Exemplar.title, Exemplar.honoured_at, Person.full_name, Unit.name,
                   Exemplar.honoured_on, Exemplar.period_from)
            .outerjoin(Person, Person.id == Exemplar.person_id)
            .outerjoin(Unit, Unit.id == Exemplar.unit_id)
            .where(Exemplar.year == year)
            .order_by(Exemplar.id)
        ).all()  # fmt: skip

    def by_then(day: dt.date | None) -> bool:
        """Whether a record dated ``day`` (None: undated) falls in what is reported."""
        return until is None or day is None or day <= until

    def of(unit_id: int | None, person_unit: int | None) -> str | None:
        return owner.get(unit_id if unit_id is not None else person_unit or -1)

    approved: set[tuple[int | None, int | None, int]] = set()
    awards: dict[str, dict[AwardLevel, int]] = defaultdict(lambda: defaultdict(int))
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    camp_units: dict[int, set[str]] = defaultdict(set)
    camp_noms: dict[int, int] = defaultdict(int)
    for (
        unit_id,
        person_unit,
        person_id,
        award_id,
        campaign_id,
        status,
        level,
        award_name,
        signed,
        made,
    ) in noms:
        code = of(unit_id, person_unit)
        if code is None:
            continue
        if until is not None and (signed > until if signed is not None else made.date() > until):
            continue  # decided after the period (or, undecided, recorded after it)
        if status is S.APPROVED and (until is None or signed is not None):
            approved.add((unit_id if person_id is None else None, person_id, award_id))
            awards[code][level] += 1
            names[code][award_name] += 1
        if campaign_id is not None and status is not S.DRAFT:
            camp_units[campaign_id].add(code)
            camp_noms[campaign_id] += 1
    per: dict[str, list[int]] = {m.code: [0, 0, 0] for m in mem}
    camp_regs: dict[int, int] = defaultdict(int)
    targets: list[TargetLine] = []
    for _id, unit_id, person_unit, person_id, award_id, campaign_id, award_name, person, unit, note in regs:
        code = of(unit_id, person_unit)
        if code is None:
            continue
        line = per[code]
        line[1 if person_id is not None else 0] += 1
        if (unit_id if person_id is None else None, person_id, award_id) in approved:
            line[2] += 1
        if campaign_id is not None:
            camp_regs[campaign_id] += 1
            camp_units[campaign_id].add(code)
        targets.append(TargetLine(code, person or unit or "", person_id is not None, award_name, note))
    return BlocYear(
        members=mem,
        campaigns=[
            CampaignLine(name, kind, by, len(camp_units[cid]), camp_regs[cid], camp_noms[cid])
            for cid, name, kind, by in camp_rows
        ],  # fmt: skip
        registrations=[RegistrationLine(m.code, m.name, *per[m.code]) for m in mem],
        targets=targets,
        awards={k: dict(v) for k, v in awards.items()},
        award_names={k: dict(v) for k, v in names.items()},
        exemplars=[
            ExemplarLine(c, p or u or "", t, at)
            for uid, pu, t, at, p, u, on, start in ex
            if (c := of(uid, pu)) is not None and by_then(on or start)
        ],  # fmt: skip
        until=until,
    )


def criteria_table(
    db: Database, bloc_id: int, year: int, period: ScorePeriodKind
) -> list[tuple[str, str, str, float]]:
    """(code, content, kind, max points) of the period's criteria table, in its order."""
    return [(c.code, c.name, c.kind.label, c.max_points) for c in criteria_of(db, bloc_id, year, period)]
