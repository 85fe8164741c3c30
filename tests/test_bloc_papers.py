"""The bloc's year in documents (issue #15, items 2, 6 and 8): the covenant, the six-month and
year reviews with the secretariat's narrative, the bloc's minutes and the head's tờ trình, on a
copy of the demo; the texts kept per bloc, year and period; the CLI and the Reports page."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app import cli
from app.auth import Actor
from app.documents.bloc_papers import SIGN_NOTE
from app.documents.decree30 import DocMeta, Letterhead
from app.documents.requests import BLOC_KINDS, ReportRequest, write_report
from app.documents.tables import number_vi
from app.errors import DomainError
from app.model import BlocRole, CriterionKind, ScorePeriodKind, UserRole
from app.services.bloc_review import Attendance, BlocReview, get_review, set_review
from app.services.blocs import members
from app.services.scoring import copy_criteria, criteria, set_score
from app.services.standings import bloc_by_code, compute
from app.storage.db import Database

SECRETARIAT = Actor("thuky.khoi", UserRole.APPROVER, full_name="Thư ký khối")
META = DocMeta(Letterhead("", "UBND TỈNH TÂY NINH", "Tây Ninh"))


def text_of(path: Path) -> str:
    return " ".join(
        " ".join(unicodedata.normalize("NFC", p.extract_text()).split()) for p in PdfReader(path).pages
    )


def pdf(db: Database, tmp_path: Path, kind: str, **options: object) -> str:
    out = tmp_path / f"{kind}.pdf"
    write_report(db, ReportRequest(kind, bloc="KTKT", year=2025, **options), out)  # type: ignore[arg-type]
    return text_of(out)


def bloc_id(db: Database) -> int:
    return bloc_by_code(db, "KTKT").id


def test_the_year_review_prints_every_member_with_its_total_rank_chart_and_proposals(
    demo_db, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    table = compute(demo_db, bloc_id(demo_db), 2025)
    text = pdf(demo_db, tmp_path, "tong-ket-khoi")

    assert (
        "BÁO CÁO" in text
        and "Tổng kết năm 2025 công tác thi đua, khen thưởng của Khối Kinh tế - Kỹ thuật" in text
    )
    assert (
        text.startswith("KHỐI KINH TẾ - KỸ THUẬT") or "KHỐI KINH TẾ - KỸ THUẬT" in text
    )  # the bloc heads it
    for r in table.ranked:  # each unit's rank, code, name and total on one row
        assert f"{r.rank} {r.code} {r.name} {number_vi(r.total)}" in text, r.name
    for r in table.incomplete:
        assert f"{r.code} {r.name}" in text and "Chưa đủ phiếu chấm" in text
    assert "Tổng điểm thi đua của các đơn vị" in text  # the standings chart
    assert "Khen thưởng theo cấp và đơn vị" in text and "Đăng ký thi đua và kết quả thực hiện" in text
    assert "Phát hiện, nhân rộng điển hình tiên tiến" in text
    flag = next(r for r in table.ranked if r.proposal == "flag")
    assert f"Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho: {flag.name}" in text
    head = next(m for m in members(demo_db, bloc_id(demo_db), 2025) if m.role is BlocRole.HEAD)
    assert f"({head.name} – đơn vị Trưởng khối)" in text and "TM. KHỐI THI ĐUA" in text
    # Nothing written yet: no narrative heading printed as if filled.
    for heading in ("ĐÁNH GIÁ CHUNG", "Kết quả nổi bật", "Hạn chế, tồn tại", "NHIỆM VỤ TRỌNG TÂM"):
        assert heading not in text


def test_the_narrative_typed_is_printed_and_an_empty_section_left_out(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with demo_db.acting_as(SECRETARIAT):
        set_review(demo_db, bloc_id(demo_db), 2025, "year", BlocReview(
            results="Các đơn vị hoàn thành xuất sắc nhiệm vụ chính trị.\n\n  Chuyển đổi số   đạt kết quả rõ nét. ",
            tasks="Chuẩn bị Hội nghị điển hình tiên tiến.",
        ))  # fmt: skip
    kept = get_review(demo_db, bloc_id(demo_db), 2025, ScorePeriodKind.YEAR)
    assert (
        kept.results
        == "Các đơn vị hoàn thành xuất sắc nhiệm vụ chính trị.\nChuyển đổi số đạt kết quả rõ nét."
    )
    assert get_review(demo_db, bloc_id(demo_db), 2025, ScorePeriodKind.H1) == BlocReview()  # per period

    text = pdf(demo_db, tmp_path, "tong-ket-khoi")

    assert "ĐÁNH GIÁ CHUNG" in text
    assert "1. Kết quả nổi bật, ưu điểm Các đơn vị hoàn thành xuất sắc nhiệm vụ chính trị." in text
    assert "Chuyển đổi số đạt kết quả rõ nét." in text
    assert "Hạn chế, tồn tại" not in text  # left empty: left out
    assert "NHIỆM VỤ TRỌNG TÂM KỲ TỚI Chuẩn bị Hội nghị điển hình tiên tiến." in text


def test_the_half_year_review_and_the_half_year_rank_beside_the_years(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    b = bloc_id(demo_db)
    text = pdf(demo_db, tmp_path, "so-ket-khoi")
    assert "Sơ kết 6 tháng đầu năm 2025" in text
    # The demo set the half-year's criteria table, but nobody has scored on it yet: said, not faked.
    assert "0/11 đơn vị được xếp hạng" in text and "Chưa đủ phiếu chấm" in text
    assert "ĐỀ NGHỊ KHEN THƯỞNG" not in text  # proposals belong to the year

    with demo_db.acting_as(SECRETARIAT):
        copy_criteria(demo_db, b, 2025, ScorePeriodKind.YEAR, 2025, ScorePeriodKind.H1)
        units = members(demo_db, b, 2025)
        for i, m in enumerate(units):
            for c in criteria(demo_db, b, 2025, ScorePeriodKind.H1):
                share = 1.0 - i * 0.03 if c.kind is CriterionKind.CRITERION else 0.0
                set_score(demo_db, c.id, m.unit_id, bloc_points=round(c.max_points * share, 1))
    half = compute(demo_db, b, 2025, period=ScorePeriodKind.H1)
    text = pdf(demo_db, tmp_path, "so-ket-khoi")
    for r in half.ranked:
        assert f"{r.rank} {r.code} {r.name} {number_vi(r.total)}" in text
    year = pdf(demo_db, tmp_path, "tong-ket-khoi")
    assert "Hạng 6 tháng" in year
    leader = compute(demo_db, b, 2025).ranked[0]
    assert leader.h1_rank is not None
    assert f"{leader.rank} {leader.code} {leader.name} {number_vi(leader.total)} {leader.h1_rank}" in year


def test_the_minutes_list_each_members_attendance_and_the_votes(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    b = bloc_id(demo_db)
    units = members(demo_db, b, 2025)
    text = pdf(demo_db, tmp_path, "bien-ban-khoi")
    assert "Thành phần dự họp chưa được ghi" in text and text.count("Chưa ghi") >= len(units)
    assert "chưa ghi kết quả biểu quyết" in text

    attendance = {m.code: Attendance(True, f"Đại diện {m.code}") for m in units}
    attendance[units[-1].code] = Attendance(False, "ai đó")  # absent: nobody represented it
    with demo_db.acting_as(SECRETARIAT):
        set_review(demo_db, b, 2025, "year", BlocReview(
            attendance=attendance, votes_standings=len(units) - 1, votes_proposals=len(units) - 2,
            vote_note="Các đơn vị thống nhất suy tôn đơn vị dẫn đầu.",
        ))  # fmt: skip
    text = pdf(demo_db, tmp_path, "bien-ban-khoi", chair="Lê Văn A", secretary="Phạm Thị C",
               meeting_place="Hội trường Sở Xây dựng")  # fmt: skip

    present = len(units) - 1
    assert f"Có mặt {present}/{len(units)} đơn vị thành viên" in text
    for i, m in enumerate(units, start=1):
        state = "Vắng mặt" if m is units[-1] else f"Có mặt Đại diện {m.code}"
        assert f"{i} {m.name} {m.role.label} {state}" in text, m.name
    assert "ai đó" not in text
    assert f"Kết quả chấm điểm, xếp hạng: {present}/{present} đơn vị có mặt biểu quyết đồng ý (100%)." in text
    assert f"Đề nghị khen thưởng nêu trên: {present - 1}/{present} đơn vị có mặt biểu quyết đồng ý" in text
    assert "Các đơn vị thống nhất suy tôn đơn vị dẫn đầu." in text
    assert "Địa điểm: Hội trường Sở Xây dựng." in text and "Lê Văn A" in text and "Phạm Thị C" in text
    assert "Đơn vị Trưởng khối:" in text


def test_the_covenant_has_the_criteria_the_targets_and_one_signature_per_member(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    b = bloc_id(demo_db)
    units = members(demo_db, b, 2025)
    text = pdf(demo_db, tmp_path, "giao-uoc")

    assert "GIAO ƯỚC THI ĐUA" in text and "I. NỘI DUNG, TIÊU CHÍ THI ĐUA" in text
    for c in criteria(demo_db, b, 2025):
        assert c.code in text
    assert "Lao động tiên tiến" in text  # the registered targets
    assert text.count(SIGN_NOTE) == len(units)
    for m in units:
        assert f"THỦ TRƯỞNG {m.name.upper()}" in text
    assert "KHỐI TRƯỞNG THỦ TRƯỞNG" in text  # the head's block says it is the head's


def test_the_heads_submission_proposes_the_flag_and_merit_from_the_standings(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = compute(demo_db, bloc_id(demo_db), 2025)
    text = pdf(demo_db, tmp_path, "to-trinh-khoi", number="3/TTr-KKT")

    assert "TỜ TRÌNH" in text and "Số: 03/TTr-KKT" in text
    assert "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh." in text
    # the rules file's basis, as a signed paper may cite it (it once carried «ví dụ Bắc Ninh …»)
    assert "Căn cứ Quy định của Ủy ban nhân dân tỉnh về tổ chức, hoạt động của các khối, cụm thi đua;" in text
    assert "ví dụ" not in text and "Bắc Ninh" not in text
    for r in table.ranked:
        if r.proposal:
            assert r.name in text
    head = next(m for m in members(demo_db, bloc_id(demo_db), 2025) if m.role is BlocRole.HEAD)
    assert f"{head.name}, đơn vị Trưởng khối, kính trình" in text
    with pytest.raises(DomainError, match="chưa có bảng tiêu chí"):
        write_report(demo_db, ReportRequest("to-trinh-khoi", bloc="KTKT", year=2030), tmp_path / "x.pdf")


def test_the_review_as_xlsx_has_the_standings_sheet(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "tk.xlsx"
    write_report(demo_db, ReportRequest("tong-ket-khoi", bloc="KTKT", year=2025), out)
    book = openpyxl.load_workbook(out)
    assert {"Thành viên", "Phong trào", "Đăng ký", "Khen thưởng", "Điển hình", "Xếp hạng"} <= set(
        book.sheetnames
    )
    table = compute(demo_db, bloc_id(demo_db), 2025)
    names = {row[2] for row in book["Xếp hạng"].iter_rows(min_row=2, values_only=True)}
    assert {r.name for r in table.rows} <= names


def test_what_is_kept_is_checked(demo_db) -> None:  # type: ignore[no-untyped-def]
    b = bloc_id(demo_db)
    units = members(demo_db, b, 2025)
    with demo_db.acting_as(SECRETARIAT):
        with pytest.raises(DomainError, match="nhiều hơn 1 đơn vị có mặt") as err:
            set_review(demo_db, b, 2025, "year", BlocReview(
                attendance={units[0].code: Attendance(True, "A")}, votes_standings=2))  # fmt: skip
        assert err.value.field == "votes_standings"
        with pytest.raises(DomainError, match="không thuộc khối"):
            set_review(demo_db, b, 2025, "year", BlocReview(attendance={"KHONGCO": Attendance(True)}))
        with pytest.raises(DomainError, match="ký tự điều khiển"):
            set_review(demo_db, b, 2025, "year", BlocReview(results="a\x07b"))
        with pytest.raises(DomainError):
            set_review(demo_db, b, 2025, "quy", BlocReview())
    clerk = Actor("nhanvien", UserRole.CLERK, unit_id=units[0].unit_id)
    with demo_db.acting_as(clerk), pytest.raises(DomainError, match="không được phép"):
        set_review(demo_db, b, 2025, "year", BlocReview(results="x"))
    assert get_review(demo_db, b, 2025) == BlocReview()


@pytest.mark.parametrize("kind", BLOC_KINDS)
def test_the_cli_makes_each_bloc_kind(demo_db, tmp_path, kind, capsys) -> None:  # type: ignore[no-untyped-def]
    url = str(demo_db.engine.url.database)
    out = tmp_path / f"{kind}.pdf"
    code = cli.main(["--db", url, "report", kind, "--bloc", "KTKT", "--year", "2025", "--out", str(out)])
    assert code == 0, capsys.readouterr()
    assert out.is_file() and len(PdfReader(out).pages) >= 1


def test_the_cli_refuses_a_bad_period(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = str(demo_db.engine.url.database)
    with pytest.raises(SystemExit):
        cli.main(["--db", url, "report", "bien-ban-khoi", "--bloc", "KTKT", "--year", "2025", "--period", "q3",
                  "--out", str(tmp_path / "x.pdf")])  # fmt: skip


def test_the_review_texts_are_edited_from_the_reports_page_and_printed(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from test_gui_reports import make, pick, type_in

    from ui.dialogs.bloc_review import BlocReviewDialog
    from ui.pages.reports import ReportsPage

    page = ReportsPage()
    qtbot.addWidget(page)
    page.set_database(demo_db)
    page.show()
    form = page.choose("xep-hang")
    assert not page.review_button.isVisible()  # only the bloc's own documents have texts kept
    form = page.choose("tong-ket-khoi")
    assert page.review_button.isVisible()
    assert page.open_bloc_review() is None and form.error_text("bloc") == "Hãy chọn khối thi đua."
    pick(qtbot, form.widgets["bloc"], "Kinh tế")
    form.widgets["year"].setValue(2025)

    dialog = page.open_bloc_review()

    assert isinstance(dialog, BlocReviewDialog) and dialog.period is ScorePeriodKind.YEAR
    units = members(demo_db, bloc_id(demo_db), 2025)
    assert set(dialog.rows) == {m.code for m in units}
    dialog.field("results").setPlainText("Hoàn thành xuất sắc nhiệm vụ năm.")
    dialog.field("tasks").setPlainText("Tổ chức Hội nghị điển hình tiên tiến.")
    dialog.rows[units[0].code].state.setCurrentIndex(1)
    dialog.rows[units[0].code].by.setText("Ông Lê Văn A, Giám đốc")
    dialog.field("votes_standings").setValue(5)  # more than the one unit present: refused at its field
    demo_db.actor = SECRETARIAT
    dialog.accept()
    qtbot.waitUntil(lambda: bool(dialog.error_text("votes_standings")), timeout=20_000)
    assert "nhiều hơn 1 đơn vị có mặt" in dialog.error_text("votes_standings")
    dialog.field("votes_standings").setValue(1)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=20_000)

    kept = get_review(demo_db, bloc_id(demo_db), 2025)
    assert kept.results == "Hoàn thành xuất sắc nhiệm vụ năm." and kept.votes_standings == 1
    assert kept.attendance == {units[0].code: Attendance(True, "Ông Lê Văn A, Giám đốc")}
    out = tmp_path / "tk.pdf"
    type_in(qtbot, page.out, str(out))
    make(qtbot, page).reject()
    text = text_of(out)
    assert "Hoàn thành xuất sắc nhiệm vụ năm." in text and "Tổ chức Hội nghị điển hình tiên tiến." in text
    assert "Hạn chế, tồn tại" not in text


def test_an_approver_outside_the_blocs_secretariat_reads_the_texts_only(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    """The texts button is on the Reports page of every approver; one whose unit is neither the
    bloc's head nor its deputy that year reads what the secretariat wrote, and cannot save."""
    from ui.dialogs.bloc_review import BlocReviewDialog
    from ui.qt import QDialogButtonBox

    bloc = bloc_id(demo_db)
    demo_db.actor = SECRETARIAT
    set_review(demo_db, bloc, 2025, ScorePeriodKind.YEAR, BlocReview(results="Khối hoàn thành tốt nhiệm vụ."))
    units = {m.role: m for m in members(demo_db, bloc, 2025)}
    member = units[BlocRole.MEMBER]
    demo_db.actor = Actor("pd.thanhvien", UserRole.APPROVER, unit_id=member.unit_id)
    dialog = BlocReviewDialog(demo_db, bloc, 2025, ScorePeriodKind.YEAR)
    qtbot.addWidget(dialog)
    assert not dialog.writable and dialog.field("results").isReadOnly()
    assert dialog.field("results").toPlainText() == "Khối hoàn thành tốt nhiệm vụ."
    assert not dialog.field("votes_standings").isEnabled()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None
    assert "Chỉ xem" in dialog.banner.text()
    demo_db.actor = Actor("pd.khoitruong", UserRole.APPROVER, unit_id=units[BlocRole.HEAD].unit_id)
    head = BlocReviewDialog(demo_db, bloc, 2025, ScorePeriodKind.YEAR)
    qtbot.addWidget(head)
    assert head.writable and not head.field("results").isReadOnly()
    assert head.buttons.button(QDialogButtonBox.StandardButton.Save) is not None
