"""Vietnamese text: normalisation, folding, name split, collation, dates."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.text import (
    clean,
    clean_name,
    fold,
    format_date,
    format_document_date,
    name_sort_key,
    parse_date,
    sort_key,
    split_full_name,
)

# (family, middle, given) in the order a clerk expects: given name letters, then its tone, then
# the middle name, then the family name; a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
EXPECTED_ORDER = [
    ("Lê", "Văn", "An"),
    ("Nguyễn", "Văn", "An"),
    ("Phạm", "Thị", "Án"),
    ("Đỗ", "Văn", "Anh"),
    ("Hoàng", "Thị", "Ánh"),
    ("Bùi", "Văn", "Ân"),
    ("Lý", "Thị", "Bích"),
    ("Nguyễn", "Thanh", "Bình"),
    ("Trần", "Thanh", "Bình"),
    ("Võ", "Văn", "Cường"),
    ("Phan", "Thị", "Dung"),
    ("Lê", "Tiến", "Dũng"),
    ("Nguyễn", "Văn", "Dương"),
    ("Trần", "Minh", "Đức"),
    ("Lê", "Thị", "Giang"),
    ("Phạm", "Văn", "Hà"),
    ("Ngô", "Thị", "Hạ"),
    ("Đặng", "Thị", "Hằng"),
    ("Võ", "Thị", "Hoa"),
    ("Lê", "Thị", "Hòa"),
    ("Nguyễn", "Thị", "Hoà"),  # old tone placement: the same name as Hòa
    ("Trần", "Văn", "Hóa"),
    ("Phạm", "Văn", "Hùng"),
    ("Lê", "Văn", "Hưng"),
    ("Đinh", "Văn", "Khoa"),
    ("Nguyễn", "Thị", "Lan"),
    ("Trương", "Văn", "Long"),
    ("Nguyễn", "Thị", "Mai"),
    ("Hồ", "Thị", "Minh"),
    ("Nguyễn", "Thị", "Minh Khai"),  # compound given name
    ("Trần", "Thị", "Nga"),
    ("Lê", "Văn", "Nghĩa"),
    ("Phạm", "Thị", "Oanh"),
    ("Lê", "Văn", "Phúc"),
    ("Nguyễn", "Văn", "Quân"),
    ("Trần", "Văn", "Sơn"),
    ("Lê", "Thị", "Thu"),
    ("Tôn Thất", "", "Thuyết"),
    ("Nguyễn", "Thị", "Thư"),
    ("Phạm", "Văn", "Toàn"),
    ("Lê", "Văn", "Tuấn"),
    ("Đỗ", "Thị", "Uyên"),
    ("Nguyễn", "Thị", "Vân"),
    ("Trần", "Văn", "Xuân"),
    ("Lê", "Thị", "Yến"),
]


def test_vietnamese_name_order_of_45_names() -> None:
    assert len(EXPECTED_ORDER) >= 30
    shuffled = EXPECTED_ORDER[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=lambda n: name_sort_key(*n)) == EXPECTED_ORDER


def test_name_order_is_the_same_for_nfd_input() -> None:
    nfd = [tuple(unicodedata.normalize("NFD", p) for p in n) for n in EXPECTED_ORDER]
    keys_nfc = [name_sort_key(*n) for n in EXPECTED_ORDER]
    keys_nfd = [name_sort_key(*n) for n in nfd]
    assert keys_nfc == keys_nfd


def test_old_and_new_tone_placement_collate_equal() -> None:
    assert sort_key("Hoà") == sort_key("Hòa")
    assert sort_key("Thuý") == sort_key("Thúy")


def test_tones_order_none_huyen_hoi_nga_sac_nang() -> None:
    words = ["Mạ", "Má", "Mã", "Mả", "Mà", "Ma"]
    assert sorted(words, key=sort_key) == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]


def test_letters_before_tones() -> None:
    # "Ánh" (a) comes before "Ăn" (ă) whatever the tones: letters are compared first.
    assert sorted(["Ăn", "Ánh", "Ân", "An"], key=sort_key) == ["An", "Ánh", "Ăn", "Ân"]


def test_d_before_dj() -> None:
    assert sorted(["Đào", "Dung", "Được", "Dương"], key=sort_key) == ["Dung", "Dương", "Đào", "Được"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Nguyễn   Văn\tAn ", "Nguyễn Văn An"),
        (unicodedata.normalize("NFD", "Đặng Thị Hường"), "Đặng Thị Hường"),
        (None, ""),
    ],
)
def test_clean_normalises_nfc_and_spaces(raw: str | None, expected: str) -> None:
    out = clean(raw)
    assert out == expected
    assert unicodedata.is_normalized("NFC", out)


def test_clean_name_capitalises_all_caps_and_lower() -> None:
    assert clean_name("NGUYỄN VĂN ĐỨC") == "Nguyễn Văn Đức"
    assert clean_name("trần thị ánh") == "Trần Thị Ánh"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đức", "duc"),
        ("Nguyễn Văn Hưng", "nguyen van hung"),
        ("ĐẶNG THỊ HƯỜNG", "dang thi huong"),
        (unicodedata.normalize("NFD", "Trương Quốc Việt"), "truong quoc viet"),
        ("", ""),
    ],
)
def test_fold_removes_tones_marks_and_dj(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text(alphabet="aăâeêioôơuưyđAĂÂĐ \u0300\u0301\u0303\u0309\u0323bcdghklmnpqrstvx", max_size=30))
def test_fold_is_the_same_for_nfc_and_nfd(text: str) -> None:
    assert fold(unicodedata.normalize("NFC", text)) == fold(unicodedata.normalize("NFD", text))
    assert fold(text).isascii()


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("Nguyễn Văn An", ("Nguyễn", "Văn", "An")),
        ("nguyễn  thị   minh khai", ("Nguyễn", "Thị Minh", "Khai")),
        ("Tôn Thất Thuyết", ("Tôn Thất", "", "Thuyết")),
        ("Công Tằng Tôn Nữ Thị Hoa", ("Công Tằng Tôn Nữ", "Thị", "Hoa")),
        ("Lê Lợi", ("Lê", "", "Lợi")),
        ("Hùng", ("", "", "Hùng")),
        ("   ", ("", "", "")),
    ],
)
def test_split_full_name(full: str, parts: tuple[str, str, str]) -> None:
    assert split_full_name(full) == parts


def test_dates_in_tables_and_documents() -> None:
    assert format_date(dt.date(2025, 3, 5)) == "05/03/2025"
    assert format_document_date(dt.date(2025, 3, 5)) == "ngày 05 tháng 3 năm 2025"
    assert format_document_date(dt.date(2025, 12, 3)) == "ngày 03 tháng 12 năm 2025"
    assert format_document_date(dt.date(2025, 2, 14), "Tây Ninh") == "Tây Ninh, ngày 14 tháng 02 năm 2025"
    assert format_document_date(dt.date(2025, 1, 20)) == "ngày 20 tháng 01 năm 2025"


def test_parse_date_is_day_first() -> None:
    assert parse_date("05/03/2025") == dt.date(2025, 3, 5)
    assert parse_date("5.3.2025") == dt.date(2025, 3, 5)
    assert parse_date("2025-03-05") == dt.date(2025, 3, 5)


@pytest.mark.parametrize("bad", ["31/02/2025", "2025/03/05", "hôm qua", "13/13/2025"])
def test_parse_date_refuses_with_vietnamese_message(bad: str) -> None:
    with pytest.raises(ValueError, match="Ngày"):
        parse_date(bad)
