"""Report tables independent of the output: the PDF draws them, :mod:`app.excel.writer` exports them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

TEXT, ID, INT, FLOAT, DATE, PERCENT = "text", "id", "int", "float", "date", "percent"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT  # ID: codes and CCCD, always text
    width: float = 30.0  # millimetres in the PDF; Excel widths follow
    align: str = "LEFT"


@dataclass
class TableData:
    title: str
    columns: Sequence[Column]
    rows: list[tuple[object, ...]] = field(default_factory=list)
    sheet: str = ""  # Excel sheet name (≤ 31 characters)

    def sheet_name(self) -> str:
        name = self.sheet or self.title
        for ch in "[]:*?/\\":
            name = name.replace(ch, " ")
        return name[:31] or "Bảng"


def number_vi(value: float, digits: int = 2) -> str:
    """95.5 -> "95,5" (Vietnamese decimal comma, thousands with dots)."""
    text = f"{value:,.{digits}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def cell_text(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == DATE and isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if kind == PERCENT and isinstance(value, int | float):
        return number_vi(value * 100, 1) + "%"
    if kind == FLOAT and isinstance(value, int | float):
        return number_vi(float(value))
    if kind == INT and isinstance(value, int):
        return f"{value:,}".replace(",", ".") if abs(value) >= 10_000 else str(value)
    return str(value)
