"""Bloc score sheets: the criteria table (bảng tiêu chí) of a bloc, year and period, and the scores
of its member units one criterion at a time.

A table belongs to one bloc, year and period (:class:`~app.model.ScorePeriodKind`: the half-year
review or the year; the year is the default, so callers written before periods keep working).
Rows are criteria, bonus rows and penalty rows with their maximum points and optional floors, in
the order given. Tables can be copied from another year or period, reordered, and edited a row at
a time; a row that already has scores cannot be deleted. Nothing changes in a closed period
(:mod:`.score_periods`). Whole sheets of a unit are entered with :mod:`.score_sheets`.
Every function returns :class:`CriterionRecord` values, never ORM objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Bloc, Criterion, CriterionKind, Score, ScorePeriodKind, Unit
from ..storage.db import Database, chunks
from ..text import clean
from .blocs import is_member, require_secretariat
from .common import as_enum, check_year, get, optional_text, require, required_text
from .score_periods import as_period, check_open, period_name

YEAR = ScorePeriodKind.YEAR


@dataclass
class CriterionInput:
    """One row of a criteria table as the user gives it."""

    code: str
    name: str
    max_points: float
    kind: CriterionKind = CriterionKind.CRITERION
    group: str = ""
    floor_share: float | None = None


@dataclass(frozen=True)
class CriterionRecord:
    """A row of a bloc's criteria table (read from the database; never changes the database)."""

    id: int
    bloc_id: int
    year: int
    period: ScorePeriodKind
    code: str
    group: str
    name: str
    kind: CriterionKind
    max_points: float
    floor_share: float | None
    position: int

    @classmethod
    def of(cls, c: Criterion) -> CriterionRecord:
        return cls(c.id, c.bloc_id, c.year, c.period, c.code, c.group, c.name, c.kind, c.max_points,
                   c.floor_share, c.position)  # fmt: skip


def _check_row(r: CriterionInput) -> str:
    """The row's cleaned code, after checking its code, maximum and floor."""
    code = clean(r.code)
    require(bool(code), "Mỗi tiêu chí phải có mã.", "code")
    require(len(code) <= 20, f"Mã tiêu chí «{code}» dài quá 20 ký tự.", "code")
    require(
        isinstance(r.max_points, int | float) and r.max_points > 0,
        f"Điểm tối đa của tiêu chí {code} phải lớn hơn 0.",
        "max_points",
    )
    require(r.max_points < 100_000, f"Điểm tối đa của tiêu chí {code} quá lớn.", "max_points")
    require(
        r.floor_share is None or 0 <= r.floor_share <= 1,
        f"Ngưỡng tối thiểu của tiêu chí {code} phải từ 0 đến 1.",
        "floor_share",
    )
    return code


def _apply(c: Criterion, code: str, r: CriterionInput) -> None:
    c.code = code
    c.name = required_text(r.name, "Tên tiêu chí", "name", 2000)
    c.group = optional_text(r.group, "Nhóm tiêu chí", "group", 300)
    c.kind = as_enum(CriterionKind, r.kind, "Loại dòng tiêu chí", "kind")
    c.max_points = float(r.max_points)
    c.floor_share = None if r.floor_share is None else float(r.floor_share)


def criteria_rows(session: Session, bloc_id: int, year: int, period: ScorePeriodKind) -> list[Criterion]:
    return list(
        session.scalars(
            select(Criterion)
            .where(Criterion.bloc_id == bloc_id, Criterion.year == year, Criterion.period == period)
            .order_by(Criterion.position, Criterion.id)
        )
    )


def _scored(session: Session, criterion_ids: Sequence[int]) -> bool:
    if not criterion_ids:
        return False
    return session.scalar(select(Score.id).where(Score.criterion_id.in_(criterion_ids)).limit(1)) is not None


def _open_table(session: Session, bloc_id: int, year: int, period: ScorePeriodKind) -> Bloc:
    bloc = get(session, Bloc, bloc_id, "khối thi đua")
    check_open(session, bloc_id, year, period)
    return bloc


