"""One ordinary save: creating and updating a nomination through app.services.nominations.

    python benchmarks/bench_save.py [--saves 300] [--history 50000] [--persons 300]

A fresh SQLite database in a temp dir (migrations, catalogue), one unit and ``--persons`` persons
made through the services, and ``--history`` audit entries appended beforehand (summary entries,
as an import writes), so that the log is not empty. Then each save is timed on its own, wall-clock,
from the call to its return: the checks, the transaction (BEGIN IMMEDIATE … COMMIT with
``synchronous=FULL``), the audit entries and the audit head recorded outside the file (in a temp
``THIDUA_AUDIT_HEADS_DIR``). Target (issue 11): p95 < 15 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _timed(calls: list[Callable[[], object]]) -> list[tuple[float, float]]:
    """(wall ms, CPU ms) of each call."""
    out = []
    for call in calls:
        start, cpu = time.perf_counter(), time.process_time()
        call()
        out.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]


def _line(what: str, timed: list[tuple[float, float]]) -> str:
    ms, cpu = [w for w, _ in timed], [c for _, c in timed]
    return (f"{what:<20} n={len(ms):<4} p50 {statistics.median(ms):6.2f} ms  p95 {_p95(ms):6.2f} ms  "
            f"mean {statistics.fmean(ms):6.2f} ms  max {max(ms):6.2f} ms  "
            f"(CPU p50 {statistics.median(cpu):5.2f} ms, p95 {_p95(cpu):5.2f} ms)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--persons", type=int, default=300)
    parser.add_argument("--history", type=int, default=50_000, help="audit entries written before the saves")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["THIDUA_AUDIT_HEADS_DIR"] = str(Path(tmp) / "heads")
        from sqlalchemy import select

        from app.audit import log as audit
        from app.model import Award, Gender
        from app.opening import open_database
        from app.services import nominations as N
        from app.services.persons import PersonInput, create_person
        from app.services.units import UnitInput, create_unit

        db = open_database(Path(tmp) / "save.sqlite3")
        try:
            unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
            people = [
                create_person(
                    db,
                    PersonInput(
                        unit_id=unit.id,
                        full_name=f"Nguyễn Văn An {i}",
                        gender=Gender.MALE,
                        start_date=dt.date(2015, 1, 1),
                    ),
                )  # fmt: skip
                for i in range(max(args.persons, args.saves))
            ]
            with db.write() as session:
                for i in range(args.history):
                    audit.record(session, "import", "person", details={"row": i})
            with db.read() as session:
                award = session.scalar(select(Award.id).where(Award.code == "LDTT"))

            def create(person_id: int) -> Callable[[], object]:
                return lambda: N.create_nomination(db, N.NominationInput(
                    year=2025, award_id=award, person_id=person_id, achievement="Hoàn thành xuất sắc nhiệm vụ"))  # fmt: skip

            made: list[int] = []
            creates = _timed([
                lambda p=p: made.append(create(p.id)().id)  # type: ignore[misc]
                for p in people[: args.saves]
            ])  # fmt: skip
            updates = _timed([
                lambda nid=nid, p=p: N.update_nomination(db, nid, N.NominationInput(
                    year=2025, award_id=award, person_id=p.id, achievement=f"Hoàn thành xuất sắc nhiệm vụ năm 2025 ({nid})"))
                for nid, p in zip(made, people, strict=False)
            ])  # fmt: skip
            print(f"SQLite, {args.history} audit entries before, {args.saves} saves of each kind")
            print(_line("create_nomination", creates))
            print(_line("update_nomination", updates))
            print(_line("both", creates + updates))
            report = audit.verify(db)
            print(f"audit chain: {report.entries} entries, {'ok' if report.ok else report.problem}")
        finally:
            db.dispose()


if __name__ == "__main__":
    main()
