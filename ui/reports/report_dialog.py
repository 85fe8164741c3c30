"""The preview of a document just written: its pages (QtPdf), where it was saved, print, open folder,
open in Word.

The file is already on disk when this opens (written atomically off the GUI thread by
``app.documents.requests.write_report``); a .docx or .xlsx request shows a PDF of the same
document, made alongside it in a temporary folder that goes when the dialog closes. "Mở bằng Word"
writes the same document as .docx beside the file asked for (the .docx itself when that was asked
for) and opens it with the system's program for .docx; the PDF stays the record that is printed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from app.documents.requests import Written
from app.errors import DomainError, user_message
from app.storage.files import unique_name

from ..error_catalogue import error_text
from ..messages import show_error
from ..printing import print_pdf
from ..qt import (
    QDesktopServices,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPdfDocument,
    QPdfView,
    QPushButton,
    QUrl,
    QVBoxLayout,
    QWidget,
    translate,
)


class ReportPreview(QDialog):
    def __init__(self, written: Written, tmp: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.written, self._tmp = written, tmp
        self._docx: Path | None = None  # the .docx "Mở bằng Word" wrote or found
        self.setWindowTitle(translate("ReportDialog", "Xem trước: {0}").format(written.title))
        self.resize(900, 760)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel("", self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.folder_button = QPushButton(translate("ReportDialog", "Mở thư mục"), self)
        self.folder_button.setObjectName("folder")
        self.print_button = QPushButton(translate("ReportDialog", "In…"), self)
        self.print_button.setObjectName("print")
        self.word_button = QPushButton(translate("ReportDialog", "Mở bằng Word"), self)
        self.word_button.setObjectName("word")
        self.word_button.setToolTip(
            translate(
                "ReportDialog",
                "Lưu văn bản thành tệp .docx chỉnh sửa được và mở; bản PDF in ra là bản lưu hồ sơ.",
            )
        )
        self.word_button.setEnabled(written.document is not None or written.out.suffix.lower() == ".docx")
        self.word_button.clicked.connect(self.open_in_word)
        close = QPushButton(translate("ReportDialog", "Đóng"), self)
        self.folder_button.clicked.connect(self.open_folder)
        self.print_button.clicked.connect(lambda: print_pdf(self, self.document))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        for b in (self.folder_button, self.word_button, self.print_button, close):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self._load()

    def _load(self) -> None:
        if self.written.pdf is not None:
            self.document.load(str(self.written.pdf))
        pages = self.page_count()
        self.print_button.setEnabled(pages > 0)
        self.status.setText(
            translate("ReportDialog", "Đã lưu «{0}» — {1} trang.").format(self.written.out, pages)
        )

    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.out.parent)))

    def docx_path(self) -> Path:
        """Where "Mở bằng Word" writes: the .docx asked for; else beside the file, its suffix .docx,
        numbered «(2)», «(3)»… rather than replace a .docx already there (it may hold edits)."""
        out = self.written.out
        if out.suffix.lower() == ".docx":
            return out
        taken = {p.name.casefold() for p in out.parent.glob("*.docx")} if out.parent.is_dir() else set()
        return out.with_name(unique_name(out.with_suffix(".docx").name, taken))

    def write_docx(self) -> Path | None:
        """The shown document as .docx (written atomically once; later clicks open the same file)."""
        if self._docx is not None and self._docx.is_file():
            return self._docx
        out = self.docx_path()
        if self.written.out.suffix.lower() == ".docx" and out.is_file():
            self._docx = out
            return out
        if self.written.document is None:
            return None
        try:
            self.written.document.save(out)
        except DomainError as exc:
            show_error(self, error_text(exc))
            return None
        except OSError as exc:
            show_error(self, user_message(exc))
            return None
        self._docx = out
        self.status.setText(translate("ReportDialog", "Đã lưu bản Word «{0}».").format(out))
        return out

    def open_in_word(self) -> bool:
        out = self.write_docx()
        return out is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

    def done(self, code: int) -> None:  # noqa: D401 - Qt's name
        self.document.close()
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(code)
