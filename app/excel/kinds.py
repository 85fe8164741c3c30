"""The three importable kinds. Rows are validated with the services' own functions
(``persons._validated``, ``units._validated``, ``catalogue.check_target``…); duplicates follow the
services' rules, looked up in bulk; writes are Core bulk inserts inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from ..errors import DomainError
from ..model import (
    Gender,
    Person,
    Posting,
    Unit,
    UnitLevel,
)
from ..model.base import utcnow
from ..services import persons as person_rules
from ..services import units as unit_rules
from ..text import fold, name_sort_key, sort_key
from . import fields as F
from .bulk import chunks, indexes_rebuilt, insert_returning, insert_rows, insert_rows_returning
from .importer import MERGE, Duplicate, Handler, ImportReport, Problem

name_key = name_sort_key  # its per-part keys are cached in app.text
_fold_cached = fold  # cached in app.text


def _gender(text: str) -> Gender | None:
    key = fold(text)
    if key in ("nam", "male", "m", "trai"):
        return Gender.MALE
    if key in ("nu", "female", "f", "gai"):
        return Gender.FEMALE
    return None


# ---------------------------------------------------------------------------------------- units
_LEVELS = {fold(level.label): level for level in UnitLevel} | {level.value: level for level in UnitLevel}


@dataclass
class UnitRecord:
    row: int
    data: unit_rules.UnitInput
    parent_code: str
    existing_id: int | None = None


class Units(Handler):
    fields = F.UNITS
    preview_headers = ("Dòng", "Mã", "Tên đơn vị", "Cấp", "Cấp trên")

    def build(self, row, values):  # type: ignore[no-untyped-def]
        level_text = str(values.get("level", ""))
        level = _LEVELS.get(fold(level_text)) if level_text else UnitLevel.DEPARTMENT
        if level is None:
            return None, [("level", f"Cấp đơn vị «{level_text}» không hợp lệ.")]
        try:
            data = unit_rules._validated(unit_rules.UnitInput(
                code=str(values.get("code", "")), name=str(values.get("name", "")),
                level=level, short_name=str(values.get("short_name", "")),
            ))  # fmt: skip
        except DomainError as exc:
            return None, [(exc.field or "", exc.message)]
        return UnitRecord(row, data, str(values.get("parent_code", ""))), []

    def check(self, session, records, report, on_duplicate):  # type: ignore[no-untyped-def]
        existing = {
            code: (uid, parent)
            for uid, code, parent in session.execute(select(Unit.id, Unit.code, Unit.parent_id))
        }
        seen: dict[str, int] = {}
        for r in records:
            if r.data.code in seen:
                report.problems.append(Problem(r.row, "Mã đơn vị", f"trùng mã với dòng {seen[r.data.code]}."))
                continue
            seen[r.data.code] = r.row
            if r.data.code in existing:
                r.existing_id = existing[r.data.code][0]
                report.duplicates.append(
                    Duplicate(r.row, r.existing_id, f"mã đơn vị {r.data.code} đã có (mã {r.existing_id}).")
                )
            if (
                r.parent_code
                and r.parent_code not in existing
                and r.parent_code not in seen
                and not any(x.data.code == r.parent_code for x in records)
            ):
                report.problems.append(
                    Problem(r.row, "Mã đơn vị cấp trên", f"không có đơn vị mã «{r.parent_code}».")
                )
            if r.parent_code == r.data.code:
                report.problems.append(
                    Problem(r.row, "Mã đơn vị cấp trên", "đơn vị không thể trực thuộc chính nó.")
                )
        # Cycles among the file's units.
        parent_of = {r.data.code: r.parent_code for r in records if r.parent_code}
        for r in records:
            code, steps = r.parent_code, 0
            while code and steps <= len(parent_of):
                if code == r.data.code:
                    report.problems.append(Problem(r.row, "Mã đơn vị cấp trên", "cây đơn vị bị lặp."))
                    break
                code, steps = parent_of.get(code, ""), steps + 1

    def write(self, session, records, report, on_duplicate, actor, progress):  # type: ignore[no-untyped-def]
        ids = {code: uid for uid, code in session.execute(select(Unit.id, Unit.code))}
        now = utcnow()
        pending = [r for r in records if r.existing_id is None]
        while pending:  # parents before children, a layer at a time
            layer = [r for r in pending if not r.parent_code or r.parent_code in ids]
            if not layer:
                raise DomainError("Cây đơn vị trong tệp bị lặp.")
            rows = [self._values(r, ids, now) | {"created_at": now} for r in layer]
            for r, uid in zip(layer, insert_returning(session, Unit.__table__, rows), strict=True):
                ids[r.data.code] = uid
            report.inserted += len(layer)
            pending = [r for r in pending if r.data.code not in ids]
        dups = [r for r in records if r.existing_id is not None]
        if on_duplicate == MERGE and dups:
            t = Unit.__table__
            params = [self._values(r, ids, now) | {"_id": r.existing_id} for r in dups]
            for p in params:
                p.pop("code")
            session.execute(
                update(t)
                .where(t.c.id == bindparam("_id"))
                .values({k: bindparam(k) for k in params[0] if k != "_id"}),
                params,
            )
            report.merged = len(dups)
        else:
            report.skipped = len(dups)

    @staticmethod
    def _values(r: UnitRecord, ids: dict[str, int], now: dt.datetime) -> dict[str, object]:
        d = r.data
        return {
            "code": d.code, "name": d.name, "short_name": d.short_name, "level": d.level.value,
            "parent_id": ids.get(r.parent_code) if r.parent_code else None, "active": True,
            "name_fold": fold(d.name), "sort_key": sort_key(d.name), "updated_at": now,
        }  # fmt: skip

    def preview(self, r):  # type: ignore[no-untyped-def]
        return (r.row, r.data.code, r.data.name, r.data.level.label, r.parent_code)


# -------------------------------------------------------------------------------------- persons
_PERSON_COLUMNS = (
    "family_name", "middle_name", "given_name", "full_name", "name_fold", "given_fold", "sort_key",
    "gender", "birth_date", "birth_year", "cccd", "position", "unit_id", "version", "created_at", "updated_at",
)  # fmt: skip
_POSTING_COLUMNS = ("person_id", "unit_id", "position", "start_date", "end_date")
_NAME_KEYS = ("full_name", "family_name", "middle_name", "given_name")


@dataclass
class PersonRecord:
    row: int
    unit_code: str
    c: object  # persons._Clean
    start_date: dt.date | None
    unit_id: int = 0
    existing_id: int | None = None
    columns: tuple[object, ...] = ()  # the person's stored columns (_PERSON_COLUMNS), made as rows are read


class Persons(Handler):
    fields = F.PERSONS
    preview_headers = ("Dòng", "Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "CCCD", "Chức vụ")

    def check_columns(self, found):  # type: ignore[no-untyped-def]
        missing = super().check_columns(found)
        if "full_name" not in found and "given_name" not in found:
            missing.append("Thiếu cột «Họ và tên» (hoặc các cột «Họ», «Tên đệm», «Tên»).")
        return missing

    def build(self, row, values):  # type: ignore[no-untyped-def]
        errors: list[tuple[str, str]] = []
        gender = _gender(str(values.get("gender", "")))
        if gender is None:
            errors.append(("gender", f"Giới tính «{values.get('gender', '')}» không hợp lệ (Nam hoặc Nữ)."))
        for key in _NAME_KEYS:
            text = values.get(key)
            if text.__class__ is str and F.starts_like_formula(text):  # type: ignore[union-attr]
                errors.append((key, f"«{text[:40]}» không phải họ tên (bắt đầu bằng {text[0]!r})."))  # type: ignore[index]
        birth = values.get("birth_date")
        birth_year = values.get("birth_year")
        if isinstance(birth, int):
            birth, birth_year = None, birth_year or birth
        if errors:
            return None, errors
        parts = "family_name" in values or "middle_name" in values or "given_name" in values
        data = person_rules.PersonInput(
            unit_id=0, gender=gender,  # type: ignore[arg-type]
            full_name=str(values.get("full_name", "")),
            family_name=str(values.get("family_name", "")) if parts else None,
            middle_name=str(values.get("middle_name", "")) if parts else None,
            given_name=str(values.get("given_name", "")) if parts else None,
            birth_date=birth, birth_year=birth_year,  # type: ignore[arg-type]
            cccd=str(values["cccd"]) if "cccd" in values else None,
            position=str(values.get("position", "")),
        )  # fmt: skip
        try:
            c = person_rules._validated(data)
        except DomainError as exc:
            return None, [(exc.field or "", exc.message)]
        start = values.get("start_date")
        if isinstance(start, int):
            return None, [("start_date", "Ngày bắt đầu công tác phải là ngày đầy đủ (dd/mm/yyyy).")]
        return PersonRecord(row, str(values["unit_code"]), c, start, columns=self._row(c)), []  # type: ignore[arg-type]

    def check(self, session, records, report, on_duplicate):  # type: ignore[no-untyped-def]
        codes = sorted({r.unit_code for r in records})
        units: dict[str, int] = {}
        for chunk in chunks(codes):
            units.update(
                (code, uid)
                for uid, code in session.execute(select(Unit.id, Unit.code).where(Unit.code.in_(chunk)))
            )
        by_cccd: dict[str, int] = {}
        by_name: dict[tuple, int] = {}  # type: ignore[type-arg]
        ok: list[PersonRecord] = []
        for r in records:
            uid = units.get(r.unit_code)
            if uid is None:
                report.problems.append(
                    Problem(r.row, "Mã đơn vị", f"không có đơn vị mã «{r.unit_code}» trong sổ.")
                )
                continue
            r.unit_id = uid
            c = r.c
            if c.cccd:
                if c.cccd in by_cccd:
                    report.problems.append(
                        Problem(r.row, "Số CCCD", f"số CCCD {c.cccd} trùng với dòng {by_cccd[c.cccd]}.")
                    )
                    continue
                by_cccd[c.cccd] = r.row
            key = (uid, c.fold, c.birth_date or c.birth_year)
            if key in by_name:
                report.problems.append(Problem(
                    r.row, "Họ và tên", f"«{c.full}» trùng họ tên, đơn vị và ngày/năm sinh với dòng {by_name[key]}."
                ))  # fmt: skip
                continue
            by_name[key] = r.row
            ok.append(r)
        self._existing(session, ok, report, on_duplicate)

    def _existing(
        self, session: Session, records: list[PersonRecord], report: ImportReport, on_duplicate: str | None
    ) -> None:
        cccds = [r.c.cccd for r in records if r.c.cccd]
        wanted = {(r.unit_id, r.c.fold) for r in records}
        # A book no bigger than the file is read once; a big one is asked about the file's values only.
        whole = (session.scalar(select(func.count()).select_from(Person)) or 0) <= 2 * len(records)
        taken: dict[str, tuple[int, str]] = {}
        by_cccd = select(Person.id, Person.cccd, Person.full_name)
        if whole:
            wanted_cccds = set(cccds)
            for pid, cccd, name in session.execute(by_cccd.where(Person.cccd.is_not(None))):
                if cccd in wanted_cccds:
                    taken[cccd] = (pid, name)
        else:
            for chunk in chunks(cccds):
                for pid, cccd, name in session.execute(by_cccd.where(Person.cccd.in_(chunk))):
                    taken[cccd] = (pid, name)
        same: dict[tuple[int, str], list] = defaultdict(list)  # type: ignore[type-arg]
        by_name = select(
            Person.id,
            Person.unit_id,
            Person.name_fold,
            Person.birth_date,
            Person.birth_year,
            Person.full_name,
            Person.cccd,
        )

        def named() -> Iterator:  # type: ignore[type-arg]
            if whole:
                yield from session.execute(by_name.order_by(Person.id))
                return
            for chunk in chunks(sorted({f for _u, f in wanted})):
                yield from session.execute(by_name.where(Person.name_fold.in_(chunk)))

        for row in named():
            if (row.unit_id, row.name_fold) in wanted:
                same[(row.unit_id, row.name_fold)].append(row)
        for r in records:
            c = r.c
            if c.cccd and c.cccd in taken:
                pid, name = taken[c.cccd]
                r.existing_id = pid
                report.duplicates.append(
                    Duplicate(r.row, pid, f"số CCCD {c.cccd} đã có trong sổ: {name} (mã {pid}).")
                )
                continue
            for other in same.get((r.unit_id, c.fold), ()):
                if c.birth_date and other.birth_date:
                    clash = c.birth_date == other.birth_date
                elif c.birth_year and other.birth_year:
                    clash = c.birth_year == other.birth_year
                else:
                    clash = True  # nothing tells them apart (as persons._check_duplicates)
                if clash:
                    r.existing_id = other.id
                    report.duplicates.append(Duplicate(
                        r.row, other.id, f"đơn vị đã có «{other.full_name}» cùng họ tên và ngày/năm sinh (mã {other.id})."
                    ))  # fmt: skip
                    if on_duplicate == MERGE and c.cccd and other.cccd and other.cccd != c.cccd:
                        report.problems.append(Problem(
                            r.row, "Số CCCD", f"không gộp được với mã {other.id}: số CCCD khác ({other.cccd})."
                        ))  # fmt: skip
                    break

    def write(self, session, records, report, on_duplicate, actor, progress):  # type: ignore[no-untyped-def]
        now = utcnow()
        today = dt.date.today()
        new = [r for r in records if r.existing_id is None]
        person_t, posting_t = Person.__table__, Posting.__table__
        step = 20_000
        with indexes_rebuilt(session, person_t, len(new)), indexes_rebuilt(session, posting_t, len(new)):
            for n, chunk in enumerate(chunks(new, step)):
                rows = [r.columns + (r.unit_id, 1, now, now) for r in chunk]
                ids = insert_rows_returning(session, person_t, _PERSON_COLUMNS, rows)
                insert_rows(session, posting_t, _POSTING_COLUMNS, [
                    (pid, r.unit_id, r.c.position, r.start_date or today, None) for r, pid in zip(chunk, ids, strict=True)
                ])  # fmt: skip
                progress(min((n + 1) * step, len(new)), len(new))
        report.inserted = len(new)
        dups = [r for r in records if r.existing_id is not None]
        if on_duplicate == MERGE and dups:
            params = []
            for r in dups:
                v = self._values(r)
                p = {
                    "_id": r.existing_id,
                    "gender": v["gender"],
                    "position": v["position"],
                    "updated_at": now,
                }
                p["birth_date"], p["birth_year"], p["cccd"] = v["birth_date"], v["birth_year"], v["cccd"]
                params.append(p)
            session.execute(
                update(person_t).where(person_t.c.id == bindparam("_id")).values(
                    gender=bindparam("gender"), position=bindparam("position"), updated_at=bindparam("updated_at"),
                    birth_date=func_coalesce("birth_date", person_t), birth_year=func_coalesce("birth_year", person_t),
                    cccd=func_coalesce("cccd", person_t), version=person_t.c.version + 1,
                ),
                params,
            )  # fmt: skip
            session.execute(
                update(posting_t)
                .where(posting_t.c.person_id == bindparam("_id"), posting_t.c.end_date.is_(None))
                .values(position=bindparam("position")),
                [{"_id": p["_id"], "position": p["position"]} for p in params],
            )
            report.merged = len(dups)
        else:
            report.skipped = len(dups)

    @staticmethod
    def _row(c: person_rules._Clean) -> tuple[object, ...]:
        return (
            c.family, c.middle, c.given, c.full, c.fold, _fold_cached(c.given), name_key(c.family, c.middle, c.given),
            c.gender, c.birth_date, c.birth_year, c.cccd, c.position,
        )  # fmt: skip

    @classmethod
    def _values(cls, r: PersonRecord) -> dict[str, object]:
        return dict(zip(_PERSON_COLUMNS, r.columns, strict=False))  # the row's own columns only

    def preview(self, r):  # type: ignore[no-untyped-def]
        c = r.c
        born = (
            c.birth_date.strftime("%d/%m/%Y") if c.birth_date else (str(c.birth_year) if c.birth_year else "")
        )
        return (r.row, r.unit_code, c.full, c.gender.label, born, c.cccd or "", c.position)


def func_coalesce(column: str, table):  # type: ignore[no-untyped-def]
    """A merge keeps what the book has when the file leaves the cell empty."""
    from sqlalchemy import func

    return func.coalesce(bindparam(column), table.c[column])
