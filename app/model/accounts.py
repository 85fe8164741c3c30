"""Local user accounts: deactivated, never deleted (the audit log names them)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from .base import MAPPER_ARGS, Base, enum_column, utcnow
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

    __mapper_args__ = {**MAPPER_ARGS, "version_id_col": version}
    __table_args__ = (
        CheckConstraint("username <> ''", name="username_not_empty"),
        CheckConstraint("password_hash <> ''", name="password_hash_not_empty"),
        CheckConstraint("role <> 'clerk' OR unit_id IS NOT NULL", name="clerk_has_unit"),
    )


class LoginThrottle(Base):
    """Consecutive failed log-ins under one name (``username_key``, whether an account has it or
    not, so that the throttle tells nobody which names exist) and until when the next attempt is
    refused unchecked. Kept in the database: it holds across processes and restarts. A success
    deletes the row. Written with Core statements, never the ORM: the audit log gets one
    ``login_failed`` entry per attempt, not the counter's changes."""

    __tablename__ = "login_throttle"

    username_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[dt.datetime] = mapped_column(DateTime)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (CheckConstraint("failures >= 0", name="failures_not_negative"),)
