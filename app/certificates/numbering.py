"""Before a batch is numbered: which register books there are, which one fits the batch, and what
numbering it will do — so the clerk chooses the book and agrees before numbers are given for good.

Reads only: nothing here writes (numbers are given by :func:`app.certificates.batch.make_certificates`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..errors import DomainError
from ..model import Decision, Nomination, RegisterBook, RegisterEntry
from ..storage.db import Database, chunks
from .selection import Selection, select_ids

_CHUNK = 900  # ids a statement at most (SQLite's bound parameters)


@dataclass(frozen=True)
class Book:
    code: str
    name: str
    last_number: int


@dataclass(frozen=True)
class NumberingPlan:
    """What printing the selection will number: ``count`` awards from ``first`` in ``book``."""

    book: str
    count: int
    first: int

    @property
    def last(self) -> int:
        return self.first + self.count - 1

    def question(self) -> str:
        """The confirmation asked before numbering (Vietnamese; numbers are irreversible)."""
        span = f"số {self.first}" if self.count == 1 else f"các số {self.first}–{self.last}"
        return (f"Sẽ vào sổ vàng {self.book} {self.count} khen thưởng chưa có số, với {span}. "
                "Số đã cấp không thu hồi được. Tiếp tục?")  # fmt: skip


def list_books(db: Database) -> list[Book]:
    """The books numbers may be handed out in (not those keeping another office's numbers)."""
    from ..services.registers import foreign_books

    with db.read() as session:
        rows = session.execute(select(RegisterBook.code, RegisterBook.name, RegisterBook.last_number)
                               .order_by(RegisterBook.code))  # fmt: skip
        foreign = foreign_books(session)
        return [Book(*row) for row in rows if row.code not in foreign]


def default_book(db: Database, selection: Selection) -> str | None:
    """The book the batch belongs in: the only one, or the one named for the year of the batch's
    decisions ("SV2025" for decisions of 2025); ``None`` when the clerk must choose."""
    books = list_books(db)
    if len(books) == 1:
        return books[0].code
    years, _unnumbered = _decided(db, select_ids(db, selection)[0])
    if len(years) != 1:
        return None
    year = str(years.pop())
    fitting = [b.code for b in books if year in b.code]
    return fitting[0] if len(fitting) == 1 else None


def _decided(db: Database, ids: list[int]) -> tuple[set[int], int]:
    """The years of the awards' decisions, and how many awards have a decision but no number yet:
    two columns, not the certificates' field values (app.certificates.selection.load_records)."""
    years: set[int] = set()
    unnumbered = 0
    with db.read() as session:
        for chunk in chunks(ids, _CHUNK):
            rows = session.execute(
                select(Decision.signed_on, RegisterEntry.id)
                .select_from(Nomination)
                .join(Decision, Decision.id == Nomination.decision_id)
                .outerjoin(RegisterEntry, RegisterEntry.nomination_id == Nomination.id)
                .where(Nomination.id.in_(chunk))
            )
            for signed_on, entry in rows:
                years.add(signed_on.year)
                unnumbered += entry is None
    return years, unnumbered


def plan_numbers(db: Database, selection: Selection, book_code: str | None) -> NumberingPlan | None:
    """What the batch will number in ``book_code`` (``None``: nothing new to number)."""
    _years, count = _decided(db, select_ids(db, selection)[0])
    if count == 0:
        return None
    books = {b.code: b for b in list_books(db)}
    book = books.get((book_code or "").strip().upper())
    if book is None and len(books) == 1:
        book = next(iter(books.values()))
    if book is None and len(books) > 1:
        raise DomainError(
            f"Có {len(books)} sổ vàng ({', '.join(books)}); hãy chọn sổ để vào số.", field="book"
        )
    if book is None:  # the batch makes the default book (app.certificates.batch.DEFAULT_BOOK)
        return NumberingPlan(book_code or "SV", count, 1)
    return NumberingPlan(book.code, count, book.last_number + 1)
