"""A member unit's whole score sheet for one bloc, year and period: read it, save it.

A sheet row is a criterion of the period's table with the unit's self-score (tự chấm), the bloc's
score (khối chấm), a comment and an evidence note (minh chứng). Saving is all or nothing: every
problem of every row is collected and reported at once (:class:`SheetRefused`), and nothing is
written unless there is none. Where the self-score and the bloc's score differ, a comment is
required. A closed period refuses the save (:mod:`.score_periods`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Bloc, BlocMembership, CriterionKind, Score, ScorePeriodKind, Unit
from ..storage.db import Database
from ..text import clean
from .blocs import check_secretariat, is_member, session_actor
from .common import get
from .score_periods import PeriodClosedError, as_period, check_open, period_name
from .scoring import CriterionRecord, check_points, criteria_rows

MAX_TEXT = 4000


@dataclass(frozen=True)
class SheetEntry:
    """What the user gives for one criterion row; ``None`` leaves a score empty. ``was``: the row
    as it was read before it was edited (the grid gives it), so that a row another person saved
    meanwhile is refused rather than overwritten; ``None`` (an xlsx, a package) sets it whole."""

    code: str
    self_points: float | None = None
    bloc_points: float | None = None
    comment: str = ""
    evidence: str = ""
    was: RowValues | None = None


RowValues = tuple[float | None, float | None, str, str]  # self, bloc, comment, evidence as stored


@dataclass(frozen=True)
class SheetRow:
    criterion: CriterionRecord
    self_points: float | None
    bloc_points: float | None
    comment: str
    evidence: str

    @property
    def differs(self) -> bool:
        """Both scores entered and not equal (a comment is then required)."""
        return (
            self.self_points is not None
            and self.bloc_points is not None
            and abs(self.self_points - self.bloc_points) > 1e-9
        )


def _total(rows: Sequence[SheetRow], attr: str) -> float:
    total = 0.0
    for r in rows:
        value = getattr(r, attr) or 0.0
        total += -value if r.criterion.kind is CriterionKind.PENALTY else value
    return round(total, 2)


@dataclass(frozen=True)
class UnitSheet:
    """One unit's sheet: its rows in the table's order, and totals (criteria + bonus − penalty)."""

    bloc_id: int
    bloc_code: str
    year: int
    period: ScorePeriodKind
    unit_id: int
    unit_code: str
    unit_name: str
    rows: tuple[SheetRow, ...]
    closed: bool

    @property
    def self_total(self) -> float:
        return _total(self.rows, "self_points")

    @property
    def bloc_total(self) -> float:
        return _total(self.rows, "bloc_points")

    @property
    def missing(self) -> list[str]:
        """Criteria (not bonus or penalty rows) without the bloc's score."""
        return [
            r.criterion.code
            for r in self.rows
            if r.criterion.kind is CriterionKind.CRITERION and r.bloc_points is None
        ]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class SheetProblem:
    """One problem of a sheet: the criterion code (or "" for the sheet), the field, the message;
    ``index`` is the entry's position in what was given (None for the sheet)."""

    code: str
    field: str
    message: str
    index: int | None = None

    def __str__(self) -> str:
        return self.message


class SheetRefused(DomainError):
    """A sheet with problems: nothing was saved. ``problems`` lists every one."""

    def __init__(
        self, problems: Sequence[SheetProblem], heading: str = "Phiếu chấm điểm không lưu được"
    ) -> None:
        self.problems, self.heading = list(problems), heading
        lines = [f"{heading} ({len(self.problems)} lỗi):", *(f"- {p.message}" for p in self.problems)]
        field = self.problems[0].field if len(self.problems) == 1 else None
        super().__init__("\n".join(lines), field=field)


