"""``thidua scores ACTION``: a bloc's score sheets per period (issue #15).

- ``export --bloc KTKT --year 2025 --period h1 --out DIR [--unit CODE]``: one .xlsx per member unit;
- ``import FILE... [--dry-run] [--bloc --year --period]``: filled sheets back, all or nothing,
  every problem listed on stderr (exit status 2 if any);
- ``show --bloc KTKT --year 2025 --period h1``: the standings (rank, unit, total, band; the
  half-year rank beside the year's) and each unit's sheet, complete or not;
- ``close`` / ``reopen --reason …``: close a period once the bloc's meeting approved it;
- ``criteria-export --out FILE.xlsx`` / ``criteria-import FILE [--dry-run]``: the criteria table
  (bảng tiêu chí) of the bloc, year and period out and back in (another year or period in the
  file's header, or given, copies it there).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import DomainError
from .base import EXIT_OK, EXIT_USER_ERROR, Command
from .login import opened

ACTIONS = ("export", "import", "show", "close", "reopen", "criteria-export", "criteria-import")
PERIODS = ("h1", "year")  # app.model.ScorePeriodKind, not imported here (``--help`` stays light)


def _need(args: argparse.Namespace, *names: str) -> None:
    missing = [n for n in names if getattr(args, n, None) in (None, "")]
    if missing:
        raise DomainError(
            f"Lệnh «scores {args.action}» cần: "
            + ", ".join("--" + n.replace("_", "-") for n in missing)
            + "."
        )


def _period(args: argparse.Namespace) -> str:
    return str(args.period or "year")


def _export(args: argparse.Namespace) -> int:
    from ..excel.score_sheets import export_sheets
    from ..model import ScorePeriodKind

    _need(args, "bloc", "year", "out")
    with opened(args, writes=False) as db:
        files = export_sheets(
            db, args.bloc, args.year, ScorePeriodKind(_period(args)), Path(args.out), args.unit
        )
    for path in files:
        print(f"Đã xuất {path}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from ..excel.score_sheets import import_sheets
    from ..model import ScorePeriodKind

    if not args.files:
        raise DomainError("Lệnh «scores import» cần ít nhất một tệp phiếu chấm điểm.")
    with opened(args, writes=not args.dry_run) as db:
        report = import_sheets(
            db,
            [Path(f) for f in args.files],
            bloc_code=args.bloc,
            year=args.year,
            period=ScorePeriodKind(args.period) if args.period else None,
            dry_run=args.dry_run,
        )
    for p in report.problems[:500]:
        print(f"- {p}", file=sys.stderr)
    if len(report.problems) > 500:
        print(f"… và {len(report.problems) - 500} lỗi khác.", file=sys.stderr)
    for sheet in report.sheets:
        print(f"  {sheet.file}: đơn vị {sheet.unit_code}, {len(sheet.entries)} dòng điểm")
    print(report.summary())
    return EXIT_USER_ERROR if report.problems else EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from ..model import ScorePeriodKind
    from ..services.score_periods import period_name, period_state
    from ..services.score_sheets import sheet_status
    from ..services.standings import bloc_by_code, compute

    _need(args, "bloc", "year")
    period = ScorePeriodKind(_period(args))
    with opened(args, writes=False) as db:
        bloc = bloc_by_code(db, args.bloc)
        table = compute(db, bloc.id, args.year, None, period)
        status = sheet_status(db, bloc.id, args.year, period)
        state = period_state(db, bloc.id, args.year, period)
    when = f"đã khóa {state.closed_at:%d/%m/%Y} ({state.closed_by})" if state.closed_at else "đang mở"
    print(f"{table.bloc_code} — {table.bloc_name}, {period_name(period, args.year)} ({when})")
    half = period is ScorePeriodKind.YEAR and any(r.h1_rank is not None for r in table.rows)
    head = f"{'Hạng':>4}  {'Mã':<10} {'Đơn vị':<40} {'Tổng':>7}  {'Xếp loại':<12}"
    print(head + "  Hạng 6 tháng" if half else head.rstrip())
    for r in table.rows:
        rank = str(r.rank) if r.rank is not None else "—"
        total = f"{r.total:>7.2f}" if r.complete else f"{'—':>7}"
        band = r.band or "chưa xếp"
        line = f"{rank:>4}  {r.code:<10.10} {r.name:<40.40} {total}  {band:<12}"
        if half:
            line += f"  {r.h1_rank if r.h1_rank is not None else '—':>12}"
        print(line.rstrip())
    print("Phiếu chấm:")
    for s in status:
        state_text = "đủ" if s.complete else "chưa đủ (thiếu " + ", ".join(s.missing) + ")"
        print(f"  {s.code:<10} {s.name:<40.40} {state_text}")
    for note in table.notes:
        print(f"* {note}")
    return EXIT_OK


def _close(args: argparse.Namespace) -> int:
    from ..model import ScorePeriodKind
    from ..services.score_periods import close_period, period_name, reopen_period
    from ..services.standings import bloc_by_code

    _need(args, "bloc", "year")
    if args.action == "reopen":
        _need(args, "reason")
    period = ScorePeriodKind(_period(args))
    with opened(args, writes=True) as db:
        bloc = bloc_by_code(db, args.bloc)
        if args.action == "close":
            close_period(db, bloc.id, args.year, period)
            print(f"Đã khóa kỳ chấm điểm {period_name(period, args.year)} của khối {bloc.code}.")
        else:
            reopen_period(db, bloc.id, args.year, period, args.reason)
            print(f"Đã mở lại kỳ chấm điểm {period_name(period, args.year)} của khối {bloc.code}.")
    return EXIT_OK


def _criteria_export(args: argparse.Namespace) -> int:
    from ..excel.criteria_tables import export_criteria
    from ..model import ScorePeriodKind

    _need(args, "bloc", "year", "out")
    with opened(args, writes=False) as db:
        out = export_criteria(db, args.bloc, args.year, ScorePeriodKind(_period(args)), Path(args.out))
    print(f"Đã xuất {out}")
    return EXIT_OK


def _criteria_import(args: argparse.Namespace) -> int:
    from ..excel.criteria_tables import import_criteria
    from ..model import ScorePeriodKind

    if len(args.files) != 1:
        raise DomainError("Lệnh «scores criteria-import» cần đúng một tệp bảng tiêu chí.")
    with opened(args, writes=not args.dry_run) as db:
        report = import_criteria(
            db,
            Path(args.files[0]),
            bloc_code=args.bloc,
            year=args.year,
            period=ScorePeriodKind(args.period) if args.period else None,
            dry_run=args.dry_run,
        )
    for p in report.problems:
        print(f"- {p}", file=sys.stderr)
    print(report.summary())
    return EXIT_USER_ERROR if report.problems else EXIT_OK


_RUN = {"export": _export, "import": _import, "show": _show, "close": _close, "reopen": _close,
        "criteria-export": _criteria_export, "criteria-import": _criteria_import}  # fmt: skip


def _cmd_scores(args: argparse.Namespace) -> int:
    return _RUN[args.action](args)


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=ACTIONS, metavar="VIỆC", help=" | ".join(ACTIONS))
    p.add_argument(
        "files",
        nargs="*",
        metavar="TỆP",
        help="các tệp phiếu chấm điểm .xlsx (import); tệp bảng tiêu chí (criteria-import)",
    )
    p.add_argument("--bloc", metavar="MÃ", help="mã khối thi đua, ví dụ KTKT")
    p.add_argument("--year", type=int, metavar="NĂM")
    p.add_argument("--period", choices=PERIODS, help="h1: 6 tháng đầu năm; year: cả năm (mặc định)")
    p.add_argument(
        "--out", metavar="THƯ_MỤC", help="thư mục nhận các tệp phiếu (export); tệp .xlsx (criteria-export)"
    )
    p.add_argument("--unit", metavar="MÃ", help="chỉ phiếu của một đơn vị (export)")
    p.add_argument(
        "--dry-run", action="store_true", help="chỉ kiểm tra, liệt kê mọi lỗi; không ghi gì (import)"
    )
    p.add_argument("--reason", metavar="LÝ_DO", help="lý do mở lại kỳ đã khóa (reopen)")


COMMANDS = (
    Command("scores", "phiếu chấm điểm thi đua khối theo kỳ (6 tháng, cả năm): xuất (export), nhập (import), "
            "xem (show), khóa (close), mở lại (reopen); bảng tiêu chí: criteria-export, criteria-import", _cmd_scores, _arguments),
)  # fmt: skip
