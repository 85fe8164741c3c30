"""Score sheets as .xlsx: one workbook per member unit to fill, and the filled ones read back.

A sheet opens with a header block naming the bloc code, the year, the period and the unit code;
then one row per criterion of the period's table (code, group, text, kind, maximum) with the
columns to fill: self-score, bloc score, comment, evidence. The import reads one or several
files with the same reader and safety checks as every other import (:mod:`.safety`,
:mod:`.xlsx`), checks every row of every file against the services' own rules
(:func:`app.services.score_sheets.check_entries`), and reports every problem at once. It writes
nothing unless every file is clean, and then writes all of them in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from ..audit import log as audit
from ..auth import P
from ..auth import require as allowed
from ..errors import DomainError
from ..model import Bloc, ScorePeriodKind, Unit
from ..services.blocs import members
from ..services.common import unit_by_code
from ..services.score_periods import as_period, period_name
from ..services.score_sheets import (
    SheetEntry,
    SheetRefused,
    UnitSheet,
    check_entries,
    context_problems,
    save_sheet_in,
    unit_sheet,
)
from ..services.scoring import CriterionRecord, criteria
from ..services.standings import bloc_by_code
from ..storage.db import Database
from ..storage.files import atomic_write, check_output_dir, safe_filename
from ..text import clean
from .fields import header_key
from .safety import FileRefused
from .sheet_cells import (
    HEAD_BLOC,
    HEAD_PERIOD,
    HEAD_UNIT,
    HEAD_YEAR,
    ScoreProblem,
    cell_number,
    cell_text,
    label_key,
    period_of,
    text_cell,
)
from .xlsx import column_letter, read_first_sheet

TITLE = "PHIẾU CHẤM ĐIỂM THI ĐUA"
COLUMNS = (
    ("code", "Mã tiêu chí", 12),
    ("group", "Nhóm", 10),
    ("name", "Nội dung tiêu chí", 60),
    ("kind", "Loại", 14),
    ("max", "Điểm tối đa", 12),
    ("self", "Tự chấm", 11),
    ("bloc", "Khối chấm", 11),
    ("comment", "Nhận xét", 40),
    ("evidence", "Minh chứng", 40),
)
LABELS = {key: label for key, label, _w in COLUMNS}
HEADER_ROW = 8
MAX_SHEET_ROWS = 2_000  # a criteria table has tens of rows
_FILL = PatternFill("solid", fgColor="DDEBF7")
_INPUT = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(wrap_text=True, vertical="top")


# ------------------------------------------------------------------------------------ export
def _write_sheet(sheet: UnitSheet, bloc_name: str, target: Path) -> Path:
    wb = Workbook()
    ws: Worksheet = wb.active  # type: ignore[assignment]  # a new workbook has its sheet
    ws.title = "Phiếu chấm điểm"
    text_cell(ws, 1, 1, TITLE, bold=True)
    head: list[tuple[str, str | int, str]] = [
        (HEAD_BLOC, sheet.bloc_code, bloc_name),
        (HEAD_YEAR, sheet.year, ""),
        (HEAD_PERIOD, sheet.period.value, sheet.period.label),
        (HEAD_UNIT, sheet.unit_code, sheet.unit_name),
    ]
    for i, (label, value, name) in enumerate(head, start=2):
        text_cell(ws, i, 1, label, bold=True)
        if isinstance(value, int):
            ws.cell(row=i, column=2, value=value)
        else:
            text_cell(ws, i, 2, value)
        text_cell(ws, i, 3, name)
    text_cell(
        ws, 6, 1,
        "Điền cột «Tự chấm», «Khối chấm»; ghi «Nhận xét» khi hai điểm khác nhau. "
        "Không sửa phần đầu phiếu và cột «Mã tiêu chí».",
    )  # fmt: skip
    for col, (_key, label, width) in enumerate(COLUMNS, start=1):
        text_cell(ws, HEADER_ROW, col, label, bold=True)
        ws.cell(row=HEADER_ROW, column=col).fill = _FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, row in enumerate(sheet.rows, start=HEADER_ROW + 1):
        c = row.criterion
        for col, value in enumerate((c.code, c.group, c.name, c.kind.label), start=1):
            text_cell(ws, r, col, value)
        ws.cell(row=r, column=3).alignment = _WRAP
        ws.cell(row=r, column=5, value=c.max_points).number_format = "0.##"
        for col, points in ((6, row.self_points), (7, row.bloc_points)):
            cell = ws.cell(row=r, column=col, value=points)
            cell.number_format = "0.##"
            cell.fill = _INPUT
        for col, note in ((8, row.comment), (9, row.evidence)):
            if note:
                text_cell(ws, r, col, note)
            ws.cell(row=r, column=col).fill = _INPUT
            ws.cell(row=r, column=col).alignment = _WRAP
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    with atomic_write(target) as f:
        wb.save(f)
    return target


def sheet_file_name(bloc_code: str, year: int, period: ScorePeriodKind, unit_code: str) -> str:
    return safe_filename(f"phieu-cham-diem_{bloc_code}_{year}_{period.value}_{unit_code}", ".xlsx")


def export_sheets(
    db: Database,
    bloc_code: str,
    year: int,
    period: ScorePeriodKind,
    out_dir: Path,
    unit_code: str | None = None,
) -> list[Path]:
    """One .xlsx per member unit of the bloc that year (or only ``unit_code``), filled with what is
    already entered; returns the files written."""
    period = as_period(period)
    bloc = bloc_by_code(db, bloc_code)
    if not criteria(db, bloc.id, year, period):
        raise DomainError(f"Khối {bloc.code} chưa có bảng tiêu chí {period_name(period, year)}.")
    units = members(db, bloc.id, year)
    if unit_code is not None:
        wanted = clean(unit_code).upper()
        units = [u for u in units if u.code == wanted]
        if not units:
            raise DomainError(f"Đơn vị «{wanted}» không phải thành viên của khối {bloc.code} năm {year}.")
    if not units:
        raise DomainError(f"Khối {bloc.code} chưa có đơn vị thành viên năm {year}.")
    folder = check_output_dir(Path(out_dir))
    return [
        _write_sheet(
            unit_sheet(db, bloc.id, year, period, u.unit_id),
            bloc.name,
            folder / sheet_file_name(bloc.code, year, period, u.code),
        )
        for u in units
    ]


# ------------------------------------------------------------------------------------ import
@dataclass(frozen=True)
class SheetRead:
    """One file as read: its header block and its entries (with the sheet row of each)."""

    file: str
    bloc_code: str
    year: int
    period: ScorePeriodKind
    unit_code: str
    entries: tuple[SheetEntry, ...]
    rows: tuple[int, ...]
    columns: tuple[tuple[str, int], ...] = ()  # (column key, index from 0) as found in the file

    def column(self, key: str) -> str:
        """«Tự chấm (cột F)»: a column's header and letter in this file."""
        index = dict(self.columns).get(key)
        return f"{LABELS[key]} (cột {column_letter(index)})" if index is not None else LABELS.get(key, "")


