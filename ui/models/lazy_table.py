"""A table model over a row source: rows fetched a page at a time, on demand, sorted and
filtered in SQL (never a QSortFilterProxyModel over every row).

``rowCount`` comes from the source's COUNT; ``data`` reads the page its row falls in, fetching it
the first time (one indexed query of ``PAGE_SIZE`` rows) and keeping the last ``MAX_PAGES`` pages
in an LRU cache, so that memory stays flat on a million rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from app.errors import DomainError
from app.services.browse import Query, Row, Source

from ..error_catalogue import error_text
from ..labels import display
from ..qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, translate

PAGE_SIZE = 200
MAX_PAGES = 48

Index = QModelIndex | QPersistentModelIndex


class LazyTableModel(QAbstractTableModel):
    """Rows of ``source`` for ``query``; ``titles`` maps column keys to (context, source text)."""

    failed = Signal(str)  # a query failed (e.g. the database went away): message for the user

    def __init__(
        self,
        source: Source,
        titles: dict[str, str],
        *,
        context: str = "Columns",
        right_aligned: Sequence[str] = (),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._keys = [k for k in titles if k in source.columns]
        self._titles = titles
        self._context = context
        self._right = {self._keys.index(k) for k in right_aligned if k in self._keys}
        self._query = Query()
        self._count = 0
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self.fetches = 0  # pages read from the database (for tests and benchmarks)
        self._recount()

    # -- the query ---------------------------------------------------------------------------
    @property
    def query(self) -> Query:
        return self._query

    @property
    def source(self) -> Source:
        return self._source

    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    def set_source(self, source: Source) -> None:
        self.beginResetModel()
        self._source = source
        self._pages.clear()
        self._recount()
        self.endResetModel()

    def set_query(self, query: Query) -> None:
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._recount()
        self.endResetModel()

    def set_text(self, text: str) -> None:
        if text != self._query.text:
            self.set_query(replace(self._query, text=text))

    def set_filters(self, **filters: Any) -> None:
        merged = {k: v for k, v in {**self._query.filters, **filters}.items() if v is not None}
        self.set_query(replace(self._query, filters=merged))

    def refresh(self) -> None:
        """Re-read everything (after a write)."""
        self.set_query(self._query)

    def sortable(self, column: int) -> bool:
        return 0 <= column < len(self._keys) and self._source.sortable(self._keys[column])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.sortable(column):
            return
        self.set_query(
            replace(self._query, sort=self._keys[column], descending=order == Qt.SortOrder.DescendingOrder)
        )

    def column_of(self, key: str) -> int:
        return self._keys.index(key)

    # -- rows --------------------------------------------------------------------------------
    def _recount(self) -> None:
        try:
            self._count = self._source.count(self._query)
        except DomainError as exc:
            self._count = 0
            self.failed.emit(error_text(exc))

    def _row(self, row: int) -> Row | None:
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            try:
                page = self._source.page(self._query, number * PAGE_SIZE, PAGE_SIZE, total=self._count)
            except DomainError as exc:
                self.failed.emit(error_text(exc))
                page = []
            self.fetches += 1
            self._pages[number] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def row_id(self, row: int) -> int | None:
        found = self._row(row) if 0 <= row < self._count else None
        return found[0] if found else None

    def ids(self, rows: Sequence[int]) -> list[int]:
        return [i for i in (self.row_id(r) for r in sorted(set(rows))) if i is not None]

    def row_of(self, row_id: int, *, limit: int = 5 * PAGE_SIZE) -> int | None:
        """The row showing ``row_id`` among the first ``limit`` rows (after a save)."""
        for row in range(min(self._count, limit)):
            if self.row_id(row) == row_id:
                return row
        return None

    def value(self, row: int, key: str) -> Any:
        found = self._row(row)
        return found[1 + self._keys_all().index(key)] if found else None

    def _keys_all(self) -> list[str]:
        return list(self._source.columns)

    # -- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return display(self.value(index.row(), self._keys[index.column()]))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.row_id(index.row())
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._keys):
            return translate(self._context, self._titles[self._keys[section]])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self._keys) - 1))
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self._keys) - 1))
