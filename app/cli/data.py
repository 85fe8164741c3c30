"""``thidua info|migrate|persons|check|standings``: reading the book from the command line."""

from __future__ import annotations

import argparse
import sys

from .base import EXIT_OK, EXIT_PROBLEMS, Command
from .login import opened


def _cmd_info(args: argparse.Namespace) -> int:
    from ..services.catalogue import pending_catalogue
    from ..services.stats import overview

    with opened(args, writes=False) as db:
        info = overview(db)
        waiting = pending_catalogue(db)
    print(f"Cơ sở dữ liệu: {info.location}")
    print(f"Phiên bản lược đồ: {info.revision}")
    for label, count in info.counts:
        print(f"  {label}: " + f"{count:,}".replace(",", "."))
    if waiting:
        print(
            "Danh mục khen thưởng: tệp tài nguyên có thay đổi CHƯA ÁP DỤNG (chờ quản trị viên: thidua catalogue apply):"
        )
        for line in waiting:
            print(f"  - {line}")
    return EXIT_OK


def _cmd_migrate(args: argparse.Namespace) -> int:
    with opened(args, writes=False):
        pass  # opening migrates
    print("Lược đồ cơ sở dữ liệu đã ở phiên bản mới nhất.")
    return EXIT_OK


def _persons_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", help="một phần họ tên, ví dụ: 'nguyen van' hoặc 'Đức'")
    p.add_argument("--unit", metavar="MÃ", help="chỉ trong đơn vị có mã này")
    p.add_argument("--limit", type=int, default=50)


def _cmd_persons(args: argparse.Namespace) -> int:
    from ..services.common import unit_by_code
    from ..services.persons import search_persons
    from ..text import format_date

    with opened(args, writes=False) as db:
        unit_id = None
        if args.unit:
            with db.read() as session:
                unit_id = unit_by_code(session, args.unit).id
        found = search_persons(db, args.query, unit_id=unit_id, limit=args.limit)
    for p in found:
        born = format_date(p.birth_date) if p.birth_date else (str(p.birth_year) if p.birth_year else "")
        print(f"{p.id:>8}  {p.full_name:<32} {born:<10}  {p.position}")
    if not found:
        print("Không tìm thấy ai.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--unit", metavar="MÃ", help="chỉ hồ sơ do đơn vị có mã này trình")
    p.add_argument("--all", action="store_true", help="in cả hồ sơ đạt (mặc định chỉ in hồ sơ có vấn đề)")


def _cmd_check(args: argparse.Namespace) -> int:
    from ..rules.engine import Checker

    with opened(args, writes=False) as db:
        verdicts = Checker(db).batch(args.year, unit_code=args.unit)
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
    return EXIT_PROBLEMS if counts["blocking"] else EXIT_OK


def _standings_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bloc", metavar="MÃ", required=True)
    p.add_argument("--year", type=int, required=True)


def _cmd_standings(args: argparse.Namespace) -> int:
    from ..services.standings import bloc_by_code, compute

    with opened(args, writes=False) as db:
        table = compute(db, bloc_by_code(db, args.bloc).id, args.year)
    print(f"{table.bloc_name} — năm {table.year}")
    print(
        f"{'Hạng':>4}  {'Đơn vị':<44} {'Tiêu chí':>8} {'Thưởng':>7} {'Trừ':>6} {'Tổng':>7} {'Cách':>6}  Xếp loại / Đề nghị"
    )
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
    return EXIT_OK


COMMANDS = (
    Command("info", "thông tin cơ sở dữ liệu: đường dẫn, phiên bản lược đồ, số bản ghi", _cmd_info),
    Command("migrate", "nâng cấp lược đồ cơ sở dữ liệu lên phiên bản mới nhất", _cmd_migrate),
    Command("persons", "tìm cá nhân theo tên (không phân biệt dấu)", _cmd_persons, _persons_arguments),
    Command("check", "kiểm tra điều kiện khen thưởng của các hồ sơ trong năm (mã thoát 1 nếu có hồ sơ bị chặn)",
            _cmd_check, _check_arguments),
    Command("standings", "bảng xếp hạng khối thi đua trong năm", _cmd_standings, _standings_arguments),
)  # fmt: skip
