"""Opening a database: the one way the CLI, the GUI and the demo get a ready :class:`Database`.

Above the services: opening backs the file up before a migration (app.storage.backup), migrates
(app.migrations), refreshes the award catalogue (app.catalogue; on a database without accounts:
with accounts a changed file waits for an administrator) and sets the first actor
(app.services.accounts). app.storage.db below keeps only the engine, the sessions and the
translation of driver errors, so it imports none of these.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url

from . import catalogue, migrations
from .auth import ANONYMOUS
from .services.accounts import has_accounts
from .storage.db import Database, create_db_engine, resolve_url, translate_db_errors


def _backup_before_migration(db: Database) -> None:
    from .storage.backup import make_backup  # only when a migration is due

    if db.path is not None and db.path.exists():
        make_backup(db.path, tag="truocnangcap")


def open_database(
    db: str | os.PathLike[str] | None = None,
    *,
    migrate: bool = True,
    sync_catalogue: bool = True,
    read_only: bool = False,
) -> Database:
    """Open (creating if needed) and bring up to date the database named by ``db``.

    Refuses a database made by a newer version of the app. Raises :class:`DatabaseError`
    with a Vietnamese message on a locked, damaged or foreign file. ``read_only`` opens an
    existing, up-to-date database without changing anything (no migration, no catalogue sync);
    its ``write()`` raises :class:`ReadOnlyError`.
    """
    url = resolve_url(db)
    engine = create_db_engine(url, read_only=read_only)
    database = Database(url=url, engine=engine, read_only=read_only)
    if read_only:
        migrate = sync_catalogue = False
    try:
        with translate_db_errors():
            if migrate:
                migrations.upgrade(engine, before=lambda: _backup_before_migration(database))
            else:
                migrations.check_current(engine)
        accounts = has_accounts(database)
        if sync_catalogue and not accounts:
            # With accounts, a changed catalogue file waits for an administrator (catalogue.pending):
            # whoever can edit the resources folder is not one.
            catalogue.sync(database)
        if accounts:
            database.actor = ANONYMOUS  # opening a file grants no right to write in it: log in
    except BaseException:
        engine.dispose()
        raise
    return database


def open_for_window(db: str | os.PathLike[str] | None, *, read_only: bool = False) -> Database:
    """Open a database for a GUI window: a SQLite file is locked for this instance first.

    Raises :class:`InstanceBusy` if another window holds it; ``read_only=True`` takes no lock and
    opens the file so that nothing can be written. The lock is released by ``Database.dispose``.
    """
    url = resolve_url(db)
    parsed = make_url(url)
    file = (
        parsed.database
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")
        else None
    )
    if read_only or file is None:
        return open_database(url, read_only=read_only)
    from .storage.instance import InstanceLock  # windows only: not for the commands

    try:
        lock = InstanceLock.acquire(Path(file))
    except OSError:
        lock = None  # a folder we cannot write to: SQLite will refuse writes there anyway
    try:
        database = open_database(url)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if lock is not None:
        database.on_dispose.append(lock.release)
    return database
