"""Control characters and NUL in text (issue #14, finding 6): refused where text comes in (the
services, the imports, with the row and column), and never a crash where it goes out (every .xlsx
export and report, over text written straight into the database)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories
import openpyxl
import pytest
from sqlalchemy import text

from app.documents.requests import ReportRequest, build
from app.errors import DomainError
from app.excel.exports import EXPORT_KINDS, export
from app.excel.importer import run_import
from app.model import UserRole
from app.services import accounts as A
from app.services import nominations as N
from app.services.units import UnitInput, create_unit, update_unit
from app.text import check_text, illegal_char, xml_safe

db = factories.db
BAD = ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x7f", "\x85", "\x9f", "\ufffe"]


@pytest.mark.parametrize("ch", BAD, ids=[f"U+{ord(c):04X}" for c in BAD])
def test_the_one_check_refuses_controls_and_allows_line_breaks_only_where_asked(ch: str) -> None:
    assert illegal_char(f"Nguyễn{ch}An") == f"U+{ord(ch):04X}"
    assert illegal_char(f"Nguyễn{ch}An", multiline=True) is not None
    with pytest.raises(DomainError, match="ký tự điều khiển") as refused:
        check_text(f"a{ch}", "Họ và tên", "full_name")
    assert refused.value.field == "full_name"
    assert "\ufffd" in xml_safe(f"a{ch}b")
    assert illegal_char("dòng 1\ndòng 2\tcột\r") == "U+000A"
    assert illegal_char("dòng 1\ndòng 2\tcột\r", multiline=True) is None
    assert illegal_char("Nguyễn Thị Minh Khai – Đắk Lắk “ok”") is None


def test_services_refuse_control_characters_in_every_kind_of_record(db) -> None:
    before = factories.dump(db)
    with pytest.raises(DomainError, match="«Tên» có ký tự điều khiển.*U\\+0000") as unit_name:
        create_unit(db, UnitInput(code="STC", name="Sở Tài\x00 chính"))
    assert unit_name.value.field == "name"
    with pytest.raises(DomainError, match="Mã đơn vị chỉ gồm"):  # a code had its own rule already
        create_unit(db, UnitInput(code="ST\x01C", name="Sở Tài chính"))
    assert factories.dump(db) == before
    unit = factories.unit(db, "Sở Tài chính", code="STC")
    with pytest.raises(DomainError, match="ký tự điều khiển"):
        update_unit(db, unit.id, UnitInput(code="STC", name="Sở Tài chính\x1b"))
    with pytest.raises(DomainError, match="có ký tự điều khiển.*U\\+0000"):  # PostgreSQL: at its first query
        factories.person(db, unit.id, "Nguyễn\x00 Văn An")
    with pytest.raises(DomainError, match="«Chức vụ» có ký tự điều khiển"):
        factories.person(db, unit.id, "Nguyễn Văn An", position="Chuyên\x07viên")
    person = factories.person(db, unit.id, "Nguyễn Văn An")
    # a field of several lines keeps its line breaks, not a NUL
    nom = factories.nomination(db, "CSTDCS", person_id=person.id, achievement="Dòng 1\nDòng 2")
    with pytest.raises(DomainError, match="«Tóm tắt thành tích» có ký tự điều khiển"):
        factories.nomination(db, "CSTDCS", 2024, person_id=person.id, achievement="Hoàn thành\x00 xuất sắc")
    with pytest.raises(DomainError, match="không đúng dạng"):  # a decision number had its own rule already
        factories.decision(db, number="12/QĐ-UBND\x00")
    with pytest.raises(DomainError, match="ký tự điều khiển"):
        factories.decision(db, issuer="Ủy ban\x02 nhân dân")
    with pytest.raises(DomainError, match="«Tên đăng nhập» có ký tự điều khiển"):
        A.create_account(db, A.AccountInput("quan\x01tri", UserRole.ADMIN), "matkhau-quantri")
    with pytest.raises(DomainError, match="«Họ và tên» có ký tự điều khiển"):
        A.create_account(db, A.AccountInput("quantri", UserRole.ADMIN, "Quản\x00 trị"), "matkhau-quantri")
    from app.services.office import Office, set_office

    with pytest.raises(DomainError, match="ký tự điều khiển") as office:
        set_office(db, Office(issuer="SỞ TÀI CHÍNH", signer="Nguyễn\x00 Văn A"))
    assert office.value.field == "signer"
    N.submit(db, [nom.id])
    with pytest.raises(DomainError, match="ký tự điều khiển"):  # a step's reason
        N.return_for_revision(db, [nom.id], "Thiếu\x00 hồ sơ")


def test_a_log_in_with_a_control_character_in_the_name_is_a_plain_refusal(db) -> None:
    A.create_account(db, A.AccountInput("quantri", UserRole.ADMIN), "matkhau-quantri")
    with pytest.raises(A.LoginError) as refused:
        A.login(db, "quan\x00tri", "matkhau-quantri")
    assert refused.value.message == A.LOGIN_FAILED


def test_imports_report_the_row_and_column_of_a_control_character(db, tmp_path: Path) -> None:
    factories.unit(db, "Sở Nội vụ", code="SNV")
    path = tmp_path / "p.csv"
    path.write_text(
        "Mã đơn vị,Họ và tên,Giới tính,Chức vụ\nSNV,Đặng Văn Quý,Nam,Chuyên viên\nSNV,Lê\x1b Thị Lan,Nữ,Chuyên\x01viên\n",
        encoding="utf-8",
    )
    before = factories.dump(db)
    report = run_import(db, "persons", path, dry_run=False)
    assert not report.committed and factories.dump(db) == before
    problems = [str(p) for p in report.problems]
    assert any(
        p.startswith("Dòng 3, Họ và tên") and "ký tự điều khiển" in p and "U+001B" in p for p in problems
    )
    assert any(p.startswith("Dòng 3, Chức vụ") and "U+0001" in p for p in problems), problems
    assert not any(p.startswith("Dòng 2") for p in problems)


@pytest.fixture
def tainted(db):  # type: ignore[no-untyped-def]
    """A book whose names hold control characters, written around the services (SQL), as a file
    from before the check, or another program, would have them."""
    unit = factories.unit(db, "Sở Tài chính", code="STC")
    person = factories.person(db, unit.id, "Nguyễn Văn Ánh", birth_year=1980)
    nom_id = factories.approved(db, "CSTDCS", 2025, person_id=person.id,
                                decision_id=factories.decision(db, 2025, number="7/QĐ-UBND").id)  # fmt: skip
    bad = "\x00\x01\x0b\x1b\x7f\x9f"
    with db.engine.begin() as conn:
        nul = "" if conn.dialect.name == "postgresql" else "\x00"  # PostgreSQL never stores NUL in text
        b = bad.replace("\x00", nul)
        conn.execute(
            text("UPDATE unit SET name = :v, short_name = :v WHERE id = :i"),
            {"v": f"Sở{b} Tài chính", "i": unit.id},
        )
        conn.execute(
            text("UPDATE person SET full_name = :f, given_name = :g, position = :p WHERE id = :i"),
            {"f": f"Nguyễn Văn Ánh{b}", "g": f"Ánh{b}", "p": f"Chuyên{b}viên", "i": person.id},
        )
        conn.execute(
            text("UPDATE nomination SET nominee_name = :n, achievement = :a WHERE id = :i"),
            {"n": f"Nguyễn Văn Ánh{b}", "a": f"Thành tích{b}", "i": nom_id},
        )
    return {"db": db, "person": person.id}


def test_every_xlsx_export_and_report_survives_stored_control_characters(tainted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tainted["db"]
    for kind in EXPORT_KINDS:
        out = export(db, kind, tmp_path / f"{kind}.xlsx")
        cells = [str(c.value) for row in openpyxl.load_workbook(out).active.iter_rows() for c in row]
        assert any("\ufffd" in c for c in cells), kind
    common = {"issuer": "Sở Nội vụ", "date": dt.date(2025, 12, 20)}
    requests = [
        ReportRequest("danh-sach", year=2025, **common),
        ReportRequest("quyet-dinh", decision="7/QĐ-UBND"),
        ReportRequest("thanh-tich-ca-nhan", person=tainted["person"], year=2025, **common),
        ReportRequest("thanh-tich-tap-the", unit="STC", year=2025, **common),
        ReportRequest("thong-ke", years=(2025,), **common),
        ReportRequest("qua-trinh-ca-nhan", person=tainted["person"], **common),
        ReportRequest("qua-trinh-don-vi", unit="STC", **common),
        ReportRequest("chi-tien-thuong", year=2025, **common),
    ]
    written = 0
    for req in requests:
        doc = build(db, req)
        if not doc.tables:
            continue
        out = doc.save(tmp_path / f"{req.kind}.xlsx")
        openpyxl.load_workbook(out)  # a well-formed workbook
        written += 1
    assert written >= 3
