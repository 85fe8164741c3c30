"""The demo database: built once per module through the services, then checked for real facts."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.demo import DemoSummary, create_demo
from app.errors import DomainError
from app.model import (
    BlocRole,
    Decision,
    Nomination,
    NominationStatus,
    Person,
    RegisterBook,
    RegisterEntry,
)
from app.opening import open_database
from app.services import blocs, registers, standings
from app.services.persons import search_persons
from app.services.units import UnitInput, create_unit
from app.storage.db import Database


def _fresh(template: Path, folder: Path) -> Database:
    path = folder / "demo.sqlite3"
    shutil.copyfile(template, path)
    return open_database(path)


@pytest.fixture(scope="module")
def demo(demo_build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(demo_build[0], path)
    db = open_database(path)
    yield db, demo_build[1]
    db.dispose()


def _names(db: Database) -> list[str]:
    return [p.full_name for p in search_persons(db, "", limit=100_000)]


def test_ktkt_has_eleven_members_in_2025_with_one_head_and_one_deputy(
    demo: tuple[Database, DemoSummary],
) -> None:
    db, _ = demo
    ktkt = standings.bloc_by_code(db, "KTKT")

    members = blocs.members(db, ktkt.id, 2025)

    assert len(members) == 11
    assert [m.role for m in members].count(BlocRole.HEAD) == 1
    assert [m.role for m in members].count(BlocRole.DEPUTY) == 1


def test_bloc_leadership_rotates_the_deputy_becomes_head(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    ktkt = standings.bloc_by_code(db, "KTKT")

    deputy_2024 = next(m.code for m in blocs.members(db, ktkt.id, 2024) if m.role is BlocRole.DEPUTY)
    head_2025 = next(m.code for m in blocs.members(db, ktkt.id, 2025) if m.role is BlocRole.HEAD)

    assert deputy_2024 == head_2025


def test_at_least_300_persons_with_nfc_names_and_citizen_ids(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    with db.read() as session:
        people = list(session.scalars(select(Person)))

    assert len(people) == summary.persons >= 300
    assert all(unicodedata.is_normalized("NFC", p.full_name) for p in people)
    assert all(p.cccd and len(p.cccd) == 12 and p.cccd.isdigit() for p in people)
    assert {p.gender.value for p in people} == {"male", "female"}


def test_compound_names_keep_their_parts(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        parts = {
            p.full_name: (p.family_name, p.middle_name, p.given_name) for p in session.scalars(select(Person))
        }

    assert parts["Nguyễn Thị Bảo Ngọc"] == ("Nguyễn", "Thị", "Bảo Ngọc")
    assert parts["Tôn Thất Bách"] == ("Tôn Thất", "", "Bách")


def test_every_workflow_status_occurs_in_both_years(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as session:
        seen = {
            (year, status) for year, status in session.execute(select(Nomination.year, Nomination.status))
        }

    for year in (2024, 2025):
        assert {status for y, status in seen if y == year} == set(NominationStatus)


def test_every_approved_nomination_has_a_decision_and_a_register_number(
    demo: tuple[Database, DemoSummary],
) -> None:
    db, _ = demo
    with db.read() as session:
        approved = session.execute(
            select(Nomination.id, Nomination.decision_id, RegisterEntry.number)
            .outerjoin(RegisterEntry, RegisterEntry.nomination_id == Nomination.id)
            .where(Nomination.status == NominationStatus.APPROVED)
        ).all()
        books = list(session.scalars(select(RegisterBook.id)))

    assert len(approved) > 600
    assert all(decision is not None and number is not None for _, decision, number in approved)
    assert len(books) == 2 and all(registers.check_gapless(db, book) for book in books)


def test_decisions_follow_the_official_forms(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    with db.read() as session:
        found = {d.number_text: d for d in session.scalars(select(Decision))}

    assert len(found) == summary.decisions
    province = found["15/QĐ-UBND"]
    assert province.issuer == "Ủy ban nhân dân tỉnh Tây Ninh"
    assert (province.signer_authority, province.signer_title) == ("KT.", "PHÓ CHỦ TỊCH")
    assert any(text.endswith("/QĐ-STC") for text in found)


def test_one_score_sheet_is_left_incomplete(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    ktkt = standings.bloc_by_code(db, "KTKT")

    sheet_2025 = standings.compute(db, ktkt.id, 2025)
    sheet_2024 = standings.compute(db, ktkt.id, 2024)

    assert len(sheet_2025.incomplete) == 1
    assert sheet_2025.incomplete[0].missing
    assert len(sheet_2025.ranked) == 10
    assert sheet_2024.incomplete == []
    assert sheet_2024.ranked[0].proposal == "flag"


def test_summary_counts_what_is_stored(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    with db.read() as session:
        nominations = session.scalar(select(func.count()).select_from(Nomination))
        entries = session.scalar(select(func.count()).select_from(RegisterEntry))

    assert (nominations, entries) == (summary.nominations, summary.register_entries)


def _names_then_cancel(template: Path, folder: Path, seed: int) -> tuple[list[str], list[int]]:
    """Run the demo until the persons exist (three steps), cancel it, return the names and the steps seen."""
    db = _fresh(template, folder)
    steps: list[int] = []
    try:
        with pytest.raises(DomainError, match="Đã hủy tạo dữ liệu mẫu"):
            create_demo(
                db,
                seed=seed,
                progress=lambda done, _total: steps.append(done),
                cancelled=lambda: len(steps) > 3,
            )
        return _names(db), steps
    finally:
        db.dispose()


def test_same_seed_gives_the_same_names(
    demo: tuple[Database, DemoSummary], template_db: Path, tmp_path: Path
) -> None:
    names, _ = _names_then_cancel(template_db, tmp_path, 2025)

    assert len(names) >= 300
    assert names == _names(demo[0])


def test_another_seed_gives_other_names(
    demo: tuple[Database, DemoSummary], template_db: Path, tmp_path: Path
) -> None:
    names, _ = _names_then_cancel(template_db, tmp_path, 7)

    assert len(names) >= 300
    assert names != _names(demo[0])


def test_cancelling_stops_between_steps_and_keeps_what_was_done(template_db: Path, tmp_path: Path) -> None:
    names, steps = _names_then_cancel(template_db, tmp_path, 2025)

    assert steps == [0, 1, 2, 3]
    assert len(names) >= 300  # committed step by step: the CLI builds into a temporary file for this


def test_refuses_a_database_that_already_has_units(db: Database) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))

    with pytest.raises(DomainError) as raised:
        create_demo(db)

    assert str(raised.value) == "Cơ sở dữ liệu đã có dữ liệu; chỉ tạo dữ liệu mẫu trên cơ sở dữ liệu trống."


def test_the_demo_has_one_account_per_role_with_the_documented_passwords(demo_build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.auth import ANONYMOUS, PermissionDeniedError
    from app.demo.accounts import DEMO_ACCOUNTS
    from app.model import UserRole
    from app.services.accounts import login
    from app.services.common import unit_by_code

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    db = _fresh(demo_build[0], tmp_path)
    try:
        assert db.actor == ANONYMOUS  # the demo has accounts: nobody may write before logging in
        with pytest.raises(PermissionDeniedError):
            create_unit(db, UnitInput(code="SYT", name="Sở Y tế"))
        for username, password, role, _name, unit in DEMO_ACCOUNTS:
            assert f"`{username}` | `{password}`" in readme
            actor = login(db, username, password)
            assert actor.role is role
            if unit is not None:
                with db.read() as session:
                    assert actor.unit_id == unit_by_code(session, unit).id
        assert {r for _u, _p, r, _n, _c in DEMO_ACCOUNTS} == set(UserRole)
    finally:
        db.dispose()


def test_a_cancelled_demo_file_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.demo import build_demo_file

    heads = tmp_path / "heads"
    monkeypatch.setenv("THIDUA_AUDIT_HEADS_DIR", str(heads))
    folder = tmp_path / "demo"
    steps: list[int] = []

    with pytest.raises(DomainError, match="Đã hủy tạo dữ liệu mẫu"):
        build_demo_file(
            folder / "demo.sqlite3",
            progress=lambda done, _t: steps.append(done),
            cancelled=lambda: len(steps) > 2,
        )

    assert steps == [0, 1, 2]  # two steps were committed in the temporary file first
    assert list(folder.iterdir()) == []
    assert [p.name for p in heads.iterdir() if p.suffix == ".json"] == []
