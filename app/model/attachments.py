"""Attachments: scanned signed documents (PDF, JPEG, PNG) kept on a nomination, a decision or a
unit's score sheet (see docs/attachments.md).

The bytes live in the database, not in a folder beside it: written in the same transaction as
the record they belong to, in every backup and restore, shared by every clerk of a PostgreSQL
book. ``attachment_blob`` holds each distinct content once, by its SHA-256; ``attachment`` names
it for one owner. The audit log keeps a blob's digest, never its bytes (app.audit.log).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, enum_column, utcnow
from .enums import ScorePeriodKind

_ONE_OWNER = (
    "(CASE WHEN nomination_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN decision_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN bloc_id IS NULL THEN 0 ELSE 1 END) = 1"
)
_WHOLE_SHEET = (
    "(bloc_id IS NULL AND year IS NULL AND period IS NULL AND unit_id IS NULL)"
    " OR (bloc_id IS NOT NULL AND year IS NOT NULL AND period IS NOT NULL AND unit_id IS NOT NULL)"
)


class AttachmentBlob(Base):
    """One distinct content, named by its SHA-256 (identical files are stored once)."""

    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # read only when asked for

    __table_args__ = (CheckConstraint("size > 0", name="size_positive"),)


class Attachment(Base):
    """A file attached to exactly one owner: a nomination, a decision, or a score sheet (a bloc,
    year, period and member unit)."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int | None] = mapped_column(ForeignKey("nomination.id", ondelete="RESTRICT"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))
    bloc_id: Mapped[int | None] = mapped_column(ForeignKey("bloc.id", ondelete="RESTRICT"))
    year: Mapped[int | None] = mapped_column(Integer)
    period: Mapped[ScorePeriodKind | None] = mapped_column(enum_column(ScorePeriodKind, "score_period_kind"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(40))  # application/pdf, image/jpeg, image/png
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blob.sha256", ondelete="RESTRICT"), index=True)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(100), default="")

    # Never loaded here (the bytes are read on their own); it orders a flush: the blob first.
    blob: Mapped[AttachmentBlob] = relationship(lazy="raise")

    __table_args__ = (
        CheckConstraint(_ONE_OWNER, name="one_owner"),
        CheckConstraint(_WHOLE_SHEET, name="whole_sheet"),
        CheckConstraint("size > 0", name="size_positive"),
        Index("ix_attachment_nomination_id", "nomination_id"),
        Index("ix_attachment_decision_id", "decision_id"),
        Index("ix_attachment_sheet", "bloc_id", "year", "period", "unit_id"),
    )
