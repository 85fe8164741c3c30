"""Building the demo database into a file, atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..audit import head as audit_head
from ..auth import SYSTEM, Actor
from ..errors import DomainError
from ..opening import open_database
from ..storage.db import Database

# The administrator's name and password for the file being replaced, asked only when it has accounts.
Credentials = Callable[[], tuple[str | None, str | None]]


def build_demo_file(
    target: Path,
    *,
    seed: int = 2025,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    credentials: Credentials | None = None,
) -> object:
    """Create the demo database at ``target``; returns the demo's summary.

    Built in a temporary file beside the target and renamed only when complete: an interrupted
    or cancelled run never leaves a half-made database under the real name. ``force`` replaces
    an existing file only if it is a Sổ Thi đua database: a new, empty one as it is; one with
    accounts or real data after an administrator of it logs in (``credentials``) and a backup of
    it is made, both recorded in the new file's audit log.
    """
    from .build import create_demo

    replacing: tuple[Actor, Path | None] | None = None
    if target.exists():
        if not force:
            raise DomainError(f"Tệp {target} đã có. Dùng --force để thay thế, hoặc chọn tệp khác.")
        replacing = _may_replace(target, credentials)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".demo-", suffix=".sqlite3", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        db = open_database(tmp)
        try:
            summary = create_demo(db, seed=seed, progress=progress, cancelled=cancelled)
            if replacing is not None:
                _record_replacement(db, target, *replacing)
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.dispose()
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, target)
        audit_head.rerecord_file(target, moved_from=tmp)  # a new file: forget the old one's head
    finally:
        audit_head.forget_file(tmp)  # a cancelled or failed build leaves no head behind either
        for path in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            path.unlink(missing_ok=True)
    return summary


def _may_replace(target: Path, credentials: Credentials | None) -> tuple[Actor, Path | None] | None:
    """Who replaces ``target`` with the demo and the backup made of it first; ``None`` for a new,
    empty database (nothing to lose). Refuses a file that is not a Sổ Thi đua database."""
    from ..restoring import authenticate_admin, file_contents
    from ..storage.backup import make_backup

    contents = file_contents(target)
    if not contents.is_book:
        raise DomainError(
            f"Tệp {target} không phải cơ sở dữ liệu Sổ Thi đua (hoặc bị hỏng); không ghi dữ liệu mẫu đè lên. "
            "Hãy chọn tệp khác."
        )
    if contents.empty:
        return None
    actor: Actor | None = None
    if contents.accounts:
        name, password = credentials() if credentials is not None else (None, None)
        if not name:
            raise DomainError(
                f"Tệp {target} có tài khoản và dữ liệu: chỉ quản trị viên của nó được thay bằng dữ liệu mẫu "
                "(--user TÊN và mật khẩu; một bản sao lưu được tạo trước)."
            )
        actor = authenticate_admin(target, name, password)
    try:
        kept = make_backup(target, tag="truocdulieumau")
    except DomainError as exc:
        raise DomainError(
            f"Không sao lưu được {target} nên không thay bằng dữ liệu mẫu: {exc.message}"
        ) from exc
    return actor or SYSTEM, kept


def _record_replacement(db: Database, target: Path, actor: Actor, kept: Path | None) -> None:
    """The demo's audit log opens with who replaced which file, and where its backup is."""
    from ..audit.log import record

    with db.acting_as(actor), db.write() as session:
        record(
            session,
            "demo_replace",
            "database",
            details={"file": str(target), "backup": str(kept or "")},
            reason="thay cơ sở dữ liệu bằng dữ liệu mẫu",
        )
