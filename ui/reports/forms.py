"""The options form of each report kind, built from the kinds ``app.documents.requests`` declares.

``FIELDS`` is the registry: for each option a label, a widget factory and a reader that turns
what was entered into the request's values. A kind's form shows exactly the options the kind
uses (``KINDS[kind].uses``) and marks those it needs. Which options are needed, and the checks
on them, stay in ``app``: the form adds only what a widget knows (a name typed but not picked from
the suggestions, a date that is not a date) and shows every error under its field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app.documents.requests import AUTHORITIES, KINDS, ReportRequest, problems
from app.errors import DomainError
from app.services.office import get_office
from app.storage.db import Database
from app.text import format_date

from ..error_catalogue import error_text
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets.fields import INVALID_STYLE, date_from, field_row
from ..widgets.lookup import LookupEdit, Search
from ..widgets.lookup_searches import (
    KeyedSearch,
    award_search,
    bloc_search,
    campaign_search,
    decision_search,
    person_search,
    unit_code_search,
)

Values = dict[str, object]

# The titles shown in the kind chooser, in the order the clerk meets them in a season.
TITLES = {
    "to-trinh": QT_TRANSLATE_NOOP("ReportForm", "Tờ trình đề nghị khen thưởng kèm danh sách"),
    "danh-sach": QT_TRANSLATE_NOOP("ReportForm", "Danh sách đề nghị khen thưởng theo danh hiệu"),
    "bien-ban": QT_TRANSLATE_NOOP("ReportForm", "Biên bản họp Hội đồng Thi đua - Khen thưởng"),
    "quyet-dinh": QT_TRANSLATE_NOOP("ReportForm", "Quyết định khen thưởng kèm danh sách"),
    "thanh-tich-ca-nhan": QT_TRANSLATE_NOOP("ReportForm", "Báo cáo thành tích cá nhân"),
    "thanh-tich-tap-the": QT_TRANSLATE_NOOP("ReportForm", "Báo cáo thành tích tập thể"),
    "xep-hang": QT_TRANSLATE_NOOP("ReportForm", "Báo cáo xếp hạng khối thi đua"),
    "thong-ke": QT_TRANSLATE_NOOP("ReportForm", "Thống kê khen thưởng theo đơn vị, danh hiệu, năm"),
    "qua-trinh-ca-nhan": QT_TRANSLATE_NOOP("ReportForm", "Quá trình khen thưởng của cá nhân"),
    "qua-trinh-don-vi": QT_TRANSLATE_NOOP("ReportForm", "Quá trình khen thưởng của đơn vị"),
    "chi-tien-thuong": QT_TRANSLATE_NOOP(
        "ReportForm", "Danh sách chi tiền thưởng (theo quyết định, đơn vị, năm)"
    ),
    # The bloc's year (issue #15).
    "giao-uoc": QT_TRANSLATE_NOOP("ReportForm", "Giao ước thi đua của khối"),
    "so-ket-khoi": QT_TRANSLATE_NOOP("ReportForm", "Báo cáo sơ kết 6 tháng của khối thi đua"),
    "tong-ket-khoi": QT_TRANSLATE_NOOP("ReportForm", "Báo cáo tổng kết năm của khối thi đua"),
    "bien-ban-khoi": QT_TRANSLATE_NOOP("ReportForm", "Biên bản họp khối thi đua"),
    "to-trinh-khoi": QT_TRANSLATE_NOOP(
        "ReportForm", "Tờ trình của Trưởng khối đề nghị Cờ thi đua, Bằng khen"
    ),
    # Exemplars (issue #15 item 7): for the conference of advanced exemplars.
    "dien-hinh": QT_TRANSLATE_NOOP("ReportForm", "Danh sách gương điển hình tiên tiến (Hội nghị điển hình)"),
    "trich-ngang": QT_TRANSLATE_NOOP("ReportForm", "Trích ngang thành tích gương điển hình tiên tiến"),
}
# The bloc's scoring periods a form offers (app.model.ScorePeriodKind's values).
PERIODS = (
    ("year", QT_TRANSLATE_NOOP("ReportForm", "Cả năm")),
    ("h1", QT_TRANSLATE_NOOP("ReportForm", "6 tháng đầu năm")),
)
# Options a form leaves out because another widget gives them (the decision carries its year).
GIVEN_BY_OTHERS = {"quyet-dinh": {"year"}}
# The lists and statistics count by the unit that submitted the nominations.
SUBMITTING = {"to-trinh", "danh-sach", "bien-ban", "thong-ke"}
SUBMITTING_LABEL = QT_TRANSLATE_NOOP("ReportForm", "Đơn vị trình")
SHARED = ("issuer", "parent", "place", "signer_title", "signer", "authority", "on_behalf")
# Options remembered from the last document of the same kind (the office's details, set once on
# their own page, take precedence): who is addressed, the council, its members, the recipients.
REMEMBERED = SHARED + (
    "to", "recipient", "council", "members_total", "member", "chair", "secretary", "meeting_place",
)  # fmt: skip
OPTIONAL_HINT = QT_TRANSLATE_NOOP("ReportForm", "Để trống: tất cả")
EXAMPLE = QT_TRANSLATE_NOOP("ReportForm", "ví dụ: {0}")  # a hint never reads as a filled value


@dataclass(frozen=True)
class Field:
    label: str  # source text in the "ReportForm" context
    make: Callable[[Database], QWidget]
    read: Callable[[QWidget, str], Values]  # (widget, option name) → request values


# -- widgets and readers ---------------------------------------------------------------------
def _year(_db: Database) -> QWidget:
    box = QSpinBox()
    box.setRange(1945, 2200)
    box.setValue(dt.date.today().year)
    return box


def _read_year(w: QWidget, name: str) -> Values:
    assert isinstance(w, QSpinBox)
    return {name: w.value()}


class YearSpan(QWidget):
    """From one year to another, both included."""

    def __init__(self) -> None:
        super().__init__()
        self.first, self.last = QSpinBox(), QSpinBox()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.dash = QLabel("–")
        for w in (self.first, self.dash, self.last):
            row.addWidget(w)
        row.addStretch(1)
        this_year = dt.date.today().year
        for box, value in ((self.first, this_year - 1), (self.last, this_year)):
            box.setRange(1945, 2200)
            box.setValue(value)


def _read_years(w: QWidget, name: str) -> Values:
    span = w
    assert isinstance(span, YearSpan)
    first, last = span.first.value(), span.last.value()
    if first > last:
        raise DomainError(translate("ReportForm", "Năm đầu phải trước hoặc bằng năm cuối."), field=name)
    return {name: tuple(range(first, last + 1))}


def _lookup(search: Callable[[Database], Search]) -> Callable[[Database], QWidget]:
    return lambda db: LookupEdit(search(db))


def _picked(w: QWidget, name: str) -> object | None:
    """The key of the pick (a code, an id), None when nothing is typed; a DomainError when a text
    was typed but no suggestion chosen."""
    edit = w
    assert isinstance(edit, LookupEdit)
    if edit.value is None:
        if edit.text().strip():
            raise DomainError(translate("ReportForm", "Hãy chọn một mục trong danh sách gợi ý."), field=name)
        return None
    search = edit.search
    return search.keys.get(edit.value, edit.value) if isinstance(search, KeyedSearch) else edit.value


def _read_pick(w: QWidget, name: str) -> Values:
    return {name: _picked(w, name)}


def _read_award(w: QWidget, name: str) -> Values:
    code = _picked(w, name)
    return {name: (code,) if code else ()}


def _read_decision(w: QWidget, name: str) -> Values:
    key = _picked(w, name)
    if key is None:
        return {name: None}
    assert isinstance(key, tuple)  # a decision's key: (number, year)
    number, year = key
    return {name: number, "year": year}


def _line(placeholder: str = "") -> Callable[[Database], QWidget]:
    def make(_db: Database) -> QWidget:
        edit = QLineEdit()
        edit.setProperty("hint", placeholder)
        return edit

    return make


def _read_text(w: QWidget, name: str) -> Values:
    assert isinstance(w, QLineEdit)
    return {name: " ".join(w.text().split())}


def _date(_db: Database) -> QWidget:
    edit = QLineEdit(format_date(dt.date.today()))
    edit.setProperty("hint", "dd/mm/yyyy")
    edit.setMaxLength(10)
    return edit


def _read_date(w: QWidget, name: str) -> Values:
    assert isinstance(w, QLineEdit)
    return {name: date_from(w, name)}


def _authority(_db: Database) -> QWidget:
    box = QComboBox()
    for a in AUTHORITIES:
        box.addItem(a or "—", a)
    return box


def _read_authority(w: QWidget, name: str) -> Values:
    assert isinstance(w, QComboBox)
    return {name: w.currentData()}


def _period(_db: Database) -> QWidget:
    box = QComboBox()
    for value, text in PERIODS:
        box.addItem(translate("ReportForm", text), value)
    return box


def _count(_db: Database) -> QWidget:
    box = QSpinBox()
    box.setRange(0, 999)
    box.setSpecialValueText("—")
    return box


def _read_count(w: QWidget, name: str) -> Values:
    assert isinstance(w, QSpinBox)
    return {name: w.value() or None}


def _lines(text: str = "") -> Callable[[Database], QWidget]:
    def make(_db: Database) -> QWidget:
        edit = QPlainTextEdit(text)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(64)
        return edit

    return make


def _read_lines(w: QWidget, name: str) -> Values:
    assert isinstance(w, QPlainTextEdit)
    return {name: tuple(x for x in (" ".join(line.split()) for line in w.toPlainText().splitlines()) if x)}


FIELDS: dict[str, Field] = {
    "year": Field(QT_TRANSLATE_NOOP("ReportForm", "Năm"), _year, _read_year),
    "years": Field(QT_TRANSLATE_NOOP("ReportForm", "Các năm"), lambda _db: YearSpan(), _read_years),
    "award": Field(QT_TRANSLATE_NOOP("ReportForm", "Danh hiệu, hình thức"), _lookup(award_search), _read_award),
    "unit": Field(QT_TRANSLATE_NOOP("ReportForm", "Đơn vị"), _lookup(unit_code_search), _read_pick),
    "campaign": Field(QT_TRANSLATE_NOOP("ReportForm", "Phong trào thi đua"), _lookup(campaign_search), _read_pick),
    "bloc": Field(QT_TRANSLATE_NOOP("ReportForm", "Khối thi đua"), _lookup(bloc_search), _read_pick),
    "person": Field(QT_TRANSLATE_NOOP("ReportForm", "Cá nhân"), _lookup(person_search), _read_pick),
    "decision": Field(QT_TRANSLATE_NOOP("ReportForm", "Quyết định"), _lookup(decision_search), _read_decision),
    "to": Field(QT_TRANSLATE_NOOP("ReportForm", "Kính gửi"), _line(QT_TRANSLATE_NOOP("ReportForm", "Ủy ban nhân dân tỉnh")), _read_text),
    "number": Field(QT_TRANSLATE_NOOP("ReportForm", "Số văn bản"), _line("12/TTr-SNV"), _read_text),
    "date": Field(QT_TRANSLATE_NOOP("ReportForm", "Ngày"), _date, _read_date),
    "issuer": Field(QT_TRANSLATE_NOOP("ReportForm", "Cơ quan ban hành"), _line(QT_TRANSLATE_NOOP("ReportForm", "SỞ NỘI VỤ")), _read_text),
    "parent": Field(QT_TRANSLATE_NOOP("ReportForm", "Cơ quan chủ quản"), _line(QT_TRANSLATE_NOOP("ReportForm", "UBND TỈNH TÂY NINH")), _read_text),
    "place": Field(QT_TRANSLATE_NOOP("ReportForm", "Địa danh"), _line(QT_TRANSLATE_NOOP("ReportForm", "Tây Ninh")), _read_text),
    "signer_title": Field(QT_TRANSLATE_NOOP("ReportForm", "Chức vụ người ký"), _line(QT_TRANSLATE_NOOP("ReportForm", "PHÓ GIÁM ĐỐC")), _read_text),
    "signer": Field(QT_TRANSLATE_NOOP("ReportForm", "Người ký"), _line(), _read_text),
    "authority": Field(QT_TRANSLATE_NOOP("ReportForm", "Thẩm quyền ký"), _authority, _read_authority),
    "on_behalf": Field(QT_TRANSLATE_NOOP("ReportForm", "Thay mặt"), _line(QT_TRANSLATE_NOOP("ReportForm", "GIÁM ĐỐC")), _read_text),
    "recipient": Field(QT_TRANSLATE_NOOP("ReportForm", "Nơi nhận (mỗi dòng một nơi)"), _lines("Như trên;\nLưu: VT."), _read_lines),
    "council": Field(QT_TRANSLATE_NOOP("ReportForm", "Hội đồng"), _line(QT_TRANSLATE_NOOP("ReportForm", "Hội đồng Thi đua - Khen thưởng Sở Nội vụ")), _read_text),
    "members_total": Field(QT_TRANSLATE_NOOP("ReportForm", "Tổng số thành viên"), _count, _read_count),
    "member": Field(QT_TRANSLATE_NOOP("ReportForm", "Thành viên dự họp (mỗi dòng một người)"), _lines(), _read_lines),
    "chair": Field(QT_TRANSLATE_NOOP("ReportForm", "Chủ tịch Hội đồng"), _line(), _read_text),
    "secretary": Field(QT_TRANSLATE_NOOP("ReportForm", "Thư ký"), _line(), _read_text),
    "meeting_place": Field(QT_TRANSLATE_NOOP("ReportForm", "Địa điểm họp"), _line(), _read_text),
    "period": Field(QT_TRANSLATE_NOOP("ReportForm", "Kỳ"), _period, _read_authority),
}  # fmt: skip


def form_fields(kind: str) -> list[str]:
    """The options a kind's form shows, in order."""
    return [n for n in KINDS[kind].uses if n not in GIVEN_BY_OTHERS.get(kind, set())]


