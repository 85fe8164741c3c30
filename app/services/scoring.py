"""Bloc score sheets: the criteria table of a bloc-year and the member units' scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Bloc, Criterion, CriterionKind, Score, Unit
from ..storage.db import Database
from ..text import clean
from .blocs import is_member
from .common import as_enum, check_year, get, require, required_text


@dataclass
class CriterionInput:
    code: str
    name: str
    max_points: float
    kind: CriterionKind = CriterionKind.CRITERION
    group: str = ""
    floor_share: float | None = None


def set_criteria(db: Database, bloc_id: int, year: int, rows: Sequence[CriterionInput]) -> list[Criterion]:
    """Define the criteria table of a bloc for a year (only while no unit has been scored on it)."""
    allowed(db, P.SCORING)
    check_year(year)
    require(bool(rows), "Bảng tiêu chí phải có ít nhất một dòng.")
    codes = [clean(r.code) for r in rows]
    require(all(codes), "Mỗi tiêu chí phải có mã.", "code")
    require(len(set(codes)) == len(codes), "Mã tiêu chí bị trùng trong bảng.", "code")
    for r in rows:
        require(r.max_points > 0, f"Điểm tối đa của tiêu chí {clean(r.code)} phải lớn hơn 0.", "max_points")
        require(
            r.floor_share is None or 0 <= r.floor_share <= 1,
            f"Ngưỡng tối thiểu của tiêu chí {clean(r.code)} phải từ 0 đến 1.",
            "floor_share",
        )
    with db.write() as session:
        get(session, Bloc, bloc_id, "khối thi đua")
        old = list(
            session.scalars(select(Criterion).where(Criterion.bloc_id == bloc_id, Criterion.year == year))
        )
        if old and session.scalar(
            select(Score.id).where(Score.criterion_id.in_([c.id for c in old])).limit(1)
        ):
            raise DomainError(f"Bảng tiêu chí năm {year} đã có điểm chấm; không thay cả bảng được.")
        for c in old:
            session.delete(c)
        session.flush()
        created = [
            Criterion(
                bloc_id=bloc_id,
                year=year,
                code=code,
                name=required_text(r.name, "Tên tiêu chí", "name", 2000),
                group=clean(r.group),
                kind=as_enum(CriterionKind, r.kind, "Loại dòng tiêu chí", "kind"),
                max_points=float(r.max_points),
                floor_share=r.floor_share,
                position=i,
            )
            for i, (code, r) in enumerate(zip(codes, rows, strict=True))
        ]
        session.add_all(created)
        session.flush()
        return created


def criteria(db: Database, bloc_id: int, year: int) -> list[Criterion]:
    with db.read() as session:
        return list(
            session.scalars(
                select(Criterion)
                .where(Criterion.bloc_id == bloc_id, Criterion.year == year)
                .order_by(Criterion.position)
            )
        )


# Built once (a sheet is ~150 scores): building a statement costs more than SQLite running it.
_SCORE = select(Score).where(Score.criterion_id == bindparam("criterion"), Score.unit_id == bindparam("unit"))


@dataclass(frozen=True)
class ScoreInput:
    criterion_id: int
    unit_id: int
    self_points: float | None = None
    bloc_points: float | None = None
    note: str = ""


def set_score(
    db: Database,
    criterion_id: int,
    unit_id: int,
    *,
    self_points: float | None = None,
    bloc_points: float | None = None,
    note: str = "",
) -> Score:
    """Enter a unit's self-assessed and/or bloc-assessed points on one criterion row."""
    return set_scores(db, [ScoreInput(criterion_id, unit_id, self_points, bloc_points, note)])[0]


def set_scores(db: Database, items: Sequence[ScoreInput]) -> list[Score]:
    """Enter many points in one transaction and one flush, all or none; each as a single entry is
    (:func:`set_score` is a batch of one): points given twice for a row are the later ones."""
    allowed(db, P.SCORING)
    done: list[Score] = []
    with db.write() as session, session.no_autoflush:  # the checks read other tables, or flush first
        seen: set[tuple[int, int]] = set()
        for item in items:
            if (item.criterion_id, item.unit_id) in seen:
                session.flush()  # the lookup below then finds the batch's own row, as one by one
            seen.add((item.criterion_id, item.unit_id))
            done.append(_score(session, item))
        session.flush()
        return done


def _score(session: Session, item: ScoreInput) -> Score:
    criterion_id, unit_id = item.criterion_id, item.unit_id
    self_points, bloc_points, note = item.self_points, item.bloc_points, item.note
    criterion = get(session, Criterion, criterion_id, "tiêu chí")
    unit = get(session, Unit, unit_id, "đơn vị")
    if not is_member(session, criterion.bloc_id, unit_id, criterion.year):
        raise DomainError(
            f"«{unit.name}» không phải thành viên của khối năm {criterion.year}; không chấm điểm được.",
            field="unit",
        )
    for label, value, field in (
        ("tự chấm", self_points, "self_points"),
        ("khối chấm", bloc_points, "bloc_points"),
    ):
        if value is not None:
            require(value >= 0, f"Điểm {label} của tiêu chí {criterion.code} không được âm.", field)
            require(
                value <= criterion.max_points,
                f"Điểm {label} của tiêu chí {criterion.code} ({value:g}) vượt điểm tối đa ({criterion.max_points:g}).",
                field,
            )
    score = session.scalar(_SCORE, {"criterion": criterion_id, "unit": unit_id})
    if score is None:
        score = Score(criterion_id=criterion_id, unit_id=unit_id)
        session.add(score)
    if self_points is not None:
        score.self_points = float(self_points)
    if bloc_points is not None:
        score.bloc_points = float(bloc_points)
    if note:
        score.note = clean(note)
    return score
