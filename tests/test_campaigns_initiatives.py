"""Campaigns, registrations (đăng ký thi đua), initiatives and exemplars: validation and duplicates."""

from __future__ import annotations

import dataclasses
import datetime as dt

import factories as f
import pytest
from sqlalchemy import func, select

from app.errors import DomainError, NotFound
from app.model import (
    CampaignKind,
    Exemplar,
    Initiative,
    InitiativeAuthor,
    InitiativeKind,
    InitiativeLevel,
    Registration,
)
from app.services.campaigns import (
    CampaignInput,
    RegistrationInput,
    create_campaign,
    list_campaigns,
    register,
    register_many,
    update_campaign,
)
from app.services.exemplars import ExemplarInput, create_exemplar, list_exemplars
from app.services.initiatives import InitiativeInput, create_initiative, initiatives_of

db = f.db  # the template copy already holds the catalogue: do not re-read it per test

THEMATIC = CampaignInput(
    name="  Chung sức   xây dựng nông thôn mới ",
    kind=CampaignKind.THEMATIC,
    year=2025,
    start_date=dt.date(2025, 3, 1),
    end_date=dt.date(2025, 9, 30),
)


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def world(db):
    unit = f.unit(db, "Sở Tài chính")
    lan = f.person(db, unit.id, "Lê Thị Lan")
    hung = f.person(db, unit.id, "Trần Văn Hùng")
    return db, unit, lan, hung


# --- campaigns -----------------------------------------------------------------------------------------


def test_campaign_is_stored_with_clean_and_folded_name(db) -> None:
    campaign = create_campaign(db, THEMATIC)
    stored = list_campaigns(db, 2025)[0]
    assert stored.id == campaign.id
    assert (stored.name, stored.name_fold) == (
        "Chung sức xây dựng nông thôn mới",
        "chung suc xay dung nong thon moi",
    )


def test_thematic_campaign_needs_an_end_date(db) -> None:
    with pytest.raises(DomainError) as caught:
        create_campaign(db, dataclasses.replace(THEMATIC, end_date=None))
    assert caught.value.field == "end_date"
    assert "phải có ngày kết thúc" in caught.value.message
    assert list_campaigns(db) == []


def test_regular_campaign_may_run_without_an_end_date(db) -> None:
    campaign = create_campaign(db, dataclasses.replace(THEMATIC, kind=CampaignKind.REGULAR, end_date=None))
    assert campaign.end_date is None


def test_campaign_ending_before_it_starts_is_refused(db) -> None:
    with pytest.raises(DomainError) as caught:
        create_campaign(db, dataclasses.replace(THEMATIC, end_date=dt.date(2025, 2, 28)))
    assert caught.value.field == "end_date"


@pytest.mark.parametrize(("change", "field"), [({"name": "   "}, "name"), ({"year": 1800}, "year")])
def test_campaign_without_name_or_with_an_impossible_year_is_refused(db, change: dict, field: str) -> None:
    with pytest.raises(DomainError) as caught:
        create_campaign(db, dataclasses.replace(THEMATIC, **change))
    assert caught.value.field == field


def test_campaign_launched_by_an_unknown_unit_is_not_found(db) -> None:
    with pytest.raises(NotFound, match="đơn vị phát động"):
        create_campaign(db, dataclasses.replace(THEMATIC, launched_by_unit_id=99999))


def test_update_campaign_validates_like_create(db) -> None:
    campaign = create_campaign(db, THEMATIC)
    with pytest.raises(DomainError):
        update_campaign(db, campaign.id, dataclasses.replace(THEMATIC, end_date=None))
    update_campaign(db, campaign.id, dataclasses.replace(THEMATIC, name="Thi đua chuyển đổi số"))
    assert [c.name_fold for c in list_campaigns(db)] == ["thi dua chuyen doi so"]


# --- registrations --------------------------------------------------------------------------------------


def _reg(db, code: str, **kw) -> RegistrationInput:  # type: ignore[no-untyped-def]
    kw.setdefault("year", 2025)
    return RegistrationInput(award_id=f.award_id(db, code), registered_on=dt.date(2025, 1, 15), **kw)


