"""Report rendering: a 5,000-row list (Decree 30/2020 layout, tables chunked by 500 rows).

    python benchmarks/bench_reports.py [--rows 5000] [--repeat 3]

Persons and nominations are loaded through the Excel import (the same validation as the GUI).
Times ``papers.nomination_list(...).save(pdf)`` (query + layout + PDF) and the same tables to
.xlsx, then, for comparison, one un-chunked Table of the same rows. Target (issue 6): < 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench_import import rows  # noqa: E402
from test_excel_support import write_xlsx  # noqa: E402

from app.documents import decree30, papers  # noqa: E402
from app.documents.decree30 import DocMeta, Letterhead, Signature  # noqa: E402
from app.excel.importer import run_import  # noqa: E402
from app.opening import open_database  # noqa: E402
from app.services.units import UnitInput, create_unit  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(folder / "r.sqlite3")
        create_unit(db, UnitInput(code="SNV", name="Sở Nội vụ"))
        people = rows(args.rows)
        assert run_import(db, "persons", write_xlsx(folder / "p.xlsx", people), dry_run=False).committed
        noms = [["Năm", "Mã danh hiệu", "Số CCCD", "Tóm tắt thành tích"]] + [
            [2025, "LDTT", r[4], ""] for r in people[1:]
        ]
        report = run_import(db, "nominations", write_xlsx(folder / "n.xlsx", noms), dry_run=False)
        assert report.committed, report.problems[:3]
        meta = DocMeta(Letterhead("Sở Nội vụ", "UBND tỉnh Tây Ninh"), "", dt.date(2025, 12, 1),
                       Signature("Giám đốc", "Nguyễn Văn Bình"))  # fmt: skip
        for suffix in (".pdf", ".xlsx"):
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                out = papers.nomination_list(db, meta, year=2025).save(folder / f"ds{suffix}")
                times.append(time.perf_counter() - started)
            print(f"danh sách {args.rows} dòng → {suffix:<5} tốt nhất {min(times):.2f} s (các lần: "
                  + ", ".join(f"{t:.2f}" for t in times) + f"), {out.stat().st_size // 1024} KB")  # fmt: skip
        saved = decree30.TABLE_CHUNK
        decree30.TABLE_CHUNK = 10**9
        started = time.perf_counter()
        papers.nomination_list(db, meta, year=2025).save(folder / "one-table.pdf")
        print(f"so sánh: một Table duy nhất {time.perf_counter() - started:.2f} s")
        decree30.TABLE_CHUNK = saved
        db.dispose()


if __name__ == "__main__":
    main()
