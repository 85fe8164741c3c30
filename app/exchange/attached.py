"""Attachments in packages: what a record lists of its files, and the files themselves.

:func:`pack` gives, for each owner (a nomination, a decision, a score sheet), the list a record
carries — name, media type, SHA-256, size and the member it is stored under — and the files to put
in :attr:`Package.attachments <app.exchange.package.Package.attachments>`, each named by its
SHA-256 and extension, so a scan sent with several dossiers is in the package once.
:func:`unpack` stores a received record's files on the local owner after checking each again (its
hash, its type by content against its name); a file the owner holds already is skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import DomainError
from ..model import Attachment, AttachmentBlob
from ..services.attachments import EXTENSION, Owner, check_file, sha256, store
from ..storage.db import chunks
from .package import Package

Listing = list[dict[str, Any]]


def _rows(session: Session, owners: Sequence[Owner]) -> dict[Owner, list[Attachment]]:
    """Each owner's attachments, oldest first (one query per 500 nominations or decisions)."""
    found: dict[Owner, list[Attachment]] = {o: [] for o in owners}
    for column, kind in (
        (Attachment.nomination_id, "nomination_id"),
        (Attachment.decision_id, "decision_id"),
    ):
        ids = [getattr(o, kind) for o in owners if getattr(o, kind) is not None]
        for part in chunks(ids):
            for a in session.scalars(select(Attachment).where(column.in_(part)).order_by(Attachment.id)):
                found[Owner(**{kind: getattr(a, kind)})].append(a)
    for o in owners:
        if o.bloc_id is not None:
            found[o] = list(session.scalars(select(Attachment).where(*o.where()).order_by(Attachment.id)))
    return found


def member_name(digest: str, media_type: str) -> str:
    """The name a file has in a package: its SHA-256 and extension (one copy per content)."""
    return digest + EXTENSION.get(media_type, "")


def pack(session: Session, owners: Sequence[Owner]) -> tuple[dict[Owner, Listing], dict[str, bytes]]:
    """(each owner's listing for its record, the files by member name) of ``owners``."""
    rows = _rows(session, owners)
    listings: dict[Owner, Listing] = {}
    wanted: dict[str, str] = {}  # digest → member name
    for owner, attachments in rows.items():
        listings[owner] = []
        for a in attachments:
            member = member_name(a.sha256, a.media_type)
            wanted[a.sha256] = member
            listings[owner].append({"name": a.file_name, "media_type": a.media_type, "sha256": a.sha256,
                                    "size": a.size, "file": member})  # fmt: skip
    files: dict[str, bytes] = {}
    for part in chunks(list(wanted)):
        stmt = select(AttachmentBlob.sha256, AttachmentBlob.content).where(AttachmentBlob.sha256.in_(part))
        for digest, data in session.execute(stmt):
            files[wanted[digest]] = bytes(data)
    return listings, files


def unpack(session: Session, package: Package, listing: Listing, owner: Owner, actor: str, *,
           where: str = "", changes: list[str] | None = None) -> list[Attachment]:  # fmt: skip
    """Store the files ``listing`` names (from ``package``) on ``owner``; each is checked again and
    a file that does not match what the record says refuses the whole package. With ``changes``,
    one line per file added is appended to it (a newer version's difference)."""
    added: list[Attachment] = []
    prefix = f"{where}: " if where else ""
    for entry in listing:
        name, member = str(entry.get("name", "")), str(entry.get("file", ""))
        data = package.attachments.get(member)
        if data is None:
            raise DomainError(f"{prefix}gói thiếu tệp đính kèm «{name}».")
        if sha256(data) != entry.get("sha256") or len(data) != entry.get("size"):
            raise DomainError(f"{prefix}tệp đính kèm «{name}» khác với mã băm hồ sơ ghi.")
        clean_name, media_type = check_file(name, data)
        row = store(session, owner, clean_name, media_type, data, actor)
        if row is not None:
            added.append(row)
            if changes is not None:
                changes.append(f"{prefix}thêm tệp đính kèm «{clean_name}»")
    return added
