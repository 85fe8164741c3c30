"""Declarative base, naming convention and column helpers shared by every table."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import DateTime, Enum, MetaData, String, Table, Text, event, func, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column

# Named constraints: Alembic's batch mode on SQLite can only alter what has a name.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Every server default of a table also has a Python default, which a new row already carries: the
# ORM need not fetch it back after an INSERT. Fetching it ("auto") takes an INSERT .. RETURNING,
# which SQLite cannot batch in a known order: one INSERT a row, where one executemany would do.
# A model with its own __mapper_args__ starts from these.
MAPPER_ARGS: dict[str, Any] = {"eager_defaults": False}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    __mapper_args__ = MAPPER_ARGS

    if TYPE_CHECKING:
        # Every model here maps one Table (DeclarativeBase says only FromClause): Core inserts
        # take it as it is.
        __table__: ClassVar[Table]


# Folded search keys and collation keys are compared byte-wise: binary ("C") collation on
# PostgreSQL, SQLite's default BINARY elsewhere.
KeyString = String(400).with_variant(String(400, collation="C"), "postgresql")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def enum_column(enum_cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum column: stored as its value (VARCHAR) with a named CHECK constraint."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Timestamps:
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, server_default=func.now()
    )


# --- no control characters in stored text ------------------------------------------------------------
# Every text column a person types into is checked as a row is written through the ORM (every
# service): a control character or NUL is refused with the field's name, before anything is written
# (PostgreSQL refuses NUL with a driver error, an .xlsx cannot hold C0 controls). Keys derived by
# app.text (folds, collation keys with their \x01/\x02 separators), hashes and machine payloads are
# not typed and not checked. Text columns of several lines (notes) may hold tabs and line breaks.
_DERIVED_SUFFIXES = ("_fold", "sort_key", "_sort", "_key", "hash")
_NOT_TYPED = frozenset({"payload", "changes", "value", "signature", "kinds", "mode"})
LABELS = {
    "name": "Tên", "code": "Mã", "note": "Ghi chú", "title": "Tiêu đề", "summary": "Tóm tắt",
    "reason": "Lý do", "position": "Chức vụ", "issuer": "Cơ quan ban hành", "full_name": "Họ và tên",
    "username": "Tên đăng nhập", "symbol": "Ký hiệu", "story": "Nội dung", "status_reason": "Lý do",
    "signer_title": "Chức vụ người ký", "signer_name": "Người ký", "signer_authority": "Thẩm quyền ký",
    "short_name": "Tên viết tắt", "recognition_ref": "Số văn bản công nhận", "recognised_by": "Cấp công nhận",
    "number_text": "Số quyết định", "nominee_name": "Đối tượng", "middle_name": "Tên đệm",
    "legal_basis": "Căn cứ", "launched_by": "Cơ quan phát động", "given_name": "Tên", "family_name": "Họ",
    "description": "Mô tả", "decision_ref": "Số quyết định", "cccd": "Số CCCD", "cash_basis": "Căn cứ tiền thưởng",
    "book_code": "Mã sổ", "achievement": "Tóm tắt thành tích", "honoured_at": "Nơi tôn vinh",
    "file_name": "Tên tệp", "group": "Nhóm",
}  # fmt: skip


_TYPED_TEXT: dict[Mapper[Any], list[tuple[str, bool]]] = {}


def _text_columns(mapper: Mapper[Any]) -> list[tuple[str, bool]]:
    """(attribute, several lines allowed) of the mapped class's typed text columns."""
    cached = _TYPED_TEXT.get(mapper)
    if cached is None:
        cached = []
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            key = attr.key
            if (not isinstance(column.type, String) or isinstance(column.type, Enum) or key in _NOT_TYPED
                    or key.endswith(_DERIVED_SUFFIXES)):  # fmt: skip
                continue
            cached.append((key, isinstance(column.type, Text)))
        _TYPED_TEXT[mapper] = cached
    return cached


def _check_typed_text(mapper: Mapper[Any], _connection: object, target: Any) -> None:
    from ..text import check_text  # app.text imports no model

    state = inspect(target)
    inserting = state.key is None
    changed = state.committed_state  # an update: only what was set since loading can have changed
    for key, multiline in _text_columns(mapper):
        if not inserting and (key not in changed or not state.attrs[key].history.has_changes()):
            continue  # text stored before the check may stay until it is edited
        value = getattr(target, key)
        if isinstance(value, str):
            check_text(value, LABELS.get(key, key), key, multiline=multiline)


event.listen(Base, "before_insert", _check_typed_text, propagate=True)
event.listen(Base, "before_update", _check_typed_text, propagate=True)
