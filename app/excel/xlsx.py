"""A streaming .xlsx reader on expat, for imports: values only, bounded, no DTDs or entities.

openpyxl's reader builds a cell object per value (15 s for 100,000 rows here); imports need
only values, so this reads the first worksheet with one expat pass, shared strings and date
styles included. Document type declarations are refused (no entity expansion: the XML-bomb
defence defusedxml gives openpyxl). Cells longer than Excel's limit are not kept, only noted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.parsers import expat

from . import safety
from .excel_dates import BUILTIN_FORMATS, from_excel, is_date_format
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


class _Refused(Exception):
    pass


def _parser() -> expat.XMLParserType:
    p = expat.ParserCreate()
    p.buffer_text = True
    p.buffer_size = 1 << 16

    def no_dtd(*_args: object) -> None:
        raise _Refused("DTD")

    p.StartDoctypeDeclHandler = no_dtd
    p.EntityDeclHandler = no_dtd
    p.ExternalEntityRefHandler = no_dtd  # type: ignore[assignment]
    return p


def _local(name: str) -> str:
    return name[name.find(":") + 1 :] if ":" in name else name


def _parse(path: Path, data: bytes, p: expat.XMLParserType, final: bool = True) -> None:
    try:
        p.Parse(data, final)
    except _Refused:
        raise refuse(
            path, "tệp chứa khai báo DTD/thực thể XML, không được phép (có thể là tệp độc hại)."
        ) from None
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


_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}\d+):([A-Z]{1,3}\d+)"')


def _workbook(path: Path, z: zipfile.ZipFile) -> tuple[str, str, bool]:
    """(first sheet's name, its member path, 1904 date system?)"""
    sheets: list[tuple[str, str]] = []
    date1904 = [False]

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "sheet" and attrs.get("state", "visible") == "visible":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            sheets.append((attrs.get("name", ""), rid))
        elif local == "workbookPr":
            date1904[0] = attrs.get("date1904", "0") in ("1", "true")

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
    return name, member, date1904[0]


def _shared_strings(path: Path, z: zipfile.ZipFile) -> list[object]:
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    strings: list[object] = []
    parts: list[str] = []
    state = {"in_t": False, "skip": 0, "len": 0}

    def start(name: str, _attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "si":
            parts.clear()
            state["len"] = 0
        elif local in ("rPh", "phoneticPr"):
            state["skip"] += 1
        elif local == "t" and not state["skip"]:
            state["in_t"] = True

    def end(name: str) -> None:
        local = _local(name)
        if local == "si":
            strings.append(TooLong(state["len"]) if state["len"] > safety.MAX_CELL_CHARS else "".join(parts))
        elif local in ("rPh", "phoneticPr"):
            state["skip"] -= 1
        elif local == "t":
            state["in_t"] = False

    def chars(text: str) -> None:
        if state["in_t"]:
            state["len"] += len(text)
            if state["len"] <= safety.MAX_CELL_CHARS:
                parts.append(text)

    p = _parser()
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars
    _parse(path, safety.read_member(path, z, "xl/sharedStrings.xml"), p)
    return strings


def _date_styles(path: Path, z: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats (``s`` attribute) that show a date."""
    if "xl/styles.xml" not in z.namelist():
        return set()
    custom: dict[int, str] = {}
    xfs: list[int] = []
    depth = {"cellXfs": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "numFmt":
            with contextlib.suppress(ValueError):
                custom[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            depth["cellXfs"] = True
        elif local == "xf" and depth["cellXfs"]:
            try:
                xfs.append(int(attrs.get("numFmtId", "0")))
            except ValueError:
                xfs.append(0)

    def end(name: str) -> None:
        if _local(name) == "cellXfs":
            depth["cellXfs"] = False

    p = _parser()
    p.StartElementHandler, p.EndElementHandler = start, end
    _parse(path, safety.read_member(path, z, "xl/styles.xml"), p)
    dates = set()
    for index, fmt_id in enumerate(xfs):
        code = custom.get(fmt_id) or BUILTIN_FORMATS.get(fmt_id, "")
        if (14 <= fmt_id <= 22) or (code and is_date_format(code)):
            dates.add(index)
    return dates


def read_first_sheet(path: Path) -> Sheet:
    """The first visible worksheet of an .xlsx, checked by :mod:`.safety` first."""
    path = Path(path)
    z = safety.open_xlsx(path)
    try:
        name, member, date1904 = _workbook(path, z)
        shared = _shared_strings(path, z)
        dates = _date_styles(path, z)
        data = safety.read_member(path, z, member)
    finally:
        z.close()
    merged = []
    tail = data.rfind(b"sheetData>")
    for m in _MERGE.finditer(data, max(tail, 0)):
        a, b = _REF.fullmatch(m.group(1).decode()), _REF.fullmatch(m.group(2).decode())
        if a and b:
            merged.append(
                (int(a.group(2)), column_index(a.group(1)), int(b.group(2)), column_index(b.group(1)))
            )
    from .xlsx_scan import fast_rows

    rows = fast_rows(path, data, shared, dates, date1904)
    return Sheet(name, rows if rows is not None else expat_rows(path, data, shared, dates, date1904), merged)


def checker(path: Path) -> Callable[[bytes, bool], None]:
    """Feed a part to expat with no per-tag callbacks, piece by piece: refuses what is not
    well-formed XML or declares a DTD, as the expat reader does."""
    p = _parser()
    return lambda data, final: _parse(path, data, p, final)


def cell_value(
    t: str, s: int, raw: str, length: int, shared: list[object], dates: set[int], epoch: dt.datetime | None
) -> object:
    """A cell's value from its type ``t``, style ``s`` and text (``length`` characters before bounding)."""
    if length > safety.MAX_CELL_CHARS:
        return TooLong(length)
    if t == "s":
        try:
            return shared[int(raw)]
        except (ValueError, IndexError):
            return None
    if t in ("inlineStr", "str"):
        return raw
    if t == "b":
        return raw == "1"
    if t == "e":
        return CellError(raw)
    if t == "d":
        try:
            return dt.datetime.fromisoformat(raw)
        except ValueError:
            return raw
    if not raw:
        return None
    try:
        number = float(raw)
    except ValueError:
        return raw
    if not math.isfinite(number):  # Excel never writes NaN or INF; a crafted «NaN» stays text
        return raw
    if s in dates:
        try:
            return from_excel(number, epoch=epoch) if epoch else from_excel(number)
        except (ValueError, OverflowError):
            return number
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def expat_rows(
    path: Path, data: bytes, shared: list[object], dates: set[int], date1904: bool
) -> Iterator[tuple[int, dict[int, object]]]:
    epoch = dt.datetime(1904, 1, 1) if date1904 else None
    out: list[tuple[int, dict[int, object]]] = []
    st = {"row": 0, "col": -1, "t": "n", "s": -1, "collect": False, "formula": False, "len": 0, "cells": 0}
    text: list[str] = []
    ftext: list[str] = []
    row: dict[int, object] = {}
    max_cols, max_len, max_cells, max_rows = (
        safety.MAX_COLUMNS,
        safety.MAX_CELL_CHARS,
        safety.MAX_CELLS,
        safety.MAX_ROWS,
    )

    def start(name: str, attrs: dict[str, str]) -> None:
        if ":" in name:
            name = name[name.find(":") + 1 :]
        if name == "c":
            ref = attrs.get("r")
            if ref:
                st["col"] = column_index(ref.rstrip("0123456789"))
            else:
                st["col"] += 1
            st["t"] = attrs.get("t", "n")
            s = attrs.get("s")
            st["s"] = int(s) if s else -1
            st["len"] = 0
            st["formula"] = False
            text.clear()
            ftext.clear()
        elif name in ("v", "t"):
            st["collect"] = True
        elif name == "f":
            st["formula"] = True
            st["collect"] = "f"
        elif name == "row":
            r = attrs.get("r")
            st["row"] = int(r) if r else st["row"] + 1
            st["col"] = -1
            row.clear()
            if st["row"] > max_rows:
                raise _Refused(f"bảng có quá nhiều dòng (tối đa {max_rows:,} dòng).".replace(",", "."))

    def end(name: str) -> None:
        if ":" in name:
            name = name[name.find(":") + 1 :]
        if name == "c":
            col = st["col"]
            if col >= max_cols:
                if text:
                    raise _Refused(f"bảng có quá nhiều cột (tối đa {max_cols} cột).")
                return
            st["cells"] += 1
            if st["cells"] > max_cells:
                raise _Refused("bảng có quá nhiều ô.")
            value = _value(st["t"], st["s"], text, st["len"])
            if st["formula"]:
                value = Formula("".join(ftext), value)
            if value is not None and value != "":
                row[col] = value
        elif name in ("v", "t", "f"):
            st["collect"] = False
        elif name == "row" and row:
            out.append((st["row"], dict(row)))

    def chars(chunk: str) -> None:
        collect = st["collect"]
        if collect:
            if collect == "f":
                if len(ftext) < 64:
                    ftext.append(chunk)
                return
            st["len"] += len(chunk)
            if st["len"] <= max_len:
                text.append(chunk)

    def _value(t: str, s: int, parts: list[str], length: int) -> object:
        return cell_value(t, s, "".join(parts) if length <= max_len else "", length, shared, dates, epoch)

    p = _parser()
    p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, chars
    # Parse in slices so that rows stream out without holding them all.
    view = memoryview(data)
    step = 1 << 20
    try:
        for offset in range(0, len(data), step):
            p.Parse(view[offset : offset + step].tobytes(), offset + step >= len(data))
            yield from out
            out.clear()
        if not data:
            p.Parse(b"", True)
    except _Refused as exc:
        reason = str(exc)
        if reason == "DTD":
            reason = "tệp chứa khai báo DTD/thực thể XML, không được phép (có thể là tệp độc hại)."
        raise refuse(path, reason) from None
    except expat.ExpatError as exc:
        raise refuse(path, f"nội dung tệp .xlsx bị hỏng (XML lỗi: {exc}).") from None
