"""Drawing certificates with ReportLab (no Platypus, no markup: user text is drawn as text, never
parsed). The printed design (border, emblem, flags, fixed texts) is one form XObject per layout,
and the fields every award of a decision shares (official, decision, place and date, signer) are
one form per decision: each is drawn once and placed on every page. Fonts are registered once per
process.

Certificate pages skip the canvas's per-page machinery, which dominated big batches: a page's
content is one string of operators joined from pieces cached per document (a field's text,
encoded for the font's subsets and placed, is built once per distinct text), then added by
:mod:`.pdf_pages` with its QR code as an image XObject. Text is encoded as ReportLab's font encodes
it (``splitString``; a codec map of the characters already assigned takes its place), so
subsetting and text extraction are the canvas's own. Alignment pages and forms use the canvas.

Coordinates in layouts are millimetres from the sheet's top-left corner; calibration offsets
move every printed field right (x) and down (y) by that many millimetres.
"""

from __future__ import annotations

import codecs
import math
from typing import TYPE_CHECKING, BinaryIO, Protocol, cast

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDocument, xObjectName
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from . import qr
from .compose import design_fields
from .fitting import LEADING, Fitted
from .fonts import FontFamily, tt_font
from .head_code import HEAD_CODE
from .layouts import FieldSpec, Layout
from .pdf_pages import PageWriter

if TYPE_CHECKING:
    from _codecs import _EncodingMap

# No Platypus markup is used here, but keep ReportLab from fetching anything should a later
# change render user text as a Paragraph (reliability.md: <img src=...> read local files).
rl_config.trustedSchemes = []
rl_config.trustedHosts = []

FULL, BLANK = "full", "blank"
_colours: dict[str, Color] = {}


class _CanvasInternals(Protocol):
    """The parts of ReportLab's canvas used here that its type stubs leave out (private)."""

    _doc: PDFDocument
    _pagesize: tuple[float, float]
    _code: list[str]

    def _escape(self, s: str | bytes) -> str: ...


