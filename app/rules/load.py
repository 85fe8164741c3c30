"""Loading :class:`NominationFacts` for one nomination: a handful of indexed queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..model import (
    Appraisal,
    AppraisalRating,
    Award,
    Campaign,
    CampaignKind,
    DisciplinaryRecord,
    Gender,
    Initiative,
    InitiativeAuthor,
    Nomination,
    NominationEvent,
    NominationInitiative,
    NominationStatus,
    Person,
    Posting,
    Unit,
    UnitLevel,
)
from ..model.nomination_joins import Submitting, nomination_select
from .facts import (
    HELD,
    LIVE,
    PENDING,
    RATING_ORDER,
    AwardRecord,
    CollectiveFacts,
    DisciplineFact,
    InitiativeFact,
    NominationFacts,
    QuotaPeer,
)

_LIVE_VALUES = [s.value for s in LIVE]
_COUNTED = [s.value for s in HELD | PENDING]
VIETNAM = dt.timezone(dt.timedelta(hours=7))  # no daylight saving


def submitted_on(session: Session, nomination_id: int | None) -> dt.date | None:
    """The Vietnam-time day of the nomination's first submission (event times are naive UTC)."""
    if nomination_id is None:
        return None
    first = session.scalar(
        select(func.min(NominationEvent.at)).where(
            NominationEvent.nomination_id == nomination_id,
            NominationEvent.to_status == NominationStatus.SUBMITTED.value,
        )
    )
    if first is None:
        return None
    aware = first if first.tzinfo is not None else first.replace(tzinfo=dt.UTC)
    return aware.astimezone(VIETNAM).date()


def load_facts(
    session: Session,
    nomination_id: int,
    *,
    award_names: dict[str, str],
    quota_awards: frozenset[str] = frozenset(),
    today: dt.date | None = None,
) -> NominationFacts:
    """The facts the rules need about one nomination. ``quota_awards`` are the award codes whose
    batch counts a quota rule of this nomination reads (loaded only when needed)."""
    row = session.execute(
        nomination_select(Nomination, Award, Submitting.level, Campaign.kind).where(
            Nomination.id == nomination_id
        )
    ).first()
    if row is None:
        raise NotFound(f"Không tìm thấy hồ sơ đề nghị (mã {nomination_id}).")
    nom, award, submitting_level, campaign_kind = row
    cited = frozenset(
        session.scalars(
            select(NominationInitiative.initiative_id).where(NominationInitiative.nomination_id == nom.id)
        )
    )
    return _facts(session, nom, award, submitting_level, campaign_kind, cited,
                  award_names=award_names, quota_awards=quota_awards, today=today)  # fmt: skip


def draft_facts(
    session: Session,
    nom: Nomination,
    *,
    award_names: dict[str, str],
    quota_awards: frozenset[str] = frozenset(),
    today: dt.date | None = None,
) -> NominationFacts:
    """The facts of a nomination being typed, never added to the session (a read never writes):
    it counts in its batch and among its peers as it would once saved, with id 0."""
    award = session.get(Award, nom.award_id)
    if award is None:
        raise NotFound(f"Không tìm thấy danh hiệu (mã {nom.award_id}).")
    level = session.scalar(select(Unit.level).where(Unit.id == nom.submitting_unit_id))
    kind = (
        session.scalar(select(Campaign.kind).where(Campaign.id == nom.campaign_id))
        if nom.campaign_id
        else None
    )
    cited = frozenset(i.id for i in nom.initiatives)
    return _facts(session, nom, award, level, kind, cited,  # type: ignore[arg-type]  # level: None only while the draft has no submitting unit
                  award_names=award_names, quota_awards=quota_awards, today=today)  # fmt: skip


