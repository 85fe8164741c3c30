"""Bloc standings: totals from the score sheets, classification bands, ranks, the bloc's proposal.

Each period of a year (:class:`~app.model.ScorePeriodKind`: the half-year review and the year)
has its own criteria table, scores and standings; the year's standings also carry each unit's
half-year rank (``StandingRow.h1_rank``) when the half-year has a table.

Configured by ``resources/rules/standings.toml`` (bands with per-criterion floors, tie-break keys,
how many units are proposed for the flag and for merit certificates). Units whose sheets are
incomplete are listed apart, never scored as zero.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ..errors import DomainError
from ..model import Bloc, BlocMembership, BlocRole, Criterion, CriterionKind, Score, ScorePeriodKind, Unit
from ..storage.db import Database
from ..storage.resources import resource
from .common import get
from .score_periods import as_period

TIE_KEYS = ("criteria_points", "fewer_penalty", "more_bonus")


@dataclass(frozen=True)
class Band:
    name: str
    min_total: float
    min_floor_share: float | None


@dataclass(frozen=True)
class StandingsConfig:
    bands: tuple[Band, ...]
    tie_break: tuple[str, ...] = ("criteria_points", "fewer_penalty")
    flag_count: int = 1
    flag_band: str | None = None
    merit_count: int = 2
    merit_band: str | None = None
    legal_basis: str = ""


def load_config(path: Path | None = None) -> StandingsConfig:
    path = path or resource("rules", "standings.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DomainError(f"Không đọc được cấu hình xếp hạng khối {path.name}: {exc}") from exc
    bands = tuple(
        Band(str(b["name"]), float(b["min_total"]), b.get("min_floor_share")) for b in data.get("band", [])
    )
    if not bands:
        raise DomainError("Cấu hình xếp hạng khối không có hạng xếp loại nào.")
    if list(bands) != sorted(bands, key=lambda b: -b.min_total):
        raise DomainError("Cấu hình xếp hạng khối: các hạng phải xếp từ điểm cao xuống thấp.")
    tie = tuple(data.get("tie_break", ()))
    unknown = [k for k in tie if k not in TIE_KEYS]
    if unknown:
        raise DomainError(f"Cấu hình xếp hạng khối: khóa phá hòa không hỗ trợ: {', '.join(unknown)}.")
    names = {b.name for b in bands}
    for key in ("flag_band", "merit_band"):
        if data.get(key) is not None and data[key] not in names:
            raise DomainError(f"Cấu hình xếp hạng khối: «{key}» = {data[key]!r} không phải tên hạng.")
    return StandingsConfig(
        bands=bands,
        tie_break=tie,
        flag_count=int(data.get("flag_count", 1)),
        flag_band=data.get("flag_band"),
        merit_count=int(data.get("merit_count", 2)),
        merit_band=data.get("merit_band"),
        legal_basis=str(data.get("legal_basis", "")),
    )


@dataclass
class StandingRow:
    unit_id: int
    code: str
    name: str
    role: BlocRole
    complete: bool
    missing: list[str] = field(default_factory=list)  # criterion codes without a bloc score
    criteria_points: float = 0.0
    bonus: float = 0.0
    penalty: float = 0.0
    self_total: float | None = None
    below_floor: list[str] = field(default_factory=list)  # criteria under the band's floor
    band: str | None = None
    rank: int | None = None
    gap: float | None = None  # points behind the leader
    proposal: str = ""  # "flag" | "merit" | ""
    # The same unit in the half-year standings (filled in the year's standings): rank, total.
    h1_rank: int | None = None
    h1_total: float | None = None

    @property
    def total(self) -> float:
        return round(self.criteria_points + self.bonus - self.penalty, 2)


@dataclass(frozen=True)
class Standings:
    bloc_code: str
    bloc_name: str
    year: int
    rows: list[StandingRow]  # ranked rows first, then incomplete ones
    notes: list[str]
    period: ScorePeriodKind = ScorePeriodKind.YEAR

    @property
    def ranked(self) -> list[StandingRow]:
        return [r for r in self.rows if r.rank is not None]

    @property
    def incomplete(self) -> list[StandingRow]:
        return [r for r in self.rows if not r.complete]


def _tie_key(row: StandingRow, keys: tuple[str, ...]) -> tuple[float, ...]:
    values = {"criteria_points": -row.criteria_points, "fewer_penalty": row.penalty, "more_bonus": -row.bonus}
    return (-row.total, *(values[k] for k in keys))


def _band(
    row: StandingRow, criteria: list[Criterion], points: dict[int, float], cfg: StandingsConfig
) -> None:
    for band in cfg.bands:
        under = []
        for c in criteria:
            # A criterion's own floor is an extra condition of the top band only.
            shares = [band.min_floor_share]
            if band is cfg.bands[0] and c.floor_share is not None:
                shares.append(c.floor_share)
            share = max((s for s in shares if s is not None), default=None)
            if share is not None and points.get(c.id, 0.0) + 1e-9 < share * c.max_points:
                under.append(c.code)
        if row.total + 1e-9 >= band.min_total and not under:
            row.band = band.name
            return
        if band is cfg.bands[0]:
            row.below_floor = under
    row.band = cfg.bands[-1].name


def compute(
    db: Database,
    bloc_id: int,
    year: int,
    config: StandingsConfig | None = None,
    period: ScorePeriodKind = ScorePeriodKind.YEAR,
) -> Standings:
    """The standings of a bloc for a year and period (the year by default). The year's rows also
    carry each unit's half-year rank and total when the half-year has a criteria table."""
    cfg = config or load_config()
    period = as_period(period)
    table = _compute(db, bloc_id, year, cfg, period)
    if period is ScorePeriodKind.YEAR:
        with db.read() as session:
            has_h1 = session.scalar(
                select(Criterion.id)
                .where(
                    Criterion.bloc_id == bloc_id,
                    Criterion.year == year,
                    Criterion.period == ScorePeriodKind.H1,
                )
                .limit(1)
            )
        if has_h1 is not None:
            half = {r.unit_id: r for r in _compute(db, bloc_id, year, cfg, ScorePeriodKind.H1).rows}
            for row in table.rows:
                h = half.get(row.unit_id)
                if h is not None:
                    row.h1_rank = h.rank
                    row.h1_total = h.total if h.complete else None
    return table


