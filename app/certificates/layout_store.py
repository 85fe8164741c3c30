"""The user's certificate layouts: list, copy, save, delete and a sample preview.

The editor works on a layout's *document*, the plain structure of its TOML file
(:func:`layout_document`). Saving checks the document exactly as loading does
(:func:`~app.certificates.layouts.parse_layout`, plus the fixed texts fitting their boxes), writes
it back as TOML (:func:`dumps`, a writer for this small structure only) into a temporary file and
renames it over the old one: a saved file always loads, and a refused save leaves the file as it
was. Built-in layouts are never written or deleted; they are copied first.
"""

from __future__ import annotations

import base64
import copy
import io
import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DomainError, NotFound
from ..storage.files import atomic_write
from .compose import compose, design_fields
from .fonts import font_family
from .layouts import (
    _KEY,
    PAGE_SIZES_MM,
    Layout,
    LayoutError,
    builtin_dir,
    load_layout,
    parse_layout,
    user_layouts_dir,
)
from .render import BLANK, FULL, CertificateCanvas

Document = dict[str, Any]

# Attributes of Layout/FieldSpec that layout_document writes; tests compare these with the
# dataclasses so that a new attribute is not silently dropped when a user saves a layout.
LAYOUT_ATTRIBUTES = frozenset(
    {
        "key",
        "name",
        "awards",
        "page_mm",
        "fields",
        "qr",
        "emblem",
        "border_color",
        "accent_color",
        "flags",
        "source",
    }
)
FIELD_ATTRIBUTES = frozenset(
    {"name", "label", "box", "text", "fallback", "style", "size", "min_size", "align", "color",
     "upper", "underline", "wrap", "required", "design"}
)  # fmt: skip
_FLAG_DEFAULTS = {"upper": False, "underline": False, "wrap": False, "required": True, "design": False}


# -- the TOML document ---------------------------------------------------------------------
def page_setting(page_mm: tuple[float, float]) -> tuple[str, str]:
    """("A4", "landscape") from the printed page's width and height in millimetres."""
    dims = sorted(page_mm)
    for size, (w, h) in PAGE_SIZES_MM.items():
        if math.isclose(dims[0], w) and math.isclose(dims[1], h):
            return size, "landscape" if page_mm[0] > page_mm[1] else "portrait"
    raise ValueError(f"no paper size {page_mm}")


def layout_document(layout: Layout) -> Document:
    """The TOML document of a layout: what :func:`parse_layout` reads back into the same layout."""
    size, orientation = page_setting(layout.page_mm)
    doc: Document = {
        "name": layout.name,
        "awards": list(layout.awards),
        "page": {"size": size, "orientation": orientation},
        "design": {
            "emblem": list(layout.emblem),
            "border_color": layout.border_color,
            "accent_color": layout.accent_color,
        },
    }
    if layout.flags:
        doc["design"]["flags"] = True
    if layout.qr is not None:
        doc["qr"] = {"box": list(layout.qr)}
    fields = []
    for f in layout.fields:
        entry: Document = {
            "name": f.name, "label": f.label, "box": list(f.box), "text": f.text, "font": f.style,
            "size": f.size, "min_size": f.min_size, "align": f.align,
        }  # fmt: skip
        if f.fallback:
            entry["fallback"] = f.fallback
        if f.color != "#000000":
            entry["color"] = f.color
        for flag, default in _FLAG_DEFAULTS.items():
            if getattr(f, flag) != default:
                entry[flag] = getattr(f, flag)
        fields.append(entry)
    doc["field"] = fields
    return doc


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(value)
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} in a layout")


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _pairs(table: Document) -> list[str]:
    return [f"{key} = {_value(value)}" for key, value in table.items() if not isinstance(value, dict)]


def dumps(doc: Document) -> str:
    """TOML text of a layout document: top-level keys, one level of tables, ``[[field]]``."""
    lines = [
        # The name stays out of the comment: a control character there would not be valid TOML.
        "# Mẫu lưu từ Sổ Thi đua (Công cụ > Mẫu giấy chứng nhận).",
        "# Tọa độ (mm) tính từ góc trên bên trái tờ giấy: box = [x, y, rộng, cao].",
    ]
    lines += _pairs({k: v for k, v in doc.items() if k != "field"})
    for key, value in doc.items():
        if isinstance(value, dict):
            lines += ["", f"[{key}]", *_pairs(value)]
    for entry in doc.get("field", []):
        lines += ["", "[[field]]", *_pairs(entry)]
    return "\n".join(lines) + "\n"


def layout_toml(layout: Layout) -> str:
    return dumps(layout_document(layout))


