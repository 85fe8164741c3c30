"""Before a batch is numbered: which register books there are, which one fits the batch, and what
numbering it will do — so the clerk chooses the book and agrees before numbers are given for good.

Reads only: nothing here writes (numbers are given by :func:`app.certificates.batch.make_certificates`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..errors import DomainError
from ..model import RegisterBook
from ..storage.db import Database
from .selection import Selection, load_records, select_ids


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
    with db.read() as session:
        rows = session.execute(select(RegisterBook.code, RegisterBook.name, RegisterBook.last_number)
                               .order_by(RegisterBook.code))  # fmt: skip
        return [Book(*row) for row in rows]


def default_book(db: Database, selection: Selection) -> str | None:
    """The book the batch belongs in: the only one, or the one named for the year of the batch's
    decisions ("SV2025" for decisions of 2025); ``None`` when the clerk must choose."""
    books = list_books(db)
    if len(books) == 1:
        return books[0].code
    ids, _notes = select_ids(db, selection)
    years = {r.decision_date.year for r in load_records(db, ids) if r.decision_date is not None}
    if len(years) != 1:
        return None
    year = str(years.pop())
    fitting = [b.code for b in books if year in b.code]
    return fitting[0] if len(fitting) == 1 else None


def plan_numbers(db: Database, selection: Selection, book_code: str | None) -> NumberingPlan | None:
    """What the batch will number in ``book_code`` (``None``: nothing new to number)."""
    ids, _notes = select_ids(db, selection)
    count = sum(1 for r in load_records(db, ids) if r.register_number is None and r.decision_date is not None)
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
