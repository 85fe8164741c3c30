"""Import from .xlsx/.csv: choose kind and file, look at the dry run (every problem with row and
column, duplicates, a preview of the records), then import — all or nothing, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from app.errors import user_message
from app.excel.exports import write_template
from app.excel.importer import MERGE, SKIP, ImportReport, run_import
from app.storage.db import Database

from ..jobs import Cancelled, Job, Progress, run_job
from ..operations import run_op
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)

KINDS = (
    ("persons", QT_TRANSLATE_NOOP("ImportDialog", "Cá nhân")),
    ("units", QT_TRANSLATE_NOOP("ImportDialog", "Đơn vị")),
    ("nominations", QT_TRANSLATE_NOOP("ImportDialog", "Đề nghị khen thưởng")),
)
DUPLICATES = (
    (None, QT_TRANSLATE_NOOP("ImportDialog", "Dừng lại để xem")),
    (SKIP, QT_TRANSLATE_NOOP("ImportDialog", "Bỏ qua bản ghi trùng")),
    (MERGE, QT_TRANSLATE_NOOP("ImportDialog", "Gộp vào bản ghi đã có")),
)


class ImportDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.job: Job | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(translate("ImportDialog", "Nhập dữ liệu từ Excel"))
        self.resize(900, 600)
        self.kind = QComboBox(self)
        for key, label in KINDS:
            self.kind.addItem(translate("ImportDialog", label), key)
        self.path = QLineEdit(self)
        browse = QPushButton(translate("ImportDialog", "Chọn tệp…"), self)
        browse.clicked.connect(self._browse)
        self.template_button = QPushButton(translate("ImportDialog", "Tải tệp mẫu…"), self)
        self.template_button.setObjectName("template")
        self.template_button.setToolTip(
            translate("ImportDialog", "Tệp Excel có sẵn các cột, một dòng ví dụ và hướng dẫn")
        )
        self.template_button.clicked.connect(self._ask_template)
        self.duplicates = QComboBox(self)
        for policy, label in DUPLICATES:
            self.duplicates.addItem(translate("ImportDialog", label), policy)
        self.check_button = QPushButton(translate("ImportDialog", "Kiểm tra (chạy thử)"), self)
        self.import_button = QPushButton(translate("ImportDialog", "Nhập"), self)
        self.import_button.setEnabled(False)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.commit)
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.preview = QTableWidget(self)

        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(translate("ImportDialog", "Loại dữ liệu:"), self.kind)
        form.addRow(translate("ImportDialog", "Tệp:"), row)
        form.addRow(translate("ImportDialog", "Bản ghi trùng:"), self.duplicates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(translate("ImportDialog", "Lỗi và bản ghi trùng:"), self))
        layout.addWidget(self.problems, 1)
        layout.addWidget(QLabel(translate("ImportDialog", "Xem trước:"), self))
        layout.addWidget(self.preview, 2)
        layout.addLayout(buttons)

    def _ask_template(self) -> None:
        kind = self.kind.currentData()
        name, _ = QFileDialog.getSaveFileName(self, translate("ImportDialog", "Lưu tệp mẫu"), f"mau-{kind}.xlsx",
                                              translate("ImportDialog", "Bảng tính (*.xlsx)"))  # fmt: skip
        if name:
            self.save_template(Path(name))

    def save_template(self, out: Path) -> Job:
        """Write the chosen kind's template (headers, an example row on its own sheet, guidance)."""
        kind = self.kind.currentData()
        self.job = run_job(
            self, translate("ImportDialog", "Đang tạo tệp mẫu…"), lambda _p, _c: write_template(kind, out)
        )
        self.job.done.connect(lambda path: self.summary.setText(
            translate("ImportDialog", "Đã lưu tệp mẫu: {0}. Điền từ dòng 2 của trang đầu; trang «Ví dụ» chỉ để xem.")
            .format(path)))  # fmt: skip
        self.job.error.connect(self._failed)
        return self.job

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("ImportDialog", "Chọn tệp"),
            "",
            translate("ImportDialog", "Bảng tính (*.xlsx *.csv)"),
        )
        if name:
            self.path.setText(name)

    def _start(self, dry_run: bool) -> Job:
        db, kind, path = self.db, self.kind.currentData(), Path(self.path.text())
        policy = self.duplicates.currentData()

        def work(progress: Progress, cancelled: Cancelled) -> ImportReport:
            return run_import(
                db, kind, path, dry_run=dry_run, on_duplicate=policy, progress=progress, cancelled=cancelled
            )

        self.check_button.setEnabled(False)
        self.import_button.setEnabled(False)
        title = (
            translate("ImportDialog", "Đang kiểm tra tệp…")
            if dry_run
            else translate("ImportDialog", "Đang nhập dữ liệu…")
        )
        self.summary.setText(title)
        if dry_run:  # a check reads only
            self.job = run_job(self, title, work)
            self.job.done.connect(self.show_report)
            self.job.error.connect(self._failed)
        else:  # the lists showing what was imported refresh from the operation's changes
            self.job = run_op(self, title, db, work, on_done=self.show_report, on_error=self._failed)
        return self.job

    def check(self) -> Job:
        return self._start(True)

    def commit(self) -> Job:
        return self._start(False)

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.check_button.setEnabled(True)
        self.summary.setText("\n".join([report.summary(), *report.notes]))
        self.problems.clear()
        for p in report.problems:
            self.problems.addItem(str(p))
        for d in report.duplicates:
            self.problems.addItem(translate("ImportDialog", "Trùng — {text}").format(text=str(d)))
        self.preview.clear()
        self.preview.setColumnCount(len(report.preview_headers))
        self.preview.setHorizontalHeaderLabels(list(report.preview_headers))
        self.preview.setRowCount(len(report.preview))
        for r, values in enumerate(report.preview):
            for c, value in enumerate(values):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        ready = (
            report.dry_run
            and report.ok
            and (not report.duplicates or self.duplicates.currentData() is not None)
        )
        self.import_button.setEnabled(bool(ready and report.records))

    def _failed(self, exc: object) -> None:
        self.check_button.setEnabled(True)
        self.summary.setText(user_message(exc) if isinstance(exc, BaseException) else str(exc))
