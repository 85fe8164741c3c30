"""Phong trào, Quyết định, Gương điển hình: the smaller lists."""

from __future__ import annotations

from collections.abc import Callable

from app.auth import P
from app.services.browse import CampaignRows, DecisionRows, ExemplarRows, Source
from app.services.campaigns import list_campaigns
from app.storage.db import Database

from ..dialogs.campaign import CampaignDialog
from ..dialogs.decision import DecisionDialog
from ..dialogs.decision_view import DecisionView
from ..dialogs.exemplar import ExemplarDialog
from ..qt import QT_TRANSLATE_NOOP, translate
from .list_page import ListPage


class CampaignsPage(ListPage):
    list_name = "campaigns"
    context = "CampaignsPage"
    columns = (
        ("name", QT_TRANSLATE_NOOP("Columns", "Tên phong trào")),
        ("kind", QT_TRANSLATE_NOOP("Columns", "Loại")),
        ("year", QT_TRANSLATE_NOOP("Columns", "Năm")),
        ("start", QT_TRANSLATE_NOOP("Columns", "Bắt đầu")),
        ("end", QT_TRANSLATE_NOOP("Columns", "Kết thúc")),
        ("launched_by", QT_TRANSLATE_NOOP("Columns", "Cơ quan phát động")),
    )

    widths = {"name": 380, "kind": 150, "year": 55, "start": 95, "end": 95}
    shows = frozenset({"campaign"})

    def _build(self) -> None:
        self.add_button(
            QT_TRANSLATE_NOOP("CampaignsPage", "Thêm phong trào"),
            self.new_campaign,
            "newCampaign",
            "Ctrl+N",
            permission=P.CAMPAIGNS,
        )
        self.add_button(
            QT_TRANSLATE_NOOP("CampaignsPage", "Sửa"), self.edit_current, "edit", permission=P.CAMPAIGNS
        )

    def make_source(self, db: Database) -> Source:
        return CampaignRows(db)

    def new_campaign(self) -> None:
        if self.db is not None:
            self.open_dialog(CampaignDialog(self.db, parent=self))

    def edit_current(self) -> None:
        campaign_id = self.current_id()
        if self.db is None or campaign_id is None:
            return
        campaign = next((c for c in list_campaigns(self.db) if c.id == campaign_id), None)
        if campaign is not None:
            self.open_dialog(CampaignDialog(self.db, campaign, parent=self))


class DecisionsPage(ListPage):
    list_name = "decisions"
    context = "DecisionsPage"
    columns = (
        ("number", QT_TRANSLATE_NOOP("Columns", "Số quyết định")),
        ("signed_on", QT_TRANSLATE_NOOP("Columns", "Ngày ký")),
        ("issuer", QT_TRANSLATE_NOOP("Columns", "Cơ quan ban hành")),
        ("signer", QT_TRANSLATE_NOOP("Columns", "Người ký")),
        ("awards", QT_TRANSLATE_NOOP("Columns", "Số khen thưởng")),
        ("summary", QT_TRANSLATE_NOOP("Columns", "Trích yếu")),
    )
    right_aligned = ("awards",)
    widths = {"number": 150, "signed_on": 95, "issuer": 260, "signer": 180, "awards": 110}
    shows = frozenset({"decision", "nomination"})
    search_hint = QT_TRANSLATE_NOOP("ListPage", "Tìm theo số quyết định hoặc trích yếu…")

    def _build(self) -> None:
        self.add_button(
            QT_TRANSLATE_NOOP("DecisionsPage", "Thêm quyết định"),
            self.new_decision,
            "newDecision",
            "Ctrl+N",
            permission=P.DECISIONS,
        )

    def make_source(self, db: Database) -> Source:
        return DecisionRows(db)

    def new_decision(self) -> None:
        if self.db is not None:
            self.open_dialog(DecisionDialog(self.db, parent=self))

    def edit_current(self) -> None:
        """A decision opens on what it grants (double-click, Enter, or the row's menu)."""
        decision_id = self.current_id()
        if self.db is not None and decision_id is not None:
            self.open_dialog(DecisionView(self.db, decision_id, parent=self))

    def print_current(self) -> None:
        self.edit_current()
        if isinstance(self.dialog, DecisionView):
            self.dialog.print_certificates()

    def row_actions(self) -> list[tuple[str, Callable[[], object]]]:
        return [
            (translate("DecisionsPage", "Xem danh sách khen thưởng"), self.edit_current),
            (translate("DecisionsPage", "In giấy khen của quyết định…"), self.print_current),
        ]


class ExemplarsPage(ListPage):
    list_name = "exemplars"
    context = "ExemplarsPage"
    columns = (
        ("subject", QT_TRANSLATE_NOOP("Columns", "Cá nhân / tập thể")),
        ("title", QT_TRANSLATE_NOOP("Columns", "Tiêu đề")),
        ("year", QT_TRANSLATE_NOOP("Columns", "Năm")),
        ("honoured_at", QT_TRANSLATE_NOOP("Columns", "Nơi tuyên dương")),
        ("honoured_on", QT_TRANSLATE_NOOP("Columns", "Ngày tuyên dương")),
        ("replications", QT_TRANSLATE_NOOP("Columns", "Nhân rộng")),
    )
    right_aligned = ("replications",)

    widths = {"subject": 220, "title": 320, "year": 55, "honoured_at": 260}
    shows = frozenset({"exemplar", "person", "unit"})

    def _build(self) -> None:
        self.add_button(
            QT_TRANSLATE_NOOP("ExemplarsPage", "Thêm gương điển hình"),
            self.new_exemplar,
            "newExemplar",
            "Ctrl+N",
            permission=P.EXEMPLARS,
        )
        self.add_button(
            QT_TRANSLATE_NOOP("ExemplarsPage", "Sửa, nhân rộng"),
            self.edit_current,
            "edit",
            permission=P.EXEMPLARS,
        )

    def make_source(self, db: Database) -> Source:
        return ExemplarRows(db)

    def new_exemplar(self) -> None:
        if self.db is not None:
            self.open_dialog(ExemplarDialog(self.db, parent=self))

    def edit_current(self) -> None:
        """The exemplar with its period and its nhân rộng rows (double-click, Enter, or the button)."""
        exemplar_id = self.current_id()
        if self.db is not None and exemplar_id is not None:
            self.open_dialog(ExemplarDialog(self.db, exemplar_id, parent=self))
