"""Attachments: scanned signed documents (PDF, JPEG, PNG) on a nomination, a decision or a unit's
score sheet (see docs/attachments.md).

A file is typed by its content (its first bytes), and its name's extension must say the same
type; an empty file, one over :data:`MAX_BYTES`, a name with control characters are refused with a
message naming the file, before anything is written. The bytes are kept in the database once per
distinct content (``attachment_blob``, by SHA-256); the blob goes when its last attachment does.
Adding and removing take the owner's own right: a nomination's (for a clerk, of their unit), the
decisions', a score sheet's (the bloc's secretariat, while the period is open).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from ..auth import P, unit_scoped
from ..auth import require as allowed
from ..errors import DomainError, os_error_message
from ..model import (
    Attachment,
    AttachmentBlob,
    Bloc,
    Decision,
    Nomination,
    NominationStatus,
    Person,
    ScorePeriodKind,
    Unit,
)
from ..storage.db import Database
from ..storage.files import atomic_write
from ..text import clean, illegal_char

MAX_BYTES = 20 * 1024 * 1024  # per file: a signed scan of a few pages
MAX_NAME = 255
# media type → (first bytes, extensions the name may have)
KINDS: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "application/pdf": (b"%PDF-", (".pdf",)),
    "image/jpeg": (b"\xff\xd8\xff", (".jpg", ".jpeg", ".jpe")),
    "image/png": (b"\x89PNG\r\n\x1a\n", (".png",)),
}
LABELS = {"application/pdf": "PDF", "image/jpeg": "ảnh JPEG", "image/png": "ảnh PNG"}
EXTENSION = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
# An approved or revoked award keeps its documents for the record.
KEPT = frozenset({NominationStatus.APPROVED, NominationStatus.REVOKED})


@dataclass(frozen=True)
class Owner:
    """What an attachment belongs to: one nomination, one decision, or one score sheet."""

    nomination_id: int | None = None
    decision_id: int | None = None
    bloc_id: int | None = None
    year: int | None = None
    period: ScorePeriodKind | None = None
    unit_id: int | None = None

    @classmethod
    def nomination(cls, nomination_id: int) -> Owner:
        return cls(nomination_id=nomination_id)

    @classmethod
    def decision(cls, decision_id: int) -> Owner:
        return cls(decision_id=decision_id)

    @classmethod
    def sheet(cls, bloc_id: int, year: int, period: ScorePeriodKind | str, unit_id: int) -> Owner:
        return cls(bloc_id=bloc_id, year=year, period=ScorePeriodKind(period), unit_id=unit_id)

    def where(self) -> list[ColumnElement[bool]]:
        if self.nomination_id is not None:
            return [Attachment.nomination_id == self.nomination_id]
        if self.decision_id is not None:
            return [Attachment.decision_id == self.decision_id]
        return [Attachment.bloc_id == self.bloc_id, Attachment.year == self.year,
                Attachment.period == self.period, Attachment.unit_id == self.unit_id]  # fmt: skip

    def columns(self) -> dict[str, object]:
        return {
            k: getattr(self, k)
            for k in ("nomination_id", "decision_id", "bloc_id", "year", "period", "unit_id")
        }


@dataclass(frozen=True)
class AttachmentRecord:
    id: int
    file_name: str
    media_type: str
    size: int
    sha256: str
    added_at: dt.datetime
    added_by: str

    @classmethod
    def of(cls, a: Attachment) -> AttachmentRecord:
        return cls(a.id, a.file_name, a.media_type, a.size, a.sha256, a.added_at, a.added_by)

    @property
    def kind(self) -> str:
        return LABELS.get(self.media_type, self.media_type)


def media_type_of(data: bytes) -> str | None:
    """The media type ``data`` is by its first bytes, ``None`` when none of PDF, JPEG, PNG."""
    for media_type, (magic, _ext) in KINDS.items():
        if data.startswith(magic):
            return media_type
    return None


def clean_file_name(name: str) -> str:
    """The file's own name (no folder), NFC and trimmed; refused if empty, too long or holding a
    control character."""
    base = PurePosixPath(str(name).replace("\\", "/")).name
    shown = "".join(c if c.isprintable() else "?" for c in base)
    code = illegal_char(base)
    if code is not None:
        raise DomainError(f"Tên tệp «{shown}» có ký tự điều khiển ({code}); hãy đổi tên tệp rồi thêm lại.")
    cleaned = clean(base)
    if not cleaned or cleaned in (".", ".."):
        raise DomainError(f"Tên tệp «{shown}» không hợp lệ.")
    if len(cleaned) > MAX_NAME:
        raise DomainError(f"Tên tệp «{cleaned[:40]}…» dài quá {MAX_NAME} ký tự; hãy đặt tên ngắn hơn.")
    return cleaned


def _too_large(name: str, size: int) -> DomainError:
    return DomainError(
        f"Tệp «{name}» lớn {size / 1024 / 1024:.1f} MB, quá giới hạn {MAX_BYTES // 1024 // 1024} MB "
        "cho một tệp đính kèm; hãy quét lại với độ phân giải thấp hơn."
    )


def check_file(name: str, data: bytes) -> tuple[str, str]:
    """(cleaned name, media type) of a file to attach; :class:`DomainError` naming it otherwise."""
    name = clean_file_name(name)
    if not data:
        raise DomainError(f"Tệp «{name}» rỗng (0 byte): không có gì để đính kèm.")
    if len(data) > MAX_BYTES:
        raise _too_large(name, len(data))
    ext = PurePosixPath(name).suffix.lower()
    named = next((t for t, (_m, exts) in KINDS.items() if ext in exts), None)
    if named is None:
        raise DomainError(f"Tệp «{name}» không phải PDF, JPEG hay PNG: chỉ đính kèm được các loại tệp này.")
    found = media_type_of(data)
    if found is None:
        raise DomainError(
            f"Tệp «{name}» mang đuôi {ext} nhưng nội dung không phải {LABELS[named]} (tệp hỏng?)."
        )
    if found != named:
        raise DomainError(
            f"Tệp «{name}» mang đuôi {ext} nhưng nội dung là {LABELS[found]}; "
            "hãy đổi đuôi tệp cho đúng rồi thêm lại."
        )
    return name, found


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------------------------- rights
def _units_of(session: Session, n: Nomination) -> tuple[int | None, ...]:
    person = session.get(Person, n.person_id) if n.person_id is not None else None
    return (n.submitting_unit_id, person.unit_id if person is not None else n.unit_id)


def check_owner(db: Database, session: Session, owner: Owner, *, removing: bool = False) -> str:
    """Refuse unless ``db.actor`` may change ``owner``'s attachments; returns the owner's name."""
    if owner.nomination_id is not None:
        n = session.get(Nomination, owner.nomination_id)
        if n is None:
            raise DomainError(f"Không tìm thấy hồ sơ đề nghị (mã {owner.nomination_id}).")
        units = _units_of(session, n) if unit_scoped(db.actor, P.NOMINATIONS) else ()
        allowed(db, P.NOMINATIONS, unit_ids=units, session=session)
        if removing and n.status in KEPT:
            raise DomainError(
                f"Hồ sơ «{n.nominee_name}» đã ở trạng thái «{n.status.label}»: tệp đính kèm được giữ lại, "
                "không xóa được."
            )
        return f"hồ sơ «{n.nominee_name}»"
    if owner.decision_id is not None:
        allowed(db, P.DECISIONS)
        d = session.get(Decision, owner.decision_id)
        if d is None:
            raise DomainError(f"Không tìm thấy quyết định (mã {owner.decision_id}).")
        return f"quyết định {d.number_text}"
    from .blocs import require_secretariat
    from .score_periods import check_open

    bloc, unit = session.get(Bloc, owner.bloc_id), session.get(Unit, owner.unit_id)
    if bloc is None or unit is None or owner.year is None or owner.period is None:
        raise DomainError("Không tìm thấy phiếu chấm điểm (khối hoặc đơn vị không còn).")
    require_secretariat(db, bloc.id, owner.year, session)
    check_open(session, bloc.id, owner.year, owner.period)
    return f"phiếu chấm điểm của {unit.code}"


# --------------------------------------------------------------------------------- writing
def store(
    session: Session, owner: Owner, name: str, media_type: str, data: bytes, actor: str
) -> Attachment | None:
    """Attach checked ``data`` to ``owner`` in ``session`` (no right checked: the caller's); the
    blob is shared with identical files. ``None`` when the owner holds that content already."""
    digest = sha256(data)
    held = session.scalar(select(Attachment.id).where(*owner.where(), Attachment.sha256 == digest).limit(1))
    if held is not None:
        return None
    if session.get(AttachmentBlob, digest) is None:
        session.add(AttachmentBlob(sha256=digest, size=len(data), content=data))
    row = Attachment(**owner.columns(), file_name=name, media_type=media_type, size=len(data), sha256=digest,
                     added_at=dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0), added_by=actor)  # fmt: skip
    session.add(row)
    return row


def add_attachments(db: Database, owner: Owner, files: Sequence[tuple[str, bytes]]) -> list[AttachmentRecord]:
    """Attach ``files`` (name, bytes) to ``owner``, all or none; a file the owner holds already is
    refused (it would be the same document twice)."""
    checked = [(*check_file(name, data), data) for name, data in files]
    if not checked:
        raise DomainError("Chưa chọn tệp nào để đính kèm.")
    with db.write() as session:
        what = check_owner(db, session, owner)
        made: list[Attachment] = []
        for name, media_type, data in checked:
            row = store(session, owner, name, media_type, data, db.actor.username)
            if row is None:
                raise DomainError(f"Tệp «{name}» đã được đính kèm vào {what} (cùng nội dung).")
            session.flush()  # the next file of the same content is then seen
            made.append(row)
        return [AttachmentRecord.of(a) for a in made]


def read_file(path: Path) -> tuple[str, bytes]:
    """(name, bytes) of the file at ``path``, its size checked before it is read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # refused before reading it
            raise _too_large(clean_file_name(path.name), size)
        return path.name, path.read_bytes()
    except OSError as exc:
        raise DomainError(os_error_message(exc, path)) from None


def add_files(db: Database, owner: Owner, paths: Sequence[Path]) -> list[AttachmentRecord]:
    """:func:`add_attachments` of the files at ``paths``."""
    return add_attachments(db, owner, [read_file(p) for p in paths])


def _drop(session: Session, rows: Sequence[Attachment]) -> None:
    """Delete ``rows`` and every blob no other attachment holds (through the ORM: logged)."""
    digests = {a.sha256 for a in rows}
    for a in rows:
        session.delete(a)
    session.flush()
    for digest in digests:
        if session.scalar(select(func.count()).where(Attachment.sha256 == digest)) == 0:
            blob = session.get(AttachmentBlob, digest)
            if blob is not None:
                session.delete(blob)


def remove_attachment(db: Database, attachment_id: int) -> None:
    """Delete one attachment (and its bytes, when no other attachment holds the same)."""
    with db.write() as session:
        a = _get(session, attachment_id)
        check_owner(db, session, _owner_of(a), removing=True)
        _drop(session, [a])


def drop_owned(session: Session, owner: Owner) -> None:
    """Delete every attachment of ``owner`` in ``session`` (its deletion, already allowed)."""
    _drop(session, list(session.scalars(select(Attachment).where(*owner.where()))))


# --------------------------------------------------------------------------------- reading
def _get(session: Session, attachment_id: int) -> Attachment:
    a = session.get(Attachment, attachment_id)
    if a is None:
        raise DomainError(f"Không tìm thấy tệp đính kèm (mã {attachment_id}).")
    return a


def _owner_of(a: Attachment) -> Owner:
    return Owner(a.nomination_id, a.decision_id, a.bloc_id, a.year, a.period, a.unit_id)


def list_attachments(db: Database, owner: Owner) -> list[AttachmentRecord]:
    """``owner``'s attachments, oldest first."""
    with db.read() as session:
        rows = session.scalars(select(Attachment).where(*owner.where()).order_by(Attachment.id))
        return [AttachmentRecord.of(a) for a in rows]


def get_attachment(db: Database, attachment_id: int) -> AttachmentRecord:
    with db.read() as session:
        return AttachmentRecord.of(_get(session, attachment_id))


def content(db: Database, attachment_id: int) -> bytes:
    """The bytes of an attachment, checked against its SHA-256."""
    with db.read() as session:
        a = _get(session, attachment_id)
        data = session.scalar(select(AttachmentBlob.content).where(AttachmentBlob.sha256 == a.sha256))
        name = a.file_name
    if data is None or sha256(bytes(data)) != a.sha256:
        raise DomainError(f"Nội dung tệp «{name}» không còn đúng như khi đính kèm (dữ liệu đã bị sửa).")
    return bytes(data)


def extract(db: Database, attachment_id: int, out: Path) -> Path:
    """Write an attachment's bytes to ``out`` (atomically)."""
    data = content(db, attachment_id)
    try:
        with atomic_write(Path(out)) as f:
            f.write(data)
    except OSError as exc:
        raise DomainError(os_error_message(exc, out)) from None
    return Path(out)


def viewing_copy(db: Database, attachment_id: int) -> Path:
    """A copy of the attachment in a new temporary folder, under its own name, for the system's
    viewer (the copy is not read back: editing it changes nothing in the book)."""
    record = get_attachment(db, attachment_id)
    folder = Path(tempfile.mkdtemp(prefix="thidua-tep-"))
    name = (
        record.file_name
        if PurePosixPath(record.file_name).suffix
        else record.file_name + EXTENSION[record.media_type]
    )
    return extract(db, attachment_id, folder / name)


def counts(db: Database, nomination_ids: Sequence[int]) -> dict[int, int]:
    """How many attachments each of ``nomination_ids`` has (those with none left out)."""
    with db.read() as session:
        rows = session.execute(
            select(Attachment.nomination_id, func.count())
            .where(Attachment.nomination_id.in_(list(nomination_ids)))
            .group_by(Attachment.nomination_id)
        )
        return {int(i): int(c) for i, c in rows if i is not None}
