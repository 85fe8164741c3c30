"""Persons: Vietnamese names as typed, CCCD, duplicates, moves between units, search and order."""

from __future__ import annotations

import datetime as dt
import unicodedata

import factories as f
import pytest
from sqlalchemy import select

from app.errors import ConflictError, DomainError
from app.model import DisciplineKind, Gender, Nomination, Posting
from app.services import nominations as N
from app.services.persons import (
    DisciplineInput,
    PersonInput,
    add_discipline,
    create_person,
    delete_person,
    get_person,
    move_person,
    search_persons,
    unit_on,
    update_person,
)

db = f.db  # the template copy already holds the catalogue: do not re-read it per test

BORN = dt.date(1985, 4, 30)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def unit(db):
    return f.unit(db, "Sở Tài chính")


def _input(unit_id: int, full_name: str = "", **kw) -> PersonInput:  # type: ignore[no-untyped-def]
    kw.setdefault("gender", Gender.MALE)
    return PersonInput(unit_id=unit_id, full_name=full_name, **kw)


# --- names as typed ---------------------------------------------------------------------------------


def test_name_typed_in_nfd_is_stored_in_nfc(db, unit) -> None:
    typed = nfd("Nguyễn Thị Ánh Tuyết")
    assert typed != "Nguyễn Thị Ánh Tuyết"
    person = create_person(db, _input(unit.id, typed, gender=Gender.FEMALE))
    stored = get_person(db, person.id)
    assert stored.full_name == "Nguyễn Thị Ánh Tuyết"
    assert unicodedata.is_normalized("NFC", stored.full_name)
    assert (stored.family_name, stored.middle_name, stored.given_name) == ("Nguyễn", "Thị Ánh", "Tuyết")
    assert stored.name_fold == "nguyen thi anh tuyet"


@pytest.mark.parametrize(
    "variant",
    ["Nguyễn  Văn   Đức", "NGUYỄN VĂN ĐỨC", " nguyễn văn đức ", nfd("Nguyễn Văn Đức")],
    ids=["double-spaces", "all-caps", "lower-case", "nfd"],
)
def test_the_same_person_typed_differently_is_detected(db, unit, variant: str) -> None:
    first = f.person(db, unit.id, "Nguyễn Văn Đức", birth_date=BORN)
    with pytest.raises(DomainError) as caught:
        create_person(db, _input(unit.id, variant, birth_date=BORN))
    assert caught.value.field == "full_name"
    assert f"«Nguyễn Văn Đức» cùng họ tên và ngày/năm sinh (mã {first.id})" in caught.value.message
    assert [p.id for p in search_persons(db, "duc")] == [first.id]


def test_all_caps_name_is_stored_capitalised(db, unit) -> None:
    person = create_person(db, _input(unit.id, "TRẦN THỊ HỒNG  NHUNG", gender=Gender.FEMALE))
    assert get_person(db, person.id).full_name == "Trần Thị Hồng Nhung"


def test_namesakes_with_different_birth_dates_are_two_people(db, unit) -> None:
    f.person(db, unit.id, "Nguyễn Văn An", birth_date=dt.date(1980, 1, 1))
    f.person(db, unit.id, "Nguyễn Văn An", birth_date=dt.date(1991, 6, 2))
    assert len(search_persons(db, "nguyen van an")) == 2


def test_namesakes_with_nothing_to_tell_them_apart_are_refused(db, unit) -> None:
    f.person(db, unit.id, "Nguyễn Văn An")
    with pytest.raises(DomainError) as caught:
        create_person(db, _input(unit.id, "Nguyễn Văn An", birth_year=1990))
    assert caught.value.field == "full_name"
    assert "hãy nhập ngày sinh hoặc số CCCD" in caught.value.message


def test_namesakes_in_different_units_are_two_people(db, unit) -> None:
    other = f.unit(db, "Sở Xây dựng")
    f.person(db, unit.id, "Nguyễn Văn An", birth_date=BORN)
    f.person(db, other.id, "Nguyễn Văn An", birth_date=BORN)
    assert len(search_persons(db, "an")) == 2


def test_typed_full_name_is_split_family_middle_given(db, unit) -> None:
    person = create_person(db, _input(unit.id, "Nguyễn Thị Minh Khai", gender=Gender.FEMALE))
    assert (person.family_name, person.middle_name, person.given_name) == ("Nguyễn", "Thị Minh", "Khai")