@dataclass
class ScoreImportReport:
    files: list[str]
    dry_run: bool
    sheets: list[SheetRead] = field(default_factory=list)
    problems: list[ScoreProblem] = field(default_factory=list)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        head = f"{len(self.files)} tệp, {len(self.sheets)} phiếu đọc được"
        if self.problems:
            head += f", {len(self.problems)} lỗi"
        head += "."
        if self.committed:
            head += f" Đã lưu điểm của {len(self.sheets)} đơn vị."
        elif self.dry_run:
            head += " Chạy thử: chưa ghi gì."
        else:
            head += " Không lưu gì."
        return head


_HEAD_KEYS = {header_key(HEAD_BLOC): "bloc", header_key(HEAD_YEAR): "year", header_key(HEAD_PERIOD): "period",
              header_key("Kỳ"): "period", header_key(HEAD_UNIT): "unit"}  # fmt: skip
_COLUMN_KEYS = {header_key(label): key for key, label, _w in COLUMNS}


def read_sheet_file(path: Path, problems: list[ScoreProblem]) -> SheetRead | None:
    """Read one filled sheet; its problems go to ``problems`` (None if it cannot be used)."""
    name = Path(path).name

    def problem(row: int | None, column: str, message: str) -> None:
        problems.append(ScoreProblem(name, row, column, message))

    try:
        sheet = read_first_sheet(Path(path))
    except FileRefused as exc:
        problem(None, "", exc.message)
        return None
    head: dict[str, object] = {}
    columns: dict[int, str] = {}
    entries: list[SheetEntry] = []
    rows: list[int] = []
    for number, row in sheet.rows:
        if number > MAX_SHEET_ROWS:
            problem(number, "", f"phiếu dài quá {MAX_SHEET_ROWS} dòng.")
            break
        if not columns:
            key = label_key(row.get(0))
            if key in _HEAD_KEYS:
                head[_HEAD_KEYS[key]] = row.get(1)
            elif key == header_key(LABELS["code"]):
                columns = {
                    c: _COLUMN_KEYS[label_key(v)] for c, v in row.items() if label_key(v) in _COLUMN_KEYS
                }
            continue
        values = {columns[c]: v for c, v in row.items() if c in columns}
        if all(cell_text(v) == "" for v in values.values()):
            continue
        points: dict[str, float | None] = {}
        for key in ("self", "bloc"):
            col = next(c for c, k in columns.items() if k == key) if key in columns.values() else None
            value, bad = cell_number(values.get(key))
            if bad and col is not None:
                problem(number, f"{LABELS[key]} (cột {column_letter(col)})", bad)
            points[key] = value
        entries.append(
            SheetEntry(
                cell_text(values.get("code")),
                points["self"],
                points["bloc"],
                cell_text(values.get("comment")),
                cell_text(values.get("evidence")),
            )
        )
        rows.append(number)
    missing = [label for key, label in ((k, lab) for k, lab, _w in COLUMNS) if key in ("code", "self", "bloc")
               and key not in columns.values()]  # fmt: skip
    if not columns:
        problem(
            None, "", f"không thấy dòng tiêu đề bảng (ô «{LABELS['code']}»); đây không phải phiếu chấm điểm."
        )
        return None
    if missing:
        problem(None, "", "thiếu cột " + ", ".join(f"«{m}»" for m in missing) + ".")
        return None
    bloc_code = cell_text(head.get("bloc")).upper()
    unit_code = cell_text(head.get("unit")).upper()
    year_value, _bad = cell_number(head.get("year"))
    period = period_of(head.get("period"))
    for label, ok in ((HEAD_BLOC, bloc_code), (HEAD_YEAR, year_value is not None and year_value.is_integer()),
                      (HEAD_PERIOD, period is not None), (HEAD_UNIT, unit_code)):  # fmt: skip
        if not ok:
            problem(None, "", f"phần đầu phiếu thiếu hoặc sai «{label}».")
    if not bloc_code or not unit_code or year_value is None or period is None or not year_value.is_integer():
        return None
    found = tuple((key, col) for col, key in sorted(columns.items()))
    return SheetRead(name, bloc_code, int(year_value), period, unit_code, tuple(entries), tuple(rows), found)


