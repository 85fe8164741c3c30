"""Báo cáo / In ấn: Excel in and out, and the documents the clerk prints every season.

Each document is made by ``app.documents`` off the GUI thread and previewed before it is saved
(:class:`ui.reports.report_dialog.ReportDialog`). The dialogs load ReportLab and QtPdf when first
opened, not at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.db import Database
from app.errors import DomainError

from ..messages import show_error
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    translate,
)

# kind → (title, which of the code field it needs: "bloc", "unit", "decision" or "")
KINDS = {
    "xep-hang": (QT_TRANSLATE_NOOP("ReportsPage", "Báo cáo xếp hạng khối thi đua"), "bloc"),
    "danh-sach": (QT_TRANSLATE_NOOP("ReportsPage", "Danh sách đề nghị khen thưởng"), ""),
    "thong-ke": (QT_TRANSLATE_NOOP("ReportsPage", "Thống kê khen thưởng theo đơn vị, danh hiệu, năm"), ""),
    "quyet-dinh": (QT_TRANSLATE_NOOP("ReportsPage", "Quyết định khen thưởng kèm danh sách"), "decision"),
    "thanh-tich-tap-the": (QT_TRANSLATE_NOOP("ReportsPage", "Báo cáo thành tích tập thể"), "unit"),
    "qua-trinh-don-vi": (QT_TRANSLATE_NOOP("ReportsPage", "Quá trình khen thưởng của đơn vị"), "unit"),
}
CODE_HINTS = {
    "bloc": QT_TRANSLATE_NOOP("ReportsPage", "Mã khối, ví dụ KTKT"),
    "unit": QT_TRANSLATE_NOOP("ReportsPage", "Mã đơn vị, ví dụ STC"),
    "decision": QT_TRANSLATE_NOOP("ReportsPage", "Số quyết định, ví dụ 15/QĐ-UBND"),
    "": QT_TRANSLATE_NOOP("ReportsPage", "Mã đơn vị trình (để trống: tất cả)"),
}


class ReportsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.dialog: QWidget | None = None
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
        self.year = QSpinBox()
        self.year.setRange(1945, 2200)
        self.year.setValue(dt.date.today().year)
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.issuer = QLineEdit()
        self.issuer.setObjectName("issuer")
        self.place = QLineEdit("Tây Ninh")
        self.make_button = QPushButton()
        self.make_button.setObjectName("make")
        self.make_button.clicked.connect(self.make_document)
        self.form = QFormLayout(self.group)
        self._labels = [
            (QT_TRANSLATE_NOOP("ReportsPage", "Văn bản"), self.kind),
            (QT_TRANSLATE_NOOP("ReportsPage", "Năm"), self.year),
            (QT_TRANSLATE_NOOP("ReportsPage", "Mã"), self.code),
            (QT_TRANSLATE_NOOP("ReportsPage", "Cơ quan ban hành"), self.issuer),
            (QT_TRANSLATE_NOOP("ReportsPage", "Địa danh"), self.place),
        ]
        for text, widget in self._labels:
            self.form.addRow(text, widget)
        self.form.addRow("", self.make_button)
        self.kind.currentIndexChanged.connect(self._kind_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(excel)
        layout.addWidget(self.group)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.import_button.setText(translate("ReportsPage", "Nhập từ Excel, CSV…"))
        self.export_button.setText(translate("ReportsPage", "Xuất ra Excel…"))
        self.group.setTitle(translate("ReportsPage", "Lập văn bản, báo cáo"))
        self.make_button.setText(translate("ReportsPage", "Lập và xem trước"))
        self.issuer.setPlaceholderText(translate("ReportsPage", "Ví dụ: SỞ TÀI CHÍNH"))
        for row, (text, _widget) in enumerate(self._labels):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                item.widget().setText(translate("ReportsPage", text))
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for key, (title, _code) in KINDS.items():
            self.kind.addItem(translate("ReportsPage", title), key)
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))
        self.kind.blockSignals(False)
        self._kind_changed()

    def _kind_changed(self) -> None:
        needs = KINDS.get(self.kind.currentData(), ("", ""))[1]
        self.code.setPlaceholderText(translate("ReportsPage", CODE_HINTS[needs]))

    def set_database(self, db: Database) -> None:
        self.db = db

    def open_import(self) -> None:
        from ..reports.import_dialog import ImportDialog

        if self.db is not None:
            self._open(ImportDialog(self.db, parent=self))

    def open_export(self) -> None:
        from ..reports.export_dialog import ExportDialog

        if self.db is not None:
            self._open(ExportDialog(self.db, parent=self))

    def _open(self, dialog) -> None:  # type: ignore[no-untyped-def]
        self.dialog = dialog
        dialog.open()

    def document_maker(self) -> Callable[[Database], object]:
        """What the chosen kind needs, checked here; the document itself is made off the GUI thread."""
        from app.documents import papers, reports
        from app.documents.layout import DocMeta, Letterhead

        kind, year, code = self.kind.currentData(), self.year.value(), self.code.text().strip()
        needs = KINDS[kind][1]
        if needs and not code:
            raise DomainError(translate("ReportsPage", "Hãy nhập: {0}.").format(translate("ReportsPage", CODE_HINTS[needs])))
        meta = DocMeta(Letterhead(self.issuer.text().strip().upper() or "CƠ QUAN", "", self.place.text().strip()))
        makers: dict[str, Callable[[Database], object]] = {
            "xep-hang": lambda db: reports.standings_report(db, meta, bloc_code=code, year=year),
            "danh-sach": lambda db: papers.nomination_list(db, meta, year=year, submitting_unit=code or None),
            "thong-ke": lambda db: reports.award_statistics(db, meta, years=[year], unit_code=code or None),
            "quyet-dinh": lambda db: papers.decision_document(db, code, year=None),
            "thanh-tich-tap-the": lambda db: reports.unit_achievement(db, meta, unit_code=code, year=year),
            "qua-trinh-don-vi": lambda db: reports.unit_history(db, meta, unit_code=code),
        }
        return makers[kind]

    def make_document(self) -> None:
        from ..reports.report_dialog import ReportDialog

        if self.db is None:
            return
        try:
            make = self.document_maker()
        except DomainError as exc:
            show_error(self, exc.message)
            return
        dialog = ReportDialog(self.db, make, parent=self)  # type: ignore[arg-type]
        self._open(dialog)
        dialog.generate()
