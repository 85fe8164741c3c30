"""The certificate signing key (issue #14, finding 9): never replaced silently, exported and
imported with a passphrase, a warning on backup while never exported, earlier keys kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_certificates_support import World, isolated_settings  # noqa: F401 - autouse fixture

from app.certificates import keyfile, signing
from app.certificates.batch import make_certificates
from app.certificates.selection import Selection
from app.certificates.verify import verify
from app.cli import main
from app.errors import DomainError


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return World(db)


def _print(world: World, name: str, tmp_path: Path) -> str:
    nid = world.award(name)
    [printed] = make_certificates(world.db, Selection(ids=(nid,)), out=tmp_path / f"{nid}.pdf").printed
    return printed.code


def _passphrase(tmp_path: Path, text: str = "mật khẩu khóa 2025") -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_a_lost_key_is_a_clear_stop_not_a_new_key(world: World, tmp_path: Path) -> None:
    _print(world, "Đinh Thị Mất", tmp_path)
    key = keyfile.key_path()
    key.unlink()

    with pytest.raises(DomainError, match=r"Khóa ký của sổ này không có trên máy.*thidua keys import"):
        _print(world, "Đinh Văn Sau", tmp_path)
    assert not key.exists()  # nothing made behind the clerk's back


def test_export_then_import_brings_printing_back(world: World, db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = _print(world, "Lưu Thị Xuất", tmp_path)
    exported = tmp_path / "khoa-xuat.pem"
    secret = _passphrase(tmp_path)

    assert main(["keys", "export", str(exported), "--passphrase-file", str(secret)]) == 0
    text = exported.read_text()
    assert "ENCRYPTED PRIVATE KEY" in text and "BEGIN PRIVATE KEY" not in text
    assert main(["keys", "export", str(exported), "--passphrase-file", str(secret)]) != 0  # never overwrites
    keyfile.key_path().unlink()  # the machine is replaced

    wrong = tmp_path / "sai.txt"
    wrong.write_text("không phải mật khẩu\n", encoding="utf-8")
    assert main(["keys", "import", str(exported), "--passphrase-file", str(wrong), "--db", db_url]) != 0
    assert "sai mật khẩu" in capsys.readouterr().err
    assert main(["keys", "import", str(exported), "--passphrase-file", str(secret), "--db", db_url]) == 0

    assert verify(world.db, _print(world, "Lưu Văn Nhập", tmp_path)).genuine
    assert verify(world.db, code).genuine
    assert keyfile.backup_warning() is None  # it came from an export: it is saved elsewhere


def test_another_key_is_not_imported_over_the_books_own(
    world: World, db_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    _print(world, "Tạ Thị Riêng", tmp_path)
    ours = keyfile.key_path().read_bytes()
    foreign = tmp_path / "foreign" / "k.pem"
    foreign.parent.mkdir()
    foreign.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            signing.serialization.Encoding.PEM,
            signing.serialization.PrivateFormat.PKCS8,
            signing.serialization.BestAvailableEncryption(b"mat-khau-khac"),
        )
    )
    secret = _passphrase(tmp_path, "mat-khau-khac")

    assert main(["keys", "import", str(foreign), "--passphrase-file", str(secret), "--db", db_url]) != 0
    assert "không phải khóa của sổ này" in capsys.readouterr().err
    assert keyfile.key_path().read_bytes() == ours

    # deliberately, as an administrator (here the system: no accounts): the old key is kept aside
    code = _print(world, "Tạ Văn Trước", tmp_path)
    assert (
        main(["keys", "import", str(foreign), "--passphrase-file", str(secret), "--replace", "--db", db_url])
        == 0
    )
    assert keyfile.key_path().read_bytes() != ours
    assert [p.read_bytes() for p in keyfile.key_path().parent.glob("*.cu-*")] == [ours]
    assert verify(world.db, code).genuine and verify(world.db, _print(world, "Tạ Văn Sau", tmp_path)).genuine


def test_backup_warns_while_the_key_was_never_exported(db, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    world = World(db)
    _print(world, "Hà Thị Chưa", tmp_path)
    assert main(["backup", "--db", str(db_path)]) == 0
    assert "chưa từng được xuất" in capsys.readouterr().err

    secret = _passphrase(tmp_path)
    assert main(["keys", "export", str(tmp_path / "k.pem"), "--passphrase-file", str(secret)]) == 0
    capsys.readouterr()
    assert main(["backup", "--db", str(db_path)]) == 0
    assert "chưa từng được xuất" not in capsys.readouterr().err


def test_a_new_key_keeps_the_old_certificates_verifiable(
    world: World, db_url: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    old_code = _print(world, "Vũ Thị Trước", tmp_path)
    keyfile.key_path().unlink()  # lost for good, never exported

    assert main(["keys", "new", "--db", db_url]) != 0  # not without saying so
    assert "keys import" in capsys.readouterr().err
    assert main(["keys", "new", "--replace", "--db", db_url]) == 0

    new_code = _print(world, "Vũ Văn Sau", tmp_path)
    assert verify(world.db, old_code).genuine
    assert verify(world.db, new_code).genuine
    records = signing.key_records(world.db)
    assert len(records) == 2 and records[0].retired_at is not None and records[1].retired_at is None
    assert main(["keys", "list-signing", "--db", db_url]) == 0
    listed = capsys.readouterr().out
    assert "thôi dùng" in listed and "đang dùng" in listed and "[có trên máy này]" in listed


def test_a_retired_key_cannot_sign_anything_dated_after_it_was_retired(world: World, tmp_path: Path) -> None:
    from dataclasses import replace

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    code = _print(world, "Mai Thị Cũ", tmp_path)
    old = signing.load_private_key(world.db)
    signing.replace_key(world.db, Ed25519PrivateKey.generate(), note="thử")
    assert verify(world.db, code).genuine  # signed before the change

    later = signing.Payload(
        "SV", 99, "1/QĐ-UBND", "Kẻ Giả Mạo", "BK_TINH_CN", dt.date.today() + dt.timedelta(days=2)
    )
    forged = old.sign(later.canonical().encode())
    assert not signing.signed_by_book(world.db, later, forged)
    assert signing.signed_by_book(world.db, replace(later, decision_date=dt.date(2024, 1, 1)),
                                  old.sign(replace(later, decision_date=dt.date(2024, 1, 1)).canonical().encode()))  # fmt: skip


def test_only_an_administrator_replaces_the_books_key(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.auth import ANONYMOUS, PermissionDeniedError
    from app.model import UserRole
    from app.services.accounts import AccountInput, create_account, login

    create_account(db, AccountInput("quantri", UserRole.ADMIN), "matkhau-quantri")
    login(db, "quantri", "matkhau-quantri")
    create_account(db, AccountInput("pheduyet", UserRole.APPROVER), "matkhau-pheduyet")
    db.actor = ANONYMOUS
    with pytest.raises(PermissionDeniedError):
        signing.replace_key(db, Ed25519PrivateKey.generate(), note="thử")
    login(db, "pheduyet", "matkhau-pheduyet")
    with pytest.raises(PermissionDeniedError):
        signing.replace_key(db, Ed25519PrivateKey.generate(), note="thử")
    login(db, "quantri", "matkhau-quantri")
    signing.replace_key(db, Ed25519PrivateKey.generate(), note="thử")
    assert [r.actor for r in signing.key_records(db)] == ["quantri"]


@pytest.mark.sqlite_only
def test_the_key_in_use_is_carried_into_the_table_of_keys_on_upgrade(tmp_path: Path) -> None:
    from sqlalchemy import text

    from app import migrations
    from app.storage.db import create_db_engine

    engine = create_db_engine(f"sqlite:///{tmp_path / 'cu.sqlite3'}")
    try:
        migrations.upgrade(engine, "0008")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO meta (key, value) VALUES ('certificate_public_key', 'KHOA-CU')"))
        migrations.upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT public_key, retired_at FROM signing_key")).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [("KHOA-CU", None)]
