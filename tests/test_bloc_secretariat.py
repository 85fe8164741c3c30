"""Issue #15 item 8: the bloc head (khối trưởng) and deputy (khối phó) of each year, and the
secretariat's work of a bloc-year (criteria, scores, closing and reopening, the review's texts)
for the administrator, the book's own approvers (no unit) and the approvers of that year's head or
deputy unit; an approver of another unit reads only. The standings page says who they are."""

from __future__ import annotations

import factories as f
import pytest

from app.auth import SYSTEM, Actor, PermissionDeniedError
from app.model import BlocRole, ScorePeriodKind, UnitLevel, UserRole
from app.services.bloc_review import BlocReview, set_review
from app.services.blocs import (
    BlocInput,
    create_bloc,
    may_run_secretariat,
    secretariat,
    set_membership,
)
from app.services.score_periods import close_period, reopen_period
from app.services.score_sheets import SheetEntry, save_sheet
from app.services.scoring import (
    CriterionInput,
    add_criterion,
    copy_criteria,
    criteria,
    delete_criterion,
    set_criteria,
    set_score,
)

db = f.db
H1, YEAR = ScorePeriodKind.H1, ScorePeriodKind.YEAR
TABLE = [CriterionInput("I.1", "Thực hiện nhiệm vụ", 60), CriterionInput("I.2", "Thi đua, khen thưởng", 40)]


@pytest.fixture
def bloc(db):  # type: ignore[no-untyped-def]
    bloc = create_bloc(db, BlocInput(code="KTKT", name="Khối Kinh tế - Kỹ thuật"))
    units = {code: f.unit(db, name, code=code).id for code, name in
             [("SXD", "Sở Xây dựng"), ("STC", "Sở Tài chính"), ("SCT", "Sở Công Thương")]}  # fmt: skip
    units["VP_SXD"] = f.unit(db, "Văn phòng Sở Xây dựng", code="VPSXD", level=UnitLevel.DIVISION,
                             parent_id=units["SXD"]).id  # fmt: skip
    set_membership(db, bloc.id, units["SXD"], 2025, BlocRole.HEAD)
    set_membership(db, bloc.id, units["STC"], 2025, BlocRole.DEPUTY)
    set_membership(db, bloc.id, units["SCT"], 2025)
    for code in ("SXD", "STC", "SCT"):  # 2026: Sở Công Thương heads, nobody deputises
        set_membership(db, bloc.id, units[code], 2026, BlocRole.HEAD if code == "SCT" else BlocRole.MEMBER)
    set_criteria(db, bloc.id, 2025, TABLE)
    return db, bloc, units


def approver(units: dict[str, int] | None = None, code: str | None = None) -> Actor:
    unit_id = units[code] if units is not None and code is not None else None
    return Actor(f"pd.{code or 'tinh'}".lower(), UserRole.APPROVER, unit_id=unit_id)


