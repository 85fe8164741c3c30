"""The start page: where the open database is and how much it holds."""

from __future__ import annotations

from app.services.stats import overview
from app.storage.db import Database

from ..operations import hub
from ..qt import QT_TRANSLATE_NOOP, QFont, QFormLayout, QLabel, Qt, QVBoxLayout, QWidget, translate

# The overview's row labels come from app.services.stats; marked here for translation.
_COUNT_LABELS = (
    QT_TRANSLATE_NOOP("OverviewPage", "Đơn vị"),
    QT_TRANSLATE_NOOP("OverviewPage", "Khối, cụm thi đua"),
    QT_TRANSLATE_NOOP("OverviewPage", "Cá nhân"),
    QT_TRANSLATE_NOOP("OverviewPage", "Phong trào thi đua"),
    QT_TRANSLATE_NOOP("OverviewPage", "Sáng kiến"),
    QT_TRANSLATE_NOOP("OverviewPage", "Hồ sơ đề nghị khen thưởng"),
    QT_TRANSLATE_NOOP("OverviewPage", "Quyết định khen thưởng"),
    QT_TRANSLATE_NOOP("OverviewPage", "Danh hiệu, hình thức trong danh mục"),
)


class OverviewPage(QWidget):
    """"Tổng quan": where the open database is and how much it holds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel()
        font = QFont(self._title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self._title.setFont(font)
        self._location = QLabel()
        self._location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._location)
        layout.addLayout(self._form)
        layout.addStretch(1)
        self._db: Database | None = None
        self.retranslate()
        hub().data_changed.connect(self._data_changed)  # a bound slot: gone with the page

    def _data_changed(self, _changes: object) -> None:
        if self._db is not None:
            self.show_database(self._db)

    def retranslate(self) -> None:
        self._title.setText(translate("OverviewPage", "Sổ Thi đua — Tổng quan"))

    def show_database(self, db: Database) -> None:
        self._db = db
        info = overview(db)
        self._location.setText(translate("OverviewPage", "Cơ sở dữ liệu: {0}").format(info.location))
        while self._form.rowCount():
            self._form.removeRow(0)
        for label, count in info.counts:
            value = QLabel(f"{count:,}".replace(",", "."))
            value.setObjectName(f"count:{label}")
            self._form.addRow(translate("OverviewPage", label) + ":", value)
