"""Nominations: entry checks, the workflow (every legal and illegal step), events, batches, atomicity."""

from __future__ import annotations

import datetime as dt

import factories as f
import pytest
from sqlalchemy import func, select

from app.auth import Actor
from app.errors import ConflictError, DomainError, NotFound
from app.model import CampaignKind, Gender, Nomination, NominationEvent, NominationStatus, UserRole
from app.services import nomination_lists as L
from app.services import nominations as N
from app.services.campaigns import CampaignInput, create_campaign

db = f.db  # the template copy already holds the catalogue: do not re-read it per test

S = NominationStatus
REASON = "Bổ sung báo cáo thành tích"
LEGAL = [(old, new) for old, targets in N.TRANSITIONS.items() for new in sorted(targets)]
# record_vote on a voted nomination is a correction of the count, tested on its own below.
ILLEGAL = [
    (old, new) for old in S for new in S if new not in N.TRANSITIONS[old] and not (old is new is S.VOTED)
]


@pytest.fixture
def world(db):
    unit = f.unit(db, "Sở Tài chính")
    lan = f.person(db, unit.id, "Lê Thị Lan", gender=Gender.FEMALE)
    return db, unit, lan


def _in_status(db, status: S, person_id: int, code: str = "LDTT", year: int = 2025) -> int:  # type: ignore[no-untyped-def]
    """A nomination brought to ``status`` through the services."""
    nom_id = f.nomination(db, code, year, person_id=person_id).id
    if status is S.DRAFT:
        return nom_id
    N.submit(db, [nom_id])
    if status is S.RETURNED:
        N.return_for_revision(db, [nom_id], REASON)
    elif status is S.REJECTED:
        N.reject(db, [nom_id], "Không đủ tiêu chuẩn")
    elif status in (S.VOTED, S.APPROVED, S.REVOKED):
        N.record_vote(db, nom_id, f.vote(year))
        if status is not S.VOTED:
            N.approve(db, [nom_id], f.decision(db, year).id)
        if status is S.REVOKED:
            N.revoke(db, [nom_id], "Kê khai không trung thực")
    assert N.get_nomination(db, nom_id).status is status
    return nom_id


def _act(db, nom_id: int, new: S, year: int = 2025) -> None:  # type: ignore[no-untyped-def]
    """Ask the service for the step to ``new`` (nothing moves a nomination back to draft)."""
    if new is S.SUBMITTED:
        N.submit(db, [nom_id])
    elif new is S.RETURNED:
        N.return_for_revision(db, [nom_id], REASON)
    elif new is S.VOTED:
        N.record_vote(db, nom_id, f.vote(year))
    elif new is S.APPROVED:
        N.approve(db, [nom_id], f.decision(db, year).id)
    elif new is S.REJECTED:
        N.reject(db, [nom_id], "Không đạt tỷ lệ phiếu")
    elif new is S.REVOKED:
        N.revoke(db, [nom_id], "Hồ sơ giả mạo")
    else:
        N._step(db, [nom_id], new)


def _events(db, nom_id: int) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(e.from_status, e.to_status, e.reason, e.actor) for e in N.history(db, nom_id)]


# --- the workflow, table-driven ------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), LEGAL, ids=[f"{o}->{n}" for o, n in LEGAL])
def test_every_legal_transition_moves_and_is_logged(world, old: S, new: S) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, old, lan.id)
    db.actor = Actor("chuyenvien.tdkt", UserRole.APPROVER)
    _act(db, nom_id, new)
    nom = N.get_nomination(db, nom_id)
    assert nom.status is new
    last = _events(db, nom_id)[-1]
    assert last[:2] == (old.value, new.value)
    assert last[3] == "chuyenvien.tdkt"
    if new in N.NEEDS_REASON:
        assert nom.status_reason == last[2] != ""


@pytest.mark.parametrize(("old", "new"), ILLEGAL, ids=[f"{o}->{n}" for o, n in ILLEGAL])
def test_every_illegal_transition_is_refused_and_changes_nothing(world, old: S, new: S) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, old, lan.id)
    if new is S.APPROVED:
        decision_id = f.decision(db).id
    before = f.dump(db)
    with pytest.raises(DomainError) as caught:
        if new is S.APPROVED:
            N.approve(db, [nom_id], decision_id)
        else:
            _act(db, nom_id, new)
    assert caught.value.field == "status"
    assert f"từ «{old.label}» sang «{new.label}»" in caught.value.message
    assert f.dump(db) == before


