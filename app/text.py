"""Vietnamese text: normalisation, accent folding, name splitting, collation and date wording.

Every string the app stores passes through :func:`clean` (NFC, trimmed, single spaces). Search
uses :func:`fold` (tones and marks removed, đ→d, lower case), kept in indexed columns because
neither SQLite's FTS5 ``remove_diacritics`` nor PostgreSQL's ``unaccent`` folds đ. Lists of
people sort by :func:`name_sort_key`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

__all__ = [
    "clean",
    "illegal_char",
    "check_text",
    "xml_safe",
    "clean_name",
    "fold",
    "split_full_name",
    "join_name",
    "name_sort_key",
    "sort_key",
    "prefix_upper_bound",
    "format_date",
    "format_document_date",
    "parse_date",
]

_SPACES = re.compile(r"\s+")

# Characters no stored text may hold: C0 controls (NUL included), DEL, C1 controls, lone
# surrogates and the non-characters U+FFFE/U+FFFF. Most are not allowed in XML 1.0, so an .xlsx
# (or .docx) cannot hold them; the others are invisible and mean nothing in a name. A field of
# several lines (notes, achievements) may also hold tab, line feed and carriage return.
_ILLEGAL_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ILLEGAL_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"

# Combining marks of the five Vietnamese tones, in CLDR `vi` secondary order (none is 0).
_TONES = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
# Marks that make a different letter (ă â ê ô ơ ư); đ has no decomposition and is handled apart.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

# Vietnamese alphabet with the Latin letters it lacks (f j w z) in their Latin places.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip
_PRIMARY = {letter: chr(0x41 + i) for i, letter in enumerate(_ALPHABET)}
_PRIMARY.update({str(d): chr(0x30 + d) for d in range(10)})

# Separators in sort keys: lower than every letter code so that "An" sorts before "Anh".
_WORD_SEP = "\x02"
_FIELD_SEP = "\x01"

# Family names of two words; the default split keeps them together ("Tôn Thất Thuyết").
COMPOUND_FAMILY_NAMES = (
    "Âu Dương",
    "Công Tằng Tôn Nữ",
    "Gia Cát",
    "Hoàng Phủ",
    "Nguyễn Phúc",
    "Tôn Nữ",
    "Tôn Thất",
    "Tư Mã",
)


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for a message that quotes it."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean(value: str | None) -> str:
    """NFC, trimmed, inner runs of white space collapsed to one space; ``None`` becomes ``""``."""
    if value is None:
        return ""
    # str.split() breaks on exactly the characters ``\s`` matches (str.isspace), 3× faster than re.sub.
    return " ".join(unicodedata.normalize("NFC", value).split())


def illegal_char(value: str, *, multiline: bool = False) -> str | None:
    """The first character of ``value`` that stored text may not hold, as ``U+0001``; ``None`` if
    there is none. ``multiline`` allows tab, line feed and carriage return."""
    found = (_ILLEGAL_MULTILINE if multiline else _ILLEGAL_LINE).search(value)
    return f"U+{ord(found.group()):04X}" if found else None


def check_text(value: str | None, label: str, field: str | None = None, *, multiline: bool = False) -> None:
    """Refuse (:class:`~app.errors.DomainError`, at ``field``) text with a control character."""
    from .errors import DomainError  # a leaf module: imports nothing of the app

    code = illegal_char(value, multiline=multiline) if value else None
    if code is not None:
        raise DomainError(
            f"«{label}» có ký tự điều khiển không được phép ({code}); hãy xóa ký tự đó rồi nhập lại.",
            field=field,
        )


def xml_safe(value: str) -> str:
    """``value`` with every character an .xlsx cannot hold replaced by U+FFFD (for exports of text
    stored before it was checked, or written around the services)."""
    return _ILLEGAL_MULTILINE.sub(REPLACEMENT, value)


@functools.lru_cache(maxsize=1 << 14)
def _cap_word(word: str) -> str:
    # "NGUYỄN" / "nguyễn" -> "Nguyễn"; hyphenated parts each capitalised ("H'Hen-Niê").
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


@functools.lru_cache(maxsize=1 << 16)
def clean_name(value: str | None) -> str:
    """A personal name: :func:`clean`, then each word capitalised (all-caps input is common)."""
    return " ".join(_cap_word(w) for w in clean(value).split(" ") if w)


@functools.lru_cache(maxsize=1 << 16)
def fold(value: str | None) -> str:
    """Accent-folded search form: lower case, tones and letter marks removed, đ→d, NFC input or not."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", clean(value).lower())
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return out.replace("đ", "d").replace("Đ", "d")