def _replace(
    session: Session, bloc_id: int, year: int, period: ScorePeriodKind, rows: Sequence[CriterionInput]
) -> list[CriterionRecord]:
    require(bool(rows), "Bảng tiêu chí phải có ít nhất một dòng.")
    codes = [_check_row(r) for r in rows]
    require(len(set(codes)) == len(codes), "Mã tiêu chí bị trùng trong bảng.", "code")
    _open_table(session, bloc_id, year, period)
    old = criteria_rows(session, bloc_id, year, period)
    if _scored(session, [c.id for c in old]):
        raise DomainError(
            f"Bảng tiêu chí {period_name(period, year)} đã có điểm chấm; không thay cả bảng được."
        )
    for c in old:
        session.delete(c)
    session.flush()
    created = []
    for i, (code, r) in enumerate(zip(codes, rows, strict=True)):
        c = Criterion(bloc_id=bloc_id, year=year, period=period, position=i)
        _apply(c, code, r)
        created.append(c)
    session.add_all(created)
    session.flush()
    return [CriterionRecord.of(c) for c in created]


def set_criteria(
    db: Database, bloc_id: int, year: int, rows: Sequence[CriterionInput], period: ScorePeriodKind = YEAR
) -> list[CriterionRecord]:
    """Define the criteria table of a bloc for a year and period (only while nobody is scored on it)."""
    require_secretariat(db, bloc_id, year)
    check_year(year)
    period = as_period(period)
    with db.write() as session:
        return _replace(session, bloc_id, year, period, rows)


def criteria(db: Database, bloc_id: int, year: int, period: ScorePeriodKind = YEAR) -> list[CriterionRecord]:
    """The criteria table of a bloc for a year and period, in its order (empty if none)."""
    period = as_period(period)
    with db.read() as session:
        return [CriterionRecord.of(c) for c in criteria_rows(session, bloc_id, year, period)]


def table_scored(db: Database, bloc_id: int, year: int, period: ScorePeriodKind = YEAR) -> bool:
    """Whether any unit has a score on the table (it can then no longer be replaced whole)."""
    period = as_period(period)
    with db.read() as session:
        return _scored(session, [c.id for c in criteria_rows(session, bloc_id, year, period)])


def copy_criteria(
    db: Database,
    bloc_id: int,
    from_year: int,
    from_period: ScorePeriodKind,
    to_year: int,
    to_period: ScorePeriodKind,
) -> list[CriterionRecord]:
    """Copy a table (e.g. last year's) to another year or period, replacing an unscored one there."""
    require_secretariat(db, bloc_id, to_year)
    check_year(to_year)
    from_period, to_period = as_period(from_period), as_period(to_period)
    require(
        (from_year, from_period) != (to_year, to_period), "Không sao chép bảng tiêu chí vào chính nó.", "year"
    )
    with db.write() as session:
        source = criteria_rows(session, bloc_id, from_year, from_period)
        if not source:
            bloc = get(session, Bloc, bloc_id, "khối thi đua")
            raise DomainError(
                f"Khối {bloc.code} chưa có bảng tiêu chí {period_name(from_period, from_year)} để sao chép."
            )
        rows = [CriterionInput(c.code, c.name, c.max_points, c.kind, c.group, c.floor_share) for c in source]
        return _replace(session, bloc_id, to_year, to_period, rows)


def reorder_criteria(
    db: Database, bloc_id: int, year: int, period: ScorePeriodKind, codes: Sequence[str]
) -> list[CriterionRecord]:
    """Put the table's rows in the order of ``codes`` (every code of the table, once each)."""
    require_secretariat(db, bloc_id, year)
    period = as_period(period)
    wanted = [clean(c) for c in codes]
    with db.write() as session:
        _open_table(session, bloc_id, year, period)
        table = {c.code: c for c in criteria_rows(session, bloc_id, year, period)}
        require(len(set(wanted)) == len(wanted), "Mã tiêu chí bị trùng trong thứ tự mới.", "code")
        unknown = [c for c in wanted if c not in table]
        require(not unknown, f"Không có tiêu chí mã {', '.join(unknown)} trong bảng.", "code")
        left = [c for c in table if c not in wanted]
        require(not left, f"Thứ tự mới thiếu tiêu chí {', '.join(left)}.", "code")
        for i, code in enumerate(wanted):
            table[code].position = i
        session.flush()
        return [CriterionRecord.of(table[c]) for c in wanted]


