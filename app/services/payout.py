"""The money of decisions: each award's cash and the totals, for the decision page, the decision's
annex and the payout list (danh sách chi tiền thưởng) the finance office pays from.

Amounts come from app.services.cash (multiplier × base salary on the decision date, rounded up;
only the highest title of one nominee for one period is paid). Reads only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import select

from ..errors import DomainError
from ..model import Award, Decision, Nomination, NominationStatus, Unit
from ..model.nominations import awarded_name
from ..storage.db import Database
from .cash import Line, payable, quote


@dataclass(frozen=True)
class PayLine:
    nomination_id: int
    nominee: str
    award: str
    unit: str  # the submitting unit
    decision: str  # "15/QĐ-UBND"
    signed_on: dt.date
    amount: int  # đồng
    note: str  # why nothing is paid, when it is not


def payout_lines(db: Database, *, decision_id: int | None = None, unit_code: str | None = None,
                 year: int | None = None) -> list[PayLine]:  # fmt: skip
    """The approved awards (of a decision, a submitting unit, a nomination year: the filters
    combine) with what each pays, by decision, then unit, then name."""
    stmt = (
        select(Nomination.id, awarded_name().label("nominee_name"), Nomination.person_id, Nomination.unit_id, Nomination.year,
               Award.code, Award.name, Unit.name, Decision.number_text, Decision.signed_on)
        .join(Award, Award.id == Nomination.award_id)
        .join(Unit, Unit.id == Nomination.submitting_unit_id)
        .join(Decision, Decision.id == Nomination.decision_id)
        .where(Nomination.status == NominationStatus.APPROVED)
    )  # fmt: skip
    if decision_id is not None:
        stmt = stmt.where(Nomination.decision_id == decision_id)
    if year is not None:
        stmt = stmt.where(Nomination.year == year)
    if unit_code is not None:
        stmt = stmt.where(Unit.code == unit_code.strip().upper())
    with db.read() as session:
        rows = session.execute(stmt.order_by(Decision.signed_on, Decision.id, Unit.sort_key,
                                             Nomination.nominee_sort, Nomination.id)).all()  # fmt: skip
    amounts: dict[int, tuple[int, str]] = {}
    nominee = lambda r: ("p", r.person_id) if r.person_id is not None else ("u", r.unit_id)  # noqa: E731
    for _who, group in groupby(sorted(rows, key=nominee), key=nominee):
        amounts.update(_paid(list(group)))
    return [PayLine(r.id, r.nominee_name, r.name, r.name_1, r.number_text, r.signed_on, *amounts[r.id])
            for r in rows]  # fmt: skip


def _paid(rows: list) -> dict[int, tuple[int, str]]:  # type: ignore[type-arg]
    """One nominee's awards → (đồng, note); an award whose cash cannot be worked out says why."""
    lines = [Line(r.code, r.year, r.signed_on, ref=r.id) for r in rows]
    try:
        return {line.ref: (amount, note) for line, amount, note in payable(lines)}  # type: ignore[misc]
    except DomainError:  # one award's cash is unknown: each on its own, with its reason
        out: dict[int, tuple[int, str]] = {}
        for line in lines:
            try:
                out[line.ref] = (quote(line.award, line.decision_date).amount, "")  # type: ignore[index]
            except DomainError as exc:
                out[line.ref] = (0, exc.message)  # type: ignore[index]
        return out


def total(lines: list[PayLine]) -> int:
    return sum(line.amount for line in lines)


def dong(amount: int) -> str:
    """3800000 → "3.800.000" (Vietnamese thousands)."""
    return f"{amount:,}".replace(",", ".")
