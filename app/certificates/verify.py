"""Is a certificate genuine, and what does it certify? From its QR text or its short code,
with nothing but a copy of the database (the public key is in it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from ..model import Award, CertificatePrint, NominationStatus, RegisterBook, RegisterEntry
from ..storage.db import Database
from ..text import clean, format_document_date
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
        with db.read() as session:
            prints = session.scalars(
                select(CertificatePrint)
                .where(CertificatePrint.book_code == book, CertificatePrint.register_number == number)
                .order_by(CertificatePrint.id.desc())
            ).all()
        match = next((p for p in prints if check_value(signature_bytes(p.signature)) == check), None)
        if match is None:
            return Verification(
                INVALID, f"KHÔNG HỢP LỆ: không có giấy chứng nhận nào mang mã {text.upper()}."
            )
        try:
            payload, signature = Payload.parse(match.payload), signature_bytes(match.signature)
        except ValueError:
            return Verification(INVALID, "KHÔNG HỢP LỆ: bản ghi in trong sổ bị hỏng.")
    if not signed_by_book(db, payload, signature):  # the current key, or an earlier one
        return Verification(
            INVALID,
            "KHÔNG HỢP LỆ: chữ ký không khớp — nội dung đã bị thay đổi hoặc giấy không do cơ quan "
            "giữ cơ sở dữ liệu này cấp.",
        )
    details = _describe(db, payload)
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
    return Verification(GENUINE, "HỢP LỆ: giấy chứng nhận do cơ quan cấp, đúng với sổ khen thưởng.", details)
