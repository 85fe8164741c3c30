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


def test_preview_generates_off_the_gui_thread_then_saves_and_logs(qtbot, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    decision = world.decision("32/QĐ-UBND")
    for name in ("Tạ Thị Một", "Tạ Thị Hai"):
        world.award(name, decision=decision)
    dialog = CertificatePreviewDialog(world.db, Selection(decision="32/QĐ-UBND"))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.generate().done, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: dialog.page_count() == 2, timeout=5_000)
    assert dialog.status.text() == "2 trang" and dialog.save_button.isEnabled()
    with world.db.read() as session:
        assert session.query(CertificatePrint).count() == 0  # a preview is not a print
    dialog.save_to(tmp_path / "saved.pdf")
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
