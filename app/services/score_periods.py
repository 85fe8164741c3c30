"""Closing a bloc's scoring period once its meeting has approved the standings, and reopening it.

A period (the half-year review, sơ kết 6 tháng, or the year, tổng kết) of one bloc and year is
open until an approver closes it; while closed, its criteria and scores refuse every change.
Reopening needs a reason. Both are written through the ORM, so the audit log keeps each one
(the reopen entry carries the reason).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import DomainError
from ..model import Bloc, ScorePeriod, ScorePeriodKind
from ..model.base import utcnow
from ..storage.db import Database
from .blocs import require_secretariat
from .common import as_enum, check_year, get, optional_text, require

__all__ = [
    "PeriodClosedError",
    "PeriodState",
    "as_period",
    "check_open",
    "close_period",
    "period_name",
    "period_state",
    "period_states",
    "reopen_period",
]


class PeriodClosedError(DomainError):
    """The period is closed: its criteria and scores cannot change until it is reopened."""


@dataclass(frozen=True)
class PeriodState:
    """Whether a bloc's period is closed, by whom and when; the last reopening and its reason."""

    bloc_id: int
    year: int
    period: ScorePeriodKind
    closed_at: dt.datetime | None = None
    closed_by: str = ""
    reopened_at: dt.datetime | None = None
    reopened_by: str = ""
    reopen_reason: str = ""

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


def as_period(value: object) -> ScorePeriodKind:
    """``ScorePeriodKind`` from its value ("h1", "year"), or a Vietnamese refusal."""
    return as_enum(ScorePeriodKind, value, "Kỳ chấm điểm", "period")


def period_name(period: ScorePeriodKind, year: int) -> str:
    """«6 tháng đầu năm 2025», «cả năm 2025»."""
    return f"{period.label.lower() if period is ScorePeriodKind.YEAR else period.label} {year}"


def _row(session: Session, bloc_id: int, year: int, period: ScorePeriodKind) -> ScorePeriod | None:
    return session.scalar(
        select(ScorePeriod).where(
            ScorePeriod.bloc_id == bloc_id, ScorePeriod.year == year, ScorePeriod.period == period
        )
    )


def _state(bloc_id: int, year: int, period: ScorePeriodKind, row: ScorePeriod | None) -> PeriodState:
    if row is None:
        return PeriodState(bloc_id, year, period)
    return PeriodState(
        bloc_id,
        year,
        period,
        row.closed_at,
        row.closed_by,
        row.reopened_at,
        row.reopened_by,
        row.reopen_reason,
    )


def check_open(session: Session, bloc_id: int, year: int, period: ScorePeriodKind) -> None:
    """Raise :class:`PeriodClosedError` if the period is closed (inside the caller's write)."""
    row = _row(session, bloc_id, year, period)
    if row is not None and row.closed_at is not None:
        bloc = session.get(Bloc, bloc_id)
        raise PeriodClosedError(
            closed_message(bloc.code if bloc else str(bloc_id), year, period), field="period"
        )


def closed_message(bloc_code: str, year: int, period: ScorePeriodKind) -> str:
    return (
        f"Kỳ chấm điểm {period_name(period, year)} của khối {bloc_code} đã khóa; "
        "muốn sửa phải mở lại kỳ (kèm lý do)."
    )


def period_state(
    db: Database, bloc_id: int, year: int, period: ScorePeriodKind = ScorePeriodKind.YEAR
) -> PeriodState:
    period = as_period(period)
    with db.read() as session:
        return _state(bloc_id, year, period, _row(session, bloc_id, year, period))


def period_states(db: Database, bloc_id: int, year: int) -> dict[ScorePeriodKind, PeriodState]:
    """Both periods of a bloc's year (half-year first), closed or open."""
    with db.read() as session:
        rows = {
            r.period: r
            for r in session.scalars(
                select(ScorePeriod).where(ScorePeriod.bloc_id == bloc_id, ScorePeriod.year == year)
            )
        }
    return {p: _state(bloc_id, year, p, rows.get(p)) for p in ScorePeriodKind}


def close_period(db: Database, bloc_id: int, year: int, period: ScorePeriodKind) -> PeriodState:
    """Close the period once the bloc's meeting approved its standings (the bloc-year's secretariat:
    app.services.blocs.require_secretariat)."""
    require_secretariat(db, bloc_id, year)
    check_year(year)
    period = as_period(period)
    with db.write() as session:
        bloc = get(session, Bloc, bloc_id, "khối thi đua")
        row = _row(session, bloc_id, year, period)
        if row is not None and row.closed_at is not None:
            raise PeriodClosedError(
                f"Kỳ chấm điểm {period_name(period, year)} của khối {bloc.code} đã khóa rồi."
            )
        if row is None:
            row = ScorePeriod(bloc_id=bloc_id, year=year, period=period)
            session.add(row)
        row.closed_at = utcnow()
        row.closed_by = db.actor.username
        session.flush()
        return _state(bloc_id, year, period, row)


def reopen_period(db: Database, bloc_id: int, year: int, period: ScorePeriodKind, reason: str) -> PeriodState:
    """Reopen a closed period; the reason is kept on the period and in the audit log."""
    require_secretariat(db, bloc_id, year)
    period = as_period(period)
    why = optional_text(reason, "Lý do mở lại kỳ chấm điểm", "reason", 2000)
    require(bool(why), "Mở lại kỳ chấm điểm đã khóa phải ghi rõ lý do.", "reason")
    with db.write() as session:
        bloc = get(session, Bloc, bloc_id, "khối thi đua")
        row = _row(session, bloc_id, year, period)
        if row is None or row.closed_at is None:
            raise DomainError(
                f"Kỳ chấm điểm {period_name(period, year)} của khối {bloc.code} đang mở; không cần mở lại."
            )
        session.info["reason"] = why  # the audit entry of this change carries it
        row.closed_at = None
        row.reopened_at = utcnow()
        row.reopened_by = db.actor.username
        row.reopen_reason = why
        session.flush()
        return _state(bloc_id, year, period, row)
