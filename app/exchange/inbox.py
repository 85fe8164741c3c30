"""Receiving any package: read and check it whole, hand it to its kind, record it, all or nothing.

A kind's handler (``nominations``, ``scores``, ``reply``…) is given the open write session and the
report to fill; it returns the items it changed (sender's reference, local dossier, content hash)
and raises :class:`~app.errors.DomainError` to refuse. On a dry run, or when the report lists
problems, the transaction is rolled back; the report stays as the preview.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model.exchange import RECEIVED
from ..storage.db import Database
from . import dossiers, forward, ledger, offices, replies, scores
from .package import Package, read_package
from .report import ReceiveReport

Items = list[tuple[str, int | None, str]]
Handler = Callable[[Database, Session, Package, ReceiveReport], Items]

HANDLERS: dict[str, Handler] = {
    dossiers.KIND: forward.import_with_history,
    scores.KIND: scores.import_scores,
    replies.KIND: replies.import_replies,
}


class _DryRun(Exception):
    """Ends a dry run's transaction by rolling it back."""


def open_package(db: Database, path: Path) -> Package:
    """The package at ``path`` after every check, addressed to this office and of a known kind."""
    own = offices.require_own_office(db)
    package = read_package(Path(path), trusted=offices.trusted_keys(db), office=own.code)
    if package.kind not in HANDLERS:
        raise DomainError(f"Gói loại «{package.kind}» chưa nhận được ở đây; hãy cập nhật chương trình.")
    return package


def receive(db: Database, path: Path, *, dry_run: bool = True) -> ReceiveReport:
    """Read, preview and (unless ``dry_run``) import the package at ``path``, all or nothing."""
    allowed(db, P.IMPORTS)
    package = open_package(db, path)
    report = ReceiveReport(package.sender, package.digest, kind=package.kind, dry_run=dry_run)
    with contextlib.suppress(_DryRun), db.write() as session:
        items = HANDLERS[package.kind](db, session, package, report)
        if report.problems:
            raise DomainError(f"Không nhận gói: {' '.join(report.problems)}")
        if items:
            ledger.record(
                session, package, RECEIVED, package.digest, Path(path).name, items, db.actor.username
            )
        if dry_run:
            raise _DryRun  # everything above is rolled back: the report stays
    return report
