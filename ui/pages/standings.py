"""Chấm điểm & Xếp hạng khối: a bloc's standings for a year and period (the half-year, or the year
with each unit's half-year rank beside), its rank history, a bar chart and the proposal for the
emulation flag and the merit certificates (from app.services.standings); and the bloc's year in
the window: the criteria table, score sheets entered in a grid or out and back as xlsx, the
period closed once the bloc's meeting approved it and reopened with a reason (P.SCORING)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.auth import P, can
from app.changes import Changes
from app.errors import DomainError
from app.excel.score_sheets import ScoreImportReport, export_sheets, import_sheets
from app.model import ScorePeriodKind
from app.services.blocs import list_blocs, may_run_secretariat, members, secretariat
from app.services.browse import criteria_years
from app.services.score_periods import PeriodState, close_period, period_state
from app.services.standings import StandingRow, Standings, compute, rank_history
from app.storage.db import Database

from ..charts import Bar, BarChart
from ..error_catalogue import error_text, translate_message
from ..labels import band, label, number, word
from ..messages import ask, show_error, show_info
from ..operations import ShownPage, hub, run_write
from ..qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..scoring.criteria_editor import CriteriaEditor
from ..scoring.dialogs import ReopenDialog, UnitChooser
from ..scoring.sheet_view import SheetDialog
from ..widgets.cells import cell_text

COLUMNS = (
    QT_TRANSLATE_NOOP("StandingsPage", "Hạng"),
    QT_TRANSLATE_NOOP("StandingsPage", "Hạng 6 tháng"),
    QT_TRANSLATE_NOOP("StandingsPage", "Đơn vị"),
    QT_TRANSLATE_NOOP("StandingsPage", "Vai trò"),
    QT_TRANSLATE_NOOP("StandingsPage", "Điểm tiêu chí"),
    QT_TRANSLATE_NOOP("StandingsPage", "Thưởng"),
    QT_TRANSLATE_NOOP("StandingsPage", "Trừ"),
    QT_TRANSLATE_NOOP("StandingsPage", "Tổng điểm"),
    QT_TRANSLATE_NOOP("StandingsPage", "Tự chấm"),
    QT_TRANSLATE_NOOP("StandingsPage", "Xếp loại"),
    QT_TRANSLATE_NOOP("StandingsPage", "Cách biệt"),
    QT_TRANSLATE_NOOP("StandingsPage", "Đề nghị"),
)


def _table() -> QTableWidget:
    table = QTableWidget()
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


# What the standings are computed from: a change to any of these shows at once.
STANDINGS_INPUTS = frozenset(
    {"score", "criterion", "score_period", "bloc_membership", "bloc", "unit", "nomination", "decision"}
)
PERIODS = (
    (ScorePeriodKind.YEAR, QT_TRANSLATE_NOOP("StandingsPage", "Cả năm")),
    (ScorePeriodKind.H1, QT_TRANSLATE_NOOP("StandingsPage", "6 tháng đầu năm")),
)
ACTIONS = (  # (object name, text, needs P.SCORING)
    ("enterScores", QT_TRANSLATE_NOOP("StandingsPage", "Nhập điểm…"), False),
    ("criteriaTable", QT_TRANSLATE_NOOP("StandingsPage", "Bảng tiêu chí…"), False),
    ("exportSheets", QT_TRANSLATE_NOOP("StandingsPage", "Xuất phiếu chấm (xlsx)…"), False),
    ("importSheets", QT_TRANSLATE_NOOP("StandingsPage", "Nhập phiếu chấm…"), True),
    ("closePeriod", QT_TRANSLATE_NOOP("StandingsPage", "Khóa kỳ"), True),
    ("reopenPeriod", QT_TRANSLATE_NOOP("StandingsPage", "Mở lại kỳ…"), True),
)


def _when(moment: dt.datetime | None) -> str:
    """A stored UTC moment in local time, dd/mm/yyyy HH:MM."""
    if moment is None:
        return ""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%d/%m/%Y %H:%M")


class StandingsPage(ShownPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.standings: Standings | None = None
        self.bloc = QComboBox()
        self.bloc.setObjectName("bloc")
        self.bloc.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year = QComboBox()
        self.year.setObjectName("year")
        self.period = QComboBox()
        self.period.setObjectName("period")
        for value, _text in PERIODS:
            self.period.addItem("", value.value)
        self.bloc_label, self.year_label, self.period_label = QLabel(), QLabel(), QLabel()
        self.bloc_label.setBuddy(self.bloc)
        self.year_label.setBuddy(self.year)
        self.period_label.setBuddy(self.period)
        self.state = QLabel()
        self.state.setObjectName("periodState")
        self.state.setWordWrap(True)
        # Who runs the bloc's year (its head and deputy units) and which commands are theirs.
        self.secretariat = QLabel()
        self.secretariat.setObjectName("secretariat")
        self.secretariat.setWordWrap(True)
        self.commands: dict[str, QPushButton] = {}
        self.sheet_dialog: SheetDialog | None = None
        self.criteria_dialog: CriteriaEditor | None = None
        self.reopen_dialog: ReopenDialog | None = None
        self.unit_chooser: UnitChooser | None = None
        self.report_text = ""  # the last import's report, as shown
        self.period_shown: PeriodState | None = None
        self.table = _table()
        self.table.setObjectName("standings")
        self.history = _table()
        self.history.setObjectName("history")
        self.chart = BarChart()
        self.proposal = QLabel()
        self.proposal.setObjectName("proposal")
        self.proposal.setWordWrap(True)
        self.proposal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_title = QLabel()

        pickers = QHBoxLayout()
        for widget in (
            self.bloc_label,
            self.bloc,
            self.year_label,
            self.year,
            self.period_label,
            self.period,
        ):
            pickers.addWidget(widget)
        pickers.addStretch(1)
        action_row = QHBoxLayout()
        for name, _text, _needs in ACTIONS:
            button = QPushButton()
            button.setObjectName(name)
            action_row.addWidget(button)
            self.commands[name] = button
        action_row.addWidget(self.state, 1)
        self.commands["enterScores"].clicked.connect(lambda _checked=False: self.enter_scores())
        self.commands["criteriaTable"].clicked.connect(self.edit_criteria)
        self.commands["exportSheets"].clicked.connect(self.export_sheets)
        self.commands["importSheets"].clicked.connect(self.import_sheets)
        self.commands["closePeriod"].clicked.connect(self.close_period)
        self.commands["reopenPeriod"].clicked.connect(self.reopen_period)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history)
        lower_layout.addWidget(self.chart, 1)
        lower_layout.addWidget(history_box, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addLayout(action_row)
        layout.addWidget(self.secretariat)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.proposal)
        self.bloc.currentIndexChanged.connect(lambda _i: self._bloc_changed())
        self.year.currentIndexChanged.connect(lambda _i: self.show_standings())
        self.period.currentIndexChanged.connect(lambda _i: self.show_standings())
        self.retranslate()
        hub().data_changed.connect(self._data_changed)

    def _data_changed(self, changes: Changes) -> None:
        if self.db is not None and changes.touches(STANDINGS_INPUTS):
            self.refresh_soon()

    def refresh_now(self) -> None:
        self.show_standings()
        self._show_history()

    def set_database(self, db: Database) -> None:
        self.db = db
        self.bloc.blockSignals(True)
        self.bloc.clear()
        for bloc in list_blocs(db):
            self.bloc.addItem(f"{bloc.name} ({bloc.code})", bloc.id)
        self.bloc.blockSignals(False)
        self._bloc_changed()

    def select(self, bloc_code: str, year: int, period: ScorePeriodKind | None = None) -> None:
        for i in range(self.bloc.count()):
            if self.bloc.itemText(i).endswith(f"({bloc_code})"):
                self.bloc.setCurrentIndex(i)
        self.year.setCurrentIndex(max(self.year.findData(year), 0))
        if period is not None:
            self.period.setCurrentIndex(max(self.period.findData(period.value), 0))

    def current_period(self) -> ScorePeriodKind:
        value = self.period.currentData()
        return ScorePeriodKind(value) if value else ScorePeriodKind.YEAR

    def bloc_code(self) -> str:
        text = self.bloc.currentText()
        return text[text.rfind("(") + 1 : -1] if text.endswith(")") else text

    def _bloc_changed(self) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        bloc_id = self.bloc.currentData()
        if self.db is not None and bloc_id is not None:
            years = criteria_years(self.db, bloc_id)
            for y in years:
                self.year.addItem(str(y), y)
            # The year after the last table (or this year): where last year's table is copied to.
            new = years[0] + 1 if years else dt.date.today().year
            self.year.addItem(translate("StandingsPage", "{0} (năm mới)").format(new), new)
        self.year.blockSignals(False)
        self.show_standings()
        self._show_history()

    # -- content -------------------------------------------------------------------------------
    def show_standings(self) -> None:
        bloc_id, year = self.bloc.currentData(), self.year.currentData()
        period = self.current_period()
        self.table.setRowCount(0)
        self.chart.set_bars([])
        self.standings = None
        self.table.setColumnHidden(1, period is not ScorePeriodKind.YEAR)
        self._show_state()
        if self.db is None or bloc_id is None or year is None:
            self.proposal.setText(translate("StandingsPage", "Chưa có khối nào có bảng chấm điểm."))
            return
        try:
            self.standings = compute(self.db, bloc_id, year, period=period)
        except DomainError as exc:
            self.proposal.setText(error_text(exc))
            return
        rows = self.standings.rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self._fill_row(r, row)
        self.chart.set_bars(
            [Bar(row.name, row.total if row.complete else None, row.proposal) for row in rows]
        )
        self._show_proposal()

    def _fill_row(self, r: int, row: StandingRow) -> None:
        cells = [
            (str(row.rank) if row.rank is not None else "—", True),
            (str(row.h1_rank) if row.h1_rank is not None else "—", True),
            (row.name, False),
            (label(row.role), False),
            (number(row.criteria_points), True),
            (number(row.bonus), True),
            (number(row.penalty), True),
            (number(row.total), True),
            (number(row.self_total) if row.self_total is not None else "", True),
            (band(row.band) if row.band else translate("StandingsPage", "Chưa đủ phiếu chấm"), False),
            (number(row.gap) if row.gap else "", True),
            (word(row.proposal) if row.proposal else "", False),
        ]
        for c, (text, right) in enumerate(cells):
            self.table.setItem(r, c, _item(text, right))
        name = self.table.item(r, 2)
        if name is not None:
            name.setData(Qt.ItemDataRole.UserRole, row.unit_id)

    def _show_proposal(self) -> None:
        assert self.standings is not None
        flags = [r.name for r in self.standings.rows if r.proposal == "flag"]
        merits = [r.name for r in self.standings.rows if r.proposal == "merit"]
        lines = [
            translate("StandingsPage", "Đề nghị Cờ thi đua: {0}").format(", ".join(flags) or "—"),
            translate("StandingsPage", "Đề nghị Bằng khen: {0}").format(", ".join(merits) or "—"),
        ]
        # The notes, said again from the rows in the interface's language (the service's are Vietnamese).
        if any(n.startswith("Đồng hạng dẫn đầu") for n in self.standings.notes):
            lines.append(translate("StandingsPage", "Đồng hạng dẫn đầu: {0} — khối bỏ phiếu suy tôn đơn vị đề nghị "
                                                    "Cờ thi đua.").format(", ".join(flags)))  # fmt: skip
        lines += [
            translate("StandingsPage", "{0}: phiếu chấm chưa đủ (thiếu tiêu chí {1}); chưa xếp hạng.").format(
                r.name, ", ".join(r.missing)
            )
            for r in self.standings.rows
            if not r.complete
        ]
        self.proposal.setText("\n".join(lines))

    def _show_history(self) -> None:
        bloc_id = self.bloc.currentData()
        self.history.clear()
        self.history.setRowCount(0)
        self.history.setColumnCount(0)
        if self.db is None or bloc_id is None:
            return
        try:
            history = rank_history(self.db, bloc_id)
        except DomainError:
            return
        years = sorted({y for ranks in history.values() for y in ranks})
        names = {r.unit_id: r.name for r in (self.standings.rows if self.standings else [])}
        self.history.setColumnCount(1 + len(years))
        self.history.setHorizontalHeaderLabels([translate("StandingsPage", "Đơn vị"), *map(str, years)])
        self.history.setRowCount(len(history))
        for r, (unit_id, ranks) in enumerate(sorted(history.items(), key=lambda kv: names.get(kv[0], ""))):
            self.history.setItem(r, 0, _item(names.get(unit_id, str(unit_id))))
            for c, y in enumerate(years, start=1):
                rank = ranks.get(y)
                self.history.setItem(r, c, _item(str(rank) if rank is not None else "—", True))

    def ranks_shown(self) -> list[tuple[str, str]]:
        """(unit name, rank text) as the table shows them — what the user reads."""
        return [
            (cell_text(self.table, r, 2), cell_text(self.table, r, 0)) for r in range(self.table.rowCount())
        ]

    def half_year_ranks_shown(self) -> list[tuple[str, str]]:
        """(unit name, half-year rank text) as the year's table shows them."""
        return [
            (cell_text(self.table, r, 2), cell_text(self.table, r, 1)) for r in range(self.table.rowCount())
        ]

    def retranslate(self) -> None:
        self.bloc_label.setText(translate("StandingsPage", "Khối, cụm:"))
        self.year_label.setText(translate("StandingsPage", "Năm:"))
        self.period_label.setText(translate("StandingsPage", "Kỳ:"))
        for i, (_value, text) in enumerate(PERIODS):
            self.period.setItemText(i, translate("StandingsPage", text))
        for name, text, _needs in ACTIONS:
            self.commands[name].setText(translate("StandingsPage", text))
        self.history_title.setText(translate("StandingsPage", "Thứ hạng qua các năm"))
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("StandingsPage", c) for c in COLUMNS])
        if self.db is not None:
            self.show_standings()
            self._show_history()

    # -- the bloc's year: criteria, sheets, closing -------------------------------------------
    def can_write(self) -> bool:
        """Whether the account runs the bloc's year shown (app.services.blocs.runs_secretariat:
        the administrator, an approver of the whole book, or of the head or deputy unit)."""
        if self.db is None or self.db.read_only or not can(self.db.actor, P.SCORING):
            return False
        bloc_id, year = self.bloc.currentData(), self.year.currentData()
        if bloc_id is None or year is None:
            return True
        return may_run_secretariat(self.db, int(bloc_id), int(year))

    def _show_secretariat(self, bloc_id: int, year: int, writer: bool) -> None:
        assert self.db is not None
        lead = secretariat(self.db, bloc_id, year)
        names = [
            translate("StandingsPage", "Khối trưởng: {0}").format(lead.head.name if lead.head else "—"),
            translate("StandingsPage", "khối phó: {0}").format(lead.deputy.name if lead.deputy else "—"),
        ]
        duties = translate(
            "StandingsPage",
            "Việc của thường trực khối (đơn vị khối trưởng, khối phó): bảng tiêu chí, nhập điểm, nhập phiếu chấm, "
            "khóa và mở lại kỳ, văn bản của khối.",
        )
        who = (
            translate("StandingsPage", "Tài khoản này làm được các việc đó.")
            if writer
            else translate("StandingsPage", "Tài khoản này chỉ xem.")
        )
        self.secretariat.setText(f"{'; '.join(names)}. {duties} {who}")

    def _target(self) -> tuple[Database, int, int, ScorePeriodKind] | None:
        bloc_id, year = self.bloc.currentData(), self.year.currentData()
        if self.db is None or bloc_id is None or year is None:
            return None
        return self.db, int(bloc_id), int(year), self.current_period()

    def _show_state(self) -> None:
        target = self._target()
        self.period_shown = None
        if target is None:
            self.state.clear()
            self.secretariat.clear()
            for button in self.commands.values():
                button.setEnabled(False)
            return
        db, bloc_id, year, period = target
        state = self.period_shown = period_state(db, bloc_id, year, period)
        if state.closed:
            text = translate("StandingsPage", "Đã khóa ngày {0} bởi {1}").format(
                _when(state.closed_at), state.closed_by
            )
        else:
            text = translate("StandingsPage", "Đang mở")
            if state.reopened_at is not None:
                text += " — " + translate("StandingsPage", "mở lại ngày {0} bởi {1}, lý do: {2}").format(
                    _when(state.reopened_at), state.reopened_by, state.reopen_reason
                )
        self.state.setText(text)
        writer = self.can_write()
        for name, _text, needs in ACTIONS:
            self.commands[name].setVisible(writer or not needs)
        self._show_secretariat(bloc_id, year, writer)
        self.commands["enterScores"].setEnabled(True)
        self.commands["criteriaTable"].setEnabled(True)
        self.commands["exportSheets"].setEnabled(True)
        self.commands["importSheets"].setEnabled(writer and not state.closed)
        self.commands["closePeriod"].setEnabled(writer and not state.closed)
        self.commands["reopenPeriod"].setEnabled(writer and state.closed)

    def selected_unit(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 2) if row >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def enter_scores(self, unit_id: int | None = None) -> SheetDialog | None:
        """The grid of the selected unit (or one chosen) for the bloc, year and period shown."""
        target = self._target()
        if target is None:
            return None
        db, bloc_id, year, period = target
        unit_id = unit_id or self.selected_unit()
        if unit_id is None:  # no row selected: ask which unit (window-modal, not blocking)
            chooser = self.unit_chooser = UnitChooser(members(db, bloc_id, year), self)
            chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            chooser.accepted.connect(lambda: self._chosen(chooser.unit_id()))
            chooser.open()
            return None
        try:
            dialog = SheetDialog(db, bloc_id, year, period, unit_id, self, can_write=self.can_write())
        except DomainError as exc:
            show_error(self, error_text(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.sheet_dialog = dialog
        dialog.open()
        return dialog

    def _chosen(self, unit_id: int | None) -> None:
        if unit_id is not None:
            self.enter_scores(unit_id)

    def edit_criteria(self) -> CriteriaEditor | None:
        target = self._target()
        if target is None:
            return None
        db, bloc_id, year, period = target
        dialog = CriteriaEditor(db, bloc_id, self.bloc_code(), year, period, self, can_write=self.can_write())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.criteria_dialog = dialog
        dialog.open()
        return dialog

    def choose_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self, translate("StandingsPage", "Chọn thư mục lưu phiếu chấm")
        )
        return Path(name) if name else None

    def choose_sheet_files(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self, translate("StandingsPage", "Chọn các phiếu chấm đã điền"), "", "Excel (*.xlsx)"
        )
        return [Path(n) for n in names]

    def export_sheets(self) -> list[Path]:
        """One xlsx per member unit, filled with what is entered, into a folder chosen."""
        target = self._target()
        folder = self.choose_folder() if target is not None else None
        if target is None or folder is None:
            return []
        db, _bloc_id, year, period = target
        try:
            files = export_sheets(db, self.bloc_code(), year, period, folder)
        except (DomainError, OSError) as exc:
            show_error(self, error_text(exc))
            return []
        show_info(
            self, translate("StandingsPage", "Đã xuất {0} phiếu chấm vào {1}.").format(len(files), folder)
        )
        return files

    def import_sheets(self) -> None:
        """Filled sheets back in, all or nothing; the report lists every problem of every row."""
        target = self._target()
        paths = self.choose_sheet_files() if target is not None else []
        if target is None or not paths:
            return
        db, _bloc_id, year, period = target
        code = self.bloc_code()

        def done(report: object) -> None:
            assert isinstance(report, ScoreImportReport)
            lines = [translate_message(report.summary())] + [
                translate_message(str(p)) for p in report.problems
            ]
            self.report_text = "\n".join(lines)
            (show_info if report.ok else show_error)(self, self.report_text)

        def failed(exc: BaseException) -> None:
            self.report_text = error_text(exc)
            show_error(self, self.report_text)

        self.op = run_write(
            self, translate("StandingsPage", "Đang nhập phiếu chấm…"), db,
            lambda: import_sheets(db, paths, bloc_code=code, year=year, period=period),
            on_done=done, on_error=failed,
        )  # fmt: skip

    def close_period(self) -> None:
        """Khóa kỳ, once the bloc's meeting approved the standings (audited)."""
        target = self._target()
        if target is None:
            return
        db, bloc_id, year, period = target
        question = translate(
            "StandingsPage", "Khóa kỳ chấm điểm này? Sau khi khóa, muốn sửa điểm phải mở lại kỳ (kèm lý do)."
        )
        if not ask(self, translate("StandingsPage", "Khóa kỳ"), question):
            return
        self.op = run_write(
            self, translate("StandingsPage", "Đang khóa kỳ…"), db, lambda: close_period(db, bloc_id, year, period),
            on_done=lambda _s: self._show_state(), on_error=lambda exc: show_error(self, error_text(exc)),
        )  # fmt: skip

    def reopen_period(self) -> ReopenDialog | None:
        target = self._target()
        if target is None:
            return None
        db, bloc_id, year, period = target
        dialog = ReopenDialog(db, bloc_id, year, period, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reopen_dialog = dialog
        dialog.open()
        return dialog
