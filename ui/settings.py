"""The GUI's settings: one typed registry over QSettings (an INI file in the user's config folder).

Every key is declared once here with its type and default; callers use properties, never raw
keys. ``SCHEMA`` counts layout changes of the file; :func:`_upgrade` moves old keys forward
(Picard's config_upgrade, in small).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from platformdirs import user_config_dir

from app.storage.paths import APP_NAME

from .qt import QByteArray, QSettings

SCHEMA = 1
MAX_RECENT = 8
LANGUAGES = ("vi", "en")
ENV_CONFIG = "THIDUA_CONFIG_DIR"


def default_path() -> Path:
    """``$THIDUA_CONFIG_DIR/gui.ini`` if set (tests, portable installs), else the platform's place."""
    folder = os.environ.get(ENV_CONFIG) or user_config_dir(APP_NAME, appauthor=False)
    return Path(folder) / "gui.ini"


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)
        _upgrade(self._q)

    # -- helpers ---------------------------------------------------------------------------
    def _str(self, key: str, default: str = "") -> str:
        value = self._q.value(key, default)
        return str(value) if value is not None else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def sync(self) -> None:
        self._q.sync()

    # -- window ----------------------------------------------------------------------------
    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._q.setValue("window/state", value)

    # -- databases -------------------------------------------------------------------------
    @property
    def last_database(self) -> str:
        return self._str("database/last")

    @last_database.setter
    def last_database(self, value: str) -> None:
        self._q.setValue("database/last", value)

    @property
    def recent_files(self) -> list[str]:
        value = self._q.value("database/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        if not isinstance(value, Iterable):  # None: no list written yet
            value = []
        return [str(v) for v in value if v][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        files = [path, *(f for f in self.recent_files if f != path)][:MAX_RECENT]
        self._q.setValue("database/recent", files)
        self.last_database = path

    def clear_recent(self) -> None:
        self._q.setValue("database/recent", [])

    # -- language --------------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = self._str("ui/language", "vi")
        return value if value in LANGUAGES else "vi"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._q.setValue("ui/language", value)

    # -- lists: shown columns, their widths and order, the sort -----------------------------
    def header_state(self, list_name: str, columns: Sequence[str]) -> QByteArray | None:
        """The list's saved header, if it was saved for these columns: a state saved when the list
        had other columns (an older version, before a column was added) would be restored by
        position, leaving headers blank or hidden, so it is left out and the defaults apply."""
        if self._str(f"lists/{list_name}/columns", "") != ",".join(columns):
            return None
        return self._bytes(f"lists/{list_name}/header")

    def set_header_state(self, list_name: str, state: QByteArray, columns: Sequence[str]) -> None:
        self._q.setValue(f"lists/{list_name}/header", state)
        self._q.setValue(f"lists/{list_name}/columns", ",".join(columns))

    # -- report forms: what the clerk typed last time, per kind --------------------------------
    def report_values(self, kind: str) -> dict[str, str]:
        try:
            data = json.loads(self._str(f"reports/{kind}", "{}"))
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def set_report_values(self, kind: str, values: dict[str, str]) -> None:
        self._q.setValue(f"reports/{kind}", json.dumps(values, ensure_ascii=False))


def _upgrade(q: QSettings) -> None:
    """Bring an older settings file to ``SCHEMA`` (nothing to move yet; the number is written so
    that the next layout change knows where it starts)."""
    version = int(str(q.value("meta/schema", 0) or 0))  # an int, or its text read from the file
    if version < 1:
        q.setValue("meta/schema", 1)
