"""The award catalogue file (``resources/catalogue/awards.toml``): parse, check, load into the database.

The file is the source of truth: titles, forms, their legal basis per era and cash multipliers.
On open the database copy is brought in line with the file when the file's digest changed.
Awards are never deleted from the database (nominations point at them); an award dropped from
the file simply keeps its last versions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from .auth import P, check
from .errors import DomainError
from .model import (
    Authority,
    Award,
    AwardCategory,
    AwardKind,
    AwardLevel,
    AwardTarget,
    AwardVersion,
    LegalInstrument,
    Meta,
)
from .storage.resources import resource
from .text import clean, fold

if TYPE_CHECKING:
    from .storage.db import Database

E = TypeVar("E", bound=Enum)
DIGEST_KEY = "catalogue_digest"
SCHEMA = 1
# What is handed over with an award (its «document»), as the decrees name it. "none": cash only,
# no certificate exists (Lao động tiên tiến, Tập thể lao động tiên tiến: NĐ 152/2025 Art. 50).
DOCUMENTS = {
    "none": "không cấp bằng, giấy (chỉ có tiền thưởng)",
    "bang_chung_nhan": "Bằng chứng nhận",
    "giay_khen": "Giấy khen",
    "bang_khen": "Bằng khen",
    "bang": "Bằng",
    "co": "Cờ thi đua",
}


@dataclass(frozen=True)
class InstrumentSpec:
    code: str
    title: str
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True)
class VersionSpec:
    instrument: str
    legal_basis: str
    valid_from: dt.date
    valid_to: dt.date | None
    cash_multiplier: float | None
    cash_basis: str
    verified: bool
    note: str


@dataclass(frozen=True)
class AwardSpec:
    code: str
    name: str
    category: AwardCategory
    target: AwardTarget
    level: AwardLevel
    kinds: tuple[AwardKind, ...]
    authority: Authority
    rank: int
    periodic: bool
    lower: str | None
    versions: tuple[VersionSpec, ...]
    document: str | None = None  # a key of DOCUMENTS; None when the file does not say
    document_basis: str = ""

    @property
    def prints_nothing(self) -> bool:
        """True when the law hands over no certificate for this award (cash only)."""
        return self.document == "none"


@dataclass(frozen=True)
class CatalogueFile:
    digest: str
    instruments: tuple[InstrumentSpec, ...]
    awards: tuple[AwardSpec, ...] = field(default=())


def default_path() -> Path:
    return resource("catalogue", "awards.toml")


def load(path: Path | None = None) -> CatalogueFile:
    """Parse and check the catalogue file; raise :class:`DomainError` naming the first fault."""
    path = path or default_path()
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise DomainError(f"Không đọc được danh mục khen thưởng {path}: {exc.strerror}") from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DomainError(f"Tệp danh mục khen thưởng {path.name} sai cú pháp: {exc}") from exc
    if data.get("schema") != SCHEMA:
        raise DomainError(
            f"Tệp danh mục {path.name}: phiên bản định dạng không hỗ trợ ({data.get('schema')!r})."
        )
    instruments = tuple(_instrument(item) for item in data.get("instrument", []))
    known = {i.code for i in instruments}
    awards = tuple(_award(item, known) for item in data.get("award", []))
    _check_whole(instruments, awards)
    return CatalogueFile(hashlib.sha256(raw).hexdigest(), instruments, awards)


_CACHE: dict[Path, tuple[int, CatalogueFile]] = {}


def current(path: Path | None = None) -> CatalogueFile:
    """The catalogue file as it is now (parsed again only when it changed): for facts the database
    does not keep, such as which document an award hands over."""
    path = path or default_path()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise DomainError(f"Không đọc được danh mục khen thưởng {path}: {exc.strerror}") from exc
    cached = _CACHE.get(path)
    if cached is None or cached[0] != mtime:
        cached = _CACHE[path] = (mtime, load(path))
    return cached[1]


def award_spec(code: str, path: Path | None = None) -> AwardSpec:
    for spec in current(path).awards:
        if spec.code == code:
            return spec
    raise DomainError(f"Mã khen thưởng «{code}» không có trong danh mục.")


def _req(item: dict[str, Any], key: str, where: str) -> object:
    if key not in item or item[key] in ("", None):
        raise DomainError(f"Danh mục khen thưởng: {where} thiếu trường «{key}».")
    return item[key]


def _date(value: object, key: str, where: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise DomainError(f"Danh mục khen thưởng: {where}, «{key}» phải là ngày (YYYY-MM-DD).")


def _opt_date(item: dict[str, Any], key: str, where: str) -> dt.date | None:
    return _date(item[key], key, where) if key in item else None


def _enum(enum_cls: type[E], value: object, key: str, where: str) -> E:
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)
        raise DomainError(
            f"Danh mục khen thưởng: {where}, «{key}» = {value!r} không hợp lệ (cho phép: {allowed})."
        ) from None


def _instrument(item: dict[str, Any]) -> InstrumentSpec:
    where = f"văn bản {item.get('code', '?')}"
    return InstrumentSpec(
        code=str(_req(item, "code", where)),
        title=clean(str(_req(item, "title", where))),
        valid_from=_date(_req(item, "valid_from", where), "valid_from", where),
        valid_to=_opt_date(item, "valid_to", where),
    )


def _award(item: dict[str, Any], instruments: set[str]) -> AwardSpec:
    code = str(_req(item, "code", "một mục [[award]]"))
    where = f"mục {code}"
    versions = []
    for v in item.get("version", []):
        vwhere = f"{where}, phiên bản từ {v.get('valid_from', '?')}"
        instrument = str(_req(v, "instrument", vwhere))
        if instrument not in instruments:
            raise DomainError(f"Danh mục khen thưởng: {vwhere} dẫn chiếu văn bản «{instrument}» không có.")
        cash = v.get("cash_multiplier")
        if cash is not None and (not isinstance(cash, int | float) or cash < 0):
            raise DomainError(f"Danh mục khen thưởng: {vwhere}, hệ số tiền thưởng không hợp lệ.")
        versions.append(
            VersionSpec(
                instrument=instrument,
                legal_basis=clean(str(_req(v, "legal_basis", vwhere))),
                valid_from=_date(_req(v, "valid_from", vwhere), "valid_from", vwhere),
                valid_to=_opt_date(v, "valid_to", vwhere),
                cash_multiplier=float(cash) if cash is not None else None,
                cash_basis=clean(str(v.get("cash_basis", ""))),
                verified=bool(v.get("verified", False)),
                note=clean(str(v.get("note", ""))),
            )
        )
    if not versions:
        raise DomainError(f"Danh mục khen thưởng: {where} không có phiên bản nào (căn cứ pháp lý).")
    versions.sort(key=lambda v: v.valid_from)
    for a, b in zip(versions, versions[1:], strict=False):
        if a.valid_to is None or a.valid_to >= b.valid_from:
            raise DomainError(f"Danh mục khen thưởng: {where} có hai phiên bản chồng thời gian.")
    document = item.get("document")
    if document is not None and (not isinstance(document, str) or document not in DOCUMENTS):
        raise DomainError(
            f"Danh mục khen thưởng: {where}, «document» = {document!r} không hợp lệ (cho phép: {', '.join(DOCUMENTS)})."
        )
    if document is not None and not clean(str(item.get("document_basis", ""))):
        raise DomainError(f"Danh mục khen thưởng: {where} thiếu căn cứ «document_basis» cho «document».")
    kinds = item.get("kinds", [])
    if not isinstance(kinds, list) or not kinds:
        raise DomainError(f"Danh mục khen thưởng: {where} thiếu «kinds».")
    return AwardSpec(
        code=code,
        name=clean(str(_req(item, "name", where))),
        category=_enum(AwardCategory, _req(item, "category", where), "category", where),
        target=_enum(AwardTarget, _req(item, "target", where), "target", where),
        level=_enum(AwardLevel, _req(item, "level", where), "level", where),
        kinds=tuple(_enum(AwardKind, k, "kinds", where) for k in kinds),
        authority=_enum(Authority, _req(item, "authority", where), "authority", where),
        rank=int(item.get("rank", 0)),
        periodic=bool(item.get("periodic", False)),
        lower=item.get("lower"),
        versions=tuple(versions),
        document=document,
        document_basis=clean(str(item.get("document_basis", ""))),
    )


def _check_whole(instruments: tuple[InstrumentSpec, ...], awards: tuple[AwardSpec, ...]) -> None:
    for kind, codes in (("văn bản", [i.code for i in instruments]), ("mục", [a.code for a in awards])):
        seen: set[str] = set()
        for code in codes:
            if code in seen:
                raise DomainError(f"Danh mục khen thưởng: {kind} «{code}» khai báo hai lần.")
            seen.add(code)
    award_codes = {a.code for a in awards}
    for a in awards:
        if a.lower and a.lower not in award_codes:
            raise DomainError(f"Danh mục khen thưởng: mục {a.code} dẫn chiếu «{a.lower}» không có.")
    if not awards:
        raise DomainError("Danh mục khen thưởng trống.")


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise DomainError(f"Không đọc được danh mục khen thưởng {path}: {exc.strerror}") from exc


def pending(db: Database, path: Path | None = None) -> list[str] | None:
    """What applying the catalogue file would change in the database (Vietnamese lines, one per
    legal instrument or award added or changed); ``None`` when the database is up to date with it.

    On a database with accounts, opening does not apply a changed file as the system: an edited
    resources folder is not an administrator. The change waits here until one applies it
    (:func:`sync` as the administrator logged in).
    """
    path = path or default_path()
    digest = _file_digest(path)
    with db.read() as session:
        stored = session.get(Meta, DIGEST_KEY)
        if stored is not None and stored.value == digest:
            return None
        spec = load(path)
        instruments = {i.code: i for i in session.scalars(select(LegalInstrument))}
        awards = {a.code: a for a in session.scalars(select(Award))}
        codes = {a.id: a.code for a in awards.values()}
        lines = []
        for ins in spec.instruments:
            row = instruments.get(ins.code)
            if row is None:
                lines.append(f"thêm văn bản {ins.code}: {ins.title}")
            elif (row.title, row.valid_from, row.valid_to) != (ins.title, ins.valid_from, ins.valid_to):
                lines.append(f"sửa văn bản {ins.code}: {ins.title}")
        for item in spec.awards:
            award = awards.get(item.code)
            if award is None:
                lines.append(f"thêm «{item.name}» ({item.code})")
            elif _award_facts(award, codes) != _spec_facts(item):
                lines.append(f"sửa «{item.name}» ({item.code})")
    return lines or ["tệp danh mục đổi nhưng nội dung các mục không đổi"]


def _award_facts(award: Award, codes: dict[int, str]) -> tuple[object, ...]:
    versions = tuple(
        (v.instrument.code, v.legal_basis, v.valid_from, v.valid_to, v.cash_multiplier, v.cash_basis,
         v.verified, v.note)
        for v in sorted(award.versions, key=lambda v: v.valid_from)
    )  # fmt: skip
    lower = codes.get(award.lower_id) if award.lower_id is not None else None
    return (award.name, award.category, award.target, award.level, award.kinds, award.authority,
            award.rank, award.periodic, lower, versions)  # fmt: skip


def _spec_facts(item: AwardSpec) -> tuple[object, ...]:
    versions = tuple(
        (
            v.instrument,
            v.legal_basis,
            v.valid_from,
            v.valid_to,
            v.cash_multiplier,
            v.cash_basis,
            v.verified,
            v.note,
        )
        for v in item.versions
    )
    return (item.name, item.category, item.target, item.level, ",".join(k.value for k in item.kinds),
            item.authority, item.rank, item.periodic, item.lower, versions)  # fmt: skip


def sync(db: Database, path: Path | None = None) -> bool:
    """Bring the database copy of the catalogue in line with the file; ``True`` if it changed.
    Needs the right to change the catalogue (the system on a database without accounts, else an
    administrator logged in); the audit log names who."""
    path = path or default_path()
    digest = _file_digest(path)
    with db.read() as session:
        stored = session.get(Meta, DIGEST_KEY)
        if stored is not None and stored.value == digest:
            return False  # up to date: the file is not even parsed (every open of the app)
    check(db.actor, P.CATALOGUE)
    spec = load(path)
    with db.write() as session:
        stored = session.get(Meta, DIGEST_KEY)
        if stored is not None and stored.value == spec.digest:
            return False
        apply(session, spec)
        if stored is None:
            session.add(Meta(key=DIGEST_KEY, value=spec.digest))
        else:
            stored.value = spec.digest
    return True


def apply(session: Session, spec: CatalogueFile) -> None:
    """Upsert instruments, awards and their versions from ``spec`` (inside the caller's transaction)."""
    instruments = {i.code: i for i in session.scalars(select(LegalInstrument))}
    for ins in spec.instruments:
        row = instruments.get(ins.code) or LegalInstrument(code=ins.code)
        row.title, row.valid_from, row.valid_to = ins.title, ins.valid_from, ins.valid_to
        session.add(row)
        instruments[ins.code] = row
    session.flush()
    awards = {a.code: a for a in session.scalars(select(Award))}
    for item in spec.awards:
        award = awards.get(item.code) or Award(code=item.code)
        award.name, award.name_fold = item.name, fold(item.name)
        award.category, award.target, award.level = item.category, item.target, item.level
        award.kinds = ",".join(k.value for k in item.kinds)
        award.authority, award.rank, award.periodic = item.authority, item.rank, item.periodic
        if award.versions:
            # Old rows go first: the new ones may reuse their (award, valid_from) key.
            award.versions.clear()
            session.flush()
        award.versions = [
            AwardVersion(
                instrument=instruments[v.instrument],
                legal_basis=v.legal_basis,
                valid_from=v.valid_from,
                valid_to=v.valid_to,
                cash_multiplier=v.cash_multiplier,
                cash_basis=v.cash_basis,
                verified=v.verified,
                note=v.note,
            )
            for v in item.versions
        ]
        session.add(award)
        awards[item.code] = award
    session.flush()
    for item in spec.awards:
        awards[item.code].lower_id = awards[item.lower].id if item.lower else None
