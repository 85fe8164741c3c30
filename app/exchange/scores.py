"""Sending a unit's score sheet to the bloc head and receiving it (issue #17, items 2 and 3).

Sending: a member unit's sheet for one bloc, year and period (each criterion's self-score and
evidence note, and the totals) becomes one signed package (:mod:`.package`), recorded in the
exchange ledger as sent. Receiving (:func:`import_scores`, run by :mod:`.inbox`): the bloc, the
unit and each criterion are matched by code, and the self-scores and evidence notes are saved
through the same service as the grid and the xlsx sheets
(:func:`app.services.score_sheets.save_sheet_in`: maxima, membership, a closed period), all or
nothing, every problem listed at once. The bloc's own column (its scores and comments) is kept as
it is here. The sheet is remembered by its sender's reference, so the same package twice changes
nothing and a newer version lists each criterion it changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Bloc, CriterionKind, ScorePeriodKind, Unit
from ..model.exchange import SENT, ExchangeItem
from ..services.attachments import Owner
from ..services.blocs import is_member
from ..services.common import get
from ..services.score_periods import as_period, period_name
from ..services.score_sheets import (
    SheetEntry,
    SheetRefused,
    SheetRow,
    UnitSheet,
    read_sheet_in,
    save_sheet_in,
)
from ..storage.db import Database
from ..storage.files import safe_filename
from ..text import clean, shorten
from . import attached, ledger, offices
from .package import Office, Package, write_package
from .report import ReceiveReport

KIND = "scores"
FILE_PERIOD = {ScorePeriodKind.H1: "6thang", ScorePeriodKind.YEAR: "nam"}


def package_file_name(unit_code: str, year: int, period: ScorePeriodKind) -> str:
    """«phieu-cham-STC-2025-nam.tdkt»: the name offered for a sheet's package."""
    return safe_filename(f"phieu-cham-{unit_code}-{year}-{FILE_PERIOD[as_period(period)]}", ".tdkt")


def _points(value: float | None) -> str:
    """A score as the Vietnamese write it (decimal comma), «—» for none."""
    return "—" if value is None else f"{round(value, 2):g}".replace(".", ",")


def _record(sheet: UnitSheet, bloc_name: str, own: Office) -> dict[str, Any]:
    rows = [{"code": r.criterion.code, "name": r.criterion.name, "kind": r.criterion.kind.value,
             "max_points": r.criterion.max_points, "self_points": r.self_points, "evidence": r.evidence}
            for r in sheet.rows]  # fmt: skip
    return {
        "ref": f"{own.code}:{KIND}:{sheet.bloc_code}:{sheet.year}:{sheet.period.value}:{sheet.unit_code}",
        "bloc": {"code": sheet.bloc_code, "name": bloc_name},
        "year": sheet.year,
        "period": sheet.period.value,
        "unit": {"code": sheet.unit_code, "name": sheet.unit_name},
        "criteria": rows,
        "totals": {"self": sheet.self_total},
    }


def sheet_ids(db: Database, bloc_code: str, unit_code: str) -> tuple[int, int]:
    """The ids of the bloc and the unit named by their codes (the command line names them so)."""
    bloc_code, unit_code = clean(bloc_code).upper(), clean(unit_code).upper()
    with db.read() as session:
        bloc = session.scalar(select(Bloc.id).where(Bloc.code == bloc_code))
        unit = session.scalar(select(Unit.id).where(Unit.code == unit_code))
    if bloc is None:
        raise DomainError(f"Không có khối thi đua mã «{bloc_code}».")
    if unit is None:
        raise DomainError(f"Không có đơn vị mã «{unit_code}».")
    return int(bloc), int(unit)


