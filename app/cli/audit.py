"""``thidua audit``: verify the audit log's hash chain, or list the latest changes."""

from __future__ import annotations

import argparse

from ..errors import DomainError
from .base import EXIT_OK, Command
from .login import opened


def _cmd_audit(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from ..audit.log import verify
    from ..model import AuditEntry

    with opened(args, writes=False) as db:
        if args.action == "verify":
            report = verify(db)
            if not report.ok:
                raise DomainError(
                    f"Nhật ký thay đổi không còn nguyên vẹn: {report.problem} (đã kiểm {report.entries} mục)."
                )
            print(f"Nhật ký thay đổi nguyên vẹn: {report.entries} mục, chuỗi băm khớp.")
            return EXIT_OK
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


COMMANDS = (
    Command("audit", "nhật ký thay đổi: kiểm tra chuỗi băm (verify) hoặc xem các thay đổi gần nhất (list)",
            _cmd_audit, _arguments),
)  # fmt: skip
