"""Benchmark: the GUI on the 1,000,000-nomination database.

    python3 benchmarks/bench_gui.py --db PATH   # a database made by benchmarks/bench_db.py --db PATH --keep
    python3 benchmarks/bench_gui.py             # makes one first (takes minutes)

Prints: launch to the first painted window (the splash, as ``thidua`` starts), launch to the
main window and to the first painted nominations list, refilter
of the nominations list by a toneless search (COUNT + the visible page, painted), jump to a row
near the end and in the middle (scrollTo, painted, the data() calls answered), and peak RSS.
Targets: first paint < 1 s, refilter < 100 ms, jump < 50 ms, < 200 MB. Runs offscreen.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

T_START = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEARCHES = ("nguyen", "thi hoa", "duc", "an", "zzqx")  # common, two words, đ folded, short, no match


def _child_launch(db: str, page: int) -> int:
    """Run in a fresh process: open the window on ``db`` showing ``page``; print seconds since
    this process started when the page's first paint has happened."""
    from app.opening import open_database
    from ui.main_window import MainWindow
    from ui.qt import QApplication, QEvent, QObject, QTimer

    app = QApplication([])
    window = MainWindow(open_database(db, sync_catalogue=False))
    window.nav.setCurrentRow(page)
    target = window.nominations.view.viewport() if page == 4 else window

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, app.quit)
            return False

    watch = Watch()
    target.installEventFilter(watch)
    window.resize(1280, 800)
    window.show()
    app.exec()
    # From the interpreter's start: this process's own start time, not Python's import of us.
    print(f"{_since_process_start():.4f}", flush=True)
    return 0


def _child_splash(db: str) -> int:
    """Run in a fresh process the way ``thidua`` starts (``ui.app.run``); print seconds since the
    process started when the first window (the splash) has been painted, and stop there."""
    from ui.qt import QApplication, QEvent, QObject

    app = QApplication([])

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and getattr(obj, "objectName", lambda: "")() == "splash":
                print(f"{_since_process_start():.4f}", flush=True)
                os._exit(0)
            return False

    watch = Watch()
    app.installEventFilter(watch)
    from ui.app import run

    run(db)
    return 1


def _since_process_start() -> float:
    """Seconds since the OS started this process (/proc on Linux; else since this module ran)."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - T_START


def launch(db: Path, page: int, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        mode = ["--child-splash", str(db)] if page < 0 else ["--child-launch", str(db), "--page", str(page)]
        # As on a user's machine: Python caches compiled modules (this sandbox sets
        # PYTHONDONTWRITEBYTECODE, which makes every start compile the app's modules again).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        done = subprocess.run(
            [sys.executable, __file__, *mode], capture_output=True, text=True, check=True, env=env
        )
        out.append(float(done.stdout.strip().splitlines()[-1]) * 1000)
    return out


def in_process(db_path: Path, repeat: int) -> dict[str, list[float]]:
    from app.opening import open_database
    from ui.main_window import MainWindow
    from ui.qt import QApplication

    app = QApplication.instance() or QApplication([])
    window = MainWindow(open_database(db_path, sync_catalogue=False))
    window.resize(1280, 800)
    window.nav.setCurrentRow(4)
    window.show()
    app.processEvents()
    page = window.nominations
    model, view = page.model, page.view
    assert model is not None
    results: dict[str, list[float]] = {}

    def timed(name: str, fn, setup=None) -> None:  # type: ignore[no-untyped-def]
        runs = []
        for _ in range(repeat):
            if setup is not None:
                setup()
                view.viewport().repaint()
            t0 = time.perf_counter()
            fn()
            view.viewport().repaint()  # synchronous paint: every visible cell's data() answered
            runs.append((time.perf_counter() - t0) * 1000)
        results[name] = runs

    for text in SEARCHES:
        timed(f"refilter '{text}'", lambda text=text: model.set_text(text), lambda: model.set_text(""))
    model.set_text("")
    timed("filter year=2024", lambda: model.set_filters(year=2024), lambda: model.set_filters(year=None))
    model.set_filters(year=None)
    total = model.rowCount()

    def jump(row: int) -> None:
        model._pages.clear()  # a row never seen: nothing cached
        view.scrollTo(model.index(row, 0))

    timed(f"jump to row {total - 10:,}", lambda: jump(total - 10))
    timed(f"jump to row {total // 2:,} (middle)", lambda: jump(total // 2))
    timed("jump to row 250,000", lambda: jump(250_000))
    results["rows"] = [float(total)]
    window.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child-launch")
    parser.add_argument("--child-splash")
    parser.add_argument("--page", type=int, default=0)
    args = parser.parse_args()
    if args.child_launch:
        return _child_launch(args.child_launch, args.page)
    if args.child_splash:
        return _child_splash(args.child_splash)
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="bench-gui-")) / "bench.sqlite3"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "bench_db.py"),
                "--db",
                str(db),
                "--keep",
                "--repeat",
                "1",
            ],
            check=True,
        )
    os.environ["THIDUA_CONFIG_DIR"] = tempfile.mkdtemp(prefix="bench-gui-config-")

    rows: list[tuple[str, list[float], str]] = []
    rows.append(("launch → first painted window (splash)", launch(db, -1, args.repeat), "< 1000 ms"))
    rows.append(("launch → main window painted", launch(db, 0, args.repeat), "(info)"))
    rows.append(("launch → nominations list painted", launch(db, 4, args.repeat), "< 1000 ms"))
    measured = in_process(db, args.repeat)
    total = int(measured.pop("rows")[0])
    for name, runs in measured.items():
        target = "< 100 ms" if name.startswith(("refilter", "filter")) else "< 50 ms"
        rows.append((name, runs, target))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"\nGUI on {db} ({total:,} nominations), offscreen, median of {args.repeat} (best)\n")
    print(f"{'metric':<40} | {'median':>10} | {'best':>9} | target")
    print("-" * 80)
    missed = 0
    for name, runs, target in rows:
        median = statistics.median(runs)
        if target.startswith("<"):
            ok = "ok" if median < float(target.split()[1]) else "MISSED"
            missed += ok != "ok"
        else:
            ok = ""
        print(f"{name:<40} | {median:8.1f} ms | {min(runs):6.1f} ms | {target} {ok}")
    ok = "ok" if rss < 200 else "MISSED"
    missed += ok != "ok"
    print(f"{'peak RSS (in-process run)':<40} | {rss:7.1f} MiB | {'':>9} | < 200 MiB {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
