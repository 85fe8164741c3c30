"""The layout editor's preview: the sample certificate of a layout, one page at a time (QtPdf)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from app.certificates.layout_store import PAGE_ALIGNMENT, PAGE_BLANK, PAGE_FULL, SamplePreview, sample_pdf
from app.certificates.layouts import Layout
from app.errors import DomainError

from ..error_catalogue import error_text
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPdfDocument,
    QPdfView,
    QPointF,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets.fields import ERROR_STYLE

PAGE_NAMES = {
    PAGE_FULL: QT_TRANSLATE_NOOP("LayoutEditor", "Giấy trắng, in đầy đủ"),
    PAGE_BLANK: QT_TRANSLATE_NOOP("LayoutEditor", "Phôi in sẵn (chỉ phần thay đổi)"),
    PAGE_ALIGNMENT: QT_TRANSLATE_NOOP("LayoutEditor", "Trang căn chỉnh"),
}


class LayoutPreview(QWidget):
    """Shows :func:`sample_pdf` of a layout; the page chooser keeps its page across renders."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: SamplePreview | None = None
        self._serial = 0
        self._tmp = Path(tempfile.mkdtemp(prefix="thidua-layout-"))
        self._pdf_path: Path | None = None
        self.title = QLabel()
        self.page_choice = QComboBox()
        self.page_choice.setObjectName("preview_page")
        self.page_choice.currentIndexChanged.connect(lambda _i: self._show_page())
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.page_choice, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.view, 1)
        column.addWidget(self.problems)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText("<b>" + translate("LayoutEditor", "Xem trước với dữ liệu mẫu:") + "</b>")
        for i in range(self.page_choice.count()):
            self.page_choice.setItemText(
                i, translate("LayoutEditor", PAGE_NAMES[self.page_choice.itemData(i)])
            )

    def show_layout(self, layout: Layout | None) -> None:
        """Render and show the sample of ``layout`` (nothing for ``None``)."""
        self.problems.clear()
        if layout is None:
            self.preview = None
            self.document.close()
            self.page_choice.clear()
            return
        try:
            preview = sample_pdf(layout)
        except DomainError as exc:
            self.problems.setText(error_text(exc))
            return
        self._serial += 1
        path = self._tmp / f"xem-truoc-{self._serial}.pdf"
        path.write_bytes(preview.pdf)
        self.document.close()
        self.document.load(str(path))
        if self._pdf_path is not None:
            self._pdf_path.unlink(missing_ok=True)
        self._pdf_path, self.preview = path, preview
        current = self.page_choice.currentData()
        self.page_choice.blockSignals(True)
        self.page_choice.clear()
        for page in preview.pages:
            self.page_choice.addItem(translate("LayoutEditor", PAGE_NAMES[page]), page)
        self.page_choice.setCurrentIndex(max(0, self.page_choice.findData(current)))
        self.page_choice.blockSignals(False)
        self._show_page()
        if preview.problems:
            self.problems.setText(
                translate("LayoutEditor", "Dữ liệu mẫu không vừa (trường này sẽ không in):")
                + "\n"
                + "\n".join(preview.problems)
            )

    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def _show_page(self) -> None:
        page = self.page_choice.currentIndex()
        if page >= 0 and self.document.status() == QPdfDocument.Status.Ready:
            self.view.pageNavigator().jump(page, QPointF(0, 0), 0)

    def close_files(self) -> None:
        self.document.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
