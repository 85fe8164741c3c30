"""Nominations (đề nghị khen thưởng): entry, duplicate check and the workflow.

draft → submitted → (returned → submitted)* → voted → approved (in a decision) → revoked
                               ↘ rejected      ↘ rejected / returned

Each step is logged in ``nomination_event``. Backward steps, rejection and revocation need a
reason. An approved award is revoked, never deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, NamedTuple

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from ..auth import P, unit_scoped
from ..auth import require as allowed
from ..errors import ConflictError, DomainError
from ..model import (
    LIVE_STATUSES,
    Award,
    Campaign,
    Decision,
    Initiative,
    Nomination,
    NominationEvent,
    NominationStatus,
    Person,
    RegisterEntry,
    Unit,
)
from ..model.nominations import nominee_place
from ..storage.db import Database, chunks
from ..text import clean, sort_key
from .catalogue import check_target
from .common import check_year, get, require
from .decision_fit import misfit

S = NominationStatus

TRANSITIONS: dict[NominationStatus, frozenset[NominationStatus]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.RETURNED, S.VOTED, S.REJECTED}),
    S.RETURNED: frozenset({S.SUBMITTED}),
    S.VOTED: frozenset({S.APPROVED, S.REJECTED, S.RETURNED}),
    S.APPROVED: frozenset({S.REVOKED}),
    S.REJECTED: frozenset(),
    S.REVOKED: frozenset(),
}
NEEDS_REASON = frozenset({S.RETURNED, S.REJECTED, S.REVOKED})
EDITABLE = frozenset({S.DRAFT, S.RETURNED})
MAX_ACHIEVEMENT = 20_000


@dataclass
class NominationInput:
    year: int
    award_id: int
    person_id: int | None = None
    unit_id: int | None = None
    campaign_id: int | None = None
    submitting_unit_id: int | None = None  # defaults to the person's unit, or the unit itself
    achievement: str = ""
    initiative_ids: Sequence[int] = ()


def _nominee(session: Session, data: NominationInput) -> tuple[str, str, str, int]:
    """(name, folded name, sort key, default submitting unit) of the nominee."""
    require(
        (data.person_id is None) != (data.unit_id is None),
        "Chọn đúng một đối tượng được đề nghị: một cá nhân hoặc một tập thể.",
        "nominee",
    )
    if data.person_id is not None:
        person = get(session, Person, data.person_id, "cá nhân")
        return person.full_name, person.name_fold, person.sort_key, person.unit_id
    unit = get(session, Unit, data.unit_id, "tập thể")
    return unit.name, unit.name_fold, sort_key(unit.name), unit.parent_id or unit.id


def _check_award(session: Session, data: NominationInput) -> Award:
    award = get(session, Award, data.award_id, "danh hiệu, hình thức khen thưởng")
    check_target(award, is_person=data.person_id is not None)
    if award.version_for_year(data.year) is None:
        raise DomainError(
            f"«{award.name}» không có trong văn bản pháp luật có hiệu lực năm {data.year}.", field="award"
        )
    return award


def _live_clash(nominee: Any) -> Select[Nomination]:
    return select(Nomination).where(
        nominee == bindparam("nominee"),
        Nomination.award_id == bindparam("award"),
        Nomination.year == bindparam("year"),
        func.coalesce(Nomination.campaign_id, 0) == bindparam("campaign"),
        Nomination.status.in_(LIVE_STATUSES),
        Nomination.id != bindparam("own"),
    )


# Built once (every save runs one): a statement built per call cost more than running it.
_CLASH_PERSON, _CLASH_UNIT = _live_clash(Nomination.person_id), _live_clash(Nomination.unit_id)


# A nominee's live nomination for an award, year and campaign: (person id, unit id, award id, year, campaign id or 0).
ClashKey = tuple[int | None, int | None, int, int, int]


class Live(NamedTuple):
    """A live nomination, as the duplicate check names it."""

    id: int
    nominee_name: str
    status: NominationStatus


def _key(data: NominationInput) -> ClashKey:
    return (data.person_id, data.unit_id, data.award_id, data.year, data.campaign_id or 0)


_LIVE_OF = {
    nominee: select(Nomination.id, Nomination.person_id, Nomination.unit_id, Nomination.award_id,
                    Nomination.year, Nomination.campaign_id, Nomination.status, Nomination.nominee_name)
    .where(nominee.in_(bindparam("nominees", expanding=True)), Nomination.year.in_(bindparam("years", expanding=True)))
    for nominee in (Nomination.person_id, Nomination.unit_id)
}  # fmt: skip


def live_nominations(session: Session, data: Sequence[NominationInput]) -> dict[ClashKey, Live] | None:
    """The live nominations a batch of new ones could clash with (its nominees', in its years), by
    :func:`_key`: one query for the batch (by the nominee's index), where each checked alone asks
    once. ``None`` for a batch of one: its own query is the narrower."""
    if len(data) < 2:
        return None
    years = list({d.year for d in data})
    found: dict[ClashKey, Live] = {}
    for nominee, ids in ((Nomination.person_id, {d.person_id for d in data}),
                         (Nomination.unit_id, {d.unit_id for d in data})):  # fmt: skip
        wanted = [i for i in ids if i is not None]
        for chunk in chunks(wanted, 400):
            rows = session.execute(_LIVE_OF[nominee], {"nominees": chunk, "years": years})
            for n in rows:
                if n.status.value in LIVE_STATUSES:
                    key = (n.person_id, n.unit_id, n.award_id, n.year, n.campaign_id or 0)
                    found.setdefault(key, Live(n.id, n.nominee_name, n.status))
    return found


def _check_not_duplicate(session: Session, data: NominationInput, award: Award, own_id: int | None,
                         live: dict[ClashKey, Live] | None = None) -> None:  # fmt: skip
    """Refuse a second live nomination of the nominee for the award, year and campaign. ``live``:
    those of the batch's nominees (:func:`live_nominations`), else the nominee's is looked up."""
    if live is not None:
        clash: Live | Nomination | None = live.get(_key(data))
        clash = None if clash is None or clash.id == own_id else clash
    else:
        clash = session.scalar(
            _CLASH_PERSON if data.person_id is not None else _CLASH_UNIT,
            {
                "nominee": data.person_id if data.person_id is not None else data.unit_id,
                "award": award.id,
                "year": data.year,
                "campaign": data.campaign_id or 0,
                "own": own_id or -1,
            },
        )
    if clash is not None:
        raise DomainError(
            f"«{clash.nominee_name}» đã có hồ sơ đề nghị «{award.name}» năm {data.year} "
            f"(mã {clash.id}, {clash.status.label.lower()}).",
            field="award",
        )


def _initiatives(session: Session, ids: Sequence[int]) -> list[Initiative]:
    return [get(session, Initiative, i, "sáng kiến") for i in dict.fromkeys(ids)]


def _log(
    session: Session, db: Database, nomination: Nomination, old: S | None, new: S, reason: str = ""
) -> None:
    event = NominationEvent(
        from_status=old.value if old else None, to_status=new.value, reason=reason, actor=db.actor.username
    )
    if nomination.id is None:
        event.nomination = nomination  # a new one: its id comes with the flush
    else:
        # By its id: through the relationship, its backref and cascades cost more than the event
        # (the workflow logs thousands); Nomination.events is read from the table, not kept warm.
        event.nomination_id = nomination.id
    session.add(event)


def _checked(data: NominationInput) -> NominationInput:
    """``data`` with its text cleaned, after the checks that need no database (so that an edit's
    form errors come before its transaction is opened)."""
    check_year(data.year)
    achievement = clean(data.achievement)
    require(len(achievement) <= MAX_ACHIEVEMENT, "Tóm tắt thành tích quá dài.", "achievement")
    return replace(data, achievement=achievement)


def _fill(session: Session, nomination: Nomination, data: NominationInput,
          live: dict[ClashKey, Live] | None = None) -> None:  # fmt: skip
    """Check ``data`` (from :func:`_checked`) against the database and write it into ``nomination``:
    the one path of a new draft and of an edit, so both refuse the same things with the same words.
    ``live``: the live nominations of a batch (:func:`live_nominations`), for the duplicate check."""
    name, name_fold, name_sort, default_unit = _nominee(session, data)
    award = _check_award(session, data)
    if data.campaign_id is not None:
        get(session, Campaign, data.campaign_id, "phong trào")
    submitting = data.submitting_unit_id or default_unit
    get(session, Unit, submitting, "đơn vị đề nghị")
    _check_not_duplicate(session, data, award, nomination.id, live)
    nomination.year, nomination.award_id = data.year, award.id
    nomination.person_id, nomination.unit_id, nomination.campaign_id = (
        data.person_id,
        data.unit_id,
        data.campaign_id,
    )
    nomination.submitting_unit_id = submitting
    nomination.nominee_name, nomination.nominee_fold, nomination.nominee_sort = name, name_fold, name_sort
    nomination.achievement = data.achievement
    nomination.initiatives = _initiatives(session, data.initiative_ids)


def draft_nomination(
    session: Session, data: NominationInput, live: dict[ClashKey, Live] | None = None
) -> Nomination:
    """A new draft nomination checked against ``session`` and NOT added to it: the live verdict
    of an unsaved form judges it (:meth:`app.rules.engine.Checker.preview`) without writing.
    ``live``: as for :func:`_fill`."""
    nomination = Nomination(status=S.DRAFT)
    _fill(session, nomination, _checked(data), live)
    return nomination


@dataclass(frozen=True)
class NominationRecord:
    """One nomination as a plain value, what the GUI and the CLI get from the services: safe to
    hand from the writer thread to the window, nothing to load later from a closed session."""

    id: int
    year: int
    award_id: int
    person_id: int | None
    unit_id: int | None
    campaign_id: int | None
    submitting_unit_id: int
    nominee_name: str
    nominee_fold: str
    nominee_sort: str
    achievement: str
    status: NominationStatus
    status_reason: str
    votes_for: int | None
    votes_against: int | None
    council_size: int | None
    voted_on: dt.date | None
    decision_id: int | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @classmethod
    def of(cls, n: Nomination) -> NominationRecord:
        return cls(**{f.name: getattr(n, f.name) for f in fields(cls)})


def create_nomination(db: Database, data: NominationInput) -> NominationRecord:
    return create_nominations(db, [data])[0]


def create_nominations(db: Database, data: Sequence[NominationInput]) -> list[NominationRecord]:
    """New draft nominations, in one transaction: all or none. Each is checked as a single one is
    (the same path: :func:`create_nomination` is a batch of one), and one of the batch counts in the
    duplicate check of those after it. One flush for all (a flush costs more than its rows)."""
    allowed(db, P.NOMINATIONS)
    with db.write() as session, session.no_autoflush:  # the checks read other tables, or flush first
        return _create_all(db, session, data)


def _create_all(db: Database, session: Session, data: Sequence[NominationInput]) -> list[NominationRecord]:
    made: list[Nomination] = []
    live: dict[ClashKey, Live] | None = live_nominations(session, data)
    seen: set[ClashKey] = set()
    for item in data:
        key = _key(item)
        if key in seen:
            session.flush()  # the duplicate check then finds it, with its number, as one by one
            live = None  # and asks the database from now on
        seen.add(key)
        nomination = draft_nomination(session, item, live)
        session.add(nomination)
        _allowed_on(db, P.NOMINATIONS, session, nomination)
        _log(session, db, nomination, None, S.DRAFT)
        made.append(nomination)
    session.flush()  # each nomination, then its first event (ids, versions and times in the records)
    return [NominationRecord.of(n) for n in made]


def _allowed_on(db: Database, permission: P, session: Session, nomination: Nomination) -> None:
    """:func:`allowed` on ``nomination``: its units are looked up only when the right depends on
    them (a clerk's), not for every nomination of an approver's batch."""
    units = _units_of(session, nomination) if unit_scoped(db.actor, permission) else ()
    allowed(db, permission, unit_ids=units, session=session)


def _units_of(session: Session, nomination: Nomination) -> tuple[int | None, ...]:
    """The units a nomination belongs to, for a clerk's scope: the submitting unit and the nominee's."""
    nominee_unit: int | None
    if nomination.person_id is not None:
        nominee_unit = get(session, Person, nomination.person_id, "cá nhân").unit_id
    else:
        nominee_unit = nomination.unit_id
    return (nomination.submitting_unit_id, nominee_unit)


def _load(session: Session, nomination_id: int, expected_version: int | None) -> Nomination:
    nomination = get(session, Nomination, nomination_id, "hồ sơ đề nghị")
    if expected_version is not None and nomination.version != expected_version:
        raise ConflictError(
            f"Hồ sơ đề nghị của «{nomination.nominee_name}» vừa được người khác thay đổi. "
            "Hãy mở lại để xem bản mới nhất; thay đổi của bạn chưa được lưu."
        )
    return nomination


def update_nomination(
    db: Database, nomination_id: int, data: NominationInput, *, expected_version: int | None = None
) -> NominationRecord:
    """Edit a draft or a nomination returned for revision."""
    data = _checked(data)
    allowed(db, P.NOMINATIONS)
    with db.write() as session:
        nomination = _load(session, nomination_id, expected_version)
        _allowed_on(db, P.NOMINATIONS, session, nomination)
        require(
            nomination.status in EDITABLE,
            f"Hồ sơ đang ở trạng thái «{nomination.status.label}», không sửa được.",
        )
        _fill(session, nomination, data)
        _allowed_on(db, P.NOMINATIONS, session, nomination)
        session.flush()  # the new version and times, in the record
        return NominationRecord.of(nomination)


def _move(
    session: Session,
    db: Database,
    nomination: Nomination,
    new: S,
    reason: str = "",
) -> None:
    old = nomination.status
    if new not in TRANSITIONS[old]:
        raise DomainError(
            f"Không thể chuyển hồ sơ của «{nomination.nominee_name}» từ «{old.label}» sang «{new.label}».",
            field="status",
        )
    reason = clean(reason)
    if new in NEEDS_REASON:
        require(bool(reason), f"Cần ghi rõ lý do khi chuyển hồ sơ sang «{new.label}».", "reason")
    nomination.status = new
    # The reason belongs to the current state (the log keeps every earlier one).
    nomination.status_reason = reason if (reason or new in NEEDS_REASON) else ""
    _log(session, db, nomination, old, new, reason)


def _step(
    db: Database,
    ids: Sequence[int],
    new: S,
    reason: str = "",
    *,
    expected_versions: dict[int, int] | None = None,
    before: Callable[[Session, Nomination], None] | None = None,
) -> list[Nomination]:
    """Move every nomination in ``ids`` to ``new`` in one transaction: all move, or none."""
    require(bool(ids), "Chưa chọn hồ sơ nào.")
    permission = P.NOMINATIONS if new is S.SUBMITTED else P.WORKFLOW  # a clerk submits their own unit's
    allowed(db, permission)
    moved = []
    # One flush at the end, not one a nomination: what each step reads (the nomination by id, its
    # units, the decision) does not depend on the nominations already moved.
    with db.write() as session, session.no_autoflush:
        for nomination_id in ids:
            nomination = _load(session, nomination_id, (expected_versions or {}).get(nomination_id))
            _allowed_on(db, permission, session, nomination)
            if before is not None:
                before(session, nomination)
            _move(session, db, nomination, new, reason)
            moved.append(nomination)
    return moved


def submit(
    db: Database, ids: Sequence[int], *, expected_versions: dict[int, int] | None = None
) -> list[Nomination]:
    return _step(db, ids, S.SUBMITTED, expected_versions=expected_versions)


def return_for_revision(
    db: Database, ids: Sequence[int], reason: str, *, expected_versions: dict[int, int] | None = None
) -> list[Nomination]:
    return _step(db, ids, S.RETURNED, reason, expected_versions=expected_versions)


def reject(
    db: Database, ids: Sequence[int], reason: str, *, expected_versions: dict[int, int] | None = None
) -> list[Nomination]:
    return _step(db, ids, S.REJECTED, reason, expected_versions=expected_versions)


def withdraw_from_decision(db: Database, ids: Sequence[int], reason: str, *,
                           expected_versions: dict[int, int] | None = None) -> list[Nomination]:  # fmt: skip
    """Undo "put into a decision" (a reversible step): the award goes back to voted, while no
    register number has been given for it; the reason is logged. All or none."""
    require(bool(ids), "Chưa chọn hồ sơ nào.")
    reason = clean(reason)
    require(bool(reason), "Cần ghi rõ lý do rút hồ sơ khỏi quyết định.", "reason")
    allowed(db, P.WORKFLOW)
    moved = []
    with db.write() as session:
        for nomination_id in ids:
            nomination = _load(session, nomination_id, (expected_versions or {}).get(nomination_id))
            allowed(db, P.WORKFLOW, unit_ids=_units_of(session, nomination), session=session)
            require(nomination.status is S.APPROVED,
                    f"Hồ sơ «{nomination.nominee_name}» không ở trạng thái «{S.APPROVED.label}».", "status")  # fmt: skip
            numbered = session.scalar(
                select(RegisterEntry.id).where(RegisterEntry.nomination_id == nomination.id)
            )
            require(numbered is None, f"Khen thưởng của «{nomination.nominee_name}» đã được cấp số vào sổ vàng: "
                                      "không rút được, chỉ thu hồi được.", "status")  # fmt: skip
            nomination.status, nomination.decision_id, nomination.status_reason = S.VOTED, None, reason
            nomination.decided_name = nomination.decided_position = nomination.decided_unit = None
            _log(session, db, nomination, S.APPROVED, S.VOTED, reason)
            moved.append(nomination)
    return moved


def revoke(
    db: Database, ids: Sequence[int], reason: str, *, expected_versions: dict[int, int] | None = None
) -> list[Nomination]:
    """Revoke approved awards (Law 06/2022 Art. 93): kept, marked, never deleted."""
    return _step(db, ids, S.REVOKED, reason, expected_versions=expected_versions)


@dataclass(frozen=True)
class Vote:
    votes_for: int
    votes_against: int
    council_size: int  # all members of the council, present or not
    voted_on: dt.date

    @property
    def share(self) -> float:
        """Agree votes as a share of all council members (the law's measure)."""
        return self.votes_for / self.council_size


def check_vote(vote: Vote) -> None:
    require(vote.council_size > 0, "Số thành viên Hội đồng phải lớn hơn 0.", "council_size")
    require(vote.votes_for >= 0, "Số phiếu đồng ý không hợp lệ.", "votes_for")
    require(vote.votes_against >= 0, "Số phiếu không đồng ý không hợp lệ.", "votes_against")
    require(
        vote.votes_for + vote.votes_against <= vote.council_size,
        f"Tổng số phiếu ({vote.votes_for + vote.votes_against}) vượt số thành viên Hội đồng ({vote.council_size}).",
        "votes_for",
    )


def record_votes(
    db: Database, votes: dict[int, Vote], *, expected_versions: dict[int, int] | None = None
) -> list[Nomination]:
    """Record the council's votes on many nominations in one transaction: all or none."""
    require(bool(votes), "Chưa chọn hồ sơ nào.")
    for vote in votes.values():
        check_vote(vote)
    allowed(db, P.VOTES)
    done = []
    with db.write() as session, session.no_autoflush:  # one flush at the end, as in _step
        for nomination_id, vote in votes.items():
            nomination = _load(session, nomination_id, (expected_versions or {}).get(nomination_id))
            nomination.votes_for, nomination.votes_against = vote.votes_for, vote.votes_against
            nomination.council_size, nomination.voted_on = vote.council_size, vote.voted_on
            if nomination.status is S.VOTED:
                _log(session, db, nomination, S.VOTED, S.VOTED, "Sửa kết quả bỏ phiếu")
            else:
                _move(session, db, nomination, S.VOTED)
            done.append(nomination)
    return done


def record_vote(
    db: Database, nomination_id: int, vote: Vote, *, expected_version: int | None = None
) -> Nomination:
    """Record (or correct) the council's vote on one submitted nomination."""
    versions = {nomination_id: expected_version} if expected_version is not None else None
    return record_votes(db, {nomination_id: vote}, expected_versions=versions)[0]


def _snapshot(session: Session, nomination: Nomination) -> None:
    """The nominee's name, position and unit as the decision grants the award: certificates,
    reprints and verification say these, whatever the person's record says later. (Read through
    the session's identity map: approving a decision's hundreds of awards loads each unit once.)"""
    person = session.get(Person, nomination.person_id) if nomination.person_id is not None else None
    unit = session.get(Unit, person.unit_id if person is not None else nomination.unit_id)
    parent = session.get(Unit, unit.parent_id) if unit is not None and unit.parent_id is not None else None
    parent_name = parent.name if parent is not None else None
    nomination.decided_name = nomination.nominee_name
    nomination.decided_position, nomination.decided_unit = nominee_place(
        nomination.person_id,
        person.position if person is not None else None,
        unit.name if unit is not None else None,
        parent_name,
        parent_name,
    )


def approve(
    db: Database, ids: Sequence[int], decision_id: int, *, expected_versions: dict[int, int] | None = None
) -> list[Nomination]:
    """Attach voted nominations to a decision: they become awards."""

    def attach(session: Session, nomination: Nomination) -> None:
        decision = get(session, Decision, decision_id, "quyết định")
        award = session.get(Award, nomination.award_id)
        assert award is not None
        why = misfit(session, decision, nomination, award)
        require(why is None, f"Hồ sơ «{nomination.nominee_name}»: {why}", "decision")
        nomination.decision_id = decision.id
        _snapshot(session, nomination)

    return _step(db, ids, S.APPROVED, before=attach, expected_versions=expected_versions)


def delete_nomination(db: Database, nomination_id: int) -> None:
    """Delete a draft or returned nomination; anything further along is kept for the record."""
    allowed(db, P.NOMINATIONS)
    with db.write() as session:
        nomination = get(session, Nomination, nomination_id, "hồ sơ đề nghị")
        _allowed_on(db, P.NOMINATIONS, session, nomination)
        if nomination.decision_id is not None or nomination.status not in EDITABLE:
            raise DomainError(
                f"Không xóa được hồ sơ «{nomination.nominee_name}» ở trạng thái «{nomination.status.label}»"
                + ("; hồ sơ đã có trong quyết định khen thưởng." if nomination.decision_id else ".")
            )
        from .attachments import Owner, drop_owned

        drop_owned(session, Owner.nomination(nomination_id))  # its scans go with it, logged
        session.delete(nomination)


def get_nomination(db: Database, nomination_id: int) -> NominationRecord:
    with db.read() as session:
        return NominationRecord.of(get(session, Nomination, nomination_id, "hồ sơ đề nghị"))


def history(db: Database, nomination_id: int) -> list[NominationEvent]:
    with db.read() as session:
        return list(
            session.scalars(
                select(NominationEvent)
                .where(NominationEvent.nomination_id == nomination_id)
                .order_by(NominationEvent.id)
            )
        )
