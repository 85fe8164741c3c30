"""Issue #15: criteria tables per period, whole score sheets, closing and reopening a period, and the
half-year rank beside the year's."""

from __future__ import annotations

import json

import factories as f
import pytest
from sqlalchemy import select

from app.auth import Actor, PermissionDeniedError
from app.errors import DomainError
from app.model import AuditEntry, CriterionKind, ScorePeriodKind, UserRole
from app.services.blocs import BlocInput, create_bloc, set_membership
from app.services.score_periods import (
    PeriodClosedError,
    close_period,
    period_state,
    period_states,
    reopen_period,
)
from app.services.score_sheets import (
    SheetEntry,
    SheetRefused,
    check_entries,
    save_sheet,
    sheet_status,
    unit_sheet,
)
from app.services.scoring import (
    CriterionInput,
    CriterionRecord,
    add_criterion,
    copy_criteria,
    criteria,
    delete_criterion,
    reorder_criteria,
    set_criteria,
    set_score,
    update_criterion,
)
from app.services.standings import compute, compute_both, rank_history

db = f.db
H1, YEAR = ScorePeriodKind.H1, ScorePeriodKind.YEAR
TABLE = [
    CriterionInput("I.1", "Thực hiện nhiệm vụ chuyên môn", 50, group="I"),
    CriterionInput("I.2", "Công tác thi đua, khen thưởng", 30, group="I"),
    CriterionInput("II.1", "Cải cách hành chính", 20, group="II"),
    CriterionInput("B.1", "Được tặng Cờ thi đua", 10, kind=CriterionKind.BONUS),
    CriterionInput("T.1", "Chậm nộp báo cáo", 5, kind=CriterionKind.PENALTY),
]


@pytest.fixture
def bloc(db):  # type: ignore[no-untyped-def]
    bloc = create_bloc(db, BlocInput(code="KTKT", name="Khối Kinh tế - Kỹ thuật"))
    units = {code: f.unit(db, name, code=code).id for code, name in
             [("STC", "Sở Tài chính"), ("SXD", "Sở Xây dựng"), ("SCT", "Sở Công Thương")]}  # fmt: skip
    for uid in units.values():
        set_membership(db, bloc.id, uid, 2025)
    set_criteria(db, bloc.id, 2025, TABLE, H1)
    set_criteria(db, bloc.id, 2025, TABLE)
    return db, bloc, units


def _full(points: tuple[float, float, float], comment: str = "") -> list[SheetEntry]:
    return [SheetEntry(code, p, p, comment) for code, p in zip(("I.1", "I.2", "II.1"), points, strict=True)]


def _audit(db, entity: str) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return list(
            session.scalars(select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id))
        )


# ---------------------------------------------------------------- criteria tables per period
def test_each_period_has_its_own_table_of_frozen_records(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, _ = bloc
    set_criteria(db, b.id, 2025, [CriterionInput("A", "Chỉ 6 tháng", 100)], H1)
    half, year = criteria(db, b.id, 2025, H1), criteria(db, b.id, 2025)
    assert [c.code for c in half] == ["A"]
    assert [c.code for c in year] == ["I.1", "I.2", "II.1", "B.1", "T.1"]
    assert all(isinstance(c, CriterionRecord) and c.period is YEAR for c in year)
    with pytest.raises(AttributeError):
        year[0].code = "X"  # type: ignore[misc]


def test_copy_from_last_year_reorder_add_update_delete(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, _ = bloc
    copied = copy_criteria(db, b.id, 2025, YEAR, 2026, H1)
    assert [(c.code, c.max_points, c.year, c.period) for c in copied][:2] == [
        ("I.1", 50, 2026, H1),
        ("I.2", 30, 2026, H1),
    ]
    reorder_criteria(db, b.id, 2026, H1, ["II.1", "I.1", "I.2", "B.1", "T.1"])
    assert [c.code for c in criteria(db, b.id, 2026, H1)] == ["II.1", "I.1", "I.2", "B.1", "T.1"]
    add_criterion(db, b.id, 2026, H1, CriterionInput("II.2", "Chuyển đổi số", 10, group="II"), position=1)
    assert [c.code for c in criteria(db, b.id, 2026, H1)] == ["II.1", "II.2", "I.1", "I.2", "B.1", "T.1"]
    by = {c.code: c for c in criteria(db, b.id, 2026, H1)}
    update_criterion(db, by["II.2"].id, CriterionInput("II.2", "Chuyển đổi số, dữ liệu", 15, group="II"))
    delete_criterion(db, by["I.2"].id)
    table = criteria(db, b.id, 2026, H1)
    assert [(c.code, c.position) for c in table] == [
        ("II.1", 0),
        ("II.2", 1),
        ("I.1", 2),
        ("B.1", 3),
        ("T.1", 4),
    ]
    assert table[1].max_points == 15 and table[1].name == "Chuyển đổi số, dữ liệu"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda db, b: reorder_criteria(db, b, 2025, YEAR, ["I.1"]), "thiếu tiêu chí"),
        (
            lambda db, b: reorder_criteria(db, b, 2025, YEAR, ["I.1", "I.2", "II.1", "B.1", "T.1", "X"]),
            "Không có tiêu chí mã X",
        ),
        (
            lambda db, b: add_criterion(db, b, 2025, YEAR, CriterionInput("I.1", "Trùng", 5)),
            "đã có trong bảng",
        ),
        (lambda db, b: add_criterion(db, b, 2025, YEAR, CriterionInput("Z", "Âm", -1)), "phải lớn hơn 0"),
        (lambda db, b: copy_criteria(db, b, 2019, YEAR, 2025, H1), "chưa có bảng tiêu chí cả năm 2019"),
    ],
    ids=["reorder-missing", "reorder-unknown", "add-duplicate", "add-negative-max", "copy-from-nothing"],
)
def test_bad_table_edits_are_refused_and_write_nothing(bloc, call, words: str) -> None:  # type: ignore[no-untyped-def]
    db, b, _ = bloc
    before = f.dump(db)
    with pytest.raises(DomainError) as caught:
        call(db, b.id)
    assert words in caught.value.message
    assert f.dump(db) == before


