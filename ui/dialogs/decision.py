"""Award decisions (quyết định khen thưởng)."""

from __future__ import annotations

from app.services.decisions import DecisionInput, create_decision
from app.storage.db import Database

from ..operations import Pending
from ..qt import QT_TRANSLATE_NOOP, QComboBox, QLineEdit, QWidget
from ..widgets.fields import FormDialog, date_edit, date_from


class DecisionDialog(FormDialog):
    context = "DecisionDialog"
    title = QT_TRANSLATE_NOOP("DecisionDialog", "Quyết định khen thưởng")
    aliases = {"signed_on": "signed_on"}

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.db = db
        super().__init__(parent)

    def _build(self) -> None:
        self.number = self.add_field(
            "number", QT_TRANSLATE_NOOP("DecisionDialog", "Số quyết định"), QLineEdit()
        )
        self.number.setPlaceholderText("123/QĐ-UBND")
        self.signed_on = self.add_field(
            "signed_on", QT_TRANSLATE_NOOP("DecisionDialog", "Ngày ký"), date_edit()
        )
        self.issuer = self.add_field(
            "issuer", QT_TRANSLATE_NOOP("DecisionDialog", "Cơ quan ban hành"), QLineEdit()
        )
        self.authority = self.add_field(
            "signer_authority", QT_TRANSLATE_NOOP("DecisionDialog", "Thẩm quyền ký"), QComboBox()
        )
        self.authority.addItems(["", "TM.", "KT.", "Q.", "TL.", "TUQ."])
        self.signer_title = self.add_field(
            "signer_title", QT_TRANSLATE_NOOP("DecisionDialog", "Chức vụ người ký"), QLineEdit()
        )
        self.signer_name = self.add_field(
            "signer_name", QT_TRANSLATE_NOOP("DecisionDialog", "Người ký"), QLineEdit()
        )
        self.summary = self.add_field(
            "summary", QT_TRANSLATE_NOOP("DecisionDialog", "Trích yếu"), QLineEdit()
        )
        self.setMinimumWidth(520)

    def save(self) -> object:
        data = DecisionInput(
            number=self.number.text(),
            signed_on=date_from(self.signed_on, "signed_on", required=True),
            issuer=self.issuer.text(),
            signer_name=self.signer_name.text(),
            signer_title=self.signer_title.text(),
            signer_authority=self.authority.currentText(),
            summary=self.summary.text(),
        )
        return Pending(lambda: create_decision(self.db, data))
