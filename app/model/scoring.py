"""Bloc score sheets: a criteria table per bloc, year and period (half-year or year), each member
unit's scores, and the closing of a period once the bloc's meeting has approved its standings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, enum_column
from .enums import CriterionKind, ScorePeriodKind
from .org import Bloc, Unit

Points = Numeric(7, 2, asdecimal=False)


class Criterion(Base):
    """A row of a bloc's scoring table for one year and period: a criterion, a bonus or a penalty row."""

    __tablename__ = "criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    bloc_id: Mapped[int] = mapped_column(ForeignKey("bloc.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[ScorePeriodKind] = mapped_column(
        enum_column(ScorePeriodKind, "score_period_kind"),
        default=ScorePeriodKind.YEAR,
        server_default=ScorePeriodKind.YEAR.value,
    )
    code: Mapped[str] = mapped_column(String(20))  # "I.1", "B.2"
    group: Mapped[str] = mapped_column(String(300), default="")
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[CriterionKind] = mapped_column(enum_column(CriterionKind, "criterion_kind"))
    max_points: Mapped[float] = mapped_column(Points)
    # Lowest share of max_points (0–1) a unit may score here for the top classification bands.
    floor_share: Mapped[float | None] = mapped_column(Numeric(4, 3, asdecimal=False))
    position: Mapped[int] = mapped_column(Integer, default=0)

    bloc: Mapped[Bloc] = relationship()

    __table_args__ = (
        UniqueConstraint("bloc_id", "year", "period", "code", name="uq_criterion_bloc_year_period_code"),
        CheckConstraint("max_points > 0", name="max_positive"),
        CheckConstraint("floor_share IS NULL OR floor_share BETWEEN 0 AND 1", name="floor_share_range"),
        Index("ix_criterion_bloc_year_period", "bloc_id", "year", "period", "position"),
    )


class Score(Base):
    """A unit's points on one criterion row: its own assessment and the bloc's."""

    __tablename__ = "score"

    id: Mapped[int] = mapped_column(primary_key=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="RESTRICT"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    self_points: Mapped[float | None] = mapped_column(Points)
    bloc_points: Mapped[float | None] = mapped_column(Points)
    note: Mapped[str] = mapped_column(Text, default="")  # comment: why the bloc's score differs
    evidence: Mapped[str] = mapped_column(
        Text, default="", server_default=text("''")
    )  # evidence note (minh chứng)

    criterion: Mapped[Criterion] = relationship()
    unit: Mapped[Unit] = relationship()

    __table_args__ = (
        UniqueConstraint("criterion_id", "unit_id", name="uq_score_criterion_unit"),
        CheckConstraint("self_points IS NULL OR self_points >= 0", name="self_not_negative"),
        CheckConstraint("bloc_points IS NULL OR bloc_points >= 0", name="bloc_not_negative"),
    )


class ScorePeriod(Base):
    """The state of one bloc's period: closed once the bloc's meeting approved its standings.

    A row exists once the period was first closed; ``closed_at`` is empty while it is open again.
    Reopening keeps who reopened it and why (the audit log keeps every close and reopen).
    """

    __tablename__ = "score_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    bloc_id: Mapped[int] = mapped_column(ForeignKey("bloc.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[ScorePeriodKind] = mapped_column(enum_column(ScorePeriodKind, "score_period_kind"))
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(100), default="")
    reopened_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reopened_by: Mapped[str] = mapped_column(String(100), default="")
    reopen_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("bloc_id", "year", "period", name="uq_score_period_bloc_year_period"),)
