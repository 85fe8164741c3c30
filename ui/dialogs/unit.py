"""Units (đơn vị) and blocs (khối, cụm thi đua)."""

from __future__ import annotations

from app.model import BlocKind, UnitLevel
from app.services.blocs import BlocInput, create_bloc
from app.services.units import UnitInput, create_unit, get_unit, update_unit
from app.storage.db import Database

from ..labels import label
from ..operations import Pending
from ..qt import QT_TRANSLATE_NOOP, QCheckBox, QComboBox, QLineEdit, QWidget
from ..widgets.fields import FormDialog
from ..widgets.lookup import LookupEdit
from ..widgets.lookup_searches import unit_search


class UnitDialog(FormDialog):
    context = "UnitDialog"
    title = QT_TRANSLATE_NOOP("UnitDialog", "Đơn vị")
    aliases = {"parent_id": "parent"}

    def __init__(self, db: Database, unit_id: int | None = None, parent: QWidget | None = None) -> None:
        self.db, self.unit_id = db, unit_id
        super().__init__(parent)
        if unit_id is not None:
            self._load(unit_id)

    def _build(self) -> None:
        self.code = self.add_field("code", QT_TRANSLATE_NOOP("UnitDialog", "Mã đơn vị"), QLineEdit())
        self.name = self.add_field("name", QT_TRANSLATE_NOOP("UnitDialog", "Tên đơn vị"), QLineEdit())
        self.short_name = self.add_field(
            "short_name", QT_TRANSLATE_NOOP("UnitDialog", "Tên viết tắt"), QLineEdit()
        )
        self.level = self.add_field("level", QT_TRANSLATE_NOOP("UnitDialog", "Cấp"), QComboBox())
        for level in UnitLevel:
            self.level.addItem(label(level), level.value)
        self.level.setCurrentIndex(list(UnitLevel).index(UnitLevel.DEPARTMENT))
        self.parent_unit = self.add_field(
            "parent", QT_TRANSLATE_NOOP("UnitDialog", "Trực thuộc"), LookupEdit(unit_search(self.db))
        )
        self.active = self.add_field("active", QT_TRANSLATE_NOOP("UnitDialog", "Đang hoạt động"), QCheckBox())
        self.active.setChecked(True)
        self.setMinimumWidth(460)

    def _load(self, unit_id: int) -> None:
        unit = get_unit(self.db, unit_id)
        self.code.setText(unit.code)
        self.name.setText(unit.name)
        self.short_name.setText(unit.short_name)
        self.level.setCurrentIndex(self.level.findData(unit.level.value))
        if unit.parent_id is not None:
            self.parent_unit.set_value(unit.parent_id, get_unit(self.db, unit.parent_id).name)
        self.active.setChecked(unit.active)

    def save(self) -> object:
        data = UnitInput(
            code=self.code.text(),
            name=self.name.text(),
            level=UnitLevel(self.level.currentData()),
            short_name=self.short_name.text(),
            parent_id=self.parent_unit.value,
            active=self.active.isChecked(),
        )
        unit_id = self.unit_id
        if unit_id is None:
            return Pending(lambda: create_unit(self.db, data))
        return Pending(lambda: update_unit(self.db, unit_id, data))


class BlocDialog(FormDialog):
    context = "BlocDialog"
    title = QT_TRANSLATE_NOOP("BlocDialog", "Khối, cụm thi đua")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.db = db
        super().__init__(parent)

    def _build(self) -> None:
        self.code = self.add_field("code", QT_TRANSLATE_NOOP("BlocDialog", "Mã khối"), QLineEdit())
        self.name = self.add_field("name", QT_TRANSLATE_NOOP("BlocDialog", "Tên khối, cụm"), QLineEdit())
        self.kind = self.add_field("kind", QT_TRANSLATE_NOOP("BlocDialog", "Loại"), QComboBox())
        for kind in BlocKind:
            self.kind.addItem(label(kind), kind.value)

    def save(self) -> object:
        data = BlocInput(self.code.text(), self.name.text(), BlocKind(self.kind.currentData()))
        return Pending(lambda: create_bloc(self.db, data))
