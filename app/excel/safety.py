"""Checks made on an input file before any parsing: what it is, and how big it really is.

A password-protected workbook is an OLE2 container, not a zip; a truncated download has no zip
central directory; a zip bomb declares (or compresses to) far more than a real spreadsheet. All
are refused with a Vietnamese message, before a single row is read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import DomainError

# Bounds of what the import reads (a real list of a province's staff fits many times over).
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNCOMPRESSED = 400 * 1024 * 1024  # every member together
MAX_MEMBER_RATIO = 100  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 4 * 1024 * 1024
MAX_MEMBERS = 2_000
MAX_ROWS = 500_000
MAX_COLUMNS = 200
MAX_CELLS = 10_000_000
MAX_CELL_CHARS = 32_767  # Excel's own limit on a cell
MAX_CSV_FIELD = MAX_CELL_CHARS

OLE = _OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 container: .xls, .doc, or an encrypted package
ZIP = _ZIP = b"PK\x03\x04"


class FileRefused(DomainError):
    """The file as a whole cannot be imported (nothing was read into the database)."""


def refuse(path: Path, why: str) -> FileRefused:
    return FileRefused(f"Không nhập được tệp «{Path(path).name}»: {why}")


def check_size(path: Path) -> int:
    try:
        size = Path(path).stat().st_size
    except OSError as exc:
        raise refuse(path, f"không đọc được tệp ({exc.strerror or exc}).") from None
    if size == 0:
        raise refuse(path, "tệp rỗng.")
    if size > MAX_FILE_BYTES:
        raise refuse(
            path, f"tệp quá lớn ({size // (1024 * 1024)} MB; tối đa {MAX_FILE_BYTES // (1024 * 1024)} MB)."
        )
    return size


def open_xlsx(path: Path) -> zipfile.ZipFile:
    """The workbook's zip, after checking that it is a complete, plausible .xlsx."""
    check_size(path)
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(_OLE):
        with open(path, "rb") as f:
            encrypted = "EncryptedPackage".encode("utf-16-le") in f.read(1024 * 1024)
        if encrypted:
            raise refuse(
                path, "tệp được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại dạng .xlsx."
            )
        raise refuse(path, "đây là tệp Excel 97–2003 (.xls). Hãy mở bằng Excel và lưu lại dạng .xlsx.")
    if not head.startswith(_ZIP):
        raise refuse(path, "không phải tệp Excel .xlsx (hãy chọn tệp .xlsx hoặc .csv).")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse(path, "tệp .xlsx bị hỏng hoặc chưa tải về đầy đủ.") from None
    try:
        check_members(
            path,
            archive,
            "xl/workbook.xml",
            refuse(path, "không phải tệp Excel .xlsx (thiếu xl/workbook.xml)."),
        )
    except BaseException:
        archive.close()
        raise
    return archive


def check_members(path: Path, archive: zipfile.ZipFile, main: str, missing: FileRefused) -> None:
    """The zip's members: not too many, ``main`` among them (else ``missing`` is raised), none
    encrypted, none a zip bomb."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse(path, "tệp chứa quá nhiều thành phần, không giống một bảng tính.")
    names = {i.filename for i in infos}
    if main not in names:
        raise missing
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise refuse(path, "tệp được đặt mật khẩu. Hãy bỏ mật khẩu rồi lưu lại dạng .xlsx.")
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_MEMBER_RATIO * max(info.compress_size, 1):
            raise refuse(
                path,
                f"tệp nén bất thường (phần «{info.filename}» bung ra gấp "
                f"{info.file_size // max(info.compress_size, 1)} lần), có thể là tệp độc hại (zip bomb).",
            )
    if total > MAX_UNCOMPRESSED:
        raise refuse(
            path,
            f"nội dung sau khi giải nén quá lớn ({total // (1024 * 1024)} MB; tối đa "
            f"{MAX_UNCOMPRESSED // (1024 * 1024)} MB), có thể là tệp độc hại (zip bomb).",
        )


def read_member(path: Path, archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes; a damaged member (bad CRC, cut short) is refused as a damaged file."""
    try:
        return archive.read(name)
    except KeyError:
        raise refuse(path, f"tệp .xlsx thiếu phần «{name}».") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise refuse(path, f"tệp .xlsx bị hỏng hoặc chưa tải về đầy đủ ({exc}).") from None
    except Exception as exc:  # zlib.error and friends
        raise refuse(path, f"tệp .xlsx bị hỏng ({exc}).") from None
