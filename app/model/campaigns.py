"""Emulation campaigns (phong trào thi đua) and registrations (đăng ký thi đua)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, KeyString, Timestamps, enum_column
from .catalogue import Award
from .enums import CampaignKind
from .org import Unit
from .persons import Person


class Campaign(Timestamps, Base):
    """A regular (yearly) or thematic campaign launched by a body, with its period."""

    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    name_fold: Mapped[str] = mapped_column(KeyString, index=True)
    kind: Mapped[CampaignKind] = mapped_column(enum_column(CampaignKind, "campaign_kind"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    launched_by_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    launched_by: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")

    launched_by_unit: Mapped[Unit | None] = relationship()

    __table_args__ = (
        CheckConstraint("name <> ''", name="name_not_empty"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="period_order"),
    )


class Registration(Timestamps, Base):
    """A unit's or person's pledge, early in the year, to reach a target title."""

    __tablename__ = "registration"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="RESTRICT"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    award_id: Mapped[int] = mapped_column(ForeignKey("award.id", ondelete="RESTRICT"))
    registered_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    campaign: Mapped[Campaign | None] = relationship()
    person: Mapped[Person | None] = relationship()
    unit: Mapped[Unit | None] = relationship()
    award: Mapped[Award] = relationship()

    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (unit_id IS NULL)", name="one_registrant"),
        Index("uq_registration_person", "person_id", "award_id", "year", unique=True),
        Index("uq_registration_unit", "unit_id", "award_id", "year", unique=True),
        Index("ix_registration_year", "year"),
    )
