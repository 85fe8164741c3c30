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


class _ChooseOne(QDialog):
    """A list to pick one from, with OK and Cancel (the choosers below name their combo)."""

    def __init__(self, name: str, title: str, label: str, ok: str, cancel: str,
                 items: list[tuple[str, object]], parent: QWidget | None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.combo = QComboBox()
        for text, data in items:
            self.combo.addItem(text, data)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)


class UnitChooser(_ChooseOne):
    """Which member unit's sheet to open (when no row of the standings is selected)."""

    def __init__(self, units: list[Member], parent: QWidget | None = None) -> None:
        super().__init__(
            "unitChooser", translate("UnitChooser", "Chọn đơn vị"), translate("UnitChooser", "Đơn vị thành viên:"),
            translate("UnitChooser", "Nhập điểm"), translate("UnitChooser", "Hủy"),
            [(f"{u.name} ({u.code})", u.unit_id) for u in units], parent,
        )  # fmt: skip
        self.units = self.combo
        self.units.setObjectName("units")

    def unit_id(self) -> int | None:
        value = self.units.currentData()
        return int(value) if value is not None else None


class OfficeChooser(_ChooseOne):
    """Which office receives a score sheet's package: one of the offices whose key this book trusts."""

    def __init__(self, choices: list[Office], parent: QWidget | None = None) -> None:
        super().__init__(
            "officeChooser", translate("OfficeChooser", "Gửi phiếu chấm"),
            translate("OfficeChooser", "Cơ quan nhận (khối trưởng):"), translate("OfficeChooser", "Chọn tệp…"),
            translate("OfficeChooser", "Hủy"), [(f"{o.name} ({o.code})", o.code) for o in choices], parent,
        )  # fmt: skip
        self.offices = self.combo
        self.offices.setObjectName("offices")
        self.choices = {o.code: o for o in choices}

    def office(self) -> Office | None:
        return self.choices.get(str(self.offices.currentData()))
