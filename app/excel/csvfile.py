"""CSV input: encoding (UTF-8 with or without BOM, else Windows-1252 as old exports are) and
delimiter (comma, semicolon as Excel writes in Vietnamese locales, or tab), with bounded fields."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from . import safety
from .safety import refuse
from .xlsx import Sheet, TooLong


def read_csv(path: Path) -> Sheet:
    path = Path(path)
    safety.check_size(path)
    raw = path.read_bytes()
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise refuse(path, "đây là tệp Excel, không phải CSV: hãy chọn lại với đuôi .xlsx.")
    if b"\x00" in raw[:4096]:
        raise refuse(path, "không phải tệp văn bản CSV (có ký tự nhị phân).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Old exports: 8-bit text; TCVN3/VNI bytes read this way are converted later by .legacy.
        text = raw.decode("cp1252", errors="replace")
    sample = text[:20_000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return Sheet(path.name, _rows(path, text, dialect), [])


def _rows(
    path: Path, text: str, dialect: type[csv.Dialect] | csv.Dialect
) -> Iterator[tuple[int, dict[int, object]]]:
    csv.field_size_limit(safety.MAX_CSV_FIELD + 1)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    n = 0
    try:
        for n, fields in enumerate(reader, start=1):
            if n > safety.MAX_ROWS:
                raise refuse(
                    path, f"bảng có quá nhiều dòng (tối đa {safety.MAX_ROWS:,} dòng).".replace(",", ".")
                )
            if len(fields) > safety.MAX_COLUMNS:
                raise refuse(path, f"bảng có quá nhiều cột (tối đa {safety.MAX_COLUMNS} cột).")
            if len(max(fields, key=len, default="")) > safety.MAX_CELL_CHARS:
                row: dict[int, object] = {
                    i: (TooLong(len(v)) if len(v) > safety.MAX_CELL_CHARS else v)
                    for i, v in enumerate(fields)
                    if v.strip()
                }
            else:  # the usual row: nothing to bound (v.strip() is non-empty exactly when this holds)
                row = {i: v for i, v in enumerate(fields) if v and not v.isspace()}
            if row:
                yield n, row
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise refuse(
                path, f"dòng {n + 1} có ô dài quá {safety.MAX_CELL_CHARS:,} ký tự.".replace(",", ".")
            ) from None
        raise refuse(path, f"tệp CSV lỗi ở dòng {n + 1}: {exc}.") from None
