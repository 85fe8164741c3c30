"""Cá nhân: persons in Vietnamese name order (given name, then middle, then family name)."""

from __future__ import annotations

from app.auth import P
from app.services.browse import PersonRows, Source
from app.services.scope import clerk_units
from app.storage.db import Database

from ..dialogs.person import PersonDialog
from ..qt import QT_TRANSLATE_NOOP
from .list_page import ListPage


class PersonsPage(ListPage):
    list_name = "persons"
    context = "PersonsPage"
    columns = (
        ("name", QT_TRANSLATE_NOOP("Columns", "Họ và tên")),
        ("gender", QT_TRANSLATE_NOOP("Columns", "Giới tính")),
        ("birth", QT_TRANSLATE_NOOP("Columns", "Ngày sinh")),
        ("cccd", QT_TRANSLATE_NOOP("Columns", "Số CCCD")),
        ("position", QT_TRANSLATE_NOOP("Columns", "Chức vụ")),
        ("unit", QT_TRANSLATE_NOOP("Columns", "Đơn vị")),
    )
    widths = {"name": 220, "gender": 70, "birth": 100, "cccd": 120, "position": 200}
    shows = frozenset({"person", "posting", "unit"})
    search_hint = QT_TRANSLATE_NOOP("ListPage", "Tìm theo tên hoặc số CCCD (gõ không dấu cũng được)…")

    def _build(self) -> None:
        self.add_button(
            QT_TRANSLATE_NOOP("PersonsPage", "Thêm cá nhân"),
            self.new_person,
            "newPerson",
            "Ctrl+N",
            permission=P.PERSONS,
        )
        self.add_button(
            QT_TRANSLATE_NOOP("PersonsPage", "Sửa"), self.edit_current, "edit", permission=P.PERSONS
        )

    def set_database(self, db: Database) -> None:
        super().set_database(db)
        scope = clerk_units(db)  # a clerk's list starts at their unit and its divisions
        if self.model is not None:
            self.model.set_filters(unit_ids=tuple(sorted(scope)) if scope is not None else None)

    def make_source(self, db: Database) -> Source:
        return PersonRows(db)

    def new_person(self) -> None:
        if self.db is not None:
            self.open_dialog(PersonDialog(self.db, parent=self))

    def edit_current(self) -> None:
        person_id = self.current_id()
        if self.db is not None and person_id is not None:
            self.open_dialog(PersonDialog(self.db, person_id, parent=self))
