"""Exports and templates: Vietnamese headers, real types, IDs as text, formulas never evaluated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories
import openpyxl
from test_excel_support import write_xlsx  # noqa: F401 - keeps the helper module imported once

from app.documents.tables import DATE, FLOAT, ID, INT, PERCENT, TEXT, Column, TableData
from app.excel.exports import export, write_template
from app.excel.importer import run_import
from app.excel.writer import write_tables

db = factories.db


def test_cells_keep_their_types_and_formula_like_text_stays_text(tmp_path: Path) -> None:
    table = TableData("Danh sách", (Column("Họ và tên", TEXT), Column("Số CCCD", ID), Column("Ngày sinh", DATE),
                                    Column("Điểm", FLOAT), Column("Số", INT), Column("Tỷ lệ", PERCENT)), [
        ('=HYPERLINK("http://evil","Bấm")', "001080012345", dt.date(1980, 3, 5), 95.5, 3, 0.9),
        ("+84 912", "000000000001", None, None, None, None),
        ("-1", "0123", None, None, None, None),
        ("@SUM(A1)", "\tx", None, None, None, None),
    ])  # fmt: skip
    out = write_tables(tmp_path / "t.xlsx", [table])
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]] == ["Họ và tên", "Số CCCD", "Ngày sinh", "Điểm", "Số", "Tỷ lệ"]
    name, cccd, born, points, count, share = ws[2]
    assert name.value == '=HYPERLINK("http://evil","Bấm")' and name.data_type == "s"
    assert cccd.value == "001080012345" and cccd.data_type == "s"
    assert born.value == dt.datetime(1980, 3, 5) and born.is_date
    assert points.value == 95.5 and count.value == 3 and share.number_format == "0.0%"
    for row in (3, 4, 5):
        assert ws.cell(row, 1).data_type == "s"
    assert ws.cell(5, 2).value == "\tx" and ws.cell(4, 2).value == "0123"


def test_persons_export_then_reimport_is_recognised_as_duplicates(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unit = factories.unit(db, "Sở Nội vụ", code="SNV")
    factories.person(db, unit.id, "Nguyễn Văn An", cccd="001080012345", birth_date=dt.date(1980, 3, 5))
    factories.person(db, unit.id, '=HYPERLINK("x")', gender="female")
    out = export(db, "persons", tmp_path / "cn.xlsx")
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Mã hệ thống", "Mã đơn vị", "Đơn vị", "Họ và tên"]
    rows = {r[3].value: r for r in ws.iter_rows(min_row=2)}
    an = rows["Nguyễn Văn An"]
    assert an[header.index("Số CCCD")].value == "001080012345"
    assert an[header.index("Ngày sinh")].value == dt.datetime(1980, 3, 5)
    assert any(str(k).startswith("=") and rows[k][3].data_type == "s" for k in rows)
    report = run_import(db, "persons", out, dry_run=True)
    assert len(report.duplicates) == 1  # the other row's name is refused: it looks like a formula
    assert report.problems[0].column == "Họ và tên (cột D)"


def test_templates_have_the_kinds_headers_and_import_cleanly(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for kind in ("units", "persons", "nominations"):
        out = write_template(kind, tmp_path / f"{kind}.xlsx")
        wb = openpyxl.load_workbook(out)
        assert wb.sheetnames[1] == "Hướng dẫn"
        assert wb.active.max_row == 1
    headers = [c.value for c in openpyxl.load_workbook(tmp_path / "persons.xlsx").active[1]]
    assert headers[:3] == ["Mã đơn vị", "Họ và tên", "Họ"]
    report = run_import(db, "persons", tmp_path / "persons.xlsx", dry_run=True)
    assert [str(p) for p in report.problems] == ["Tệp: Bảng không có dòng dữ liệu nào dưới dòng tiêu đề."]


def test_nominations_export_filters_by_year(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unit = factories.unit(db, "Sở Nội vụ", code="SNV")
    p = factories.person(db, unit.id, "Trần Thị Bích", gender="female", cccd="079185000001")
    factories.nomination(db, "LDTT", 2025, person_id=p.id)
    factories.nomination(db, "LDTT", 2024, person_id=p.id)
    ws = openpyxl.load_workbook(export(db, "nominations", tmp_path / "n.xlsx", year=2025)).active
    assert ws.max_row == 2
    assert ws.cell(2, 2).value == 2025 and ws.cell(2, 6).value == "079185000001"
