"""Checking a certificate: type its short code or paste what a QR reader read."""

from __future__ import annotations

from app.certificates.verify import Verification, verify
from app.storage.db import Database

from ..qt import QDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget, translate


class VerifyDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.last: Verification | None = None
        self.setWindowTitle(translate("VerifyDialog", "Kiểm tra giấy chứng nhận"))
        self.resize(560, 320)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(
            translate("VerifyDialog", "Mã in trên giấy (SV-000123-K7QX2MPA) hoặc nội dung mã QR")
        )
        self.check_button = QPushButton(translate("VerifyDialog", "Kiểm tra"), self)
        self.verdict = QLabel("", self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("VerifyDialog", "Mã xác thực:"), self))
        layout.addWidget(self.code)
        layout.addWidget(self.check_button)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)
        self.check_button.clicked.connect(self.check)
        self.code.returnPressed.connect(self.check)

    def check(self) -> Verification:
        result = verify(self.db, self.code.text())
        self.last = result
        colour = "#1B7F3B" if result.genuine else "#B00020"
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.verdict.setText(result.message)
        self.details.setPlainText("\n".join(result.details))
        return result
