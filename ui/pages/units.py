"""Đơn vị & Khối: the units list, and the blocs beside it."""

from __future__ import annotations

from app.auth import P
from app.changes import Changes
from app.services.blocs import list_blocs
from app.services.browse import Source, UnitRows
from app.storage.db import Database

from ..dialogs.membership import MembershipDialog
from ..dialogs.unit import BlocDialog, UnitDialog
from ..labels import label
from ..qt import QT_TRANSLATE_NOOP, QLabel, QListWidget, QVBoxLayout, QWidget, translate
from .list_page import ListPage


class UnitsPage(ListPage):
    list_name = "units"
    context = "UnitsPage"
    columns = (
        ("code", QT_TRANSLATE_NOOP("Columns", "Mã")),
        ("name", QT_TRANSLATE_NOOP("Columns", "Tên đơn vị")),
        ("short_name", QT_TRANSLATE_NOOP("Columns", "Viết tắt")),
        ("level", QT_TRANSLATE_NOOP("Columns", "Cấp")),
        ("parent", QT_TRANSLATE_NOOP("Columns", "Trực thuộc")),
        ("active", QT_TRANSLATE_NOOP("Columns", "Hoạt động")),
    )
    widths = {"code": 90, "name": 320, "short_name": 110, "level": 190, "parent": 240}
    shows = frozenset({"unit", "bloc", "bloc_membership"})

    def _build(self) -> None:
        self.add_button(
            QT_TRANSLATE_NOOP("UnitsPage", "Thêm đơn vị"),
            self.new_unit,
            "newUnit",
            "Ctrl+N",
            permission=P.UNITS,
        )
        self.add_button(QT_TRANSLATE_NOOP("UnitsPage", "Sửa"), self.edit_current, "edit", permission=P.UNITS)
        self.add_button(
            QT_TRANSLATE_NOOP("UnitsPage", "Thêm khối, cụm"), self.new_bloc, "newBloc", permission=P.UNITS
        )
        self.add_button(
            QT_TRANSLATE_NOOP("UnitsPage", "Thành viên khối theo năm…"),
            self.edit_members,
            "members",
            permission=P.UNITS,
        )
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.blocs_title = QLabel()
        self.blocs = QListWidget()
        self.blocs.setObjectName("blocs")
        column.addWidget(self.blocs_title)
        column.addWidget(self.blocs)
        side.setMaximumWidth(300)
        self.body.addWidget(side)

    def make_source(self, db: Database) -> Source:
        return UnitRows(db)

    def set_database(self, db: Database) -> None:
        super().set_database(db)
        self._load_blocs()

    def data_changed(self, changes: Changes) -> None:
        self.refresh()
        self._load_blocs()

    def _load_blocs(self) -> None:
        self.blocs.clear()
        self._bloc_ids: list[int] = []
        if self.db is not None:
            for bloc in list_blocs(self.db):
                self._bloc_ids.append(bloc.id)
                self.blocs.addItem(f"{bloc.code} — {bloc.name} ({label(bloc.kind)})")

    def new_unit(self) -> None:
        if self.db is not None:
            self.open_dialog(UnitDialog(self.db, parent=self))

    def edit_current(self) -> None:
        unit_id = self.current_id()
        if self.db is not None and unit_id is not None:
            self.open_dialog(UnitDialog(self.db, unit_id, parent=self))

    def new_bloc(self) -> None:
        if self.db is not None:
            self.open_dialog(BlocDialog(self.db, parent=self))

    def edit_members(self) -> None:
        if self.db is not None:
            row = self.blocs.currentRow()
            bloc_id = self._bloc_ids[row] if 0 <= row < len(self._bloc_ids) else None
            self.open_dialog(MembershipDialog(self.db, bloc_id, parent=self))

    def _retranslate_filters(self) -> None:
        self.blocs_title.setText(translate("UnitsPage", "Khối, cụm thi đua"))
        self._load_blocs()