def test_transition_table_ends_in_rejected_and_revoked() -> None:
    assert N.TRANSITIONS[S.REJECTED] == frozenset() and N.TRANSITIONS[S.REVOKED] == frozenset()
    assert all(S.DRAFT not in targets for targets in N.TRANSITIONS.values())


@pytest.mark.parametrize(
    ("old", "step"),
    [
        (S.SUBMITTED, N.return_for_revision),
        (S.VOTED, N.return_for_revision),
        (S.SUBMITTED, N.reject),
        (S.VOTED, N.reject),
        (S.APPROVED, N.revoke),
    ],
    ids=["return-submitted", "return-voted", "reject-submitted", "reject-voted", "revoke"],
)
@pytest.mark.parametrize("reason", ["", "   "], ids=["empty", "blank"])
def test_backward_reject_and_revoke_need_a_reason(world, old: S, step, reason: str) -> None:  # type: ignore[no-untyped-def]
    db, _unit, lan = world
    nom_id = _in_status(db, old, lan.id)
    before = f.dump(db)
    with pytest.raises(DomainError) as caught:
        step(db, [nom_id], reason)
    assert caught.value.field == "reason"
    assert "Cần ghi rõ lý do" in caught.value.message
    assert f.dump(db) == before


def test_correcting_a_vote_keeps_the_status_and_logs_the_correction(world) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, S.VOTED, lan.id)
    N.record_vote(db, nom_id, N.Vote(9, 2, 11, dt.date(2025, 12, 2)))
    nom = N.get_nomination(db, nom_id)
    assert (nom.status, nom.votes_for, nom.votes_against, nom.council_size) == (S.VOTED, 9, 2, 11)
    assert _events(db, nom_id)[-1][:3] == ("voted", "voted", "Sửa kết quả bỏ phiếu")


@pytest.mark.parametrize(
    ("vote", "field"),
    [
        (N.Vote(12, 0, 11, dt.date(2025, 12, 1)), "votes_for"),
        (N.Vote(6, 6, 11, dt.date(2025, 12, 1)), "votes_for"),
        (N.Vote(0, 0, 0, dt.date(2025, 12, 1)), "council_size"),
        (N.Vote(-1, 0, 11, dt.date(2025, 12, 1)), "votes_for"),
        (N.Vote(5, -1, 11, dt.date(2025, 12, 1)), "votes_against"),
    ],
    ids=["for-above-council", "sum-above-council", "no-council", "negative-for", "negative-against"],
)
def test_impossible_vote_is_refused(world, vote: N.Vote, field: str) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, S.SUBMITTED, lan.id)
    with pytest.raises(DomainError) as caught:
        N.record_vote(db, nom_id, vote)
    assert caught.value.field == field
    assert N.get_nomination(db, nom_id).status is S.SUBMITTED


def test_vote_share_is_over_all_council_members() -> None:
    assert N.Vote(9, 0, 12, dt.date(2025, 12, 1)).share == 0.75


# --- entry checks ---------------------------------------------------------------------------------------


def test_collective_award_for_a_person_is_refused(world) -> None:
    db, _unit, lan = world
    with pytest.raises(DomainError) as caught:
        f.nomination(db, "TTLDTT", 2025, person_id=lan.id)
    assert caught.value.field == "award"
    assert "khen thưởng cho tập thể, không đề nghị cho cá nhân" in caught.value.message


@pytest.mark.parametrize("code", ["LDTT", "GDVH"], ids=["individual", "household"])
def test_individual_or_household_award_for_a_unit_is_refused(world, code: str) -> None:
    db, unit, _lan = world
    with pytest.raises(DomainError) as caught:
        f.nomination(db, code, 2025, unit_id=unit.id)
    assert caught.value.field == "award"
    assert "không đề nghị cho tập thể" in caught.value.message


def test_household_award_goes_to_a_person(world) -> None:
    db, _unit, lan = world
    assert f.nomination(db, "GDVH", 2025, person_id=lan.id).status is S.DRAFT


