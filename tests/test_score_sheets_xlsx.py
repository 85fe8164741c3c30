"""Score sheets as .xlsx (issue #15): one workbook per unit out, filled ones back in, all or nothing
with every problem of every row of every file in one report."""

from __future__ import annotations

from pathlib import Path

import factories as f
import openpyxl
import pytest

from app.errors import DomainError
from app.excel.score_sheets import HEADER_ROW, export_sheets, import_sheets
from app.model import CriterionKind, ScorePeriodKind
from app.services.blocs import BlocInput, create_bloc, set_membership
from app.services.score_periods import close_period
from app.services.score_sheets import unit_sheet
from app.services.scoring import CriterionInput, set_criteria
from app.services.standings import compute

db = f.db
H1, YEAR = ScorePeriodKind.H1, ScorePeriodKind.YEAR
TABLE = [
    CriterionInput("I.1", "Thực hiện nhiệm vụ chuyên môn", 50, group="I"),
    CriterionInput("I.2", "=Công tác thi đua, khen thưởng", 30, group="I"),  # starts like a formula
    CriterionInput("B.1", "Được tặng Cờ thi đua", 10, kind=CriterionKind.BONUS),
]


@pytest.fixture
def bloc(db):  # type: ignore[no-untyped-def]
    b = create_bloc(db, BlocInput(code="KTKT", name="Khối Kinh tế - Kỹ thuật"))
    units = {
        code: f.unit(db, name, code=code).id
        for code, name in [("STC", "Sở Tài chính"), ("SXD", "Sở Xây dựng")]
    }
    for uid in units.values():
        set_membership(db, b.id, uid, 2025)
    set_criteria(db, b.id, 2025, TABLE, H1)
    set_criteria(db, b.id, 2025, TABLE)
    return db, b, units


def _fill(path: Path, values: dict[str, tuple[object, ...]], **head: object) -> Path:
    """Fill a sheet as a user would in Excel: {code: (self, bloc[, comment[, evidence]])}."""
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    for key, value in head.items():  # overwrite the header block
        row = {"bloc": 2, "year": 3, "period": 4, "unit": 5}[key]
        ws.cell(row=row, column=2, value=value)
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        code = ws.cell(row=r, column=1).value
        if code in values:
            for i, v in enumerate(values[code]):
                ws.cell(row=r, column=6 + i, value=v)
    wb.save(path)
    return path


def _export(db, unit: str | None = None, period=H1, tmp: Path | None = None) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    files = export_sheets(db, "KTKT", 2025, period, tmp or Path("."), unit_code=unit)
    return {p.stem.rsplit("_", 1)[1]: p for p in files}


