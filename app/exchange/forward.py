"""Forwarding received dossiers up one level (issue #17, item 4), with the signatures they came with.

An office that received dossiers (a bloc head) sends them on to another office in an ordinary
``nominations`` package: each record is the dossier under this office's reference, plus its
``history`` — the earlier references and the packages that carried them. Each earlier package
travels verbatim as attachments ``origin/<digest>/manifest.json``, ``…/signature`` and
``…/records.json`` (as the exchange ledger kept them), so the office above can check the first
office's signature itself: valid with a key it registered, refused when it does not verify, and
"not checked" when it knows no key for that office. The upper office keeps each earlier package in
its ledger, linked to the dossier it became, so it can forward the dossier again with the whole
chain; its reply goes back to the office that forwarded (see :mod:`.replies`).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model.exchange import RECEIVED, ExchangeItem, ExchangePackage
from ..storage.db import Database
from . import dossiers, evidence, ledger, offices
from .package import Office, Package, sha256_hex, write_package
from .report import ReceiveReport

PREFIX = "origin"
Items = list[tuple[str, int | None, str]]


def chain(session: Session, nomination_id: int) -> list[tuple[ExchangePackage, str]]:
    """The received packages that carried a dossier (the latest from each office, oldest first),
    each with the reference it had there."""
    rows = session.execute(
        select(ExchangePackage, ExchangeItem.ref)
        .join(ExchangeItem)
        .where(ExchangePackage.direction == RECEIVED, ExchangePackage.kind == dossiers.KIND,
               ExchangeItem.nomination_id == nomination_id, ExchangePackage.manifest != "")
        .order_by(ExchangeItem.id)
    ).all()  # fmt: skip
    latest: dict[str, tuple[ExchangePackage, str]] = {}
    for pkg, ref in rows:
        latest[pkg.sender_code] = (pkg, ref)
    return sorted(latest.values(), key=lambda p: p[0].id)


def forward_nominations(db: Database, ids: Sequence[int], out: Path, to: Office) -> str:
    """Forward the dossiers ``ids`` to ``to`` with their history; returns the package's digest."""
    allowed(db, P.NOMINATIONS)
    own = offices.require_own_office(db)
    if not ids:
        raise DomainError("Chưa chọn hồ sơ nào.")
    if to.code == own.code:
        raise DomainError("Không chuyển hồ sơ cho chính cơ quan này.")
    from ..certificates.signing import load_private_key

    key = load_private_key(db)
    attachments: dict[str, bytes] = {}
    with db.read() as session:
        rows = dossiers.selected(db, session, ids)
        records = []
        for n, a, p, u in rows:
            steps = chain(session, n.id)
            if not steps:
                raise DomainError(f"Hồ sơ «{n.nominee_name}» do sổ này lập, không nhận từ cơ quan khác: "
                                  "hãy gửi bằng «thidua send».")  # fmt: skip
            record = dossiers._record(n, a, p, u, own)
            record.update(evidence.pack(session, [n])[n.id])
            record["history"] = [
                {"ref": ref, "office": pkg.sender_code, "package": pkg.digest} for pkg, ref in steps
            ]
            for pkg, _ref in steps:
                base = f"{PREFIX}/{pkg.digest}/"
                attachments[base + "manifest.json"] = pkg.manifest.encode("utf-8")
                attachments[base + "signature"] = pkg.signature.encode("ascii")
                attachments[base + "records.json"] = pkg.records.encode("utf-8")
            records.append(record)
    package = Package(dossiers.KIND, own, to, {"nominations": records}, attachments)
    digest = write_package(Path(out), package, key)
    now = ledger.now()
    dossiers.record_sent(db, package, digest, Path(out), records, rows, now,
                         f"Đã chuyển tiếp {to.name} ({to.code}) trong gói {digest[:12]} ngày {now:%d/%m/%Y}")  # fmt: skip
    return digest


# -- receiving: check and keep the chain ----------------------------------------------------------