def import_sheets(
    db: Database,
    paths: Sequence[Path],
    *,
    bloc_code: str | None = None,
    year: int | None = None,
    period: ScorePeriodKind | None = None,
    dry_run: bool = False,
) -> ScoreImportReport:
    """Import filled score sheets, all or nothing: every problem of every row of every file is in
    the report; the scores are saved (in one transaction) only if there is none and not ``dry_run``.

    ``bloc_code``, ``year``, ``period`` name the sheets expected; a sheet for another is refused.
    Without them, the first sheet sets what the others must match (one bloc, year and period an
    import)."""
    allowed(db, P.SCORING)
    report = ScoreImportReport([Path(p).name for p in paths], dry_run)
    if not paths:
        raise DomainError("Chưa chọn tệp phiếu chấm điểm nào.")
    expected_period = as_period(period) if period is not None else None
    for path in paths:
        read = read_sheet_file(Path(path), report.problems)
        if read is not None:
            report.sheets.append(read)
    target = (
        clean(bloc_code).upper() if bloc_code else (report.sheets[0].bloc_code if report.sheets else ""),
        year if year is not None else (report.sheets[0].year if report.sheets else 0),
        expected_period or (report.sheets[0].period if report.sheets else ScorePeriodKind.YEAR),
    )
    _check_sheets(db, report, target)
    if report.problems or dry_run:
        return report
    bloc = bloc_by_code(db, target[0])
    with db.write() as session:
        session_bloc = session.get(Bloc, bloc.id)
        assert session_bloc is not None
        for read in report.sheets:
            unit = unit_by_code(session, read.unit_code)
            save_sheet_in(session, session_bloc, read.year, read.period, unit, read.entries)
        audit.record(
            session, "import", "score",
            details={"bloc": bloc.code, "year": target[1], "period": target[2].value, "files": report.files,
                     "units": [r.unit_code for r in report.sheets]},
        )  # fmt: skip
    report.committed = True
    return report


