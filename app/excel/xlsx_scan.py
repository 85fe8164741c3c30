"""The fast path of the .xlsx reader: worksheet rows found by regular expressions.

expat calling Python for every tag, text and end tag cost ~7 callbacks per cell (3 s for 100,000
rows of 6 inline-string cells). Here expat still reads every slice of the part, with no per-tag
callbacks (well-formed, no DTD: the same refusals and messages as before), just before one
regular expression finds that slice's rows and cells. Cells holding a plain ``<v>`` or ``<is><t>`` take the quick way; any
other cell (formulas, rich text, white space between tags…) is read by the expat reader of
:mod:`.xlsx`, alone. A part this module is not sure to read exactly as expat does (comments,
CDATA, processing instructions, namespace prefixes, an encoding other than UTF-8) goes wholly to
the expat reader; tests/test_excel_reader.py checks that both readers give the same rows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from . import safety
from .safety import refuse
from .xlsx import TooLong, cell_value, checker, column_index, column_letter, expat_rows

_ATTRS = rb"(?:\s+[^\s=>/]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*"
_TOKEN = re.compile(
    rb"<(row)(?=[\s/>])(?:\s+r=\"([0-9]+)\")?(" + _ATTRS + rb")\s*(/?)>"
    rb"|<c(?:\s+r=\"([A-Z]{1,3})[0-9]*\")?(" + _ATTRS + rb")\s*"
    rb"(?:/>|>(?:<v>([^<]*)</v>|<is><t(?:\s+xml:space=\"preserve\")?>([^<]*)</t></is>|(.*?))</c\s*>)",
    re.S,
)
_ATTR = re.compile(rb"([^\s=]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_SHEET_DATA = re.compile(rb"<sheetData(" + _ATTRS + rb")\s*(/?)>")
_UNSURE = re.compile(rb"<(?:[!?]|[A-Za-z_][\w.\-]*:)")  # comments, CDATA, PIs, prefixed names
_DECLARED = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)")
_REFERENCE = re.compile(rb"&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);")
_NAMED = {b"lt": b"<", b"gt": b">", b"amp": b"&", b"quot": b'"', b"apos": b"'"}
_MEMO_LIMIT = 1 << 16
_SLICE = 1 << 20


def _reference(m: re.Match[bytes]) -> bytes:
    name = m.group(1)
    if name[:1] != b"#":
        return _NAMED[name]
    code = int(name[2:], 16) if name[:2] == b"#x" else int(name[1:])
    return chr(code).encode()


def _text(raw: bytes) -> str:
    """Character data as expat gives it: line ends normalised, references replaced."""
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if b"&" in raw:
        raw = _REFERENCE.sub(_reference, raw)
    return raw.decode()


def _attributes(raw: bytes) -> dict[str, str]:
    out = {}
    for name, double, single in _ATTR.findall(raw):
        value = (double or single).replace(b"\r\n", b" ")
        for ch in (b"\r", b"\n", b"\t"):  # attribute-value normalisation
            value = value.replace(ch, b" ")
        out[_text(name)] = _text(value)
    return out


def scannable(data: bytes) -> tuple[int, int] | None:
    """Where the rows are (start, end of ``sheetData``'s content), if this part suits the fast path."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    declared = _DECLARED.match(data[3:] if data[:3] == b"\xef\xbb\xbf" else data)
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    if data.count(b"<sheetData") != 1:
        return None
    m = _SHEET_DATA.search(data)
    if m is None:
        return None
    start = m.end()
    if m.group(2):
        return start, start
    end = data.find(b"</sheetData", start)
    if end < 0:
        return None
    if _UNSURE.search(data, start, end):
        return None
    return start, end


def fast_rows(
    path: Path, data: bytes, shared: list[object], dates: set[int], date1904: bool
) -> Iterator[tuple[int, dict[int, object]]] | None:
    """The rows of the worksheet part ``data``, or ``None`` if it must be read by expat."""
    span = scannable(data)
    if span is None:
        return None
    return _scan(path, data, span, shared, dates, date1904)


def _scan(
    path: Path,
    data: bytes,
    span: tuple[int, int],
    shared: list[object],
    dates: set[int],
    date1904: bool,
) -> Iterator[tuple[int, dict[int, object]]]:
    epoch = dt.datetime(1904, 1, 1) if date1904 else None
    max_cols, max_len, max_cells, max_rows = (
        safety.MAX_COLUMNS,
        safety.MAX_CELL_CHARS,
        safety.MAX_CELLS,
        safety.MAX_ROWS,
    )
    kinds: dict[bytes, tuple[str | None, str, int]] = {}  # attributes -> (r, t, s)
    numbers: dict[tuple[int, bytes], object] = {}
    texts: dict[bytes, str] = {}
    findall = _TOKEN.findall

    def one_cell(row_no: int, col: int, attrs: bytes, has_ref: bool, inner: bytes) -> object:
        # The cell alone through the expat reader, in a row of its own (same column, same checks).
        ref = b"" if has_ref else f' r="{column_letter(col)}{row_no}"'.encode()
        doc = b'<sheetData><row r="%d"><c%s%s>%s</c></row></sheetData>' % (row_no, ref, attrs, inner)
        for _number, cells in expat_rows(path, doc, shared, dates, date1904):
            return next(iter(cells.values()), None)
        return None

    row_no, col, cells = 0, -1, 0
    current: dict[int, object] = {}
    out: list[tuple[int, dict[int, object]]] = []
    columns: dict[bytes, int] = {}
    plain = (None, "n", -1)
    check = checker(path)
    start, end = span
    check(data[:start], False)
    while start < end:
        stop = data.find(b"</row>", start + _SLICE, end)
        stop = end if stop < 0 else stop + 6
        check(data[start:stop], False)  # expat sees each slice before it is scanned
        for is_row, row_ref, row_attrs, _closed, letters, attrs, v, inline, other in findall(data, start, stop):
            if is_row:
                if current:
                    out.append((row_no, current))
                    current = {}
                if row_ref:
                    row_no = int(row_ref)
                else:
                    r = _attributes(row_attrs).get("r") if row_attrs else None
                    row_no = int(r) if r else row_no + 1
                col = -1
                if row_no > max_rows:
                    raise refuse(path, f"bảng có quá nhiều dòng (tối đa {max_rows:,} dòng).".replace(",", "."))
                continue
            if attrs:
                kind = kinds.get(attrs)
                if kind is None:
                    a = _attributes(attrs)
                    style = a.get("s")
                    kind = (a.get("r"), a.get("t", "n"), int(style) if style else -1)
                    if len(kinds) < _MEMO_LIMIT:
                        kinds[attrs] = kind
            else:
                kind = plain
            ref, t, s = kind
            if letters:
                col = columns.get(letters, -2)
                if col == -2:
                    col = columns[letters] = column_index(letters.decode())
            elif ref:
                col = column_index(ref.rstrip("0123456789"))
            else:
                col += 1
            raw = v or inline
            if col >= max_cols:
                if other:
                    one_cell(row_no, col, attrs, ref is not None, other)  # refuses if it holds text
                elif raw:
                    raise refuse(path, f"bảng có quá nhiều cột (tối đa {max_cols} cột).")
                continue
            cells += 1
            if cells > max_cells:
                raise refuse(path, "bảng có quá nhiều ô.")
            if other:
                value = one_cell(row_no, col, attrs, ref is not None, other)
            elif t == "n" and len(raw) < 32:  # numbers and dates repeat
                key = (s, raw)
                value = numbers.get(key, numbers)
                if value is numbers:
                    text = _text(raw)
                    value = cell_value(t, s, text, len(text), shared, dates, epoch)
                    if len(numbers) < _MEMO_LIMIT:
                        numbers[key] = value
            elif (t == "inlineStr" or t == "str") and len(raw) < 256:  # so do texts (units, names, genders)
                value = texts.get(raw)
                if value is None:
                    value = _text(raw) if b"&" in raw or b"\r" in raw else raw.decode()
                    if len(texts) < _MEMO_LIMIT:
                        texts[raw] = value
            else:
                text = _text(raw) if b"&" in raw or b"\r" in raw else raw.decode()
                length = len(text)
                if length > max_len:
                    value = TooLong(length)
                elif t == "inlineStr" or t == "str":
                    value = text
                else:
                    value = cell_value(t, s, text, length, shared, dates, epoch)
            if value is not None and value != "":
                current[col] = value
        start = stop
        if start >= end:
            check(data[end:], True)
            if current:
                out.append((row_no, current))
                current = {}
        yield from out
        out.clear()
    if span[0] == span[1]:
        check(data[end:], True)

