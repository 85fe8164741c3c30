"""The one helper that runs slow work off the GUI thread, with progress and cancel.

A job is a plain function ``fn(progress, cancelled)`` from ``app``: it gets a progress callback
and a cancel check, never a widget. Its result or error comes back on the GUI thread through a
signal. The progress dialog shows only if the job outlasts ``SHOW_AFTER_MS``. Jobs that write
(``write=True``) go through one worker thread, one after the other, so that they never race.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from .qt import QObject, QProgressDialog, QRunnable, Qt, QThreadPool, QTimer, QWidget, Signal, translate

SHOW_AFTER_MS = 500

Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]
JobFn = Callable[[Progress, Cancelled], Any]


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: JobFn, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self._fn, self._signals, self._cancel = fn, signals, cancel

    def run(self) -> None:
        try:
            result = self._fn(self._signals.progress.emit, self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to report
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)


class Job(QObject):
    """A running job; keep a reference until ``done`` or ``error`` fires."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QWidget, title: str, fn: JobFn, *, write: bool = False) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._dialog = QProgressDialog(title, translate("Jobs", "Hủy"), 0, 0, parent)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(SHOW_AFTER_MS)
        self._dialog.canceled.connect(self._cancel.set)
        self._dialog.reset()  # not shown until the first progress after SHOW_AFTER_MS
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._timer.timeout.connect(self._dialog.show)
        self._timer.start()
        self.running = True
        global _RUNNING
        _RUNNING += 1
        pool = _writer() if write else QThreadPool.globalInstance()
        pool.start(_Runnable(fn, self._signals, self._cancel))

    def cancel(self) -> None:
        self._cancel.set()

    def _on_progress(self, done: int, total: int) -> None:
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)

    def _close(self) -> None:
        self._timer.stop()
        self._dialog.reset()
        self._dialog.hide()

    def _on_finished(self, result: object) -> None:
        self.running = False
        self._close()
        try:
            self.done.emit(result)
        finally:
            _end()

    def _on_failed(self, exc: object) -> None:
        self.running = False
        self._close()
        try:
            self.error.emit(exc)
        finally:
            _end()


_WRITER: QThreadPool | None = None
_RUNNING = 0  # jobs started whose result has not yet been handled on the GUI thread


def _end() -> None:
    global _RUNNING
    _RUNNING -= 1


def busy() -> bool:
    """Whether a job is running or its result is still to be handled (tests wait on this)."""
    return _RUNNING > 0


def _writer() -> QThreadPool:
    """The one thread that database writes of jobs go through."""
    global _WRITER
    if _WRITER is None:
        _WRITER = QThreadPool()
        _WRITER.setMaxThreadCount(1)
    return _WRITER


def wait_for_writes(msecs: int = 30_000) -> bool:
    """Block until queued write jobs are done (at exit, and in tests)."""
    return _WRITER.waitForDone(msecs) if _WRITER is not None else True


def run_job(parent: QWidget, title: str, fn: JobFn, *, write: bool = False) -> Job:
    return Job(parent, title, fn, write=write)