def test_person_and_unit_register_their_target_titles(world) -> None:
    db, unit, lan, _hung = world
    register(db, _reg(db, "CSTDCS", person_id=lan.id))
    register(db, _reg(db, "TTLDXS", unit_id=unit.id))
    assert _count(db, Registration) == 2


def test_second_registration_for_the_same_title_and_year_is_refused(world) -> None:
    db, unit, lan, _hung = world
    register(db, _reg(db, "CSTDCS", person_id=lan.id))
    with pytest.raises(DomainError) as caught:
        register(db, _reg(db, "CSTDCS", person_id=lan.id))
    assert caught.value.field == "award_id"
    assert caught.value.message == "Đã đăng ký «Chiến sĩ thi đua cơ sở» năm 2025 rồi."
    register(db, _reg(db, "CSTDCS", person_id=lan.id, year=2026))
    register(db, _reg(db, "TTLDXS", unit_id=unit.id))
    with pytest.raises(DomainError, match="Đã đăng ký"):
        register(db, _reg(db, "TTLDXS", unit_id=unit.id))
    assert _count(db, Registration) == 3


def test_a_batch_of_registrations_is_all_or_none_and_refuses_its_own_repeat(world) -> None:
    db, unit, lan, hung = world
    made = register_many(db, [_reg(db, "LDTT", person_id=lan.id), _reg(db, "LDTT", person_id=hung.id)])
    assert [r.person_id for r in made] == [lan.id, hung.id]
    with pytest.raises(DomainError) as caught:  # the second of the batch, as a second single call
        register_many(db, [_reg(db, "TTLDXS", unit_id=unit.id), _reg(db, "TTLDXS", unit_id=unit.id)])
    assert caught.value.message == "Đã đăng ký «Tập thể lao động xuất sắc» năm 2025 rồi."
    assert _count(db, Registration) == 2  # nothing of the refused batch


def test_two_people_may_register_the_same_title(world) -> None:
    db, _unit, lan, hung = world
    register(db, _reg(db, "LDTT", person_id=lan.id))
    register(db, _reg(db, "LDTT", person_id=hung.id))
    assert _count(db, Registration) == 2


@pytest.mark.parametrize("both", [True, False], ids=["both", "neither"])
def test_registration_needs_one_registrant(world, both: bool) -> None:
    db, unit, lan, _hung = world
    kw = {"person_id": lan.id, "unit_id": unit.id} if both else {}
    with pytest.raises(DomainError, match="Chọn một cá nhân hoặc một tập thể đăng ký"):
        register(db, _reg(db, "LDTT", **kw))
    assert _count(db, Registration) == 0


def test_registration_for_the_wrong_kind_of_nominee_is_refused(world) -> None:
    db, unit, lan, _hung = world
    with pytest.raises(DomainError, match="khen thưởng cho tập thể") as for_person:
        register(db, _reg(db, "TTLDTT", person_id=lan.id))
    with pytest.raises(DomainError, match="không đề nghị cho tập thể") as for_unit:
        register(db, _reg(db, "LDTT", unit_id=unit.id))
    assert for_person.value.field == for_unit.value.field == "award"
    assert _count(db, Registration) == 0


def test_registration_for_unknown_person_or_campaign_is_not_found(world) -> None:
    db, _unit, lan, _hung = world
    with pytest.raises(NotFound, match="cá nhân"):
        register(db, _reg(db, "LDTT", person_id=99999))
    with pytest.raises(NotFound, match="phong trào"):
        register(db, _reg(db, "LDTT", person_id=lan.id, campaign_id=99999))


def test_registration_year_out_of_range_is_refused(world) -> None:
    db, _unit, lan, _hung = world
    with pytest.raises(DomainError) as caught:
        register(db, _reg(db, "LDTT", person_id=lan.id, year=2201))
    assert caught.value.field == "year"


# --- initiatives ----------------------------------------------------------------------------------------


def _initiative(author_ids, **kw) -> InitiativeInput:  # type: ignore[no-untyped-def]
    kw.setdefault("title", "Số hóa hồ sơ thanh quyết toán")
    kw.setdefault("year", 2025)
    return InitiativeInput(level=kw.pop("level", InitiativeLevel.GRASSROOTS), author_ids=author_ids, **kw)


