"""Per-printer calibration offsets for pre-printed blanks, kept in a small settings file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_config_dir

from ..errors import DomainError
from ..storage.files import atomic_write
from ..text import clean

ENV_FILE = "THIDUA_PRINTERS"
LIMIT_MM = 50.0


def settings_path() -> Path:
    env = os.environ.get(ENV_FILE)
    return Path(env) if env else Path(user_config_dir("thidua", appauthor=False)) / "printers.json"


def _read() -> dict[str, dict[str, float]]:
    path = settings_path()
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DomainError(f"Không đọc được tệp căn chỉnh máy in {path}: {exc}") from None
    printers = data.get("printers", {}) if isinstance(data, dict) else {}
    return {k: v for k, v in printers.items() if isinstance(v, dict)}


def check_offsets(x: float, y: float) -> tuple[float, float]:
    for v in (x, y):
        if not -LIMIT_MM <= v <= LIMIT_MM:
            raise DomainError(f"Độ lệch {v:g} mm quá lớn (tối đa ±{LIMIT_MM:g} mm).", field="offset")
    return float(x), float(y)


def load_offsets(printer: str) -> tuple[float, float]:
    """The stored offsets (x right, y down, mm) of a printer; (0, 0) if none."""
    entry = _read().get(clean(printer), {})
    return check_offsets(float(entry.get("x", 0.0)), float(entry.get("y", 0.0)))


def save_offsets(printer: str, x: float, y: float) -> None:
    name = clean(printer)
    if not name:
        raise DomainError("Tên máy in không được để trống.", field="printer")
    x, y = check_offsets(x, y)
    printers = _read()
    printers[name] = {"x": x, "y": y}
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path) as f:
        f.write(json.dumps({"printers": printers}, ensure_ascii=False, indent=2).encode())
