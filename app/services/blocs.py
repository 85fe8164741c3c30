"""Emulation blocs and clusters with their yearly membership, head and deputy."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Bloc, BlocKind, BlocMembership, BlocRole, Unit
from ..storage.db import Database
from ..text import clean
from .common import as_enum, check_year, get, require, required_text
from .records import BlocRecord


@dataclass
class BlocInput:
    code: str
    name: str
    kind: BlocKind = BlocKind.BLOC


def create_bloc(db: Database, data: BlocInput) -> BlocRecord:
    allowed(db, P.UNITS)
    code = clean(data.code).upper()
    require(bool(code), "Mã khối không được để trống.", "code")
    name = required_text(data.name, "Tên khối", "name", 255)
    with db.write() as session:
        require(
            session.scalar(select(Bloc.id).where(Bloc.code == code)) is None,
            f"Mã khối «{code}» đã được dùng.",
            "code",
        )
        bloc = Bloc(code=code, name=name, kind=as_enum(BlocKind, data.kind, "Loại khối", "kind"))
        session.add(bloc)
        session.flush()
        return BlocRecord.of(bloc)


def set_membership(
    db: Database, bloc_id: int, unit_id: int, year: int, role: BlocRole = BlocRole.MEMBER
) -> None:
    """Make ``unit`` a member of ``bloc`` in ``year`` with ``role``; a new head or deputy replaces
    the previous one, who stays a member."""
    allowed(db, P.UNITS)
    check_year(year)
    role = as_enum(BlocRole, role, "Vai trò trong khối", "role")
    with db.write() as session:
        bloc = get(session, Bloc, bloc_id, "khối thi đua")
        unit = get(session, Unit, unit_id, "đơn vị")
        current = session.scalar(
            select(BlocMembership).where(BlocMembership.unit_id == unit_id, BlocMembership.year == year)
        )
        if current is not None and current.bloc_id != bloc_id:
            other = session.get(Bloc, current.bloc_id)
            raise DomainError(
                f"Đơn vị «{unit.name}» đã thuộc {other.name if other else 'khối khác'} năm {year}.",
                field="unit",
            )
        if role is not BlocRole.MEMBER:
            previous = session.scalar(
                select(BlocMembership).where(
                    BlocMembership.bloc_id == bloc_id,
                    BlocMembership.year == year,
                    BlocMembership.role == role,
                )
            )
            if previous is not None and previous.unit_id != unit_id:
                previous.role = BlocRole.MEMBER
                session.flush()
        if current is None:
            session.add(BlocMembership(bloc_id=bloc.id, unit_id=unit_id, year=year, role=role))
        else:
            current.role = role


def remove_membership(db: Database, bloc_id: int, unit_id: int, year: int) -> None:
    allowed(db, P.UNITS)
    with db.write() as session:
        row = session.scalar(
            select(BlocMembership).where(
                BlocMembership.bloc_id == bloc_id,
                BlocMembership.unit_id == unit_id,
                BlocMembership.year == year,
            )
        )
        require(row is not None, f"Đơn vị không phải thành viên của khối năm {year}.")
        session.delete(row)


@dataclass(frozen=True)
class Member:
    unit_id: int
    code: str
    name: str
    role: BlocRole


def members(db: Database, bloc_id: int, year: int) -> list[Member]:
    """Members of a bloc in a year: head first, then deputy, then the others by name."""
    order = {BlocRole.HEAD: 0, BlocRole.DEPUTY: 1, BlocRole.MEMBER: 2}
    with db.read() as session:
        rows = sorted(
            session.execute(
                select(Unit.id, Unit.code, Unit.name, BlocMembership.role, Unit.sort_key)
                .join(BlocMembership, BlocMembership.unit_id == Unit.id)
                .where(BlocMembership.bloc_id == bloc_id, BlocMembership.year == year)
            ).all(),
            key=lambda r: (order[r.role], r.sort_key),
        )
    return [Member(r.id, r.code, r.name, r.role) for r in rows]


def list_blocs(db: Database) -> list[Bloc]:
    with db.read() as session:
        return list(session.scalars(select(Bloc).order_by(Bloc.code)))


# Built once (every score entered asks): building a statement costs more than SQLite running it.
_MEMBER = select(BlocMembership.id).where(
    BlocMembership.bloc_id == bindparam("bloc"),
    BlocMembership.unit_id == bindparam("unit"),
    BlocMembership.year == bindparam("year"),
)


def is_member(session: Session, bloc_id: int, unit_id: int, year: int) -> bool:
    return session.scalar(_MEMBER, {"bloc": bloc_id, "unit": unit_id, "year": year}) is not None
