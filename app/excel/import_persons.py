"""Import of persons (cá nhân), checked and written batch by batch as the file is read.

A real import of a large file does not wait for the last row before writing the first: inside
one write transaction, each batch of valid records is checked (unit codes, duplicates within the
file and against the book) and inserted while the next batch is read. The first problem or
unresolved duplicate stops the inserting; the rest of the file is still checked for the report,
and the importer then rolls the whole transaction back, so the file is imported all or nothing.
Duplicates against the book are looked up among the persons that were there before the import
(ids up to the largest one at the start): rows this import has just inserted are not "existing".

The price: from its first batch to its end, a real import of a large file holds the write
transaction (SQLite's write lock, PostgreSQL's writer lock) while it reads, about twice as long
as when it wrote only after reading everything (~5 s for 100,000 rows here). Other writers wait
for it, as they wait for any long write; in the app the import dialog is window-modal.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Date, Table, bindparam, func, insert, literal, null, select, update
from sqlalchemy.orm import Session

from ..audit import log as audit
from ..errors import DomainError
from ..model import Gender, Person, Posting, Unit
from ..model.base import utcnow
from ..services import persons as person_rules
from ..storage.db import chunks
from ..text import fold, name_sort_key
from . import bulk
from . import fields as F
from .bulk import insert_rows, insert_rows_returning
from .handler import MERGE, Batches, Duplicate, Handler, ImportReport, Problem

_PERSON_COLUMNS = (
    "family_name", "middle_name", "given_name", "full_name", "name_fold", "given_fold", "sort_key",
    "gender", "birth_date", "birth_year", "cccd", "position", "unit_id", "version", "created_at", "updated_at",
)  # fmt: skip
_POSTING_COLUMNS = ("person_id", "unit_id", "position", "start_date", "end_date")
_NAME_KEYS = ("full_name", "family_name", "middle_name", "given_name")


def gender_of(text: str) -> Gender | None:
    key = fold(text)
    if key in ("nam", "male", "m", "trai"):
        return Gender.MALE
    if key in ("nu", "female", "f", "gai"):
        return Gender.FEMALE
    return None


@dataclass(slots=True)  # a hundred thousand of them in an import
class PersonRecord:
    row: int
    unit_code: str
    c: person_rules._Clean
    start_date: dt.date | None
    unit_id: int = 0
    existing_id: int | None = None


class Persons(Handler):
    fields = F.PERSONS
    preview_headers = ("Dòng", "Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "CCCD", "Chức vụ")
    streams = True
    references = (("unit_code", "unit"),)

    def __init__(self) -> None:
        self.today = dt.date.today()  # one day for the whole file

    def check_columns(self, found: set[str]) -> list[str]:
        missing = super().check_columns(found)
        if "full_name" not in found and "given_name" not in found:
            missing.append("Thiếu cột «Họ và tên» (hoặc các cột «Họ», «Tên đệm», «Tên»).")
        return missing

    def build(self, row: int, values: dict[str, object]) -> tuple[PersonRecord | None, list[tuple[str, str]]]:
        errors: list[tuple[str, str]] = []
        gender = gender_of(str(values.get("gender", "")))
        if gender is None:
            errors.append(("gender", f"Giới tính «{values.get('gender', '')}» không hợp lệ (Nam hoặc Nữ)."))
        for key in _NAME_KEYS:
            text = values.get(key)
            if type(text) is str and F.starts_like_formula(text):
                errors.append((key, f"«{text[:40]}» không phải họ tên (bắt đầu bằng {text[0]!r})."))
        birth = values.get("birth_date")
        birth_year = values.get("birth_year")
        if isinstance(birth, int):
            birth, birth_year = None, birth_year or birth
        if errors or gender is None:  # (no gender is among the errors)
            return None, errors
        parts = "family_name" in values or "middle_name" in values or "given_name" in values
        data = person_rules.PersonInput(
            unit_id=0, gender=gender,
            full_name=str(values.get("full_name", "")),
            family_name=str(values.get("family_name", "")) if parts else None,
            middle_name=str(values.get("middle_name", "")) if parts else None,
            given_name=str(values.get("given_name", "")) if parts else None,
            birth_date=birth, birth_year=birth_year,  # type: ignore[arg-type]  # the fields' converters: date, int
            cccd=str(values["cccd"]) if "cccd" in values else None,
            position=str(values.get("position", "")),
        )  # fmt: skip
        try:
            c = person_rules._validated(data, self.today)
        except DomainError as exc:
            return None, [(exc.field or "", exc.message)]
        start = values.get("start_date")
        if isinstance(start, int):
            return None, [("start_date", "Ngày bắt đầu công tác phải là ngày đầy đủ (dd/mm/yyyy).")]
        return PersonRecord(row, str(values["unit_code"]), c, start), []  # type: ignore[arg-type]  # a date (converter)

    def batches(self, report: ImportReport, on_duplicate: str | None) -> Batches:
        return PersonBatches(report, on_duplicate, self.today)

    def preview(self, r: PersonRecord) -> tuple[object, ...]:
        c = r.c
        born = (
            c.birth_date.strftime("%d/%m/%Y") if c.birth_date else (str(c.birth_year) if c.birth_year else "")
        )
        return (r.row, r.unit_code, c.full, c.gender.label, born, c.cccd or "", c.position)


def stored_columns(c: person_rules._Clean) -> tuple[object, ...]:
    """A person's stored columns (the first twelve of ``_PERSON_COLUMNS``)."""
    return (
        c.family, c.middle, c.given, c.full, c.fold, fold(c.given), name_sort_key(c.family, c.middle, c.given),
        c.gender, c.birth_date, c.birth_year, c.cccd, c.position,
    )  # fmt: skip


