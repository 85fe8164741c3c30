"""Certificate register books: numbers unique and gapless per book, given once per award.

A *foreign* book keeps another office's numbers for the awards it decided on this book's dossiers
(a reply, :mod:`app.exchange.replies`): numbers are recorded there as given, never handed out, and
no certificate is printed from it here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ..audit import log as audit
from ..auth import P
from ..auth import require as allowed
from ..model import Nomination, NominationStatus, RegisterBook, RegisterEntry
from ..storage.db import Database, chunks
from ..text import clean
from .common import get, meta_json, put_meta_json, require, required_text

FOREIGN_KEY = "register_books_foreign"  # meta: book code → the office whose numbers it keeps


def foreign_books(session: Session) -> dict[str, str]:
    """The books that keep another office's numbers: code → that office's code."""
    data = meta_json(session, FOREIGN_KEY)
    return data if isinstance(data, dict) else {}


def mark_foreign(session: Session, code: str, office: str) -> None:
    books = foreign_books(session)
    if books.get(code) != office:
        put_meta_json(session, FOREIGN_KEY, {**books, code: office})


def _not_foreign(session: Session, book: RegisterBook) -> None:
    office = foreign_books(session).get(book.code)
    require(
        office is None, f"Sổ «{book.code}» ghi số do {office} cấp; không cấp số mới trong sổ này.", "book"
    )


def create_book(db: Database, code: str, name: str, issuer: str = "") -> RegisterBook:
    allowed(db, P.REGISTERS)
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
    allowed(db, P.REGISTERS)
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
        _not_foreign(session, book)
        book.last_number += 1
        session.add(RegisterEntry(book_id=book.id, number=book.last_number, nomination_id=nomination_id))
        return Registered(book.code, book.last_number, True)


def assign_numbers(db: Database, book_id: int, nomination_ids: Sequence[int]) -> dict[int, Registered]:
    """:func:`assign_number` for many awards in one transaction (a year-end batch): all are
    numbered, consecutively and in the order given, or none is."""
    allowed(db, P.REGISTERS)
    result: dict[int, Registered] = {}
    with db.write() as session:
        book = session.scalar(select(RegisterBook).where(RegisterBook.id == book_id).with_for_update())
        require(book is not None, "Không tìm thấy sổ đăng ký.")
        assert book is not None
        _not_foreign(session, book)
        ids = list(dict.fromkeys(nomination_ids))
        existing = {
            e.nomination_id: e
            for chunk in chunks(ids, 900)
            for e in session.scalars(select(RegisterEntry).where(RegisterEntry.nomination_id.in_(chunk)))
        }
        codes = dict(session.execute(select(RegisterBook.id, RegisterBook.code)).all())
        statuses: dict[int, NominationStatus] = {}
        for chunk in chunks(ids, 900):
            statuses.update(
                session.execute(
                    select(Nomination.id, Nomination.status).where(Nomination.id.in_(chunk))
                ).all()
            )
        new_entries = []
        last, book_code = book.last_number, book.code  # plain locals: no ORM event per number
        for nomination_id in ids:
            if nomination_id in existing:
                entry = existing[nomination_id]
                result[nomination_id] = Registered(codes.get(entry.book_id, ""), entry.number, False)
                continue
            status = statuses.get(nomination_id)
            require(status is not None, f"Không tìm thấy hồ sơ khen thưởng (mã {nomination_id}).")
            assert status is not None
            require(
                status is NominationStatus.APPROVED,
                f"Chỉ vào sổ khen thưởng đã có quyết định (hồ sơ mã {nomination_id} đang ở trạng thái «{status.label}»).",
            )
            last += 1
            new_entries.append({"book_id": book.id, "number": last, "nomination_id": nomination_id})
            result[nomination_id] = Registered(book_code, last, True)
        book.last_number = last
        if new_entries:
            session.execute(insert(RegisterEntry.__table__), new_entries)  # Core: one executemany
            audit.record(session, "assign_numbers", "register_entry", details={
                "book": book.code, "first": new_entries[0]["number"], "last": new_entries[-1]["number"],
                "nominations": [e["nomination_id"] for e in new_entries],
            })  # fmt: skip
            t = RegisterEntry.__table__  # each row's state, for the replay (app.audit.replay)
            audit.record_rows(session, t, t.c.nomination_id, [e["nomination_id"] for e in new_entries])
    return result


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
