"""Gửi hồ sơ: the selected nominations to a registered office, as one signed package file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from app.errors import DomainError
from app.exchange import ledger, offices
from app.exchange.dossiers import send_nominations
from app.exchange.package import SUFFIX, Office, package_path
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
    """The offices this book trusts (revoked ones left out), by code and name; or ``only`` those."""

    def __init__(self, db: Database, only: list[Office] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for office in only if only is not None else offices.active_offices(db):
            self.addItem(f"{office.code} — {office.name}", office)

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
        return package_path(text) if text else None


SEND, FORWARD, REPLY = "send", "forward", "reply"
TITLES = {
    SEND: QT_TRANSLATE_NOOP("SendDialog", "Gửi {0} hồ sơ đề nghị"),
    FORWARD: QT_TRANSLATE_NOOP("SendDialog", "Chuyển tiếp {0} hồ sơ lên cấp trên"),
    REPLY: QT_TRANSLATE_NOOP("SendDialog", "Trả lời {0} hồ sơ cho cơ quan đã gửi"),
}
PREFIX = {SEND: "ho-so", FORWARD: "chuyen-tiep", REPLY: "tra-loi"}


def _send(action: str) -> Callable[[Database, list[int], Path, Office], str]:
    if action == FORWARD:
        from app.exchange.forward import forward_nominations

        return forward_nominations
    if action == REPLY:
        from app.exchange.replies import send_replies

        return lambda db, ids, out, to: send_replies(db, ids, out, to)
    return send_nominations


class SendDialog(FormDialog):
    """Which office, which file; saving writes the package on the writer thread. ``action``: send
    the dossiers, forward received ones up one level, or reply to the office they came from."""

    context = "SendDialog"
    title = QT_TRANSLATE_NOOP("SendDialog", "Gửi hồ sơ đề nghị")

    def __init__(
        self, db: Database, ids: Sequence[int], parent: QWidget | None = None, *, action: str = SEND
    ) -> None:
        self.db, self.ids, self.action = db, list(ids), action
        super().__init__(parent)
        self.setWindowTitle(translate("SendDialog", TITLES[action]).format(len(self.ids)))

    def _build(self) -> None:
        only = None
        if self.action == REPLY:  # back where they came from
            only = [Office(code, name) for code, name in ledger.sender_offices(self.db, self.ids)]
        self.to = self.add_field(
            "to", QT_TRANSLATE_NOOP("SendDialog", "Gửi đến"), OfficePicker(self.db, only)
        )
        self.out = self.add_field(
            "out", QT_TRANSLATE_NOOP("SendDialog", "Lưu gói vào tệp"), FilePicker(save=True)
        )
        self.to.currentIndexChanged.connect(lambda _i: self._suggest())
        self._suggest()
        self.setMinimumWidth(560)

    def _suggest(self) -> None:
        folder = Path(self.out.edit.text()).parent if self.out.edit.text() else Path.home()
        name = default_name(offices.own_office(self.db), self.to.office(), PREFIX[self.action])
        self.out.edit.setText(str(folder / name))

    def save(self) -> Pending:
        to, out = self.to.office(), self.out.path()
        if to is None:
            raise DomainError(translate("SendDialog", "Chưa có cơ quan nhận: hãy đăng ký thẻ khóa của cơ quan đó "
                                                      "(Trao đổi → Cơ quan và khóa)."), field="to")  # fmt: skip
        if out is None:
            raise DomainError(translate("SendDialog", "Hãy chọn tệp để lưu gói."), field="out")
        db, ids, send = self.db, self.ids, _send(self.action)
        return Pending(lambda: send(db, ids, out, to))
