"""The English UI shows the services' refusals in English: each message a service raises is known
by its template, translated, and its values put back (a field's name or a status translated too)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import factories
import pytest

from app.auth import Actor
from app.errors import DomainError
from app.model import UserRole
from app.services import accounts, units
from ui.dialogs.person import PersonDialog
from ui.error_catalogue import catalogue_path, error_text, extract, translate_message
from ui.qt import QDialogButtonBox, Qt

ROOT = Path(__file__).resolve().parent.parent
db = factories.db


def _english() -> dict[str, str]:
    tree = ET.parse(ROOT / "resources/translations/thidua_en.ts").getroot()
    return {
        m.findtext("source") or "": m.findtext("translation") or ""
        for ctx in tree.iter("context")
        if ctx.findtext("name") == "DomainError"
        for m in ctx.iter("message")
        if m.find("translation").get("type") != "unfinished"  # type: ignore[union-attr]
    }


def test_the_catalogue_of_messages_is_current() -> None:
    """Run ``python -m ui.error_catalogue`` after changing a message in app/."""
    assert json.loads(catalogue_path().read_text(encoding="utf-8")) == extract(ROOT / "app")


def test_every_message_has_an_english_translation_with_the_same_placeholders() -> None:
    english = _english()
    data = json.loads(catalogue_path().read_text(encoding="utf-8"))
    missing = [t for t in data["templates"] + data["labels"] if not english.get(t, "").strip()]
    assert not missing, missing
    for template in data["templates"]:
        assert sorted(re.findall(r"\{\d+\}", template)) == sorted(
            re.findall(r"\{\d+\}", english[template])
        ), template


def test_a_refusal_of_a_service_reads_in_english(db, in_english) -> None:  # type: ignore[no-untyped-def]
    unit = factories.unit(db, "Sở Tài chính", code="STC")
    factories.person(db, unit.id, "Nguyễn Văn An")
    with pytest.raises(DomainError) as refused:
        units.delete_unit(db, unit.id)
    assert error_text(refused.value) == "Cannot delete unit «Sở Tài chính»: it still has staff."
    clerk = Actor("canbo.stc", UserRole.CLERK, unit_id=unit.id)
    with db.acting_as(clerk), pytest.raises(DomainError) as denied:
        accounts.create_account(
            db, accounts.AccountInput("moi", UserRole.CLERK, unit_id=unit.id), "mat-khau-dai-12"
        )
    # the role's label and the permission's words are translated inside the sentence
    assert error_text(denied.value) == "Account «canbo.stc» (Data-entry clerk) may not manage user accounts."
    # a value that is data (a name, a code) stays as it is; an unknown message is shown unchanged
    assert translate_message("Không có đơn vị mã «XYZ».") == "No unit with code «XYZ»."
    assert translate_message("Một câu chưa có bản dịch.") == "Một câu chưa có bản dịch."


def test_the_vietnamese_ui_shows_the_message_as_raised(db) -> None:  # type: ignore[no-untyped-def]
    assert error_text(DomainError("Không có đơn vị mã «XYZ».")) == "Không có đơn vị mã «XYZ»."


def test_a_form_in_the_english_window_shows_the_service_refusal_in_english(qtbot, db, in_english) -> None:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_error(DomainError("Họ và tên không được để trống.", field="full_name"))
    assert dialog.error_text("full_name") == "Full name must not be empty."
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "không" not in dialog.error_text("unit").lower()
