"""Certificate register books: numbers unique and gapless per book, given once per award."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..db import Database
from ..model import Nomination, NominationStatus, RegisterBook, RegisterEntry
from ..text import clean
from .common import get, require, required_text


def create_book(db: Database, code: str, name: str, issuer: str = "") -> RegisterBook:
    code = clean(code).upper()
    require(bool(code), "Mã sổ không được để trống.", "code")
    with db.write() as session:
        require(
            session.scalar(select(RegisterBook.id).where(RegisterBook.code == code)) is None,
            f"Sổ «{code}» đã có.",
            "code",
        )
        book = RegisterBook(code=code, name=required_text(name, "Tên sổ", "name"), issuer=clean(issuer))
        session.add(book)
        session.flush()
        return book


@dataclass(frozen=True)
class Registered:
    book_code: str
    number: int
    new: bool


def assign_number(db: Database, book_id: int, nomination_id: int) -> Registered:
    """The register number of an approved award, handed out once: a second call returns the
    same number. Taken under the book's row lock so concurrent printing stays gapless."""
    with db.write() as session:
        nomination = get(session, Nomination, nomination_id, "hồ sơ khen thưởng")
        existing = session.scalar(select(RegisterEntry).where(RegisterEntry.nomination_id == nomination_id))
        if existing is not None:
            book = session.get(RegisterBook, existing.book_id)
            return Registered(book.code if book else "", existing.number, False)
        require(
            nomination.status is NominationStatus.APPROVED,
            f"Chỉ vào sổ khen thưởng đã có quyết định (hồ sơ đang ở trạng thái «{nomination.status.label}»).",
        )
        book = session.scalar(select(RegisterBook).where(RegisterBook.id == book_id).with_for_update())
        require(book is not None, "Không tìm thấy sổ đăng ký.")
        assert book is not None
        book.last_number += 1
        session.add(RegisterEntry(book_id=book.id, number=book.last_number, nomination_id=nomination_id))
        return Registered(book.code, book.last_number, True)


def check_gapless(db: Database, book_id: int) -> bool:
    """Whether the book's numbers are exactly 1..last_number."""
    with db.read() as session:
        book = get(session, RegisterBook, book_id, "sổ đăng ký")
        count, low, high = session.execute(
            select(func.count(), func.min(RegisterEntry.number), func.max(RegisterEntry.number)).where(
                RegisterEntry.book_id == book_id
            )
        ).one()
    if count == 0:
        return book.last_number == 0
    return low == 1 and high == count == book.last_number
