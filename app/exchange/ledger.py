"""The exchange ledger (:mod:`app.model.exchange`): what was sent and received, in the session given.

Sending records the package and the local dossiers in it ("đã gửi" with date and digest);
receiving records the sender's references with the content's hash and the local dossier each
became, so the same package twice changes nothing and a reply or a forward finds its way back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..model.exchange import RECEIVED, SENT, ExchangeItem, ExchangePackage
from ..storage.db import Database, chunks
from .package import Package


@dataclass(frozen=True)
class SentMark:
    """The last time a dossier left this book: when, to whom, in which package."""

    at: dt.datetime
    digest: str
    to_code: str
    to_name: str

    def text(self) -> str:
        return f"Đã gửi {self.to_name or self.to_code} ngày {self.at:%d/%m/%Y} (gói {self.digest[:12]})"


@dataclass(frozen=True)
class Origin:
    """Where a received dossier came from: the sending office and its reference."""

    sender_code: str
    sender_name: str
    ref: str
    package_id: int
    digest: str


def content_hash(record: dict[str, Any]) -> str:
    """The hash a record is kept under in the ledger (a dossier, a score sheet, an answer): the
    same content gives the same hash whatever the order of its keys."""
    return hashlib.sha256(json.dumps(record, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def now() -> dt.datetime:
    """The ledger's and the dossiers' history's time: UTC, naive, to the second."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def record(
    session: Session,
    package: Package,
    direction: str,
    digest: str,
    file_name: str,
    items: Iterable[tuple[str, int | None, str]],
    actor: str,
) -> ExchangePackage:
    """Add a package and its items (sender's reference, local dossier or None, content hash)."""
    manifest, signature, records = package.signed if direction == RECEIVED else (b"", b"", b"")
    row = ExchangePackage(
        direction=direction, kind=package.kind, digest=digest,
        sender_code=package.sender.code, sender_name=package.sender.name,
        recipient_code=package.recipient.code, recipient_name=package.recipient.name,
        package_time=package.created_at.replace(tzinfo=None), handled_at=now(), actor=actor,
        file_name=file_name[:300], manifest=manifest.decode("utf-8"), signature=signature.decode("ascii"),
        records=records.decode("utf-8"),
    )  # fmt: skip
    row.items = [ExchangeItem(ref=ref, nomination_id=nid, content_hash=h) for ref, nid, h in items]
    session.add(row)
    session.flush()
    return row


def received(session: Session, refs: Iterable[str]) -> dict[str, ExchangeItem]:
    """The latest received item of each reference in ``refs`` that this book has seen."""
    wanted = list(dict.fromkeys(refs))
    out: dict[str, ExchangeItem] = {}
    for part in chunks(wanted):
        rows = session.scalars(
            select(ExchangeItem)
            .join(ExchangePackage)
            .where(ExchangePackage.direction == RECEIVED, ExchangeItem.ref.in_(part))
            .order_by(ExchangeItem.id)
        )
        out.update((item.ref, item) for item in rows)  # later ids win
    return out


def seen(session: Session, digest: str, direction: str = RECEIVED) -> bool:
    """Whether a package with this digest was already sent or received here."""
    found = session.scalar(
        select(ExchangePackage.id).where(
            ExchangePackage.digest == digest, ExchangePackage.direction == direction
        )
    )
    return found is not None


def origins(session: Session, nomination_ids: Sequence[int]) -> dict[int, Origin]:
    """Where each received dossier among ``nomination_ids`` came from (the latest package)."""
    out: dict[int, Origin] = {}
    ids = list(nomination_ids)
    for part in chunks(ids):
        rows = session.execute(
            select(ExchangeItem.nomination_id, ExchangeItem.ref, ExchangePackage)
            .join(ExchangePackage)
            .where(
                ExchangePackage.direction == RECEIVED,
                ExchangePackage.kind == "nominations",  # a reply names the dossier too: not its origin
                ExchangeItem.nomination_id.in_(part),
            )
            .order_by(ExchangeItem.id)
        )
        for nid, ref, pkg in rows:
            if nid is not None:
                out[nid] = Origin(pkg.sender_code, pkg.sender_name, ref, pkg.id, pkg.digest)
    return out


def sent_marks(db: Database, nomination_ids: Sequence[int]) -> dict[int, SentMark]:
    """ "Đã gửi" of each dossier among ``nomination_ids`` that left this book (the latest package)."""
    out: dict[int, SentMark] = {}
    ids = list(nomination_ids)
    with db.read() as session:
        for part in chunks(ids):
            rows = session.execute(
                select(ExchangeItem.nomination_id, ExchangePackage)
                .join(ExchangePackage)
                .where(
                    ExchangePackage.direction == SENT,
                    ExchangeItem.nomination_id.in_(part),
                )
                .order_by(ExchangeItem.id)
            )
            for nid, pkg in rows:
                if nid is not None:
                    out[nid] = SentMark(pkg.handled_at, pkg.digest, pkg.recipient_code, pkg.recipient_name)
    return out


def sender_offices(db: Database, nomination_ids: Sequence[int]) -> list[tuple[str, str]]:
    """The offices (code, name) the received dossiers among ``nomination_ids`` came from: where a
    reply goes."""
    with db.read() as session:
        found = origins(session, nomination_ids)
    return sorted({(o.sender_code, o.sender_name) for o in found.values()})
