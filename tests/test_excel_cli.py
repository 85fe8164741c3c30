"""The ``import``, ``export``, ``template`` and ``report`` sub-commands (app.cli.transfer, app.cli.reports)."""

from __future__ import annotations

from pathlib import Path

import factories
import openpyxl
from pypdf import PdfReader
from test_excel_support import write_xlsx

from app import cli

db = factories.db


def run(db: str, *args: str) -> int:
    return cli.main(["--db", db, *args])


def test_template_import_dry_run_then_real_then_export(db, db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, "Sở Nội vụ", code="SNV")
    db.dispose()
    assert run(db_url, "template", "persons", "--out", str(tmp_path / "mau.xlsx")) == 0
    path = write_xlsx(tmp_path / "p.xlsx", [["Mã đơn vị", "Họ và tên", "Giới tính", "Số CCCD"],
                                             ["SNV", "Nguyễn Văn An", "Nam", "001080012345"], ["SNV", "Lê Thị Bé", "X", ""]])  # fmt: skip
    assert run(db_url, "import", "persons", str(path), "--dry-run") == 2
    out = capsys.readouterr()
    assert "Dòng 3, Giới tính (cột C): Giới tính «X» không hợp lệ (Nam hoặc Nữ)." in out.err
    path = write_xlsx(
        tmp_path / "p2.xlsx",
        [["Mã đơn vị", "Họ và tên", "Giới tính", "Số CCCD"], ["SNV", "Nguyễn Văn An", "Nam", "001080012345"]],
    )
    assert run(db_url, "import", "persons", str(path)) == 0
    assert "Đã nhập 1" in capsys.readouterr().out
    assert run(db_url, "import", "persons", str(path)) == 2  # duplicate: the clerk must choose
    assert run(db_url, "import", "persons", str(path), "--on-duplicate", "skip") == 0
    assert run(db_url, "export", "persons", "--out", str(tmp_path / "cn.xlsx")) == 0
    ws = openpyxl.load_workbook(tmp_path / "cn.xlsx").active
    assert ws.max_row == 2 and ws.cell(2, 11).value == "001080012345"


def test_refused_file_exits_2_with_the_message(db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "x.xlsx"
    bad.write_text("không phải excel")
    assert run(db_url, "import", "units", str(bad)) == 2
    assert "không phải tệp Excel .xlsx" in capsys.readouterr().err


def test_report_list_to_pdf_and_xlsx(db, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unit = factories.unit(db, "Sở Nội vụ", code="SNV")
    p = factories.person(db, unit.id, "Trần Thị Bích", gender="female")
    factories.nomination(db, "LDTT", 2025, person_id=p.id)
    db.dispose()
    common = ["--year", "2025", "--issuer", "Sở Nội vụ", "--parent", "UBND tỉnh Tây Ninh", "--place", "Tây Ninh",
              "--date", "05/03/2025", "--signer", "Nguyễn Văn Bình", "--signer-title", "Giám đốc"]  # fmt: skip
    assert run(db_url, "report", "danh-sach", *common, "--out", str(tmp_path / "ds.pdf")) == 0
    text = PdfReader(tmp_path / "ds.pdf").pages[0].extract_text()
    assert "Trần Thị Bích" in text and "ngày 05 tháng 3 năm 2025" in text
    assert run(db_url, "report", "danh-sach", *common, "--out", str(tmp_path / "ds.xlsx")) == 0
    assert openpyxl.load_workbook(tmp_path / "ds.xlsx").active.cell(2, 2).value == "Trần Thị Bích"
    assert (
        run(db_url, "report", "to-trinh", *common, "--out", str(tmp_path / "tt.pdf")) == 2
    )  # needs --to, --number


def test_report_names_every_missing_option_and_narrows_a_list_to_a_campaign(
    db, db_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.model import CampaignKind
    from app.services.campaigns import CampaignInput, create_campaign

    unit = factories.unit(db, "Sở Nội vụ", code="SNV")
    campaign = create_campaign(
        db,
        CampaignInput(
            "Chuyển đổi số", CampaignKind.THEMATIC, 2025, dt.date(2025, 3, 1), dt.date(2025, 11, 30)
        ),
    )
    inside = factories.person(db, unit.id, "Trần Thị Bích", gender="female")
    outside = factories.person(db, unit.id, "Lê Văn Cường", gender="male")
    factories.nomination(db, "LDTT", 2025, person_id=inside.id, campaign_id=campaign.id)
    factories.nomination(db, "LDTT", 2025, person_id=outside.id)
    db.dispose()

    assert run(db_url, "report", "bien-ban", "--year", "2025", "--out", str(tmp_path / "bb.pdf")) == 2
    assert "cần: --council, --members-total, --chair, --secretary, --issuer." in capsys.readouterr().err
    assert not (tmp_path / "bb.pdf").exists()

    out = tmp_path / "ds.pdf"
    assert run(db_url, "report", "danh-sach", "--year", "2025", "--issuer", "Sở Nội vụ",
               "--campaign", str(campaign.id), "--out", str(out)) == 0  # fmt: skip
    text = PdfReader(out).pages[0].extract_text()
    assert "Trần Thị Bích" in text and "Lê Văn Cường" not in text


def test_a_given_but_malformed_option_gets_its_own_message_not_missing(
    db_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "tt.pdf"
    code = run(db_url, "report", "to-trinh", "--year", "2025", "--issuer", "Sở Nội vụ", "--to", "UBND tỉnh",
               "--number", "abc", "--out", str(out))  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert "cần: --number" not in err and "abc" in err
