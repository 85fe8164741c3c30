"""Chấm điểm & Xếp hạng khối: a bloc's standings for a year, its rank history, a bar chart and
the proposal for the emulation flag and the merit certificates (from app.services.standings)."""

from __future__ import annotations

from app.changes import Changes
from app.errors import DomainError
from app.services.blocs import list_blocs
from app.services.browse import criteria_years
from app.services.standings import StandingRow, Standings, compute, rank_history
from app.storage.db import Database

from ..charts import Bar, BarChart
from ..error_catalogue import error_text
from ..labels import band, label, number, word
from ..operations import ShownPage, hub
from ..qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets.cells import cell_text

COLUMNS = (
    QT_TRANSLATE_NOOP("StandingsPage", "Hạng"),
    QT_TRANSLATE_NOOP("StandingsPage", "Đơn vị"),
    QT_TRANSLATE_NOOP("StandingsPage", "Vai trò"),
    QT_TRANSLATE_NOOP("StandingsPage", "Điểm tiêu chí"),
    QT_TRANSLATE_NOOP("StandingsPage", "Thưởng"),
    QT_TRANSLATE_NOOP("StandingsPage", "Trừ"),
    QT_TRANSLATE_NOOP("StandingsPage", "Tổng điểm"),
    QT_TRANSLATE_NOOP("StandingsPage", "Tự chấm"),
    QT_TRANSLATE_NOOP("StandingsPage", "Xếp loại"),
    QT_TRANSLATE_NOOP("StandingsPage", "Cách biệt"),
    QT_TRANSLATE_NOOP("StandingsPage", "Đề nghị"),
)


def _table() -> QTableWidget:
    table = QTableWidget()
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


# What the standings are computed from: a change to any of these shows at once.
STANDINGS_INPUTS = frozenset(
    {"score", "criterion", "bloc_membership", "bloc", "unit", "nomination", "decision"}
)