def _facts(
    session: Session, nom: Nomination, award: Award, submitting_level: UnitLevel, campaign_kind: CampaignKind | None,
    cited: frozenset[int], *, award_names: dict[str, str], quota_awards: frozenset[str], today: dt.date | None,
) -> NominationFacts:  # fmt: skip
    others = Nomination.id != nom.id if nom.id is not None else true()  # a draft has no row yet
    is_person = nom.person_id is not None
    nominee = Nomination.person_id == nom.person_id if is_person else Nomination.unit_id == nom.unit_id

    history = tuple(
        AwardRecord(i, y, code, status)
        for i, y, code, status in session.execute(
            nomination_select(Nomination.id, Nomination.year, Award.code, Nomination.status).where(
                nominee, others
            )
        )
    )
    subject = Appraisal.person_id == nom.person_id if is_person else Appraisal.unit_id == nom.unit_id
    appraisals = dict(session.execute(select(Appraisal.year, Appraisal.rating).where(subject)).all())

    woman = False
    disciplines: tuple[DisciplineFact, ...] = ()
    initiatives: tuple[InitiativeFact, ...] = ()
    collective = None
    if is_person:
        woman = session.scalar(select(Person.gender).where(Person.id == nom.person_id)) is Gender.FEMALE
        disciplines = tuple(
            DisciplineFact(k, s, e)
            for k, s, e in session.execute(
                select(
                    DisciplinaryRecord.kind, DisciplinaryRecord.start_date, DisciplinaryRecord.end_date
                ).where(DisciplinaryRecord.person_id == nom.person_id)
            )
        )
        owned = select(InitiativeAuthor.initiative_id).where(InitiativeAuthor.person_id == nom.person_id)
    else:
        owned = select(Initiative.id).where(Initiative.unit_id == nom.unit_id)
    initiatives = _initiatives(session, owned, cited, others)
    if not is_person:
        collective = _collective(session, nom.unit_id, nom.year)

    batch_counts: dict[str, int] = {}
    peers: tuple[QuotaPeer, ...] = ()
    if quota_awards:
        batch_counts, peers = _batch(session, nom, award, quota_awards | {award.code})
        if nom.id is None:  # the draft counts in its batch as it will once saved
            batch_counts[award.code] = batch_counts.get(award.code, 0) + 1
            peers = (*peers, QuotaPeer(0, None, None, woman))

    return NominationFacts(
        id=nom.id or 0,
        year=nom.year,
        award=award.code,
        award_name=award.name,
        award_target=award.target,
        award_authority=award.authority,
        award_kinds=frozenset(award.kinds.split(",")),
        nominee_name=nom.nominee_name,
        nominee_is_person=is_person,
        woman=woman,
        submitting_level=submitting_level,
        thematic_campaign=campaign_kind is CampaignKind.THEMATIC,
        in_campaign=nom.campaign_id is not None,
        status=nom.status,
        votes_for=nom.votes_for,
        council_size=nom.council_size,
        history=history,
        appraisals=appraisals,
        initiatives=initiatives,
        cited=cited,
        disciplines=disciplines,
        collective=collective,
        batch_counts=batch_counts,
        quota_peers=peers,
        award_names=award_names,
        today=today or dt.date.today(),
        submitted_on=submitted_on(session, nom.id),
    )


def _initiatives(
    session: Session, owned: Select[Any], cited: frozenset[int], others: ColumnElement[bool]
) -> tuple[InitiativeFact, ...]:
    ids = set(session.scalars(owned)) | set(cited)
    if not ids:
        return ()
    uses: dict[int, list[tuple[int, str, int]]] = {}
    for initiative_id, other_id, award_name, year in session.execute(
        select(NominationInitiative.initiative_id, Nomination.id, Award.name, Nomination.year)
        .join(Nomination, Nomination.id == NominationInitiative.nomination_id)
        .join(Award, Award.id == Nomination.award_id)
        .where(
            NominationInitiative.initiative_id.in_(ids),
            others,
            Nomination.status.in_(_LIVE_VALUES),
        )
    ):
        uses.setdefault(initiative_id, []).append((other_id, award_name, year))
    return tuple(
        InitiativeFact(i.id, i.title, i.year, i.level, i.kind, tuple(uses.get(i.id, ())))
        for i in session.scalars(select(Initiative).where(Initiative.id.in_(ids)).order_by(Initiative.year))
    )


