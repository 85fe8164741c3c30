"""The first worksheet of an .xlsx, read by calamine (python-calamine) for imports: values only, bounded.

calamine (Rust) reads a whole sheet in one call, 2–2.7× quicker than the expat reader this
replaces; with the checks below the read is 1.4–1.8× quicker (about the same with a formula in every
row: benchmarks/bench_xlsx_read.py).
What it does not give, or must not be handed unchecked, is done here first, on the zip
:mod:`.safety` has already checked (size, zip bomb, encryption):

- :func:`_workbook` names the first visible worksheet and its part (expat, no DTD);
- :func:`_copy` decompresses each XML part once, refuses one that declares a DTD, and stores them
  uncompressed in a zip in memory: calamine reads exactly the bytes checked here;
- :func:`_scan_sheet` refuses a row past :data:`.safety.MAX_ROWS`, a value past
  :data:`.safety.MAX_COLUMNS` and a sheet whose extent (rows × columns) exceeds :data:`MAX_GRID`
  *before* calamine lays the sheet out as one dense grid: a 2 KB file with cells A1 and XFD1048576
  made it ask for 512 GiB and abort the process. It also notes the cells calamine hides: formulas
  (calamine gives only the value Excel computed) and error cells (calamine gives them as empty);
- :func:`_rows` gives calamine's rows in the contract the importer relies on: ``{column: value}``
  per row numbered from 1, no empty cells, whole numbers as ``int``, date cells as ``datetime``
  (a time of day as ``time``), texts over Excel's limit as :class:`TooLong`, a non-finite number as
  text, formulas as :class:`Formula` and errors as :class:`CellError`.

calamine does not check that end tags match their start tags: a part with a mismatched tag is
read as far as it makes sense, where expat refused it (a part cut short, a bad entity, a
damaged zip member are still refused).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import math
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path, PurePosixPath
from xml.parsers import expat

import python_calamine as pc

from . import safety
from .safety import refuse


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula; ``cached`` is the value Excel last computed, if saved."""

    text: str
    cached: object = None


@dataclass(frozen=True)
class TooLong:
    length: int


@dataclass(frozen=True)
class CellError:
    code: str  # "#N/A", "#VALUE!"…


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: Iterator[tuple[int, dict[int, object]]]  # (row number from 1, {column index from 0: value})
    merged: list[tuple[int, int, int, int]]  # (first row, first col, last row, last col), 1-/0-based as above


DTD = "tệp chứa khai báo DTD/thực thể XML, không được phép (có thể là tệp độc hại)."


def _too_many_rows() -> str:
    return f"bảng có quá nhiều dòng (tối đa {safety.MAX_ROWS:,} dòng).".replace(",", ".")


def _too_many_columns() -> str:
    return f"bảng có quá nhiều cột (tối đa {safety.MAX_COLUMNS} cột)."


class _Refused(Exception):
    pass


def _parser() -> expat.XMLParserType:
    p = expat.ParserCreate()

    def no_dtd(*_args: object) -> None:
        raise _Refused

    p.StartDoctypeDeclHandler = no_dtd
    p.EntityDeclHandler = no_dtd
    p.ExternalEntityRefHandler = no_dtd  # type: ignore[assignment]  # wants an int back: no_dtd raises
    return p


def _local(name: str) -> str:
    return name[name.find(":") + 1 :] if ":" in name else name


def _parse(path: Path, data: bytes, p: expat.XMLParserType) -> None:
    try:
        p.Parse(data, True)
    except _Refused:
        raise refuse(path, DTD) from None
    except expat.ExpatError as exc:
        raise refuse(path, f"nội dung tệp .xlsx bị hỏng (XML lỗi: {exc}).") from None


_COL_CACHE: dict[str, int] = {}


def column_index(letters: str) -> int:
    found = _COL_CACHE.get(letters)
    if found is None:
        n = 0
        for ch in letters:
            n = n * 26 + (ord(ch) - 64)
        found = _COL_CACHE[letters] = n - 1
    return found


