"""Drawing certificates with ReportLab's canvas (no Platypus, no markup: user text is drawn as
text, never parsed). The printed design (border, emblem, fixed texts) is one form XObject per
layout, drawn once and placed on every page; fonts are registered once per process.

Coordinates in layouts are millimetres from the sheet's top-left corner; calibration offsets
move every printed field right (x) and down (y) by that many millimetres.
"""

from __future__ import annotations

import math
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from . import qr
from .compose import design_fields
from .fitting import Fitted
from .fonts import FontFamily
from .layouts import FieldSpec, Layout

# No Platypus markup is used here, but keep ReportLab from fetching anything should a later
# change render user text as a Paragraph (reliability.md: <img src=...> read local files).
rl_config.trustedSchemes = []
rl_config.trustedHosts = []

FULL, BLANK = "full", "blank"
_colours: dict[str, HexColor] = {}


def colour(value: str) -> HexColor:
    found = _colours.get(value)
    if found is None:
        found = _colours[value] = HexColor(value)
    return found


class CertificateCanvas:
    """One PDF being written: certificates and alignment pages, in any order."""

    def __init__(
        self,
        fileobj: BinaryIO,
        family: FontFamily,
        *,
        mode: str = FULL,
        offset_mm: tuple[float, float] = (0.0, 0.0),
        title: str = "Giấy chứng nhận khen thưởng",
    ) -> None:
        if mode not in (FULL, BLANK):
            raise ValueError(mode)
        self.family = family
        self.mode = mode
        self.dx, self.dy = offset_mm[0] * mm, offset_mm[1] * mm
        self.c = Canvas(fileobj, pageCompression=1)
        self.c.setTitle(title)
        self.c.setCreator("Sổ Thi đua")
        self._forms: set[str] = set()
        self._ascent = {
            style: pdfmetrics.getFont(name).face.ascent / 1000 for style, name in family.names.items()
        }
        self.pages = 0

    # -- pages ---------------------------------------------------------------------------
    def _start(self, layout: Layout) -> float:
        w, h = layout.page_mm[0] * mm, layout.page_mm[1] * mm
        if self.c._pagesize != (w, h):
            self.c.setPageSize((w, h))
        return h

    def certificate(self, layout: Layout, fields: dict[str, Fitted], qr_text: str) -> None:
        """One certificate page: the design (full mode), the variable fields and the QR code."""
        page_h = self._start(layout)
        if self.mode == FULL:
            self.c.doForm(self._design_form(layout))
            dx = dy = 0.0
        else:
            dx, dy = self.dx, self.dy
        self._draw_fields(layout, fields, page_h, dx, dy)
        if layout.qr is not None and qr_text:
            self._draw_qr(layout.qr, qr_text, page_h, dx, dy)
        self.c.showPage()
        self.pages += 1

    def _draw_fields(self, layout: Layout, fields: dict[str, Fitted], page_h: float, dx: float, dy: float) -> None:
        c = self.c
        tx = c.beginText()
        underlines = []
        current = None
        for spec in layout.fields:
            fitted = fields.get(spec.name)
            if fitted is None:
                continue
            tx.setFont(self.family.name(spec.style), fitted.size)
            if spec.color != current:
                tx.setFillColor(colour(spec.color))
                current = spec.color
            for x, y, line, width in self._lines(spec, fitted, page_h, dx, dy):
                tx.setTextOrigin(x, y)
                tx.textOut(line)
                if spec.underline:
                    underlines.append((spec, fitted.size, x, y, width))
        c.drawText(tx)
        for spec, size, x, y, width in underlines:
            c.setStrokeColor(colour(spec.color))
            c.setLineWidth(max(0.5, size * 0.06))
            c.line(x, y - size * 0.15, x + width, y - size * 0.15)

    def _lines(self, spec: FieldSpec, fitted: Fitted, page_h: float, dx: float, dy: float):  # type: ignore[no-untyped-def]
        bx, by, bw, bh = (v * mm for v in spec.box)
        size, leading = fitted.size, fitted.leading
        n = len(fitted.lines)
        block = (n - 1) * leading + size * 1.1
        top = page_h - by - dy - (bh - block) / 2
        baseline = top - size * self._ascent[spec.style] - size * 0.05
        left = bx + dx
        for i, (line, width) in enumerate(zip(fitted.lines, fitted.widths, strict=True)):
            if spec.align == "left":
                x = left
            elif spec.align == "right":
                x = left + bw - width
            else:
                x = left + (bw - width) / 2
            yield x, baseline - i * leading, line, width

    def _draw_qr(self, box: tuple[float, float, float], text: str, page_h: float, dx: float, dy: float) -> None:
        n, matrix = qr.encode_int(text)
        side = box[2] * mm
        module = side / (n + 8)  # four modules of quiet zone on each side, inside the box
        size = module * n
        x = box[0] * mm + dx + 4 * module
        y = page_h - box[1] * mm - dy - side + 4 * module
        data = qr.image_rows(n, matrix).hex()
        self.c.addLiteral(
            f"q {size:.3f} 0 0 {size:.3f} {x:.3f} {y:.3f} cm "
            f"BI /W {n} /H {n} /BPC 1 /CS /G /F /AHx ID {data}> EI Q"
        )

    # -- the printed design ----------------------------------------------------------------
    def _design_form(self, layout: Layout) -> str:
        name = f"design_{layout.key}"
        if name in self._forms:
            return name
        c = self.c
        w, h = layout.page_mm[0] * mm, layout.page_mm[1] * mm
        c.beginForm(name, 0, 0, w, h)
        _border(c, w, h, colour(layout.border_color), colour(layout.accent_color))
        ex, ey, er = layout.emblem
        _emblem(c, ex * mm, h - ey * mm, er * mm)
        fixed = design_fields(layout, self.family)
        self._draw_fields(layout, fixed, h, 0.0, 0.0)
        c.endForm()
        self._forms.add(name)
        return name

    # -- calibration -----------------------------------------------------------------------
    def alignment_page(self, layout: Layout) -> None:
        """A grid every 10 mm and each printed field's box and name, offsets applied, to hold
        against a blank sheet (phôi) and read how far the printer is off."""
        c = self.c
        page_h = self._start(layout)
        w = layout.page_mm[0] * mm
        font = self.family.name("regular")
        grey, dark, blue = colour("#BBBBBB"), colour("#555555"), colour("#1F4E9E")
        for step in range(0, int(layout.page_mm[0]) + 1, 10):
            c.setStrokeColor(dark if step % 50 == 0 else grey)
            c.setLineWidth(0.6 if step % 50 == 0 else 0.25)
            c.line(step * mm, 0, step * mm, page_h)
        for step in range(0, int(layout.page_mm[1]) + 1, 10):
            c.setStrokeColor(dark if step % 50 == 0 else grey)
            c.setLineWidth(0.6 if step % 50 == 0 else 0.25)
            c.line(0, page_h - step * mm, w, page_h - step * mm)
        c.setFillColor(dark)
        c.setFont(font, 6)
        for step in range(50, int(layout.page_mm[0]), 50):
            c.drawString(step * mm + 1, page_h - 4 * mm, f"{step}")
        for step in range(50, int(layout.page_mm[1]), 50):
            c.drawString(1 * mm, page_h - step * mm - 3 * mm, f"{step}")
        c.setStrokeColor(blue)
        c.setFillColor(blue)
        c.setLineWidth(0.6)
        boxes = [(s.box, f"{s.label} ({s.name})") for s in layout.fields if self.mode == FULL or not s.design]
        if layout.qr is not None:
            qx, qy, qs = layout.qr
            boxes.append(((qx, qy, qs, qs), "Mã QR"))
        for (x, y, bw, bh), label in boxes:
            left, top = x * mm + self.dx, page_h - y * mm - self.dy
            c.rect(left, top - bh * mm, bw * mm, bh * mm, stroke=1, fill=0)
            c.setFont(font, 6)
            c.drawString(left + 0.8 * mm, top - 2.4 * mm, label)
        c.setFont(self.family.name("bold"), 9)
        c.drawCentredString(
            w / 2,
            page_h - 33 * mm,
            f"TRANG CĂN CHỈNH — mẫu «{layout.name}» — lệch x = {self.dx / mm:g} mm, y = {self.dy / mm:g} mm",
        )
        c.setLineWidth(1)
        c.line(w / 2 - 50 * mm, page_h - 37 * mm, w / 2 + 50 * mm, page_h - 37 * mm)
        c.setFont(font, 7)
        c.drawCentredString(w / 2, page_h - 40.5 * mm, "đoạn thẳng dài đúng 100 mm (kiểm tra tỉ lệ in 100 %)")
        c.showPage()
        self.pages += 1

    def save(self) -> None:
        self.c.save()


