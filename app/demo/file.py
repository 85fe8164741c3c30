"""Building the demo database into a file, atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..audit import head as audit_head
from ..errors import DomainError
from ..opening import open_database


def build_demo_file(
    target: Path,
    *,
    seed: int = 2025,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> object:
    """Create the demo database at ``target``; returns the demo's summary.

    Built in a temporary file beside the target and renamed only when complete: an interrupted
    or cancelled run never leaves a half-made database under the real name.
    """
    from .build import create_demo

    if target.exists() and not force:
        raise DomainError(f"Tệp {target} đã có. Dùng --force để thay thế, hoặc chọn tệp khác.")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".demo-", suffix=".sqlite3", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        db = open_database(tmp)
        try:
            summary = create_demo(db, seed=seed, progress=progress, cancelled=cancelled)
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
