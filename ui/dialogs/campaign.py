"""Campaigns (phong trào thi đua)."""

from __future__ import annotations

import datetime as dt

from app.model import Campaign, CampaignKind
from app.services.campaigns import CampaignInput, create_campaign, update_campaign
from app.storage.db import Database
from app.text import format_date

from ..labels import label
from ..operations import Pending
from ..qt import QT_TRANSLATE_NOOP, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget
from ..widgets.fields import FormDialog, date_edit, date_from


class CampaignDialog(FormDialog):
    context = "CampaignDialog"
    title = QT_TRANSLATE_NOOP("CampaignDialog", "Phong trào thi đua")
    aliases = {"start_date": "start", "end_date": "end"}

    def __init__(self, db: Database, campaign: Campaign | None = None, parent: QWidget | None = None) -> None:
        self.db = db
        self.campaign_id = getattr(campaign, "id", None)
        super().__init__(parent)
        if campaign is not None:
            self._load(campaign)

    def _build(self) -> None:
        self.name = self.add_field("name", QT_TRANSLATE_NOOP("CampaignDialog", "Tên phong trào"), QLineEdit())
        self.kind = self.add_field("kind", QT_TRANSLATE_NOOP("CampaignDialog", "Loại"), QComboBox())
        for kind in CampaignKind:
            self.kind.addItem(label(kind), kind.value)
        self.year = self.add_field("year", QT_TRANSLATE_NOOP("CampaignDialog", "Năm"), QSpinBox())
        self.year.setRange(1945, 2200)
        self.year.setValue(dt.date.today().year)
        self.start = self.add_field("start", QT_TRANSLATE_NOOP("CampaignDialog", "Ngày bắt đầu"), date_edit())
        self.end = self.add_field("end", QT_TRANSLATE_NOOP("CampaignDialog", "Ngày kết thúc"), date_edit())
        self.launched_by = self.add_field(
            "launched_by", QT_TRANSLATE_NOOP("CampaignDialog", "Cơ quan phát động"), QLineEdit()
        )
        self.description = self.add_field(
            "description", QT_TRANSLATE_NOOP("CampaignDialog", "Nội dung"), QPlainTextEdit()
        )
        self.setMinimumWidth(520)

    def _load(self, c: Campaign) -> None:
        self.name.setText(c.name)
        self.kind.setCurrentIndex(self.kind.findData(c.kind.value))
        self.year.setValue(c.year)
        self.start.setText(format_date(c.start_date))
        self.end.setText(format_date(c.end_date))
        self.launched_by.setText(c.launched_by)
        self.description.setPlainText(c.description)

    def save(self) -> object:
        data = CampaignInput(
            name=self.name.text(),
            kind=CampaignKind(self.kind.currentData()),
            year=self.year.value(),
            start_date=date_from(self.start, "start", required=True),
            end_date=date_from(self.end, "end"),
            launched_by=self.launched_by.text(),
            description=self.description.toPlainText(),
        )
        campaign_id = self.campaign_id
        if campaign_id is None:
            return Pending(lambda: create_campaign(self.db, data))
        return Pending(lambda: update_campaign(self.db, campaign_id, data))
