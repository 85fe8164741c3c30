"""A horizontal bar chart drawn with QPainter: one bar per unit, its total, the proposal marked.

Small and dependency-free (no QtCharts module to ship); it redraws from plain data.
"""

from __future__ import annotations

from dataclasses import dataclass

from .qt import QColor, QPainter, QPaintEvent, QRectF, QSize, Qt, QWidget

FLAG = QColor("#c62828")
MERIT = QColor("#ef8f00")
OTHER = QColor("#1565c0")
INCOMPLETE = QColor("#9e9e9e")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: not ranked (score sheet incomplete)
    kind: str = ""  # "flag" | "merit" | ""


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chart")
        self.bars: list[Bar] = []
        self.maximum = 100.0
        self.setMinimumHeight(160)

    def set_bars(self, bars: list[Bar], maximum: float | None = None) -> None:
        self.bars = bars
        values = [b.value for b in bars if b.value is not None]
        self.maximum = maximum or max([*values, 1.0])
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(420, max(160, 24 * len(self.bars) + 16))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.bars:
            return
        metrics = painter.fontMetrics()
        label_w = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12, self.width() // 2)
        value_w = metrics.horizontalAdvance("100,00") + 10
        row_h = max(18.0, min(28.0, (self.height() - 8) / len(self.bars)))
        span = max(self.width() - label_w - value_w - 8, 10)
        for i, bar in enumerate(self.bars):
            top = 4 + i * row_h
            text_rect = QRectF(4, top, label_w - 8, row_h)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                text_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(text_rect.width())),
            )
            if bar.value is None:
                continue
            width = span * max(0.0, bar.value) / self.maximum
            color = {"flag": FLAG, "merit": MERIT}.get(bar.kind, OTHER)
            painter.fillRect(QRectF(label_w, top + 3, width, row_h - 6), color)
            value = f"{bar.value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            painter.drawText(
                QRectF(label_w + width + 4, top, value_w, row_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                value,
            )
        painter.end()
