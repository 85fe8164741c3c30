"""Issue #14, finding 5: each certificate's code is recorded as issued in the numbering transaction,
before any PDF is written, so a print cut short (killed, disk full) leaves no genuine-looking paper
whose code `thidua verify` calls invalid; the record is marked printed once the file is in place."""

from __future__ import annotations

import errno
import io
import itertools
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from sqlalchemy import select
from test_certificates_support import World, isolated_settings  # noqa: F401 - autouse fixture

from app.certificates import batch
from app.certificates.batch import make_certificates
from app.certificates.selection import Selection
from app.certificates.signing import short_code, signature_bytes
from app.certificates.verify import verify
from app.cli import main
from app.errors import DomainError
from app.model import CertificateIssue, CertificatePrint, RegisterEntry
from app.opening import open_database
from app.storage import files

ROOT = Path(__file__).resolve().parent.parent

# A printer killed between numbering and the PDF: the child numbers the batch, prints the codes it
# is about to put on paper (they could be on paper: a PDF viewer may show a file being written),
# then dies without any clean-up (os._exit skips every finally and atexit).
CHILD = textwrap.dedent(
    """
    import os, sys
    from app.certificates import batch
    from app.certificates.selection import Selection
    from app.opening import open_database

    def killed(out, jobs, *args, **kwargs):
        for job in jobs:
            print(job.code, flush=True)
        os._exit(9)

    batch._write_one = killed
    db = open_database(sys.argv[1], sync_catalogue=False)
    batch.make_certificates(db, Selection(decision=sys.argv[2]), out=batch.Path(sys.argv[3]))
    """
)


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return World(db)


def _issues(db) -> list[tuple[int, str, int, str, str]]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        rows = session.execute(
            select(CertificateIssue.nomination_id, CertificateIssue.book_code, CertificateIssue.register_number,
                   CertificateIssue.signature, CertificateIssue.state).order_by(CertificateIssue.id)
        ).all()  # fmt: skip
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _codes(db) -> list[str]:  # type: ignore[no-untyped-def]
    return [short_code(book, number, signature_bytes(sig)) for _, book, number, sig, _ in _issues(db)]


def _prints(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return len(session.scalars(select(CertificatePrint.id)).all())


def test_codes_of_a_print_killed_before_its_pdf_still_verify(
    world: World, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # given two awards of a decision, numbered by a printer that is killed before the PDF is written
    decision = world.decision("31/QĐ-UBND")
    for name in ("Đặng Thị Một", "Đặng Thị Hai"):
        world.award(name, decision=decision)
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    child = subprocess.run(
        [sys.executable, str(script), db_url, "31/QĐ-UBND", str(tmp_path / "out.pdf")],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
    )  # fmt: skip
    assert child.returncode == 9, child.stderr
    codes = child.stdout.split()
    assert len(codes) == 2

    # then the numbers were given, no print was logged, and each code is still genuine: it was
    # issued (the paper may exist), and the answer says its printing was never confirmed
    with world.db.read() as session:
        assert len(session.scalars(select(RegisterEntry.id)).all()) == 2
    assert _prints(world.db) == 0
    assert [state for *_, state in _issues(world.db)] == ["issued", "issued"]
    for code in codes:
        result = verify(world.db, code)
        assert result.genuine, result
        assert "chưa được xác nhận hoàn tất" in result.message and "mã vẫn hợp lệ" in result.message
    assert main(["verify", "--db", db_url, codes[0]]) == 0  # `thidua verify CODE` says the same
    assert "HỢP LỆ" in capsys.readouterr().out

    # and printing again gives the same numbers and codes, now confirmed
    again = make_certificates(world.db, Selection(decision="31/QĐ-UBND"), out=tmp_path / "out.pdf")
    assert sorted(p.code for p in again.printed) == sorted(codes)
    assert [state for *_, state in _issues(world.db)] == ["printed", "printed"]
    assert "chưa được xác nhận" not in verify(world.db, codes[0]).message


class _FullDisk:
    """A file that takes ``room`` bytes, then fails as a full disk does."""

    def __init__(self, f: BinaryIO, room: int) -> None:
        self.f, self.room = f, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.f.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.f, name)


def _disk_fills(monkeypatch: pytest.MonkeyPatch, *, at_file: int) -> None:
    """The ``at_file``-th output file (1-based) of the batch runs out of room after 2 KB, in the
    real temporary file of storage.files.atomic_write."""
    real = batch.atomic_write
    opened = itertools.count(1)

    @contextmanager
    def filling(path: Path) -> Iterator[Any]:
        with real(path) as f:
            yield _FullDisk(f, 2048) if next(opened) == at_file else f

    monkeypatch.setattr(batch, "atomic_write", filling)


@pytest.mark.parametrize("split", [False, True])
def test_disk_full_while_writing_says_so_leaves_no_temp_file_and_a_retry_prints_the_same_numbers(
    world: World, tmp_path: Path, split: bool
) -> None:
    decision = world.decision("32/QĐ-UBND")
    for name in ("Đỗ Văn Một", "Đỗ Văn Hai", "Đỗ Văn Ba"):
        world.award(name, decision=decision)
    folder = tmp_path / "ra"
    folder.mkdir()
    where: dict[str, Any] = {"split_dir": folder} if split else {"out": folder / "giay.pdf"}
    # when the disk fills while the PDF is written (one PDF: it fills the disk; a file each: the
    # second fills it, the first is in place)
    with pytest.MonkeyPatch.context() as full, pytest.raises(DomainError) as failed:
        _disk_fills(full, at_file=2 if split else 1)
        make_certificates(world.db, Selection(decision="32/QĐ-UBND"), **where)

    # then the message says what happened and that nothing was lost; no temp file is left
    message = failed.value.message
    assert "ổ đĩa đã đầy" in message and "không mất" in message and "in lại" in message
    left = sorted(p.name for p in folder.iterdir())
    assert not any(name.endswith(".tmp") for name in left)
    issued = _issues(world.db)
    assert len(issued) == 3
    if split:  # the file in place is logged as printed; the other two are issued, not printed
        assert len(left) == 1 and "1 giấy đã ghi xong tệp" in message
        assert sorted(state for *_, state in issued) == ["issued", "issued", "printed"]
        assert _prints(world.db) == 1
    else:
        assert left == [] and "Không có tệp giấy chứng nhận nào được ghi" in message
        assert all(state == "issued" for *_, state in issued)
        assert _prints(world.db) == 0
    codes = _codes(world.db)
    assert all(verify(world.db, c).genuine for c in codes)

    # and once there is room again, the retry prints the numbers and codes already issued
    again = make_certificates(world.db, Selection(decision="32/QĐ-UBND"), **where)
    assert sorted(p.code for p in again.printed) == sorted(codes)
    assert sorted(p.number for p in again.printed) == [1, 2, 3]
    assert [state for *_, state in _issues(world.db)] == ["printed"] * 3
    assert not any(p.name.endswith(".tmp") for p in folder.iterdir())


def test_the_command_reports_a_full_disk_as_an_error(
    world: World,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    world.award("Đinh Thị Lụa", decision=world.decision("33/QĐ-UBND"))
    world.db.dispose()

    _disk_fills(monkeypatch, at_file=1)
    code = main(
        ["certificates", "--db", db_url, "--decision", "33/QĐ-UBND", "--out", str(tmp_path / "g.pdf")]
    )

    assert code != 0
    err = capsys.readouterr().err
    assert "ổ đĩa đã đầy" in err and "in lại" in err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".g.pdf")] == []
    db = open_database(db_url)
    try:
        assert len(_issues(db)) == 1
    finally:
        db.dispose()


