"""Register numbers under repeated and concurrent printing; signatures and verification."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update
from test_certificates_support import World, isolated_settings  # noqa: F401 - autouse fixture

from app.certificates.batch import make_certificates
from app.certificates.selection import Selection
from app.certificates.signing import META_KEY, decode_qr_text, qr_text
from app.certificates.verify import verify
from app.errors import DomainError
from app.model import CertificatePrint, Meta, Nomination, RegisterEntry, SigningKey
from app.opening import open_database
from app.services.registers import check_gapless, create_book


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return World(db)


def _entries(db) -> dict[int, int]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return dict(session.execute(select(RegisterEntry.nomination_id, RegisterEntry.number)).all())


def test_reprinting_keeps_the_number_and_logs_a_reprint(world: World, tmp_path: Path) -> None:
    decision = world.decision("21/QĐ-UBND")
    ids = [world.award(n, decision=decision) for n in ("Hà Thị Một", "Hà Thị Hai", "Hà Thị Ba")]
    first = make_certificates(world.db, Selection(decision="21/QĐ-UBND"), out=tmp_path / "a.pdf")
    again = make_certificates(world.db, Selection(ids=(ids[1],)), out=tmp_path / "b.pdf")

    numbers = {p.nomination_id: p.number for p in first.printed}
    assert sorted(numbers.values()) == [1, 2, 3]
    assert again.printed[0].number == numbers[ids[1]] and again.printed[0].reprint
    assert again.printed[0].code == next(p.code for p in first.printed if p.nomination_id == ids[1])
    with world.db.read() as session:
        log = session.execute(select(CertificatePrint.nomination_id, CertificatePrint.reprint,
                                     CertificatePrint.file_name).order_by(CertificatePrint.id)).all()  # fmt: skip
    assert [(n, r) for n, r, _ in log] == [*((p.nomination_id, False) for p in first.printed), (ids[1], True)]
    assert log[-1][2].endswith("b.pdf")
    assert check_gapless(world.db, 1)


def test_numbers_stay_gapless_when_printers_work_at_the_same_time(
    world: World, db_url: str, tmp_path: Path
) -> None:
    book = create_book(world.db, "SV", "Sổ vàng")
    decision = world.decision("22/QĐ-UBND")
    ids = [world.award(f"Người Số {chr(65 + i)}", decision=decision) for i in range(12)]
    errors: list[BaseException] = []

    def printer(k: int) -> None:
        db = open_database(db_url)
        try:
            for round_ in range(2):  # the second round reprints
                chosen = tuple(ids[(k + j) % len(ids)] for j in range(0, len(ids), 2))
                make_certificates(db, Selection(ids=chosen), out=tmp_path / f"p{k}-{round_}.pdf")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=printer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    numbers = _entries(world.db)
    assert sorted(numbers) == sorted(ids) and sorted(numbers.values()) == list(range(1, 13))
    assert check_gapless(world.db, book.id)
    with world.db.read() as session:
        logged = session.execute(
            select(CertificatePrint.nomination_id, CertificatePrint.register_number)
        ).all()
    assert all(numbers[n] == number for n, number in logged)  # every print carries the award's one number


def test_a_genuine_code_and_qr_are_accepted(world: World, tmp_path: Path) -> None:
    nid = world.award("Kiều Thị Duyên", "CSTDCS")
    [printed] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "c.pdf").printed

    by_code = verify(world.db, printed.code)
    assert by_code.genuine, by_code
    assert "Người (tập thể) được khen thưởng: Kiều Thị Duyên" in by_code.details
    assert "Khen thưởng: Chiến sĩ thi đua cơ sở" in by_code.details
    payload, signature = decode_qr_text(_qr_of(world, printed))
    assert payload.recipient == "Kiều Thị Duyên"
    assert verify(world.db, qr_text(payload, signature)).genuine


def _qr_of(world: World, printed) -> str:  # type: ignore[no-untyped-def]
    from app.certificates.signing import Payload, signature_bytes

    return qr_text(Payload.parse(printed.payload), signature_bytes(printed.signature))


def test_a_changed_field_is_refused(world: World, tmp_path: Path) -> None:
    from dataclasses import replace

    nid = world.award("Kiều Văn Thật")
    [printed] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "c.pdf").printed
    payload, signature = decode_qr_text(_qr_of(world, printed))

    forged = verify(world.db, qr_text(replace(payload, recipient="Kiều Văn Giả"), signature))
    assert not forged.genuine and "chữ ký không khớp" in forged.message
    assert not verify(world.db, qr_text(replace(payload, number=payload.number + 1), signature)).genuine

    with (
        world.db.write() as session
    ):  # the record (the name the award was decided for) edited behind the app's back
        session.execute(
            update(Nomination)
            .where(Nomination.id == nid)
            .values(nominee_name="Kiều Văn Sửa", decided_name="Kiều Văn Sửa")
        )
    changed = verify(world.db, printed.code)
    assert not changed.genuine
    assert any("trên giấy «Kiều Văn Thật», trong sổ «Kiều Văn Sửa»" in d for d in changed.details)


def test_a_wrong_key_is_refused(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nid = world.award("Mạc Thị Khóa")
    [printed] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "c.pdf").printed
    qr = _qr_of(world, printed)

    # Another office's key cannot print into this database…
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    other = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )  # a key is no longer made silently beside a database that has one: the office has its own file
    (tmp_path / "other.pem").write_bytes(other)
    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(tmp_path / "other.pem"))
    with pytest.raises(DomainError, match="không phải khóa của cơ sở dữ liệu này"):
        make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "d.pdf")
    # …and a database holding another public key refuses this certificate.
    from app.certificates.signing import ensure_public_key, load_private_key

    with world.db.write() as session:
        session.delete(session.get(Meta, META_KEY))
        session.execute(delete(SigningKey))  # another database: it never held this one's keys
    ensure_public_key(world.db, load_private_key())
    for text in (printed.code, qr):
        result = verify(world.db, text)
        assert not result.genuine and "chữ ký không khớp" in result.message


def test_a_revoked_award_verifies_as_revoked(world: World, tmp_path: Path) -> None:
    from app.services import nominations as N

    nid = world.award("Lò Văn Hồi")
    [printed] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / "c.pdf").printed
    N.revoke(world.db, [nid], "Khai man hồ sơ")
    result = verify(world.db, printed.code)
    assert result.status == "revoked" and not result.genuine
    assert not verify(world.db, "SV-000001-AAAAAAAA").genuine
    assert not verify(world.db, "rác").genuine
