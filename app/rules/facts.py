"""What the rules look at: plain, immutable facts about one nomination and its nominee.

Loaded from the database by :mod:`app.rules.load`; the checks in :mod:`app.rules.checks` are pure
functions of these facts, so each rule is tested on realistic histories without a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import (
    AppraisalRating,
    Authority,
    AwardTarget,
    DisciplineKind,
    InitiativeKind,
    InitiativeLevel,
    NominationStatus,
    UnitLevel,
)

S = NominationStatus
# An award "held" for a chain or a prerequisite: approved (never revoked or rejected).
HELD = frozenset({S.APPROVED})
# Nominations on their way: they count, with a note, for prerequisites in the same batch.
PENDING = frozenset({S.SUBMITTED, S.VOTED})
DRAFTING = frozenset({S.DRAFT, S.RETURNED})
LIVE = HELD | PENDING | DRAFTING

RATING_ORDER = {
    AppraisalRating.NOT_COMPLETED: 0,
    AppraisalRating.COMPLETED: 1,
    AppraisalRating.GOOD: 2,
    AppraisalRating.EXCELLENT: 3,
}
LEVEL_ORDER = {InitiativeLevel.GRASSROOTS: 1, InitiativeLevel.PROVINCIAL: 2, InitiativeLevel.NATIONAL: 3}


@dataclass(frozen=True)
class AwardRecord:
    """Another nomination of the same nominee (any year, any state)."""

    nomination_id: int
    year: int
    award: str
    status: NominationStatus


@dataclass(frozen=True)
class InitiativeFact:
    id: int
    title: str
    year: int
    level: InitiativeLevel
    kind: InitiativeKind
    # Other live or approved nominations that cite it ("one initiative, one use").
    used_by: tuple[tuple[int, str, int], ...] = ()  # (nomination id, award name, year)


@dataclass(frozen=True)
class DisciplineFact:
    kind: DisciplineKind
    start: dt.date
    end: dt.date | None

    def overlaps_year(self, year: int) -> bool:
        # A measure with no end date counts for twelve months (the usual term of a reprimand).
        end = self.end or self.start.replace(year=self.start.year + 1) - dt.timedelta(days=1)
        return self.start <= dt.date(year, 12, 31) and end >= dt.date(year, 1, 1)

    def open_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class CollectiveFacts:
    """The members of a nominated collective in the year (from the posting history)."""

    members: int
    ldtt: int  # members holding or proposed for Lao động tiên tiến that year
    cstdcs: int  # members holding or proposed for Chiến sĩ thi đua cơ sở that year
    disciplined_warning_plus: int  # members disciplined at "cảnh cáo" or above in the year
    completed: int  # members rated "hoàn thành nhiệm vụ" or better that year
    women: int


@dataclass(frozen=True)
class QuotaPeer:
    """A nomination for the same award in the same batch (submitting unit and year)."""

    nomination_id: int
    votes_for: int | None
    council_size: int | None
    woman: bool

    @property
    def share(self) -> float | None:
        return (
            self.votes_for / self.council_size if self.council_size and self.votes_for is not None else None
        )


@dataclass(frozen=True)
class NominationFacts:
    id: int
    year: int
    award: str
    award_name: str
    award_target: AwardTarget
    award_authority: Authority
    award_kinds: frozenset[str]
    nominee_name: str
    nominee_is_person: bool
    woman: bool
    submitting_level: UnitLevel
    thematic_campaign: bool
    in_campaign: bool
    status: NominationStatus
    votes_for: int | None = None
    council_size: int | None = None
    history: tuple[AwardRecord, ...] = ()
    appraisals: dict[int, AppraisalRating] = field(default_factory=dict)
    initiatives: tuple[InitiativeFact, ...] = ()
    cited: frozenset[int] = frozenset()
    disciplines: tuple[DisciplineFact, ...] = ()
    collective: CollectiveFacts | None = None
    # For quota rules: live counts per award code in the batch, and the peers of this award.
    batch_counts: dict[str, int] = field(default_factory=dict)
    quota_peers: tuple[QuotaPeer, ...] = ()
    award_names: dict[str, str] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    # The day the dossier was first submitted (Vietnam time), None while never submitted: it may
    # move the nomination into an earlier era (Decree 152/2025 Art. 60.3).
    submitted_on: dt.date | None = None

    def name_of(self, code: str) -> str:
        return self.award_names.get(code, code)

    def records(self, codes: frozenset[str], year: int) -> list[AwardRecord]:
        return [r for r in self.history if r.year == year and r.award in codes]
