"""Persons (cá nhân), their postings between units over time, their former names, and disciplinary
records."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import MAPPER_ARGS, Base, KeyString, Timestamps, enum_column, utcnow
from .enums import DisciplineKind, Gender
from .org import Unit


class Person(Timestamps, Base):
    """A person; names in three parts (a compound given name cannot be found by position)."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_name: Mapped[str] = mapped_column(String(100), default="")
    middle_name: Mapped[str] = mapped_column(String(100), default="")
    given_name: Mapped[str] = mapped_column(String(100))
    full_name: Mapped[str] = mapped_column(String(300))
    name_fold: Mapped[str] = mapped_column(KeyString)
    given_fold: Mapped[str] = mapped_column(KeyString, index=True)
    sort_key: Mapped[str] = mapped_column(KeyString, index=True)
    gender: Mapped[Gender] = mapped_column(enum_column(Gender, "gender"))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    cccd: Mapped[str | None] = mapped_column(String(12), unique=True)
    position: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    unit: Mapped[Unit] = relationship()
    postings: Mapped[list[Posting]] = relationship(
        back_populates="person", order_by="Posting.start_date", cascade="all, delete-orphan"
    )
    disciplines: Mapped[list[DisciplinaryRecord]] = relationship(
        back_populates="person", order_by="DisciplinaryRecord.start_date", cascade="all, delete-orphan"
    )
    name_history: Mapped[list[PersonNameChange]] = relationship(
        back_populates="person", order_by="PersonNameChange.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {**MAPPER_ARGS, "version_id_col": version}
    __table_args__ = (
        CheckConstraint("given_name <> ''", name="given_name_not_empty"),
        CheckConstraint("cccd IS NULL OR length(cccd) = 12", name="cccd_length"),
        CheckConstraint("birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100", name="birth_year_range"),
        Index("ix_person_name_fold", "name_fold"),
        # The same folded name and birth date twice in one unit is the same person.
        Index("uq_person_unit_name_birth", "unit_id", "name_fold", "birth_date", unique=True),
    )


class Posting(Base):
    """A period of a person in a unit and position (quá trình công tác); the open one is current."""

    __tablename__ = "posting"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    position: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="postings")
    unit: Mapped[Unit] = relationship()

    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="period_order"),
        Index(
            "uq_posting_open",
            "person_id",
            unique=True,
            sqlite_where=text("end_date IS NULL"),
            postgresql_where=text("end_date IS NULL"),
        ),
    )


class DisciplinaryRecord(Base):
    """A disciplinary measure or an open proceeding (review, investigation, complaint)."""

    __tablename__ = "disciplinary_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DisciplineKind] = mapped_column(enum_column(DisciplineKind, "discipline_kind"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    decision_ref: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="disciplines")

    __table_args__ = (CheckConstraint("end_date IS NULL OR end_date >= start_date", name="period_order"),)


class PersonNameChange(Base):
    """A change of a person's full name (a correction or a legal change of name): the awards
    decided before it keep the name they were decided for (``Nomination.decided_name``)."""

    __tablename__ = "person_name_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    old_name: Mapped[str] = mapped_column(String(300))
    new_name: Mapped[str] = mapped_column(String(300))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="name_history")
