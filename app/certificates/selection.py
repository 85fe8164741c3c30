"""What a certificate says: the awards selected for printing and the values of their fields,
read in a few queries (a batch of ten thousand is one query, not ten thousand)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from .. import catalogue
from ..errors import DomainError
from ..model import (
    Award,
    Campaign,
    Decision,
    Gender,
    Nomination,
    NominationStatus,
    Person,
    RegisterBook,
    RegisterEntry,
)
from ..model.nomination_joins import NomineeParent, PersonParent, PersonUnit, nomination_select
from ..model.nominations import awarded_name, nominee_place
from ..services.decisions import find_decision
from ..storage.db import Database, chunks
from ..text import clean, format_date, format_document_date

_ABBREVIATIONS = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TP.": "thành phố"}
_PLACE = re.compile(r"(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Selection:
    """Which awards to print; filters combine (all must hold). At least one is needed."""

    decision: str | None = None  # "123/QĐ-UBND"
    year: int | None = None  # the decision's year with ``decision``, else the award year
    campaign_id: int | None = None
    ids: tuple[int, ...] = ()
    # Print also awards the law hands over with no certificate (LĐTT, TTLĐTT: cash only, Decree
    # 152/2025 Art. 50): an office may choose to, knowingly; by default they are left out.
    include_cash_only: bool = False

    def describe(self) -> str:
        parts = []
        if self.decision:
            parts.append(f"quyết định {self.decision}")
        if self.year:
            parts.append(f"năm {self.year}")
        if self.campaign_id:
            parts.append(f"phong trào mã {self.campaign_id}")
        if self.ids:
            parts.append(f"{len(self.ids)} hồ sơ chọn")
        return ", ".join(parts)


@dataclass(frozen=True)
class Record:
    nomination_id: int
    status: NominationStatus
    award_code: str
    decision_date: dt.date | None
    book_code: str  # "" until the award has a register number
    register_number: int | None
    values: dict[str, str]  # template variables (see layouts.VARIABLES), without the number/code

    @property
    def recipient(self) -> str:
        return self.values["name"]


def expand_issuer(issuer: str) -> str:
    words = [_ABBREVIATIONS.get(w, w) for w in clean(issuer).split(" ")]
    return " ".join(words)


def official_title(signer_title: str, issuer: str) -> str:
    """ "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH" from "PHÓ CHỦ TỊCH" and "UBND tỉnh Tây Ninh":
    the awarding office is the head's, also when a deputy signs for the head (KT.)."""
    head = re.sub(r"^PHÓ\s+", "", clean(signer_title).upper())
    return f"{head} {expand_issuer(issuer)}".upper()


def signer_authority_line(authority: str, signer_title: str, issuer: str) -> str:
    """ "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN TỈNH …", or "" when the head signs in person."""
    authority = clean(authority).upper()
    if not authority:
        return ""
    if authority == "TM.":
        return f"TM. {expand_issuer(issuer)}".upper()
    head = re.sub(r"^PHÓ\s+", "", clean(signer_title).upper())
    return f"{authority} {head}"


def place_of(issuer: str) -> str:
    m = _PLACE.search(clean(issuer))
    return m.group(1) if m else ""


CASH_ONLY_OPTION = "«In cả danh hiệu chỉ có tiền thưởng» (thidua certificates --include-cash-only)"


def cash_only_reason(award_code: str) -> str | None:
    """Why the law hands over no certificate with this award, or ``None`` when it does (or the
    catalogue file does not say: such an award prints as before)."""
    try:
        spec = catalogue.award_spec(award_code)
    except DomainError:
        return None
    if not spec.prints_nothing:
        return None
    return f"«{spec.name}» chỉ có tiền thưởng, không cấp bằng, giấy chứng nhận ({spec.document_basis})"


