"""What the documents print, read in a few queries (no ORM objects leave the session)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from ..errors import DomainError
from ..model import Award, AwardTarget, Decision, Nomination, NominationStatus, Person, Unit
from ..model.nomination_joins import NomineeParent, PersonUnit, Submitting, nomination_select
from ..model.nominations import awarded_name
from ..rules.engine import default_rulebook
from ..rules.spec import RuleBook
from ..storage.db import Database
from ..text import clean


@dataclass(frozen=True)
class AwardRow:
    id: int
    year: int
    nominee: str
    is_person: bool
    gender: str  # "Nam" / "Nữ" / ""
    birth_year: int | None
    position: str
    unit: str  # the person's unit, or the collective's parent
    submitting_unit: str
    award_code: str
    award_name: str
    award_target: AwardTarget
    award_rank: int
    achievement: str
    status: NominationStatus
    votes_for: int | None
    council_size: int | None
    decision_number: str
    decision_date: dt.date | None
    issuer: str
    sort: str


def nomination_rows(
    db: Database,
    *,
    year: int | None = None,
    award_codes: Sequence[str] = (),
    statuses: Sequence[NominationStatus] = (),
    submitting_unit: str | None = None,
    decision_id: int | None = None,
    ids: Sequence[int] = (),
    person_id: int | None = None,
    unit_id: int | None = None,
    campaign_id: int | None = None,
) -> list[AwardRow]:
    """Nominations with everything a list prints, by award seniority then Vietnamese name order."""
    stmt = nomination_select(
        Nomination.id, Nomination.year, awarded_name(), Nomination.person_id, Person.gender,
        Person.birth_year, Person.position, PersonUnit.name, NomineeParent.name, Submitting.name, Award.code,
        Award.name, Award.target, Award.rank, Nomination.achievement, Nomination.status, Nomination.votes_for,
        Nomination.council_size, Decision.number_text, Decision.signed_on, Decision.issuer, Nomination.nominee_sort,
    ).order_by(Award.rank.desc(), Award.code, Nomination.nominee_sort, Nomination.id)  # fmt: skip
    if year is not None:
        stmt = stmt.where(Nomination.year == year)
    if award_codes:
        stmt = stmt.where(Award.code.in_([c.upper() for c in award_codes]))
    if statuses:
        stmt = stmt.where(Nomination.status.in_([NominationStatus(s) for s in statuses]))
    if decision_id is not None:
        stmt = stmt.where(Nomination.decision_id == decision_id)
    if ids:
        stmt = stmt.where(Nomination.id.in_(list(ids)))
    if person_id is not None:
        stmt = stmt.where(Nomination.person_id == person_id)
    if unit_id is not None:
        stmt = stmt.where(Nomination.unit_id == unit_id)
    if campaign_id is not None:
        stmt = stmt.where(Nomination.campaign_id == campaign_id)
    with db.read() as session:
        if submitting_unit:
            code = clean(submitting_unit).upper()
            uid = session.scalar(select(Unit.id).where(Unit.code == code))
            if uid is None:
                raise DomainError(f"Không có đơn vị mã «{code}».", field="unit")
            stmt = stmt.where(Nomination.submitting_unit_id == uid)
        rows = session.execute(stmt).all()
    return [
        AwardRow(
            r[0],
            r[1],
            r[2],
            r[3] is not None,
            r[4].label if r[4] is not None else "",
            r[5],
            r[6] or "",
            r[7] or r[8] or "",
            r[9],
            r[10],
            r[11],
            r[12],
            r[13],
            r[14] or "",
            r[15],
            r[16],
            r[17],
            r[18] or "",
            r[19],
            r[20] or "",
            r[21],
        )  # fmt: skip
        for r in rows
    ]


def vote_threshold(award_code: str, year: int, rulebook: RuleBook | None = None) -> tuple[float | None, str]:
    """The council's agree threshold for an award and year from the rules in force, and its basis."""
    rules = (rulebook or default_rulebook()).rules
    for rule in rules.for_award(award_code, year):
        if rule.kind == "council_vote":
            return float(rule.params["threshold"]), rule.legal_basis
    return None, ""


