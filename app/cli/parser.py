"""The ``thidua`` argument parser, built from the command groups' :class:`~.base.Command` lists.

Building it imports only the group modules (argparse and the standard library): a command's own
arguments are added when that command is chosen, and its implementation when it runs, so
``thidua --help`` and ``--version`` start without SQLAlchemy, ReportLab, the model or services.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from typing import Any

from .. import __version__
from ..storage.paths import default_db_path
from . import (
    accounts,
    attach,
    audit,
    backup,
    catalogue,
    certificates,
    data,
    demo,
    exchange,
    gui,
    keys,
    reports,
    scores,
    transfer,
)
from .base import Command

# In the order ``thidua --help`` lists them.
GROUPS = (
    demo,
    data,
    gui,
    backup,
    audit,
    certificates,
    keys,
    catalogue,
    transfer,
    exchange,
    attach,
    reports,
    scores,
    accounts,
)


def commands() -> tuple[Command, ...]:
    return tuple(c for group in GROUPS for c in group.COMMANDS)


class _CommandParser(argparse.ArgumentParser):
    """A sub-command's parser: its own arguments are added the first time it parses."""

    def __init__(self, *args: Any, arguments: Callable[[argparse.ArgumentParser], None] | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self._arguments = arguments

    def parse_known_args(self, args: Iterable[str] | None = None, namespace: Any = None) -> Any:
        fill, self._arguments = self._arguments, None
        if fill:
            fill(self)
        return super().parse_known_args(args, namespace)


def _db_option(parser: argparse.ArgumentParser, *, default: object, where: str) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=default,
        help=f"tệp SQLite hoặc URL SQLAlchemy (mặc định: biến THIDUA_DB, hoặc {where})",
    )
    parser.add_argument(
        "--user",
        metavar="TÊN",
        default=default,
        help="tài khoản đăng nhập khi cơ sở dữ liệu có tài khoản (hoặc biến THIDUA_USER; mật khẩu: THIDUA_PASSWORD)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thidua",
        description="Sổ Thi đua — sổ sách thi đua, khen thưởng. Không có lệnh con: mở giao diện.",
    )
    parser.add_argument("--version", action="version", version=f"thidua {__version__}")
    where = str(default_db_path())
    _db_option(parser, default=None, where=where)
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_CommandParser)
    for command in commands():
        p = sub.add_parser(
            command.name, help=command.help, description=command.help, arguments=command.arguments
        )
        # Sub-commands accept --db after their name too; SUPPRESS keeps the main parser's value.
        _db_option(p, default=argparse.SUPPRESS, where=where)
        p.set_defaults(handler=command.run, quick_exit=command.quick_exit)
    return parser
