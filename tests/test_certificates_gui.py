"""The preview and verify dialogs, driven offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_certificates_support import World, isolated_settings  # noqa: F401 - autouse fixture

from app.certificates.batch import make_certificates
from app.certificates.selection import Selection
from app.model import CertificatePrint
from ui.certificates.preview import CertificatePreviewDialog
from ui.certificates.verify_dialog import VerifyDialog


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return World(db)


def test_preview_shows_the_pages_of_a_generated_pdf(qtbot, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    decision = world.decision("31/QĐ-UBND")
    for name in ("Phan Thị Xem", "Phan Văn Trước"):
        world.award(name, decision=decision)
    pdf = tmp_path / "ready.pdf"
    make_certificates(world.db, Selection(decision="31/QĐ-UBND"), out=pdf, alignment_page=True)
    dialog = CertificatePreviewDialog(world.db)
    qtbot.addWidget(dialog)
    assert dialog.load_pdf(pdf) == 3
    assert dialog.status.text() == "3 trang"


def test_preview_generates_off_the_gui_thread_then_saves_and_logs(
    qtbot, settle, world: World, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    decision = world.decision("32/QĐ-UBND")
    for name in ("Tạ Thị Một", "Tạ Thị Hai"):
        world.award(name, decision=decision)
    dialog = CertificatePreviewDialog(world.db, Selection(decision="32/QĐ-UBND"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.confirm = lambda _question: True  # the clerk agrees to the numbers
    with qtbot.waitSignal(dialog.generate().done, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: dialog.page_count() == 2, timeout=5_000)
    assert dialog.status.text() == "2 trang" and dialog.save_button.isEnabled()
    with world.db.read() as session:
        assert session.query(CertificatePrint).count() == 0  # a preview is not a print
    dialog.save_to(tmp_path / "saved.pdf")
    settle()
    assert (tmp_path / "saved.pdf").is_file()
    with world.db.read() as session:
        assert session.query(CertificatePrint).count() == 2


def test_verify_dialog_says_genuine_or_not(qtbot, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nid = world.award("Quách Thị Thật")
    [printed] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "v.pdf").printed
    dialog = VerifyDialog(world.db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, printed.code)
    qtbot.mouseClick(dialog.check_button, qtbot_button())
    assert dialog.verdict.text().startswith("HỢP LỆ")
    assert "Quách Thị Thật" in dialog.details.toPlainText()
    dialog.code.setText(printed.code[:-2] + "ZZ")
    assert not dialog.check().genuine and dialog.verdict.text().startswith("KHÔNG HỢP LỆ")


def qtbot_button():  # type: ignore[no-untyped-def]
    from ui.qt import Qt

    return Qt.MouseButton.LeftButton


def test_with_two_books_the_decision_year_chooses_and_the_clerk_agrees_before_numbering(
    qtbot, settle, world: World, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from app.certificates.numbering import list_books
    from app.services.registers import create_book

    create_book(world.db, "SV2024", "Sổ vàng năm 2024")
    create_book(world.db, "SV2025", "Sổ vàng năm 2025")
    decision = world.decision("33/QĐ-UBND", year=2025)
    world.award("Lục Thị Sổ", decision=decision)
    dialog = CertificatePreviewDialog(world.db, Selection(decision="33/QĐ-UBND"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.book.count() == 2 and dialog.book.currentData() == "SV2025"  # by the decision's year

    asked: list[str] = []
    dialog.confirm = lambda question: asked.append(question) or False  # the clerk says no
    assert dialog.generate() is None
    assert "SV2025" in asked[0] and "số 1." in asked[0] and "không thu hồi" in asked[0]
    assert [b.last_number for b in list_books(world.db)] == [0, 0]  # nothing numbered
    assert dialog.status.text() == "Chưa vào sổ, chưa tạo bản in."

    dialog.book.setCurrentIndex(dialog.book.findData("SV2024"))  # the clerk may choose another
    dialog.confirm = lambda question: asked.append(question) or True
    with qtbot.waitSignal(dialog.generate().done, timeout=20_000):
        pass
    settle()
    assert "SV2024" in asked[1]
    assert [(b.code, b.last_number) for b in list_books(world.db)] == [("SV2024", 1), ("SV2025", 0)]
    qtbot.waitUntil(lambda: dialog.page_count() == 1, timeout=5_000)
    assert dialog.book.itemText(dialog.book.findData("SV2024")).endswith("(đã cấp đến số 1)")
    assert dialog.book.currentData() == "SV2024"  # the clerk's choice stays after numbering


def test_with_two_books_and_none_fitting_nothing_is_numbered_until_one_is_chosen(qtbot, world: World) -> None:  # type: ignore[no-untyped-def]
    from app.services.registers import create_book

    create_book(world.db, "SVA", "Sổ vàng A")
    create_book(world.db, "SVB", "Sổ vàng B")
    world.award("Mạc Văn Chọn", decision=world.decision("34/QĐ-UBND"))
    dialog = CertificatePreviewDialog(world.db, Selection(decision="34/QĐ-UBND"))
    qtbot.addWidget(dialog)
    assert dialog.book.currentIndex() == -1
    dialog.confirm = lambda _question: pytest.fail("asked without a book")
    assert dialog.generate() is None
    assert "hãy chọn sổ" in dialog.status.text()


def test_awards_with_no_certificate_say_why_in_the_preview(qtbot, world: World) -> None:  # type: ignore[no-untyped-def]
    nid = world.award("Đào Thị Tiền", "LDTT")  # Lao động tiên tiến: cash only (Decree 152/2025 Art. 50)
    dialog = CertificatePreviewDialog(world.db, Selection(ids=(nid,)))
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _question: pytest.fail("nothing to number")
    assert dialog.generate() is None
    assert dialog.status.text() != "Chưa có trang nào." and not dialog.save_button.isEnabled()
    dialog.cash_only.setChecked(True)  # the office prints it knowingly
    dialog.confirm = lambda _question: True
    with qtbot.waitSignal(dialog.generate().done, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: dialog.page_count() == 1, timeout=5_000)
