"""Exemplary individuals and collectives (gương điển hình tiên tiến)."""

from __future__ import annotations

import datetime as dt

from app.errors import DomainError
from app.services.campaigns import list_campaigns
from app.services.exemplars import ExemplarInput, create_exemplar
from app.storage.db import Database

from ..labels import label
from ..operations import Pending
from ..qt import QT_TRANSLATE_NOOP, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget, translate
from ..widgets.fields import FormDialog, date_edit, date_from
from ..widgets.lookup import LookupEdit
from ..widgets.lookup_searches import person_search, unit_search


class ExemplarDialog(FormDialog):
    context = "ExemplarDialog"
    title = QT_TRANSLATE_NOOP("ExemplarDialog", "Gương điển hình tiên tiến")
    aliases = {"campaign_id": "campaign"}

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.db = db
        super().__init__(parent)

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
        self.honoured_at = self.add_field(
            "honoured_at", QT_TRANSLATE_NOOP("ExemplarDialog", "Nơi tuyên dương"), QLineEdit()
        )
        self.honoured_on = self.add_field(
            "honoured_on", QT_TRANSLATE_NOOP("ExemplarDialog", "Ngày tuyên dương"), date_edit()
        )
        self.story = self.add_field(
            "story", QT_TRANSLATE_NOOP("ExemplarDialog", "Câu chuyện"), QPlainTextEdit()
        )
        self.setMinimumWidth(520)

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
        )
        return Pending(lambda: create_exemplar(self.db, data))
