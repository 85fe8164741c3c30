"""Reading the first worksheet of an .xlsx, without import or validation: the reader alone.

    python benchmarks/bench_xlsx_read.py [--rows 100000] [--repeat 3]

The 100,000 persons of bench_import.py in three shapes: inline strings (what write_xlsx writes),
shared strings as Excel writes them (``<c r="A2" s="2" t="s"><v>5</v></c>``, styled empty cells),
and inline strings with a formula in every row (cells the sheet scan reads tag by tag). Each is
timed as ``sum(1 for _ in read_first_sheet(path).rows)`` (the import's reader: checks, calamine,
the rows as the importer gets them), read in pieces as the import's child reads it
(``read_in_pieces``: the same rows, the first ones after a few hundredths of a second), and as
python-calamine alone (``to_python()`` of the first sheet: no checks, no conversion), to show what
the checks cost. "1st row" is when the first row came.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import python_calamine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_import import rows  # noqa: E402
from test_excel_support import EPOCH, F, write_xlsx  # noqa: E402

from app.excel.xlsx import Sheet, column_letter, read_first_sheet  # noqa: E402
from app.excel.xlsx_pieces import read_in_pieces  # noqa: E402


def write_shared(path: Path, data: list[list[object]]) -> Path:
    """``data`` with its texts in xl/sharedStrings.xml, shaped as Excel writes a sheet."""
    strings: dict[str, int] = {}
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><sheetData>'
    ]
    width = max(len(row) for row in data) + 1
    for r, row in enumerate(data, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{column_letter(c)}{r}"
            if isinstance(value, dt.date):
                cells.append(f'<c r="{ref}" s="1"><v>{(value - EPOCH).days}</v></c>')
            else:
                index = strings.setdefault(str(value), len(strings))
                cells.append(f'<c r="{ref}" s="0" t="s"><v>{index}</v></c>')
        cells.append(f'<c r="{column_letter(width - 1)}{r}" s="0"/>')  # a formatted empty cell
        parts.append(f'<row r="{r}" spans="1:{width}" x14ac:dyDescent="0.25">{"".join(cells)}</row>')
    parts.append("</sheetData></worksheet>")
    write_xlsx(path, [], sheet="".join(parts).encode())
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            f'2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>',
        )
    return path


def counted(open_sheet: Callable[[Path], Sheet]) -> Callable[[Path], tuple[int, float]]:
    """Rows read by ``open_sheet``, and the seconds to the first."""

    def read(path: Path) -> tuple[int, float]:
        started = time.perf_counter()
        rows = open_sheet(path).rows
        next(rows)
        first = time.perf_counter() - started
        return 1 + sum(1 for _ in rows), first

    return read


def calamine_alone(path: Path) -> tuple[int, float]:
    with python_calamine.CalamineWorkbook.from_path(str(path)) as workbook:
        return len(workbook.get_sheet_by_index(0).to_python()), float("nan")


def timed(
    read: Callable[[Path], tuple[int, float]], path: Path, repeat: int
) -> tuple[int, list[float], float]:
    times, firsts = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        n, first = read(path)
        times.append(time.perf_counter() - started)
        firsts.append(first)
    return n, times, statistics.median(firsts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="reads of each file (median shown)")
    args = parser.parse_args()
    data = rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {
            "inline strings": write_xlsx(folder / "inline.xlsx", data),
            "shared strings (Excel)": write_shared(folder / "shared.xlsx", data),
            "inline + a formula a row": write_xlsx(
                folder / "formulas.xlsx",
                [row + [F(f"B{r}&C{r}", "x")] for r, row in enumerate(data, start=1)],
            ),
        }
        for label, path in files.items():
            for how, read in (
                ("read_first_sheet", counted(read_first_sheet)),
                ("read_in_pieces", counted(read_in_pieces)),
                ("calamine alone", calamine_alone),
            ):
                n, times, first = timed(read, path, args.repeat)
                print(
                    f"{label:<26} {how:<17} {n:>8} dòng  {statistics.median(times):6.2f} s"
                    f"  (1st row {first:5.2f} s)   lần đo: " + " ".join(f"{t:.2f}" for t in times)
                )


if __name__ == "__main__":
    main()
