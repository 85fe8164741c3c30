"""The .xlsx reader's contract (app.excel.xlsx, on calamine): rows numbered from 1 as
``{column from 0: value}`` without empty cells; texts as written (inline or shared, entities and
line ends as XML gives them), whole numbers as ``int``, date cells as ``datetime`` (a time of day
as ``time``), formulas and error cells marked, over-long texts bounded, and files refused before
calamine lays them out when they are too wide, too long, declare a DTD or are damaged."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from test_excel_support import write_xlsx

from app.excel import safety, xlsx, xlsx_pieces
from app.excel.safety import FileRefused
from app.excel.xlsx import CellError, Formula, TooLong, column_letter, read_first_sheet

SHARED = ["Nguyễn Văn An", "SNV", "a & b"]
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
STYLES_1904 = '<workbookPr date1904="1"/>'


@pytest.fixture(autouse=True, params=["whole", "pieces"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test twice: the sheet read whole, and read in pieces as the import's child reads it,
    cut after every row where it may be (the first piece one byte, then growing)."""
    if request.param == "pieces":
        monkeypatch.setattr(xlsx_pieces, "FIRST", 1)
        monkeypatch.setitem(globals(), "read_first_sheet", xlsx_pieces.read_in_pieces)
    return str(request.param)


def doc(body: str, *, tail: str = "", head: str = HEAD) -> bytes:
    return f"{head}<sheetData>{body}</sheetData>{tail}</worksheet>".encode()


def book(tmp_path: Path, sheet: bytes, *, shared: list[str] = SHARED, styles: str | None = None,
         workbook: str | None = None) -> Path:  # fmt: skip
    """An .xlsx of ``sheet`` (its part as bytes) with ``shared`` as its shared strings."""
    path = write_xlsx(tmp_path / "tep.xlsx", [], sheet=sheet)
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    sst = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in shared)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(shared)}" uniqueCount="{len(shared)}">{sst}</sst>'
    ).encode()
    if styles is not None:
        parts["xl/styles.xml"] = styles.encode()
    if workbook is not None:
        parts["xl/workbook.xml"] = workbook.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def read(tmp_path: Path, body: str, **kw: object) -> object:
    """The rows of a sheet holding ``body``, or the message it is refused with."""
    try:
        return list(read_first_sheet(book(tmp_path, doc(body), **kw)).rows)  # type: ignore[arg-type]
    except FileRefused as exc:
        return exc.message


def refused(tmp_path: Path, body: str) -> str:
    got = read(tmp_path, body)
    assert isinstance(got, str), got
    return got


