"""Generate a document or report, preview it (QtPdf), then save it as PDF or its tables as .xlsx.

The document is built off the GUI thread (``ui.jobs.run_job``) from a function the caller gives
(``db -> app.documents.document.Document``), so the dialog knows nothing of each kind's options.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.certificates.files import atomic_write, check_output_file
from app.db import Database
from app.documents.document import Document
from app.errors import DomainError

from ..jobs import Job, run_job
from ..qt import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPdfDocument,
    QPdfView,
    QPushButton,
    QVBoxLayout,
    QWidget,
    translate,
)


class ReportDialog(QDialog):
    def __init__(
        self, db: Database, make: Callable[[Database], Document], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.make = db, make
        self.doc: Document | None = None
        self.job: Job | None = None
        self._tmp = Path(tempfile.mkdtemp(prefix="thidua-report-"))
        self.pdf_path = self._tmp / "van-ban.pdf"
        self.setWindowTitle(translate("ReportDialog", "Xem trước văn bản"))
        self.resize(900, 760)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel("", self)
        self.save_pdf = QPushButton(translate("ReportDialog", "Lưu PDF…"), self)
        self.save_xlsx = QPushButton(translate("ReportDialog", "Lưu bảng Excel…"), self)
        close = QPushButton(translate("ReportDialog", "Đóng"), self)
        for b in (self.save_pdf, self.save_xlsx):
            b.setEnabled(False)
        self.save_pdf.clicked.connect(lambda: self._ask(".pdf"))
        self.save_xlsx.clicked.connect(lambda: self._ask(".xlsx"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        for b in (self.save_pdf, self.save_xlsx, close):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def generate(self) -> Job:
        db, make, target = self.db, self.make, self.pdf_path

        def work(_progress, _cancelled):  # type: ignore[no-untyped-def]
            doc = make(db)
            doc.save(target)
            return doc

        self.status.setText(translate("ReportDialog", "Đang lập văn bản…"))
        self.job = run_job(self, translate("ReportDialog", "Đang lập văn bản…"), work)
        self.job.done.connect(self._made)
        self.job.error.connect(
            lambda exc: self.status.setText(exc.message if isinstance(exc, DomainError) else str(exc))
        )
        return self.job

    def _made(self, doc: Document) -> None:
        self.doc = doc
        self.document.close()
        self.document.load(str(self.pdf_path))
        pages = self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0
        self.status.setText(translate("ReportDialog", "{n} trang").format(n=pages))
        self.save_pdf.setEnabled(pages > 0)
        self.save_xlsx.setEnabled(bool(doc.tables))

    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def _ask(self, suffix: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, translate("ReportDialog", "Lưu"), f"van-ban{suffix}", f"*{suffix}")
        if name:
            try:
                self.save_to(Path(name))
            except DomainError as exc:
                self.status.setText(exc.message)

    def save_to(self, target: Path) -> Path:
        assert self.doc is not None
        if target.suffix.lower() == ".pdf":
            target = check_output_file(target)
            with atomic_write(target) as f, self.pdf_path.open("rb") as src:
                shutil.copyfileobj(src, f)
            return target
        return self.doc.save(target)

    def done(self, code: int) -> None:  # noqa: D401 - Qt's name
        self.document.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(code)
