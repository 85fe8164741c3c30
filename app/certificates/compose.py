"""From an award's values to the text of each field of its layout, checked before printing:
required fields not empty, every character in the font, every text fitting its box."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text import clean, shorten
from .fitting import Fitted, fit
from .fonts import FontFamily, describe_characters, missing_characters
from .layouts import FieldSpec, Layout, LayoutError, template_variables

# Variables known only once the register number is assigned and the payload signed.
NUMBER_VARIABLES = frozenset({"register_number", "book_code", "verify_code"})
PLACEHOLDER_NUMBER = "000000"


@dataclass(frozen=True)
class Problem:
    """Why one certificate is not printed: who, which field, what is wrong."""

    nomination_id: int
    recipient: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"«{self.recipient}» (hồ sơ {self.nomination_id}) — {self.field}: {self.message}"


def field_text(spec: FieldSpec, values: dict[str, str]) -> str | None:
    """The field's text, or ``None`` when a required field has nothing to say.

    A template whose variables are all empty falls back to ``fallback`` (if any); a required field
    whose variables are all empty even then is empty.
    """
    text = None
    for template in (spec.text, spec.fallback):
        if not template:
            continue
        names = template_variables(template)
        if names and not any(map(values.get, names)):  # missing (None) or empty
            continue
        text = _clean(template.format_map(values))
        break
    if text is None:
        if spec.required:
            return None
        text = ""
    return text.upper() if spec.upper else text


# The decision, signer and place lines are the same on every certificate of a batch.
_clean = lru_cache(maxsize=1 << 16)(clean)


def fit_field(spec: FieldSpec, text: str, family: FontFamily) -> Fitted | str:
    """The fitted text, or a Vietnamese message saying why it cannot be printed."""
    font = family.name(spec.style)
    return _fit_checked(
        text, font, family.family, spec.size, spec.min_size, spec.box[2], spec.box[3], spec.wrap
    )


@lru_cache(maxsize=1 << 14)
def _fit_checked(
    text: str, font: str, family: str, size: float, min_size: float, box_w: float, box_h: float, wrap: bool
) -> Fitted | str:
    missing = missing_characters(text, font)
    if missing:
        return f"phông chữ {family} không có ký tự {describe_characters(missing)}; hãy sửa lại nội dung."
    fitted = fit(text, font, size, min_size, box_w, box_h, wrap)
    if fitted is None:
        return (
            f"nội dung không vừa ô ({box_w:g}×{box_h:g} mm) ngay cả ở cỡ chữ nhỏ nhất "
            f"{min_size:g} pt: «{shorten(text)}»."
        )
    return fitted


def design_fields(layout: Layout, family: FontFamily) -> dict[str, Fitted]:
    """The fixed texts of the printed design (national title, motto…), fitted once per layout."""
    out = {}
    for spec in layout.fields:
        if not spec.design:
            continue
        if spec.variables:
            raise LayoutError(
                f"Mẫu «{layout.source.name}», trường «{spec.name}»: phần in sẵn không dùng biến."
            )
        result = fit_field(spec, field_text(spec, {}) or "", family)
        if isinstance(result, str):
            raise LayoutError(f"Mẫu «{layout.source.name}», trường «{spec.name}»: {result}")
        out[spec.name] = result
    return out


_REQUIRED_EMPTY = "chưa có nội dung (bắt buộc)."


def compose(
    nomination_id: int,
    layout: Layout,
    values: dict[str, str],
    family: FontFamily,
    only: frozenset[str] | None = None,
    memo: dict[tuple[object, ...], Fitted | str | None] | None = None,
) -> tuple[dict[str, Fitted], list[Problem]]:
    """Fitted variable fields of one certificate (``only``: just the fields using these
    variables) and the problems that stop it.

    ``memo``, shared by the calls of one batch, keeps each field's outcome per value of its
    variables: the official, decision, place and signer lines, and often the unit and the
    achievement, are worked out once for the whole batch.
    """
    fitted: dict[str, Fitted] = {}
    problems: list[Problem] = []
    recipient = values.get("name", "")
    for spec, names in _variable_fields(layout, only):
        key = (id(spec), *map(values.get, names))
        result = memo.get(key) if memo is not None else None
        if result is None:
            text = field_text(spec, values)
            if text is None:
                result = _REQUIRED_EMPTY
            elif not text:
                result = ""
            else:
                result = fit_field(spec, text, family)
            if memo is not None:
                memo[key] = result
        if isinstance(result, Fitted):
            fitted[spec.name] = result
        elif result:
            problems.append(Problem(nomination_id, recipient, spec.label, result))
    return fitted, problems


_specs: dict[
    tuple[int, frozenset[str] | None], tuple[Layout, tuple[tuple[FieldSpec, tuple[str, ...]], ...]]
] = {}


def _variable_fields(
    layout: Layout, only: frozenset[str] | None
) -> tuple[tuple[FieldSpec, tuple[str, ...]], ...]:
    """The layout's fields that are not design (and use one of ``only``), each with every
    variable its text and fallback use; found once per layout."""
    key = (id(layout), only)
    found = _specs.get(key)
    if found is None or found[0] is not layout:  # by id: hashing a layout hashes every field
        if len(_specs) > 256:  # the layout editor makes a new Layout per change
            _specs.clear()
        specs = tuple(
            (s, tuple(dict.fromkeys(template_variables(s.text) + template_variables(s.fallback))))
            for s in layout.fields
            if not s.design and (only is None or only.intersection(s.variables))
        )
        found = _specs[key] = (layout, specs)
    return found[1]
