"""Imports of units, persons and nominations from .xlsx or .csv: dry run, then all or nothing.

Every row is converted and validated with the services' own rules; the report lists each
problem with its row and column, and each record that duplicates one already in the book. A real
run checks and writes inside one write transaction, with bulk Core inserts, and commits only if
the whole file is clean: persons batch by batch while the file is still being read
(:mod:`.import_persons`), units and nominations once every row is read. Anything else rolls the
transaction back, so nothing is written at all.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..audit import log as audit
from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Award, Unit
from ..model.base import utcnow
from ..storage.db import Database
from . import fields as F
from . import foreign
from .foreign import ImportOptions
from .handler import (
    MERGE,
    SKIP,
    AllAtOnce,
    Batches,
    Duplicate,
    Handler,
    ImportReport,
    NothingWritten,
    Problem,
)  # fmt: skip
from .handlers import HANDLERS
from .safety import refuse
from .xlsx import Sheet, column_letter
from .xlsx_pieces import ReadAgain

__all__ = [
    "ImportOptions", "MERGE", "SKIP", "AllAtOnce", "Batches", "Duplicate", "Handler", "ImportReport", "Problem", "run_import",
]  # fmt: skip

if TYPE_CHECKING:
    from types import TracebackType

    from sqlalchemy.orm import Session

HEADER_SCAN_ROWS = 30
PREVIEW_ROWS = 50
STREAM_BATCH = 10_000  # records checked (and written) at a time by a handler that streams


def open_sheet(path: Path, *, here: bool = False) -> Sheet:
    """The file's table, read by a child process when it is large (unless ``here``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".docx", ".doc"):
        from .docx_table import read_docx

        return read_docx(path)
    if suffix in (".xlsx", ".xlsm", ".csv", ".txt"):
        from .reader_process import open_in_child, read_here

        return (None if here else open_in_child(path)) or read_here(path)
    raise refuse(path, "chỉ nhận tệp .xlsx hoặc .csv.")


def _close(rows: object) -> None:
    close = getattr(rows, "close", None)
    if close is not None:
        close()


def _fill_merged(
    rows: Iterator[tuple[int, dict[int, object]]], merged: list[tuple[int, int, int, int]]
) -> Iterator[tuple[int, dict[int, object]]]:
    """Give every cell of a merged area the value of its top-left cell (Excel keeps it there only)."""
    if not merged:
        yield from rows
        return
    by_row: dict[int, list[tuple[int, int, int, int]]] = {}
    for area in merged[:10_000]:
        r1, _c1, r2, _c2 = area
        for r in range(r1, min(r2, r1 + 100_000) + 1):
            by_row.setdefault(r, []).append(area)
    tops: dict[tuple[int, int], object] = {}
    for number, row in rows:
        for r1, c1, _r2, c2 in by_row.get(number, ()):
            if number == r1 and c1 in row:
                tops[(r1, c1)] = row[c1]
            value = tops.get((r1, c1))
            if value is not None:
                for c in range(c1, min(c2, c1 + 200) + 1):
                    row.setdefault(c, value)
        yield number, row


def _find_header(
    head: list[tuple[int, dict[int, object]]], handler: Handler, conv: F.Converter
) -> tuple[int, int, dict[int, F.Field], list[str]] | None:
    table = F.lookup(handler.fields)
    best: tuple[int, int, dict[int, F.Field], list[str]] | None = None
    for index, (number, row) in enumerate(head):
        mapping: dict[int, F.Field] = {}
        ignored: list[str] = []
        for col, value in sorted(row.items()):
            if not isinstance(value, str):
                continue
            f = table.get(F.header_key(value))
            if f is not None and f not in mapping.values():
                mapping[col] = f
            else:
                ignored.append(conv.text(value))
        required = sum(1 for f in mapping.values() if f.required)
        if required and (best is None or len(mapping) > len(best[2])):
            best = (index, number, mapping, ignored)
    return best