def add_criterion(
    db: Database,
    bloc_id: int,
    year: int,
    period: ScorePeriodKind,
    row: CriterionInput,
    position: int | None = None,
) -> CriterionRecord:
    """Add one row to a table, at ``position`` (0 = first) or at the end."""
    require_secretariat(db, bloc_id, year)
    check_year(year)
    period = as_period(period)
    code = _check_row(row)
    with db.write() as session:
        _open_table(session, bloc_id, year, period)
        table = criteria_rows(session, bloc_id, year, period)
        require(all(c.code != code for c in table), f"Mã tiêu chí «{code}» đã có trong bảng.", "code")
        at = len(table) if position is None else max(0, min(position, len(table)))
        for i, c in enumerate(table):
            c.position = i if i < at else i + 1
        c = Criterion(bloc_id=bloc_id, year=year, period=period, position=at)
        _apply(c, code, row)
        session.add(c)
        session.flush()
        return CriterionRecord.of(c)


def update_criterion(db: Database, criterion_id: int, row: CriterionInput) -> CriterionRecord:
    """Change one row; a scored row keeps a maximum no lower than any of its scores."""
    allowed(db, P.SCORING)
    code = _check_row(row)
    with db.write() as session:
        c = get(session, Criterion, criterion_id, "tiêu chí")
        require_secretariat(db, c.bloc_id, c.year, session)
        check_open(session, c.bloc_id, c.year, c.period)
        if code != c.code:
            clash = session.scalar(
                select(Criterion.id).where(
                    Criterion.bloc_id == c.bloc_id,
                    Criterion.year == c.year,
                    Criterion.period == c.period,
                    Criterion.code == code,
                )
            )
            require(clash is None, f"Mã tiêu chí «{code}» đã có trong bảng.", "code")
        top_bloc, top_self = session.execute(
            select(func.max(Score.bloc_points), func.max(Score.self_points)).where(Score.criterion_id == c.id)
        ).one()
        highest = max(float(top_bloc or 0), float(top_self or 0))
        require(
            highest <= row.max_points,
            f"Tiêu chí «{c.code}» đã có điểm chấm {highest:g}, cao hơn điểm tối đa mới ({row.max_points:g}).",
            "max_points",
        )
        _apply(c, code, row)
        session.flush()
        return CriterionRecord.of(c)


def delete_criterion(db: Database, criterion_id: int) -> None:
    """Delete one row of a table; refused once any unit has a score on it."""
    allowed(db, P.SCORING)
    with db.write() as session:
        c = get(session, Criterion, criterion_id, "tiêu chí")
        require_secretariat(db, c.bloc_id, c.year, session)
        check_open(session, c.bloc_id, c.year, c.period)
        if _scored(session, [c.id]):
            raise DomainError(f"Tiêu chí «{c.code}» đã có điểm chấm; không xóa được.", field="code")
        rest = [x for x in criteria_rows(session, c.bloc_id, c.year, c.period) if x.id != c.id]
        session.delete(c)
        for i, x in enumerate(rest):
            x.position = i
        session.flush()


def check_points(code: str, max_points: float, label: str, value: float | None, field: str) -> str | None:
    """The message for a score outside 0…max (``label``: «tự chấm», «khối chấm»), or None."""
    if value is None:
        return None
    if value < 0:
        return f"Điểm {label} của tiêu chí {code} không được âm."
    if value > max_points + 1e-9:
        return f"Điểm {label} của tiêu chí {code} ({value:g}) vượt điểm tối đa ({max_points:g})."
    return None


# Built once (a sheet is ~150 scores): building a statement costs more than SQLite running it.
_SCORES = select(Score).where(Score.criterion_id.in_(bindparam("criteria", expanding=True)))


