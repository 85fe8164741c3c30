"""What every sub-command shares: how it is declared, its exit codes, how its errors are shown.

Kept cheap to import (no SQLAlchemy, ReportLab, model or services): ``thidua --help`` loads this.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NamedTuple

from ..errors import DomainError, os_error_message

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the command ran and found something to report (a blocked nomination, no match…)
EXIT_USER_ERROR = 2  # refused: a DomainError (Vietnamese message on stderr), or bad arguments (argparse)
EXIT_INTERRUPTED = 130

Handler = Callable[[argparse.Namespace], int]


class Command(NamedTuple):
    """A sub-command: its name and help line for ``thidua --help``, the arguments it adds to its own
    parser (called only when the command is chosen, so they may import what they need) and its
    handler, which imports the implementation when it runs. ``quick_exit``: the handler leaves
    nothing to finish behind it (its files closed, the database disposed, no thread with work left
    to do), so the ``thidua`` process may end at once when it returns (:func:`app.cli.main`)."""

    name: str
    help: str
    run: Handler
    arguments: Callable[[argparse.ArgumentParser], None] | None = None
    quick_exit: bool = False


class Action(NamedTuple):
    """One action of a command with actions (``thidua keys trust …``, ``thidua attach add …``)."""

    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Handler


def action_command(name: str, summary: str, actions: dict[str, Action]) -> Command:
    """A command made of actions (``thidua keys …``, ``thidua attach …``): a sub-parser per action,
    the chosen action run."""
    dest = f"{name}_action"
    return Command(
        name,
        summary,
        lambda args: actions[getattr(args, dest)].run(args),
        lambda p: action_parsers(p, dest, actions),
    )


def action_parsers(p: argparse.ArgumentParser, dest: str, actions: dict[str, Action]) -> None:
    """A sub-parser per action; ``--db`` and ``--user`` accepted after the action's name too
    (SUPPRESS keeps the value given before it)."""
    sub = p.add_subparsers(dest=dest, metavar="VIỆC", required=True)
    for name, action in actions.items():
        q = sub.add_parser(name, help=action.help, description=action.help)
        q.add_argument(
            "--db", metavar="PATH|URL", default=argparse.SUPPRESS, help="tệp SQLite hoặc URL SQLAlchemy"
        )
        q.add_argument("--user", metavar="TÊN", default=argparse.SUPPRESS, help="tài khoản đăng nhập")
        action.arguments(q)


_progress_open = False  # a progress line is on stderr without its end of line


def _error(message: str) -> None:
    global _progress_open
    if _progress_open:
        print(file=sys.stderr)  # the message on a line of its own, not after "Đang in… 2/5"
        _progress_open = False
    print(f"Lỗi: {message}", file=sys.stderr)


def run(handler: Handler, args: argparse.Namespace) -> int:
    """Run ``handler``; what the user can fix becomes a message on stderr and exit status 2."""
    global _progress_open
    _progress_open = False
    try:
        return handler(args)
    except DomainError as exc:
        _error(exc.message)
        return EXIT_USER_ERROR
    except OSError as exc:  # a full disk, a read-only folder or medium, no right to write: said, no traceback
        _error(os_error_message(exc))
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return EXIT_INTERRUPTED


def progress_line(text: str) -> Callable[[int, int], None]:
    """A progress callback that rewrites one stderr line: ``{text} done/total``."""

    def show(done: int, total: int) -> None:
        global _progress_open
        print(f"\r{text} {done}/{total}", end="", file=sys.stderr, flush=True)
        _progress_open = True

    return show
