"""Units (đơn vị) and emulation blocs (khối thi đua): codes, the unit tree, deletion, membership."""

from __future__ import annotations

import datetime as dt

import factories as f
import pytest
from sqlalchemy import func, select

from app.errors import DomainError, NotFound
from app.model import BlocMembership, BlocRole, Unit, UnitLevel
from app.services.blocs import BlocInput, create_bloc, members, remove_membership, set_membership
from app.services.persons import move_person
from app.services.units import UnitInput, create_unit, delete_unit, get_unit, list_units, update_unit

db = f.db  # the template copy already holds the catalogue: do not re-read it per test

# --- units ----------------------------------------------------------------------------------------


def test_unit_code_is_stored_in_capitals_and_name_cleaned(db) -> None:
    unit = create_unit(db, UnitInput(code=" stc ", name="  Sở   Tài chính ", short_name="STC"))
    stored = get_unit(db, unit.id)
    assert (stored.code, stored.name) == ("STC", "Sở Tài chính")
    assert stored.name_fold == "so tai chinh"


@pytest.mark.parametrize("code", ["SỞ-TC", "S TC", "-STC", "STC/1", "A" * 33])
def test_malformed_unit_code_is_refused_naming_the_code_field(db, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        create_unit(db, UnitInput(code=code, name="Sở Tài chính"))
    assert caught.value.field == "code"
    assert "Mã đơn vị" in caught.value.message
    assert list_units(db) == []


def test_empty_unit_code_and_name_are_refused(db) -> None:
    with pytest.raises(DomainError) as no_code:
        create_unit(db, UnitInput(code="  ", name="Sở Tài chính"))
    assert no_code.value.field == "code" and "không được để trống" in no_code.value.message
    with pytest.raises(DomainError) as no_name:
        create_unit(db, UnitInput(code="STC", name=" "))
    assert no_name.value.field == "name" and "Tên đơn vị không được để trống" in no_name.value.message


def test_duplicate_unit_code_is_refused_whatever_its_case(db) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    with pytest.raises(DomainError) as caught:
        create_unit(db, UnitInput(code="stc", name="Sở Tư pháp"))
    assert caught.value.field == "code"
    assert "«STC» đã được dùng" in caught.value.message
    assert [u.name for u in list_units(db)] == ["Sở Tài chính"]


def test_a_unit_may_keep_its_own_code_on_update(db) -> None:
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    update_unit(db, unit.id, UnitInput(code="STC", name="Sở Tài chính tỉnh Tây Ninh"))
    assert get_unit(db, unit.id).name == "Sở Tài chính tỉnh Tây Ninh"


def test_update_to_another_units_code_is_refused(db) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    other = create_unit(db, UnitInput(code="SXD", name="Sở Xây dựng"))
    with pytest.raises(DomainError) as caught:
        update_unit(db, other.id, UnitInput(code="STC", name="Sở Xây dựng"))
    assert caught.value.field == "code"
    assert get_unit(db, other.id).code == "SXD"


def test_unit_cannot_be_its_own_parent(db) -> None:
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    with pytest.raises(DomainError) as caught:
        update_unit(db, unit.id, UnitInput(code="STC", name="Sở Tài chính", parent_id=unit.id))
    assert caught.value.field == "parent_id"
    assert get_unit(db, unit.id).parent_id is None


def test_parent_cycle_through_a_grandchild_is_refused(db) -> None:
    # given STC > Phòng Kế hoạch > Tổ Tổng hợp
    top = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    mid = create_unit(
        db, UnitInput(code="STC-KH", name="Phòng Kế hoạch", level=UnitLevel.DIVISION, parent_id=top.id)
    )
    low = create_unit(
        db, UnitInput(code="STC-KH-TH", name="Tổ Tổng hợp", level=UnitLevel.DIVISION, parent_id=mid.id)
    )
    # when the top is put under its own grandchild
    with pytest.raises(DomainError) as caught:
        update_unit(db, top.id, UnitInput(code="STC", name="Sở Tài chính", parent_id=low.id))
    # then it is refused and the tree is unchanged
    assert caught.value.field == "parent_id"
    assert "chính nó hoặc đơn vị con" in caught.value.message
    assert get_unit(db, top.id).parent_id is None


def test_unknown_parent_is_not_found(db) -> None:
    with pytest.raises(NotFound, match="đơn vị cấp trên"):
        create_unit(db, UnitInput(code="STC-KH", name="Phòng Kế hoạch", parent_id=99999))


def test_unreferenced_unit_is_deleted(db) -> None:
    unit = f.unit(db)
    delete_unit(db, unit.id)
    assert list_units(db) == []


def test_delete_refused_while_the_unit_has_people(db) -> None:
    unit = f.unit(db, "Sở Tài chính")
    f.person(db, unit.id)
    with pytest.raises(DomainError, match="đơn vị còn cán bộ"):
        delete_unit(db, unit.id)
    assert get_unit(db, unit.id).name == "Sở Tài chính"


def test_delete_refused_while_the_unit_has_nominations(db) -> None:
    unit = f.unit(db, "Sở Tài chính")
    f.nomination(db, "TTLDTT", 2025, unit_id=unit.id, submitting_unit_id=unit.id)
    with pytest.raises(DomainError, match="có hồ sơ khen thưởng"):
        delete_unit(db, unit.id)
    assert get_unit(db, unit.id).id == unit.id


def test_delete_refused_while_the_unit_has_divisions(db) -> None:
    top = f.unit(db, "Sở Tài chính")
    f.unit(db, "Phòng Kế hoạch", level=UnitLevel.DIVISION, parent_id=top.id)
    with pytest.raises(DomainError, match="còn đơn vị trực thuộc"):
        delete_unit(db, top.id)
    assert len(list_units(db)) == 2


def test_delete_refused_while_a_former_posting_points_at_the_unit(db) -> None:
    old, new = f.unit(db, "Sở Tài chính"), f.unit(db, "Sở Xây dựng")
    person = f.person(db, old.id)
    move_person(db, person.id, new.id, "Chuyên viên", dt.date(2024, 1, 1))
    with pytest.raises(DomainError, match="tham chiếu"):
        delete_unit(db, old.id)
    assert get_unit(db, old.id).id == old.id


def test_delete_refused_while_the_unit_is_in_a_bloc(db) -> None:
    unit = f.unit(db)
    bloc = create_bloc(db, BlocInput(code="KTKT", name="Khối Kinh tế - Kỹ thuật"))
    set_membership(db, bloc.id, unit.id, 2025)
    with pytest.raises(DomainError):
        delete_unit(db, unit.id)
    assert [m.unit_id for m in members(db, bloc.id, 2025)] == [unit.id]


def test_list_units_in_vietnamese_order_and_search_without_tones(db) -> None:
    for code, name in [
        ("SYT", "Sở Y tế"),
        ("SDT", "Sở Đào tạo"),
        ("SDL", "Sở Du lịch"),
        ("BQL", "Ban Quản lý"),
    ]:
        create_unit(db, UnitInput(code=code, name=name))
    assert [u.name for u in list_units(db)] == ["Ban Quản lý", "Sở Du lịch", "Sở Đào tạo", "Sở Y tế"]
    assert [u.name for u in list_units(db, "dao tao")] == ["Sở Đào tạo"]
    assert [u.code for u in list_units(db, "sdl")] == ["SDL"]


# --- blocs ------------------------------------------------------------------------------------------


@pytest.fixture
def bloc_world(db):
    bloc = create_bloc(db, BlocInput(code="ktkt", name="Khối Kinh tế - Kỹ thuật"))
    other = create_bloc(db, BlocInput(code="VHXH", name="Khối Văn hóa - Xã hội"))
    units = {
        name: f.unit(db, name).id for name in ("Sở Tài chính", "Sở Xây dựng", "Sở Công Thương", "Ban Quản lý")
    }
    return db, bloc, other, units


def test_bloc_code_is_unique(bloc_world) -> None:
    db, bloc, _other, _units = bloc_world
    assert bloc.code == "KTKT"
    with pytest.raises(DomainError) as caught:
        create_bloc(db, BlocInput(code="KTKT", name="Khối khác"))
    assert caught.value.field == "code"


def test_a_unit_is_in_one_bloc_per_year(bloc_world) -> None:
    db, bloc, other, units = bloc_world
    stc = units["Sở Tài chính"]
    set_membership(db, bloc.id, stc, 2025)
    with pytest.raises(DomainError) as caught:
        set_membership(db, other.id, stc, 2025)
    assert caught.value.field == "unit"
    assert "đã thuộc Khối Kinh tế - Kỹ thuật năm 2025" in caught.value.message
    # another year in another bloc is fine
    set_membership(db, other.id, stc, 2026)
    assert [m.unit_id for m in members(db, other.id, 2025)] == []
    assert [m.unit_id for m in members(db, other.id, 2026)] == [stc]


def test_new_head_demotes_the_previous_head_to_member(bloc_world) -> None:
    db, bloc, _other, units = bloc_world
    stc, sxd = units["Sở Tài chính"], units["Sở Xây dựng"]
    set_membership(db, bloc.id, stc, 2025, BlocRole.HEAD)
    set_membership(db, bloc.id, sxd, 2025, BlocRole.HEAD)
    roles = {m.unit_id: m.role for m in members(db, bloc.id, 2025)}
    assert roles == {sxd: BlocRole.HEAD, stc: BlocRole.MEMBER}


def test_new_deputy_replaces_the_previous_deputy_and_leaves_the_head(bloc_world) -> None:
    db, bloc, _other, units = bloc_world
    stc, sxd, sct = units["Sở Tài chính"], units["Sở Xây dựng"], units["Sở Công Thương"]
    set_membership(db, bloc.id, stc, 2025, BlocRole.HEAD)
    set_membership(db, bloc.id, sxd, 2025, BlocRole.DEPUTY)
    set_membership(db, bloc.id, sct, 2025, BlocRole.DEPUTY)
    roles = {m.unit_id: m.role for m in members(db, bloc.id, 2025)}
    assert roles == {stc: BlocRole.HEAD, sxd: BlocRole.MEMBER, sct: BlocRole.DEPUTY}


def test_a_member_promoted_to_head_keeps_a_single_row(bloc_world) -> None:
    db, bloc, _other, units = bloc_world
    stc, sxd = units["Sở Tài chính"], units["Sở Xây dựng"]
    set_membership(db, bloc.id, stc, 2025, BlocRole.HEAD)
    set_membership(db, bloc.id, sxd, 2025)
    set_membership(db, bloc.id, sxd, 2025, BlocRole.HEAD)
    with db.read() as session:
        rows = session.scalar(select(func.count()).select_from(BlocMembership))
    assert rows == 2
    assert [(m.unit_id, m.role) for m in members(db, bloc.id, 2025)] == [
        (sxd, BlocRole.HEAD),
        (stc, BlocRole.MEMBER),
    ]


def test_heads_of_different_years_do_not_interfere(bloc_world) -> None:
    db, bloc, _other, units = bloc_world
    stc, sxd = units["Sở Tài chính"], units["Sở Xây dựng"]
    set_membership(db, bloc.id, stc, 2024, BlocRole.HEAD)
    set_membership(db, bloc.id, sxd, 2025, BlocRole.HEAD)
    assert members(db, bloc.id, 2024)[0].role is BlocRole.HEAD
    assert members(db, bloc.id, 2025)[0].unit_id == sxd


def test_members_list_head_then_deputy_then_others_by_name(bloc_world) -> None:
    db, bloc, _other, units = bloc_world
    for unit_id in units.values():
        set_membership(db, bloc.id, unit_id, 2025)
    set_membership(db, bloc.id, units["Sở Xây dựng"], 2025, BlocRole.DEPUTY)
    set_membership(db, bloc.id, units["Sở Tài chính"], 2025, BlocRole.HEAD)
    assert [m.name for m in members(db, bloc.id, 2025)] == [
        "Sở Tài chính",
        "Sở Xây dựng",
        "Ban Quản lý",
        "Sở Công Thương",
    ]


def test_membership_year_out_of_range_is_refused(bloc_world) -> None:
    db, bloc, _other, units = bloc_world
    with pytest.raises(DomainError) as caught:
        set_membership(db, bloc.id, units["Sở Tài chính"], 1900)
    assert caught.value.field == "year"


def test_membership_of_unknown_unit_or_bloc_is_not_found(bloc_world) -> None:
    db, bloc, _other, units = bloc_world
    with pytest.raises(NotFound, match="đơn vị"):
        set_membership(db, bloc.id, 99999, 2025)
    with pytest.raises(NotFound, match="khối thi đua"):
        set_membership(db, 99999, units["Sở Tài chính"], 2025)


def test_removing_a_membership_that_does_not_exist_is_refused(bloc_world) -> None:
    db, bloc, _other, units = bloc_world
    set_membership(db, bloc.id, units["Sở Tài chính"], 2025)
    with pytest.raises(DomainError, match="không phải thành viên"):
        remove_membership(db, bloc.id, units["Sở Tài chính"], 2024)
    remove_membership(db, bloc.id, units["Sở Tài chính"], 2025)
    assert members(db, bloc.id, 2025) == []
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Unit)) == 4


def test_single_records_come_back_as_plain_values_safe_after_the_session(db) -> None:  # type: ignore[no-untyped-def]
    """get/create/update hand back frozen dataclasses: nothing to load later from a closed
    session, nothing a window could change by accident."""
    import dataclasses

    from app.services.records import BlocRecord, UnitRecord

    parent = create_unit(db, UnitInput(code="UBND", name="UBND tỉnh", level=UnitLevel.PROVINCE))
    child = create_unit(
        db, UnitInput(code="STC", name="Sở Tài chính", level=UnitLevel.DEPARTMENT, parent_id=parent.id)
    )
    assert isinstance(child, UnitRecord) and child.parent_id == parent.id
    again = update_unit(db, child.id, UnitInput(code="STC", name="Sở Tài chính tỉnh", level=UnitLevel.DEPARTMENT,
                                                parent_id=parent.id))  # fmt: skip
    assert get_unit(db, child.id) == again and again.name == "Sở Tài chính tỉnh"
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.name = "x"  # type: ignore[misc]
    assert not hasattr(again, "parent")  # a relationship is not part of the value
    assert isinstance(create_bloc(db, BlocInput("KTKT", "Khối Kinh tế - Kỹ thuật")), BlocRecord)