def _subtree(session: Session, unit_id: int) -> list[int]:
    ids, frontier = [unit_id], [unit_id]
    while frontier:
        frontier = list(session.scalars(select(Unit.id).where(Unit.parent_id.in_(frontier))))
        ids += frontier
    return ids


def _collective(session: Session, unit_id: int | None, year: int) -> CollectiveFacts:
    """Members: persons posted in the unit or its divisions at any time in the year."""
    if unit_id is None:  # a draft with no nominee chosen yet: no members
        return CollectiveFacts(0, 0, 0, 0, 0, 0)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    members = set(
        session.scalars(
            select(Posting.person_id).where(
                Posting.unit_id.in_(_subtree(session, unit_id)),
                Posting.start_date <= end,
                or_(Posting.end_date.is_(None), Posting.end_date >= start),
            )
        )
    )
    if not members:
        return CollectiveFacts(0, 0, 0, 0, 0, 0)
    member_list = list(members)
    titles = session.execute(
        nomination_select(Award.code, func.count(func.distinct(Nomination.person_id)))
        .where(
            Nomination.person_id.in_(member_list),
            Nomination.year == year,
            Nomination.status.in_(_COUNTED),
            Award.code.in_(("LDTT", "CSTT", "CSTDCS")),
        )
        .group_by(Award.code)
    ).all()
    counts: dict[str, int] = dict(titles)
    disciplined: set[int] = set()
    for person_id, kind, s, e in session.execute(
        select(
            DisciplinaryRecord.person_id,
            DisciplinaryRecord.kind,
            DisciplinaryRecord.start_date,
            DisciplinaryRecord.end_date,
        ).where(DisciplinaryRecord.person_id.in_(member_list))
    ):
        if kind.severity >= 2 and DisciplineFact(kind, s, e).overlaps_year(year):
            disciplined.add(person_id)
    ratings = session.execute(
        select(Appraisal.rating).where(Appraisal.person_id.in_(member_list), Appraisal.year == year)
    ).scalars()
    completed = sum(1 for r in ratings if RATING_ORDER[r] >= RATING_ORDER[AppraisalRating.COMPLETED])
    women = (
        session.scalar(select(func.count()).where(Person.id.in_(member_list), Person.gender == Gender.FEMALE))
        or 0
    )
    return CollectiveFacts(
        members=len(members),
        ldtt=counts.get("LDTT", 0) + counts.get("CSTT", 0),
        cstdcs=counts.get("CSTDCS", 0),
        disciplined_warning_plus=len(disciplined),
        completed=completed,
        women=women,
    )


def _batch(
    session: Session, nom: Nomination, award: Award, codes: frozenset[str]
) -> tuple[dict[str, int], tuple[QuotaPeer, ...]]:
    """Live counts per award in the submitting unit and year, and this award's peers with votes."""
    batch = and_(
        Nomination.submitting_unit_id == nom.submitting_unit_id,
        Nomination.year == nom.year,
        Nomination.status.in_(_LIVE_VALUES),
    )
    counts: dict[str, int] = dict(
        session.execute(
            nomination_select(Award.code, func.count())
            .where(batch, Award.code.in_(codes))
            .group_by(Award.code)
        ).all()
    )
    peers = tuple(
        QuotaPeer(i, vf, cs, g is Gender.FEMALE)
        for i, vf, cs, g in session.execute(
            nomination_select(
                Nomination.id, Nomination.votes_for, Nomination.council_size, Person.gender
            ).where(batch, Nomination.award_id == award.id)
        )
    )
    return counts, peers
