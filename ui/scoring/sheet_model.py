"""A unit's score sheet as an editable table: one row per criterion of the period's table.

The model keeps what the user typed (text, so a wrong number stays on screen to be corrected) and
flags each cell as it changes: not a number, below zero, above the maximum, below the floor, the
two scores differing without a comment. Totals are recomputed over the rows on each edit (tens of
rows: microseconds). The service stays the judge: its refusal (:class:`SheetRefused`) is laid on
the rows it names with :meth:`SheetModel.set_problems`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.model import CriterionKind
from app.services.score_sheets import RowValues, SheetEntry, SheetProblem, UnitSheet

from ..error_catalogue import translate_message
from ..labels import number
from ..qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QBrush,
    QColor,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    translate,
)

CODE, NAME, MAX, SELF, BLOC, COMMENT, EVIDENCE = range(7)
EDITABLE = (SELF, BLOC, COMMENT, EVIDENCE)
HEADERS = (
    QT_TRANSLATE_NOOP("ScoreSheet", "Mã"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Nhóm/Tiêu chí"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Tối đa"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Tự chấm"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Khối chấm"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Ghi chú"),
    QT_TRANSLATE_NOOP("ScoreSheet", "Minh chứng"),
)
ERROR_BRUSH = QBrush(QColor("#ffcdd2"))
WARNING_BRUSH = QBrush(QColor("#ffe0b2"))
BONUS_BRUSH = QBrush(QColor("#e8f5e9"))
PENALTY_BRUSH = QBrush(QColor("#fbe9e7"))
_FIELD_COLUMN = {
    "self_points": SELF,
    "bloc_points": BLOC,
    "comment": COMMENT,
    "evidence": EVIDENCE,
    "code": CODE,
}
Index = QModelIndex | QPersistentModelIndex


def parse_points(text: str) -> float | None:
    """12,5 or 12.5 → 12.5; "" → None; anything else → ValueError."""
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    value = float(cleaned)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


@dataclass
class SheetLine:
    """One row as the grid holds it: the criterion, what is typed, and the row's flags."""

    code: str
    group: str
    name: str
    kind: CriterionKind
    max_points: float
    floor_share: float | None
    self_text: str = ""
    bloc_text: str = ""
    comment: str = ""
    evidence: str = ""
    stored: bool = False  # the unit has a score row on this criterion
    was: RowValues = (None, None, "", "")  # the row as read: saving checks nobody changed it since
    edited: bool = False  # changed since loaded: only these rows are sent to be saved
    flags: dict[int, tuple[str, bool]] = field(default_factory=dict)  # column → (message, is error)
    refused: dict[int, str] = field(default_factory=dict)  # column → the service's message

    def points(self, column: int) -> float | None:
        """The number typed in SELF or BLOC (None when empty or not a number)."""
        try:
            return parse_points(self.self_text if column == SELF else self.bloc_text)
        except ValueError:
            return None


def _text(value: float | None) -> str:
    return "" if value is None else number(value)


def check_line(line: SheetLine) -> dict[int, tuple[str, bool]]:
    """The flags of a row: column → (message, is an error); a floor missed is a warning."""
    flags: dict[int, tuple[str, bool]] = {}
    values: dict[int, float | None] = {}
    for column, text in ((SELF, line.self_text), (BLOC, line.bloc_text)):
        try:
            value = parse_points(text)
        except ValueError:
            flags[column] = (translate("ScoreSheet", "Không phải số: «{0}».").format(text), True)
            values[column] = None
            continue
        values[column] = value
        if value is None:
            continue
        if value < 0:
            flags[column] = (translate("ScoreSheet", "Điểm không được âm."), True)
        elif value > line.max_points + 1e-9:
            flags[column] = (
                translate("ScoreSheet", "Vượt điểm tối đa ({0}).").format(number(line.max_points)),
                True,
            )
        elif line.floor_share is not None and line.kind is CriterionKind.CRITERION:
            floor = line.floor_share * line.max_points
            if value < floor - 1e-9:
                flags[column] = (
                    translate("ScoreSheet", "Dưới ngưỡng tối thiểu ({0} điểm).").format(
                        number(round(floor, 2))
                    ),
                    False,
                )
    own, bloc = values[SELF], values[BLOC]
    if own is not None and bloc is not None and abs(own - bloc) > 1e-9 and not line.comment.strip():
        flags[COMMENT] = (translate("ScoreSheet", "Tự chấm khác khối chấm: cần ghi chú."), True)
    return flags


def _total(lines: Sequence[SheetLine], column: int) -> float:
    total = 0.0
    for line in lines:
        value = line.points(column)
        if value is not None:
            total += -value if line.kind is CriterionKind.PENALTY else value
    return round(total, 2)


