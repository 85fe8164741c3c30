"""Issue #17, bad input at the receiving office: every hostile or broken package — a zip bomb, a
name leaving the package (``../``, absolute), an oversized or mislabelled attachment inside a
properly signed package, a package for another office, a truncated file, not a zip at all — is
refused by ``receive`` with one clear message, and the book is exactly as before."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path

import factories
import pytest
from exchange_books import Books, rewrite_zip
from test_attachments import PNG, pdf

from app.errors import DomainError
from app.exchange import offices
from app.exchange.inbox import receive
from app.exchange.package import MANIFEST, Office, Package, write_package
from app.services.attachments import MAX_BYTES
from app.storage.db import Database

UNIT = Office("STC", "Sở Tài chính")
COUNCIL = Office("BTDKT", "Ban Thi đua - Khen thưởng tỉnh")


def _record(files: list[tuple[str, bytes]]) -> tuple[dict, dict[str, bytes]]:  # type: ignore[type-arg]
    listing, members = [], {}
    for name, data in files:
        digest = hashlib.sha256(data).hexdigest()
        member = digest + Path(name).suffix
        listing.append({"name": name, "media_type": "application/pdf", "sha256": digest, "size": len(data),
                        "file": member})  # fmt: skip
        members[member] = data
    record = {"ref": "STC:1", "year": 2025, "award": "LDTT", "achievement": "Hoàn thành tốt nhiệm vụ",
              "status": "submitted", "person": {"full_name": "Nguyễn Thị Ánh", "gender": "female",
              "birth_date": None, "birth_year": 1985, "cccd": "079185000111", "position": ""},
              "unit": {"code": "STC", "name": UNIT.name}, "attachments": listing}  # fmt: skip
    return record, members


def _signed(
    path: Path, unit_db: Database, *, to: Office = COUNCIL, files: list[tuple[str, bytes]] | None = None
) -> Path:
    from app.certificates.signing import load_private_key

    record, members = _record(files if files is not None else [("Biên bản.pdf", pdf("Biên bản"))])
    write_package(
        path, Package("nominations", UNIT, to, {"nominations": [record]}, members), load_private_key(unit_db)
    )
    return path


def _bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, b"{}")
        zf.writestr("records.json", b"\0" * (50 * 1024 * 1024))
    return path


CASES: dict[str, tuple[Callable[[Path, Database], Path], str]] = {
    "zip bomb": (lambda p, u: _bomb(p), "có thể là tệp độc hại"),
    "../ name": (lambda p, u: rewrite_zip(_signed(p, u), lambda m: m.update({"../../evil.pdf": b"x"})),
                 "tên không hợp lệ"),
    "absolute name": (lambda p, u: rewrite_zip(_signed(p, u), lambda m: m.update({"/etc/passwd": b"x"})),
                      "tên không hợp lệ"),
    "oversized attachment": (lambda p, u: _signed(p, u, files=[("Bản quét.pdf", b"%PDF-1.4\n" + b"0" * MAX_BYTES)]),
                             "quá giới hạn 20 MB"),
    "mislabelled attachment": (lambda p, u: _signed(p, u, files=[("Tờ trình.pdf", PNG)]),
                               "mang đuôi .pdf nhưng nội dung là ảnh PNG"),
    "another office": (lambda p, u: _signed(p, u, to=Office("SXD", "Sở Xây dựng")), "không phải cơ quan này"),
    "truncated": (lambda p, u: p.write_bytes(_signed(p, u).read_bytes()[:-2000]) and p, "bị hỏng"),
    "not a zip": (lambda p, u: p.write_bytes(b"PK not really") and p, "không phải gói hồ sơ"),
}  # fmt: skip


@pytest.mark.sqlite_only
@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_package_is_refused_with_a_message_and_nothing_imported(
    case: str, template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    books = Books(template_db, tmp_path, monkeypatch, ("STC", "BTDKT"))  # each office its machine and key
    unit = books.open("STC")
    make, words = CASES[case]
    package = make(tmp_path / "goi.tdkt", unit)
    unit.dispose()

    council = books.open("BTDKT")
    offices.trust(council, offices.read_card(books.card("STC")))
    before = factories.dump(council)
    with pytest.raises(DomainError) as refused:
        receive(council, package, dry_run=False)
    assert words in refused.value.message, refused.value.message
    assert factories.dump(council) == before  # nothing imported, not even a person
    council.dispose()
