"""Column mapping for lists in other offices' layouts (a Word danh sách, another system's .xlsx).

Each column's field is guessed from its header (folded, as :func:`.fields.header_key`), shown to the
clerk, confirmed once, and remembered for the sender's layout: the key is a digest of the folded
headers in order (:func:`signature`), stored in the ``meta`` table by
:mod:`app.services.import_mappings`. Award names in words are matched to catalogue codes here
(:class:`AwardNames`), and "Phân loại" values to individual / collective / household.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..text import fold
from .fields import header_key

# The fields a foreign column can be, with the label shown to the clerk.
FIELDS: dict[str, str] = {
    "": "(bỏ qua)",
    "stt": "Số thứ tự",
    "full_name": "Họ và tên / tên tập thể",
    "salutation": "Tên gọi (Ông/Bà)",
    "birth": "Năm sinh / ngày sinh",
    "birth_male": "Năm sinh (Nam)",
    "birth_female": "Năm sinh (Nữ)",
    "gender": "Giới tính",
    "position": "Chức vụ",
    "unit": "Đơn vị",
    "position_unit": "Chức vụ, đơn vị",
    "award": "Danh hiệu, hình thức",
    "category": "Phân loại (cá nhân, tập thể, hộ gia đình)",
    "cccd": "Số CCCD",
    "year": "Năm đề nghị",
    "achievement": "Tóm tắt thành tích",
}

_EXACT = {
    "stt": ("stt", "tt", "sott", "sothutu"),
    "year": ("nam", "namdenghi", "namxet", "namkhenthuong", "namxetkhenthuong", "namthidua"),
    "birth_male": ("namsinhnam", "ngaysinhnam"),
    "birth_female": ("namsinhnu", "ngaysinhnu"),
    "salutation": ("tengoi", "danhxung", "ongba", "xungho"),
    "gender": ("gioitinh", "gioi", "phai", "namnu"),
    "category": ("phanloai", "doituong", "loaidoituong", "loai", "canhantapthe", "phanloaidoituong"),
}
_CONTAINS = (
    ("cccd", ("cccd", "cmnd", "cancuoc", "dinhdanh")),
    ("birth", ("namsinh", "ngaysinh", "sinhngay")),
    ("achievement", ("thanhtich",)),
    ("award", ("danhhieu", "hinhthuc", "khenthuong")),
    ("full_name", ("hoten", "hovaten", "tentapthe", "tencanhan", "tendoituong", "tencanhantapthe")),
    ("position", ("chucvu", "chucdanh")),
    ("unit", ("donvi", "coquan", "noicongtac", "noilamviec")),
)


def guess(header: str) -> str:
    """The field a column is, from its header text; ``""`` if none."""
    key = header_key(header)
    if not key:
        return ""
    for field, names in _EXACT.items():
        if key in names:
            return field
    found = [field for field, parts in _CONTAINS if any(p in key for p in parts)]
    if "position" in found and "unit" in found:
        return "position_unit"
    return found[0] if found else ""


def guess_all(headers: dict[int, str]) -> dict[int, str]:
    """Each column's field; a field claimed twice stays with its first column."""
    out: dict[int, str] = {}
    taken: set[str] = set()
    for col in sorted(headers):
        field = guess(headers[col])
        if field and field in taken:
            field = ""
        if field:
            taken.add(field)
        out[col] = field
    if "full_name" not in taken:  # a list of collectives: "Tên đơn vị" names the nominee
        for col in sorted(headers):
            if out[col] in ("unit", "") and header_key(headers[col]).startswith("ten"):
                out[col] = "full_name"
                break
    return out


def signature(headers: dict[int, str]) -> str:
    """The layout's key: a digest of its folded headers in column order."""
    text = "|".join(f"{col}:{header_key(h)}" for col, h in sorted(headers.items()))
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def parse_override(text: str, headers: dict[int, str]) -> tuple[int, str]:
    """``"3=award"`` or ``"Danh hiệu=award"`` (column number from 1, or its header) → (column, field)."""
    where, sep, field = text.partition("=")
    field = field.strip()
    if not sep or field not in FIELDS:
        raise ValueError(
            f"«{text}»: viết «cột=trường», trường là một trong: {', '.join(f for f in FIELDS if f)}."
        )
    where = where.strip()
    if where.lower().startswith("cột"):
        where = where[3:].strip()
    if where.isdigit() and int(where) - 1 in headers:
        return int(where) - 1, field
    wanted = header_key(where)
    for col, h in sorted(headers.items()):
        if header_key(h) == wanted:
            return col, field
    raise ValueError(f"«{text}»: không có cột «{where}».")


# --- Phân loại -------------------------------------------------------------------------------

