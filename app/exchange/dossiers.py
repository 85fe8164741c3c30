"""Sending nominations to another office and receiving them (issue #17, items 2 and 3).

Sending: the chosen nominations with their persons (or collectives) become one signed package
(:mod:`.package`); each nomination's history says it was sent, to whom, in which package. Receiving:
a package from a registered office is read whole, its records matched to this book — the unit by
its code, a person by CCCD, else by folded name and birth date (or year) in that unit, else added —
and imported all or nothing as submitted nominations. Each received nomination is remembered by its
sender's reference, so the same package twice changes nothing, and a newer version of the same
dossier updates what it may (its summary of achievements, while still submitted).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Award, Gender, Nomination, NominationEvent, NominationStatus, Person, Unit
from ..services.common import meta_json, put_meta_json
from ..storage.db import Database
from ..text import fold
from . import offices
from .package import Office, Package, read_package, write_package

REFS_KEY = "exchange_received"  # meta: sender's reference → {"nomination": id, "hash": …}
KIND = "nominations"


@dataclass
class ReceiveReport:
    sender: Office
    digest: str
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: int = 0
    new_persons: list[str] = field(default_factory=list)
    matched_persons: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    dry_run: bool = True

    def summary(self) -> str:
        return (f"Gói của {self.sender.name} ({self.sender.code}): {len(self.created)} hồ sơ mới, "
                f"{len(self.updated)} hồ sơ cập nhật, {self.unchanged} hồ sơ đã có; "
                f"{len(self.new_persons)} cá nhân mới, {len(self.matched_persons)} cá nhân đã có trong sổ."
                + (" Chạy thử: chưa ghi gì." if self.dry_run else ""))  # fmt: skip


def _record(n: Nomination, award: Award, person: Person | None, unit: Unit, own: Office) -> dict[str, Any]:
    nominee: dict[str, Any]
    if person is not None:
        nominee = {"person": {"full_name": person.full_name, "gender": person.gender.value,
                              "birth_date": person.birth_date.isoformat() if person.birth_date else None,
                              "birth_year": person.birth_year, "cccd": person.cccd, "position": person.position},
                   "unit": {"code": unit.code, "name": unit.name}}  # fmt: skip
    else:
        nominee = {"unit": {"code": unit.code, "name": unit.name}}
    return {"ref": f"{own.code}:{n.id}", "year": n.year, "award": award.code, "achievement": n.achievement,
            "status": n.status.value, **nominee}  # fmt: skip


def send_nominations(db: Database, ids: Sequence[int], out: Path, to: Office) -> str:
    """Write the nominations ``ids`` to a package for ``to``; returns its digest."""
    allowed(db, P.NOMINATIONS)
    own = offices.require_own_office(db)
    if not ids:
        raise DomainError("Chưa chọn hồ sơ nào.")
    from ..certificates.signing import load_private_key

    key = load_private_key(db)
    with db.read() as session:
        rows = session.execute(
            select(Nomination, Award, Person, Unit)
            .join(Award, Award.id == Nomination.award_id)
            .outerjoin(Person, Person.id == Nomination.person_id)
            .join(Unit, Unit.id == Nomination.submitting_unit_id)
            .where(Nomination.id.in_(list(ids)))
            .order_by(Nomination.id)
        ).all()
        if len(rows) != len(set(ids)):
            raise DomainError("Có hồ sơ đã chọn không còn trong sổ.")
        for n, _a, _p, _u in rows:
            allowed(db, P.NOMINATIONS, unit_id=n.submitting_unit_id, session=session)
        records = [_record(n, a, p, u, own) for n, a, p, u in rows]
    digest = write_package(Path(out), Package(KIND, own, to, {"nominations": records}), key)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with db.write() as session:
        for n, _a, _p, _u in rows:
            session.add(NominationEvent(nomination_id=n.id, from_status=n.status.value, to_status=n.status.value,
                                        reason=f"Đã gửi {to.name} ({to.code}) trong gói {digest[:12]} ngày {now:%d/%m/%Y}",
                                        actor=db.actor.username, at=now))  # fmt: skip
    return digest


def _content_hash(record: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(record, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def receive_package(db: Database, path: Path, *, dry_run: bool = True) -> ReceiveReport:
    """Read and (unless ``dry_run``) import a package of nominations, all or nothing."""
    allowed(db, P.IMPORTS)
    own = offices.require_own_office(db)
    package = read_package(Path(path), trusted=offices.trusted_keys(db), office=own.code)
    if package.kind != KIND:
        raise DomainError(f"Gói loại «{package.kind}» chưa nhận được ở đây.")
    report = ReceiveReport(package.sender, package.digest, dry_run=dry_run)
    with contextlib.suppress(_DryRun):  # a dry run's transaction rolled back, its report kept
        _import(db, package, report, dry_run)
    return report


class _DryRun(Exception):
    """Ends a dry run's transaction by rolling it back."""


