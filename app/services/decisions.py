"""Award decisions: the official number form, creation, deletion rules."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import exists, select

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Award, Decision, Nomination, RegisterBook, RegisterEntry, Unit
from ..model.nominations import awarded_name
from ..storage.db import Database
from ..text import clean, fold
from .common import get, optional_text, require, required_text
from .records import DecisionRecord

# Document-type abbreviations written in mixed case (Decree 30/2020/NĐ-CP, Appendix III).
_MIXED_CASE = {"TTR": "TTr", "CTR": "CTr", "QYĐ": "QyĐ"}
_NUMBER = re.compile(r"^(\d{1,6})/(?:(\d{4})/)?([A-ZĐ]{1,12}(?:-[A-ZĐ0-9]{1,20}){1,3})$")


@dataclass(frozen=True)
class DecisionNumber:
    number: int
    year: int | None  # only in the symbol of normative acts: "86/2025/QĐ-UBND"
    symbol: str  # "QĐ-UBND"

    @property
    def text(self) -> str:
        """As printed after "Số:": numbers under 10 take a leading zero."""
        middle = f"{self.year}/" if self.year else ""
        return f"{self.number:02d}/{middle}{self.symbol}"


def parse_decision_number(value: str) -> DecisionNumber:
    """Parse "123/QĐ-UBND", "Số: 5/qđ-ubnd", "86/2025/QĐ-UBND"; refuse anything else."""
    text = clean(value)
    text = re.sub(r"^số\s*:?\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+", "", text).upper()
    m = _NUMBER.match(text)
    if not m or int(m.group(1)) == 0:
        raise DomainError(
            f"Số quyết định «{clean(value)}» không đúng dạng (ví dụ: 123/QĐ-UBND).", field="number"
        )
    kind, _, rest = m.group(3).partition("-")
    symbol = f"{_MIXED_CASE.get(kind, kind)}-{rest}"
    return DecisionNumber(int(m.group(1)), int(m.group(2)) if m.group(2) else None, symbol)


@dataclass
class DecisionInput:
    number: str
    signed_on: dt.date
    issuer: str
    signer_name: str
    signer_title: str
    signer_authority: str = ""
    issuer_unit_id: int | None = None
    summary: str = ""


def create_decision(db: Database, data: DecisionInput) -> DecisionRecord:
    allowed(db, P.DECISIONS)
    parsed = parse_decision_number(data.number)
    issuer = required_text(data.issuer, "Cơ quan ban hành", "issuer")
    authority = clean(data.signer_authority).upper()
    require(
        authority in ("", "TM.", "KT.", "Q.", "TL.", "TUQ."),
        "Thẩm quyền ký chỉ là TM., KT., Q., TL. hoặc TUQ.",
        "signer_authority",
    )
    with db.write() as session:
        if data.issuer_unit_id is not None:
            get(session, Unit, data.issuer_unit_id, "cơ quan ban hành")
        year = data.signed_on.year
        clash = session.scalar(
            select(Decision.id).where(
                Decision.issuer == issuer, Decision.year == year, Decision.number_text == parsed.text
            )
        )
        if clash is not None:
            raise DomainError(f"{issuer} đã có quyết định số {parsed.text} năm {year}.", field="number")
        decision = Decision(
            number=parsed.number,
            symbol=parsed.symbol if parsed.year is None else f"{parsed.year}/{parsed.symbol}",
            number_text=parsed.text,
            number_fold=fold(parsed.text),
            signed_on=data.signed_on,
            year=year,
            issuer=issuer,
            issuer_unit_id=data.issuer_unit_id,
            signer_name=required_text(data.signer_name, "Người ký", "signer_name", 200),
            signer_title=required_text(data.signer_title, "Chức vụ người ký", "signer_title", 200).upper(),
            signer_authority=authority,
            summary=optional_text(data.summary, "Trích yếu", "summary", 500),
        )
        session.add(decision)
        session.flush()
        return DecisionRecord.of(decision)


def find_decision(db: Database, number: str, year: int | None = None) -> DecisionRecord:
    """The decision with this number (and year, when several issuers or years share it)."""
    parsed = parse_decision_number(number)
    stmt = select(Decision).where(Decision.number_text == parsed.text)
    if year is not None:
        stmt = stmt.where(Decision.year == year)
    with db.read() as session:
        found = [DecisionRecord.of(d) for d in session.scalars(stmt.limit(2))]
    if not found:
        raise DomainError(f"Không có quyết định số {parsed.text}.", field="number")
    if len(found) > 1:
        raise DomainError(f"Có nhiều quyết định số {parsed.text}; hãy ghi rõ năm.", field="number")
    return found[0]


def delete_decision(db: Database, decision_id: int) -> None:
    """Delete a decision entered by mistake; refused once any award refers to it."""
    allowed(db, P.DECISIONS)
    with db.write() as session:
        decision = get(session, Decision, decision_id, "quyết định")
        if session.scalar(select(exists().where(Nomination.decision_id == decision_id))):
            raise DomainError(
                f"Không xóa được quyết định {decision.number_text}: đã có khen thưởng theo quyết định này."
            )
        from .attachments import Owner, drop_owned

        drop_owned(session, Owner.decision(decision_id))  # its scans go with it, logged
        session.delete(decision)


def list_decisions(db: Database, year: int | None = None) -> list[Decision]:
    stmt = select(Decision).order_by(Decision.signed_on.desc(), Decision.id.desc())
    if year is not None:
        stmt = stmt.where(Decision.year == year)
    with db.read() as session:
        return list(session.scalars(stmt))


@dataclass(frozen=True)
class DecisionLine:
    """One award a decision grants, as its list shows it."""

    nomination_id: int
    nominee: str
    award: str
    unit: str
    register: str  # "SV2025 / 401", or "" before it is numbered


def decision_lines(db: Database, decision_id: int) -> list[DecisionLine]:
    """The awards of a decision in the order of its list: by award, then unit, then name."""
    with db.read() as session:
        get(session, Decision, decision_id, "quyết định")
        rows = session.execute(
            select(Nomination.id, awarded_name(), Award.name, Unit.name, RegisterBook.code,
                   RegisterEntry.number)
            .join(Award, Award.id == Nomination.award_id)
            .join(Unit, Unit.id == Nomination.submitting_unit_id)
            .outerjoin(RegisterEntry, RegisterEntry.nomination_id == Nomination.id)
            .outerjoin(RegisterBook, RegisterBook.id == RegisterEntry.book_id)
            .where(Nomination.decision_id == decision_id)
            .order_by(Award.name, Unit.sort_key, Nomination.nominee_sort, Nomination.id)
        ).all()  # fmt: skip
    return [DecisionLine(i, name, award, unit, f"{book} / {number}" if number else "")
            for i, name, award, unit, book, number in rows]  # fmt: skip


def get_decision(db: Database, decision_id: int) -> DecisionRecord:
    with db.read() as session:
        return DecisionRecord.of(get(session, Decision, decision_id, "quyết định"))
