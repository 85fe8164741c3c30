"""Exemplary individuals and collectives (gương điển hình tiên tiến): a new one or one to edit,
with the period its achievement covers and where it was replicated (nhân rộng: a small table,
rows added and removed here and saved with the exemplar, in one transaction)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.errors import DomainError
from app.services.campaigns import list_campaigns
from app.services.exemplars import (
    ExemplarInput,
    ReplicationInput,
    ReplicationRecord,
    exemplar_form,
    save_exemplar,
)
from app.storage.db import Database

from ..labels import label
from ..operations import Pending
from ..qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets.fields import FormDialog, date_edit, date_from
from ..widgets.lookup import LookupEdit
from ..widgets.lookup_searches import person_search, unit_search

REPLICATION_COLUMNS = (
    QT_TRANSLATE_NOOP("ExemplarDialog", "Nơi nhân rộng"),
    QT_TRANSLATE_NOOP("ExemplarDialog", "Ngày"),
    QT_TRANSLATE_NOOP("ExemplarDialog", "Nội dung đã làm"),
    QT_TRANSLATE_NOOP("ExemplarDialog", "Kết quả"),
)


def _day(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value is not None else ""


class ReplicationsEditor(QWidget):
    """The exemplar's nhân rộng rows: those saved (with their ids) and those added in this form."""

    def __init__(
        self, db: Database, on_error: Callable[[DomainError], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.on_error = on_error
        self.kept: list[ReplicationRecord] = []
        self.added: list[tuple[ReplicationInput, str]] = []  # (input, where as shown)
        self.removed: list[int] = []
        self.table = QTableWidget(0, len(REPLICATION_COLUMNS))
        self.table.setObjectName("replications")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(110)
        self.unit = LookupEdit(unit_search(db))
        self.unit.setObjectName("replicationUnit")
        self.place = QLineEdit()
        self.place.setObjectName("replicationPlace")
        self.on = date_edit()
        self.on.setObjectName("replicationDate")
        self.action = QLineEdit()
        self.action.setObjectName("replicationAction")
        self.result = QLineEdit()
        self.result.setObjectName("replicationResult")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addReplication")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeReplication")
        self.add_button.clicked.connect(lambda _c=False: self._add_clicked())
        self.remove_button.clicked.connect(lambda _c=False: self.remove())
        inputs = QHBoxLayout()
        for widget in (self.unit, self.place, self.on, self.action, self.result, self.add_button):
            inputs.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(inputs)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([translate("ExemplarDialog", c) for c in REPLICATION_COLUMNS])
        self.unit.setPlaceholderText(translate("ExemplarDialog", "Đơn vị…"))
        self.place.setPlaceholderText(translate("ExemplarDialog", "hoặc nơi khác"))
        self.action.setPlaceholderText(translate("ExemplarDialog", "Nội dung đã làm"))
        self.result.setPlaceholderText(translate("ExemplarDialog", "Kết quả"))
        self.add_button.setText(translate("ExemplarDialog", "Thêm nơi nhân rộng"))
        self.remove_button.setText(translate("ExemplarDialog", "Xóa dòng đã chọn"))

    def load(self, rows: list[ReplicationRecord]) -> None:
        self.kept = list(rows)
        self._show()

    def rows_shown(self) -> list[tuple[str, str, str, str]]:
        out = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(len(REPLICATION_COLUMNS))]
            texts = [cell.text() if cell is not None else "" for cell in cells]
            out.append((texts[0], texts[1], texts[2], texts[3]))
        return out

    def _show(self) -> None:
        rows = [(r.where, _day(r.replicated_on), r.action, r.result) for r in self.kept]
        rows += [(where, _day(i.replicated_on), i.action, i.result) for i, where in self.added]
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _add_clicked(self) -> None:
        try:
            self.add()
        except DomainError as exc:
            self.on_error(exc)

    def add(self) -> None:
        """The row typed below the table, checked here; the service checks it again on saving."""
        unit_id = self.unit.value
        place = self.place.text().strip()
        if unit_id is None and not place:
            raise DomainError(
                translate("ExemplarDialog", "Chọn đơn vị hoặc ghi nơi nhân rộng."), field="replications"
            )
        if not self.action.text().strip():
            raise DomainError(
                translate("ExemplarDialog", "Hãy ghi nội dung đã nhân rộng."), field="replications"
            )
        on = date_from(self.on, "replications")
        data = ReplicationInput(self.action.text(), unit_id, "" if unit_id is not None else place, on,
                                self.result.text())  # fmt: skip
        self.added.append((data, self.unit.text() if unit_id is not None else place))
        for edit in (self.place, self.on, self.action, self.result):
            edit.clear()
        self.unit.clear_value()
        self._show()

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        if row < len(self.kept):
            self.removed.append(self.kept.pop(row).id)
        else:
            self.added.pop(row - len(self.kept))
        self._show()


