"""Preview of a batch of certificates (QtPdf) before saving or printing it.

The PDF is made off the GUI thread by ``ui.jobs.run_job`` (progress after 0.5 s, cancel) into a
temporary folder; prints are logged only when the user saves or prints the batch.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from app.certificates.batch import BatchResult, log_prints, make_certificates
from app.certificates.files import atomic_write, check_output_file
from app.certificates.selection import Selection
from app.db import Database
from app.errors import DomainError

from ..jobs import Job, run_job
from ..printing import print_pdf
from ..qt import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPdfDocument,
    QPdfView,
    QPushButton,
    QVBoxLayout,
    QWidget,
    translate,
)


class CertificatePreviewDialog(QDialog):
    def __init__(
        self,
        db: Database,
        selection: Selection | None = None,
        *,
        mode: str = "full",
        offset_mm: tuple[float, float] = (0.0, 0.0),
        alignment_page: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.selection = db, selection
        self.mode, self.offset_mm, self.alignment_page = mode, offset_mm, alignment_page
        self.result: BatchResult | None = None
        self.job: Job | None = None
        self._tmp = Path(tempfile.mkdtemp(prefix="thidua-preview-"))
        self.pdf_path: Path | None = None
        self.setWindowTitle(translate("CertificatePreview", "Xem trước giấy chứng nhận"))
        self.resize(1000, 720)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.status = QLabel(translate("CertificatePreview", "Chưa có trang nào."), self)
        self.status.setObjectName("status")
        self.problems = QListWidget(self)
        self.problems.setObjectName("problems")
        self.problems.setMaximumHeight(120)
        self.save_button = QPushButton(translate("CertificatePreview", "Lưu PDF…"), self)
        self.print_button = QPushButton(translate("CertificatePreview", "In…"), self)
        close = QPushButton(translate("CertificatePreview", "Đóng"), self)
        for b in (self.save_button, self.print_button):
            b.setEnabled(False)
        self.save_button.clicked.connect(self._ask_save)
        self.print_button.clicked.connect(self._print)
        close.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.save_button, self.print_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        self.problems.hide()

    # -- making the PDF --------------------------------------------------------------------
    def generate(self) -> Job:
        """Make the batch's PDF off the GUI thread, then show it."""
        if self.selection is None:
            raise DomainError(translate("CertificatePreview", "Chưa chọn khen thưởng để in."))
        target = self._tmp / "giay-chung-nhan.pdf"
        db, selection = self.db, self.selection
        mode, offset, alignment = self.mode, self.offset_mm, self.alignment_page

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            return make_certificates(
                db, selection, out=target, mode=mode, offset_mm=offset, alignment_page=alignment,
                record_prints=False, progress=progress, cancelled=cancelled,
            )  # fmt: skip

        self.status.setText(translate("CertificatePreview", "Đang tạo giấy chứng nhận…"))
        self.job = run_job(self, translate("CertificatePreview", "Đang tạo giấy chứng nhận…"), work)
        self.job.done.connect(lambda result: self._made(result, target))
        self.job.error.connect(self._failed)
        return self.job

    def _made(self, result: BatchResult, path: Path) -> None:
        self.result = result
        self.problems.clear()
        for line in [*map(str, result.problems), *result.notes]:
            self.problems.addItem(line)
        self.problems.setVisible(self.problems.count() > 0)
        if result.cancelled or not result.printed:
            self.status.setText(result.summary() if result.cancelled else translate("CertificatePreview", "Không có giấy nào in được."))
            return
        self.load_pdf(path)

    def _failed(self, exc: object) -> None:
        message = exc.message if isinstance(exc, DomainError) else str(exc)
        self.status.setText(message)
        QMessageBox.warning(self, translate("CertificatePreview", "Không in được"), message)

    def load_pdf(self, path: Path) -> int:
        """Show a PDF; returns its page count."""
        self.document.close()
        self.document.load(str(path))
        if self.document.status() != QPdfDocument.Status.Ready:
            self.status.setText(translate("CertificatePreview", "Không mở được tệp PDF."))
            return 0
        self.pdf_path = Path(path)
        self.status.setText(translate("CertificatePreview", "{n} trang").format(n=self.page_count()))
        self.save_button.setEnabled(True)
        self.print_button.setEnabled(True)
        return self.page_count()

    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    # -- saving and printing ---------------------------------------------------------------
    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, translate("CertificatePreview", "Lưu giấy chứng nhận"), "giay-chung-nhan.pdf", "PDF (*.pdf)")
        if name:
            try:
                self.save_to(Path(name))
            except DomainError as exc:
                QMessageBox.warning(self, translate("CertificatePreview", "Không lưu được"), exc.message)

    def save_to(self, target: Path) -> None:
        """Copy the previewed PDF to ``target`` atomically and log the prints."""
        assert self.pdf_path is not None
        target = check_output_file(target)
        with atomic_write(target) as f, self.pdf_path.open("rb") as src:
            shutil.copyfileobj(src, f)
        self._log(str(target))

    def _log(self, file_name: str) -> None:
        if self.result is None:
            return
        from dataclasses import replace

        log_prints(self.db, [replace(p, file=Path(file_name)) for p in self.result.printed], self.result.mode)

    def _print(self) -> None:
        printer = print_pdf(self, self.document)
        if printer is not None:
            self._log(f"máy in: {printer.printerName()}")

    def done(self, code: int) -> None:  # noqa: D401 - Qt's name
        self.document.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(code)

