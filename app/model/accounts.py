"""Local user accounts: deactivated, never deleted (the audit log names them)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, enum_column, utcnow
from .enums import UserRole


class UserAccount(Base):
    """A person who logs in. ``username_key`` (NFC, casefolded) is what must be unique, so that
    «Lan» and «lan» cannot be two accounts. A clerk belongs to one unit."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[UserRole] = mapped_column(enum_column(UserRole, "user_role"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, server_default=func.now())
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint("username <> ''", name="username_not_empty"),
        CheckConstraint("password_hash <> ''", name="password_hash_not_empty"),
        CheckConstraint("role <> 'clerk' OR unit_id IS NOT NULL", name="clerk_has_unit"),
    )
