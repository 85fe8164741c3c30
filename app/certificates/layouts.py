"""Certificate layouts as data: one TOML file per kind in ``resources/layouts/``.

A layout gives the page (size, orientation) and each field's box in millimetres measured from the
top-left corner of the sheet, its font style, size and smallest size, alignment, colour and text
template (``{name}``, ``{decision_number}``…, see :data:`VARIABLES`). Fields marked ``design`` are
part of the printed design (national title, motto, "TẶNG") and are left out on pre-printed blanks.

Users copy a layout into their data folder and adjust it there (``layout_store`` and the layout
editor); a user layout with the same key replaces the built-in one.
"""

from __future__ import annotations

import os
import re
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from ..errors import DomainError
from ..storage.resources import resource
from ..text import clean
from .fonts import STYLES

ENV_USER_LAYOUTS = "THIDUA_LAYOUTS"
PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0), "A5": (148.0, 210.0)}
ALIGNMENTS = ("left", "center", "right")
_KEY = re.compile(r"^[a-z0-9_\-]{1,40}$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")

# Template variables a field may use, with what they hold (shown to users editing a layout).
VARIABLES: dict[str, str] = {
    "official": "chức danh người có thẩm quyền khen thưởng (CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …)",
    "award_name": "tên danh hiệu, hình thức khen thưởng",
    "award_code": "mã danh hiệu, hình thức khen thưởng",
    "honorific": "Ông / Bà (để trống với tập thể)",
    "name": "họ tên cá nhân hoặc tên tập thể",
    "position": "chức vụ",
    "unit": "đơn vị",
    "position_unit": "chức vụ và đơn vị",
    "achievement": "thành tích",
    "year": "năm khen thưởng",
    "campaign": "tên phong trào thi đua",
    "decision_number": "số quyết định (123/QĐ-UBND)",
    "decision_date": "ngày quyết định (ngày 05 tháng 3 năm 2025)",
    "decision_date_short": "ngày quyết định (05/03/2025)",
    "place": "địa danh",
    "place_date": "địa danh, ngày tháng năm",
    "issuer": "cơ quan ban hành quyết định",
    "signer_authority": "thẩm quyền ký và chức danh người đứng đầu (KT. CHỦ TỊCH)",
    "signer_title": "chức vụ người ký",
    "signer_name": "họ tên người ký",
    "book_code": "mã sổ vàng",
    "register_number": "số vào sổ vàng",
    "verify_code": "mã xác thực",
}


@lru_cache(maxsize=1024)
def template_variables(template: str) -> tuple[str, ...]:
    return tuple(n for _, n, _, _ in string.Formatter().parse(template) if n)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    box: tuple[float, float, float, float]  # x, y (top-left, mm from the sheet's top-left), w, h
    text: str
    fallback: str
    style: str
    size: float
    min_size: float
    align: str
    color: str
    upper: bool
    underline: bool
    wrap: bool
    required: bool
    design: bool

    @property
    def variables(self) -> tuple[str, ...]:
        return template_variables(self.text)


@dataclass(frozen=True)
class Layout:
    key: str
    name: str
    awards: tuple[str, ...]
    page_mm: tuple[float, float]  # width, height as printed (orientation applied)
    fields: tuple[FieldSpec, ...]
    qr: tuple[float, float, float] | None  # x, y, size (mm)
    emblem: tuple[float, float, float]  # centre x, centre y, radius (mm)
    border_color: str
    accent_color: str
    source: Path
    flags: bool = False  # two small red flags beside the emblem (Chiến sĩ thi đua)

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)


class LayoutError(DomainError):
    """A layout file that cannot be used; the message names the file and the field."""


def _err(source: Path, message: str, field: str | None = None) -> LayoutError:
    where = f"Mẫu «{source.name}»" + (f", trường «{field}»" if field else "")
    return LayoutError(f"{where}: {message}", field=field)