class ReportForm(QWidget):
    """One kind's options, each with an error line under it."""

    def __init__(
        self, db: Database, kind: str, parent: QWidget | None = None, remembered: dict[str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.widgets: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._labels: list[tuple[QLabel, str]] = []
        self.form = QFormLayout()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.form)
        outer.addStretch(1)
        needs = KINDS[kind].needs
        for name in form_fields(kind):
            spec = FIELDS[name]
            widget = spec.make(db)
            widget.setObjectName(name)
            box, error, label = field_row(name, widget)
            label.setProperty("required", name in needs)
            self._labels.append(
                (label, SUBMITTING_LABEL if name == "unit" and kind in SUBMITTING else spec.label)
            )
            self.form.addRow(label, box)
            self.widgets[name], self._errors[name] = widget, error
        office = get_office(db).values()
        self.fill(office)
        self.restore({k: v for k, v in (remembered or {}).items() if not office.get(k)})
        self.retranslate()

    def fill(self, values: dict[str, str]) -> None:
        """Put ``values`` (the office's details) into the empty text fields and choices they name."""
        for name, value in values.items():
            widget = self.widgets.get(name)
            if isinstance(widget, QLineEdit) and not isinstance(widget, LookupEdit) and not widget.text():
                widget.setText(value)
            elif isinstance(widget, QComboBox) and widget.findData(value) >= 0:
                widget.setCurrentIndex(widget.findData(value))

    def remembered(self) -> dict[str, str]:
        """The values of this form worth offering again next time (see :data:`REMEMBERED`)."""
        out: dict[str, str] = {}
        for name in REMEMBERED:
            widget = self.widgets.get(name)
            if isinstance(widget, QLineEdit) and not isinstance(widget, LookupEdit):
                out[name] = widget.text().strip()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText().strip()
            elif isinstance(widget, QComboBox):
                out[name] = str(widget.currentData() or "")
            elif isinstance(widget, QSpinBox):
                out[name] = str(widget.value())
        return out

    def restore(self, values: dict[str, str]) -> None:
        """Put back what :meth:`remembered` gave; a value that no longer fits is left out."""
        for name, value in values.items():
            widget = self.widgets.get(name)
            if name not in REMEMBERED or widget is None:
                continue
            if isinstance(widget, QLineEdit) and not isinstance(widget, LookupEdit):
                widget.setText(value)
            elif isinstance(widget, QPlainTextEdit) and value:
                widget.setPlainText(value)
            elif isinstance(widget, QComboBox) and widget.findData(value) >= 0:
                widget.setCurrentIndex(widget.findData(value))
            elif isinstance(widget, QSpinBox) and value.isdigit():
                widget.setValue(int(value))

    def retranslate(self) -> None:
        needs = KINDS[self.kind].needs
        for label, text in self._labels:
            label.setText(translate("ReportForm", text) + (" *" if label.property("required") else "") + ":")
        for name, widget in self.widgets.items():
            hint = widget.property("hint")
            if isinstance(widget, QLineEdit):
                if isinstance(widget, LookupEdit) and name not in needs:
                    widget.setPlaceholderText(translate("ReportForm", OPTIONAL_HINT))
                elif hint:
                    widget.setPlaceholderText(
                        translate("ReportForm", EXAMPLE).format(translate("ReportForm", str(hint)))
                    )

    # -- reading -------------------------------------------------------------------------------
    def request(self) -> ReportRequest:
        """The request the form describes; every error is shown under its field and the first
        is raised. Nothing is made or written while one stands."""
        self.clear_errors()
        values: Values = {}
        errors: list[DomainError] = []
        for name, widget in self.widgets.items():
            try:
                values.update(FIELDS[name].read(widget, name))
            except DomainError as exc:
                errors.append(exc)
        req = ReportRequest.from_options(self.kind, values)
        seen = {e.field for e in errors}
        errors += [e for e in problems(req) if e.field not in seen]
        for error in errors:
            self.show_error(error)
        if errors:
            raise errors[0]
        return req

    def value(self, name: str) -> object | None:
        """What one field reads as (None when the form has no such field); a DomainError at it
        when what was typed cannot be read."""
        widget = self.widgets.get(name)
        return None if widget is None else FIELDS[name].read(widget, name).get(name)

    def carry_over(self, other: ReportForm) -> None:
        """Take the letterhead and signer typed in another kind's form into the empty fields here,
        so that switching kinds does not mean typing them again."""
        for name in SHARED:
            mine, theirs = self.widgets.get(name), other.widgets.get(name)
            if (
                isinstance(mine, QLineEdit)
                and isinstance(theirs, QLineEdit)
                and not mine.text()
                and theirs.text()
            ):
                mine.setText(theirs.text())
            elif isinstance(mine, QComboBox) and isinstance(theirs, QComboBox) and mine.currentIndex() == 0:
                mine.setCurrentIndex(theirs.currentIndex())

    # -- errors --------------------------------------------------------------------------------
    def has_field(self, name: str | None) -> bool:
        return name in self.widgets

    def error_text(self, name: str) -> str:
        error = self._errors[name]
        return error.text() if error.isVisibleTo(self) else ""

    def clear_errors(self) -> None:
        for name, error in self._errors.items():
            error.hide()
            error.clear()
            self.widgets[name].setStyleSheet("")

    def show_error(self, exc: DomainError) -> bool:
        """Show ``exc`` under its field; False when it is about no field of this form."""
        if exc.field not in self._errors:
            return False
        error = self._errors[exc.field]
        if not error.text():
            error.setText(error_text(exc))
            error.show()
            self.widgets[exc.field].setStyleSheet(INVALID_STYLE)
        return True
