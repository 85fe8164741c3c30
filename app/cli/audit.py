"""Sub-command ``audit``: verify the audit log's hash chain, or list the latest changes."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from sqlalchemy import select

from .errors import DomainError


def _audit(args: argparse.Namespace) -> int:
    from .audit import verify
    from .db import open_database
    from .model import AuditEntry

    db = open_database(args.db)
    try:
        if args.action == "verify":
            report = verify(db)
            if not report.ok:
                raise DomainError(
                    f"Nhật ký thay đổi không còn nguyên vẹn: {report.problem} (đã kiểm {report.entries} mục)."
                )
            print(f"Nhật ký thay đổi nguyên vẹn: {report.entries} mục, chuỗi băm khớp.")
            return 0
        with db.read() as session:
            rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(args.limit)).all()
        for r in reversed(rows):
            print(f"{r.id:>8} {r.at:%d/%m/%Y %H:%M:%S} {r.actor:<12} {r.action:<8} {r.entity}#{r.entity_id or ''} {r.changes[:120]}")
        return 0
    finally:
        db.dispose()


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> dict[str, Callable[[argparse.Namespace], int]]:
    p = add("audit", "nhật ký thay đổi: kiểm tra chuỗi băm (verify) hoặc xem các thay đổi gần nhất (list)")
    p.add_argument("action", choices=("verify", "list"))
    p.add_argument("--limit", type=int, default=50)
    return {"audit": _audit}
