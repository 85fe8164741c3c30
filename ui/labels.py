"""How values are shown: enum labels (translated), dates dd/mm/yyyy, numbers with "." groups.

The Vietnamese labels live in ``app.model.enums``; they are marked here again so that lupdate
extracts them (context "Labels") and the English translation covers them.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from app.text import format_date

from .qt import QT_TRANSLATE_NOOP, translate

_MARKED = (
    QT_TRANSLATE_NOOP("Labels", "Nháp"),
    QT_TRANSLATE_NOOP("Labels", "Đã trình"),
    QT_TRANSLATE_NOOP("Labels", "Trả lại để bổ sung"),
    QT_TRANSLATE_NOOP("Labels", "Đã bỏ phiếu"),
    QT_TRANSLATE_NOOP("Labels", "Đã khen thưởng"),
    QT_TRANSLATE_NOOP("Labels", "Không được khen"),
    QT_TRANSLATE_NOOP("Labels", "Đã thu hồi"),
    QT_TRANSLATE_NOOP("Labels", "Nam"),
    QT_TRANSLATE_NOOP("Labels", "Nữ"),
    QT_TRANSLATE_NOOP("Labels", "Cá nhân"),
    QT_TRANSLATE_NOOP("Labels", "Tập thể"),
    QT_TRANSLATE_NOOP("Labels", "Hộ gia đình"),
    QT_TRANSLATE_NOOP("Labels", "Cấp tỉnh"),
    QT_TRANSLATE_NOOP("Labels", "Sở, ban, ngành"),
    QT_TRANSLATE_NOOP("Labels", "Phòng, đơn vị trực thuộc"),
    QT_TRANSLATE_NOOP("Labels", "Xã, phường"),
    QT_TRANSLATE_NOOP("Labels", "Doanh nghiệp, đơn vị sự nghiệp"),
    QT_TRANSLATE_NOOP("Labels", "Khối thi đua"),
    QT_TRANSLATE_NOOP("Labels", "Cụm thi đua"),
    QT_TRANSLATE_NOOP("Labels", "Thành viên"),
    QT_TRANSLATE_NOOP("Labels", "Khối trưởng"),
    QT_TRANSLATE_NOOP("Labels", "Khối phó"),
    QT_TRANSLATE_NOOP("Labels", "Thường xuyên"),
    QT_TRANSLATE_NOOP("Labels", "Theo đợt, chuyên đề"),
    QT_TRANSLATE_NOOP("Labels", "Có"),
    QT_TRANSLATE_NOOP("Labels", "Không"),
    QT_TRANSLATE_NOOP("Labels", "Cán bộ nhập liệu"),
    QT_TRANSLATE_NOOP("Labels", "Thường trực, phê duyệt"),
    QT_TRANSLATE_NOOP("Labels", "Quản trị"),
)

# Values the row sources return as plain words.
_WORDS = {
    "individual": QT_TRANSLATE_NOOP("Labels", "Cá nhân"),
    "collective": QT_TRANSLATE_NOOP("Labels", "Tập thể"),
    "flag": QT_TRANSLATE_NOOP("Labels", "Cờ thi đua"),
    "merit": QT_TRANSLATE_NOOP("Labels", "Bằng khen"),
}


def label(value: Any) -> str:
    """The translated label of an enum member (its Vietnamese ``label`` is the source text)."""
    text = getattr(value, "label", None)
    return translate("Labels", text) if text else str(value)


# The bands the shipped standings.toml names (a bloc's own band names are shown as they are).
_BANDS = {
    "Xuất sắc": QT_TRANSLATE_NOOP("Labels", "Xuất sắc"),
    "Tốt": QT_TRANSLATE_NOOP("Labels", "Tốt"),
    "Hoàn thành": QT_TRANSLATE_NOOP("Labels", "Hoàn thành"),
    "Không hoàn thành": QT_TRANSLATE_NOOP("Labels", "Không hoàn thành"),
}


def band(name: str) -> str:
    return translate("Labels", _BANDS[name]) if name in _BANDS else name


def word(value: str) -> str:
    return translate("Labels", _WORDS[value]) if value in _WORDS else value


def number(value: int | float) -> str:
    """1.234.567 and 12,5 (Vietnamese grouping and decimal comma)."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{int(value):,}".replace(",", ".")


def display(value: Any) -> str:
    """A cell's text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("Labels", "Có") if value else translate("Labels", "Không")
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, str):
        return word(value)
    if isinstance(value, int):
        return str(value)
    return str(value)
