"""Initiatives (sáng kiến) with their authors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..model import Initiative, InitiativeAuthor, InitiativeKind, InitiativeLevel, Person, Unit
from ..storage.db import Database
from ..text import clean, fold
from .common import as_enum, check_year, get, optional_text, require, required_text


@dataclass
class InitiativeInput:
    title: str
    year: int
    level: InitiativeLevel
    kind: InitiativeKind = InitiativeKind.INITIATIVE
    author_ids: Sequence[int] = field(default_factory=tuple)
    unit_id: int | None = None
    recognised_by: str = ""
    recognition_ref: str = ""
    recognised_on: dt.date | None = None
    summary: str = ""


def create_initiative(db: Database, data: InitiativeInput) -> Initiative:
    return create_initiatives(db, [data])[0]


def create_initiatives(db: Database, data: Sequence[InitiativeInput]) -> list[Initiative]:
    """New initiatives with their authors, in one transaction and one flush: all or none; each is
    checked as a single one is (:func:`create_initiative` is a batch of one)."""
    checked = [_checked(d) for d in data]
    allowed(db, P.INITIATIVES)
    with db.write() as session:
        made = [_initiative(db, session, d, *c) for d, c in zip(data, checked, strict=True)]
        session.add_all(made)
        session.flush()
        return made


def _checked(data: InitiativeInput) -> tuple[str, InitiativeLevel, InitiativeKind]:
    """The checks that need no database: (title, level, kind)."""
    title = required_text(data.title, "Tên sáng kiến", "title", 500)
    check_year(data.year)
    level = as_enum(InitiativeLevel, data.level, "Cấp công nhận", "level")
    kind = as_enum(InitiativeKind, data.kind, "Loại sáng kiến", "kind")
    require(bool(data.author_ids), "Sáng kiến phải có ít nhất một tác giả.", "author_ids")
    return title, level, kind


def _initiative(
    db: Database,
    session: Session,
    data: InitiativeInput,
    title: str,
    level: InitiativeLevel,
    kind: InitiativeKind,
) -> Initiative:
    if data.unit_id is not None:
        get(session, Unit, data.unit_id, "đơn vị")
    initiative = Initiative(
        title=title,
        title_fold=fold(title),
        year=data.year,
        level=level,
        kind=kind,
        unit_id=data.unit_id,
        recognised_by=optional_text(data.recognised_by, "Cơ quan công nhận", "recognised_by"),
        recognition_ref=optional_text(data.recognition_ref, "Số văn bản công nhận", "recognition_ref", 100),
        recognised_on=data.recognised_on,
        summary=clean(data.summary),
    )
    for person_id in dict.fromkeys(data.author_ids):
        author = get(session, Person, person_id, "tác giả")
        allowed(db, P.INITIATIVES, unit_ids=(author.unit_id, data.unit_id), session=session)
        initiative.authors.append(InitiativeAuthor(person_id=person_id))
    return initiative


def initiatives_of(db: Database, person_id: int) -> list[Initiative]:
    with db.read() as session:
        return list(
            session.scalars(
                select(Initiative)
                .join(InitiativeAuthor)
                .where(InitiativeAuthor.person_id == person_id)
                .order_by(Initiative.year, Initiative.id)
            )
        )
