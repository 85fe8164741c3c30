"""Export of tables to .xlsx: Vietnamese headers, real types, dates as dates, IDs as text, and
text that starts like a formula (= + - @ tab) stored as text, never as a formula. A character an
.xlsx cannot hold (a control character stored before the services refused them, or written around
them) is replaced by U+FFFD: an export never fails on stored text."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from ..documents.tables import DATE, FLOAT, ID, INT, PERCENT, TableData
from ..storage.files import atomic_write, check_output_file
from ..text import REPLACEMENT, xml_safe
from .fields import FORMULA_START

_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_FORMATS = {DATE: "DD/MM/YYYY", INT: "#,##0", FLOAT: "#,##0.00", PERCENT: "0.0%", ID: "@"}


def text_cell(ws: WriteOnlyWorksheet, value: str) -> Cell:
    """A string cell that Excel will never evaluate, whatever it starts with."""
    value = xml_safe(value)
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    if value.startswith(FORMULA_START):
        cell.quotePrefix = True
    return cell


def _cell(ws: WriteOnlyWorksheet, value: object, kind: str) -> Cell:
    if value is None:
        return WriteOnlyCell(ws, value=None)
    if kind == ID or isinstance(value, str):
        cell = text_cell(ws, str(value))
        if kind == ID:
            cell.number_format = "@"
        return cell
    if isinstance(value, dt.datetime):
        value = value.date() if kind == DATE else value
    # A table's value may be any a cell takes (date, int, bool, Decimal…): the stub names only a few.
    cell = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]  # the stub is narrower than openpyxl
    if kind in _FORMATS:
        cell.number_format = _FORMATS[kind]
    return cell


def write_tables(out: Path, tables: Sequence[TableData], *, head_code: str = "") -> Path:
    """One sheet per table (names made unique), written atomically; ``head_code`` (the audit
    head's code, app.audit.code) in the file's properties (File › Info: Keywords, Description)."""
    target = check_output_file(Path(out))
    wb = Workbook(write_only=True)
    if head_code:
        wb.properties.keywords = f"Mã nhật ký: {head_code}"
        wb.properties.description = f"Mã nhật ký: {head_code}"
    used: set[str] = set()
    for table in tables or [TableData("Trống", [], [])]:
        base = xml_safe(table.sheet_name()).replace(REPLACEMENT, " ")
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            name = f"{base[:27]} ({n})"
        used.add(name.casefold())
        ws: WriteOnlyWorksheet = wb.create_sheet(name)  # write_only: create_sheet's Any is this
        for i, col in enumerate(table.columns, start=1):
            width = max(8, min(60, col.width * 0.55))
            ws.column_dimensions[get_column_letter(i)].width = width  # type: ignore[attr-defined]  # set at runtime, not in the stub
        ws.freeze_panes = "A2"
        header: list[Cell] = []
        for col in table.columns:
            c = text_cell(ws, col.header)
            c.font, c.fill, c.alignment = _HEAD_FONT, _HEAD_FILL, _WRAP
            header.append(c)
        ws.append(header)
        kinds = [c.kind for c in table.columns]
        for row in table.rows:
            ws.append([_cell(ws, v, k) for v, k in zip(row, kinds, strict=False)])
    with atomic_write(target) as f:
        _save(wb, f)
    return target


def _save(wb: Workbook, f: BinaryIO) -> None:
    """``wb.save(f)``, except that a failed write (a full disk) leaves no half-written zip archive
    to be closed at exit, which printed a traceback ("Exception ignored in ZipFile.__del__")."""
    archive = ZipFile(f, "w", ZIP_DEFLATED, allowZip64=True)
    wb.properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    try:
        ExcelWriter(wb, archive).save()
    except BaseException:
        archive.fp = None  # abandoned: its file failed, nothing more is written to it
        for ws in wb.worksheets:  # nor to the sheets' row writers (else they fail when collected)
            writer = getattr(ws, "_writer", None)
            for generator in (getattr(ws, "_rows", None), getattr(writer, "xf", None)):
                if generator is not None:
                    with contextlib.suppress(Exception):
                        generator.close()
        raise
