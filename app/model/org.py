"""Units (đơn vị) and emulation blocs/clusters (khối/cụm thi đua) with yearly membership."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, KeyString, Timestamps, enum_column
from .enums import BlocKind, BlocRole, UnitLevel


class Unit(Timestamps, Base):
    """A department, agency, commune or enterprise; divisions hang under their parent."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    short_name: Mapped[str] = mapped_column(String(100), default="")
    level: Mapped[UnitLevel] = mapped_column(enum_column(UnitLevel, "unit_level"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    name_fold: Mapped[str] = mapped_column(KeyString, index=True)
    sort_key: Mapped[str] = mapped_column(KeyString, index=True)
    active: Mapped[bool] = mapped_column(default=True)

    parent: Mapped[Unit | None] = relationship(remote_side=[id])

    __table_args__ = (
        CheckConstraint("code <> ''", name="code_not_empty"),
        CheckConstraint("name <> ''", name="name_not_empty"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
    )


class Bloc(Timestamps, Base):
    """A khối (departments) or cụm (districts, communes) thi đua."""

    __tablename__ = "bloc"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[BlocKind] = mapped_column(enum_column(BlocKind, "bloc_kind"))

    __table_args__ = (CheckConstraint("code <> ''", name="code_not_empty"),)


class BlocMembership(Base):
    """A unit's membership of a bloc in one year, with its role (member, head, deputy)."""

    __tablename__ = "bloc_membership"

    id: Mapped[int] = mapped_column(primary_key=True)
    bloc_id: Mapped[int] = mapped_column(ForeignKey("bloc.id", ondelete="RESTRICT"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    role: Mapped[BlocRole] = mapped_column(enum_column(BlocRole, "bloc_role"), default=BlocRole.MEMBER)

    bloc: Mapped[Bloc] = relationship()
    unit: Mapped[Unit] = relationship()

    __table_args__ = (
        # A unit belongs to one bloc or cluster in a year.
        UniqueConstraint("unit_id", "year", name="uq_bloc_membership_unit_year"),
        CheckConstraint("year BETWEEN 1945 AND 2200", name="year_range"),
        Index("ix_bloc_membership_bloc_year", "bloc_id", "year"),
        # One head and one deputy per bloc and year.
        Index(
            "uq_bloc_membership_leader",
            "bloc_id",
            "year",
            "role",
            unique=True,
            sqlite_where=text("role <> 'member'"),
            postgresql_where=text("role <> 'member'"),
        ),
    )
