"""What the bloc's secretariat writes for a review (results and strengths, limitations, tasks) and
what the meeting's minutes record (each member's attendance, the votes): kept by the app
(app.services.bloc_review) and printed by the bloc's documents. Opened from the Reports page."""

from __future__ import annotations

from app.model import ScorePeriodKind
from app.services.bloc_review import Attendance, BlocReview, get_review, set_review
from app.services.blocs import may_run_secretariat, members
from app.storage.db import Database

from ..operations import Pending
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
    translate,
)
from ..widgets.fields import FormDialog

TEXTS = (
    ("results", QT_TRANSLATE_NOOP("BlocReviewDialog", "Kết quả nổi bật, ưu điểm")),
    ("limitations", QT_TRANSLATE_NOOP("BlocReviewDialog", "Hạn chế, tồn tại")),
    ("tasks", QT_TRANSLATE_NOOP("BlocReviewDialog", "Nhiệm vụ kỳ tới")),
)
VOTES = (
    ("votes_standings", QT_TRANSLATE_NOOP("BlocReviewDialog", "Số đơn vị đồng ý kết quả xếp hạng")),
    ("votes_proposals", QT_TRANSLATE_NOOP("BlocReviewDialog", "Số đơn vị đồng ý đề nghị khen thưởng")),
)
# An attendance not recorded stays so (the minutes say «Chưa ghi»), never taken for an absence.
STATES = (
    (None, QT_TRANSLATE_NOOP("BlocReviewDialog", "— chưa ghi")),
    (True, QT_TRANSLATE_NOOP("BlocReviewDialog", "Có mặt")),
    (False, QT_TRANSLATE_NOOP("BlocReviewDialog", "Vắng mặt")),
)


class AttendanceRow(QWidget):
    """One member unit: present, absent or not recorded, and who came for it."""

    def __init__(self, value: Attendance | None) -> None:
        super().__init__()
        self.state = QComboBox()
        for _value, text in STATES:
            self.state.addItem(translate("BlocReviewDialog", text))
        self.by = QLineEdit(value.by if value is not None else "")
        self.by.setPlaceholderText(translate("BlocReviewDialog", "Người dự họp, chức vụ"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state)
        row.addWidget(self.by, 1)
        index = 0 if value is None else (1 if value.present else 2)
        self.state.setCurrentIndex(index)

    def value(self) -> Attendance | None:
        present = STATES[self.state.currentIndex()][0]
        return None if present is None else Attendance(present, self.by.text() if present else "")


class BlocReviewDialog(FormDialog):
    context = "BlocReviewDialog"
    title = QT_TRANSLATE_NOOP("BlocReviewDialog", "Nội dung nhận xét của khối")

    def __init__(
        self, db: Database, bloc_id: int, year: int, period: ScorePeriodKind, parent: QWidget | None = None
    ) -> None:
        self.db, self.bloc_id, self.year, self.period = db, bloc_id, year, period
        self.members = members(db, bloc_id, year)
        self.kept = get_review(db, bloc_id, year, period)
        super().__init__(parent)
        for name, _label in TEXTS:
            self._text(name).setPlainText(getattr(self.kept, name))
        self._text("vote_note").setPlainText(self.kept.vote_note)
        for name, _label in VOTES:
            value = getattr(self.kept, name)
            self._spin(name).setValue(-1 if value is None else value)
        self.writable = not db.read_only and may_run_secretariat(db, bloc_id, year)
        if not self.writable:  # what the secretariat wrote, to read: saving would be refused
            self._read_only()

    def _read_only(self) -> None:
        for edit in self.findChildren(QPlainTextEdit) + self.findChildren(QLineEdit):
            edit.setReadOnly(True)
        for box in self.findChildren(QComboBox) + self.findChildren(QSpinBox):
            box.setEnabled(False)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("BlocReviewDialog", "Đóng")
        )
        self.banner.setStyleSheet("")
        self.banner.setText(
            translate(
                "BlocReviewDialog",
                "Chỉ xem: nội dung này do thư ký khối (đơn vị khối trưởng, khối phó của năm) ghi.",
            )
        )
        self.banner.show()

    def _text(self, name: str) -> QPlainTextEdit:
        edit = self.field(name)
        assert isinstance(edit, QPlainTextEdit)  # as _build made it
        return edit

    def _spin(self, name: str) -> QSpinBox:
        box = self.field(name)
        assert isinstance(box, QSpinBox)
        return box

    def _build(self) -> None:
        for name, label in TEXTS:
            edit = self.add_field(name, label, QPlainTextEdit())
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(72)
        self.rows: dict[str, AttendanceRow] = {}
        for m in self.members:  # the unit's own name labels its row (no translation)
            self.rows[m.code] = self.add_field(
                f"attendance:{m.code}", m.name, AttendanceRow(self.kept.attendance.get(m.code))
            )
        for name, label in VOTES:
            box = self.add_field(name, label, QSpinBox())
            box.setRange(-1, 999)
            box.setSpecialValueText(translate("BlocReviewDialog", "— chưa ghi"))
        note = self.add_field(
            "vote_note", QT_TRANSLATE_NOOP("BlocReviewDialog", "Ghi chú về biểu quyết"), QPlainTextEdit()
        )
        note.setTabChangesFocus(True)
        note.setFixedHeight(56)
        self.setMinimumWidth(640)

    def review(self) -> BlocReview:
        attendance = {code: a for code, row in self.rows.items() if (a := row.value()) is not None}
        votes = {name: (v if (v := self._spin(name).value()) >= 0 else None) for name, _l in VOTES}
        return BlocReview(
            **{name: self._text(name).toPlainText() for name, _l in TEXTS},
            attendance=attendance,
            vote_note=self._text("vote_note").toPlainText(),
            votes_standings=votes["votes_standings"],
            votes_proposals=votes["votes_proposals"],
        )

    def save(self) -> object:
        review = self.review()
        return Pending(lambda: set_review(self.db, self.bloc_id, self.year, self.period, review))
