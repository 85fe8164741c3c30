"""Who is acting, and what each role may do: checked inside every writing service, not in the GUI.

``Database.actor`` is the logged-in :class:`Actor` (the audit log records its username). A
database with no account, and headless maintenance, run as :data:`SYSTEM`, which may do
everything. Reads are open to every logged-in role; writes call :func:`require` first.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from sqlalchemy.orm import Session

from .errors import DomainError
from .model.enums import UserRole
from .model.org import Unit


class PermissionDeniedError(DomainError):
    """The logged-in account's role does not allow the operation (or not for that unit)."""


@dataclass(frozen=True)
class Actor:
    """The logged-in account: enough to check permissions without a query."""

    username: str
    role: UserRole
    unit_id: int | None = None
    full_name: str = ""
    system: bool = False

    def __str__(self) -> str:
        return self.username


SYSTEM = Actor("system", UserRole.ADMIN, system=True, full_name="Hệ thống")
# A database with accounts, opened and nobody logged in yet: may read, may not write.
ANONYMOUS = Actor("", UserRole.CLERK)
NOT_LOGGED_IN = "Chưa đăng nhập: hãy đăng nhập bằng một tài khoản được phép."


class Permission(StrEnum):
    # a clerk's work, for their own unit and its sub-units
    PERSONS = "persons"
    NOMINATIONS = "nominations"
    INITIATIVES = "initiatives"
    APPRAISALS = "appraisals"
    REGISTRATIONS = "registrations"
    # the secretariat's (approver's) work
    VOTES = "votes"
    WORKFLOW = "workflow"
    DECISIONS = "decisions"
    SCORING = "scoring"
    EXEMPLARS = "exemplars"
    REGISTERS = "registers"
    CERTIFICATES = "certificates"
    IMPORTS = "imports"
    # the administrator's
    ACCOUNTS = "accounts"
    UNITS = "units"
    CATALOGUE = "catalogue"
    CAMPAIGNS = "campaigns"
    RULES = "rules"
    RESTORE = "restore"


P = Permission


class ActingDatabase(Protocol):
    """What :func:`require` needs of an app.storage.db.Database: who acts, and a read session for
    the unit look-up. A Protocol, because that module imports this one (for :class:`Actor`)."""

    @property
    def actor(self) -> Actor: ...

    def read(self) -> AbstractContextManager[Session]: ...


# What each permission lets one do, as the end of «… không được phép {what}».
WHAT: dict[Permission, str] = {
    P.PERSONS: "thêm, sửa hoặc xóa hồ sơ cá nhân, quá trình công tác, kỷ luật",
    P.NOMINATIONS: "lập, sửa, xóa hoặc trình hồ sơ đề nghị khen thưởng",
    P.INITIATIVES: "ghi nhận sáng kiến",
    P.APPRAISALS: "ghi kết quả đánh giá, xếp loại",
    P.REGISTRATIONS: "ghi đăng ký thi đua",
    P.VOTES: "ghi kết quả bỏ phiếu của Hội đồng",
    P.WORKFLOW: "trả lại, từ chối, phê duyệt hoặc thu hồi hồ sơ đề nghị",
    P.DECISIONS: "tạo hoặc xóa quyết định khen thưởng",
    P.SCORING: "lập tiêu chí hoặc chấm điểm thi đua",
    P.EXEMPLARS: "ghi nhận gương điển hình",
    P.REGISTERS: "mở sổ hoặc cấp số vào sổ khen thưởng",
    P.CERTIFICATES: "in giấy khen, bằng khen",
    P.IMPORTS: "nhập dữ liệu từ tệp",
    P.ACCOUNTS: "quản lý tài khoản người dùng",
    P.UNITS: "thay đổi đơn vị, khối, cụm thi đua",
    P.CATALOGUE: "thay đổi danh mục danh hiệu, hình thức khen thưởng",
    P.CAMPAIGNS: "tạo hoặc sửa phong trào thi đua",
    P.RULES: "thay đổi quy tắc xét khen thưởng",
    P.RESTORE: "khôi phục cơ sở dữ liệu từ bản sao lưu",
}

UNIT_SCOPED = frozenset({P.PERSONS, P.NOMINATIONS, P.INITIATIVES, P.APPRAISALS, P.REGISTRATIONS})
_CLERK = UNIT_SCOPED
_APPROVER = _CLERK | {
    P.VOTES, P.WORKFLOW, P.DECISIONS, P.SCORING, P.EXEMPLARS, P.REGISTERS, P.CERTIFICATES, P.IMPORTS,
}  # fmt: skip
MATRIX: dict[UserRole, frozenset[Permission]] = {
    UserRole.CLERK: frozenset(_CLERK),
    UserRole.APPROVER: frozenset(_APPROVER),
    UserRole.ADMIN: frozenset(Permission),
}


def can(actor: Actor, permission: Permission) -> bool:
    """Whether the role allows ``permission`` at all (for a clerk: in their own unit)."""
    return actor.system or (bool(actor.username) and permission in MATRIX[actor.role])


def check(actor: Actor, permission: Permission) -> None:
    """Refuse ``permission`` if the role does not have it (no unit scope: see :func:`require`)."""
    if not actor.username:
        raise PermissionDeniedError(NOT_LOGGED_IN)
    if not can(actor, permission):
        raise PermissionDeniedError(
            f"Tài khoản «{actor.username}» ({actor.role.label}) không được phép {WHAT[permission]}."
        )


def unit_scoped(actor: Actor, permission: Permission) -> bool:
    """Whether ``actor``'s right to ``permission`` depends on the record's unit (a clerk's does)."""
    return not actor.system and actor.role is UserRole.CLERK and permission in UNIT_SCOPED


def require(
    db: ActingDatabase, permission: Permission, *, unit_id: int | None = None,
    unit_ids: tuple[int | None, ...] = (), session: Session | None = None,
) -> None:  # fmt: skip
    """Raise :class:`PermissionDeniedError` unless ``db.actor`` may do ``permission``, and, for a
    clerk, only on records of their own unit or a unit under it (every one of ``unit_id`` and
    ``unit_ids``). ``session`` is the operation's own, for the unit look-up."""
    actor = db.actor
    check(actor, permission)
    if not unit_scoped(actor, permission):
        return
    units = {u for u in (unit_id, *unit_ids) if u is not None}
    if not units:
        return
    if session is None:
        with db.read() as own:
            outside = [u for u in units if not within(own, u, actor.unit_id)]
    else:
        outside = [u for u in units if not within(session, u, actor.unit_id)]
    if outside:
        raise PermissionDeniedError(
            f"Tài khoản «{actor.username}» ({actor.role.label}) chỉ được phép {WHAT[permission]} "
            "của đơn vị mình và các đơn vị trực thuộc."
        )


def within(session: Session, unit_id: int, home: int | None) -> bool:
    """Whether ``unit_id`` is ``home`` or hangs under it (walking up the parents)."""
    seen: set[int] = set()
    current: int | None = unit_id
    while current is not None and current not in seen:
        if current == home:
            return True
        seen.add(current)
        unit = session.get(Unit, current)  # from the session's identity map after the first walk
        current = unit.parent_id if unit is not None else None
    return False
