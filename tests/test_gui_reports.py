"""The Reports page on a copy of the demo: every kind ``thidua report`` knows, chosen, filled,
made off the GUI thread, written and previewed; a missing input stops at its field."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app.documents import data
from app.documents.requests import KINDS, MISSING
from app.model import NominationStatus
from app.services.persons import search_persons
from app.storage.db import Database
from app.text import fold
from ui.pages.reports import ReportsPage
from ui.qt import QPlainTextEdit, Qt
from ui.reports.forms import TITLES, form_fields
from ui.reports.report_dialog import ReportPreview
from ui.settings import Settings
from ui.widgets.lookup import LookupEdit

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where reports are written (the database copy lives beside it, in tmp_path)."""
    out = tmp_path / "out"
    out.mkdir()
    return out


@pytest.fixture
def page(qtbot, demo_db: Database) -> ReportsPage:  # type: ignore[no-untyped-def]
    page = ReportsPage()
    qtbot.addWidget(page)
    page.set_database(demo_db)
    page.resize(900, 900)
    page.show()
    return page


def text_of(path: Path) -> str:
    """The PDF's text with every run of white space as one space (table cells wrap)."""
    return " ".join(
        " ".join(unicodedata.normalize("NFC", p.extract_text()).split()) for p in PdfReader(path).pages
    )


def pick(qtbot, edit: LookupEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type part of a name (QTest types ASCII only: tones left out, as the search ignores them) and
    take the first suggestion, as the clerk does."""
    qtbot.keyClicks(edit, fold(text))
    qtbot.keyClick(edit.completer_.popup(), Qt.Key.Key_Return)
    assert edit.value is not None, f"no suggestion for {text!r}"


def type_in(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ASCII text key by key; set other text (QTest cannot type it)."""
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)


def a_person_with_awards(db: Database) -> str:
    row = next(
        r for r in data.nomination_rows(db, year=2025, statuses=(NominationStatus.APPROVED,)) if r.is_person
    )
    assert len(search_persons(db, row.nominee, anywhere=True)) == 1
    return row.nominee