ROWS = {
    "inline strings, entities, CR LF": (
        '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; &#x1EA1;&#13;\r\nx\ry </t></is></c><c r="B1" t="inlineStr"><is><t>Trần</t></is></c></row>',
        [(1, {0: " a & b <c> ạ\r\nx\ny ", 1: "Trần"})],
    ),
    "shared strings": (
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" s="0" t="s"><v>2</v></c></row>',
        [(2, {0: "Nguyễn Văn An", 2: "a & b"})],
    ),
    "numbers as Excel wrote them, dates": (
        '<row r="3"><c r="A3"><v>12</v></c><c r="B3" s="1"><v>45000</v></c><c r="C3"><v>1.5</v></c><c r="D3" s="1"><v>45000.5</v></c><c r="E3"><v>012345678901</v></c><c r="F3" t="n"><v>4.5e9</v></c><c r="G3"><v>1e16</v></c></row>',
        [
            (
                3,
                {
                    0: 12,
                    1: dt.datetime(2023, 3, 15),
                    2: 1.5,
                    3: dt.datetime(2023, 3, 15, 12),
                    4: 12345678901,
                    5: 4500000000,
                    6: 1e16,
                },
            )
        ],
    ),  # fmt: skip
    "a time of day, the 1900 leap-year bug, a serial past 9999": (
        '<row r="4"><c r="A4" s="1"><v>0.25</v></c><c r="B4" s="1"><v>1</v></c><c r="C4" s="1"><v>59</v></c><c r="D4" s="1"><v>61</v></c><c r="E4" s="1"><v>2958466</v></c></row>',
        [
            (
                4,
                {
                    0: dt.time(6),
                    1: dt.datetime(1900, 1, 1),
                    2: dt.datetime(1900, 2, 28),
                    3: dt.datetime(1900, 3, 1),
                    4: 2958466,
                },
            )
        ],
    ),  # fmt: skip
    "bool, error, iso date, str": (
        '<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="b"><v>0</v></c><c r="C5" t="e"><v>#N/A</v></c><c r="D5" t="d"><v>2025-03-05T00:00:00</v></c><c r="E5" t="d"><v>bad</v></c><c r="F5" t="str"><v>x</v></c></row>',
        [(5, {0: True, 1: False, 2: CellError("#N/A"), 3: dt.datetime(2025, 3, 5), 4: "bad", 5: "x"})],
    ),
    "formulas": (
        '<row r="6"><c r="A6" t="str"><f>CONCAT(B6,"x")</f><v>ax</v></c><c r="B6"><f>1+1</f><v>2</v></c><c r="C6"><f>NOW()</f></c><c r="D6" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E6" s="1"><f t="shared" ref="E6:E7" si="0">TODAY()</f><v>45000</v></c></row>'
        '<row r="7"><c r="E7" s="1"><f t="shared" si="0"/><v>45001</v></c></row>',
        [
            (
                6,
                {
                    0: Formula('CONCAT(B6,"x")', "ax"),
                    1: Formula("1+1", 2),
                    2: Formula("NOW()"),
                    3: Formula("1/0", CellError("#DIV/0!")),
                    4: Formula("TODAY()", dt.datetime(2023, 3, 15)),
                },
            ),
            (7, {4: Formula("", dt.datetime(2023, 3, 16))}),
        ],
    ),  # fmt: skip
    "a formula with references and line ends": (
        '<row r="8"><c r="A8" t="str"><f>"x"&amp;CHAR(10)&#13;\r\n&amp;"y"</f><v>x\r\ny &lt;</v></c></row>',
        [(8, {0: Formula('"x"&CHAR(10)\r\n&"y"', "x\ny <")})],
    ),
    "rich text, phonetic runs left out": (
        '<row r="9"><c r="A9" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Lê </t></r><r><t>Văn</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>',
        [(9, {0: "Lê Văn"})],
    ),
    "empty cells": (
        '<row r="10"><c r="A10"/><c r="B10" t="s"></c><c r="C10" t="inlineStr"><is><t></t></is></c><c r="D10"><v></v></c><c r="E10" t="str"><v>  </v></c><c r="F10" s="1"/></row><row r="11"/>',
        [(10, {4: "  "})],
    ),
    "no references": (
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c><v>3</v></c><c r="D2"><v>4</v></c><c><v>5</v></c></row>',
        [(1, {0: "a", 1: 2}), (2, {0: 3, 3: 4, 4: 5})],
    ),
    "gaps, attribute order, quotes, > in values": (
        '<row r="12" spans="1:3"><c r="B12"><v>1</v></c></row><row r=\'15\' ht="a>b"><c s="1" r="A15"><v>45000</v></c><c t=\'inlineStr\' r=\'B15\'><is><t>x</t></is></c><c r="C15" cm="1" x="a>b" t="s"><v>1</v></c></row>',
        [(12, {1: 1}), (15, {0: dt.datetime(2023, 3, 15), 1: "x", 2: "SNV"})],
    ),
    "white space between tags": (
        '<row r="17">\n  <c r="A17" t="inlineStr">\n    <is>\n      <t>x</t>\n    </is>\n  </c >\n  <c r="B17">\n    <v>1</v>\n  </c>\n</row>',
        [(17, {0: "x", 1: 1})],
    ),
    "comments, CDATA, processing instructions, prefixed elements": (
        '<row r="18"><!-- <c r="A18"><v>1</v></c> --><c r="B18"><v>2</v></c><c r="C18" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c><?pi x?></row>'
        '<row r="19"><x:c xmlns:x="urn:x" r="A19"><x:v>1</x:v></x:c></row>',
        [(18, {1: 2, 2: "a<b"}), (19, {0: 1})],
    ),
    "over-long texts": (
        f'<row r="20"><c r="A20" t="inlineStr"><is><t>{"x" * 40_000}</t></is></c><c r="B20" t="str"><v>{"z" * 300}</v></c></row>',
        [(20, {0: TooLong(40_000), 1: "z" * 300})],
    ),
    "columns past Z, a formula among them": (
        '<row r="22"><c r="Z22"><v>1</v></c><c r="AA22" t="inlineStr"><is><t>x</t></is></c><c r="GR22"><f>Z22*2</f><v>2</v></c></row>',
        [(22, {25: 1, 26: "x", 199: Formula("Z22*2", 2)})],
    ),
    "an error before a formula, a formula of another shape": (
        '<row r="23"><c r="A23" t="e"><v>#N/A</v></c><c r="B23"><f>1</f><v>1</v></c><c r="C23">\n<f>2</f>\n<v>2</v></c></row>',
        [(23, {0: CellError("#N/A"), 1: Formula("1", 1), 2: Formula("2", 2)})],
    ),
    "legacy TCVN3 and VNI text, kept for app.excel.legacy": (
        '<row r="21"><c r="A21" t="inlineStr"><is><t>NguyÔn V¨n An</t></is></c><c r="B21" t="inlineStr"><is><t>Nguyeãn Vaên An</t></is></c></row>',
        [(21, {0: "NguyÔn V¨n An", 1: "Nguyeãn Vaên An"})],
    ),
}


