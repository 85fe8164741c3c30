"""Translations: Vietnamese is the source language; other languages load a compiled ``.qm``.

``.ts`` sources live in ``resources/translations``; ``python -m ui.i18n build`` compiles them
(``pyside6-lrelease``); compiled files are not committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from app.storage.resources import resource

from .qt import QCoreApplication, QTranslator

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resource("translations")


def install_translator(app: QCoreApplication, language: str | None = None) -> bool:
    """Load the translations of ``language`` (from ``THIDUA_LANG`` by default): ours
    (``thidua_<language>.qm``; Vietnamese is the source and needs none) and Qt's own strings
    (``qt_<language>.qm``: standard buttons, file and print dialogs, which Qt does not ship in
    Vietnamese). True when the language's own translation, if it needs one, was loaded."""
    language = language or os.environ.get("THIDUA_LANG", "vi")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _load(app, f"qt_{language}")
    return language == "vi" or _load(app, f"thidua_{language}")


def _load(app: QCoreApplication, name: str) -> bool:
    qm = translations_dir() / f"{name}.qm"
    ts = qm.with_suffix(".ts")
    if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
        build()  # first use, or the .ts changed since (an update): compile it now
    translator = QTranslator(app)
    if translator.load(str(qm)):
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    return False


def lrelease() -> str | None:
    """Qt's translation compiler: the one inside the installed PySide6 first (a venv used without
    activation, or pipx, has it there but not on PATH), else one on PATH."""
    import PySide6

    here = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (here / name).is_file() and os.access(here / name, os.X_OK):
            return str(here / name)
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.is_file():
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def build() -> int:
    """Compile every ``.ts`` in resources/translations to ``.qm``."""
    if getattr(sys, "frozen", False):
        return 1  # a frozen bundle ships only compiled .qm files (packaging/thidua.spec) and no lrelease
    tool = lrelease()
    if tool is None:
        print("pyside6-lrelease not found (pip install pyside6)", file=sys.stderr)
        return 1
    status = 0
    for ts in sorted(translations_dir().glob("*.ts")):
        status |= subprocess.call(
            [tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], stdout=subprocess.DEVNULL
        )
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(build() if sys.argv[1:] == ["build"] else 2)
