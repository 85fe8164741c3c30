"""Award decisions (numbers as printed, one series per issuer and year) and register books."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import threading
import unicodedata

import factories as f
import pytest
from sqlalchemy import func, select

from app.errors import DomainError, NotFound
from app.model import Decision, RegisterBook, RegisterEntry
from app.opening import open_database
from app.services import nominations as N
from app.services.decisions import (
    DecisionInput,
    DecisionNumber,
    create_decision,
    delete_decision,
    find_decision,
    list_decisions,
    parse_decision_number,
)
from app.services.registers import assign_number, check_gapless, create_book

db = f.db  # the template copy already holds the catalogue: do not re-read it per test

# --- decision numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "number", "year", "symbol", "printed"),
    [
        ("123/QĐ-UBND", 123, None, "QĐ-UBND", "123/QĐ-UBND"),
        ("Số: 5/qđ-ubnd", 5, None, "QĐ-UBND", "05/QĐ-UBND"),
        ("86/2025/QĐ-UBND", 86, 2025, "QĐ-UBND", "86/2025/QĐ-UBND"),
        ("số 12 / QĐ - SNV", 12, None, "QĐ-SNV", "12/QĐ-SNV"),
        ("Số:7/QĐ-BCĐ-UBND", 7, None, "QĐ-BCĐ-UBND", "07/QĐ-BCĐ-UBND"),
    ],
)
def test_decision_number_is_parsed_and_printed_with_a_leading_zero(
    typed: str, number: int, year: int | None, symbol: str, printed: str
) -> None:
    parsed = parse_decision_number(typed)
    assert parsed == DecisionNumber(number, year, symbol)
    assert parsed.text == printed


def test_decision_number_typed_in_nfd_is_the_same_number() -> None:
    assert parse_decision_number(unicodedata.normalize("NFD", "Số: 5/QĐ-UBND")).text == "05/QĐ-UBND"


@pytest.mark.parametrize(
    "typed",
    ["QĐ-UBND", "0/QĐ", "0/QĐ-UBND", "12/", "", "12/QĐ", "abc/QĐ-UBND", "12/QĐ UBND", "1234567/QĐ-UBND"],
)
def test_malformed_decision_number_is_refused(typed: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_decision_number(typed)
    assert caught.value.field == "number"
    assert "không đúng dạng (ví dụ: 123/QĐ-UBND)" in caught.value.message


# --- decisions -----------------------------------------------------------------------------------------


def _decision(
    number: str, signed_on: dt.date = dt.date(2025, 12, 20), issuer: str = f.ISSUER, **kw
) -> DecisionInput:  # type: ignore[no-untyped-def]
    return DecisionInput(
        number=number,
        signed_on=signed_on,
        issuer=issuer,
        signer_name="Nguyễn Văn Bình",
        signer_title="Phó Chủ tịch",
        **kw,
    )


def test_decision_is_stored_as_printed(db) -> None:
    decision = create_decision(db, _decision("Số: 5/qđ-ubnd", signer_authority="kt."))
    stored = list_decisions(db, 2025)[0]
    assert stored.id == decision.id
    assert (stored.number, stored.symbol, stored.number_text, stored.year) == (
        5,
        "QĐ-UBND",
        "05/QĐ-UBND",
        2025,
    )
    assert (stored.signer_title, stored.signer_authority) == ("PHÓ CHỦ TỊCH", "KT.")


def test_normative_act_keeps_its_year_in_the_symbol(db) -> None:
    decision = create_decision(db, _decision("86/2025/QĐ-UBND"))
    assert (decision.symbol, decision.number_text) == ("2025/QĐ-UBND", "86/2025/QĐ-UBND")


def test_duplicate_number_of_the_same_issuer_and_year_is_refused(db) -> None:
    create_decision(db, _decision("5/QĐ-UBND", dt.date(2025, 3, 1)))
    with pytest.raises(DomainError) as caught:
        create_decision(db, _decision("05/QĐ-UBND", dt.date(2025, 11, 1)))
    assert caught.value.field == "number"
    assert caught.value.message == f"{f.ISSUER} đã có quyết định số 05/QĐ-UBND năm 2025."
    assert len(list_decisions(db)) == 1


def test_same_number_in_another_year_or_by_another_issuer_is_allowed(db) -> None:
    create_decision(db, _decision("5/QĐ-UBND", dt.date(2025, 3, 1)))
    create_decision(db, _decision("5/QĐ-UBND", dt.date(2026, 1, 5)))
    create_decision(db, _decision("5/QĐ-UBND", dt.date(2025, 3, 1), issuer="Ủy ban nhân dân tỉnh Bắc Ninh"))
    assert len(list_decisions(db)) == 3
    with pytest.raises(DomainError, match="hãy ghi rõ năm"):
        find_decision(db, "5/QĐ-UBND")
    assert find_decision(db, "05/QĐ-UBND", 2026).year == 2026


def test_unknown_signing_authority_is_refused(db) -> None:
    with pytest.raises(DomainError) as caught:
        create_decision(db, _decision("5/QĐ-UBND", signer_authority="TP."))
    assert caught.value.field == "signer_authority"
    assert list_decisions(db) == []


def test_decision_without_signer_is_refused(db) -> None:
    with pytest.raises(DomainError) as caught:
        create_decision(db, dataclasses.replace(_decision("5/QĐ-UBND"), signer_name="  "))
    assert caught.value.field == "signer_name"


def test_unreferenced_decision_is_deleted(db) -> None:
    decision = f.decision(db)
    delete_decision(db, decision.id)
    assert list_decisions(db) == []


def test_delete_refused_once_an_award_refers_to_the_decision(db) -> None:
    unit = f.unit(db)
    person = f.person(db, unit.id)
    decision = f.decision(db, number="12/QĐ-UBND")
    f.approved(db, "LDTT", 2025, person_id=person.id, decision_id=decision.id)
    with pytest.raises(DomainError) as caught:
        delete_decision(db, decision.id)
    assert (
        caught.value.message == "Không xóa được quyết định 12/QĐ-UBND: đã có khen thưởng theo quyết định này."
    )
    assert [d.id for d in list_decisions(db)] == [decision.id]


def test_find_unknown_decision_is_refused(db) -> None:
    with pytest.raises(DomainError, match="Không có quyết định số 99/QĐ-UBND"):
        find_decision(db, "99/QĐ-UBND")


# --- register books -------------------------------------------------------------------------------------


def _approved_batch(db, n: int, year: int = 2025) -> list[int]:  # type: ignore[no-untyped-def]
    """``n`` approved awards (one person each) in one decision."""
    unit = f.unit(db)
    ids = [
        f.nomination(db, "LDTT", year, person_id=f.person(db, unit.id, f"Nguyễn Văn Số{i}").id).id
        for i in range(n)
    ]
    N.submit(db, ids)
    for i in ids:
        N.record_vote(db, i, f.vote(year))
    N.approve(db, ids, f.decision(db, year).id)
    return ids


def _book_state(db, book_id: int) -> tuple[int, list[tuple[int, int]]]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        last = session.get(RegisterBook, book_id).last_number
        entries = session.execute(
            select(RegisterEntry.nomination_id, RegisterEntry.number)
            .where(RegisterEntry.book_id == book_id)
            .order_by(RegisterEntry.number)
        ).all()
    return last, [tuple(e) for e in entries]


def test_book_code_is_unique(db) -> None:
    create_book(db, "sv-2025", "Sổ vàng năm 2025")
    with pytest.raises(DomainError) as caught:
        create_book(db, "SV-2025", "Sổ khác")
    assert caught.value.field == "code"


def test_a_number_is_given_once_and_the_second_call_returns_it(db) -> None:
    (nom_id,) = _approved_batch(db, 1)
    book = create_book(db, "SV-2025", "Sổ vàng năm 2025")
    first = assign_number(db, book.id, nom_id)
    again = assign_number(db, book.id, nom_id)
    assert (first.book_code, first.number, first.new) == ("SV-2025", 1, True)
    assert (again.book_code, again.number, again.new) == ("SV-2025", 1, False)
    assert _book_state(db, book.id) == (1, [(nom_id, 1)])


def test_numbers_are_gapless_one_to_n_over_many_awards(db) -> None:
    ids = _approved_batch(db, 15)
    book = create_book(db, "SV-2025", "Sổ vàng năm 2025")
    numbers = [assign_number(db, book.id, i).number for i in ids]
    assert numbers == list(range(1, 16))
    assert check_gapless(db, book.id) is True
    assert _book_state(db, book.id)[0] == 15


@pytest.mark.parametrize("status", ["draft", "submitted", "voted"])
def test_number_refused_for_a_nomination_not_approved_and_none_is_used_up(db, status: str) -> None:
    unit = f.unit(db)
    person = f.person(db, unit.id)
    nom_id = f.nomination(db, "LDTT", 2025, person_id=person.id).id
    if status != "draft":
        N.submit(db, [nom_id])
    if status == "voted":
        N.record_vote(db, nom_id, f.vote())
    book = create_book(db, "SV-2025", "Sổ vàng năm 2025")
    with pytest.raises(DomainError, match="Chỉ vào sổ khen thưởng đã có quyết định"):
        assign_number(db, book.id, nom_id)
    assert _book_state(db, book.id) == (0, [])
    assert check_gapless(db, book.id) is True


def test_a_revoked_award_keeps_its_number_but_gets_no_new_one(db) -> None:
    kept, revoked_unnumbered = _approved_batch(db, 2)
    book = create_book(db, "SV-2025", "Sổ vàng năm 2025")
    assign_number(db, book.id, kept)
    N.revoke(db, [kept, revoked_unnumbered], "Kê khai không trung thực")
    assert assign_number(db, book.id, kept).number == 1
    with pytest.raises(DomainError):
        assign_number(db, book.id, revoked_unnumbered)
    assert _book_state(db, book.id) == (1, [(kept, 1)])


def test_unknown_book_or_nomination_is_refused(db) -> None:
    (nom_id,) = _approved_batch(db, 1)
    with pytest.raises(DomainError, match="Không tìm thấy sổ"):
        assign_number(db, 99999, nom_id)
    book = create_book(db, "SV-2025", "Sổ vàng năm 2025")
    with pytest.raises(NotFound):
        assign_number(db, book.id, 99999)


def test_gap_check_sees_a_gap_made_behind_the_apps_back(db) -> None:
    ids = _approved_batch(db, 3)
    book = create_book(db, "SV-2025", "Sổ vàng năm 2025")
    for i in ids:
        assign_number(db, book.id, i)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM register_entry WHERE number = 2")
    assert check_gapless(db, book.id) is False


def test_numbers_stay_gapless_when_several_processes_print_at_once(db, db_url) -> None:
    # given 24 approved awards and a book, and 4 workers each with its own connection to the file
    ids = _approved_batch(db, 24)
    book_id = create_book(db, "SV-2025", "Sổ vàng năm 2025").id
    workers = 4
    start = threading.Barrier(workers)
    results: list[tuple[int, int, bool]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(seed: int) -> None:
        mine = open_database(db_url)
        try:
            order = ids[:]
            random.Random(seed).shuffle(order)  # every worker tries every award, in its own order
            start.wait()
            for nom_id in order:
                got = assign_number(mine, book_id, nom_id)
                with lock:
                    results.append((nom_id, got.number, got.new))
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            mine.dispose()

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    # then nobody failed, each award got one number, every worker saw that same number
    assert errors == []
    assert len(results) == workers * len(ids)
    first = {nom_id: number for nom_id, number, new in results if new}
    assert sorted(first) == sorted(ids)
    assert sorted(first.values()) == list(range(1, len(ids) + 1))
    assert all(first[nom_id] == number for nom_id, number, _ in results)
    last, entries = _book_state(db, book_id)
    assert last == len(ids) and len(entries) == len(ids)
    assert check_gapless(db, book_id) is True
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == 1
