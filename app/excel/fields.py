"""Import templates: the columns of each kind, their header spellings, and cell conversion.

Headers match after folding (case, tones, đ/d, spaces and punctuation ignored), so
"HỌ VÀ TÊN", "Ho va ten" and "Họ  tên" all find the full-name column. Cells convert to the
field's type: text (NFC, legacy encodings converted), codes and CCCD as text with their leading
zeros, dates from real Excel dates or day-first text ("05/03/2025" is 5 March).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..text import clean, fold, illegal_char, parse_date
from . import legacy
from .xlsx import CellError, Formula, TooLong

TEXT, CODE, DATE, YEAR, INT, DIGITS = "text", "code", "date", "year", "int", "digits"
FORMULA_START = ("=", "+", "-", "@", "\t")


@dataclass(frozen=True)
class Field:
    key: str
    header: str  # as printed in the template
    kind: str = TEXT
    required: bool = False
    aliases: tuple[str, ...] = ()
    note: str = ""  # the template's hint row
    width: int = 18


def header_key(text: str) -> str:
    converted, _ = legacy.to_unicode(str(text))
    return re.sub(r"[^a-z0-9]", "", fold(converted))


UNITS = (
    Field("code", "Mã đơn vị", CODE, True, ("madv", "madonvi", "ma"), "chữ không dấu, số, - _ .", 14),
    Field("name", "Tên đơn vị", TEXT, True, ("ten", "tendv", "tendonvi", "tencoquan"), "", 44),
    Field("short_name", "Tên viết tắt", TEXT, False, ("viettat", "tenviettat"), "", 16),
    Field(
        "level",
        "Cấp đơn vị",
        TEXT,
        False,
        ("cap", "loaidonvi"),
        "Sở, ban, ngành / Phòng, đơn vị trực thuộc / Xã, phường…",
        24,
    ),
    Field(
        "parent_code",
        "Mã đơn vị cấp trên",
        CODE,
        False,
        ("donvicaptren", "macaptren", "madonvichuquan"),
        "để trống nếu không có",
        18,
    ),
)
PERSONS = (
    Field("unit_code", "Mã đơn vị", CODE, True, ("madv", "madonvi", "donvi"), "mã đơn vị đã có trong sổ", 14),
    Field(
        "full_name",
        "Họ và tên",
        TEXT,
        False,
        ("hoten", "hovaten", "hotendaydu", "hotencanbo"),
        "hoặc ba cột Họ, Tên đệm, Tên",
        30,
    ),
    Field("family_name", "Họ", TEXT, False, ("ho",), "", 10),
    Field("middle_name", "Tên đệm", TEXT, False, ("dem", "tendem", "hodem"), "", 14),
    Field("given_name", "Tên", TEXT, False, ("ten", "tengoi"), "", 10),
    Field("gender", "Giới tính", TEXT, True, ("gioi", "phai", "namnu"), "Nam / Nữ", 10),
    Field("birth_date", "Ngày sinh", DATE, False, ("ngaythangnamsinh", "sinhngay"), "dd/mm/yyyy", 12),
    Field("birth_year", "Năm sinh", YEAR, False, ("namsinh",), "nếu không rõ ngày sinh", 10),
    Field(
        "cccd",
        "Số CCCD",
        DIGITS,
        False,
        ("cccd", "socccd", "socancuoc", "cancuoccongdan", "cmnd", "socmnd", "socmndcccd"),
        "12 chữ số, định dạng Văn bản",
        16,
    ),
    Field("position", "Chức vụ", TEXT, False, ("chucvu", "chucdanh", "chucvuchucdanh"), "", 22),
    Field(
        "start_date",
        "Ngày bắt đầu công tác",
        DATE,
        False,
        ("ngayvedonvi", "ngaybatdau"),
        "dd/mm/yyyy; để trống: hôm nay",
        14,
    ),
)
NOMINATIONS = (
    Field("year", "Năm", YEAR, True, ("nam", "namdenghi", "namxet"), "", 8),
    Field(
        "award",
        "Mã danh hiệu",
        CODE,
        True,
        ("madanhhieu", "mahinhthuc", "danhhieu", "hinhthuc", "madanhhieuhinhthuc"),
        "ví dụ: LDTT, CSTDCS, BK_TINH_CN",
        16,
    ),
    Field(
        "cccd",
        "Số CCCD",
        DIGITS,
        False,
        ("cccd", "socccd", "socancuoc", "cmnd"),
        "cá nhân: CCCD, hoặc họ tên + mã đơn vị",
        16,
    ),
    Field("full_name", "Họ và tên", TEXT, False, ("hoten", "hovaten"), "cá nhân", 28),
    Field("birth_date", "Ngày sinh", DATE, False, ("sinhngay",), "để phân biệt người trùng tên", 12),
    Field("unit_code", "Mã đơn vị", CODE, False, ("madv", "madonvi", "donvi"), "đơn vị của cá nhân", 14),
    Field(
        "collective_code",
        "Mã tập thể",
        CODE,
        False,
        ("tapthe", "matt", "madonviduocdenghi"),
        "tập thể được đề nghị",
        14,
    ),
    Field(
        "submitting_code",
        "Mã đơn vị đề nghị",
        CODE,
        False,
        ("donvidenghi", "madvdenghi", "donvitrinh"),
        "để trống: đơn vị của đối tượng",
        16,
    ),
    Field(
        "achievement",
        "Tóm tắt thành tích",
        TEXT,
        False,
        ("thanhtich", "tomtat", "tomtatthanhtich", "thanhtichchuyeu"),
        "",
        50,
    ),
)
KINDS: dict[str, tuple[Field, ...]] = {"units": UNITS, "persons": PERSONS, "nominations": NOMINATIONS}
KIND_LABELS = {"units": "Đơn vị", "persons": "Cá nhân", "nominations": "Đề nghị khen thưởng"}


def lookup(fields: tuple[Field, ...]) -> dict[str, Field]:
    table: dict[str, Field] = {}
    for f in fields:
        for key in (header_key(f.header), *f.aliases):
            table.setdefault(key, f)
    return table


class CellProblem(ValueError):
    pass


MEMO_LIMIT = 1 << 16  # values remembered per column


@dataclass
class Converter:
    """Turns raw cells into field values; counts the cells converted from legacy encodings."""

    legacy_counts: dict[str, int]
    _found: str | None = None  # the legacy encoding met by the last conversion

    def column(self, f: Field) -> Callable[[object], object]:
        """:meth:`convert` for one column, remembering what each raw value gave.

        Columns repeat their values (unit codes, genders, positions, dates, family names), and a
        conversion depends on the raw value alone, so a repeat costs one dict look-up; the
        legacy-encoding count and the problem are still reported for every cell.
        """
        memo: dict[object, tuple[object, str | None, bool]] = {}
        convert, counts = self.convert, self.legacy_counts

        def run(raw: object) -> object:
            # 1, 1.0 and True are equal keys but convert differently: non-strings carry their type.
            key = raw if raw.__class__ is str else (raw.__class__, raw)
            hit = memo.get(key)
            if hit is None:
                self._found = None
                try:
                    hit = (convert(f, raw), self._found, False)
                except CellProblem as exc:
                    hit = (str(exc), self._found, True)
                if len(memo) < MEMO_LIMIT:
                    memo[key] = hit
            elif hit[1] is not None:
                counts[hit[1]] += 1
            if hit[2]:
                raise CellProblem(hit[0])
            return hit[0]

        return run

    def text(self, value: object) -> str:
        if isinstance(value, str):
            if value.isascii():
                return (
                    " ".join(value.split())
                    if "  " in value or "\t" in value or "\n" in value
                    else value.strip()
                )
            value, found = legacy.to_unicode(value)
            if found:
                self.legacy_counts[found] = self.legacy_counts.get(found, 0) + 1
                self._found = found
            return clean(value)
        if isinstance(value, bool):
            return "Có" if value else "Không"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, dt.datetime):
            return value.strftime("%d/%m/%Y")
        return clean(str(value))

    def convert(self, f: Field, value: object) -> object:
        if isinstance(value, Formula):
            raise CellProblem(
                f"ô chứa công thức «={value.text[:40]}»; hãy thay bằng giá trị (Sao chép → Dán đặc biệt → Giá trị)."
            )
        if isinstance(value, TooLong):
            length = f"{value.length:,}".replace(",", ".")
            raise CellProblem(f"ô dài {length} ký tự, vượt giới hạn 32.767 ký tự.")
        if isinstance(value, CellError):
            raise CellProblem(f"ô báo lỗi {value.code}.")
        if f.kind == DATE:
            return self._date(value)
        if f.kind in (YEAR, INT):
            return self._int(value, f)
        if f.kind == DIGITS:
            if isinstance(value, int | float) and not isinstance(value, bool):
                digits = str(int(value))
                if len(digits) < 12:
                    raise CellProblem(
                        f"số {digits} đang là kiểu Số nên Excel đã bỏ các số 0 ở đầu; hãy định dạng cột "
                        "là Văn bản (Text) và nhập lại đủ 12 chữ số."
                    )
                return digits
            return self._typed(self.text(value))
        text = self._typed(self.text(value))
        if f.kind == CODE:
            return text.upper()
        return text

    @staticmethod
    def _typed(text: str) -> str:
        """Refuse a control character or NUL (the services would refuse the row; say which cell)."""
        code = illegal_char(text)
        if code is not None:
            raise CellProblem(f"ô có ký tự điều khiển không được phép ({code}); hãy xóa ký tự đó.")
        return text

    def _date(self, value: object) -> dt.date | int:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            if float(value).is_integer() and 1900 <= value <= 2200:
                return int(value)  # a year alone
            raise CellProblem(f"«{value}» không phải ngày (dd/mm/yyyy).")
        text = self.text(value)
        if re.fullmatch(r"\d{4}", text):
            return int(text)
        try:
            return parse_date(text)
        except ValueError as exc:
            raise CellProblem(str(exc)) from None

    def _int(self, value: object, f: Field) -> int:
        if isinstance(value, dt.datetime) and f.kind == YEAR:
            return value.year
        if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
            return int(value)
        text = self.text(value)
        if re.fullmatch(r"\d{1,9}", text):
            return int(text)
        raise CellProblem(f"«{text}» không phải số nguyên.")


def starts_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)
