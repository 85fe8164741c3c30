"""Progress and cancel while a document is written: a PDF reports a step per flowable laid out,
and a cancel raises :class:`Cancelled` inside the atomic write, so no file is left behind."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import DomainError

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class Cancelled(DomainError):
    """The user cancelled while the document was being written; no file was left behind."""

    def __init__(self) -> None:
        super().__init__("Đã hủy; không ghi tệp nào.")


class Watch:
    """Progress and cancel for a PDF being built: a step per flowable laid out; a cancel raises
    :class:`Cancelled` so that the atomic write leaves nothing behind."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancel | None) -> None:
        self.total, self.done = max(total, 1), 0
        self.progress, self.cancelled = progress, cancelled

    def step(self) -> None:
        self.done += 1
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        if self.progress is not None and (self.done % 20 == 0 or self.done >= self.total):
            self.progress(min(self.done, self.total), self.total)