@pytest.mark.parametrize("case", ROWS.values(), ids=ROWS.keys())
def test_cells_read_as_the_importer_expects(tmp_path: Path, case: tuple[str, list[object]]) -> None:
    body, expected = case
    assert read(tmp_path, body) == expected


def test_types_are_exactly_those_the_importer_knows(tmp_path: Path) -> None:
    """Dates come as datetime (never a bare date), whole numbers as int: the fields' conversions
    (text of a date «05/03/2025», a year from a date, CCCD digits) rely on it."""
    ((_n, row),) = read(tmp_path, ROWS["numbers as Excel wrote them, dates"][0])  # type: ignore[misc]
    assert [type(v) for v in row.values()] == [int, dt.datetime, float, dt.datetime, int, int, float]


def test_a_number_that_is_not_finite_stays_text(tmp_path: Path) -> None:
    """Excel never writes NaN or INF; such a cell comes as text, which the field rules refuse like
    any other word (calamine reads «NaN» as a number: the text is its Python spelling)."""
    got = read(
        tmp_path,
        '<row r="1"><c r="A1"><v>NaN</v></c><c r="B1" s="1"><v>INF</v></c><c r="C1"><v>-infinity</v></c></row>',
    )
    assert got == [(1, {0: "nan", 1: "inf", 2: "-inf"})]