def _check_sheets(db: Database, report: ScoreImportReport, target: tuple[str, int, ScorePeriodKind]) -> None:
    bloc_code, year, period = target
    want = f"khối {bloc_code}, {period_name(period, year)}"
    good: list[SheetRead] = []
    for read in report.sheets:
        if (read.bloc_code, read.year, read.period) != target:
            report.problems.append(ScoreProblem(
                read.file, None, "",
                f"phiếu của khối {read.bloc_code}, {period_name(read.period, read.year)}; "
                f"lần nhập này dành cho {want}.",
            ))  # fmt: skip
        else:
            good.append(read)
    if not good:
        return
    try:
        bloc = bloc_by_code(db, bloc_code)
    except DomainError as exc:
        report.problems.append(ScoreProblem(good[0].file, None, "", exc.message))
        return
    table: list[CriterionRecord] = criteria(db, bloc.id, year, period)
    seen: dict[str, str] = {}
    with db.read() as session:
        session_bloc = session.get(Bloc, bloc.id)
        assert session_bloc is not None
        for read in good:
            if read.unit_code in seen:
                report.problems.append(ScoreProblem(
                    read.file, None, "", f"trùng phiếu của đơn vị {read.unit_code} với tệp {seen[read.unit_code]}."
                ))  # fmt: skip
                continue
            seen[read.unit_code] = read.file
            try:
                unit: Unit = unit_by_code(session, read.unit_code)
            except DomainError as exc:
                report.problems.append(ScoreProblem(read.file, None, "", exc.message))
                continue
            _check_one(session, session_bloc, unit, read, table, report)


def _check_one(session: Session, bloc: Bloc, unit: Unit, read: SheetRead, table: list[CriterionRecord],
               report: ScoreImportReport) -> None:  # fmt: skip
    """The sheet's problems as the save would find them (read only)."""
    for p in context_problems(session, bloc, read.year, read.period, unit, table):
        report.problems.append(ScoreProblem(read.file, None, "", p.message))
    for p in check_entries(table, read.entries):
        row = read.rows[p.index] if p.index is not None else None
        column = {"self_points": "self", "bloc_points": "bloc", "comment": "comment", "evidence": "evidence",
                  "code": "code"}.get(p.field, "")  # fmt: skip
        report.problems.append(ScoreProblem(read.file, row, read.column(column) if column else "", p.message))


__all__ = [
    "ScoreImportReport",
    "ScoreProblem",
    "SheetRead",
    "SheetRefused",
    "export_sheets",
    "import_sheets",
    "read_sheet_file",
    "sheet_file_name",
]
