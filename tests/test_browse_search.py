"""The lists' search and order, the same on SQLite (FTS5 word index) and PostgreSQL (LIKE)."""

from __future__ import annotations

import datetime as dt

import factories as f
import pytest

from app.services.browse import DecisionRows, NominationRows, Query, UnitRows
from app.services.decisions import DecisionInput, create_decision
from app.services.units import list_units

db = f.db

NAMES = ["Đỗ Minh Đức", "Trần Thị Bình", "Nguyễn Văn An", "Lê Thị Ánh", "Phạm Đức Anh"]


@pytest.fixture
def nominated(db):  # type: ignore[no-untyped-def]
    unit = f.unit(db, "Sở Tài chính")
    for name in NAMES:
        f.nomination(db, "LDTT", person_id=f.person(db, unit.id, name).id)
    return db


def _found(db, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    source = NominationRows(db)
    total = source.count(Query(text=text))
    rows = source.page(Query(text=text), 0, 50, total=total)
    assert len(rows) == total  # the count and the page agree
    return [r[2] for r in rows]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("duc", ["Phạm Đức Anh", "Đỗ Minh Đức"]),  # any word of the name, tones and đ ignored
        ("duc do", ["Đỗ Minh Đức"]),  # every word typed, in any order
        ("thi b", ["Trần Thị Bình"]),  # the last word typed is a beginning
        ("AN", ["Nguyễn Văn An", "Phạm Đức Anh", "Lê Thị Ánh"]),  # case and tones ignored
        ("inh", []),  # the middle of a word is not a match
        ("100%", []),
    ],
)
def test_nominee_search_matches_word_beginnings_on_both_backends(
    nominated, typed: str, expected: list[str]
) -> None:
    assert _found(nominated, typed) == expected


def test_nominee_order_is_vietnamese_whatever_the_server_collation(nominated) -> None:  # type: ignore[no-untyped-def]
    # given/family order: An, Anh (Phạm Đức), Ánh, Bình, Đức
    assert _found(nominated, "") == [
        "Nguyễn Văn An",
        "Phạm Đức Anh",
        "Lê Thị Ánh",
        "Trần Thị Bình",
        "Đỗ Minh Đức",
    ]
    source = NominationRows(nominated)
    total = source.count(Query())
    desc = source.page(Query(sort="nominee", descending=True), 0, 2, total=total)
    assert [r[2] for r in desc] == ["Đỗ Minh Đức", "Trần Thị Bình"]


def test_units_sort_and_search_the_same_way_on_both_backends(db) -> None:  # type: ignore[no-untyped-def]
    for code, name in [
        ("SYT", "Sở Y tế"),
        ("SXD", "Sở Xây dựng"),
        ("STC", "Sở Tài chính"),
        ("BQL", "Ban Quản lý"),
    ]:
        f.unit(db, name, code=code)
    assert [u.name for u in list_units(db)] == ["Ban Quản lý", "Sở Tài chính", "Sở Xây dựng", "Sở Y tế"]
    assert [u.code for u in list_units(db, "sxd")] == ["SXD"]  # a code typed in lower case
    assert [u.name for u in list_units(db, "xay")] == ["Sở Xây dựng"]
    assert UnitRows(db).count(Query(text="so")) == 3
    # units of the same name come in the order they were made, on every backend
    same = [f.unit(db, "Thanh tra Sở", code=f"TT{i}").id for i in range(6)]
    assert [u.id for u in list_units(db, "thanh tra")] == same


def test_decision_search_ignores_the_case_of_the_summary(db) -> None:  # type: ignore[no-untyped-def]
    # SQLite's LIKE ignores ASCII case, PostgreSQL's does not
    create_decision(
        db,
        DecisionInput(
            number="7/QĐ-UBND",
            signed_on=dt.date(2025, 12, 20),
            issuer=f.ISSUER,
            signer_name="Nguyễn Văn Bình",
            signer_title="Phó Chủ tịch",
            summary="Khen thưởng năm 2025",
        ),
    )
    assert DecisionRows(db).count(Query(text="khen")) == 1
    assert DecisionRows(db).count(Query(text="7/qd")) == 1
