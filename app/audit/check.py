"""Checking a book: the hash chain and its head, the data replayed against the log, and (when
given) a head code printed on a document. One result for the command line and the window."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import head as audit_head
from .code import CodeCheck, check_code, head_code
from .log import verify
from .replay import ReplayReport, replay_database


@dataclass
class BookCheck:
    entries: int
    chain_problem: str | None  # None: the chain is whole and ends at the head recorded outside
    replay: ReplayReport
    printed: CodeCheck | None  # the printed code's check, when one was given
    code: str  # the head's code now
    problems: list[str] = field(default_factory=list)  # one sentence each, Vietnamese

    @property
    def ok(self) -> bool:
        return not self.problems


def check_book(db: audit_head.ReadableDatabase, printed: str | None = None) -> BookCheck:
    """Run every check; the problems found say what does not hold, in the order checked."""
    chain = verify(db)
    replay = replay_database(db)
    code_check = None
    if printed is not None:
        with db.read() as session:
            code_check = check_code(session.connection(), printed)
    result = BookCheck(chain.entries, chain.problem, replay, code_check, head_code(db))
    if chain.problem:
        result.problems.append(
            f"Nhật ký thay đổi không còn nguyên vẹn: {chain.problem} (đã kiểm {chain.entries} mục)."
        )
    if replay.findings:
        result.problems.append(f"Dữ liệu khác với nhật ký: {len(replay.findings)} chênh lệch (đã đối chiếu "
                               f"{replay.rows} dòng với {replay.entries} mục).")  # fmt: skip
    if code_check is not None and not code_check.ok:
        result.problems.append(code_check.message)
    return result