def split_full_name(full_name: str) -> tuple[str, str, str]:
    """Split a typed full name into (family, middle, given) by the usual Vietnamese pattern.

    The family name is the first word (or a known two-word family name), the given name the last
    word, the rest the middle name. Compound given names ("Nguyễn Thị Minh Khai" meant as given
    name "Minh Khai") cannot be told apart by position: the clerk corrects the split.
    """
    words = clean_name(full_name).split(" ")
    words = [w for w in words if w]
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    family_words = 1
    for n in (4, 2):
        if len(words) > n and fold(" ".join(words[:n])) in _FOLDED_COMPOUND_FAMILIES:
            family_words = n
            break
    family = " ".join(words[:family_words])
    rest = words[family_words:]
    return family, " ".join(rest[:-1]), rest[-1]


_FOLDED_COMPOUND_FAMILIES = frozenset(fold(n) for n in COMPOUND_FAMILY_NAMES)


def join_name(family: str, middle: str, given: str) -> str:
    """The full name in Vietnamese order from its three parts (empty parts skipped)."""
    return " ".join(p for p in (clean_name(family), clean_name(middle), clean_name(given)) if p)


def _letter_keys(text: str) -> tuple[str, str]:
    """Primary (letters) and secondary (one tone per syllable) collation strings of a phrase.

    The tone belongs to the syllable, not to the vowel carrying it, so the old and new tone
    placements ("Hoà"/"Hòa", "Thuý"/"Thúy") collate as equal.
    """
    primary: list[str] = []
    secondary: list[str] = []
    for word in text.lower().split(" "):
        if primary:
            primary.append(_WORD_SEP)
        tone = 0
        for cluster in _clusters(unicodedata.normalize("NFD", word)):
            letter = cluster[0]
            for mark in cluster[1:]:
                if mark in _TONES:
                    tone = _TONES[mark]
                elif mark in _LETTER_MARKS:
                    letter = unicodedata.normalize("NFC", letter + mark)
            code = _PRIMARY.get(letter)
            if code is None:
                # Anything else (punctuation, foreign letters) after the alphabet, by code point.
                code = chr(0x100 + ord(letter)) if ord(letter) < 0xD000 else letter
            primary.append(code)
        secondary.append(chr(0x30 + tone))
    return "".join(primary), "".join(secondary)


def _clusters(decomposed: str) -> list[str]:
    clusters: list[str] = []
    for ch in decomposed:
        if clusters and unicodedata.combining(ch):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


@functools.lru_cache(maxsize=1 << 16)
def sort_key(text: str | None) -> str:
    """Vietnamese collation key of a phrase (unit names, titles): letters first, tones second."""
    primary, secondary = _letter_keys(clean(text))
    return primary + _FIELD_SEP + secondary


def name_sort_key(family: str, middle: str, given: str) -> str:
    """Collation key of a person: given name, then middle name(s), then family name.

    Each part is compared letters first (a ă â b c d đ e ê … y) and tones second (none, huyền,
    hỏi, ngã, sắc, nặng: CLDR `vi`) before the next part is looked at, as a clerk sorting by the
    "Tên" column and then "Họ đệm" expects. The key is a plain string that sorts correctly by
    code point, so it can be indexed and compared in SQL (binary collation).
    """
    # Parts repeat across people (Nguyễn, Văn, Thị…): sort_key is cached, so an import of a
    # hundred thousand names computes each part once.
    return _FIELD_SEP.join(sort_key(part) for part in (given, middle, family))


def prefix_upper_bound(prefix: str) -> str:
    """Smallest string greater than every string starting with ``prefix`` (for index range scans)."""
    if not prefix:
        raise ValueError("empty prefix")
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def format_date(value: dt.date | None) -> str:
    """dd/mm/yyyy, the form used in tables."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_document_date(value: dt.date, place: str | None = None) -> str:
    """ "ngày 05 tháng 3 năm 2025" (Decree 30/2020: leading zero for days 1–9 and months 1, 2)."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    text = f"ngày {value.day:02d} tháng {month} năm {value.year}"
    return f"{clean(place)}, {text}" if place else text


_DATE_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_date(text: str) -> dt.date:
    """Parse a day-first date ("05/03/2025" is 5 March) or ISO "2025-03-05".

    Raises ``ValueError`` with a Vietnamese message for anything else, including 31/02/2025.
    """
    m = _ISO_RE.match(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
    else:
        m = _DATE_RE.match(text)
        if not m:
            raise ValueError(f"Ngày không hợp lệ: «{clean(text)}» (dạng dd/mm/yyyy).")
        day, month, year = (int(g) for g in m.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"Ngày không tồn tại: «{clean(text)}».") from None