def legal_bases(db: Database, year: int) -> list[str]:
    """The law and its guiding decree in force at the end of ``year`` (the "Căn cứ" lines),
    from the catalogue's legal instruments."""
    from ..model import LegalInstrument

    day = dt.date(year, 12, 31)
    stmt = (
        select(LegalInstrument.title)
        .where(LegalInstrument.valid_from <= day)
        .where((LegalInstrument.valid_to.is_(None)) | (LegalInstrument.valid_to >= day))
        .order_by(LegalInstrument.valid_from)
    )
    with db.read() as session:
        titles = list(session.scalars(stmt))
    laws = [t for t in titles if t.startswith("Luật")]
    decrees = [t for t in titles if "thi hành một số điều của Luật Thi đua" in t]
    return laws + decrees


def find_person(db: Database, *, person_id: int | None = None, cccd: str | None = None) -> Person:
    with db.read() as session:
        stmt = select(Person)
        if person_id is not None:
            stmt = stmt.where(Person.id == person_id)
        elif cccd:
            stmt = stmt.where(Person.cccd == clean(cccd))
        else:
            raise DomainError("Chọn cá nhân (mã hoặc số CCCD).")
        person = session.scalar(stmt)
        if person is not None:
            _ = person.unit.name
    if person is None:
        raise DomainError("Không tìm thấy cá nhân.")
    return person


def find_unit(db: Database, code: str) -> Unit:
    with db.read() as session:
        unit = session.scalar(select(Unit).where(Unit.code == clean(code).upper()))
        if unit is not None and unit.parent is not None:
            _ = unit.parent.name
    if unit is None:
        raise DomainError(f"Không có đơn vị mã «{clean(code)}».")
    return unit


@dataclass(frozen=True)
class CountRow:
    unit: str
    award: str
    year: int
    count: int


def award_counts(db: Database, years: Sequence[int], unit_code: str | None = None) -> list[CountRow]:
    """Awards granted (approved, not revoked) by submitting unit × award × year."""
    stmt = (
        nomination_select(Submitting.name, Award.name, Award.target, Nomination.year, func.count())
        .where(Nomination.status == NominationStatus.APPROVED, Nomination.year.in_(list(years)))
        .group_by(Submitting.name, Submitting.sort_key, Award.name, Award.target, Award.rank, Nomination.year)
        .order_by(Submitting.sort_key, Award.rank.desc(), Nomination.year)
    )
    if unit_code:
        stmt = stmt.where(Submitting.code == clean(unit_code).upper())
    with db.read() as session:
        rows = session.execute(stmt).all()
    return [CountRow(u, f"{a} ({t.label.lower()})" if _shared_name(a) else a, y, n) for u, a, t, y, n in rows]


def _shared_name(name: str) -> bool:
    return name.startswith(("Giấy khen", "Bằng khen"))


def unit_member_awards(db: Database, unit_id: int) -> list[tuple[int, str, int]]:
    """(year, award, count) of awards given to the unit's present members."""
    stmt = (
        select(Nomination.year, Award.name, func.count())
        .join(Award, Award.id == Nomination.award_id)
        .join(Person, Person.id == Nomination.person_id)
        .where(Person.unit_id == unit_id, Nomination.status == NominationStatus.APPROVED)
        .group_by(Nomination.year, Award.name, Award.rank)
        .order_by(Nomination.year, Award.rank.desc())
    )
    with db.read() as session:
        return [(year, name, count) for year, name, count in session.execute(stmt)]


def history_statuses() -> tuple[NominationStatus, ...]:
    return (NominationStatus.APPROVED, NominationStatus.REVOKED)


def bloc_scores(db: Database, bloc_id: int, year: int) -> dict[int, dict[int, float]]:
    """unit id → {criterion id: the bloc's points} for a bloc's table of a year (the year's period)."""
    from ..model import Criterion, Score, ScorePeriodKind

    stmt = (
        select(Score.unit_id, Score.criterion_id, Score.bloc_points)
        .join(Criterion, Criterion.id == Score.criterion_id)
        .where(
            Criterion.bloc_id == bloc_id,
            Criterion.year == year,
            Criterion.period == ScorePeriodKind.YEAR,
            Score.bloc_points.is_not(None),
        )
    )
    out: dict[int, dict[int, float]] = {}
    with db.read() as session:
        for unit_id, criterion_id, points in session.execute(stmt):
            assert points is not None  # filtered out in the query
            out.setdefault(unit_id, {})[criterion_id] = points
    return out
