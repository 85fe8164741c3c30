"""Benchmark: fill a fresh database with 100k persons and 1M nominations, then time the list and
search services on it.

    python3 benchmarks/bench_db.py                      # full size in a temp dir (a few minutes)
    python3 benchmarks/bench_db.py --persons 5000 --nominations 50000
    python3 benchmarks/bench_db.py --db /tmp/big.sqlite3 --keep   # keep it for bench_rules.py

1. ``app.opening.open_database`` creates the database (migrations + award catalogue; waits for
   ``resources/catalogue/awards.toml`` if it is not there yet).
2. ``benchmarks/fill.py`` fills it with bulk Core inserts in one transaction (rows/s per table).
3. The real services are timed on a reopened database (the app's own connection settings):
   one warm-up, then best and median of ``--repeat`` runs, with the EXPLAIN QUERY PLAN of every
   SQL statement they send.

Targets: a list page < 10 ms and a name search < 10 ms (median) on the 1M-row database.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from fill import FillStats, fill  # noqa: E402

from app import catalogue  # noqa: E402
from app.errors import DomainError  # noqa: E402
from app.model import Nomination, NominationStatus, Person  # noqa: E402
from app.opening import open_database  # noqa: E402
from app.services.nomination_lists import NominationFilter, count_nominations, list_nominations  # noqa: E402
from app.services.persons import search_persons  # noqa: E402
from app.storage.db import Database  # noqa: E402

PAGE_TARGET_MS = 10.0
SEARCH_TARGET_MS = 10.0
CATALOGUE_POLL_S = 60
CATALOGUE_WAIT_S = 40 * 60


def wait_for_catalogue() -> None:
    """The catalogue file may still be being written: poll until it exists and parses."""
    deadline = time.monotonic() + CATALOGUE_WAIT_S
    while True:
        try:
            path = catalogue.default_path()
            if path.is_file():
                catalogue.load(path)
                return
            problem = f"{path} is missing"
        except (DomainError, FileNotFoundError) as exc:
            problem = str(exc)
        if time.monotonic() >= deadline:
            sys.exit(f"award catalogue not ready after {CATALOGUE_WAIT_S // 60} min: {problem}")
        print(f"waiting for the award catalogue ({problem}); next look in {CATALOGUE_POLL_S} s", flush=True)
        time.sleep(CATALOGUE_POLL_S)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def mib(path: Path) -> float:
    return path.stat().st_size / 2**20 if path.exists() else 0.0


@dataclass
class Result:
    metric: str
    rows: int
    best: float
    median: float
    target: float | None


class Bench:
    def __init__(self, db: Database, repeat: int) -> None:
        self.db = db
        self.repeat = repeat
        self.results: list[Result] = []

    def _capture(self, fn: Callable[[], object]) -> tuple[object, list[tuple[str, tuple]]]:
        """Run ``fn`` once (the warm-up) and return its result and the SELECTs it sent."""
        sent: list[tuple[str, tuple]] = []

        def listener(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                sent.append((statement, tuple(parameters)))

        event.listen(self.db.engine, "before_cursor_execute", listener)
        try:
            out = fn()
        finally:
            event.remove(self.db.engine, "before_cursor_execute", listener)
        return out, sent

    def explain(self, sql: str, params: tuple) -> list[str]:
        with self.db.engine.connect() as conn:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all()
        depth: dict[int, int] = {0: -1}
        lines = []
        for node, parent, _unused, detail in rows:
            depth[node] = depth.get(parent, -1) + 1
            lines.append("    " + "  " * depth[node] + detail)
        return lines

    def run(self, metric: str, fn: Callable[[], object], target: float | None) -> object:
        out, sent = self._capture(fn)
        times = []
        for _ in range(self.repeat):
            t0 = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1000)
        n = len(out) if isinstance(out, list) else int(out)  # type: ignore[arg-type]
        result = Result(metric, n, min(times), statistics.median(times), target)
        self.results.append(result)
        print(f"\n{metric}: {n:,} rows, best {result.best:.2f} ms, median {result.median:.2f} ms")
        for i, (sql, params) in enumerate(sent, 1):
            shown = _short_sql(sql)
            print(f"  SQL {i}/{len(sent)}: {shown}")
            print(f"  params: {params[:6]}{' …' if len(params) > 6 else ''}")
            print("\n".join(self.explain(sql, params)))
        return out


def _short_sql(sql: str) -> str:
    """One line; a long column list and an expanded IN list shortened."""
    shown = " ".join(sql.split())
    shown = re.sub(r"\(\?(?:, \?){3,}\)", lambda m: f"(?×{m.group(0).count('?')})", shown)
    head = re.match(r"SELECT (.{80,}?) FROM (.*)", shown)
    if head:
        shown = f"SELECT {head.group(1)[:60]}… FROM {head.group(2)}"
    return shown


def _row(metric: str, value: str, target: str = "", ok: str = "") -> str:
    return f"{metric:<32} | {value:<28} | {target:<9} | {ok}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="database file to create (must not exist); kept afterwards")
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--nominations", type=int, default=1_000_000)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs after one warm-up (default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    parser.add_argument(
        "--analyze", action="store_true", help="run ANALYZE before timing (the app itself never does)"
    )
    parser.add_argument(
        "--time-only", action="store_true", help="skip the fill: re-time the existing database named by --db"
    )
    args = parser.parse_args()
    if args.time_only and args.db is None:
        parser.error("--time-only needs --db")

    tmp_dir: Path | None = None
    if args.db is None:
        tmp_dir = Path(tempfile.mkdtemp(prefix="thidua-bench-"))
        path = tmp_dir / "bench.sqlite3"
    else:
        path = args.db.expanduser().resolve()
        if args.time_only and not path.is_file():
            sys.exit(f"--time-only: {path} does not exist")
        if path.exists() and not args.time_only:
            sys.exit(f"{path} exists; the benchmark needs a fresh database (or --time-only to re-time it)")
    try:
        return _bench(args, path)
    finally:
        if tmp_dir is not None and not args.keep:
            shutil.rmtree(tmp_dir, ignore_errors=True)
        elif tmp_dir is not None:
            print(f"\nkept: {path}")


def _bench(args: argparse.Namespace, path: Path) -> int:
    wait_for_catalogue()
    print(f"database: {path}")
    stats: FillStats | None = None
    if not args.time_only:
        t0 = time.perf_counter()
        db = open_database(path)
        print(f"open_database (migrations + catalogue): {time.perf_counter() - t0:.2f} s")
        print(
            f"fill: {args.units} units, {args.persons:,} persons, {args.nominations:,} nominations, seed {args.seed}"
        )
        stats = fill(db, persons=args.persons, nominations=args.nominations, units=args.units, seed=args.seed)
        print(f"  commit + checkpoint {stats.commit_s:.2f} s; fill total {stats.total_s:.1f} s, "
              f"{stats.rows / stats.total_s:,.0f} rows/s overall")  # fmt: skip
        db.dispose()

    # Time on a fresh engine: SQLite's default page cache, as the app would have it.
    db = open_database(path)
    if args.analyze:
        t1 = time.perf_counter()
        with db.engine.connect() as conn:
            conn.connection.driver_connection.execute("ANALYZE")
        print(f"ANALYZE: {time.perf_counter() - t1:.1f} s")
    size = mib(path)
    print(f"file size: {size:,.1f} MiB (wal {mib(path.with_name(path.name + '-wal')):.1f} MiB)")

    year, status = 2024, NominationStatus.SUBMITTED
    with db.read() as s:
        per_unit = s.execute(
            select(Nomination.submitting_unit_id, func.count())
            .where(Nomination.year == year, Nomination.status == status)
            .group_by(Nomination.submitting_unit_id)
            .order_by(func.count(), Nomination.submitting_unit_id)
        ).all()
        n_persons = s.scalar(select(func.count()).select_from(Person)) or 0
    if not per_unit:
        sys.exit(f"no {status.value} nominations in {year}: too few nominations to benchmark")
    unit_id, unit_rows = per_unit[len(per_unit) // 2]  # a unit of median size
    print(f"{year}/{status.value}: {sum(c for _, c in per_unit):,} nominations over {len(per_unit)} units; "
          f"unit {unit_id} (median) has {unit_rows:,}; persons {n_persons:,}")  # fmt: skip

    bench = Bench(db, args.repeat)
    page_filter = NominationFilter(year=year, status=status)
    unit_filter = NominationFilter(year=year, status=status, submitting_unit_id=unit_id)
    page = bench.run(
        "list page year+status", lambda: list_nominations(db, page_filter, limit=100), PAGE_TARGET_MS
    )
    bench.run(
        "list page year+status+unit", lambda: list_nominations(db, unit_filter, limit=100), PAGE_TARGET_MS
    )
    after = page[-1].id if page else None  # type: ignore[index]
    bench.run("list next page (after_id)",
              lambda: list_nominations(db, page_filter, after_id=after, limit=100), PAGE_TARGET_MS)  # fmt: skip
    bench.run("count year+status", lambda: count_nominations(db, page_filter), PAGE_TARGET_MS)
    bench.run("count year+status+unit", lambda: count_nominations(db, unit_filter), PAGE_TARGET_MS)
    for query in ("nguyen van h", "Hùng", "duc"):
        bench.run(
            f"search_persons {query!r}", lambda q=query: search_persons(db, q, limit=50), SEARCH_TARGET_MS
        )
    # Extras, not in the brief's targets: the default "this year" view and a type-ahead stage.
    bench.run(
        "list page year only (extra)",
        lambda: list_nominations(db, NominationFilter(year=year), limit=100),
        None,
    )
    bench.run("search_persons 'nguyen' (extra)", lambda: search_persons(db, "nguyen", limit=50), None)
    bench.run("nominee contains 'thi hoa'",
              lambda: list_nominations(db, NominationFilter(query="thi hoa"), limit=100), None)  # fmt: skip
    db.dispose()

    print()
    print(_row("metric", "value", "target", "ok"))
    print(_row("-" * 32, "-" * 28, "-" * 9, "--"))
    if stats is not None:
        for t in stats.tables:
            print(_row(f"fill {t.table} ({t.rows:,})", f"{t.seconds:6.1f} s, {t.rate:>9,.0f} rows/s"))
        if stats.index_s:
            print(_row("fill: index build", f"{stats.index_s:6.1f} s"))
        print(_row("fill total", f"{stats.total_s:6.1f} s, {stats.rows / stats.total_s:>9,.0f} rows/s"))
    failed = 0
    for r in bench.results:
        ok = "" if r.target is None else ("yes" if r.median < r.target else "NO")
        failed += ok == "NO"
        target = "—" if r.target is None else f"< {r.target:g} ms"
        print(_row(r.metric, f"{r.median:7.2f} ms (best {r.best:.2f})", target, ok))
    print(_row("file size", f"{size:,.1f} MiB"))
    print(_row("peak RSS", f"{peak_rss_mib():,.1f} MiB"))
    print(f"\n{failed} target(s) missed" if failed else "\nall targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
