"""Issue #14, finding 8: a rename of a person does not rewrite an award already decided. The award
keeps the name it was decided for (certificates, reprints, verification, the decision's papers);
the person keeps a name history; lists and search follow the new name."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text
from test_certificates_support import World, isolated_settings, page_texts, words  # noqa: F401 - autouse fixture

from app import migrations
from app.certificates.batch import make_certificates
from app.certificates.selection import Selection
from app.certificates.verify import verify
from app.model import Gender, Nomination
from app.services import nominations as N
from app.services.decisions import decision_lines
from app.services.persons import PersonInput, get_person, name_history, search_persons, update_person


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return World(db)


def _rename(world: World, person_id: int, new_name: str, reason: str = "") -> None:
    person = get_person(world.db, person_id)
    update_person(
        world.db,
        person_id,
        PersonInput(
            unit_id=person.unit_id, gender=person.gender, full_name=new_name, position=person.position
        ),
        rename_reason=reason,
    )


def _person_of(world: World, nid: int) -> int:
    with world.db.read() as session:
        person_id = session.scalar(select(Nomination.person_id).where(Nomination.id == nid))
    assert person_id is not None
    return person_id


def test_a_rename_after_printing_keeps_the_award_its_certificate_and_its_code(
    world: World, tmp_path: Path
) -> None:
    # given an approved award, printed
    decision = world.decision("41/QĐ-UBND")
    nid = world.award("Phạm Thị Hoa", decision=decision, gender=Gender.FEMALE)
    [first] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "a.pdf").printed
    person_id = _person_of(world, nid)

    # when a clerk renames the person (a corrected spelling, or a legal change of name)
    _rename(world, person_id, "Phạm Thị Hồng", "Đổi tên theo giấy khai sinh")

    # then the printed code is still genuine, with the name on the paper
    result = verify(world.db, first.code)
    assert result.genuine, result
    assert "Người (tập thể) được khen thưởng: Phạm Thị Hoa" in result.details
    # a reprint shows the decided name, with the same number and code
    [again] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "b.pdf").printed
    assert again.code == first.code and again.number == first.number and again.recipient == "Phạm Thị Hoa"
    page = words(page_texts(tmp_path / "b.pdf")[0])
    assert "Phạm Thị Hoa" in page and "Phạm Thị Hồng" not in page
    # the decision's list says the decided name
    assert [line.nominee for line in decision_lines(world.db, decision.id)] == ["Phạm Thị Hoa"]
    # the person has a name history
    [change] = name_history(world.db, person_id)
    assert (change.old_name, change.new_name, change.reason) == (
        "Phạm Thị Hoa", "Phạm Thị Hồng", "Đổi tên theo giấy khai sinh"
    )  # fmt: skip
    # and the person list, search and the nomination list follow the new name
    assert [p.id for p in search_persons(world.db, "pham thi hong")] == [person_id]
    assert search_persons(world.db, "pham thi hoa") == []
    assert get_person(world.db, person_id).full_name == "Phạm Thị Hồng"
    with world.db.read() as session:
        row = session.execute(
            select(Nomination.nominee_name, Nomination.decided_name).where(Nomination.id == nid)
        ).one()
    assert tuple(row) == ("Phạm Thị Hồng", "Phạm Thị Hoa")


def test_a_transfer_after_the_decision_changes_no_reprint(world: World, tmp_path: Path) -> None:
    import datetime as dt

    from app.model import UnitLevel
    from app.services.persons import move_person
    from app.services.units import UnitInput, create_unit

    nid = world.award("Phạm Văn Chuyển", decision=world.decision("46/QĐ-UBND"), gender=Gender.MALE)
    make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "a.pdf")
    other = create_unit(world.db, UnitInput(code="SXD", name="Sở Xây dựng", level=UnitLevel.DEPARTMENT))
    move_person(
        world.db, _person_of(world, nid), other.id, "Phó Giám đốc", dt.date.today() + dt.timedelta(days=1)
    )

    [again] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "b.pdf").printed
    lines = [line.strip() for line in page_texts(tmp_path / "b.pdf")[0].splitlines()]
    assert "Chuyên viên, Phòng Kế hoạch, Sở Tài chính" in lines
    assert not any("Sở Xây dựng" in line for line in lines)
    assert verify(world.db, again.code).genuine


def test_a_rename_before_the_decision_is_the_name_decided(world: World, tmp_path: Path) -> None:
    nid = world.award("Phạm Văn Cũ", approve=False)
    person_id = _person_of(world, nid)
    _rename(world, person_id, "Phạm Văn Mới")
    N.approve(world.db, [nid], world.decision("42/QĐ-UBND").id)

    [printed] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "c.pdf").printed
    assert printed.recipient == "Phạm Văn Mới"
    assert verify(world.db, printed.code).genuine


def test_an_award_withdrawn_from_its_decision_is_decided_again_with_the_new_name(world: World) -> None:
    decision = world.decision("43/QĐ-UBND")
    nid = world.award("Phạm Thị Trước", decision=decision)
    N.withdraw_from_decision(world.db, [nid], "Nhầm quyết định")
    _rename(world, _person_of(world, nid), "Phạm Thị Sau")
    N.approve(world.db, [nid], decision.id)

    assert [line.nominee for line in decision_lines(world.db, decision.id)] == ["Phạm Thị Sau"]


def test_a_correction_that_keeps_the_name_writes_no_history(world: World) -> None:
    nid = world.award("Phạm Văn Giữ")
    person_id = _person_of(world, nid)
    _rename(world, person_id, "Phạm Văn Giữ")
    assert name_history(world.db, person_id) == []


def test_the_migration_gives_awards_printed_before_a_rename_their_printed_name_back(
    world: World, tmp_path: Path
) -> None:
    # given a database of the revision before, where a rename had already rewritten a printed award
    nid = world.award("Phạm Thị Xưa", decision=world.decision("44/QĐ-UBND"))
    other = world.award("Phạm Thị Chưa In", decision=world.decision("45/QĐ-UBND"))
    [printed] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "d.pdf").printed
    engine = world.db.engine
    migrations.downgrade(engine, "0008")
    with engine.begin() as conn:
        conn.execute(text("UPDATE nomination SET nominee_name = 'Phạm Thị Nay' WHERE id = :id"), {"id": nid})

    # when it is brought to the head
    migrations.upgrade(engine)

    # then the printed award has the name on its certificate back, the unprinted one its current
    # name, the print has its issue record, and the code verifies again
    with engine.connect() as conn:
        names = dict(conn.execute(text("SELECT id, decided_name FROM nomination")).all())
        issues = conn.execute(text("SELECT nomination_id, state FROM certificate_issue")).all()
    assert names[nid] == "Phạm Thị Xưa" and names[other] == "Phạm Thị Chưa In"
    with engine.connect() as conn:
        place = conn.execute(
            text("SELECT decided_position, decided_unit FROM nomination WHERE id = :id"), {"id": nid}
        ).one()
    assert tuple(place) == ("Chuyên viên", "Phòng Kế hoạch, Sở Tài chính")
    assert [tuple(r) for r in issues] == [(nid, "printed")]
    assert verify(world.db, printed.code).genuine


def test_the_person_dialog_shows_the_former_names(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.person import PersonDialog

    world = World(db)
    nid = world.award("Phạm Thị Đầu")
    person_id = _person_of(world, nid)
    _rename(world, person_id, "Phạm Thị Giữa")
    _rename(world, person_id, "Phạm Thị Cuối")

    dialog = PersonDialog(db, person_id)
    qtbot.addWidget(dialog)
    assert dialog.full_name.text() == "Phạm Thị Cuối"
    assert not dialog.former_names.isHidden()
    shown = dialog.former_names.text()
    assert shown.startswith("Tên cũ: «Phạm Thị Đầu» (đến ") and "; «Phạm Thị Giữa» (đến " in shown

    never_renamed = PersonDialog(db, world.person("Phạm Văn Một Tên").id)
    qtbot.addWidget(never_renamed)
    assert never_renamed.former_names.isHidden()
    new = PersonDialog(db, unit_id=world.division.id)
    qtbot.addWidget(new)
    assert new.rename_reason.parentWidget().isHidden()  # a new person has no name to change

    # a rename made in the dialog keeps its reason in the history
    dialog.full_name.setText("Phạm Thị Sau Cùng")
    dialog.rename_reason.setText("Sai chính tả")
    dialog.save().fn()  # the Pending write, run here rather than on the writer thread
    assert [(c.old_name, c.reason) for c in name_history(db, person_id)][-1] == (
        "Phạm Thị Cuối",
        "Sai chính tả",
    )
