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
    from ..audit.code import check_code, head_code
    from ..audit.log import verify
    from ..audit.replay import replay_database

    problems: list[str] = []
    report = verify(database)
    if report.ok:
        print(f"Chuỗi băm: nguyên vẹn, {report.entries} mục, khớp với đỉnh ghi nhận ngoài tệp.")
    else:
        problems.append(
            f"Nhật ký thay đổi không còn nguyên vẹn: {report.problem} (đã kiểm {report.entries} mục)."
        )
    replay = replay_database(database)
    for finding in replay.findings[:SHOWN]:
        print(f"- {finding}")
    if len(replay.findings) > SHOWN:
        print(f"- … và {len(replay.findings) - SHOWN} chênh lệch khác.")
    for table, n in replay.partial.items():
        print(f"Lưu ý: {n} dòng của bảng {table} có từ trước khi có nhật ký đầy đủ: chỉ đối chiếu được các cột "
              "nhật ký đã ghi.")  # fmt: skip
    if replay.findings:
        problems.append(f"Dữ liệu khác với nhật ký: {len(replay.findings)} chênh lệch (đã đối chiếu "
                        f"{replay.rows} dòng với {replay.entries} mục).")  # fmt: skip
    else:
        print(f"Đối chiếu dữ liệu với nhật ký: {replay.rows} dòng đều khớp ({replay.seconds:.2f} giây).")
    if printed is not None:
        with database.read() as session:
            checked = check_code(session.connection(), printed)
        if checked.ok:
            print(checked.message)
        else:
            problems.append(checked.message)
    code = head_code(database)
    if code:
        print(f"Mã nhật ký hiện tại: {code}")
    if problems:
        raise DomainError(" ".join(problems))
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
