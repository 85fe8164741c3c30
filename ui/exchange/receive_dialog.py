"""Nhận gói hồ sơ: open a package, read what it would change, then take it into the book or not.

The preview is the import itself run as a dry run (rolled back), so what is shown is exactly what
"Nhận vào sổ" will do; both run on the writer thread. A refused package (unsigned, unknown key,
altered, for another office, damaged) shows its reason and nothing is imported.
"""

from __future__ import annotations

from pathlib import Path

from app.exchange.inbox import receive
from app.exchange.report import ReceiveReport
from app.storage.db import Database

from ..error_catalogue import error_text, translate_message
from ..jobs import Job
from ..operations import run_write
from ..qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    translate,
)
from .send_dialog import FilePicker

OK_STYLE, BAD_STYLE = "color: #1B7F3B; font-weight: bold;", "color: #B00020; font-weight: bold;"


def report_lines(report: ReceiveReport) -> list[str]:
    """The preview in the UI's language (names and reasons stay as sent)."""
    head = translate("ReceiveDialog", "Gói của {0} ({1}), mã gói {2}.").format(
        report.sender.name, report.sender.code, report.digest[:12]
    )
    lines = [head]
    if report.kind == "nominations":
        lines.append(translate("ReceiveDialog", "{0} hồ sơ mới, {1} hồ sơ cập nhật, {2} hồ sơ đã có.").format(
            len(report.created), len(report.updated), report.unchanged))  # fmt: skip
        lines += [translate("ReceiveDialog", "Cá nhân mới: {0}").format(n) for n in report.new_persons]
        lines += [translate("ReceiveDialog", "Đã có trong sổ: {0}").format(n) for n in report.matched_persons]
    lines += [said_line(line) for line in report.changes + report.notes]
    return lines


def said_line(line: str) -> str:
    """A line of the report in the UI's language. Most lines are «where: what» (the dossier or the
    sheet, then what happened to it): when both parts are known on their own («Hồ sơ {0}», «{0} —
    lý do: {1}»), each is translated; else the line as a whole («{0}: hình thức «{1}» → «{2}»»)."""
    where, sep, what = line.partition(": ")
    if sep:
        head, tail = translate_message(where), translate_message(what)
        if head != where and tail != what:
            return f"{head}: {tail}"
    return translate_message(line)


class ReceiveDialog(QDialog):
    def __init__(self, db: Database, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.job: Job | None = None
        self.report: ReceiveReport | None = None
        self.setWindowTitle(translate("ReceiveDialog", "Nhận gói hồ sơ"))
        self.resize(720, 460)
        self.file = FilePicker(save=False, parent=self)
        self.file.setObjectName("file")
        self.preview_button = QPushButton(translate("ReceiveDialog", "Xem trước"), self)
        self.preview_button.setObjectName("preview")
        self.verdict = QLabel("", self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.lines = QPlainTextEdit(self)
        self.lines.setObjectName("lines")
        self.lines.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            translate("ReceiveDialog", "Nhận vào sổ"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("ReceiveDialog", "Đóng"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("ReceiveDialog", "Chữ ký, cơ quan nhận và từng phần của gói được kiểm "
                                                           "trước; sổ chỉ thay đổi khi bấm «Nhận vào sổ»."), self))  # fmt: skip
        layout.addWidget(self.file)
        layout.addWidget(self.preview_button)
        layout.addWidget(self.verdict)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.buttons)
        self.preview_button.clicked.connect(self.preview)
        self.import_button.clicked.connect(self.take_in)
        self.file.edit.textChanged.connect(lambda _t: self.import_button.setEnabled(False))
        if path is not None:
            self.file.edit.setText(str(path))

    def _run(self, dry_run: bool) -> Job | None:
        path = self.file.path()
        if path is None:
            self._show_error(translate("ReceiveDialog", "Hãy chọn tệp gói hồ sơ (.tdkt)."))
            return None
        db = self.db
        self.preview_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.verdict.setStyleSheet("")
        self.verdict.setText(translate("ReceiveDialog", "Đang kiểm gói…"))
        title = translate("ReceiveDialog", "Nhận gói hồ sơ")
        self.job = run_write(self, title, db, lambda: receive(db, path, dry_run=dry_run),
                             on_done=self._shown, on_error=self._failed)  # fmt: skip
        return self.job

    def preview(self) -> Job | None:
        """Check the package and show what it would change (nothing written)."""
        return self._run(dry_run=True)

    def take_in(self) -> Job | None:
        """Import the package previewed, all or nothing."""
        return self._run(dry_run=False)

    def _shown(self, result: object) -> None:
        assert isinstance(result, ReceiveReport)
        self.report = result
        self.preview_button.setEnabled(True)
        self.verdict.setStyleSheet(OK_STYLE)
        if result.dry_run:
            self.verdict.setText(
                translate("ReceiveDialog", "Gói hợp lệ. Chưa ghi gì: bấm «Nhận vào sổ» để nhận.")
            )
        else:
            self.verdict.setText(translate("ReceiveDialog", "Đã nhận gói vào sổ."))
        self.import_button.setEnabled(result.dry_run)
        self.lines.setPlainText("\n".join(report_lines(result)))

    def _failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self._show_error(error_text(exc))

    def _show_error(self, message: str) -> None:
        self.report = None
        self.verdict.setStyleSheet(BAD_STYLE)
        self.verdict.setText(message)
        self.lines.clear()
