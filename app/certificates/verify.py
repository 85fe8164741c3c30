"""Is a certificate genuine, and what does it certify? From its QR text or its short code,
with nothing but a copy of the database (the public key is in it).

A short code is looked up in the issue records (``certificate_issue``), written with the numbering
before any PDF: a code issued whose printing was never confirmed (the printer was killed, the disk
was full) is still valid, since the paper may exist, and the answer says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from ..model import Award, CertificateIssue, CertificatePrint, NominationStatus, RegisterBook, RegisterEntry
from ..model.certificates import ISSUED, PRINTED
from ..storage.db import Database
from ..text import clean, format_date, format_document_date
from .batch import payload_for
from .selection import load_records
from .signing import (
    QR_PREFIX,
    Payload,
    check_value,
    decode_qr_text,
    parse_short_code,
    public_key,
    signature_bytes,
    signature_text,
    signed_by_book,
)

GENUINE, REVOKED, CHANGED, INVALID = "genuine", "revoked", "changed", "invalid"


@dataclass(frozen=True)
class Verification:
    status: str
    message: str
    details: list[str] = field(default_factory=list)

    @property
    def genuine(self) -> bool:
        return self.status == GENUINE

    def __str__(self) -> str:
        return "\n".join([self.message, *(f"  {d}" for d in self.details)])


def _describe(db: Database, p: Payload) -> list[str]:
    with db.read() as session:
        award = session.scalar(select(Award.name).where(Award.code == p.award_code)) or p.award_code
    return [
        f"Người (tập thể) được khen thưởng: {p.recipient}",
        f"Khen thưởng: {award}",
        f"Quyết định số {p.decision_number}, {format_document_date(p.decision_date)}",
        f"Sổ vàng {p.book_code}, số {p.number}",
    ]


@dataclass(frozen=True)
class _Issued:
    payload: str
    signature: str
    state: str
    issued_at: dt.datetime | None
    issued_by: str


def _issued(db: Database, book_code: str, number: int) -> list[_Issued]:
    """The codes issued under a register number, newest first; then those only in the print log
    (printed before issue records were kept, if the migration found none)."""
    with db.read() as session:
        issues = session.execute(
            select(CertificateIssue.payload, CertificateIssue.signature, CertificateIssue.state,
                   CertificateIssue.issued_at, CertificateIssue.issued_by)
            .where(CertificateIssue.book_code == book_code, CertificateIssue.register_number == number)
            .order_by(CertificateIssue.id.desc())
        ).all()  # fmt: skip
        prints = session.execute(
            select(CertificatePrint.payload, CertificatePrint.signature, CertificatePrint.printed_at,
                   CertificatePrint.actor)
            .where(CertificatePrint.book_code == book_code, CertificatePrint.register_number == number)
            .order_by(CertificatePrint.id.desc())
        ).all()  # fmt: skip
    found = [_Issued(*row) for row in issues]
    known = {i.signature for i in found}
    found += [_Issued(p, sig, PRINTED, at, who) for p, sig, at, who in prints if sig not in known]
    return found


def _unconfirmed(issue: _Issued | None) -> str:
    """The note for a code issued whose printing was never confirmed ("" otherwise)."""
    if issue is None or issue.state != ISSUED:
        return ""
    when = format_date(issue.issued_at.date()) if issue.issued_at else ""
    who = f" (người in: {issue.issued_by})" if issue.issued_by else ""
    return (f" Lưu ý: mã được cấp ngày {when}{who} nhưng lần in chưa được xác nhận hoàn tất (máy dừng hoặc lỗi "
            "khi ghi tệp); giấy có thể đã được in, mã vẫn hợp lệ.")  # fmt: skip


def _current(db: Database, book_code: str, number: int) -> tuple[Payload, NominationStatus] | None:
    """The payload the database gives today for this register number, and the award's status."""
    with db.read() as session:
        nid = session.scalar(
            select(RegisterEntry.nomination_id)
            .join(RegisterBook, RegisterBook.id == RegisterEntry.book_id)
            .where(RegisterBook.code == book_code, RegisterEntry.number == number)
        )
    if nid is None:
        return None
    records = load_records(db, [nid])
    if not records or records[0].decision_date is None:
        return None
    return payload_for(records[0], book_code, number), records[0].status


def verify(db: Database, text: str) -> Verification:
    text = clean(text)
    if not text:
        return Verification(INVALID, "Chưa nhập mã xác thực.")
    public = public_key(db)
    if public is None:
        return Verification(INVALID, "Cơ sở dữ liệu này chưa có khóa công khai: chưa in giấy chứng nhận nào.")
    if text.upper().startswith(QR_PREFIX):
        try:
            payload, signature = decode_qr_text(text)
        except (ValueError, UnicodeDecodeError):
            return Verification(INVALID, "KHÔNG HỢP LỆ: không đọc được nội dung mã QR.")
    else:
        parsed = parse_short_code(text)
        if parsed is None:
            return Verification(INVALID, "KHÔNG HỢP LỆ: mã không đúng dạng (ví dụ SV-000123-K7QX2MPA).")
        book, number, check = parsed
        issues = _issued(db, book, number)
        match = next((i for i in issues if check_value(signature_bytes(i.signature)) == check), None)
        if match is None:
            return Verification(
                INVALID, f"KHÔNG HỢP LỆ: không có giấy chứng nhận nào mang mã {text.upper()}."
            )
        try:
            payload, signature = Payload.parse(match.payload), signature_bytes(match.signature)
        except ValueError:
            return Verification(INVALID, "KHÔNG HỢP LỆ: bản ghi cấp mã trong sổ bị hỏng.")
    if not signed_by_book(db, payload, signature):  # the current key, or an earlier one
        return Verification(
            INVALID,
            "KHÔNG HỢP LỆ: chữ ký không khớp — nội dung đã bị thay đổi hoặc giấy không do cơ quan "
            "giữ cơ sở dữ liệu này cấp.",
        )
    details = _describe(db, payload)
    sig = signature_text(signature)
    issue = next((i for i in _issued(db, payload.book_code, payload.number) if i.signature == sig), None)
    current = _current(db, payload.book_code, payload.number)
    if current is None:
        return Verification(
            CHANGED, "KHÔNG KHỚP: chữ ký đúng nhưng số vào sổ này không còn trong sổ vàng.", details
        )
    now, status = current
    diffs = payload.differences(now)
    if diffs:
        return Verification(CHANGED, "KHÔNG KHỚP: nội dung khác với sổ khen thưởng.", [*details, *diffs])
    if status is NominationStatus.REVOKED:
        return Verification(
            REVOKED, "ĐÃ THU HỒI: giấy chứng nhận do cơ quan cấp nhưng khen thưởng đã bị thu hồi.", details
        )
    if status is not NominationStatus.APPROVED:
        return Verification(CHANGED, f"KHÔNG KHỚP: khen thưởng đang ở trạng thái «{status.label}».", details)
    return Verification(
        GENUINE,
        "HỢP LỆ: giấy chứng nhận do cơ quan cấp, đúng với sổ khen thưởng." + _unconfirmed(issue),
        details,
    )
