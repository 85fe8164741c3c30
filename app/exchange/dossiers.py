"""Sending nominations to another office and receiving them (issue #17, items 2 and 3).

Sending: the chosen nominations with their persons (or collectives) become one signed package
(:mod:`.package`); each nomination's history says it was sent, to whom, in which package. Receiving:
a package from a registered office is read whole, its records matched to this book — the unit by
its code, a person by CCCD, else by folded name and birth date (or year) in that unit, else added —
and imported all or nothing as submitted nominations (:mod:`.inbox` reads the package and records
it). Each received nomination is remembered by its sender's reference in the exchange ledger, so
the same package twice changes nothing, and a newer version of the same dossier updates what it
may while still submitted here (its summary of achievements, its award) and lists the difference.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Award, Gender, Nomination, NominationEvent, NominationStatus, Person, Unit
from ..model.exchange import SENT
from ..services.attachments import Owner
from ..storage.db import Database, chunks
from ..text import fold, shorten
from . import attached, evidence, ledger, offices
from .package import Office, Package, write_package
from .report import ReceiveReport

KIND = "nominations"


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


def selected(db: Database, session: Session, ids: Sequence[int]) -> list[Any]:
    """The dossiers ``ids`` with their award, person and submitting unit, by id; each one the actor
    may send (the nominations right, for a clerk in their unit), every one still in the book."""
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
    return list(rows)


def send_nominations(db: Database, ids: Sequence[int], out: Path, to: Office) -> str:
    """Write the nominations ``ids`` to a package for ``to``; returns its digest."""
    allowed(db, P.NOMINATIONS)
    own = offices.require_own_office(db)
    if not ids:
        raise DomainError("Chưa chọn hồ sơ nào.")
    from ..certificates.signing import load_private_key

    key = load_private_key(db)
    with db.read() as session:
        rows = selected(db, session, ids)
        listings, files = attached.pack(session, [Owner.nomination(n.id) for n, *_rest in rows])
        records = [_record(n, a, p, u, own) for n, a, p, u in rows]
        proof = evidence.pack(session, [n for n, *_rest in rows])
        for record, (n, *_rest) in zip(records, rows, strict=True):
            record.update(proof[n.id])  # initiatives and ratings, when there are any
            if listings[Owner.nomination(n.id)]:  # a dossier without files keeps its content hash
                record["attachments"] = listings[Owner.nomination(n.id)]
    package = Package(KIND, own, to, {"nominations": records}, files)
    digest = write_package(Path(out), package, key)
    now = ledger.now()
    record_sent(db, package, digest, Path(out), records, rows, now,
                f"Đã gửi {to.name} ({to.code}) trong gói {digest[:12]} ngày {now:%d/%m/%Y}")  # fmt: skip
    return digest


def record_sent(db: Database, package: Package, digest: str, out: Path, records: list[dict[str, Any]],
                rows: list[Any], now: dt.datetime, reason: str) -> None:  # fmt: skip
    """A package of dossiers gone (sent or forwarded): in the ledger, each dossier under its record's
    content hash, and a line of each dossier's history saying where it went (``reason``)."""
    with db.write() as session:
        items = [
            (r["ref"], n.id, ledger.content_hash(r)) for r, (n, *_rest) in zip(records, rows, strict=True)
        ]
        ledger.record(session, package, SENT, digest, out.name, items, db.actor.username)
        for n, *_rest in rows:
            session.add(NominationEvent(nomination_id=n.id, from_status=n.status.value, to_status=n.status.value,
                                        reason=reason, actor=db.actor.username, at=now))  # fmt: skip


def _where(i: int, record: dict[str, Any]) -> str:
    return f"Hồ sơ {i} ({record.get('person', {}).get('full_name') or record['unit']['name']})"


def _update(session: Session, n: Nomination, record: dict[str, Any], awards: dict[str, int],
            report: ReceiveReport, where: str) -> bool:  # fmt: skip
    """Apply a newer version of a received dossier still submitted here, or returned from here for
    revision (the caller submits it again); False if it may not be."""
    if n.status not in (NominationStatus.SUBMITTED, NominationStatus.RETURNED):
        report.problems.append(
            f"{where}: bản mới của hồ sơ đã có nhưng hồ sơ ở đây đã ở trạng thái «{n.status.label}», "
            "không còn nhận bản bổ sung."
        )
        return False
    achievement = record.get("achievement", "")
    if achievement != n.achievement:
        report.changes.append(
            f"{where}: tóm tắt thành tích «{shorten(n.achievement)}» → «{shorten(achievement)}»"
        )
        n.achievement = achievement
    award_id = awards.get(record["award"])
    if award_id is None:
        report.problems.append(f"{where}: không có danh hiệu, hình thức mã «{record['award']}».")
        return False
    if award_id != n.award_id:
        old = session.get(Award, n.award_id)
        report.changes.append(f"{where}: hình thức «{old.code if old else '?'}» → «{record['award']}»")
        n.award_id = award_id
    return True