def test_two_word_family_name_is_kept_together(db, unit) -> None:
    person = create_person(db, _input(unit.id, "Tôn Thất Thuyết"))
    assert (person.family_name, person.middle_name, person.given_name) == ("Tôn Thất", "", "Thuyết")


def test_clerk_corrects_the_split_for_a_compound_given_name(db, unit) -> None:
    # given "Minh Khai" was split as middle "Thị Minh" + given "Khai"
    khai = create_person(db, _input(unit.id, "Nguyễn Thị Minh Khai", gender=Gender.FEMALE, birth_date=BORN))
    f.person(db, unit.id, "Lê Thị Lan", gender=Gender.FEMALE)
    assert [p.full_name for p in search_persons(db, "minh")] == []
    # when the clerk types the three parts
    update_person(
        db,
        khai.id,
        PersonInput(
            unit_id=unit.id,
            gender=Gender.FEMALE,
            family_name="nguyễn",
            middle_name="thị",
            given_name="minh khai",
            birth_date=BORN,
        ),
    )
    # then the full name is unchanged, the given name is the compound one, search and order follow it
    stored = get_person(db, khai.id)
    assert (stored.family_name, stored.middle_name, stored.given_name) == ("Nguyễn", "Thị", "Minh Khai")
    assert stored.full_name == "Nguyễn Thị Minh Khai"
    assert [p.id for p in search_persons(db, "minh")] == [khai.id]
    assert [p.given_name for p in search_persons(db, "")] == ["Lan", "Minh Khai"]


def test_empty_name_is_refused(db, unit) -> None:
    with pytest.raises(DomainError) as caught:
        create_person(db, _input(unit.id, "   "))
    assert caught.value.field == "full_name"


def test_unknown_gender_is_refused_naming_the_field(db, unit) -> None:
    with pytest.raises(DomainError) as caught:
        create_person(db, _input(unit.id, "Lê Văn Tám", gender="other"))
    assert caught.value.field == "gender"


def test_birth_year_contradicting_the_birth_date_is_refused(db, unit) -> None:
    with pytest.raises(DomainError) as caught:
        create_person(db, _input(unit.id, "Lê Văn Tám", birth_date=BORN, birth_year=1986))
    assert caught.value.field == "birth_year"


def test_birth_date_in_the_future_is_refused(db, unit) -> None:
    with pytest.raises(DomainError) as caught:
        create_person(db, _input(unit.id, "Lê Văn Tám", birth_date=dt.date.today() + dt.timedelta(days=1)))
    assert caught.value.field == "birth_date"


# --- CCCD ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cccd", ["07908901234A", "0790890123", "07908901234", "0790890123456", "O79089012345"]
)
def test_malformed_cccd_is_refused_naming_the_field(db, unit, cccd: str) -> None:
    with pytest.raises(DomainError) as caught:
        create_person(db, _input(unit.id, "Lê Văn Tám", cccd=cccd))
    assert caught.value.field == "cccd"
    assert "12 chữ số" in caught.value.message
    assert search_persons(db, "") == []


def test_cccd_keeps_its_leading_zeros(db, unit) -> None:
    person = create_person(db, _input(unit.id, "Lê Văn Tám", cccd="001089012345"))
    assert get_person(db, person.id).cccd == "001089012345"


def test_cccd_typed_with_spaces_and_dots_is_stored_as_digits(db, unit) -> None:
    person = create_person(db, _input(unit.id, "Lê Văn Tám", cccd=" 001.089 012-345 "))
    assert get_person(db, person.id).cccd == "001089012345"


def test_empty_cccd_is_stored_as_null(db, unit) -> None:
    a = create_person(db, _input(unit.id, "Lê Văn Tám", cccd="  ", birth_year=1980))
    b = create_person(db, _input(unit.id, "Lê Văn Chín", cccd="", birth_year=1981))
    assert get_person(db, a.id).cccd is None and get_person(db, b.id).cccd is None


