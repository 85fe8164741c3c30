"""Benchmark: eligibility check of one nomination, and bloc standings, on the 1M-row database.

    python3 benchmarks/bench_rules.py --db PATH   # a database filled by benchmarks/bench_db.py --keep
    python3 benchmarks/bench_rules.py             # fills one first (takes minutes)

Adds blocs with yearly memberships and complete score sheets for the database's units (once), for
both periods of every year (the half-year review and the year), then prints timings. Targets: one
nomination's check < 20 ms; standings of one period < 50 ms (the half-year alone; the year, which
also carries each unit's half-year rank); of all its years < 300 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.model import Bloc, BlocMembership, Criterion, Nomination, Score, ScorePeriodKind, Unit  # noqa: E402
from app.opening import open_database  # noqa: E402
from app.rules.engine import Checker  # noqa: E402
from app.services.standings import compute, load_config, rank_history  # noqa: E402

YEARS = range(2019, 2026)
BLOC_SIZE = 10


def add_score_sheets(db, rng: random.Random) -> int:
    """Blocs of BLOC_SIZE top-level units, each year a 10-row table and every member scored."""
    with db.write() as s:
        if s.scalar(select(func.count()).select_from(Bloc)):
            return s.scalar(select(func.count()).select_from(Bloc)) or 0
        units = list(s.scalars(select(Unit.id).where(Unit.parent_id.is_(None)).order_by(Unit.id)))
        groups = [units[i : i + BLOC_SIZE] for i in range(0, len(units) - BLOC_SIZE + 1, BLOC_SIZE)]
        for n, members in enumerate(groups, start=1):
            bloc_id = s.execute(
                insert(Bloc).values(code=f"BENCH{n:03d}", name=f"Khối thi đua số {n}", kind="bloc")
            ).inserted_primary_key[0]
            s.execute(
                insert(BlocMembership),
                [
                    {"bloc_id": bloc_id, "unit_id": u, "year": y, "role": "member"}
                    for y in YEARS
                    for u in members
                ],
            )
            for y, period in ((y, p) for y in YEARS for p in ("h1", "year")):
                rows = [
                    {
                        "bloc_id": bloc_id,
                        "year": y,
                        "period": period,
                        "code": f"{k}",
                        "group": "",
                        "name": f"Tiêu chí {k}",
                        "kind": "criterion",
                        "max_points": 10.0,
                        "floor_share": None,
                        "position": k,
                    }
                    for k in range(1, 9)
                ] + [
                    {
                        "bloc_id": bloc_id,
                        "year": y,
                        "period": period,
                        "code": "B",
                        "group": "",
                        "name": "Điểm thưởng",
                        "kind": "bonus",
                        "max_points": 10.0,
                        "floor_share": None,
                        "position": 9,
                    },
                    {
                        "bloc_id": bloc_id,
                        "year": y,
                        "period": period,
                        "code": "T",
                        "group": "",
                        "name": "Điểm trừ",
                        "kind": "penalty",
                        "max_points": 10.0,
                        "floor_share": None,
                        "position": 10,
                    },
                ]
                s.execute(insert(Criterion), rows)
                ids = list(
                    s.scalars(
                        select(Criterion.id).where(
                            Criterion.bloc_id == bloc_id, Criterion.year == y, Criterion.period == period
                        )
                    )
                )
                s.execute(
                    insert(Score),
                    [
                        {
                            "criterion_id": c,
                            "unit_id": u,
                            "self_points": 9.0,
                            "bloc_points": round(rng.uniform(6, 10), 1),
                            "note": "",
                        }
                        for c in ids
                        for u in members
                    ],
                )
        return len(groups)


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm-up
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    path = args.db
    if path is None:
        path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "bench_db.py"), "--db", str(path), "--keep"],
            check=True,
        )
    db = open_database(path)
    rng = random.Random(7)
    t0 = time.perf_counter()
    blocs = add_score_sheets(db, rng)
    print(f"score sheets: {blocs} blocs ready in {time.perf_counter() - t0:.1f} s")
    with db.read() as s:
        total = s.scalar(select(func.count()).select_from(Nomination)) or 0
        max_id = s.scalar(select(func.max(Nomination.id))) or 0
        bloc_id = s.scalar(select(Bloc.id).order_by(Bloc.id))
    print(f"nominations: {total:,}")

    checker = Checker(db)
    ids = [rng.randint(1, max_id) for _ in range(args.samples)]
    per_check = []
    statuses: dict[str, int] = {}
    for nomination_id in ids:
        t1 = time.perf_counter()
        verdict = checker.check(nomination_id)
        per_check.append((time.perf_counter() - t1) * 1000)
        statuses[verdict.status] = statuses.get(verdict.status, 0) + 1
    config = load_config()
    one = timed(lambda: compute(db, bloc_id, 2025, config), 20)
    half = timed(lambda: compute(db, bloc_id, 2025, config, ScorePeriodKind.H1), 20)
    history = timed(lambda: rank_history(db, bloc_id, config), 10)

    def row(metric: str, values: list[float], target: float) -> str:
        med, p95 = statistics.median(values), sorted(values)[int(len(values) * 0.95) - 1]
        return f"{metric:<38} | median {med:7.2f} ms | p95 {p95:7.2f} ms | target < {target:g} ms | {'ok' if p95 < target else 'SLOW'}"

    print(f"verdicts of the sample: {statuses}")
    print(row("check one nomination", per_check, 20))
    print(row("standings, one period: half-year", half, 50))
    print(row("standings, one period: year + h1 rank", one, 50))
    print(row(f"standings, all {len(YEARS)} years", history, 300))
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
