"""Large .xlsx files are read by a child process (app.excel.reader_process): the import gives the
same report as reading in-process, refuses bad files with the same message, falls back when the
child cannot start, and a cancelled import leaves no child behind."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import factories
import pytest
from test_excel_support import write_xlsx

from app.errors import DomainError
from app.excel import importer, reader_process, xlsx_pieces
from app.excel.importer import run_import
from app.excel.safety import FileRefused

db = factories.db
HEAD = ["Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Chức vụ"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Mai", "Nam"]


def _rows(n: int) -> list[list[object]]:
    return [HEAD] + [
        ["SNV", f"Nguyễn {GIVEN[i // 8 % 8]} {GIVEN[i // 64 % 8]} {GIVEN[i % 8]}", "Nữ" if i % 2 else "Nam",
         dt.date(1960, 1, 1) + dt.timedelta(days=i), f"0{i:011d}", "Chuyên viên"]
        for i in range(n)
    ]  # fmt: skip


@pytest.fixture
def child(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every .xlsx through the child process; the list collects the sheets it opened."""
    monkeypatch.setattr(reader_process, "MIN_BYTES", 0)
    monkeypatch.delenv("THIDUA_IMPORT_PROCESS", raising=False)
    opened: list[object] = []
    real = reader_process.open_in_child

    def spy(path):  # type: ignore[no-untyped-def]
        sheet = real(path)
        opened.append(sheet)
        return sheet

    monkeypatch.setattr(reader_process, "open_in_child", spy)
    return opened


def _report(db, path: Path, **kw) -> dict:  # type: ignore[no-untyped-def,type-arg]
    report = run_import(db, "persons", path, **kw)
    out = dataclasses.asdict(report)
    out.pop("seconds")
    return out


def _in_process(monkeypatch: pytest.MonkeyPatch, db, path: Path, **kw) -> object:  # type: ignore[no-untyped-def]
    with monkeypatch.context() as m:
        m.setenv("THIDUA_IMPORT_PROCESS", "0")
        try:
            return _report(db, path, **kw)
        except FileRefused as exc:
            return exc.message


