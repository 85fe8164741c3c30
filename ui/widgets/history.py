"""A nomination's history as the clerk reads it: each step's date, who, what changed, and why."""

from __future__ import annotations

import datetime as dt

from app.services.nomination_history import Step

from ..labels import label
from ..qt import QT_TRANSLATE_NOOP, QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, translate
from .cells import cell_text

NOTICE_STYLE = (
    "background: #fff8e1; color: #6d4c00; border: 1px solid #c68400; border-radius: 4px; padding: 6px;"
)
COLUMNS = (
    QT_TRANSLATE_NOOP("History", "Thời điểm"),
    QT_TRANSLATE_NOOP("History", "Người thực hiện"),
    QT_TRANSLATE_NOOP("History", "Bước"),
    QT_TRANSLATE_NOOP("History", "Lý do, kết quả"),
)


def local_time(at: dt.datetime) -> str:
    """A stored UTC time as the clerk's clock shows it."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")


class HistoryTable(QTableWidget):
    """Read-only: one row per step, oldest first."""

    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setObjectName("history")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([translate("History", c) for c in COLUMNS])

    def show_steps(self, steps: list[Step]) -> None:
        self.setRowCount(len(steps))
        for row, s in enumerate(steps):
            who = f"{s.full_name} ({s.username})" if s.full_name else s.username
            move = f"{label(s.from_status)} → {label(s.to_status)}" if s.from_status else label(s.to_status)
            details = "; ".join(t for t in (s.reason, s.votes, s.decision) if t)
            for column, text in enumerate((local_time(s.at), who, move, details)):
                self.setItem(row, column, QTableWidgetItem(text))
        self.resizeRowsToContents()

    def rows(self) -> list[list[str]]:
        """What the table shows (for tests and copying)."""
        return [[cell_text(self, r, c) for c in range(self.columnCount())] for r in range(self.rowCount())]
