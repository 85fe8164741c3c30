"""Bloc score sheets: the criteria table of a bloc-year and the scores of its member units."""

from __future__ import annotations

import factories as f
import pytest
from sqlalchemy import func, select

from app.errors import DomainError, NotFound
from app.model import CriterionKind, Score
from app.services.blocs import BlocInput, create_bloc, set_membership
from app.services.scoring import CriterionInput, ScoreInput, criteria, set_criteria, set_score, set_scores

db = f.db  # the template copy already holds the catalogue: do not re-read it per test

TABLE = [
    CriterionInput("I.1", "Thực hiện nhiệm vụ chuyên môn", 50, group="I"),
    CriterionInput("I.2", "Công tác thi đua, khen thưởng", 30, group="I", floor_share=0.9),
    CriterionInput("B.1", "Được tặng Cờ thi đua năm trước", 10, kind=CriterionKind.BONUS),
    CriterionInput("T.1", "Chậm nộp báo cáo", 5, kind=CriterionKind.PENALTY),
]


@pytest.fixture
def sheet(db):
    bloc = create_bloc(db, BlocInput(code="KTKT", name="Khối Kinh tế - Kỹ thuật"))
    member = f.unit(db, "Sở Tài chính")
    outsider = f.unit(db, "Sở Y tế")
    set_membership(db, bloc.id, member.id, 2025)
    set_membership(db, bloc.id, outsider.id, 2024)  # a member last year only
    rows = {c.code: c for c in set_criteria(db, bloc.id, 2025, TABLE)}
    return db, bloc, member, outsider, rows


def _scores(db) -> list[tuple]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return [
            (s.criterion_id, s.unit_id, s.self_points, s.bloc_points)
            for s in session.scalars(select(Score).order_by(Score.id))
        ]


def test_criteria_are_kept_in_the_order_given(sheet) -> None:
    db, bloc, *_ = sheet
    table = criteria(db, bloc.id, 2025)
    assert [(c.code, c.max_points, c.kind) for c in table] == [
        ("I.1", 50, CriterionKind.CRITERION),
        ("I.2", 30, CriterionKind.CRITERION),
        ("B.1", 10, CriterionKind.BONUS),
        ("T.1", 5, CriterionKind.PENALTY),
    ]
    assert table[1].floor_share == 0.9
    assert criteria(db, bloc.id, 2024) == []


def test_self_and_bloc_points_are_entered_separately(sheet) -> None:
    db, _bloc, member, _outsider, rows = sheet
    set_score(db, rows["I.1"].id, member.id, self_points=48)
    set_score(db, rows["I.1"].id, member.id, bloc_points=45.5, note="Trừ điểm báo cáo chậm")
    assert _scores(db) == [(rows["I.1"].id, member.id, 48, 45.5)]


def test_a_sheet_entered_as_one_batch_is_all_or_none(sheet) -> None:
    db, _bloc, member, _outsider, rows = sheet
    set_scores(db, [
        ScoreInput(rows["I.1"].id, member.id, self_points=48),
        ScoreInput(rows["I.2"].id, member.id, self_points=25, bloc_points=24),
        ScoreInput(rows["I.1"].id, member.id, bloc_points=45.5),  # the same row again: as a second call
    ])  # fmt: skip
    assert sorted(_scores(db)) == sorted(
        [(rows["I.1"].id, member.id, 48, 45.5), (rows["I.2"].id, member.id, 25, 24)]
    )
    with pytest.raises(DomainError, match="vượt điểm tối đa"):
        set_scores(
            db,
            [
                ScoreInput(rows["I.1"].id, member.id, self_points=40),
                ScoreInput(rows["I.2"].id, member.id, self_points=31),
            ],
        )
    assert sorted(_scores(db)) == sorted(
        [(rows["I.1"].id, member.id, 48, 45.5), (rows["I.2"].id, member.id, 25, 24)]
    )


def test_full_marks_are_allowed(sheet) -> None:
    db, _bloc, member, _outsider, rows = sheet
    set_score(db, rows["I.2"].id, member.id, self_points=30, bloc_points=0)
    assert _scores(db) == [(rows["I.2"].id, member.id, 30, 0)]


@pytest.mark.parametrize(
    ("kw", "field", "words"),
    [
        ({"self_points": 50.5}, "self_points", "vượt điểm tối đa (50)"),
        ({"bloc_points": 51}, "bloc_points", "vượt điểm tối đa (50)"),
        ({"self_points": -1}, "self_points", "không được âm"),
        ({"bloc_points": -0.25}, "bloc_points", "không được âm"),
    ],
    ids=["self-above-max", "bloc-above-max", "self-negative", "bloc-negative"],
)
def test_score_outside_zero_to_max_is_refused(sheet, kw: dict, field: str, words: str) -> None:
    db, _bloc, member, _outsider, rows = sheet
    with pytest.raises(DomainError) as caught:
        set_score(db, rows["I.1"].id, member.id, **kw)
    assert caught.value.field == field
    assert words in caught.value.message and "I.1" in caught.value.message
    assert _scores(db) == []


