"""What the bloc's documents print, read in a few queries: its members of the year (with the
divisions under each), the campaigns they took part in, their registrations against the awards
they reached, the awards by level, the exemplars and the criteria table."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..model import (
    Award,
    AwardLevel,
    Campaign,
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


def bloc_year(db: Database, bloc_id: int, year: int) -> BlocYear:
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
            .where(Registration.year == year)
            .order_by(Award.rank.desc(), Award.name, Registration.id)
        ).all()  # fmt: skip
        noms = session.execute(
            select(Nomination.unit_id, Person.unit_id, Nomination.person_id, Nomination.award_id, Nomination.campaign_id,
                   Nomination.status, Award.level, Award.name)
            .join(Award, Award.id == Nomination.award_id)
            .outerjoin(Person, Person.id == Nomination.person_id)
            .where(Nomination.year == year)
        ).all()  # fmt: skip
        camps = list(
            session.scalars(select(Campaign).where(Campaign.year == year).order_by(Campaign.start_date))
        )
        camp_rows = [(c.id, c.name, c.kind.label, c.launched_by) for c in camps]
        ex = session.execute(
            select(Exemplar.unit_id, Person.unit_id, Exemplar.title, Exemplar.honoured_at, Person.full_name, Unit.name)
            .outerjoin(Person, Person.id == Exemplar.person_id)
            .outerjoin(Unit, Unit.id == Exemplar.unit_id)
            .where(Exemplar.year == year)
            .order_by(Exemplar.id)
        ).all()  # fmt: skip

    def of(unit_id: int | None, person_unit: int | None) -> str | None:
        return owner.get(unit_id if unit_id is not None else person_unit or -1)

    approved: set[tuple[int | None, int | None, int]] = set()
    awards: dict[str, dict[AwardLevel, int]] = defaultdict(lambda: defaultdict(int))
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    camp_units: dict[int, set[str]] = defaultdict(set)
    camp_noms: dict[int, int] = defaultdict(int)
    for unit_id, person_unit, person_id, award_id, campaign_id, status, level, award_name in noms:
        code = of(unit_id, person_unit)
        if code is None:
            continue
        if status is S.APPROVED:
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
            for uid, pu, t, at, p, u in ex
            if (c := of(uid, pu)) is not None
        ],  # fmt: skip
    )


def criteria_table(
    db: Database, bloc_id: int, year: int, period: ScorePeriodKind
) -> list[tuple[str, str, str, float]]:
    """(code, content, kind, max points) of the period's criteria table, in its order."""
    return [(c.code, c.name, c.kind.label, c.max_points) for c in criteria_of(db, bloc_id, year, period)]
