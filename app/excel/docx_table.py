"""The tables of a Word .docx list (danh sách, tờ trình) as one :class:`~.xlsx.Sheet`, for imports.

A .docx is a zip: it gets the same checks as an .xlsx (:mod:`.safety`: size, zip bomb, encryption),
and its ``word/document.xml`` is parsed with defusedxml (no DTD, no entities). Each table row
becomes a sheet row ``{column: text}``: a cell spanning columns (``gridSpan``) gives its text to
every column it covers, a cell merged down (``vMerge``) the text of the cell where the merge
began, as :func:`.importer._fill_merged` does for Excel. A paragraph between two tables that reads
like a section heading ("II. TẬP THỂ LAO ĐỘNG XUẤT SẮC: 3 tập thể") becomes a one-cell row, so
that the award it names is carried down to the rows of the next table as a heading row inside a
table is (:mod:`.foreign`). Rows are numbered from 1 across the tables, in the order they appear.

Refused with a clear message: an old binary .doc (an OLE container), a password-protected .docx
(also an OLE container, holding an ``EncryptedPackage``), a damaged zip, a file with no table.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from . import safety
from .safety import refuse
from .xlsx import DTD, Sheet, TooLong

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TBL, _TR, _TC, _P, _T = W + "tbl", W + "tr", W + "tc", W + "p", W + "t"
_TAB, _BR, _CR = W + "tab", W + "br", W + "cr"
_BODY = W + "body"
_VAL = W + "val"
DOCUMENT = "word/document.xml"
# A heading paragraph between tables: "I. …", "II- …", "A. …", "1. …".
SECTION = re.compile(r"^\s*(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})\s*[.)\-–:]\s*\S")


def read_docx(path: Path) -> Sheet:
    """The tables of a .docx as one sheet (see the module doc); refused if it has none."""
    path = Path(path)
    safety.check_size(path)
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(safety.OLE):
        with open(path, "rb") as f:
            encrypted = "EncryptedPackage".encode("utf-16-le") in f.read(1024 * 1024)
        if encrypted:
            raise refuse(path, "tệp được đặt mật khẩu. Hãy mở bằng Word, bỏ mật khẩu rồi lưu lại dạng .docx.")
        raise refuse(
            path,
            "đây là tệp Word 97–2003 (.doc). Hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx.",
        )
    if not head.startswith(safety.ZIP):
        raise refuse(path, "không phải tệp Word .docx.")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse(path, "tệp .docx bị hỏng hoặc chưa tải về đầy đủ.") from None
    with archive:
        safety.check_members(
            path, archive, DOCUMENT, refuse(path, "không phải tệp Word .docx (thiếu word/document.xml).")
        )
        data = safety.read_member(path, archive, DOCUMENT)
    if b"<!DOCTYPE" in data[: 1 << 16] or b"<!ENTITY" in data[: 1 << 16]:
        raise refuse(path, DTD)
    try:
        root = SafeET.fromstring(data)
    except (SafeET.ParseError, DefusedXmlException) as exc:
        raise refuse(path, f"nội dung tệp .docx bị hỏng (XML lỗi: {exc}).") from None
    del data
    body = root.find(_BODY)
    rows = list(_body_rows(path, body if body is not None else root))
    if not any(tabled for tabled, _row in rows):
        raise refuse(path, "tệp không có bảng nào. Danh sách cần là một bảng (Chèn → Bảng) trong Word.")
    numbered = [(n, row) for n, (_t, row) in enumerate(rows, start=1)]
    return Sheet("docx", iter(numbered), [])


def _body_rows(path: Path, body: Element) -> Iterator[tuple[bool, dict[int, object]]]:
    """(from a table, row) for each table row and each heading paragraph outside the tables."""
    count = 0
    for child in body:
        if child.tag == _TBL:
            for row in _table_rows(path, child):
                count += 1
                if count > safety.MAX_ROWS:
                    raise refuse(
                        path, f"bảng có quá nhiều dòng (tối đa {safety.MAX_ROWS:,} dòng).".replace(",", ".")
                    )
                yield True, row
        elif child.tag == _P:
            text = _text(child)
            if text and SECTION.match(text):
                yield False, {0: text}


def _table_rows(path: Path, table: Element) -> Iterator[dict[int, object]]:
    above: dict[int, object] = {}  # the text of each column's cell in the row before (vMerge)
    for tr in table.findall(_TR):
        row: dict[int, object] = {}
        col = 0
        props = tr.find(W + "trPr")
        before = props.find(W + "gridBefore") if props is not None else None
        if before is not None:
            col = _int(before.get(_VAL), 0)
        for tc in tr.findall(_TC):
            tcpr = tc.find(W + "tcPr")
            span, merge = 1, None
            if tcpr is not None:
                grid = tcpr.find(W + "gridSpan")
                if grid is not None:
                    span = max(1, min(_int(grid.get(_VAL), 1), safety.MAX_COLUMNS))
                vmerge = tcpr.find(W + "vMerge")
                if vmerge is not None:
                    merge = vmerge.get(_VAL) or "continue"
            value: object
            value = above.get(col, "") if merge == "continue" else _cell_text(tc)
            for c in range(col, col + span):
                if c >= safety.MAX_COLUMNS:
                    if value:
                        raise refuse(path, f"bảng có quá nhiều cột (tối đa {safety.MAX_COLUMNS} cột).")
                    continue
                if value:
                    row[c] = value
            col += span
        above = row
        yield dict(row)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text or default)
    except ValueError:
        return default


def _cell_text(tc: Element) -> object:
    parts = [_text(p) for p in tc.iter(_P)]
    text = " ".join(p for p in parts if p)
    if len(text) > safety.MAX_CELL_CHARS:
        return TooLong(len(text))
    return text


def _text(p: Element) -> str:
    out: list[str] = []
    for el in p.iter():
        if el.tag == _T:
            out.append(el.text or "")
        elif el.tag in (_TAB, _BR, _CR):
            out.append(" ")
    return " ".join("".join(out).split())