def test_refused_correction_keeps_the_previous_score(sheet) -> None:
    db, _bloc, member, _outsider, rows = sheet
    set_score(db, rows["I.1"].id, member.id, self_points=40, bloc_points=40)
    with pytest.raises(DomainError):
        set_score(db, rows["I.1"].id, member.id, self_points=45, bloc_points=60)
    assert _scores(db) == [(rows["I.1"].id, member.id, 40, 40)]


def test_unit_not_member_that_year_cannot_be_scored(sheet) -> None:
    db, _bloc, _member, outsider, rows = sheet
    with pytest.raises(DomainError) as caught:
        set_score(db, rows["I.1"].id, outsider.id, self_points=10)
    assert caught.value.field == "unit"
    assert "«Sở Y tế» không phải thành viên của khối năm 2025" in caught.value.message
    assert _scores(db) == []


def test_member_of_another_bloc_cannot_be_scored(sheet) -> None:
    db, _bloc, _member, _outsider, rows = sheet
    other_bloc = create_bloc(db, BlocInput(code="VHXH", name="Khối Văn hóa - Xã hội"))
    stranger = f.unit(db, "Sở Văn hóa")
    set_membership(db, other_bloc.id, stranger.id, 2025)
    with pytest.raises(DomainError, match="không phải thành viên"):
        set_score(db, rows["I.1"].id, stranger.id, bloc_points=10)


def test_unknown_criterion_is_not_found(sheet) -> None:
    db, _bloc, member, _outsider, _rows = sheet
    with pytest.raises(NotFound, match="tiêu chí"):
        set_score(db, 99999, member.id, self_points=1)


def test_criteria_may_be_replaced_while_nobody_is_scored(sheet) -> None:
    db, bloc, *_ = sheet
    set_criteria(db, bloc.id, 2025, [CriterionInput("A", "Tiêu chí duy nhất", 100)])
    assert [(c.code, c.max_points) for c in criteria(db, bloc.id, 2025)] == [("A", 100)]


def test_criteria_cannot_be_replaced_once_scores_exist(sheet) -> None:
    db, bloc, member, _outsider, rows = sheet
    set_score(db, rows["I.1"].id, member.id, self_points=40)
    before = f.dump(db)
    with pytest.raises(DomainError, match="đã có điểm chấm"):
        set_criteria(db, bloc.id, 2025, [CriterionInput("A", "Tiêu chí duy nhất", 100)])
    assert f.dump(db) == before
    # another year's table is still free
    set_criteria(db, bloc.id, 2026, [CriterionInput("A", "Tiêu chí duy nhất", 100)])
    assert len(criteria(db, bloc.id, 2026)) == 1


@pytest.mark.parametrize(
    ("rows", "field", "words"),
    [
        ([CriterionInput("I.1", "A", 10), CriterionInput(" I.1 ", "B", 10)], "code", "bị trùng"),
        ([CriterionInput("", "A", 10)], "code", "phải có mã"),
        ([CriterionInput("I.1", "A", 0)], "max_points", "phải lớn hơn 0"),
        ([CriterionInput("I.1", "A", -5)], "max_points", "phải lớn hơn 0"),
        ([CriterionInput("I.1", "A", 10, floor_share=1.2)], "floor_share", "từ 0 đến 1"),
        ([CriterionInput("I.1", " ", 10)], "name", "không được để trống"),
    ],
    ids=["duplicate-code", "no-code", "zero-max", "negative-max", "floor-above-one", "no-name"],
)
def test_malformed_criteria_table_is_refused(sheet, rows, field: str, words: str) -> None:  # type: ignore[no-untyped-def]
    db, bloc, *_ = sheet
    with pytest.raises(DomainError) as caught:
        set_criteria(db, bloc.id, 2026, rows)
    assert caught.value.field == field
    assert words in caught.value.message
    assert criteria(db, bloc.id, 2026) == []


def test_empty_criteria_table_is_refused(sheet) -> None:
    db, bloc, *_ = sheet
    with pytest.raises(DomainError, match="ít nhất một dòng"):
        set_criteria(db, bloc.id, 2026, [])


def test_criteria_for_unknown_bloc_is_not_found(db) -> None:
    with pytest.raises(NotFound, match="khối thi đua"):
        set_criteria(db, 99999, 2025, TABLE)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Score)) == 0
