"""The start page: where the open database is and how much it holds."""

from __future__ import annotations

from app.services.stats import overview
from app.services.todo import Todo, todo
from app.storage.db import Database

from ..operations import ShownPage, hub
from ..qt import (
    QT_TRANSLATE_NOOP,
    QFont,
    QFormLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)

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
    QT_TRANSLATE_NOOP("OverviewPage", "Đơn vị (của bạn và trực thuộc)"),
    QT_TRANSLATE_NOOP("OverviewPage", "Cá nhân (thuộc đơn vị của bạn)"),
    QT_TRANSLATE_NOOP("OverviewPage", "Hồ sơ đề nghị khen thưởng (đơn vị của bạn trình)"),
)


# The to-do items (app.services.todo), "{0}" the count.
_TODO_TEXTS = {
    "returned": QT_TRANSLATE_NOOP("OverviewPage", "{0} hồ sơ bị trả lại, cần bổ sung"),
    "submitted": QT_TRANSLATE_NOOP("OverviewPage", "{0} hồ sơ đã trình, chờ Hội đồng bỏ phiếu"),
    "voted": QT_TRANSLATE_NOOP("OverviewPage", "{0} hồ sơ đã bỏ phiếu, chờ đưa vào quyết định"),
    "unprinted": QT_TRANSLATE_NOOP("OverviewPage", "{0} khen thưởng đã có quyết định, chưa in giấy khen"),
    "scores": QT_TRANSLATE_NOOP("OverviewPage", "{0} đơn vị chưa đủ phiếu chấm điểm (khối {1}, năm {2})"),
}


class OverviewPage(ShownPage):
    """ "Tổng quan": the clerk's to-do list (each item opens the list that shows it), where the
    open database is and how much it holds."""

    open_todo = Signal(object)  # a Todo the clerk clicked

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
        self._todo_title = QLabel()
        self._todo_box = QVBoxLayout()
        layout.addWidget(self._todo_title)
        layout.addLayout(self._todo_box)
        layout.addLayout(self._form)
        layout.addStretch(1)
        self._db: Database | None = None
        self.retranslate()
        hub().data_changed.connect(self._data_changed)  # a bound slot: gone with the page

    def _data_changed(self, _changes: object) -> None:
        if self._db is not None:
            self.refresh_soon()

    def refresh_now(self) -> None:
        if self._db is not None:
            self.show_database(self._db)

    def retranslate(self) -> None:
        self._title.setText(translate("OverviewPage", "Sổ Thi đua — Tổng quan"))
        self._todo_title.setText("<b>" + translate("OverviewPage", "Việc cần làm") + "</b>")
        if self._db is not None:
            self.show_database(self._db)

    def show_database(self, db: Database) -> None:
        self._db = db
        info = overview(db)
        self._location.setText(translate("OverviewPage", "Cơ sở dữ liệu: {0}").format(info.location))
        while self._form.rowCount():
            self._form.removeRow(0)
        self._show_todo(todo(db))
        for label, count in info.counts:
            value = QLabel(f"{count:,}".replace(",", "."))
            value.setObjectName(f"count:{label}")
            self._form.addRow(translate("OverviewPage", label) + ":", value)

    def _show_todo(self, items: list[Todo]) -> None:
        while self._todo_box.count():
            taken = self._todo_box.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.todo_buttons: list[QPushButton] = []
        for item in items:
            button = QPushButton(
                translate("OverviewPage", _TODO_TEXTS[item.key]).format(
                    f"{item.count:,}".replace(",", "."), item.bloc_code, item.year
                )
            )
            button.setObjectName(f"todo:{item.key}")
            button.setFlat(True)
            button.setStyleSheet("text-align: left; color: #0d47a1; text-decoration: underline;")
            button.clicked.connect(lambda _c=False, t=item: self.open_todo.emit(t))
            self._todo_box.addWidget(button)
            self.todo_buttons.append(button)
        if not items:
            self._todo_box.addWidget(QLabel(translate("OverviewPage", "Không có việc nào đang chờ.")))