def _border(c: Canvas, w: float, h: float, gold: HexColor, red: HexColor) -> None:
    c.saveState()
    c.setStrokeColor(gold)
    c.setLineWidth(3.2)
    c.rect(6 * mm, 6 * mm, w - 12 * mm, h - 12 * mm)
    c.setLineWidth(0.7)
    c.rect(10.5 * mm, 10.5 * mm, w - 21 * mm, h - 21 * mm)
    c.setStrokeColor(red)
    c.setLineWidth(1.1)
    c.rect(9 * mm, 9 * mm, w - 18 * mm, h - 18 * mm)
    # a band of small diamonds between the outer frames
    c.setFillColor(gold)
    c.setStrokeColor(gold)
    band = 7.6 * mm
    step = 5 * mm
    d = 0.9 * mm
    x = 14 * mm
    while x < w - 14 * mm:
        for y in (band, h - band):
            _diamond(c, x, y, d)
        x += step
    y = 14 * mm
    while y < h - 14 * mm:
        for x in (band, w - band):
            _diamond(c, x, y, d)
        y += step
    # corner ornaments
    for cx, cy in ((13 * mm, 13 * mm), (w - 13 * mm, 13 * mm), (13 * mm, h - 13 * mm), (w - 13 * mm, h - 13 * mm)):
        c.setFillColor(red)
        _diamond(c, cx, cy, 4.2 * mm)
        c.setFillColor(gold)
        _diamond(c, cx, cy, 2.4 * mm)
    c.restoreState()


