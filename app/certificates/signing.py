"""Offline verification: each certificate's canonical payload is signed with Ed25519.

The private key lives outside the database, in a key file in the user's configuration folder
(``THIDUA_SIGNING_KEY`` names another file, e.g. in tests; app.certificates.keyfile), created at
the database's first print only: once the database has a key, a machine without it is told to
import it (``thidua keys import``), never given a new one silently. The public key is stored in
the database (``meta``, key ``certificate_public_key``) so any copy of the database checks a
certificate offline; earlier keys stay in ``signing_key`` so certificates they signed still verify. A keyed hash with its key in the same database would prove nothing.

Printed on the certificate: a QR code holding ``TDV1:`` + base32(payload + signature), and a short
code ``BOOK-NNNNNN-CHECK`` for typing, checked against the signature logged when it was printed.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select

from ..auth import NOT_LOGGED_IN, PermissionDeniedError
from ..errors import DomainError
from ..model import Meta, SigningKey, UserRole
from ..model.base import utcnow
from ..storage.db import Database
from ..text import clean
from .keyfile import ENV_KEY as ENV_KEY  # re-exported: where the key file is
from .keyfile import key_path as key_path
from .keyfile import note_exported, write_private

if TYPE_CHECKING:  # the annotations only: the module imports every other kind of key
    from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

META_KEY = "certificate_public_key"
QR_PREFIX = "TDV1:"
_SEP = "\x1f"
FIELD_LABELS = {
    "book_code": "Sổ vàng",
    "number": "Số vào sổ",
    "decision_number": "Số quyết định",
    "recipient": "Người (tập thể) được khen thưởng",
    "award_code": "Mã khen thưởng",
    "decision_date": "Ngày quyết định",
}


@dataclass(frozen=True)
class Payload:
    """What a certificate certifies; the signed text is :meth:`canonical`."""

    book_code: str
    number: int
    decision_number: str
    recipient: str
    award_code: str
    decision_date: dt.date

    def canonical(self) -> str:
        return _SEP.join(
            (
                "TDV1",
                self.book_code,
                str(self.number),
                self.decision_number,
                clean(self.recipient),
                self.award_code,
                self.decision_date.isoformat(),
            )
        )

    @classmethod
    def parse(cls, text: str) -> Payload:
        parts = text.split(_SEP)
        if len(parts) != 7 or parts[0] != "TDV1":
            raise ValueError("not a certificate payload")
        return cls(parts[1], int(parts[2]), parts[3], parts[4], parts[5], dt.date.fromisoformat(parts[6]))

    def differences(self, other: Payload) -> list[str]:
        """Vietnamese lines naming each field that differs from ``other``."""
        out = []
        for name, label in FIELD_LABELS.items():
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine != theirs:
                out.append(f"{label}: trên giấy «{mine}», trong sổ «{theirs}»")
        return out


MISSING_KEY = (
    "Khóa ký của sổ này không có trên máy ({path}); hãy nhập khóa đã xuất "
    "(thidua keys import TỆP). Nếu khóa đã mất hẳn, quản trị viên tạo khóa mới bằng "
    "thidua keys new --replace (giấy đã in vẫn xác thực được bằng khóa cũ)."
)
WRONG_KEY = (
    "Khóa ký ({path}) không phải khóa của cơ sở dữ liệu này: giấy chứng nhận in ra sẽ "
    "không xác thực được. Hãy dùng đúng tệp khóa của đơn vị (thidua keys import TỆP)."
)

_key_lock = threading.Lock()


def _pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _read_key(path: Path) -> Ed25519PrivateKey:
    key: PrivateKeyTypes  # a file may hold any kind: checked below
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise DomainError(f"Không đọc được khóa ký giấy chứng nhận ({path}): {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise DomainError(f"Tệp {path} không phải khóa Ed25519.")
    return key


def load_private_key(db: Database | None = None) -> Ed25519PrivateKey:
    """The issuing key from :func:`key_path`.

    With ``db``, the key must be that database's: it is created (mode 600) only while the
    database has recorded no key yet (its first print); a database that has one and a machine
    without it, or with another, is a clear stop, never a new key made silently. Without ``db``
    the file is only read.
    """
    path = key_path()
    recorded = current_public_text(db) if db is not None else None
    with _key_lock:
        if not path.exists():
            if db is None:
                raise DomainError(f"Không có khóa ký giấy chứng nhận ({path}).")
            if recorded is not None:
                raise DomainError(MISSING_KEY.format(path=path))
            write_private(path, _pem(Ed25519PrivateKey.generate()))
        key = _read_key(path)
    if recorded is not None and _raw_public(key.public_key()) != recorded:
        raise DomainError(WRONG_KEY.format(path=path))
    return key


def _raw_public(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def ensure_public_key(db: Database, key: Ed25519PrivateKey) -> None:
    """Store the public key in the database, or refuse a key that is not the database's."""
    public = _raw_public(key.public_key())
    with db.write() as session:
        row = session.get(Meta, META_KEY)
        if row is None:
            session.add(Meta(key=META_KEY, value=public))
            if session.scalar(select(SigningKey.id).where(SigningKey.public_key == public)) is None:
                session.add(SigningKey(public_key=public, actor=db.actor.username, note="khóa đầu tiên"))
        elif row.value != public:
            raise DomainError(WRONG_KEY.format(path=key_path()))