# -- checking and writing --------------------------------------------------------------------
def check_layout(path: Path, doc: Document) -> Layout:
    """The layout the document describes, checked as loading checks it and with the fixed texts
    of the printed design fitting their boxes; :class:`LayoutError` (Vietnamese) otherwise."""
    layout = parse_layout(path, doc)
    design_fields(layout, font_family())
    return layout


def _user_path(key: str) -> Path:
    if not _KEY.match(key):
        raise DomainError("Tên mẫu chỉ gồm chữ thường không dấu, số, '_' hoặc '-'.", field="layout")
    folder = user_layouts_dir()
    if folder.resolve() == builtin_dir().resolve():
        raise DomainError("Thư mục mẫu của bạn trùng thư mục mẫu có sẵn; không ghi vào đó.", field="layout")
    return folder / f"{key}.toml"


def is_builtin(key: str) -> bool:
    return (builtin_dir() / f"{key}.toml").is_file()


def _write(path: Path, layout: Layout) -> Layout:
    text = layout_toml(layout)
    try:
        again = parse_layout(path, tomllib.loads(text))  # what will be read back is what was checked
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(f"Mẫu «{path.name}»: nội dung có ký tự không ghi được ({exc}); chưa lưu.") from exc
    if again != layout:
        raise LayoutError(f"Mẫu «{path.name}»: không ghi lại được đúng nội dung mẫu; chưa lưu.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path) as f:
        f.write(text.encode("utf-8"))
    return again


def save_layout(key: str, doc: Document) -> Layout:
    """Check ``doc`` and write it over the user's layout ``key``; nothing is written on error.

    Only the user's own copies are saved: a built-in layout is copied first (:func:`duplicate_layout`).
    """
    path = _user_path(key)
    if not path.is_file():
        if is_builtin(key):
            raise DomainError(f"Mẫu «{key}» là mẫu có sẵn: hãy sao chép rồi sửa bản sao.", field="layout")
        raise NotFound(f"Không có mẫu «{key}» trong thư mục của bạn.", field="layout")
    layout = check_layout(path, copy.deepcopy(doc))
    return _write(path, layout)


def delete_layout(key: str) -> Path:
    """Delete the user's layout ``key`` (its file); built-in layouts cannot be deleted."""
    path = _user_path(key)
    if not path.is_file():
        if is_builtin(key):
            raise DomainError(f"Mẫu «{key}» là mẫu có sẵn, không xóa được.", field="layout")
        raise NotFound(f"Không có mẫu «{key}» trong thư mục của bạn.", field="layout")
    path.unlink()
    return path


def free_key(key: str) -> str:
    """``key`` itself if the user has no layout of that name, else ``key_2``, ``key_3``…"""
    folder = user_layouts_dir()
    candidate, n = key, 1
    while (folder / f"{candidate}.toml").exists():
        n += 1
        candidate = f"{key[:36]}_{n}"
    return candidate


def duplicate_layout(key: str, new_key: str | None = None) -> Layout:
    """Copy a layout (the user's own if there is one, else the built-in) into the user's folder.

    Without ``new_key`` a built-in's first copy keeps its key, so it replaces the built-in in
    printing; later copies get a new key and "(bản sao)" after the name.
    """
    mine = user_layouts_dir() / f"{key}.toml"
    source = mine if mine.is_file() else builtin_dir() / f"{key}.toml"
    if not source.is_file():
        raise NotFound(f"Không có mẫu «{key}».", field="layout")
    layout = load_layout(source)
    new_key = new_key or free_key(key)
    path = _user_path(new_key)
    if path.exists():
        raise DomainError(f"Đã có mẫu «{new_key}» trong thư mục của bạn.", field="layout")
    doc = layout_document(layout)
    if new_key != key:
        doc["name"] = f"{layout.name} (bản sao)"
    return _write(path, check_layout(path, doc))


@dataclass(frozen=True)
class LayoutEntry:
    """One layout as the editor lists it; ``error`` when a user file does not load."""

    key: str
    builtin: bool
    path: Path
    layout: Layout | None
    error: str = ""
    replaced: bool = False  # a built-in that the user's copy of the same key replaces

    @property
    def name(self) -> str:
        return self.layout.name if self.layout is not None else self.key


def list_layouts() -> list[LayoutEntry]:
    """Built-in layouts, then the user's, each by name; broken user files are listed with their error."""
    user = user_layouts_dir()
    mine = sorted(user.glob("*.toml")) if user.is_dir() else []
    mine_keys = {p.stem for p in mine}
    builtins = [
        LayoutEntry(p.stem, True, p, load_layout(p), replaced=p.stem in mine_keys)
        for p in sorted(builtin_dir().glob("*.toml"))
    ]
    users = []
    for p in mine:
        try:
            users.append(LayoutEntry(p.stem, False, p, load_layout(p)))
        except LayoutError as exc:
            users.append(LayoutEntry(p.stem, False, p, None, error=exc.message))
    return sorted(builtins, key=lambda e: e.name) + sorted(users, key=lambda e: e.name)


# -- sample preview ------------------------------------------------------------------------
SAMPLE_QR = "TDV1:" + base64.b32encode(bytes(range(7, 127))).decode().rstrip("=")


@lru_cache(maxsize=1)
def _award_names() -> dict[str, tuple[str, bool]]:
    """Award code → (name, awarded to a collective), from the catalogue file."""
    from .. import catalogue  # the model and SQLAlchemy come with it: only when a preview is made
    from ..model.enums import AwardTarget

    try:
        awards = catalogue.load().awards
    except DomainError:
        return {}
    return {a.code: (a.name, a.target is AwardTarget.COLLECTIVE) for a in awards}


def sample_values(layout: Layout) -> dict[str, str]:
    """Made-up values for every template variable, with every Vietnamese tone and letter; a
    collective recipient when the layout's first award is for collectives."""
    code = layout.awards[0] if layout.awards else ""
    award, collective = _award_names().get(code, (layout.name.split(",")[0].strip(), False))
    if collective:
        person = {"honorific": "", "name": "Phòng Kế hoạch - Đầu tư", "position": "",
                  "unit": "Sở Tài chính tỉnh Tây Ninh", "position_unit": "Sở Tài chính tỉnh Tây Ninh"}  # fmt: skip
    else:
        person = {"honorific": "Bà", "name": "Nguyễn Thị Ngọc Ánh", "position": "Phó Trưởng phòng",
                  "unit": "Phòng Kế hoạch - Đầu tư, Sở Tài chính",
                  "position_unit": "Phó Trưởng phòng Kế hoạch - Đầu tư, Sở Tài chính"}  # fmt: skip
    return {
        "official": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH",
        "award_name": award,
        "award_code": code,
        **person,
        "achievement": "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025, góp phần vào sự nghiệp "
        "xây dựng và bảo vệ Tổ quốc",
        "year": "2025",
        "campaign": "Phong trào thi đua yêu nước năm 2025",
        "decision_number": "123/QĐ-UBND",
        "decision_date": "ngày 05 tháng 12 năm 2025",
        "decision_date_short": "05/12/2025",
        "place": "Tây Ninh",
        "place_date": "Tây Ninh, ngày 05 tháng 12 năm 2025",
        "issuer": "Ủy ban nhân dân tỉnh Tây Ninh",
        "signer_authority": "KT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Trần Văn Bình",
        "book_code": "SV",
        "register_number": "000123",
        "verify_code": "SV-000123-K7QX2MPA",
    }


PAGE_FULL, PAGE_BLANK, PAGE_ALIGNMENT = "full", "blank", "alignment"


@dataclass(frozen=True)
class SamplePreview:
    pdf: bytes
    pages: tuple[str, ...]  # PAGE_FULL / PAGE_BLANK / PAGE_ALIGNMENT, in page order
    problems: tuple[str, ...]  # fields the sample does not fit, in Vietnamese


def sample_pdf(
    layout: Layout,
    *,
    modes: tuple[str, ...] = (FULL, BLANK),
    alignment: bool = True,
    offset_mm: tuple[float, float] = (0.0, 0.0),
) -> SamplePreview:
    """A PDF of the layout filled with :func:`sample_values`: one page per mode (full design on
    plain paper, pre-printed blank) and the alignment page. Fields the sample does not fit are
    left out of the pages and listed in ``problems``."""
    family = font_family()
    values = sample_values(layout)
    fitted, found = compose(0, layout, values, family)
    problems = [f"{p.field}: {p.message}" for p in found]
    buf = io.BytesIO()
    canvas = CertificateCanvas(buf, family, offset_mm=offset_mm, title=f"Mẫu «{layout.name}» (xem trước)")
    pages = []
    for mode in modes:
        if mode == FULL:
            try:
                design_fields(layout, family)
            except LayoutError as exc:
                problems.append(exc.message)
                continue
        canvas.mode = mode
        canvas.certificate(layout, fitted, SAMPLE_QR)
        pages.append(PAGE_FULL if mode == FULL else PAGE_BLANK)
    if alignment:
        canvas.mode = BLANK
        canvas.alignment_page(layout)
        pages.append(PAGE_ALIGNMENT)
    canvas.save()
    return SamplePreview(buf.getvalue(), tuple(pages), tuple(problems))
