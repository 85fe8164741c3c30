"""Where the app keeps its files by default (no database code here: the GUI's start reads it)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "thidua"
ENV_DB = "THIDUA_DB"


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The embedded default database in the user's data folder."""
    return data_dir() / "thidua.sqlite3"
