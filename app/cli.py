"""The ``thidua`` command: no sub-command opens the GUI; sub-commands run batch jobs headless.

Errors the user can fix are printed in Vietnamese on stderr with exit status 2; the GUI and the
sub-commands call the same services.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import DomainError
from .paths import default_db_path

if TYPE_CHECKING:
    from .db import Database

EXIT_USER_ERROR = 2

# Modules that bring their own sub-commands: each has ``register(add) -> {name: handler}``, where
# ``add(name, help)`` returns the sub-parser (with --db) and a handler takes the parsed arguments
# and returns the exit status.
COMMAND_MODULES: tuple[str, ...] = (
    "app.backup_cli", "app.audit_cli", "app.certificates.cli", "app.reports_cli", "app.accounts_cli",
)  # fmt: skip
_PLUGGED: dict[str, object] = {}


def _db_option(parser: argparse.ArgumentParser, *, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=default,
        help=f"tệp SQLite hoặc URL SQLAlchemy (mặc định: biến THIDUA_DB, hoặc {default_db_path()})",
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
    _db_option(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")

    # Sub-commands accept --db after their name too; SUPPRESS keeps the main parser's value.
    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        _db_option(p, default=argparse.SUPPRESS)
        return p

    p = add("demo", "tạo cơ sở dữ liệu mẫu (Khối Kinh tế - Kỹ thuật, 11 đơn vị, ~300 cá nhân, 2 năm)")
    p.add_argument("--seed", type=int, default=2025, help="hạt giống ngẫu nhiên (mặc định 2025)")
    p.add_argument("--force", action="store_true", help="thay thế tệp đã có")

    add("info", "thông tin cơ sở dữ liệu: đường dẫn, phiên bản lược đồ, số bản ghi")
    add("migrate", "nâng cấp lược đồ cơ sở dữ liệu lên phiên bản mới nhất")

    p = add("persons", "tìm cá nhân theo tên (không phân biệt dấu)")
    p.add_argument("query", help="một phần họ tên, ví dụ: 'nguyen van' hoặc 'Đức'")
    p.add_argument("--unit", metavar="MÃ", help="chỉ trong đơn vị có mã này")
    p.add_argument("--limit", type=int, default=50)

    p = add("check", "kiểm tra điều kiện khen thưởng của các hồ sơ trong năm (mã thoát 1 nếu có hồ sơ bị chặn)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--unit", metavar="MÃ", help="chỉ hồ sơ do đơn vị có mã này trình")
    p.add_argument("--all", action="store_true", help="in cả hồ sơ đạt (mặc định chỉ in hồ sơ có vấn đề)")

    p = add("standings", "bảng xếp hạng khối thi đua trong năm")
    p.add_argument("--bloc", metavar="MÃ", required=True)
    p.add_argument("--year", type=int, required=True)

    add("gui", "mở giao diện (như khi chạy không có lệnh con)")
    for module_name in COMMAND_MODULES:
        _PLUGGED.update(importlib.import_module(module_name).register(add))
    return parser


def _gui_only(argv: list[str]) -> tuple[bool, str | None]:
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


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    gui, db = _gui_only(args_list)
    if gui:
        return _cmd_gui(argparse.Namespace(db=db, command="gui"))
    parser = build_parser()
    args = parser.parse_args(args_list)
    command = args.command or "gui"
    handler = _COMMANDS.get(command) or _PLUGGED[command]
    try:
        return handler(args)  # type: ignore[operator]
    except DomainError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130


def _cmd_gui(args: argparse.Namespace) -> int:
    # The GUI lives in ui/, which imports Qt; loaded only here so that app/ stays Qt-free.
    gui = importlib.import_module("ui.app")
    return int(gui.run(args.db))


def _cmd_demo(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from .db import open_database, resolve_url
    from .demo import build_demo_file, create_demo

    url = resolve_url(args.db)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        db = open_database(url)
        try:
            summary = create_demo(db, seed=args.seed)
        finally:
            db.dispose()
        print(_summary_text(summary, url))
        return 0

    target = Path(parsed.database)
    summary = build_demo_file(target, seed=args.seed, force=args.force, progress=_print_progress)
    print(file=sys.stderr)
    print(_summary_text(summary, str(target)))
    return 0


def _print_progress(done: int, total: int) -> None:
    print(f"\rĐang tạo dữ liệu mẫu… {done}/{total}", end="", file=sys.stderr, flush=True)


def _summary_text(summary: object, where: str) -> str:
    fields = getattr(summary, "__dataclass_fields__", {})
    parts = ", ".join(f"{name}: {getattr(summary, name)}" for name in fields)
    return f"Đã tạo dữ liệu mẫu tại {where}\n{parts}"


def _open(args: argparse.Namespace) -> Database:
    from .accounts_cli import open_as_user

    return open_as_user(args, writes=False)


def _cmd_info(args: argparse.Namespace) -> int:
    from .services.stats import overview

    db = _open(args)
    try:
        info = overview(db)
    finally:
        db.dispose()
    print(f"Cơ sở dữ liệu: {info.location}")
    print(f"Phiên bản lược đồ: {info.revision}")
    for label, count in info.counts:
        print(f"  {label}: " + f"{count:,}".replace(",", "."))
    return 0


def _cmd_migrate(args: argparse.Namespace) -> int:
    db = _open(args)
    db.dispose()
    print("Lược đồ cơ sở dữ liệu đã ở phiên bản mới nhất.")
    return 0


def _cmd_persons(args: argparse.Namespace) -> int:
    from .services.common import unit_by_code
    from .services.persons import search_persons
    from .text import format_date

    db = _open(args)
    try:
        unit_id = None
        if args.unit:
            with db.read() as session:
                unit_id = unit_by_code(session, args.unit).id
        found = search_persons(db, args.query, unit_id=unit_id, limit=args.limit)
    finally:
        db.dispose()
    for p in found:
        born = format_date(p.birth_date) if p.birth_date else (str(p.birth_year) if p.birth_year else "")
        print(f"{p.id:>8}  {p.full_name:<32} {born:<10}  {p.position}")
    if not found:
        print("Không tìm thấy ai.", file=sys.stderr)
        return 1
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from .rules.engine import Checker

    db = _open(args)
    try:
        verdicts = Checker(db).batch(args.year, unit_code=args.unit)
    finally:
        db.dispose()
    counts = {"ok": 0, "warning": 0, "blocking": 0}
    marks = {"ok": "ĐẠT", "warning": "CẢNH BÁO", "blocking": "CHẶN"}
    for v in verdicts:
        counts[v.status] += 1
        if v.status == "ok" and not args.all:
            continue
        print(f"[{marks[v.status]}] #{v.nomination_id} {v.nominee_name} — {v.award_name} {v.year}")
        for f in v.findings:
            print(f"    - {'CHẶN' if f.severity == 'blocking' else 'Cảnh báo'}: {f}")
    print(
        f"Năm {args.year}: {len(verdicts)} hồ sơ — {counts['ok']} đạt, "
        f"{counts['warning']} cảnh báo, {counts['blocking']} bị chặn."
    )
    return 1 if counts["blocking"] else 0


def _cmd_standings(args: argparse.Namespace) -> int:
    from .services.standings import bloc_by_code, compute

    db = _open(args)
    try:
        table = compute(db, bloc_by_code(db, args.bloc).id, args.year)
    finally:
        db.dispose()
    print(f"{table.bloc_name} — năm {table.year}")
    print(f"{'Hạng':>4}  {'Đơn vị':<44} {'Tiêu chí':>8} {'Thưởng':>7} {'Trừ':>6} {'Tổng':>7} {'Cách':>6}  Xếp loại / Đề nghị")
    proposals = {"flag": "đề nghị Cờ thi đua", "merit": "đề nghị Bằng khen", "": ""}
    for r in table.rows:
        rank = str(r.rank) if r.rank is not None else "—"
        if r.complete:
            extra = ", ".join(x for x in (r.band or "", proposals[r.proposal]) if x)
            print(
                f"{rank:>4}  {r.name:<44.44} {r.criteria_points:>8.2f} {r.bonus:>7.2f} {r.penalty:>6.2f} "
                f"{r.total:>7.2f} {r.gap:>6.2f}  {extra}"
            )
        else:
            print(f"{rank:>4}  {r.name:<44.44} {'phiếu chấm chưa đủ: thiếu ' + ', '.join(r.missing)}")
    for note in table.notes:
        print(f"* {note}")
    return 0


_COMMANDS = {
    "check": _cmd_check,
    "standings": _cmd_standings,
    "gui": _cmd_gui,
    "demo": _cmd_demo,
    "info": _cmd_info,
    "migrate": _cmd_migrate,
    "persons": _cmd_persons,
}

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
