"""Bar charts with reportlab.graphics, in the document's font (Vietnamese labels)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from .decree30 import styles

PALETTE = ("#1f4e79", "#c00000", "#548235", "#bf8f00", "#7030a0", "#2e75b6")


def bar_chart(
    labels: Sequence[str],
    series: Sequence[Sequence[float]],
    *,
    width: float = 160 * mm,
    height: float = 70 * mm,
    names: Sequence[str] = (),
    title: str = "",
) -> Drawing:
    st = styles()
    d = Drawing(width, height)
    chart = VerticalBarChart()
    # types-reportlab declares PlotArea's x, y, width and height int; points are floats.
    chart.x, chart.y = 12 * mm, 16 * mm if not names else 22 * mm  # type: ignore[assignment]
    chart.width, chart.height = width - 16 * mm, height - chart.y - (10 * mm if title else 4 * mm)  # type: ignore[assignment]
    chart.data = [list(s) for s in series] or [[0]]
    chart.categoryAxis.categoryNames = [str(x) for x in labels] or [""]
    chart.categoryAxis.labels.fontName = st.regular
    chart.categoryAxis.labels.fontSize = 8 if len(labels) > 8 else 9
    chart.categoryAxis.labels.angle = 30 if len(labels) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 6 else "n"
    chart.valueAxis.labels.fontName = st.regular
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.valueMin = 0
    top = max((max(s) for s in series if len(s)), default=1) or 1
    chart.valueAxis.valueMax = top * 1.15
    chart.barLabelFormat = _decimal_comma  # 95,5 as in the tables, not 95.5
    chart.barLabels.fontName = st.regular
    chart.barLabels.fontSize = 7.5
    chart.barLabels.nudge = 6
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        chart.bars[i].strokeColor = None
    d.add(chart)
    if title:
        d.add(String(width / 2, height - 6 * mm, title, fontName=st.bold, fontSize=11, textAnchor="middle"))
    for i, name in enumerate(names):
        x = 14 * mm + i * 40 * mm
        from reportlab.graphics.shapes import Rect

        swatch = Rect(x, 3 * mm, 4 * mm, 3 * mm)  # (types-reportlab mistypes Rect's **kw)
        swatch.fillColor, swatch.strokeColor = colors.HexColor(PALETTE[i % len(PALETTE)]), None
        d.add(swatch)
        d.add(String(x + 5 * mm, 3.3 * mm, name, fontName=st.regular, fontSize=8.5))
    return d


def _decimal_comma(value: float) -> str:
    return f"{value:.4g}".replace(".", ",")
