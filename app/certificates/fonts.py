"""Fonts: Times New Roman where installed, else the bundled Liberation Serif (metric-compatible).

Fonts are registered with ReportLab once per process (registration parses the TTF; doing it per
page or per document would dominate a batch). :func:`missing_characters` checks text against the
font's own character map before anything is printed, so a certificate never shows empty boxes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..storage.resources import resource

STYLES = ("regular", "bold", "italic", "bolditalic")
_BUNDLED = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}
# Where Times New Roman usually lives (Windows, msttcorefonts on Linux, macOS).
_TIMES_FILES = {
    "regular": ("times.ttf", "Times_New_Roman.ttf", "Times New Roman.ttf"),
    "bold": ("timesbd.ttf", "Times_New_Roman_Bold.ttf", "Times New Roman Bold.ttf"),
    "italic": ("timesi.ttf", "Times_New_Roman_Italic.ttf", "Times New Roman Italic.ttf"),
    "bolditalic": ("timesbi.ttf", "Times_New_Roman_Bold_Italic.ttf", "Times New Roman Bold Italic.ttf"),
}
_TIMES_DIRS = (
    Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
    Path("/usr/share/fonts/truetype/msttcorefonts"),
    Path("/usr/share/fonts/TTF"),
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts/Supplementary"),
)
_FC_STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "Bold Italic"}
ENV_NO_SYSTEM_FONTS = "THIDUA_BUNDLED_FONTS"  # set to 1: always use the bundled font (tests)


@dataclass(frozen=True)
class FontFamily:
    family: str  # "Times New Roman" or "Liberation Serif"
    names: dict[str, str]  # style -> ReportLab font name
    files: dict[str, Path]

    def name(self, style: str) -> str:
        return self.names[style]


def _fc_match(style: str) -> Path | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(
            ["fc-match", f"Times New Roman:style={_FC_STYLES[style]}", "--format", "%{family}\t%{file}"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    family, _, file = out.partition("\t")
    # fc-match always answers something (a substitute): only take the real Times New Roman.
    if "Times New Roman" in family.split(",") and file.lower().endswith(".ttf"):
        return Path(file)
    return None


def find_times_new_roman() -> dict[str, Path] | None:
    """The four TTF files of Times New Roman, or ``None`` if any style is missing."""
    found: dict[str, Path] = {}
    for style in STYLES:
        path = _fc_match(style)
        if path is None:
            path = next((d / f for d in _TIMES_DIRS for f in _TIMES_FILES[style] if (d / f).is_file()), None)
        if path is None or not path.is_file():
            return None
        found[style] = path
    return found


def bundled_files() -> dict[str, Path]:
    return {style: resource("fonts", name) for style, name in _BUNDLED.items()}


_lock = threading.Lock()
_family: FontFamily | None = None
_search: tuple[threading.Thread, list[dict[str, Path] | None]] | None = None  # look_for_times_new_roman


def look_for_times_new_roman() -> None:
    """Start looking for Times New Roman in a thread, for :func:`font_family` to find the answer
    ready: ``fc-match`` is a process of its own (~20-30 ms, mostly waiting), which then runs while
    the caller goes on (``thidua certificates`` imports SQLAlchemy and the model meanwhile)."""
    global _search
    with _lock:
        if _family is not None or _search is not None or os.environ.get(ENV_NO_SYSTEM_FONTS) == "1":
            return
        found: list[dict[str, Path] | None] = []
        thread = threading.Thread(target=lambda: found.append(find_times_new_roman()), daemon=True)
        _search = (thread, found)
        thread.start()


def _times_new_roman() -> dict[str, Path] | None:
    """The answer of :func:`look_for_times_new_roman` if it was started (and found one), else
    looked for now."""
    global _search
    search, _search = _search, None
    if search is not None:
        search[0].join()
        if search[1]:
            return search[1][0]
    return find_times_new_roman()


def font_family() -> FontFamily:
    """The registered certificate font family (found and registered on first call only)."""
    global _family
    with _lock:
        if _family is None:
            times = None if os.environ.get(ENV_NO_SYSTEM_FONTS) == "1" else _times_new_roman()
            if times is not None:
                _family = _register("Times New Roman", "TNR", times)
            else:
                _family = _register("Liberation Serif", "LibSerif", bundled_files())
        return _family


def _register(family: str, prefix: str, files: dict[str, Path]) -> FontFamily:
    names = {}
    for style, path in files.items():
        name = f"{prefix}-{style}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        names[style] = name
    return FontFamily(family, names, dict(files))


def tt_font(name: str) -> TTFont:
    """The registered font ``name``: a TrueType font, as :func:`_register` registers only those."""
    font = pdfmetrics.getFont(name)
    if not isinstance(font, TTFont):
        raise TypeError(f"{name!r} is not a TrueType font")
    return font


_charsets: dict[str, frozenset[str]] = {}


def _charset(font_name: str) -> frozenset[str]:
    found = _charsets.get(font_name)
    if found is None:
        cmap = tt_font(font_name).face.charToGlyph
        found = _charsets[font_name] = frozenset(map(chr, cmap))
    return found


def missing_characters(text: str, font_name: str) -> list[str]:
    """Characters of ``text`` that the font has no glyph for (white space excepted), in order."""
    charset = _charset(font_name)
    if charset.issuperset(text):
        return []
    return [ch for ch in dict.fromkeys(text) if ch not in charset and not ch.isspace()]


def describe_characters(chars: list[str]) -> str:
    """ "«😀» (U+1F600), «漢» (U+6F22)" for an error message."""
    return ", ".join(f"«{c}» (U+{ord(c):04X})" for c in chars)
