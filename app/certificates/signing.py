"""Offline verification: each certificate's canonical payload is signed with Ed25519.

The private key lives outside the database, in a key file in the user's configuration folder
(``THIDUA_SIGNING_KEY`` names another file, e.g. in tests), created on first use. The public key
is stored in the database (``meta``, key ``certificate_public_key``) so any copy of the database
checks a certificate offline. A keyed hash with its key in the same database would prove nothing.

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

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from platformdirs import user_config_dir

from ..errors import DomainError
from ..model import Meta
from ..storage.db import Database
from ..text import clean

ENV_KEY = "THIDUA_SIGNING_KEY"
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


def key_path() -> Path:
    env = os.environ.get(ENV_KEY)
    return (
        Path(env) if env else Path(user_config_dir("thidua", appauthor=False)) / "certificate_signing_key.pem"
    )


_key_lock = threading.Lock()


def load_private_key(create: bool = True) -> Ed25519PrivateKey:
    """The issuing key from :func:`key_path`; created there (mode 600) the first time."""
    path = key_path()
    key: PrivateKeyTypes  # a file may hold any kind: checked below
    with _key_lock:
        if not path.exists():
            if not create:
                raise DomainError(f"Không có khóa ký giấy chứng nhận ({path}).")
            key = Ed25519PrivateKey.generate()
            pem = key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, pem)
                os.fsync(fd)
            finally:
                os.close(fd)
            try:
                os.link(tmp, path)  # fails if another process made the key meanwhile: keep theirs
            except FileExistsError:
                pass
            finally:
                tmp.unlink(missing_ok=True)
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError) as exc:
            raise DomainError(f"Không đọc được khóa ký giấy chứng nhận ({path}): {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise DomainError(f"Tệp {path} không phải khóa Ed25519.")
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
        elif row.value != public:
            raise DomainError(
                f"Khóa ký ({key_path()}) không phải khóa của cơ sở dữ liệu này: giấy chứng nhận in ra sẽ "
                "không xác thực được. Hãy dùng đúng tệp khóa của đơn vị."
            )


def public_key(db: Database) -> Ed25519PublicKey | None:
    with db.read() as session:
        row = session.get(Meta, META_KEY)
    if row is None:
        return None
    raw = base64.urlsafe_b64decode(row.value + "=" * (-len(row.value) % 4))
    return Ed25519PublicKey.from_public_bytes(raw)


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
    return _b32(hashlib.sha256(signature).digest())[:8]


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