def compute_both(
    db: Database, bloc_id: int, year: int, config: StandingsConfig | None = None
) -> tuple[Standings | None, Standings]:
    """The half-year standings (None without a half-year table) and the year's, side by side."""
    cfg = config or load_config()
    try:
        half: Standings | None = compute(db, bloc_id, year, cfg, ScorePeriodKind.H1)
    except DomainError:  # no half-year table
        half = None
    return half, compute(db, bloc_id, year, cfg)


def _compute(
    db: Database, bloc_id: int, year: int, cfg: StandingsConfig, period: ScorePeriodKind
) -> Standings:
    with db.read() as session:
        bloc = get(session, Bloc, bloc_id, "khối thi đua")
        members = session.execute(
            select(Unit.id, Unit.code, Unit.name, BlocMembership.role, Unit.sort_key)
            .join(BlocMembership, BlocMembership.unit_id == Unit.id)
            .where(BlocMembership.bloc_id == bloc_id, BlocMembership.year == year)
            .order_by(Unit.sort_key)
        ).all()
        criteria = list(
            session.scalars(
                select(Criterion)
                .where(Criterion.bloc_id == bloc_id, Criterion.year == year, Criterion.period == period)
                .order_by(Criterion.position)
            )
        )
        scores = session.execute(
            select(Score.unit_id, Score.criterion_id, Score.bloc_points, Score.self_points).where(
                Score.criterion_id.in_([c.id for c in criteria])
            )
        ).all()
    if not criteria:
        when = f"năm {year}" if period is ScorePeriodKind.YEAR else f"{period.label} {year}"
        raise DomainError(f"Khối «{bloc.name}» chưa có bảng tiêu chí chấm điểm {when}.")
    bloc_pts: dict[int, dict[int, float]] = defaultdict(dict)
    self_pts: dict[int, dict[int, float]] = defaultdict(dict)
    for unit_id, criterion_id, b, s in scores:
        if b is not None:
            bloc_pts[unit_id][criterion_id] = b
        if s is not None:
            self_pts[unit_id][criterion_id] = s
    main = [c for c in criteria if c.kind is CriterionKind.CRITERION]
    rows = []
    for unit_id, code, name, role, _key in members:
        pts = bloc_pts.get(unit_id, {})
        row = StandingRow(unit_id, code, name, role, complete=True)
        row.missing = [c.code for c in main if c.id not in pts]
        row.complete = not row.missing
        row.criteria_points = round(sum(pts.get(c.id, 0.0) for c in main), 2)
        row.bonus = round(sum(pts.get(c.id, 0.0) for c in criteria if c.kind is CriterionKind.BONUS), 2)
        row.penalty = round(sum(pts.get(c.id, 0.0) for c in criteria if c.kind is CriterionKind.PENALTY), 2)
        own = self_pts.get(unit_id)
        if own:
            row.self_total = round(
                sum(v for cid, v in own.items() if _kind(criteria, cid) is not CriterionKind.PENALTY)
                - sum(v for cid, v in own.items() if _kind(criteria, cid) is CriterionKind.PENALTY),
                2,
            )
        if row.complete:
            _band(row, main, pts, cfg)
        rows.append(row)

    ranked = sorted((r for r in rows if r.complete), key=lambda r: (_tie_key(r, cfg.tie_break), r.name))
    notes: list[str] = []
    previous = None
    for position, row in enumerate(ranked, start=1):
        key = _tie_key(row, cfg.tie_break)
        row.rank = (
            previous.rank if previous is not None and _tie_key(previous, cfg.tie_break) == key else position
        )
        previous = row
    if ranked:
        leader = ranked[0].total
        for row in ranked:
            row.gap = round(leader - row.total, 2)
    _propose(ranked, cfg, notes)
    incomplete = [r for r in rows if not r.complete]
    for r in incomplete:
        notes.append(f"{r.name}: phiếu chấm chưa đủ (thiếu tiêu chí {', '.join(r.missing)}); chưa xếp hạng.")
    return Standings(bloc.code, bloc.name, year, ranked + incomplete, notes, period)