@pytest.mark.parametrize(
    ("code", "year", "nominee"), [("LDTT", 1990, "person"), ("XA_TIEU_BIEU", 2023, "unit")]
)
def test_award_without_a_version_in_force_that_year_is_refused(
    world, code: str, year: int, nominee: str
) -> None:
    db, unit, lan = world
    kw = {"person_id": lan.id} if nominee == "person" else {"unit_id": unit.id}
    with pytest.raises(DomainError) as caught:
        f.nomination(db, code, year, **kw)
    assert caught.value.field == "award"
    assert f"có hiệu lực năm {year}" in caught.value.message


def test_award_introduced_in_2024_is_accepted_from_2024(world) -> None:
    db, unit, _lan = world
    assert f.nomination(db, "XA_TIEU_BIEU", 2024, unit_id=unit.id).year == 2024


@pytest.mark.parametrize("both", [True, False], ids=["both", "neither"])
def test_nomination_needs_one_nominee(world, both: bool) -> None:
    db, unit, lan = world
    kw = {"person_id": lan.id, "unit_id": unit.id} if both else {}
    with pytest.raises(DomainError) as caught:
        f.nomination(db, "LDTT", 2025, **kw)
    assert caught.value.field == "nominee"


def test_year_out_of_range_is_refused(world) -> None:
    db, _unit, lan = world
    with pytest.raises(DomainError) as caught:
        f.nomination(db, "LDTT", 2201, person_id=lan.id)
    assert caught.value.field == "year"


def test_unknown_nominee_award_or_campaign_is_not_found(world) -> None:
    db, _unit, lan = world
    with pytest.raises(NotFound, match="cá nhân"):
        f.nomination(db, "LDTT", 2025, person_id=99999)
    with pytest.raises(NotFound, match="danh hiệu"):
        N.create_nomination(db, N.NominationInput(year=2025, award_id=99999, person_id=lan.id))
    with pytest.raises(NotFound, match="phong trào"):
        f.nomination(db, "LDTT", 2025, person_id=lan.id, campaign_id=99999)


def test_submitting_unit_defaults_to_the_persons_unit_and_the_parent_of_a_division(world) -> None:
    db, unit, lan = world
    from app.model import UnitLevel

    division = f.unit(db, "Phòng Kế hoạch", level=UnitLevel.DIVISION, parent_id=unit.id)
    assert f.nomination(db, "LDTT", 2025, person_id=lan.id).submitting_unit_id == unit.id
    assert f.nomination(db, "TTLDTT", 2025, unit_id=division.id).submitting_unit_id == unit.id


def test_duplicate_live_nomination_is_refused_with_a_clear_message(world) -> None:
    db, _unit, lan = world
    first = f.nomination(db, "LDTT", 2025, person_id=lan.id)
    before = f.dump(db)
    with pytest.raises(DomainError) as caught:
        f.nomination(db, "LDTT", 2025, person_id=lan.id)
    assert caught.value.field == "award"
    assert caught.value.message == (
        f"«Lê Thị Lan» đã có hồ sơ đề nghị «Lao động tiên tiến» năm 2025 (mã {first.id}, nháp)."
    )
    assert f.dump(db) == before


def test_a_batch_of_nominations_is_made_as_one_by_one_and_refuses_its_own_duplicate(world) -> None:
    db, unit, lan = world
    hung = f.person(db, unit.id, "Trần Văn Hùng")
    ldtt = f.award_id(db, "LDTT")
    made = N.create_nominations(
        db, [N.NominationInput(year=2025, award_id=ldtt, person_id=p.id) for p in (lan, hung)]
    )
    assert [r.nominee_name for r in made] == ["Lê Thị Lan", "Trần Văn Hùng"]
    assert [r.status for r in made] == [S.DRAFT, S.DRAFT]
    assert all(_events(db, r.id) for r in made)  # each with its first event
    before = f.dump(db)
    with pytest.raises(DomainError) as caught:  # twice in one batch: refused as the second single save is
        N.create_nominations(db, [N.NominationInput(year=2024, award_id=ldtt, person_id=lan.id)] * 2)
    assert caught.value.message.startswith(
        "«Lê Thị Lan» đã có hồ sơ đề nghị «Lao động tiên tiến» năm 2024 (mã "
    )
    assert f.dump(db) == before  # all or none


