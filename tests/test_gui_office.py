"""The office's details are entered once, in Cài đặt, and every report form starts with them: no
more typing the letterhead and the signer for each document, and no hint mistaken for a value."""

from __future__ import annotations

from pathlib import Path

import factories as f
import pytest

from app.errors import DomainError
from app.services import accounts as A
from app.services.office import Office, get_office, set_office
from ui.main_window import MainWindow
from ui.pages.reports import ReportsPage
from ui.qt import QDialogButtonBox, QPushButton, Qt

SAVE = QDialogButtonBox.StandardButton.Save


def test_the_office_is_stored_once_and_only_by_who_signs_its_paperwork(db) -> None:
    assert get_office(db) == Office()
    stored = set_office(db, Office(issuer="  SỞ TÀI CHÍNH ", place="Tây Ninh", authority="KT."))
    assert stored.issuer == "SỞ TÀI CHÍNH" and get_office(db) == stored
    with pytest.raises(DomainError) as bad:
        set_office(db, Office(authority="XX."))
    assert bad.value.field == "authority"

    stc = f.unit(db, "Sở Tài chính", code="STC")
    A.create_account(db, A.AccountInput("quantri", A.UserRole.ADMIN), "matkhau-quantri")
    A.login(db, "quantri", "matkhau-quantri")
    A.create_account(db, A.AccountInput("canbo", A.UserRole.CLERK, "", stc.id), "matkhau-canbo")
    A.login(db, "canbo", "matkhau-canbo")
    with pytest.raises(DomainError):
        set_office(db, Office(issuer="SỞ KHÁC"))
    assert get_office(db).issuer == "SỞ TÀI CHÍNH"


def test_entered_in_settings_then_every_report_form_starts_filled(
    qtbot, settle, db, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(9)  # Cài đặt
    qtbot.mouseClick(window.settings_page.findChild(QPushButton, "office"), Qt.MouseButton.LeftButton)
    dialog = window.office_dialog
    assert dialog.field("issuer").placeholderText().startswith("ví dụ:")
    for name, text in (
        ("issuer", "SỞ TÀI CHÍNH"),
        ("parent", "UBND TỈNH TÂY NINH"),
        ("place", "Tây Ninh"),
        ("signer_title", "PHÓ GIÁM ĐỐC"),
        ("signer", "Lê Văn Tám"),
        ("on_behalf", "GIÁM ĐỐC"),
    ):
        dialog.field(name).setText(text)
    dialog.authority.setCurrentIndex(dialog.authority.findData("KT."))
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    assert get_office(db).signer == "Lê Văn Tám"

    page = ReportsPage()
    qtbot.addWidget(page)
    page.set_database(db)
    form = page.choose("to-trinh")
    shown = {
        n: form.widgets[n].text()
        for n in ("issuer", "parent", "place", "signer_title", "signer", "on_behalf")
    }
    assert shown == {
        "issuer": "SỞ TÀI CHÍNH",
        "parent": "UBND TỈNH TÂY NINH",
        "place": "Tây Ninh",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer": "Lê Văn Tám",
        "on_behalf": "GIÁM ĐỐC",
    }
    assert form.widgets["authority"].currentData() == "KT."
    assert form.widgets["number"].text() == "" and form.widgets["number"].placeholderText().startswith(
        "ví dụ:"
    )
