"""What the bloc's secretariat writes for a review and the app keeps: the narrative sections of
the report (results and strengths, limitations, tasks for the next period) and, for the minutes
of the bloc's meeting, each member's attendance and the vote on the standings and proposals.

Kept per bloc, year and period in the ``meta`` table as JSON (as :mod:`app.services.office`),
written through the audited write path: no migration. Writing needs :data:`P.SCORING` (the
head unit's secretariat, an approver, runs the scoring and the review).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..errors import DomainError
from ..model import ScorePeriodKind
from ..storage.db import Database
from ..text import check_text, clean
from .blocs import members, require_secretariat
from .common import check_year, meta_json, put_meta_json
from .score_periods import as_period

MAX_TEXT = 20_000
MAX_LINE = 300
SECTIONS = ("results", "limitations", "tasks")


@dataclass(frozen=True)
class Attendance:
    """One member unit at the bloc's meeting: present or not, and who represented it."""

    present: bool
    by: str = ""  # "Ông Nguyễn Văn A, Phó Giám đốc"


@dataclass(frozen=True)
class BlocReview:
    results: str = ""  # kết quả nổi bật, ưu điểm
    limitations: str = ""  # hạn chế, tồn tại
    tasks: str = ""  # nhiệm vụ, giải pháp kỳ tới
    attendance: dict[str, Attendance] = field(default_factory=dict)  # unit code → attendance
    votes_standings: int | None = None  # member units agreeing with the standings
    votes_proposals: int | None = None  # member units agreeing with the proposals
    vote_note: str = ""  # what else the meeting said of the vote

    def section(self, name: str) -> list[str]:
        """A narrative section's paragraphs (none when it was left empty)."""
        text: str = getattr(self, name)
        return [line for line in (clean(x) for x in text.splitlines()) if line]


def meta_key(bloc_id: int, year: int, period: ScorePeriodKind) -> str:
    return f"bloc_review:{bloc_id}:{year}:{period.value}"


def get_review(db: Database, bloc_id: int, year: int, period: object = ScorePeriodKind.YEAR) -> BlocReview:
    """What is kept for the bloc's review of ``year`` and ``period`` (empty when nothing is)."""
    key = meta_key(bloc_id, year, as_period(period))
    with db.read() as session:
        data = meta_json(session, key)
    if not isinstance(data, dict):
        return BlocReview()
    attendance = {
        str(code): Attendance(bool(a.get("present")), str(a.get("by", "")))
        for code, a in (data.get("attendance") or {}).items()
        if isinstance(a, dict)
    }
    return BlocReview(
        results=str(data.get("results", "")),
        limitations=str(data.get("limitations", "")),
        tasks=str(data.get("tasks", "")),
        attendance=attendance,
        votes_standings=_count(data.get("votes_standings")),
        votes_proposals=_count(data.get("votes_proposals")),
        vote_note=str(data.get("vote_note", "")),
    )


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _paragraphs(value: str, label: str, name: str) -> str:
    lines = [clean(line) for line in (value or "").splitlines()]
    text = "\n".join(line for line in lines if line)
    if len(text) > MAX_TEXT:
        raise DomainError(f"«{label}» quá dài (tối đa {MAX_TEXT} ký tự).", field=name)
    check_text(text, label, name, multiline=True)
    return text


LABELS = {
    "results": "Kết quả nổi bật, ưu điểm",
    "limitations": "Hạn chế, tồn tại",
    "tasks": "Nhiệm vụ kỳ tới",
    "vote_note": "Ghi chú về biểu quyết",
}


def set_review(db: Database, bloc_id: int, year: int, period: object, review: BlocReview) -> BlocReview:
    """Keep the review's texts and the meeting's attendance and vote (the bloc's members of the
    year only; votes no more than the members present)."""
    require_secretariat(db, bloc_id, year)
    check_year(year)
    kind = as_period(period)
    codes = {m.code for m in members(db, bloc_id, year)}
    if not codes:
        raise DomainError(f"Khối chưa có đơn vị thành viên năm {year}.", field="bloc")
    attendance: dict[str, Attendance] = {}
    for code, a in review.attendance.items():
        if code not in codes:
            raise DomainError(f"Đơn vị mã «{code}» không thuộc khối năm {year}.", field="attendance")
        by = clean(a.by)
        if len(by) > MAX_LINE:
            raise DomainError("Nội dung quá dài.", field="attendance")
        check_text(by, "Người dự họp", "attendance")
        attendance[code] = Attendance(bool(a.present), by if a.present else "")
    present = sum(1 for a in attendance.values() if a.present)
    for name in ("votes_standings", "votes_proposals"):
        value = getattr(review, name)
        if value is None:
            continue
        if value < 0:
            raise DomainError("Số phiếu không được âm.", field=name)
        if value > max(present, 0):
            raise DomainError(
                f"Có {value} đơn vị biểu quyết đồng ý, nhiều hơn {present} đơn vị có mặt.", field=name
            )
    cleaned = BlocReview(
        **{n: _paragraphs(getattr(review, n), LABELS[n], n) for n in (*SECTIONS, "vote_note")},
        attendance=attendance,
        votes_standings=review.votes_standings,
        votes_proposals=review.votes_proposals,
    )
    with db.write() as session:
        put_meta_json(session, meta_key(bloc_id, year, kind), asdict(cleaned))
    return cleaned
