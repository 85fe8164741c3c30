"""Every change a user makes to the data is one operation, run on the one writer thread.

An operation is created on the GUI thread where the user asked for it, with who acts captured
then (logging out meanwhile changes nothing for it). Its service call runs on the writer thread
(:func:`ui.jobs.run_job` with ``write=True``), one after the other, so writes never race and the
window never waits on a lock. It comes back with what it changed (app.changes, gathered from the
audit log's funnel), which :data:`hub` broadcasts once as ``data_changed``: every page refreshes
itself from that, no caller refreshes by hand. Reads stay on the GUI thread (they are quick and
never write).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.changes import Changes, collecting
from app.storage.db import Database

from .jobs import Job, JobFn, run_job
from .qt import QObject, QShowEvent, QWidget, Signal


class Hub(QObject):
    """The one broadcast of changes: pages connect to ``data_changed`` and refresh what they show."""

    data_changed = Signal(object)  # Changes

    def announce(self, changes: Changes) -> None:
        if changes:
            self.data_changed.emit(changes)


_HUB: Hub | None = None


def hub() -> Hub:
    """The application's hub (made on first use, on the GUI thread)."""
    global _HUB
    if _HUB is None:
        _HUB = Hub()
    return _HUB


class ShownPage(QWidget):
    """A page whose refresh is costly (standings computed, counts over the book): a change while it
    is hidden only marks it stale, and it refreshes when next shown — not once per save."""

    _stale = False

    def refresh_now(self) -> None:
        raise NotImplementedError

    def refresh_soon(self) -> None:
        if self.isVisible():
            self.refresh_now()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._stale:
            self._stale = False
            self.refresh_now()
        super().showEvent(event)


@dataclass(frozen=True)
class Done:
    """What an operation returns to the GUI thread: the service's result and what it changed."""

    value: Any
    changes: Changes


class Failed(Exception):  # noqa: N818 - what came back, not a failure of this module
    """An operation's error, with whatever it changed before failing (committed steps)."""

    def __init__(self, error: BaseException, changes: Changes) -> None:
        super().__init__(str(error))
        self.error, self.changes = error, changes


class Pending:
    """A write a form has checked and prepared on the GUI thread, to run on the writer: a form's
    ``save()`` returns one instead of writing itself."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn


def run_op(parent: QWidget, title: str, db: Database, fn: JobFn, *,
           on_done: Callable[[Any], object] | None = None,
           on_error: Callable[[BaseException], object] | None = None) -> Job:  # fmt: skip
    """Run ``fn(progress, cancelled)`` as one operation on ``db``, as the actor logged in now.

    ``on_done(value)`` or ``on_error(exception)`` run on the GUI thread after the change was
    broadcast; a job outlasting half a second shows ``title`` with progress and cancel."""
    actor = db.actor

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Done:
        with collecting() as collector, db.acting_as(actor):
            try:
                value = fn(progress, cancelled)
            except BaseException as exc:
                raise Failed(exc, collector.freeze()) from exc
        return Done(value, collector.freeze())

    def done(result: object) -> None:
        assert isinstance(result, Done)
        hub().announce(result.changes)
        if on_done is not None:
            on_done(result.value)

    def failed(exc: object) -> None:
        error: BaseException = exc if isinstance(exc, BaseException) else RuntimeError(str(exc))
        if isinstance(exc, Failed):
            hub().announce(exc.changes)
            error = exc.error
        if on_error is not None:
            on_error(error)

    job = run_job(parent, title, work, write=True)
    job.done.connect(done)
    job.error.connect(failed)
    return job


def run_write(parent: QWidget, title: str, db: Database, fn: Callable[[], Any], *,
              on_done: Callable[[Any], object] | None = None,
              on_error: Callable[[BaseException], object] | None = None) -> Job:  # fmt: skip
    """:func:`run_op` for a quick service call that takes no progress nor cancel."""
    return run_op(parent, title, db, lambda _progress, _cancelled: fn(), on_done=on_done, on_error=on_error)
