"""Đề nghị khen thưởng: the nominations list (a million rows stay smooth) and its batch actions.

Every batch action runs on the selected rows in one service call, as one operation on the writer
(ui.operations); the versions read when the action starts are sent along, so a row somebody else
changed meanwhile refuses the whole batch instead of being overwritten.
"""

from __future__ import annotations

from collections.abc import Callable

from app.auth import P, can
from app.changes import Changes
from app.model import NominationStatus
from app.services import nominations as svc
from app.services.browse import NominationRows, Source, nomination_versions, nomination_years
from app.services.scope import clerk_units
from app.storage.db import Database

from ..dialogs.batch import DecisionPickDialog, ReasonDialog, VoteDialog
from ..dialogs.nomination import NominationForm
from ..jobs import Job
from ..labels import label
from ..messages import ask, show_error
from ..operations import run_write
from ..qt import QT_TRANSLATE_NOOP, QCheckBox, QComboBox, QMenu, Signal, translate
from .list_page import ListPage

RETURNED_TO_ME = "returned-to-me"  # the status filter's "returned to me": returned, in my unit


class NominationsPage(ListPage):
    list_name = "nominations"
    context = "NominationsPage"
    columns = (
        ("id", QT_TRANSLATE_NOOP("Columns", "Số hồ sơ")),
        ("nominee", QT_TRANSLATE_NOOP("Columns", "Cá nhân / tập thể")),
        ("target", QT_TRANSLATE_NOOP("Columns", "Đối tượng")),
        ("award", QT_TRANSLATE_NOOP("Columns", "Danh hiệu, hình thức")),
        ("year", QT_TRANSLATE_NOOP("Columns", "Năm")),
        ("unit", QT_TRANSLATE_NOOP("Columns", "Đơn vị đề nghị")),
        ("status", QT_TRANSLATE_NOOP("Columns", "Trạng thái")),
        ("votes", QT_TRANSLATE_NOOP("Columns", "Phiếu đồng ý")),
        ("decision", QT_TRANSLATE_NOOP("Columns", "Quyết định")),
        ("sent", QT_TRANSLATE_NOOP("Columns", "Đã gửi")),
    )
    right_aligned = ("id", "votes")
    widths = {
        "id": 70,
        "nominee": 200,
        "target": 80,
        "award": 230,
        "year": 55,
        "unit": 230,
        "status": 140,
        "votes": 95,
        "sent": 170,
    }
    shows = frozenset({"nomination", "person", "unit", "decision", "register_entry", "exchange_item"})
    message = Signal(str)  # what a batch action did, for the status bar

    def _build(self) -> None:
        self.job: Job | None = None
        self.scope: frozenset[int] | None = None
        self.year_filter = QComboBox()
        self.year_filter.setObjectName("yearFilter")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.mine = QCheckBox()
        self.mine.setObjectName("mine")
        self.mine.setChecked(True)
        self.mine.hide()  # shown to a clerk: the list starts at their unit
        self.filters.addWidget(self.year_filter)
        self.filters.addWidget(self.status_filter)
        self.filters.addWidget(self.mine)
        self.mine.toggled.connect(lambda _on: self._apply_filters())
        self.year_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.add_button(
            QT_TRANSLATE_NOOP("NominationsPage", "Nhập đề nghị"),
            self.new_nomination,
            "new",
            "Ctrl+N",
            permission=P.NOMINATIONS,
        )
        self.add_button(
            QT_TRANSLATE_NOOP("NominationsPage", "Sửa"), self.edit_current, "edit", permission=P.NOMINATIONS
        )
        self.add_button(
            QT_TRANSLATE_NOOP("NominationsPage", "Trình Hội đồng"),
            self.submit_selected,
            "submit",
            permission=P.NOMINATIONS,
        )
        # Between offices (ui.exchange): one button, its menu the three ways a package leaves.
        self.exchange_button = self.add_button(
            QT_TRANSLATE_NOOP("NominationsPage", "Gửi đi"), lambda: None, "send", permission=P.NOMINATIONS
        )
        self.exchange_menu = QMenu(self.exchange_button)
        self.exchange_menu.setObjectName("sendMenu")
        self.exchange_actions = {
            a: self.exchange_menu.addAction("", self._sender(a)) for a in ("send", "forward", "reply")
        }
        self.exchange_button.setMenu(self.exchange_menu)
        self.add_button(
            QT_TRANSLATE_NOOP("NominationsPage", "Trả lại bổ sung…"),
            self.return_selected,
            "return",
            permission=P.WORKFLOW,
        )
        self.add_button(
            QT_TRANSLATE_NOOP("NominationsPage", "Ghi kết quả bỏ phiếu…"),
            self.vote_selected,
            "vote",
            permission=P.VOTES,
        )
        self.add_button(
            QT_TRANSLATE_NOOP("NominationsPage", "Đưa vào quyết định…"),
            self.approve_selected,
            "approve",
            permission=P.WORKFLOW,
        )
        self.add_button(
            QT_TRANSLATE_NOOP("NominationsPage", "Rút khỏi quyết định…"),
            self.withdraw_selected,
            "withdraw",
            permission=P.WORKFLOW,
        )
        self.add_button(
            QT_TRANSLATE_NOOP("NominationsPage", "Thu hồi…"),
            self.revoke_selected,
            "revoke",
            permission=P.WORKFLOW,
        )
        self.add_button(
            QT_TRANSLATE_NOOP("NominationsPage", "In giấy khen…"),
            self.print_selected,
            "print",
            "Ctrl+P",
            permission=P.CERTIFICATES,
        )

    def make_source(self, db: Database) -> Source:
        return NominationRows(db)

    def set_database(self, db: Database) -> None:
        self.scope = clerk_units(db)
        self.exchange_actions["reply"].setEnabled(can(db.actor, P.WORKFLOW))  # an answer records the decision
        self.mine.setVisible(self.scope is not None)
        super().set_database(db)
        self._fill_filters()
        self._apply_filters()

    # -- filters -------------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        year, status = self.year_filter.currentData(), self.status_filter.currentData()
        for combo in (self.year_filter, self.status_filter):
            combo.blockSignals(True)
            combo.clear()
        self.year_filter.addItem(translate("NominationsPage", "Mọi năm"), None)
        for y in nomination_years(self.db) if self.db is not None else []:
            self.year_filter.addItem(str(y), y)
        self.status_filter.addItem(translate("NominationsPage", "Mọi trạng thái"), None)
        self.status_filter.addItem(
            translate("NominationsPage", "Trả lại cho tôi (cần bổ sung)"), RETURNED_TO_ME
        )
        for s in NominationStatus:
            self.status_filter.addItem(label(s), s.value)
        self.year_filter.setCurrentIndex(max(self.year_filter.findData(year), 0))
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status), 0))
        for combo in (self.year_filter, self.status_filter):
            combo.blockSignals(False)

    def show_status(self, status: NominationStatus) -> None:
        """Show every year's nominations in ``status`` (the start page's to-do items open here)."""
        self.year_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(status.value), 0))
        self._apply_filters()

    def _apply_filters(self) -> None:
        if self.model is not None:
            status = self.status_filter.currentData()
            mine = self.scope is not None and (self.mine.isChecked() or status == RETURNED_TO_ME)
            # None removes the filter
            self.model.set_filters(
                year=self.year_filter.currentData(),
                status=NominationStatus.RETURNED.value if status == RETURNED_TO_ME else status,
                unit_ids=tuple(sorted(self.scope)) if mine and self.scope is not None else None,
            )

    def _retranslate_filters(self) -> None:
        self.mine.setText(translate("NominationsPage", "Chỉ đơn vị của tôi"))
        texts = {
            "send": translate("NominationsPage", "Gửi hồ sơ cho cơ quan khác…"),
            "forward": translate("NominationsPage", "Chuyển tiếp hồ sơ đã nhận lên cấp trên…"),
            "reply": translate("NominationsPage", "Trả lời cơ quan đã gửi (trả lại, quyết định)…"),
        }
        for action, text in texts.items():
            self.exchange_actions[action].setText(text)
        self._fill_filters()

    # -- forms ---------------------------------------------------------------------------------
    def new_nomination(self) -> None:
        if self.db is None:
            return
        self.open_dialog(NominationForm(self.db, year=self.year_filter.currentData(), parent=self))

    def edit_current(self) -> None:
        nomination_id = self.current_id()
        if self.db is not None and nomination_id is not None:
            self.open_dialog(NominationForm(self.db, nomination_id, parent=self))

    def data_changed(self, changes: Changes) -> None:
        self.refresh()
        self._fill_filters()  # a save may bring a new year

    # -- batch actions -------------------------------------------------------------------------
    def _selection(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            show_error(self, translate("NominationsPage", "Chưa chọn hồ sơ nào."))
        return ids

    def _run(
        self, title: str, ids: list[int], action: Callable[[Database, list[int], dict[int, int]], object]
    ) -> None:
        db = self.db
        assert db is not None
        versions = nomination_versions(db, ids)
        self.job = run_write(
            self,
            title,
            db,
            lambda: action(db, ids, versions),
            on_done=lambda _r: self._batch_done(title, len(ids)),
            on_error=self._batch_failed,
        )

    def _batch_done(self, title: str, count: int) -> None:
        self.message.emit(translate("NominationsPage", "{0}: xong {1} hồ sơ.").format(title, count))

    def _batch_failed(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None) or translate("MainWindow", "Lỗi không mong đợi: {0}").format(
            exc
        )
        show_error(self, message)

    def submit_selected(self) -> None:
        ids = self._selection()
        if ids:
            self._run(
                translate("NominationsPage", "Trình Hội đồng"),
                ids,
                lambda db, ids, v: svc.submit(db, ids, expected_versions=v),
            )

    def return_selected(self) -> None:
        ids = self._selection()
        if ids:
            title = translate("NominationsPage", "Trả lại để bổ sung")
            dialog = ReasonDialog(title, len(ids), parent=self)
            self.open_dialog(
                dialog,
                lambda: self._run(
                    title,
                    ids,
                    lambda db, ids, v: svc.return_for_revision(db, ids, dialog.saved, expected_versions=v),
                ),
            )

    def revoke_selected(self) -> None:
        ids = self._selection()
        if ids:
            title = translate("NominationsPage", "Thu hồi khen thưởng")
            dialog = ReasonDialog(title, len(ids), parent=self)

            def revoke() -> None:
                question = translate("NominationsPage", "Thu hồi {0} khen thưởng? Việc thu hồi được ghi vào sổ và "
                                                        "không hoàn tác được.").format(len(ids))  # fmt: skip
                if self.confirm(question):
                    self._run(
                        title, ids, lambda db, ids, v: svc.revoke(db, ids, dialog.saved, expected_versions=v)
                    )

            self.open_dialog(dialog, revoke)

    def withdraw_selected(self) -> None:
        """Undo "put into a decision" while no register number was given (the reason is logged)."""
        ids = self._selection()
        if ids:
            title = translate("NominationsPage", "Rút khỏi quyết định")
            dialog = ReasonDialog(title, len(ids), parent=self)
            self.open_dialog(
                dialog,
                lambda: self._run(
                    title,
                    ids,
                    lambda db, ids, v: svc.withdraw_from_decision(db, ids, dialog.saved, expected_versions=v),
                ),
            )

    def confirm(self, question: str) -> bool:
        """Ask before an irreversible step (tests replace this)."""
        return ask(self, translate("NominationsPage", "Xác nhận"), question)

    def print_selected(self) -> None:
        """Preview, then print or save, the certificates of the selected approved awards."""
        # Loaded here, not at start-up: ReportLab and QtPdf cost ~0.3 s to import.
        from app.certificates.selection import Selection

        from ..certificates.preview import CertificatePreviewDialog

        ids = self._selection()
        if ids and self.db is not None:
            dialog = CertificatePreviewDialog(self.db, Selection(ids=tuple(ids)), parent=self)
            self.open_dialog(dialog)
            dialog.generate()

    def _sender(self, action: str) -> Callable[[], None]:
        return lambda: self.send_selected(action)

    def send_selected(self, action: str = "send") -> None:
        """The selected dossiers to another office in one signed package (ui.exchange): sent,
        forwarded up one level, or answered back to where they came from."""
        from ..exchange.send_dialog import SendDialog  # cryptography: not at start-up

        ids = self._selection()
        if ids and self.db is not None:
            title = translate("NominationsPage", "Gửi hồ sơ")
            dialog = SendDialog(self.db, ids, parent=self, action=action)
            self.open_dialog(dialog, lambda: self._batch_done(title, len(ids)))

    def vote_selected(self) -> None:
        ids = self._selection()
        if ids:
            dialog = VoteDialog(parent=self)

            def record(db: Database, ids: list[int], v: dict[int, int]) -> None:
                svc.record_votes(db, dict.fromkeys(ids, dialog.saved), expected_versions=v)

            self.open_dialog(
                dialog, lambda: self._run(translate("NominationsPage", "Ghi kết quả bỏ phiếu"), ids, record)
            )

    def approve_selected(self) -> None:
        ids = self._selection()
        if ids and self.db is not None:
            dialog = DecisionPickDialog(self.db, ids, parent=self)
            self.open_dialog(
                dialog,
                lambda: self._run(
                    translate("NominationsPage", "Đưa vào quyết định"),
                    ids,
                    lambda db, ids, v: svc.approve(db, ids, dialog.saved, expected_versions=v),
                ),
            )
