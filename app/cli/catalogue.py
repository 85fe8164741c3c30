"""``thidua catalogue status|apply``: the award catalogue file's changes waiting for an administrator.

On a database with accounts, opening does not apply a changed catalogue file (resources/catalogue/
awards.toml, or THIDUA_RESOURCES) as the system: ``status`` lists what it would change, ``apply``
applies it as the administrator logged in (recorded in the audit log under their name).
"""

from __future__ import annotations

import argparse

from .base import EXIT_OK, Command
from .login import opened


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "action", choices=("status", "apply"), help="status: xem thay đổi chờ áp dụng; apply: áp dụng"
    )


def _cmd_catalogue(args: argparse.Namespace) -> int:
    from ..services.catalogue import apply_catalogue, pending_catalogue

    with opened(args, writes=args.action == "apply") as db:
        waiting = pending_catalogue(db)
        if not waiting:
            print("Danh mục khen thưởng trong cơ sở dữ liệu đã khớp với tệp danh mục.")
            return EXIT_OK
        print("Thay đổi của tệp danh mục khen thưởng chưa áp dụng:")
        for line in waiting:
            print(f"  - {line}")
        if args.action == "apply":
            apply_catalogue(db)
            print(f"Đã áp dụng ({db.actor.username}).")
    return EXIT_OK


COMMANDS = (
    Command("catalogue", "danh mục khen thưởng: xem (status) hoặc áp dụng (apply) thay đổi của tệp danh mục",
            _cmd_catalogue, _arguments),
)  # fmt: skip
