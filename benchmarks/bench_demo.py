"""The demo database, as ``thidua demo`` and the GUI's "Mở dữ liệu mẫu" build it.

    python benchmarks/bench_demo.py [--repeat 3] [--profile out.prof]

Times :func:`app.demo.build_demo_file` into a new file in a temp dir (migrations, catalogue, the
whole demo through the services, checkpoint, rename, head recorded), wall-clock and CPU (the CPU
time is the steadier figure on a shared machine), and counts the write transactions committed, the
SQL statements sent and the audit entries written; ``--steps`` adds the CPU of each demo step (one
transaction each). The first run also pays for the imports the demo makes on first use. Audit heads
go to a temp dir (``THIDUA_AUDIT_HEADS_DIR``), not the user's data folder. Target (issue 11): < 5 s.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, event  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the first run here")
    parser.add_argument("--steps", action="store_true", help="print the CPU of each step of the last run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["THIDUA_AUDIT_HEADS_DIR"] = str(Path(tmp) / "heads")
        from app.demo import build_demo_file

        commits = statements = 0

        def _commit(_conn: object) -> None:
            nonlocal commits
            commits += 1

        def _statement(*_args: object) -> None:
            nonlocal statements
            statements += 1

        event.listen(
            Engine, "commit", _commit
        )  # every transaction committed (a savepoint released is not one)
        event.listen(Engine, "before_cursor_execute", _statement)  # SQL statements (an executemany is one)
        walls, cpus = [], []
        marks: list[float] = []  # CPU time when each step starts (the demo's progress), and at the end

        def _mark(_done: int, _total: int) -> None:
            marks.append(time.process_time())

        for run in range(args.repeat):
            target = Path(tmp) / f"demo{run}.sqlite3"
            commits = statements = 0
            profiler = cProfile.Profile() if args.profile and run == 0 else None
            wall, cpu = time.perf_counter(), time.process_time()
            if profiler:
                profiler.enable()
            marks.clear()
            summary = build_demo_file(target, seed=args.seed, progress=_mark)
            if profiler:
                profiler.disable()
                profiler.dump_stats(args.profile)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            entries = _audit_entries(target)
            print(f"run {run + 1}: {walls[-1]:.2f} s wall, {cpus[-1]:.2f} s CPU, {commits} commits, {statements} statements, "
                  f"{entries} audit entries, {summary.nominations} nominations, {target.stat().st_size >> 10} KiB")  # fmt: skip
        print(f"demo: best {min(walls):.2f} s, median {statistics.median(walls):.2f} s wall "
              f"(CPU best {min(cpus):.2f} s, median {statistics.median(cpus):.2f} s) over {args.repeat} runs")  # fmt: skip
        if args.steps:
            _print_steps(marks)


def _print_steps(marks: list[float]) -> None:
    """The CPU of each step of the demo, from the times its progress was reported (before each step)."""
    from app.demo.build import _Demo

    names = []
    for step in _Demo.__new__(_Demo).steps():  # steps() only names bound methods: no database needed
        func = getattr(step, "func", step)
        names.append(func.__name__ + "".join(f" {a}" for a in getattr(step, "args", ())))
    for name, start, end in zip(names, marks, marks[1:], strict=False):
        print(f"  {end - start:6.2f} s CPU  {name}")


def _audit_entries(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0])
    finally:
        conn.close()


if __name__ == "__main__":
    main()
