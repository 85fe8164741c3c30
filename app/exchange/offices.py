"""Which office this book is, and which other offices' keys it trusts (issue #17, item 6).

An office signs its packages with the book's own Ed25519 key (the one that signs its
certificates: one key to guard, export and import). Its public key travels as a small *card*
(JSON: the office's code and name, the key and its fingerprint); the receiving office registers a
card once, after comparing the fingerprint by telephone, and may revoke it later. Both lists live
in the ``meta`` table, so they are audited like every write and travel with backups.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..services.common import meta_json, put_meta_json
from ..storage.db import Database
from ..storage.files import atomic_write
from ..text import check_text, clean
from .package import Office, fingerprint, public_text

OWN_KEY, TRUSTED_KEY = "exchange_office", "exchange_trusted"
CARD_FORMAT = 1


@dataclass(frozen=True)
class TrustedOffice:
    key: str  # base64 of the raw public key
    code: str
    name: str
    trusted_at: str
    trusted_by: str
    revoked_at: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)


def _load(db: Database, key: str) -> Any:
    with db.read() as session:
        return meta_json(session, key)


def _store(db: Database, key: str, value: Any) -> None:
    with db.write() as session:
        put_meta_json(session, key, value)


def own_office(db: Database) -> Office | None:
    data = _load(db, OWN_KEY)
    return Office(str(data["code"]), str(data["name"])) if isinstance(data, dict) else None


def set_own_office(db: Database, code: str, name: str) -> Office:
    """Name this book's office for the exchange (an administrator's: it signs as the office)."""
    allowed(db, P.UNITS)
    code, name = clean(code).upper(), clean(name)
    if not code or not name:
        raise DomainError("Hãy ghi mã và tên cơ quan.", field="office")
    check_text(name, "Tên cơ quan", "office")
    _store(db, OWN_KEY, {"code": code, "name": name})
    return Office(code, name)


def require_own_office(db: Database) -> Office:
    office = own_office(db)
    if office is None:
        raise DomainError(
            "Sổ này chưa ghi mã cơ quan để trao đổi hồ sơ (thidua keys show --office MÃ --name TÊN)."
        )
    return office


def write_card(db: Database, out: Path) -> str:
    """Write this office's public card to ``out``; returns the key's fingerprint."""
    from ..certificates.signing import load_private_key

    office = require_own_office(db)
    key = public_text(load_private_key(db).public_key())
    card = {"format": CARD_FORMAT, "office": {"code": office.code, "name": office.name}, "key": key,
            "fingerprint": fingerprint(key)}  # fmt: skip
    with atomic_write(Path(out)) as f:
        f.write(json.dumps(card, ensure_ascii=False, indent=1).encode("utf-8"))
    return fingerprint(key)


def read_card(path: Path) -> TrustedOffice:
    try:
        card = json.loads(Path(path).read_text(encoding="utf-8"))
        key, office = str(card["key"]), card["office"]
        code, name = clean(str(office["code"])).upper(), clean(str(office["name"]))
        fingerprint(key)  # a key that is not base64 fails here
    except (OSError, ValueError, KeyError, TypeError):
        raise DomainError(
            f"Tệp «{Path(path).name}» không phải thẻ khóa cơ quan (tạo bằng thidua keys export --public)."
        ) from None
    return TrustedOffice(key, code, name, "", "")


def _trusted(db: Database) -> dict[str, dict[str, str]]:
    data = _load(db, TRUSTED_KEY)
    return data if isinstance(data, dict) else {}


def trust(db: Database, card: TrustedOffice) -> TrustedOffice:
    """Register another office's key (an administrator's, after comparing the fingerprint)."""
    allowed(db, P.UNITS)
    mine = own_office(db)
    if mine is not None and card.code == mine.code:
        raise DomainError("Đây là thẻ khóa của chính cơ quan này.")
    known = _trusted(db)
    for key, other in known.items():
        if other["code"] == card.code and key != card.key and not other.get("revoked_at"):
            raise DomainError(f"Cơ quan «{card.code}» đã có khóa khác được đăng ký; hãy thu hồi khóa đó trước "
                              "(thidua keys revoke).")  # fmt: skip
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    entry = TrustedOffice(card.key, card.code, card.name, now, db.actor.username)
    known[card.key] = {k: v for k, v in asdict(entry).items() if k != "key"}
    _store(db, TRUSTED_KEY, known)
    return entry


def revoke(db: Database, code: str) -> int:
    """Stop trusting an office's keys; returns how many were revoked."""
    allowed(db, P.UNITS)
    code = clean(code).upper()
    known = _trusted(db)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    hit = [k for k, e in known.items() if e["code"] == code and not e.get("revoked_at")]
    if not hit:
        raise DomainError(f"Không có khóa đang dùng của cơ quan «{code}».")
    for key in hit:
        known[key]["revoked_at"] = now
    _store(db, TRUSTED_KEY, known)
    return len(hit)


def trusted_offices(db: Database) -> list[TrustedOffice]:
    return [
        TrustedOffice(key, **entry) for key, entry in sorted(_trusted(db).items(), key=lambda i: i[1]["code"])
    ]


def active_offices(db: Database) -> list[Office]:
    """The offices a package can go to: those with a registered key not revoked, by code."""
    return [Office(o.code, o.name) for o in trusted_offices(db) if not o.revoked_at]


def trusted_keys(db: Database) -> dict[str, str]:
    """Public key → office code, for :func:`app.exchange.package.read_package` (revoked left out)."""
    return {key: e["code"] for key, e in _trusted(db).items() if not e.get("revoked_at")}
