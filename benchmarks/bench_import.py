"""Import speed: persons from .xlsx and .csv, dry run and real import, with full validation.

    python benchmarks/bench_import.py [--rows 100000] [--repeat 5]

Each file goes into a fresh database holding one unit. The dry run reads, converts and validates
every row (``services.persons._validated``) and looks duplicates up; the real run does the same in
one write transaction, inserting persons and postings batch by batch as they pass. Files over 2 MB
are read by a child process (``THIDUA_IMPORT_PROCESS=0`` reads them here). Target (issue 6):
≥ 20,000 rows/s with full validation.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_excel_support import write_xlsx  # noqa: E402

from app.excel.importer import run_import  # noqa: E402
from app.opening import open_database  # noqa: E402
from app.services.units import UnitInput, create_unit  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Thu"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hương",
    "Khánh",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phúc",
    "Quân",
    "Thảo",
]
HEAD = ["Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Chức vụ"]


def rows(n: int) -> list[list[object]]:
    out: list[list[object]] = [HEAD]
    for i in range(n):
        name = f"{FAMILY[i % 10]} {MIDDLE[i // 10 % 8]} {GIVEN[i // 80 % 14]} {GIVEN[i % 14]}"
        out.append(["SNV", name, "Nữ" if i % 2 else "Nam", dt.date(1945, 1, 1) + dt.timedelta(days=i % 27997),
                    f"0{i:011d}", "Chuyên viên"])  # fmt: skip
    return out


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the reader's child process)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def run(path: Path, folder: Path, n: int, repeat: int) -> None:
    """Median wall-clock and CPU time (with the reader's child process) of ``repeat`` dry runs and
    real imports (a fresh database each)."""
    times: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for i in range(repeat):
        db = open_database(folder / f"{path.stem}-{path.suffix[1:]}-{i}.sqlite3")
        create_unit(db, UnitInput(code="SNV", name="Sở Nội vụ"))
        for dry in (True, False):
            started, cpu = time.perf_counter(), _cpu()
            report = run_import(db, "persons", path, dry_run=dry)
            times[dry].append((time.perf_counter() - started, _cpu() - cpu))
            assert report.ok and (dry or report.inserted == n), report.problems[:3]
        db.dispose()
    for dry in (True, False):
        wall = statistics.median(t for t, _ in times[dry])
        cpu = statistics.median(c for _, c in times[dry])
        label = "chạy thử" if dry else "nhập thật"
        print(
            f"{path.suffix:>5} {label:<9} {n:>8} dòng  {wall:6.2f} s {n / wall:>9,.0f} dòng/s"
            f"   (CPU {cpu:5.2f} s {n / cpu:>9,.0f} dòng/s)   lần đo: "
            + " ".join(f"{t:.2f}" for t, _ in times[dry])
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (median shown)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = rows(args.rows)
        xlsx = write_xlsx(folder / "persons.xlsx", data)
        with open(folder / "persons.csv", "w", newline="", encoding="utf-8-sig") as f:
            csv.writer(f).writerows(
                [[d.strftime("%d/%m/%Y") if isinstance(d, dt.date) else d for d in r] for r in data]
            )
        for path in (xlsx, folder / "persons.csv"):
            run(path, folder, args.rows, args.repeat)


if __name__ == "__main__":
    main()
