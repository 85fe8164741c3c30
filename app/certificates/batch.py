"""Batches of certificates: select, check, number, sign and issue, draw, write, log.

Order matters for the user: the output path is checked before anything else; every certificate is
checked (required fields, glyphs, fitting) before any number is handed out, so a certificate that
cannot print does not take a register number; the numbers, the signed codes and their issue records
(``certificate_issue``) are written in one transaction before any PDF is, so a certificate that
reaches paper always has its record, even when the printing is cut short (killed, disk full); the
file appears only once complete; each print is then logged and its issue record marked printed.
"""

from __future__ import annotations

import errno
import functools
import gc
import io
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar, cast

from sqlalchemy import CursorResult, insert, select, update
from sqlalchemy.orm import Session

from ..audit import log as audit
from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import CertificateIssue, CertificatePrint, RegisterBook
from ..model.base import utcnow
from ..model.certificates import ISSUED, PRINTED
from ..services.registers import assign_numbers, create_book, foreign_books
from ..storage.db import Database, chunks
from ..storage.files import atomic_write, check_output_dir, check_output_file, safe_filename, unique_name
from .compose import NUMBER_VARIABLES, PLACEHOLDER_NUMBER, Problem, compose
from .fitting import Fitted
from .fonts import FontFamily, font_family
from .head_code import stamped
from .layouts import Layout, layout_for_award, load_layouts
from .render import BLANK, FULL, CertificateCanvas
from .selection import Record, Selection, load_records, select_ids
from .signing import (
    Payload,
    ensure_public_key,
    load_private_key,
    qr_text_of,
    short_code,
    signature_text,
)

Progress = Callable[[int, int], None]
Params = ParamSpec("Params")
_DRAWING = threading.Lock()
R = TypeVar("R")
Cancelled = Callable[[], bool]
DEFAULT_BOOK = ("SV", "Sổ vàng khen thưởng")


@dataclass(frozen=True)
class Printed:
    nomination_id: int
    recipient: str
    book_code: str
    number: int
    reprint: bool
    file: Path
    code: str
    payload: str
    signature: str
    issue_id: int = 0  # its record in certificate_issue, marked printed by log_prints


@dataclass
class BatchResult:
    printed: list[Printed] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    pages: int = 0
    cancelled: bool = False
    mode: str = FULL

    def summary(self) -> str:
        if self.cancelled:
            return "Đã hủy; không có tệp nào được ghi."
        text = f"Đã in {len(self.printed)} giấy chứng nhận ({self.pages} trang) vào {len(self.files)} tệp."
        if self.problems:
            text += f" {len({p.nomination_id for p in self.problems})} giấy không in được (xem danh sách)."
        return text


@dataclass
class _Job:
    record: Record
    layout: Layout
    fitted: dict[str, Fitted]
    book_code: str = ""
    number: int = 0
    reprint: bool = False
    payload: Payload | None = None
    signature: bytes = b""
    canonical: str = ""
    code: str = ""
    issue_id: int = 0


def payload_for(record: Record, book_code: str, number: int) -> Payload:
    assert record.decision_date is not None
    return Payload(
        book_code=book_code,
        number=number,
        decision_number=record.values["decision_number"],
        recipient=record.values["name"],
        award_code=record.award_code,
        decision_date=record.decision_date,
    )


def choose_book(db: Database, code: str | None) -> tuple[int, str]:
    """The register book to number new awards in: the one named, the only one, or a new "SV"."""
    with db.read() as session:
        foreign = foreign_books(session)  # another office's numbers: never handed out here
        books = [b for b in session.execute(select(RegisterBook.id, RegisterBook.code).order_by(RegisterBook.id))
                 if b.code not in foreign]  # fmt: skip
    if code:
        wanted = code.strip().upper()
        if wanted in foreign:
            raise DomainError(f"Sổ «{wanted}» ghi số do {foreign[wanted]} cấp; không cấp số mới trong sổ này.",
                              field="book")  # fmt: skip
        for book_id, book_code in books:
            if book_code == wanted:
                return book_id, book_code
        raise DomainError(f"Không có sổ vàng mã «{wanted}».", field="book")
    if len(books) == 1:
        return books[0][0], books[0][1]
    if len(books) > 1:
        raise DomainError(
            f"Có {len(books)} sổ vàng ({', '.join(b[1] for b in books)}); hãy chọn sổ để vào số.",
            field="book",
        )
    try:
        book = create_book(db, *DEFAULT_BOOK)
        return book.id, book.code
    except DomainError:  # created meanwhile by another printer
        return choose_book(db, DEFAULT_BOOK[0])


