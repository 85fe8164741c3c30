"""Nominations from an .xlsx in another system's layout: title rows, header on row 3, awards in
words, no year column, "Phân loại" mixing individuals, collectives and a household, "Tên gọi"
Ông/Bà, a validation list in another sheet. Read through a column mapping confirmed once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select

from app.excel.importer import ImportOptions, run_import
from app.model import Gender, Nomination
from app.services.import_mappings import remembered
from tests import factories


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    snv = factories.unit(db, "Sở Nội vụ", code="SNV")
    p1 = factories.unit(db, "Phòng Tổ chức", code="SNV-TC", parent_id=snv.id)
    xa = factories.unit(db, "Xã Tân Hòa", code="XTH")
    a = factories.person(db, p1.id, "Nguyễn Văn An", birth_date=dt.date(1980, 3, 5))
    b = factories.person(db, snv.id, "Lê Thị Bích", gender=Gender.FEMALE, birth_year=1985)
    h = factories.person(db, xa.id, "Trần Văn Hộ", birth_year=1970)
    # Two persons of the same name and birth year in the same office: never guessed.
    factories.person(db, snv.id, "Phạm Văn Cường", birth_year=1975)
    factories.person(db, p1.id, "Phạm Văn Cường", birth_year=1975)
    return {"snv": snv, "p1": p1, "xa": xa, "a": a, "b": b, "h": h}


def foreign_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["UBND TỈNH TÂY NINH"])
    ws.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025"])
    ws.merge_cells("A2:H2")
    ws.append(
        [
            "STT",
            "Phân loại",
            "Tên gọi",
            "Họ tên",
            "Năm sinh",
            "Đơn vị công tác",
            "Hình thức khen thưởng",
            "Ghi chú",
        ]
    )
    for r in rows:
        ws.append(r)
    lists = wb.create_sheet("DanhMuc")
    for v in ("CANHAN", "TAPTHE", "HOGIADINH"):
        lists.append([v])
    dv = DataValidation(type="list", formula1="DanhMuc!$A$1:$A$3")
    ws.add_data_validation(dv)
    dv.add("B4:B100")
    wb.save(path)
    return path


ROWS: list[list[object]] = [
    [1, "CANHAN", "Ông", "Nguyễn Văn An", 1980, "Phòng Tổ chức, Sở Nội vụ", "Chiến sĩ thi đua cơ sở", ""],
    [2, "Cá nhân", "Bà", "Lê Thị Bích", 1985, "Sở Nội vụ", "Bằng khen của Chủ tịch UBND tỉnh", ""],
    [3, "TAPTHE", "", "Phòng Tổ chức", "", "Sở Nội vụ", "Bằng khen của Chủ tịch UBND tỉnh", ""],
    [4, "HOGIADINH", "", "Ông Trần Văn Hộ", 1970, "Xã Tân Hòa", "Gia đình văn hóa", ""],
]


def test_a_foreign_list_imports_once_its_mapping_is_confirmed(db, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = foreign_xlsx(tmp_path / "ds.xlsx", ROWS)
    report = run_import(db, "nominations", path, dry_run=True)
    assert report.mapping is not None and report.mapping.source == "guessed"
    assert report.header_row == 3
    fields = {h: f for _c, h, f in report.mapping.columns()}
    assert fields == {
        "STT": "stt", "Phân loại": "category", "Tên gọi": "salutation", "Họ tên": "full_name",
        "Năm sinh": "birth", "Đơn vị công tác": "unit", "Hình thức khen thưởng": "award", "Ghi chú": "",
    }  # fmt: skip
    # No year column: asked once.
    assert [str(p) for p in report.problems] == [
        "Dòng 3: Danh sách không có cột năm: hãy cho biết năm đề nghị (ô «Năm đề nghị», hoặc --year NĂM)."
    ]
    report = run_import(db, "nominations", path, dry_run=True, options=ImportOptions(year=2025))
    assert report.ok and report.records == 4, [str(p) for p in report.problems]
    # A real import needs the mapping confirmed; then it is remembered for this layout.
    report = run_import(db, "nominations", path, dry_run=False, options=ImportOptions(year=2025))
    assert not report.committed and "chưa được xác nhận" in str(report.problems[0])
    report = run_import(
        db, "nominations", path, dry_run=False, options=ImportOptions(year=2025, confirm=True)
    )
    assert report.committed and report.inserted == 4, [str(p) for p in report.problems]
    assert report.mapping is not None and remembered(db, report.mapping.key) is not None
    with db.read() as s:
        got = [
            (n.person_id, n.unit_id, n.award.code, n.year)
            for n in s.scalars(select(Nomination).order_by(Nomination.id))
        ]
    w = world
    assert got == [
        (w["a"].id, None, "CSTDCS", 2025),
        (w["b"].id, None, "BK_TINH_CN", 2025),
        (None, w["p1"].id, "BK_TINH_TT", 2025),
        (w["h"].id, None, "GDVH", 2025),
    ]
    # The next list in the same layout reads with the remembered mapping, no question asked.
    path2 = foreign_xlsx(
        tmp_path / "ds2.xlsx",
        [[1, "CANHAN", "Ông", "Nguyễn Văn An", 1980, "Sở Nội vụ", "Lao động tiên tiến", ""]],
    )
    report = run_import(db, "nominations", path2, dry_run=False, options=ImportOptions(year=2025))
    assert report.mapping is not None and report.mapping.source == "remembered"
    assert report.committed and report.inserted == 1, [str(p) for p in report.problems]


def test_every_problem_of_every_row_at_once_and_an_ambiguous_person_is_not_guessed(
    db, world, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = foreign_xlsx(tmp_path / "ds.xlsx", [
        [1, "CANHAN", "Ông", "Phạm Văn Cường", 1975, "Sở Nội vụ", "Chiến sĩ thi đua cơ sở", ""],
        [2, "CANHAN", "Ông", "Nguyễn Văn An", 1980, "Sở Nội vụ", "Huân chương Mặt trăng", ""],
        [3, "KHAC", "", "Ai Đó", 1990, "Sở Nội vụ", "Lao động tiên tiến", ""],
        [4, "TAPTHE", "", "Phòng Không Có", "", "", "Tập thể lao động tiên tiến", ""],
        [5, "CANHAN", "Ông", "Nguyễn Văn An", 1980, "Sở Nội vụ", "Bằng khen của Chủ tịch UBND tỉnh", ""],
    ])  # fmt: skip
    report = run_import(
        db, "nominations", path, dry_run=False, options=ImportOptions(year=2025, confirm=True)
    )
    assert not report.committed and report.inserted == 0
    text = [str(p) for p in report.problems]
    assert {p.row for p in report.problems} == {4, 5, 6, 7}, text
    ambiguous = next(t for t in text if t.startswith("Dòng 4"))
    assert "ứng với 2 người" in ambiguous and "Phòng Tổ chức" in ambiguous and "CCCD" in ambiguous
    assert any(
        t.startswith("Dòng 5, Hình thức khen thưởng (cột G)") and "Huân chương Mặt trăng" in t for t in text
    )
    assert any(t.startswith("Dòng 6, Phân loại (cột B)") for t in text)
    assert any(t.startswith("Dòng 7, Họ tên (cột D)") and "Phòng Không Có" in t for t in text)
    with db.read() as s:
        assert s.scalars(select(Nomination)).first() is None
    # Given the sender's unit once, a name found in two of its divisions is still two persons.
    report = run_import(
        db, "nominations", path, dry_run=True, options=ImportOptions(year=2025, unit_code="SNV")
    )
    assert any(p.row == 4 and "ứng với 2 người" in p.message for p in report.problems)


def test_a_column_guessed_wrong_is_set_by_the_clerk(db, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = foreign_xlsx(tmp_path / "ds.xlsx", ROWS[:1])
    report = run_import(
        db, "nominations", path, dry_run=True, options=ImportOptions(year=2025, overrides={6: ""})
    )
    assert report.mapping is not None and report.mapping.fields[6] == ""
    assert any("thiếu danh hiệu" in p.message for p in report.problems)


def test_the_dialog_shows_the_mapping_takes_the_year_and_import_confirms_it(
    qtbot, db, world, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui.jobs import wait_for_writes
    from ui.qt import QComboBox
    from ui.reports.import_dialog import ImportDialog

    path = foreign_xlsx(tmp_path / "ds.xlsx", ROWS)
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("nominations"))
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.check().done, timeout=20_000):
        pass
    assert not dialog.mapping.isHidden() and dialog.mapping.rowCount() == 8
    assert "đoán từ tiêu đề" in dialog.mapping_label.text()
    award = dialog.mapping.cellWidget(6, 1)
    assert isinstance(award, QComboBox) and award.currentData() == "award"
    assert "năm đề nghị" in dialog.problems.item(0).text() and not dialog.import_button.isEnabled()
    dialog.year.setValue(2025)
    with qtbot.waitSignal(dialog.check().done, timeout=20_000):
        pass
    assert dialog.import_button.isEnabled(), [
        dialog.problems.item(i).text() for i in range(dialog.problems.count())
    ]
    award.setCurrentIndex(award.findData(""))  # a column read otherwise: check again first
    assert not dialog.import_button.isEnabled()
    award.setCurrentIndex(award.findData("award"))
    with qtbot.waitSignal(dialog.check().done, timeout=20_000):
        pass
    with qtbot.waitSignal(dialog.commit().done, timeout=20_000):
        pass
    wait_for_writes()
    assert "Đã nhập 4" in dialog.summary.text()
    assert dialog.report is not None and dialog.report.mapping is not None
    assert remembered(db, dialog.report.mapping.key) is not None


def test_a_list_of_collectives_named_by_unit_and_the_command_line_map(
    db, db_url: str, world, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    from app import cli

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG"])
    ws.append([])
    ws.append(["TT", "Tên đơn vị", "Khen thưởng", "Thành tích"])
    ws.append([1, "Xã Tân Hòa", "Tập thể lao động tiên tiến", "Hoàn thành tốt nhiệm vụ"])
    wb.save(tmp_path / "tt.xlsx")
    db.dispose()
    base = ["--db", db_url, "import", "nominations", str(tmp_path / "tt.xlsx"), "--year", "2025"]
    assert cli.main([*base, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "«Tên đơn vị» → full_name" in out and "«Khen thưởng» → award" in out, out
    # The clerk reads the achievement column otherwise, and confirms: imported and remembered.
    assert cli.main([*base, "--map", "Thành tích=", "--mapping", "confirm"]) == 0
    out = capsys.readouterr().out
    assert "«Thành tích» → - " in out and "Đã nhập 1" in out, out
    with db.read() as s:
        n = s.scalars(select(Nomination)).one()
        assert (n.unit_id, n.award.code, n.achievement) == (world["xa"].id, "TTLDTT", "")
    assert cli.main([*base, "--map", "9=award"]) != 0
    assert "--map «9=award»: không có cột «9»." in capsys.readouterr().err


def test_the_books_own_checks_name_the_lists_columns(db, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A collective title asked for a person is refused by the nominations' own check; the report
    names the list's column, not our template's."""
    path = foreign_xlsx(tmp_path / "ds.xlsx", [
        [1, "CANHAN", "Ông", "Nguyễn Văn An", 1980, "Sở Nội vụ", "TTLDTT", ""],
        [2, "CANHAN", "Ông", "Nguyễn Văn An", 1980, "Sở Nội vụ", "LDTT", ""],
        [3, "CANHAN", "Ông", "Nguyễn Văn An", 1980, "Sở Nội vụ", "Lao động tiên tiến", ""],
    ])  # fmt: skip
    report = run_import(db, "nominations", path, dry_run=True, options=ImportOptions(year=2025))
    text = [str(p) for p in report.problems]
    assert text[0].startswith(
        "Dòng 4, Hình thức khen thưởng (cột G): «Tập thể lao động tiên tiến» là khen thưởng cho tập thể"
    ), text
    assert text[1] == "Dòng 6: trùng với dòng 5 (cùng đối tượng, danh hiệu, năm).", text