def current_public_text(db: Database) -> str | None:
    """The current public key as stored (base64url), or ``None`` before the first print."""
    with db.read() as session:
        row = session.get(Meta, META_KEY)
    return row.value if row is not None else None


def _public_of(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def public_key(db: Database) -> Ed25519PublicKey | None:
    text = current_public_text(db)
    return _public_of(text) if text is not None else None


@dataclass(frozen=True)
class KeyRecord:
    """A public key of the database: when it came into use and when a key change retired it."""

    public: str
    created_at: dt.datetime
    retired_at: dt.datetime | None
    actor: str
    note: str

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public)


def fingerprint_of(public: str) -> str:
    """A short, readable name of a public key (16 hex digits of its SHA-256)."""
    digest = hashlib.sha256(public.encode()).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def key_records(db: Database) -> list[KeyRecord]:
    """Every public key of the database, oldest first (the current one has no ``retired_at``)."""
    with db.read() as session:
        rows = session.scalars(select(SigningKey).order_by(SigningKey.created_at, SigningKey.id)).all()
    return [KeyRecord(r.public_key, r.created_at, r.retired_at, r.actor, r.note) for r in rows]


def signed_by_book(db: Database, payload: Payload, signature: bytes) -> bool:
    """Whether the database's current key, or an earlier one, signed ``payload``. An earlier key
    counts only for a decision dated no later than the day it was retired: a key retired because
    it was lost cannot sign anything new that verifies."""
    current = public_key(db)
    if current is not None and is_valid(current, payload, signature):
        return True
    for record in key_records(db):
        if record.retired_at is None or payload.decision_date > record.retired_at.date():
            continue
        if is_valid(_public_of(record.public), payload, signature):
            return True
    return False


def check_may_replace(db: Database) -> None:
    """Only an administrator (or the system, on a database without accounts) changes the key."""
    actor = db.actor
    if not actor.username:
        raise PermissionDeniedError(NOT_LOGGED_IN)
    if not (actor.system or actor.role is UserRole.ADMIN):
        raise PermissionDeniedError(
            f"Tài khoản «{actor.username}» không được phép thay khóa ký giấy chứng nhận."
        )


def replace_key(db: Database, key: Ed25519PrivateKey, *, note: str) -> None:
    """Make ``key`` the database's signing key, retiring the current one (kept to verify the
    certificates it signed). An administrator's; recorded in the audit log."""
    check_may_replace(db)
    public = _raw_public(key.public_key())
    now = utcnow()
    with db.write() as session:
        if session.scalar(select(SigningKey.id).where(SigningKey.public_key == public)) is not None:
            raise DomainError("Khóa này đã từng là khóa của sổ (đã thôi dùng); không dùng lại.")
        row = session.get(Meta, META_KEY)
        if row is not None:
            old = session.scalar(select(SigningKey).where(SigningKey.public_key == row.value))
            if old is None:  # recorded before the table existed and not carried over
                session.add(SigningKey(public_key=row.value, created_at=now, retired_at=now, note="khóa cũ"))
            else:
                old.retired_at = now
            row.value = public
        else:
            session.add(Meta(key=META_KEY, value=public))
        session.add(SigningKey(public_key=public, created_at=now, actor=db.actor.username, note=note))


