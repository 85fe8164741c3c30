"""The same story as the PDF, written as an editable Word document (.docx, python-docx).

One story, two renderers: the builders make a list of ReportLab flowables; :func:`write_pdf`
lays it out on pages, :func:`write_docx` maps each flowable to Word's own structures:

- ``Paragraph`` → a paragraph in the style's font size, alignment, indent and spacing, with the
  markup's bold, italic and underline as runs (Times New Roman, as Decree 30/2020 asks);
- ``Table`` → a table: cell texts, column widths, the style's SPAN as merged cells, GRID/BOX as
  borders (none: the header, signature and recipients blocks), repeated header rows
  (``w:tblHeader``); a data table cut into chunks of 500 rows is one Word table again;
- ``Spacer`` → space before what follows; ``Rule`` → a short bottom border of its length;
- ``PageBreak`` → a page break, or a new landscape section after ``to_landscape()``;
- ``KeepTogether`` → its content; ``CondPageBreak`` and other layout hints → nothing;
- a chart (``Drawing``) → a picture (painted with Pillow), else a table of its numbers;
- anything else → its text, if it has any (:data:`HANDLED` lists the types mapped on purpose).

The .docx says in its footer and properties that it is an editable copy: the PDF is the record
of what was printed and issued (issue #16, item 4); both carry the audit head's code.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from reportlab.graphics.charts.barcharts import BarChart
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    ActionFlowable,
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from ..storage.files import atomic_write, check_output_file
from .decree30 import (
    LANDSCAPE_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PORTRAIT_WIDTH,
    Rule,
    styles,
)

FONT = "Times New Roman"
EDITABLE_NOTE = "Bản chỉnh sửa được; bản PDF in ra là bản lưu hồ sơ."
PT_PER_EMU = 12700
A4_W, A4_H = Mm(210), Mm(297)
ALIGN: dict[object, WD_ALIGN_PARAGRAPH] = {
    TA_CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    TA_RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    TA_JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}
# Every flowable type the builders use, mapped on purpose (tests/test_docx_documents.py checks).
HANDLED: tuple[type, ...] = (Paragraph, Table, Spacer, Rule, PageBreak, KeepTogether, CondPageBreak,
                             NextPageTemplate, Drawing)  # fmt: skip


# What follows w:pBdr in a w:pPr (the schema's order; Word refuses a file out of it).
P_PR_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                     "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                     "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                     "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                     "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")  # fmt: skip


class _Container(Protocol):
    def add_paragraph(self, text: str = "", style: Any = None) -> DocxParagraph: ...


def _pt(points: float) -> Pt:
    return Pt(round(points * 2) / 2)


class _Writer:
    def __init__(self, doc: DocxDocument, portrait_width: float) -> None:
        self.doc = doc
        st = styles()
        self.bold_fonts = {st.bold, st.bolditalic}
        self.italic_fonts = {st.italic, st.bolditalic}
        self.width = portrait_width  # the frame's width in points (the page's, in a section)
        self.space = 0.0  # a Spacer's height, given to what follows as space before
        self.landscape_next = False
        self.last_table: tuple[DocxTable, list[str]] | None = None  # a data table's chunks join

    # -- the story ---------------------------------------------------------------------------
    def story(self, flowables: Iterable[Flowable]) -> None:
        for f in flowables:
            self.flowable(f)

    def flowable(self, f: Flowable) -> None:
        if isinstance(f, Table):
            self.table(f)
            return
        if isinstance(f, PageBreak) or not isinstance(
            f, Spacer | NextPageTemplate | CondPageBreak | ActionFlowable
        ):
            self.last_table = None  # only a chunk right after its table (spacing aside) joins it
        if isinstance(f, Paragraph):
            self.paragraph(self.doc, f)
        elif isinstance(f, KeepTogether):
            self.story(f._content)  # type: ignore[attr-defined]  # its flowables; private, not in the stubs
        elif isinstance(f, PageBreak):  # before Spacer: a PageBreak is one
            self.page_break()
        elif isinstance(f, Spacer):
            self.space += float(f.height)
        elif isinstance(f, NextPageTemplate):
            self.landscape_next = "landscape" in str(f.action[1:])
        elif isinstance(f, CondPageBreak | ActionFlowable):
            pass  # layout hints of the PDF's pages: Word lays out its own
        elif isinstance(f, Rule):
            self.rule(self.doc, f, self.width)
        elif isinstance(f, Drawing):
            self.drawing(f)
        else:
            self.fallback(self.doc, f)

    def page_break(self) -> None:
        self.space = 0.0
        if self.landscape_next:
            self.landscape_next = False
            section = self.doc.add_section(WD_SECTION.NEW_PAGE)
            section.orientation = WD_ORIENT.LANDSCAPE
            section.different_first_page_header_footer = False  # numbered from its first page
            section.page_width, section.page_height = A4_H, A4_W
            # The binding edge (30 mm) stays at the top of the sheet, as in the PDF.
            section.top_margin, section.bottom_margin = (
                Emu(int(MARGIN_LEFT * PT_PER_EMU)),
                Emu(int(MARGIN_RIGHT * PT_PER_EMU)),
            )
            section.left_margin, section.right_margin = (
                Emu(int(MARGIN_BOTTOM * PT_PER_EMU)),
                Emu(int(MARGIN_TOP * PT_PER_EMU)),
            )
            self.width = LANDSCAPE_WIDTH
            return
        p = self.doc.add_paragraph()
        p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
        p.add_run().add_break(WD_BREAK.PAGE)

    # -- paragraphs ----------------------------------------------------------------------------
    def paragraph(self, box: _Container, f: Paragraph, align: Any = None) -> DocxParagraph:
        style: ParagraphStyle = f.style
        p = box.add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = align if align is not None else ALIGN.get(style.alignment, WD_ALIGN_PARAGRAPH.LEFT)
        fmt.space_before = _pt(float(style.spaceBefore) + self.space)
        fmt.space_after = _pt(float(style.spaceAfter))
        self.space = 0.0
        if style.leading:  # at least the PDF's leading: a larger font typed in still fits
            fmt.line_spacing = _pt(float(style.leading))
            fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        if style.firstLineIndent:
            fmt.first_line_indent = _pt(float(style.firstLineIndent))
        if style.leftIndent:
            fmt.left_indent = _pt(float(style.leftIndent))
        if getattr(style, "keepWithNext", 0):
            fmt.keep_with_next = True
        base_bold = style.fontName in self.bold_fonts
        base_italic = style.fontName in self.italic_fonts
        size = _pt(float(style.fontSize))
        for frag in f.frags:
            if getattr(frag, "lineBreak", False):
                p.add_run().add_break()
                continue
            text = getattr(frag, "text", "")
            if not text:
                continue
            tag = getattr(frag, "__tag__", "")
            run = p.add_run(text)
            font = run.font
            font.size = _pt(float(getattr(frag, "fontSize", style.fontSize) or style.fontSize))
            if base_bold or tag in ("b", "strong") or frag.fontName in self.bold_fonts:
                font.bold = True
            if base_italic or tag in ("i", "em") or frag.fontName in self.italic_fonts:
                font.italic = True
            if getattr(frag, "us_lines", None):
                font.underline = True
            if font.size is None:
                font.size = size
        return p

    def rule(self, box: _Container, f: Rule, width: float) -> None:
        """A short line under a heading: a paragraph whose bottom border is the rule's length."""
        p = box.add_paragraph()
        fmt = p.paragraph_format
        side = max(0.0, (width - float(f.length)) / 2)
        fmt.left_indent = fmt.right_indent = _pt(side)
        fmt.space_before, fmt.space_after = Pt(0), _pt(self.space + 2)
        fmt.line_spacing = Pt(2)
        self.space = 0.0
        p_pr = p._p.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(k), v)
        borders.append(bottom)
        p_pr.insert_element_before(borders, *P_PR_AFTER_BORDER)

    def fallback(self, box: _Container, f: Flowable) -> None:
        """A flowable no rule maps: its text, if it has any (never silently dropped)."""
        text = ""
        for name in ("getPlainText", "text", "_text"):
            value = getattr(f, name, None)
            text = str(value() if callable(value) else value or "")
            if text:
                break
        if text:
            box.add_paragraph(text)

    # -- tables --------------------------------------------------------------------------------
    def table(self, t: Table) -> None:
        values: list[list[Any]] = t._cellvalues  # type: ignore[attr-defined]  # private, not in the stubs
        if not values:
            return
        n_cols = len(values[0])
        widths = [float(w) for w in t._colWidths]  # type: ignore[attr-defined]
        header_rows = int(t.repeatRows) if isinstance(t.repeatRows, int) else len(t.repeatRows)
        head_texts = [_cell_plain(v) for v in values[0]] if header_rows else []
        joined = self.last_table
        if joined is not None and header_rows and joined[1] == head_texts:
            target, start = joined[0], header_rows  # the next chunk of the same data table
        else:
            target, start = self._new_table(t, n_cols, widths), 0
        self.space = 0.0
        spans = _spans(t, len(values), n_cols)
        cell_styles = t._cellStyles  # type: ignore[attr-defined]
        tbl = target._tbl
        for r in range(start, len(values)):
            # A row's plain cells are written as one piece of XML (fast: a 500-row annex), its
            # flowable cells (wrapped text, a header's blocks) through python-docx after.
            parts, rich = [], []
            for c in range(n_cols):
                cs, value = cell_styles[r][c], values[r][c]
                jc = CELL_JC.get(str(cs.alignment).upper(), "")
                if isinstance(value, Flowable | list | tuple):
                    parts.append(_tc_xml(widths[c], spans.get((r, c)), None, 0, jc))
                    rich.append((c, value))
                else:
                    text = "" if value is None else str(value)
                    parts.append(_tc_xml(widths[c], spans.get((r, c)), text, float(cs.fontsize), jc,
                                         bold=cs.fontname in self.bold_fonts))  # fmt: skip
            head = "<w:tblHeader/>" if r < header_rows else ""
            tr = parse_xml(f"<w:tr {W_NS}><w:trPr><w:cantSplit/>{head}</w:trPr>{''.join(parts)}</w:tr>")
            tbl.append(tr)
            if rich:
                cells = tr.findall(qn("w:tc"))
                for c, value in rich:
                    flowables = value if isinstance(value, list | tuple) else [value]
                    self._cell_flowables(_Cell(cells[c], target), flowables, widths[c], None)
                    if not cells[c].findall(qn("w:p")):
                        cells[c].append(parse_xml(f"<w:p {W_NS}/>"))
        self.last_table = (target, head_texts) if header_rows else None

    def _new_table(self, t: Table, n_cols: int, widths: Sequence[float]) -> DocxTable:
        if self.space:
            p = self.doc.add_paragraph()
            p.paragraph_format.space_before = Pt(0)
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.line_spacing = _pt(min(self.space, 30))
        table = self.doc.add_table(rows=0, cols=n_cols)
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        for child in list(tbl_pr):  # rebuilt in the schema's order: tblW, tblBorders, tblLayout, tblCellMar
            tbl_pr.remove(child)
        width = OxmlElement("w:tblW")
        width.set(qn("w:w"), str(int(sum(widths) * 20)))
        width.set(qn("w:type"), "dxa")
        tbl_pr.append(width)
        grid = table._tbl.tblGrid
        for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
            col.set(qn("w:w"), str(int(w * 20)))
        ruled = _has_grid(t)
        if ruled:
            borders = OxmlElement("w:tblBorders")
            for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
                e = OxmlElement(f"w:{side}")
                for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
                    e.set(qn(k), v)
                borders.append(e)
            tbl_pr.append(borders)
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
        margins = OxmlElement("w:tblCellMar")
        pad = "57" if ruled else "0"  # 1 mm in the data tables; none in the layout tables
        for side in ("left", "right"):
            e = OxmlElement(f"w:{side}")
            e.set(qn("w:w"), pad)
            e.set(qn("w:type"), "dxa")
            margins.append(e)
        tbl_pr.append(margins)
        out: DocxTable = table
        return out

    def _cell_flowables(self, cell: _Cell, flowables: Sequence[Any], width: float, align: Any) -> None:
        saved = self.space
        self.space = 0.0
        for f in flowables:
            if isinstance(f, Paragraph):
                self.paragraph(cell, f)
            elif isinstance(f, Spacer):
                self.space += float(f.height)
            elif isinstance(f, Rule):
                self.rule(cell, f, width)
            elif isinstance(f, KeepTogether):
                self._cell_flowables(cell, f._content, width, align)  # type: ignore[attr-defined]
            elif isinstance(f, str):
                cell._tc.append(parse_xml(_p_xml(f, 12, "", ns=W_NS)))
            elif isinstance(f, Flowable):
                self.fallback(cell, f)
        if self.space:  # the room left to sign in: an empty paragraph of that height
            p = cell.add_paragraph()
            p.paragraph_format.line_spacing = _pt(self.space)
        self.space = saved

    # -- charts --------------------------------------------------------------------------------
    def drawing(self, d: Drawing) -> None:
        png = _png(d)
        if png is not None:
            p = self.doc.add_paragraph()
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_before = _pt(self.space)
            self.space = 0.0
            p.add_run().add_picture(io.BytesIO(png), width=Emu(int(float(d.width) * PT_PER_EMU)))
            return
        # Not painted: the chart's title and numbers as a small table.
        title, labels, series = chart_numbers(d)
        if title:
            p = self.doc.add_paragraph()
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(title).font.bold = True
        if labels:
            data = Table([labels, *[[_number(v) for v in s] for s in series]])
            data.setStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                           ("FONTSIZE", (0, 0), (-1, -1), 11)])  # fmt: skip
            data._colWidths = [self.width / len(labels)] * len(labels)  # type: ignore[attr-defined]
            self.table(data)
            self.last_table = None


