"""Preview of a batch of certificates (QtPdf) before saving or printing it.

The PDF is made off the GUI thread as one operation (ui.operations: it gives register numbers,
a write; progress after 0.5 s, cancel) into a temporary folder; prints are logged, another
operation, only when the user saves or prints the batch.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from app.certificates.batch import BatchResult, log_prints, make_certificates
from app.certificates.numbering import default_book, list_books, plan_numbers
from app.certificates.selection import Selection
from app.errors import DomainError, user_message
from app.storage.db import Database
from app.storage.files import atomic_write, check_output_file

from ..jobs import Cancelled, Job, Progress
from ..messages import ask
from ..operations import run_op, run_write
from ..printing import print_pdf
from ..qt import (
    QCheckBox,
    QComboBox,
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
        self.result: BatchResult | None = None  # type: ignore[assignment]  # QDialog.result() unused here
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
        self.cash_only = QCheckBox(
            translate("CertificatePreview", "In cả khen thưởng chỉ có tiền thưởng"), self
        )
        self.cash_only.setObjectName("cashOnly")
        self.cash_only.setToolTip(translate("CertificatePreview", "Lao động tiên tiến, Tập thể lao động tiên tiến… "
                                            "không có giấy chứng nhận theo quy định (Nghị định 152/2025, Điều 50); "
                                            "chọn để vẫn in."))  # fmt: skip
        self.book = QComboBox(self)
        self.book.setObjectName("book")
        self.make_button = QPushButton(translate("CertificatePreview", "Tạo bản in"), self)
        self.make_button.setObjectName("make")
        self.make_button.clicked.connect(self.generate)
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
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("CertificatePreview", "Vào số ở sổ vàng:"), self))
        top.addWidget(self.book, 1)
        top.addWidget(self.cash_only)
        top.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        self.problems.hide()
        self._fill_books()

    def _fill_books(self, keep: str | None = None) -> None:
        """The register books with how far each is numbered; chosen: ``keep`` (the clerk's choice,
        after numbering), else the one that fits the batch (its decisions' year); with several and
        none fitting, none: the clerk chooses before anything is numbered."""
        self.book.clear()
        for b in list_books(self.db):
            self.book.addItem(
                translate("CertificatePreview", "{0} — {1} (đã cấp đến số {2})").format(
                    b.code, b.name, b.last_number
                ),
                b.code,
            )
        fitting = keep
        try:
            if fitting is None and self.selection is not None:
                fitting = default_book(self.db, self.selection)
        except DomainError:  # e.g. only awards that carry no certificate: generate() says why
            fitting = None
        self.book.setCurrentIndex(
            self.book.findData(fitting) if fitting else (0 if self.book.count() == 1 else -1)
        )

    def confirm(self, question: str) -> bool:
        """Ask before an irreversible step (tests replace this)."""
        return ask(self, translate("CertificatePreview", "Vào sổ vàng"), question)

    # -- making the PDF --------------------------------------------------------------------
    def generate(self) -> Job | None:
        """Make the batch's PDF off the GUI thread, then show it. Awards without a register number
        are numbered in the chosen book, once the clerk has agreed to the numbers it will give;
        ``None`` when nothing was started (no book chosen, or the clerk said no)."""
        if self.selection is None:
            raise DomainError(translate("CertificatePreview", "Chưa chọn khen thưởng để in."))
        target = self._tmp / "giay-chung-nhan.pdf"
        if self.cash_only.isChecked():  # the office prints them knowingly
            self.selection = replace(self.selection, include_cash_only=True)
        db, selection, book = self.db, self.selection, self.book.currentData()
        mode, offset, alignment = self.mode, self.offset_mm, self.alignment_page
        try:
            plan = plan_numbers(db, selection, book)
        except DomainError as exc:
            self.status.setText(exc.message)
            return None
        if plan is not None and not self.confirm(plan.question()):
            self.status.setText(translate("CertificatePreview", "Chưa vào sổ, chưa tạo bản in."))
            return None

        def work(progress: Progress, cancelled: Cancelled) -> BatchResult:
            return make_certificates(
                db, selection, out=target, mode=mode, offset_mm=offset, alignment_page=alignment,
                book_code=book, record_prints=False, progress=progress, cancelled=cancelled,
            )  # fmt: skip

        self.status.setText(translate("CertificatePreview", "Đang tạo giấy chứng nhận…"))
        # Numbering is a write (register numbers are given once, for good): one operation.
        self.job = run_op(
            self,
            translate("CertificatePreview", "Đang tạo giấy chứng nhận…"),
            db,
            work,
            on_done=lambda result: self._made(result, target),
            on_error=self._failed,
        )
        return self.job

    def _made(self, result: BatchResult, path: Path) -> None:
        self.result = result
        self._fill_books(keep=self.book.currentData())  # the numbers just given show in its count
        self.problems.clear()
        for line in [*map(str, result.problems), *result.notes]:
            self.problems.addItem(line)
        self.problems.setVisible(self.problems.count() > 0)
        if result.cancelled or not result.printed:
            self.status.setText(
                result.summary()
                if result.cancelled
                else translate("CertificatePreview", "Không có giấy nào in được.")
            )
            return
        self.load_pdf(path)

    def _failed(self, exc: object) -> None:
        message = user_message(exc) if isinstance(exc, BaseException) else str(exc)
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
        name, _ = QFileDialog.getSaveFileName(
            self, translate("CertificatePreview", "Lưu giấy chứng nhận"), "giay-chung-nhan.pdf", "PDF (*.pdf)"
        )
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
        printed, mode, db = (
            [replace(p, file=Path(file_name)) for p in self.result.printed],
            self.result.mode,
            self.db,
        )
        self.log_job = run_write(
            self,
            translate("CertificatePreview", "Đang ghi sổ theo dõi in…"),
            db,
            lambda: log_prints(db, printed, mode),
            on_error=self._failed,
        )

    def _print(self) -> None:
        printer = print_pdf(self, self.document)
        if printer is not None:
            self._log(f"máy in: {printer.printerName()}")

    def done(self, code: int) -> None:  # noqa: D401 - Qt's name
        self.document.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(code)
