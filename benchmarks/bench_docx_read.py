"""Reading a Word danh sách (.docx) for an import: the table reader alone, then a whole dry run.

    python benchmarks/bench_docx_read.py [--rows 2000] [--repeat 3]

The list is the one the tests make (tests/docx_lists.py): a two-row merged header, a row of column
numbers, a heading row per award, ``--rows`` nominees. Timed: ``read_docx`` (zip checks, XML, merged
cells filled) as ``sum(1 for _ in rows)``; and ``run_import(dry_run=True)`` into an empty book with
the units (header found, mapping guessed, every row converted, matched and reported). Target: the
2,000-row list reads in < 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.excel.docx_table import read_docx  # noqa: E402
from app.excel.importer import ImportOptions, run_import  # noqa: E402
from app.opening import open_database  # noqa: E402
from tests import factories  # noqa: E402
from tests.docx_lists import danh_sach  # noqa: E402

AWARDS = ("Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Bằng khen của Chủ tịch UBND tỉnh")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "danh_sach.docx"
        per = args.rows // len(AWARDS)
        sections = [
            (award, [(f"Nguyễn Văn {chr(65 + (i % 26))}{k}{i}", 1960 + i % 40, i % 3 == 0,
                      "Chuyên viên Phòng Quản lý ngân sách, Sở Tài chính") for i in range(per)])
            for k, award in enumerate(AWARDS)
        ]  # fmt: skip
        danh_sach(path, sections)
        db = open_database(Path(tmp) / "b.sqlite3")
        stc = factories.unit(db, "Sở Tài chính", code="STC")
        factories.unit(db, "Phòng Quản lý ngân sách", code="STC-NS", parent_id=stc.id)
        reads, runs = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            count = sum(1 for _ in read_docx(path).rows)
            reads.append(time.perf_counter() - started)
            started = time.perf_counter()
            report = run_import(db, "nominations", path, dry_run=True, options=ImportOptions(year=2025))
            runs.append(time.perf_counter() - started)
        db.dispose()
    print(
        f"{path.name}: {count} table rows, {report.rows_read} nominees read, {len(report.problems)} reported"
    )
    print(f"read_docx:            median {statistics.median(reads):.3f} s")
    print(f"run_import (dry run): median {statistics.median(runs):.3f} s  (target < 2 s)")
    return 0 if statistics.median(runs) < 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
