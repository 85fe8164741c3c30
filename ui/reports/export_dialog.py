"""Export a list (units, persons, nominations) or an import template to .xlsx."""

from __future__ import annotations

from pathlib import Path

from app.errors import user_message
from app.excel.exports import export, write_template
from app.storage.db import Database

from ..jobs import Cancelled, Job, Progress, run_job
from ..qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
    translate,
)

KINDS = (
    ("persons", QT_TRANSLATE_NOOP("ExportDialog", "Cá nhân")),
    ("units", QT_TRANSLATE_NOOP("ExportDialog", "Đơn vị")),
    ("nominations", QT_TRANSLATE_NOOP("ExportDialog", "Đề nghị khen thưởng")),
)


class ExportDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.job: Job | None = None
        self.setWindowTitle(translate("ExportDialog", "Xuất ra Excel"))
        self.kind = QComboBox(self)
        for key, label in KINDS:
            self.kind.addItem(translate("ExportDialog", label), key)
        self.template = QCheckBox(translate("ExportDialog", "Chỉ tải mẫu nhập (không có dữ liệu)"), self)
        self.year = QSpinBox(self)
        self.year.setRange(0, 2200)
        self.year.setSpecialValueText(translate("ExportDialog", "Mọi năm"))
        self.status = QLabel("", self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        buttons.accepted.connect(self._ask)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("ExportDialog", "Danh sách:"), self.kind)
        form.addRow(translate("ExportDialog", "Năm (đề nghị):"), self.year)
        form.addRow(self.template)
        form.addRow(self.status)
        form.addRow(buttons)

    def _ask(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("ExportDialog", "Lưu tệp Excel"),
            f"{self.kind.currentData()}.xlsx",
            "Excel (*.xlsx)",
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, out: Path) -> Job:
        db, kind, year, template = (
            self.db,
            self.kind.currentData(),
            self.year.value() or None,
            self.template.isChecked(),
        )

        def work(_progress: Progress, _cancelled: Cancelled) -> Path:
            return write_template(kind, out) if template else export(db, kind, out, year=year)

        self.job = run_job(self, translate("ExportDialog", "Đang xuất…"), work)
        self.job.done.connect(
            lambda path: self.status.setText(translate("ExportDialog", "Đã lưu {path}").format(path=path))
        )
        self.job.error.connect(
            lambda exc: self.status.setText(user_message(exc) if isinstance(exc, BaseException) else str(exc))
        )
        return self.job
