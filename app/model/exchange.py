"""The exchange ledger: every package this book sent or received, and the dossiers in it (issue #17).

A received package keeps its signed manifest, its signature and its records verbatim, so that a
dossier forwarded up one level still carries the first office's signature and can be checked
there. An item names a dossier by the sender's reference (``"STC:12"``: the sender's code and its
own id); the same reference received again with the same content changes nothing.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base

SENT, RECEIVED = "sent", "received"


class ExchangePackage(Base):
    __tablename__ = "exchange_package"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))  # SENT | RECEIVED
    kind: Mapped[str] = mapped_column(String(40))  # "nominations", "scores", "reply"…
    digest: Mapped[str] = mapped_column(String(64), index=True)  # SHA-256 of the signed manifest
    sender_code: Mapped[str] = mapped_column(String(40))
    sender_name: Mapped[str] = mapped_column(String(300), default="")
    recipient_code: Mapped[str] = mapped_column(String(40))
    recipient_name: Mapped[str] = mapped_column(String(300), default="")
    package_time: Mapped[dt.datetime] = mapped_column(DateTime)  # when the sender wrote it
    handled_at: Mapped[dt.datetime] = mapped_column(DateTime)  # when it was sent or received here
    actor: Mapped[str] = mapped_column(String(100), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    manifest: Mapped[str] = mapped_column(Text, default="")  # received: verbatim, as signed
    signature: Mapped[str] = mapped_column(Text, default="")  # received: base64, as in the package
    records: Mapped[str] = mapped_column(Text, default="")  # received: records.json verbatim

    items: Mapped[list[ExchangeItem]] = relationship(back_populates="package", cascade="all, delete-orphan")

    __table_args__ = (CheckConstraint("direction IN ('sent', 'received')", name="direction_known"),)


class ExchangeItem(Base):
    __tablename__ = "exchange_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("exchange_package.id", ondelete="CASCADE"), index=True)
    ref: Mapped[str] = mapped_column(String(120), index=True)  # the sender's reference, "STC:12"
    nomination_id: Mapped[int | None] = mapped_column(
        ForeignKey("nomination.id", ondelete="SET NULL"), index=True
    )
    content_hash: Mapped[str] = mapped_column(String(64), default="")

    package: Mapped[ExchangePackage] = relationship(back_populates="items")
