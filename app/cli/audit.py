"""``thidua audit``: verify the audit log (hash chain, head outside the file, replay against the
data, a printed head code), or list the latest changes."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..errors import DomainError
from .base import EXIT_OK, Command
from .login import opened

if TYPE_CHECKING:
    from ..storage.db import Database

SHOWN = 200  # findings printed one by one; the rest counted


def _verify(database: Database, printed: str | None) -> int:
    from ..audit.check import check_book

    result = check_book(database, printed)
    if result.chain_problem is None:
        print(f"Chuỗi băm: nguyên vẹn, {result.entries} mục, khớp với đỉnh ghi nhận ngoài tệp.")
    replay = result.replay
    for finding in replay.findings[:SHOWN]:
        print(f"- {finding}")
    if len(replay.findings) > SHOWN:
        print(f"- … và {len(replay.findings) - SHOWN} chênh lệch khác.")
    for table, n in replay.partial.items():
        print(f"Lưu ý: {n} dòng của bảng {table} có từ trước khi có nhật ký đầy đủ: chỉ đối chiếu được các cột "
              "nhật ký đã ghi.")  # fmt: skip
    if not replay.findings:
        print(f"Đối chiếu dữ liệu với nhật ký: {replay.rows} dòng đều khớp ({replay.seconds:.2f} giây).")
    if result.printed is not None and result.printed.ok:
        print(result.printed.message)
    if result.code:
        print(f"Mã nhật ký hiện tại: {result.code}")
    if result.problems:
        raise DomainError(" ".join(result.problems))
    print("Nhật ký thay đổi nguyên vẹn và khớp với dữ liệu.")
    return EXIT_OK


def _cmd_audit(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from ..model import AuditEntry

    with opened(args, writes=False) as db:
        if args.action == "verify":
            return _verify(db, args.head)
        if args.head is not None:
            raise DomainError("--head chỉ dùng với «thidua audit verify».")
        with db.read() as session:
            rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(args.limit)).all()
        for r in reversed(rows):
            print(
                f"{r.id:>8} {r.at:%d/%m/%Y %H:%M:%S} {r.actor:<12} {r.action:<8} {r.entity}#{r.entity_id or ''} {r.changes[:120]}"
            )
        return EXIT_OK


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("verify", "list"))
    p.add_argument("--limit", type=int, default=50)
    p.add_argument(
        "--head", metavar="MÃ_NHẬT_KÝ", help="kiểm tra một mã nhật ký in trên giấy tờ (ví dụ 1234-7KQ2M9XWAB)"
    )


COMMANDS = (
    Command("audit", "nhật ký thay đổi: kiểm tra chuỗi băm và đối chiếu dữ liệu (verify, --head MÃ_NHẬT_KÝ) "
            "hoặc xem các thay đổi gần nhất (list)", _cmd_audit, _arguments),
)  # fmt: skip
