"""Import of units (đơn vị): rows validated with ``units._validated``, checked as a whole (codes,
parents, cycles), written parents first with Core bulk inserts inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from ..errors import DomainError
from ..model import Unit, UnitLevel
from ..model.base import utcnow
from ..services import units as unit_rules
from ..text import fold, sort_key
from . import fields as F
from .bulk import insert_returning
from .handler import MERGE, Duplicate, Handler, ImportReport, Problem

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

    def build(self, row: int, values: dict[str, object]) -> tuple[UnitRecord | None, list[tuple[str, str]]]:
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

    def check(
        self, session: Session, records: list[UnitRecord], report: ImportReport, on_duplicate: str | None
    ) -> None:
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

    def write(
        self,
        session: Session,
        records: list[UnitRecord],
        report: ImportReport,
        on_duplicate: str | None,
        actor: str,
        progress: Callable[[int, int], None],
    ) -> None:
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

    def preview(self, r: UnitRecord) -> tuple[object, ...]:
        return (r.row, r.data.code, r.data.name, r.data.level.label, r.parent_code)