def _kind(criteria: list[Criterion], criterion_id: int) -> CriterionKind | None:
    return next((c.kind for c in criteria if c.id == criterion_id), None)


def _band_index(cfg: StandingsConfig, name: str | None) -> int:
    names = [b.name for b in cfg.bands]
    return names.index(name) if name in names else len(names)


def _propose(ranked: list[StandingRow], cfg: StandingsConfig, notes: list[str]) -> None:
    flag_limit = _band_index(cfg, cfg.flag_band) if cfg.flag_band else len(cfg.bands)
    merit_limit = _band_index(cfg, cfg.merit_band) if cfg.merit_band else len(cfg.bands)
    flagged = [
        r
        for r in ranked
        if r.rank is not None and r.rank <= cfg.flag_count and _band_index(cfg, r.band) <= flag_limit
    ]
    for r in flagged:
        r.proposal = "flag"
    if len(flagged) > cfg.flag_count:
        notes.append(
            "Đồng hạng dẫn đầu: "
            + ", ".join(r.name for r in flagged)
            + " — khối bỏ phiếu suy tôn đơn vị đề nghị Cờ thi đua."
        )
    rest = [r for r in ranked if not r.proposal and _band_index(cfg, r.band) <= merit_limit]
    if rest and cfg.merit_count > 0:
        cut_rank = rest[min(cfg.merit_count, len(rest)) - 1].rank
        for r in rest:
            if r.rank is not None and r.rank <= (cut_rank or 0):
                r.proposal = "merit"


def rank_history(
    db: Database, bloc_id: int, config: StandingsConfig | None = None
) -> dict[int, dict[int, int | None]]:
    """unit id → {year: rank} over every year the bloc has a year's criteria table."""
    cfg = config or load_config()
    with db.read() as session:
        years = sorted(
            set(
                session.scalars(
                    select(Criterion.year).where(
                        Criterion.bloc_id == bloc_id, Criterion.period == ScorePeriodKind.YEAR
                    )
                )
            )
        )
    history: dict[int, dict[int, int | None]] = defaultdict(dict)
    for year in years:
        for row in compute(db, bloc_id, year, cfg).rows:
            history[row.unit_id][year] = row.rank
    return dict(history)


def bloc_by_code(db: Database, code: str) -> Bloc:
    with db.read() as session:
        bloc = session.scalar(select(Bloc).where(Bloc.code == code.strip().upper()))
    if bloc is None:
        raise DomainError(f"Không có khối thi đua mã «{code}».")
    return bloc