def select_ids(db: Database, selection: Selection) -> tuple[list[int], list[str]]:
    """(ids of approved awards to print, notes on selected awards that cannot be printed).

    Explicitly chosen ids that are not approved awards, or that the law gives no certificate
    (unless ``include_cash_only``), are refused with a :class:`DomainError`; by decision, year or
    campaign, those are left out and named in the notes.
    """
    if not (selection.decision or selection.year or selection.campaign_id or selection.ids):
        raise DomainError("Chọn quyết định, năm, phong trào hoặc danh sách hồ sơ để in.", field="selection")
    stmt = select(Nomination.id, Nomination.status, Nomination.nominee_name, Award.code).join(
        Award, Award.id == Nomination.award_id
    )
    if selection.decision:
        decision = find_decision(db, selection.decision, selection.year)
        stmt = stmt.where(Nomination.decision_id == decision.id)
    elif selection.year:
        stmt = stmt.where(Nomination.year == selection.year)
    if selection.campaign_id:
        stmt = stmt.where(Nomination.campaign_id == selection.campaign_id)
    if selection.ids:
        stmt = stmt.where(Nomination.id.in_(selection.ids))
    stmt = stmt.order_by(Nomination.nominee_sort, Nomination.id)
    with db.read() as session:
        rows = session.connection().execute(stmt).all()
    if selection.ids:
        found = {r.id for r in rows}
        missing = [i for i in selection.ids if i not in found]
        if missing:
            raise DomainError(f"Không tìm thấy hồ sơ khen thưởng mã {', '.join(map(str, missing))}.")
        refused = [r for r in rows if r.status is not NominationStatus.APPROVED]
        if refused:
            raise DomainError(
                "Chỉ in giấy chứng nhận cho khen thưởng đã có quyết định và chưa bị thu hồi: "
                + "; ".join(f"«{r.nominee_name}» (mã {r.id}) đang «{r.status.label}»" for r in refused)
                + ".",
                field="status",
            )
    reasons = {} if selection.include_cash_only else {c: cash_only_reason(c) for c in {r.code for r in rows}}
    if selection.ids:
        cash_only = [r for r in rows if reasons.get(r.code)]
        if cash_only:
            raise DomainError(
                "Không in giấy chứng nhận cho danh hiệu pháp luật không cấp bằng, giấy: "
                + "; ".join(f"«{r.nominee_name}» (mã {r.id}): {reasons[r.code]}" for r in cash_only)
                + f". Nếu cơ quan vẫn muốn in, chọn {CASH_ONLY_OPTION}.",
                field="document",
            )
    ids = [r.id for r in rows if r.status is NominationStatus.APPROVED and not reasons.get(r.code)]
    notes = [
        f"Bỏ qua «{r.nominee_name}» (mã {r.id}): {r.status.label.lower()}."
        if r.status is not NominationStatus.APPROVED
        else f"Bỏ qua «{r.nominee_name}» (mã {r.id}): {reasons[r.code]}; muốn in: {CASH_ONLY_OPTION}."
        for r in rows
        if r.status is not NominationStatus.APPROVED or reasons.get(r.code)
    ]
    if not ids and not notes:
        raise DomainError(f"Không có khen thưởng nào theo {selection.describe()}.", field="selection")
    return ids, notes


def load_records(db: Database, ids: Sequence[int]) -> list[Record]:
    """The field values of these awards, in the order of ``ids``."""
    stmt = nomination_select(
        Nomination.id,
        Nomination.status,
        Nomination.year,
        awarded_name(),  # the name as decided: a later rename of the person changes no certificate
        Nomination.achievement,
        Nomination.person_id,
        Award.code,
        Award.name,
        Decision.number_text,
        Decision.signed_on,
        Decision.issuer,
        Decision.signer_name,
        Decision.signer_title,
        Decision.signer_authority,
        Person.gender,
        Person.position,
        PersonUnit.name,
        PersonParent.name,
        NomineeParent.name,
        Campaign.name,
        RegisterBook.code,
        RegisterEntry.number,
        Nomination.decided_position,
        Nomination.decided_unit,
    )
    by_id = {}
    shared: dict[tuple[object, ...], dict[str, str]] = {}
    with db.read() as session:
        for chunk in chunks(list(ids), 900):
            # Plain rows, no ORM loading step.
            for row in session.connection().execute(stmt.where(Nomination.id.in_(chunk))):
                by_id[row[0]] = _record(row, shared)
    return [by_id[i] for i in ids if i in by_id]


def _record(row: Sequence[Any], shared: dict[tuple[object, ...], dict[str, str]]) -> Record:
    (
        nid, status, year, name, achievement, person_id, award_code, award_name, number_text,
        signed_on, issuer, signer_name, signer_title, authority, gender, position, unit_name,
        unit_parent, collective_parent, campaign, book_code, number, decided_position, decided_unit,
    ) = row  # fmt: skip
    issuer = issuer or ""
    if decided_unit is not None:  # as decided: a later transfer or renamed unit changes no certificate
        position, unit = decided_position or "", decided_unit
    else:
        position, unit = nominee_place(person_id, position, unit_name, unit_parent, collective_parent)
    honorific = {Gender.MALE: "Ông", Gender.FEMALE: "Bà"}.get(gender, "") if person_id is not None else ""
    position_unit = ", ".join(p for p in (position, unit) if p)
    key = (number_text, signed_on, issuer, signer_name, signer_title, authority)
    decision = shared.get(key)
    if decision is None:  # the same for every award of a decision: worked out once
        decision = shared[key] = _decision_values(
            number_text, signed_on, issuer, signer_name, signer_title, authority
        )
    values = {
        "award_name": award_name,
        "award_code": award_code,
        "honorific": honorific,
        "name": name,
        "position": position or "",
        "unit": unit,
        "position_unit": position_unit,
        "achievement": achievement or "",
        "year": str(year),
        "campaign": campaign or "",
        **decision,
    }
    return Record(nid, status, award_code, signed_on, book_code or "", number, values)


def _decision_values(
    number_text: str | None, signed_on: dt.date | None, issuer: str, signer_name: str | None, signer_title: str | None,
    authority: str | None,
) -> dict[str, str]:  # fmt: skip
    place = place_of(issuer)
    return {
        "official": official_title(signer_title or "", issuer) if issuer else "",
        "decision_number": number_text or "",
        "decision_date": format_document_date(signed_on) if signed_on else "",
        "decision_date_short": format_date(signed_on),
        "place": place,
        "place_date": (format_document_date(signed_on, place) if place else format_document_date(signed_on))
        if signed_on
        else "",
        "issuer": issuer,
        "signer_authority": signer_authority_line(authority or "", signer_title or "", issuer),
        "signer_title": clean(signer_title).upper(),
        "signer_name": signer_name or "",
    }
