"""A large worksheet handed to calamine in pieces, so that its first rows come in a tenth of a second.

calamine reads a whole sheet before giving its first row: 0.6-1.1 s for 100,000 rows, during which
the importer, which has nothing to convert yet, waits (benchmarks/README.md, bench_import.py). Here
the import reader's child process (:mod:`.reader_process`) cuts the sheet part between rows: each
piece is the part's own prolog, some of its rows and its epilog (merged areas), in a copy of the
workbook calamine reads like the whole. Pieces grow fourfold from :data:`FIRST` bytes, so calamine
keeps ahead of the importer and the sheet costs a few more workbook openings, not a second reading.

The rows are those of :func:`.xlsx.read_first_sheet`, checked the same way, as long as each piece's
rows come after the ones before. A cut is made only after a row of usual tags (every row and cell
naming its place, no formula, no error cell: :class:`.xlsx.SheetScan`) and before a row that names
its number, so calamine places each cell of a piece where it places it in the whole. What is not
usual goes, with the rest of the sheet, into one last piece. A piece holding a row at or above the
last one given (rows out of order, which writers do not write) raises :class:`ReadAgain`: the
rows given are then not the whole's first ones, and the import starts again reading the whole.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import python_calamine as pc

from . import safety
from .xlsx import Sheet, SheetScan, Tally, _calamine_sheet, _copy, _rows, _workbook

FIRST = 256 * 1024  # bytes of the sheet part in the first piece (about 600 rows of 6 columns)
GROWTH = 2


class ReadAgain(Exception):
    """The rows given so far are not the first rows of the whole sheet: read it again, whole."""


class _Pieces:
    def __init__(self, path: Path) -> None:
        self.path = path
        z = safety.open_xlsx(path)
        try:
            self.name, self.member = _workbook(path, z)
            base, data = _copy(path, z, self.member, with_sheet=False)
        finally:
            z.close()
        self.base = base.getvalue()
        self.scan = SheetScan(path, data)
        self.head, self.tail = data[: self.scan.rows_at], data[self.scan.last :]
        self.size = FIRST
        self.done = False
        self.seen = -1  # the last row (0-based) of the pieces given

    def next(self) -> tuple[pc.CalamineSheet, dict[int, list[tuple[int, object]]]]:
        """Check and load the next piece; its formula and error cells (in the last piece only)."""
        scan, data = self.scan, self.scan.data
        start = scan.pos
        plain = scan.through(start + self.size)
        stop = scan.pos
        if not plain or stop >= scan.last or not data.startswith(b'<row r="', stop):
            scan.through(scan.last)  # no cut here: the rest in one piece
            stop, self.done = scan.last, True
        scan.check_grid()
        self.size *= GROWTH
        if start == scan.rows_at and self.done:
            part = data  # the whole sheet: as read_first_sheet reads it
        else:
            part = b"".join((self.head, data[start:stop], self.tail))
        copy = io.BytesIO(self.base)
        with zipfile.ZipFile(copy, "a", zipfile.ZIP_STORED) as z:
            z.writestr(self.member, part)
        del part
        copy.seek(0)
        sheet = _calamine_sheet(self.path, copy, self.name)
        special = scan.special if self.done else {}
        first = sheet.start[0] if sheet.start is not None else None
        if special:
            first = min(min(special) - 1, first if first is not None else len(data))
        if first is not None and first <= self.seen:
            raise ReadAgain
        if sheet.end is not None:
            self.seen = max(self.seen, sheet.end[0])
        return sheet, special


def read_in_pieces(path: Path) -> Sheet:
    """The first visible worksheet of an .xlsx, as :func:`.xlsx.read_first_sheet` gives it, read in
    pieces (see the module doc); its rows may raise :class:`ReadAgain`."""
    pieces = _Pieces(Path(path))
    sheet, special = pieces.next()
    merged = [(r1 + 1, c1, r2 + 1, c2) for (r1, c1), (r2, c2) in sheet.merged_cell_ranges or ()]
    return Sheet(pieces.name, _all_rows(pieces, sheet, special), merged)


def _all_rows(
    pieces: _Pieces, sheet: pc.CalamineSheet, special: dict[int, list[tuple[int, object]]]
) -> Iterator[tuple[int, dict[int, object]]]:
    tally = Tally()
    while True:
        yield from _rows(pieces.path, sheet, special, tally)
        if pieces.done:
            return
        sheet, special = pieces.next()
