"""What happened to a nomination, step by step, as the clerk reads it: when, who, from what to what,
why, and the vote and decision where the step was one.

The workflow log (``nomination_event``) holds every step with its reason; the council's vote and
the decision are stored on the nomination itself (the latest ones), so they are shown on the
last step that recorded them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select

from ..model import Decision, Nomination, NominationEvent, NominationStatus, UserAccount
from ..storage.db import Database
from .common import get


@dataclass(frozen=True)
class Step:
    """One step of a nomination's history (times in UTC, as stored)."""

    at: dt.datetime
    username: str
    full_name: str
    from_status: NominationStatus | None
    to_status: NominationStatus
    reason: str
    votes: str = ""  # "10/11 đồng ý, 1 không đồng ý" on the step that recorded the vote
    decision: str = ""  # "15/QĐ-UBND ngày 20/12/2025" on the step that approved it


@dataclass(frozen=True)
class Returned:
    """Why a returned nomination came back: the last return step."""

    at: dt.datetime
    by: str
    reason: str


def steps(db: Database, nomination_id: int) -> list[Step]:
    """The nomination's steps, oldest first."""
    with db.read() as session:
        nomination = get(session, Nomination, nomination_id, "hồ sơ đề nghị")
        rows = session.execute(
            select(NominationEvent, UserAccount.full_name)
            .outerjoin(UserAccount, UserAccount.username == NominationEvent.actor)
            .where(NominationEvent.nomination_id == nomination_id)
            .order_by(NominationEvent.at, NominationEvent.id)
        ).all()
        decision = session.get(Decision, nomination.decision_id) if nomination.decision_id else None
        out = [
            Step(e.at, e.actor, full_name or "", NominationStatus(e.from_status) if e.from_status else None,
                 NominationStatus(e.to_status), e.reason)
            for e, full_name in rows
        ]  # fmt: skip
    last = {s.to_status: i for i, s in enumerate(out)}  # each status's latest step
    voted = last.get(NominationStatus.VOTED)
    if voted is not None and nomination.votes_for is not None:
        out[voted] = replace(out[voted], votes=_votes(nomination))
    approved = last.get(NominationStatus.APPROVED)
    if approved is not None and decision is not None:
        out[approved] = replace(
            out[approved], decision=f"{decision.number_text} ngày {decision.signed_on:%d/%m/%Y}"
        )
    return out


def returned(db: Database, nomination_id: int) -> Returned | None:
    """Why the nomination was returned, while it stands returned; ``None`` otherwise."""
    with db.read() as session:
        status = session.scalar(select(Nomination.status).where(Nomination.id == nomination_id))
        if status is not NominationStatus.RETURNED:
            return None
        row = session.execute(
            select(NominationEvent.at, NominationEvent.actor, NominationEvent.reason, UserAccount.full_name)
            .outerjoin(UserAccount, UserAccount.username == NominationEvent.actor)
            .where(NominationEvent.nomination_id == nomination_id,
                   NominationEvent.to_status == NominationStatus.RETURNED.value)
            .order_by(NominationEvent.at.desc(), NominationEvent.id.desc())
            .limit(1)
        ).first()  # fmt: skip
    if row is None:
        return None
    return Returned(row.at, row.full_name or row.actor, row.reason)


def _votes(n: Nomination) -> str:
    against = f", {n.votes_against} không đồng ý" if n.votes_against else ""
    return f"{n.votes_for}/{n.council_size} đồng ý{against}"
