"""Persons: entry with name splitting and duplicate detection, moves between units, discipline."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, cast

from sqlalchemy import CursorResult, and_, exists, or_, select, update
from sqlalchemy.orm import Session

from ..audit import log as audit
from ..auth import P
from ..auth import require as allowed
from ..errors import ConflictError, DomainError
from ..model import (
    DisciplinaryRecord,
    DisciplineKind,
    Gender,
    Nomination,
    Person,
    PersonNameChange,
    Posting,
    Unit,
)
from ..storage.db import Database
from ..text import clean, clean_name, fold, join_name, name_sort_key, prefix_upper_bound, split_full_name
from .common import check_period, get, optional_text, require
from .records import PersonRecord

_CCCD = re.compile(r"^\d{12}$")


@dataclass
class PersonInput:
    """A person as typed. Either ``full_name`` (split by default) or the three parts."""

    unit_id: int
    gender: Gender
    full_name: str = ""
    family_name: str | None = None
    middle_name: str | None = None
    given_name: str | None = None
    birth_date: dt.date | None = None
    birth_year: int | None = None
    cccd: str | None = None
    position: str = ""
    start_date: dt.date | None = None  # of the posting in the unit; today if not given


class _Clean(NamedTuple):
    """A validated person (a named tuple: imports make a hundred thousand of them)."""

    family: str
    middle: str
    given: str
    full: str
    fold: str
    gender: Gender
    birth_date: dt.date | None
    birth_year: int | None
    cccd: str | None
    position: str


def normalise_cccd(value: str | None) -> str | None:
    """Citizen ID as 12 digits of text (leading zeros kept); ``None`` if empty."""
    if value is not None and len(value) == 12 and value.isascii() and value.isdigit():
        return value  # the usual case, as the full path below would give it
    text = re.sub(r"[\s.\-]", "", clean(value))
    if not text:
        return None
    require(bool(_CCCD.match(text)), "Số CCCD phải gồm đúng 12 chữ số.", "cccd")
    return text


@functools.lru_cache(maxsize=1 << 16)
def _names(
    full_name: str, family: str | None, middle: str | None, given: str | None
) -> tuple[str, str, str, str]:
    """(family, middle, given, full) from the parts if any is given, else split from the full name."""
    if given is not None or family is not None:
        family, middle, given = (clean_name(p) for p in (family, middle, given))
    else:
        family, middle, given = split_full_name(full_name)
    return family, middle, given, join_name(family, middle, given)


def _validated(data: PersonInput, today: dt.date | None = None) -> _Clean:
    """The person checked and normalised; ``today`` is given by imports, which check many."""
    family, middle, given, full = _names(data.full_name, data.family_name, data.middle_name, data.given_name)
    require(bool(given), "Họ và tên không được để trống.", "full_name")
    require(len(full) <= 300, "Họ và tên quá dài.", "full_name")
    gender = data.gender
    if gender.__class__ is not Gender:
        try:
            gender = Gender(gender)
        except ValueError:
            raise DomainError("Giới tính không hợp lệ.", field="gender") from None
    birth_year = data.birth_year
    today = today or dt.date.today()
    if data.birth_date is not None:
        require(
            dt.date(1900, 1, 1) <= data.birth_date <= today,
            "Ngày sinh không hợp lệ.",
            "birth_date",
        )
        require(
            birth_year in (None, data.birth_date.year), "Năm sinh không khớp với ngày sinh.", "birth_year"
        )
        birth_year = data.birth_date.year
    if birth_year is not None:
        require(1900 <= birth_year <= today.year, "Năm sinh không hợp lệ.", "birth_year")
    return _Clean(
        family=family,
        middle=middle,
        given=given,
        full=full,
        fold=fold(full),
        gender=gender,
        birth_date=data.birth_date,
        birth_year=birth_year,
        cccd=normalise_cccd(data.cccd),
        position=_position(data.position),
    )


@functools.lru_cache(maxsize=1 << 12)
def _position(text: str | None) -> str:
    return optional_text(text, "Chức vụ", "position", 200)


def _check_duplicates(session: Session, c: _Clean, unit_id: int, own_id: int | None) -> None:
    _Duplicates(session, [c], own_id).check(c, unit_id)


class _Duplicates:
    """The persons a batch of new (or edited) ones could clash with: those of the book with one of
    their CCCDs or folded names, found in one query (a batch of three hundred asks once, not three
    hundred times), and those of the batch already checked (:meth:`add`)."""

    def __init__(self, session: Session, batch: Sequence[_Clean], own_id: int | None = None) -> None:
        self.session = session
        self.by_cccd: dict[str, Person] = {}
        self.by_name: dict[tuple[int, str], list[Person]] = {}
        cccds = list(dict.fromkeys(c.cccd for c in batch if c.cccd))
        folds = list(dict.fromkeys(c.fold for c in batch))
        found: dict[int, Person] = {}
        for start in range(0, max(len(cccds), len(folds)), 400):
            wanted = [Person.name_fold.in_(folds[start : start + 400])]
            if cccds[start : start + 400]:
                wanted.append(Person.cccd.in_(cccds[start : start + 400]))
            found.update((p.id, p) for p in session.scalars(select(Person).where(or_(*wanted))))
        for person in found.values():
            if person.id != own_id:
                self.add(person)

    def add(self, person: Person) -> None:
        if person.cccd:
            self.by_cccd.setdefault(person.cccd, person)
        self.by_name.setdefault((person.unit_id, person.name_fold), []).append(person)

    def check(self, c: _Clean, unit_id: int) -> None:
        """Refuse ``c`` in ``unit_id`` if it has another's CCCD, or another's name and birth there."""
        other = self.by_cccd.get(c.cccd) if c.cccd else None
        if other is not None:
            self.session.flush()  # one of the batch: the message names it by its number
            raise DomainError(
                f"Số CCCD {c.cccd} đã có trong sổ: {other.full_name} (mã {other.id}).", field="cccd"
            )
        for other in self.by_name.get((unit_id, c.fold), ()):
            if c.birth_date and other.birth_date:
                clash = c.birth_date == other.birth_date
            elif c.birth_year and other.birth_year:
                clash = c.birth_year == other.birth_year
            else:
                clash = True  # nothing tells them apart
            if clash:
                self.session.flush()
                raise DomainError(
                    f"Đơn vị đã có cá nhân «{other.full_name}» cùng họ tên và ngày/năm sinh (mã {other.id}). "
                    "Nếu là hai người khác nhau, hãy nhập ngày sinh hoặc số CCCD để phân biệt.",
                    field="full_name",
                )


def _apply(person: Person, c: _Clean) -> None:
    person.family_name, person.middle_name, person.given_name = c.family, c.middle, c.given
    person.full_name, person.name_fold, person.given_fold = c.full, c.fold, fold(c.given)
    person.sort_key = name_sort_key(c.family, c.middle, c.given)
    person.gender, person.birth_date, person.birth_year = c.gender, c.birth_date, c.birth_year
    person.cccd, person.position = c.cccd, c.position


def create_person(db: Database, data: PersonInput) -> PersonRecord:
    return create_persons(db, [data])[0]


def create_persons(db: Database, data: Sequence[PersonInput]) -> list[PersonRecord]:
    """New persons, each with its first posting, in one transaction: all or none. Each is checked
    as a single one is (:func:`create_person` is a batch of one), and one of the batch counts in
    the duplicate checks of those after it. One query for the duplicates, one flush for all."""
    checked = [_validated(d) for d in data]
    allowed(db, P.PERSONS)
    with db.write() as session:  # (a nested write flushes what the enclosing one changed first)
        made: list[Person] = []
        with session.no_autoflush:
            duplicates = _Duplicates(session, checked)
            for d, c in zip(data, checked, strict=True):
                get(session, Unit, d.unit_id, "đơn vị")
                allowed(db, P.PERSONS, unit_id=d.unit_id, session=session)
                duplicates.check(c, d.unit_id)
                person = Person(unit_id=d.unit_id)
                _apply(person, c)
                start = d.start_date or dt.date.today()
                person.postings.append(Posting(unit_id=d.unit_id, position=c.position, start_date=start))
                session.add(person)
                duplicates.add(person)
                made.append(person)
        session.flush()
        return [PersonRecord.of(p) for p in made]


def full_name(data: PersonInput) -> str:
    """The full name ``data`` is saved under: its parts joined, or its full name as split and joined."""
    return _names(data.full_name, data.family_name, data.middle_name, data.given_name)[3]


def update_person(
    db: Database,
    person_id: int,
    data: PersonInput,
    *,
    expected_version: int | None = None,
    rename_reason: str = "",
) -> PersonRecord:
    """Correct a person's record (name split, CCCD, birth...). A move between units is
    :func:`move_person`, which keeps the history; here ``data.unit_id`` must stay the same.

    A new full name is kept in the person's name history (old → new, who, when, why); the
    nominations follow the new name for lists and search, but an award already decided keeps the
    name it was decided for (``Nomination.decided_name``): its certificate and code stay as printed."""
    c = _validated(data)
    rename_reason = clean(rename_reason)
    allowed(db, P.PERSONS)
    with db.write() as session:
        person = get(session, Person, person_id, "cá nhân")
        allowed(db, P.PERSONS, unit_id=person.unit_id, session=session)
        if expected_version is not None and person.version != expected_version:
            raise ConflictError("Hồ sơ cá nhân vừa được người khác sửa. Hãy mở lại để xem bản mới nhất.")
        require(
            data.unit_id == person.unit_id, "Để chuyển đơn vị, hãy dùng chức năng Chuyển công tác.", "unit_id"
        )
        _check_duplicates(session, c, person.unit_id, person_id)
        old_name = person.full_name
        _apply(person, c)
        if person.full_name != old_name:
            session.add(PersonNameChange(person_id=person_id, old_name=old_name, new_name=person.full_name,
                                         changed_by=db.actor.username, reason=rename_reason))  # fmt: skip
        current = session.scalar(
            select(Posting).where(Posting.person_id == person_id, Posting.end_date.is_(None))
        )
        if current is not None:
            current.position = c.position
        renamed = cast(  # an UPDATE's result is a CursorResult (it has rowcount)
            CursorResult[Any],
            session.execute(
                update(Nomination)
                .where(Nomination.person_id == person_id)
                .values(
                    nominee_name=person.full_name, nominee_fold=person.name_fold, nominee_sort=person.sort_key
                )
            ),
        ).rowcount
        if renamed:
            audit.record(session, "rename_nominee", "nomination", details={
                "person_id": person_id, "nominee_name": person.full_name, "rows": renamed,
            })  # fmt: skip
            t = Nomination.__table__  # each row's state, for the replay (app.audit.replay)
            audit.record_rows(session, t, t.c.person_id, [person_id])
        session.flush()
        return PersonRecord.of(person)


def move_person(db: Database, person_id: int, unit_id: int, position: str, on: dt.date) -> PersonRecord:
    """Transfer a person to another unit from ``on``; the old posting ends the day before."""
    position = optional_text(position, "Chức vụ", "position", 200)
    allowed(db, P.PERSONS)
    with db.write() as session:
        person = get(session, Person, person_id, "cá nhân")
        get(session, Unit, unit_id, "đơn vị")
        allowed(db, P.PERSONS, unit_ids=(person.unit_id, unit_id), session=session)
        current = session.scalar(
            select(Posting).where(Posting.person_id == person_id, Posting.end_date.is_(None))
        )
        if current is not None:
            require(on > current.start_date, "Ngày chuyển phải sau ngày bắt đầu công tác hiện tại.", "on")
            current.end_date = on - dt.timedelta(days=1)
            session.flush()
        clash = select(Person).where(
            Person.unit_id == unit_id,
            Person.name_fold == person.name_fold,
            Person.id != person_id,
            Person.birth_date == person.birth_date,
        )
        if person.birth_date is not None and session.scalar(clash) is not None:
            raise DomainError("Đơn vị mới đã có cá nhân cùng họ tên và ngày sinh.", field="unit_id")
        session.add(Posting(person_id=person_id, unit_id=unit_id, position=position, start_date=on))
        person.unit_id, person.position = unit_id, position
        session.flush()
        return PersonRecord.of(person)


def unit_on(db: Database, person_id: int, on: dt.date) -> int | None:
    """The unit a person belonged to on a day (from the posting history)."""
    with db.read() as session:
        return session.scalar(
            select(Posting.unit_id).where(
                Posting.person_id == person_id,
                Posting.start_date <= on,
                or_(Posting.end_date.is_(None), Posting.end_date >= on),
            )
        )


def delete_person(db: Database, person_id: int) -> None:
    """Delete a person entered by mistake; refused once the person has nominations."""
    allowed(db, P.PERSONS)
    with db.write() as session:
        person = get(session, Person, person_id, "cá nhân")
        allowed(db, P.PERSONS, unit_id=person.unit_id, session=session)
        if session.scalar(select(exists().where(Nomination.person_id == person_id))):
            raise DomainError(f"Không xóa được «{person.full_name}»: đã có hồ sơ đề nghị khen thưởng.")
        session.delete(person)


@dataclass
class DisciplineInput:
    kind: DisciplineKind
    start_date: dt.date
    end_date: dt.date | None = None
    decision_ref: str = ""
    note: str = ""


def add_discipline(db: Database, person_id: int, data: DisciplineInput) -> DisciplinaryRecord:
    check_period(data.start_date, data.end_date)
    try:
        kind = DisciplineKind(data.kind)
    except ValueError:
        raise DomainError("Hình thức kỷ luật không hợp lệ.", field="kind") from None
    allowed(db, P.PERSONS)
    with db.write() as session:
        allowed(db, P.PERSONS, unit_id=get(session, Person, person_id, "cá nhân").unit_id, session=session)
        record = DisciplinaryRecord(
            person_id=person_id,
            kind=kind,
            start_date=data.start_date,
            end_date=data.end_date,
            decision_ref=optional_text(data.decision_ref, "Số quyết định", "decision_ref", 100),
            note=clean(data.note),
        )
        session.add(record)
        session.flush()
        return record


@dataclass(frozen=True)
class NameChange:
    old_name: str
    new_name: str
    changed_at: dt.datetime
    changed_by: str
    reason: str


def name_history(db: Database, person_id: int) -> list[NameChange]:
    """The person's former names, oldest change first."""
    with db.read() as session:
        rows = session.execute(
            select(PersonNameChange.old_name, PersonNameChange.new_name, PersonNameChange.changed_at,
                   PersonNameChange.changed_by, PersonNameChange.reason)
            .where(PersonNameChange.person_id == person_id)
            .order_by(PersonNameChange.id)
        ).all()  # fmt: skip
    return [NameChange(*row) for row in rows]


