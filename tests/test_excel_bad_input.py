"""Files that must be refused whole, with a clear Vietnamese message and nothing imported."""

from __future__ import annotations

import zipfile
from pathlib import Path

import factories
import pytest
from factories import dump
from test_excel_support import sheet_xml, write_xlsx

from app.excel import safety
from app.excel.importer import run_import
from app.excel.safety import FileRefused

db = factories.db
HEAD = ["Mã đơn vị", "Họ và tên", "Giới tính"]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "good.xlsx", [HEAD, ["SNV", "Nguyễn Văn An", "Nam"]])


def refused(db, path: Path) -> str:  # type: ignore[no-untyped-def]
    before = dump(db)
    with pytest.raises(FileRefused) as info:
        run_import(db, "persons", path, dry_run=False)
    assert dump(db) == before
    return info.value.message


def test_a_text_file_named_xlsx_is_refused(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ds.xlsx"
    path.write_text("Họ và tên,Giới tính\n", encoding="utf-8")
    assert (
        refused(db, path)
        == "Không nhập được tệp «ds.xlsx»: không phải tệp Excel .xlsx (hãy chọn tệp .xlsx hoặc .csv)."
    )


def test_other_extensions_are_refused(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ds.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert refused(db, path).endswith("chỉ nhận tệp .xlsx hoặc .csv.")


def test_a_password_protected_workbook_is_refused(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "locked.xlsx"
    # Encrypted workbooks are OLE2 containers holding an "EncryptedPackage" stream.
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 512
    )
    assert "được đặt mật khẩu" in refused(db, path)


def test_a_truncated_workbook_is_refused(db, good: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = good.read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert "bị hỏng hoặc chưa tải về đầy đủ" in refused(db, path)


def test_a_zip_bomb_is_refused_before_parsing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "bomb.xlsx", [], sheet=sheet_xml([HEAD]) + b" " * (60 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    assert "zip bomb" in refused(db, path)


def test_a_declared_size_over_the_total_cap_is_refused(db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED", 1000)
    path = write_xlsx(tmp_path / "big.xlsx", [HEAD] + [["SNV", f"Người {i}", "Nam"] for i in range(100)])
    assert "quá lớn" in refused(db, path)


def test_an_xml_entity_declaration_is_refused(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')  # fmt: skip
    path = write_xlsx(tmp_path / "xxe.xlsx", [], sheet=bomb)
    assert "DTD" in refused(db, path)


def test_a_huge_cell_is_bounded_and_reported(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, "Sở Nội vụ", code="SNV")
    path = write_xlsx(tmp_path / "huge.xlsx", [HEAD, ["SNV", "A" * 100_000, "Nam"]])
    before = dump(db)
    report = run_import(db, "persons", path, dry_run=False)
    assert not report.committed and dump(db) == before
    assert (
        str(report.problems[0])
        == "Dòng 2, Họ và tên (cột B): ô dài 100.000 ký tự, vượt giới hạn 32.767 ký tự."
    )


def test_too_many_rows_are_refused(db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(safety, "MAX_ROWS", 10)
    path = write_xlsx(tmp_path / "rows.xlsx", [HEAD] + [["SNV", f"Người {i}", "Nam"] for i in range(20)])
    assert "quá nhiều dòng" in refused(db, path)


def test_a_damaged_member_is_refused(db, good: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "crc.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
    data = bytearray(path.read_bytes())
    at = data.find(b"Nguy")
    data[at : at + 4] = b"XXXX"  # corrupt stored bytes: CRC no longer matches
    path.write_bytes(bytes(data))
    assert "bị hỏng" in refused(db, path)


def test_no_header_row_is_refused_with_the_columns_needed(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "x.xlsx", [["a", "b"], [1, 2]])
    assert refused(db, path).endswith("Bảng cần có các cột «Mã đơn vị», «Giới tính» (tải mẫu để xem).")