def test_duplicate_check_counts_submitted_voted_and_approved_as_live(world) -> None:
    db, _unit, lan = world
    for year, status in ((2022, S.SUBMITTED), (2023, S.VOTED), (2024, S.APPROVED)):
        _in_status(db, status, lan.id, year=year)
        with pytest.raises(DomainError, match=f"năm {year}"):
            f.nomination(db, "LDTT", year, person_id=lan.id)


@pytest.mark.parametrize("final", [S.REJECTED, S.REVOKED])
def test_a_rejected_or_revoked_nomination_does_not_block_a_new_one(world, final: S) -> None:
    db, _unit, lan = world
    old = _in_status(db, final, lan.id)
    new = f.nomination(db, "LDTT", 2025, person_id=lan.id)
    assert new.id != old and new.status is S.DRAFT
    assert N.get_nomination(db, old).status is final


def test_same_award_in_another_campaign_is_another_nomination(world) -> None:
    db, _unit, lan = world
    campaign = create_campaign(
        db,
        CampaignInput(
            name="Thi đua chuyển đổi số",
            kind=CampaignKind.THEMATIC,
            year=2025,
            start_date=dt.date(2025, 3, 1),
            end_date=dt.date(2025, 9, 30),
        ),
    )
    f.nomination(db, "GK_CN", 2025, person_id=lan.id)
    f.nomination(db, "GK_CN", 2025, person_id=lan.id, campaign_id=campaign.id)
    with pytest.raises(DomainError, match="đã có hồ sơ"):
        f.nomination(db, "GK_CN", 2025, person_id=lan.id, campaign_id=campaign.id)
    with pytest.raises(DomainError, match="đã có hồ sơ"):
        f.nomination(db, "GK_CN", 2025, person_id=lan.id)


def test_collective_duplicate_is_refused_too(world) -> None:
    db, unit, _lan = world
    f.nomination(db, "TTLDTT", 2025, unit_id=unit.id)
    with pytest.raises(DomainError, match="«Sở Tài chính» đã có hồ sơ đề nghị «Tập thể lao động tiên tiến»"):
        f.nomination(db, "TTLDTT", 2025, unit_id=unit.id)


# --- editing ---------------------------------------------------------------------------------------------


def test_update_nomination_with_a_stale_version_is_a_conflict(world) -> None:
    db, _unit, lan = world
    nom = f.nomination(db, "LDTT", 2025, person_id=lan.id)
    data = N.NominationInput(
        year=2025, award_id=nom.award_id, person_id=lan.id, achievement="Bản của chị Hoa"
    )
    saved = N.update_nomination(db, nom.id, data, expected_version=nom.version)
    assert saved.version == nom.version + 1
    with pytest.raises(ConflictError) as caught:
        N.update_nomination(
            db,
            nom.id,
            N.NominationInput(year=2025, award_id=nom.award_id, person_id=lan.id, achievement="Bản cũ"),
            expected_version=nom.version,
        )
    assert "vừa được người khác thay đổi" in caught.value.message
    assert N.get_nomination(db, nom.id).achievement == "Bản của chị Hoa"


def test_a_step_with_a_stale_version_is_a_conflict(world) -> None:
    db, _unit, lan = world
    nom = f.nomination(db, "LDTT", 2025, person_id=lan.id)
    N.update_nomination(
        db, nom.id, N.NominationInput(year=2025, award_id=nom.award_id, person_id=lan.id, achievement="Sửa")
    )
    with pytest.raises(ConflictError):
        N.submit(db, [nom.id], expected_versions={nom.id: nom.version})
    assert N.get_nomination(db, nom.id).status is S.DRAFT


def test_only_draft_and_returned_nominations_are_editable(world) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, S.SUBMITTED, lan.id)
    award_id = f.award_id(db, "LDTT")
    with pytest.raises(DomainError, match="không sửa được"):
        N.update_nomination(
            db,
            nom_id,
            N.NominationInput(
                year=2025, award_id=award_id, person_id=lan.id, achievement="Sửa sau khi trình"
            ),
        )
    N.return_for_revision(db, [nom_id], REASON)
    N.update_nomination(
        db,
        nom_id,
        N.NominationInput(year=2025, award_id=award_id, person_id=lan.id, achievement="Đã bổ sung"),
    )
    assert N.get_nomination(db, nom_id).achievement == "Đã bổ sung"