def get_person(db: Database, person_id: int) -> PersonRecord:
    with db.read() as session:
        return PersonRecord.of(get(session, Person, person_id, "cá nhân"))


def search_persons(
    db: Database,
    query: str,
    *,
    unit_id: int | None = None,
    unit_ids: Collection[int] | None = None,
    anywhere: bool = False,
    limit: int = 50,
) -> list[Person]:
    """Persons whose name matches ``query`` with tones and đ/d ignored, in Vietnamese name order.

    By default the full name or the given name must start with the query (index range scans);
    ``anywhere`` matches inside the name too. ``unit_ids`` keeps persons of those units only.
    """
    q = fold(query)
    stmt = select(Person)
    if q:
        if anywhere:
            stmt = stmt.where(Person.name_fold.contains(q, autoescape=True))
        else:
            hi = prefix_upper_bound(q)
            stmt = stmt.where(
                or_(
                    and_(Person.name_fold >= q, Person.name_fold < hi),
                    and_(Person.given_fold >= q, Person.given_fold < hi),
                )
            )
    if unit_id is not None:
        stmt = stmt.where(Person.unit_id == unit_id)
    if unit_ids is not None:
        stmt = stmt.where(Person.unit_id.in_(list(unit_ids)))
    stmt = stmt.order_by(Person.sort_key, Person.id).limit(limit)
    with db.read() as session:
        return list(session.scalars(stmt))