@dataclass(frozen=True)
class ScoreInput:
    criterion_id: int
    unit_id: int
    self_points: float | None = None
    bloc_points: float | None = None
    note: str = ""
    evidence: str = ""


def set_score(
    db: Database,
    criterion_id: int,
    unit_id: int,
    *,
    self_points: float | None = None,
    bloc_points: float | None = None,
    note: str = "",
    evidence: str = "",
) -> None:
    """Enter a unit's self-assessed and/or bloc-assessed points on one criterion row.

    Only the values given change (a whole sheet, with its checks, goes through
    :func:`app.services.score_sheets.save_sheet`); a batch of one of :func:`set_scores`."""
    set_scores(db, [ScoreInput(criterion_id, unit_id, self_points, bloc_points, note, evidence)])


def set_scores(db: Database, items: Sequence[ScoreInput]) -> None:
    """Enter many points in one transaction and one flush, all or none; each as a single entry is
    (:func:`set_score` is a batch of one): points given twice for a row are the later ones."""
    allowed(db, P.SCORING)
    with db.write() as session, session.no_autoflush:  # the checks read other tables, or flush first
        known = _Known(session, items)
        runs: set[int] = set()  # criteria whose bloc-year the actor was found to run
        for item in items:
            if item.criterion_id not in runs:
                c = session.get(Criterion, item.criterion_id)
                if c is not None:  # a missing one is refused by _score
                    require_secretariat(db, c.bloc_id, c.year, session)
                runs.add(item.criterion_id)
            _score(session, item, known)
        session.flush()


class _Known:
    """What a batch of scores reads once, not once a score: its criteria's score rows (and those
    the batch adds), whether a unit is a member of a bloc's year, which periods were found open
    (nothing in the batch closes one)."""

    def __init__(self, session: Session, items: Sequence[ScoreInput]) -> None:
        self.session = session
        criteria = list({i.criterion_id for i in items})
        self.scores: dict[tuple[int, int], Score] = {}
        for chunk in chunks(criteria, 400):
            for score in session.scalars(_SCORES, {"criteria": chunk}):
                self.scores[(score.criterion_id, score.unit_id)] = score
        self.members: dict[tuple[int, int, int], bool] = {}
        self.open: set[tuple[int, int, ScorePeriodKind]] = set()

    def is_member(self, bloc_id: int, unit_id: int, year: int) -> bool:
        key = (bloc_id, unit_id, year)
        if key not in self.members:
            self.members[key] = is_member(self.session, bloc_id, unit_id, year)
        return self.members[key]

    def check_open(self, bloc_id: int, year: int, period: ScorePeriodKind) -> None:
        if (bloc_id, year, period) not in self.open:
            check_open(self.session, bloc_id, year, period)
            self.open.add((bloc_id, year, period))


def _score(session: Session, item: ScoreInput, known: _Known) -> None:
    criterion_id, unit_id = item.criterion_id, item.unit_id
    criterion = get(session, Criterion, criterion_id, "tiêu chí")
    unit = get(session, Unit, unit_id, "đơn vị")
    if not known.is_member(criterion.bloc_id, unit_id, criterion.year):
        raise DomainError(
            f"«{unit.name}» không phải thành viên của khối năm {criterion.year}; không chấm điểm được.",
            field="unit",
        )
    for label, value, field in (
        ("tự chấm", item.self_points, "self_points"),
        ("khối chấm", item.bloc_points, "bloc_points"),
    ):
        problem = check_points(criterion.code, criterion.max_points, label, value, field)
        require(problem is None, problem or "", field)
    known.check_open(criterion.bloc_id, criterion.year, criterion.period)
    score = known.scores.get((criterion_id, unit_id))
    if score is None:
        score = known.scores[(criterion_id, unit_id)] = Score(
            criterion_id=criterion_id, unit_id=unit_id, note="", evidence=""
        )
        session.add(score)
    if item.self_points is not None:
        score.self_points = float(item.self_points)
    if item.bloc_points is not None:
        score.bloc_points = float(item.bloc_points)
    if item.note:
        score.note = clean(item.note)
    if item.evidence:
        score.evidence = clean(item.evidence)
