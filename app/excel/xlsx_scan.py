"""The fast path of the .xlsx reader: worksheet rows found by regular expressions.

expat calling Python for every tag, text and end tag cost ~7 callbacks per cell (3 s for 100,000
rows of 6 inline-string cells). Here expat still reads every slice of the part, with no per-tag
callbacks (well-formed, no DTD: the same refusals and messages as before), just before regular
expressions find that slice's rows and cells. Rows and cells of the shapes Excel, LibreOffice and
openpyxl write (``<c r="B2" s="1" t="s"><v>3</v></c>``, ``<is><t>`` for inline text) are found by a
short expression whose key, the cell's attributes and content, maps to the value met before; a
slice holding any other shape is read by a longer one that also knows formulas as Excel writes
them and the rest. Any other cell (rich text, white space between tags…) is read by the expat
reader of :mod:`.xlsx`, alone. A part this module is not sure to read exactly as expat does
(comments, CDATA, processing instructions, a prefixed element expat would read as c, v, t, f or
row, an encoding other than UTF-8) goes wholly to the expat reader; tests/test_excel_reader.py
checks that both readers give the same rows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from . import safety
from .safety import refuse
from .xlsx import Formula, cell_value, checker, column_index, column_letter, expat_rows

_ATTRS = rb"(?:\s+[^\s=>/]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*"
_TOKEN = (
    rb"<(row)(?=[\s/>])(?:\s+r=\"([0-9]+)\")?(" + _ATTRS + rb")\s*(/?)>"
    rb"|<c(?:\s+r=\"([A-Z]{1,3})[0-9]*\")?(" + _ATTRS + rb")\s*"
    rb"(?:/>|>(?:<v>([^<]*)</v>|<is><t(?:\s+xml:space=\"preserve\")?>([^<]*)</t></is>|(.*?))</c\s*>)"
)
# The common shapes: a row with r first; a cell with r first, its other attributes in double quotes
# after one space each, holding one <v>, one plain <is><t> or nothing. Groups: the cell's column,
# its key (attributes and content: same key, same value), the row's number. Such a cell is read
# just as _TOKEN reads it (same span, same attributes, same text), since a tag can end only after
# a whole attribute.
_COMMON_CELL = (  # possessive (*+): nothing to give back, and 8 % quicker
    rb"c r=\"([A-Z]{1,3})[0-9]*+\""
    rb"((?: [^\s=>/]++=\"[^\"<]*+\")*+(?:/>|>(?:<v>|<is><t(?: xml:space=\"preserve\")?>)[^<]*+</(?:v|t></is)></c>))"
    rb"|row r=\"([0-9]+)\"[^>]*>"
)
# Common shapes, or any other row or cell with its groups empty (the slice is then read by _MIXED).
_COMMON = re.compile(rb"<(?:" + _COMMON_CELL + rb"|c[\s/>]|row[\s/>])")
# A formula cell as Excel writes it (r first, attributes as above, then <f> and maybe <v>), its
# formula no longer than pyexpat's text buffer (so that the expat reader gets it in one piece).
# Groups: column, attributes, formula, value.
_FORMULA_CELL = (
    rb"c r=\"([A-Z]{1,3})[0-9]*+\"((?: [^\s=>/]++=\"[^\"<]*+\")*+)>"
    rb"<f(?: [^\s=>/]++=\"[^\"<]*+\")*+(?:/>|>([^<]{0,65536}+)</f>)(?:<v>([^<]*+)</v>)?</c>"
)
# Common shapes first (3 groups), formulas (4), then every other token as _TOKEN finds it (9).
_MIXED = re.compile(rb"<(?:" + _COMMON_CELL + rb"|" + _FORMULA_CELL + rb")|" + _TOKEN, re.S)
# A key's attributes and text.
_KEY = re.compile(rb"((?: [^\s=>/]+=\"[^\"<]*\")*)(?:/>|>(?:<v>|<is><t[^>]*>)([^<]*))")
_ATTR = re.compile(rb"([^\s=]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_SHEET_DATA = re.compile(rb"<sheetData(" + _ATTRS + rb")\s*(/?)>")
_MARKUP = re.compile(rb"<[!?]")  # comments, CDATA, processing instructions
# A prefixed element whose local name the expat reader acts on (it reads <x:c> as <c>); found from
# the colon, which only xml:space usually has.
_PREFIXED = re.compile(rb":(?:c|v|t|f|row)[\s/>]")
_NAME_PART = re.compile(rb"[^\s/>]*")
_DECLARED = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)")
_REFERENCE = re.compile(rb"&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);")
_NAMED = {b"lt": b"<", b"gt": b">", b"amp": b"&", b"quot": b'"', b"apos": b"'"}
_MEMO_LIMIT = 1 << 16
_MISSING = object()
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
    if _unsure(data, start, end):
        return None
    return start, end


def _unsure(data: bytes, start: int, end: int) -> bool:
    """Whether ``data[start:end]`` holds markup this module leaves to expat (see the module doc)."""
    if (data.find(b"!", start, end) >= 0 or data.find(b"?", start, end) >= 0) and _MARKUP.search(
        data, start, end
    ):
        return True
    for m in _PREFIXED.finditer(data, start, end):  # "x:c " in a text or a value is no element
        colon = m.start()
        tag = data.rfind(b"<", start, colon)
        if tag >= 0 and _NAME_PART.fullmatch(data, tag + 1, colon):
            return True
    return False


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
    too_many_rows = f"bảng có quá nhiều dòng (tối đa {max_rows:,} dòng).".replace(",", ".")
    too_many_cols = f"bảng có quá nhiều cột (tối đa {max_cols} cột)."
    kinds: dict[bytes, tuple[str | None, str, int]] = {}  # attributes -> (r, t, s)
    values: dict[object, object] = {}  # key -> value (None: nothing kept)
    columns = {column_letter(i).encode(): i for i in range(max_cols)}

    def kind_of(attrs: bytes) -> tuple[str | None, str, int]:
        kind = kinds.get(attrs)
        if kind is None:
            a = _attributes(attrs)
            style = a.get("s")
            kind = (a.get("r"), a.get("t", "n"), int(style) if style else -1)
            if len(kinds) < _MEMO_LIMIT:
                kinds[attrs] = kind
        return kind

    def value_of(t: str, s: int, raw: bytes) -> object:
        text = _text(raw) if b"&" in raw or b"\r" in raw else raw.decode()
        if (t == "inlineStr" or t == "str") and len(text) <= max_len:
            return text or None  # cell_value's answer, sooner
        value = cell_value(t, s, text, len(text), shared, dates, epoch)
        return None if value == "" else value

    def remember(key: object, size: int, value: object) -> object:
        if size < 512 and len(values) < _MEMO_LIMIT:
            values[key] = value
        return value

    def common_value(key: bytes) -> object:
        attrs, raw = _KEY.match(key).groups()  # type: ignore[union-attr]
        _ref, t, s = kinds.get(attrs) or kind_of(attrs)
        return remember(key, len(key), value_of(t, s, raw or b""))

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
    plain = (None, "n", -1)
    check = checker(path)
    start, end = span
    check(data[:start], False)
    view = memoryview(data)
    mixed = False  # once a slice needed _MIXED, the next ones likely will too
    while start < end:
        stop = data.find(b"</row>", start + _SLICE, end)
        stop = end if stop < 0 else stop + 6
        check(view[start:stop], False)  # expat sees each slice before it is scanned
        if not mixed:
            found = _COMMON.findall(data, start, stop)
            mixed = cells + len(found) > max_cells  # then counted cell by cell, to refuse at the same one
        if not mixed:
            saved = row_no, col, cells, dict(current)
            for letters, key, row_ref in found:
                if row_ref:
                    if current:
                        out.append((row_no, current))
                        current = {}
                    row_no = int(row_ref)
                    col = -1
                    if row_no > max_rows:
                        raise refuse(path, too_many_rows)
                    continue
                if not key:  # another shape: the slice is read again below
                    mixed = True
                    row_no, col, cells, current = saved
                    out.clear()
                    break
                value = values.get(key, _MISSING)
                if value is _MISSING:
                    value = common_value(key)
                col = columns.get(letters, -1)
                if col < 0:  # past the last column kept
                    col = column_index(letters.decode())
                    if _KEY.match(key).group(2):  # type: ignore[union-attr]
                        raise refuse(path, too_many_cols)
                    continue
                cells += 1
                if value is not None:
                    current[col] = value
        if mixed:
            for (
                letters, key, row_ref, f_letters, f_attrs, formula, f_value,
                is_row, other_ref, row_attrs, _closed, other_letters, attrs, v, inline, other,
            ) in _MIXED.findall(data, start, stop):  # fmt: skip
                if row_ref or is_row:
                    if current:
                        out.append((row_no, current))
                        current = {}
                    if row_ref or other_ref:
                        row_no = int(row_ref or other_ref)
                    else:
                        r = _attributes(row_attrs).get("r") if row_attrs else None
                        row_no = int(r) if r else row_no + 1
                    col = -1
                    if row_no > max_rows:
                        raise refuse(path, too_many_rows)
                    continue
                if key:  # a common cell, as above
                    value = values.get(key, _MISSING)
                    if value is _MISSING:
                        value = common_value(key)
                    col = columns.get(letters, -1)
                    if col < 0:
                        col = column_index(letters.decode())
                        if _KEY.match(key).group(2):  # type: ignore[union-attr]
                            raise refuse(path, too_many_cols)
                        continue
                elif f_letters:  # what the expat reader makes of a formula, without it
                    _ref, t, s = kind_of(f_attrs)
                    col = columns.get(f_letters, -1)
                    if col < 0:
                        col = column_index(f_letters.decode())
                        if f_value:
                            raise refuse(path, too_many_cols)
                        continue
                    text = _text(f_value)
                    value = Formula(_text(formula), cell_value(t, s, text, len(text), shared, dates, epoch))
                else:
                    ref, t, s = kind_of(attrs) if attrs else plain
                    if other_letters:
                        col = column_index(other_letters.decode())
                    elif ref:
                        col = column_index(ref.rstrip("0123456789"))
                    else:
                        col += 1
                    raw = v or inline
                    if col >= max_cols:
                        if other:
                            one_cell(row_no, col, attrs, ref is not None, other)  # refuses if it holds text
                        elif raw:
                            raise refuse(path, too_many_cols)
                        continue
                    if other:
                        value = one_cell(row_no, col, attrs, ref is not None, other)
                        if value == "":
                            value = None
                    else:
                        value = values.get((attrs, raw), _MISSING)
                        if value is _MISSING:
                            value = remember((attrs, raw), len(attrs) + len(raw), value_of(t, s, raw))
                cells += 1
                if cells > max_cells:
                    raise refuse(path, "bảng có quá nhiều ô.")
                if value is not None:
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
