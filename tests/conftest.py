"""Shared fixtures: a migrated template database built once, copied for each test."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Audit heads (app.audit_head) of the tests' databases go to a scratch folder, not the user's.
os.environ.setdefault("THIDUA_AUDIT_HEADS_DIR", tempfile.mkdtemp(prefix="thidua-audit-heads-"))

from app.db import Database, open_database  # noqa: E402


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated database with the catalogue loaded (built once per run)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """The demo database, built once per run (about 15 s); copy it before changing it."""
    from app.demo_file import build_demo_file

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    summary = build_demo_file(path)
    return path, summary


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "thidua.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Database:
    database = open_database(db_path)
    yield database
    database.dispose()
