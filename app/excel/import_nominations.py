"""Import of nominations (đề nghị khen thưởng): nominee found by CCCD, name and birth date, or unit code."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, tuple_, update
from sqlalchemy.orm import Session, selectinload

from ..errors import DomainError
from ..model import (
    LIVE_STATUSES,
    Award,
    Nomination,
    NominationEvent,
    NominationStatus,
    Person,
    Unit,
)
from ..model.base import utcnow
from ..services import persons as person_rules
from ..services.catalogue import check_target
from ..services.common import check_year
from ..services.nominations import MAX_ACHIEVEMENT
from ..storage.db import chunks
from ..text import clean, fold, sort_key
from . import fields as F
from .bulk import insert_dicts, insert_returning
from .handler import MERGE, Duplicate, Handler, ImportReport, Problem


@dataclass
class NominationRecord:
    row: int
    year: int
    award_code: str
    cccd: str | None
    full_name: str
    birth_date: dt.date | None
    unit_code: str
    collective_code: str
    submitting_code: str
    achievement: str
    award_id: int = 0
    person_id: int | None = None
    unit_id: int | None = None
    submitting_id: int = 0
    nominee: tuple[str, str, str] = ("", "", "")
    existing_id: int | None = None
    existing_status: NominationStatus | None = None
    person_ref: int | None = None  # the person already found (a list in another layout: .foreign)


# What a nominee is matched on, and what the nomination copies of it.
_PERSON = (Person.id, Person.cccd, Person.full_name, Person.name_fold, Person.sort_key, Person.unit_id)


class Nominations(Handler):
    fields = F.NOMINATIONS
    preview_headers = ("Dòng", "Năm", "Danh hiệu", "Đối tượng", "Đơn vị")
    references = (
        ("award", "award"),
        ("unit_code", "unit"),
        ("collective_code", "unit"),
        ("submitting_code", "unit"),
    )

    def build(
        self, row: int, values: dict[str, object]
    ) -> tuple[NominationRecord | None, list[tuple[str, str]]]:
        errors: list[tuple[str, str]] = []
        year = values.get("year")
        try:
            check_year(year)  # type: ignore[arg-type]  # any value: check_year refuses a non-int
        except DomainError as exc:
            errors.append(("year", exc.message))
        cccd = None
        if "cccd" in values:
            try:
                cccd = person_rules.normalise_cccd(str(values["cccd"]))
            except DomainError as exc:
                errors.append(("cccd", exc.message))
        person_ref = values.get("person_id")
        person = bool(cccd or values.get("full_name") or person_ref)
        collective = bool(values.get("collective_code"))
        if person == collective:
            errors.append(
                (
                    "",
                    "Mỗi dòng ghi đúng một đối tượng: cá nhân (CCCD hoặc họ tên + mã đơn vị) hoặc mã tập thể.",
                )
            )
        elif person and not cccd and not person_ref and not values.get("unit_code"):
            errors.append(("unit_code", "Cá nhân không có CCCD cần mã đơn vị để tìm đúng người."))
        achievement = str(values.get("achievement", ""))
        if len(achievement) > MAX_ACHIEVEMENT:
            errors.append(("achievement", "Tóm tắt thành tích quá dài."))
        birth = values.get("birth_date")
        if errors:
            return None, errors
        return NominationRecord(
            row, int(year), str(values["award"]), cccd, clean(str(values.get("full_name", ""))),  # type: ignore[call-overload]  # an int: check_year passed
            birth if isinstance(birth, dt.date) else None, str(values.get("unit_code", "")),
            str(values.get("collective_code", "")), str(values.get("submitting_code", "")), achievement,
            person_ref=person_ref if isinstance(person_ref, int) else None,
        ), []  # fmt: skip

    def check(
        self,
        session: Session,
        records: list[NominationRecord],
        report: ImportReport,
        on_duplicate: str | None,
    ) -> None:
        awards = {a.code: a for a in session.scalars(select(Award).options(selectinload(Award.versions)))}
        units = {code: (uid, name, parent) for uid, code, name, parent in session.execute(
            select(Unit.id, Unit.code, Unit.name, Unit.parent_id))}  # fmt: skip
        cccds = sorted({r.cccd for r in records if r.cccd})
        people: dict[str | None, Any] = {}  # by CCCD (never None: matched in_(chunk))
        for chunk in chunks(cccds):
            for p in session.execute(select(*_PERSON).where(Person.cccd.in_(chunk))):
                people[p.cccd] = p
        refs = sorted({r.person_ref for r in records if r.person_ref is not None})
        for ids in chunks(refs):
            for p in session.execute(select(*_PERSON).where(Person.id.in_(ids))):
                people[f"#{p.id}"] = p
        named = sorted(
            {
                (units[r.unit_code][0], fold(r.full_name))
                for r in records
                if not r.cccd and r.person_ref is None and r.full_name and r.unit_code in units
            }
        )
        by_name: dict[tuple[int, str], list[Any]] = defaultdict(list)
        for pairs in chunks(named, 400):
            for q in session.execute(
                select(*_PERSON, Person.birth_date).where(tuple_(Person.unit_id, Person.name_fold).in_(pairs))
            ):
                by_name[(q.unit_id, q.name_fold)].append(q)
        seen: dict[tuple[int | None, int | None, int, int], int] = {}
        resolved: list[NominationRecord] = []
        for r in records:
            problem = self._resolve(r, awards, units, people, by_name)
            if problem:
                report.problems.append(Problem(r.row, problem[0], problem[1]))
                continue
            key = (r.person_id, r.unit_id, r.award_id, r.year)
            if key in seen:
                report.problems.append(
                    Problem(r.row, "", f"trùng với dòng {seen[key]} (cùng đối tượng, danh hiệu, năm).")
                )
                continue
            seen[key] = r.row
            resolved.append(r)
        self._existing(session, resolved, report)

    @staticmethod
    def _resolve(
        r: NominationRecord,
        awards: dict[str, Award],
        units: dict[str, tuple[int, str, int | None]],
        people: dict[str | None, Any],
        by_name: dict[tuple[int, str], list[Any]],
    ) -> tuple[str, str] | None:
        award = awards.get(r.award_code)
        if award is None:
            return "Mã danh hiệu", f"không có danh hiệu, hình thức mã «{r.award_code}» trong danh mục."
        try:
            check_target(award, is_person=not r.collective_code)
        except DomainError as exc:
            return "Mã danh hiệu", exc.message
        if award.version_for_year(r.year) is None:
            return (
                "Mã danh hiệu",
                f"«{award.name}» không có trong văn bản pháp luật có hiệu lực năm {r.year}.",
            )
        r.award_id = award.id
        if r.collective_code:
            unit = units.get(r.collective_code)
            if unit is None:
                return "Mã tập thể", f"không có đơn vị mã «{r.collective_code}»."
            r.unit_id = unit[0]
            r.nominee = (unit[1], fold(unit[1]), sort_key(unit[1]))
            default_submitter = unit[2] or unit[0]
        else:
            if r.person_ref is not None:
                p = people.get(f"#{r.person_ref}")
                if p is None:
                    return "Họ và tên", f"không có «{r.full_name}» trong sổ."
            elif r.cccd:
                p = people.get(r.cccd)
                if p is None:
                    return "Số CCCD", f"không có cá nhân có số CCCD {r.cccd} trong sổ."
            else:
                if r.unit_code not in units:
                    return "Mã đơn vị", f"không có đơn vị mã «{r.unit_code}»."
                found = [
                    p
                    for p in by_name.get((units[r.unit_code][0], fold(r.full_name)), [])
                    if r.birth_date is None or p.birth_date == r.birth_date
                ]
                if not found:
                    return "Họ và tên", f"không có «{r.full_name}» ở đơn vị {r.unit_code}."
                if len(found) > 1:
                    return (
                        "Họ và tên",
                        f"đơn vị {r.unit_code} có {len(found)} người tên «{r.full_name}»: hãy ghi số CCCD hoặc ngày sinh.",
                    )
                p = found[0]
            r.person_id = p.id
            r.nominee = (p.full_name, p.name_fold, p.sort_key)
            default_submitter = p.unit_id
        if r.submitting_code:
            if r.submitting_code not in units:
                return "Mã đơn vị đề nghị", f"không có đơn vị mã «{r.submitting_code}»."
            r.submitting_id = units[r.submitting_code][0]
        else:
            r.submitting_id = default_submitter
        return None

    @staticmethod
    def _existing(session: Session, records: list[NominationRecord], report: ImportReport) -> None:
        live: dict[tuple[str, int | None, int, int], tuple[int, NominationStatus]] = {}
        for column, attr in ((Nomination.person_id, "person_id"), (Nomination.unit_id, "unit_id")):
            ids = sorted({getattr(r, attr) for r in records if getattr(r, attr) is not None})
            for chunk in chunks(ids):
                stmt = select(
                    Nomination.id, column, Nomination.award_id, Nomination.year, Nomination.status
                ).where(
                    column.in_(chunk), Nomination.status.in_(LIVE_STATUSES), Nomination.campaign_id.is_(None)
                )
                for nid, who, award_id, year, status in session.execute(stmt):
                    live[(attr, who, award_id, year)] = (nid, status)
        for r in records:
            attr, who = ("person_id", r.person_id) if r.person_id is not None else ("unit_id", r.unit_id)
            found = live.get((attr, who, r.award_id, r.year))
            if found:
                r.existing_id, r.existing_status = found
                report.duplicates.append(Duplicate(
                    r.row, found[0], f"«{r.nominee[0]}» đã có hồ sơ đề nghị năm {r.year} (mã {found[0]}, {found[1].label.lower()})."
                ))  # fmt: skip

    def write(
        self,
        session: Session,
        records: list[NominationRecord],
        report: ImportReport,
        on_duplicate: str | None,
        actor: str,
        progress: Callable[[int, int], None],
    ) -> None:
        now = utcnow()
        new = [r for r in records if r.existing_id is None]
        for chunk in chunks(new, 5000):
            rows = [{
                "year": r.year, "award_id": r.award_id, "person_id": r.person_id, "unit_id": r.unit_id,
                "campaign_id": None, "submitting_unit_id": r.submitting_id, "nominee_name": r.nominee[0],
                "nominee_fold": r.nominee[1], "nominee_sort": r.nominee[2], "achievement": r.achievement,
                "status": NominationStatus.DRAFT.value, "status_reason": "", "version": 1,
                "created_at": now, "updated_at": now,
            } for r in chunk]  # fmt: skip
            ids = insert_returning(session, Nomination.__table__, rows)
            insert_dicts(session, NominationEvent.__table__, [
                {"nomination_id": i, "from_status": None, "to_status": "draft", "reason": "Nhập từ tệp", "actor": actor,
                 "at": now} for i in ids
            ])  # fmt: skip
        report.inserted = len(new)
        dups = [r for r in records if r.existing_id is not None]
        if on_duplicate == MERGE and dups:
            # Only drafts and returned nominations can still be edited (services.nominations.EDITABLE).
            t = Nomination.__table__
            params = [
                {"_id": r.existing_id, "achievement": r.achievement, "updated_at": now}
                for r in dups
                if r.achievement and r.existing_status in (NominationStatus.DRAFT, NominationStatus.RETURNED)
            ]
            if params:
                session.execute(
                    update(t)
                    .where(t.c.id == bindparam("_id"), t.c.status.in_(("draft", "returned")))
                    .values(
                        achievement=bindparam("achievement"),
                        updated_at=bindparam("updated_at"),
                        version=t.c.version + 1,
                    ),
                    params,
                )
            report.merged = len(params)
            report.skipped = len(dups) - len(params)
        else:
            report.skipped = len(dups)

    def preview(self, r: NominationRecord) -> tuple[object, ...]:
        return (
            r.row,
            r.year,
            r.award_code,
            r.nominee[0] or r.full_name or r.cccd or r.collective_code,
            r.unit_code or r.collective_code,
        )
