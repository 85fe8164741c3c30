"""Issue #17, item 6: offices name themselves, hand out their public key as a card, register the
cards of others after comparing fingerprints, and revoke them; a package is read only when signed
by a registered, unrevoked key of its sender (through the command line, two books)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from app.certificates.keyfile import key_path
from app.cli import main
from app.exchange import offices
from app.exchange.package import Office, Package, PackageRefused, read_package, write_package
from app.opening import open_database


@pytest.mark.sqlite_only
def test_two_offices_exchange_cards_and_a_package_is_read_until_the_key_is_revoked(
    template_db: Path, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    books = {}
    for code in ("STC", "BTDKT"):
        books[code] = tmp_path / f"{code}.sqlite3"
        shutil.copyfile(template_db, books[code])

    def as_office(code: str) -> None:  # each office its own machine, its own key
        monkeypatch.setenv("THIDUA_SIGNING_KEY", str(tmp_path / f"{code}.pem"))

    as_office("STC")
    assert main(["--db", str(books["STC"]), "keys", "show", "--office", "stc", "--name", "Sở Tài chính"]) == 0
    shown = capsys.readouterr().out
    assert "STC — Sở Tài chính" in shown and "Dấu vân tay khóa:" in shown
    assert main(["--db", str(books["STC"]), "keys", "export", "--public", str(tmp_path / "stc.card")]) == 0
    printed = capsys.readouterr().out.split("dấu vân tay ")[1].split(")")[0]

    as_office("BTDKT")
    assert (
        main(["--db", str(books["BTDKT"]), "keys", "show", "--office", "BTDKT", "--name", "Ban TĐKT tỉnh"])
        == 0
    )
    assert main(["--db", str(books["BTDKT"]), "keys", "trust", str(tmp_path / "stc.card")]) == 0
    assert printed in capsys.readouterr().out  # the same fingerprint as read out by telephone
    assert main(["--db", str(books["BTDKT"]), "keys", "list"]) == 0
    assert "STC" in capsys.readouterr().out

    stc_key = load_pem_private_key((tmp_path / "STC.pem").read_bytes(), None)
    package = tmp_path / "goi.tdkt"
    write_package(package, Package("nominations", Office("STC", "Sở Tài chính"), Office("BTDKT", "Ban TĐKT tỉnh"),
                                   {"nominations": []}), stc_key)  # type: ignore[arg-type]  # fmt: skip
    council = open_database(books["BTDKT"])
    try:
        assert (
            read_package(package, trusted=offices.trusted_keys(council), office="BTDKT").sender.code == "STC"
        )
    finally:
        council.dispose()

    assert main(["--db", str(books["BTDKT"]), "keys", "revoke", "stc"]) == 0
    council = open_database(books["BTDKT"])
    try:
        with pytest.raises(PackageRefused, match="chưa được đăng ký"):
            read_package(package, trusted=offices.trusted_keys(council), office="BTDKT")
        assert offices.trusted_offices(council)[0].revoked_at
    finally:
        council.dispose()
    assert key_path() == tmp_path / "BTDKT.pem"


@pytest.mark.sqlite_only
def test_a_card_that_is_not_one_and_a_second_key_for_an_office_are_refused(
    template_db: Path, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "b.sqlite3"
    shutil.copyfile(template_db, book)
    (tmp_path / "x.card").write_text("not json", encoding="utf-8")
    assert main(["--db", str(book), "keys", "trust", str(tmp_path / "x.card")]) != 0
    assert "không phải thẻ khóa cơ quan" in capsys.readouterr().err
    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(tmp_path / "a.pem"))
    db = open_database(book)
    try:
        offices.set_own_office(db, "SXD", "Sở Xây dựng")
        offices.write_card(db, tmp_path / "a.card")
    finally:
        db.dispose()
    other = tmp_path / "c.sqlite3"
    shutil.copyfile(template_db, other)
    assert main(["--db", str(other), "keys", "trust", str(tmp_path / "a.card")]) == 0
    card = offices.read_card(tmp_path / "a.card")
    db = open_database(other)
    try:
        with pytest.raises(Exception, match="đã có khóa khác"):
            offices.trust(
                db,
                offices.TrustedOffice(
                    "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3OA==", card.code, card.name, "", ""
                ),
            )
    finally:
        db.dispose()