def test_export_one_workbook_per_unit_with_header_block_and_criteria(bloc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _b, _u = bloc
    files = _export(db, tmp=tmp_path)
    assert sorted(files) == ["STC", "SXD"]
    assert files["STC"].name == "phieu-cham-diem_KTKT_2025_h1_STC.xlsx"
    ws = openpyxl.load_workbook(files["STC"]).active
    assert ws is not None
    assert [ws.cell(row=r, column=2).value for r in range(2, 6)] == ["KTKT", 2025, "h1", "STC"]
    assert ws.cell(row=4, column=3).value == "6 tháng đầu năm"
    assert [c.value for c in ws[HEADER_ROW]] == [
        "Mã tiêu chí", "Nhóm", "Nội dung tiêu chí", "Loại", "Điểm tối đa", "Tự chấm", "Khối chấm", "Nhận xét", "Minh chứng",
    ]  # fmt: skip
    assert [ws.cell(row=r, column=1).value for r in range(HEADER_ROW + 1, HEADER_ROW + 4)] == [
        "I.1",
        "I.2",
        "B.1",
    ]
    formula_like = ws.cell(row=HEADER_ROW + 2, column=3)
    assert formula_like.value == "=Công tác thi đua, khen thưởng" and formula_like.data_type == "s"
    assert ws.cell(row=HEADER_ROW + 1, column=5).value == 50
    assert list(_export(db, "sxd", tmp=tmp_path)) == ["SXD"]
    with pytest.raises(DomainError, match="không phải thành viên"):
        _export(db, "SYT", tmp=tmp_path)


def test_round_trip_export_fill_import_and_the_standings_change(bloc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, b, u = bloc
    files = _export(db, tmp=tmp_path)
    _fill(files["STC"], {"I.1": (48, 45, "Chậm một báo cáo", "BC 12/BC-STC"), "I.2": (30, 30), "B.1": (5, 5)})
    _fill(files["SXD"], {"I.1": (50, 50), "I.2": ("29,5", "29,5", None, "QĐ 5/QĐ-SXD"), "B.1": (0, 0)})
    dry = import_sheets(db, list(files.values()), dry_run=True)
    assert dry.ok and not dry.committed and "Chạy thử" in dry.summary()
    assert all(r.bloc_points is None for r in unit_sheet(db, b.id, 2025, H1, u["STC"]).rows)

    report = import_sheets(db, list(files.values()))
    assert report.ok and report.committed, [str(p) for p in report.problems]
    assert "Đã lưu điểm của 2 đơn vị" in report.summary()
    rows = unit_sheet(db, b.id, 2025, H1, u["STC"]).rows
    assert (rows[0].self_points, rows[0].bloc_points, rows[0].comment, rows[0].evidence) == (
        48,
        45,
        "Chậm một báo cáo",
        "BC 12/BC-STC",
    )
    table = compute(db, b.id, 2025, period=H1)
    assert [(r.code, r.total) for r in table.ranked] == [("STC", 80.0), ("SXD", 79.5)]
    # re-exported, the sheet carries what was saved; filled again, the standings change
    again = _export(db, "SXD", tmp=tmp_path)["SXD"]
    ws = openpyxl.load_workbook(again).active
    assert ws is not None and ws.cell(row=HEADER_ROW + 2, column=9).value == "QĐ 5/QĐ-SXD"
    _fill(again, {"B.1": (5, 5)})
    assert import_sheets(db, [again]).committed
    assert [r.code for r in compute(db, b.id, 2025, period=H1).ranked] == ["SXD", "STC"]


def test_every_problem_of_every_row_of_every_file_in_one_report_and_nothing_written(
    bloc, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, _b, _u = bloc
    files = _export(db, tmp=tmp_path)
    _fill(files["STC"], {"I.1": (51, -2), "I.2": ("ba mươi", 30), "B.1": (5, 4)})
    wb = openpyxl.load_workbook(files["SXD"])
    ws = wb.active
    assert ws is not None
    ws.cell(row=HEADER_ROW + 4, column=1, value="Z.9")
    ws.cell(row=HEADER_ROW + 4, column=6, value=1)
    ws.cell(row=HEADER_ROW + 5, column=1, value="I.1")
    ws.cell(row=HEADER_ROW + 5, column=6, value=1)
    wb.save(files["SXD"])
    copy = tmp_path / "ban-sao-STC.xlsx"
    copy.write_bytes(files["STC"].read_bytes())
    before = f.dump(db)
    report = import_sheets(db, [files["STC"], files["SXD"], copy])
    assert not report.committed
    text = [str(p) for p in report.problems]
    stc = files["STC"].name
    assert (
        f"{stc}, dòng 9, Tự chấm (cột F): Điểm tự chấm của tiêu chí I.1 (51) vượt điểm tối đa (50)." in text
    )
    assert f"{stc}, dòng 9, Khối chấm (cột G): Điểm khối chấm của tiêu chí I.1 không được âm." in text
    assert f"{stc}, dòng 10, Tự chấm (cột F): «ba mươi» không phải là số." in text
    assert (
        f"{stc}, dòng 11, Nhận xét (cột H): Tiêu chí B.1: điểm tự chấm (5) khác điểm khối chấm (4); cần ghi nhận xét."
        in text
    )
    sxd = files["SXD"].name
    assert f"{sxd}, dòng 12, Mã tiêu chí (cột A): Không có tiêu chí mã «Z.9» trong bảng tiêu chí." in text
    assert f"{sxd}, dòng 13, Mã tiêu chí (cột A): Tiêu chí «I.1» bị lặp lại trong phiếu." in text
    assert f"ban-sao-STC.xlsx: trùng phiếu của đơn vị STC với tệp {stc}." in text
    assert f.dump(db) == before


@pytest.mark.parametrize(
    ("head", "kwargs", "words"),
    [
        ({"bloc": "VHXH"}, {}, "phiếu của khối VHXH, 6 tháng đầu năm 2025; lần nhập này dành cho khối KTKT"),
        ({"year": 2024}, {}, "phiếu của khối KTKT, 6 tháng đầu năm 2024"),
        ({"period": "year"}, {}, "phiếu của khối KTKT, cả năm 2025"),
        ({}, {"period": YEAR}, "lần nhập này dành cho khối KTKT, cả năm 2025"),
        ({"unit": "SYT"}, {}, "Không có đơn vị mã «SYT»"),
        ({"period": "quý 3"}, {}, "phần đầu phiếu thiếu hoặc sai «Kỳ chấm điểm»"),
    ],
    ids=["other-bloc", "other-year", "other-period", "expected-period", "unknown-unit", "bad-period"],
)
def test_a_sheet_for_another_bloc_year_or_period_is_refused(
    bloc, tmp_path: Path, head, kwargs, words: str
) -> None:  # type: ignore[no-untyped-def]
    db, _b, _u = bloc
    files = _export(db, tmp=tmp_path)
    _fill(files["SXD"], {"I.1": (40, 40)})
    _fill(files["STC"], {"I.1": (40, 40)}, **head)
    before = f.dump(db)
    report = import_sheets(db, [files["SXD"], files["STC"]], **kwargs)
    assert any(words in str(p) for p in report.problems), [str(p) for p in report.problems]
    assert not report.committed and f.dump(db) == before


def test_a_closed_period_refuses_the_import(bloc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, b, _u = bloc
    files = _export(db, "STC", tmp=tmp_path)
    _fill(files["STC"], {"I.1": (40, 40)})
    close_period(db, b.id, 2025, H1)
    before = f.dump(db)
    report = import_sheets(db, [files["STC"]])
    assert [p.message for p in report.problems] == [
        "Kỳ chấm điểm 6 tháng đầu năm 2025 của khối KTKT đã khóa; muốn sửa phải mở lại kỳ (kèm lý do)."
    ]
    assert f.dump(db) == before


def test_files_that_are_not_score_sheets_are_reported_not_read(bloc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _b, _u = bloc
    text = tmp_path / "ghi-chu.xlsx"
    text.write_text("không phải xlsx", encoding="utf-8")
    other = tmp_path / "danh-sach.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Họ và tên", "Ngày sinh"])
    wb.save(other)
    report = import_sheets(db, [text, other])
    messages = [str(p) for p in report.problems]
    assert any("ghi-chu.xlsx" in m and "không phải tệp Excel .xlsx" in m for m in messages)
    assert any("danh-sach.xlsx" in m and "không phải phiếu chấm điểm" in m for m in messages)


# ---------------------------------------------------------------- the criteria table, out and in
def test_criteria_table_out_and_back_in_to_another_year(bloc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.excel.criteria_tables import HEADER_ROW as TOP
    from app.excel.criteria_tables import export_criteria, import_criteria
    from app.services.scoring import criteria

    db, b, _u = bloc
    out = export_criteria(db, "KTKT", 2025, YEAR, tmp_path / "tieu-chi.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws is not None
    assert [ws.cell(row=r, column=2).value for r in (2, 3, 4)] == ["KTKT", 2025, "year"]
    assert [ws.cell(row=r, column=1).value for r in range(TOP + 1, TOP + 4)] == ["I.1", "I.2", "B.1"]
    ws.cell(row=3, column=2, value=2026)  # next year's table, one row more, one maximum changed
    ws.cell(row=TOP + 1, column=5, value=55)
    ws.append(["T.1", "", "Chậm nộp báo cáo", "Điểm trừ", 5, None])
    wb.save(out)
    dry = import_criteria(db, out, dry_run=True)
    assert dry.ok and not dry.saved and criteria(db, b.id, 2026) == []
    report = import_criteria(db, out)
    assert report.ok and len(report.saved) == 4 and "Đã lưu bảng tiêu chí 4 dòng" in report.summary()
    table = criteria(db, b.id, 2026)
    assert [(c.code, c.max_points, c.kind) for c in table] == [
        ("I.1", 55, CriterionKind.CRITERION), ("I.2", 30, CriterionKind.CRITERION),
        ("B.1", 10, CriterionKind.BONUS), ("T.1", 5, CriterionKind.PENALTY),
    ]  # fmt: skip
    assert table[1].name == "=Công tác thi đua, khen thưởng"
    # the same file into the half-year of 2026, by option
    assert len(import_criteria(db, out, period=H1).saved) == 4


def test_criteria_table_problems_all_at_once_and_a_scored_table_kept(bloc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.excel.criteria_tables import export_criteria, import_criteria
    from app.services.score_sheets import SheetEntry, save_sheet

    db, b, u = bloc
    out = export_criteria(db, "KTKT", 2025, H1, tmp_path / "tieu-chi.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws is not None
    ws.append(["I.1", "", "Trùng mã", "Tiêu chí", 10, None])
    ws.append(["X.1", "", "", "Loại lạ", -3, 1.5])
    wb.save(out)
    save_sheet(db, b.id, 2025, H1, u["STC"], [SheetEntry("I.1", 40, 40)])
    before = f.dump(db)
    report = import_criteria(db, out)
    text = [str(p) for p in report.problems]
    assert "tieu-chi.xlsx, dòng 10, Mã tiêu chí (cột A): mã tiêu chí «I.1» trùng với dòng 7." in text
    assert "tieu-chi.xlsx, dòng 11, Nội dung tiêu chí (cột C): thiếu nội dung tiêu chí." in text
    assert any("dòng 11, Loại (cột D): loại «Loại lạ» không hợp lệ" in t for t in text)
    assert "tieu-chi.xlsx, dòng 11, Điểm tối đa (cột E): điểm tối đa phải lớn hơn 0." in text
    assert any("dòng 11, Ngưỡng tối thiểu (0–1) (cột F): ngưỡng tối thiểu phải từ 0 đến 1" in t for t in text)
    assert any("đã có điểm chấm; không thay cả bảng được" in t for t in text)
    assert not report.saved and f.dump(db) == before