def test_the_1904_date_system_is_kept(tmp_path: Path) -> None:
    workbook = (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    got = read(tmp_path, '<row r="1"><c r="A1" s="1"><v>1</v></c></row>', workbook=workbook)
    assert got == [(1, {0: dt.datetime(1904, 1, 2)})]


def test_date_formats_as_openpyxl_sees_them(tmp_path: Path) -> None:
    """Custom number formats: a cell shows a date exactly when openpyxl's is_date_format says so."""
    from openpyxl.styles.numbers import is_date_format

    formats = ["dd/mm/yyyy", '"Ngày" dd', "[Red]0", "0_);[Blue](0)", "yyyy;@", "\\d0", "_m0", "[$-42A]dd/mm/yyyy",
               'General"d"', "mm:ss", "[$-409]mmmm d, yyyy;@", "d/m/yy", "0.00", "h:mm AM/PM", "@"]  # fmt: skip
    numfmts = "".join(
        f'<numFmt numFmtId="{164 + i}" formatCode="{escape(f, {chr(34): "&quot;"})}"/>'
        for i, f in enumerate(formats)
    )
    xfs = "".join(f'<xf numFmtId="{164 + i}" applyNumberFormat="1"/>' for i in range(len(formats)))
    styles = (
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<numFmts count="{len(formats)}">{numfmts}</numFmts><cellXfs count="{len(formats) + 1}"><xf numFmtId="0"/>{xfs}</cellXfs></styleSheet>'
    )
    body = (
        '<row r="1">'
        + "".join(f'<c r="{column_letter(i)}1" s="{i + 1}"><v>45000.5</v></c>' for i in range(len(formats)))
        + "</row>"
    )
    ((_n, row),) = read(tmp_path, body, styles=styles)  # type: ignore[misc]
    for i, fmt in enumerate(formats):
        assert isinstance(row[i], dt.datetime) == is_date_format(fmt), fmt
        assert row[i] in (45000.5, dt.datetime(2023, 3, 15, 12)), fmt


def test_merged_areas_and_the_first_visible_sheet(tmp_path: Path) -> None:
    path = book(tmp_path, doc('<row r="1"><c r="A1"><v>1</v></c></row>',
                              tail='<mergeCells count="2"><mergeCell ref="A1:F1"/><mergeCell ref="A4:A5"/></mergeCells>'))  # fmt: skip
    sheet = read_first_sheet(path)
    assert (sheet.name, sheet.merged) == ("Sheet1", [(1, 0, 1, 5), (4, 0, 5, 0)])
    assert list(sheet.rows) == [(1, {0: 1})]


def test_an_empty_sheet_has_no_rows(tmp_path: Path) -> None:
    assert read(tmp_path, "") == []
    assert list(read_first_sheet(book(tmp_path, f"{HEAD}<sheetData/></worksheet>".encode())).rows) == []


REFUSALS = {
    "cut short": ('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2">', "bị hỏng"),
    "an undefined entity": ('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>', "XML lỗi"),
    "a shared string that is not there": ('<row r="1"><c r="A1" t="s"><v>9</v></c></row>', "bị hỏng"),
    "a reference that is no cell's": ('<row r="1"><c r="a1"><v>1</v></c></row>', "bị hỏng"),
    "text beyond the last column": (f'<row r="1"><c r="{column_letter(safety.MAX_COLUMNS)}1"><v>1</v></c></row>', "quá nhiều cột"),
    "a value far beyond": ('<row r="1"><c r="XFD1"><v>1</v></c></row>', "quá nhiều cột"),
    "a row past the last": ('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>', "quá nhiều dòng"),
    "a cell past the last row": ('<row r="1"><c r="A1"><v>1</v><c r="B900000"><v>1</v></c></c></row>', "quá nhiều dòng"),
    "cells without references past the last column": ('<row r="1">' + "<c><v>1</v></c>" * (safety.MAX_COLUMNS + 1) + "</row>", "quá nhiều cột"),
}  # fmt: skip


@pytest.mark.parametrize("case", REFUSALS.values(), ids=REFUSALS.keys())
def test_bad_sheets_are_refused(tmp_path: Path, case: tuple[str, str]) -> None:
    body, why = case
    assert why in refused(tmp_path, body)


def test_a_sparse_sheet_is_refused_before_calamine_lays_it_out(tmp_path: Path) -> None:
    """calamine makes one dense grid from the first to the last cell: A1 and XFD1048576 asked it
    for 512 GiB and the process aborted. Far cells are refused first, and so is a grid (rows × columns)
    larger than twice the cells an import may hold."""
    assert "quá nhiều" in refused(
        tmp_path,
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    )
    far = f'<row r="1"><c r="A1"><v>1</v></c></row><row r="{safety.MAX_ROWS}"><c r="{column_letter(safety.MAX_COLUMNS - 1)}{safety.MAX_ROWS}"><v>1</v></c></row>'
    assert safety.MAX_ROWS * safety.MAX_COLUMNS > xlsx.MAX_GRID
    assert "quá nhiều ô" in refused(tmp_path, far)


def test_empty_cells_beyond_the_last_column_are_skipped(tmp_path: Path) -> None:
    wide = column_letter(safety.MAX_COLUMNS + 3)
    body = f'<row r="1"><c r="A1"><v>1</v></c><c r="{wide}1" s="1"/><c r="{wide}1"></c><c r="{wide}1"><f>1+1</f></c></row>'
    assert read(tmp_path, body) == [(1, {0: 1})]


def test_a_dtd_is_refused_in_any_part(tmp_path: Path) -> None:
    dtd = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "b">]>'
    sheet = (
        f'{dtd}<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'.encode()
    )
    with pytest.raises(FileRefused, match="DTD"):
        read_first_sheet(book(tmp_path, sheet))
    styles = f'{dtd}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    with pytest.raises(FileRefused, match="DTD"):
        read_first_sheet(book(tmp_path, doc('<row r="1"><c r="A1"><v>1</v></c></row>'), styles=styles))


def test_too_many_rows_and_cells_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ROWS", 2)
    assert "quá nhiều dòng" in refused(
        tmp_path, "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(1, 5))
    )
    monkeypatch.setattr(safety, "MAX_ROWS", 500_000)
    monkeypatch.setattr(safety, "MAX_CELLS", 3)
    body = '<row r="1">' + "".join(f'<c r="{column_letter(i)}1"><v>1</v></c>' for i in range(5)) + "</row>"
    assert "quá nhiều ô" in refused(tmp_path, body)