def test_duplicate_cccd_is_refused_naming_the_holder(db, unit) -> None:
    holder = create_person(db, _input(unit.id, "Lê Văn Tám", cccd="079089012345"))
    other_unit = f.unit(db)
    with pytest.raises(DomainError) as caught:
        create_person(db, _input(other_unit.id, "Phạm Văn Chín", cccd="079089012345"))
    assert caught.value.field == "cccd"
    assert f"Lê Văn Tám (mã {holder.id})" in caught.value.message


# --- moves and history -----------------------------------------------------------------------------------


def test_move_keeps_the_posting_history_and_unit_on_answers_by_date(db, unit) -> None:
    other = f.unit(db, "Sở Xây dựng")
    person = f.person(db, unit.id, "Lê Thị Lan", start_date=dt.date(2015, 3, 1), position="Chuyên viên")
    move_person(db, person.id, other.id, "Phó Trưởng phòng", dt.date(2024, 7, 1))
    with db.read() as session:
        postings = [
            (p.unit_id, p.position, p.start_date, p.end_date)
            for p in session.scalars(
                select(Posting).where(Posting.person_id == person.id).order_by(Posting.start_date)
            )
        ]
    assert postings == [
        (unit.id, "Chuyên viên", dt.date(2015, 3, 1), dt.date(2024, 6, 30)),
        (other.id, "Phó Trưởng phòng", dt.date(2024, 7, 1), None),
    ]
    assert get_person(db, person.id).unit_id == other.id
    assert unit_on(db, person.id, dt.date(2014, 12, 31)) is None
    assert unit_on(db, person.id, dt.date(2015, 3, 1)) == unit.id
    assert unit_on(db, person.id, dt.date(2024, 6, 30)) == unit.id
    assert unit_on(db, person.id, dt.date(2024, 7, 1)) == other.id
    assert unit_on(db, person.id, dt.date(2030, 1, 1)) == other.id


def test_move_dated_before_the_current_posting_is_refused(db, unit) -> None:
    other = f.unit(db)
    person = f.person(db, unit.id, start_date=dt.date(2020, 1, 1))
    with pytest.raises(DomainError) as caught:
        move_person(db, person.id, other.id, "", dt.date(2020, 1, 1))
    assert caught.value.field == "on"
    assert unit_on(db, person.id, dt.date(2021, 1, 1)) == unit.id
    assert get_person(db, person.id).unit_id == unit.id


def test_a_nomination_keeps_the_submitting_unit_after_the_nominee_moves(db, unit) -> None:
    other = f.unit(db)
    person = f.person(db, unit.id, "Lê Thị Lan")
    nom = f.nomination(db, "LDTT", 2023, person_id=person.id)
    move_person(db, person.id, other.id, "", dt.date(2024, 7, 1))
    assert N.get_nomination(db, nom.id).submitting_unit_id == unit.id


def test_update_person_refuses_a_unit_change(db, unit) -> None:
    other = f.unit(db)
    person = f.person(db, unit.id, "Lê Văn Tám")
    with pytest.raises(DomainError) as caught:
        update_person(db, person.id, _input(other.id, "Lê Văn Tám"))
    assert caught.value.field == "unit_id"
    assert get_person(db, person.id).unit_id == unit.id


def test_renaming_a_person_renames_their_nominations(db, unit) -> None:
    person = f.person(db, unit.id, "Lê Thi Lan", gender=Gender.FEMALE)
    nom = f.nomination(db, "LDTT", 2025, person_id=person.id)
    update_person(db, person.id, _input(unit.id, "Lê Thị Lan", gender=Gender.FEMALE))
    with db.read() as session:
        row = session.get(Nomination, nom.id)
        assert (row.nominee_name, row.nominee_fold) == ("Lê Thị Lan", "le thi lan")
        assert row.nominee_sort == get_person(db, person.id).sort_key


def test_update_person_with_a_stale_version_is_a_conflict(db, unit) -> None:
    person = f.person(db, unit.id, "Lê Văn Tám")
    assert person.version == 1
    # someone else saves first
    saved = update_person(
        db, person.id, _input(unit.id, "Lê Văn Tám", position="Trưởng phòng"), expected_version=1
    )
    assert saved.version == 2
    # then my save, made from version 1, is refused and does not overwrite theirs
    with pytest.raises(ConflictError, match="vừa được người khác sửa"):
        update_person(
            db, person.id, _input(unit.id, "Lê Văn Tám", position="Chuyên viên"), expected_version=1
        )
    stored = get_person(db, person.id)
    assert (stored.position, stored.version) == ("Trưởng phòng", 2)


