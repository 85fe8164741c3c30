"""The shape every list page shares: a search box, filters, actions, and a lazy table.

The table's model reads pages of rows from a service row source (``app.services.browse``); the
search box is folded and matched anywhere in the name by SQL; clicking a header sorts in SQL
where the source allows it. Which columns show, their widths and order are remembered per list.
A page refreshes itself when an operation changed a kind of record it shows (``shows``; the
operations' hub, ui.operations): whoever saved, from whichever dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from app.auth import Permission, can
from app.changes import Changes
from app.services.browse import Source
from app.storage.db import Database

from ..messages import show_error
from ..models.lazy_table import LazyTableModel
from ..operations import hub
from ..qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QAction,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMenu,
    QPoint,
    QPushButton,
    QShortcut,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..settings import Settings

SEARCH_DELAY_MS = 150


class ListPage(QWidget):
    list_name = "list"
    context = "ListPage"
    columns: tuple[tuple[str, str], ...] = ()  # (source key, title in context "Columns")
    right_aligned: tuple[str, ...] = ()
    widths: dict[str, int] = {}  # first-run column widths (the user's own are remembered)
    search_hint = QT_TRANSLATE_NOOP("ListPage", "Tìm theo tên (gõ không dấu cũng được)…")
    shows: frozenset[str] = frozenset()  # the kinds of record (tables) whose change refreshes the list

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db: Database | None = None
        self.model: LazyTableModel | None = None
        self._buttons: list[tuple[QPushButton, str]] = []
        self._needs: dict[QPushButton, Permission] = {}  # buttons the role may lack (app.auth)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_search)

        self.filters = QHBoxLayout()
        self.actions_row = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        self.view = QTableView()
        self.view.setObjectName("table")
        self.view.verticalHeader().hide()  # a visible one costs 25× on refilter of a million rows
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.doubleClicked.connect(lambda _i: self.edit_current())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._row_menu)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._sort_clicked)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionResized.connect(lambda *_: self._save_header())
        header.sectionMoved.connect(lambda *_: self._save_header())

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addLayout(self.filters)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.actions_row)
        self.body = QHBoxLayout()
        self.body.addWidget(self.view, 1)
        layout.addLayout(self.body, 1)
        self.dialog: QDialog | None = None
        self._build()
        self.actions_row.addStretch(1)
        QShortcut(
            QKeySequence.StandardKey.Find,
            self,
            self.search.setFocus,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.view,
            self.edit_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.retranslate()
        hub().data_changed.connect(self._data_changed)

    # -- what pages add ------------------------------------------------------------------------
    def _build(self) -> None:
        """Add filter widgets to ``self.filters`` and buttons with :meth:`add_button`."""

    def make_source(self, db: Database) -> Source:
        raise NotImplementedError

    def edit_current(self) -> None:
        """Open the current row's form (pages that can edit override)."""

    def row_actions(self) -> list[tuple[str, Callable[[], object]]]:
        """The right-click menu of a row: (translated text, slot) pairs; none by default."""
        return []

    def _row_menu(self, pos: QPoint) -> None:
        actions = self.row_actions()
        index = self.view.indexAt(pos)
        if not actions or not index.isValid():
            return
        self.view.setCurrentIndex(index)
        self.row_menu = QMenu(self)
        for text, slot in actions:
            self.row_menu.addAction(text, slot)
        self.row_menu.popup(self.view.viewport().mapToGlobal(pos))

    def add_button(self, text: str, slot: Callable[[], object], name: str, shortcut: str | None = None,
                   permission: Permission | None = None) -> QPushButton:  # fmt: skip
        """A button of the actions row; with ``permission``, disabled for roles without it (the
        service refuses them anyway: this only spares a click)."""
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        if shortcut:
            QShortcut(
                QKeySequence(shortcut), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            button.setToolTip(shortcut)
        self._buttons.append((button, text))
        if permission is not None:
            self._needs[button] = permission
        self.actions_row.addWidget(button)
        return button

    # -- database ------------------------------------------------------------------------------
    def set_database(self, db: Database) -> None:
        self.db = db
        for button, permission in self._needs.items():
            button.setEnabled(can(db.actor, permission))
        source = self.make_source(db)
        if self.model is None:
            self.model = LazyTableModel(
                source, dict(self.columns), right_aligned=self.right_aligned, parent=self
            )
            self.model.failed.connect(lambda message: show_error(self, message))
            self.model.modelReset.connect(self._update_count)
            self.view.setModel(self.model)
            self._restore_header()
        else:
            self.model.set_source(source)
        self._update_count()

    def refresh(self) -> None:
        if self.model is not None:
            self.model.refresh()

    def _data_changed(self, changes: Changes) -> None:
        if self.db is not None and changes.touches(self.shows):
            self.data_changed(changes)

    def data_changed(self, _changes: Changes) -> None:
        """What this page does when records it shows changed (pages with side lists add theirs)."""
        self.refresh()

    def apply_search(self) -> None:
        self._search_timer.stop()
        if self.model is not None:
            self.model.set_text(self.search.text())

    def selected_ids(self) -> list[int]:
        if self.model is None:
            return []
        rows = [i.row() for i in self.view.selectionModel().selectedRows()]
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return self.model.ids(rows)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.row_id(index.row()) if self.model is not None and index.isValid() else None

    def open_dialog(self, dialog: QDialog, on_saved: Callable[[], object] | None = None) -> QDialog:
        """Show a form without blocking (window-modal); ``on_saved`` runs when it is accepted (the
        lists refresh themselves from what its save changed)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_saved is not None:
            dialog.accepted.connect(on_saved)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    # -- header: sort, columns, remembered state ------------------------------------------------
    def _sort_clicked(self, column: int) -> None:
        assert self.model is not None
        header = self.view.horizontalHeader()
        q = self.model.query
        current = self.model.keys.index(q.sort) if q.sort in self.model.keys else None
        if not self.model.sortable(column):
            self._show_sort_indicator()
            return
        descending = (not q.descending) if current == column else False
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.model.sort(column, order)
        header.setSortIndicator(column, order)
        self._save_header()

    def _show_sort_indicator(self) -> None:
        assert self.model is not None
        q = self.model.query
        key = q.sort if q.sort in self.model.keys else self.model.source.default_sort
        column = self.model.keys.index(key) if key in self.model.keys else -1
        order = Qt.SortOrder.DescendingOrder if q.descending else Qt.SortOrder.AscendingOrder
        self.view.horizontalHeader().setSortIndicator(column, order)

    def _column_menu(self, pos: QPoint) -> None:
        if self.model is None:
            return
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            action = QAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(pos))

    def show_column(self, column: int, shown: bool) -> None:
        header = self.view.horizontalHeader()
        visible = sum(not header.isSectionHidden(c) for c in range(header.count()))
        if not shown and visible <= 1:
            return  # keep at least one column
        header.setSectionHidden(column, not shown)
        self._save_header()

    def _save_header(self) -> None:
        if self.model is not None:
            self.settings.set_header_state(
                self.list_name, self.view.horizontalHeader().saveState(), self.model.keys
            )

    def _restore_header(self) -> None:
        assert self.model is not None
        state = self.settings.header_state(self.list_name, self.model.keys)
        header = self.view.horizontalHeader()
        if state is None or not header.restoreState(state):
            for key, width in self.widths.items():
                if key in self.model.keys:
                    header.resizeSection(self.model.column_of(key), width)
            self.fit_headers()
        # The sort shown is the sort applied: put the saved indicator back into the query.
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if state is not None and self.model.sortable(column):
            self.model.sort(column, order)
        else:
            self._show_sort_indicator()

    # -- text ----------------------------------------------------------------------------------
    def _update_count(self) -> None:
        count = self.model.rowCount() if self.model is not None else 0
        self.count_label.setText(translate("ListPage", "{0} dòng").format(f"{count:,}".replace(",", ".")))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("ListPage", self.search_hint))
        for button, text in self._buttons:
            button.setText(translate(self.context, text))
        self._retranslate_filters()
        if self.model is not None:
            self.model.retranslate()
            self.fit_headers()
        self._update_count()

    def fit_headers(self) -> None:
        """Widen a column whose title would be cut (a translation may be longer than the source)."""
        header = self.view.horizontalHeader()
        for column in range(header.count()):
            needed = header.sectionSizeFromContents(column).width()
            if not header.isSectionHidden(column) and header.sectionSize(column) < needed:
                header.resizeSection(column, needed)

    def _retranslate_filters(self) -> None:
        """Pages with filter widgets re-label them here."""
