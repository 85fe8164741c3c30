"""A quyết định with a 500-row annex written as .docx (issue #16: target < 2 s), the PDF beside it.

    python benchmarks/bench_docx.py [--rows 500] [--repeat 3]

Builds the demo database, takes its decision 217/QĐ-STC and lengthens its annex to ``--rows``
awards (the decision's own rows repeated under new names, as many cash lines), then times
``papers.decision_document(...).save(out)`` — query, story and file — as .docx and as .pdf.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.demo import build_demo_file  # noqa: E402
from app.documents import papers  # noqa: E402
from app.opening import open_database  # noqa: E402


def lengthen(rows: list[Any], n: int) -> list[Any]:
    """``rows`` repeated to ``n``, each copy under its own name, beside the row it copies."""
    if not rows:
        return rows
    out: list[tuple[int, int, Any]] = []
    for i in range(n):
        r = rows[i % len(rows)]
        name = f"{r.nominee} {i // len(rows) + 1}" if i >= len(rows) else r.nominee
        changes: dict[str, Any] = {"nominee": name}
        if "nomination_id" in {f.name for f in dataclasses.fields(r)}:
            changes["nomination_id"] = 100_000 + i
        else:
            changes["id"] = 100_000 + i
        out.append((i % len(rows), i, dataclasses.replace(r, **changes)))
    return [r for _k, _i, r in sorted(out, key=lambda x: x[:2])]  # copies beside their row: groups stay whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ.setdefault("THIDUA_CONFIG_DIR", str(folder / "config"))
        build_demo_file(folder / "demo.sqlite3")
        db = open_database(folder / "demo.sqlite3")
        rows_of, pay_of = papers.data.nomination_rows, papers.payout.payout_lines
        papers.data.nomination_rows = lambda *a, **k: lengthen(rows_of(*a, **k), args.rows)  # type: ignore[assignment]
        papers.payout.payout_lines = lambda *a, **k: lengthen(pay_of(*a, **k), args.rows)  # type: ignore[assignment]
        for suffix in (".docx", ".pdf"):
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                out = papers.decision_document(db, "217/QĐ-STC").save(folder / f"qd{suffix}")
                times.append(time.perf_counter() - started)
            print(f"quyết định, phụ lục {args.rows} dòng (và {args.rows} dòng chi tiền) → {suffix:<5} "
                  f"tốt nhất {min(times):.2f} s (các lần: " + ", ".join(f"{t:.2f}" for t in times)
                  + f"), {out.stat().st_size // 1024} KB")  # fmt: skip
        db.dispose()


if __name__ == "__main__":
    main()
