"""Dossiers between offices as each role walks it through the real main window (issue #17).

The unit's administrator names the office and exchanges key cards with the council's office; the
unit's clerk selects two submitted dossiers, sends them in one package and sees "đã gửi" with the
package's date and code in the list; the council office's administrator registers the unit's key
after reading its fingerprint, previews the package (a new person, nothing written), takes it in,
finds the dossiers submitted in its own list, and a second time changes nothing. The office returns
one with its reason, votes and decides the other, and answers the unit from the list's «Gửi đi»
menu; the unit's approver previews and takes the answer in, and the unit's list shows the returned
dossier and the decided one with its decision number.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import factories
from sqlalchemy import func, select
from test_scenario_decision_to_print import _new_decision, _select
from test_scenario_write_path import _log_in, _shown, _vote

from app.exchange import offices
from app.model import Nomination, NominationStatus, Person, UserRole
from app.opening import open_database
from app.services.accounts import AccountInput, create_account, login
from app.services.nomination_history import returned
from app.services.nominations import NominationInput, create_nominations, submit
from ui.qt import QDialogButtonBox, QPushButton, Qt

SAVE = QDialogButtonBox.StandardButton.Save
REASON = "Thiếu bản sao quyết định công nhận sáng kiến"


def _receive(qtbot, settle, window, package: Path):  # type: ignore[no-untyped-def]
    """Trao đổi → Nhận gói hồ sơ…, the package chosen and previewed: ready to take in."""
    window.exchange_actions["receive"].trigger()
    dialog = window.exchange_dialog
    dialog.file.edit.setText(str(package))
    _preview(qtbot, settle, dialog)
    return dialog


def _preview(qtbot, settle, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)


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
    made = create_nominations(unit, [NominationInput(year=2026, award_id=factories.award_id(unit, "BK_TINH_CN"),
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
    button = page.findChild(QPushButton, "send")
    assert (
        button.isEnabled() and [a.text() for a in button.menu().actions()][0] == "Gửi hồ sơ cho cơ quan khác…"
    )
    button.menu().actions()[0].trigger()
    dialog = page.dialog
    assert dialog.to.currentText() == "BTDKT — Ban Thi đua - Khen thưởng tỉnh"
    package = tmp_path / "goi-stc.tdkt"
    dialog.out.edit.setText(str(package))
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    assert package.exists()
    assert sorted(_shown(page, "sent"))[0].startswith(f"{dt.date.today():%d/%m/%Y} · ")  # shown at once
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
    receiving = _receive(qtbot, settle, office, package)
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
    _preview(qtbot, settle, receiving)
    assert "0 hồ sơ mới, 0 hồ sơ cập nhật, 2 hồ sơ đã có." in receiving.lines.toPlainText()
    receiving.reject()

    # The office returns one with its reason, votes and decides the other, and answers the unit.
    page = office.nominations
    here = {n: i for i, n in zip(page.model.ids(list(range(page.model.rowCount()))), _shown(page, "nominee"),
                                 strict=True)}  # fmt: skip
    _select(page, here["Hồ Thị Xuân Quỳnh"])
    qtbot.mouseClick(page.findChild(QPushButton, "return"), Qt.MouseButton.LeftButton)
    page.dialog.reason.setPlainText(REASON)
    qtbot.mouseClick(page.dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    _select(page, here["Đặng Văn Lâm"])
    _vote(qtbot, settle, page, council=11, agree=10, against=1)
    _new_decision(qtbot, settle, office, "301/QĐ-UBND", "Ủy ban nhân dân tỉnh Tây Ninh", "CHỦ TỊCH")
    office.nav.setCurrentRow(4)
    _select(page, here["Đặng Văn Lâm"])
    qtbot.mouseClick(page.findChild(QPushButton, "approve"), Qt.MouseButton.LeftButton)
    picker = page.dialog
    picker.decision.setCurrentIndex(0)
    qtbot.mouseClick(picker.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    page.search.setText("")
    page.apply_search()
    page.view.selectAll()
    page.findChild(QPushButton, "send").menu().actions()[2].trigger()  # answer where they came from
    answer = page.dialog
    assert answer.to.currentText() == "STC — Sở Tài chính" and answer.to.count() == 1
    reply = tmp_path / "tra-loi.tdkt"
    answer.out.edit.setText(str(reply))
    qtbot.mouseClick(answer.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    settle()
    assert reply.exists()
    office.close()

    # The unit's approver takes the answer in; the clerk finds the returned dossier and its reason.
    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(keys["STC"]))
    approver = _log_in(qtbot, settle, demo_path, "pheduyet", "pheduyet2025")
    receiving = _receive(qtbot, settle, approver, reply)
    preview = receiving.lines.toPlainText()
    assert f"Hồ sơ Hồ Thị Xuân Quỳnh: trả lại — lý do: {REASON}" in preview
    assert "Hồ sơ Đặng Văn Lâm: khen thưởng theo Quyết định số 301/QĐ-UBND" in preview
    qtbot.mouseClick(receiving.import_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: "Đã nhận" in receiving.verdict.text(), timeout=20_000)
    receiving.reject()
    approver.nav.setCurrentRow(4)
    page = approver.nominations
    page.status_filter.setCurrentIndex(0)
    page.year_filter.setCurrentIndex(page.year_filter.findData(2026))
    shown = dict(zip(_shown(page, "nominee"), zip(_shown(page, "status"), _shown(page, "decision"), strict=True),
                     strict=True))  # fmt: skip
    assert shown["Hồ Thị Xuân Quỳnh"][0] == NominationStatus.RETURNED.label
    assert shown["Đặng Văn Lâm"] == (NominationStatus.APPROVED.label, "301/QĐ-UBND")
    why = returned(approver.db, ids[0] if people[0].full_name == "Hồ Thị Xuân Quỳnh" else ids[1])
    assert why is not None and REASON in why.reason
    approver.close()