_gc_lock = threading.Lock()
_gc_users = 0
_gc_saved: tuple[int, ...] = ()


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while an import builds its records.

    A full collection walks every live object, and an import keeps a hundred thousand records
    alive: at the default threshold (700 allocations) collections took 0.5 s of a 3.7 s import.
    Shared by concurrent imports; the threshold comes back when the last one ends.
    """
    global _gc_users, _gc_saved
    with _gc_lock:
        if _gc_users == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(max(_gc_saved[0], 50_000), *_gc_saved[1:])
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0:
                gc.set_threshold(*_gc_saved)


def run_import(
    db: Database,
    kind: str,
    path: Path,
    *,
    dry_run: bool = True,
    on_duplicate: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    options: ImportOptions | None = None,
) -> ImportReport:
    """Read, validate and (unless ``dry_run``) import a file; see the module docstring.

    Nominations in another office's layout (a Word .docx list, an .xlsx without our «Năm» and «Mã
    danh hiệu» columns) are read through a column mapping (:mod:`.foreign`), with ``options``."""
    if kind not in HANDLERS:
        raise DomainError(f"Không có loại dữ liệu «{kind}» (chọn: {', '.join(HANDLERS)}).")
    if on_duplicate not in (None, SKIP, MERGE):
        raise DomainError("Cách xử lý bản ghi trùng chỉ là «skip» (bỏ qua) hoặc «merge» (gộp).")
    if not dry_run:
        allowed(db, P.IMPORTS)  # a dry run only reads: open to every role
        if kind == "units":
            allowed(db, P.UNITS)  # units are the administrator's, by form or by file
    started = time.perf_counter()
    path = Path(path)
    attempt = partial(_attempt, db, kind, path, dry_run, on_duplicate, progress, cancelled, options)
    with _fewer_collections():
        try:
            report = attempt(here=False)
        except ReadAgain:  # the child's pieces of the sheet were out of order; nothing was kept
            report = attempt(here=True)
    report.seconds = time.perf_counter() - started
    return report


def _attempt(
    db: Database,
    kind: str,
    path: Path,
    dry_run: bool,
    on_duplicate: str | None,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    options: ImportOptions | None,
    *,
    here: bool,
) -> ImportReport:
    handler = HANDLERS[kind]()
    report = ImportReport(kind, path.name, dry_run, on_duplicate, preview_headers=handler.preview_headers)
    try:
        with _Load(db, handler, report, dry_run, on_duplicate, progress) as load:
            _read(load, path, handler, report, cancelled, options or ImportOptions(), here)
            load.complete(kind, path)
    except _NothingWritten:
        pass
    return report


_NothingWritten = NothingWritten


class _Load:
    """The database side of one import: a transaction opened at the first batch (a write one if
    the import is real and clean so far, else a read one), the handler's batches, and the end."""

    def __init__(
        self,
        db: Database,
        handler: Handler,
        report: ImportReport,
        dry_run: bool,
        on_duplicate: str | None,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.db, self.handler, self.report = db, handler, report
        self.dry_run, self.on_duplicate = dry_run, on_duplicate
        self.tick = progress or (lambda _d, _t: None)
        self.began = utcnow()  # rows updated from now on are the import's (audit.record_written)
        self.marks: dict[str, int] = {}
        self.sink = handler.batches(report, on_duplicate)
        self.stack = ExitStack()
        self.session: Session | None = None
        self.writes = False  # the transaction is a write one
        self.records = 0
        self.first: list[object] = []  # the preview's records
        self.refs: list[tuple[int, str, str, str]] = []  # refused rows' codes: (row, column, kind, code)
        self.on_commit: list[Callable[[Session], None]] = []  # more writes of a clean real import

    def __enter__(self) -> _Load:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool | None:
        return self.stack.__exit__(kind, exc, tb)

    def clean(self) -> bool:
        """Nothing yet stands in the way of writing: no problem, no duplicate left undecided."""
        report = self.report
        return not report.problems and not (report.duplicates and self.on_duplicate is None)

    def add(self, batch: list[object]) -> None:
        """Check ``batch`` in the import's transaction, and write it if the import is still clean."""
        if self.session is None:
            self.writes = not self.dry_run and not self.report.problems
            self.session = self.stack.enter_context(self.db.write() if self.writes else self.db.read())
            if self.writes:
                self.marks = audit.high_water(self.session)
        self.records += len(batch)
        if len(self.first) < PREVIEW_ROWS:
            self.first += batch[: PREVIEW_ROWS - len(self.first)]
        self.sink.take(self.session, batch, write=self.writes and self.clean())

    def check_refs(self) -> None:
        """Report the unknown unit and award codes of the rows refused for other faults."""
        if not self.refs:
            return
        if self.session is None:
            self.session = self.stack.enter_context(self.db.read())
        wanted = {kind: {code for _r, _c, k, code in self.refs if k == kind} for kind in ("unit", "award")}
        known = {
            "unit": set(self.session.scalars(select(Unit.code).where(Unit.code.in_(wanted["unit"])))),
            "award": set(self.session.scalars(select(Award.code).where(Award.code.in_(wanted["award"])))),
        }
        what = {"unit": "đơn vị", "award": "danh hiệu, hình thức"}
        self.report.problems += [
            Problem(row, column, f"không có {what[kind]} mã «{code}» trong sổ.")
            for row, column, kind, code in self.refs
            if code not in known[kind]
        ]
        self.report.problems.sort(key=lambda p: (p.row is None, p.row or 0))

    def complete(self, kind: str, path: Path) -> None:
        """The report's totals; then commit a clean real import, or roll back whatever was written."""
        report = self.report
        report.records = self.records
        report.preview = [self.handler.preview(r) for r in self.first]
        if self.handler.streams:  # its batches interleave the checks with the reading
            report.problems.sort(key=lambda p: (p.row is None, p.row or 0))
        if not self.writes:
            return
        if report.duplicates and self.on_duplicate is None:
            report.notes.append(
                "Có bản ghi trùng với dữ liệu đã có: hãy chọn bỏ qua (--on-duplicate skip) hoặc gộp (--on-duplicate merge)."
            )
        if not self.clean():
            report.inserted = 0  # what the batches wrote goes with the transaction
            raise _NothingWritten
        assert self.session is not None
        self.sink.finish(self.session, self.db.actor.username, self.tick)
        for also in self.on_commit:
            also(self.session)
        # Bulk rows bypass the ORM: one summary entry in the audit log for the whole file.
        audit.record(self.session, "import", kind, details={
            "file": path.name, "inserted": report.inserted, "merged": report.merged, "skipped": report.skipped,
        })  # fmt: skip
        # Each written row's state, for the replay (app.audit.replay); merged rows found by updated_at.
        audit.record_written(self.session, self.marks, self.began if report.merged else None)
        report.committed = True


def _read(
    load: _Load,
    path: Path,
    handler: Handler,
    report: ImportReport,
    cancelled: Callable[[], bool] | None,
    options: ImportOptions,
    here: bool = False,
) -> None:
    """Read, convert and build every row of the file, handing the records to ``load`` in batches
    (the file read in this process if ``here``)."""
    conv = F.Converter({})
    if path.suffix.lower() == ".docx" and report.kind != "nominations":
        raise refuse(
            path, "danh sách Word chỉ dùng để nhập đề nghị khen thưởng (chọn loại «Đề nghị khen thưởng»)."
        )
    sheet = open_sheet(path, here=here)
    batch: list[object] = []
    size = STREAM_BATCH if handler.streams else None
    try:
        rows = _fill_merged(sheet.rows, sheet.merged)
        head = list(islice(rows, HEADER_SCAN_ROWS))
        found = _find_header(head, handler, conv)
        if report.kind == "nominations" and (
            path.suffix.lower() == ".docx"
            or found is None
            or handler.check_columns({f.key for f in found[2].values()})
        ):
            counted = F.Converter({})  # the header scan above converted cells too: count afresh
            foreign.read(load, path, handler, report, rows, head, options, counted)
            _legacy_notes(counted, report)
            return
        if found is None:
            names = ", ".join(f"«{f.header}»" for f in handler.fields if f.required)
            raise refuse(path, f"không tìm thấy dòng tiêu đề. Bảng cần có các cột {names} (tải mẫu để xem).")
        index, report.header_row, mapping, report.ignored_columns = found
        report.columns = {f.key: f"{f.header}" for f in mapping.values()}
        missing = handler.check_columns({f.key for f in mapping.values()})
        if missing:
            report.problems.extend(Problem(report.header_row, "", m) for m in missing)
            raise _NothingWritten  # nothing read, no transaction opened
        labels = {col: f"{f.header} (cột {column_letter(col)})" for col, f in mapping.items()}
        by_key = {f.key: col for col, f in mapping.items()}

        columns = [(col, f.key, conv.column(f)) for col, f in mapping.items()]
        no_keys: frozenset[str] = frozenset()
        for number, row in chain(head[index + 1 :], rows):
            values: dict[str, object] = {}
            bad = no_keys  # the keys whose cell could not be read (a set of its own at the first)
            for col, key, convert in columns:
                raw = row.get(col)
                if raw is None or raw == "":
                    continue
                try:
                    value = convert(raw)
                except F.CellProblem as exc:
                    report.problems.append(Problem(number, labels[col], str(exc)))
                    values[key] = True
                    bad = bad | {key}
                    continue
                if value != "":
                    values[key] = value
            if not values:
                continue  # an empty row, or one with only columns we do not read
            report.rows_read += 1
            # The row's other fields are still checked, so that every problem of the row is
            # reported in one pass (not one a run); a field already refused is not refused again.
            fields = {k: v for k, v in values.items() if k not in bad} if bad else values
            record, errors = handler.build(number, fields)
            for key, message in errors:
                if key in bad:
                    continue
                at = by_key.get(key)
                report.problems.append(Problem(number, labels[at] if at is not None else "", message))
            if errors or bad or record is None:
                refused = bad | {key for key, _m in errors}
                load.refs += [
                    (number, labels[by_key[key]], kind, code)
                    for key, kind in handler.references
                    if key not in refused and isinstance(code := values.get(key), str) and key in by_key
                ]
            if record is not None and not errors and not bad:
                batch.append(record)
                if size is not None and len(batch) >= size:
                    load.add(batch)
                    batch = []
            if report.rows_read % 5000 == 0:
                load.tick(report.rows_read, 0)
                if cancelled is not None and cancelled():
                    raise DomainError("Đã hủy nhập dữ liệu; chưa ghi gì.")
    finally:
        _close(sheet.rows)  # a cancelled or refused import stops the reader (and its process)
    _legacy_notes(conv, report)
    if report.rows_read == 0:
        report.problems.append(Problem(None, "", "Bảng không có dòng dữ liệu nào dưới dòng tiêu đề."))
    load.add(batch)
    load.check_refs()


def _legacy_notes(conv: F.Converter, report: ImportReport) -> None:
    for encoding, count in conv.legacy_counts.items():
        name = "TCVN3 (ABC)" if encoding == "tcvn3" else "VNI"
        report.notes.append(f"Đã chuyển {count} ô từ bảng mã {name} sang Unicode.")


def headers_of(path: Path) -> dict[int, str]:
    """The header of a nominations list in another layout, {column: text} (``--map`` by header name)."""
    sheet = open_sheet(path)
    try:
        head = list(islice(_fill_merged(sheet.rows, sheet.merged), HEADER_SCAN_ROWS))
    finally:
        _close(sheet.rows)
    found = foreign.find_header(head, F.Converter({}))
    return found[1] if found else {}