class _People:
    """The local persons a package's records name, looked up in two queries for the whole package:
    by CCCD, else by folded name and birth date (or year) in the unit; the rest are added in one
    batch, once each however many records name them."""

    def __init__(self, session: Session, records: list[dict[str, Any]]) -> None:
        named = [r["person"] for r in records if "person" in r]
        cccds = sorted({p["cccd"] for p in named if p.get("cccd")})
        folds = sorted({fold(p["full_name"]) for p in named})
        self.by_cccd: dict[str, Person] = {}
        for chunk in chunks(cccds, 500):
            self.by_cccd.update(
                (q.cccd, q) for q in session.scalars(select(Person).where(Person.cccd.in_(chunk))) if q.cccd
            )
        self.by_name: dict[tuple[int, str], list[Person]] = {}
        for chunk in chunks(folds, 500):
            for q in session.scalars(select(Person).where(Person.name_fold.in_(chunk))):
                self.by_name.setdefault((q.unit_id, q.name_fold), []).append(q)
        self.new: dict[tuple[Any, ...], int] = {}  # a new person's key → index in ``inputs``
        self.inputs: list[Any] = []  # PersonInput of the persons to add

    def find(self, p: dict[str, Any], unit: Unit, report: ReceiveReport, where: str) -> Person | int | None:
        """The person here, or the index of one to add (``-1 - i``), or None (ambiguous: noted)."""
        from ..services.persons import PersonInput

        born = dt.date.fromisoformat(p["birth_date"]) if p.get("birth_date") else None
        match = self.by_cccd.get(p["cccd"]) if p.get("cccd") else None
        if match is None:
            found = [q for q in self.by_name.get((unit.id, fold(p["full_name"])), [])
                     if (born is not None and q.birth_date == born) or (born is None and q.birth_year == p.get("birth_year"))]  # fmt: skip
            if len(found) > 1:
                report.problems.append(f"{where}: đơn vị {unit.code} có {len(found)} người «{p['full_name']}» "
                                       "cùng năm sinh; hãy ghi số CCCD.")  # fmt: skip
                return None
            match = found[0] if found else None
        if match is not None:
            report.matched_persons.append(match.full_name)
            return match
        key = (p["cccd"],) if p.get("cccd") else (unit.id, fold(p["full_name"]), born, p.get("birth_year"))
        if key not in self.new:
            report.new_persons.append(p["full_name"])
            self.new[key] = len(self.inputs)
            self.inputs.append(PersonInput(
                unit_id=unit.id, gender=Gender(p["gender"]), full_name=p["full_name"], birth_date=born,
                birth_year=p.get("birth_year"), cccd=p.get("cccd"), position=p.get("position", ""),
            ))  # fmt: skip
        return -1 - self.new[key]

    def add(self, db: Database) -> list[int]:
        """Add the new persons; their ids in the order of ``inputs``."""
        from ..services.persons import create_persons

        return [p.id for p in create_persons(db, self.inputs)] if self.inputs else []


def import_nominations(db: Database, session: Session, package: Package, report: ReceiveReport) -> list[tuple[str, int | None, str]]:  # fmt: skip
    """The nominations of ``package`` as submitted dossiers of this book (see the module docstring):
    persons looked up for the whole package, the new ones added, the dossiers created and submitted
    each in one batch."""
    from ..services.nominations import NominationInput, create_nominations, submit

    records = package.records.get("nominations", [])
    known = ledger.received(session, [r["ref"] for r in records])
    awards = {a.code: a.id for a in session.scalars(select(Award))}
    units = {u.code: u for u in session.scalars(select(Unit))}  # read once, not once a record
    people = _People(session, records)
    items: list[tuple[str, int | None, str]] = []
    fresh: list[
        tuple[int, dict[str, Any], int, Unit, Person | int | None]
    ] = []  # index, record, award, unit, nominee
    for i, record in enumerate(records, start=1):
        where, digest = _where(i, record), ledger.content_hash(record)
        seen = known.get(record["ref"])
        if seen is not None and seen.nomination_id is not None:
            if seen.content_hash == digest:
                report.unchanged += 1
                continue
            n = session.get(Nomination, seen.nomination_id)
            if n is not None and _update(session, n, record, awards, report, where):
                attached.unpack(session, package, record.get("attachments", []), Owner.nomination(n.id),
                                db.actor.username, where=where, changes=report.changes)  # fmt: skip
                evidence.unpack(db, session, record, n, report, where)
                if n.status is NominationStatus.RETURNED:  # revised after a return: before the council again
                    submit(db, [n.id])
                    report.changes.append(f"{where}: đã bổ sung sau khi trả lại, trình lại Hội đồng.")
                items.append((record["ref"], n.id, digest))
                report.updated.append(n.id)
            elif n is None:
                report.problems.append(f"{where}: hồ sơ nhận trước đây đã bị xóa khỏi sổ này.")
            continue
        unit = units.get(record["unit"]["code"])
        if unit is None:
            report.problems.append(f"{where}: sổ này không có đơn vị mã «{record['unit']['code']}».")
            continue
        award_id = awards.get(record["award"])
        if award_id is None:
            report.problems.append(f"{where}: không có danh hiệu, hình thức mã «{record['award']}».")
            continue
        nominee = people.find(record["person"], unit, report, where) if "person" in record else None
        if "person" in record and nominee is None:
            continue
        fresh.append((i, record, award_id, unit, nominee))
    if report.problems or not fresh:
        return items
    added = people.add(db)

    def person_id(nominee: Person | int | None) -> int | None:
        return (
            nominee.id if isinstance(nominee, Person) else (None if nominee is None else added[-1 - nominee])
        )

    made = create_nominations(db, [NominationInput(
        year=int(record["year"]), award_id=award_id, person_id=person_id(nominee),
        unit_id=None if nominee is not None else unit.id, submitting_unit_id=unit.id,
        achievement=record.get("achievement", ""),
    ) for _i, record, award_id, unit, nominee in fresh])  # fmt: skip
    submit(db, [m.id for m in made])
    for (i, record, *_rest), m in zip(fresh, made, strict=True):
        attached.unpack(session, package, record.get("attachments", []), Owner.nomination(m.id),
                        db.actor.username, where=_where(i, record))  # fmt: skip
        n = session.get(Nomination, m.id)
        assert n is not None  # made just now, in this transaction
        evidence.unpack(db, session, record, n, report, _where(i, record))
        items.append((record["ref"], m.id, ledger.content_hash(record)))
        report.created.append(m.id)
    return items
