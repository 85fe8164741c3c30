"""Import from .xlsx/.csv/.docx: choose kind and file, look at the dry run (every problem with row
and column, duplicates, a preview of the records), then import — all or nothing, off the GUI thread.

A nominations list in another office's layout (a Word danh sách, another system's .xlsx) shows how
its columns are read (header → field, each a combo to correct); a list without a year column takes
the year once. Importing confirms the mapping shown: the app remembers it for that layout."""

from __future__ import annotations

from pathlib import Path

from app.excel.exports import write_template
from app.excel.importer import MERGE, SKIP, ImportOptions, ImportReport, run_import
from app.excel.mapping import FIELDS
from app.storage.db import Database

from ..error_catalogue import error_text
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
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)
from .import_texts import duplicate_text, header_texts, problem_text, summary_text

KINDS = (
    ("persons", QT_TRANSLATE_NOOP("ImportDialog", "Cá nhân")),
    ("units", QT_TRANSLATE_NOOP("ImportDialog", "Đơn vị")),
    ("nominations", QT_TRANSLATE_NOOP("ImportDialog", "Đề nghị khen thưởng")),
)
# app.excel.mapping.FIELDS' labels, for the translation tools.
FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ImportMapping", "(bỏ qua)"),
    QT_TRANSLATE_NOOP("ImportMapping", "Số thứ tự"),
    QT_TRANSLATE_NOOP("ImportMapping", "Họ và tên / tên tập thể"),
    QT_TRANSLATE_NOOP("ImportMapping", "Tên gọi (Ông/Bà)"),
    QT_TRANSLATE_NOOP("ImportMapping", "Năm sinh / ngày sinh"),
    QT_TRANSLATE_NOOP("ImportMapping", "Năm sinh (Nam)"),
    QT_TRANSLATE_NOOP("ImportMapping", "Năm sinh (Nữ)"),
    QT_TRANSLATE_NOOP("ImportMapping", "Giới tính"),
    QT_TRANSLATE_NOOP("ImportMapping", "Chức vụ"),
    QT_TRANSLATE_NOOP("ImportMapping", "Đơn vị"),
    QT_TRANSLATE_NOOP("ImportMapping", "Chức vụ, đơn vị"),
    QT_TRANSLATE_NOOP("ImportMapping", "Danh hiệu, hình thức"),
    QT_TRANSLATE_NOOP("ImportMapping", "Phân loại (cá nhân, tập thể, hộ gia đình)"),
    QT_TRANSLATE_NOOP("ImportMapping", "Số CCCD"),
    QT_TRANSLATE_NOOP("ImportMapping", "Năm đề nghị"),
    QT_TRANSLATE_NOOP("ImportMapping", "Tóm tắt thành tích"),
)
SOURCES = {
    "guessed": QT_TRANSLATE_NOOP(
        "ImportDialog", "Cách hiểu các cột (đoán từ tiêu đề; sửa nếu sai, bấm Nhập để xác nhận):"
    ),
    "remembered": QT_TRANSLATE_NOOP("ImportDialog", "Cách hiểu các cột (đã nhớ từ lần trước):"),
    "confirmed": QT_TRANSLATE_NOOP("ImportDialog", "Cách hiểu các cột (đã xác nhận):"),
}
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
        self.setWindowTitle(translate("ImportDialog", "Nhập dữ liệu từ Excel, CSV, Word"))
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
        self.year = QSpinBox(self)
        self.year.setRange(1999, 2100)
        self.year.setSpecialValueText(translate("ImportDialog", "(theo cột Năm trong tệp)"))
        self.year.setValue(1999)  # the special value: no year given
        self.mapping_label = QLabel("", self)
        self.mapping = QTableWidget(0, 2, self)
        self.mapping.setHorizontalHeaderLabels(
            [translate("ImportDialog", "Cột trong tệp"), translate("ImportDialog", "Là")]
        )
        self.mapping_label.hide()
        self.mapping.hide()
        self._mapped: tuple[str, list[int]] | None = None  # (file, columns) the combos are for
        self.path.textChanged.connect(self._forget_mapping)
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
        form.addRow(translate("ImportDialog", "Năm đề nghị:"), self.year)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping, 1)
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
            translate("ImportDialog", "Bảng tính hoặc danh sách Word (*.xlsx *.csv *.docx)"),
        )
        if name:
            self.path.setText(name)

    def _start(self, dry_run: bool) -> Job:
        db, kind, path = self.db, self.kind.currentData(), Path(self.path.text())
        policy = self.duplicates.currentData()
        options = self.options(confirm=not dry_run)

        def work(progress: Progress, cancelled: Cancelled) -> ImportReport:
            return run_import(
                db, kind, path, dry_run=dry_run, on_duplicate=policy, progress=progress, cancelled=cancelled,
                options=options,
            )  # fmt: skip

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

    def options(self, *, confirm: bool) -> ImportOptions:
        """The year given once, and the columns as the combos show them (importing confirms them)."""
        year = self.year.value() if self.year.value() != self.year.minimum() else None
        overrides: dict[int, str] = {}
        if self._mapped is not None and self._mapped[0] == self.path.text():
            for row, col in enumerate(self._mapped[1]):
                combo = self.mapping.cellWidget(row, 1)
                if isinstance(combo, QComboBox):
                    overrides[col] = str(combo.currentData())
        return ImportOptions(year=year, overrides=overrides, confirm=confirm)

    def _forget_mapping(self) -> None:
        if self.path.text().strip().lower().endswith(".docx"):  # chosen, typed or pasted: a Word list
            self.kind.setCurrentIndex(self.kind.findData("nominations"))  # is one of nominations
        self._mapped = None
        self.mapping.setRowCount(0)
        self.mapping_label.hide()
        self.mapping.hide()

    def _show_mapping(self, report: ImportReport) -> None:
        m = report.mapping
        if m is None:
            self._forget_mapping()
            return
        self.mapping_label.setText(translate("ImportDialog", SOURCES[m.source]))
        columns = m.columns()
        self.mapping.setRowCount(len(columns))
        for row, (_col, header, field) in enumerate(columns):
            item = QTableWidgetItem(header)
            self.mapping.setItem(row, 0, item)
            combo = QComboBox(self.mapping)
            for key, label in FIELDS.items():
                combo.addItem(translate("ImportMapping", label), key)
            combo.setCurrentIndex(max(combo.findData(field), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping.setCellWidget(row, 1, combo)
        self.mapping.resizeColumnsToContents()
        self._mapped = (self.path.text(), [c for c, _h, _f in columns])
        self.mapping_label.show()
        self.mapping.show()

    def _mapping_changed(self) -> None:
        """A column read otherwise: check again before importing."""
        self.import_button.setEnabled(False)

    def check(self) -> Job:
        return self._start(True)

    def commit(self) -> Job:
        return self._start(False)

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.check_button.setEnabled(True)
        self.summary.setText(summary_text(report))
        self._show_mapping(report)
        self.problems.clear()
        for p in report.problems:
            self.problems.addItem(problem_text(p))
        for d in report.duplicates:
            self.problems.addItem(duplicate_text(d))
        self.preview.clear()
        self.preview.setColumnCount(len(report.preview_headers))
        self.preview.setHorizontalHeaderLabels(header_texts(report.preview_headers))
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
        self.summary.setText(error_text(exc))
