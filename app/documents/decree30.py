"""The Decree 30/2020/NĐ-CP page: A4, Times New Roman (or the bundled Liberation Serif),
margins top/bottom 20 mm, left 30 mm, right 15 mm, page numbers top centre from page 2;
header block, number, place and date, title, recipients and signature blocks.

User text is escaped before it meets Platypus markup, and ReportLab may fetch nothing
(reliability.md: ``<img src=…>`` in a Paragraph read local files).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..certificates.fonts import FontFamily, font_family
from ..errors import DomainError
from ..services.decisions import parse_decision_number
from ..storage.files import atomic_write, check_output_file
from ..text import format_document_date
from .progress import Cancel, Progress, Watch
from .tables import TEXT, TableData, cell_text

rl_config.trustedSchemes = []
rl_config.trustedHosts = []

MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
BODY_SIZE = 14
TABLE_CHUNK = 500  # rows per Table: one Table of 20,000 rows lays out 5× slower
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def esc(text: object) -> str:
    return escape(str(text or ""))


@dataclass(frozen=True)
class Letterhead:
    issuer: str  # "SỞ NỘI VỤ"
    parent: str = ""  # "UBND TỈNH TÂY NINH"
    place: str = "Tây Ninh"


@dataclass(frozen=True)
class Signature:
    title: str  # "PHÓ GIÁM ĐỐC"
    name: str
    authority: str = ""  # "TM.", "KT.", "Q.", "TL.", "TUQ."
    on_behalf: str = ""  # what follows the authority word: "GIÁM ĐỐC", "ỦY BAN NHÂN DÂN"

    def lines(self) -> list[str]:
        first = f"{self.authority} {self.on_behalf}".strip() if self.authority else ""
        return [x for x in (first.upper(), self.title.upper()) if x]


@dataclass(frozen=True)
class DocMeta:
    letterhead: Letterhead
    number: str = ""  # "12/TTr-SNV" (without "Số:")
    date: dt.date = field(default_factory=dt.date.today)
    signature: Signature | None = None
    recipients: tuple[str, ...] = ("Như trên;", "Lưu: VT.")


class Styles:
    """Paragraph styles of one font family (built once per family)."""

    def __init__(self, fam: FontFamily) -> None:
        r, b, i, bi = (fam.name(s) for s in ("regular", "bold", "italic", "bolditalic"))
        self.fam = fam
        self.regular, self.bold, self.italic, self.bolditalic = r, b, i, bi
        base = ParagraphStyle("body", fontName=r, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.25)
        self.body = ParagraphStyle(
            "body_j", base, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6
        )
        self.plain = ParagraphStyle("plain", base, alignment=TA_LEFT, spaceAfter=3)
        self.center = ParagraphStyle("center", base, alignment=TA_CENTER)
        self.center_bold = ParagraphStyle("center_b", self.center, fontName=b)
        self.title = ParagraphStyle("title", self.center_bold, fontSize=14, leading=17, spaceBefore=12)
        self.subtitle = ParagraphStyle("subtitle", self.center_bold, fontSize=14, leading=17)
        self.heading = ParagraphStyle("heading", base, fontName=b, spaceBefore=6, spaceAfter=4)
        self.head12 = ParagraphStyle("head12", self.center, fontSize=12.5, leading=15)
        self.head12b = ParagraphStyle("head12b", self.head12, fontName=b)
        self.motto = ParagraphStyle("motto", self.center, fontName=b, fontSize=13.5, leading=16)
        self.number = ParagraphStyle("number", self.center, fontSize=13, leading=16)
        self.dateline = ParagraphStyle("dateline", self.center, fontName=i, fontSize=13.5, leading=16)
        self.recipients_head = ParagraphStyle("rcpt_h", base, fontName=bi, fontSize=12, leading=14)
        self.recipients = ParagraphStyle("rcpt", base, fontSize=11, leading=13)
        self.sign = ParagraphStyle("sign", self.center, fontName=b, fontSize=13.5, leading=16)
        self.sign_note = ParagraphStyle("sign_note", self.center, fontName=i, fontSize=13, leading=16)
        self.cell = ParagraphStyle("cell", base, fontSize=12, leading=14)
        self.cell_head = ParagraphStyle("cell_h", self.cell, fontName=b, alignment=TA_CENTER)
        self.small_italic = ParagraphStyle(
            "small_i", base, fontName=i, fontSize=12, leading=14, alignment=TA_CENTER
        )


_styles: Styles | None = None


def styles() -> Styles:
    global _styles
    fam = font_family()
    if _styles is None or _styles.fam is not fam:
        _styles = Styles(fam)
    return _styles


class Rule(Flowable):
    """A short horizontal line, centred in its width (under the issuing body, motto, title)."""

    def __init__(self, length: float, width: float | None = None, gap: float = 2) -> None:
        super().__init__()
        self.length, self.box, self.gap = length, width, gap

    def wrap(self, avail_w: float, _avail_h: float) -> tuple[float, float]:
        self.width = self.box or avail_w
        return self.width, self.gap * 2

    def draw(self) -> None:
        x = (self.width - self.length) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x, self.gap, x + self.length, self.gap)


def document_number(value: str) -> str:
    """ "5/ttr-snv" → "05/TTr-SNV" (Decree 30/2020); text that is not a number is printed as given."""
    try:
        return parse_decision_number(value).text if value else ""
    except DomainError:
        return value


def text_width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


_PLACE = re.compile(r"(?:^|\s)((?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+\S.*)$")


def keep_place(name: str, fits: Callable[[str], bool] = lambda _t: True) -> str:
    """``name`` with its place (from «TỈNH», «XÃ»… on) held on one line when it ``fits`` one: a
    header too long for its column then breaks before it, «ỦY BAN NHÂN DÂN / TỈNH TÂY NINH», never
    inside «TÂY / NINH»."""
    m = _PLACE.search(name)
    if m is None or not fits(m.group(1)):
        return name
    return name[: m.start(1)] + "\u00a0".join(m.group(1).split())


def header_block(meta: DocMeta, st: Styles, avail: float, *, show_number: bool = True) -> Table:
    """Issuing body and number on the left, nation and motto with place and date on the right."""
    lh = meta.letterhead
    left_w = avail * 0.40
    left: list[Flowable] = []

    def fits(font: str) -> Callable[[str], bool]:
        return lambda text: text_width(text, font, 12.5) <= left_w

    if lh.parent:
        left.append(Paragraph(esc(keep_place(lh.parent.upper(), fits(st.regular))), st.head12))
    left.append(Paragraph(esc(keep_place(lh.issuer.upper(), fits(st.bold))), st.head12b))
    issuer_w = min(text_width(lh.issuer.upper(), st.bold, 12.5), 70 * mm)
    left.append(Spacer(1, 2.5))
    left.append(Rule(issuer_w / 2.5, gap=2))
    if show_number:
        left.append(Spacer(1, 3))
        left.append(Paragraph(f"Số: {esc(document_number(meta.number)) or '&nbsp;' * 6 + '/'}", st.number))
    right: list[Flowable] = [
        Paragraph(NATION, st.head12b),
        Paragraph(MOTTO, st.motto),
        Spacer(1, 1),
        Rule(text_width(MOTTO, st.bold, 13.5), gap=2.5),
        Spacer(1, 6),
        Paragraph(esc(format_document_date(meta.date, lh.place)), st.dateline),
    ]
    table = Table([[left, right]], colWidths=[left_w, avail - left_w])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))  # fmt: skip
    return table


def title_block(kind: str, summary: str, st: Styles) -> list[Flowable]:
    """ "TỜ TRÌNH" and its summary line, with the short line under it."""
    out: list[Flowable] = [Spacer(1, 10), Paragraph(esc(kind.upper()), st.title)]
    if summary:
        out.append(Paragraph(esc(summary), st.subtitle))
        out.append(Rule(min(text_width(summary, st.bold, 14), 60 * mm) / 2, gap=3))
    out.append(Spacer(1, 8))
    return out


def signature_cell(sig: Signature | None, st: Styles, note: str = "") -> list[Flowable]:
    if sig is None:
        return []
    cell: list[Flowable] = [Paragraph(esc(line), st.sign) for line in sig.lines()]
    if note:
        cell.append(Paragraph(esc(note), st.sign_note))
    cell.append(Spacer(1, 24 * mm))
    cell.append(Paragraph(esc(sig.name), st.sign))
    return cell


def closing_block(meta: DocMeta, st: Styles, avail: float, *, recipients: bool = True) -> Flowable:
    """ "Nơi nhận:" on the left, the signature on the right, kept together on one page."""
    left: list[Flowable] = []
    if recipients and meta.recipients:
        left.append(Paragraph("Nơi nhận:", st.recipients_head))
        left.extend(Paragraph("- " + esc(r), st.recipients) for r in meta.recipients)
    table = Table([[left, signature_cell(meta.signature, st)]], colWidths=[avail * 0.45, avail * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return KeepTogether([Spacer(1, 8), table])


def two_signatures(left: Signature, right: Signature, st: Styles, avail: float,
                   notes: tuple[str, str] = ("", "")) -> Flowable:  # fmt: skip
    table = Table([[signature_cell(left, st, notes[0]), signature_cell(right, st, notes[1])]],
                  colWidths=[avail / 2, avail / 2])  # fmt: skip
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, 10), table])


def data_tables(data: TableData, st: Styles, avail: float, *, font_size: float = 12) -> list[Flowable]:
    """The table in chunks of ≤ 500 rows, header repeated on every page; long cells wrap."""
    cols = data.columns
    total_mm = sum(c.width for c in cols) or 1
    widths = [avail * c.width / total_mm for c in cols]
    cell_style = (
        st.cell
        if font_size == 12
        else ParagraphStyle("cell_s", st.cell, fontSize=font_size, leading=font_size * 1.18)
    )
    head_style = ParagraphStyle("cell_hs", cell_style, fontName=st.bold, alignment=TA_CENTER)
    header = [Paragraph(esc(c.header), head_style) for c in cols]
    font = st.regular
    rows: list[list[object]] = []
    for row in data.rows:
        out: list[object] = []
        for value, col, w in zip(row, cols, widths, strict=False):
            text = cell_text(value, col.kind)
            # Only text wraps; numbers, codes and dates are short and drawn as plain strings (fast).
            if col.kind == TEXT and ("\n" in text or text_width(text, font, font_size) > w - 12):
                out.append(Paragraph(esc(text).replace("\n", "<br/>"), cell_style))
            else:
                out.append(text)
        rows.append(out)
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, font_size),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]  # fmt: skip
    for i, c in enumerate(cols):
        if c.align != "LEFT":
            style.append(("ALIGN", (i, 1), (i, -1), c.align))
    out_tables: list[Flowable] = []
    if not rows:
        rows = [["" for _ in cols]]
    for start in range(0, len(rows), TABLE_CHUNK):
        t = Table([header, *rows[start : start + TABLE_CHUNK]], colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle(style))
        out_tables.append(t)
    return out_tables


def paragraphs(texts: Sequence[str], st: Styles) -> list[Flowable]:
    return [Paragraph(esc(t), st.body) for t in texts if t]


class _Doc(BaseDocTemplate):
    def __init__(self, fileobj: BinaryIO, title: str, landscape_pages: bool) -> None:
        super().__init__(
            fileobj, pagesize=A4, title=title, author="Sổ Thi đua", creator="Sổ Thi đua",
            leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        )  # fmt: skip
        portrait = Frame(MARGIN_LEFT, MARGIN_BOTTOM, A4[0] - MARGIN_LEFT - MARGIN_RIGHT, A4[1] - MARGIN_TOP - MARGIN_BOTTOM,
                         id="portrait", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        templates = [PageTemplate("portrait", [portrait], onPage=_page_number, pagesize=A4)]
        if landscape_pages:
            w, h = landscape(A4)
            # Landscape annex pages: the binding edge (30 mm) stays at the top of the sheet.
            frame = Frame(MARGIN_BOTTOM, MARGIN_RIGHT, w - MARGIN_BOTTOM - MARGIN_TOP, h - MARGIN_LEFT - MARGIN_RIGHT,
                          id="landscape", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
            templates.append(PageTemplate("landscape", [frame], onPage=_page_number, pagesize=(w, h)))
        self.addPageTemplates(templates)
        self.watch: Watch | None = None
        self.footer = ""  # "Mã nhật ký: …" (app.audit.code), small and grey at the foot of every page
        # Issue #16, item 4: the PDF is what is printed and issued; a .docx is only an editable copy.
        self.subject = RECORD_NOTE

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's hook
        if self.watch is not None:
            self.watch.step()


def _page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """Page numbers top centre, from page 2 (Decree 30/2020, Annex I); the book's code, if any,
    at the foot of every page."""
    footer = getattr(doc, "footer", "")
    if footer:
        _footer(canvas, footer)
    if doc.page < 2:
        return
    st = styles()
    w, h = canvas._pagesize  # type: ignore[attr-defined]  # this page's size; private, not in the stubs
    top = MARGIN_LEFT if w > h else MARGIN_TOP
    canvas.setFont(st.regular, 13)
    canvas.drawCentredString(
        w / 2 if w < h else (w + MARGIN_BOTTOM - MARGIN_TOP) / 2, h - top + 8 * mm, str(doc.page)
    )


def _footer(canvas: Canvas, text: str) -> None:
    """``text`` in small grey type in the bottom margin, right-aligned, clear of the body."""
    w, h = canvas._pagesize  # type: ignore[attr-defined]  # this page's size; private, not in the stubs
    right = MARGIN_RIGHT if w < h else MARGIN_TOP
    canvas.saveState()
    canvas.setFont(styles().regular, 7)
    canvas.setFillGray(0.45)
    canvas.drawRightString(w - right, 8 * mm, text)
    canvas.restoreState()


PORTRAIT_WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
LANDSCAPE_WIDTH = landscape(A4)[0] - MARGIN_BOTTOM - MARGIN_TOP


def to_landscape() -> list[Flowable]:
    return [NextPageTemplate("landscape"), PageBreak()]


RECORD_NOTE = "Bản PDF in ra là bản lưu hồ sơ; bản .docx chỉ là bản chỉnh sửa được."


def _mark(doc: _Doc, watch: Watch | None, footer: str) -> None:
    doc.watch, doc.footer = watch, footer
    doc.subject = f"{RECORD_NOTE} {footer}." if footer else RECORD_NOTE


def write_pdf(out: Path | None, title: str, story: list[Flowable], *, landscape_pages: bool = False,
              fileobj: BinaryIO | None = None, progress: Progress | None = None, cancelled: Cancel | None = None,
              footer: str = "") -> None:  # fmt: skip
    """Build the story into ``out`` atomically (or into an open ``fileobj``); ``footer``: a line
    at the foot of every page (the book's code)."""
    watch = Watch(len(story), progress, cancelled) if progress or cancelled else None
    if fileobj is not None:
        doc = _Doc(fileobj, title, landscape_pages)
        _mark(doc, watch, footer)
        doc.build(story)
        return
    assert out is not None
    target = check_output_file(Path(out))
    with atomic_write(target) as f:
        doc = _Doc(f, title, landscape_pages)
        _mark(doc, watch, footer)
        doc.build(story)


def cond_break(height_mm: float) -> Flowable:
    return CondPageBreak(height_mm * mm)


Builder = Callable[[], list[Flowable]]
