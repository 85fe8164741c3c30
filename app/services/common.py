"""Small helpers shared by the services."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import DomainError, NotFound
from ..model import Award, Meta, Unit
from ..text import clean

T = TypeVar("T")

MIN_YEAR, MAX_YEAR = 1945, 2200


E = TypeVar("E", bound=Enum)


def as_enum(enum_cls: type[E], value: object, label: str, field: str) -> E:
    """``enum_cls(value)``, or a :class:`DomainError` naming the field instead of a bare ValueError."""
    try:
        return enum_cls(value)
    except ValueError:
        raise DomainError(f"{label} không hợp lệ: {value!r}.", field=field) from None


def get(session: Session, model: type[T], id_: int | None, what: str) -> T:
    """The row ``id_`` of ``model``, or :class:`NotFound` saying which ``what`` is missing (an
    unset id included)."""
    row = session.get(model, id_)
    if row is None:
        raise NotFound(f"Không tìm thấy {what} (mã {id_}).")
    return row


def require(condition: bool, message: str, field: str | None = None) -> None:
    if not condition:
        raise DomainError(message, field=field)


def required_text(value: str | None, label: str, field: str, max_len: int = 300) -> str:
    text = clean(value)
    require(bool(text), f"{label} không được để trống.", field)
    require(len(text) <= max_len, f"{label} dài quá {max_len} ký tự.", field)
    return text


def optional_text(value: str | None, label: str, field: str, max_len: int = 300) -> str:
    text = clean(value)
    require(len(text) <= max_len, f"{label} dài quá {max_len} ký tự.", field)
    return text


def check_year(year: int, field: str = "year") -> int:
    require(
        isinstance(year, int) and MIN_YEAR <= year <= MAX_YEAR,
        f"Năm {year} không hợp lệ (từ {MIN_YEAR} đến {MAX_YEAR}).",
        field,
    )
    return year


def check_period(start: dt.date | None, end: dt.date | None, field: str = "end_date") -> None:
    if start and end:
        require(end >= start, "Ngày kết thúc không được trước ngày bắt đầu.", field)


def unit_by_code(session: Session, code: str) -> Unit:
    unit = session.scalar(select(Unit).where(Unit.code == clean(code).upper()))
    if unit is None:
        raise NotFound(f"Không có đơn vị mã «{clean(code)}».", field="unit")
    return unit


def award_by_code(session: Session, code: str) -> Award:
    award = session.scalar(select(Award).where(Award.code == clean(code).upper()))
    if award is None:
        raise NotFound(f"Không có danh hiệu, hình thức khen thưởng mã «{clean(code)}».", field="award")
    return award


def meta_json(session: Session, key: str) -> Any:
    """The JSON value kept under ``key`` in the ``meta`` table; ``None`` when absent or unreadable."""
    row = session.get(Meta, key)
    if row is None:
        return None
    try:
        return json.loads(row.value)
    except ValueError:
        return None


def put_meta_json(session: Session, key: str, value: Any) -> None:
    """Keep ``value`` as JSON under ``key`` in the ``meta`` table (audited as every write)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=text))
    else:
        row.value = text