def _import(db: Database, package: Package, report: ReceiveReport, dry_run: bool) -> None:
    from ..services.nominations import NominationInput, create_nominations, submit
    from ..services.persons import PersonInput, create_person

    with db.write() as session:
        refs: dict[str, dict[str, Any]] = meta_json(session, REFS_KEY) or {}
        awards = {a.code: a.id for a in session.scalars(select(Award))}
        units = {u.code: u for u in session.scalars(select(Unit))}  # read once, not once a record
        for i, record in enumerate(package.records.get("nominations", []), start=1):
            where = f"Hồ sơ {i} ({record.get('person', {}).get('full_name') or record['unit']['name']})"
            known = refs.get(record["ref"])
            digest = _content_hash(record)
            if known is not None:
                if known["hash"] == digest:
                    report.unchanged += 1
                    continue
                n = session.get(Nomination, known["nomination"])
                if n is None or n.status is not NominationStatus.SUBMITTED:
                    report.problems.append(
                        f"{where}: bản mới của hồ sơ đã có nhưng hồ sơ ở đây không còn ở trạng thái «Đã trình»."
                    )
                    continue
                n.achievement = record.get("achievement", "")
                refs[record["ref"]] = {"nomination": n.id, "hash": digest}
                report.updated.append(n.id)
                continue
            unit = units.get(record["unit"]["code"])
            if unit is None:
                report.problems.append(f"{where}: sổ này không có đơn vị mã «{record['unit']['code']}».")
                continue
            award_id = awards.get(record["award"])
            if award_id is None:
                report.problems.append(f"{where}: không có danh hiệu, hình thức mã «{record['award']}».")
                continue
            person_id = None
            if "person" in record:
                p = record["person"]
                match = None
                if p.get("cccd"):
                    match = session.scalar(select(Person).where(Person.cccd == p["cccd"]))
                if match is None:
                    born = dt.date.fromisoformat(p["birth_date"]) if p.get("birth_date") else None
                    found = [q for q in session.scalars(select(Person).where(
                        Person.unit_id == unit.id, Person.name_fold == fold(p["full_name"])))
                        if (born is not None and q.birth_date == born) or (born is None and q.birth_year == p.get("birth_year"))]  # fmt: skip
                    if len(found) > 1:
                        report.problems.append(f"{where}: đơn vị {unit.code} có {len(found)} người «{p['full_name']}» "
                                               "cùng năm sinh; hãy ghi số CCCD.")  # fmt: skip
                        continue
                    match = found[0] if found else None
                if match is None:
                    person_id = create_person(db, PersonInput(
                        unit_id=unit.id, gender=Gender(p["gender"]), full_name=p["full_name"],
                        birth_date=dt.date.fromisoformat(p["birth_date"]) if p.get("birth_date") else None,
                        birth_year=p.get("birth_year"), cccd=p.get("cccd"), position=p.get("position", ""),
                    )).id  # fmt: skip
                    report.new_persons.append(p["full_name"])
                else:
                    person_id = match.id
                    report.matched_persons.append(match.full_name)
            made = create_nominations(db, [NominationInput(
                year=int(record["year"]), award_id=award_id, person_id=person_id,
                unit_id=None if person_id else unit.id, submitting_unit_id=unit.id,
                achievement=record.get("achievement", ""),
            )])[0]  # fmt: skip
            submit(db, [made.id])
            refs[record["ref"]] = {"nomination": made.id, "hash": digest}
            report.created.append(made.id)
        if report.problems:
            raise DomainError("Không nhận gói: " + " ".join(report.problems))
        put_meta_json(session, REFS_KEY, refs)
        if dry_run:
            raise _DryRun  # everything above is rolled back: the report stays