def test_what_writers_write_reads_alike(tmp_path: Path) -> None:
    """Excel's, LibreOffice's and openpyxl's own shapes of the same cells."""
    body = (
        '<row r="1" spans="1:4" x14ac:dyDescent="0.25" xmlns:x14ac="urn:x"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c><c r="C1" s="0"/><c r="D1" t="e"><v>#REF!</v></c></row>'
        '<row r="2" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A2" s="0" t="s"><v>0</v></c><c r="B2" s="1" t="n"><v>45000</v></c><c r="C2" s="0" t="n"><v>1.5</v></c><c r="D2" s="0" t="e"><v>#REF!</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="B3" s="1" t="n"><v>45000</v></c><c r="C3" t="n"><v>1.5</v></c><c r="D3" t="e"><v>#REF!</v></c></row>'
    )
    rows = read(tmp_path, body)
    assert [r for _n, r in rows] == [{0: "Nguyễn Văn An", 1: dt.datetime(2023, 3, 15), 3: CellError("#REF!")},  # type: ignore[union-attr]
                                     {0: "Nguyễn Văn An", 1: dt.datetime(2023, 3, 15), 2: 1.5, 3: CellError("#REF!")},
                                     {0: "Nguyễn Văn An", 1: dt.datetime(2023, 3, 15), 2: 1.5, 3: CellError("#REF!")}]  # fmt: skip


def test_openpyxl_written_workbooks_read_alike(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Ngày sinh", "Số", "Giờ"])
    ws.append(["Nguyễn Văn An", dt.datetime(1980, 3, 5), 7, dt.time(8, 30)])
    ws.append(["=1+1", dt.date(1990, 1, 2), 1.25, None])
    ws["A3"].data_type = "s"  # a text starting with =, kept as text
    ws.merge_cells("A5:B5")
    hidden = wb.create_sheet("An", 0)
    hidden.sheet_state = "hidden"
    hidden.append(["không đọc"])
    wb.save(tmp_path / "o.xlsx")
    sheet = read_first_sheet(tmp_path / "o.xlsx")
    assert sheet.name == "Sheet" and sheet.merged == [(5, 0, 5, 1)]
    assert list(sheet.rows) == [
        (1, {0: "Họ và tên", 1: "Ngày sinh", 2: "Số", 3: "Giờ"}),
        (2, {0: "Nguyễn Văn An", 1: dt.datetime(1980, 3, 5), 2: 7, 3: dt.time(8, 30)}),
        (3, {0: "=1+1", 1: dt.datetime(1990, 1, 2), 2: 1.25}),
    ]


def test_a_sheet_read_in_pieces_is_cut_between_usual_rows(tmp_path: Path, monkeypatch, reader: str) -> None:  # type: ignore[no-untyped-def]
    """Cut after every usual row that the next names its number; a formula keeps the rest whole."""
    monkeypatch.setattr(xlsx_pieces, "FIRST", 1)
    loads: list[int] = []
    real = xlsx_pieces._calamine_sheet
    monkeypatch.setattr(xlsx_pieces, "_calamine_sheet", lambda *a: loads.append(1) or real(*a))
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 6))
    formula = '<row r="6"><c r="A6"><f>A5+1</f><v>6</v></c></row><row r="7"><c r="A7"><v>7</v></c></row>'
    got = list(xlsx_pieces.read_in_pieces(book(tmp_path, doc(rows + formula))).rows)
    assert got[:5] == [(n, {0: n}) for n in range(1, 6)]
    assert got[5:] == [(6, {0: Formula("A5+1", 6)}), (7, {0: 7})]
    assert len(loads) == 6  # rows 1 to 5 a piece each (the first piece one byte), then 6 and 7 together


def test_rows_out_of_order_in_pieces_ask_for_the_whole_sheet(
    tmp_path: Path, monkeypatch, reader: str
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(xlsx_pieces, "FIRST", 1)
    body = '<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'
    path = book(tmp_path, doc(body))
    assert list(xlsx.read_first_sheet(path).rows) == [(1, {0: 1}), (2, {0: 2}), (3, {0: 3})]
    rows = xlsx_pieces.read_in_pieces(path).rows
    assert next(rows) == (1, {0: 1}) and next(rows) == (3, {0: 3})
    with pytest.raises(xlsx_pieces.ReadAgain):
        next(rows)
