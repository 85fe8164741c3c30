"""Units (đơn vị): create, update, delete, list."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Nomination, Person, Unit, UnitLevel
from ..storage.db import Database
from ..text import clean, fold, sort_key
from .common import as_enum, get, optional_text, require, required_text
from .records import UnitRecord

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_.\-]{0,31}$")


@dataclass
class UnitInput:
    code: str
    name: str
    level: UnitLevel = UnitLevel.DEPARTMENT
    short_name: str = ""
    parent_id: int | None = None
    active: bool = True


def _validated(data: UnitInput) -> UnitInput:
    code = clean(data.code).upper()
    require(bool(code), "Mã đơn vị không được để trống.", "code")
    require(
        bool(_CODE.match(code)),
        "Mã đơn vị chỉ gồm chữ không dấu, chữ số và các dấu - _ . (tối đa 32 ký tự).",
        "code",
    )
    return UnitInput(
        code=code,
        name=required_text(data.name, "Tên đơn vị", "name", 255),
        level=as_enum(UnitLevel, data.level, "Cấp đơn vị", "level"),
        short_name=optional_text(data.short_name, "Tên viết tắt", "short_name", 100),
        parent_id=data.parent_id,
        active=data.active,
    )


def _apply(unit: Unit, data: UnitInput) -> None:
    unit.code, unit.name, unit.short_name = data.code, data.name, data.short_name
    unit.level, unit.parent_id, unit.active = data.level, data.parent_id, data.active
    unit.name_fold, unit.sort_key = fold(data.name), sort_key(data.name)


def _check_code_free(session: Session, code: str, own_id: int | None = None) -> None:
    other = session.scalar(select(Unit.id).where(Unit.code == code))
    require(other is None or other == own_id, f"Mã đơn vị «{code}» đã được dùng.", "code")


def _check_parent(session: Session, parent_id: int | None, own_id: int | None) -> None:
    seen: set[int] = set()
    current = parent_id
    while current is not None:
        require(
            current != own_id, "Đơn vị không thể trực thuộc chính nó hoặc đơn vị con của nó.", "parent_id"
        )
        require(current not in seen, "Cây đơn vị bị lặp.", "parent_id")
        seen.add(current)
        current = get(session, Unit, current, "đơn vị cấp trên").parent_id


def create_unit(db: Database, data: UnitInput) -> UnitRecord:
    allowed(db, P.UNITS)
    data = _validated(data)
    with db.write() as session:
        _check_code_free(session, data.code)
        _check_parent(session, data.parent_id, None)
        unit = Unit()
        _apply(unit, data)
        session.add(unit)
        session.flush()
        return UnitRecord.of(unit)


def update_unit(db: Database, unit_id: int, data: UnitInput) -> UnitRecord:
    allowed(db, P.UNITS)
    data = _validated(data)
    with db.write() as session:
        unit = get(session, Unit, unit_id, "đơn vị")
        _check_code_free(session, data.code, unit_id)
        _check_parent(session, data.parent_id, unit_id)
        _apply(unit, data)
        session.flush()
        return UnitRecord.of(unit)


def delete_unit(db: Database, unit_id: int) -> None:
    """Delete a unit nothing refers to; a unit with people, awards or divisions is refused."""
    allowed(db, P.UNITS)
    with db.write() as session:
        unit = get(session, Unit, unit_id, "đơn vị")
        if session.scalar(select(exists().where(Person.unit_id == unit_id))):
            raise DomainError(f"Không xóa được đơn vị «{unit.name}»: đơn vị còn cán bộ.")
        if session.scalar(
            select(
                exists().where((Nomination.unit_id == unit_id) | (Nomination.submitting_unit_id == unit_id))
            )
        ):
            raise DomainError(f"Không xóa được đơn vị «{unit.name}»: đơn vị có hồ sơ khen thưởng.")
        if session.scalar(select(exists().where(Unit.parent_id == unit_id))):
            raise DomainError(f"Không xóa được đơn vị «{unit.name}»: đơn vị còn đơn vị trực thuộc.")
        session.delete(unit)


def list_units(db: Database, query: str = "", *, parent_id: int | None = None) -> list[Unit]:
    """Units in Vietnamese name order; ``query`` matches code or name, tones ignored."""
    stmt = select(Unit).order_by(Unit.sort_key, Unit.id)
    if query:
        q = fold(query)
        stmt = stmt.where(
            Unit.name_fold.contains(q, autoescape=True) | Unit.code.contains(q.upper(), autoescape=True)
        )
    if parent_id is not None:
        stmt = stmt.where(Unit.parent_id == parent_id)
    with db.read() as session:
        return list(session.scalars(stmt))


def get_unit(db: Database, unit_id: int) -> UnitRecord:
    with db.read() as session:
        return UnitRecord.of(get(session, Unit, unit_id, "đơn vị"))