def column_letter(index: int) -> str:
    out, n = "", index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _workbook(path: Path, z: zipfile.ZipFile) -> tuple[str, str]:
    """(first visible sheet's name, its member path)"""
    sheets: list[tuple[str, str]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "sheet" and attrs.get("state", "visible") == "visible":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            sheets.append((attrs.get("name", ""), rid))

    p = _parser()
    p.StartElementHandler = start
    _parse(path, safety.read_member(path, z, "xl/workbook.xml"), p)
    if not sheets:
        raise refuse(path, "bảng tính không có trang tính nào.")
    targets: dict[str, str] = {}

    def rel(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship":
            targets[attrs.get("Id", "")] = attrs.get("Target", "")

    p = _parser()
    p.StartElementHandler = rel
    _parse(path, safety.read_member(path, z, "xl/_rels/workbook.xml.rels"), p)
    name, rid = sheets[0]
    target = targets.get(rid, "worksheets/sheet1.xml")
    member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
    return name, member


# In the rows of a part that passes the quick check, every tag is one of these: an end tag, <v>, <is>,
# <t>, a row with its number first and a cell with its reference first, both below MAX_ROWS' 500,000
# and the cell in columns A to Z. calamine can then lay out no more than 499,999 × 26 cells.
_USUAL_ROW = rb"(?:[1-9][0-9]{0,4}|[1-4][0-9]{5})"
_UNUSUAL = re.compile(rb'<(?!/|v>|is>|t[ >]|c r="[A-Z]' + _USUAL_ROW + rb'"|row r="' + _USUAL_ROW + rb'")')
_SHEET_DATA = re.compile(rb"<(?:[\w.-]+:)?sheetData\b[^>]*?(/?)>")
_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*?)(/?)>")
_CELL_END = re.compile(rb"</(?:[\w.-]+:)?c\s*>")
_ATTR = re.compile(rb"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f\b[^>]*?(?:/>|>([^<]*)<)")
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v\b[^>]*>([^<]*)<")
_TEXT = re.compile(rb">[^<]")  # text in a cell (its formula taken out): a value
_FORMULA_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?f\b[^>]*?(?:/>|>[^<]*</(?:[\w.-]+:)?f\s*>)")
_LAST_ROW = re.compile(rb'<row r="([0-9]+)"')
# A row or cell that does not name its place first, a prefixed element, comment, CDATA or PI.
_LOOSE = re.compile(
    rb'<(?:c|row)(?=[\s/>])(?! r=")|<c r="(?![A-Z]+[0-9]+")|<row r="(?![0-9]+")|<[\w.-]+:|<!|<\?'
)
# A formula or error cell as writers write it (reference first, the formula, then the value).
_FORMULA_CELL = re.compile(
    rb'<c r="([A-Z]+)([0-9]+)"([^>]*)><f\b[^>]*?(?:/>|>([^<]*)</f>)(?:<v>([^<]*)</v>)?</c>'
)
_ERROR_CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*? t="e"[^>]*>(?:<v>([^<]*)</v>)?</c>')
_ROW_NUMBERS = re.compile(rb'<(?:c r="[A-Z]+|row r=")([0-9]+)')
# A reference past _USUAL_ROW's rows or past column GR (MAX_COLUMNS' 200), and cells past Z.
_FAR = re.compile(rb'<(?:c r="[A-Z]*|row r=")(?:[5-9][0-9]{5}|[0-9]{7})|<c r="(?:[A-Z]{3}|G[S-Z]|[H-Z][A-Z])')
_USUAL_ROWS = 499_999
_WIDE = re.compile(rb'<c r="[A-Z]{2}')
_WIDE_LETTERS = re.compile(rb'<c r="([A-Z]{2,})')
_SLICE = 1 << 20
# Cells calamine may lay out as one dense grid (32 bytes each): twice what an import may hold.
MAX_GRID = 2 * safety.MAX_CELLS


class _Scan:
    """One pass over a worksheet part's rows. A slice of usual tags (see _UNUSUAL) is only searched.
    A slice holding others (formulas, error cells, columns past Z) whose rows and cells all name
    their place is bounded from its references (:meth:`explicit`); any other is read tag by tag, each
    cell placed as calamine places it (one without a reference after the one before, a row without a
    number after the one before), its bounds checked and its formula or error noted."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.row = self.col = 0  # where calamine puts the next row and cell (0-based)
        self.max_row = self.max_col = -1
        self.special: dict[int, list[tuple[int, object]]] = {}

    def usual(self, data: bytes, start: int, stop: int, *, columns: int = 26) -> None:
        self.max_col = max(self.max_col, columns - 1)
        at = data.rfind(b"<row ", start, stop)
        m = _LAST_ROW.match(data, at) if at >= 0 else None
        if m:  # rows ascend in what writers write; _UNUSUAL bounds any other anyway
            self.row, self.col = int(m.group(1)), 0  # the last row has ended
            self.max_row = max(self.max_row, self.row - 1)

    def tags(self, data: bytes, start: int, stop: int) -> None:
        max_rows, max_cols = safety.MAX_ROWS, safety.MAX_COLUMNS
        for m in _TAG.finditer(data, start, stop):
            end, name, raw, empty = m.groups()
            if empty:
                continue  # calamine skips an empty <row/> or <c/>
            if name == b"row":
                if end:
                    self.row, self.col = self.row + 1, 0
                    continue
                r = _attrs(raw).get(b"r")
                if r is not None:
                    if not r.isdigit():
                        raise refuse(self.path, _broken(r))
                    if int(r) > max_rows:
                        raise refuse(self.path, _too_many_rows())
                    self.row = int(r) - 1
                continue
            if end:
                continue
            attrs = _attrs(raw)
            r = attrs.get(b"r")
            if r is not None:
                ref = _REF.fullmatch(r.decode(errors="replace"))
                if ref is None:
                    raise refuse(self.path, _broken(r))
                row, col = int(ref.group(2)) - 1, column_index(ref.group(1))
                if row >= max_rows:
                    raise refuse(self.path, _too_many_rows())
            else:
                row, col = self.row, self.col
            self.col = col + 1
            close = _CELL_END.search(data, m.end(), stop)
            inner = data[m.end() : close.start() if close else stop]
            if col >= max_cols:
                if _TEXT.search(_FORMULA_ELEMENT.sub(b"", inner)):
                    raise refuse(self.path, _too_many_columns())
                continue
            self.max_row, self.max_col = max(self.max_row, row), max(self.max_col, col)
            self._note(row, col, attrs.get(b"t"), inner)

    def explicit(self, data: bytes, start: int, stop: int) -> bool:
        """A slice whose every row and cell names its place first (formulas, error cells, columns
        past Z: what writers write): bounds from the references, then only the formula and error
        cells are looked at. False if it holds anything else, to be read tag by tag."""
        if _LOOSE.search(data, start, stop):
            return False
        if _FAR.search(data, start, stop):
            return False  # read tag by tag: refused with its reason, or an empty cell skipped
        col = 25  # the widest column, found when some have two letters
        if data.find(b'<c r="', start, stop) >= 0 and _WIDE.search(data, start, stop):
            letters = max(set(_WIDE_LETTERS.findall(data, start, stop)), key=lambda x: (len(x), x))
            col = column_index(letters.decode())
            if col >= safety.MAX_COLUMNS:
                return False
        if (_USUAL_ROWS + 1) * (col + 1) > MAX_GRID:  # any row is possible: the last one is needed
            numbers = _ROW_NUMBERS.findall(data, start, stop)
            self.max_row = max(self.max_row, max(map(int, numbers), default=0) - 1)
        self.max_col = max(self.max_col, col)
        formulas = _FORMULA_CELL.findall(data, start, stop) if data.find(b"<f", start, stop) >= 0 else []
        errors = _ERROR_CELL.findall(data, start, stop) if data.find(b't="e"', start, stop) >= 0 else []
        if len(formulas) != data.count(b"<f", start, stop) or len(errors) + sum(
            b't="e"' in f[2] for f in formulas
        ) != data.count(b't="e"', start, stop):
            return False  # a formula or error cell of another shape: read tag by tag
        for letters, digits, attrs, text, value in formulas:
            cached = CellError(_text(value)) if b't="e"' in attrs else None
            self._add(int(digits), letters, Formula(_text(text), cached))
        for letters, digits, value in errors:
            self._add(int(digits), letters, CellError(_text(value)))
        self.usual(data, start, stop, columns=0)
        return True

    def _add(self, number: int, letters: bytes, cell: object) -> None:
        self.special.setdefault(number, []).append((column_index(letters.decode()), cell))

    def _note(self, row: int, col: int, typ: bytes | None, inner: bytes) -> None:
        """A formula or error cell, noted for the rows calamine gives."""
        formula = _FORMULA.search(inner) if b"f" in inner else None
        if formula is not None or typ == b"e":
            value = _VALUE.search(inner)
            cell: object = CellError(_text(value.group(1)) if value else "") if typ == b"e" else None
            if formula is not None:
                cell = Formula(_text(formula.group(1) or b""), cell)
            self.special.setdefault(row + 1, []).append((col, cell))


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return {k: (d or s) for k, d, s in _ATTR.findall(raw)}


def _text(raw: bytes) -> str:
    text = raw.decode(errors="replace")
    if "&#" in text or "\r" in text:
        return html.unescape(text.replace("\r\n", "\n"))
    if "&" in text:  # the five XML escapes; html.unescape took 3 µs a formula
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
        return text.replace("&amp;", "&")
    return text


def _broken(ref: bytes) -> str:
    return f"nội dung tệp .xlsx bị hỏng (địa chỉ ô «{ref.decode(errors='replace')[:20]}»)."


def _scan_sheet(path: Path, data: bytes) -> dict[int, list[tuple[int, object]]]:
    """Check the worksheet part before calamine reads it (see the module doc); its formula and error
    cells by row number: ``{row: [(column, Formula or CellError)]}``."""
    scan = SheetScan(path, data)
    scan.through(scan.last)
    scan.check_grid()
    return scan.special


class SheetScan:
    """The checks of :func:`_scan_sheet` over a worksheet part's rows, slice by slice, so that a
    reader may hand calamine the rows checked so far (:mod:`.xlsx_pieces`). ``rows_at`` and
    ``last`` bound the rows in ``data`` (equal when there are none); ``pos`` is how far it has read."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path, self.data = path, data
        self.scan = _Scan(path)
        self.rows_at = self.pos = self.last = len(data)
        m = _SHEET_DATA.search(data)
        if m is None:
            return  # calamine says what is wrong
        if b"<!DOCTYPE" in data[: m.start()] or b"<!ENTITY" in data[: m.start()]:
            raise refuse(path, DTD)
        if m.group(1):
            return
        name = data.rfind(b"sheetData")  # the end tag (a regex search for it took 0.25 s of 45 MB)
        end = data.rfind(b"</", m.end(), name) if name >= m.end() else -1
        self.rows_at = self.pos = m.end()
        self.last = end if end >= 0 else len(data)

    @property
    def special(self) -> dict[int, list[tuple[int, object]]]:
        return self.scan.special

    def through(self, limit: int) -> bool:
        """Read on to the end of the first row that ends at or after ``limit`` (or to the last);
        True if every slice read now held only usual tags (see _UNUSUAL): no formula, no error cell,
        every row and cell naming its place."""
        data, scan, last = self.data, self.scan, self.last
        plain = True
        while self.pos < min(limit, last):
            start = self.pos
            stop = data.find(b"</row>", min(start + _SLICE, limit), last)
            stop = last if stop < 0 else stop + 6
            if _UNUSUAL.search(data, start, stop) or data.find(b't="e"', start, stop) >= 0:
                plain = False
                if not scan.explicit(data, start, stop):
                    scan.tags(data, start, stop)
            else:
                scan.usual(data, start, stop)
            self.pos = stop
        return plain

    def check_grid(self) -> None:
        """Refuse a sheet whose rows read so far span more cells than calamine may lay out."""
        if (self.scan.max_row + 1) * (self.scan.max_col + 1) > MAX_GRID:
            raise refuse(self.path, "bảng có quá nhiều ô.")


def _copy(path: Path, z: zipfile.ZipFile, sheet: str, *, with_sheet: bool = True) -> tuple[io.BytesIO, bytes]:
    """The workbook's XML parts, each decompressed once and checked for a DTD, stored uncompressed
    in a zip held in memory: calamine reads only what was checked here. Also the sheet part (in
    that zip too unless ``with_sheet`` is false)."""
    if sheet not in z.namelist():
        raise refuse(path, f"tệp .xlsx thiếu phần «{sheet}».")
    out = io.BytesIO()
    data = b""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for info in z.infolist():
            name = info.filename
            if not name.endswith((".xml", ".rels")):
                continue
            part = safety.read_member(path, z, name)
            if name == sheet:
                data = part  # its prolog is checked by _scan_sheet
                if not with_sheet:
                    continue
            elif b"<!DOCTYPE" in part[: 1 << 16] or b"<!ENTITY" in part[: 1 << 16]:
                raise refuse(path, DTD)
            copy.writestr(name, part)
    out.seek(0)
    return out, data


def read_first_sheet(path: Path) -> Sheet:
    """The first visible worksheet of an .xlsx, checked by :mod:`.safety` and :func:`_scan_sheet` first."""
    path = Path(path)
    z = safety.open_xlsx(path)
    try:
        name, member = _workbook(path, z)
        copy, data = _copy(path, z, member)
    finally:
        z.close()
    special = _scan_sheet(path, data)
    del data
    sheet = _calamine_sheet(path, copy, name)
    merged = [(r1 + 1, c1, r2 + 1, c2) for (r1, c1), (r2, c2) in sheet.merged_cell_ranges or ()]
    return Sheet(name, _rows(path, sheet, special), merged)


def _calamine_sheet(path: Path, copy: io.BytesIO, name: str) -> pc.CalamineSheet:
    try:
        with pc.CalamineWorkbook.from_filelike(copy) as workbook:
            return workbook.get_sheet_by_name(name)
    except pc.PasswordError:
        raise refuse(path, "tệp được đặt mật khẩu. Hãy bỏ mật khẩu rồi lưu lại dạng .xlsx.") from None
    except pc.ZipError as exc:
        raise refuse(path, f"tệp .xlsx bị hỏng hoặc chưa tải về đầy đủ ({exc}).") from None
    except pc.XmlError as exc:
        raise refuse(path, f"nội dung tệp .xlsx bị hỏng (XML lỗi: {exc}).") from None
    except pc.CalamineError as exc:
        raise refuse(path, f"nội dung tệp .xlsx bị hỏng ({exc}).") from None
    except BaseException as exc:  # a panic in the Rust reader arrives as pyo3's PanicException
        if type(exc).__name__ != "PanicException":
            raise
        raise refuse(path, f"nội dung tệp .xlsx bị hỏng ({exc}).") from None


def _rows(
    path: Path,
    sheet: pc.CalamineSheet,
    special: dict[int, list[tuple[int, object]]],
    tally: Tally | None = None,
) -> Iterator[tuple[int, dict[int, object]]]:
    tally = tally or Tally()
    max_rows, max_cols, max_cells, max_len = (
        safety.MAX_ROWS,
        safety.MAX_COLUMNS,
        safety.MAX_CELLS,
        safety.MAX_CELL_CHARS,
    )
    start, end = sheet.start, sheet.end  # both None for an empty sheet, else both set
    if start is not None and end is not None and end[0] >= max_rows:
        raise refuse(path, _too_many_rows())
    first = start[1] if start is not None else 0
    last = first + sheet.width - 1
    # calamine's rows start at row 1 (empty ones before its first), its columns at its first.
    above = start[0] if start is not None else 0
    values_of = islice(sheet.iter_rows(), above, None) if start is not None else iter(())
    for number, values in enumerate(values_of, start=above + 1):
        row: dict[int, object] = {}
        col = first
        for v in values:
            # Exact classes, as calamine gives them (and `type(v) is` narrows v for the checker).
            if type(v) is str:
                if v:
                    row[col] = v if len(v) <= max_len else TooLong(len(v))
            elif type(v) is float and v.is_integer() and abs(v) < 1e15:
                row[col] = int(v)
            else:
                kind = type(v)
                row[col] = v if kind is bool or kind is dt.datetime else _value(v)
            col += 1
        if number in special:
            _add_special(row, special.pop(number))
        if row:
            if last >= max_cols and max(row) >= max_cols:
                raise refuse(path, _too_many_columns())
            tally.cells += len(row)
            if tally.cells > max_cells:
                raise refuse(path, "bảng có quá nhiều ô.")
            yield number, row
    for later in sorted(special):  # formula or error cells after calamine's last row
        row = {}
        _add_special(row, special[later])
        yield later, row


@dataclass
class Tally:
    """The cells given so far, against :data:`.safety.MAX_CELLS`, over the pieces of one sheet."""

    cells: int = 0


def _value(v: object) -> object:
    """A number, date, time or duration from calamine as the importer knows it."""
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e15:
            return int(v)
        return v if math.isfinite(v) else str(v)  # Excel never writes NaN or INF: a crafted one stays text
    if type(v) is dt.date:
        return dt.datetime(v.year, v.month, v.day)
    if isinstance(v, dt.timedelta):  # a duration format ([h]:mm): the number Excel wrote, in days
        days = v / dt.timedelta(days=1)
        return int(days) if days.is_integer() else days
    return v  # int, datetime, time


def _add_special(row: dict[int, object], cells: list[tuple[int, object]]) -> None:
    for col, cell in cells:
        if isinstance(cell, Formula):
            cell = Formula(cell.text, cell.cached if cell.cached is not None else row.get(col))
        row[col] = cell
