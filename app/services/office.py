"""The office's own details, entered once and printed on its paperwork: its name as it heads a
document, the body above it, the place of the date line, the usual signer, and its council.

Kept in the database (the ``meta`` table, audited as every write), so that every clerk of the
office and every copy of the paperwork use the same ones.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..storage.db import Database
from ..text import check_text, clean
from .common import meta_json, put_meta_json

META_KEY = "office"
MAX_LENGTH = 300


@dataclass(frozen=True)
class Office:
    issuer: str = ""  # "SỞ TÀI CHÍNH", as it heads a document
    parent: str = ""  # "UBND TỈNH TÂY NINH"
    place: str = ""  # "Tây Ninh", for "Tây Ninh, ngày … tháng … năm …"
    signer_title: str = ""  # "PHÓ GIÁM ĐỐC"
    signer: str = ""  # "Nguyễn Văn A"
    authority: str = ""  # "KT.", "TM.", … or ""
    on_behalf: str = ""  # "GIÁM ĐỐC" (after KT.)
    council: str = ""  # "Hội đồng Thi đua - Khen thưởng Sở Tài chính"

    def values(self) -> dict[str, str]:
        """The report options these details fill (app.documents.requests), the empty ones left out."""
        return {k: v for k, v in asdict(self).items() if v}


def get_office(db: Database) -> Office:
    with db.read() as session:
        data = meta_json(session, META_KEY)
    if not isinstance(data, dict):
        return Office()
    known = {f.name for f in fields(Office)}
    return Office(**{k: str(v) for k, v in data.items() if k in known})


def set_office(db: Database, office: Office) -> Office:
    """Store the office's details (the approver's or administrator's: they sign its paperwork)."""
    allowed(db, P.DECISIONS)
    cleaned = Office(**{k: clean(v) for k, v in asdict(office).items()})
    for k, v in asdict(cleaned).items():
        if len(v) > MAX_LENGTH:
            raise DomainError("Nội dung quá dài.", field=k)
        check_text(v, "Nội dung", k)  # no control character (kept as JSON, not in a checked column)
    if cleaned.authority not in ("", "TM.", "KT.", "Q.", "TL.", "TUQ."):
        raise DomainError("Thẩm quyền ký chỉ là TM., KT., Q., TL. hoặc TUQ.", field="authority")
    with db.write() as session:
        put_meta_json(session, META_KEY, asdict(cleaned))
    return cleaned
