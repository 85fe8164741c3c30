"""The dossier package: one ``.tdkt`` file an office sends another, signed with its Ed25519 key.

A package is a zip holding ``manifest.json`` (format, kind, sender, recipient, time, and every
other member's name, size and SHA-256), ``records.json`` (the records as JSON), ``attachments/…``
and ``signature`` (the sender's Ed25519 signature over the manifest's exact bytes). Reading checks,
before anything is used: a complete zip of sane size with no member outside the package (``..``,
absolute or drive names), a signature that verifies with a key the receiving office trusts,
addressed to this office, of a format not newer than this program's, and every member present with
its size and hash, nothing more. A package that fails any check is refused with one Vietnamese
message and nothing read from it is returned.

This module is the format alone: it reads and writes files, never the database (the services that
send and receive records build on it).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ..errors import DomainError
from ..storage.files import atomic_write

FORMAT = 1
SUFFIX = ".tdkt"
MANIFEST, RECORDS, SIGNATURE = "manifest.json", "records.json", "signature"
MAX_PACKAGE_BYTES = 2 * 1024**3  # a package of a thousand scanned dossiers fits
MAX_UNPACKED_BYTES = 4 * 1024**3
MAX_MEMBERS = 20_000
MAX_RATIO = 200  # uncompressed / compressed of one member above RATIO_FLOOR (a zip bomb)
RATIO_FLOOR = 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


class PackageRefused(DomainError):
    """A package that is not read: nothing of it reaches the book."""


@dataclass(frozen=True)
class Office:
    code: str  # the office's own code, e.g. a unit code or "BTDKT"
    name: str


@dataclass
class Package:
    kind: str  # "nominations", "scores", "reply"…
    sender: Office
    recipient: Office
    records: dict[str, Any]
    attachments: dict[str, bytes] = field(default_factory=dict)  # name under attachments/ → bytes
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))
    sender_key: str = ""  # the signer's public key (base64 of the 32 raw bytes), filled on reading
    digest: str = ""  # SHA-256 of the signed manifest: the package's identity
    # Filled on reading, verbatim: what a forwarded dossier carries so its first signature can
    # still be checked (manifest, base64 signature, records.json).
    signed: tuple[bytes, bytes, bytes] = (b"", b"", b"")


def package_path(name: str) -> Path:
    """The file a package is saved to: ``name`` with ``.tdkt`` added when it has not got it."""
    return Path(name) if name.lower().endswith(SUFFIX) else Path(name + SUFFIX)


def public_text(key: Ed25519PublicKey) -> str:
    return base64.b64encode(key.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def fingerprint(public: str) -> str:
    """A short form of a public key to read aloud and compare by telephone (groups of four)."""
    digest = hashlib.sha256(base64.b64decode(public)).hexdigest()[:20].upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _member_name(name: str) -> str:
    """An attachment's name inside the package, refused if it would leave the package."""
    path = PurePosixPath(name.replace("\\", "/"))
    if not name or path.is_absolute() or ".." in path.parts or ":" in name or name.startswith("/"):
        raise DomainError(f"Tên tệp đính kèm «{name}» không hợp lệ.")
    return str(path)


