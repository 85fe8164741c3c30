"""A ReportLab chart (``Drawing``) painted into a PNG with Pillow, for the Word copy.

ReportLab's own rasteriser (renderPM) needs rlPyCairo and the cairo library, which pip cannot
install everywhere; Pillow comes with ReportLab. The charts of app.documents.charts are made of
rectangles, lines, polygons and strings (some rotated): those are painted here, in the document's
fonts; a shape of another kind is left out.
"""

from __future__ import annotations

import io
import math
from functools import cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, PolyLine, Rect, String, UserNode
from reportlab.lib.colors import Color

from ..certificates.fonts import font_family

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e,
            b * e2 + d * f2 + f)  # fmt: skip


def _rgb(color: Any) -> tuple[int, int, int] | None:
    if not isinstance(color, Color):
        return None
    r, g, b = color.rgb()
    return round(r * 255), round(g * 255), round(b * 255)


@cache
def _font(name: str, size_px: int) -> ImageFont.FreeTypeFont:
    fam = font_family()
    style = next((s for s, n in fam.names.items() if n == name), "regular")
    return ImageFont.truetype(str(fam.files[style]), size_px)


class _Painter:
    def __init__(self, d: Drawing, dpi: int) -> None:
        self.k = dpi / 72
        self.w, self.h = math.ceil(float(d.width) * self.k), math.ceil(float(d.height) * self.k)
        self.image = Image.new("RGB", (self.w, self.h), "white")
        self.draw = ImageDraw.Draw(self.image)

    def point(self, m: Matrix, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = m
        return (a * x + c * y + e) * self.k, self.h - (b * x + d * y + f) * self.k

    def node(self, n: Any, m: Matrix) -> None:
        if isinstance(n, UserNode):  # an axis, a label: the shapes it is drawn with
            self.node(n.provideNode(), m)
        elif isinstance(n, Group):
            m = _mul(m, tuple(n.transform)) if getattr(n, "transform", None) else m  # type: ignore[arg-type]
            for child in n.contents:
                self.node(child, m)
        elif isinstance(n, Rect):
            x, y, w, h = float(n.x), float(n.y), float(n.width), float(n.height)
            corners = [self.point(m, *p) for p in ((x, y), (x + w, y), (x + w, y + h), (x, y + h))]
            self.draw.polygon(corners, fill=_rgb(n.fillColor), outline=_rgb(n.strokeColor))
        elif isinstance(n, Line):
            color = _rgb(n.strokeColor)
            if color is not None:
                ends = [self.point(m, float(n.x1), float(n.y1)), self.point(m, float(n.x2), float(n.y2))]
                self.draw.line(ends, fill=color, width=max(1, round(float(n.strokeWidth or 1) * self.k)))
        elif isinstance(n, PolyLine | Polygon):
            pts = [float(v) for v in n.points]
            corners = [self.point(m, pts[i], pts[i + 1]) for i in range(0, len(pts) - 1, 2)]
            if len(corners) >= 2:
                if isinstance(n, Polygon):
                    self.draw.polygon(corners, fill=_rgb(n.fillColor), outline=_rgb(n.strokeColor))
                else:
                    self.draw.line(corners, fill=_rgb(n.strokeColor) or (0, 0, 0))
        elif isinstance(n, String):
            self.string(n, m)

    def string(self, s: String, m: Matrix) -> None:
        text = str(s.text)
        if not text:
            return
        font = _font(str(s.fontName), max(1, round(float(s.fontSize) * self.k)))
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(str(s.textAnchor), "ls")
        x, y = self.point(m, float(s.x), float(s.y))
        color = _rgb(s.fillColor) or (0, 0, 0)
        angle = math.degrees(math.atan2(m[1], m[0]))
        if abs(angle) < 0.5:
            self.draw.text((x, y), text, font=font, fill=color, anchor=anchor)
            return
        # Rotated: painted upright on its own square around the anchor, turned, laid on.
        side = 2 * math.ceil(font.getlength(text) + font.size) + 2
        patch = Image.new("RGBA", (side, side), (255, 255, 255, 0))
        ImageDraw.Draw(patch).text((side / 2, side / 2), text, font=font, fill=color, anchor=anchor)
        patch = patch.rotate(angle, resample=Image.Resampling.BICUBIC, center=(side / 2, side / 2))
        self.image.paste(patch, (round(x - side / 2), round(y - side / 2)), patch)


def chart_png(d: Drawing, dpi: int = 150) -> bytes:
    """The drawing (charts expanded into shapes) as a PNG."""
    painter = _Painter(d, dpi)
    painter.node(d, IDENTITY)
    out = io.BytesIO()
    painter.image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()