def check_entries(criteria: Sequence[CriterionRecord], entries: Sequence[SheetEntry]) -> list[SheetProblem]:
    """Every problem of ``entries`` against a table: unknown or repeated criterion, a score below
    zero or above the maximum, a missing comment where the two scores differ, text too long."""
    by_code = {c.code: c for c in criteria}
    seen: set[str] = set()
    problems: list[SheetProblem] = []
    for i, e in enumerate(entries):
        code = clean(e.code)
        c = by_code.get(code)
        if not code:
            problems.append(SheetProblem("", "code", "Thiếu mã tiêu chí.", i))
            continue
        if c is None:
            problems.append(
                SheetProblem(code, "code", f"Không có tiêu chí mã «{code}» trong bảng tiêu chí.", i)
            )
            continue
        if code in seen:
            problems.append(SheetProblem(code, "code", f"Tiêu chí «{code}» bị lặp lại trong phiếu.", i))
            continue
        seen.add(code)
        for label, value, field in (
            ("tự chấm", e.self_points, "self_points"),
            ("khối chấm", e.bloc_points, "bloc_points"),
        ):
            message = check_points(code, c.max_points, label, value, field)
            if message:
                problems.append(SheetProblem(code, field, message, i))
        differs = (
            e.self_points is not None
            and e.bloc_points is not None
            and abs(e.self_points - e.bloc_points) > 1e-9
        )
        if differs and not clean(e.comment):
            problems.append(
                SheetProblem(
                    code,
                    "comment",
                    f"Tiêu chí {code}: điểm tự chấm ({e.self_points:g}) khác điểm khối chấm "
                    f"({e.bloc_points:g}); cần ghi nhận xét.",
                    i,
                )
            )
        for label, text, field in (
            ("Nhận xét", e.comment, "comment"),
            ("Minh chứng", e.evidence, "evidence"),
        ):
            if len(clean(text)) > MAX_TEXT:
                problems.append(
                    SheetProblem(code, field, f"Tiêu chí {code}: {label} dài quá {MAX_TEXT} ký tự.", i)
                )
    return problems


def context_problems(
    session: Session,
    bloc: Bloc,
    year: int,
    period: ScorePeriodKind,
    unit: Unit,
    table: Sequence[CriterionRecord],
) -> list[SheetProblem]:
    problems = []
    try:
        check_open(session, bloc.id, year, period)
    except PeriodClosedError as exc:
        problems.append(SheetProblem("", "period", exc.message))
    if not is_member(session, bloc.id, unit.id, year):
        problems.append(
            SheetProblem("", "unit", f"«{unit.name}» không phải thành viên của khối {bloc.code} năm {year}.")
        )
    if not table:
        problems.append(
            SheetProblem("", "period", f"Khối {bloc.code} chưa có bảng tiêu chí {period_name(period, year)}.")
        )
    return problems


def _read_sheet(session: Session, bloc: Bloc, year: int, period: ScorePeriodKind, unit: Unit) -> UnitSheet:
    table = [CriterionRecord.of(c) for c in criteria_rows(session, bloc.id, year, period)]
    scores = {
        s.criterion_id: s
        for s in session.scalars(
            select(Score).where(Score.unit_id == unit.id, Score.criterion_id.in_([c.id for c in table]))
        )
    }
    rows = []
    for c in table:
        s = scores.get(c.id)
        rows.append(
            SheetRow(c, s.self_points, s.bloc_points, s.note, s.evidence)
            if s is not None
            else SheetRow(c, None, None, "", "")
        )
    closed = False
    try:
        check_open(session, bloc.id, year, period)
    except PeriodClosedError:
        closed = True
    return UnitSheet(bloc.id, bloc.code, year, period, unit.id, unit.code, unit.name, tuple(rows), closed)


def read_sheet_in(session: Session, bloc: Bloc, year: int, period: ScorePeriodKind, unit: Unit) -> UnitSheet:
    """:func:`unit_sheet` in the caller's session (a received package compares before it saves)."""
    return _read_sheet(session, bloc, year, period, unit)


def unit_sheet(db: Database, bloc_id: int, year: int, period: ScorePeriodKind, unit_id: int) -> UnitSheet:
    """A unit's sheet: every row of the period's table, with its scores if entered."""
    period = as_period(period)
    with db.read() as session:
        bloc = get(session, Bloc, bloc_id, "khối thi đua")
        unit = get(session, Unit, unit_id, "đơn vị")
        return _read_sheet(session, bloc, year, period, unit)