def send_scores(
    db: Database, bloc_id: int, year: int, period: ScorePeriodKind, unit_id: int, out: Path, to: Office
) -> str:
    """Write the unit's score sheet (self-scores, evidence notes, totals) to a package for ``to``
    (the bloc head); recorded in the ledger as sent. Returns the package's digest."""
    allowed(db, P.SCORING)
    period = as_period(period)
    own = offices.require_own_office(db)
    from ..certificates.signing import load_private_key

    key = load_private_key(db)
    with db.read() as session:
        bloc = get(session, Bloc, bloc_id, "khối thi đua")
        unit = get(session, Unit, unit_id, "đơn vị")
        if not is_member(session, bloc.id, unit.id, year):
            raise DomainError(f"«{unit.name}» không phải thành viên của khối {bloc.code} năm {year}.")
        sheet = read_sheet_in(session, bloc, year, period, unit)
        bloc_name = bloc.name
        owner = Owner.sheet(bloc.id, year, period, unit.id)
        listings, files = attached.pack(session, [owner])
    if not sheet.rows:
        raise DomainError(f"Khối {sheet.bloc_code} chưa có bảng tiêu chí {period_name(period, year)}.")
    if all(r.self_points is None for r in sheet.rows):
        raise DomainError(
            f"Phiếu chấm {period_name(period, year)} của {sheet.unit_name} chưa có điểm tự chấm nào."
        )
    record = _record(sheet, bloc_name, own)
    if listings[owner]:  # the signed sheet and its evidence, scanned
        record["attachments"] = listings[owner]
    package = Package(KIND, own, to, {"sheets": [record]}, files)
    digest = write_package(Path(out), package, key)
    with db.write() as session:
        ledger.record(session, package, SENT, digest, Path(out).name,
                      [(record["ref"], None, ledger.content_hash(record))], db.actor.username)  # fmt: skip
    return digest


# --------------------------------------------------------------------------------- receiving
def _same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1e-9)


def _differs(row: SheetRow | None, points: float | None, evidence: str) -> bool:
    return row is None or not _same(row.self_points, points) or clean(row.evidence) != clean(evidence)


def _changes(code: str, row: SheetRow | None, points: float | None, evidence: str, newer: bool) -> list[str]:
    """The lines a sheet's criterion changes here: its self-score, its evidence note. A first
    package lists only what it overwrites (a score or note entered here by hand)."""
    out = []
    old_points = row.self_points if row is not None else None
    if (newer or old_points is not None) and not _same(old_points, points):
        out.append(f"{code}: {_points(old_points)} → {_points(points)}")
    old_evidence = clean(row.evidence) if row is not None else ""
    if (newer or old_evidence) and old_evidence != clean(evidence):
        out.append(f"{code}: minh chứng «{shorten(old_evidence)}» → «{shorten(clean(evidence))}»")
    return out


