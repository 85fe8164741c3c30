"""Two clerks on one database (two Database objects, as two machines would have), on SQLite and
PostgreSQL: nothing is overwritten silently, numbers stay gapless."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import factories as f
import pytest

from app.auth import Actor
from app.errors import ConflictError, NotFound
from app.model import Nomination, UserRole
from app.opening import open_database
from app.services import nominations as N
from app.services.registers import assign_number, check_gapless, create_book
from app.storage.db import Database

db = f.db
CONFLICT = "vừa được người khác thay đổi"


@pytest.fixture
def other(db_url: str) -> Iterator[Database]:
    """The second clerk's own connection to the same database."""
    database = open_database(db_url, sync_catalogue=False)
    database.actor = Actor("can_bo_2", UserRole.APPROVER)
    yield database
    database.dispose()


def _draft(db: Database) -> tuple[int, N.NominationInput]:
    unit = f.unit(db, "Sở Tài chính")
    person = f.person(db, unit.id, "Trần Thị Mai")
    data = N.NominationInput(year=2025, award_id=f.award_id(db, "LDTT"), person_id=person.id)
    return N.create_nomination(db, data).id, data


def _edit(data: N.NominationInput, achievement: str) -> N.NominationInput:
    return N.NominationInput(
        year=data.year, award_id=data.award_id, person_id=data.person_id, achievement=achievement
    )


def test_the_second_clerk_to_save_the_same_version_gets_a_conflict(db: Database, other: Database) -> None:
    # given both clerks opened the same nomination at version N
    nom_id, data = _draft(db)
    seen_by_first = N.get_nomination(db, nom_id).version
    seen_by_second = N.get_nomination(other, nom_id).version
    assert seen_by_first == seen_by_second
    # when the first saves, then the second saves what they typed on the same version
    N.update_nomination(
        db, nom_id, _edit(data, "Hoàn thành xuất sắc nhiệm vụ"), expected_version=seen_by_first
    )
    with pytest.raises(ConflictError) as caught:
        N.update_nomination(
            other, nom_id, _edit(data, "Thành tích của người thứ hai"), expected_version=seen_by_second
        )
    # then the second is told in Vietnamese, and the first one's text is what is stored
    assert CONFLICT in caught.value.message and "chưa được lưu" in caught.value.message
    for reader in (db, other):
        stored = N.get_nomination(reader, nom_id)
        assert stored.achievement == "Hoàn thành xuất sắc nhiệm vụ"
        assert stored.version == seen_by_first + 1


def _save_at_once(clerks: tuple[Database, Database], nom_id: int, data: N.NominationInput, texts: tuple[str, str],
                  version: int) -> dict[str, str]:  # fmt: skip
    """Both clerks save their text on ``version`` at the same moment: text → "saved" or the error."""
    start = threading.Barrier(2)
    outcome: dict[str, str] = {}

    def save(clerk: Database, text: str) -> None:
        start.wait()
        try:
            N.update_nomination(clerk, nom_id, _edit(data, text), expected_version=version)
            outcome[text] = "saved"
        except ConflictError as exc:
            outcome[text] = exc.message
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            outcome[text] = repr(exc)

    threads = [threading.Thread(target=save, args=(c, t)) for c, t in zip(clerks, texts, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcome


def test_clerks_saving_at_the_same_moment_one_wins_the_other_is_told(db: Database, other: Database) -> None:
    nom_id, data = _draft(db)
    for round_ in range(3):
        version = N.get_nomination(db, nom_id).version
        texts = (f"Bản của người thứ nhất {round_}", f"Bản của người thứ hai {round_}")
        outcome = _save_at_once((db, other), nom_id, data, texts, version)
        winners = [t for t in texts if outcome.get(t) == "saved"]
        losers = [outcome.get(t, "") for t in texts if t not in winners]
        assert len(winners) == 1 and len(losers) == 1, outcome
        assert CONFLICT in losers[0]
        stored = N.get_nomination(other, nom_id)
        assert stored.achievement == winners[0] and stored.version == version + 1


def test_a_clerk_saving_a_nomination_the_other_deleted_gets_a_clear_message(
    db: Database, other: Database
) -> None:
    nom_id, data = _draft(db)
    version = N.get_nomination(other, nom_id).version
    N.delete_nomination(db, nom_id)
    with pytest.raises(NotFound) as caught:
        N.update_nomination(other, nom_id, _edit(data, "Sửa muộn"), expected_version=version)
    assert caught.value.message.startswith("Không tìm thấy hồ sơ đề nghị")
    with other.read() as session:
        assert session.get(Nomination, nom_id) is None


def test_register_numbers_from_two_connections_stay_gapless(db: Database, other: Database) -> None:
    # given 30 approved awards and one book, numbered by two clerks at once, in opposite orders
    decision = f.decision(db)
    unit = f.unit(db, "Sở Nội vụ")
    ids = [
        f.approved(db, "LDTT", person_id=f.person(db, unit.id, f"Nguyễn Văn {chr(65 + i % 26)}{i}").id,
                   decision_id=decision.id)
        for i in range(30)
    ]  # fmt: skip
    book = create_book(db, "SV-2025", "Sổ vàng năm 2025")
    start = threading.Barrier(2)
    got: dict[str, list[tuple[int, int, bool]]] = {"a": [], "b": []}
    errors: list[BaseException] = []

    def number(clerk: Database, order: list[int], key: str) -> None:
        start.wait()
        try:
            for nom_id in order:
                r = assign_number(clerk, book.id, nom_id)
                got[key].append((nom_id, r.number, r.new))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [
        threading.Thread(target=number, args=(db, ids, "a")),
        threading.Thread(target=number, args=(other, ids[::-1], "b")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    # then each award has one number, both clerks saw it, and the book is 1..30 without a gap
    assert errors == []
    first = {n: num for n, num, new in got["a"] + got["b"] if new}
    assert sorted(first) == sorted(ids) and sorted(first.values()) == list(range(1, 31))
    assert all(first[n] == num for n, num, _ in got["a"] + got["b"])
    assert check_gapless(db, book.id) and check_gapless(other, book.id)