def test_update_into_a_duplicate_is_refused(world) -> None:
    db, _unit, lan = world
    f.nomination(db, "LDTT", 2025, person_id=lan.id)
    other = f.nomination(db, "LDTT", 2024, person_id=lan.id)
    with pytest.raises(DomainError, match="đã có hồ sơ"):
        N.update_nomination(
            db, other.id, N.NominationInput(year=2025, award_id=other.award_id, person_id=lan.id)
        )
    assert N.get_nomination(db, other.id).year == 2024


def test_update_to_an_unknown_submitting_unit_is_not_found(world) -> None:
    db, _unit, lan = world
    nom = f.nomination(db, "LDTT", 2025, person_id=lan.id)
    with pytest.raises(NotFound, match="đơn vị đề nghị"):
        N.update_nomination(
            db,
            nom.id,
            N.NominationInput(year=2025, award_id=nom.award_id, person_id=lan.id, submitting_unit_id=99999),
        )


# --- approval, revocation, deletion ----------------------------------------------------------------------


def test_approve_records_the_decision(world) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, S.VOTED, lan.id)
    decision = f.decision(db, 2025)
    N.approve(db, [nom_id], decision.id)
    nom = N.get_nomination(db, nom_id)
    assert (nom.status, nom.decision_id) == (S.APPROVED, decision.id)


def test_approve_without_an_existing_decision_is_refused(world) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, S.VOTED, lan.id)
    before = f.dump(db)
    with pytest.raises(NotFound, match="quyết định"):
        N.approve(db, [nom_id], 99999)
    assert f.dump(db) == before


def test_approve_by_a_decision_signed_before_the_year_is_refused(world) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, S.VOTED, lan.id)
    old = f.decision(db, 2024)
    with pytest.raises(DomainError, match="trước năm đề nghị 2025"):
        N.approve(db, [nom_id], old.id)
    assert N.get_nomination(db, nom_id).decision_id is None


def test_revoke_keeps_the_row_its_decision_and_the_reason(world) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, S.APPROVED, lan.id)
    decision_id = N.get_nomination(db, nom_id).decision_id
    N.revoke(db, [nom_id], "Kê khai thành tích không trung thực")
    nom = N.get_nomination(db, nom_id)
    assert (nom.status, nom.decision_id, nom.status_reason) == (
        S.REVOKED,
        decision_id,
        "Kê khai thành tích không trung thực",
    )


@pytest.mark.parametrize("status", [S.APPROVED, S.REVOKED, S.SUBMITTED, S.VOTED, S.REJECTED])
def test_delete_refused_once_past_draft_or_in_a_decision(world, status: S) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, status, lan.id)
    with pytest.raises(DomainError, match="Không xóa được hồ sơ «Lê Thị Lan»") as caught:
        N.delete_nomination(db, nom_id)
    if status in (S.APPROVED, S.REVOKED):
        assert "đã có trong quyết định khen thưởng" in caught.value.message
    assert N.get_nomination(db, nom_id).status is status


@pytest.mark.parametrize("status", [S.DRAFT, S.RETURNED])
def test_draft_or_returned_nomination_is_deleted_with_its_events(world, status: S) -> None:
    db, _unit, lan = world
    nom_id = _in_status(db, status, lan.id)
    N.delete_nomination(db, nom_id)
    with db.read() as session:
        assert session.get(Nomination, nom_id) is None
        assert session.scalar(select(func.count()).select_from(NominationEvent)) == 0


# --- events ------------------------------------------------------------------------------------------------


