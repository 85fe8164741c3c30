"""Nominations (đề nghị khen thưởng), the initiatives they cite and their workflow history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import MAPPER_ARGS, Base, KeyString, Timestamps, enum_column, utcnow
from .campaigns import Campaign
from .catalogue import Award
from .decisions import Decision
from .enums import NominationStatus
from .initiatives import Initiative
from .org import Unit
from .persons import Person

# Nominations that still count: a nominee holds at most one of these per award, year and campaign.
LIVE_STATUSES = ("draft", "submitted", "returned", "voted", "approved")
_LIVE = text("status IN ('draft', 'submitted', 'returned', 'voted', 'approved')")


class Nomination(Timestamps, Base):
    """A person or a unit proposed for an award in a year (and possibly a campaign)."""

    __tablename__ = "nomination"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    award_id: Mapped[int] = mapped_column(ForeignKey("award.id", ondelete="RESTRICT"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="RESTRICT"))
    # The unit that proposes (for a person, the person's unit at the time of the nomination).
    submitting_unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    # Denormalised from the nominee so that lists on a million rows filter and sort by index.
    nominee_name: Mapped[str] = mapped_column(String(300))
    nominee_fold: Mapped[str] = mapped_column(KeyString)
    nominee_sort: Mapped[str] = mapped_column(KeyString)
    # The nominee's name as the decision granted it, set when the nomination is put into a decision:
    # certificates, their verification and the decision's papers say this name, whatever the
    # person's record is renamed to later (nominee_name follows the person, for lists and search).
    decided_name: Mapped[str | None] = mapped_column(String(300))
    # Likewise the position and the unit the certificate names (set with decided_name): a transfer
    # or a unit renamed later does not change what a reprint says.
    decided_position: Mapped[str | None] = mapped_column(String(200))
    decided_unit: Mapped[str | None] = mapped_column(Text)
    achievement: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[NominationStatus] = mapped_column(
        enum_column(NominationStatus, "nomination_status"), default=NominationStatus.DRAFT
    )
    status_reason: Mapped[str] = mapped_column(Text, default="")
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    council_size: Mapped[int | None] = mapped_column(Integer)
    voted_on: Mapped[dt.date | None] = mapped_column(Date)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT"), index=True
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    award: Mapped[Award] = relationship()
    person: Mapped[Person | None] = relationship()
    unit: Mapped[Unit | None] = relationship(foreign_keys=[unit_id])
    submitting_unit: Mapped[Unit] = relationship(foreign_keys=[submitting_unit_id])
    campaign: Mapped[Campaign | None] = relationship()
    decision: Mapped[Decision | None] = relationship()
    initiatives: Mapped[list[Initiative]] = relationship(secondary="nomination_initiative")
    events: Mapped[list[NominationEvent]] = relationship(
        back_populates="nomination", order_by="NominationEvent.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {**MAPPER_ARGS, "version_id_col": version}
    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (unit_id IS NULL)", name="one_nominee"),
        CheckConstraint("year BETWEEN 1945 AND 2200", name="year_range"),
        CheckConstraint(
            "council_size IS NULL OR (council_size > 0 AND votes_for BETWEEN 0 AND council_size"
            " AND votes_against BETWEEN 0 AND council_size AND votes_for + votes_against <= council_size)",
            name="votes_within_council",
        ),
        CheckConstraint(
            "status NOT IN ('voted', 'approved') OR council_size IS NOT NULL", name="voted_has_votes"
        ),
        CheckConstraint("status <> 'approved' OR decision_id IS NOT NULL", name="approved_has_decision"),
        CheckConstraint(
            "status NOT IN ('returned', 'rejected', 'revoked') OR status_reason <> ''", name="reason_given"
        ),
        # One live nomination per nominee, award, year and campaign (NULL campaign counted as 0).
        Index(
            "uq_nomination_live_person",
            "person_id",
            "award_id",
            "year",
            func.coalesce(text("campaign_id"), 0),
            unique=True,
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        ),
        Index(
            "uq_nomination_live_unit",
            "unit_id",
            "award_id",
            "year",
            func.coalesce(text("campaign_id"), 0),
            unique=True,
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        ),
        Index("ix_nomination_year_status", "year", "status", "id"),
        Index("ix_nomination_unit_year", "submitting_unit_id", "year", "id"),
        # A unit's list filtered by state, and a year's list in id order, on a million rows.
        Index("ix_nomination_unit_year_status", "submitting_unit_id", "year", "status", "id"),
        Index("ix_nomination_year_id", "year", "id"),
        # The list in id order: stepping over half a million ids in this narrow index takes
        # 9 ms; in the table itself (the rows are wide) 50 ms.
        Index("ix_nomination_id", "id"),
        Index("ix_nomination_award_year", "award_id", "year"),
        Index("ix_nomination_fold", "nominee_fold"),
        Index("ix_nomination_sort", "nominee_sort", "id"),
        Index("ix_nomination_person", "person_id", "year"),
        Index("ix_nomination_unit_nominee", "unit_id", "year"),
        Index("ix_nomination_campaign", "campaign_id"),
    )

    @property
    def nominee_is_person(self) -> bool:
        return self.person_id is not None

    @property
    def awarded_name(self) -> str:
        """The name the award is for: as decided once decided, else the nominee's current name."""
        return self.decided_name or self.nominee_name


def nominee_place(
    person_id: int | None,
    position: str | None,
    unit: str | None,
    parent: str | None,
    collective_parent: str | None,
) -> tuple[str, str]:
    """(position, unit) as a certificate names them: a person's position and "unit, parent unit";
    for a collective, no position and its parent unit."""
    if person_id is not None:
        return position or "", ", ".join(p for p in (unit, parent) if p)
    return "", collective_parent or ""


def awarded_name() -> ColumnElement[str]:
    """:attr:`Nomination.awarded_name` in SQL."""
    return func.coalesce(Nomination.decided_name, Nomination.nominee_name)


class NominationInitiative(Base):
    __tablename__ = "nomination_initiative"

    nomination_id: Mapped[int] = mapped_column(
        ForeignKey("nomination.id", ondelete="CASCADE"), primary_key=True
    )
    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class NominationEvent(Base):
    """One step of a nomination's workflow: who moved it from what to what, when and why."""

    __tablename__ = "nomination_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    nomination: Mapped[Nomination] = relationship(back_populates="events")
