"""Initiatives (sáng kiến) and their authors."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, KeyString, Timestamps, enum_column
from .enums import InitiativeKind, InitiativeLevel
from .org import Unit
from .persons import Person


class Initiative(Timestamps, Base):
    """An initiative recognised at a level in a year (the proof of many titles)."""

    __tablename__ = "initiative"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    title_fold: Mapped[str] = mapped_column(KeyString, index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    level: Mapped[InitiativeLevel] = mapped_column(enum_column(InitiativeLevel, "initiative_level"))
    kind: Mapped[InitiativeKind] = mapped_column(
        enum_column(InitiativeKind, "initiative_kind"),
        default=InitiativeKind.INITIATIVE,
        server_default="initiative",
    )
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    recognised_by: Mapped[str] = mapped_column(String(300), default="")
    recognition_ref: Mapped[str] = mapped_column(String(100), default="")
    recognised_on: Mapped[dt.date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")

    unit: Mapped[Unit | None] = relationship()
    authors: Mapped[list[InitiativeAuthor]] = relationship(
        back_populates="initiative", cascade="all, delete-orphan"
    )

    __table_args__ = (CheckConstraint("title <> ''", name="title_not_empty"),)


class InitiativeAuthor(Base):
    __tablename__ = "initiative_author"

    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    # Share of the authorship in percent, when the recognition states it.
    share: Mapped[int | None] = mapped_column(Integer)

    initiative: Mapped[Initiative] = relationship(back_populates="authors")
    person: Mapped[Person] = relationship()

    __table_args__ = (CheckConstraint("share IS NULL OR share BETWEEN 1 AND 100", name="share_range"),)
