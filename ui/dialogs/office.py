"""The office's details, entered once: every report form starts with them filled in."""

from __future__ import annotations

from app.documents.requests import AUTHORITIES
from app.services.office import Office, get_office, set_office
from app.storage.db import Database

from ..operations import Pending
from ..qt import QT_TRANSLATE_NOOP, QComboBox, QLineEdit, QWidget, translate
from ..widgets.fields import FormDialog

# (field, label, example shown as a hint)
LINES = (
    ("issuer", QT_TRANSLATE_NOOP("OfficeDialog", "Tên cơ quan (đầu văn bản)"), "SỞ TÀI CHÍNH"),
    ("parent", QT_TRANSLATE_NOOP("OfficeDialog", "Cơ quan chủ quản"), "UBND TỈNH TÂY NINH"),
    ("place", QT_TRANSLATE_NOOP("OfficeDialog", "Địa danh (dòng ngày tháng)"), "Tây Ninh"),
    ("signer_title", QT_TRANSLATE_NOOP("OfficeDialog", "Chức vụ người ký"), "PHÓ GIÁM ĐỐC"),
    ("signer", QT_TRANSLATE_NOOP("OfficeDialog", "Người ký"), "Nguyễn Văn A"),
    ("on_behalf", QT_TRANSLATE_NOOP("OfficeDialog", "Ký thay, thay mặt"), "GIÁM ĐỐC"),
    (
        "council",
        QT_TRANSLATE_NOOP("OfficeDialog", "Hội đồng Thi đua - Khen thưởng"),
        "Hội đồng Thi đua - Khen thưởng Sở Tài chính",
    ),
)


class OfficeDialog(FormDialog):
    context = "OfficeDialog"
    title = QT_TRANSLATE_NOOP("OfficeDialog", "Thông tin cơ quan")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.db = db
        super().__init__(parent)
        office = get_office(db)
        for name, _label, _hint in LINES:
            self._line(name).setText(getattr(office, name))
        self.authority.setCurrentIndex(max(self.authority.findData(office.authority), 0))

    def _line(self, name: str) -> QLineEdit:
        edit = self.field(name)
        assert isinstance(edit, QLineEdit)  # as _build made it
        return edit

    def _build(self) -> None:
        for name, label, hint in LINES:
            edit = self.add_field(name, label, QLineEdit())
            edit.setPlaceholderText(translate("OfficeDialog", "ví dụ: {0}").format(hint))
        self.authority = self.add_field(
            "authority", QT_TRANSLATE_NOOP("OfficeDialog", "Thẩm quyền ký"), QComboBox()
        )
        for a in AUTHORITIES:
            self.authority.addItem(a or "—", a)
        self.setMinimumWidth(520)

    def save(self) -> object:
        office = Office(
            **{name: self._line(name).text() for name, _l, _h in LINES},
            authority=self.authority.currentData() or "",
        )
        return Pending(lambda: set_office(self.db, office))
