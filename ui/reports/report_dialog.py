"""The preview of a document just written: its pages (QtPdf), where it was saved, print, open folder.

The file is already on disk when this opens (written atomically off the GUI thread by
``app.documents.requests.write_report``); an .xlsx request shows a PDF of the same document,
made alongside it in a temporary folder that goes when the dialog closes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from app.documents.requests import Written

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
        close = QPushButton(translate("ReportDialog", "Đóng"), self)
        self.folder_button.clicked.connect(self.open_folder)
        self.print_button.clicked.connect(lambda: print_pdf(self, self.document))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        for b in (self.folder_button, self.print_button, close):
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

    def done(self, code: int) -> None:  # noqa: D401 - Qt's name
        self.document.close()
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(code)
