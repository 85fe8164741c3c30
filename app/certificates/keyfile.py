"""Where the certificate signing key lives on this machine, and whether it was ever exported.

Light on purpose (no cryptography): the backup commands ask :func:`backup_warning` after every
backup, because the private key is not in the database, so not in its backups either. Exporting
the key (``thidua keys export``) leaves a stamp beside the key file naming the key's bytes; a key
without a stamp matching it has never been saved anywhere else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
from pathlib import Path

from platformdirs import user_config_dir

ENV_KEY = "THIDUA_SIGNING_KEY"
STAMP_SUFFIX = ".exported"


def key_path() -> Path:
    env = os.environ.get(ENV_KEY)
    return (
        Path(env) if env else Path(user_config_dir("thidua", appauthor=False)) / "certificate_signing_key.pem"
    )


def stamp_path(path: Path | None = None) -> Path:
    path = path or key_path()
    return path.with_name(path.name + STAMP_SUFFIX)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_private(path: Path, data: bytes, *, replace: bool = False) -> bool:
    """Write ``data`` to ``path`` readable by its owner only (mode 600), durably. Without
    ``replace``, a file made meanwhile by another process wins: ``False`` is returned."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        if replace:
            os.replace(tmp, path)
            return True
        os.link(tmp, path)  # fails if another process made the file meanwhile: keep theirs
        return True
    except FileExistsError:
        return False
    finally:
        tmp.unlink(missing_ok=True)


def note_exported(path: Path | None = None, *, when: dt.datetime | None = None) -> None:
    """Remember that the key now at ``path`` has been saved elsewhere (exported, or imported
    from an export)."""
    path = path or key_path()
    record = {
        "at": (when or dt.datetime.now()).isoformat(timespec="seconds"),
        "sha256": _digest(path.read_bytes()),
    }
    write_private(stamp_path(path), json.dumps(record).encode(), replace=True)


def exported_at(path: Path | None = None) -> str | None:
    """When the key now at ``path`` was last exported, or ``None`` (never, or another key was)."""
    path = path or key_path()
    try:
        record = json.loads(stamp_path(path).read_text(encoding="utf-8"))
        current = _digest(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("sha256") != current:
        return None
    return str(record.get("at", ""))


def backup_warning() -> str | None:
    """A Vietnamese warning when this machine's signing key has never been exported: a backup of
    the database does not hold it, and certificates cannot be printed for the book without it."""
    path = key_path()
    if not path.is_file() or exported_at(path) is not None:
        return None
    return (
        f"Cảnh báo: khóa ký giấy chứng nhận ({path}) không nằm trong bản sao lưu và chưa từng được xuất. "
        "Mất máy này là mất khóa: hãy xuất khóa (thidua keys export TỆP) và cất tệp đó nơi an toàn."
    )