# ------------------------------------------------------------------------------ table XML
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CELL_JC = {"CENTER": "center", "CENTRE": "center", "RIGHT": "right", "DECIMAL": "right"}


def _tc_xml(width: float, span: str | int | None, text: str | None, size: float, jc: str, *,
            bold: bool = False) -> str:  # fmt: skip
    """A cell as XML: its width and merge, and a paragraph of ``text`` (none: filled after)."""
    merge = ""
    if isinstance(span, int) and span > 1:
        merge = f'<w:gridSpan w:val="{span}"/>'
    elif span == "restart":
        merge = '<w:vMerge w:val="restart"/>'
    elif span == "continue":
        merge = "<w:vMerge/>"
    pr = f'<w:tcPr><w:tcW w:w="{int(width * 20)}" w:type="dxa"/>{merge}<w:vAlign w:val="top"/></w:tcPr>'
    if text is None:
        return f"<w:tc>{pr}</w:tc>"
    return f"<w:tc>{pr}{_p_xml(text, size, jc, bold=bold)}</w:tc>"


def _p_xml(text: str, size: float, jc: str, *, bold: bool = False, ns: str = "") -> str:
    """A cell's paragraph of plain text as XML (``ns``: the namespace, to parse it alone)."""
    run = ""
    if text:
        lines = (
            f'<w:t xml:space="preserve">{escape(line, {chr(34): "&quot;"})}</w:t>'
            for line in text.split("\n")
        )
        b = "<w:b/>" if bold else ""
        run = f'<w:r><w:rPr>{b}<w:sz w:val="{round(size * 2)}"/></w:rPr>{"<w:br/>".join(lines)}</w:r>'
    align = f'<w:jc w:val="{jc}"/>' if jc else ""
    return f'<w:p{" " + ns if ns else ""}><w:pPr><w:spacing w:before="20" w:after="20"/>{align}</w:pPr>{run}</w:p>'


