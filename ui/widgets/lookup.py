"""A line edit that finds a person or a unit by any part of its name, tones and đ/d ignored.

The matching is done by the service (folded columns in SQL), so the completer shows its rows
as they come (``UnfilteredPopupCompletion``) instead of filtering them again by prefix — Qt's
own prefix match would miss "nguyen" for "Nguyễn". The first suggestion is preselected, so typing
part of a name and pressing Enter picks it — unless another suggestion shares its key (namesakes:
a search returns ``(id, label, key)``), when the clerk must choose with the arrow keys.
"""

from __future__ import annotations

from collections.abc import Callable

from ..qt import (
    QAbstractItemView,
    QCompleter,
    QLineEdit,
    QModelIndex,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QWidget,
    Signal,
)

# (id, label) or (id, label, key): suggestions with the same key are namesakes
Search = Callable[[str], list[tuple[int, str]] | list[tuple[int, str, str]]]


class LookupEdit(QLineEdit):
    picked = Signal(object)  # the id chosen, or None when the text no longer names a pick

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._id: int | None = None
        self._items = QStandardItemModel(self)
        self.completer_ = QCompleter(self._items, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._activated)  # type: ignore[index]  # overload by signature
        self.textEdited.connect(self._edited)

    @property
    def value(self) -> int | None:
        return self._id

    @property
    def search(self) -> Search:
        return self._search

    def set_search(self, search: Search) -> None:
        self._search = search
        self.clear_value()

    def set_value(self, id_: int | None, text: str = "") -> None:
        self._id = id_
        self.setText(text)
        self.picked.emit(id_)

    def clear_value(self) -> None:
        self.set_value(None, "")

    def suggestions(self) -> list[str]:
        return [self._items.item(r).text() for r in range(self._items.rowCount())]

    def _popup(self) -> QAbstractItemView:
        popup = self.completer_.popup()
        assert popup is not None  # a QCompleter makes its list view when first asked
        return popup

    def _edited(self, text: str) -> None:
        if self._id is not None:
            self._id = None
            self.picked.emit(None)
        self._items.clear()
        if not text.strip():
            self._popup().hide()
            return
        keys = []
        for id_, label, *key in self._search(text):
            item = QStandardItem(label)
            item.setData(id_, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self._items.appendRow(item)
            keys.append(key[0] if key else label)
        if self._items.rowCount():
            self.completer_.complete()
            popup = self._popup()
            # A namesake is never picked for the clerk: with several of the first name, no row is
            # current and Enter picks nothing until one is chosen.
            popup.setCurrentIndex(self._items.index(0, 0) if keys.count(keys[0]) == 1 else QModelIndex())
        else:
            self._popup().hide()

    def _activated(self, index: QModelIndex) -> None:
        id_ = index.data(Qt.ItemDataRole.UserRole)
        if id_ is None:
            return
        self._id = int(id_)
        self.setText(index.data(Qt.ItemDataRole.DisplayRole))
        self.picked.emit(self._id)
