"""Output files: checked before any work, written atomically, named safely after recipients."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..errors import DomainError, os_error_message
from ..text import clean

_BAD_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
MAX_NAME_BYTES = 150


def _probe(folder: Path) -> None:
    """Create and remove a file in ``folder``: the only sure test that we can write there."""
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".thidua-probe-")
        os.close(fd)
        os.unlink(name)
    except OSError as exc:
        raise DomainError(os_error_message(exc, folder), field="out") from None


def unwritable_folder(folder: Path) -> bool:
    """Whether nothing can be created in ``folder`` (a read-only medium, no right to write). POSIX
    only: on Windows a folder's read-only attribute means nothing, and os.access reports it."""
    return os.name == "posix" and not os.access(folder, os.W_OK)


def check_output_file(path: Path) -> Path:
    """Refuse, before any work, an output file that could not be written."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise DomainError(f"«{path}» là một thư mục, không phải tệp PDF.", field="out")
    if not path.parent.is_dir():
        raise DomainError(f"Thư mục «{path.parent}» không tồn tại.", field="out")
    if path.exists() and not os.access(path, os.W_OK):
        raise DomainError(f"Tệp «{path}» chỉ cho phép đọc.", field="out")
    _probe(path.parent)
    return path


def check_output_dir(path: Path) -> Path:
    path = Path(path).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(os_error_message(exc, path), field="split") from None
    _probe(path)
    return path


@contextmanager
def atomic_write(path: Path) -> Iterator[BinaryIO]:
    """A file object whose content replaces ``path`` only when the block ends without error:
    temporary file in the same folder, fsync, ``os.replace``, fsync of the folder.

    A failed write (disk full, read-only medium, no right to write) leaves no temporary file and
    raises :class:`DomainError` saying why, in Vietnamese; other errors pass unchanged."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise DomainError(os_error_message(exc, path.parent), field="out") from None
    f = os.fdopen(fd, "wb")
    try:
        yield f
        f.flush()
        os.fsync(f.fileno())
        f.close()
        os.replace(tmp, path)
    except BaseException as exc:
        # Closing flushes what is buffered: on a full disk that fails again (the descriptor is
        # closed all the same), and must not keep the temporary file.
        with contextlib.suppress(OSError):
            f.close()
        Path(tmp).unlink(missing_ok=True)
        # The write's own failure (no file name, or ours) is explained; one met while reading
        # something else inside the block (a font, a template) keeps its own name.
        if isinstance(exc, OSError) and exc.filename in (None, tmp, str(path)):
            raise DomainError(os_error_message(exc, path), field="out") from exc
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def safe_filename(name: str, suffix: str = ".pdf") -> str:
    """A file name from a recipient's name: Vietnamese letters kept (NFC), characters that are
    not allowed in file names on Windows, macOS or Linux replaced, length bounded."""
    text = _BAD_CHARS.sub("_", clean(name)).strip(" .")
    if not text:
        text = "giay-chung-nhan"
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    raw = text.encode()[:MAX_NAME_BYTES]
    text = raw.decode(errors="ignore").strip(" .")
    return text + suffix


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… if already used in this batch (case-insensitive)."""
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem} ({n}){dot}{ext}"
    taken.add(candidate.casefold())
    return candidate
