"""The two worksheet readers agree: the fast regular-expression scan (app.excel.xlsx_scan) gives
the rows, values and refusals the expat reader (app.excel.xlsx.expat_rows) gives, on the forms
Excel, LibreOffice and openpyxl write and on odd but valid XML; parts it cannot read exactly
go to expat whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.excel import safety, xlsx_scan
from app.excel.safety import FileRefused
from app.excel.xlsx import column_letter, expat_rows
from app.excel.xlsx_scan import fast_rows, scannable

PATH = Path("tep.xlsx")
SHARED: list[object] = ["Nguyễn Văn An", "SNV", "a & b"]
DATES = {1}
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def doc(body: str, *, head: str = HEAD) -> bytes:
    return f"{head}<sheetData>{body}</sheetData></worksheet>".encode()


def both(data: bytes, date1904: bool = False) -> tuple[object, object]:
    """What each reader gives: its rows, or the message it refuses the part with."""
    results = []
    for read in (fast_rows, expat_rows):
        try:
            rows = read(PATH, data, SHARED, DATES, date1904)
            results.append(list(rows) if rows is not None else None)
        except FileRefused as exc:
            results.append(exc.message)
    return results[0], results[1]


CASES = {
    "inline strings, entities, CR LF": '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; &#x1EA1;&#13;\r\nx\ry </t></is></c><c r="B1" t="inlineStr"><is><t>Trần</t></is></c></row>',
    "shared strings, out of range": '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>9</v></c><c r="D2" t="s"><v>x</v></c></row>',
    "numbers and dates": '<row r="3"><c r="A3"><v>12</v></c><c r="B3" s="1"><v>45000</v></c><c r="C3"><v>1.5</v></c><c r="D3" s="1"><v>4.5e9</v></c><c r="E3"><v>012345678901</v></c></row>',
    "bool, error, iso date, str": '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="b"/><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="d"><v>2025-03-05T00:00:00</v></c><c r="E4" t="d"><v>bad</v></c><c r="F4" t="str"><v>x</v></c></row>',
    "formulas": '<row r="5"><c r="A5" t="str"><f>CONCAT(B5,"x")</f><v>ax</v></c><c r="B5"><f>1+1</f><v>2</v></c><c r="C5"><f>NOW()</f></c></row>',
    "rich text and phonetic runs": '<row r="6"><c r="A6" t="inlineStr"><is><r><rPr><b/></rPr><t>Lê </t></r><r><t>Văn</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>',
    "empty cells": '<row r="7"><c r="A7"/><c r="B7" t="s"></c><c r="C7" t="inlineStr"><is><t></t></is></c><c r="D7"><v></v></c><c r="E7" t="str"><v>  </v></c></row>',
    "no references": '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row><c><v>3</v></c><c r="D9"><v>4</v></c><c><v>5</v></c></row>',
    "self-closing and gaps": '<row r="10"/><row r="12" spans="1:3"><c r="B12"><v>1</v></c></row><row/><row><c r="A14"><v>2</v></c></row>',
    "attribute order, quotes, > in values": '<row r=\'15\' ht="a>b"><c s="1" r="A15"><v>45000</v></c><c t=\'inlineStr\' r=\'B15\'><is><t>x</t></is></c><c r="C15" cm="1" x="a>b" t="s"><v>1</v></c></row>',
    "odd references": '<row r="16"><c r="a16"><v>1</v></c><c r="AB16"><v>2</v></c><c r="16"><v>3</v></c><c r=""><v>4</v></c></row>',
    "white space between tags": '<row r="17">\n  <c r="A17" t="inlineStr">\n    <is>\n      <t>x</t>\n    </is>\n  </c >\n  <c r="B17">\n    <v>1</v>\n  </c>\n</row>',
    "extLst in a row": '<row r="18"><c r="A18"><v>1</v><extLst><ext uri="x"><y>2</y></ext></extLst></c></row>',
    "a huge cell": f'<row r="19"><c r="A19" t="inlineStr"><is><t>{"x" * 40_000}</t></is></c><c r="B19"><v>{"9" * 40_000}</v></c></row>',
    "a huge shared-string index": '<row r="20"><c r="A20" t="s"><v>' + "0" * 40 + "</v></c></row>",
    "NaN and INF": '<row r="21"><c r="A21"><v>NaN</v></c><c r="B21" s="1"><v>INF</v></c><c r="C21"><v>-infinity</v></c></row>',
}


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_the_fast_reader_gives_what_expat_gives(body: str) -> None:
    fast, slow = both(doc(body))
    assert fast == slow
    assert scannable(doc(body)) is not None  # read by the fast path, not handed back


def test_a_number_that_is_not_finite_stays_text() -> None:
    """Excel never writes NaN or INF; kept as text, the field rules refuse it like any other word."""
    fast, _slow = both(doc(CASES["NaN and INF"]))
    assert fast == [(21, {0: "NaN", 1: "INF", 2: "-infinity"})]


def test_the_1904_date_system_is_kept() -> None:
    data = doc('<row r="1"><c r="A1" s="1"><v>1</v></c></row>')
    fast, slow = both(data, date1904=True)
    assert fast == slow and fast[0][1][0].year == 1904  # type: ignore[index]


PARTS_FOR_EXPAT = {
    "comment": '<row r="1"><!-- <c r="A1"><v>1</v></c> --><c r="B1"><v>2</v></c></row>',
    "CDATA": '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row>',
    "processing instruction": '<row r="1"><?pi x?><c r="A1"><v>1</v></c></row>',
    "prefixed elements": '<row r="1"><x:c xmlns:x="urn:x" r="A1"><x:v>1</x:v></x:c></row>',
}


@pytest.mark.parametrize("body", PARTS_FOR_EXPAT.values(), ids=PARTS_FOR_EXPAT.keys())
def test_parts_the_scan_is_not_sure_of_go_to_expat(body: str) -> None:
    data = doc(body)
    assert scannable(data) is None
    assert fast_rows(PATH, data, SHARED, DATES, False) is None
    assert list(expat_rows(PATH, data, SHARED, DATES, False))  # and expat reads them


def test_other_encodings_go_to_expat() -> None:
    latin = doc(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>é</t></is></c></row>',
        head=HEAD.replace("UTF-8", "ISO-8859-1"),
    )
    assert scannable(latin.decode().encode("latin-1")) is None
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><worksheet><sheetData/></worksheet>'.encode("utf-16")
    assert scannable(utf16) is None


REFUSALS = {
    "not well-formed": '<row r="1"><c r="A1"><v>1</v></c>',
    "bad character": '<row r="1"><c r="A1" t="inlineStr"><is><t>a\x01b</t></is></c></row>',
    "undefined entity": '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>',
    "text beyond the last column": f'<row r="1"><c r="{column_letter(safety.MAX_COLUMNS)}1"><v>1</v></c></row>',
    "formula beyond the last column": f'<row r="1"><c r="{column_letter(safety.MAX_COLUMNS)}1"><f>1</f><v>1</v></c></row>',
}


@pytest.mark.parametrize("body", REFUSALS.values(), ids=REFUSALS.keys())
def test_both_readers_refuse_alike(body: str) -> None:
    fast, slow = both(doc(body))
    assert isinstance(fast, str) and fast == slow


def test_a_dtd_is_refused_by_both() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "b">]><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
    fast, slow = both(data)
    assert isinstance(fast, str) and "DTD" in fast and fast == slow


def test_an_empty_cell_beyond_the_last_column_is_skipped_by_both() -> None:
    fast, slow = both(
        doc(f'<row r="1"><c r="A1"><v>1</v></c><c r="{column_letter(safety.MAX_COLUMNS + 3)}1"/></row>')
    )
    assert fast == slow == [(1, {0: 1})]


def test_too_many_rows_and_cells_are_refused_by_both(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ROWS", 2)
    fast, slow = both(doc("".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(1, 5))))
    assert isinstance(fast, str) and fast == slow
    monkeypatch.setattr(safety, "MAX_ROWS", 500_000)
    monkeypatch.setattr(safety, "MAX_CELLS", 3)
    fast, slow = both(
        doc('<row r="1">' + "".join(f'<c r="{column_letter(i)}1"><v>1</v></c>' for i in range(5)) + "</row>")
    )
    assert isinstance(fast, str) and fast == slow


def _escape(text: str, cr: bool) -> str:
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out if cr else out.replace("\r", "&#13;")


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FF), max_size=12
) | st.sampled_from(["Nguyễn", "NguyÔn", " a  b ", "=1+2", "0123", "45000", "1e5", "&", "x\r\ny"])


@st.composite
def _cell(draw: st.DrawFn, col: int, row: int) -> str:
    ref = draw(st.sampled_from([f' r="{column_letter(col)}{row}"', "", f" r='{column_letter(col)}{row}'"]))
    text, cr = draw(_TEXT), draw(st.booleans())
    style = draw(st.sampled_from(["", ' s="1"', ' s="0"']))
    forms = [
        f'<c{ref} t="inlineStr"><is><t>{_escape(text, cr)}</t></is></c>',
        f'<c{ref} t="inlineStr"><is><t xml:space="preserve">{_escape(text, cr)}</t></is></c>',
        f'<c{ref} t="s"><v>{draw(st.integers(-1, 4))}</v></c>',
        f"<c{ref}{style}><v>{_escape(text, cr)}</v></c>",
        f'<c{ref} s="1"><v>{draw(st.floats(-1e6, 3e6, allow_nan=False))}</v></c>',
        f'<c{ref} t="b"><v>{draw(st.sampled_from(["0", "1", ""]))}</v></c>',
        f'<c{ref} t="str"><f>{_escape(text, cr)}</f><v>{_escape(text, cr)}</v></c>',
        f'<c{ref} t="inlineStr"><is><r><t>{_escape(text, cr)}</t></r><r><t>x</t></r></is></c>',
        f"<c{ref}/>",
        f'<c{ref} t="e"><v>{_escape(text, cr)}</v></c>',
    ]
    return draw(st.sampled_from(forms))


@st.composite
def _sheet(draw: st.DrawFn) -> str:
    rows = []
    for r in range(1, draw(st.integers(0, 6)) + 1):
        cols = sorted(draw(st.sets(st.integers(0, 6), max_size=5)))
        ref = draw(st.sampled_from([f' r="{r}"', ""]))
        rows.append(f"<row{ref}>" + "".join(draw(_cell(c, r)) for c in cols) + "</row>")
    return "".join(rows)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_sheet())
def test_random_sheets_read_alike(body: str) -> None:
    fast, slow = both(doc(body))
    assert fast == slow


COMMON_SHAPES = {
    "what Excel writes": '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c><c r="C1" s="3"/><c r="D1" t="b"/><c r="E1" t="e"/></row>',
    "what LibreOffice writes": '<row r="2" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A2" s="0" t="s"><v>2</v></c><c r="B2" s="0" t="n"><v>1.5</v></c><c r="C2" s="0" t="e"><v>#N/A</v></c></row>',
    "what openpyxl writes": '<row r="3"><c r="A3" t="inlineStr"><is><t>Lê</t></is></c><c r="B3" t="n"><v>7</v></c><c r="C3" s="1" t="n"><v>45000.5</v></c><c r="D3" t="inlineStr"><is><t xml:space="preserve"> x &amp; y\r\n</t></is></c></row>',
    "/ and > inside attribute values": '<row r="4" ht="a>b"><c r="A4" x="a/>b" t="b"/><c r="B4" x="/>" t="inlineStr"><is><t>q</t></is></c><c r="C4" x="1>0" s="1"><v>45000</v></c><c r="D4" x="p/q" t="str"><v>&amp;&#13;&lt;</v></c></row>',
    "a column twice, the second empty": '<row r="5"><c r="A5" t="s"><v>1</v></c><c r="A5" t="s"><v>0</v></c><c r="B5"><v>1</v></c><c r="B5"/></row><row r="6"><c r="A6" t="s"><v>1</v></c><c r="B6"><v>1</v></c></row>',
    "texts and numbers again": '<row r="7"><c r="A7" t="str"><v>0123</v></c><c r="B7"><v>0123</v></c><c r="C7" s="1"><v>0123</v></c></row><row r="8"><c r="A8" t="str"><v>0123</v></c><c r="B8"><v>0123</v></c><c r="C8" s="1"><v>0123</v></c></row>',
    "a huge text": f'<row r="9"><c r="A9" t="inlineStr"><is><t>{"y" * 40_000}</t></is></c><c r="B9" t="str"><v>{"z" * 300}</v></c></row>',
    "! and ? in texts, prefixed elements expat skips": '<row r="10"><x:ext xmlns:x="urn:x"/><c r="A10" t="inlineStr"><is><t>Chú ý! Có không?</t></is></c></row><row r="11"><c r="A11"><x:y xmlns:x="urn:x"/><v>1</v></c></row>',
}


ODD_CELLS = {
    "a formula after the value": '<row r="1"><c r="A1"><v>1</v><f>1+0</f></c><c r="B1" t="str"><v>x</v><f>"x"</f></c></row>',
    "two values, a run after the text": '<row r="2"><c r="A2"><v>1</v><v>2</v></c><c r="B2" t="inlineStr"><is><t>a</t><r><t>b</t></r></is></c></row>',
    "a self-closing value": '<row r="3"><c r="A3"><v/></c><c r="B3" t="inlineStr"><is><t/></is></c><c r="C3"><v>1</v></c></row>',
}


@pytest.mark.parametrize("body", ODD_CELLS.values(), ids=ODD_CELLS.keys())
def test_cells_that_start_like_common_ones_read_alike(body: str) -> None:
    fast, slow = both(doc(body))
    assert fast == slow and isinstance(fast, list) and fast


class _NoMixed:
    """Stands for _MIXED where only the short expression may be used."""

    def findall(self, *_args: object) -> list[object]:
        raise AssertionError("read by the long expression")


@pytest.mark.parametrize("body", COMMON_SHAPES.values(), ids=COMMON_SHAPES.keys())
def test_common_shapes_read_alike(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = doc(body)
    assert scannable(data) is not None
    if "<x:" not in body:  # the shapes writers use take the short expression alone
        monkeypatch.setattr(xlsx_scan, "_MIXED", _NoMixed())
    fast, slow = both(data)
    assert fast == slow and isinstance(fast, list) and fast


# Characters XML allows: a part both bad and too wide is refused by both readers, but each names
# the fault it meets first (the scan has expat check a slice before reading it).
_VALID_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), max_codepoint=0x2FF)
    | st.sampled_from("\t\r\n"),
    max_size=12,
)


FORMULAS = {
    "shared formulas": '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>4</v></c><c r="B1"><f t="shared" si="0"/><v>6</v></c><c r="C1" s="1"><f>TODAY()</f><v>45000</v></c></row>',
    "results of each type": '<row r="2"><c r="A2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B2" t="b"><f>1=1</f><v>1</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2" t="str"><f>""</f><v></v></c><c r="E2"><f>NOW()</f></c></row>',
    "line ends and references": '<row r="3"><c r="A3" t="str"><f>"x"&amp;CHAR(10)&#13;\r\n&amp;"y"</f><v>x\r\ny &lt;</v></c></row>',
    "past the last column": f'<row r="4"><c r="A4"><f>1</f><v>1</v></c><c r="{column_letter(safety.MAX_COLUMNS)}4"><f>2</f></c><c r="{column_letter(safety.MAX_COLUMNS + 1)}4"><f>3</f><v></v></c></row>',
    "a formula longer than pyexpat's buffer": f'<row r="5"><c r="A5" t="str"><f>{"1+" * 40_000}1</f><v>x</v></c></row>',
}


class _NoCellByExpat:
    """Stands for xlsx_scan's expat_rows where no cell may be read by expat alone."""

    def __call__(self, *_args: object) -> object:
        raise AssertionError("a cell read by expat alone")


