"""Dossiers between offices as each role walks it through the real main window (issue #17).

The unit's administrator names the office and exchanges key cards with the council's office; the
unit's clerk selects two submitted dossiers, sends them in one package and sees "đã gửi" with the
package's date and code in the list; the council office's administrator registers the unit's key
after reading its fingerprint, previews the package (a new person, nothing written), takes it in,
finds the dossiers submitted in its own list, and a second time changes nothing.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import factories
from sqlalchemy import func, select
from test_scenario_write_path import _log_in, _shown

from app.exchange import offices
from app.model import Nomination, NominationStatus, Person, UserRole
from app.opening import open_database
from app.services.accounts import AccountInput, create_account, login
from app.services.nominations import NominationInput, create_nominations, submit
from ui.qt import QDialogButtonBox, QPushButton, Qt

SAVE = QDialogButtonBox.StandardButton.Save


def _count(path: Path, model) -> int:  # type: ignore[no-untyped-def]
    db = open_database(path, migrate=False, sync_catalogue=False, read_only=True)
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        db.dispose()


def _name_office(qtbot, settle, window, code: str, name: str, card: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The administrator names the office and saves its key card (Trao đổi → Cơ quan và khóa)."""
    window.exchange_actions["offices"].trigger()
    dialog = window.exchange_dialog
    dialog.code.setText(code)
    dialog.name.setText(name)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle()
    monkeypatch.setattr(
        "ui.exchange.offices_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(card), "")
    )
    monkeypatch.setattr("ui.exchange.offices_dialog.show_info", lambda *a, **k: None)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert card.exists() and dialog.fingerprint.text() in card.read_text(encoding="utf-8")