def _diamond(c: Canvas, x: float, y: float, r: float) -> None:
    p = c.beginPath()
    p.moveTo(x, y + r)
    p.lineTo(x + r, y)
    p.lineTo(x, y - r)
    p.lineTo(x - r, y)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


def _emblem(c: Canvas, x: float, y: float, r: float) -> None:
    """A placeholder for the national emblem: gold cogged ring, red disc, yellow star."""
    c.saveState()
    gold, red, yellow = colour("#C9A227"), colour("#C8102E"), colour("#FFD400")
    c.setFillColor(gold)
    teeth = 24
    for i in range(teeth):
        a = 2 * math.pi * i / teeth
        _diamond(c, x + r * 0.98 * math.cos(a), y + r * 0.98 * math.sin(a), r * 0.1)
    c.circle(x, y, r * 0.95, stroke=0, fill=1)
    c.setFillColor(red)
    c.circle(x, y, r * 0.8, stroke=0, fill=1)
    c.setFillColor(yellow)
    p = c.beginPath()
    outer, inner = r * 0.55, r * 0.55 * 0.382
    for i in range(10):
        a = math.pi / 2 + i * math.pi / 5
        rad = outer if i % 2 == 0 else inner
        px, py = x + rad * math.cos(a), y + rad * math.sin(a)
        if i == 0:
            p.moveTo(px, py)
        else:
            p.lineTo(px, py)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.restoreState()
