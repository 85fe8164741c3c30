"""The score grid (ui/scoring): opening a unit's sheet and the totals recomputed on each edit.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_score_grid.py [--criteria 60] [--units 20] [--edits 200]

A fresh SQLite database in a temp dir: one bloc, ``--units`` member units and a half-year table of
``--criteria`` rows (criteria, a bonus and a penalty row, floors on some), every unit's sheet
filled through app.services.score_sheets.save_sheet. Then, for each unit, the grid is opened as the
standings page opens it (the sheet read, the model loaded, the columns sized, the dialog shown and
painted) and timed; and ``--edits`` scores are typed into one open grid through the model's
``setData`` (flags of the row and both totals recomputed, the totals label updated, the view
repainted). Targets (issue 15): open < 300 ms, < 20 ms per edit.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]


def _line(what: str, ms: list[float]) -> str:
    return (f"{what:<26} n={len(ms):<4} p50 {statistics.median(ms):7.2f} ms  p95 {_p95(ms):7.2f} ms  "
            f"max {max(ms):7.2f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--criteria", type=int, default=60)
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["THIDUA_AUDIT_HEADS_DIR"] = str(Path(tmp) / "heads")
        from app.model import CriterionKind, ScorePeriodKind
        from app.opening import open_database
        from app.services.blocs import BlocInput, create_bloc, set_membership
        from app.services.score_sheets import SheetEntry, save_sheet
        from app.services.scoring import CriterionInput, set_criteria
        from app.services.units import UnitInput, create_unit
        from ui.qt import QApplication
        from ui.scoring.sheet_model import SELF
        from ui.scoring.sheet_view import SheetDialog

        app = QApplication.instance() or QApplication(sys.argv)
        db = open_database(Path(tmp) / "grid.sqlite3")
        try:
            h1 = ScorePeriodKind.H1
            bloc = create_bloc(db, BlocInput(code="KTKT", name="Khối Kinh tế - Kỹ thuật"))
            units = [
                create_unit(db, UnitInput(code=f"U{i:02}", name=f"Sở số {i}")).id for i in range(args.units)
            ]
            for uid in units:
                set_membership(db, bloc.id, uid, 2025)
            rows = [
                CriterionInput(
                    f"C.{i}",
                    f"Tiêu chí số {i}: hoàn thành nhiệm vụ được giao",
                    10,
                    group=f"Nhóm {i // 10}",
                    floor_share=0.8 if i % 3 == 0 else None,
                )  # fmt: skip
                for i in range(args.criteria - 2)
            ]
            rows += [
                CriterionInput("B.1", "Điểm thưởng", 10, kind=CriterionKind.BONUS),
                CriterionInput("T.1", "Điểm trừ", 10, kind=CriterionKind.PENALTY),
            ]
            set_criteria(db, bloc.id, 2025, rows, h1)
            for n, uid in enumerate(units):
                entries = [SheetEntry(r.code, 9.0 - (n % 3) * 0.5, 9.0 - (n % 3) * 0.5, "", "Biên bản kiểm tra")
                           for r in rows]  # fmt: skip
                save_sheet(db, bloc.id, 2025, h1, uid, entries)

            opens = []
            dialog = None
            for uid in units:
                start = time.perf_counter()
                dialog = SheetDialog(db, bloc.id, 2025, h1, uid)
                dialog.show()
                dialog.grid.viewport().repaint()
                app.processEvents()
                opens.append((time.perf_counter() - start) * 1000)
                if uid != units[-1]:
                    dialog.close()
                    dialog.deleteLater()
            assert dialog is not None
            model = dialog.model
            alone = []
            for e in range(args.edits):
                index = model.index(e % model.rowCount(), SELF)
                start = time.perf_counter()
                model.setData(index, f"{(e % 19) / 2:g}".replace(".", ","))
                alone.append((time.perf_counter() - start) * 1000)
            edits = []
            for e in range(args.edits):
                index = model.index(e % model.rowCount(), SELF)
                start = time.perf_counter()
                model.setData(index, f"{(e % 21) / 2:g}".replace(".", ","))
                dialog.grid.viewport().repaint()
                edits.append((time.perf_counter() - start) * 1000)
            print(
                f"score grid: {args.criteria} criteria × {args.units} units (a sheet of {model.rowCount()} rows)"
            )
            print(_line("open a unit's grid", opens) + "   target < 300 ms")
            print(_line("edit + totals (model)", alone))
            print(_line("edit + totals + repaint", edits) + "   target < 20 ms")
            dialog.close()
        finally:
            db.dispose()


if __name__ == "__main__":
    main()