def _spans(t: Table, n_rows: int, n_cols: int) -> dict[tuple[int, int], str | int]:
    """ReportLab's SPAN commands as Word's merges: gridSpan across, vMerge down. A span over
    several columns and rows is merged across in its first row and down in its first column."""
    out: dict[tuple[int, int], str | int] = {}
    for cmd in getattr(t, "_spanCmds", []):
        (c0, r0), (c1, r1) = cmd[1], cmd[2]
        c0, c1 = (c if c >= 0 else n_cols + c for c in (c0, c1))
        r0, r1 = (r if r >= 0 else n_rows + r for r in (r0, r1))
        if c1 > c0:
            out[(r0, c0)] = c1 - c0 + 1
        if r1 > r0:
            out[(r0, c0)] = "restart"
            for r in range(r0 + 1, r1 + 1):
                out[(r, c0)] = "continue"
    return out


def _has_grid(t: Table) -> bool:
    return any(str(cmd[0]).upper() in ("GRID", "BOX", "INNERGRID", "OUTLINE")
               for cmd in getattr(t, "_linecmds", []))  # fmt: skip


def _cell_plain(value: Any) -> str:
    if isinstance(value, Paragraph):
        return str(value.getPlainText())
    if isinstance(value, list | tuple):
        return " ".join(_cell_plain(v) for v in value)
    return "" if value is None or isinstance(value, Flowable) else str(value)


