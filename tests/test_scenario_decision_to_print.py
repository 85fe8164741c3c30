"""A nomination's year on the demo bloc, through the real main window, role by role (issue 12).

The clerk of Sở Tài chính nominates a colleague for the department's Giấy khen (namesakes told
apart in the picker) and submits; the approver records the vote, is offered no decision that does
not fit (the department's old one predates the vote, the province's is the wrong authority: each
is listed with its reason), enters the department's decision, puts the award into it, sees its
amount on the decision page, numbers it in one of the two register books and prints it; the
office's details, entered once, fill the quyết định, whose PDF names the award and its cash.
Then the clerk opens the nomination that was returned to the unit and reads why at the top.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from pypdf import PdfReader
from test_scenario_write_path import _log_in, _shown, _vote

from app.certificates.numbering import list_books
from app.model import NominationStatus
from app.services import cash
from app.services.decisions import find_decision
from app.services.nominations import get_nomination
from app.services.persons import search_persons
from app.text import format_date
from ui.certificates.preview import CertificatePreviewDialog
from ui.pages.nominations import RETURNED_TO_ME
from ui.qt import QDialogButtonBox, QPushButton, Qt

SAVE = QDialogButtonBox.StandardButton.Save
TODAY = dt.date.today()


def _text(path: Path) -> str:
    return " ".join(
        " ".join(unicodedata.normalize("NFC", p.extract_text()).split()) for p in PdfReader(path).pages
    )


def _new_decision(qtbot, settle, window, number: str, issuer: str, title: str) -> None:  # type: ignore[no-untyped-def]
    window.nav.setCurrentRow(5)  # Quyết định
    qtbot.mouseClick(window.decisions.findChild(QPushButton, "newDecision"), Qt.MouseButton.LeftButton)
    form = window.decisions.dialog
    form.number.setText(number)
    form.signed_on.setText(format_date(TODAY))
    form.issuer.setText(issuer)
    form.signer_title.setText(title)
    form.signer_name.setText("Trần Văn Ký")
    form.summary.setText("Về việc tặng Giấy khen")
    qtbot.mouseClick(form.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()


def _select(page, nomination_id: int) -> None:  # type: ignore[no-untyped-def]
    page.search.setText(get_nomination(page.db, nomination_id).nominee_name)
    page.apply_search()
    page.view.selectRow(page.model.ids(list(range(page.model.rowCount()))).index(nomination_id))
    assert page.selected_ids() == [nomination_id]


def test_from_the_clerks_nomination_to_the_printed_certificate_and_back(
    qtbot, settle, demo_path: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # -- the clerk: a nomination for a colleague of the own unit, submitted --------------------
    clerk = _log_in(qtbot, settle, demo_path, "canbo.stc", "canbo2025")
    clerk.nav.setCurrentRow(2)  # Cá nhân: two new colleagues of one name, born apart
    for born in ("1985", "1990"):
        qtbot.mouseClick(clerk.persons.findChild(QPushButton, "newPerson"), Qt.MouseButton.LeftButton)
        person_form = clerk.persons.dialog
        person_form.full_name.setText("Mạc Thị Thanh Tâm")
        person_form.gender.setCurrentIndex(person_form.gender.findData("female"))
        person_form.birth.setText(born)
        qtbot.keyClicks(person_form.unit, "so tai chinh")
        qtbot.keyClick(person_form.unit.completer_.popup(), Qt.Key.Key_Return)
        qtbot.mouseClick(person_form.buttons.button(SAVE), Qt.MouseButton.LeftButton)
        settle()
    namesakes = search_persons(clerk.db, "mac thi thanh tam")
    assert len(namesakes) == 2 and {p.gender.value for p in namesakes} == {"female"}

    page = clerk.nominations
    clerk.nav.setCurrentRow(4)
    page.new_nomination()
    form = page.dialog
    form.year.setValue(2025)
    qtbot.keyClicks(form.nominee, "mac thi thanh tam")
    offered = form.nominee.suggestions()
    assert len(offered) == 2 and "(1985)" in offered[0] + offered[1] and "(1990)" in offered[0] + offered[1]
    qtbot.keyClick(form.nominee.completer_.popup(), Qt.Key.Key_Return)
    assert form.nominee.value is None  # Enter takes neither namesake for the clerk
    qtbot.keyClick(form.nominee.completer_.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(form.nominee.completer_.popup(), Qt.Key.Key_Return)
    assert form.nominee.value in {p.id for p in namesakes}  # the one the clerk moved to
    form.award.setCurrentIndex(
        form.award.findText("Giấy khen của người đứng đầu", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.mouseClick(form.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    [nomination_id] = form.saved_ids
    form.reject()
    _select(page, nomination_id)
    qtbot.mouseClick(page.findChild(QPushButton, "submit"), Qt.MouseButton.LeftButton)
    settle()
    assert get_nomination(clerk.db, nomination_id).status is NominationStatus.SUBMITTED
    clerk.close()

    # -- the approver: vote, a fitting decision, the amount, numbering, printing ----------------
    approver = _log_in(qtbot, settle, demo_path, "pheduyet", "pheduyet2025")
    db = approver.db
    page = approver.nominations
    approver.nav.setCurrentRow(4)
    _select(page, nomination_id)
    _vote(qtbot, settle, page, council=11, agree=10, against=1)
    assert get_nomination(db, nomination_id).status is NominationStatus.VOTED

    _new_decision(qtbot, settle, approver, "20/QĐ-UBND", "Ủy ban nhân dân tỉnh Tây Ninh", "CHỦ TỊCH")
    approver.nav.setCurrentRow(4)
    _select(page, nomination_id)
    qtbot.mouseClick(page.findChild(QPushButton, "approve"), Qt.MouseButton.LeftButton)
    picker = page.dialog
    assert picker.decision.count() == 0 and picker.decision.currentIndex() == -1
    assert "20/QĐ-UBND" in picker.unfit.text()  # the province's: the wrong authority for a Giấy khen
    assert "trước ngày Hội đồng bỏ phiếu" in picker.unfit.text()  # the department's 289/QĐ-STC of 2025
    qtbot.mouseClick(picker.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert "hãy nhập quyết định trước" in picker.error_text("decision")
    picker.reject()

    _new_decision(qtbot, settle, approver, "301/QĐ-STC", "Sở Tài chính", "GIÁM ĐỐC")
    decision = find_decision(db, "301/QĐ-STC")
    approver.nav.setCurrentRow(4)
    _select(page, nomination_id)
    qtbot.mouseClick(page.findChild(QPushButton, "approve"), Qt.MouseButton.LeftButton)
    picker = page.dialog
    assert [picker.decision.itemData(i) for i in range(picker.decision.count())] == [decision.id], (
        picker.unfit.text()
    )
    assert picker.decision.currentIndex() == -1  # offered, not chosen
    picker.decision.setCurrentIndex(0)
    qtbot.mouseClick(picker.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    n = get_nomination(db, nomination_id)
    assert (n.status, n.decision_id) == (NominationStatus.APPROVED, decision.id)
    assert "Đã khen thưởng" in _shown(page, "status")

    approver.nav.setCurrentRow(5)
    decisions = approver.decisions
    decisions.search.setText("301")
    decisions.apply_search()
    decisions.view.selectRow(0)
    decisions.edit_current()
    view = decisions.dialog
    amount = cash.award_cash("GK_CN", TODAY)
    money = f"{amount:,}".replace(",", ".")
    assert [r[5] for r in view.rows()] == [money]
    assert money in view.count.text()

    monkeypatch.setattr(CertificatePreviewDialog, "confirm", lambda _self, _q: True)
    preview = view.print_certificates()
    assert preview.book.count() == 2  # SV2024 and SV2025, none of this decision's year
    assert preview.generate() is None and "hãy chọn sổ" in preview.status.text()
    preview.book.setCurrentIndex(preview.book.findData("SV2025"))
    with qtbot.waitSignal(preview.generate().done, timeout=30_000):
        pass
    settle()
    qtbot.waitUntil(lambda: preview.page_count() == 1, timeout=10_000)
    before = {b.code: b.last_number for b in list_books(db)}
    view.show_lines()
    assert view.rows()[0][4] == f"SV2025 / {before['SV2025']}"
    preview.reject()
    view.reject()

    # the office's details, once, then the quyết định drafted from them
    approver.nav.setCurrentRow(9)
    qtbot.mouseClick(approver.settings_page.findChild(QPushButton, "office"), Qt.MouseButton.LeftButton)
    office = approver.office_dialog
    for name, text in (("issuer", "SỞ TÀI CHÍNH"), ("parent", "UBND TỈNH TÂY NINH"), ("place", "Tây Ninh"),
                       ("signer_title", "GIÁM ĐỐC"), ("signer", "Trần Văn Ký")):  # fmt: skip
        office.field(name).setText(text)
    qtbot.mouseClick(office.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    approver.nav.setCurrentRow(8)
    reports = approver.reports

    def make(kind: str, out: Path):  # type: ignore[no-untyped-def]
        form = reports.choose(kind)
        qtbot.keyClicks(form.widgets["decision"], "301")
        qtbot.keyClick(form.widgets["decision"].completer_.popup(), Qt.Key.Key_Return)
        reports.out.setText(str(out))
        job = reports.make_document()
        assert job is not None, reports.banner.text()
        with qtbot.waitSignal(job.done, timeout=60_000):
            pass
        settle()
        reports.dialog.reject()
        return form, _text(out)

    _form, text = make("quyet-dinh", tmp_path / "qd.pdf")
    nominee = get_nomination(db, nomination_id).nominee_name
    assert "301/QĐ-STC" in text and "GIÁM ĐỐC SỞ TÀI CHÍNH" in text and nominee in text and money in text
    form, text = make("chi-tien-thuong", tmp_path / "chi.pdf")
    assert form.widgets["issuer"].text() == "SỞ TÀI CHÍNH" and form.widgets["signer"].text() == "Trần Văn Ký"
    assert "Chi tiền thưởng quyết định số 301/QĐ-STC" in text and nominee in text and money in text
    assert "Trần Văn Ký" in text  # the office's signer, typed once on the office page
    approver.close()

    # -- the clerk again: the nomination returned to the unit says why ----------------------------
    clerk = _log_in(qtbot, settle, demo_path, "canbo.stc", "canbo2025")
    clerk.nav.setCurrentRow(4)
    page = clerk.nominations
    page.status_filter.setCurrentIndex(page.status_filter.findData(RETURNED_TO_ME))
    settle()
    assert page.model.rowCount() >= 1
    page.view.selectRow(0)
    page.edit_current()
    returned = page.dialog
    assert returned.notice.isVisible() and returned.notice.text().strip()
    reason = get_nomination(clerk.db, page.selected_ids()[0]).status_reason
    assert reason and reason in returned.notice.text()