class ExemplarDialog(FormDialog):
    context = "ExemplarDialog"
    title = QT_TRANSLATE_NOOP("ExemplarDialog", "Gương điển hình tiên tiến")
    aliases = {"campaign_id": "campaign", "period_to": "period_from", "unit": "replications",
               "place": "replications", "action": "replications"}  # fmt: skip

    def __init__(self, db: Database, exemplar_id: int | None = None, parent: QWidget | None = None) -> None:
        self.db = db
        self.exemplar_id = exemplar_id
        super().__init__(parent)
        if exemplar_id is not None:
            self._load(exemplar_id)

    def _build(self) -> None:
        from app.model import AwardTarget

        self.year = self.add_field("year", QT_TRANSLATE_NOOP("ExemplarDialog", "Năm"), QSpinBox())
        self.year.setRange(1945, 2200)
        self.year.setValue(dt.date.today().year)
        self.kind = self.add_field("kind", QT_TRANSLATE_NOOP("ExemplarDialog", "Là"), QComboBox())
        self.kind.addItem(label(AwardTarget.INDIVIDUAL), "person")
        self.kind.addItem(label(AwardTarget.COLLECTIVE), "unit")
        self.subject = self.add_field(
            "subject",
            QT_TRANSLATE_NOOP("ExemplarDialog", "Cá nhân / tập thể"),
            LookupEdit(person_search(self.db)),
        )
        self.kind.currentIndexChanged.connect(
            lambda _i: self.subject.set_search(
                unit_search(self.db) if self.kind.currentData() == "unit" else person_search(self.db)
            )
        )
        self.title_edit = self.add_field("title", QT_TRANSLATE_NOOP("ExemplarDialog", "Tiêu đề"), QLineEdit())
        self.campaign = self.add_field(
            "campaign", QT_TRANSLATE_NOOP("ExemplarDialog", "Phong trào"), QComboBox()
        )
        self.campaign.addItem("—", None)
        for c in list_campaigns(self.db):
            self.campaign.addItem(f"{c.name} ({c.year})", c.id)
        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        self.period_from, self.period_to = date_edit(), date_edit()
        self.period_from.setObjectName("periodFrom")
        self.period_to.setObjectName("periodTo")
        row.addWidget(self.period_from)
        row.addWidget(self.period_to)
        row.addStretch(1)
        self.add_field(
            "period_from", QT_TRANSLATE_NOOP("ExemplarDialog", "Thời gian đạt thành tích (từ – đến)"), period
        )
        self.honoured_at = self.add_field(
            "honoured_at", QT_TRANSLATE_NOOP("ExemplarDialog", "Nơi tuyên dương"), QLineEdit()
        )
        self.honoured_on = self.add_field(
            "honoured_on", QT_TRANSLATE_NOOP("ExemplarDialog", "Ngày tuyên dương"), date_edit()
        )
        self.story = self.add_field(
            "story", QT_TRANSLATE_NOOP("ExemplarDialog", "Câu chuyện"), QPlainTextEdit()
        )
        self.replications = self.add_field(
            "replications",
            QT_TRANSLATE_NOOP("ExemplarDialog", "Nhân rộng"),
            ReplicationsEditor(self.db, self.show_error),
        )
        self.setMinimumWidth(720)

    def _load(self, exemplar_id: int) -> None:
        form = exemplar_form(self.db, exemplar_id)
        d = form.data
        self.year.setValue(d.year)
        self.kind.setCurrentIndex(self.kind.findData("unit" if d.unit_id is not None else "person"))
        self.subject.set_value(d.unit_id if d.unit_id is not None else d.person_id, form.subject)
        self.title_edit.setText(d.title)
        self.campaign.setCurrentIndex(max(self.campaign.findData(d.campaign_id), 0))
        self.period_from.setText(_day(d.period_from))
        self.period_to.setText(_day(d.period_to))
        self.honoured_at.setText(d.honoured_at)
        self.honoured_on.setText(_day(d.honoured_on))
        self.story.setPlainText(d.story)
        self.replications.load(form.replications)

    def save(self) -> object:
        if self.subject.value is None:
            raise DomainError(
                translate("ExemplarDialog", "Chọn cá nhân hoặc tập thể từ danh sách gợi ý."), field="subject"
            )
        is_unit = self.kind.currentData() == "unit"
        data = ExemplarInput(
            year=self.year.value(),
            title=self.title_edit.text(),
            person_id=None if is_unit else self.subject.value,
            unit_id=self.subject.value if is_unit else None,
            campaign_id=self.campaign.currentData(),
            story=self.story.toPlainText(),
            honoured_at=self.honoured_at.text(),
            honoured_on=date_from(self.honoured_on, "honoured_on"),
            period_from=date_from(self.period_from, "period_from"),
            period_to=date_from(self.period_to, "period_from"),
        )
        added = [i for i, _where in self.replications.added]
        removed = list(self.replications.removed)
        exemplar_id = self.exemplar_id
        return Pending(lambda: save_exemplar(self.db, exemplar_id, data, added, removed))
