"""The base of every entry dialog: labelled fields, each with its own error line.

A :class:`~app.errors.DomainError` carries the name of the field it is about; the dialog shows
the message under that field, marks it and puts the cursor there. Errors about no field go to
the banner at the top. Nothing is saved while an error stands: ``save`` checks the fields on the
GUI thread and raises, or returns a :class:`~ui.operations.Pending` write that runs on the writer
thread as one operation (ui.operations); the dialog closes when it has succeeded and shows the
service's refusal at its field otherwise. Dialogs that only collect input return the value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal, TypeVar, overload

from app.errors import DomainError, user_message
from app.text import parse_date

from ..error_catalogue import error_text
from ..operations import Pending, run_write
from ..qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    translate,
)

W = TypeVar("W", bound=QWidget)
# The signal each kind of field emits when the user changes it (the first one it has).
_CHANGE_SIGNALS = ("textChanged", "currentIndexChanged", "valueChanged", "toggled", "itemSelectionChanged")
ERROR_STYLE = "color: #b71c1c;"
INVALID_STYLE = "border: 1px solid #c62828; background: #fff5f5;"


def field_row(name: str, widget: QWidget) -> tuple[QWidget, QLabel, QLabel]:
    """The parts of a form row: ``widget`` with its (hidden) error line under it, and a label
    whose buddy it is; the label's text is the caller's, set when it (re)translates."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    error = QLabel()
    error.setObjectName(f"error:{name}")
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    column.addWidget(error)
    label = QLabel()
    label.setBuddy(widget)
    return box, error, label


class FormDialog(QDialog):
    """Subclasses lay out fields in ``_build`` with :meth:`add_field` and write in ``save``."""

    context = "Form"
    title = ""
    aliases: dict[str, str] = {}  # service field name → our field name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._labels: list[tuple[QLabel, str]] = []
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.hide()
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        self._build()
        layout.addWidget(self.buttons)
        self.retranslate()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        raise NotImplementedError

    def add_field(self, name: str, text: str, widget: W) -> W:
        """A row "label: widget" with an error line under the widget; ``text`` is the source
        text in this dialog's context (marked with QT_TRANSLATE_NOOP where it is written)."""
        box, error, label = field_row(name, widget)
        self._labels.append((label, text))
        self.form.addRow(label, box)
        widget.setObjectName(name)
        self._fields[name] = (widget, error)
        changed = next((getattr(widget, s) for s in _CHANGE_SIGNALS if hasattr(widget, s)), None)
        if changed is not None:  # a corrected field loses its error at once, not at the next save
            changed.connect(lambda *_: self.clear_error(name))
        return widget

    def retranslate(self) -> None:
        if self.title:
            self.setWindowTitle(translate(self.context, self.title))
        for label, text in self._labels:
            label.setText(translate(self.context, text) + ":")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("Form", "&Lưu"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Form", "Hủy"))

    # -- errors ------------------------------------------------------------------------------
    def field(self, name: str) -> QWidget:
        return self._fields[name][0]

    def error_text(self, name: str) -> str:
        """The error shown under a field ("" when none) — what the user reads."""
        error = self._fields[name][1]
        return error.text() if error.isVisibleTo(self) else ""

    def clear_error(self, name: str) -> None:
        widget, error = self._fields[name]
        if error.isVisibleTo(self) or error.text():
            error.hide()
            error.clear()
            widget.setStyleSheet("")

    def clear_errors(self) -> None:
        self.banner.hide()
        self.banner.clear()
        for name in self._fields:
            self.clear_error(name)

    def show_error(self, exc: DomainError) -> None:
        name = self.aliases.get(exc.field or "", exc.field or "")
        if name in self._fields:
            widget, error = self._fields[name]
            error.setText(error_text(exc))
            error.show()
            widget.setStyleSheet(INVALID_STYLE)
            widget.setFocus()
        else:
            self.banner.setText(error_text(exc))
            self.banner.show()
        self._fit()

    def _fit(self) -> None:
        """Grow to show a wrapped message whole (a shown dialog does not grow by itself)."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else self.sizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- behaviour ---------------------------------------------------------------------------
    db: Any = None  # the Database a writing form saves to (set by the subclass)
    writing = False  # a save is running on the writer thread

    def save(self) -> object:
        """Check the fields; return the collected value, or a :class:`Pending` write."""
        raise NotImplementedError

    def accept(self) -> None:
        self.submit(lambda _value: super(FormDialog, self).accept())

    def submit(self, then: Callable[[object], object]) -> None:
        """Check and save; ``then(saved)`` once saved. A refusal is shown at its field."""
        if self.writing:
            return  # one save at a time: a second Enter must not save twice
        self.clear_errors()
        try:
            value = self.save()
        except DomainError as exc:
            self.show_error(exc)
            return
        if not isinstance(value, Pending):
            self.saved = value
            then(value)
            return

        def saved(result: object) -> None:
            self.saved = result
            then(result)

        self.write(value.fn, saved)

    def write(
        self,
        fn: Callable[[], object],
        then: Callable[[object], object],
        on_failure: Callable[[BaseException], object] | None = None,
    ) -> None:
        """Run the write ``fn`` as one operation, the buttons off meanwhile; ``then(result)`` once
        it is done. A failure goes to ``on_failure``, by default shown at its field."""
        self._set_writing(True)

        def done(result: object) -> None:
            self._set_writing(False)
            then(result)

        def failed(exc: BaseException) -> None:
            self._set_writing(False)
            (on_failure or self._show_failure)(exc)

        self.op = run_write(self, translate("Form", "Đang lưu…"), self.db, fn, on_done=done, on_error=failed)

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):  # a full disk, a read-only folder: explained (#14)
            exc = DomainError(user_message(exc))
        elif not isinstance(exc, DomainError):  # a bug or a lost file: said, never swallowed
            exc = DomainError(translate("Form", "Lỗi không mong đợi, chưa lưu: {0}").format(exc))
        self.show_error(exc)

    def _set_writing(self, writing: bool) -> None:
        self.writing = writing
        self.buttons.setEnabled(not writing)


@overload
def date_from(edit: QLineEdit, field: str, *, required: Literal[True]) -> dt.date: ...
@overload
def date_from(edit: QLineEdit, field: str, *, required: bool = False) -> dt.date | None: ...
def date_from(edit: QLineEdit, field: str, *, required: bool = False) -> dt.date | None:
    """The date typed in ``edit`` (dd/mm/yyyy), or a DomainError for ``field``."""
    text = edit.text().strip()
    if not text:
        if required:
            raise DomainError(translate("Form", "Hãy nhập ngày (dd/mm/yyyy)."), field=field)
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise DomainError(str(exc), field=field) from None


def int_from(edit: QLineEdit, field: str, label: str, *, required: bool = True) -> int | None:
    text = edit.text().strip().replace(".", "")
    if not text:
        if required:
            raise DomainError(translate("Form", "{0} không được để trống.").format(label), field=field)
        return None
    if not text.isdigit():
        raise DomainError(translate("Form", "{0} phải là số nguyên không âm.").format(label), field=field)
    return int(text)


def date_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText("dd/mm/yyyy")
    edit.setMaxLength(10)
    return edit
