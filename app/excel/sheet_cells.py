"""Cells of the bloc's workbooks (score sheets, criteria tables): what is written is never taken for a
formula; what is read becomes a number, a text, a period, or a problem with its row and column."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ..model import ScorePeriodKind
from ..text import clean
from .fields import FORMULA_START, header_key
from .xlsx import CellError, Formula, TooLong

# The header block: label in column A, value in column B (a name beside it in C).
HEAD_BLOC, HEAD_YEAR, HEAD_PERIOD, HEAD_UNIT = "Mã khối", "Năm", "Kỳ chấm điểm", "Mã đơn vị"
_BOLD = Font(bold=True)
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def text_cell(ws: Worksheet, row: int, col: int, value: str, *, bold: bool = False) -> None:
    cell = ws.cell(row=row, column=col, value=value)
    cell.data_type = "s"  # never a formula, whatever it starts with
    if value.startswith(FORMULA_START):
        cell.quotePrefix = True
    if bold:
        cell.font = _BOLD


@dataclass(frozen=True)
class ScoreProblem:
    file: str
    row: int | None  # the sheet's row, None for the file
    column: str  # "Tự chấm (cột F)", or ""
    message: str

    def __str__(self) -> str:
        where = self.file + (f", dòng {self.row}" if self.row else "")
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"


def label_key(value: object) -> str:
    return header_key(value) if isinstance(value, str) else ""


def cell_number(value: object) -> tuple[float | None, str | None]:
    """A score from a cell: (value, None) or (None, problem)."""
    if isinstance(value, Formula):
        value = value.cached
        if value is None:
            return None, "công thức chưa có giá trị tính sẵn; hãy nhập số."
    if value is None:
        return None, None
    if isinstance(value, bool | CellError | TooLong | dt.date | dt.time):
        return None, "không phải là số."
    if isinstance(value, int | float):
        return float(value), None
    text = clean(str(value))
    if not text:
        return None, None
    if _NUMBER.match(text):
        return float(text.replace(",", ".")), None
    return None, f"«{text[:40]}» không phải là số."


def cell_text(value: object) -> str:
    if value is None or isinstance(value, CellError):
        return ""
    if isinstance(value, Formula):
        value = value.cached if value.cached is not None else ""
    if isinstance(value, TooLong):
        return "x" * value.length  # reported as too long by the checks
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def period_of(value: object) -> ScorePeriodKind | None:
    key = label_key(value)
    for p in ScorePeriodKind:
        if key in (header_key(p.value), header_key(p.label)):
            return p
    return None
