"""Bloc standings: totals, bands with floors, ties, incomplete sheets, proposals, history."""

from __future__ import annotations

import pytest

from app.errors import DomainError
from app.model import BlocRole, CriterionKind, UnitLevel
from app.services.blocs import BlocInput, create_bloc, set_membership
from app.services.scoring import CriterionInput, set_criteria, set_score
from app.services.standings import Band, StandingsConfig, compute, load_config, rank_history
from app.services.units import UnitInput, create_unit

TABLE = [
    CriterionInput("I.1", "Thực hiện nhiệm vụ chuyên môn", 50, group="I"),
    CriterionInput("I.2", "Công tác thi đua, khen thưởng", 30, group="I", floor_share=0.9),
    CriterionInput("II.1", "Cải cách hành chính", 20, group="II"),
    CriterionInput("B.1", "Được tặng Cờ thi đua năm trước", 10, kind=CriterionKind.BONUS),
    CriterionInput("T.1", "Chậm nộp báo cáo", 10, kind=CriterionKind.PENALTY),
]


@pytest.fixture
def bloc(db):
    bloc = create_bloc(db, BlocInput(code="KTKT", name="Khối Kinh tế - Kỹ thuật"))
    units = {}
    for code, name in [
        ("STC", "Sở Tài chính"),
        ("SXD", "Sở Xây dựng"),
        ("SCT", "Sở Công Thương"),
        ("SKHCN", "Sở Khoa học và Công nghệ"),
        ("BQL", "Ban Quản lý Khu kinh tế"),
    ]:
        units[code] = create_unit(db, UnitInput(code=code, name=name, level=UnitLevel.DEPARTMENT)).id
        for year in (2024, 2025):
            set_membership(db, bloc.id, units[code], year)
    set_membership(db, bloc.id, units["STC"], 2025, BlocRole.HEAD)
    return bloc, units


def _score(db, bloc_id: int, year: int, unit_id: int, points: dict[str, float | None]) -> None:
    from app.services.scoring import criteria

    by_code = {c.code: c.id for c in criteria(db, bloc_id, year)}
    for code, value in points.items():
        if value is not None:
            set_score(db, by_code[code], unit_id, self_points=value, bloc_points=value)


def test_standings_rank_band_gap_proposal_and_incomplete(db, bloc) -> None:
    bloc, u = bloc
    set_criteria(db, bloc.id, 2025, TABLE)
    _score(db, bloc.id, 2025, u["STC"], {"I.1": 48, "I.2": 29, "II.1": 18, "B.1": 5, "T.1": 0})  # 100
    _score(db, bloc.id, 2025, u["SXD"], {"I.1": 47, "I.2": 28, "II.1": 18, "B.1": 0, "T.1": 1})  # 92
    _score(db, bloc.id, 2025, u["SCT"], {"I.1": 49, "I.2": 25, "II.1": 19, "T.1": 0})  # 93, I.2 < 90 %
    _score(db, bloc.id, 2025, u["SKHCN"], {"I.1": 40, "I.2": 27, "II.1": 16})  # 83
    _score(db, bloc.id, 2025, u["BQL"], {"I.1": 45, "I.2": None, "II.1": 17})  # incomplete

    table = compute(db, bloc.id, 2025)
    by_code = {r.code: r for r in table.rows}
    assert [r.code for r in table.ranked] == ["STC", "SCT", "SXD", "SKHCN"]
    assert [r.rank for r in table.ranked] == [1, 2, 3, 4]
    assert by_code["STC"].total == 100 and by_code["SXD"].total == 92 and by_code["SCT"].total == 93
    assert by_code["SCT"].gap == 7
    # 93 points but I.2 = 25/30 < 90 % floor of that criterion: not "Xuất sắc".
    assert by_code["SCT"].band == "Tốt"
    assert by_code["SCT"].below_floor == ["I.2"]
    assert by_code["SXD"].band == "Xuất sắc"
    assert by_code["STC"].proposal == "flag"
    assert [r.code for r in table.ranked if r.proposal == "merit"] == ["SCT", "SXD"]
    assert by_code["BQL"].complete is False and by_code["BQL"].rank is None
    assert by_code["BQL"].missing == ["I.2"]
    assert any("Ban Quản lý Khu kinh tế" in n and "chưa xếp hạng" in n for n in table.notes)


def test_equal_totals_use_the_tie_break_then_share_the_rank(db, bloc) -> None:
    bloc, u = bloc
    set_criteria(db, bloc.id, 2025, TABLE)
    _score(db, bloc.id, 2025, u["STC"], {"I.1": 45, "I.2": 28, "II.1": 17, "B.1": 5})  # 95 = 90 + 5
    _score(db, bloc.id, 2025, u["SXD"], {"I.1": 48, "I.2": 29, "II.1": 18, "T.1": 0})  # 95 = 95 + 0
    _score(db, bloc.id, 2025, u["SCT"], {"I.1": 48, "I.2": 29, "II.1": 18, "T.1": 0})  # 95 again
    table = compute(db, bloc.id, 2025)
    ranks = {r.code: r.rank for r in table.ranked}
    # More points on the criteria themselves wins the tie; identical sheets share the rank.
    assert ranks == {"SCT": 1, "SXD": 1, "STC": 3}
    assert {r.code for r in table.ranked if r.proposal == "flag"} == {"SCT", "SXD"}
    assert any("suy tôn" in n for n in table.notes)

    plain = StandingsConfig(bands=load_config().bands, tie_break=())
    ranks_plain = {r.code: r.rank for r in compute(db, bloc.id, 2025, plain).ranked}
    assert ranks_plain == {"SCT": 1, "STC": 1, "SXD": 1}


def test_rank_history_across_years(db, bloc) -> None:
    bloc, u = bloc
    for year, leader in ((2024, "SXD"), (2025, "STC")):
        set_criteria(db, bloc.id, year, TABLE)
        for code, unit_id in u.items():
            top = code == leader
            _score(
                db, bloc.id, year, unit_id, {"I.1": 50 if top else 40, "I.2": 30 if top else 27, "II.1": 15}
            )
    history = rank_history(db, bloc.id)
    assert history[u["SXD"]] == {2024: 1, 2025: 2}
    assert history[u["STC"]] == {2024: 2, 2025: 1}


def test_no_criteria_table_is_a_clear_error(db, bloc) -> None:
    bloc, _ = bloc
    with pytest.raises(DomainError, match="chưa có bảng tiêu chí"):
        compute(db, bloc.id, 2030)


def test_band_config_must_go_from_high_to_low() -> None:
    bands = (Band("Tốt", 80, None), Band("Xuất sắc", 90, None))
    assert [b.name for b in sorted(bands, key=lambda b: -b.min_total)] == ["Xuất sắc", "Tốt"]
    assert load_config().bands[0].name == "Xuất sắc"
