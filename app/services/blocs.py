"""Emulation blocs and clusters with their yearly membership, head and deputy."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..auth import SYSTEM, Actor, P, PermissionDeniedError, can, within
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Bloc, BlocKind, BlocMembership, BlocRole, Unit, UserRole
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


# ------------------------------------------------------------------------------- the secretariat
# The head unit's secretariat runs the bloc's year (criteria, score entry, closing and reopening a
# period, the review's texts), helped by the deputy. Who may do it for a bloc and year:
#   * the administrator (and headless maintenance);
#   * an approver with no unit: the council's standing office, whose book it is (every bloc, as
#     before this rule: the demo's «pheduyet», existing books' approvers);
#   * an approver whose unit is (or hangs under) that year's head or deputy unit of the bloc.
# An approver of any other unit may read the standings but not run that bloc's year.
SECRETARIAT_ROLES = (BlocRole.HEAD, BlocRole.DEPUTY)


@dataclass(frozen=True)
class Secretariat:
    """The head and deputy units of a bloc's year (either may be missing)."""

    head: Member | None
    deputy: Member | None


def secretariat(db: Database, bloc_id: int, year: int) -> Secretariat:
    mem = members(db, bloc_id, year)
    return Secretariat(
        next((m for m in mem if m.role is BlocRole.HEAD), None),
        next((m for m in mem if m.role is BlocRole.DEPUTY), None),
    )


def _leading_units(session: Session, bloc_id: int, year: int) -> list[int]:
    return list(
        session.scalars(
            select(BlocMembership.unit_id).where(
                BlocMembership.bloc_id == bloc_id,
                BlocMembership.year == year,
                BlocMembership.role.in_(SECRETARIAT_ROLES),
            )
        )
    )


def runs_secretariat(session: Session, actor: Actor, bloc_id: int, year: int) -> bool:
    """Whether ``actor`` may do the secretariat's work of the bloc's year (see above)."""
    if actor.system or actor.role is UserRole.ADMIN:
        return can(actor, P.SCORING)
    if not can(actor, P.SCORING):
        return False
    if actor.unit_id is None:
        return True
    return any(within(session, actor.unit_id, lead) for lead in _leading_units(session, bloc_id, year))


def may_run_secretariat(db: Database, bloc_id: int, year: int) -> bool:
    """:func:`runs_secretariat` for the logged-in account (what the window shows)."""
    with db.read() as session:
        return runs_secretariat(session, db.actor, bloc_id, year)


def check_secretariat(session: Session, actor: Actor, bloc_id: int, year: int) -> None:
    """Refuse unless ``actor`` runs the bloc's year (after :func:`app.auth.require` of P.SCORING)."""
    if runs_secretariat(session, actor, bloc_id, year):
        return
    raise PermissionDeniedError(
        f"Tài khoản «{actor.username}» chỉ được lập tiêu chí, chấm điểm, khóa hoặc mở lại kỳ của khối "
        f"mà đơn vị mình là khối trưởng hoặc khối phó năm {year}."
    )


def require_secretariat(db: Database, bloc_id: int, year: int, session: Session | None = None) -> None:
    """P.SCORING, and the secretariat's right to the bloc's year (see :func:`runs_secretariat`)."""
    allowed(db, P.SCORING)
    actor = db.actor
    if actor.system or actor.role is UserRole.ADMIN or actor.unit_id is None:
        return  # no query: every bloc
    if session is not None:
        check_secretariat(session, actor, bloc_id, year)
        return
    with db.read() as own:
        check_secretariat(own, actor, bloc_id, year)


def session_actor(session: Session) -> Actor:
    """The actor of the database a write session belongs to (headless: the system)."""
    db = session.info.get("db")
    actor = getattr(db, "actor", None)
    return actor if isinstance(actor, Actor) else SYSTEM
