"""The chain's head in a short form a person can copy: ``<last entry id>-<10 base32 characters of
its hash>``, e.g. ``10214-7KQ2M9XWAB``. Printed in the footer of decisions, reports and
certificate batches, written into exports and backups: later, ``thidua audit verify --head CODE``
says whether the book's chain still holds that entry with that hash, i.e. whether the paper came
from this book and the log up to it was not rewritten since (50 bits of the hash: finding another
history that ends on the same code is out of reach, about 2^50 hashes)."""

from __future__ import annotations

import base64
import contextlib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..model.audit import AuditEntry
from .head import ReadableDatabase
from .identity import read_file

CODE_CHARS = 10
_TABLE = AuditEntry.__table__
_CODE = re.compile(r"^\s*(?:MÃ (?:NHẬT KÝ|SỔ):?\s*)?(\d{1,12})\s*-\s*([A-Z2-7]{%d})\s*$" % CODE_CHARS)  # noqa: UP031


def make_code(last_id: int, last_hash: str) -> str:
    return f"{last_id}-{base64.b32encode(bytes.fromhex(last_hash)).decode('ascii')[:CODE_CHARS]}"


def parse_code(code: str) -> tuple[int, str] | None:
    """``(entry id, hash prefix)`` of a code as printed (case, spaces, a confused 0/O or 1/I
    forgiven), or ``None`` if it is not one."""
    text = code.upper()
    head, sep, tail = text.partition("-")
    if sep:
        tail = tail.replace("0", "O").replace("1", "I").replace("8", "B")  # base32 has no 0, 1, 8
        text = f"{head.replace('O', '0')}-{tail}"
    m = _CODE.match(text)
    return (int(m.group(1)), m.group(2)) if m else None


def code_in(conn: Connection) -> str:
    """The code of the chain's head now ("" for an empty log)."""
    last = conn.execute(select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1)).first()
    return make_code(last.id, last.hash) if last is not None else ""


def head_code(db: ReadableDatabase) -> str:
    """The one helper every document, export and backup calls: the head's code of ``db`` now."""
    with db.read() as session:
        return code_in(session.connection())


@dataclass(frozen=True)
class CodeCheck:
    ok: bool
    message: str


def check_code(conn: Connection, code: str) -> CodeCheck:
    """Whether the chain in ``conn`` holds the head ``code`` names (the chain itself is checked
    by app.audit.log.verify)."""
    parsed = parse_code(code)
    if parsed is None:
        return CodeCheck(
            False, f"«{code}» không phải một mã nhật ký (dạng SỐ-XXXXXXXXXX, ví dụ 1234-7KQ2M9XWAB)."
        )
    entry_id, prefix = parsed
    shown = f"{entry_id}-{prefix}"
    found = conn.execute(select(_TABLE.c.hash).where(_TABLE.c.id == entry_id)).scalar()
    if found is None:
        return CodeCheck(False, f"Mã nhật ký {shown}: sổ này không có mục {entry_id}: giấy tờ không lập từ sổ này, "
                                "hoặc nhật ký đã bị cắt bớt.")  # fmt: skip
    if make_code(entry_id, found) != shown:
        return CodeCheck(False, f"Mã nhật ký {shown}: mục {entry_id} của sổ này có mã khác "
                                f"({make_code(entry_id, found)}): giấy tờ không lập từ sổ này, "
                                "hoặc nhật ký đã bị viết lại sau khi in.")  # fmt: skip
    return CodeCheck(True, f"Mã nhật ký {shown} có trong nhật ký của sổ này: giấy tờ được lập từ sổ này, "
                           "nhật ký đến mục đó chưa bị viết lại.")  # fmt: skip


def file_code(path: Path) -> str:
    """The head's code of the SQLite file at ``path`` (read-only; "" if it has no log)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return ""
    try:
        row = conn.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.Error:
        return ""
    finally:
        conn.close()
    return make_code(row[0], row[1]) if row else ""


def sidecar(path: Path) -> Path:
    """Where a backup's head code is written next to it (:func:`write_sidecar`)."""
    return path.with_name(path.name + ".ma-nhat-ky.txt")


def write_sidecar(path: Path) -> str:
    """Write the head's code of the backup at ``path`` next to it (to copy with it, print, or note)
    and return it; "" (nothing written) for a file without a log."""
    code = file_code(path)
    if code:
        ident = read_file(path) or ""
        with contextlib.suppress(OSError):  # the backup itself is made; the note is a convenience
            sidecar(path).write_text(
                f"Mã nhật ký: {code}\nMã định danh sổ: {ident}\n"
                f"Kiểm tra: thidua audit verify --head {code} --db TỆP\n",
                encoding="utf-8",
            )
    return code
