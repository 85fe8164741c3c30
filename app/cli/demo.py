"""``thidua demo``: the demo bloc, built into a new SQLite file or an empty server database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .base import EXIT_OK, Command, progress_line
from .login import opened


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seed", type=int, default=2025, help="hạt giống ngẫu nhiên (mặc định 2025)")
    p.add_argument(
        "--force",
        action="store_true",
        help="thay thế tệp đã có (tệp có tài khoản hoặc dữ liệu: cần quản trị viên của tệp đó đăng nhập; "
        "tệp được sao lưu trước)",
    )


def _cmd_demo(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from ..demo import build_demo_file, create_demo
    from ..storage.db import resolve_url

    url = resolve_url(args.db)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        with opened(args, writes=True) as db:
            summary = create_demo(db, seed=args.seed)
        print(_summary_text(summary, url))
        return EXIT_OK

    target = Path(parsed.database)
    built = build_demo_file(
        target,
        seed=args.seed,
        force=args.force,
        progress=progress_line("Đang tạo dữ liệu mẫu…"),
        credentials=lambda: _credentials(args),
    )
    print(file=sys.stderr)
    print(_summary_text(built, str(target)))
    return EXIT_OK


def _credentials(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """An administrator of the file the demo would replace (asked only when it has accounts)."""
    import os

    from .login import ENV_USER, _password

    name = getattr(args, "user", None) or os.environ.get(ENV_USER)
    return name, (_password(f"Mật khẩu của {name}: ") if name else None)


def _summary_text(summary: object, where: str) -> str:
    fields = getattr(summary, "__dataclass_fields__", {})
    parts = ", ".join(f"{name}: {getattr(summary, name)}" for name in fields)
    return f"Đã tạo dữ liệu mẫu tại {where}\n{parts}"


COMMANDS = (
    Command("demo", "tạo cơ sở dữ liệu mẫu (Khối Kinh tế - Kỹ thuật, 11 đơn vị, ~300 cá nhân, 2 năm)",
            _cmd_demo, _arguments),
)  # fmt: skip