def test_the_year_has_its_head_and_deputy(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, units = bloc
    lead = secretariat(db, b.id, 2025)
    assert (lead.head and lead.head.code, lead.deputy and lead.deputy.code) == ("SXD", "STC")
    lead = secretariat(db, b.id, 2026)
    assert (lead.head and lead.head.code, lead.deputy) == ("SCT", None)


@pytest.mark.parametrize(
    "who", ["SXD", "STC", "VP_SXD", None], ids=["head", "deputy", "head-division", "book"]
)
def test_the_head_and_deputy_units_approvers_and_the_books_run_the_year(bloc, who) -> None:  # type: ignore[no-untyped-def]
    db, b, units = bloc
    unit_id = units["SCT"]
    with db.acting_as(approver(units, who)):
        assert may_run_secretariat(db, b.id, 2025)
        rows = add_criterion(db, b.id, 2025, YEAR, CriterionInput("I.3", "Cải cách hành chính", 10))
        delete_criterion(db, rows.id)
        copy_criteria(db, b.id, 2025, YEAR, 2025, H1)
        save_sheet(db, b.id, 2025, H1, unit_id, [SheetEntry("I.1", 50, 50), SheetEntry("I.2", 30, 30)])
        set_score(db, criteria(db, b.id, 2025)[0].id, unit_id, self_points=55)
        set_review(db, b.id, 2025, H1, BlocReview(results="Hoàn thành tốt."))
        close_period(db, b.id, 2025, H1)
        reopen_period(db, b.id, 2025, H1, "Sửa điểm")


def test_an_approver_of_another_unit_or_another_year_may_not(bloc) -> None:  # type: ignore[no-untyped-def]
    db, b, units = bloc
    first = criteria(db, b.id, 2025)[0].id
    cases = [(approver(units, "SCT"), 2025), (approver(units, "SXD"), 2026), (approver(units, "STC"), 2026)]
    for actor, year in cases:
        with db.acting_as(actor):
            assert not may_run_secretariat(db, b.id, year), (actor, year)
            for attempt in (
                lambda year=year: set_criteria(db, b.id, year, TABLE),
                lambda year=year: add_criterion(db, b.id, year, YEAR, CriterionInput("X", "X", 1)),
                lambda year=year: close_period(db, b.id, year, YEAR),
                lambda year=year: set_review(db, b.id, year, YEAR, BlocReview(results="x")),
            ):
                with pytest.raises(PermissionDeniedError, match="khối trưởng hoặc khối phó"):
                    attempt()
    with db.acting_as(approver(units, "SCT")):
        with pytest.raises(PermissionDeniedError):
            set_score(db, first, units["STC"], self_points=10)
        with pytest.raises(PermissionDeniedError):
            save_sheet(db, b.id, 2025, YEAR, units["STC"], [SheetEntry("I.1", 50, 50)])
        assert may_run_secretariat(db, b.id, 2026)  # Sở Công Thương heads the bloc in 2026
        set_criteria(db, b.id, 2026, TABLE)
    with db.acting_as(SYSTEM):
        assert may_run_secretariat(db, b.id, 2025)
    with db.acting_as(Actor("quantri", UserRole.ADMIN, unit_id=units["SCT"])):
        assert may_run_secretariat(db, b.id, 2025)
    with db.acting_as(Actor("canbo", UserRole.CLERK, unit_id=units["SXD"])):
        assert not may_run_secretariat(db, b.id, 2025)
        with pytest.raises(PermissionDeniedError):
            close_period(db, b.id, 2025, YEAR)


def test_the_standings_page_names_the_head_and_deputy_and_shows_the_commands_to_them_only(
    bloc, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.standings import StandingsPage

    db, _b, units = bloc
    page = StandingsPage()
    qtbot.addWidget(page)
    db.actor = approver(units, "SCT")
    page.set_database(db)
    page.select("KTKT", 2025)
    text = page.secretariat.text()
    assert "Khối trưởng: Sở Xây dựng" in text and "khối phó: Sở Tài chính" in text
    assert "Việc của thường trực khối" in text and "chỉ xem" in text
    assert page.commands["closePeriod"].isHidden() and page.commands["importSheets"].isHidden()
    assert not page.can_write()

    db.actor = approver(units, "STC")
    page.set_database(db)
    page.select("KTKT", 2025)
    assert not page.commands["closePeriod"].isHidden() and page.commands["closePeriod"].isEnabled()
    assert page.can_write() and "làm được" in page.secretariat.text()


def test_sheets_saved_inside_another_write_check_the_actor_too(bloc) -> None:  # type: ignore[no-untyped-def]
    """The xlsx import saves its sheets with save_sheet_in inside its own write: the rule holds there."""
    from app.model import Bloc, Unit
    from app.services.score_sheets import save_sheet_in

    db, b, units = bloc
    entries = [SheetEntry("I.1", 50, 50), SheetEntry("I.2", 30, 30)]
    for who, allowed in (("SCT", False), ("SXD", True)):
        with db.acting_as(approver(units, who)), db.write() as session:
            bloc_row, unit = session.get(Bloc, b.id), session.get(Unit, units["STC"])
            assert bloc_row is not None and unit is not None
            if allowed:
                assert save_sheet_in(session, bloc_row, 2025, YEAR, unit, entries).self_total == 80
            else:
                with pytest.raises(PermissionDeniedError):
                    save_sheet_in(session, bloc_row, 2025, YEAR, unit, entries)