def test_every_step_is_logged_with_its_actor_and_reason(world) -> None:
    db, _unit, lan = world
    db.actor = Actor("nhap.lieu", UserRole.APPROVER)
    nom_id = f.nomination(db, "LDTT", 2025, person_id=lan.id).id
    N.submit(db, [nom_id])
    db.actor = Actor("truong.phong", UserRole.APPROVER)
    N.return_for_revision(db, [nom_id], REASON)
    db.actor = Actor("nhap.lieu", UserRole.APPROVER)
    N.submit(db, [nom_id])
    db.actor = Actor("thu.ky.hoi.dong", UserRole.APPROVER)
    N.record_vote(db, nom_id, f.vote())
    decision_id = f.decision(db).id
    db.actor = Actor("van.thu", UserRole.APPROVER)
    N.approve(db, [nom_id], decision_id)
    db.actor = Actor("thanh.tra", UserRole.APPROVER)
    N.revoke(db, [nom_id], "Hồ sơ giả mạo")
    assert _events(db, nom_id) == [
        (None, "draft", "", "nhap.lieu"),
        ("draft", "submitted", "", "nhap.lieu"),
        ("submitted", "returned", REASON, "truong.phong"),
        ("returned", "submitted", "", "nhap.lieu"),
        ("submitted", "voted", "", "thu.ky.hoi.dong"),
        ("voted", "approved", "", "van.thu"),
        ("approved", "revoked", "Hồ sơ giả mạo", "thanh.tra"),
    ]


def test_a_refused_step_logs_no_event(world) -> None:
    db, _unit, lan = world
    nom_id = f.nomination(db, "LDTT", 2025, person_id=lan.id).id
    with pytest.raises(DomainError):
        N.reject(db, [nom_id], "Không đủ tiêu chuẩn")
    assert _events(db, nom_id) == [(None, "draft", "", "system")]


# --- batches -----------------------------------------------------------------------------------------------


@pytest.fixture
def three(world):
    db, unit, lan = world
    people = [lan] + [f.person(db, unit.id, name) for name in ("Trần Văn Hùng", "Phạm Văn Đức")]
    return db, [f.nomination(db, "LDTT", 2025, person_id=p.id).id for p in people]


def test_a_batch_moves_every_nomination(three) -> None:
    db, ids = three
    moved = N.submit(db, ids)
    assert [n.id for n in moved] == ids
    assert {N.get_nomination(db, i).status for i in ids} == {S.SUBMITTED}


def test_a_batch_with_an_unknown_id_moves_none(three) -> None:
    db, ids = three
    before = f.dump(db)
    with pytest.raises(NotFound):
        N.submit(db, [ids[0], ids[1], 99999, ids[2]])
    assert f.dump(db) == before


def test_a_batch_with_one_illegal_step_moves_none(three) -> None:
    db, ids = three
    N.submit(db, [ids[2]])
    before = f.dump(db)
    with pytest.raises(DomainError, match="từ «Đã trình» sang «Đã trình»"):
        N.submit(db, ids)  # the third is already submitted
    assert f.dump(db) == before
    assert [N.get_nomination(db, i).status for i in ids] == [S.DRAFT, S.DRAFT, S.SUBMITTED]


def test_a_batch_approval_with_one_unvoted_nomination_approves_none(three) -> None:
    db, ids = three
    N.submit(db, ids)
    for i in ids[:2]:
        N.record_vote(db, i, f.vote())
    decision_id = f.decision(db).id
    before = f.dump(db)
    with pytest.raises(DomainError):
        N.approve(db, ids, decision_id)
    assert f.dump(db) == before


def test_an_empty_batch_is_refused(world) -> None:
    db, _unit, _lan = world
    with pytest.raises(DomainError, match="Chưa chọn hồ sơ nào"):
        N.submit(db, [])


# --- lists --------------------------------------------------------------------------------------------------


def test_list_filters_by_status_and_folded_name_newest_first(three) -> None:
    db, ids = three
    N.submit(db, ids[:2])
    rows = L.list_nominations(db, L.NominationFilter(year=2025, status=S.SUBMITTED))
    assert [r.id for r in rows] == [ids[1], ids[0]]
    assert [r.nominee_name for r in L.list_nominations(db, L.NominationFilter(query="duc"))] == [
        "Phạm Văn Đức"
    ]
    assert L.count_nominations(db, L.NominationFilter(year=2025)) == 3
    page = L.list_nominations(db, limit=2)
    assert [r.id for r in L.list_nominations(db, after_id=page[-1].id)] == [ids[0]]
