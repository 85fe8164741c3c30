"""The demo's accounts, one per role, with passwords documented in README.md (never for real use)."""

from __future__ import annotations

from functools import cache

from ..model import UserRole
from ..services import accounts
from ..storage.db import Database

# (user name, password, role, full name, unit code or None)
DEMO_ACCOUNTS: tuple[tuple[str, str, UserRole, str, str | None], ...] = (
    ("quantri", "quantri2025", UserRole.ADMIN, "Quản trị hệ thống", None),
    ("pheduyet", "pheduyet2025", UserRole.APPROVER, "Thường trực Hội đồng Thi đua - Khen thưởng", None),
    ("canbo.stc", "canbo2025", UserRole.CLERK, "Cán bộ thi đua Sở Tài chính", "STC"),
)


@cache
def _hash(password: str) -> str:
    # Argon2 costs ~40 ms a hash on purpose: once per process, however many demos are built.
    return accounts.hash_password(password)


def create_demo_accounts(db: Database, unit_ids: dict[str, int]) -> int:
    """Add the demo accounts (the first is the administrator); returns how many."""
    for username, password, role, full_name, unit in DEMO_ACCOUNTS:
        data = accounts.AccountInput(username, role, full_name, unit_ids[unit] if unit else None)
        accounts.create_account(db, data, password, password_hash=_hash(password))
    return len(DEMO_ACCOUNTS)
