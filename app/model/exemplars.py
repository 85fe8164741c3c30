"""Exemplary individuals and collectives (gương điển hình tiên tiến), with the period their
achievement covers and where their example was replicated (nhân rộng)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamps
from .campaigns import Campaign
from .org import Unit
from .persons import Person


class Exemplar(Timestamps, Base):
    """A person or collective whose story is publicised, with where it was honoured."""

    __tablename__ = "exemplar"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="RESTRICT"), index=True
    )
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(500))
    story: Mapped[str] = mapped_column(Text, default="")
    honoured_at: Mapped[str] = mapped_column(String(500), default="")
    honoured_on: Mapped[dt.date | None] = mapped_column(Date)
    # The period the achievement covers (e.g. 01/01–30/06 for the half-year); none: the year.
    period_from: Mapped[dt.date | None] = mapped_column(Date)
    period_to: Mapped[dt.date | None] = mapped_column(Date)

    person: Mapped[Person | None] = relationship()
    unit: Mapped[Unit | None] = relationship()
    campaign: Mapped[Campaign | None] = relationship()

    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (unit_id IS NULL)", name="one_subject"),
        CheckConstraint("title <> ''", name="title_not_empty"),
    )


class ExemplarReplication(Timestamps, Base):
    """Where an exemplar's model was taken up (nhân rộng): the unit (or a place outside the book),
    when, what was done and with what result."""

    __tablename__ = "exemplar_replication"

    id: Mapped[int] = mapped_column(primary_key=True)
    exemplar_id: Mapped[int] = mapped_column(ForeignKey("exemplar.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    replicated_on: Mapped[dt.date | None] = mapped_column(Date)
    action: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text, default="")

    unit: Mapped[Unit | None] = relationship()

    __table_args__ = (
        CheckConstraint("unit_id IS NOT NULL OR place <> ''", name="where_given"),
        CheckConstraint("action <> ''", name="action_not_empty"),
    )
