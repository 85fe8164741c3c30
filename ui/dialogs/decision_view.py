"""A decision opened from its list: what it grants, to whom, with which register numbers; and its
certificates printed from here."""

from __future__ import annotations

from app.services.attachments import Owner
from app.services.decisions import decision_lines, get_decision
from app.services.payout import dong, payout_lines, total
from app.storage.db import Database
from app.text import format_date

from ..qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets.attachments import AttachmentsBox
from ..widgets.cells import cell_text

COLUMNS = (
    QT_TRANSLATE_NOOP("DecisionView", "Số hồ sơ"),
    QT_TRANSLATE_NOOP("DecisionView", "Cá nhân / tập thể"),
    QT_TRANSLATE_NOOP("DecisionView", "Danh hiệu, hình thức"),
    QT_TRANSLATE_NOOP("DecisionView", "Đơn vị đề nghị"),
    QT_TRANSLATE_NOOP("DecisionView", "Sổ / số vào sổ"),
    QT_TRANSLATE_NOOP("DecisionView", "Tiền thưởng (đồng)"),
)


class DecisionView(QDialog):
    def __init__(self, db: Database, decision_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.decision_id = db, decision_id
        decision = get_decision(db, decision_id)
        self.number, self.year = decision.number_text, decision.year
        self.setWindowTitle(translate("DecisionView", "Quyết định {0}").format(decision.number_text))
        self.heading = QLabel(
            translate("DecisionView", "<b>{0}</b> ngày {1} — {2}<br>{3} {4}: {5}").format(
                decision.number_text,
                format_date(decision.signed_on),
                decision.issuer,
                decision.signer_authority,
                decision.signer_title,
                decision.signer_name,
            )
        )
        self.heading.setWordWrap(True)
        self.summary = QLabel(decision.summary)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("lines")
        self.table.setHorizontalHeaderLabels([translate("DecisionView", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )  # the award's name gives way; money shows whole
        self.count = QLabel()
        self.count.setObjectName("count")
        self.print_button = QPushButton(translate("DecisionView", "In giấy khen của quyết định…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_certificates)
        close = QPushButton(translate("DecisionView", "Đóng"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.attachments = AttachmentsBox(db, Owner.decision(decision_id))
        layout.addWidget(self.attachments)
        layout.addLayout(buttons)
        self.resize(900, 560)
        self.show_lines()

    def show_lines(self) -> None:
        lines = decision_lines(self.db, self.decision_id)
        paid = {p.nomination_id: p for p in payout_lines(self.db, decision_id=self.decision_id)}
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            pay = paid.get(line.nomination_id)
            money = dong(pay.amount) if pay is not None else ""
            for column, text in enumerate((str(line.nomination_id), line.nominee, line.award, line.unit, line.register,
                                           money)):  # fmt: skip
                item = QTableWidgetItem(text)
                if column == 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if pay is not None and pay.note:
                        item.setToolTip(pay.note)
                self.table.setItem(row, column, item)
        self.total = total(list(paid.values()))
        self.count.setText(
            translate("DecisionView", "{0} khen thưởng — tổng tiền thưởng {1} đồng").format(
                len(lines), dong(self.total)
            )
        )
        self.print_button.setEnabled(bool(lines))

    def rows(self) -> list[list[str]]:
        return [
            [cell_text(self.table, r, c) for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def print_certificates(self) -> QDialog:
        """The certificates of every award of this decision, previewed before anything is numbered."""
        from app.certificates.selection import Selection  # ReportLab and QtPdf load on first print

        from ..certificates.preview import CertificatePreviewDialog

        self.preview = CertificatePreviewDialog(
            self.db, Selection(decision=self.number, year=self.year), parent=self
        )
        self.preview.open()
        self.preview.generate()
        return self.preview