class _Ticker:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0
        self.every = max(1, total // 200)

    def tick(self, n: int = 1) -> None:
        self.done += n
        if self.progress and (self.done % self.every == 0 or self.done >= self.total):
            self.progress(self.done, self.total)


def _cyclic_gc_paused(func: Callable[Params, R]) -> Callable[Params, R]:
    """Run ``func`` with Python's cyclic garbage collector paused.

    A batch makes millions of small objects (records, texts, page pieces) and about one
    reference cycle per certificate; the collector's repeated passes over the live objects cost
    10-20 % of a 10,000-certificate batch. Reference counting still frees everything as usual.
    """

    @functools.wraps(func)
    def run(*args: Params.args, **kwargs: Params.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return run


@_cyclic_gc_paused
@stamped  # the book's code in the batch's PDFs (app.certificates.head_code)
def make_certificates(
    db: Database,
    selection: Selection,
    *,
    out: Path | None = None,
    split_dir: Path | None = None,
    mode: str = FULL,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    alignment_page: bool = False,
    book_code: str | None = None,
    record_prints: bool = True,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> BatchResult:
    """Print the selected awards into ``out`` (one PDF) or ``split_dir`` (one PDF each).

    Certificates that cannot be printed are listed in ``result.problems`` and left out; the rest
    are printed. Raises :class:`DomainError` for what stops the whole batch (output not writable,
    selection empty or including awards that are not approved, signing key not the database's).
    """
    allowed(db, P.CERTIFICATES)  # and numbers in the register: assign_numbers checks P.REGISTERS
    if (out is None) == (split_dir is None):
        raise DomainError("Chọn một tệp PDF chung hoặc một thư mục (mỗi giấy một tệp).", field="out")
    if mode not in (FULL, BLANK):
        raise DomainError("Chế độ in là «full» (giấy trắng) hoặc «blank» (phôi in sẵn).", field="mode")
    out = check_output_file(out) if out is not None else None
    split_dir = check_output_dir(split_dir) if split_dir is not None else None
    cancelled = cancelled or (lambda: False)

    family = font_family()
    layouts = load_layouts()
    ids, notes = select_ids(db, selection)
    records = load_records(db, ids)
    key = load_private_key(db)  # the database's own key: made at its first print only
    ensure_public_key(db, key)
    result = BatchResult(notes=notes, mode=mode)

    # 1. check everything that does not depend on the number
    jobs: list[_Job] = []
    needs_book = any(r.register_number is None for r in records)
    book_id, default_code = choose_book(db, book_code) if needs_book else (0, "")
    by_award: dict[str, Layout | str] = {}
    memo: dict[tuple[object, ...], Fitted | str | None] = {}  # field outcomes per value (compose)
    with db.read() as session:
        foreign = foreign_books(session)
    for rec in records:
        if rec.book_code in foreign:  # numbered by the office that decided: its certificate, not ours
            result.problems.append(Problem(rec.nomination_id, rec.recipient, "Sổ vàng",
                                           f"{foreign[rec.book_code]} cấp số {rec.book_code}; giấy do cơ quan đó in."))  # fmt: skip
            continue
        layout = by_award.get(rec.award_code)
        if layout is None:
            try:
                layout = by_award[rec.award_code] = layout_for_award(layouts, rec.award_code)
            except DomainError as exc:
                layout = by_award[rec.award_code] = exc.message
        if isinstance(layout, str):
            result.problems.append(Problem(rec.nomination_id, rec.recipient, "Mẫu", layout))
            continue
        if rec.decision_date is None:
            result.problems.append(
                Problem(rec.nomination_id, rec.recipient, "Quyết định", "chưa có quyết định.")
            )
            continue
        code = rec.book_code or default_code
        values = dict(rec.values, book_code=code, register_number=PLACEHOLDER_NUMBER)
        values["verify_code"] = f"{code}-{PLACEHOLDER_NUMBER}-MMMMMMMM"
        fitted, problems = compose(rec.nomination_id, layout, values, family, memo=memo)
        if problems:
            result.problems.extend(problems)
        else:
            jobs.append(_Job(rec, layout, fitted))
    ticker = _Ticker(progress, 2 * len(jobs))

    # 2. register numbers (once per award, gapless), signatures and the issue of each code: one
    # transaction, before any PDF is written (a cancel before this point hands out no number)
    if cancelled():
        result.cancelled = True
        return result
    printed_before = _printed_before(db, [j.record.nomination_id for j in jobs])
    unnumbered = [j.record.nomination_id for j in jobs if j.record.register_number is None]
    if jobs:
        with db.write() as session:
            # the whole batch numbered in print order, gapless (a joined write: the same transaction)
            numbers = assign_numbers(db, book_id, unnumbered) if unnumbered else {}
            for job in jobs:
                if job.record.register_number is None:
                    reg = numbers[job.record.nomination_id]
                    job.book_code, job.number = reg.book_code, reg.number
                else:  # numbered when first printed: the same number
                    job.book_code, job.number = job.record.book_code, job.record.register_number
                job.reprint = job.record.nomination_id in printed_before
                job.payload = payload_for(job.record, job.book_code, job.number)
                job.canonical = job.payload.canonical()
                job.signature = key.sign(job.canonical.encode())
                job.code = short_code(job.book_code, job.number, job.signature)
            _issue(session, db, jobs)
    for job in jobs:
        if cancelled():
            result.cancelled = True
            return result
        values = dict(
            job.record.values, book_code=job.book_code, register_number=str(job.number), verify_code=job.code
        )
        fitted, problems = compose(
            job.record.nomination_id, job.layout, values, family, only=NUMBER_VARIABLES, memo=memo
        )
        if problems:  # practically impossible: the check above used the widest placeholder
            result.problems.extend(problems)
            job.payload = None
        job.fitted.update(fitted)
        ticker.tick()
    jobs = [j for j in jobs if j.payload is not None]

    # 3. draw and write, one batch at a time per process: ReportLab is not documented as thread-safe
    # (four printers in one process once failed inside it with a KeyError)
    try:
        with _DRAWING:
            if out is not None:
                _write_one(out, jobs, family, mode, offset_mm, alignment_page, result, ticker, cancelled)
            else:
                assert split_dir is not None
                _write_split(
                    split_dir, jobs, family, mode, offset_mm, alignment_page, result, ticker, cancelled
                )
    except _Stop:
        result.cancelled = True
        return result
    except (OSError, DomainError) as exc:  # disk full, device gone: the temporary file is already removed
        # atomic_write explains its own OSError as a DomainError (caused by it); said here with the numbers kept
        cause = exc if isinstance(exc, OSError) else exc.__cause__
        if not isinstance(cause, OSError):
            raise
        if record_prints and result.printed:  # the files of a split batch already in place
            log_prints(db, result.printed, mode)
        raise DomainError(
            _not_written(cause, out or split_dir, len(jobs), len(result.printed)), field="out"
        ) from None
    if record_prints:
        log_prints(db, result.printed, mode)
    return result


def _not_written(exc: OSError, where: Path | None, issued: int, written: int) -> str:
    why = "ổ đĩa đã đầy" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
    done = f" {written} giấy đã ghi xong tệp." if written else " Không có tệp giấy chứng nhận nào được ghi."
    return (
        f"Không ghi được tệp PDF vào «{where}»: {why}.{done} Số vào sổ và mã xác thực của {issued} giấy đã "
        "được cấp và ghi nhận (không mất); hãy giải phóng chỗ trống hoặc chọn nơi lưu khác rồi in lại: "
        "giấy in lại mang đúng số và mã đã cấp."
    )


def _issue(session: Session, db: Database, jobs: list[_Job]) -> None:
    """Record the issue of each job's code (in the numbering transaction), or find the record of
    the same code issued before (a reprint: Ed25519 gives the same signature for the same payload)."""
    ids = list(dict.fromkeys(j.record.nomination_id for j in jobs))
    table = CertificateIssue.__table__

    def known() -> dict[tuple[int, str], int]:
        found: dict[tuple[int, str], int] = {}
        for chunk in chunks(ids, 900):
            rows = session.execute(
                select(table.c.id, table.c.nomination_id, table.c.signature).where(
                    table.c.nomination_id.in_(chunk)
                )
            )
            found.update({(nid, sig): iid for iid, nid, sig in rows})
        return found

    issued = known()
    now, actor = utcnow(), db.actor.username
    rows, seen = [], set()
    for job in jobs:
        key = (job.record.nomination_id, signature_text(job.signature))
        if key in issued or key in seen:
            continue
        seen.add(key)
        rows.append({
            "nomination_id": key[0], "book_code": job.book_code, "register_number": job.number,
            "payload": job.canonical, "signature": key[1], "issued_at": now, "issued_by": actor,
            "state": ISSUED, "printed_at": None,
        })  # fmt: skip
    if rows:
        session.execute(insert(table), rows)  # Core: one executemany
        audit.record(session, "issue", "certificate_issue", details={
            "count": len(rows), "codes": [f"{r['book_code']}-{r['register_number']}" for r in rows[:50]],
        })  # fmt: skip
        issued = known()
        audit.record_rows(
            session, table, table.c.issued_at, [now], table.c.issued_by == actor
        )  # for the replay
    for job in jobs:
        job.issue_id = issued[(job.record.nomination_id, signature_text(job.signature))]


class _Stop(Exception):
    pass


def _printed(job: _Job, file: Path) -> Printed:
    assert job.payload is not None
    return Printed(
        job.record.nomination_id,
        job.record.recipient,
        job.book_code,
        job.number,
        job.reprint,
        file,
        job.code,
        job.canonical,
        signature_text(job.signature),
        job.issue_id,
    )


def _alignment_layouts(jobs: list[_Job]) -> list[Layout]:
    if jobs:
        return list({j.layout.key: j.layout for j in jobs}.values())
    layouts = load_layouts()
    return [layouts[sorted(layouts)[0]]]


def _write_one(
    out: Path, jobs: list[_Job], family: FontFamily, mode: str, offset: tuple[float, float], alignment: bool,
    result: BatchResult, ticker: _Ticker, cancelled: Cancelled,
) -> None:  # fmt: skip
    with atomic_write(out) as f:
        pdf = CertificateCanvas(f, family, mode=mode, offset_mm=offset)
        if alignment:
            for layout in _alignment_layouts(jobs):
                pdf.alignment_page(layout)
        printed = []
        for job in jobs:
            if cancelled():
                raise _Stop
            pdf.certificate(job.layout, job.fitted, qr_text_of(job.canonical, job.signature))
            printed.append(_printed(job, out))
            ticker.tick()
        pdf.save()
    result.printed.extend(printed)
    result.files.append(out)
    result.pages += pdf.pages


def _write_split(
    folder: Path, jobs: list[_Job], family: FontFamily, mode: str, offset: tuple[float, float], alignment: bool,
    result: BatchResult, ticker: _Ticker, cancelled: Cancelled,
) -> None:  # fmt: skip
    taken: set[str] = set()
    if alignment:
        path = folder / unique_name("Trang căn chỉnh.pdf", taken)
        with atomic_write(path) as f:
            pdf = CertificateCanvas(f, family, mode=mode, offset_mm=offset)
            for layout in _alignment_layouts(jobs):
                pdf.alignment_page(layout)
            pdf.save()
        result.files.append(path)
        result.pages += pdf.pages
    for job in jobs:
        if cancelled():
            raise _Stop
        path = folder / unique_name(safe_filename(job.record.recipient), taken)
        buffer = io.BytesIO()
        pdf = CertificateCanvas(buffer, family, mode=mode, offset_mm=offset, title=job.record.recipient)
        pdf.certificate(job.layout, job.fitted, qr_text_of(job.canonical, job.signature))
        pdf.save()
        with atomic_write(path) as f:
            f.write(buffer.getvalue())
        result.printed.append(_printed(job, path))
        result.files.append(path)
        result.pages += 1
        ticker.tick()


def _printed_before(db: Database, ids: list[int]) -> set[int]:
    found: set[int] = set()
    with db.read() as session:
        for chunk in chunks(ids, 900):
            found.update(
                session.scalars(
                    select(CertificatePrint.nomination_id)
                    .where(CertificatePrint.nomination_id.in_(chunk))
                    .distinct()
                )
            )
    return found


def log_prints(db: Database, printed: list[Printed], mode: str) -> None:
    """Log each print (first or reprint) and mark its code's issue record printed, in one
    transaction (after the file is in place)."""
    if not printed:
        return
    allowed(db, P.CERTIFICATES)
    now = utcnow()  # one moment for the batch (and no per-row default to call)
    rows = [
        {
            "printed_at": now,
            "nomination_id": p.nomination_id,
            "book_code": p.book_code,
            "register_number": p.number,
            "actor": db.actor.username,
            "reprint": p.reprint,
            "mode": mode,
            "file_name": str(p.file)[:500],
            "payload": p.payload,
            "signature": p.signature,
        }
        for p in printed
    ]
    issues = sorted({p.issue_id for p in printed if p.issue_id})
    table = CertificateIssue.__table__
    with db.write() as session:
        session.execute(insert(CertificatePrint.__table__), rows)  # Core: no ORM bookkeeping per row
        marked = 0
        for chunk in chunks(issues, 900):
            done = session.execute(
                update(table)
                .where(table.c.id.in_(chunk), table.c.state == ISSUED)
                .values(state=PRINTED, printed_at=now)
            )
            marked += cast(CursorResult[Any], done).rowcount  # an UPDATE's result has rowcount
        audit.record(session, "print", "certificate_print", details={
            "count": len(rows), "reprints": sum(1 for r in rows if r["reprint"]), "mode": mode,
            "issues_printed": marked,
        })  # fmt: skip
        t = CertificatePrint.__table__  # each row's state, for the replay (app.audit.replay)
        audit.record_rows(
            session, t, t.c.nomination_id, [r["nomination_id"] for r in rows], t.c.printed_at == now
        )
        audit.record_rows(session, table, table.c.id, issues, table.c.printed_at == now)
