"""The nomination entry form — the clerk's hot path.

Type part of a name (no tones needed) and press Enter to pick the nominee; the award list holds
only what fits the target and is in force in the year; the verdict panel follows every change;
Ctrl+S saves and clears the nominee for the next one, keeping year, award and campaign.
"""

from __future__ import annotations

import datetime as dt

from app.errors import DomainError
from app.model import AwardTarget
from app.rules.engine import Checker
from app.services.attachments import Owner
from app.services.campaigns import list_campaigns
from app.services.catalogue import check_target, list_awards
from app.services.nomination_history import returned, steps
from app.services.nominations import (
    NominationInput,
    NominationRecord,
    create_nomination,
    get_nomination,
    update_nomination,
)
from app.storage.db import Database

from ..error_catalogue import error_text
from ..labels import label
from ..operations import Pending
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QDialogButtonBox,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QShortcut,
    QSpinBox,
    QTimer,
    QWidget,
    Signal,
    translate,
)
from ..widgets.attachments import AttachmentsBox
from ..widgets.fields import FormDialog
from ..widgets.history import NOTICE_STYLE, HistoryTable, local_time
from ..widgets.lookup import LookupEdit
from ..widgets.lookup_searches import person_search, unit_names, unit_search
from ..widgets.verdict import VerdictPanel

VERDICT_DELAY_MS = 120


