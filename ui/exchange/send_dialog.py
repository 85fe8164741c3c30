"""Gửi hồ sơ: the selected nominations to a registered office, as one signed package file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from app.errors import DomainError
from app.exchange import offices
from app.exchange.dossiers import send_nominations
from app.exchange.package import SUFFIX, Office
from app.storage.db import Database

from ..operations import Pending
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
    translate,
)
from ..widgets.fields import FormDialog

FILTER = QT_TRANSLATE_NOOP("SendDialog", "Gói hồ sơ Sổ Thi đua (*.tdkt)")


def default_name(own: Office | None, to: Office | None, kind: str = "ho-so") -> str:
    """``ho-so-STC-BTDKT-20261206.tdkt``: who to whom and when, to find it again in a folder."""
    parts = [kind, own.code if own else "", to.code if to else "", f"{dt.date.today():%Y%m%d}"]
    return "-".join(p for p in parts if p) + SUFFIX


class OfficePicker(QComboBox):
    """The offices this book trusts (revoked ones left out), by code and name."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for office in offices.trusted_offices(db):
            if not office.revoked_at:
                self.addItem(f"{office.code} — {office.name}", Office(office.code, office.name))

    def office(self) -> Office | None:
        value = self.currentData()
        return value if isinstance(value, Office) else None


class FilePicker(QWidget):
    """A file name with a "Chọn…" button (a save or open dialog)."""

    def __init__(self, save: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save = save
        self.edit = QLineEdit(self)
        self.button = QPushButton(translate("SendDialog", "Chọn…"), self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.button.clicked.connect(self.choose)

    def choose(self) -> None:
        ask = QFileDialog.getSaveFileName if self.save else QFileDialog.getOpenFileName
        name, _ = ask(
            self, translate("SendDialog", "Tệp gói hồ sơ"), self.edit.text(), translate("SendDialog", FILTER)
        )
        if name:
            self.edit.setText(name)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return (
            Path(text).with_suffix(SUFFIX)
            if text and not text.endswith(SUFFIX)
            else (Path(text) if text else None)
        )


class SendDialog(FormDialog):
    """Which office, which file; saving writes the package on the writer thread."""

    context = "SendDialog"
    title = QT_TRANSLATE_NOOP("SendDialog", "Gửi hồ sơ đề nghị")

    def __init__(self, db: Database, ids: Sequence[int], parent: QWidget | None = None) -> None:
        self.db, self.ids = db, list(ids)
        super().__init__(parent)
        self.setWindowTitle(translate("SendDialog", "Gửi {0} hồ sơ đề nghị").format(len(self.ids)))

    def _build(self) -> None:
        self.to = self.add_field("to", QT_TRANSLATE_NOOP("SendDialog", "Gửi đến"), OfficePicker(self.db))
        self.out = self.add_field(
            "out", QT_TRANSLATE_NOOP("SendDialog", "Lưu gói vào tệp"), FilePicker(save=True)
        )
        self.to.currentIndexChanged.connect(lambda _i: self._suggest())
        self._suggest()
        self.setMinimumWidth(560)

    def _suggest(self) -> None:
        folder = Path(self.out.edit.text()).parent if self.out.edit.text() else Path.home()
        self.out.edit.setText(str(folder / default_name(offices.own_office(self.db), self.to.office())))

    def save(self) -> Pending:
        to, out = self.to.office(), self.out.path()
        if to is None:
            raise DomainError(translate("SendDialog", "Chưa có cơ quan nhận: hãy đăng ký thẻ khóa của cơ quan đó "
                                                      "(Trao đổi → Cơ quan và khóa)."), field="to")  # fmt: skip
        if out is None:
            raise DomainError(translate("SendDialog", "Hãy chọn tệp để lưu gói."), field="out")
        db, ids = self.db, self.ids
        return Pending(lambda: send_nominations(db, ids, out, to))