def colour(value: str) -> Color:
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
        self._raw = cast(_CanvasInternals, self.c)
        self.c.setTitle(title)
        self.c.setCreator("Sổ Thi đua")
        self.head_code = HEAD_CODE.get()  # the book's code, set by the batch (head_code.stamped)
        if self.head_code:
            self.c.setSubject(f"Mã nhật ký: {self.head_code}")
            self.c.setKeywords(f"Mã nhật ký: {self.head_code}")
        self._forms: set[str] = set()
        self._ascent = {style: tt_font(name).face.ascent / 1000 for style, name in family.names.items()}
        self._text: dict[tuple[str, float, str], str] = {}  # (font, size, text) -> "Tf … Tj" operators
        self._subset0: dict[str, tuple[dict[int, int] | _EncodingMap, str]] = {}
        self._field_ops: dict[tuple[int, int, float, float, float], tuple[Fitted, str, str]] = {}
        self._writer = PageWriter(self._raw._doc)
        self._shared: dict[tuple[object, ...], str] = {}  # (layout, fitted batch-wide fields) -> form name
        self.pages = 0

    # -- pages ---------------------------------------------------------------------------
    def _start(self, layout: Layout) -> float:
        w, h = layout.page_mm[0] * mm, layout.page_mm[1] * mm
        if self._raw._pagesize != (w, h):
            self.c.setPageSize((w, h))
        return h

    def certificate(self, layout: Layout, fields: dict[str, Fitted], qr_text: str) -> None:
        """One certificate page: the design (full mode), the variable fields and the QR code."""
        page_h = layout.page_mm[1] * mm
        parts = []
        forms: tuple[str, ...]
        if self.mode == FULL:
            forms = (self._design_form(layout), self._shared_form(layout, fields))
            parts.append(f"/{xObjectName(forms[0])} Do /{xObjectName(forms[1])} Do\n")
            dx = dy = 0.0
            shared = layout_shared(layout)
            fields = {k: v for k, v in fields.items() if k not in shared}
        else:
            forms = ()
            dx, dy = self.dx, self.dy
        text, graphics = self._fields_ops(layout, fields, page_h, dx, dy)
        parts += ("BT\n", text, "ET\n", graphics)
        image = None
        if layout.qr is not None and qr_text:
            image = qr.encode_image(qr_text)
            parts.append(self._qr_ops(layout.qr, image[0], page_h, dx, dy))
        content = "".join(parts).encode("latin-1")
        self._writer.add((layout.page_mm[0] * mm, page_h), content, forms, image)
        self.pages += 1

    def _fields_ops(
        self, layout: Layout, fields: dict[str, Fitted], page_h: float, dx: float, dy: float
    ) -> tuple[str, str]:
        """(text operators for inside BT … ET, graphics operators for the underlines)."""
        text, graphics = [], []
        cache = self._field_ops
        for spec in layout.fields:
            fitted = fields.get(spec.name)
            if fitted is None:
                continue
            # by identity (hashing a Fitted hashes its lines); the entry keeps the Fitted alive
            key = (id(spec), id(fitted), page_h, dx, dy)
            found = cache.get(key)
            if found is None or found[0] is not fitted:
                found = cache[key] = (fitted, *self._field(spec, fitted, page_h, dx, dy))
            text.append(found[1])
            if found[2]:
                graphics.append(found[2])
        return "".join(text), "".join(graphics)

    def _field(self, spec: FieldSpec, fitted: Fitted, page_h: float, dx: float, dy: float) -> tuple[str, str]:
        font = self.family.name(spec.style)
        rgb = colour(spec.color)
        fill = f"{fp_str(rgb.red, rgb.green, rgb.blue)} rg\n"
        text, lines = [fill], []
        for x, y, line, width in self._lines(spec, fitted, page_h, dx, dy):
            text.append(f"{fp_str(1, 0, 0, 1, x, y)} Tm {self._encoded(font, fitted.size, line)}\n")
            if spec.underline:
                under = y - fitted.size * 0.15
                lines.append(f"{fp_str(x, under)} m {fp_str(x + width, under)} l S\n")
        graphics = ""
        if lines:
            stroke = fp_str(max(0.5, fitted.size * 0.06))
            graphics = f"q {fp_str(rgb.red, rgb.green, rgb.blue)} RG {stroke} w\n{''.join(lines)}Q\n"
        return "".join(text), graphics

    def _encoded(self, font_name: str, size: float, text: str) -> str:
        """``/F1+0 14 Tf (…) Tj`` for each run of ``text`` in one subset of the font."""
        key = (font_name, size, text)
        found = self._text.get(key)
        if found is not None:
            return found
        escape = self._raw._escape
        fast = self._subset0.get(font_name)
        data = None
        if fast is not None:
            try:  # noqa: SIM105 - contextlib.suppress costs more than the encoding
                data = codecs.charmap_encode(text, "strict", fast[0])[0]
            except UnicodeEncodeError:  # a character the first subset lacks (yet)
                pass
        if data is not None and fast is not None:  # (data is only set from fast)
            found = f"{fast[1]} {fp_str(size)} Tf ({escape(data)}) Tj"
        else:  # ReportLab assigns the new characters
            font = tt_font(font_name)
            doc, points = self._raw._doc, fp_str(size)
            found = " ".join(
                f"{font.getSubsetInternalName(subset, doc)} {points} Tf ({escape(chunk)}) Tj"
                for subset, chunk in font.splitString(text, doc)
            )
            self._subset0[font_name] = self._first_subset(font)
        self._text[key] = found
        return found

    def _first_subset(self, font: TTFont) -> tuple[dict[int, int] | _EncodingMap, str]:
        """A codec map of the characters the document's first subset of ``font`` already holds,
        and the subset's PDF name: text made only of them is encoded as ``splitString`` would,
        by one C call instead of its per-character loop. (Unassigned codes hold U+FFFE, which
        no font has a glyph for: such text is refused before printing.)"""
        doc = self._raw._doc
        table = ["\ufffe"] * 256
        assignments = font.state[doc].assignments  # type: ignore[attr-defined]  # set by State.__init__, missing from types-reportlab
        for char, code in assignments.items():
            if code < 256 and char != 0xA0:
                table[code] = chr(char)
        return codecs.charmap_build("".join(table)), font.getSubsetInternalName(0, doc)

    def _draw_fields(
        self, layout: Layout, fields: dict[str, Fitted], page_h: float, dx: float, dy: float
    ) -> None:
        """The same operators on the canvas (the design form)."""
        text, graphics = self._fields_ops(layout, fields, page_h, dx, dy)
        self._raw._code.append(f"BT\n{text}ET\n{graphics}")

    def _lines(
        self, spec: FieldSpec, fitted: Fitted, page_h: float, dx: float, dy: float
    ) -> list[tuple[float, float, str, float]]:
        """(x, baseline y, text, width) of each line of a field, in points."""
        bx, by, bw, bh = spec.box[0] * mm, spec.box[1] * mm, spec.box[2] * mm, spec.box[3] * mm
        size = fitted.size
        leading = size * LEADING
        block = (len(fitted.lines) - 1) * leading + size * 1.1
        top = page_h - by - dy - (bh - block) / 2
        baseline = top - size * self._ascent[spec.style] - size * 0.05
        left = bx + dx
        out = []
        for i, (line, width) in enumerate(zip(fitted.lines, fitted.widths, strict=True)):
            if spec.align == "left":
                x = left
            elif spec.align == "right":
                x = left + bw - width
            else:
                x = left + (bw - width) / 2
            out.append((x, baseline - i * leading, line, width))
        return out

    def _qr_ops(self, box: tuple[float, float, float], n: int, page_h: float, dx: float, dy: float) -> str:
        side = box[2] * mm
        module = side / (n + 8)  # four modules of quiet zone on each side, inside the box
        size = module * n
        x = box[0] * mm + dx + 4 * module
        y = page_h - box[1] * mm - dy - side + 4 * module
        return f"q {size:.3f} 0 0 {size:.3f} {x:.3f} {y:.3f} cm /QR Do Q\n"

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
        if layout.flags:
            _flags(c, ex * mm, h - ey * mm, er * mm)
        _emblem(c, ex * mm, h - ey * mm, er * mm)
        fixed = design_fields(layout, self.family)
        self._draw_fields(layout, fixed, h, 0.0, 0.0)
        c.endForm()
        self._forms.add(name)
        return name

    def _shared_form(self, layout: Layout, fields: dict[str, Fitted]) -> str:
        """The fields every certificate of a decision has alike (awarding official, decision,
        place and date, signer), as one form per distinct set of texts: drawn once, placed on
        each page, instead of repeated in every page's content."""
        names = layout_shared(layout)
        key = (layout.key, *(fields.get(n) for n in names))
        name = self._shared.get(key)
        if name is None:
            name = self._shared[key] = f"fields_{layout.key}_{len(self._shared)}"
            w, h = layout.page_mm[0] * mm, layout.page_mm[1] * mm
            self.c.beginForm(name, 0, 0, w, h)
            self._draw_fields(layout, {n: fields[n] for n in names if n in fields}, h, 0.0, 0.0)
            self.c.endForm()
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
        if self.head_code:
            c.drawString(12 * mm, 6 * mm, f"Mã nhật ký: {self.head_code}")
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