def test_delete_person_refused_once_nominated(db, unit) -> None:
    person = f.person(db, unit.id, "Lê Văn Tám")
    f.nomination(db, "LDTT", 2025, person_id=person.id)
    with pytest.raises(DomainError, match="đã có hồ sơ đề nghị"):
        delete_person(db, person.id)
    assert get_person(db, person.id).full_name == "Lê Văn Tám"


def test_delete_person_removes_their_postings(db, unit) -> None:
    person = f.person(db, unit.id, "Lê Văn Tám")
    delete_person(db, person.id)
    with db.read() as session:
        assert session.scalars(select(Posting.id).where(Posting.person_id == person.id)).all() == []


def test_discipline_ending_before_it_starts_is_refused(db, unit) -> None:
    person = f.person(db, unit.id)
    with pytest.raises(DomainError) as caught:
        add_discipline(
            db, person.id, DisciplineInput(DisciplineKind.WARNING, dt.date(2025, 5, 1), dt.date(2025, 4, 1))
        )
    assert caught.value.field == "end_date"
    record = add_discipline(db, person.id, DisciplineInput(DisciplineKind.WARNING, dt.date(2025, 5, 1)))
    assert record.kind is DisciplineKind.WARNING


# --- search ------------------------------------------------------------------------------------------------


@pytest.fixture
def staff(db, unit):
    names = [
        "Nguyễn Văn Đức",
        "Trần Minh Hưng",
        "Lê Văn Hùng",
        "Phạm Thị Hương",
        "Đỗ Văn Dũng",
        "Nguyễn Thị Anh",
        "Hoàng Văn An",
        "Bùi Thị Ân",
        "Vũ Văn Toàn",
    ]
    return {name: f.person(db, unit.id, name).id for name in names}


def _names(people) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.full_name for p in people]


def test_search_without_tones_and_d_for_đ(db, staff) -> None:
    assert _names(search_persons(db, "duc")) == ["Nguyễn Văn Đức"]
    assert _names(search_persons(db, "ĐỨC")) == ["Nguyễn Văn Đức"]
    assert _names(search_persons(db, nfd("đức"))) == ["Nguyễn Văn Đức"]


def test_search_hung_finds_hung_with_any_tone_and_letter_mark(db, staff) -> None:
    # u before ư in the Vietnamese alphabet; "Hương" is not a prefix match of "hung"
    assert _names(search_persons(db, "hung")) == ["Lê Văn Hùng", "Trần Minh Hưng"]


def test_search_by_prefix_of_given_name_or_full_name(db, staff) -> None:
    # given names starting with "an": An, Anh, Ân (a before â); not "Toàn" (not a prefix)
    assert _names(search_persons(db, "an")) == ["Hoàng Văn An", "Nguyễn Thị Anh", "Bùi Thị Ân"]
    assert _names(search_persons(db, "nguyen")) == ["Nguyễn Thị Anh", "Nguyễn Văn Đức"]
    assert _names(search_persons(db, "nguyen van")) == ["Nguyễn Văn Đức"]
    assert _names(search_persons(db, "van")) == []
    assert "Vũ Văn Toàn" in _names(search_persons(db, "oan", anywhere=True))


def test_list_is_in_vietnamese_name_order(db, staff) -> None:
    assert _names(search_persons(db, "")) == [
        "Hoàng Văn An",
        "Nguyễn Thị Anh",
        "Bùi Thị Ân",
        "Đỗ Văn Dũng",
        "Nguyễn Văn Đức",
        "Lê Văn Hùng",
        "Trần Minh Hưng",
        "Phạm Thị Hương",
        "Vũ Văn Toàn",
    ]


def test_search_limited_to_a_unit(db, staff) -> None:
    other = f.unit(db)
    f.person(db, other.id, "Ngô Văn Đức")
    assert _names(search_persons(db, "duc", unit_id=other.id)) == ["Ngô Văn Đức"]
    # same given and middle names: the family name decides (Ngô before Nguyễn: o before u)
    assert _names(search_persons(db, "duc")) == ["Ngô Văn Đức", "Nguyễn Văn Đức"]
