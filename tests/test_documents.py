"""Documents as PDF: the key lines of each, read back from the file; page images for a look."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import factories
import openpyxl
import pytest
from pypdf import PdfReader

from app.documents import papers, reports
from app.documents.decree30 import DocMeta, Letterhead, Signature
from app.model import BlocRole, CriterionKind
from app.services import nominations as N
from app.services.appraisals import set_appraisal
from app.services.blocs import BlocInput, create_bloc, set_membership
from app.services.scoring import CriterionInput, set_criteria, set_score

db = factories.db
META = DocMeta(
    Letterhead("Sở Nội vụ", "UBND tỉnh Tây Ninh", "Tây Ninh"), "5/ttr-snv", dt.date(2025, 3, 5),
    Signature("Phó Giám đốc", "Nguyễn Văn Bình", "KT.", "Giám đốc"), ("Như trên;", "Lưu: VT, TĐKT."),
)  # fmt: skip


def text_of(path: Path) -> str:
    return unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in PdfReader(path).pages))


def lines(path: Path) -> list[str]:
    return [" ".join(line.split()) for line in text_of(path).splitlines() if line.strip()]


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    unit = factories.unit(db, "Sở Tài chính", code="STC")
    people = [factories.person(db, unit.id, name, gender=g, birth_year=y) for name, g, y in (
        ("Nguyễn Văn Ánh", "male", 1980), ("Trần Thị Bích", "female", 1985), ("Lê Văn Cường", "male", 1979),
    )]  # fmt: skip
    ids = []
    for p, votes in zip(people, (11, 8, 9), strict=True):
        nom = factories.nomination(
            db, "CSTDCS", 2025, person_id=p.id, achievement=f"Thành tích của {p.full_name} <b>&</b>"
        )
        N.submit(db, [nom.id])
        N.record_vote(db, nom.id, N.Vote(votes, 11 - votes, 11, dt.date(2025, 12, 1)))
        ids.append(nom.id)
    tt = factories.nomination(db, "TTLDTT", 2025, unit_id=unit.id)
    N.submit(db, [tt.id])
    return {"db": db, "unit": unit, "people": people, "ids": ids}


def test_submission_has_the_decree_30_header_number_date_and_annexed_list(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = papers.submission(world["db"], META, year=2025, to="Ủy ban nhân dân tỉnh Tây Ninh").save(
        tmp_path / "tt.pdf"
    )
    got = lines(out)
    for expected in ("UBND TỈNH TÂY NINH", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Số: 05/TTr-SNV", "Tây Ninh, ngày 05 tháng 3 năm 2025", "TỜ TRÌNH", "Kính gửi: Ủy ban nhân dân tỉnh Tây Ninh.",
                     "Nơi nhận:", "- Như trên;", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Bình",
                     "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"):  # fmt: skip
        assert any(expected in line for line in got), expected
    text = text_of(out)
    assert "Chiến sĩ thi đua cơ sở: 3 cá nhân." in text
    assert "Tổng cộng: 3 cá nhân và 1 tập thể" in text
    for name in ("Nguyễn Văn Ánh", "Trần Thị Bích", "Lê Văn Cường", "Sở Tài chính"):
        assert name in text
    assert "Nghị định số 152/2025/NĐ-CP" in text
    assert len(PdfReader(out).pages) >= 2


def test_page_numbers_start_on_page_two(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = papers.submission(world["db"], META, year=2025, to="UBND tỉnh").save(tmp_path / "tt.pdf")
    pages = PdfReader(out).pages
    assert not pages[0].extract_text().strip().startswith("1\n")
    assert pages[1].extract_text().strip().splitlines()[0].strip() == "2"


def test_minutes_show_votes_over_all_members_percentages_and_results(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    meeting = papers.Meeting(
        dt.datetime(2025, 12, 1, 8, 30), "Phòng họp số 1", "Hội đồng Thi đua - Khen thưởng Sở Tài chính", 11,
        ["Ông Nguyễn Văn Bình - Chủ tịch Hội đồng", "Bà Lê Thị Hoa - Thư ký"],
        Signature("Chủ tịch Hội đồng", "Nguyễn Văn Bình"), Signature("Thư ký", "Lê Thị Hoa"),
    )  # fmt: skip
    doc = papers.minutes(world["db"], META, meeting, year=2025, award_codes=["CSTDCS"])
    out = doc.save(tmp_path / "bb.pdf")
    text = " ".join(text_of(out).split())
    assert "BIÊN BẢN" in text and "2/11 thành viên Hội đồng có mặt" in text
    assert "Nguyễn Văn Ánh" in text and "11/11 100% 80% Đạt" in text
    assert "8/11 72,7% 80% Không đạt" in text
    assert "9/11 81,8% 80% Đạt" in text
    assert "Tổng số hồ sơ: 3; đạt: 2" in text
    assert [r[-1] for r in doc.tables[0].rows] == ["Đạt", "Không đạt", "Đạt"] or sorted(
        r[-1] for r in doc.tables[0].rows
    ) == ["Không đạt", "Đạt", "Đạt"]


def test_decision_with_annex_from_a_recorded_decision(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = world["db"]
    decision = factories.decision(db, 2025, number="7/QĐ-UBND")
    N.approve(db, world["ids"][:1], decision.id)
    out = papers.decision_document(db, "7/QĐ-UBND").save(tmp_path / "qd.pdf")
    text = text_of(out)
    assert "Số: 07/QĐ-UBND" in text and "QUYẾT ĐỊNH" in text and "Điều 1." in text
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and "Nguyễn Văn Bình" in text
    assert (
        "ngày 20 tháng 12 năm 2025" in text and "DANH SÁCH KHEN THƯỞNG" in text and "Nguyễn Văn Ánh" in text
    )


def test_lists_and_achievement_reports(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = world["db"]
    text = text_of(papers.nomination_list(db, META, year=2025).save(tmp_path / "ds.pdf"))
    assert (
        "I. CHIẾN SĨ THI ĐUA CƠ SỞ: 3 cá nhân" in text and "II. TẬP THỂ LAO ĐỘNG TIÊN TIẾN: 1 tập thể" in text
    )
    person = world["people"][0]
    set_appraisal(db, 2025, "excellent", person_id=person.id)
    text = text_of(
        reports.person_achievement(db, META, person_id=person.id, year=2025).save(tmp_path / "bc.pdf")
    )
    assert (
        "BÁO CÁO THÀNH TÍCH" in text and "Nguyễn Văn Ánh" in text and "Hoàn thành xuất sắc nhiệm vụ" in text
    )
    assert "Thành tích của Nguyễn Văn Ánh <b>&</b>" in text  # user text escaped, not parsed as markup
    text = text_of(reports.unit_achievement(db, META, unit_code="STC", year=2025).save(tmp_path / "tt.pdf"))
    assert "Sở Tài chính" in text and "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG" in text


def test_histories_and_statistics_with_xlsx_tables(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = world["db"]
    decision = factories.decision(db, 2025, number="9/QĐ-UBND")
    N.approve(db, world["ids"], decision.id)
    N.revoke(db, world["ids"][2:], "Kê khai không đúng")
    text = text_of(
        reports.person_history(db, META, person_id=world["people"][0].id).save(tmp_path / "qt.pdf")
    )
    assert "QUÁ TRÌNH KHEN THƯỞNG" in text and "09/QĐ-UBND" in text and "20/12/2025" in text
    doc = reports.award_statistics(db, META, years=[2024, 2025])
    text = " ".join(text_of(doc.save(tmp_path / "tk.pdf")).split())
    assert "Tổng cộng 0 2 2" in text  # the revoked award does not count
    ws = openpyxl.load_workbook(doc.save(tmp_path / "tk.xlsx")).active
    assert [c.value for c in ws[1]] == ["Đơn vị", "Danh hiệu, hình thức", "2024", "2025", "Cộng"]
    assert ws.cell(2, 4).value == 2 and ws.cell(2, 4).data_type == "n"
    text = text_of(reports.unit_history(db, META, unit_code="STC").save(tmp_path / "dv.pdf"))
    assert "Khen thưởng cá nhân trong đơn vị" in text


@pytest.fixture
def bloc(db):  # type: ignore[no-untyped-def]
    units = [factories.unit(db, name, code=code) for code, name in (
        ("KTC", "Sở Tài chính"), ("KXD", "Sở Xây dựng"), ("KCT", "Sở Công Thương"), ("KTT", "Sở Thông tin và Truyền thông"),
    )]  # fmt: skip
    b = create_bloc(db, BlocInput("KTKT", "Khối Kinh tế - Kỹ thuật"))
    for i, u in enumerate(units):
        set_membership(db, b.id, u.id, 2025, BlocRole.HEAD if i == 0 else BlocRole.MEMBER)
    crits = set_criteria(db, b.id, 2025, [
        CriterionInput("I.1", "Hoàn thành chỉ tiêu kinh tế - xã hội", 60, CriterionKind.CRITERION, group="I"),
        CriterionInput("I.2", "Công tác thi đua, khen thưởng", 40, CriterionKind.CRITERION, group="I"),
        CriterionInput("B.1", "Được tặng Cờ thi đua", 10, CriterionKind.BONUS),
    ])  # fmt: skip
    for u, (a, c) in zip(units, ((58, 38), (55, 37), (50, 30), (57.5, 39)), strict=True):
        set_score(db, crits[0].id, u.id, bloc_points=a)
        set_score(db, crits[1].id, u.id, bloc_points=c)
    return db


def test_standings_report_has_ranks_proposal_chart_and_criteria(bloc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = reports.standings_report(bloc, META, bloc_code="KTKT", year=2025)
    out = doc.save(tmp_path / "xh.pdf")
    text = " ".join(text_of(out).split())
    assert "Kết quả chấm điểm, xếp hạng thi đua Khối Kinh tế - Kỹ thuật năm 2025" in text
    assert "1 KTT Sở Thông tin và Truyền thông 96,5" in text
    assert "BẢNG ĐIỂM CHI TIẾT THEO TIÊU CHÍ" in text and "I.1 (60)" in text
    assert "Tổng điểm thi đua của các đơn vị" in text  # the chart's title
    reader = PdfReader(out)
    assert reader.pages[-1].mediabox.width > reader.pages[-1].mediabox.height  # the annex is landscape
    ws = openpyxl.load_workbook(doc.save(tmp_path / "xh.xlsx"))["Xếp hạng"]
    assert [c.value for c in ws[2]][:4] == [1, "KTT", "Sở Thông tin và Truyền thông", 96.5]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_first_pages_render_to_images(world, bloc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    keep = (
        Path(os.environ["THIDUA_KEEP_RENDERS"]) if os.environ.get("THIDUA_KEEP_RENDERS") else None
    )  # to look at them
    for name, doc in (
        ("to-trinh", papers.submission(world["db"], META, year=2025, to="Ủy ban nhân dân tỉnh Tây Ninh")),
        ("xep-hang", reports.standings_report(bloc, META, bloc_code="KTKT", year=2025)),
    ):
        pdf = doc.save(tmp_path / f"{name}.pdf")
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / name)], check=True
        )
        png = next(tmp_path.glob(f"{name}*.png"))
        assert png.stat().st_size > 5_000
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(png, keep / f"{name}.png")


def test_a_5000_row_list_uses_chunked_tables(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.documents.decree30 import PORTRAIT_WIDTH, data_tables, styles
    from app.documents.tables import INT, TEXT, Column, TableData

    table = TableData(
        "x", (Column("STT", INT), Column("Họ và tên", TEXT)), [(i, f"Người {i}") for i in range(5000)]
    )
    flowables = data_tables(table, styles(), PORTRAIT_WIDTH)
    assert len(flowables) == 10 and all(len(t._cellvalues) <= 501 for t in flowables)


def test_a_long_issuer_breaks_before_its_place_never_inside_it(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """«ỦY BAN NHÂN DÂN TỈNH TÂY» / «NINH» was how a decision's header wrapped; the place is kept
    whole when it fits the column, and a place too long for it wraps as before."""
    from app.documents.decree30 import keep_place

    meta = DocMeta(
        Letterhead("Ủy ban nhân dân tỉnh Tây Ninh", "", "Tây Ninh"), "7/TTr-UBND", dt.date(2025, 3, 5)
    )
    out = papers.submission(world["db"], meta, year=2025, to="Hội đồng Thi đua - Khen thưởng").save(
        tmp_path / "h.pdf"
    )
    got = lines(out)
    assert "ỦY BAN NHÂN DÂN" in got and "TỈNH TÂY NINH" in got, got[:6]
    assert not any(line.endswith("TỈNH TÂY") for line in got)
    assert keep_place("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ") == "ỦY BAN NHÂN DÂN XÃ\u00a0TÂN\u00a0PHÚ"
    assert keep_place("SỞ NỘI VỤ") == "SỞ NỘI VỤ"
    assert keep_place("ỦY BAN NHÂN DÂN TỈNH TÂY NINH", lambda _t: False) == "ỦY BAN NHÂN DÂN TỈNH TÂY NINH"
