"""The award catalogue: titles and forms of the law, versioned by legal basis and dates.

Loaded from ``resources/catalogue/awards.toml`` (see :mod:`app.catalogue`), never typed in code.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, KeyString, enum_column
from .enums import Authority, AwardCategory, AwardLevel, AwardTarget


class LegalInstrument(Base):
    """A law, decree, circular or provincial decision that awards and rules cite."""

    __tablename__ = "legal_instrument"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)


class Award(Base):
    """One title or form (stable identity; what changes with the law lives in its versions)."""

    __tablename__ = "award"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_fold: Mapped[str] = mapped_column(KeyString)
    category: Mapped[AwardCategory] = mapped_column(enum_column(AwardCategory, "award_category"))
    target: Mapped[AwardTarget] = mapped_column(enum_column(AwardTarget, "award_target"))
    level: Mapped[AwardLevel] = mapped_column(enum_column(AwardLevel, "award_level"))
    kinds: Mapped[str] = mapped_column(String(100))  # comma-separated AwardKind values
    authority: Mapped[Authority] = mapped_column(enum_column(Authority, "authority"))
    rank: Mapped[int] = mapped_column(Integer, default=0)
    periodic: Mapped[bool] = mapped_column(default=False)
    lower_id: Mapped[int | None] = mapped_column(ForeignKey("award.id", ondelete="RESTRICT"))

    versions: Mapped[list[AwardVersion]] = relationship(
        back_populates="award", order_by="AwardVersion.valid_from", cascade="all, delete-orphan"
    )

    def version_for_year(self, year: int) -> AwardVersion | None:
        """The version in force on 31 December of ``year`` (awards are judged per year)."""
        day = dt.date(year, 12, 31)
        for version in reversed(self.versions):
            if version.valid_from <= day and (version.valid_to is None or day <= version.valid_to):
                return version
        return None


class AwardVersion(Base):
    """What an award is under one legal era: basis, dates, cash reward."""

    __tablename__ = "award_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    award_id: Mapped[int] = mapped_column(ForeignKey("award.id", ondelete="CASCADE"))
    instrument_id: Mapped[int] = mapped_column(ForeignKey("legal_instrument.id", ondelete="RESTRICT"))
    legal_basis: Mapped[str] = mapped_column(String(500))
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    cash_multiplier: Mapped[float | None] = mapped_column(Numeric(6, 2, asdecimal=False))
    cash_basis: Mapped[str] = mapped_column(String(500), default="")
    verified: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    award: Mapped[Award] = relationship(back_populates="versions")
    instrument: Mapped[LegalInstrument] = relationship()

    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="period_order"),
        CheckConstraint("cash_multiplier IS NULL OR cash_multiplier >= 0", name="cash_not_negative"),
        Index("ix_award_version_award_from", "award_id", "valid_from", unique=True),
    )