class NominationForm(FormDialog):
    context = "NominationForm"
    title = QT_TRANSLATE_NOOP("NominationForm", "Đề nghị khen thưởng")
    aliases = {"award_id": "award", "person_id": "nominee", "unit_id": "nominee", "campaign_id": "campaign"}
    saved_one = Signal(int)  # a nomination was saved (its id)

    def __init__(
        self,
        db: Database,
        nomination_id: int | None = None,
        *,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.db, self.nomination_id = db, nomination_id
        self._units = unit_names(db)
        self._checker: Checker | None = None
        self._loading = False
        self._version: int | None = None
        self._year0 = year or dt.date.today().year
        self.saved_ids: list[int] = []
        super().__init__(parent)
        self._verdict_timer = QTimer(self, singleShot=True, interval=VERDICT_DELAY_MS)
        self._verdict_timer.timeout.connect(self.update_verdict)
        self.year.valueChanged.connect(lambda _v: self._reload_choices())
        self.target.currentIndexChanged.connect(lambda _i: self._target_changed())
        self.nominee.picked.connect(lambda _id: self._changed())
        self.award.currentIndexChanged.connect(lambda _i: self._changed())
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_and_next)
        self._reload_choices()
        if nomination_id is not None:
            self._load(nomination_id)
        self.update_verdict()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.notice = QLabel()
        self.notice.setObjectName("returnedNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.form.addRow(self.notice)
        self.year = self.add_field("year", QT_TRANSLATE_NOOP("NominationForm", "Năm"), QSpinBox())
        self.year.setRange(1945, 2200)
        self.year.setValue(self._year0)
        self.target = self.add_field("target", QT_TRANSLATE_NOOP("NominationForm", "Đối tượng"), QComboBox())
        for target in (AwardTarget.INDIVIDUAL, AwardTarget.COLLECTIVE, AwardTarget.HOUSEHOLD):
            self.target.addItem(label(target), target.value)
        self.nominee = self.add_field(
            "nominee",
            QT_TRANSLATE_NOOP("NominationForm", "Cá nhân / tập thể"),
            LookupEdit(person_search(self.db, self._units)),
        )
        self.award = self.add_field(
            "award", QT_TRANSLATE_NOOP("NominationForm", "Danh hiệu, hình thức"), QComboBox()
        )
        self.award.setPlaceholderText(translate("NominationForm", "— chọn danh hiệu, hình thức —"))
        self.campaign = self.add_field(
            "campaign", QT_TRANSLATE_NOOP("NominationForm", "Phong trào"), QComboBox()
        )
        self.achievement = self.add_field(
            "achievement", QT_TRANSLATE_NOOP("NominationForm", "Tóm tắt thành tích"), QPlainTextEdit()
        )
        self.achievement.setTabChangesFocus(True)
        self.achievement.setMaximumHeight(110)
        self.verdict = VerdictPanel()
        self.form.addRow(self.verdict)
        self.last_saved = QLabel()
        self.last_saved.setObjectName("lastSaved")
        self.last_saved.setWordWrap(True)
        self.form.addRow(self.last_saved)
        if self.nomination_id is not None:
            self.history = HistoryTable()
            self.form.addRow(self.history)
            self.attachments = AttachmentsBox(self.db, Owner.nomination(self.nomination_id))
            self.form.addRow(self.attachments)
        self.setMinimumWidth(600)

    def retranslate(self) -> None:
        super().retranslate()
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if self.nomination_id is None:
            save.setText(translate("NominationForm", "&Lưu và nhập tiếp (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("NominationForm", "Đóng")
        )
        self.nominee.setPlaceholderText(
            translate("NominationForm", "Gõ một phần tên, không cần dấu, rồi Enter")
        )
        self.verdict.retranslate()

    # -- choices follow year and target -------------------------------------------------------
    def _target(self) -> AwardTarget:
        return AwardTarget(self.target.currentData())

    def _target_changed(self) -> None:
        is_unit = self._target() is AwardTarget.COLLECTIVE
        self.nominee.set_search(unit_search(self.db) if is_unit else person_search(self.db, self._units))
        self._reload_choices()

    def _reload_choices(self) -> None:
        year = self.year.value()
        current_award, current_campaign = self.award.currentData(), self.campaign.currentData()
        self._loading = True
        try:
            self.award.clear()
            for award in list_awards(self.db, target=self._target(), year=year):
                self.award.addItem(award.name, award.id)
            self._awards = {a.id: a for a in list_awards(self.db, year=year)}
            # none until chosen: the first of the list (Chiến sĩ tiên tiến) taken unnoticed is a wrong award
            self.award.setCurrentIndex(self.award.findData(current_award))
            self.campaign.clear()
            self.campaign.addItem(translate("NominationForm", "(không theo phong trào)"), None)
            for campaign in list_campaigns(self.db, year):
                self.campaign.addItem(campaign.name, campaign.id)
            index = self.campaign.findData(current_campaign)
            self.campaign.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False
        self._changed()

    def _load(self, nomination_id: int) -> None:
        back = returned(self.db, nomination_id)
        if back is not None:  # why it came back, before anything else
            self.notice.setText(
                translate("NominationForm", "Hồ sơ bị trả lại ngày {0}, người trả: {1}. Lý do: {2}").format(
                    local_time(back.at), back.by, back.reason
                )
            )
            self.notice.show()
        self.history.show_steps(steps(self.db, nomination_id))
        n = get_nomination(self.db, nomination_id)
        self._version = n.version
        self.year.setValue(n.year)
        target = AwardTarget.COLLECTIVE if n.person_id is None else self._awards[n.award_id].target
        self.target.setCurrentIndex(self.target.findData(target.value))
        self.nominee.set_value(n.person_id or n.unit_id, n.nominee_name)
        self.award.setCurrentIndex(self.award.findData(n.award_id))
        self.campaign.setCurrentIndex(max(self.campaign.findData(n.campaign_id), 0))
        self.achievement.setPlainText(n.achievement)

    # -- the live verdict ----------------------------------------------------------------------
    def _changed(self) -> None:
        if not self._loading:
            self._verdict_timer.start()

    def update_verdict(self) -> None:
        """A saved, unchanged nomination: the rules engine's verdict; otherwise the pre-checks."""
        self._verdict_timer.stop()
        award = self._awards.get(self.award.currentData()) if hasattr(self, "_awards") else None
        if self.nominee.value is None or award is None:
            self.verdict.show_none()
            return
        if self.nomination_id is not None and not self._edited():
            self._show_saved_verdict(self.nomination_id)
            return
        if self.nomination_id is not None:
            # Edited but not saved yet: the target check stands in until it is saved.
            problems = []
            try:
                check_target(award, is_person=self._target() is not AwardTarget.COLLECTIVE)
            except DomainError as exc:
                problems.append(error_text(exc))
            self.verdict.show_draft(problems)
            return
        if self._checker is None:
            self._checker = Checker(self.db)
        try:
            self.verdict.show_verdict(self._checker.preview(self._input()))
        except DomainError as exc:
            self.verdict.show_draft([error_text(exc)])

    def _edited(self) -> bool:
        assert self.nomination_id is not None  # asked only of a saved nomination
        n = get_nomination(self.db, self.nomination_id)
        return (n.award_id, n.year, n.person_id or n.unit_id) != (
            self.award.currentData(),
            self.year.value(),
            self.nominee.value,
        )

    def _show_saved_verdict(self, nomination_id: int) -> None:
        if self._checker is None:
            self._checker = Checker(self.db)
        try:
            self.verdict.show_verdict(self._checker.check(nomination_id))
        except DomainError as exc:
            self.verdict.show_draft([error_text(exc)])

    # -- saving --------------------------------------------------------------------------------
    def _input(self) -> NominationInput:
        if self.nominee.value is None:
            raise DomainError(
                translate("NominationForm", "Chọn cá nhân hoặc tập thể từ danh sách gợi ý."), field="nominee"
            )
        if self.award.currentData() is None:
            raise DomainError(
                translate("NominationForm", "Chọn danh hiệu, hình thức khen thưởng."), field="award"
            )
        is_unit = self._target() is AwardTarget.COLLECTIVE
        return NominationInput(
            year=self.year.value(),
            award_id=int(self.award.currentData()),
            person_id=None if is_unit else self.nominee.value,
            unit_id=self.nominee.value if is_unit else None,
            campaign_id=self.campaign.currentData(),
            achievement=self.achievement.toPlainText(),
        )

    def save(self) -> object:
        data = self._input()
        nomination_id, version = self.nomination_id, self._version
        if nomination_id is None:
            return Pending(lambda: create_nomination(self.db, data))
        return Pending(lambda: update_nomination(self.db, nomination_id, data, expected_version=version))

    def accept(self) -> None:
        if self.nomination_id is None:
            self.save_and_next()
        else:
            self.submit(lambda _saved: self._closed_saved())

    def _closed_saved(self) -> None:
        assert self.nomination_id is not None
        super().accept()
        self.saved_one.emit(self.nomination_id)

    def save_and_next(self) -> None:
        """Save, show what was saved with its verdict, and clear the nominee for the next one."""
        if self.nomination_id is not None:
            self.accept()
            return
        self.submit(self._saved_next)

    def _saved_next(self, saved: object) -> None:
        assert isinstance(saved, NominationRecord)  # what save()'s write returns
        nid = saved.id
        self.saved_ids.append(nid)
        self.last_saved.setText(
            translate("NominationForm", "Đã lưu hồ sơ số {0}: {1} — {2}.").format(
                nid, saved.nominee_name, self.award.currentText()
            )
        )
        self.saved_one.emit(nid)
        self.nominee.clear_value()
        self.achievement.clear()
        self._verdict_timer.stop()  # keep the saved one's verdict up until the next edit
        self._show_saved_verdict(nid)
        self.nominee.setFocus()