class StandingsPage(ShownPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.standings: Standings | None = None
        self.bloc = QComboBox()
        self.bloc.setObjectName("bloc")
        self.bloc.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year = QComboBox()
        self.year.setObjectName("year")
        self.bloc_label, self.year_label = QLabel(), QLabel()
        self.bloc_label.setBuddy(self.bloc)
        self.year_label.setBuddy(self.year)
        self.table = _table()
        self.table.setObjectName("standings")
        self.history = _table()
        self.history.setObjectName("history")
        self.chart = BarChart()
        self.proposal = QLabel()
        self.proposal.setObjectName("proposal")
        self.proposal.setWordWrap(True)
        self.proposal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_title = QLabel()

        pickers = QHBoxLayout()
        for widget in (self.bloc_label, self.bloc, self.year_label, self.year):
            pickers.addWidget(widget)
        pickers.addStretch(1)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history)
        lower_layout.addWidget(self.chart, 1)
        lower_layout.addWidget(history_box, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.proposal)
        self.bloc.currentIndexChanged.connect(lambda _i: self._bloc_changed())
        self.year.currentIndexChanged.connect(lambda _i: self.show_standings())
        self.retranslate()
        hub().data_changed.connect(self._data_changed)

    def _data_changed(self, changes: Changes) -> None:
        if self.db is not None and changes.touches(STANDINGS_INPUTS):
            self.refresh_soon()

    def refresh_now(self) -> None:
        self.show_standings()
        self._show_history()

    def set_database(self, db: Database) -> None:
        self.db = db
        self.bloc.blockSignals(True)
        self.bloc.clear()
        for bloc in list_blocs(db):
            self.bloc.addItem(f"{bloc.name} ({bloc.code})", bloc.id)
        self.bloc.blockSignals(False)
        self._bloc_changed()

    def select(self, bloc_code: str, year: int) -> None:
        for i in range(self.bloc.count()):
            if self.bloc.itemText(i).endswith(f"({bloc_code})"):
                self.bloc.setCurrentIndex(i)
        self.year.setCurrentIndex(max(self.year.findData(year), 0))

    def _bloc_changed(self) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        bloc_id = self.bloc.currentData()
        if self.db is not None and bloc_id is not None:
            for y in criteria_years(self.db, bloc_id):
                self.year.addItem(str(y), y)
        self.year.blockSignals(False)
        self.show_standings()
        self._show_history()

    # -- content -------------------------------------------------------------------------------
    def show_standings(self) -> None:
        bloc_id, year = self.bloc.currentData(), self.year.currentData()
        self.table.setRowCount(0)
        self.chart.set_bars([])
        self.standings = None
        if self.db is None or bloc_id is None or year is None:
            self.proposal.setText(translate("StandingsPage", "Chưa có khối nào có bảng chấm điểm."))
            return
        try:
            self.standings = compute(self.db, bloc_id, year)
        except DomainError as exc:
            self.proposal.setText(error_text(exc))
            return
        rows = self.standings.rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self._fill_row(r, row)
        self.chart.set_bars(
            [Bar(row.name, row.total if row.complete else None, row.proposal) for row in rows]
        )
        self._show_proposal()

    def _fill_row(self, r: int, row: StandingRow) -> None:
        cells = [
            (str(row.rank) if row.rank is not None else "—", True),
            (row.name, False),
            (label(row.role), False),
            (number(row.criteria_points), True),
            (number(row.bonus), True),
            (number(row.penalty), True),
            (number(row.total), True),
            (number(row.self_total) if row.self_total is not None else "", True),
            (band(row.band) if row.band else translate("StandingsPage", "Chưa đủ phiếu chấm"), False),
            (number(row.gap) if row.gap else "", True),
            (word(row.proposal) if row.proposal else "", False),
        ]
        for c, (text, right) in enumerate(cells):
            self.table.setItem(r, c, _item(text, right))

    def _show_proposal(self) -> None:
        assert self.standings is not None
        flags = [r.name for r in self.standings.rows if r.proposal == "flag"]
        merits = [r.name for r in self.standings.rows if r.proposal == "merit"]
        lines = [
            translate("StandingsPage", "Đề nghị Cờ thi đua: {0}").format(", ".join(flags) or "—"),
            translate("StandingsPage", "Đề nghị Bằng khen: {0}").format(", ".join(merits) or "—"),
        ]
        # The notes, said again from the rows in the interface's language (the service's are Vietnamese).
        if any(n.startswith("Đồng hạng dẫn đầu") for n in self.standings.notes):
            lines.append(translate("StandingsPage", "Đồng hạng dẫn đầu: {0} — khối bỏ phiếu suy tôn đơn vị đề nghị "
                                                    "Cờ thi đua.").format(", ".join(flags)))  # fmt: skip
        lines += [
            translate("StandingsPage", "{0}: phiếu chấm chưa đủ (thiếu tiêu chí {1}); chưa xếp hạng.").format(
                r.name, ", ".join(r.missing)
            )
            for r in self.standings.rows
            if not r.complete
        ]
        self.proposal.setText("\n".join(lines))

    def _show_history(self) -> None:
        bloc_id = self.bloc.currentData()
        self.history.clear()
        self.history.setRowCount(0)
        self.history.setColumnCount(0)
        if self.db is None or bloc_id is None:
            return
        try:
            history = rank_history(self.db, bloc_id)
        except DomainError:
            return
        years = sorted({y for ranks in history.values() for y in ranks})
        names = {r.unit_id: r.name for r in (self.standings.rows if self.standings else [])}
        self.history.setColumnCount(1 + len(years))
        self.history.setHorizontalHeaderLabels([translate("StandingsPage", "Đơn vị"), *map(str, years)])
        self.history.setRowCount(len(history))
        for r, (unit_id, ranks) in enumerate(sorted(history.items(), key=lambda kv: names.get(kv[0], ""))):
            self.history.setItem(r, 0, _item(names.get(unit_id, str(unit_id))))
            for c, y in enumerate(years, start=1):
                rank = ranks.get(y)
                self.history.setItem(r, c, _item(str(rank) if rank is not None else "—", True))

    def ranks_shown(self) -> list[tuple[str, str]]:
        """(unit name, rank text) as the table shows them — what the user reads."""
        return [
            (cell_text(self.table, r, 1), cell_text(self.table, r, 0)) for r in range(self.table.rowCount())
        ]

    def retranslate(self) -> None:
        self.bloc_label.setText(translate("StandingsPage", "Khối, cụm:"))
        self.year_label.setText(translate("StandingsPage", "Năm:"))
        self.history_title.setText(translate("StandingsPage", "Thứ hạng qua các năm"))
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("StandingsPage", c) for c in COLUMNS])
        if self.db is not None:
            self.show_standings()
            self._show_history()