class PersonBatches(Batches):
    """The persons of one import: each batch checked against the file so far and the book, and
    inserted at once while the import is clean (see the module docstring)."""

    def __init__(self, report: ImportReport, on_duplicate: str | None, today: dt.date) -> None:
        self.report, self.on_duplicate = report, on_duplicate
        self.units: dict[str, int | None] = {}
        self.row_of_cccd: dict[str, int] = {}
        self.row_of_name: dict[tuple[int, str, dt.date | int | None], int] = {}
        self.book: _Book | None = None
        self.rebuild: list[tuple[str, str]] = []  # indexes dropped for the load, rebuilt at the end
        self.dups: list[PersonRecord] = []
        self.now, self.today = utcnow(), today  # a posting without a start date starts today

    def take(self, session: Session, records: list[PersonRecord], *, write: bool) -> None:
        if self.book is None:
            self.book = _Book(session, len(records))
            if write:
                self._drop_indexes(session, len(records))
        ok = self._check_file(session, records)
        self.book.mark(session, ok, self.report, self.on_duplicate)
        for r in ok:
            if r.existing_id is not None:
                self.dups.append(r)
        report = self.report
        if write and not report.problems and not (report.duplicates and self.on_duplicate is None):
            self._insert(session, [r for r in ok if r.existing_id is None])

    def finish(self, session: Session, actor: str, progress: Callable[[int, int], None]) -> None:
        for sql in self.rebuild:
            session.connection().exec_driver_sql(sql[1])
        if self.on_duplicate == MERGE and self.dups:
            self._merge(session)
            self.report.merged = len(self.dups)
        else:
            self.report.skipped = len(self.dups)
        if self.report.inserted:
            progress(self.report.inserted, self.report.inserted)

    def _drop_indexes(self, session: Session, adding: int) -> None:
        """A load at least as large as what the tables hold, into a book read whole: the secondary
        indexes are dropped now and built again by one sort each at the end (SQLite)."""
        assert self.book is not None
        if self.book.whole:  # no look-up below needs an index
            for table in (Person.__table__, Posting.__table__):
                self.rebuild += bulk.drop_indexes(session, table, adding)

    def _check_file(self, session: Session, records: list[PersonRecord]) -> list[PersonRecord]:
        """Unit codes known, and no two rows of the file the same person; the records that pass."""
        report, units = self.report, self.units
        unknown = sorted({r.unit_code for r in records} - units.keys())
        for chunk in chunks(unknown):
            units.update((code, None) for code in chunk)
            units.update(
                (code, uid)
                for code, uid in session.execute(select(Unit.code, Unit.id).where(Unit.code.in_(chunk)))
            )
        ok: list[PersonRecord] = []
        by_cccd, by_name = self.row_of_cccd, self.row_of_name
        for r in records:
            uid = units[r.unit_code]
            if uid is None:
                report.problems.append(
                    Problem(r.row, "Mã đơn vị", f"không có đơn vị mã «{r.unit_code}» trong sổ.")
                )
                continue
            r.unit_id = uid
            c = r.c
            if c.cccd:
                if c.cccd in by_cccd:
                    report.problems.append(
                        Problem(r.row, "Số CCCD", f"số CCCD {c.cccd} trùng với dòng {by_cccd[c.cccd]}.")
                    )
                    continue
                by_cccd[c.cccd] = r.row
            key = (uid, c.fold, c.birth_date or c.birth_year)
            if key in by_name:
                report.problems.append(Problem(
                    r.row, "Họ và tên", f"«{c.full}» trùng họ tên, đơn vị và ngày/năm sinh với dòng {by_name[key]}."
                ))  # fmt: skip
                continue
            by_name[key] = r.row
            ok.append(r)
        return ok

    def _insert(self, session: Session, new: list[PersonRecord]) -> None:
        person_t, posting_t = Person.__table__, Posting.__table__
        now, today = self.now, self.today
        for chunk in chunks(new, 20_000):
            rows = [stored_columns(r.c) + (r.unit_id, 1, now, now) for r in chunk]
            ids = insert_rows_returning(session, person_t, _PERSON_COLUMNS, rows)
            if ids and ids[-1] - ids[0] == len(ids) - 1 and all(r.start_date is None for r in chunk):
                _open_postings(session, ids[0], ids[-1], today)
                continue
            insert_rows(session, posting_t, _POSTING_COLUMNS, [
                (pid, r.unit_id, r.c.position, r.start_date or today, None) for r, pid in zip(chunk, ids, strict=True)
            ])  # fmt: skip
        self.report.inserted += len(new)

    def _merge(self, session: Session) -> None:
        person_t, posting_t = Person.__table__, Posting.__table__
        params = []
        for r in self.dups:
            c = r.c
            params.append({
                "_id": r.existing_id, "gender": c.gender, "position": c.position, "updated_at": self.now,
                "birth_date": c.birth_date, "birth_year": c.birth_year, "cccd": c.cccd,
            })  # fmt: skip
        session.execute(
            update(person_t).where(person_t.c.id == bindparam("_id")).values(
                gender=bindparam("gender"), position=bindparam("position"), updated_at=bindparam("updated_at"),
                birth_date=_kept("birth_date", person_t), birth_year=_kept("birth_year", person_t),
                cccd=_kept("cccd", person_t), version=person_t.c.version + 1,
            ),
            params,
        )  # fmt: skip
        session.execute(
            update(posting_t)
            .where(posting_t.c.person_id == bindparam("_id"), posting_t.c.end_date.is_(None))
            .values(position=bindparam("position")),
            [{"_id": p["_id"], "position": p["position"]} for p in params],
        )
        audit.record_rows(
            session, posting_t, posting_t.c.person_id, [p["_id"] for p in params]
        )  # for the replay


