"""The ``thidua`` command: no sub-command opens the GUI; sub-commands run batch jobs headless.

``parser`` builds the command line from the groups' command lists (``data``, ``demo``, ``backup``,
``audit``, ``certificates``, ``transfer``, ``reports``, ``scores``, ``accounts``, ``gui``);
``login.opened`` is the one way a command opens the database; ``base`` holds the exit codes and
turns errors the user can fix into a Vietnamese message on stderr with exit status 2. The GUI
and the sub-commands call the same services.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from .base import EXIT_USER_ERROR, run
from .gui import gui_only, run_gui

__all__ = ["EXIT_USER_ERROR", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    gui, db = gui_only(args_list)
    if gui:
        return run_gui(argparse.Namespace(db=db, command="gui"))
    from .parser import build_parser

    args = build_parser().parse_args(args_list)
    code = run(getattr(args, "handler", run_gui), args)
    if argv is None:
        # This process is the command (console script, python -m app.cli, the frozen app) and ends
        # now: frozen objects are left out of the collections Python runs while it shuts down,
        # which after a large job walked every object again (~0.1–0.2 s of `certificates`).
        # Tests call main(argv) in a process that goes on, so they keep their collections.
        gc.freeze()
        if getattr(args, "quick_exit", False):
            _quick_exit(code)
    return code


def _quick_exit(code: int) -> None:
    """End the process now, after its output: a command that leaves nothing behind it (its files
    closed, the database disposed) need not wait while the interpreter takes apart every module
    and object (~30-50 ms after ``thidua certificates``). If the output cannot be flushed (a closed
    pipe), returns: the interpreter's own exit reports it as before."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)
