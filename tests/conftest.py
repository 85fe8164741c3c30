"""Shared fixtures: a migrated template database built once, copied for each test.

Tests that take ``db`` (or ``db_url``) run on both backends: SQLite (a copy of a template file)
and PostgreSQL (a fresh ``CREATE DATABASE … TEMPLATE`` of a migrated template database on the
server named by ``THIDUA_TEST_PG_URL``). A test stays on SQLite only when it is about the file
itself: it takes ``db_path``, ``template_db`` or ``demo_build``, drives the GUI (``qtbot``), or is
marked ``sqlite_only``. Without ``THIDUA_TEST_PG_URL`` the PostgreSQL runs are skipped, unless
``THIDUA_REQUIRE_PG`` is set (CI), which makes the run fail instead.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same generated examples on every run, so a green commit stays green; a local run
# explores new ones (and keeps any failure it finds in .hypothesis/ to replay).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Audit heads (app.audit.head) of the tests' databases go to a scratch folder, not the user's.
if "THIDUA_AUDIT_HEADS_DIR" not in os.environ:
    os.environ["THIDUA_AUDIT_HEADS_DIR"] = _HEADS = tempfile.mkdtemp(prefix="thidua-audit-heads-")
    atexit.register(shutil.rmtree, _HEADS, ignore_errors=True)
# The province's rule overrides (app.rules.spec.province_path) live in the user's data folder: the
# tests read none (a path that does not exist) unless a test points the variable at its own file.
os.environ.setdefault(
    "THIDUA_PROVINCE_RULES", str(Path(tempfile.gettempdir()) / "thidua-tests-no-province" / "x.toml")
)

from app.opening import open_database  # noqa: E402
from app.storage.db import Database  # noqa: E402

PG_URL = os.environ.get("THIDUA_TEST_PG_URL", "")
REQUIRE_PG = os.environ.get("THIDUA_REQUIRE_PG", "") not in ("", "0")
NO_PG_REASON = "PostgreSQL: THIDUA_TEST_PG_URL is not set, so they ran on SQLite only (see .ci/postgres)"
_LEFT_OUT = pytest.StashKey[int]()
# A test that needs any of these is about the SQLite file (or the GUI over it): one backend.
SQLITE_ONLY_FIXTURES = {"db_path", "template_db", "demo_build", "qtbot"}
_pg_names = itertools.count(1)


def pytest_configure(config: pytest.Config) -> None:
    if REQUIRE_PG and not PG_URL:
        raise pytest.UsageError(
            "THIDUA_REQUIRE_PG is set but THIDUA_TEST_PG_URL is not: no PostgreSQL to test on."
        )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") or SQLITE_ONLY_FIXTURES & set(
        metafunc.fixturenames
    ):
        return  # ``backend`` defaults to sqlite; the test id stays as it was
    metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if PG_URL:
        return
    # No server (a newcomer's machine): the PostgreSQL runs are left out, said once at the end.
    left_out = [
        i for i in items if getattr(i, "callspec", None) and i.callspec.params.get("backend") == "postgresql"
    ]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        dropped = set(left_out)
        items[:] = [i for i in items if i not in dropped]
        config.stash[_LEFT_OUT] = len(left_out)


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    if config.stash.get(_LEFT_OUT, 0):
        terminalreporter.write_line(f"{config.stash[_LEFT_OUT]} tests not run on {NO_PG_REASON}", yellow=True)


_HEADS_ROOT = os.environ["THIDUA_AUDIT_HEADS_DIR"]
_heads_dirs = itertools.count(1)


@pytest.fixture(autouse=True)
def _own_audit_heads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test records audit heads in a folder of its own: the head is keyed by the database's
    identity (app.audit.identity), which every copy of the template database shares, so two tests'
    copies would otherwise check against each other's heads."""
    monkeypatch.setenv(
        "THIDUA_AUDIT_HEADS_DIR", str(Path(_HEADS_ROOT) / f"t{os.getpid()}-{next(_heads_dirs)}")
    )


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: the backend of this test's ``db``."""
    name: str = getattr(request, "param", "sqlite")
    if name == "postgresql" and not PG_URL:
        pytest.skip(NO_PG_REASON)
    return name


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated database with the catalogue loaded (built once per run)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def _pg_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[object]:
    """An autocommit connection to the server's own database, for CREATE/DROP DATABASE."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    conn = psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname=url.database,
        autocommit=True,
    )
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def pg_template(pg_admin) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A PostgreSQL database migrated and with the catalogue loaded, exactly as open_database
    leaves a new one (built once per run); each test gets a copy of it."""
    name = f"thidua_tpl_{os.getpid()}"
    pg_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    pg_admin.execute(f'CREATE DATABASE "{name}"')
    open_database(_pg_url(name)).dispose()  # no connection may stay open on a template
    yield name
    pg_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_admin, pg_template: str) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The URL of a fresh PostgreSQL database for this test (dropped afterwards)."""
    name = f"thidua_t_{os.getpid()}_{next(_pg_names)}"
    pg_admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    yield _pg_url(name)
    pg_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_empty_url(pg_admin) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The URL of a new, empty PostgreSQL database (for migration tests; dropped afterwards)."""
    name = f"thidua_e_{os.getpid()}_{next(_pg_names)}"
    pg_admin.execute(f'CREATE DATABASE "{name}"')
    yield _pg_url(name)
    pg_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """The demo database, built once per run (about 15 s); copy it before changing it."""
    from app.demo import build_demo_file

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    summary = build_demo_file(path)
    return path, summary


@pytest.fixture
def demo_path(demo_build: tuple[Path, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built demo for a scenario that logs in through the window (its own settings)."""
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_build[0], path)
    return path


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[Database]:
    """The demo copy of :func:`demo_path`, opened."""
    database = open_database(demo_path)
    yield database
    database.dispose()


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "thidua.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest) -> str:
    """What ``--db`` or :func:`open_database` takes to reach this test's database (either backend):
    for a second connection (another clerk, another process) or the command line."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(request.getfixturevalue("db_path"))


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def settle(qtbot):  # type: ignore[no-untyped-def]
    """Wait until every operation started from the GUI has run and its result reached the window
    (saves run on the writer thread: ui.operations)."""
    from ui.jobs import busy

    def wait(timeout: int = 20_000) -> None:
        qtbot.waitUntil(lambda: not busy(), timeout=timeout)

    return wait


@pytest.fixture
def in_english(qapp):  # type: ignore[no-untyped-def]
    """The English UI: the .qm files built and the English translator installed (Vietnamese after)."""
    from ui.i18n import build, install_translator
    from ui.qt import QApplication

    app = QApplication.instance()
    assert build() == 0
    assert install_translator(app, "en")
    yield
    install_translator(app, "vi")
