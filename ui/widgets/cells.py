"""Reading a QTableWidget's cells (PySide6 types ``item()`` as optional: a cell may have no item)."""

from __future__ import annotations

from ..qt import QTableWidget


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """The text shown in a cell; "" for a cell with no item."""
    item = table.item(row, column)
    return item.text() if item is not None else ""