# ------------------------------------------------------------------------------ charts
def _png(d: Drawing) -> bytes | None:
    """The chart as PNG at 150 dpi (painted with Pillow: app.documents.chart_png), or None."""
    try:
        from .chart_png import chart_png

        return chart_png(d)
    except Exception:  # noqa: BLE001 - a shape or font Pillow cannot paint: the numbers instead
        return None


def chart_numbers(d: Drawing) -> tuple[str, list[str], list[list[float]]]:
    """A bar chart's title (its bold String), category names and series."""
    title, labels, series = "", [], []
    for item in _walk(d):
        if isinstance(item, BarChart):
            labels = [str(x) for x in item.categoryAxis.categoryNames or []]
            series = [list(s) for s in item.data]
        elif isinstance(item, String) and not title and item.textAnchor == "middle":
            title = str(item.text)
    return title, labels, series


def _walk(node: Any) -> Iterable[Any]:
    yield node
    if isinstance(node, Group):
        for child in node.contents:
            yield from _walk(child)


def _number(v: float) -> str:
    return f"{v:.4g}".replace(".", ",")


# ------------------------------------------------------------------------------ the file
def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = A4_W, A4_H
    section.orientation = WD_ORIENT.PORTRAIT
    section.top_margin, section.bottom_margin = (
        Emu(int(MARGIN_TOP * PT_PER_EMU)),
        Emu(int(MARGIN_BOTTOM * PT_PER_EMU)),
    )
    section.left_margin, section.right_margin = (
        Emu(int(MARGIN_LEFT * PT_PER_EMU)),
        Emu(int(MARGIN_RIGHT * PT_PER_EMU)),
    )
    section.header_distance = section.footer_distance = Mm(8)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    r_pr = normal.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    pf = normal.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    # The template's defaults (theme fonts, 11 pt, 10 pt after, 1.15 lines, English): Times New
    # Roman, 14 pt, no spacing, single lines, Vietnamese — what a cell's own paragraph inherits.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for e in defaults.iter(qn("w:rFonts")):
            for attr in list(e.attrib):
                del e.attrib[attr]
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                e.set(qn(attr), FONT)
        for e in defaults.iter(qn("w:sz"), qn("w:szCs")):
            e.set(qn("w:val"), "28")
        for e in defaults.iter(qn("w:lang")):
            e.set(qn("w:val"), "vi-VN")
        for e in defaults.iter(qn("w:spacing")):
            e.set(qn("w:after"), "0")
            e.set(qn("w:line"), "240")


