"""``thidua`` alone, ``thidua --db X`` and ``thidua gui``: the window, opened without the parser."""

from __future__ import annotations

import argparse
import importlib

from .base import Command


def gui_only(argv: list[str]) -> tuple[bool, str | None]:
    """``thidua``, ``thidua --db X`` or ``thidua gui [--db X]``: the GUI, without loading every
    sub-command's module first (the window must appear fast)."""
    db = None
    rest = argv[1:] if argv[:1] == ["gui"] else argv
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--db" and i + 1 < len(rest):
            db, i = rest[i + 1], i + 2
        elif arg.startswith("--db="):
            db, i = arg.split("=", 1)[1], i + 1
        else:
            return False, None
    return True, db


def run_gui(args: argparse.Namespace) -> int:
    # The GUI lives in ui/, which imports Qt; loaded only here so that app/ stays Qt-free.
    gui = importlib.import_module("ui.app")
    return int(gui.run(args.db))


COMMANDS = (Command("gui", "mở giao diện (như khi chạy không có lệnh con)", run_gui),)