def _trust(qtbot, settle, window, card: Path, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    """Register another office's card; returns the question read before saying yes."""
    dialog = window.exchange_dialog
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm", lambda q: asked.append(q) or True)
    monkeypatch.setattr(
        "ui.exchange.offices_dialog.QFileDialog.getOpenFileName", lambda *a, **k: (str(card), "")
    )
    qtbot.mouseClick(dialog.trust_button, Qt.MouseButton.LeftButton)
    settle()
    return asked[0]


def test_a_unit_sends_two_dossiers_and_the_council_office_takes_them_in(  # type: ignore[no-untyped-def]
    qtbot, settle, demo_path: Path, template_db: Path, tmp_path: Path, monkeypatch
) -> None:
    keys = {code: tmp_path / f"{code}.pem" for code in ("STC", "BTDKT")}
    cards = {code: tmp_path / f"the-khoa-{code}.json" for code in ("STC", "BTDKT")}
    council_path = tmp_path / "btdkt.sqlite3"
    shutil.copyfile(template_db, council_path)
    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(keys["BTDKT"]))
    council = open_database(council_path)
    factories.unit(council, "Sở Tài chính", code="STC")
    create_account(council, AccountInput("vanphong", UserRole.ADMIN, "Văn phòng Ban TĐKT"), "vanphong2025")
    council.dispose()

    # The council office names itself and gives out its card.
    office = _log_in(qtbot, settle, council_path, "vanphong", "vanphong2025")
    _name_office(
        qtbot, settle, office, "BTDKT", "Ban Thi đua - Khen thưởng tỉnh", cards["BTDKT"], monkeypatch
    )
    office.exchange_dialog.reject()
    office.close()

    # The unit: two new colleagues' dossiers, submitted (the clerk's usual work, done beforehand).
    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(keys["STC"]))
    unit = open_database(demo_path)
    unit.actor = login(unit, "canbo.stc", "canbo2025")
    with unit.read() as s:
        from app.model import Unit

        stc = int(s.scalar(select(Unit.id).where(Unit.code == "STC")))
    people = [factories.person(unit, stc, n, birth_year=y) for n, y in (("Hồ Thị Xuân Quỳnh", 1990),
                                                                        ("Đặng Văn Lâm", 1984))]  # fmt: skip
    made = create_nominations(unit, [NominationInput(year=2026, award_id=factories.award_id(unit, "LDTT"),
                                                     person_id=p.id, submitting_unit_id=stc) for p in people])  # fmt: skip
    ids = sorted(n.id for n in made)
    submit(unit, ids)
    unit.dispose()

    admin = _log_in(qtbot, settle, demo_path, "quantri", "quantri2025")
    _name_office(qtbot, settle, admin, "STC", "Sở Tài chính", cards["STC"], monkeypatch)
    question = _trust(qtbot, settle, admin, cards["BTDKT"], monkeypatch)
    assert "BTDKT" in question and offices.read_card(cards["BTDKT"]).fingerprint in question
    assert [admin.exchange_dialog.table.item(0, c).text() for c in (0, 1)] == [
        "BTDKT",
        "Ban Thi đua - Khen thưởng tỉnh",
    ]
    admin.exchange_dialog.reject()
    admin.close()

    # The clerk selects the two dossiers and sends them.
    clerk = _log_in(qtbot, settle, demo_path, "canbo.stc", "canbo2025")
    assert not clerk.exchange_actions["offices"].isEnabled()  # the office and keys are the administrator's
    clerk.nav.setCurrentRow(4)
    page = clerk.nominations
    page.status_filter.setCurrentIndex(page.status_filter.findData(NominationStatus.SUBMITTED.value))
    page.year_filter.setCurrentIndex(page.year_filter.findData(2026))
    rows = page.model.ids(list(range(page.model.rowCount())))
    for nid in ids:
        page.view.selectionModel().select(
            page.model.index(rows.index(nid), 0),
            page.view.selectionModel().SelectionFlag.Select | page.view.selectionModel().SelectionFlag.Rows,
        )
    assert sorted(page.selected_ids()) == ids
    qtbot.mouseClick(page.findChild(QPushButton, "send"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.to.currentText() == "BTDKT — Ban Thi đua - Khen thưởng tỉnh"
    package = tmp_path / "goi-stc.tdkt"
    dialog.out.edit.setText(str(package))
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    assert package.exists()
    page.search.setText("xuan quynh")
    page.apply_search()
    [sent] = _shown(page, "sent")
    assert sent.startswith(f"{dt.date.today():%d/%m/%Y} · ")  # the date and the package's code
    clerk.close()

    # The council office registers the unit's key, previews, takes the package in; twice: nothing.
    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(keys["BTDKT"]))
    office = _log_in(qtbot, settle, council_path, "vanphong", "vanphong2025")
    office.exchange_actions["offices"].trigger()
    _trust(qtbot, settle, office, cards["STC"], monkeypatch)
    office.exchange_dialog.reject()
    office.exchange_actions["receive"].trigger()
    receiving = office.exchange_dialog
    receiving.file.edit.setText(str(package))
    qtbot.mouseClick(receiving.preview_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: receiving.import_button.isEnabled(), timeout=20_000)
    preview = receiving.lines.toPlainText()
    assert "2 hồ sơ mới, 0 hồ sơ cập nhật, 0 hồ sơ đã có." in preview
    assert "Cá nhân mới: Hồ Thị Xuân Quỳnh" in preview and "Cá nhân mới: Đặng Văn Lâm" in preview
    assert _count(council_path, Nomination) == 0  # the preview wrote nothing
    qtbot.mouseClick(receiving.import_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: "Đã nhận" in receiving.verdict.text(), timeout=20_000)
    assert _count(council_path, Nomination) == 2 and _count(council_path, Person) == 2
    office.nav.setCurrentRow(4)
    assert sorted(_shown(office.nominations, "nominee")) == ["Hồ Thị Xuân Quỳnh", "Đặng Văn Lâm"]
    assert set(_shown(office.nominations, "status")) == {NominationStatus.SUBMITTED.label}
    qtbot.mouseClick(receiving.preview_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: receiving.import_button.isEnabled(), timeout=20_000)
    assert "0 hồ sơ mới, 0 hồ sơ cập nhật, 2 hồ sơ đã có." in receiving.lines.toPlainText()
    receiving.reject()
    office.close()