def _number(source: Path, value: object, what: str, field: str | None, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _err(source, f"{what} phải là số.", field)
    if not low <= float(value) <= high:
        raise _err(source, f"{what} = {value} nằm ngoài khoảng {low:g}–{high:g}.", field)
    return float(value)


def _check_keys(source: Path, table: dict[str, Any], allowed: set[str], field: str | None = None) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise _err(source, f"khóa không được hỗ trợ: {', '.join(unknown)}.", field)


_FIELD_KEYS = {
    "name", "label", "box", "text", "fallback", "font", "size", "min_size", "align", "color",
    "upper", "underline", "wrap", "required", "design",
}  # fmt: skip


def _check_template(source: Path, template: str, name: str) -> None:
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise _err(source, f"mẫu chữ «{template}» sai cú pháp ({exc}).", name) from None
    for _, var, spec, conv in parts:
        if var is None:
            continue
        if var not in VARIABLES or spec or conv:
            raise _err(source, f"biến «{{{var}}}» không có; dùng một trong: {', '.join(VARIABLES)}.", name)


def _field(source: Path, raw: object, page: tuple[float, float]) -> FieldSpec:
    if not isinstance(raw, dict):
        raise _err(source, "mỗi [[field]] phải là một bảng.")
    name = str(raw.get("name", ""))
    if not _KEY.match(name):
        raise _err(source, "tên trường chỉ gồm chữ thường không dấu, số, '_' hoặc '-'.", name or None)
    _check_keys(source, raw, _FIELD_KEYS, name)
    box = raw.get("box")
    if not isinstance(box, list) or len(box) != 4:
        raise _err(source, "box phải là [x, y, rộng, cao] (mm).", name)
    x, y = (_number(source, v, "Tọa độ", name, 0, 1000) for v in box[:2])
    w, h = (_number(source, v, "Kích thước ô", name, 1, 1000) for v in box[2:])
    if x + w > page[0] + 1e-6 or y + h > page[1] + 1e-6:
        raise _err(
            source, f"ô [{x:g}, {y:g}, {w:g}, {h:g}] vượt ra ngoài trang {page[0]:g}×{page[1]:g} mm.", name
        )
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _err(source, "thiếu mẫu chữ (text).", name)
    fallback = raw.get("fallback", "")
    if not isinstance(fallback, str):
        raise _err(source, "fallback phải là chuỗi.", name)
    _check_template(source, text, name)
    _check_template(source, fallback, name)
    style = raw.get("font", "regular")
    if style not in STYLES:
        raise _err(source, f"font phải là một trong: {', '.join(STYLES)}.", name)
    size = _number(source, raw.get("size", 14), "Cỡ chữ", name, 4, 72)
    min_size = _number(source, raw.get("min_size", size), "Cỡ chữ tối thiểu", name, 4, 72)
    if min_size > size:
        raise _err(source, "cỡ chữ tối thiểu lớn hơn cỡ chữ.", name)
    align = raw.get("align", "center")
    if align not in ALIGNMENTS:
        raise _err(source, "align phải là left, center hoặc right.", name)
    color = raw.get("color", "#000000")
    if not isinstance(color, str) or not _COLOUR.match(color):
        raise _err(source, "màu phải có dạng #RRGGBB.", name)
    flags = {}
    for key, default in (
        ("upper", False),
        ("underline", False),
        ("wrap", False),
        ("required", True),
        ("design", False),
    ):
        value = raw.get(key, default)
        if not isinstance(value, bool):
            raise _err(source, f"{key} phải là true hoặc false.", name)
        flags[key] = value
    return FieldSpec(
        name=name,
        label=clean(str(raw.get("label", name))),
        box=(x, y, w, h),
        text=clean(text),
        fallback=clean(fallback),
        style=style,
        size=size,
        min_size=min_size,
        align=align,
        color=color.upper(),
        **flags,
    )


def parse_layout(source: Path, data: dict[str, Any]) -> Layout:
    """A checked :class:`Layout` from a parsed TOML document; :class:`LayoutError` otherwise."""
    _check_keys(source, data, {"name", "awards", "page", "design", "qr", "field"})
    page = data.get("page", {})
    _check_keys(source, page, {"size", "orientation"})
    size = page.get("size", "A4")
    if size not in PAGE_SIZES_MM:
        raise _err(source, f"khổ giấy «{size}» không hỗ trợ ({', '.join(PAGE_SIZES_MM)}).")
    w, h = PAGE_SIZES_MM[size]
    orientation = page.get("orientation", "landscape")
    if orientation not in ("landscape", "portrait"):
        raise _err(source, "orientation phải là landscape hoặc portrait.")
    page_mm = (max(w, h), min(w, h)) if orientation == "landscape" else (w, h)
    awards = data.get("awards", [])
    if not isinstance(awards, list) or not all(isinstance(a, str) and a for a in awards):
        raise _err(source, "awards phải là danh sách mã khen thưởng.")
    design = data.get("design", {})
    _check_keys(source, design, {"emblem", "border_color", "accent_color", "flags"})
    flags = design.get("flags", False)
    if not isinstance(flags, bool):
        raise _err(source, "flags phải là true hoặc false.")
    emblem = design.get("emblem", [page_mm[0] / 2, 27, 12])
    if not isinstance(emblem, list) or len(emblem) != 3:
        raise _err(source, "emblem phải là [tâm x, tâm y, bán kính] (mm).")
    x, y, r = (_number(source, v, "Quốc huy", None, 0, 1000) for v in emblem)  # three: checked above
    colours = {}
    for key, default in (("border_color", "#B8860B"), ("accent_color", "#C8102E")):
        value = design.get(key, default)
        if not isinstance(value, str) or not _COLOUR.match(value):
            raise _err(source, f"{key} phải có dạng #RRGGBB.")
        colours[key] = value
    qr = None
    if "qr" in data:
        _check_keys(source, data["qr"], {"box"})
        box = data["qr"].get("box")
        if not isinstance(box, list) or len(box) != 3:
            raise _err(source, "qr.box phải là [x, y, cạnh] (mm).")
        qx, qy, qs = (_number(source, v, "Mã QR", None, 0, 1000) for v in box)
        if qs < 12:
            raise _err(source, "mã QR phải có cạnh ít nhất 12 mm để quét được.")
        qr = (qx, qy, qs)
    raw_fields = data.get("field", [])
    if not isinstance(raw_fields, list) or not raw_fields:
        raise _err(source, "mẫu không có trường nào ([[field]]).")
    fields = tuple(_field(source, raw, page_mm) for raw in raw_fields)
    names = [f.name for f in fields]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise _err(source, f"tên trường bị trùng: {', '.join(dup)}.")
    name = clean(str(data.get("name", "")))
    if not name:
        raise _err(source, "thiếu tên mẫu (name).")
    return Layout(
        key=source.stem,
        name=name,
        awards=tuple(a.upper() for a in awards),
        page_mm=page_mm,
        fields=fields,
        qr=qr,
        emblem=(x, y, r),
        border_color=colours["border_color"],
        accent_color=colours["accent_color"],
        source=source,
        flags=flags,
    )


def load_layout(path: Path) -> Layout:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise _err(path, f"tệp TOML sai cú pháp ({exc}).") from None
    except OSError as exc:
        raise _err(path, f"không đọc được tệp ({exc.strerror}).") from None
    return parse_layout(path, data)


def builtin_dir() -> Path:
    return resource("layouts")


def user_layouts_dir() -> Path:
    env = os.environ.get(ENV_USER_LAYOUTS)
    return Path(env) if env else Path(user_data_dir("thidua", appauthor=False)) / "layouts"


def load_layouts() -> dict[str, Layout]:
    """Built-in layouts, then the user's copies over them (same key = replaced)."""
    layouts: dict[str, Layout] = {}
    for folder in (builtin_dir(), user_layouts_dir()):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                layouts[path.stem] = load_layout(path)
    return layouts


def layout_for_award(layouts: dict[str, Layout], award_code: str) -> Layout:
    """The layout serving this award; the user's own layouts are looked at first."""
    user = user_layouts_dir().resolve()
    ordered = sorted(layouts.values(), key=lambda lay: lay.source.resolve().parent != user)
    for layout in ordered:
        if award_code.upper() in layout.awards:
            return layout
    raise DomainError(f"Chưa có mẫu giấy chứng nhận cho khen thưởng mã «{award_code}».", field="layout")
