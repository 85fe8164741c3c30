"""What goes into the one-folder build: data files and hidden imports (read by ``thidua.spec``).

Kept out of the spec so that a fast test can check that every listed file exists without
running PyInstaller (tests/test_packaging.py). Paths in the bundle mirror the checkout:
``resources/...`` and ``app/migrations/...``, which is where ``app.storage.resources`` and
``app.migrations`` look when frozen (``sys._MEIPASS``).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (folder in the checkout, glob): every match is bundled under the same relative folder.
# Each pattern must match at least one file (a renamed folder fails the build, not the user).
DATA_PATTERNS: tuple[tuple[str, str], ...] = (
    ("resources/catalogue", "*.toml"),
    ("resources/catalogue", "SOURCES.md"),
    ("resources/rules", "*.toml"),
    ("resources/layouts", "*.toml"),
    ("resources/fonts", "*.ttf"),
    ("resources/fonts", "OFL.txt"),  # the fonts' licence travels with them
    ("resources/guide", "*.md"),  # the user guide (F1) and its screenshots
    ("resources/guide/img", "*.png"),
    # Alembic reads the migration scripts as files, not as imported modules.
    ("app/migrations", "env.py"),
    ("app/migrations", "script.py.mako"),
    ("app/migrations/versions", "*.py"),
)

# Modules loaded by name at run time, which PyInstaller's import scan cannot see.
HIDDEN_IMPORTS: tuple[str, ...] = (
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.postgresql.psycopg",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "alembic.runtime.migration",
    "alembic.command",
    "_rl_accel",  # reportlab[accel]
    "cryptography.hazmat.primitives.asymmetric.ed25519",
    "defusedxml.ElementTree",
    "python_calamine",  # the .xlsx reader of imports (app.excel.xlsx), with its compiled part
    "python_calamine._python_calamine",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
)
# Packages whose every sub-module is bundled: app and ui (app.cli imports each command's
# implementation inside the command, and the GUI by name: app.cli.gui), platformdirs (picks its
# platform module at run time), ReportLab's barcode widgets (QR).
SUBMODULE_PACKAGES: tuple[str, ...] = ("app", "ui", "platformdirs", "reportlab.graphics.barcode")
# Bundled with all their sub-modules when installed (a PostgreSQL driver, password hashing).
OPTIONAL_PACKAGES: tuple[str, ...] = ("psycopg", "argon2")
# Bundled when installed; psycopg imports its compiled part by name.
OPTIONAL_IMPORTS: tuple[str, ...] = ("psycopg_binary", "psycopg_c")
EXCLUDES: tuple[str, ...] = (
    "tkinter", "pytest", "pytestqt", "hypothesis", "IPython", "PyInstaller",
    "app.migrations.env",  # run by Alembic from its file, never imported
)  # fmt: skip


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """``(source file, destination folder)`` pairs for PyInstaller's ``datas``."""
    pairs: list[tuple[str, str]] = []
    for folder, pattern in DATA_PATTERNS:
        matches = sorted((root / folder).glob(pattern))
        if not matches:
            raise FileNotFoundError(f"nothing matches {folder}/{pattern}")
        pairs += [(str(path), folder) for path in matches if path.is_file()]
    return pairs


def translation_sources(root: Path = ROOT) -> list[Path]:
    return sorted((root / "resources" / "translations").glob("*.ts"))


def lrelease() -> str:
    """Qt's translation compiler: the one PySide6 ships (``pyside6-lrelease``) or Qt's own."""
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return found
    spec = importlib.util.find_spec("PySide6")
    if spec and spec.origin:
        for name in ("lrelease.exe", "lrelease"):
            candidate = Path(spec.origin).parent / name
            if candidate.exists():
                return str(candidate)
    raise FileNotFoundError("pyside6-lrelease not found (pip install pyside6)")


def compile_translations(out_dir: Path, root: Path = ROOT) -> list[tuple[str, str]]:
    """Compile every ``.ts`` into ``out_dir`` (outside the source tree); datas pairs for the .qm.

    Only the compiled ``.qm`` is bundled: the frozen app never rebuilds translations.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    tool = lrelease()
    pairs = []
    for ts in translation_sources(root):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, stdout=subprocess.DEVNULL)
        pairs.append((str(qm), "resources/translations"))
    if not pairs:
        raise FileNotFoundError("no translations (*.ts) in resources/translations")
    return pairs


def installed(names: tuple[str, ...]) -> list[str]:
    return [name for name in names if importlib.util.find_spec(name) is not None]


def build_dir() -> Path:
    """Where build.sh puts PyInstaller's work and dist folders: ``THIDUA_BUILD_DIR``, else
    ``thidua-build`` in the temporary folder (never inside the source tree)."""
    import tempfile

    return Path(os.environ.get("THIDUA_BUILD_DIR") or Path(tempfile.gettempdir()) / "thidua-build")
