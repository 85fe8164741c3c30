"""Fitting text into a field's box: shrink by half points down to the field's smallest size,
wrapping at spaces where the field allows it. Nothing is ever cut: text that does not fit at the
smallest size is reported (:func:`fit` returns ``None``) and its certificate is not printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

STEP = 0.5  # points
LEADING = 1.2  # line spacing, as a multiple of the font size
LINE_HEIGHT = 1.1  # room one line needs (ascent + descent of Times-like faces)


@dataclass(frozen=True)
class Fitted:
    lines: tuple[str, ...]
    widths: tuple[float, ...]  # points, at ``size``
    size: float

    @property
    def leading(self) -> float:
        return self.size * LEADING


def _wrap(words: list[str], font: str, size: float, width: float) -> tuple[list[str], list[float]] | None:
    """Greedy wrap; ``None`` if one word alone is wider than the box (it would have to be cut)."""
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    widths: list[float] = []
    current: list[str] = []
    current_w = 0.0
    for word in words:
        w = stringWidth(word, font, size)
        if w > width:
            return None
        if current and current_w + space + w <= width:
            current.append(word)
            current_w += space + w
        else:
            if current:
                lines.append(" ".join(current))
                widths.append(current_w)
            current, current_w = [word], w
    if current:
        lines.append(" ".join(current))
        widths.append(current_w)
    return lines, widths


@lru_cache(maxsize=8192)
def fit(
    text: str, font: str, size: float, min_size: float, box_w_mm: float, box_h_mm: float, wrap: bool
) -> Fitted | None:
    """The largest size (≤ ``size``, ≥ ``min_size``) at which ``text`` fits the box, or ``None``."""
    width, height = box_w_mm * mm, box_h_mm * mm
    words = [w for w in text.split(" ") if w]
    current = size
    while current >= min_size - 1e-9:
        if wrap:
            wrapped = _wrap(words, font, current, width)
            if wrapped is not None:
                lines, widths = wrapped
                if (len(lines) - 1) * current * LEADING + current * LINE_HEIGHT <= height + 1e-6:
                    return Fitted(tuple(lines), tuple(widths), current)
        else:
            w = stringWidth(text, font, current)
            if w <= width and current * LINE_HEIGHT <= height + 1e-6:
                return Fitted((text,), (w,), current)
        current = round(current - STEP, 2)
    return None
