"""Certificates: the issue of each signed code (written with the numbering, before any PDF), and
one row per print of an award (first print or reprint)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class CertificatePrint(Base):
    """A certificate printed for an award: its register number, when, by whom, to which file.

    ``payload`` is the canonical text that was signed and ``signature`` its Ed25519 signature
    (base64url), so that a short code printed on the paper can be checked against the database.
    """

    __tablename__ = "certificate_print"

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="RESTRICT"))
    book_code: Mapped[str] = mapped_column(String(32))
    register_number: Mapped[int] = mapped_column(Integer)
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100), default="")
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    mode: Mapped[str] = mapped_column(String(10), default="full")
    file_name: Mapped[str] = mapped_column(String(500), default="")
    payload: Mapped[str] = mapped_column(Text, default="")
    signature: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (
        CheckConstraint("register_number > 0", name="number_positive"),
        CheckConstraint("mode IN ('full', 'blank')", name="mode_known"),
        Index("ix_certificate_print_nomination", "nomination_id", "id"),
        Index("ix_certificate_print_book_number", "book_code", "register_number"),
    )


class SigningKey(Base):
    """A public key that has signed this database's certificates: the current one (``retired_at``
    empty, also in ``meta``) and earlier ones, kept so that certificates printed before a key
    change still verify. The private keys never enter the database."""

    __tablename__ = "signing_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    actor: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (CheckConstraint("public_key <> ''", name="public_key_not_empty"),)


ISSUED, PRINTED = "issued", "printed"


class CertificateIssue(Base):
    """A signed certificate code handed out: written in the transaction that numbers the award,
    before any PDF is written, so that a certificate on paper always has its record even when the
    printing was cut short (killed, disk full). ``state`` is ``issued`` until the PDF is in place
    and logged, then ``printed``. A reprint with the same payload re-uses the record (Ed25519
    signatures are deterministic: the same payload gives the same code)."""

    __tablename__ = "certificate_issue"

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="RESTRICT"))
    book_code: Mapped[str] = mapped_column(String(32))
    register_number: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(100))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(10), default=ISSUED)
    printed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        CheckConstraint("register_number > 0", name="number_positive"),
        CheckConstraint("state IN ('issued', 'printed')", name="state_known"),
        UniqueConstraint("nomination_id", "signature", name="uq_certificate_issue_nomination_signature"),
        Index("ix_certificate_issue_book_number", "book_code", "register_number"),
    )