def test_a_scored_criterion_cannot_be_deleted_nor_its_max_lowered(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, u = bloc
    by = {c.code: c for c in criteria(db, b.id, 2025)}
    set_score(db, by["I.2"].id, u["STC"], self_points=28, bloc_points=27, note="Thiếu minh chứng")
    before = f.dump(db)
    with pytest.raises(DomainError) as caught:
        delete_criterion(db, by["I.2"].id)
    assert caught.value.message == "Tiêu chí «I.2» đã có điểm chấm; không xóa được."
    with pytest.raises(DomainError, match="cao hơn điểm tối đa mới"):
        update_criterion(db, by["I.2"].id, CriterionInput("I.2", "Công tác thi đua", 20))
    with pytest.raises(DomainError, match="đã có điểm chấm"):
        set_criteria(db, b.id, 2025, TABLE)
    assert f.dump(db) == before
    # the half-year table of the same codes is another table, still free
    set_criteria(db, b.id, 2025, TABLE[:2], H1)


# ---------------------------------------------------------------- whole sheets
def test_sheet_saved_and_read_with_comment_and_evidence(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, u = bloc
    sheet = save_sheet(db, b.id, 2025, H1, u["STC"], [
        SheetEntry("I.1", 48, 45, "Chậm một báo cáo quý", "Báo cáo số 12/BC-STC"),
        SheetEntry("I.2", 30, 30, evidence="QĐ 5/QĐ-STC"),
        SheetEntry("B.1", 5, 5),
        SheetEntry("T.1", 0, 1, "Nộp trễ 2 ngày"),
    ])  # fmt: skip
    assert sheet.missing == ["II.1"] and not sheet.complete
    assert sheet.bloc_total == 79 and sheet.self_total == 83
    row = unit_sheet(db, b.id, 2025, H1, u["STC"]).rows[0]
    assert (row.self_points, row.bloc_points, row.comment, row.evidence, row.differs) == (
        48,
        45,
        "Chậm một báo cáo quý",
        "Báo cáo số 12/BC-STC",
        True,
    )
    # the year's sheet is another sheet
    assert all(r.bloc_points is None for r in unit_sheet(db, b.id, 2025, YEAR, u["STC"]).rows)
    status = {s.code: s for s in sheet_status(db, b.id, 2025, H1)}
    assert status["STC"].missing == ("II.1",) and not status["SXD"].complete


def test_every_problem_of_a_sheet_is_reported_at_once_and_nothing_is_saved(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, u = bloc
    before = f.dump(db)
    with pytest.raises(SheetRefused) as caught:
        save_sheet(db, b.id, 2025, YEAR, u["STC"], [
            SheetEntry("I.1", 51, 40, "x"),  # above max
            SheetEntry("I.2", -1, None),  # negative
            SheetEntry("II.1", 18, 15),  # differ, no comment
            SheetEntry("I.1", 10, 10),  # repeated
            SheetEntry("Z.9", 1, 1),  # unknown
        ])  # fmt: skip
    messages = [p.message for p in caught.value.problems]
    assert messages == [
        "Điểm tự chấm của tiêu chí I.1 (51) vượt điểm tối đa (50).",
        "Điểm tự chấm của tiêu chí I.2 không được âm.",
        "Tiêu chí II.1: điểm tự chấm (18) khác điểm khối chấm (15); cần ghi nhận xét.",
        "Tiêu chí «I.1» bị lặp lại trong phiếu.",
        "Không có tiêu chí mã «Z.9» trong bảng tiêu chí.",
    ]
    assert "(5 lỗi)" in caught.value.message
    assert f.dump(db) == before


def test_a_unit_outside_the_bloc_that_year_is_refused(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, _ = bloc
    stranger = f.unit(db, "Sở Y tế", code="SYT").id
    with pytest.raises(SheetRefused, match="không phải thành viên của khối KTKT năm 2025"):
        save_sheet(db, b.id, 2025, YEAR, stranger, _full((40, 25, 15)))


def test_check_entries_alone_needs_no_database() -> None:
    table = [CriterionRecord(1, 1, 2025, YEAR, "I.1", "I", "A", CriterionKind.CRITERION, 10, None, 0)]
    assert check_entries(table, [SheetEntry("I.1", 10, 10)]) == []
    assert [p.field for p in check_entries(table, [SheetEntry("I.1", 11, 9)])] == ["self_points", "comment"]


# ---------------------------------------------------------------- closing a period
def test_closed_period_refuses_every_edit_until_reopened_with_a_reason(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, u = bloc
    save_sheet(db, b.id, 2025, H1, u["STC"], _full((45, 27, 18)))
    state = close_period(db, b.id, 2025, H1)
    assert state.closed and state.closed_by == "system"
    assert [(p, s.closed) for p, s in period_states(db, b.id, 2025).items()] == [(H1, True), (YEAR, False)]
    before = f.dump(db)
    by = {c.code: c for c in criteria(db, b.id, 2025, H1)}
    edits = [
        lambda: save_sheet(db, b.id, 2025, H1, u["STC"], _full((40, 27, 18), "sửa")),
        lambda: set_score(db, by["I.1"].id, u["SXD"], bloc_points=40),
        lambda: set_criteria(db, b.id, 2025, TABLE, H1),
        lambda: add_criterion(db, b.id, 2025, H1, CriterionInput("X", "Thêm", 5)),
        lambda: delete_criterion(db, by["B.1"].id),
        lambda: reorder_criteria(db, b.id, 2025, H1, [c for c in reversed(by)]),
        lambda: close_period(db, b.id, 2025, H1),
    ]
    for edit in edits:
        with pytest.raises(DomainError, match="đã khóa"):
            edit()
    with pytest.raises(DomainError, match="phải ghi rõ lý do"):
        reopen_period(db, b.id, 2025, H1, "   ")
    assert f.dump(db) == before
    # the year is another period, still open
    save_sheet(db, b.id, 2025, YEAR, u["STC"], _full((45, 27, 18)))

    state = reopen_period(db, b.id, 2025, H1, "Khối họp lại: điểm I.1 của STC chấm nhầm")
    assert not state.closed and state.reopen_reason.startswith("Khối họp lại")
    assert period_state(db, b.id, 2025, H1) == state
    assert {p: s.closed for p, s in period_states(db, b.id, 2025).items()} == {H1: False, YEAR: False}
    save_sheet(db, b.id, 2025, H1, u["STC"], _full((40, 27, 18)))
    entries = _audit(db, "score_period")
    assert [e.action for e in entries] == ["insert", "update"]
    assert json.loads(entries[0].changes)["closed_by"] == [None, "system"]
    assert entries[1].reason == "Khối họp lại: điểm I.1 của STC chấm nhầm"
    assert json.loads(entries[1].changes)["closed_at"][1] is None


def test_reopening_an_open_period_is_refused(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, _ = bloc
    with pytest.raises(DomainError, match="đang mở"):
        reopen_period(db, b.id, 2025, YEAR, "lý do")


def test_a_clerk_cannot_close_or_reopen(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, u = bloc
    with (
        db.acting_as(Actor("nhaplieu", UserRole.CLERK, unit_id=u["STC"])),
        pytest.raises(PermissionDeniedError),
    ):
        close_period(db, b.id, 2025, YEAR)
    with db.acting_as(Actor("pheduyet", UserRole.APPROVER)):
        assert close_period(db, b.id, 2025, YEAR).closed_by == "pheduyet"
    with (
        db.acting_as(Actor("nhaplieu", UserRole.CLERK, unit_id=u["STC"])),
        pytest.raises(PermissionDeniedError),
    ):
        reopen_period(db, b.id, 2025, YEAR, "lý do")
    assert isinstance(PeriodClosedError("x"), DomainError)


# ---------------------------------------------------------------- standings per period
def test_half_year_and_year_standings_differ_and_the_half_year_rank_sits_beside(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, u = bloc
    for code, pts in (("STC", (48, 29, 19)), ("SXD", (45, 27, 18)), ("SCT", (40, 25, 15))):
        save_sheet(db, b.id, 2025, H1, u[code], _full(pts))
    for code, pts in (("STC", (40, 25, 15)), ("SXD", (49, 29, 19)), ("SCT", (45, 27, 18))):
        save_sheet(db, b.id, 2025, YEAR, u[code], _full(pts))
    half = compute(db, b.id, 2025, None, H1)
    year = compute(db, b.id, 2025)
    assert half.period is H1 and year.period is YEAR
    assert [r.code for r in half.ranked] == ["STC", "SXD", "SCT"]
    assert [r.code for r in year.ranked] == ["SXD", "SCT", "STC"]
    assert [(r.code, r.rank, r.h1_rank, r.h1_total) for r in year.ranked] == [
        ("SXD", 1, 2, 90), ("SCT", 2, 3, 80), ("STC", 3, 1, 96),
    ]  # fmt: skip
    both_half, both_year = compute_both(db, b.id, 2025)
    assert both_half is not None and [r.code for r in both_half.ranked] == ["STC", "SXD", "SCT"]
    assert [r.rank for r in both_year.ranked] == [1, 2, 3]
    # the year's history counts the year's table only
    assert rank_history(db, b.id)[u["STC"]] == {2025: 3}


def test_no_half_year_table_leaves_the_half_year_rank_empty(db) -> None:  # type: ignore[no-untyped-def]
    b = create_bloc(db, BlocInput(code="VHXH", name="Khối Văn hóa - Xã hội"))
    uid = f.unit(db, "Sở Y tế", code="SYT").id
    set_membership(db, b.id, uid, 2025)
    set_criteria(db, b.id, 2025, TABLE[:1])
    save_sheet(db, b.id, 2025, YEAR, uid, [SheetEntry("I.1", 40, 40)])
    assert [(r.rank, r.h1_rank) for r in compute(db, b.id, 2025).rows] == [(1, None)]
    assert compute_both(db, b.id, 2025)[0] is None
    with pytest.raises(DomainError, match="chưa có bảng tiêu chí chấm điểm 6 tháng đầu năm 2025"):
        compute(db, b.id, 2025, period=H1)


# ---------------------------------------------------------------- migration 0013 keeps the data
def test_migration_0013_makes_existing_tables_the_years_and_keeps_scores(
    backend: str, tmp_path, request
) -> None:  # type: ignore[no-untyped-def]
    from app import migrations
    from app.storage.db import create_db_engine

    url = (
        request.getfixturevalue("pg_empty_url")
        if backend == "postgresql"
        else f"sqlite:///{tmp_path / 'cu.sqlite3'}"
    )
    engine = create_db_engine(url)
    try:
        migrations.upgrade(engine, "0008")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO unit (id, code, name, short_name, level, name_fold, sort_key, active) "
                "VALUES (1, 'STC', 'Sở Tài chính', '', 'department', 'so tai chinh', 'k', TRUE)"
            )
            conn.exec_driver_sql(
                "INSERT INTO bloc (id, code, name, kind) VALUES (1, 'KTKT', 'Khối KTKT', 'bloc')"
            )
            conn.exec_driver_sql(
                'INSERT INTO criterion (id, bloc_id, year, code, "group", name, kind, max_points, position) '
                "VALUES (7, 1, 2024, 'I.1', 'I', 'Nhiệm vụ', 'criterion', 50, 0)"
            )
            conn.exec_driver_sql(
                "INSERT INTO score (id, criterion_id, unit_id, self_points, bloc_points, note) "
                "VALUES (3, 7, 1, 48, 45, 'Trừ điểm')"
            )
        migrations.upgrade(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT id, period FROM criterion").all() == [(7, "year")]
            assert conn.exec_driver_sql(
                "SELECT id, criterion_id, self_points, bloc_points, note, evidence FROM score"
            ).all() == [(3, 7, 48, 45, "Trừ điểm", "")]
            if backend == "sqlite":
                assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                triggers = {
                    r[0]
                    for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                }
                assert {"audit_entry_no_update", "audit_entry_no_delete"} <= triggers
        migrations.downgrade(engine, "0008")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM score").scalar() == 1
    finally:
        engine.dispose()
