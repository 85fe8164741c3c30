"""The user guide's screenshots, made by driving the app on the demo bloc as the clerk and the
approver would (resources/guide/huong-dan.md refers to each).

Every run makes them all and checks each is a real picture of the app; with THIDUA_GUIDE_SHOTS=1
they are written into resources/guide/img/ (how the committed ones were made), otherwise into the
test's temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.model import Nomination, NominationStatus
from app.opening import open_database
from app.services import accounts as A
from app.services import nominations as N
from app.services.office import Office, set_office
from app.services.scope import clerk_units
from ui.dialogs.guide import GuideDialog, guide_path
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.qt import QApplication, QImage, Qt, QWidget

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    if os.environ.get("THIDUA_GUIDE_SHOTS") == "1":
        return ROOT / "resources" / "guide" / "img"
    out = tmp_path / "img"
    out.mkdir()
    return out


@pytest.fixture
def demo(demo_build: tuple[Path, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    # A plain folder name: the window shows the file's path, and the guide shows the window.
    folder = Path(tempfile.gettempdir()) / f"so-thi-dua-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = folder / "du-lieu-mau.sqlite3"
    shutil.copyfile(demo_build[0], path)
    yield path
    shutil.rmtree(folder, ignore_errors=True)


def _shot(widget: QWidget, folder: Path, name: str) -> Path:
    QApplication.processEvents()
    image = widget.grab().toImage()
    assert image.width() > 300 and image.height() > 120, name
    distinct = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(distinct) > 6, f"{name} looks blank"  # a real window, not an empty grey rectangle
    path = folder / f"{name}.png"
    assert image.save(str(path)), path
    return path


def _window(qtbot, db) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db, demo_path=Path("unused.sqlite3"))
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    return window


def test_the_guide_refers_to_pictures_the_suite_makes_and_opens_with_f1(
    qtbot, settle, demo: Path, shots: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.certificates.preview import CertificatePreviewDialog

    monkeypatch.setattr(CertificatePreviewDialog, "confirm", lambda _self, _question: True)
    made: list[Path] = []
    db = open_database(demo)
    try:
        made.append(_shot(_login(qtbot, db), shots, "01-dang-nhap"))
        A.login(db, "canbo.stc", "canbo2025")
        window = _window(qtbot, db)
        made.append(_shot(window, shots, "02-tong-quan"))
        window.nav.setCurrentRow(window.page_list.index(window.persons))
        made.append(_shot(window, shots, "03-ca-nhan"))

        window.nav.setCurrentRow(window.page_list.index(window.nominations))
        page = window.nominations
        page.new_nomination()
        form = page.dialog
        form.year.setValue(2025)
        qtbot.keyClicks(form.nominee, "tran")
        qtbot.keyClick(form.nominee.completer_.popup(), Qt.Key.Key_Down)
        qtbot.keyClick(form.nominee.completer_.popup(), Qt.Key.Key_Return)
        form.update_verdict()
        made.append(_shot(form, shots, "04-nhap-de-nghi"))
        form.reject()
        made.append(_shot(window, shots, "05-danh-sach-de-nghi"))

        returned = _returned_to_clerk(db)
        page.status_filter.setCurrentIndex(page.status_filter.findData("returned-to-me"))
        assert page.model.rowCount() >= 1
        page.view.selectRow(page.model.ids(list(range(page.model.rowCount()))).index(returned))
        page.edit_current()
        made.append(_shot(page.dialog, shots, "06-ho-so-tra-lai"))
        assert page.dialog.notice.isVisible()
        page.dialog.reject()

        A.login(db, "pheduyet", "pheduyet2025")
        window.set_database(db)
        window.nav.setCurrentRow(window.page_list.index(window.nominations))
        page.status_filter.setCurrentIndex(page.status_filter.findData(NominationStatus.SUBMITTED.value))
        page.view.selectRow(0)
        page.vote_selected()
        made.append(_shot(page.dialog, shots, "07-bo-phieu"))
        page.dialog.reject()
        page.status_filter.setCurrentIndex(page.status_filter.findData(NominationStatus.VOTED.value))
        page.view.selectRow(0)
        page.approve_selected()
        made.append(_shot(page.dialog, shots, "08-dua-vao-quyet-dinh"))
        page.dialog.reject()

        window.nav.setCurrentRow(window.page_list.index(window.decisions))
        window.decisions.view.selectRow(0)
        window.decisions.edit_current()
        view = window.decisions.dialog
        made.append(_shot(view, shots, "09-quyet-dinh"))
        preview = view.print_certificates()
        qtbot.waitUntil(lambda: preview.page_count() >= 1, timeout=60_000)
        settle()
        made.append(_shot(preview, shots, "10-in-giay-khen"))
        preview.reject()
        view.reject()

        set_office(db, Office(issuer="SỞ TÀI CHÍNH", parent="UBND TỈNH TÂY NINH", place="Tây Ninh",
                              signer_title="PHÓ GIÁM ĐỐC", signer="Lê Văn Tám", authority="KT.",
                              on_behalf="GIÁM ĐỐC"))  # fmt: skip
        window.nav.setCurrentRow(window.page_list.index(window.reports))
        window.reports.choose("to-trinh")
        made.append(_shot(window, shots, "11-bao-cao"))
        window.nav.setCurrentRow(window.page_list.index(window.standings))
        window.standings.select("KTKT", 2025)
        made.append(_shot(window, shots, "12-xep-hang"))

        assert window.guide_action.shortcut().toString() == "F1"
        window.guide_action.trigger()
        assert isinstance(window.guide, GuideDialog)
        assert "Hướng dẫn sử dụng Sổ Thi đua" in window.guide.browser.toPlainText()
        window.guide.close()
    finally:
        db.dispose()

    referenced = re.findall(r"\]\((img/[^)]+\.png)\)", guide_path().read_text(encoding="utf-8"))
    assert sorted(f"img/{p.name}" for p in made) == sorted(referenced)
    for path in made:
        assert not QImage(str(path)).isNull()


def _login(qtbot, db) -> LoginDialog:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("canbo.stc")
    return dialog


def _returned_to_clerk(db) -> int:  # type: ignore[no-untyped-def]
    """A nomination of the clerk's unit returned with a reason (made if the demo has none)."""
    scope = clerk_units(db)
    assert scope is not None
    with db.read() as session:
        found = session.scalar(select(Nomination.id).where(Nomination.status == NominationStatus.RETURNED,
                                                           Nomination.submitting_unit_id.in_(scope)).limit(1))  # fmt: skip
        submitted = session.scalar(select(Nomination.id).where(Nomination.status == NominationStatus.SUBMITTED,
                                                               Nomination.submitting_unit_id.in_(scope)).limit(1))  # fmt: skip
    if found is not None:
        return found
    assert submitted is not None
    clerk = db.actor
    A.login(db, "pheduyet", "pheduyet2025")
    N.return_for_revision(db, [submitted], "Thiếu báo cáo thành tích có xác nhận của thủ trưởng đơn vị.")
    db.actor = clerk
    return submitted


def test_the_guide_dialog_shows_the_guide_with_its_pictures(qtbot) -> None:
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert text.startswith("Hướng dẫn sử dụng Sổ Thi đua") and "Đưa vào quyết định" in text
    referenced = re.findall(r"\]\((img/[^)]+\.png)\)", guide_path().read_text(encoding="utf-8"))
    assert len(referenced) == 12
    assert all(
        not QImage(str(guide_path().parent / p)).isNull() for p in referenced
    )  # shipped with the guide
