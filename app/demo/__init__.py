"""The demo database: a province's two emulation blocs over 2024 and 2025, built through the services.

build.py builds it into an open database (names.py holds its names and texts, sheets.py its score
sheets and exemplars, accounts.py its accounts); file.py builds it into a new file, atomically.
"""

from .build import DemoSummary, create_demo
from .file import build_demo_file

__all__ = ["DemoSummary", "build_demo_file", "create_demo"]
