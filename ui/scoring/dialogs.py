"""Small dialogs of the standings page: the reason to reopen a period, the unit whose sheet to enter,
the office a sheet is sent to."""

from __future__ import annotations

from app.exchange.package import Office
from app.model import ScorePeriodKind
from app.services.blocs import Member
from app.services.score_periods import reopen_period
from app.storage.db import Database

from ..operations import Pending
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets.fields import FormDialog


class ReopenDialog(FormDialog):
    """Mở lại kỳ chấm điểm: the reason is required and kept in the audit log."""

    context = "ReopenDialog"
    title = QT_TRANSLATE_NOOP("ReopenDialog", "Mở lại kỳ chấm điểm")

    def __init__(self, db: Database, bloc_id: int, year: int, period: ScorePeriodKind,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        self.db, self.bloc_id, self.year, self.period = db, bloc_id, year, period
        super().__init__(parent)

    def _build(self) -> None:
        self.reason = self.add_field(
            "reason", QT_TRANSLATE_NOOP("ReopenDialog", "Lý do mở lại"), QPlainTextEdit()
        )
        self.reason.setTabChangesFocus(True)

    def save(self) -> object:
        db, bloc_id, year, period = self.db, self.bloc_id, self.year, self.period
        why = self.reason.toPlainText()
        return Pending(lambda: reopen_period(db, bloc_id, year, period, why))


class UnitChooser(QDialog):
    """Which member unit's sheet to open (when no row of the standings is selected)."""

    def __init__(self, units: list[Member], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitChooser")
        self.setWindowTitle(translate("UnitChooser", "Chọn đơn vị"))
        self.units = QComboBox()
        self.units.setObjectName("units")
        for u in units:
            self.units.addItem(f"{u.name} ({u.code})", u.unit_id)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("UnitChooser", "Nhập điểm"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("UnitChooser", "Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("UnitChooser", "Đơn vị thành viên:")))
        layout.addWidget(self.units)
        layout.addWidget(buttons)

    def unit_id(self) -> int | None:
        value = self.units.currentData()
        return int(value) if value is not None else None


class OfficeChooser(QDialog):
    """Which office receives a score sheet's package: one of the offices whose key this book trusts."""

    def __init__(self, choices: list[Office], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeChooser")
        self.setWindowTitle(translate("OfficeChooser", "Gửi phiếu chấm"))
        self.offices = QComboBox()
        self.offices.setObjectName("offices")
        for o in choices:
            self.offices.addItem(f"{o.name} ({o.code})", o.code)
        self.choices = {o.code: o for o in choices}
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("OfficeChooser", "Chọn tệp…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("OfficeChooser", "Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("OfficeChooser", "Cơ quan nhận (khối trưởng):")))
        layout.addWidget(self.offices)
        layout.addWidget(buttons)

    def office(self) -> Office | None:
        return self.choices.get(str(self.offices.currentData()))