def _earlier(package: Package, digest: str, trusted: dict[str, str], report: ReceiveReport) -> Package | None:
    """An earlier package carried by ``package``, after its checks; None (a problem noted) if refused."""
    base = f"{PREFIX}/{digest}/"
    parts = [package.attachments.get(base + name) for name in ("manifest.json", "signature", "records.json")]
    manifest, signature, records = parts
    if manifest is None or signature is None or records is None:
        report.problems.append(f"Gói gốc {digest[:12]}: thiếu trong gói chuyển tiếp.")
        return None
    if sha256_hex(manifest) != digest:
        report.problems.append(f"Gói gốc {digest[:12]}: phần mô tả khác với mã gói, đã bị sửa.")
        return None
    code = "cơ quan gửi đầu tiên"
    try:
        head = json.loads(manifest.decode("utf-8"))
        sender, key = head["sender"], str(head["sender"]["key"])
        code = str(sender["code"])
        Ed25519PublicKey.from_public_bytes(base64.b64decode(key)).verify(
            base64.b64decode(signature, validate=True), manifest
        )
    except (InvalidSignature, ValueError, KeyError, TypeError, binascii.Error):
        report.problems.append(
            f"Chữ ký gốc của {code} (gói {digest[:12]}) không khớp: hồ sơ đã bị sửa sau khi ký."
        )
        return None
    if sha256_hex(records) != head.get("files", {}).get("records.json", {}).get("sha256"):
        report.problems.append(f"Hồ sơ gốc của {code} (gói {digest[:12]}) khác với bản đã ký: đã bị sửa.")
        return None
    if key in trusted and trusted[key] != code:
        report.problems.append(
            f"Gói gốc {digest[:12]}: khóa đã đăng ký cho «{trusted[key]}», không phải «{code}»."
        )
        return None
    if key in trusted:
        report.notes.append(f"Chữ ký gốc của {code}: hợp lệ (gói {digest[:12]}).")
    else:
        report.notes.append(f"Khóa của {code} chưa đăng ký: chưa kiểm được chữ ký gốc (gói {digest[:12]}).")
    recipient = head.get("recipient", {})
    return Package(
        str(head.get("kind", dossiers.KIND)), Office(code, str(sender.get("name", ""))),
        Office(str(recipient.get("code", "")), str(recipient.get("name", ""))), json.loads(records.decode("utf-8")),
        created_at=dt.datetime.fromisoformat(head["created_at"]), sender_key=key, digest=digest,
        signed=(manifest, signature, records),
    )  # fmt: skip


def keep_history(
    db: Database, session: Session, package: Package, report: ReceiveReport, items: Items
) -> None:
    """Check the earlier packages a forwarded ``package`` carries and keep them in the ledger,
    each linked to the dossier its reference became here (``items``: what the import made)."""
    records: list[dict[str, Any]] = package.records.get("nominations", [])
    if not any(r.get("history") for r in records):
        return
    trusted = offices.trusted_keys(db)
    local = {ref: nid for ref, nid, _h in items}
    earlier: dict[str, Package | None] = {}
    for record in records:
        for step in record.get("history") or []:
            digest = str(step.get("package", ""))
            if digest not in earlier:
                earlier[digest] = _earlier(package, digest, trusted, report)
            found = earlier[digest]
            if found is None:
                continue
            original = next(
                (r for r in found.records.get("nominations", []) if r.get("ref") == step.get("ref")), None
            )
            if original is None:
                report.problems.append(f"Gói gốc {digest[:12]} không có hồ sơ «{step.get('ref')}».")
                continue
            nid = local.get(record["ref"])
            if nid is not None and not report.problems:
                _keep(session, found, str(step["ref"]), nid, ledger.content_hash(original), db.actor.username,
                      package.digest)  # fmt: skip


def _keep(session: Session, earlier: Package, ref: str, nomination_id: int, content: str, actor: str,
          via: str) -> None:  # fmt: skip
    row = session.scalar(
        select(ExchangePackage).where(
            ExchangePackage.digest == earlier.digest, ExchangePackage.direction == RECEIVED
        )
    )
    if row is None:
        ledger.record(session, earlier, RECEIVED, earlier.digest, f"(chuyển tiếp trong gói {via[:12]})",
                      [(ref, nomination_id, content)], actor)  # fmt: skip
        return
    if not any(i.ref == ref and i.nomination_id == nomination_id for i in row.items):
        row.items.append(ExchangeItem(ref=ref, nomination_id=nomination_id, content_hash=content))


def import_with_history(db: Database, session: Session, package: Package, report: ReceiveReport) -> list[tuple[str, int | None, str]]:  # fmt: skip
    """Kind "nominations" as the inbox receives it: the dossiers (:mod:`.dossiers`), then the
    earlier signed packages a forwarded one carries, checked and kept (:func:`keep_history`)."""
    items = dossiers.import_nominations(db, session, package, report)
    keep_history(db, session, package, report, items)
    return items