def test_initiative_with_co_authors_is_found_from_each_author(world) -> None:
    db, unit, lan, hung = world
    init = create_initiative(
        db, _initiative([lan.id, hung.id, lan.id], unit_id=unit.id, kind=InitiativeKind.RESEARCH)
    )
    assert [i.id for i in initiatives_of(db, lan.id)] == [init.id]
    assert [i.id for i in initiatives_of(db, hung.id)] == [init.id]
    assert _count(db, InitiativeAuthor) == 2  # the repeated author counted once
    assert initiatives_of(db, lan.id)[0].kind is InitiativeKind.RESEARCH


def test_initiatives_of_a_person_come_by_year(world) -> None:
    db, _unit, lan, _hung = world
    later = create_initiative(db, _initiative([lan.id], title="Giải pháp B", year=2025))
    earlier = create_initiative(db, _initiative([lan.id], title="Giải pháp A", year=2023))
    assert [i.id for i in initiatives_of(db, lan.id)] == [earlier.id, later.id]


def test_initiative_without_author_is_refused(world) -> None:
    db, *_ = world
    with pytest.raises(DomainError) as caught:
        create_initiative(db, _initiative([]))
    assert caught.value.field == "author_ids"
    assert _count(db, Initiative) == 0


def test_initiative_without_title_is_refused(world) -> None:
    db, _unit, lan, _hung = world
    with pytest.raises(DomainError) as caught:
        create_initiative(db, _initiative([lan.id], title="  "))
    assert caught.value.field == "title"


def test_initiative_with_an_unknown_author_stores_nothing(world) -> None:
    db, _unit, lan, _hung = world
    before = f.dump(db)
    with pytest.raises(NotFound, match="tác giả"):
        create_initiative(db, _initiative([lan.id, 99999]))
    assert f.dump(db) == before


def test_initiative_year_out_of_range_is_refused(world) -> None:
    db, _unit, lan, _hung = world
    with pytest.raises(DomainError) as caught:
        create_initiative(db, _initiative([lan.id], year=1944))
    assert caught.value.field == "year"


# --- exemplars ------------------------------------------------------------------------------------------


def test_exemplar_person_or_collective_is_listed_by_year(world) -> None:
    db, unit, lan, _hung = world
    campaign = create_campaign(db, THEMATIC)
    older = create_exemplar(
        db, ExemplarInput(year=2024, title="Tập thể đi đầu cải cách hành chính", unit_id=unit.id)
    )
    newer = create_exemplar(
        db,
        ExemplarInput(
            year=2025,
            title="Nữ cán bộ tiêu biểu",
            person_id=lan.id,
            campaign_id=campaign.id,
            honoured_at="Hội nghị điển hình tiên tiến",
        ),
    )
    assert [e.id for e in list_exemplars(db)] == [newer.id, older.id]
    assert [e.id for e in list_exemplars(db, 2024)] == [older.id]


@pytest.mark.parametrize("both", [True, False], ids=["both", "neither"])
def test_exemplar_needs_one_subject(world, both: bool) -> None:
    db, unit, lan, _hung = world
    kw = {"person_id": lan.id, "unit_id": unit.id} if both else {}
    with pytest.raises(DomainError, match="Chọn một cá nhân hoặc một tập thể điển hình"):
        create_exemplar(db, ExemplarInput(year=2025, title="Gương sáng", **kw))
    assert _count(db, Exemplar) == 0


def test_exemplar_without_title_is_refused(world) -> None:
    db, _unit, lan, _hung = world
    with pytest.raises(DomainError) as caught:
        create_exemplar(db, ExemplarInput(year=2025, title=" ", person_id=lan.id))
    assert caught.value.field == "title"
    assert _count(db, Exemplar) == 0


def test_exemplar_of_unknown_person_or_campaign_is_not_found(world) -> None:
    db, _unit, lan, _hung = world
    with pytest.raises(NotFound):
        create_exemplar(db, ExemplarInput(year=2025, title="Gương sáng", person_id=99999))
    with pytest.raises(NotFound, match="phong trào"):
        create_exemplar(db, ExemplarInput(year=2025, title="Gương sáng", person_id=lan.id, campaign_id=99999))
