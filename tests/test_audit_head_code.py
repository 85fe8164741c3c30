"""Issue #14, finding 1: the chain's head carried outside the machine as a short code, printed on
documents and written beside exports and backups; ``audit verify --head CODE`` checks one."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

import factories
import openpyxl
import pytest
from pypdf import PdfReader
from test_certificates_support import World, isolated_settings  # noqa: F401 - autouse: key, layouts

from app.audit import head as audit_head
from app.audit.code import check_code, file_code, head_code, make_code, parse_code, sidecar
from app.audit.log import GENESIS, entry_hash
from app.cli import main
from app.documents.requests import ReportRequest, write_report
from app.excel.exports import export
from app.storage.backup import make_backup
from app.storage.db import Database

db = factories.db


def _text(path: Path) -> str:
    return unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in PdfReader(path).pages))


def test_the_code_is_short_and_read_back_forgivingly() -> None:
    digest = "ab" * 32
    code = make_code(1234, digest)
    number, _, tail = code.partition("-")
    assert number == "1234" and len(tail) == 10 and tail.isalnum() and tail.isupper()
    assert parse_code(code) == (1234, tail)
    assert parse_code(f"  mã nhật ký: {code.lower()} ") == (1234, tail)
    assert parse_code("1234") is None and parse_code("x-ABCDEFGHIJ") is None


def test_verify_head_accepts_the_books_code_and_refuses_others(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    factories.unit(db, code="A1")
    printed = head_code(db)
    factories.unit(db, code="A2")  # the book goes on after the paper was printed
    with db.read() as s:
        assert check_code(s.connection(), printed).ok
    db.dispose()
    assert main(["audit", "verify", "--db", db_url, "--head", printed]) == 0
    assert f"Mã nhật ký {printed} có trong nhật ký của sổ này" in capsys.readouterr().out
    number, _, tail = printed.partition("-")
    forged = f"{number}-{'A' if tail[0] != 'A' else 'B'}{tail[1:]}"
    assert main(["audit", "verify", "--db", db_url, "--head", forged]) == 2
    assert "có mã khác" in capsys.readouterr().err
    assert main(["audit", "verify", "--db", db_url, "--head", f"999999-{tail}"]) == 2
    assert "không có mục 999999" in capsys.readouterr().err
    assert main(["audit", "verify", "--db", db_url, "--head", "không-phải-mã"]) == 2


@pytest.mark.sqlite_only
def test_a_rehashed_chain_with_its_head_file_rewritten_fails_the_printed_code(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unit = factories.unit(db, "Sở Tài chính", code="STC")
    printed = head_code(db)  # on a decision handed out
    factories.unit(db, code="A2")
    db.dispose()
    with sqlite3.connect(db_path) as conn:  # the data, the log and its head rewritten consistently
        conn.execute("DROP TRIGGER audit_entry_no_update")
        conn.execute("UPDATE unit SET name = 'Sở Tài chánh' WHERE id = ?", (unit.id,))
        rows = conn.execute("SELECT id, at, actor, action, entity, entity_id, changes, reason FROM audit_entry "
                            "ORDER BY id").fetchall()  # fmt: skip
        prev = GENESIS
        for id_, at, actor, action, entity, entity_id, changes, reason in rows:
            if entity == "unit" and entity_id == unit.id and action == "insert":
                changes = changes.replace("Sở Tài chính", "Sở Tài chánh")
            stamp = at if "." in at else at + ".000000"
            h = entry_hash(prev, stamp.replace(" ", "T"), actor, action, entity, entity_id, changes, reason)
            conn.execute("UPDATE audit_entry SET changes = ?, prev_hash = ?, hash = ? WHERE id = ?",
                         (changes, prev, h, id_))  # fmt: skip
            prev = h
    audit_head.rerecord_file(db_path)  # the head file rewritten too
    assert main(["audit", "verify", "--db", str(db_path)]) == 0  # nothing inside the machine shows it
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(db_path), "--head", printed]) == 2
    assert "viết lại" in capsys.readouterr().err


def test_decisions_and_reports_carry_the_code_in_their_footer(db: Database, tmp_path: Path) -> None:
    unit = factories.unit(db, "Sở Tài chính", code="STC")
    person = factories.person(db, unit.id)
    decision = factories.decision(db, number="7/QĐ-UBND")
    factories.approved(db, "LDTT", person_id=person.id, decision_id=decision.id)
    code = head_code(db)
    pdf = write_report(
        db, ReportRequest("quyet-dinh", decision="7/QĐ-UBND", year=2025), tmp_path / "qd.pdf"
    ).out
    assert f"Mã nhật ký: {code}" in _text(pdf)
    xlsx = write_report(
        db, ReportRequest("danh-sach", year=2025, issuer="Sở Nội vụ"), tmp_path / "ds.xlsx"
    ).out
    assert openpyxl.load_workbook(xlsx).properties.keywords == f"Mã nhật ký: {code}"
    exported = export(db, "units", tmp_path / "dv.xlsx")
    assert openpyxl.load_workbook(exported).properties.keywords == f"Mã nhật ký: {code}"
    with db.read() as s:
        assert check_code(s.connection(), code).ok


@pytest.mark.sqlite_only
def test_a_backup_has_its_code_beside_it(db: Database, db_path: Path, tmp_path: Path) -> None:
    factories.unit(db, code="A1")
    code = head_code(db)
    made = make_backup(db_path, directory=tmp_path / "bk")
    assert file_code(made) == code
    assert f"Mã nhật ký: {code}" in sidecar(made).read_text(encoding="utf-8")


def test_a_certificate_batch_carries_the_code_and_its_prints_replay_clean(
    db: Database, tmp_path: Path
) -> None:
    from app.audit.replay import replay_database
    from app.certificates.batch import make_certificates
    from app.certificates.selection import Selection

    world = World(db)
    decision = world.decision("21/QĐ-UBND")
    world.award("Hà Thị Một", decision=decision)
    code = head_code(db)
    out = tmp_path / "batch.pdf"
    make_certificates(db, Selection(decision="21/QĐ-UBND"), out=out, alignment_page=True)
    reader = PdfReader(out)
    assert reader.metadata is not None and reader.metadata.subject == f"Mã nhật ký: {code}"
    assert f"Mã nhật ký: {code}" in unicodedata.normalize(
        "NFC", reader.pages[0].extract_text()
    )  # alignment page
    assert f"Mã nhật ký: {code}" not in unicodedata.normalize("NFC", reader.pages[1].extract_text())
    report = replay_database(db)  # the numbers and the print log (Core writes) are in the replay
    assert report.ok, [str(f) for f in report.findings]