@pytest.mark.parametrize("body", FORMULAS.values(), ids=FORMULAS.keys())
def test_formulas_read_alike(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if len(body) < 65536:  # formulas Excel writes are read without a parser of their own
        monkeypatch.setattr(xlsx_scan, "expat_rows", _NoCellByExpat())
    fast, slow = both(doc(body))
    assert fast == slow and isinstance(fast, list) and fast


@st.composite
def _common_cell(draw: st.DrawFn, col: int, row: int) -> str:
    """A cell of the shapes the short expression reads (r first, double quotes), attributes that
    may hold "/", ">" or "/>"."""
    names = {"s": ['"1"', '"0"'], "t": ['"s"', '"inlineStr"', '"str"', '"n"', '"b"', '"e"', '"d"'],
             "x": ['"a/>b"', '"/>"', '"1>0"', '"p/q"', '"&amp;"']}  # fmt: skip
    chosen = draw(st.lists(st.sampled_from(sorted(names)), unique=True, max_size=3))
    attrs = "".join(f" {name}={draw(st.sampled_from(names[name]))}" for name in chosen)
    text = _escape(draw(_VALID_TEXT), draw(st.booleans()))
    if 's"' in attrs and draw(st.booleans()):
        text = str(draw(st.integers(-1, 4)))
    content = draw(st.sampled_from(["/>", "><v>{}</v></c>", "><is><t>{}</t></is></c>",
                                    '><is><t xml:space="preserve">{}</t></is></c>']))  # fmt: skip
    return f'<c r="{column_letter(col)}{row}"{attrs}{content.format(text)}'


@st.composite
def _common_sheet(draw: st.DrawFn, wide: bool = True) -> str:
    rows = []
    far = st.just(safety.MAX_COLUMNS) if wide else st.nothing()
    for r in range(1, draw(st.integers(0, 6)) + 1):
        cols = sorted(draw(st.sets(st.integers(0, 6) | far, max_size=5)))
        rows.append(f'<row r="{r}">' + "".join(draw(_common_cell(c, r)) for c in cols) + "</row>")
    return "".join(rows)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_common_sheet())
