"""A bloc's criteria table (bảng tiêu chí) of one year and period as .xlsx, out and back in.

The workbook opens with a header block (bloc code, year, period) and lists the rows in order:
code, group, text, kind (Tiêu chí / Điểm thưởng / Điểm trừ), maximum points, floor (share of the
maximum, 0–1). Read back, every problem of every row is reported at once; the table is replaced
through :func:`app.services.scoring.set_criteria` (refused once scored or in a closed period), or
not at all. Changing the year or period in the header (or passing them) copies a table elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import DomainError
from ..model import CriterionKind, ScorePeriodKind
from ..services.score_periods import as_period, closed_message, period_name, period_state
from ..services.scoring import CriterionInput, CriterionRecord, criteria, set_criteria, table_scored
from ..services.standings import bloc_by_code
from ..storage.db import Database
from ..storage.files import atomic_write, check_output_file
from .fields import header_key
from .safety import FileRefused
from .sheet_cells import (
    HEAD_BLOC,
    HEAD_PERIOD,
    HEAD_YEAR,
    ScoreProblem,
    cell_number,
    cell_text,
    label_key,
    period_of,
    text_cell,
)
from .xlsx import column_letter, read_first_sheet

TITLE = "BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA"
COLUMNS = (
    ("code", "Mã tiêu chí", 12),
    ("group", "Nhóm", 14),
    ("name", "Nội dung tiêu chí", 70),
    ("kind", "Loại", 14),
    ("max", "Điểm tối đa", 12),
    ("floor", "Ngưỡng tối thiểu (0–1)", 14),
)
LABELS = {key: label for key, label, _w in COLUMNS}
HEADER_ROW = 6
MAX_ROWS = 1_000
_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEAD_KEYS = {header_key(HEAD_BLOC): "bloc", header_key(HEAD_YEAR): "year", header_key(HEAD_PERIOD): "period",
              header_key("Kỳ"): "period"}  # fmt: skip
_COLUMN_KEYS = {header_key(label): key for key, label, _w in COLUMNS} | {
    header_key("Ngưỡng tối thiểu"): "floor"
}
_KINDS = {header_key(k.label): k for k in CriterionKind} | {header_key(k.value): k for k in CriterionKind}


def export_criteria(db: Database, bloc_code: str, year: int, period: ScorePeriodKind, out: Path) -> Path:
    """Write the table of a bloc, year and period to ``out`` (.xlsx)."""
    period = as_period(period)
    bloc = bloc_by_code(db, bloc_code)
    rows = criteria(db, bloc.id, year, period)
    if not rows:
        raise DomainError(f"Khối {bloc.code} chưa có bảng tiêu chí {period_name(period, year)}.")
    target = check_output_file(Path(out))
    wb = Workbook()
    ws: Worksheet = wb.active  # type: ignore[assignment]  # a new workbook has its sheet
    ws.title = "Bảng tiêu chí"
    text_cell(ws, 1, 1, TITLE, bold=True)
    text_cell(ws, 2, 1, HEAD_BLOC, bold=True)
    text_cell(ws, 2, 2, bloc.code)
    text_cell(ws, 2, 3, bloc.name)
    text_cell(ws, 3, 1, HEAD_YEAR, bold=True)
    ws.cell(row=3, column=2, value=year)
    text_cell(ws, 4, 1, HEAD_PERIOD, bold=True)
    text_cell(ws, 4, 2, period.value)
    text_cell(ws, 4, 3, period.label)
    for col, (_key, label, width) in enumerate(COLUMNS, start=1):
        text_cell(ws, HEADER_ROW, col, label, bold=True)
        ws.cell(row=HEADER_ROW, column=col).fill = _FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, c in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate((c.code, c.group, c.name, c.kind.label), start=1):
            text_cell(ws, r, col, value)
        ws.cell(row=r, column=5, value=c.max_points)
        ws.cell(row=r, column=6, value=c.floor_share)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    with atomic_write(target) as f:
        wb.save(f)
    return target


@dataclass
class CriteriaImportReport:
    file: str
    dry_run: bool
    bloc_code: str = ""
    year: int = 0
    period: ScorePeriodKind = ScorePeriodKind.YEAR
    rows: list[CriterionInput] = field(default_factory=list)
    problems: list[ScoreProblem] = field(default_factory=list)
    saved: list[CriterionRecord] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        where = f"khối {self.bloc_code}, {period_name(self.period, self.year)}" if self.bloc_code else "?"
        head = f"{self.file}: {len(self.rows)} dòng tiêu chí ({where})"
        if self.problems:
            head += f", {len(self.problems)} lỗi"
        if self.saved:
            return head + f". Đã lưu bảng tiêu chí {len(self.saved)} dòng."
        return head + (". Chạy thử: chưa ghi gì." if self.dry_run else ". Không lưu gì.")


def _read(path: Path, report: CriteriaImportReport) -> dict[str, object]:
    def problem(row: int | None, column: str, message: str) -> None:
        report.problems.append(ScoreProblem(report.file, row, column, message))

    try:
        sheet = read_first_sheet(path)
    except FileRefused as exc:
        problem(None, "", exc.message)
        return {}
    head: dict[str, object] = {}
    columns: dict[int, str] = {}
    seen: dict[str, int] = {}
    for number, row in sheet.rows:
        if number > MAX_ROWS:
            problem(number, "", f"bảng dài quá {MAX_ROWS} dòng.")
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
        where = {k: f"{LABELS[k]} (cột {column_letter(c)})" for c, k in columns.items()}
        before = len(report.problems)
        code = cell_text(values.get("code"))
        name = cell_text(values.get("name"))
        if not code:
            problem(number, where.get("code", ""), "thiếu mã tiêu chí.")
        elif code in seen:
            problem(number, where.get("code", ""), f"mã tiêu chí «{code}» trùng với dòng {seen[code]}.")
        else:
            seen[code] = number
        if not name:
            problem(number, where.get("name", LABELS["name"]), "thiếu nội dung tiêu chí.")
        kind_text = cell_text(values.get("kind"))
        kind = _KINDS.get(header_key(kind_text)) if kind_text else CriterionKind.CRITERION
        if kind is None:
            problem(
                number,
                where.get("kind", ""),
                f"loại «{kind_text}» không hợp lệ (Tiêu chí, Điểm thưởng, Điểm trừ).",
            )
        top, bad = cell_number(values.get("max"))
        if bad or top is None or top <= 0:
            problem(number, where.get("max", LABELS["max"]), bad or "điểm tối đa phải lớn hơn 0.")
        floor, bad = cell_number(values.get("floor"))
        if bad or (floor is not None and not 0 <= floor <= 1):
            problem(number, where.get("floor", ""), bad or "ngưỡng tối thiểu phải từ 0 đến 1 (ví dụ 0,85).")
        if len(report.problems) == before and kind is not None and top is not None:
            report.rows.append(CriterionInput(code, name, top, kind, cell_text(values.get("group")), floor))
    if not columns:
        problem(
            None, "", f"không thấy dòng tiêu đề bảng (ô «{LABELS['code']}»); đây không phải bảng tiêu chí."
        )
    elif not report.rows and not report.problems:
        problem(None, "", "bảng tiêu chí không có dòng nào.")
    return head


def import_criteria(
    db: Database,
    path: Path,
    *,
    bloc_code: str | None = None,
    year: int | None = None,
    period: ScorePeriodKind | None = None,
    dry_run: bool = False,
) -> CriteriaImportReport:
    """Read a criteria table; unless there is a problem or ``dry_run``, it replaces the table of the
    bloc, year and period the file names (or those given, which take precedence)."""
    report = CriteriaImportReport(Path(path).name, dry_run)
    head = _read(Path(path), report)
    report.bloc_code = (bloc_code or cell_text(head.get("bloc"))).strip().upper()
    number, _bad = cell_number(head.get("year"))
    report.year = (
        year if year is not None else (int(number) if number is not None and number.is_integer() else 0)
    )
    found = as_period(period) if period is not None else period_of(head.get("period"))
    for label, ok in ((HEAD_BLOC, report.bloc_code), (HEAD_YEAR, report.year), (HEAD_PERIOD, found)):
        if not ok and head:
            report.problems.append(
                ScoreProblem(report.file, None, "", f"phần đầu bảng thiếu hoặc sai «{label}».")
            )
    report.period = found or ScorePeriodKind.YEAR
    if not report.bloc_code or not report.year or found is None:
        return report
    try:
        bloc = bloc_by_code(db, report.bloc_code)
        state = period_state(db, bloc.id, report.year, report.period)
        if state.closed:
            raise DomainError(closed_message(bloc.code, report.year, report.period))
        if table_scored(db, bloc.id, report.year, report.period):
            raise DomainError(
                f"Bảng tiêu chí {period_name(report.period, report.year)} của khối {bloc.code} đã có điểm chấm; "
                "không thay cả bảng được."
            )
        if not report.problems and not dry_run:
            report.saved = set_criteria(db, bloc.id, report.year, report.rows, report.period)
    except DomainError as exc:
        report.problems.append(ScoreProblem(report.file, None, "", exc.message))
    return report