def head(qtbot, w: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    type_in(qtbot, w["issuer"], "Sở Nội vụ")
    type_in(qtbot, w["parent"], "UBND tỉnh Tây Ninh")
    type_in(qtbot, w["date"], "05/03/2026")


def fill_to_trinh(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    w["year"].setValue(2025)
    type_in(qtbot, w["to"], "Ủy ban nhân dân tỉnh Tây Ninh")
    type_in(qtbot, w["number"], "12/ttr-snv")
    head(qtbot, w)
    type_in(qtbot, w["signer_title"], "Giám đốc")
    type_in(qtbot, w["signer"], "Nguyễn Văn Bình")
    nominee = data.nomination_rows(
        db, year=2025, statuses=(NominationStatus.SUBMITTED, NominationStatus.VOTED)
    )[0]
    return [
        "TỜ TRÌNH",
        "Số: 12/TTr-SNV",
        "Kính gửi: Ủy ban nhân dân tỉnh Tây Ninh",
        "Nguyễn Văn Bình",
        nominee.nominee,
    ]


def fill_danh_sach(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    w["year"].setValue(2025)
    pick(qtbot, w["award"], "Chiến sĩ thi đua cơ sở")
    head(qtbot, w)
    row = data.nomination_rows(db, year=2025, award_codes=("CSTDCS",))[0]
    return ["DANH SÁCH", "Đề nghị khen thưởng năm 2025", "CHIẾN SĨ THI ĐUA CƠ SỞ", row.nominee]


def fill_bien_ban(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    w["year"].setValue(2025)
    pick(qtbot, w["unit"], "Sở Tài chính")
    pick(qtbot, w["award"], "Chiến sĩ thi đua cơ sở")  # the department council's, voted out of 11
    type_in(qtbot, w["council"], "Hội đồng Thi đua - Khen thưởng Sở Tài chính")
    w["members_total"].setValue(11)
    type_in(qtbot, w["member"], "Ông Lê Văn A, Chủ tịch\nBà Trần Thị B, Ủy viên")
    type_in(qtbot, w["chair"], "Lê Văn A")
    type_in(qtbot, w["secretary"], "Phạm Thị C")
    type_in(qtbot, w["meeting_place"], "Hội trường UBND tỉnh")
    head(qtbot, w)
    rows = data.nomination_rows(db, year=2025, submitting_unit="STC", award_codes=("CSTDCS",),
                                statuses=(NominationStatus.VOTED, NominationStatus.APPROVED))  # fmt: skip
    row = next(r for r in rows if r.is_person)
    return ["BIÊN BẢN", "2/11 thành viên", "Hội trường UBND tỉnh", "Phạm Thị C", row.nominee]


def fill_quyet_dinh(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    pick(qtbot, w["decision"], "217/QĐ-STC")
    return ["QUYẾT ĐỊNH", "217/QĐ-STC", "Sở Tài chính".upper(), "DANH SÁCH KHEN THƯỞNG"]


def fill_ca_nhan(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    name = a_person_with_awards(db)
    pick(qtbot, w["person"], name)
    w["year"].setValue(2025)
    head(qtbot, w)
    return ["BÁO CÁO THÀNH TÍCH", "I. SƠ LƯỢC LÝ LỊCH", name]


def fill_tap_the(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    pick(qtbot, w["unit"], "Sở Tài chính")
    w["year"].setValue(2025)
    head(qtbot, w)
    return ["BÁO CÁO THÀNH TÍCH", "Tên tập thể:", "Sở Tài chính", "STC"]


def fill_xep_hang(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    pick(qtbot, w["bloc"], "Kinh tế")
    w["year"].setValue(2025)
    head(qtbot, w)
    return ["BÁO CÁO", "xếp hạng thi đua Khối Kinh tế - Kỹ thuật năm 2025", "Sở Tài chính"]


def fill_thong_ke(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    w["years"].first.setValue(2024)
    w["years"].last.setValue(2025)
    head(qtbot, w)
    return ["BÁO CÁO THỐNG KÊ", "giai đoạn 2024–2025", "Tổng cộng", "Sở Tài chính"]


def fill_qua_trinh_ca_nhan(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    name = a_person_with_awards(db)
    pick(qtbot, w["person"], name)
    head(qtbot, w)
    return ["QUÁ TRÌNH KHEN THƯỞNG", name, "Tổng cộng:"]


def fill_qua_trinh_don_vi(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    pick(qtbot, w["unit"], "Sở Tài chính")
    head(qtbot, w)
    return ["QUÁ TRÌNH KHEN THƯỞNG", "Sở Tài chính", "Khen thưởng cá nhân trong đơn vị"]


def fill_chi_tien_thuong(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    from app.services.decisions import find_decision
    from app.services.payout import dong, payout_lines, total

    pick(qtbot, w["decision"], "2915/QĐ-UBND")
    w["year"].setValue(2025)
    head(qtbot, w)
    lines = payout_lines(db, decision_id=find_decision(db, "2915/QĐ-UBND").id)
    return ["DANH SÁCH", "Chi tiền thưởng quyết định số 2915/QĐ-UBND", lines[0].nominee, dong(total(lines))]


def bloc_head(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    pick(qtbot, w["bloc"], "Kinh tế")
    w["year"].setValue(2025)
    type_in(qtbot, w["date"], "05/03/2026")


def fill_giao_uoc(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    bloc_head(qtbot, w)
    return ["GIAO ƯỚC THI ĐUA", "Khối Kinh tế - Kỹ thuật năm 2025", "THỦ TRƯỞNG SỞ TÀI CHÍNH"]


def fill_so_ket_khoi(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    bloc_head(qtbot, w)
    return ["BÁO CÁO", "Sơ kết 6 tháng đầu năm 2025", "Sở Tài chính"]


def fill_tong_ket_khoi(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    bloc_head(qtbot, w)
    return ["BÁO CÁO", "Tổng kết năm 2025", "Kết quả chấm điểm, xếp hạng", "Sở Tài chính"]


def fill_bien_ban_khoi(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    bloc_head(qtbot, w)
    type_in(qtbot, w["chair"], "Lê Văn A")
    type_in(qtbot, w["meeting_place"], "Hội trường Sở Xây dựng")
    return ["BIÊN BẢN", "THÀNH PHẦN", "Hội trường Sở Xây dựng", "Lê Văn A", "Sở Tài chính"]


def fill_to_trinh_khoi(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    bloc_head(qtbot, w)
    type_in(qtbot, w["number"], "3/TTr-KKT")
    return ["TỜ TRÌNH", "Số: 03/TTr-KKT", "Hội đồng Thi đua - Khen thưởng tỉnh", "Cờ thi đua"]


def fill_dien_hinh(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    bloc_head(qtbot, w)
    type_in(qtbot, w["issuer"], "Sở Nội vụ")
    return [
        "SỞ NỘI VỤ",
        "DANH SÁCH",
        "gương điển hình tiên tiến Khối Kinh tế - Kỹ thuật năm 2025",
        "Nhân rộng",
    ]


def fill_trich_ngang(qtbot, w, db) -> list[str]:  # type: ignore[no-untyped-def]
    pick(qtbot, w["unit"], "Sở Tài chính")
    w["year"].setValue(2025)
    head(qtbot, w)
    return ["Sở Tài chính năm 2025", "TRÍCH NGANG THÀNH TÍCH"]


FILL: dict[str, Callable] = {  # type: ignore[type-arg]
    "to-trinh": fill_to_trinh, "danh-sach": fill_danh_sach, "bien-ban": fill_bien_ban,
    "quyet-dinh": fill_quyet_dinh, "thanh-tich-ca-nhan": fill_ca_nhan, "thanh-tich-tap-the": fill_tap_the,
    "xep-hang": fill_xep_hang, "thong-ke": fill_thong_ke, "qua-trinh-ca-nhan": fill_qua_trinh_ca_nhan,
    "qua-trinh-don-vi": fill_qua_trinh_don_vi, "chi-tien-thuong": fill_chi_tien_thuong,
    "giao-uoc": fill_giao_uoc, "so-ket-khoi": fill_so_ket_khoi, "tong-ket-khoi": fill_tong_ket_khoi,
    "bien-ban-khoi": fill_bien_ban_khoi, "to-trinh-khoi": fill_to_trinh_khoi,
    "dien-hinh": fill_dien_hinh, "trich-ngang": fill_trich_ngang,
}  # fmt: skip


def make(qtbot, page: ReportsPage) -> ReportPreview:  # type: ignore[no-untyped-def]
    job = page.make_document()
    assert job is not None, page.banner.text()
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    dialog = page.dialog
    assert isinstance(dialog, ReportPreview)
    return dialog


def test_every_kind_the_cli_knows_has_a_title_a_form_and_a_test() -> None:
    assert list(TITLES) == list(KINDS) == list(FILL)
    for key, kind in KINDS.items():
        assert set(kind.needs) <= set(form_fields(key)) | {"year"}


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_is_chosen_filled_made_written_and_previewed(qtbot, page, demo_db, tmp_path, kind) -> None:  # type: ignore[no-untyped-def]
    form = page.choose(kind)
    assert page.stack.currentWidget() is form
    assert list(form.widgets) == form_fields(kind)  # exactly the inputs this kind uses
    expected = FILL[kind](qtbot, form.widgets, demo_db)
    out = tmp_path / f"{kind}.pdf"
    type_in(qtbot, page.out, str(out))

    dialog = make(qtbot, page)

    assert out.is_file() and not list(tmp_path.glob(f".{kind}.pdf.*"))  # atomic: no temporary left
    assert dialog.page_count() == len(PdfReader(out).pages) >= 1
    assert str(out) in dialog.status.text()
    text = text_of(out)
    for line in expected:
        assert line in text, line
    dialog.reject()


def test_statistics_as_xlsx_are_written_and_previewed_as_pdf(qtbot, page, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    form = page.choose("thong-ke")
    fill_thong_ke(qtbot, form.widgets, demo_db)
    page.format.setCurrentIndex(page.format.findData(".xlsx"))
    type_in(qtbot, page.out, str(tmp_path / "thong-ke"))  # the format's suffix is added

    dialog = make(qtbot, page)

    out = tmp_path / "thong-ke.xlsx"
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]][:4] == ["Đơn vị", "Danh hiệu, hình thức", "2024", "2025"]
    assert any(row[0] == "Tổng cộng" for row in ws.iter_rows(values_only=True))
    assert dialog.page_count() >= 1 and dialog.written.pdf is not None and dialog.written.pdf.suffix == ".pdf"
    dialog.reject()
    assert not dialog.written.pdf.exists()  # the preview's temporary PDF goes with the dialog


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_missing_required_input_is_shown_at_its_field_and_nothing_is_written(
    qtbot, page, folder, kind
) -> None:  # type: ignore[no-untyped-def]
    form = page.choose(kind)
    out = folder / "x.pdf"
    page.out.setText(str(out))
    empty = [n for n in KINDS[kind].needs if n not in ("year", "years")]  # a year is always set

    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)

    assert empty and page.job is None and page.dialog is None
    for name in empty:
        assert form.error_text(name) == MISSING[name], name
    assert not out.exists() and list(folder.iterdir()) == []


def test_a_name_typed_but_not_picked_and_a_missing_file_are_refused_at_their_fields(
    qtbot, page, folder
) -> None:  # type: ignore[no-untyped-def]
    form = page.choose("qua-trinh-don-vi")
    qtbot.keyClicks(form.widgets["unit"], "khong co don vi nay")
    type_in(qtbot, form.widgets["issuer"], "Sở Nội vụ")

    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)

    assert form.error_text("unit") == "Hãy chọn một mục trong danh sách gợi ý."
    assert page.out_error.text() == "Hãy chọn nơi lưu tệp kết quả."
    assert page.job is None and list(folder.iterdir()) == []


def test_an_error_found_while_making_goes_to_the_page_and_leaves_no_file(qtbot, page, folder) -> None:  # type: ignore[no-untyped-def]
    form = page.choose("to-trinh")
    form.widgets["year"].setValue(2030)  # no nominations that year
    type_in(qtbot, form.widgets["to"], "UBND tỉnh")
    type_in(qtbot, form.widgets["number"], "1/TTr-SNV")
    type_in(qtbot, form.widgets["issuer"], "Sở Nội vụ")
    page.out.setText(str(folder / "tt.pdf"))

    job = page.make_document()
    with qtbot.waitSignal(job.error, timeout=30_000):
        pass

    assert "Không có hồ sơ đề nghị nào năm 2030" in page.banner.text()
    assert list(folder.iterdir()) == [] and page.make_button.isEnabled()


def test_cancel_while_writing_leaves_no_file(demo_db, folder) -> None:  # type: ignore[no-untyped-def]
    from app.documents.progress import Cancelled
    from app.documents.requests import ReportRequest, write_report

    # The whole year's list: long enough to cancel while it is written (a year's minutes mixing the
    # department councils' and the province's votes are refused since they contradict one size).
    req = ReportRequest("danh-sach", year=2025, issuer="Sở Nội vụ")
    steps: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        write_report(demo_db, req, folder / "bb.pdf", progress=lambda d, t: steps.append((d, t)),
                     cancelled=lambda: len(steps) > 1)  # fmt: skip
    assert len(steps) >= 2 and list(folder.iterdir()) == []


def test_screenshot_of_the_reports_page_with_a_form_filled(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(demo_db, demo_path=tmp_path / "unused-demo.sqlite3")
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    window.nav.setCurrentRow(8)
    page = window.reports
    assert window.centralWidget().isAncestorOf(page)
    form = page.choose("to-trinh")
    fill_to_trinh(qtbot, form.widgets, demo_db)
    pick(qtbot, form.widgets["unit"], "Sở Tài chính")
    page.out.setText(str(tmp_path / "to-trinh-2025.pdf"))
    ARTIFACTS.mkdir(exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "reports-page.png"))


def test_cancel_on_the_page_reports_it_and_writes_nothing(qtbot, page, demo_db, folder) -> None:  # type: ignore[no-untyped-def]
    form = page.choose("bien-ban")
    fill_bien_ban(qtbot, form.widgets, demo_db)
    page.out.setText(str(folder / "bb.pdf"))

    job = page.make_document()
    job.cancel()  # as the progress dialog's "Hủy" does
    with qtbot.waitSignal(job.error, timeout=30_000):
        pass

    assert page.banner.text() == "Đã hủy; không ghi tệp nào."
    assert list(folder.iterdir()) == [] and page.dialog is None


def test_what_was_typed_for_a_kind_is_offered_again_next_time(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The council, its members and the recipients are the same from one biên bản to the next:
    the clerk types them once. The office's own details still come from the office page."""
    settings = Settings(tmp_path / "gui.ini")
    first = ReportsPage(settings)
    qtbot.addWidget(first)
    first.set_database(demo_db)
    form = first.choose("bien-ban")
    FILL["bien-ban"](qtbot, form.widgets, demo_db)
    type_in(qtbot, first.out, str(tmp_path / "bb.pdf"))
    make(qtbot, first).reject()

    again = ReportsPage(Settings(tmp_path / "gui.ini"))  # a new session of the app
    qtbot.addWidget(again)
    again.set_database(demo_db)
    w = again.choose("bien-ban").widgets
    assert w["council"].text() == "Hội đồng Thi đua - Khen thưởng Sở Tài chính"
    assert w["chair"].text() == "Lê Văn A" and w["secretary"].text() == "Phạm Thị C"
    assert w["meeting_place"].text() == "Hội trường UBND tỉnh" and w["members_total"].value() == 11
    assert w["member"].toPlainText() == "Ông Lê Văn A, Chủ tịch\nBà Trần Thị B, Ủy viên"
    assert w["unit"].text() == ""  # a choice of this document, not remembered
    other = ReportsPage(Settings(tmp_path / "other.ini"))  # nothing kept: nothing offered
    qtbot.addWidget(other)
    other.set_database(demo_db)
    assert other.choose("bien-ban").widgets["chair"].text() == ""


def test_the_english_form_gives_each_example_once(qtbot, page, in_english) -> None:  # type: ignore[no-untyped-def]
    """The hints are Vietnamese examples (the documents are Vietnamese): «e.g. » is said once."""
    from ui.qt import QLineEdit

    page.retranslate()
    seen = 0
    for kind in KINDS:
        form = page.choose(kind)
        form.retranslate()
        for widget in form.widgets.values():
            hint = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
            if hint.startswith("e.g. "):
                seen += 1
                assert "e.g." not in hint[5:] and "ví dụ" not in hint, (kind, hint)
    assert seen > 10
    assert page.choose("to-trinh").widgets["to"].placeholderText() == "e.g. Ủy ban nhân dân tỉnh"