def layout_shared(layout: Layout) -> frozenset[str]:
    """Names of the fields whose text depends only on the decision (see :data:`SHARED_VARIABLES`)."""
    found = _shared_names.get(id(layout))
    if found is None or found[0] is not layout:  # keyed by id: hashing a layout hashes all its fields
        if len(_shared_names) > 256:  # the layout editor makes a new Layout per change
            _shared_names.clear()
        names = frozenset(
            f.name
            for f in layout.fields
            if not f.design and f.variables and SHARED_VARIABLES.issuperset(f.variables)
        )
        found = _shared_names[id(layout)] = (layout, names)
    return found[1]


# Template variables with the same value for every award of one decision.
SHARED_VARIABLES = frozenset({
    "official", "decision_number", "decision_date", "decision_date_short", "place", "place_date", "issuer",
    "signer_authority", "signer_title", "signer_name",
})  # fmt: skip
_shared_names: dict[int, tuple[Layout, frozenset[str]]] = {}


def _border(c: Canvas, w: float, h: float, gold: Color, red: Color) -> None:
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
    for cx, cy in (
        (13 * mm, 13 * mm),
        (w - 13 * mm, 13 * mm),
        (13 * mm, h - 13 * mm),
        (w - 13 * mm, h - 13 * mm),
    ):
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


FLAG_RED, FLAG_YELLOW = "#DA251D", "#FFFF00"


def flag_shapes(x: float, y: float, r: float) -> list[tuple[tuple[float, float], ...]]:
    """The two flags beside an emblem of radius ``r`` centred at (x, y): for each, its pole
    (bottom, top) and the corners of the cloth (hoist top, fly top, fly bottom, hoist bottom).
    The poles lean outwards from behind the emblem; the cloth hangs from the pole's top, its
    hoist along the pole, 3:2 like the national flag."""
    shapes: list[tuple[tuple[float, float], ...]] = []
    for side in (-1, 1):
        bottom = (x + side * 0.7 * r, y - 0.7 * r)
        top = (x + side * 1.5 * r, y + 0.85 * r)
        height, width = 0.8 * r, 1.2 * r
        run = (top[0] - bottom[0]) / (top[1] - bottom[1]) * height  # the pole's sideways run over the hoist
        hoist_low = (top[0] - run, top[1] - height)
        cloth = (top, (top[0] + side * width, top[1]), (hoist_low[0] + side * width, hoist_low[1]), hoist_low)
        shapes.append((bottom, top, *cloth))
    return shapes


def _flags(c: Canvas, x: float, y: float, r: float) -> None:
    """Two red flags with a yellow star, on gold poles rising from behind the emblem."""
    c.saveState()
    c.setStrokeColor(colour("#8B6914"))
    c.setLineWidth(max(0.8, r * 0.045))
    c.setLineCap(1)
    for bottom, top, *cloth in flag_shapes(x, y, r):
        c.setFillColor(colour(FLAG_RED))
        p = c.beginPath()
        p.moveTo(*cloth[0])
        for corner in cloth[1:]:
            p.lineTo(*corner)
        p.close()
        c.drawPath(p, stroke=0, fill=1)
        c.setFillColor(colour(FLAG_YELLOW))
        cx, cy = sum(px for px, _ in cloth) / 4, sum(py for _, py in cloth) / 4
        _star(c, cx, cy, 0.8 * r * 0.3)
        c.line(*bottom, top[0], top[1] + 0.1 * r)
    c.restoreState()


def _star(c: Canvas, x: float, y: float, outer: float) -> None:
    p = c.beginPath()
    inner = outer * 0.382
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
    _star(c, x, y, r * 0.55)
    c.restoreState()
