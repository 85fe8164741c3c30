"""Checking the book from the window: the audit chain, the data against the log, a printed code.

The same checks as ``thidua audit verify`` (app.audit.check), run off the GUI thread; the
findings are listed one per line, and the head's code is shown to be written down or compared
with the code in the footer of a printed decision, report or certificate batch.
"""

from __future__ import annotations

from app.audit.check import BookCheck, check_book
from app.storage.db import Database

from ..error_catalogue import error_text, translate_message
from ..jobs import Job, run_job
from ..qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    translate,
)

SHOWN = 500  # findings listed; the rest counted


class AuditCheckDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.job: Job | None = None
        self.outcome: BookCheck | None = None
        self.setWindowTitle(translate("AuditCheckDialog", "Kiểm tra nhật ký và dữ liệu"))
        self.resize(720, 460)
        self.printed = QLineEdit(self)
        self.printed.setObjectName("printed")
        self.printed.setPlaceholderText(
            translate(
                "AuditCheckDialog", "Mã nhật ký in ở chân văn bản (không bắt buộc), ví dụ 10214-XDCTG6A3P4"
            )
        )
        self.check_button = QPushButton(translate("AuditCheckDialog", "Kiểm tra"), self)
        self.check_button.setObjectName("check")
        self.verdict = QLabel("", self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.code = QLabel("", self)
        self.code.setObjectName("code")
        self.code.setTextInteractionFlags(
            self.code.textInteractionFlags() | self.code.textInteractionFlags().TextSelectableByMouse
        )
        self.findings = QPlainTextEdit(self)
        self.findings.setObjectName("findings")
        self.findings.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.printed, 1)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "AuditCheckDialog",
                    "Đối chiếu chuỗi băm của nhật ký, đỉnh ghi nhận ngoài tệp và từng dòng dữ liệu với nhật ký.",
                ),
                self,
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.code)
        layout.addWidget(self.findings, 1)
        layout.addWidget(buttons)
        self.check_button.clicked.connect(self.check)
        self.printed.returnPressed.connect(self.check)

    def check(self) -> Job:
        """Run the checks off the GUI thread; the verdict and findings are shown when done."""
        printed = self.printed.text().strip() or None
        db = self.db
        self.check_button.setEnabled(False)
        self.verdict.setText(translate("AuditCheckDialog", "Đang kiểm tra…"))
        self.job = run_job(self, translate("AuditCheckDialog", "Đang kiểm tra nhật ký…"),
                           lambda _p, _c: check_book(db, printed))  # fmt: skip
        self.job.done.connect(self._show)
        self.job.error.connect(self._failed)
        return self.job

    def _failed(self, exc: object) -> None:
        self.check_button.setEnabled(True)
        self.verdict.setText(error_text(exc))

    def _show(self, result: object) -> None:
        assert isinstance(result, BookCheck)
        self.outcome = result
        self.check_button.setEnabled(True)
        if result.ok:
            self.verdict.setStyleSheet("color: #1B7F3B; font-weight: bold;")
            text = translate(
                "AuditCheckDialog", "Nhật ký nguyên vẹn ({0} mục) và khớp với dữ liệu ({1} dòng)."
            ).format(result.entries, result.replay.rows)
            if result.printed is not None:
                text += "\n" + translate_message(result.printed.message)
            self.verdict.setText(text)
        else:
            self.verdict.setStyleSheet("color: #B00020; font-weight: bold;")
            self.verdict.setText("\n".join(translate_message(p) for p in result.problems))
        self.code.setText(
            translate("AuditCheckDialog", "Mã nhật ký hiện tại: {0}").format(result.code or "—")
        )
        lines = [str(f) for f in result.replay.findings[:SHOWN]]
        if len(result.replay.findings) > SHOWN:
            lines.append(
                translate("AuditCheckDialog", "… và {0} chênh lệch khác.").format(
                    len(result.replay.findings) - SHOWN
                )
            )
        self.findings.setPlainText("\n".join(lines))
