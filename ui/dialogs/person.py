"""Persons (cá nhân): name as typed (split into family, middle and given names by the service)."""

from __future__ import annotations

import re

from app.errors import DomainError
from app.model import Gender
from app.services.persons import PersonInput, create_person, get_person, name_history, update_person
from app.services.units import get_unit
from app.storage.db import Database
from app.text import format_date

from ..labels import label
from ..operations import Pending
from ..qt import QT_TRANSLATE_NOOP, QComboBox, QLabel, QLineEdit, QWidget, translate
from ..widgets.fields import FormDialog, date_edit, date_from
from ..widgets.lookup import LookupEdit
from ..widgets.lookup_searches import unit_search


class PersonDialog(FormDialog):
    context = "PersonDialog"
    title = QT_TRANSLATE_NOOP("PersonDialog", "Cá nhân")
    aliases = {"birth_year": "birth_date", "unit_id": "unit"}

    def __init__(
        self,
        db: Database,
        person_id: int | None = None,
        *,
        unit_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.db, self.person_id = db, person_id
        self._version: int | None = None
        super().__init__(parent)
        if person_id is not None:
            self._load(person_id)
        elif unit_id is not None:
            self.unit.set_value(unit_id, get_unit(db, unit_id).name)

    def _build(self) -> None:
        self.full_name = self.add_field(
            "full_name", QT_TRANSLATE_NOOP("PersonDialog", "Họ và tên"), QLineEdit()
        )
        # The former names (a rename is kept in the person's history): awards decided before a
        # rename keep the name they were decided for.
        self.former_names = QLabel()
        self.former_names.setObjectName("former_names")
        self.former_names.setWordWrap(True)
        self.former_names.hide()
        self.form.addRow("", self.former_names)
        self.gender = self.add_field("gender", QT_TRANSLATE_NOOP("PersonDialog", "Giới tính"), QComboBox())
        for gender in Gender:
            self.gender.addItem(label(gender), gender.value)
        self.gender.setPlaceholderText(translate("PersonDialog", "— chọn —"))
        self.gender.setCurrentIndex(-1)  # chosen, never assumed: the papers print the year of birth under it
        self.birth = self.add_field(
            "birth_date", QT_TRANSLATE_NOOP("PersonDialog", "Ngày sinh (hoặc năm sinh)"), date_edit()
        )
        self.cccd = self.add_field("cccd", QT_TRANSLATE_NOOP("PersonDialog", "Số CCCD"), QLineEdit())
        self.cccd.setPlaceholderText("012345678901")
        self.position = self.add_field("position", QT_TRANSLATE_NOOP("PersonDialog", "Chức vụ"), QLineEdit())
        self.unit = self.add_field(
            "unit", QT_TRANSLATE_NOOP("PersonDialog", "Đơn vị"), LookupEdit(unit_search(self.db))
        )
        # Kept in the name history when the name changes (an existing person only).
        self.rename_reason = self.add_field(
            "rename_reason", QT_TRANSLATE_NOOP("PersonDialog", "Lý do đổi tên (nếu sửa họ tên)"), QLineEdit()
        )
        self._reason_row = self.form.rowCount() - 1
        self.form.setRowVisible(self._reason_row, False)
        self.setMinimumWidth(480)

    def _load(self, person_id: int) -> None:
        person = get_person(self.db, person_id)
        self._version = person.version
        self.full_name.setText(person.full_name)
        changes = name_history(self.db, person_id)
        if changes:
            names = "; ".join(
                translate("PersonDialog", "«{name}» (đến {date})").format(
                    name=c.old_name, date=format_date(c.changed_at.date())
                )
                for c in changes
            )
            self.former_names.setText(translate("PersonDialog", "Tên cũ: {names}").format(names=names))
            self.former_names.show()
        self.gender.setCurrentIndex(self.gender.findData(person.gender.value))
        self.birth.setText(
            format_date(person.birth_date) if person.birth_date else str(person.birth_year or "")
        )
        self.cccd.setText(person.cccd or "")
        self.position.setText(person.position)
        self.unit.set_value(person.unit_id, get_unit(self.db, person.unit_id).name)
        self.unit.setEnabled(False)  # a move is a transfer, with its own history
        self.form.setRowVisible(self._reason_row, True)

    def save(self) -> object:
        if self.unit.value is None:
            raise DomainError(translate("PersonDialog", "Chọn đơn vị từ danh sách gợi ý."), field="unit")
        if self.gender.currentData() is None:
            raise DomainError(translate("PersonDialog", "Chọn giới tính."), field="gender")
        text = self.birth.text().strip()
        birth_year = int(text) if re.fullmatch(r"\d{4}", text) else None
        birth_date = None if birth_year is not None else date_from(self.birth, "birth_date")
        data = PersonInput(
            unit_id=self.unit.value,
            gender=Gender(self.gender.currentData()),
            full_name=self.full_name.text(),
            birth_date=birth_date,
            birth_year=birth_year,
            cccd=self.cccd.text(),
            position=self.position.text(),
        )
        person_id, version, reason = self.person_id, self._version, self.rename_reason.text()
        if person_id is None:
            return Pending(lambda: create_person(self.db, data))
        return Pending(
            lambda: update_person(self.db, person_id, data, expected_version=version, rename_reason=reason)
        )