def save_sheet_in(
    session: Session,
    bloc: Bloc,
    year: int,
    period: ScorePeriodKind,
    unit: Unit,
    entries: Sequence[SheetEntry],
) -> UnitSheet:
    """:func:`save_sheet` inside the caller's write (the xlsx import saves several sheets in one);
    the actor must run the bloc's year (app.services.blocs.runs_secretariat)."""
    check_secretariat(session, session_actor(session), bloc.id, year)
    table = [CriterionRecord.of(c) for c in criteria_rows(session, bloc.id, year, period)]
    problems = context_problems(session, bloc, year, period, unit, table) + check_entries(table, entries)
    if problems:
        raise SheetRefused(problems, f"Phiếu chấm điểm của {unit.code} không lưu được")
    by_code = {c.code: c for c in table}
    existing = {
        s.criterion_id: s
        for s in session.scalars(
            select(Score).where(Score.unit_id == unit.id, Score.criterion_id.in_([c.id for c in table]))
        )
    }
    changed = [
        SheetProblem(e.code, "self_points", f"Tiêu chí {clean(e.code)}: dòng này đã được lưu khác đi sau khi "
                     "phiếu được mở (có người khác đang chấm phiếu này); hãy đóng, mở lại phiếu rồi chấm lại.", i)
        for i, e in enumerate(entries)
        if e.was is not None and _stored(existing.get(by_code[clean(e.code)].id)) != e.was
    ]  # fmt: skip
    if changed:
        raise SheetRefused(changed, f"Phiếu chấm điểm của {unit.code} không lưu được")
    for e in entries:
        c = by_code[clean(e.code)]
        score = existing.get(c.id)
        if score is None:
            score = Score(criterion_id=c.id, unit_id=unit.id)
            session.add(score)
        score.self_points = None if e.self_points is None else float(e.self_points)
        score.bloc_points = None if e.bloc_points is None else float(e.bloc_points)
        score.note = clean(e.comment)
        score.evidence = clean(e.evidence)
    session.flush()
    return _read_sheet(session, bloc, year, period, unit)


def _stored(score: Score | None) -> RowValues:
    if score is None:
        return (None, None, "", "")
    return (score.self_points, score.bloc_points, score.note or "", score.evidence or "")


def save_sheet(
    db: Database,
    bloc_id: int,
    year: int,
    period: ScorePeriodKind,
    unit_id: int,
    entries: Sequence[SheetEntry],
) -> UnitSheet:
    """Save the rows given of a unit's sheet (each row given is set whole: both scores, comment,
    evidence; rows not given stay as they are). All or nothing: :class:`SheetRefused` lists
    every problem, and nothing is written."""
    allowed(db, P.SCORING)
    period = as_period(period)
    with db.write() as session:
        bloc = get(session, Bloc, bloc_id, "khối thi đua")
        unit = get(session, Unit, unit_id, "đơn vị")
        return save_sheet_in(session, bloc, year, period, unit, entries)


@dataclass(frozen=True)
class SheetStatus:
    """Where a member unit's sheet stands: complete (every criterion has the bloc's score) or not."""

    unit_id: int
    code: str
    name: str
    complete: bool
    missing: tuple[str, ...]
    self_total: float
    bloc_total: float


def sheet_status(
    db: Database, bloc_id: int, year: int, period: ScorePeriodKind = ScorePeriodKind.YEAR
) -> list[SheetStatus]:
    """Each member unit's sheet status for the period, in the members' order."""
    period = as_period(period)
    with db.read() as session:
        bloc = get(session, Bloc, bloc_id, "khối thi đua")
        units = session.scalars(
            select(Unit)
            .join(BlocMembership, BlocMembership.unit_id == Unit.id)
            .where(BlocMembership.bloc_id == bloc_id, BlocMembership.year == year)
            .order_by(Unit.sort_key)
        ).all()
        out = []
        for u in units:
            sheet = _read_sheet(session, bloc, year, period, u)
            out.append(
                SheetStatus(
                    u.id,
                    u.code,
                    u.name,
                    sheet.complete,
                    tuple(sheet.missing),
                    sheet.self_total,
                    sheet.bloc_total,
                )
            )
        return out
