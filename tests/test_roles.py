"""Role checks through the service API (not the GUI): a clerk works for their own unit only, the
secretariat votes, approves and decides, the administrator changes accounts, units and catalogue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories as f
import pytest
from sqlalchemy import select

from app import catalogue
from app.auth import ANONYMOUS, SYSTEM, Actor, PermissionDeniedError
from app.model import AuditEntry, Gender, NominationStatus, UnitLevel, UserRole
from app.services import nominations as N
from app.services.accounts import AccountInput, create_account, set_active
from app.services.appraisals import set_appraisal
from app.services.blocs import BlocInput, create_bloc
from app.services.campaigns import CampaignInput, create_campaign
from app.services.decisions import DecisionInput, create_decision
from app.services.initiatives import InitiativeInput, create_initiative
from app.services.nominations import NominationInput, Vote
from app.services.persons import PersonInput, create_person, move_person, update_person
from app.services.registers import create_book
from app.services.scoring import CriterionInput, set_criteria
from app.services.units import UnitInput, create_unit, update_unit
from app.storage.backup import make_backup, restore

db = f.db
CAMPAIGN = CampaignInput(
    name="Thi đua nước rút",
    kind="thematic",
    year=2025,
    start_date=dt.date(2025, 3, 1),
    end_date=dt.date(2025, 6, 30),
)
VOTE = Vote(votes_for=9, votes_against=0, council_size=9, voted_on=dt.date(2025, 12, 1))


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    """Two departments (STC with a division under it, SXD), a person in each, a submitted
    nomination of each; the actors of the three roles."""
    stc = f.unit(db, "Sở Tài chính", code="STC")
    ns = f.unit(db, "Phòng Quản lý ngân sách", code="STC.NS", level=UnitLevel.DIVISION, parent_id=stc.id)
    sxd = f.unit(db, "Sở Xây dựng", code="SXD")
    lan = f.person(db, stc.id, "Lê Thị Lan", gender=Gender.FEMALE)
    binh = f.person(db, sxd.id, "Trần Văn Bình")
    own = f.nomination(db, "LDTT", 2025, person_id=lan.id).id
    other = f.nomination(db, "LDTT", 2025, person_id=binh.id).id
    N.submit(db, [own, other])
    actors = {
        "clerk": Actor("canbo.stc", UserRole.CLERK, stc.id),
        "approver": Actor("pheduyet", UserRole.APPROVER),
        "admin": Actor("quantri", UserRole.ADMIN),
    }
    return dict(db=db, stc=stc, ns=ns, sxd=sxd, lan=lan, binh=binh, own=own, other=other, **actors)


def _denied(call, *args, **kw) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDeniedError) as caught:
        call(*args, **kw)
    return caught.value.message


def test_a_clerk_cannot_vote_return_reject_approve_or_revoke(world) -> None:
    db = world["db"]
    db.actor = world["clerk"]
    assert "bỏ phiếu" in _denied(N.record_vote, db, world["own"], VOTE)
    assert "phê duyệt" in _denied(N.return_for_revision, db, [world["own"]], "Thiếu minh chứng")
    _denied(N.reject, db, [world["own"]], "Không đủ điều kiện")
    _denied(N.revoke, db, [world["own"]], "Sai sót")
    db.actor = SYSTEM
    decision = f.decision(db, 2025)
    db.actor = world["clerk"]
    _denied(N.approve, db, [world["own"]], decision.id)
    db.actor = SYSTEM
    assert N.get_nomination(db, world["own"]).status is NominationStatus.SUBMITTED  # nothing moved


def test_a_clerk_cannot_create_a_decision_a_register_book_or_criteria(world) -> None:
    db = world["db"]
    db.actor = world["clerk"]
    message = _denied(create_decision, db, DecisionInput(number="5/QĐ-UBND", signed_on=dt.date(2025, 12, 1),
                                                           issuer=f.ISSUER, signer_name="Nguyễn Văn A",
                                                           signer_title="Chủ tịch"))  # fmt: skip
    assert message == (
        "Tài khoản «canbo.stc» (Cán bộ nhập liệu) không được phép tạo hoặc xóa quyết định khen thưởng."
    )
    _denied(create_book, db, "SO1", "Sổ khen thưởng")
    _denied(set_criteria, db, 1, 2025, [CriterionInput(code="1", name="Tiêu chí", max_points=10)])


def test_a_clerk_enters_persons_and_nominations_of_their_unit_and_its_divisions(world) -> None:
    db = world["db"]
    db.actor = world["clerk"]
    hoa = create_person(
        db, PersonInput(unit_id=world["ns"].id, full_name="Phạm Thị Hoa", gender=Gender.FEMALE)
    )
    nomination = N.create_nomination(
        db, NominationInput(year=2025, award_id=f.award_id(db, "LDTT"), person_id=hoa.id)
    )
    N.submit(db, [nomination.id])
    set_appraisal(db, 2025, "excellent", person_id=hoa.id)
    create_initiative(
        db, InitiativeInput(title="Số hóa chứng từ", year=2025, level="grassroots", author_ids=[hoa.id])
    )
    with db.read() as s:
        actors = set(
            s.scalars(select(AuditEntry.actor).where(AuditEntry.entity.in_(("person", "nomination"))))
        )
    assert "canbo.stc" in actors


def test_a_clerk_cannot_create_or_edit_another_units_persons_or_nominations(world) -> None:
    db = world["db"]
    db.actor = world["clerk"]
    sxd, binh = world["sxd"], world["binh"]
    message = _denied(
        create_person, db, PersonInput(unit_id=sxd.id, full_name="Đỗ Văn Cường", gender=Gender.MALE)
    )
    assert "của đơn vị mình" in message
    _denied(
        update_person, db, binh.id, PersonInput(unit_id=sxd.id, full_name="Trần Văn Bính", gender=Gender.MALE)
    )
    _denied(move_person, db, world["lan"].id, sxd.id, "Chuyên viên", dt.date(2025, 6, 1))  # out of the unit
    award = f.award_id(db, "LDTT")
    _denied(N.create_nomination, db, NominationInput(year=2024, award_id=award, person_id=binh.id))
    # naming one's own unit as the submitter does not make another unit's person one's own
    _denied(N.create_nomination, db,
            NominationInput(year=2024, award_id=award, person_id=binh.id, submitting_unit_id=world["stc"].id))  # fmt: skip
    db.actor = SYSTEM
    returned = N.return_for_revision(db, [world["other"]], "Bổ sung")[0]
    db.actor = world["clerk"]
    _denied(N.update_nomination, db, returned.id,
            NominationInput(year=2025, award_id=award, person_id=binh.id, achievement="sửa"))  # fmt: skip
    _denied(N.delete_nomination, db, returned.id)
    _denied(N.submit, db, [returned.id])
    _denied(set_appraisal, db, 2025, "excellent", person_id=binh.id)
    db.actor = SYSTEM
    with db.read() as s:
        assert (
            s.scalar(select(AuditEntry.id).where(AuditEntry.actor == "canbo.stc")) is None
        )  # nothing written


def test_a_clerk_cannot_change_units_blocs_campaigns_catalogue_or_accounts(world, tmp_path: Path) -> None:
    db = world["db"]
    db.actor = world["clerk"]
    _denied(create_unit, db, UnitInput(code="SYT", name="Sở Y tế"))
    _denied(update_unit, db, world["stc"].id, UnitInput(code="STC", name="Sở Tài chính tỉnh"))
    _denied(create_bloc, db, BlocInput(code="VX", name="Khối Văn xã", kind="bloc"))
    _denied(create_campaign, db, CAMPAIGN)
    changed = tmp_path / "awards.toml"
    changed.write_text(catalogue.default_path().read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    assert "danh mục" in _denied(catalogue.sync, db, changed)
    assert "tài khoản" in _denied(create_account, db, AccountInput("moi", UserRole.ADMIN), "matkhau123")
    _denied(set_active, db, "quantri", False)


def test_a_clerk_cannot_restore_a_backup(db_path: Path) -> None:
    copy = make_backup(db_path)
    _denied(restore, copy, db_path, actor=Actor("canbo.stc", UserRole.CLERK, 1))
    _denied(restore, copy, db_path, actor=Actor("pheduyet", UserRole.APPROVER))


def test_the_approver_votes_approves_and_decides_for_any_unit(world) -> None:
    db = world["db"]
    db.actor = world["approver"]
    N.record_votes(db, {world["own"]: VOTE, world["other"]: VOTE})
    decision = f.decision(db, 2025)
    approved = N.approve(db, [world["own"], world["other"]], decision.id)
    assert {n.status for n in approved} == {NominationStatus.APPROVED}
    create_book(db, "SO1", "Sổ khen thưởng")
    # and the clerk's work, for any unit
    create_person(db, PersonInput(unit_id=world["sxd"].id, full_name="Đỗ Văn Cường", gender=Gender.MALE))
    # but not the administrator's
    _denied(create_unit, db, UnitInput(code="SYT", name="Sở Y tế"))
    _denied(create_campaign, db, CAMPAIGN)
    with db.read() as s:
        events = {e for e in s.scalars(select(AuditEntry.actor).where(AuditEntry.entity == "nomination"))}
    assert "pheduyet" in events


def test_the_admin_may_do_everything(world) -> None:
    db = world["db"]
    db.actor = world["admin"]
    create_unit(db, UnitInput(code="SYT", name="Sở Y tế"))
    create_campaign(db, CAMPAIGN)
    N.record_vote(db, world["own"], VOTE)


def test_nobody_logged_in_may_read_but_not_write(world) -> None:
    db = world["db"]
    db.actor = ANONYMOUS
    assert N.get_nomination(db, world["own"]).id == world["own"]
    assert _denied(create_person, db, PersonInput(unit_id=world["stc"].id, full_name="Ai Đó", gender=Gender.MALE)) \
        .startswith("Chưa đăng nhập")  # fmt: skip


def test_a_clerk_may_check_an_import_file_but_not_import_it(world, tmp_path: Path) -> None:
    from app.excel.importer import run_import

    db = world["db"]
    sheet = tmp_path / "donvi.csv"
    sheet.write_text("Mã đơn vị,Tên đơn vị\nSNV,Sở Nội vụ\n", encoding="utf-8")
    db.actor = world["clerk"]
    assert run_import(db, "units", sheet, dry_run=True).records == 1
    assert "nhập dữ liệu" in _denied(run_import, db, "units", sheet, dry_run=False, on_duplicate="skip")
    db.actor = world["approver"]  # imports, but units are the administrator's
    assert "đơn vị" in _denied(run_import, db, "units", sheet, dry_run=False, on_duplicate="skip")
    db.actor = world["admin"]
    assert run_import(db, "units", sheet, dry_run=False, on_duplicate="skip").committed