def test_a_reprint_reuses_the_issue_record_of_its_code(world: World, tmp_path: Path) -> None:
    nid = world.award("Đoàn Văn Nhất", decision=world.decision("34/QĐ-UBND"))
    first = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "a.pdf")
    second = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "b.pdf")

    assert second.printed[0].reprint and second.printed[0].code == first.printed[0].code
    assert second.printed[0].issue_id == first.printed[0].issue_id != 0
    assert [(n, state) for n, *_, state in _issues(world.db)] == [(nid, "printed")]
    assert _prints(world.db) == 2


def test_a_preview_issues_the_codes_and_saving_it_marks_them_printed(world: World, tmp_path: Path) -> None:
    from app.certificates.batch import log_prints

    nid = world.award("Đoàn Thị Nhì", decision=world.decision("35/QĐ-UBND"))
    preview = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "p.pdf", record_prints=False)
    assert [state for *_, state in _issues(world.db)] == ["issued"]
    assert verify(world.db, preview.printed[0].code).genuine

    log_prints(world.db, preview.printed, preview.mode)  # saved or sent to the printer
    assert [state for *_, state in _issues(world.db)] == ["printed"]


class _NoRoom(io.RawIOBase):
    """A file descriptor on a full disk: every write fails with ENOSPC (nothing reaches the file)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def fileno(self) -> int:
        return self.fd

    def close(self) -> None:
        if not self.closed:
            os.close(self.fd)
        super().close()


def test_a_full_disk_under_the_file_buffer_leaves_no_empty_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A small file (a certificate in blank mode, a short report) sits in the file's buffer until
    the flush, which fails on a full disk; closing the file flushes, and fails, again: the
    temporary file must still be removed, not left behind empty."""

    class _Os:
        def __getattr__(self, name: str) -> Any:
            return getattr(os, name)

        @staticmethod
        def fdopen(fd: int, mode: str = "rb", *args: Any, **kwargs: Any) -> Any:
            return io.BufferedWriter(_NoRoom(fd))

    monkeypatch.setattr(files, "os", _Os())
    with pytest.raises(DomainError) as failed, files.atomic_write(tmp_path / "g.pdf") as f:
        f.write(b"%PDF-1.4\n" * 100)
    cause = failed.value.__cause__  # the write's own OSError, explained (app.errors.os_error_message)
    assert isinstance(cause, OSError) and cause.errno == errno.ENOSPC
    assert sorted(p.name for p in tmp_path.iterdir()) == []