def test_the_child_reads_what_this_process_reads(db, tmp_path: Path, child, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    rows = _rows(5000)
    rows[7][3] = "31/02/2020"  # a problem, reported with its row and column either way
    path = write_xlsx(tmp_path / "p.xlsx", rows, merged=["F2:F4"])
    assert _report(db, path) == _in_process(monkeypatch, db, path)
    assert child and child[0] is not None  # the child did read it
    assert not reader_process._LIVE


def test_a_file_refused_at_once_is_refused_alike(db, tmp_path: Path, child, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(
        tmp_path / "p.xlsx", [], sheet=b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet/>'
    )
    with pytest.raises(FileRefused) as refused:
        run_import(db, "persons", path)
    assert refused.value.message == _in_process(monkeypatch, db, path)
    assert (
        child[0] is not None and not reader_process._LIVE
    )  # the child refused it: read here for the message


def test_a_cancelled_import_stops_the_child(db, tmp_path: Path, child) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    path = write_xlsx(tmp_path / "p.xlsx", _rows(12_000))
    with pytest.raises(DomainError, match="hủy"):
        run_import(db, "persons", path, dry_run=False, cancelled=lambda: True)
    assert child and child[0] is not None
    assert not reader_process._LIVE


def test_a_child_that_cannot_start_leaves_the_reading_here(db, tmp_path: Path, child, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "khong-co-python"))
    path = write_xlsx(tmp_path / "p.xlsx", _rows(50))
    assert run_import(db, "persons", path, dry_run=False).inserted == 50
    assert child == [None]


def test_a_child_lost_part_way_is_taken_over_from_where_it_stopped(
    db, tmp_path: Path, child, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    path = write_xlsx(tmp_path / "p.xlsx", _rows(5000))
    expected = _in_process(monkeypatch, db, path)
    real = reader_process.pickle

    class Cut:  # the pipe breaks after the sheet and one batch of rows
        loads = 0

        @staticmethod
        def load(stream):  # type: ignore[no-untyped-def]
            Cut.loads += 1
            if Cut.loads > 2:
                raise EOFError
            return real.load(stream)

    monkeypatch.setattr(reader_process, "pickle", Cut)
    assert _report(db, path) == expected  # no row lost, none twice (twice would be a duplicate problem)
    assert Cut.loads == 3 and not reader_process._LIVE


def _csv(path: Path, rows: list[list[object]]) -> Path:
    text = "\n".join(
        ";".join(v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else str(v) for v in row) for row in rows
    )
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_a_csv_is_read_by_the_child_alike(db, tmp_path: Path, child, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    rows = _rows(3000)
    rows[9][2] = "Khác"  # a problem, reported with its row and column either way
    path = _csv(tmp_path / "p.csv", rows)
    got = _report(db, path)
    assert got == _in_process(monkeypatch, db, path)
    assert got["rows_read"] == 3000 and [p["row"] for p in got["problems"]] == [10]
    assert child and child[0] is not None and not reader_process._LIVE


def test_a_binary_file_named_csv_is_refused_alike_through_the_child(
    db, tmp_path: Path, child, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_bytes(b"Ma don vi;Ho va ten\x00\x01\x02" * 100)
    with pytest.raises(FileRefused) as refused:
        run_import(db, "persons", path)
    assert refused.value.message == _in_process(monkeypatch, db, path)
    assert "nhị phân" in refused.value.message and not reader_process._LIVE


def test_the_frozen_app_starts_its_console_program_as_the_child(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    gui = tmp_path / "thidua.exe"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(gui))
    assert reader_process._command("p.xlsx") is None  # no console program beside it: read here
    (tmp_path / "thidua-cli.exe").write_bytes(b"")
    assert reader_process._command("p.xlsx") == [
        str(tmp_path / "thidua-cli.exe"),
        "--import-reader",
        "p.xlsx",
    ]


def test_the_frozen_entry_point_serves_as_the_child(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    path = _csv(tmp_path / "p.csv", _rows(3))
    done = subprocess.run([sys.executable, str(root / "packaging" / "thidua_main.py"), "--import-reader", str(path)],
                          capture_output=True, cwd=tmp_path, timeout=60, check=True,
                          env={**os.environ, "PYTHONPATH": str(root)})  # fmt: skip
    stream = io.BytesIO(done.stdout)
    messages = []
    while stream.tell() < len(done.stdout):
        messages.append(pickle.load(stream))
    assert messages[0] == ("sheet", "p.csv", [])
    assert [n for m in messages if m[0] == "rows" for n, _row in m[1]] == [1, 2, 3, 4]
    assert messages[-1] == ("end",)


@pytest.mark.parametrize("error", [BrokenPipeError, ValueError])
def test_a_sender_whose_pipe_fails_lets_the_child_finish(error: type[Exception]) -> None:
    class Broken(io.BytesIO):
        def write(self, data):  # type: ignore[no-untyped-def,override]
            raise error("hỏng")

    sender = reader_process._Sender(Broken())  # type: ignore[arg-type]
    for _ in range(3 * reader_process.AHEAD):  # more than the queue holds: must not block
        sender.send(("rows", []))
    sender.close()
    assert sender.gone and not sender.is_alive()
    assert sender.send(("end",)) is False


def _out_of_order(path: Path, rows: list[list[object]], moved: int) -> Path:
    """An .xlsx of ``rows`` whose row ``moved`` is written last, after every other row."""
    from test_excel_support import sheet_xml

    part = sheet_xml(rows, ())
    at = part.index(f'<row r="{moved}"'.encode())
    row = part[at : part.index(b"</row>", at) + 6]
    part = part.replace(row, b"").replace(b"</sheetData>", row + b"</sheetData>")
    assert len(part) > 2 * xlsx_pieces.FIRST  # the child cuts it, the moved row in its last piece
    return write_xlsx(path, [], sheet=part)


def test_rows_out_of_order_are_read_again_whole(db, tmp_path: Path, child, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The child reads the sheet in pieces; a row written after the later ones lands in another
    piece than its neighbours, so the rows given were not the sheet's first: the import starts
    again, reading the sheet whole here, and gives what the whole gives (rows in order)."""
    factories.unit(db, code="SNV")
    rows = _rows(3000)
    rows[5][2] = "Khác"  # row 6 (a problem), written at the end of the sheet part
    path = _out_of_order(tmp_path / "p.xlsx", rows, 6)
    opened: list[bool] = []
    real = importer.open_sheet

    def spy(p, *, here=False):  # type: ignore[no-untyped-def]
        opened.append(here)
        return real(p, here=here)

    monkeypatch.setattr(importer, "open_sheet", spy)
    got = _report(db, path, dry_run=False)
    assert opened == [False, True]  # the child's pieces, then the whole sheet here
    assert got["inserted"] == 0 and [p["row"] for p in got["problems"]] == [6]
    assert got == _in_process(monkeypatch, db, path, dry_run=False)
    assert not reader_process._LIVE
    rows[5][2] = "Nữ"
    path = _out_of_order(tmp_path / "q.xlsx", rows, 6)
    assert _report(db, path, dry_run=False)["inserted"] == 3000
    assert len(factories.dump(db)["person"]) == 3000
