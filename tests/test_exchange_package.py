"""Issue #17, the package format: a signed .tdkt is read back whole, and every kind of bad package
is refused with one message and nothing returned."""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from exchange_books import rewrite_zip

from app.exchange.package import (
    FORMAT,
    MANIFEST,
    SIGNATURE,
    Office,
    Package,
    PackageRefused,
    fingerprint,
    public_text,
    read_package,
    write_package,
)

UNIT_A = Office("STC", "Sở Tài chính")
COUNCIL = Office("BTDKT", "Ban Thi đua - Khen thưởng tỉnh")
KEY = Ed25519PrivateKey.generate()
TRUSTED = {public_text(KEY.public_key()): "STC"}


def _package(tmp_path: Path, **kw) -> Path:  # type: ignore[no-untyped-def]
    package = Package(
        kind="nominations",
        sender=UNIT_A,
        recipient=COUNCIL,
        records={"nominations": [{"id": 7, "nominee": "Nguyễn Thị Ánh", "award": "CSTDCS", "year": 2025}]},
        attachments={"7/bao-cao-thanh-tich.pdf": b"%PDF-1.4 scanned"},
    )
    for name, value in kw.items():
        setattr(package, name, value)
    out = tmp_path / "goi.tdkt"
    write_package(out, package, KEY)
    return out


def _refused(path: Path, words: str, **kw) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PackageRefused) as refused:
        read_package(path, trusted=kw.get("trusted", TRUSTED), office=kw.get("office", "BTDKT"))
    assert words in refused.value.message, refused.value.message


def test_a_package_is_read_back_whole_with_its_sender_and_digest(tmp_path: Path) -> None:
    path = _package(tmp_path)
    got = read_package(path, trusted=TRUSTED, office="BTDKT")
    assert got.sender == UNIT_A and got.recipient == COUNCIL and got.kind == "nominations"
    assert got.records["nominations"][0]["nominee"] == "Nguyễn Thị Ánh"
    assert got.attachments == {"7/bao-cao-thanh-tich.pdf": b"%PDF-1.4 scanned"}
    assert len(got.digest) == 64 and got.sender_key == public_text(KEY.public_key())
    assert len(fingerprint(got.sender_key).split()) == 5  # read aloud in groups of four


def test_unsigned_unknown_key_other_office_and_newer_format_are_refused(tmp_path: Path) -> None:
    path = _package(tmp_path)
    _refused(path, "khóa chưa được đăng ký", trusted={})
    _refused(path, "không phải cơ quan này", office="SXD")
    _refused(path, "đã đăng ký cho «SXD»", trusted={public_text(KEY.public_key()): "SXD"})
    rewrite_zip(path, lambda m: m.pop(SIGNATURE))
    _refused(path, "không có chữ ký")

    path = _package(tmp_path)

    def newer(members: dict[str, bytes]) -> None:  # re-signed by the sender: only the format is new
        head = json.loads(members[MANIFEST])
        head["format"] = FORMAT + 1
        members[MANIFEST] = json.dumps(head).encode()
        members[SIGNATURE] = base64.b64encode(KEY.sign(members[MANIFEST]))

    rewrite_zip(path, newer)
    _refused(path, "phiên bản Sổ Thi đua mới hơn")


def test_one_byte_changed_anywhere_is_refused(tmp_path: Path) -> None:
    for target in ("records.json", "attachments/7/bao-cao-thanh-tich.pdf", MANIFEST):
        path = _package(tmp_path)

        def flip(members: dict[str, bytes], target: str = target) -> None:
            data = bytearray(members[target])
            data[len(data) // 2] ^= 1
            members[target] = bytes(data)

        rewrite_zip(path, flip)
        with pytest.raises(PackageRefused, match="bị sửa|không đọc được"):
            read_package(path, trusted=TRUSTED, office="BTDKT")


def test_a_member_slipped_in_truncated_files_and_escaping_names_are_refused(tmp_path: Path) -> None:
    path = _package(tmp_path)
    rewrite_zip(path, lambda m: m.update({"attachments/extra.pdf": b"x"}))
    _refused(path, "không được ký")

    path = _package(tmp_path)
    rewrite_zip(path, lambda m: m.update({"../../etc/evil": b"x"}))
    _refused(path, "tên không hợp lệ")

    path = _package(tmp_path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    _refused(path, "bị hỏng")

    with pytest.raises(Exception, match="không hợp lệ"):
        _package(tmp_path, attachments={"/etc/passwd": b"x"})


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bom.tdkt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, b"{}")
        zf.writestr("records.json", b"\0" * (50 * 1024 * 1024))
    _refused(path, "có thể là tệp độc hại")
    path.write_bytes(b"not a zip at all")
    _refused(path, "không phải gói hồ sơ")