class SheetModel(QAbstractTableModel):
    """The grid's rows; ``totals_changed(self_total, bloc_total)`` after every edit."""

    totals_changed = Signal(float, float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[SheetLine] = []
        self.read_only = False
        self.self_total = 0.0
        self.bloc_total = 0.0

    # -- content -----------------------------------------------------------------------------
    def load(self, sheet: UnitSheet, *, read_only: bool = False) -> None:
        self.beginResetModel()
        self.lines = []
        for row in sheet.rows:
            c = row.criterion
            line = SheetLine(
                c.code, c.group, c.name, c.kind, c.max_points, c.floor_share,
                _text(row.self_points), _text(row.bloc_points), row.comment, row.evidence,
                stored=row.self_points is not None or row.bloc_points is not None or bool(row.comment or row.evidence),
                was=(row.self_points, row.bloc_points, row.comment or "", row.evidence or ""),
            )  # fmt: skip
            line.flags = check_line(line)
            self.lines.append(line)
        self.read_only = read_only or sheet.closed
        self.endResetModel()
        self._recount()

    def _recount(self) -> None:
        self.self_total = _total(self.lines, SELF)
        self.bloc_total = _total(self.lines, BLOC)
        self.totals_changed.emit(self.self_total, self.bloc_total)

    def entries(self) -> list[SheetEntry]:
        """The rows to save: those edited since the sheet was loaded (the others stay as stored, so
        an old row the rules of today would refuse does not block saving the rest)."""
        out = []
        for line in self.lines:
            if not line.edited:
                continue
            out.append(
                SheetEntry(
                    line.code, line.points(SELF), line.points(BLOC), line.comment, line.evidence, line.was
                )
            )
        return out

    def not_numbers(self) -> list[str]:
        """Criterion codes with a score that is not a number (these cannot be sent to be saved)."""
        bad = []
        for line in self.lines:
            for text in (line.self_text, line.bloc_text):
                try:
                    parse_points(text)
                except ValueError:
                    bad.append(line.code)
                    break
        return bad

    def errors(self) -> list[tuple[int, int, str]]:
        """(row, column, message) of every error shown (warnings left out)."""
        out = [
            (r, c, m) for r, line in enumerate(self.lines) for c, (m, error) in line.flags.items() if error
        ]
        out += [(r, c, m) for r, line in enumerate(self.lines) for c, m in line.refused.items()]
        return out

    def set_problems(self, problems: Sequence[SheetProblem], entries: Sequence[SheetEntry]) -> list[str]:
        """Lay the service's problems on their rows; returns the problems about no row (the sheet's)."""
        rows = {line.code: r for r, line in enumerate(self.lines)}
        general = []
        for line in self.lines:
            line.refused = {}
        for p in problems:
            code = entries[p.index].code if p.index is not None and p.index < len(entries) else p.code
            r = rows.get(code)
            if r is None:
                general.append(translate_message(p.message))
                continue
            self.lines[r].refused[_FIELD_COLUMN.get(p.field, CODE)] = translate_message(p.message)
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, EVIDENCE))
        return general

    # -- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # noqa: N802 E501
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("ScoreSheet", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE and not self.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._cell(line, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column in line.refused:
                return ERROR_BRUSH
            flag = line.flags.get(column)
            if flag is not None:
                return ERROR_BRUSH if flag[1] else WARNING_BRUSH
            if column in (CODE, NAME) and line.kind is not CriterionKind.CRITERION:
                return BONUS_BRUSH if line.kind is CriterionKind.BONUS else PENALTY_BRUSH
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            messages = [m for m in (line.refused.get(column), line.flags.get(column, ("", False))[0]) if m]
            if messages:
                return "\n".join(messages)
            if column == NAME:
                return f"{line.group}\n{line.name}" if line.group else line.name
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MAX, SELF, BLOC):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _cell(line: SheetLine, column: int) -> str:
        if column == CODE:
            return line.code
        if column == NAME:
            kind = {
                CriterionKind.BONUS: translate("ScoreSheet", "Điểm thưởng"),
                CriterionKind.PENALTY: translate("ScoreSheet", "Điểm trừ"),
            }.get(line.kind)
            return f"[{kind}] {line.name}" if kind else line.name
        if column == MAX:
            return number(line.max_points)
        return (line.self_text, line.bloc_text, line.comment, line.evidence)[column - SELF]

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE:
            return False
        if self.read_only:
            return False
        line, column = self.lines[index.row()], index.column()
        text = "" if value is None else str(value) if not isinstance(value, float) else number(value)
        if column == SELF:
            line.self_text = text.strip()
        elif column == BLOC:
            line.bloc_text = text.strip()
        elif column == COMMENT:
            line.comment = text
        else:
            line.evidence = text
        line.edited = True
        line.flags = check_line(line)
        line.refused.pop(column, None)
        if column in (SELF, BLOC):
            line.refused.pop(COMMENT, None)
        self.dataChanged.emit(self.index(index.row(), SELF), self.index(index.row(), EVIDENCE))
        if column in (SELF, BLOC):
            self._recount()
        return True
