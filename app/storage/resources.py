"""Where the data files (catalogue, layouts, fonts, translations) live."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources folder: ``THIDUA_RESOURCES``, a checkout's ``resources/``, a frozen bundle's,
    or the copy installed under ``<prefix>/share/thidua``."""
    env = os.environ.get("THIDUA_RESOURCES")
    candidates = [Path(env)] if env else []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates.append(Path(__file__).resolve().parents[2] / "resources")  # app/storage/ → the checkout
    candidates.append(Path(sys.prefix) / "share" / "thidua" / "resources")
    for path in candidates:
        if (path / "catalogue").is_dir():
            return path
    raise FileNotFoundError("Không tìm thấy thư mục dữ liệu 'resources' của Sổ Thi đua.")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
