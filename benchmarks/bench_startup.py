"""Start-up of the ``thidua`` command: ``--help`` and ``--version``, wall clock of a new process.

    python benchmarks/bench_startup.py [--repeat 30] [--command "thidua"]

Each case runs ``--repeat`` times, interleaved with the others (a busy spell of a shared machine
hits all alike); the median and the best are shown, with the child's CPU seconds. The first case,
``python -c pass``, is the interpreter's own start (site, .pth files): what no change to the app
can remove. By default the command is this checkout's ``app.cli:main`` run as the console script
runs it; ``--command`` times another (e.g. an installed ``thidua``), ``--baseline-root`` adds an
older checkout's, interleaved.
tests/test_cli_startup.py checks that neither imports SQLAlchemy, ReportLab, the model or services.
Target (issue 11): --help and --version under 0.15 s.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]


def _entry(root: Path) -> list[str]:
    """``app.cli:main`` of another checkout (its ``app`` first on the path)."""
    return [
        sys.executable,
        "-c",
        f"import sys; sys.path.insert(0, {str(root)!r}); from app.cli import main; sys.exit(main())",
    ]


def _time(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of ``cmd``."""
    before = os.times()
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t0
    after = os.times()
    return wall, (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--command", help="the command to time instead of this checkout's app.cli:main")
    parser.add_argument("--baseline-root", type=Path, metavar="CHECKOUT",
                        help="also time another checkout's app.cli:main (e.g. an older commit), interleaved")  # fmt: skip
    args = parser.parse_args()
    command = shlex.split(args.command) if args.command else ENTRY
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "thidua --version": [*command, "--version"],
        "thidua --help": [*command, "--help"],
    }
    if args.baseline_root:
        cases["baseline --version"] = [*_entry(args.baseline_root), "--version"]
        cases["baseline --help"] = [*_entry(args.baseline_root), "--help"]
    for cmd in cases.values():
        _time(cmd)  # warm the OS cache and the .pyc files: not counted
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(args.repeat):
        for name, cmd in cases.items():
            runs[name].append(_time(cmd))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.repeat} runs each, load average {load:.1f} on {os.cpu_count()} cores")
    print(f"{'':<18} {'median s':>9} {'best s':>7} {'CPU s (median)':>15}")
    for name, rs in runs.items():
        walls = [w for w, _ in rs]
        print(
            f"{name:<18} {statistics.median(walls):>9.3f} {min(walls):>7.3f} {statistics.median(c for _, c in rs):>15.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
