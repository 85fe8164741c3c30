"""``thidua scores export|import|show|close|reopen`` (issue #15)."""

from __future__ import annotations

from pathlib import Path

import factories as f
import openpyxl
import pytest
from sqlalchemy import select

from app import cli
from app.excel.score_sheets import HEADER_ROW
from app.model import AuditEntry, CriterionKind, ScorePeriodKind
from app.services.blocs import BlocInput, create_bloc, set_membership
from app.services.score_sheets import SheetEntry, save_sheet
from app.services.scoring import CriterionInput, set_criteria

db = f.db
H1 = ScorePeriodKind.H1
TABLE = [
    CriterionInput("I.1", "Thực hiện nhiệm vụ chuyên môn", 60),
    CriterionInput("I.2", "Công tác thi đua, khen thưởng", 40),
    CriterionInput("B.1", "Được tặng Cờ thi đua", 10, kind=CriterionKind.BONUS),
]


def run(url: str, *args: str) -> int:
    return cli.main(["--db", url, "scores", *args])


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
    # the year: SXD first; the half-year (imported below): STC first
    save_sheet(
        db,
        b.id,
        2025,
        ScorePeriodKind.YEAR,
        units["STC"],
        [SheetEntry("I.1", 50, 50), SheetEntry("I.2", 30, 30)],
    )
    save_sheet(
        db,
        b.id,
        2025,
        ScorePeriodKind.YEAR,
        units["SXD"],
        [SheetEntry("I.1", 55, 55), SheetEntry("I.2", 35, 35)],
    )
    db.dispose()
    return b, units


def _fill(path: Path, values: dict[str, tuple[object, ...]]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        for i, v in enumerate(values.get(str(ws.cell(row=r, column=1).value), ())):
            ws.cell(row=r, column=6 + i, value=v)
    wb.save(path)


def test_export_import_show_close_reopen(bloc, db, db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "phieu"
    common = ["--bloc", "KTKT", "--year", "2025", "--period", "h1"]
    assert run(db_url, "export", *common, "--out", str(out)) == 0
    files = sorted(out.glob("*.xlsx"))
    assert [p.name for p in files] == [
        "phieu-cham-diem_KTKT_2025_h1_STC.xlsx",
        "phieu-cham-diem_KTKT_2025_h1_SXD.xlsx",
    ]
    assert "Đã xuất" in capsys.readouterr().out

    assert run(db_url, "show", *common) == 0
    shown = capsys.readouterr().out
    assert "KTKT — Khối Kinh tế - Kỹ thuật, 6 tháng đầu năm 2025 (đang mở)" in shown
    assert "STC        Sở Tài chính" in shown and "chưa đủ (thiếu I.1, I.2)" in shown

    stc, sxd = files
    _fill(stc, {"I.1": (60, 58, "Thiếu một báo cáo"), "I.2": (40, 40)})
    _fill(sxd, {"I.1": (50, 50), "I.2": (41, 38)})  # above max, and differing without a comment
    assert run(db_url, "import", str(stc), str(sxd)) == 2
    err = capsys.readouterr().err
    assert "vượt điểm tối đa (40)" in err and "cần ghi nhận xét" in err
    _fill(sxd, {"I.2": (38, 38)})
    assert run(db_url, "import", str(stc), str(sxd), "--dry-run") == 0
    assert "Chạy thử: chưa ghi gì." in capsys.readouterr().out
    assert run(db_url, "import", str(stc), str(sxd), "--period", "year") == 2
    assert "lần nhập này dành cho khối KTKT, cả năm 2025" in capsys.readouterr().err
    assert run(db_url, "import", str(stc), str(sxd)) == 0
    assert "Đã lưu điểm của 2 đơn vị." in capsys.readouterr().out

    assert run(db_url, "show", *common) == 0
    lines = capsys.readouterr().out.splitlines()
    ranked = [line.split()[:3] for line in lines[2:4]]
    assert ranked == [["1", "STC", "Sở"], ["2", "SXD", "Sở"]]
    assert "  STC        Sở Tài chính                             đủ" in lines
    assert run(db_url, "show", "--bloc", "KTKT", "--year", "2025") == 0
    year = capsys.readouterr().out
    assert "cả năm 2025" in year and "Hạng 6 tháng" in year
    assert [line.split()[1] for line in year.splitlines()[2:4]] == ["SXD", "STC"]

    assert run(db_url, "close", *common) == 0
    assert "Đã khóa kỳ chấm điểm 6 tháng đầu năm 2025 của khối KTKT." in capsys.readouterr().out
    assert run(db_url, "import", str(stc)) == 2
    assert "đã khóa" in capsys.readouterr().err
    assert run(db_url, "reopen", *common) == 2
    assert "cần: --reason" in capsys.readouterr().err
    assert run(db_url, "reopen", *common, "--reason", "Khối họp lại ngày 15/7") == 0
    with db.read() as session:
        reasons = [
            e.reason for e in session.scalars(select(AuditEntry).where(AuditEntry.entity == "score_period"))
        ]
    assert reasons == ["", "Khối họp lại ngày 15/7"]


def test_bad_arguments_exit_2_with_a_vietnamese_message(bloc, db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(db_url, "show", "--bloc", "KTKT") == 2
    assert "cần: --year" in capsys.readouterr().err
    assert run(db_url, "show", "--bloc", "XYZ", "--year", "2025") == 2
    assert "Không có khối thi đua mã «XYZ»" in capsys.readouterr().err
    assert run(db_url, "show", "--bloc", "KTKT", "--year", "2030") == 2
    assert "chưa có bảng tiêu chí" in capsys.readouterr().err
    assert run(db_url, "import") == 2
    assert "ít nhất một tệp" in capsys.readouterr().err
    assert (
        run(db_url, "export", "--bloc", "KTKT", "--year", "2025", "--out", str(tmp_path), "--unit", "SYT")
        == 2
    )
    assert "không phải thành viên" in capsys.readouterr().err


def test_criteria_export_and_import_from_the_command_line(bloc, db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "tieu-chi.xlsx"
    assert run(db_url, "criteria-export", "--bloc", "KTKT", "--year", "2025", "--out", str(out)) == 0
    assert run(db_url, "criteria-import", str(out), "--year", "2026", "--dry-run") == 0
    assert "Chạy thử: chưa ghi gì." in capsys.readouterr().out
    assert run(db_url, "criteria-import", str(out), "--year", "2026") == 0
    assert "Đã lưu bảng tiêu chí 3 dòng." in capsys.readouterr().out
    assert run(db_url, "criteria-import", str(out)) == 2  # 2025's year table is scored
    assert "đã có điểm chấm" in capsys.readouterr().err