def _header_footer(doc: DocxDocument, footer: str) -> None:
    """Page numbers top centre from page 2 (Decree 30/2020); the footer on every page. Later
    (landscape) sections link to these."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    inner.append(text)
    field.append(inner)
    run._r.addnext(field)
    lines = [x for x in (footer, EDITABLE_NOTE) if x]
    for foot in (section.footer, section.first_page_footer):
        fp = foot.paragraphs[0]
        fp.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        r = fp.add_run(" — ".join(lines))
        r.font.size = Pt(7)
        r.font.color.rgb = None


def write_docx(out: Path | None, title: str, story: Sequence[Flowable], *, footer: str = "",
               fileobj: io.BytesIO | None = None) -> None:  # fmt: skip
    """Write the story as .docx into ``out`` atomically (or into ``fileobj``); ``footer``: the
    audit head's line, with the note that the PDF is the record, in the footer and properties."""
    doc = new_docx()
    _page_setup(doc)
    _header_footer(doc, footer)
    props = doc.core_properties
    props.title = title
    props.author = "Sổ Thi đua"
    props.comments = " ".join(x for x in (footer + "." if footer else "", EDITABLE_NOTE) if x)
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(p)
    _Writer(doc, PORTRAIT_WIDTH).story(story)
    if fileobj is not None:
        doc.save(fileobj)
        return
    assert out is not None
    target = check_output_file(Path(out))
    buf = io.BytesIO()
    doc.save(buf)
    with atomic_write(target) as f:
        f.write(buf.getvalue())
