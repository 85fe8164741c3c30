"""A reversible step can be undone, audited; an irreversible one is asked first."""

from __future__ import annotations

from pathlib import Path

import factories as f
import pytest

from app.errors import DomainError
from app.model import NominationStatus
from app.services import nominations as N
from app.services.nomination_history import steps
from app.services.registers import assign_number, create_book
from ui.main_window import MainWindow
from ui.qt import QDialogButtonBox, QPushButton, Qt


def test_an_award_leaves_its_decision_until_it_is_numbered(db) -> None:
    stc = f.unit(db, "Sở Tài chính", code="STC")
    first = f.approved(db, "CSTDCS", person_id=f.person(db, stc.id, "Hà Văn Rút").id)
    second = f.approved(db, "CSTDCS", person_id=f.person(db, stc.id, "Hà Văn Giữ").id)
    with pytest.raises(DomainError, match="lý do"):
        N.withdraw_from_decision(db, [first], "  ")
    N.withdraw_from_decision(db, [first], "Nhầm quyết định.")
    n = N.get_nomination(db, first)
    assert (n.status, n.decision_id) == (NominationStatus.VOTED, None)
    last = steps(db, first)[-1]
    assert (last.from_status, last.to_status, last.reason) == (
        NominationStatus.APPROVED,
        NominationStatus.VOTED,
        "Nhầm quyết định.",
    )
    book = create_book(db, "SV", "Sổ vàng")
    assign_number(db, book.id, second)
    with pytest.raises(DomainError, match="đã được cấp số"):
        N.withdraw_from_decision(db, [second], "Nhầm.")
    assert N.get_nomination(db, second).status is NominationStatus.APPROVED


def test_revoking_is_asked_first_and_a_no_changes_nothing(
    qtbot, settle, db, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    stc = f.unit(db, "Sở Tài chính", code="STC")
    award = f.approved(db, "CSTDCS", person_id=f.person(db, stc.id, "Hà Thị Hỏi").id)
    window = MainWindow(db, demo_path=tmp_path / "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    page = window.nominations
    asked: list[str] = []
    page.confirm = lambda question: asked.append(question) or False
    page.view.selectRow(0)
    for answer in (False, True):
        page.confirm = lambda question, a=answer: asked.append(question) or a
        qtbot.mouseClick(page.findChild(QPushButton, "revoke"), Qt.MouseButton.LeftButton)
        page.dialog.reason.setPlainText("Khen sai đối tượng.")
        qtbot.mouseClick(
            page.dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        settle()
        expected = NominationStatus.REVOKED if answer else NominationStatus.APPROVED
        assert N.get_nomination(db, award).status is expected
    assert len(asked) == 2 and "không hoàn tác được" in asked[0]
