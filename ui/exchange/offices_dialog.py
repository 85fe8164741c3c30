"""Cơ quan và khóa: this book's office for the exchange and the offices whose keys it trusts.

The own office's code and name, and the fingerprint of its key to read out by telephone; its key
card to give to other offices; their cards registered after comparing fingerprints, or revoked.
Writes go through the writer thread (ui.operations); the card file is written here (no database).
"""

from __future__ import annotations

from pathlib import Path

from app.errors import DomainError
from app.exchange import offices
from app.exchange.package import fingerprint, public_text
from app.storage.db import Database

from ..error_catalogue import error_text
from ..messages import ask, show_error, show_info
from ..operations import hub, run_write
from ..qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)

CARD_FILTER = "*.json"


class OfficesDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(translate("OfficesDialog", "Cơ quan và khóa trao đổi hồ sơ"))
        self.resize(760, 480)
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.save_button = QPushButton(translate("OfficesDialog", "Lưu"), self)
        self.save_button.setObjectName("save")
        self.fingerprint = QLabel("", self)
        self.fingerprint.setObjectName("fingerprint")
        self.export_button = QPushButton(translate("OfficesDialog", "Xuất thẻ khóa…"), self)
        self.export_button.setObjectName("export")
        form = QFormLayout()
        form.addRow(translate("OfficesDialog", "Mã cơ quan này") + ":", self.code)
        form.addRow(translate("OfficesDialog", "Tên cơ quan") + ":", self.name)
        form.addRow(translate("OfficesDialog", "Dấu vân tay khóa") + ":", self.fingerprint)
        own = QHBoxLayout()
        own.addWidget(self.save_button)
        own.addWidget(self.export_button)
        own.addStretch(1)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("trusted")
        self.table.setHorizontalHeaderLabels([
            translate("OfficesDialog", "Mã"), translate("OfficesDialog", "Cơ quan"),
            translate("OfficesDialog", "Dấu vân tay"), translate("OfficesDialog", "Đăng ký ngày"),
            translate("OfficesDialog", "Thu hồi ngày"),
        ])  # fmt: skip
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.trust_button = QPushButton(translate("OfficesDialog", "Đăng ký thẻ khóa…"), self)
        self.trust_button.setObjectName("trust")
        self.revoke_button = QPushButton(translate("OfficesDialog", "Thu hồi khóa"), self)
        self.revoke_button.setObjectName("revoke")
        others = QHBoxLayout()
        others.addWidget(self.trust_button)
        others.addWidget(self.revoke_button)
        others.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("OfficesDialog", "Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(own)
        layout.addWidget(
            QLabel(translate("OfficesDialog", "Cơ quan gửi được nhận gói (đã đối chiếu dấu vân tay):"), self)
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(others)
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self.save_own)
        self.export_button.clicked.connect(self.export_card)
        self.trust_button.clicked.connect(self.trust_card)
        self.revoke_button.clicked.connect(self.revoke_selected)
        hub().data_changed.connect(self._changed)  # a bound slot: dropped with the dialog
        self.refresh()

    def _changed(self, _changes: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        own = offices.own_office(self.db)
        self.code.setText(own.code if own else "")
        self.name.setText(own.name if own else "")
        self.fingerprint.setText(self._own_fingerprint())
        rows = offices.trusted_offices(self.db)
        self.table.setRowCount(len(rows))
        for r, office in enumerate(rows):
            values = (
                office.code,
                office.name,
                office.fingerprint,
                office.trusted_at[:10],
                office.revoked_at[:10],
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def _own_fingerprint(self) -> str:
        from app.certificates.signing import load_private_key  # cryptography: not at start-up

        try:
            return fingerprint(public_text(load_private_key(self.db).public_key()))
        except DomainError as exc:
            return error_text(exc)

    def save_own(self) -> None:
        db, code, name = self.db, self.code.text(), self.name.text()
        run_write(self, translate("OfficesDialog", "Lưu cơ quan"), db, lambda: offices.set_own_office(db, code, name),
                  on_done=lambda _r: self.refresh(), on_error=lambda e: show_error(self, error_text(e)))  # fmt: skip

    def export_card(self) -> None:
        own = offices.own_office(self.db)
        suggested = str(Path.home() / f"the-khoa-{own.code if own else 'co-quan'}.json")
        name, _ = QFileDialog.getSaveFileName(
            self, translate("OfficesDialog", "Lưu thẻ khóa"), suggested, CARD_FILTER
        )
        if not name:
            return
        try:
            printed = offices.write_card(self.db, Path(name))
        except (DomainError, OSError) as exc:
            show_error(self, error_text(exc))
            return
        show_info(
            self,
            translate("OfficesDialog", "Đã lưu thẻ khóa vào {0}. Dấu vân tay: {1}").format(name, printed),
        )

    def trust_card(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("OfficesDialog", "Thẻ khóa của cơ quan gửi"), "", CARD_FILTER
        )
        if name:
            self.trust_file(Path(name))

    def trust_file(self, path: Path) -> None:
        try:
            card = offices.read_card(path)
        except DomainError as exc:
            show_error(self, error_text(exc))
            return
        question = translate("OfficesDialog", "Thẻ khóa của {0} ({1}).\n\nDấu vân tay: {2}\n\nĐã gọi điện cho cơ quan này "
                                              "và đọc đối chiếu đúng dấu vân tay chưa? Chỉ đăng ký khi khớp.").format(
            card.name, card.code, card.fingerprint)  # fmt: skip
        if not self.confirm(question):
            return
        db = self.db
        run_write(self, translate("OfficesDialog", "Đăng ký khóa"), db, lambda: offices.trust(db, card),
                  on_done=lambda _r: self.refresh(), on_error=lambda e: show_error(self, error_text(e)))  # fmt: skip

    def revoke_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            show_error(self, translate("OfficesDialog", "Chưa chọn cơ quan nào."))
            return
        code = item.text()
        if not self.confirm(translate("OfficesDialog", "Thu hồi khóa của {0}? Gói ký bằng khóa này sẽ không "
                                                       "được nhận nữa.").format(code)):  # fmt: skip
            return
        db = self.db
        run_write(self, translate("OfficesDialog", "Thu hồi khóa"), db, lambda: offices.revoke(db, code),
                  on_done=lambda _r: self.refresh(), on_error=lambda e: show_error(self, error_text(e)))  # fmt: skip

    def confirm(self, question: str) -> bool:
        """Ask before trusting or revoking (tests replace this)."""
        return ask(self, translate("OfficesDialog", "Xác nhận"), question)