def write_package(out: Path, package: Package, key: Ed25519PrivateKey) -> str:
    """Write ``package`` to ``out`` atomically, signed with ``key``; returns its digest."""
    records = json.dumps(package.records, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
    members: dict[str, bytes] = {RECORDS: records}
    for name, data in package.attachments.items():
        members[f"attachments/{_member_name(name)}"] = data
    manifest = json.dumps({
        "format": FORMAT,
        "kind": package.kind,
        "sender": {"code": package.sender.code, "name": package.sender.name, "key": public_text(key.public_key())},
        "recipient": {"code": package.recipient.code, "name": package.recipient.name},
        "created_at": package.created_at.isoformat(),
        "files": {name: {"size": len(data), "sha256": sha256_hex(data)} for name, data in members.items()},
    }, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")  # fmt: skip
    signature = key.sign(manifest)
    with atomic_write(Path(out)) as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, manifest)
        zf.writestr(SIGNATURE, base64.b64encode(signature))
        for name, data in members.items():
            # Scans are compressed already: stored, not squeezed again.
            kind = zipfile.ZIP_STORED if name.startswith("attachments/") else zipfile.ZIP_DEFLATED
            zf.writestr(name, data, compress_type=kind)
    return sha256_hex(manifest)


def _refuse(path: Path, why: str) -> PackageRefused:
    return PackageRefused(f"Không nhận gói hồ sơ «{path.name}»: {why}")


def _open(path: Path) -> zipfile.ZipFile:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _refuse(path, f"không đọc được tệp ({exc.strerror or exc}).") from None
    if size == 0 or size > MAX_PACKAGE_BYTES:
        raise _refuse(path, "tệp rỗng." if size == 0 else "tệp quá lớn.")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise _refuse(
            path, "không phải gói hồ sơ Sổ Thi đua, hoặc tệp bị hỏng, chưa tải về đầy đủ."
        ) from None
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        zf.close()
        raise _refuse(path, "nội dung sau khi giải nén quá lớn, có thể là tệp độc hại.")
    for info in infos:
        name = info.filename
        if name.startswith("/") or "\\" in name or ":" in name or ".." in PurePosixPath(name).parts:
            zf.close()
            raise _refuse(path, f"có tệp mang tên không hợp lệ («{name}»), có thể là tệp độc hại.")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            zf.close()
            raise _refuse(path, f"tệp nén bất thường («{name}»), có thể là tệp độc hại.")
    return zf


def _read(zf: zipfile.ZipFile, path: Path, name: str, limit: int) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise _refuse(path, f"thiếu phần «{name}».") from None
    if info.file_size > limit:
        raise _refuse(path, f"phần «{name}» quá lớn.")
    try:
        with zf.open(info) as f:
            data = f.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise _refuse(path, f"phần «{name}» bị hỏng.") from None
    if len(data) != info.file_size:
        raise _refuse(path, f"phần «{name}» bị hỏng.")
    return data


def read_package(path: Path, *, trusted: Mapping[str, str], office: str) -> Package:
    """The package at ``path``, after every check (see the module docstring). ``trusted`` maps
    each public key the receiving office registered (base64) to the sender's code; ``office`` is
    this office's code."""
    path = Path(path)
    with _open(path) as zf:
        manifest = _read(zf, path, MANIFEST, MAX_MANIFEST_BYTES)
        if SIGNATURE not in zf.namelist():
            raise _refuse(path, "gói không có chữ ký của cơ quan gửi.")
        try:
            signature_text = _read(zf, path, SIGNATURE, 1024)
            signature = base64.b64decode(signature_text, validate=True)
            head = json.loads(manifest.decode("utf-8"))
            fmt, sender, recipient = head["format"], head["sender"], head["recipient"]
            files: dict[str, dict[str, Any]] = head["files"]
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise _refuse(path, "phần mô tả gói (manifest) không đọc được.") from None
        if not isinstance(fmt, int) or fmt > FORMAT:
            raise _refuse(
                path,
                f"gói được tạo bởi phiên bản Sổ Thi đua mới hơn (định dạng {fmt}); hãy cập nhật chương trình.",
            )
        key_text = str(sender.get("key", ""))
        if key_text not in trusted:
            raise _refuse(path, f"ký bằng khóa chưa được đăng ký (dấu vân tay {fingerprint(key_text) if key_text else '—'}, "
                                f"cơ quan gửi «{sender.get('name', '')}»); hãy đối chiếu dấu vân tay qua điện thoại rồi "
                                "đăng ký khóa (thidua keys trust).")  # fmt: skip
        try:
            Ed25519PublicKey.from_public_bytes(base64.b64decode(key_text)).verify(signature, manifest)
        except (InvalidSignature, ValueError):
            raise _refuse(path, "chữ ký không khớp: gói đã bị sửa sau khi ký.") from None
        if trusted[key_text] != sender.get("code"):
            raise _refuse(
                path, f"khóa đã đăng ký cho «{trusted[key_text]}», không phải «{sender.get('code')}»."
            )
        if recipient.get("code") != office:
            raise _refuse(
                path,
                f"gói gửi cho «{recipient.get('name') or recipient.get('code')}», không phải cơ quan này.",
            )
        listed = set(files)
        present = {i.filename for i in zf.infolist()} - {MANIFEST, SIGNATURE}
        if present - listed:
            raise _refuse(path, f"có phần không được ký («{sorted(present - listed)[0]}»).")
        members: dict[str, bytes] = {}
        for name, meta in files.items():
            if name in present and zf.getinfo(name).file_size != int(meta["size"]):
                raise _refuse(path, f"phần «{name}» khác với bản đã ký: gói đã bị sửa.")
            data = _read(zf, path, name, int(meta["size"]))
            if len(data) != int(meta["size"]) or sha256_hex(data) != meta["sha256"]:
                raise _refuse(path, f"phần «{name}» khác với bản đã ký: gói đã bị sửa.")
            members[name] = data
    try:
        records = json.loads(members[RECORDS].decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError):
        raise _refuse(path, "phần hồ sơ (records.json) không đọc được.") from None
    return Package(
        kind=str(head["kind"]),
        sender=Office(str(sender["code"]), str(sender.get("name", ""))),
        recipient=Office(str(recipient["code"]), str(recipient.get("name", ""))),
        records=records,
        attachments={
            n.removeprefix("attachments/"): d for n, d in members.items() if n.startswith("attachments/")
        },
        created_at=dt.datetime.fromisoformat(head["created_at"]),
        sender_key=key_text,
        digest=sha256_hex(manifest),
        signed=(manifest, signature_text, members[RECORDS]),
    )