INDIVIDUAL, COLLECTIVE, HOUSEHOLD = "individual", "collective", "household"
_CATEGORIES = {
    INDIVIDUAL: ("canhan", "cn", "individual", "nguoi"),
    COLLECTIVE: ("tapthe", "tt", "donvi", "collective", "coquan"),
    HOUSEHOLD: ("hogiadinh", "giadinh", "hgd", "ho", "household", "hogd"),
}
CATEGORY_LABELS = {INDIVIDUAL: "cá nhân", COLLECTIVE: "tập thể", HOUSEHOLD: "hộ gia đình"}


def category(value: str) -> str | None:
    key = header_key(value)
    for name, keys in _CATEGORIES.items():
        if key in keys:
            return name
    return None


# --- Award names in words ----------------------------------------------------------------------

_ABBREVIATIONS = (
    (r"\bubnd\b", "uy ban nhan dan"),
    (r"\bttg\b|\bttcp\b", "thu tuong chinh phu"),
    (r"\bcstd\b", "chien si thi dua"),
    (r"\bcstdcs\b", "chien si thi dua co so"),
    (r"\bldtt\b", "lao dong tien tien"),
    (r"\bttldtt\b", "tap the lao dong tien tien"),
    (r"\bttldxs\b", "tap the lao dong xuat sac"),
    (r"\bhcld\b", "huan chuong lao dong"),
    (r"\bhđnd\b", "hoi dong nhan dan"),
)
_FILLER = re.compile(r"\b(cua|danh hieu|hinh thuc|tang|de nghi|khen thuong)\b")
# "I. CHIẾN SĨ THI ĐUA CƠ SỞ: 2 cá nhân", "2. Bằng khen … (05 tập thể)"
_NUMBERING = re.compile(r"^\s*(?:[ivxlc]{1,6}|[a-z]|\d{1,2})\s*[.)\-–:]\s*")
_COUNT = re.compile(r"(?::|\(|-|–)?\s*\d+\s*(?:ca nhan|tap the|nguoi|ho|ho gia dinh|don vi)\)?\s*$")
_CATEGORY_HEAD = re.compile(r"^(?:khen thuong |danh sach )?(ca nhan|tap the|ho gia dinh)\s*$")


def award_key(text: str) -> str:
    """An award's name folded for matching: abbreviations spelt out, filler words and numbering dropped."""
    t = " ".join(fold(text).split())
    t = _NUMBERING.sub("", t)
    t = _COUNT.sub("", t)
    for pattern, full in _ABBREVIATIONS:
        t = re.sub(pattern, full, t)
    t = _FILLER.sub(" ", t)
    return re.sub(r"[^a-z0-9]", "", t)


def section_category(text: str) -> str | None:
    """A heading that names only the kind of nominee ("A. CÁ NHÂN", "B. Tập thể")."""
    t = _NUMBERING.sub("", " ".join(fold(text).split()))
    m = _CATEGORY_HEAD.match(t.strip(" :."))
    return category(m.group(1)) if m else None


@dataclass(frozen=True)
class AwardRef:
    code: str
    name: str
    target: str  # AwardTarget value: individual, collective, household


class AwardNames:
    """The catalogue's awards by folded name and by code."""

    def __init__(self, awards: Iterable[AwardRef]) -> None:
        self.by_key: dict[str, list[AwardRef]] = {}
        self.by_code: dict[str, AwardRef] = {}
        for a in awards:
            self.by_code[a.code.upper()] = a
            self.by_key.setdefault(award_key(a.name), []).append(a)

    def find(self, text: str, target: str | None) -> tuple[AwardRef | None, str]:
        """The award ``text`` names, for a nominee of kind ``target`` (if known); else why not."""
        code = self.by_code.get(text.strip().upper())
        if code is not None:
            return code, ""
        found = self.by_key.get(award_key(text), [])
        if not found:
            return None, f"không có danh hiệu, hình thức «{text}» trong danh mục."
        if target is not None:
            fitting = [a for a in found if a.target == target]
            if not fitting:
                kinds = ", ".join(sorted({CATEGORY_LABELS.get(a.target, a.target) for a in found}))
                return None, f"«{text}» là khen thưởng cho {kinds}, không cho {CATEGORY_LABELS[target]}."
            found = fitting
        if len(found) > 1:
            codes = ", ".join(a.code for a in found)
            return (
                None,
                f"«{text}» ứng với nhiều mục trong danh mục ({codes}): hãy ghi rõ cá nhân hay tập thể.",
            )
        return found[0], ""

    def names(self, text: str) -> bool:
        """Whether ``text`` (a section heading) names an award."""
        return text.strip().upper() in self.by_code or award_key(text) in self.by_key


@dataclass(frozen=True)
class Mapping:
    """The fields of a foreign list's columns, as guessed, remembered or confirmed."""

    key: str  # :func:`signature`
    headers: dict[int, str]
    fields: dict[int, str]
    source: str  # "guessed" | "remembered" | "confirmed"

    def columns(self) -> Sequence[tuple[int, str, str]]:
        return [(c, self.headers[c], self.fields.get(c, "")) for c in sorted(self.headers)]
