"""What an import handler is (one kind of record: units, persons, nominations) and what an
import reports (problems by row and column, duplicates, counts). The importer drives handlers;
handlers build and check records; neither needs the other's module."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import fields as F
from .mapping import Mapping

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SKIP, MERGE = "skip", "merge"


class NothingWritten(Exception):
    """Ends an import without writing: its columns are missing, or (a real import, its
    transaction then rolled back) the file has problems or undecided duplicates."""


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str  # "Ngày sinh (cột D)", or "" for the row or the file
    message: str

    def __str__(self) -> str:
        where = f"Dòng {self.row}" if self.row else "Tệp"
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Duplicate:
    row: int
    existing_id: int
    description: str

    def __str__(self) -> str:
        return f"Dòng {self.row}: {self.description}"


@dataclass
class ImportReport:
    kind: str
    file: str
    dry_run: bool
    on_duplicate: str | None = None
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # field key -> header as found
    ignored_columns: list[str] = field(default_factory=list)
    rows_read: int = 0
    records: int = 0
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    preview_headers: tuple[str, ...] = ()
    preview: list[tuple[object, ...]] = field(default_factory=list)
    inserted: int = 0
    merged: int = 0
    skipped: int = 0
    committed: bool = False
    seconds: float = 0.0
    mapping: Mapping | None = None  # a list in another layout: how its columns were read (.foreign)

    @property
    def ok(self) -> bool:
        return not self.problems

    def rows_judged(self) -> tuple[int, int]:
        """(valid rows, rows with a problem), counted by rows so that they add up to the rows read."""
        bad_rows = {p.row for p in self.problems if p.row is not None and p.row != self.header_row}
        valid = max(self.rows_read - len(bad_rows), 0) if self.problems else self.records
        return valid, len(bad_rows)

    def summary(self) -> str:
        label = F.KIND_LABELS[self.kind].lower()
        valid, bad_rows = self.rows_judged()
        head = f"{self.file}: {self.rows_read} dòng dữ liệu, {valid} {label} hợp lệ"
        if self.problems:
            head += (
                f", {len(self.problems)} lỗi ở {bad_rows} dòng" if bad_rows else f", {len(self.problems)} lỗi"
            )
        if self.duplicates:
            head += f", {len(self.duplicates)} trùng với dữ liệu đã có"
        head += "."
        if self.committed:
            head += f" Đã nhập {self.inserted}, gộp {self.merged}, bỏ qua {self.skipped}."
        elif self.dry_run:
            head += " Chạy thử: chưa ghi gì."
        else:
            head += " Không nhập gì."
        return head


class Handler:
    """One kind of record: how a row becomes a record, how records meet the database."""

    fields: tuple[F.Field, ...] = ()
    preview_headers: tuple[str, ...] = ()
    # The fields that name a unit or an award by code. A row refused for another fault never
    # reaches :meth:`check`; its codes are still looked up, so that an unknown one is reported in
    # the same pass rather than on the run after the first fault is fixed.
    references: tuple[tuple[str, str], ...] = ()  # (field key, "unit" | "award")

    def check_columns(self, found: set[str]) -> list[str]:
        return [f"Thiếu cột «{f.header}»." for f in self.fields if f.required and f.key not in found]

    def build(self, row: int, values: dict[str, object]) -> tuple[object | None, list[tuple[str, str]]]:
        raise NotImplementedError

    # Records are each handler's own class (UnitRecord, PersonRecord…): Any here, named in the handlers.
    def check(
        self, session: Session, records: list[Any], report: ImportReport, on_duplicate: str | None
    ) -> None:
        raise NotImplementedError

    def write(
        self,
        session: Session,
        records: list[Any],
        report: ImportReport,
        on_duplicate: str | None,
        actor: str,
        progress: Callable[[int, int], None],
    ) -> None:
        raise NotImplementedError

    def preview(self, record: Any) -> tuple[object, ...]:
        raise NotImplementedError

    streams = False  # whether records are checked (and written) in batches while the file is read

    def batches(self, report: ImportReport, on_duplicate: str | None) -> Batches:
        return AllAtOnce(self, report, on_duplicate)


class Batches:
    """Where an import's records go: :meth:`take` checks a batch (and writes it, while the import
    is clean and real); :meth:`finish` completes a clean real import. The importer commits or
    rolls back the one transaction around them."""

    def take(self, session: Session, records: list[Any], *, write: bool) -> None:
        """Check ``records``; if ``write`` (a real import, clean so far) and they pass, they may be
        written now."""
        raise NotImplementedError

    def finish(self, session: Session, actor: str, progress: Callable[[int, int], None]) -> None:
        raise NotImplementedError


class AllAtOnce(Batches):
    """For a handler whose checks need every record (a unit's parent may come later in the file):
    one batch, checked whole, written whole at the end."""

    def __init__(self, handler: Handler, report: ImportReport, on_duplicate: str | None) -> None:
        self.handler, self.report, self.on_duplicate = handler, report, on_duplicate
        self.records: list[Any] = []

    def take(self, session: Session, records: list[Any], *, write: bool) -> None:
        self.records = records
        self.handler.check(session, records, self.report, self.on_duplicate)

    def finish(self, session: Session, actor: str, progress: Callable[[int, int], None]) -> None:
        self.handler.write(session, self.records, self.report, self.on_duplicate, actor, progress)
