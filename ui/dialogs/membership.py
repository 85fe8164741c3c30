"""Yearly membership of a bloc: who belongs to it in a year, the head and the deputy.

Saving sets one unit's membership and role (a new head or deputy replaces the previous one, who
stays a member); the list shows the bloc's members for the chosen year as they are stored.
"""

from __future__ import annotations

import datetime as dt

from app.errors import DomainError
from app.model import BlocRole
from app.services.blocs import list_blocs, members, remove_membership, set_membership
from app.storage.db import Database

from ..error_catalogue import error_text
from ..labels import label
from ..messages import show_error
from ..operations import Pending
from ..qt import QT_TRANSLATE_NOOP, QComboBox, QListWidget, QPushButton, QSpinBox, QWidget, translate
from ..widgets.fields import FormDialog
from ..widgets.lookup import LookupEdit
from ..widgets.lookup_searches import unit_search


class MembershipDialog(FormDialog):
    context = "MembershipDialog"
    title = QT_TRANSLATE_NOOP("MembershipDialog", "Thành viên khối, cụm theo năm")
    aliases = {"unit": "unit_id"}

    def __init__(self, db: Database, bloc_id: int | None = None, parent: QWidget | None = None) -> None:
        self.db = db
        self._bloc_id = bloc_id
        super().__init__(parent)
        self.refresh()

    def _build(self) -> None:
        self.bloc = self.add_field("bloc_id", QT_TRANSLATE_NOOP("MembershipDialog", "Khối, cụm"), QComboBox())
        for bloc in list_blocs(self.db):
            self.bloc.addItem(f"{bloc.name} ({bloc.code})", bloc.id)
        if self._bloc_id is not None:
            self.bloc.setCurrentIndex(max(self.bloc.findData(self._bloc_id), 0))
        self.year = self.add_field("year", QT_TRANSLATE_NOOP("MembershipDialog", "Năm"), QSpinBox())
        self.year.setRange(1945, 2200)
        self.year.setValue(dt.date.today().year)
        self.members = self.add_field(
            "members", QT_TRANSLATE_NOOP("MembershipDialog", "Thành viên"), QListWidget()
        )
        self.members.setObjectName("members")
        self.unit_id = self.add_field(
            "unit_id", QT_TRANSLATE_NOOP("MembershipDialog", "Đơn vị"), LookupEdit(unit_search(self.db))
        )
        self.role = self.add_field("role", QT_TRANSLATE_NOOP("MembershipDialog", "Vai trò"), QComboBox())
        for role in BlocRole:
            self.role.addItem(label(role), role.value)
        self.remove = QPushButton()
        self.remove.setObjectName("removeMember")
        self.remove.clicked.connect(self.remove_selected)
        self.form.addRow("", self.remove)
        self.bloc.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)

    def retranslate(self) -> None:
        super().retranslate()
        self.remove.setText(translate("MembershipDialog", "Bỏ đơn vị đang chọn khỏi khối năm này"))

    def refresh(self) -> None:
        self.members.clear()
        self._member_ids: list[int] = []
        if self.bloc.currentData() is None:
            return
        for m in members(self.db, int(self.bloc.currentData()), self.year.value()):
            self.members.addItem(f"{m.name} — {label(m.role)}")
            self._member_ids.append(m.unit_id)

    def save(self) -> object:
        if self.unit_id.value is None:
            raise DomainError(
                translate("MembershipDialog", "Chọn đơn vị từ danh sách gợi ý."), field="unit_id"
            )
        bloc_id, unit_id, year = int(self.bloc.currentData()), self.unit_id.value, self.year.value()
        role = BlocRole(self.role.currentData())
        return Pending(lambda: set_membership(self.db, bloc_id, unit_id, year, role))

    def accept(self) -> None:
        # Stay open: the clerk usually enters the whole bloc for the year in one sitting.
        self.submit(lambda _saved: self._saved())

    def _saved(self) -> None:
        self.unit_id.clear_value()
        self.refresh()

    def remove_selected(self) -> None:
        row = self.members.currentRow()
        if row < 0 or self.writing:
            return
        bloc_id, unit_id, year = int(self.bloc.currentData()), self._member_ids[row], self.year.value()

        def failed(exc: BaseException) -> None:
            show_error(self, error_text(exc))
            self.refresh()

        self.write(
            lambda: remove_membership(self.db, bloc_id, unit_id, year), lambda _r: self.refresh(), failed
        )
