"""Exemplary individuals and collectives (gương điển hình tiên tiến)."""

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

    person: Mapped[Person | None] = relationship()
    unit: Mapped[Unit | None] = relationship()
    campaign: Mapped[Campaign | None] = relationship()

    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (unit_id IS NULL)", name="one_subject"),
        CheckConstraint("title <> ''", name="title_not_empty"),
    )
