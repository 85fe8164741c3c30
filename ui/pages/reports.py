"""Báo cáo / In ấn: Excel in and out, and every document and report ``thidua report`` makes.

The clerk chooses a kind; its own options form (:mod:`ui.reports.forms`) shows the inputs that
kind uses. "Lập văn bản" checks the form at its fields, then ``app.documents.requests.write_report``
— the function the CLI calls — makes and writes the file off the GUI thread (progress after 0.5 s,
cancel), and the result is previewed (:class:`ui.reports.report_dialog.ReportPreview`).
ReportLab and QtPdf load when first used, not at start-up.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from app.documents.requests import BLOC_KINDS, MISSING, ReportRequest, Written
from app.errors import DomainError, user_message
from app.storage.db import Database

from ..error_catalogue import error_text
from ..jobs import Cancelled, Job, Progress, run_job
from ..messages import show_error
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..reports.forms import TITLES, ReportForm
from ..settings import Settings
from ..widgets.fields import ERROR_STYLE

FORMATS = {
    ".pdf": QT_TRANSLATE_NOOP("ReportsPage", "PDF (văn bản để in)"),
    ".docx": QT_TRANSLATE_NOOP("ReportsPage", "Word .docx (chỉnh sửa được)"),
    ".xlsx": QT_TRANSLATE_NOOP("ReportsPage", "Excel .xlsx (các bảng số liệu)"),
}


class ReportsPage(QWidget):
    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings  # where each kind's last values are kept (None: not kept)
        self.db: Database | None = None
        self.dialog: QWidget | None = None
        self.job: Job | None = None
        self.forms: dict[str, ReportForm] = {}
        self.import_button = QPushButton()
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.open_import)
        self.export_button = QPushButton()
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.open_export)
        excel = QHBoxLayout()
        excel.addWidget(self.import_button)
        excel.addWidget(self.export_button)
        excel.addStretch(1)

        self.group = QGroupBox()
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.stack = QStackedWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.format = QComboBox()
        self.format.setObjectName("format")
        self.out = QLineEdit()
        self.out.setObjectName("out")
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        self.out_error = QLabel()
        self.out_error.setObjectName("error:out")
        self.out_error.setStyleSheet(ERROR_STYLE)
        self.out_error.hide()
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.hide()
        self.make_button = QPushButton()
        self.make_button.setObjectName("make")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_document)
        # The bloc's documents print what the secretariat wrote: edited here (issue #15).
        self.review_button = QPushButton()
        self.review_button.setObjectName("bloc_review")
        self.review_button.clicked.connect(self.open_bloc_review)

        top = QFormLayout()
        self.kind_label, self.out_label = QLabel(), QLabel()
        top.addRow(self.kind_label, self.kind)
        file_row = QHBoxLayout()
        file_row.addWidget(self.format)
        file_row.addWidget(self.out, 1)
        file_row.addWidget(self.browse)
        out_box = QVBoxLayout()
        out_box.setSpacing(2)
        out_box.addLayout(file_row)
        out_box.addWidget(self.out_error)
        bottom = QFormLayout()
        bottom.addRow(self.out_label, out_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        buttons.addWidget(self.make_button)
        column = QVBoxLayout(self.group)
        column.addLayout(top)
        column.addWidget(scroll, 1)
        column.addLayout(bottom)
        column.addWidget(self.banner)
        column.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(excel)
        layout.addWidget(self.group, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.import_button.setText(translate("ReportsPage", "Nhập từ Excel, CSV…"))
        self.export_button.setText(translate("ReportsPage", "Xuất ra Excel…"))
        self.group.setTitle(translate("ReportsPage", "Lập văn bản, báo cáo"))
        self.kind_label.setText(translate("ReportsPage", "Văn bản") + ":")
        self.out_label.setText(translate("ReportsPage", "Lưu vào") + " *:")
        self.out.setPlaceholderText(translate("ReportsPage", "Đường dẫn tệp kết quả"))
        self.browse.setText(translate("ReportsPage", "Chọn…"))
        self.make_button.setText(translate("ReportsPage", "Lập văn bản"))
        self.review_button.setText(translate("ReportsPage", "Nội dung nhận xét…"))
        for combo, items in ((self.kind, TITLES), (self.format, FORMATS)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for key, title in items.items():
                combo.addItem(translate("ReportForm" if combo is self.kind else "ReportsPage", title), key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        for form in self.forms.values():
            form.retranslate()
        self._kind_changed()

    def set_database(self, db: Database) -> None:
        self.db = db
        for form in self.forms.values():
            self.stack.removeWidget(form)
            form.deleteLater()
        self.forms.clear()
        self._kind_changed()

    # -- the chosen kind's form ------------------------------------------------------------------
    @property
    def current_kind(self) -> str:
        return self.kind.currentData() or next(iter(TITLES))

    def form(self, kind: str | None = None) -> ReportForm | None:
        """The options form of ``kind`` (the chosen one by default), made on first use."""
        kind = kind or self.current_kind
        if kind not in self.forms and self.db is not None:
            remembered = self.settings.report_values(kind) if self.settings is not None else {}
            self.forms[kind] = ReportForm(self.db, kind, remembered=remembered)
            self.stack.addWidget(self.forms[kind])
        return self.forms.get(kind)

    def choose(self, kind: str) -> ReportForm:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        form = self.form(kind)
        assert form is not None
        return form

    def _kind_changed(self) -> None:
        self._clear_errors()
        before = self.stack.currentWidget()
        form = self.form()
        if form is not None:
            if isinstance(before, ReportForm) and before is not form:
                form.carry_over(before)
            self.stack.setCurrentWidget(form)
        self.review_button.setVisible(self.current_kind in BLOC_KINDS)

    def _format_changed(self) -> None:
        text = self.out.text().strip()
        if text:
            self.out.setText(str(Path(text).with_suffix(self.format.currentData())))

    def choose_file(self) -> None:
        suffix = self.format.currentData()
        start = self.out.text().strip() or str(Path.home() / f"{self.current_kind}{suffix}")
        name, _ = QFileDialog.getSaveFileName(self, translate("ReportsPage", "Lưu vào"), start, f"*{suffix}")
        if name:
            self.out.setText(str(Path(name).with_suffix(suffix)))

    def output_path(self) -> Path:
        """The file to write, its suffix the chosen format's."""
        text = self.out.text().strip()
        if not text:
            raise DomainError(translate("ReportsPage", "Hãy chọn nơi lưu tệp kết quả."), field="out")
        path, suffix = Path(text).expanduser(), self.format.currentData()
        if path.suffix.lower() in FORMATS and path.suffix.lower() != suffix:
            self.format.setCurrentIndex(self.format.findData(path.suffix.lower()))
            return path
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    # -- making the document ---------------------------------------------------------------------
    def _clear_errors(self) -> None:
        self.banner.hide()
        self.banner.clear()
        self.out_error.hide()
        self.out_error.clear()
        self.out.setStyleSheet("")

    def _show(self, exc: DomainError, form: ReportForm | None) -> None:
        if exc.field == "out":
            self.out_error.setText(error_text(exc))
            self.out_error.show()
            self.out.setStyleSheet("border: 1px solid #c62828; background: #fff5f5;")
        elif form is None or not form.show_error(exc):
            self.banner.setText(error_text(exc))
            self.banner.show()

    def check(self) -> tuple[ReportRequest, Path] | None:
        """The request and the output file, or None with every error shown at its field."""
        form = self.form()
        if form is None:
            return None
        self._clear_errors()
        req = out = None
        try:
            req = form.request()
        except DomainError as exc:
            self._show(exc, form)
        try:
            out = self.output_path()
        except DomainError as exc:
            self._show(exc, form)
        return (req, out) if req is not None and out is not None else None

    def make_document(self) -> Job | None:
        """Check the form, then write the file off the GUI thread and preview it."""
        from app.documents.requests import write_report

        checked = self.check()
        if checked is None or self.db is None or (self.job is not None and self.job.running):
            return None
        req, out = checked
        db, form = self.db, self.form()
        tmp = Path(tempfile.mkdtemp(prefix="thidua-report-"))
        preview = tmp / "xem-truoc.pdf"

        def work(progress: Progress, cancelled: Cancelled) -> Written:
            return write_report(db, req, out, preview=preview, progress=progress, cancelled=cancelled)

        title = translate("ReportsPage", "Đang lập văn bản…")
        self.make_button.setEnabled(False)
        self.job = run_job(self, title, work)
        self.job.done.connect(lambda written: self._made(written, tmp, form))
        self.job.error.connect(lambda exc: self._failed(exc, form, tmp))
        return self.job

    def _made(self, written: Written, tmp: Path, form: ReportForm | None) -> None:
        from ..reports.report_dialog import ReportPreview

        self.make_button.setEnabled(True)
        if form is not None and self.settings is not None:
            self.settings.set_report_values(form.kind, form.remembered())
        dialog = ReportPreview(written, tmp, parent=self)
        self._open(dialog)

    def _failed(self, exc: object, form: ReportForm | None, tmp: Path) -> None:
        self.make_button.setEnabled(True)
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, DomainError):
            self._show(exc, form)
        elif isinstance(exc, OSError):  # a full disk, a read-only folder: said plainly (#14)
            show_error(self, user_message(exc))
        else:
            show_error(self, translate("ReportsPage", "Không lập được văn bản: {0}").format(exc))

    # -- the bloc's review texts ----------------------------------------------------------------
    def open_bloc_review(self) -> QDialog | None:
        """The narrative and the meeting's record of the chosen bloc, year and period."""
        from app.model import ScorePeriodKind
        from app.services.standings import bloc_by_code

        from ..dialogs.bloc_review import BlocReviewDialog

        form = self.form()
        if form is None or self.db is None or self.current_kind not in BLOC_KINDS:
            return None
        self._clear_errors()
        form.clear_errors()
        try:
            picked = form.value("bloc")
            if not picked:
                raise DomainError(MISSING["bloc"], field="bloc")
            bloc = bloc_by_code(self.db, str(picked))
        except DomainError as exc:
            self._show(exc, form)
            return None
        year = form.value("year")
        period = {"so-ket-khoi": "h1", "tong-ket-khoi": "year"}.get(self.current_kind) or form.value("period")
        dialog = BlocReviewDialog(
            self.db, bloc.id, int(str(year)), ScorePeriodKind(str(period or "year")), parent=self
        )
        self._open(dialog)
        return dialog

    # -- Excel -----------------------------------------------------------------------------------
    def open_import(self) -> None:
        from ..reports.import_dialog import ImportDialog

        if self.db is not None:
            self._open(ImportDialog(self.db, parent=self))

    def open_export(self) -> None:
        from ..reports.export_dialog import ExportDialog

        if self.db is not None:
            self._open(ExportDialog(self.db, parent=self))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()