def install_key(key: Ed25519PrivateKey, *, exported: bool) -> Path | None:
    """Put ``key`` in :func:`key_path`; a different key already there is kept beside it (renamed,
    returned). ``exported``: the key comes from an export file, so it is saved elsewhere."""
    path = key_path()
    moved = None
    with _key_lock:
        if path.exists():
            try:
                same = _raw_public(_read_key(path).public_key()) == _raw_public(key.public_key())
            except DomainError:
                same = False
            if not same:
                moved = path.with_name(f"{path.name}.cu-{dt.datetime.now():%Y%m%d-%H%M%S}")
                os.replace(path, moved)
        if not path.exists():
            write_private(path, _pem(key))
    if exported:
        note_exported(path)
    return moved


def export_key(target: Path, passphrase: str) -> str:
    """Write this machine's signing key to ``target``, encrypted with ``passphrase`` (PKCS#8 PEM);
    returns the key's fingerprint. The export is noted beside the key (app.certificates.keyfile)."""
    if len(passphrase) < 8:
        raise DomainError("Mật khẩu bảo vệ khóa phải có ít nhất 8 ký tự.", field="passphrase")
    key = load_private_key()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    try:
        written = write_private(target, pem)
    except OSError as exc:
        raise DomainError(f"Không ghi được {target}: {exc.strerror}") from None
    if not written:
        raise DomainError(f"Tệp {target} đã có; hãy chọn tên khác.", field="file")
    note_exported()
    return fingerprint_of(_raw_public(key.public_key()))


def read_export(source: Path, passphrase: str) -> Ed25519PrivateKey:
    """The key in an export file made by :func:`export_key`."""
    key: PrivateKeyTypes
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise DomainError(f"Không đọc được {source}: {exc.strerror}") from None
    try:
        key = serialization.load_pem_private_key(data, password=passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise DomainError(
            f"Không mở được khóa trong {source}: sai mật khẩu bảo vệ, hoặc tệp không phải khóa đã xuất."
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise DomainError(f"Tệp {source} không phải khóa Ed25519.")
    return key


def public_text(key: Ed25519PrivateKey) -> str:
    return _raw_public(key.public_key())


def signature_text(signature: bytes) -> str:
    return base64.urlsafe_b64encode(signature).decode().rstrip("=")


def signature_bytes(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b32(data: bytes) -> str:
    """``base64.b32encode`` without the padding."""
    return base64.b32encode(data).rstrip(b"=").decode()


def qr_text(payload: Payload, signature: bytes) -> str:
    """``TDV1:`` + base32 (QR alphanumeric mode) of the payload bytes followed by the signature."""
    return qr_text_of(payload.canonical(), signature)


def qr_text_of(canonical: str, signature: bytes) -> str:
    """:func:`qr_text` from the payload's canonical text."""
    return QR_PREFIX + _b32(canonical.encode() + signature)


def decode_qr_text(text: str) -> tuple[Payload, bytes]:
    body = clean(text).upper().removeprefix(QR_PREFIX)
    raw = base64.b32decode(body + "=" * (-len(body) % 8))
    if len(raw) <= 64:
        raise ValueError("too short")
    return Payload.parse(raw[:-64].decode()), raw[-64:]


def check_value(signature: bytes) -> str:
    """The first 8 base32 characters of the signature's SHA-256: those of its first 5 bytes
    (base32 takes 5 bytes to 8 characters), without encoding the other 27."""
    return _b32(hashlib.sha256(signature).digest()[:5])


def short_code(book_code: str, number: int, signature: bytes) -> str:
    """ "SV-000123-K7QX2MPA": book, number, and 40 bits derived from the signature."""
    return f"{book_code}-{number:06d}-{check_value(signature)}"


def parse_short_code(text: str) -> tuple[str, int, str] | None:
    parts = clean(text).upper().replace(" ", "").rsplit("-", 2)
    if len(parts) != 3 or not parts[1].isdigit() or len(parts[2]) != 8:
        return None
    return parts[0], int(parts[1]), parts[2]


def is_valid(public: Ed25519PublicKey, payload: Payload, signature: bytes) -> bool:
    try:
        public.verify(signature, payload.canonical().encode())
    except InvalidSignature:
        return False
    return True
