"""Award decisions (quyết định khen thưởng) and certificate register books (sổ vàng)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, KeyString, Timestamps, utcnow
from .org import Unit


class Decision(Timestamps, Base):
    """A decision "Số: 123/QĐ-UBND" of an issuing authority; the awards it grants point to it."""

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer)
    symbol: Mapped[str] = mapped_column(String(60))  # "QĐ-UBND", "2025/QĐ-UBND"
    number_text: Mapped[str] = mapped_column(String(80))  # "123/QĐ-UBND", as printed
    number_fold: Mapped[str] = mapped_column(KeyString, index=True)
    signed_on: Mapped[dt.date] = mapped_column(Date)
    year: Mapped[int] = mapped_column(Integer)
    issuer: Mapped[str] = mapped_column(String(300))  # "Ủy ban nhân dân tỉnh Tây Ninh"
    issuer_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    signer_name: Mapped[str] = mapped_column(String(200))
    signer_title: Mapped[str] = mapped_column(String(200))  # "PHÓ CHỦ TỊCH"
    signer_authority: Mapped[str] = mapped_column(String(20), default="")  # "TM.", "KT.", "Q."
    summary: Mapped[str] = mapped_column(String(500), default="")

    issuer_unit: Mapped[Unit | None] = relationship()

    __table_args__ = (
        # A series per issuer and calendar year.
        UniqueConstraint("issuer", "year", "number_text", name="uq_decision_issuer_year_number"),
        CheckConstraint("number > 0", name="number_positive"),
        CheckConstraint("signer_name <> ''", name="signer_not_empty"),
    )


class RegisterBook(Timestamps, Base):
    """A certificate register book; numbers are unique and gapless inside it."""

    __tablename__ = "register_book"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    issuer: Mapped[str] = mapped_column(String(300), default="")
    # The last number handed out; the next is last_number + 1 (kept here so that it is taken
    # under the book's row lock, never computed from a racy MAX()).
    last_number: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (CheckConstraint("last_number >= 0", name="last_number_not_negative"),)


class RegisterEntry(Base):
    """A number of a book given to one approved award, once and for ever."""

    __tablename__ = "register_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("register_book.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="RESTRICT"), unique=True)
    assigned_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    book: Mapped[RegisterBook] = relationship()

    __table_args__ = (
        UniqueConstraint("book_id", "number", name="uq_register_entry_book_number"),
        CheckConstraint("number > 0", name="number_positive"),
    )