def test_random_common_sheets_read_alike(body: str) -> None:
    fast, slow = both(doc(body))
    assert fast == slow


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_common_sheet(wide=False) | _sheet(), max_size=4), st.sampled_from([1, 300, 1 << 20]))
def test_sheets_read_in_many_slices_alike(parts: list[str], size: int) -> None:
    """Slices of common shapes, then others (read again by the long expression), then common ones."""
    kept = xlsx_scan._SLICE
    xlsx_scan._SLICE = size
    try:
        fast, slow = both(doc("".join(parts)))
    finally:
        xlsx_scan._SLICE = kept
    assert fast == slow


def test_the_copied_date_rules_are_openpyxls() -> None:
    from openpyxl.styles import numbers
    from openpyxl.utils import datetime as oxl

    from app.excel import excel_dates

    assert excel_dates.BUILTIN_FORMATS == numbers.BUILTIN_FORMATS
    formats = [*numbers.BUILTIN_FORMATS.values(), None, "", "dd/mm/yyyy", '"Ngày" dd', "[Red]0", "[h]:mm",
               "0_);[Blue](0)", "yyyy;@", "\\d0", "_m0", "[$-42A]dd/mm/yyyy", 'General"d"']  # fmt: skip
    for fmt in formats:
        assert excel_dates.is_date_format(fmt) == numbers.is_date_format(fmt), fmt
    values = [0, 0.25, 0.9999999, 1, 1.5, 59, 59.99, 60, 61, 366.5, 45000, 45000.123456, 2958465, -1.5, 1e-9]
    values += [i * 7.7 for i in range(0, 4000, 13)]
    values += [-700_000.0, 3e6, 1e10]  # out of range: both raise the same error
    for value in values:
        for epoch in (oxl.WINDOWS_EPOCH, oxl.MAC_EPOCH):
            assert _outcome(excel_dates.from_excel, value, epoch) == _outcome(oxl.from_excel, value, epoch), (
                value
            )


def _outcome(convert, value: float, epoch: object) -> object:  # type: ignore[no-untyped-def]
    try:
        return convert(value, epoch)
    except (ValueError, OverflowError) as exc:
        return type(exc)
