"""Inputs of the batch actions on nominations: a reason, the council's vote, a decision.

These dialogs only collect and check what the clerk types (at the field); the page then runs the
action on every selected row through the write worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.errors import DomainError
from app.services.decision_fit import fitting_decisions
from app.services.decisions import list_decisions
from app.services.nominations import Vote, check_vote
from app.storage.db import Database
from app.text import clean, format_date

from ..error_catalogue import translate_message
from ..qt import QT_TRANSLATE_NOOP, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget, translate
from ..widgets.fields import FormDialog, date_edit, date_from, int_from


class ReasonDialog(FormDialog):
    """Return for revision / revoke: the reason is required (it is written in the log)."""

    context = "BatchDialog"
    saved: str

    def __init__(self, title: str, count: int, parent: QWidget | None = None) -> None:
        self.title = title
        self.count = count
        super().__init__(parent)

    def _build(self) -> None:
        self.reason = self.add_field("reason", QT_TRANSLATE_NOOP("BatchDialog", "Lý do"), QPlainTextEdit())
        self.reason.setTabChangesFocus(True)
        self.setMinimumWidth(440)

    def save(self) -> str:
        text = clean(self.reason.toPlainText())
        if not text:
            raise DomainError(translate("BatchDialog", "Cần ghi rõ lý do."), field="reason")
        return text


class VoteDialog(FormDialog):
    """The council's vote: agree and disagree counts over all council members."""

    context = "BatchDialog"
    title = QT_TRANSLATE_NOOP("BatchDialog", "Ghi kết quả bỏ phiếu của Hội đồng")
    saved: Vote

    def _build(self) -> None:
        self.council_size = self.add_field(
            "council_size", QT_TRANSLATE_NOOP("BatchDialog", "Tổng số thành viên Hội đồng"), QLineEdit()
        )
        self.votes_for = self.add_field(
            "votes_for", QT_TRANSLATE_NOOP("BatchDialog", "Số phiếu đồng ý"), QLineEdit()
        )
        self.votes_against = self.add_field(
            "votes_against", QT_TRANSLATE_NOOP("BatchDialog", "Số phiếu không đồng ý"), QLineEdit()
        )
        self.voted_on = self.add_field("voted_on", QT_TRANSLATE_NOOP("BatchDialog", "Ngày họp"), date_edit())
        self.voted_on.setText(format_date(dt.date.today()))

    def save(self) -> Vote:
        vote = Vote(
            votes_for=int_from(self.votes_for, "votes_for", translate("BatchDialog", "Số phiếu đồng ý")) or 0,
            votes_against=int_from(
                self.votes_against,
                "votes_against",
                translate("BatchDialog", "Số phiếu không đồng ý"),
                required=False,
            )
            or 0,
            council_size=int_from(
                self.council_size, "council_size", translate("BatchDialog", "Tổng số thành viên Hội đồng")
            )
            or 0,
            voted_on=date_from(self.voted_on, "voted_on", required=True),
        )
        check_vote(vote)
        return vote


class DecisionPickDialog(FormDialog):
    """Attach voted nominations to a decision (they become awards). Only the decisions that can
    grant every selected award are offered (issuer's authority, signed after the vote, the year),
    and none is chosen for the clerk; the ones left out are listed with why."""

    context = "BatchDialog"
    title = QT_TRANSLATE_NOOP("BatchDialog", "Đưa vào quyết định khen thưởng")
    saved: int  # the decision's id

    def __init__(
        self, db: Database, nomination_ids: Sequence[int] = (), parent: QWidget | None = None
    ) -> None:
        self.db, self.nomination_ids = db, tuple(nomination_ids)
        super().__init__(parent)

    def _build(self) -> None:
        self.decision = self.add_field(
            "decision", QT_TRANSLATE_NOOP("BatchDialog", "Quyết định"), QComboBox()
        )
        fit = fitting_decisions(self.db, self.nomination_ids)
        self.left_out: list[str] = []
        for d in list_decisions(self.db):
            label = f"{d.number_text} — {format_date(d.signed_on)} — {d.issuer}"
            if fit.get(d.id) is None:
                self.decision.addItem(label, d.id)
            else:
                self.left_out.append(f"{d.number_text}: {translate_message(str(fit[d.id]))}")
        self.decision.setCurrentIndex(-1)  # nothing chosen for the clerk
        self.unfit = QLabel()
        self.unfit.setObjectName("unfit")
        self.unfit.setWordWrap(True)
        self.unfit.setStyleSheet("color: #6d4c00;")
        self.unfit.setVisible(bool(self.left_out))
        if self.left_out:
            shown = self.left_out[:5] + (["…"] if len(self.left_out) > 5 else [])
            self.unfit.setText(translate("BatchDialog", "Không phù hợp (không hiện trong danh sách):") + "\n"
                               + "\n".join(shown))  # fmt: skip
        self.form.addRow(self.unfit)
        self.setMinimumWidth(520)

    def save(self) -> int:
        if self.decision.currentData() is None:
            message = (
                translate("BatchDialog", "Chưa chọn quyết định.")
                if self.decision.count()
                else translate("BatchDialog", "Không có quyết định nào phù hợp; hãy nhập quyết định trước.")
            )
            raise DomainError(message, field="decision")
        return int(self.decision.currentData())