def _number(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(value)
    return float(value)


def _target(
    session: Session, record: dict[str, Any], report: ReceiveReport, where: str
) -> tuple[Bloc, int, ScorePeriodKind, Unit] | None:
    """The bloc, year, period and unit a sheet names, here; None (with its problems noted)."""
    try:
        year, period = int(record["year"]), as_period(record["period"])
        bloc_code, unit_code = str(record["bloc"]["code"]), str(record["unit"]["code"])
    except (KeyError, TypeError, ValueError, DomainError):
        report.problems.append(f"{where}: thiếu hoặc sai khối, năm, kỳ hay đơn vị của phiếu.")
        return None
    bloc = session.scalar(select(Bloc).where(Bloc.code == bloc_code))
    unit = session.scalar(select(Unit).where(Unit.code == unit_code))
    if bloc is None:
        report.problems.append(f"{where}: sổ này không có khối thi đua mã «{bloc_code}».")
    if unit is None:
        report.problems.append(f"{where}: sổ này không có đơn vị mã «{unit_code}».")
    return None if bloc is None or unit is None else (bloc, year, period, unit)


def _entries(
    record: dict[str, Any], sheet: UnitSheet, report: ReceiveReport, where: str, newer: bool
) -> list[SheetEntry] | None:
    """What the sheet changes here, as entries that keep the bloc's column; None if unreadable."""
    here = {r.criterion.code: r for r in sheet.rows}
    entries: list[SheetEntry] = []
    try:
        for c in record["criteria"]:
            code, evidence = clean(str(c["code"])), str(c.get("evidence") or "")
            points = _number(c.get("self_points"))
            row = here.get(code)
            if not _differs(row, points, evidence):
                continue
            report.changes += _changes(code, row, points, evidence, newer)
            bloc_points, comment = (row.bloc_points, row.comment) if row is not None else (None, "")
            entries.append(SheetEntry(code, points, bloc_points, comment, evidence))
    except (KeyError, TypeError, ValueError):
        report.problems.append(f"{where}: danh sách tiêu chí của phiếu không đọc được.")
        return None
    return entries


def _floors(sheet: UnitSheet) -> list[str]:
    """A criterion's self-score under its floor: a warning, as the grid shows it."""
    out = []
    for r in sheet.rows:
        c = r.criterion
        if c.kind is CriterionKind.CRITERION and c.floor_share is not None and r.self_points is not None:
            floor = c.floor_share * c.max_points
            if r.self_points < floor - 1e-9:
                out.append(f"Tiêu chí {c.code}: tự chấm {_points(r.self_points)} dưới ngưỡng tối thiểu "
                           f"{_points(floor)}.")  # fmt: skip
    return out


def _import_one(
    session: Session,
    actor: str,
    package: Package,
    record: dict[str, Any],
    known: dict[str, ExchangeItem],
    report: ReceiveReport,
) -> tuple[str, int | None, str] | None:
    ref, digest = str(record.get("ref", "")), ledger.content_hash(record)
    where = f"Phiếu chấm của {record.get('unit', {}).get('name') or ref}"
    target = _target(session, record, report, where)
    if target is None:
        return None
    bloc, year, period, unit = target
    title = f"Phiếu chấm {period_name(period, year)} của {unit.name}"
    seen = known.get(ref)
    if seen is not None and seen.content_hash == digest:
        report.notes.append(f"{title}: đã nhận trước đây, không có gì thay đổi.")
        return None
    if seen is not None and seen.package.package_time > package.created_at.replace(tzinfo=None):
        report.problems.append(f"{title}: đã nhận bản mới hơn (ngày {seen.package.package_time:%d/%m/%Y}); "
                               "gói này là bản cũ.")  # fmt: skip
        return None
    entries = _entries(
        record, read_sheet_in(session, bloc, year, period, unit), report, title, seen is not None
    )
    if entries is None:
        return None
    try:
        saved = save_sheet_in(session, bloc, year, period, unit, entries)
    except SheetRefused as exc:
        report.problems += [f"{title}: {p.message}" for p in exc.problems]
        return None
    report.notes.append(
        f"{title}: {len(record['criteria'])} tiêu chí, tự chấm {_points(saved.self_total)} điểm"
    )
    attached.unpack(session, package, record.get("attachments", []), Owner.sheet(bloc.id, year, period, unit.id),
                    actor, where=title, changes=report.changes)  # fmt: skip
    report.notes += _floors(saved)
    if package.sender.code != unit.code:
        report.notes.append(f"Lưu ý: gói do {package.sender.name} ({package.sender.code}) gửi, "
                            f"phiếu của đơn vị {unit.code}.")  # fmt: skip
    return ref, None, digest


def import_scores(
    db: Database, session: Session, package: Package, report: ReceiveReport
) -> list[tuple[str, int | None, str]]:
    """The score sheets of ``package`` saved into this book's grid (see the module docstring)."""
    records = package.records.get("sheets")
    if not isinstance(records, list) or not records:
        report.problems.append("Gói không có phiếu chấm điểm nào.")
        return []
    known = ledger.received(session, [str(r.get("ref", "")) for r in records if isinstance(r, dict)])
    items = []
    for record in records:
        if not isinstance(record, dict):
            report.problems.append("Gói có phiếu chấm điểm không đọc được.")
            continue
        item = _import_one(session, db.actor.username, package, record, known, report)
        if item is not None:
            items.append(item)
    return items