def _open_postings(session: Session, first: int, last: int, start: dt.date) -> None:
    """The postings of the persons with ids ``first`` to ``last``, all just inserted by the import
    (the range holds no other id) and none with a start date in the file: each in its unit and
    position from ``start`` on, by one INSERT … SELECT (the same rows, in the same order, as the
    values sent row by row, without a Python tuple and a bound parameter per value)."""
    person_t, posting_t = Person.__table__, Posting.__table__
    rows = (
        select(person_t.c.id, person_t.c.unit_id, person_t.c.position, literal(start, Date), null())
        .where(person_t.c.id.between(first, last))
        .order_by(person_t.c.id)
    )
    session.execute(insert(posting_t).from_select(_POSTING_COLUMNS, rows))


def _kept(column: str, table: Table) -> ColumnElement[Any]:
    """A merge keeps what the book has when the file leaves the cell empty."""
    return func.coalesce(bindparam(column), table.c[column])


class _Book:
    """The persons in the book before the import, as the duplicate checks need them.

    A book no bigger than twice the first batch is read once, whole; a bigger one is asked about
    each batch's CCCDs and folded names (indexed columns).
    """

    def __init__(self, session: Session, first_batch: int) -> None:
        self.top = session.scalar(select(func.max(Person.id))) or 0
        held = session.scalar(select(func.count()).select_from(Person)) or 0
        self.whole = held <= 2 * first_batch
        self.taken: dict[str, tuple[int, str]] = {}
        self.same: dict[tuple[int, str], list[Any]] = defaultdict(list)  # the rows of _read's by_name
        if self.whole:
            self._read(session, None, None)

    def _read(self, session: Session, cccds: list[str] | None, folds: list[str] | None) -> None:
        before = Person.id <= self.top
        by_cccd = select(Person.id, Person.cccd, Person.full_name).where(before)
        by_name = select(
            Person.id, Person.unit_id, Person.name_fold, Person.birth_date, Person.birth_year,
            Person.full_name, Person.cccd,
        ).where(before)  # fmt: skip
        if cccds is None:
            rows = session.execute(by_cccd.where(Person.cccd.is_not(None)))
            self.taken.update(
                (cccd, (pid, name)) for pid, cccd, name in rows if cccd is not None
            )  # never None here
            for row in session.execute(by_name.order_by(Person.id)):
                self.same[(row.unit_id, row.name_fold)].append(row)
            return
        for chunk in chunks(cccds):
            for pid, cccd, name in session.execute(by_cccd.where(Person.cccd.in_(chunk))):
                if cccd is not None:  # always: it matched one of ``chunk``
                    self.taken[cccd] = (pid, name)
        for chunk in chunks(folds or []):
            for row in session.execute(by_name.where(Person.name_fold.in_(chunk)).order_by(Person.id)):
                self.same[(row.unit_id, row.name_fold)].append(row)

    def mark(
        self, session: Session, records: list[PersonRecord], report: ImportReport, on_duplicate: str | None
    ) -> None:
        """Set ``existing_id`` of each record that is already in the book, and report it."""
        if not self.whole:
            self.taken.clear()
            self.same.clear()
            self._read(session, [r.c.cccd for r in records if r.c.cccd], sorted({r.c.fold for r in records}))
        taken, same = self.taken, self.same
        for r in records:
            c = r.c
            if c.cccd and c.cccd in taken:
                pid, name = taken[c.cccd]
                r.existing_id = pid
                report.duplicates.append(
                    Duplicate(r.row, pid, f"số CCCD {c.cccd} đã có trong sổ: {name} (mã {pid}).")
                )
                continue
            for other in same.get((r.unit_id, c.fold), ()):
                if c.birth_date and other.birth_date:
                    clash = c.birth_date == other.birth_date
                elif c.birth_year and other.birth_year:
                    clash = c.birth_year == other.birth_year
                else:
                    clash = True  # nothing tells them apart (as persons._check_duplicates)
                if clash:
                    r.existing_id = other.id
                    report.duplicates.append(Duplicate(
                        r.row, other.id, f"đơn vị đã có «{other.full_name}» cùng họ tên và ngày/năm sinh (mã {other.id})."
                    ))  # fmt: skip
                    if on_duplicate == MERGE and c.cccd and other.cccd and other.cccd != c.cccd:
                        report.problems.append(Problem(
                            r.row, "Số CCCD", f"không gộp được với mã {other.id}: số CCCD khác ({other.cccd})."
                        ))  # fmt: skip
                    break
